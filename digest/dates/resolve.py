"""Resolving publication dates across a collection (the `resolve_dates` stage).

Per article, in order of trust: a date the page states (front matter, file name,
printed date: kept as is); the latest calendar day the body reports, with the year
from the article's copyright line or, failing that, from the collection; a weekday
tied to an event another article dates (`anchors`); else "Undated" with the range
the evidence allows. An honest range beats a confident wrong day.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from typing import Sequence

from digest.dates.anchors import anchor_weekdays, infer_year
from digest.dates.clues import WEEKDAYS, date_or_none, own_year, short_title
from digest.model import DateGuess, Metadata


def resolve_dates(metas: Sequence[Metadata]) -> tuple[DateGuess, ...]:
    """One DateGuess per article, in the same order (pure)."""
    collection_year = _year_of_collection(metas)
    guessed_year = False
    if collection_year is None:
        inferred = infer_year(metas)
        collection_year = (inferred[0], f"the calendar: {inferred[1]}") if inferred else None
        guessed_year = inferred is not None
    guesses: list[DateGuess | None] = []
    years: list[int | None] = []
    for meta in metas:
        year = own_year(meta)
        year_note = f"year from {year[1]}" if year else ""
        if year is None and collection_year is not None:
            year = collection_year
            year_note = f"year from {collection_year[1]} in the same collection"
        years.append(year[0] if year else None)
        if meta.date.value is not None and meta.date.confidence in ("high", "medium"):
            guesses.append(meta.date)
        else:
            guesses.append(_from_explicit(meta, year[0] if year else None, year_note))
    resolved = anchor_weekdays(metas, guesses, years)
    if guessed_year:  # a year read off the calendar is a good bet, never a certainty
        resolved = tuple(g if g.confidence in ("high", "none") else dataclasses.replace(g, confidence="low") for g in resolved)
    return resolved


def _year_of_collection(metas: Sequence[Metadata]) -> tuple[int, str] | None:
    """The year most copyright lines and stated dates of the collection agree on."""
    votes: Counter[int] = Counter()
    said: dict[int, str] = {}
    for meta in metas:
        own = own_year(meta)
        if own:
            votes[own[0]] += 1
            said.setdefault(own[0], f"{own[1]} in \"{short_title(meta)}\"")
        if meta.date.is_exact and meta.date.value:
            votes[meta.date.value.year] += 1
            said.setdefault(meta.date.value.year, f"the date of \"{short_title(meta)}\"")
    if not votes:
        return None
    year = max(votes, key=lambda y: (votes[y], y))
    return year, said[year]


def _from_explicit(meta: Metadata, year: int | None, year_note: str) -> DateGuess | None:
    """The latest calendar day the article reports as past: usually the publication day.

    None when the article has no calendar date (weekday resolution comes later).
    """
    happened = [c for c in meta.date_clues if c.kind == "explicit" and not getattr(c, "future", False)]
    if not happened:
        return None
    days: Counter[dt.date] = Counter()
    words: dict[dt.date, str] = {}
    for clue in happened:
        if clue.year and year and clue.year < year:
            continue  # "on September 11, 2001": history the article recalls, not its own news
        clue_year = clue.year or year
        if clue_year is None or clue.month is None or clue.day is None:
            continue
        day = date_or_none(clue_year, clue.month, clue.day)
        if day:
            days[day] += 1
            words.setdefault(day, clue.text)
    if not days:
        named = happened[-1].text
        return DateGuess(None, source=f"Undated: the text names '{named}' but no year anywhere", confidence="none")
    latest = max(days)
    mentions = days[latest]
    weekdays = [c for c in meta.date_clues if c.kind == "weekday" and not getattr(c, "future", False)]
    note = f"{mentions} mention{'s' if mentions > 1 else ''}"
    if weekdays:
        # A weekday alongside calendar dates is usually newer than them ("on January 28 … said
        # Monday", AP style); a stray one may be older. The range covers both readings and the
        # value follows whichever the text mentions more.
        common, count = Counter(c.weekday for c in weekdays).most_common(1)[0]
        if common != latest.weekday():
            day = latest + dt.timedelta(days=(common - latest.weekday()) % 7)
            name = WEEKDAYS[common].capitalize()
            value = day if count >= mentions else latest
            return DateGuess(value, latest, day, f"around {value:%d %b %Y}: between '{words[latest]}' (the latest "
                             f"date the text reports) and the '{name}' after it; {year_note}", "low")
    confidence = "medium" if mentions >= 2 else "low"
    return DateGuess(
        latest, latest, latest + dt.timedelta(days=1),
        f"{latest:%d %b %Y}: the latest day the text reports ('{words[latest]}', {note}); {year_note}",
        confidence,
    )
