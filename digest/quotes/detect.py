"""Finding quoted stretches: pairing quote marks of any style, paragraph by paragraph.

Pairing follows the annotation rule: “ opens, ” closes, and a straight " (or a doubled
apostrophe '') closes an open quote or otherwise opens one. A quote left open at the end
of a paragraph ends there; if the next paragraph opens with a quote mark, the quote goes
on (news style repeats the opening mark on each paragraph of a long quotation).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_TAG = re.compile(r"<[A-Za-z/][^<>]{0,400}>")
_STAGE = re.compile(r"\s*\([^()]*\)[.\s]*")
_MARKS = re.compile(r"''|[“”\"‘’]")
_MARKS_NO_DOUBLED = re.compile(r"[“”\"‘’]")
_CLOSE_FOLLOW = set(" \t\n\u00a0,.;:!?)]}—–-…'’”\"")
_OPEN_PRECEDE = set(" \t\n\u00a0([{—–-/“‘")


@dataclass(slots=True)
class Segment:
    """One quoted stretch inside one paragraph."""

    par: int
    start: int  # first character inside the marks
    end: int  # one past the last character inside the marks
    open_at: int  # index of the opening mark
    after: int  # index just past the closing mark (== end when unclosed)
    closed: bool
    single: bool = False  # ‘…’ quote
    continues: bool = False  # carries on a quote left open just before (previous paragraph or run-on)


def _looks_closing(text: str, i: int, n: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + n] if i + n < len(text) else " "
    return not before.isspace() and (after in _CLOSE_FOLLOW or after.isspace())


def _looks_opening(text: str, i: int, n: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + n] if i + n < len(text) else " "
    return (before in _OPEN_PRECEDE or before.isspace()) and not after.isspace()


def _inside(tags: list[tuple[int, int]], i: int) -> bool:
    """Whether i falls strictly inside one of the tags (in order, disjoint): a binary search."""
    k = bisect.bisect_left(tags, (i,)) - 1
    return k >= 0 and tags[k][0] < i < tags[k][1]


def _end_before_spaces(text: str, i: int) -> int:
    """len(text[:i].rstrip()), without copying the text before i."""
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i


def find_segments(text: str, par: int, doubled_apostrophes: bool = True) -> list[Segment]:
    """Quoted stretches of one paragraph, in order."""
    marks = _MARKS if doubled_apostrophes else _MARKS_NO_DOUBLED
    out: list[Segment] = []
    open_at = -1
    open_len = 0
    depth = 0  # marks nested inside the open quote stay part of it
    single_at = -1
    tags = [(t.start(), t.end()) for t in _TAG.finditer(text)] if "<" in text else []
    run_on: set[int] = set()  # opening marks that carry on the quote just before them
    # where the first non-space character is: text[:i] is never sliced, a paragraph can be huge
    lead = len(text) - len(text.lstrip())
    for m in marks.finditer(text):
        ch, i, n = m.group(), m.start(), len(m.group())
        if tags and _inside(tags, i):
            continue  # <tweet author="…">: markup attributes, not speech
        if ch in "‘’":
            # Single quotes count only outside double quotes, and a closing ’ must not be an
            # apostrophe (it is followed by a non-letter).
            if open_at >= 0:
                continue
            if ch == "‘" and single_at < 0 and _looks_opening(text, i, 1):
                single_at = i
            elif ch == "’" and single_at >= 0 and _looks_closing(text, i, 1):
                out.append(Segment(par, single_at + 1, i, single_at, i + 1, True, single=True))
                single_at = -1
            continue
        if open_at < 0:
            if ch == "”" and not _looks_opening(text, i, n) and i > lead:
                continue  # a stray closing mark is not a quote (but one opening a paragraph is)
            if ch == '"' and i > 0 and (text[i - 1].isdigit() or text[i - 1] == "="):
                continue  # 6'3" is a height; pic="…" is markup, not speech
            if ch in ('"', "''") and _looks_closing(text, i, n) and not _looks_opening(text, i, n):
                continue  # 'blue," he said' with the opening mark lost: nothing to open here
            open_at, open_len, depth, single_at = i, n, 0, -1
            continue
        opener = text[open_at]
        if ch in "“\"" and depth == 0 and _looks_opening(text, i, n) and not _looks_closing(text, i, n) \
                and text[_end_before_spaces(text, i) - 1] in ".?!…" and i - open_at > 2:
            # '"A sentence. "Another…' — a new paragraph of the same quotation run into this one
            # (its closing mark was never printed): end the open quote here and start the next
            end = _end_before_spaces(text, i)
            out.append(Segment(par, open_at + open_len, end, open_at, end, False))
            open_at, open_len, depth = i, n, 0
            run_on.add(i)
            continue
        if ch == "“" and _looks_closing(text, i, n) and not _looks_opening(text, i, n):
            depth = 0  # “…“ : a wrong-way closing mark
        elif ch == "“" or (ch == '"' and opener == "“" and _looks_opening(text, i, n)
                           and not _looks_closing(text, i, n)):
            depth += 1
            continue
        elif depth:
            depth -= 1
            continue
        out.append(Segment(par, open_at + open_len, i, open_at, i + n, True))
        open_at = -1
    if open_at >= 0:
        end = len(text.rstrip())
        if end > open_at + open_len:
            out.append(Segment(par, open_at + open_len, end, open_at, end, False))
    for s in out:
        s.continues = s.open_at in run_on
    # "(CROSSTALK.)": a transcript's stage direction, not speech
    return [s for s in out if text[s.start:s.end].strip() and not _STAGE.fullmatch(text[s.start:s.end])]


def find_all(paragraphs: list[str], skip: set[int], doubled_apostrophes: bool = True) -> list[Segment]:
    """Segments of every paragraph, marking continuations across paragraphs."""
    segs: list[Segment] = []
    prev_open = False
    for i, text in enumerate(paragraphs):
        if i in skip:
            prev_open = False
            continue
        found = find_segments(text, i, doubled_apostrophes)
        if found and prev_open and not found[0].single and found[0].open_at == len(text) - len(text.lstrip()):
            found[0].continues = True
        prev_open = bool(found) and not found[-1].closed
        segs.extend(found)
    return segs


_TITLE_CUES = re.compile(
    r"\b(?:called|titled|entitled|named|dubbed|nicknamed|book|film|movie|song|show|series|album|"
    r"program|programme|hashtag|slogan|headline|article|column|op-ed|essay|podcast|documentary|"
    r"play|novel|magazine|newspaper|website|app|episode|segment|brand|label|motto|banner|sign|broadcast|"
    r"edition|issue|on\s+(?:[A-Z][\w.&]*(?:'s|’s)?\s+)?)"
    r"\W*(?:of\W+)?(?:the\W+|a\W+|an\W+)?$",
    re.IGNORECASE,
)
_SMALL = {"a", "an", "the", "of", "in", "on", "and", "or", "for", "to", "at", "by", "with", "is"}


def is_title(inside: str, before: str, direct: bool = False) -> bool:
    """A quoted name or title ("Stranger Things", "Face the Nation"), not speech.

    Title Case inside a reporter's sentence (not a quoted sentence of its own), or any short
    capitalised phrase right after "titled", "called", "the show" and the like."""
    words = inside.strip().rstrip(".,").split()
    if not words or len(words) > 8 or inside.rstrip()[-1:] in "!?;:":
        return False
    title_case = all(w[0].isupper() or w.lower() in _SMALL or not w[0].isalpha() for w in words)
    if not title_case or not words[0][0].isupper():
        return False
    return not direct or bool(_TITLE_CUES.search(before[-40:]))
