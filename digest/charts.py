"""Charts drawn at build time as inline SVG: no charting library is shipped to the browser.

Each mark is a link (to its day or article) and has a <title> for a tooltip and for
screen readers; the figure carries a text summary too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from markupsafe import Markup, escape

from digest import urls
from digest.model import Article, Day


def timeline(days: Sequence[Day], by_slug: dict[str, Article], link: Callable[[str], str]) -> Markup:
    """Articles and quotes per day, oldest left, one bar pair per dated day."""
    dated = sorted((d for d in days if d.date is not None), key=lambda d: d.date)
    if not dated:
        return Markup("")
    counts = [(d, len(d.articles), sum(len(by_slug[s].quotes) for s in d.articles)) for d in dated]
    # Each series on its own scale (quotes outnumber articles ten to one), with the counts
    # printed on the bars so the two scales never mislead.
    top_articles = max(a for _, a, _ in counts) or 1
    top_quotes = max(q for _, _, q in counts) or 1
    # A month fits at full width; a year of days shrinks the bars, labels every few days.
    slot = max(4, min(64, 900 // len(counts)))
    bar = max(1, (slot - 8) // 2) if slot >= 12 else max(1, slot // 2)
    every = max(1, -(-len(counts) * 64 // 900)) if slot < 64 else 1
    height, base = 110, 84
    width = max(slot * len(counts) + 20, 320)
    parts = [
        f'<svg class="chart timeline" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="group" aria-labelledby="tl-title" aria-describedby="tl-desc">',
        '<title id="tl-title">Articles and quotes per day</title>',
        f'<desc id="tl-desc">{escape(_describe(counts))}</desc>',
    ]
    for i, (day, articles, quotes) in enumerate(counts):
        x = i * slot + 10
        counts_visible = slot >= 40
        a_h = round((base - 16) * articles / top_articles)
        q_h = round((base - 16) * quotes / top_quotes)
        label = f"{day.date:%a %d %b}"
        parts.append(f'<a href="{escape(link(urls.day_url(day.slug)))}">')
        parts.append(f"<title>{escape(f'{day.date:%A %d %B %Y}: {articles} articles, {quotes} quotes')}</title>")
        width_bar = min(bar, 18)
        parts.append(f'<rect class="bar-articles" x="{x}" y="{base - a_h}" width="{width_bar}" height="{max(a_h, 1)}"/>')
        parts.append(f'<rect class="bar-quotes" x="{x + width_bar + 1}" y="{base - q_h}" width="{width_bar}" height="{max(q_h, 1)}"/>')
        if counts_visible:
            parts.append(f'<text class="count" x="{x + width_bar // 2}" y="{base - a_h - 4}" text-anchor="middle">{articles}</text>')
            parts.append(f'<text class="count" x="{x + width_bar + 1 + width_bar // 2}" y="{base - q_h - 4}" text-anchor="middle">{quotes}</text>')
        if i % every == 0:
            parts.append(f'<text x="{x + width_bar}" y="{base + 18}" text-anchor="middle">{escape(label)}</text>')
        parts.append("</a>")
    parts.append("</svg>")
    legend = '<p class="legend"><span class="key key-articles"></span> articles <span class="key key-quotes"></span> quotes</p>'
    return Markup(f'<figure class="figure">{"".join(parts)}{legend}</figure>')


def speaker_chart(items: Sequence[tuple[Article, int]], link: Callable[[str], str]) -> Markup:
    """A speaker's quotes over time: one dot per dated day, sized by count."""
    per_day: dict[dt.date, list[Article]] = {}
    for article, _ in items:
        if article.date:
            per_day.setdefault(article.date, []).append(article)
    if len(per_day) < 2:
        return Markup("")  # one day is said better in words than in a chart
    days = sorted(per_day)
    span = max((days[-1] - days[0]).days, 1)
    width, height = 320, 60
    parts = [f'<svg class="chart sparkline" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="group" aria-label="Quotes over time">']
    parts.append(f'<line x1="10" y1="30" x2="{width - 10}" y2="30" class="axis"/>')
    for day in days:
        x = 10 + round((width - 20) * (day - days[0]).days / span)
        count = len(per_day[day])
        article = per_day[day][0]
        parts.append(f'<a href="{escape(link(urls.article_url(article.slug)))}"><title>{escape(f"{day:%d %B %Y}: {count} quote(s)")}</title>')
        parts.append(f'<circle cx="{x}" cy="30" r="{min(4 + 2 * count, 14)}" class="dot"/></a>')
    parts.append(f'<text x="10" y="56">{escape(f"{days[0]:%d %b}")}</text><text x="{width - 10}" y="56" text-anchor="end">{escape(f"{days[-1]:%d %b %Y}")}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def bar_list(rows: Sequence[tuple[str, str, int]]) -> Markup:
    """Horizontal bars for counts (e.g. articles per outlet): (label, href, count)."""
    if not rows:
        return Markup("")
    top = max(count for _, _, count in rows) or 1
    items = "".join(
        f'<li><a href="{escape(href)}">{escape(label)}</a> <span class="bar" style="width:{max(4, round(100 * count / top))}%"></span> <span class="num">{count}</span></li>'
        for label, href, count in rows
    )
    return Markup(f'<ul class="bars">{items}</ul>')


def _describe(counts) -> str:
    return "; ".join(f"{d.date:%d %B}: {a} articles, {q} quotes" for d, a, q in counts)
