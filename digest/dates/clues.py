"""Date evidence in one article: calendar dates, weekdays, week-relative words, years.

`find_clues` reads the body paragraphs only (captions, promos and "Latest Stories"
are already out of them); `year_clues` reads copyright lines; `page_date` reads
the full date a page prints near its headline. All pure, per article.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from typing import Sequence

from digest.dates.languages import other_language_dates
from digest.model import DateClue, DateGuess, Metadata

_MONTH_NAMES = "january february march april may june july august september october november december".split()
MONTHS = {**{m: i for i, m in enumerate(_MONTH_NAMES, 1)}, **{m[:3]: i for i, m in enumerate(_MONTH_NAMES, 1)}, "sept": 9}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_MONTH_DAY = re.compile(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?")
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"\b(?:,?\s+(\d{4})\b)?")
_ISO = re.compile(r"\b((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})\b")
_US_NUMERIC = re.compile(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b")
# "11/19/19 06:56 AM EST", "11/13/19 at 4:00 PM": a two-digit year only in a time stamp, where it cannot be a fraction.
_US_SHORT = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d\d)\s+(?:at\s+)?\d{1,2}:\d\d\b")
_DOTTED = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\b")  # 19.07.2022: day first, as in Europe
_WEEKDAY_BEFORE = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s*\(?$")
_YEAR = re.compile(r"(?<![\d,.$£€-])\b(?:19[5-9]\d|20\d\d)\b(?![\d,.%]\d)")
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_RELATIVE = re.compile(r"\b(?:earlier |later )?(this|last|next) (week|month)\b|\b(today|yesterday|tomorrow)\b", re.I)
_COPYRIGHT_YEAR = re.compile(r"(?:Copyright|©|\(c\))\s*(?:©\s*)?((?:19|20)\d\d)", re.I)
# Words just before a date that make it a plan rather than something that happened:
# "scheduled a call for January 28", "will meet on Monday", "look forward to … on Monday".
_FUTURE = re.compile(r"\b(?:will|would|'ll|shall|scheduled|expected|planned|plans?|set to|due|upcoming|next|ahead of|"
                     r"until|look forward|looking forward|called for a|going to)\b|\bfor\s*$", re.I)
PUBLISHED_LABEL = re.compile(r"\b(?:published|posted|updated|modified|last updated|first published)\b", re.I)


@dataclass(frozen=True, slots=True)
class ContextClue(DateClue):
    """A DateClue that keeps its sentence, so events can be matched across articles.

    Subclass, not a new model field, until model.DateClue grows a `context` field.
    """

    context: str = ""
    future: bool = False


def _month(word: str) -> int:
    return MONTHS[word.rstrip(".").lower()]


# Years a news date can have. Outside them ("December 31, 9999") a date is a typo or a
# joke, and day arithmetic on it (the day after, the week around) would overflow.
PLAUSIBLE_YEARS = range(1000, 3000)


def date_or_none(year: int | None, month: int, day: int) -> dt.date | None:
    if year is not None and year not in PLAUSIBLE_YEARS:
        return None
    try:
        return dt.date(year or 2000, month, day)  # 2000 is a leap year: Feb 29 validates
    except ValueError:
        return None


# How far a sentence may reach either side of a clue. Searches stay inside this window, so a
# paragraph with no sentence ends (a 5 MB line) costs linear time, not time per clue × length.
SENTENCE_REACH = 400


def _sentence_around(text: str, start: int, end: int) -> str:
    low, high = max(0, start - SENTENCE_REACH), min(len(text), end + SENTENCE_REACH)
    left = max(text.rfind(". ", low, start), text.rfind("? ", low, start), text.rfind("! ", low, start))
    right_candidates = [i for i in (text.find(". ", end, high), text.find("? ", end, high), text.find("! ", end, high)) if i >= 0]
    right = min(right_candidates) + 1 if right_candidates else high
    return text[left + 1 if left >= 0 else low:right].strip()


def _is_future(text: str, start: int) -> bool:
    low = max(start - 70, 0)  # the clause is at most 70 characters back: search no further
    clause_start = max(text.rfind(",", low, start), text.rfind(";", low, start), text.rfind(". ", low, start), low)
    return bool(_FUTURE.search(text[clause_start:start]))


def calendar_matches(text: str) -> list[tuple[int, int, int, int, int | None]]:
    """(start, end, month, day, year) for each calendar date written in `text`."""
    found = []
    for m in _MONTH_DAY.finditer(text):
        found.append((m.start(), m.end(), _month(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None))
    month_day = [(s, e) for s, e, *_ in found]  # in order and disjoint: finditer's matches
    for m in _DAY_MONTH.finditer(text):
        if not inside(month_day, m.start()):
            found.append((m.start(), m.end(), _month(m.group(2)), int(m.group(1)), int(m.group(3)) if m.group(3) else None))
    for m in _ISO.finditer(text):
        found.append((m.start(), m.end(), int(m.group(2)), int(m.group(3)), int(m.group(1))))
    for m in _US_NUMERIC.finditer(text):
        found.append((m.start(), m.end(), int(m.group(1)), int(m.group(2)), int(m.group(3))))
    for m in _US_SHORT.finditer(text):
        found.append((m.start(), m.start() + len(m.group(0).split()[0]), int(m.group(1)), int(m.group(2)), 2000 + int(m.group(3))))
    for m in _DOTTED.finditer(text):
        found.append((m.start(), m.end(), int(m.group(2)), int(m.group(1)), int(m.group(3))))
    english = union([(s, e) for s, e, *_ in found])
    found += [f for f in other_language_dates(text) if not inside(english, f[0])]
    return [f for f in sorted(found) if date_or_none(f[4], f[2], f[3])]


def inside(spans: Sequence[tuple[int, int]], position: int) -> bool:
    """Whether `position` falls in one of `spans` (sorted by start, non-overlapping): a binary search."""
    at = bisect.bisect_right(spans, (position, float("inf"))) - 1
    return at >= 0 and spans[at][0] <= position < spans[at][1]


def union(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans merged where they overlap (the date patterns can overlap: "2022/1/2/2022")."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def find_clues(paragraphs: Sequence[str]) -> tuple[ContextClue, ...]:
    """Month-day, weekday and week-relative mentions in the body paragraphs, in order."""
    clues: list[ContextClue] = []
    for index, text in enumerate(paragraphs):
        found: list[tuple[int, ContextClue]] = []
        attached = set()  # weekdays that name a calendar date ("Friday, January 28") belong to it
        matches = calendar_matches(text)
        for start, end, month, day, year in matches:
            named = _WEEKDAY_BEFORE.search(text, max(0, start - 14), start)
            weekday = WEEKDAYS.index(named.group(1).lower()) if named else None
            if named:
                attached.add(named.start(1))
            found.append((start, ContextClue("explicit", text[start:end], month, day, year, weekday, index,
                                             _sentence_around(text, start, end), _is_future(text, start))))
        taken = union([(s, e) for s, e, *_ in matches])
        for m in _YEAR.finditer(text):
            if not inside(taken, m.start()):  # "since 2014", "the 2022 Olympics"
                found.append((m.start(), ContextClue("year", m.group(0), year=int(m.group(0)), paragraph=index,
                                                     future=_is_future(text, m.start()))))
        for m in _WEEKDAY.finditer(text):
            if m.start() in attached:
                continue
            if re.search(r"\blast\s+$", text[max(0, m.start() - 6):m.start()], re.I):
                continue  # "last Friday": a week or more back, neither the publication day nor an anchor
            found.append((m.start(), ContextClue("weekday", m.group(1), weekday=WEEKDAYS.index(m.group(1).lower()),
                                                 paragraph=index, context=_sentence_around(text, m.start(), m.end()),
                                                 future=_is_future(text, m.start()))))
        for m in _RELATIVE.finditer(text):
            found.append((m.start(), ContextClue("relative", m.group(0), paragraph=index,
                                                 context=_sentence_around(text, m.start(), m.end()))))
        clues.extend(clue for _, clue in sorted(found, key=lambda item: item[0]))
    return tuple(clues)


def year_clues(lines: Sequence[tuple[int, str]]) -> tuple[DateClue, ...]:
    """Years from copyright lines ("Copyright 2022 NPR"): the publication year, near enough.

    They keep paragraph -1; years mentioned in the body ("since 2014") carry their paragraph.
    """
    return tuple(
        DateClue("year", m.group(0).strip(), year=int(m.group(1)))
        for _, text in lines
        for m in [_COPYRIGHT_YEAR.search(text)]
        if m and len(text) < 250
    )


# A date line that runs on ("Published … Last updated … This article is more than 2 years old").
_LABELLED_LINE = re.compile(r"\s*(?:published|posted|first published|updated|last updated)\b", re.I)


def page_date(lines: Sequence[tuple[int, str]], near: int | None = None) -> DateGuess | None:
    """A full date printed near the headline or byline ("Published March 9, 2017").

    Pages print many dates (related stories, "today" in the masthead, the update time);
    the publication date is the one labelled "published", else the one nearest the
    headline line `near`; an "updated" date is taken only when nothing else is there.
    """
    best: tuple[float, dt.date, str] | None = None
    for number, text in lines:
        if len(text.split()) > 16 and not _LABELLED_LINE.match(text):
            continue  # a sentence that contains a date is a caption or a blurb, not the page's date
        previous_end = 0
        for start, end, month, day, year in sorted(calendar_matches(text)):
            # Each date's own label: "Published Feb 24, 2020 Last updated Jul 21, 2022" labels
            # the second date "Last updated", not "Published … Last updated".
            label, previous_end = text[previous_end:start], end
            if year is None:
                continue
            if re.search(r"published|posted|original|publish date|first", label, re.I):
                penalty = 0.0
            elif PUBLISHED_LABEL.search(label):
                penalty = 6.0  # updated / modified
            else:
                penalty = 3.0
            distance = abs(number - near) if near is not None else 0
            score = penalty + min(distance, 40) / 4
            if best is None or score < best[0]:
                best = (score, dt.date(year, month, day), f"the date printed on line {number} ('{text.strip()[:60]}')")
    if best is None:
        return None
    return DateGuess(best[1], best[1], best[1], best[2], "high")


def own_year(meta: Metadata) -> tuple[int, str] | None:
    """The year of the article's copyright line, with its words."""
    for clue in meta.date_clues:
        if clue.kind == "year" and clue.year and clue.paragraph < 0:
            return clue.year, f"'{clue.text}'"
    return None


def short_title(meta: Metadata) -> str:
    """The article's title cut for explanations that name another article."""
    title = str(meta.title.value or "untitled")
    return title if len(title) <= 50 else title[:47].rstrip() + "…"
