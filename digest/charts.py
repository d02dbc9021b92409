"""Charts drawn at build time as inline SVG: no charting library is shipped to the browser.

Each mark is a link (to its day or article) and has a <title> for a tooltip and for
screen readers; the figure carries a text summary too.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Sequence

from markupsafe import Markup, escape

from digest import urls
from digest.model import Article, Day


# The timeline's plot is about as wide as the default theme's text column (46rem less its padding,
# ~748 CSS px), so on a desktop one viewBox unit is about one pixel. Each bin is a link over its whole
# column, not just its bars, and a column under MIN_SLOT units is too fiddly to hit with a mouse, so the
# plot holds at most PLOT // MIN_SLOT = 60 bins. (A phone draws it at under half size: those columns are
# ~6 px wide by 40 tall there; every day is also linked from the archive.) The finest calendar unit
# that fits wins: days up to two months, ISO weeks up to ~14 months (a year is 52-53 weeks), months up to
# five years, then years (several per bar only when a misdated outlier stretches the span to centuries).
PLOT = 720
MIN_SLOT = 12
MAX_SLOT = 64
MAX_BINS = PLOT // MIN_SLOT
CHAR_WIDTH = 7  # a generous 11px sans-serif character, in viewBox units, to space the axis labels


def timeline(days: Sequence[Day], by_slug: dict[str, Article], link: Callable[[str], str]) -> Markup:
    """Articles and quotes per day, week, month or year (whichever fits the span), oldest left.

    Each bin with articles links to its oldest day's page: every such day has a page, whatever
    the theme, and from there "newer" walks through the rest of the bin.
    """
    dated = sorted((d for d in days if d.date is not None), key=lambda d: d.date)
    if not dated:
        return Markup("")
    unit, step, starts = _bins(dated[0].date, dated[-1].date)
    members: list[list[Day]] = [[] for _ in starts]
    for day in dated:
        members[bisect.bisect_right(starts, day.date) - 1].append(day)
    slugs = [[slug for day in group for slug in day.articles] for group in members]
    counts = [(len(group), sum(len(by_slug[slug].quotes) for slug in group)) for group in slugs]
    # Each series on its own scale (quotes outnumber articles ten to one), with the counts
    # printed on the bars when there is room, so the two scales never mislead.
    top_articles = max(a for a, _ in counts) or 1
    top_quotes = max(q for _, q in counts) or 1
    slot = min(MAX_SLOT, PLOT // len(starts))
    bar = min(18, max(1, (slot * 3 // 4 - 1) // 2))
    labels = [_label(start, unit, step) for start in starts]
    label_width = CHAR_WIDTH * max(4, *(len(label) for label in labels))  # 4: the year line under them
    side = max(10, label_width - slot // 2 + 2)  # the outermost labels stay inside, even drawn twice as large
    height, base = 120, 84
    width = max(slot * len(starts) + 2 * side, 320)
    summary = [f"{_name(start, unit, step)}: {counted(a, 'article')}, {counted(q, 'quote')}" for start, (a, q) in zip(starts, counts)]
    parts = [
        f'<svg class="chart timeline{" wide" if width > 480 else ""}" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="group" aria-labelledby="tl-title" aria-describedby="tl-desc">',
        f"<title id=\"tl-title\">Articles and quotes per {unit if step == 1 else f'{step} years'}</title>",
        f'<desc id="tl-desc">{escape("; ".join(s for s, g in zip(summary, members) if g))}</desc>',
        f'<line class="axis" x1="{side}" y1="{base + 1}" x2="{side + slot * len(starts)}" y2="{base + 1}"/>',
    ]
    for i, (group, (articles, quotes)) in enumerate(zip(members, counts)):
        if not group:
            continue  # an empty stretch of the axis: nothing to show or link to
        left = side + i * slot
        x = left + (slot - 2 * bar - 1) // 2
        a_h = round((base - 16) * articles / top_articles)
        q_h = round((base - 16) * quotes / top_quotes)
        parts.append(f'<a href="{escape(link(urls.day_url(group[0].slug)))}"><title>{escape(summary[i])}</title>')
        parts.append(f'<rect class="hit" x="{left}" y="0" width="{slot}" height="{base}"/>')
        parts.append(f'<rect class="bar-articles" x="{x}" y="{base - a_h}" width="{bar}" height="{max(a_h, 1)}"/>')
        parts.append(f'<rect class="bar-quotes" x="{x + bar + 1}" y="{base - q_h}" width="{bar}" height="{max(q_h, 1)}"/>')
        if slot >= 40:
            parts.append(f'<text class="count" x="{x + bar // 2}" y="{base - a_h - 4}" text-anchor="middle">{articles}</text>')
            parts.append(f'<text class="count" x="{x + bar + 1 + bar // 2}" y="{base - q_h - 4}" text-anchor="middle">{quotes}</text>')
        parts.append("</a>")
    every = -(-(label_width + 8) // slot)  # labelled bins are at least a label and a gap apart
    centres = [side + i * slot + slot // 2 for i in range(len(starts))]
    parts.extend(_ticks(starts, unit, labels, every, centres, base))
    parts.append("</svg>")
    legend = '<p class="legend"><span class="key key-articles"></span> articles <span class="key key-quotes"></span> quotes</p>'
    return Markup(f'<figure class="figure">{"".join(parts)}{legend}</figure>')


def _ticks(starts: list[dt.date], unit: str, labels: list[str], every: int, centres: list[int], base: int) -> list[str]:
    """The axis labels of every `every`-th bin, and the year under the first label of each year.

    A phone shows a wide chart at about half size, so there the stylesheet draws the labels
    twice as large and hides the odd-numbered ones; the year goes only under even ones. The
    labels repeat what the bars' titles and the description say, so screen readers skip them.
    """
    if unit == "month":  # the same months every year, January among them, even on a phone
        every = next(n for n in (1, 2, 3, 6, 12) if n >= every)
    texts = ['<g class="ticks" aria-hidden="true">']
    year_shown = None
    for i, start in enumerate(starts):
        # Months count from January; other bins from the newest, which is then always labelled.
        ordinal = start.year * 12 + start.month - 1 if unit == "month" else len(starts) - 1 - i
        number, unlabelled = divmod(ordinal, every)
        if unlabelled:
            continue
        odd = number % 2
        texts.append(f'<text class="tick{" odd" if odd else ""}" x="{centres[i]}" y="{base + 16}" text-anchor="middle">{escape(labels[i])}</text>')
        if unit != "year" and not odd and start.year != year_shown:  # so that "3 Jan" is never ambiguous
            year_shown = start.year
            texts.append(f'<text class="tick year" x="{centres[i]}" y="{base + 30}" text-anchor="middle">{year_shown}</text>')
    texts.append("</g>")
    return texts


def _bins(first: dt.date, last: dt.date) -> tuple[str, int, list[dt.date]]:
    """The finest unit that spans first..last in at most MAX_BINS bins: (unit, step, bin start dates)."""
    for unit in ("day", "week", "month"):
        starts = _starts(first, last, unit, 1)
        if len(starts) <= MAX_BINS:
            return unit, 1, starts
    step = -(-(last.year - first.year + 1) // MAX_BINS)
    return "year", step, _starts(first, last, "year", step)


def _starts(first: dt.date, last: dt.date, unit: str, step: int) -> list[dt.date]:
    """Bin start dates from first's bin on; stops one past MAX_BINS, which is already too many."""
    if unit == "week":
        start = first - dt.timedelta(days=first.weekday())  # ISO weeks start on Monday
    else:
        start = {"day": first, "month": first.replace(day=1), "year": first.replace(month=1, day=1)}[unit]
    starts: list[dt.date] = []
    while start <= last and len(starts) <= MAX_BINS:
        starts.append(start)
        if unit in ("day", "week"):
            start += dt.timedelta(days=1 if unit == "day" else 7)
        elif unit == "month":
            start = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        else:
            start = start.replace(year=start.year + step)
    return starts


def _label(start: dt.date, unit: str, step: int) -> str:
    """The short axis label of a bin; the year is printed on its own line under the labels."""
    if unit == "day":
        return f"{start:%a} {start.day} {start:%b}"
    if unit == "week":
        return f"{start.day} {start:%b}"
    return f"{start:%b}" if unit == "month" else _name(start, unit, step)


def _name(start: dt.date, unit: str, step: int) -> str:
    """A bin's full name for its tooltip and the chart's description."""
    if unit == "day":
        return f"{start:%A} {start.day} {start:%B %Y}"
    if unit == "week":
        return f"Week of {start.day} {start:%b %Y}"
    if unit == "month":
        return f"{start:%B %Y}"
    return str(start.year) if step == 1 else f"{start.year}\u2013{start.year + step - 1}"


def counted(n: int, noun: str) -> str:
    """"1 article", "2 articles": the one place counts are worded (charts, pages, the build summary)."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


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
        label = f"{day:%d %B %Y}: {counted(count, 'quote')}"
        parts.append(f'<a href="{escape(link(urls.article_url(article.slug)))}"><title>{escape(label)}</title>')
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
