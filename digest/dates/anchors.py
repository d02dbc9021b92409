"""Matching date clues across the articles of a collection.

"Putin said Friday … call with Macron" in one article and "Putin's conversation with
Macron on January 28" in another describe one event: when the two sentences share
distinctive words, the weekday and the calendar date name the same day. That pins a
weekday-only article (January 28 is a Friday in 2022) and, when no article states a
year, the year (the first year in which January 28 is a Friday).

The weekday check is what keeps a loose word match from dating an article: a wrong
event passes it only one time in seven. Words that most dated sentences of a one-topic
collection share ("Russia", "Ukraine") weigh nothing.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Sequence

from digest.dates.clues import MONTHS, WEEKDAYS, date_or_none, short_title
from digest.model import DateClue, DateGuess, Metadata

_STOP = frozenset(
    """that this with from have has had were was been being said says would could should their there
    they them then than what when where which while about after before also into over more most other
    some such only very will just because against between during under news told added according""".split()
)
# Thresholds on the summed weights of shared words: a single shared name ("Putin",
# "Macron") never anchors; one sentence sharing several distinctive words does.
STRONG = 1.5
ENOUGH = 2.5


@dataclass(frozen=True, slots=True)
class Match:
    """A weekday or "last week" clue in one article that reads like a dated clue in another."""

    article: int
    clue: DateClue  # kind "weekday" or "relative"
    other: int  # the article holding the calendar date
    dated: DateClue  # kind "explicit"
    score: float
    words: tuple[str, ...]  # the shared words, as this article spells them, strongest first


@lru_cache(maxsize=1 << 16)
def terms(text: str) -> frozenset[str]:
    """Content-word stems of a sentence (6-letter prefixes: 'responses' ~ 'response').

    Names keep a capital ("Macron") and other words are lower case ("response"), because a
    week-relative clue is matched on what happened, not on who: the same people act every day.
    Cached: every build (and `digest serve` rebuilds on each save) matches the same sentences.
    """
    return frozenset(
        (w[:6] if w[0].isupper() else w.lower()[:6]) for w in _words(text)
        if w.lower() not in _STOP and w.lower() not in MONTHS and w.lower() not in WEEKDAYS
    )


@lru_cache(maxsize=1 << 16)
def _words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[A-Za-z][A-Za-z'’-]{3,}", text))


def _context(clue: DateClue) -> str:
    return getattr(clue, "context", "")  # dates.clues.ContextClue; a plain DateClue has none


def _weigher(metas: Sequence[Metadata]) -> Callable[[str], float]:
    contexts = [terms(_context(c)) for m in metas for c in m.date_clues if c.kind != "year"]
    df: Counter[str] = Counter(t for found in contexts for t in found)
    total = max(len(contexts), 1)
    # A word in just the two sentences being matched weighs 1; one in a fifth of them, 0.
    weights = {term: max(0.0, 1.0 - (count - 2) / max(0.2 * total, 2.0)) if count > 1 else 0.0 for term, count in df.items()}

    def weight(term: str) -> float:
        return weights.get(term, 0.0)

    return weight


def find_matches(metas: Sequence[Metadata], only: set[int] | None = None) -> list[Match]:
    """Every strong weekday/week ↔ calendar-date match between two articles (year-independent).

    `only` limits the weekday side to those articles (the still-undated ones). Candidates
    come from an inverted index over words that carry weight, so a collection of 10,000
    articles is not compared pair by pair: a pair that shares no weighted word cannot
    reach STRONG anyway.
    """
    weight = _weigher(metas)
    dated = [(j, c, terms(_context(c))) for j, m in enumerate(metas) for c in m.date_clues
             if c.kind == "explicit" and c.month and c.day]
    postings: dict[str, list[int]] = {}
    for position, (_, _, their) in enumerate(dated):
        for term in their:
            if weight(term) > 0:
                postings.setdefault(term, []).append(position)
    # `dated` is in article order, so each article's own dated clues are one run of positions:
    # skipping that run keeps an article with thousands of dates from being matched to itself.
    own: dict[int, tuple[int, int]] = {}
    for position, (j, _, _) in enumerate(dated):
        own[j] = (own.get(j, (position, position))[0], position + 1)
    found = []
    for i, meta in enumerate(metas):
        if only is not None and i not in only:
            continue
        lo, hi = own.get(i, (0, 0))
        for clue in meta.date_clues:
            weekday = clue.kind == "weekday" and not getattr(clue, "future", False)
            week = clue.kind == "relative" and clue.text.lower().endswith("week")
            if not (weekday or week):
                continue
            mine = terms(_context(clue))
            others: set[int] = set()
            for term in mine:
                listed = postings.get(term, ())
                others.update(listed[: bisect.bisect_left(listed, lo)], listed[bisect.bisect_left(listed, hi):])
            candidates = sorted(others)
            for j, other, their in (dated[p] for p in candidates):
                shared = mine & their
                if j == i or len(shared) < 2:
                    continue
                score = sum(weight(t) for t in shared)
                if week:
                    # No weekday to check a week against: only a match on what happened counts.
                    things = {t for t in shared if t.islower()}
                    if len(things) < 3 or sum(weight(t) for t in things) < STRONG:
                        continue
                elif score < STRONG:
                    continue
                words = tuple(_spelled(t, clue) for t in sorted(shared, key=lambda t: (-weight(t), t))[:3])
                found.append(Match(i, clue, j, other, score, words))
    return found


def _spelled(stem: str, clue: DateClue) -> str:
    """The word as the article wrote it, for explanations ('respon' -> 'response')."""
    return _spelled_in(stem, _context(clue))


@lru_cache(maxsize=1 << 16)
def _spelled_in(stem: str, context: str) -> str:
    for word in _words(context):
        if word.startswith(stem) or word.lower().startswith(stem):
            return word
    return stem


def main_weekday(meta: Metadata) -> int | None:
    """The weekday the article mentions most (ties: the first mentioned); plans excluded."""
    order = [c.weekday for c in meta.date_clues if c.kind == "weekday" and not getattr(c, "future", False)]
    if not order:
        return None
    return max(set(order), key=lambda w: (order.count(w), -order.index(w)))


def anchor_weekdays(metas: Sequence[Metadata], guesses: Sequence[DateGuess | None],
                    years: Sequence[int | None]) -> tuple[DateGuess, ...]:
    """Date the still-undated articles through matches; else an honest "a Friday in 2022"."""
    undated = {i for i, guess in enumerate(guesses) if guess is None}
    matches: dict[int, list[Match]] = {}
    for match in find_matches(metas, undated) if undated else []:
        matches.setdefault(match.article, []).append(match)
    out = []
    for index, meta in enumerate(metas):
        guess = guesses[index]
        if guess is None:
            guess = _anchor_one(index, meta, matches.get(index, []), metas, years)
        out.append(guess)
    return tuple(out)


def _anchor_one(index: int, meta: Metadata, matches: list[Match], metas: Sequence[Metadata],
                years: Sequence[int | None]) -> DateGuess:
    main = main_weekday(meta)
    if main is None:
        return DateGuess(None, source="Undated: the text names no day, date or weekday", confidence="none")
    name = WEEKDAYS[main].capitalize()
    by_weekday: Counter[dt.date] = Counter()
    by_week: Counter[dt.date] = Counter()
    why: dict[dt.date, tuple[float, str]] = {}
    for match in matches:
        year = match.dated.year or years[match.other]
        event = date_or_none(year, match.dated.month, match.dated.day) if year else None
        if event is None:
            continue
        if match.clue.kind == "weekday":
            if event.weekday() != match.clue.weekday:
                continue
            day = event + dt.timedelta(days=(main - match.clue.weekday) % 7)
            by_weekday[day] += match.score
        else:
            shift = {"last": 7, "this": 0, "next": -7}[match.clue.text.lower().split()[-2]]
            day = event - dt.timedelta(days=event.weekday() - shift - main)
            by_week[day] += match.score
        if match.score > why.get(day, (0.0, ""))[0]:
            why[day] = (match.score, f"'{match.clue.text}' here is the '{match.dated.text}' of "
                                     f"\"{short_title(metas[match.other])}\" (both mention {', '.join(match.words)})")
    best = _clear_winner(by_weekday, ENOUGH)
    if best:
        return DateGuess(best, best, best + dt.timedelta(days=1), f"{best:%d %b %Y}, a {name}: {why[best][1]}", "medium")
    best = _clear_winner(by_week, STRONG)
    if best:
        monday = best - dt.timedelta(days=best.weekday())
        return DateGuess(best, monday, monday + dt.timedelta(days=6),
                         f"around {best:%d %b %Y}, the {name} of the week that {why[best][1]}", "low")
    year = years[index]
    if year is None:
        return DateGuess(None, source=f"Undated: only weekdays ('{name}') and no calendar date or year", confidence="none")
    first = dt.date(year, 1, 1) + dt.timedelta(days=(main - dt.date(year, 1, 1).weekday()) % 7)
    last = dt.date(year, 12, 31) - dt.timedelta(days=(dt.date(year, 12, 31).weekday() - main) % 7)
    return DateGuess(None, first, last, f"Undated: a {name} in {year} (only weekdays and no calendar date in the text)", "low")


def _clear_winner(votes: Counter[dt.date], enough: float) -> dt.date | None:
    """The day with the most support, if it has enough and no rival comes within half of it."""
    if not votes:
        return None
    ranked = sorted(votes.values(), reverse=True)
    best = max(votes, key=lambda d: (votes[d], d))
    if votes[best] >= enough and (len(ranked) == 1 or ranked[1] <= 0.5 * votes[best]):
        return best
    return None


def infer_year(metas: Sequence[Metadata]) -> tuple[int, str] | None:
    """A year for a collection with no copyright line or printed date, from weekday evidence.

    The years the bodies mention ("since 2014") give a floor; the calendar dates that a
    weekday names ("Friday, January 28", or a matched "Friday" elsewhere) fit only some
    years after it. The first year that fits clearly more of them than any other wins.
    """
    mentioned = [c.year for m in metas for c in m.date_clues
                 if c.kind == "year" and c.paragraph >= 0 and c.year and not getattr(c, "future", False)]
    if not mentioned:
        return None
    floor = max(mentioned)
    pairs = [(c.month, c.day, c.weekday, f"'{c.text}' on a {WEEKDAYS[c.weekday].capitalize()}")
             for m in metas for c in m.date_clues if c.kind == "explicit" and c.weekday is not None and not c.year]
    # Only the weekday each article mentions most: its other weekdays are side events, and
    # matching those too lets coincidences outvote the real day.
    mains = [main_weekday(meta) for meta in metas]
    pairs += [(m.dated.month, m.dated.day, m.clue.weekday, f"'{m.dated.text}' as the '{m.clue.text}' of another article")
              for m in find_matches(metas)
              if m.clue.kind == "weekday" and m.clue.weekday == mains[m.article] and not m.dated.year]
    fits = {year: [p for p in pairs if (d := date_or_none(year, p[0], p[1])) and d.weekday() == p[2]]
            for year in range(floor, floor + 11)}
    best = max(fits, key=lambda y: (len(fits[y]), -y))
    # A later year where the same dates fall on the same weekdays is the calendar repeating
    # (2022, 2028): the first one after the floor is the likelier, so it does not count as a rival.
    others = max((len(v) for y, v in fits.items() if y != best and v != fits[best]), default=0)
    if len(fits[best]) < 2 or len(fits[best]) < 2 * others:
        return None
    return best, f"{fits[best][0][3]} (the first such year after {floor}, the latest year the texts mention)"
