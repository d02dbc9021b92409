"""Feeds and machine-readable files: Atom (RFC 4287), sitemap.xml, robots.txt.

Feeds and the sitemap use absolute URLs built from site.base_url; without it the feed
falls back to relative links and the sitemap is skipped (the build warns). Timestamps
come from article dates, never the wall clock, so two builds are byte-identical: the start
of the day an article is filed under, in site.timezone, with that zone's offset.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Sequence
from functools import partial
from xml.sax.saxutils import escape, quoteattr

from digest import __version__, urls
from digest.dates.stamps import day_start
from digest.model import Article, Site, Speaker

FEED = "feed.xml"
FEED_LIMIT = 50


def speaker_feed_url(slug: str) -> str:
    return f"speakers/{slug}.xml"


def feed_outputs(site: Site, base_url: str, zone: str, later_pages: Sequence[str] = ()) -> list[tuple[str, str | None, Callable[[], bytes]]]:
    """(path, speaker slug or None for site-wide files, producer) for every feed-like file.
    `later_pages` are the pages 2 and on of long lists, for the sitemap.

    Producers are called only for files that changed, so a speaker's feed is rebuilt only
    when that speaker's quotes did."""
    by_slug = {a.slug: a for a in site.articles}
    outputs: list[tuple[str, str | None, Callable[[], bytes]]] = [(FEED, None, lambda: briefing_feed(site, base_url, zone).encode("utf-8"))]
    for speaker in site.speakers:
        outputs.append((speaker_feed_url(speaker.slug), speaker.slug, partial(_speaker_feed_bytes, speaker, by_slug, site, base_url, zone)))
    if base_url:
        outputs.append(("sitemap.xml", None, lambda: sitemap(site, base_url, later_pages).encode("utf-8")))
    outputs.append(("robots.txt", None, lambda: robots(base_url).encode("utf-8")))
    return outputs


def _speaker_feed_bytes(speaker: Speaker, by_slug: dict[str, Article], site: Site, base_url: str, zone: str) -> bytes:
    return speaker_feed(speaker, by_slug, site, base_url, zone).encode("utf-8")


def briefing_feed(site: Site, base_url: str, zone: str) -> str:
    articles = [a for a in site.articles][:FEED_LIMIT]  # already newest first
    entries = [
        _entry(
            title=a.title,
            link=_link(base_url, FEED, urls.article_url(a.slug)),
            entry_id=_id(base_url, urls.article_url(a.slug)),
            updated=_timestamp(a.date, zone),
            summary=" ".join(s.text for s in a.summary),
            authors=a.meta.authors or ((a.outlet,) if a.outlet else ()),
        )
        for a in articles
    ]
    return _feed(
        site.title, _link(base_url, FEED, urls.INDEX), _link(base_url, FEED, FEED), _id(base_url, FEED), _timestamp(_newest(articles), zone), entries
    )


def speaker_feed(speaker: Speaker, by_slug: dict[str, Article], site: Site, base_url: str, zone: str) -> str:
    own = speaker_feed_url(speaker.slug)
    entries = []
    for slug, index in speaker.quotes[:FEED_LIMIT]:
        article = by_slug[slug]
        quote = article.quotes[index]
        target = f"{urls.article_url(slug)}#q-{index + 1}"
        entries.append(
            _entry(
                title=f"{speaker.name}: \u201c{_shorten(quote.text, 90)}\u201d",
                link=_link(base_url, own, target),
                entry_id=_id(base_url, target),
                updated=_timestamp(article.date, zone),
                summary=f"\u201c{quote.text}\u201d \u2014 {speaker.name}, in \u201c{article.title}\u201d{' (' + article.outlet + ')' if article.outlet else ''}",
                authors=(speaker.name,),
            )
        )
    quoted = [by_slug[slug] for slug, _ in speaker.quotes]
    return _feed(
        f"{speaker.name} \u2014 {site.title}",
        _link(base_url, own, urls.speaker_url(speaker.slug)),
        _link(base_url, own, own),
        _id(base_url, own),
        _timestamp(_newest(quoted), zone),
        entries,
    )


def _feed(title: str, alternate: str, self_link: str, feed_id: str, updated: str, entries: list[str]) -> str:
    return "".join(
        [
            '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n',
            f"  <title>{escape(title)}</title>\n",
            f"  <link rel=\"alternate\" type=\"text/html\" href={quoteattr(alternate)}/>\n",
            f"  <link rel=\"self\" type=\"application/atom+xml\" href={quoteattr(self_link)}/>\n",
            f"  <id>{escape(feed_id)}</id>\n",
            f"  <updated>{updated}</updated>\n",
            f'  <generator version="{__version__}">digest</generator>\n',
            *entries,
            "</feed>\n",
        ]
    )


def _entry(*, title: str, link: str, entry_id: str, updated: str, summary: str, authors) -> str:
    names = [a for a in authors if a] or ["Unknown"]
    people = "".join(f"    <author><name>{escape(_clean(n))}</name></author>\n" for n in names)
    return (
        "  <entry>\n"
        f"    <title>{escape(_clean(title))}</title>\n"
        f"    <link rel=\"alternate\" type=\"text/html\" href={quoteattr(link)}/>\n"
        f"    <id>{escape(entry_id)}</id>\n"
        f"    <updated>{updated}</updated>\n"
        f"{people}"
        f"    <summary type=\"text\">{escape(_clean(summary))}</summary>\n"
        "  </entry>\n"
    )


def sitemap(site: Site, base_url: str, later_pages: Sequence[str] = ()) -> str:
    """Every page but 404.html, with the later pages of long lists at the end."""
    paths = [urls.INDEX, urls.SPEAKERS, urls.SPEAKERS_BY_NAME, urls.OUTLETS, urls.SEARCH, urls.ARCHIVE]
    paths += [urls.day_url(d.slug) for d in site.days]
    paths += [urls.article_url(a.slug) for a in site.articles]
    paths += [urls.speaker_url(s.slug) for s in site.speakers]
    paths += [urls.outlet_url(o.slug) for o in site.outlets]
    paths += later_pages
    rows = "".join(f"  <url><loc>{escape(urls.absolute(base_url, p))}</loc></url>\n" for p in paths)
    return f'<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{rows}</urlset>\n'


def robots(base_url: str) -> str:
    lines = ["User-agent: *", "Allow: /"]
    if base_url:
        lines.append(f"Sitemap: {urls.absolute(base_url, 'sitemap.xml')}")
    return "\n".join(lines) + "\n"


def _link(base_url: str, from_path: str, target: str) -> str:
    return urls.absolute(base_url, target) if base_url else urls.relative(from_path, target)


def _id(base_url: str, path: str) -> str:
    if base_url:
        return urls.absolute(base_url, path)
    # Without a base URL an id must still be a stable IRI: a URN from the path.
    return "urn:digest:" + hashlib.sha1(path.encode("utf-8")).hexdigest()


def _newest(articles) -> dt.date | None:
    dates = [a.date for a in articles if a.date]
    return max(dates) if dates else None


def _timestamp(day: dt.date | None, zone: str) -> str:
    return day_start(day, zone) if day else "1970-01-01T00:00:00Z"  # Atom requires one; undated has none


_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    # XML 1.0 forbids most control characters even when escaped.
    return _FORBIDDEN.sub("", text)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "\u2026"
