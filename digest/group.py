"""Stage: group. The collection-level reduce over analysed articles.

Resolves dates across the collection, gives every article, speaker and outlet a
unique slug, merges speakers across articles, and groups by day, speaker and outlet.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from digest.briefing import daily_briefing
from digest.summarize import summarize
from digest.dates import resolve_dates
from digest.duplicates import merge_duplicates
from digest.model import Article, Day, Outlet, Site, Speaker
from digest.people import merge_speakers
from digest.slugs import SlugAllocator
from digest.warm import Memo

UNKNOWN = "UNKNOWN"
UNDATED_SLUG = "undated"
# Slugs that pages of their own already use in the same folder.
RESERVED = ("index", "by-name")


def group(
    articles: Sequence[Article],
    *,
    title: str,
    briefing_sentences: int = 6,
    algorithm: str = "default",
    merge_copies: bool = True,
    memo: Memo | None = None,
) -> tuple[Site, list[str]]:
    """Build the Site; returns it with warnings (e.g. slug collisions).

    Every step runs over the whole collection, as the answers are collection-wide. With
    `memo` (a warm build's), the results whose inputs rarely change after one edit are
    looked up by those inputs: the date resolution, a day's briefing, the speaker merge
    and the shingles of near-duplicate candidates. `algorithm` is the summary algorithm
    (config `summary.algorithm`), used again when a small day needs longer summaries."""
    memo = memo if memo is not None else Memo()
    warnings: list[str] = []
    if merge_copies:
        articles, notes = merge_duplicates(articles, memo)
        warnings.extend(notes)
    articles = _resolve_dates(articles, memo)
    articles = _assign_slugs(articles, warnings)
    articles, aliases = _canonical_speakers(articles, memo)
    articles = tuple(sorted(articles, key=_article_order))
    days = _days(articles)
    by_slug = {a.slug: a for a in articles}
    briefings = tuple((day.slug, _memo_briefing(day, by_slug, briefing_sentences, algorithm, memo)) for day in days)
    site = Site(
        title=title,
        articles=articles,
        days=days,
        speakers=_speakers(articles, aliases, warnings),
        outlets=_outlets(articles),
        briefings=briefings,
    )
    return site, warnings


BRIEFING_MINIMUM = 5


def _memo_briefing(day: Day, by_slug: dict[str, Article], sentences: int, algorithm: str, memo: Memo):
    # A briefing reads its articles' summaries and bodies: functions of each file's bytes
    # (the memo is dropped when the analysis settings change).
    key = ("briefing", sentences, algorithm, tuple((slug, by_slug[slug].source.path, by_slug[slug].source.content_hash) for slug in day.articles))
    return memo.make(key, lambda: _briefing(day, by_slug, sentences, algorithm))


def _briefing(day: Day, by_slug: dict[str, Article], sentences: int, algorithm: str):
    """The day's briefing from its articles' summaries. A small day (two or three short
    summaries) draws on a longer summary of each article, so it still gets 5 to 8
    sentences; big days have plenty and cost nothing extra."""
    pools = [(slug, by_slug[slug].summary) for slug in day.articles]
    if len(pools) > 1 and sum(len(summary) for _, summary in pools) < min(BRIEFING_MINIMUM, sentences):
        per_article = -(-sentences // len(pools)) + 1
        pools = [
            (
                slug,
                summarize(by_slug[slug].body.paragraphs, algorithm=algorithm, sentences=per_article, max_words=40 * per_article)
                or summary,
            )
            for slug, summary in pools
        ]
    return daily_briefing(pools, sentences=sentences)


def _resolve_dates(articles: Sequence[Article], memo: Memo) -> tuple[Article, ...]:
    # Dates are resolved across the whole collection, so the last answer holds only if every
    # article's metadata is as it was; an edit that adds no date, weekday or title leaves it so.
    metas = tuple(a.meta for a in articles)
    last = memo.get("dates")
    if last is not None and len(last[0]) == len(metas) and all(a is b or a == b for a, b in zip(last[0], metas)):
        guesses = last[1]
    else:
        guesses = resolve_dates(metas)
    memo.put("dates", (metas, guesses))
    return tuple(
        dataclasses.replace(a, meta=dataclasses.replace(a.meta, date=guess)) for a, guess in zip(articles, guesses, strict=True)
    )


def _assign_slugs(articles: Sequence[Article], warnings: list[str]) -> tuple[Article, ...]:
    allocator = SlugAllocator(RESERVED)
    out = []
    # Allocate in source order so the same input always gets the same slugs.
    for article in sorted(articles, key=lambda a: a.source.path):
        stem = article.source.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        slug = allocator.allocate(article.title, fallback=stem)
        out.append(dataclasses.replace(article, slug=slug))
    for base, slug in allocator.collisions:
        warnings.append(f"two articles would both be at articles/{base}.html; the later one is at articles/{slug}.html")
    return tuple(out)


def _canonical_speakers(articles: Sequence[Article], memo: Memo) -> tuple[tuple[Article, ...], dict[str, set[str]]]:
    names = tuple(sorted({q.speaker for a in articles for q in a.quotes if q.speaker and q.speaker != UNKNOWN}))
    canonical = memo.make(("speakers", names), lambda: merge_speakers(names)) if names else {}
    aliases: dict[str, set[str]] = defaultdict(set)
    for name in names:
        aliases[canonical.get(name, name)].add(name)
    out = []
    for article in articles:
        # Most names are already canonical: copy only the articles and quotes that change.
        if any(canonical.get(q.speaker, q.speaker) != q.speaker for q in article.quotes):
            quotes = tuple(
                q if canonical.get(q.speaker, q.speaker) == q.speaker else dataclasses.replace(q, speaker=canonical[q.speaker])
                for q in article.quotes
            )
            article = dataclasses.replace(article, quotes=quotes)
        out.append(article)
    return tuple(out), aliases


def _article_order(article: Article) -> tuple:
    # Newest first; undated last; then by title for a stable order within a day.
    date = article.date
    return (date is None, -(date.toordinal() if date else 0), article.title.casefold(), article.slug)


def _days(articles: Sequence[Article]) -> tuple[Day, ...]:
    by_date: dict[dt.date | None, list[Article]] = defaultdict(list)
    for article in articles:
        by_date[article.date].append(article)
    days = []
    for date in sorted((d for d in by_date if d is not None), reverse=True):
        members = by_date[date]
        approximate = all(a.meta.date.confidence not in ("high",) for a in members)
        days.append(Day(date, date.isoformat(), tuple(a.slug for a in members), approximate))
    if None in by_date:
        days.append(Day(None, UNDATED_SLUG, tuple(a.slug for a in by_date[None])))
    return tuple(days)


def _speakers(articles: Sequence[Article], aliases: dict[str, set[str]], warnings: list[str]) -> tuple[Speaker, ...]:
    quotes_by_name: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for article in articles:  # already newest first
        for index, quote in enumerate(article.quotes):
            if quote.speaker and quote.speaker != UNKNOWN:
                quotes_by_name[quote.speaker].append((article.slug, index))
    allocator = SlugAllocator(RESERVED)
    speakers = []
    for name in sorted(quotes_by_name, key=lambda n: (-len(quotes_by_name[n]), n.casefold())):
        slug = allocator.allocate(name, fallback="speaker")
        speakers.append(Speaker(name, slug, tuple(sorted(aliases[name] - {name})), tuple(quotes_by_name[name])))
    for base, slug in allocator.collisions:
        warnings.append(f"two speakers share the page speakers/{base}.html; the second is at speakers/{slug}.html")
    return tuple(speakers)


def _outlets(articles: Sequence[Article]) -> tuple[Outlet, ...]:
    by_name: dict[str, list[str]] = defaultdict(list)
    for article in articles:
        by_name[article.outlet or "Unknown outlet"].append(article.slug)
    allocator = SlugAllocator(RESERVED)
    return tuple(Outlet(name, allocator.allocate(name, "outlet"), tuple(slugs)) for name, slugs in sorted(by_name.items(), key=lambda kv: kv[0].casefold()))
