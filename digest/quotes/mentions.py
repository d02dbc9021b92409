"""Sentences and names outside the quote marks: the material attribution reads.

Names inside quotes are never candidates (the person a speaker talks about is not the
speaker), so every paragraph is first masked: quoted stretches become placeholders of the
same length and offsets stay valid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from digest.quotes.cues import (CAP_STOP, HEADLINE_CUES, HONORIFIC_GENDER, NAME_PARTICLES, NAME_SUFFIXES, ORG_WORDS,
                                PERSON_NOUNS, TITLES, first_name_gender)
from digest.quotes.detect import Segment

MASK = "\x01"
ABBREV = frozenset(
    "mr mrs ms dr sen rep gov gen lt col capt sgt adm st jr sr u.s u.k u.n jan feb aug sept sep oct "
    "nov dec inc corp co no vs mt ft prof rev cmdr gens reps sens del d r i".split()
)
_BOUNDARY = re.compile(r"[.!?][)\]]?(?=\s+[A-Z0-9“\"'‘\x01(])")
# A word: letters with inner apostrophes, hyphens and dots (U.S., G.K.).
# a stretch that can hold a name: capitalised words, maybe joined by particles or "of"
_RUN = re.compile(r"[A-Z\u00c0-\u00de][\w'’.\-]*(?:[ \u00a0](?:(?:of|de|da|van|von|bin|al|del|la|le|di|du|der|"
                  r"den|in|for|and|&|ibn|dos|das)[ \u00a0])*[A-Z\u00c0-\u00de][\w'’.\-]*)*")
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][\w'’.\-]*")


def mask(text: str, segs: list[Segment]) -> str:
    """The paragraph with every quoted stretch (marks included) replaced by MASK."""
    if not segs:
        return text
    out, pos = [], 0
    for s in segs:
        out.append(text[pos:s.open_at])
        out.append(MASK * (s.after - s.open_at))
        pos = s.after
    out.append(text[pos:])
    return "".join(out)


def sentence_starts(masked: str, text: str, segs: list[Segment]) -> list[int]:
    """Offsets where sentences begin; a quote's own punctuation never ends a sentence,
    except a quote ending in '.' followed by a capitalised clause that is not its attribution."""
    # offsets, never slices of the paragraph: one paragraph can be megabytes of sentences
    starts = [0]
    for m in _BOUNDARY.finditer(masked):
        w = _word_before(masked, m.start()).lower()
        if w in ABBREV or (len(w) == 1 and w.isalpha()) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", w):
            continue
        starts.append(_SPACES.match(masked, m.end()).end())
    for s in segs:
        if s.closed and text[s.start:s.end].rstrip().endswith("."):
            nxt = _SPACES.match(masked, s.after).end()
            if masked[nxt:nxt + 1].isupper() and not _is_short_attribution(masked, nxt):
                starts.append(nxt)
    return sorted(set(starts))


_SPACES = re.compile(r"\s*")


def _word_before(masked: str, end: int) -> str:
    """The run of word characters and dots ending at end ("Mr.", "U.S", "Smith")."""
    i = end
    while i > 0 and (masked[i - 1].isalnum() or masked[i - 1] in "._"):
        i -= 1
    return masked[i:end]


_ATTR_TAIL = re.compile(r"[^.!?\x01]{0,80}?\b(said|says|added|adds|wrote|writes|asked|told|tells|"
                        r"explained|noted|continued|replied|recalled|declared|insisted)\b[^.!?\x01]{0,40}[.!?]")


def _is_short_attribution(masked: str, pos: int) -> bool:
    m = _ATTR_TAIL.match(masked, pos)
    return bool(m) and len(m.group(0).split()) <= 10


@dataclass(slots=True)
class Mention:
    par: int
    start: int
    end: int
    tokens: tuple[str, ...]  # the name without titles
    kind: str  # "person" | "org" | "name" (unsure: place or surname)
    roles: tuple[str, ...] = ()  # lower-cased title words in front of the name
    gender: str = ""
    entity: int = -1  # index into Document.entities
    speaks: bool = False  # subject of a speech verb right after it ("Smith said", "Smith, 45, told")


@dataclass(slots=True)
class Entity:
    name: str
    kind: str
    gender: str = ""
    person: bool = False  # seen with person evidence (title, given name, speech)
    roles: set[str] = field(default_factory=set)


def _clean_token(tok: str) -> str:
    low = tok.lower()
    if tok.endswith(".") and low not in ABBREV and low.rstrip(".") not in ABBREV and \
            not re.fullmatch(r"(?:[A-Za-z]\.)+", tok) and low not in NAME_SUFFIXES:
        tok = tok[:-1]
    return tok


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


@lru_cache(maxsize=4096)  # pure; the same paragraphs and phrases are read many times
def name_runs(masked: str) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
    """Maximal runs of capitalised words (with inner 'of'/particles), as (start, end, tokens)."""
    b = _RunBuilder(masked)
    for span in _RUN.finditer(masked):
        word = span.group()
        if " " not in word and "\u00a0" not in word and word.lower() in CAP_STOP:
            continue  # "The", "But", "He": the commonest capitals, never names
        b.flush()
        for m in _WORD.finditer(masked, span.start(), span.end()):
            b.add(m)
    b.flush()
    return tuple((s, e, tuple(toks)) for s, e, toks in b.runs)


_MID_STOP = frozenset("the a an as after before with from by for at on in to and or but of vs is are was "
                      "will says said".split())


class _RunBuilder:
    """Token-by-token run building, only over the stretches _RUN found (speed: most words are
    lower case and never looked at)."""

    def __init__(self, masked: str):
        self.masked = masked
        self.runs: list[tuple[int, int, list[str]]] = []
        self.cur: list[tuple[int, int, str]] = []

    def _after_prep(self, start: int) -> bool:
        """The run follows "to"/"in": "Ambassador to Moscow John Sullivan" splits before "John"."""
        words = self.masked[max(0, start - 8):start].split()
        return bool(words) and words[-1].lower() in ("to", "in", "at", "from", "for", "of", "with")

    def flush(self) -> None:
        cur = self.cur
        while cur and not _is_cap(cur[-1][2]):
            cur.pop()
        if cur:
            self.runs.append((cur[0][0], cur[-1][1], [c[2] for c in cur]))
        cur.clear()

    def add(self, m: re.Match) -> None:
        cur, masked = self.cur, self.masked
        tok = _clean_token(m.group())
        low = tok.lower()
        if low in HEADLINE_CUES:  # headline case: "Graham Says …"
            self.flush()
            return
        end = m.start() + len(tok)
        joined = bool(cur) and masked[cur[-1][1]:m.start()] in (" ", "\u00a0")
        if _is_cap(tok):
            if joined and low in _MID_STOP:
                self.flush()  # headline case: "Clinton Goes After Donald Trump As …"
                return
            if not joined:
                self.flush()
            elif first_name_gender(tok) and _is_cap(cur[-1][2]) and not is_title_word(cur[-1][2]) \
                    and not first_name_gender(cur[-1][2]) and self._after_prep(cur[0][0]):
                self.flush()  # a given name starts a new name
            poss = tok.endswith(("'s", "’s"))
            if poss:
                tok, end = tok[:-2], end - 2
            cur.append((m.start(), end, tok))
            if poss or end < m.end() or masked[end:end + 1] in ",;:()—":
                self.flush()
        elif joined and (low in NAME_PARTICLES or low == "of" or (
                low in ("in", "for", "and", "&") and any(c[2].lower().rstrip(".") in ORG_WORDS for c in cur))):
            cur.append((m.start(), end, tok))
        else:
            self.flush()


def is_title_word(tok: str) -> bool:
    """"Sen.", "President", "Secretary-General"."""
    w = tok.lower().rstrip(".")
    return (w in TITLES or w in PERSON_NOUNS or w.replace(".", "") in TITLES
            or ("-" in w and all(p in TITLES for p in w.split("-"))))


def analyse_run(tokens) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """Split a capitalised run into (kind, roles, name tokens)."""
    return _analyse_run(tuple(tokens))


@lru_cache(maxsize=4096)
def _analyse_run(tokens: tuple[str, ...]) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    kind, roles, name = _split_run(list(tokens))
    return kind, tuple(roles), tuple(name)


def _split_run(toks: list[str]) -> tuple[str, list[str], list[str]]:
    while toks and toks[0].lower() in CAP_STOP and toks[0].lower() not in ("mr", "mrs", "ms", "dr"):
        toks.pop(0)
    if not toks or (len(toks) >= 3 and all(t.isupper() for t in toks)):
        return "", [], []  # nothing, or a shouted heading ("HE'S BEEN CALLED OUT")
    lows = [t.lower().rstrip(".") for t in toks]
    # "NATO Secretary-General Jens Stoltenberg": an organisation's officer is a person, so the
    # run is an organisation only when no plain name follows its last title
    titled = [i for i, t in enumerate(toks) if is_title_word(t) and t.lower() not in ("of", "the")]
    officer = bool(titled) and titled[-1] < len(toks) - 1 and not any(
        w in ORG_WORDS or (t.isupper() and len(t) > 1) for w, t in zip(lows[titled[-1] + 1:], toks[titled[-1] + 1:]))
    acronym = len(toks) == 1 and toks[0].isupper() and len(toks[0]) > 1
    if not officer and (any(w in ORG_WORDS for w in lows) or acronym):
        # "the U.S. Embassy in Kyiv", "Chinese Foreign Ministry", "NATO"
        if lows[-1] in ("of", "in", "for", "and", "&"):
            toks = toks[:-1]
        return "org", [], toks
    last_title = -1
    for i, w in enumerate(lows):
        if w == "of" and i > 0 and last_title != i - 1:
            toks, lows = toks[:i], lows[:i]  # "Charles B. Rangel of New York": the name ends
            break
        if w == "of" or is_title_word(w):
            last_title = i
    if last_title == len(toks) - 1 and len(toks) >= 2:
        # "Mr. King", "Senator Charlie King": a surname that looks like a title
        if lows[-2].rstrip(".") in HONORIFIC_GENDER:
            last_title = len(toks) - 2
        elif first_name_gender(toks[-2]):
            last_title = max((i for i in range(len(toks) - 2) if lows[i] == "of" or is_title_word(lows[i])),
                             default=-1)
    roles = [w for w in lows[:last_title + 1] if w not in ("of", "the")]
    name = [t for t in toks[last_title + 1:] if t.lower() not in ("of", "in", "for", "and", "&")]
    if not name:
        return "role", roles, []
    first = name[0]
    # a title, a known given name, or a middle initial ("Edwin G. Monroy") says "person"
    evidence = bool(roles) or (len(name) >= 2 and (bool(first_name_gender(first))
                                                   or re.fullmatch(r"[A-Z]\.", name[1]) is not None))
    return ("person" if evidence else "name"), roles, name


def gender_of(roles: list[str], name: list[str]) -> str:
    for r in roles:
        g = HONORIFIC_GENDER.get(r.rstrip("."))
        if g:
            return g
    if len(name) >= 2:
        return first_name_gender(name[0])
    return ""


def surname(tokens: tuple[str, ...] | list[str]) -> str:
    toks = [t for t in tokens if t.lower() not in NAME_SUFFIXES]
    return toks[-1].lower() if toks else ""
