"""Finding the speaker phrase: the noun phrase that goes with a cue verb next to a quote.

Before the verb ("Smith, a former aide, said"), after it ("said Andriy Yermak, chief of staff
to …"), or after "according to". resolve.py turns the phrase into a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.quotes.cues import ADVERBS, CUE_RE, DOC_NOUNS, INVERTING, ORG_WORDS, PARTICIPLES, PERSON_NOUNS, PRONOUNS
from digest.quotes.document import Document
from digest.quotes.mentions import ABBREV, MASK, is_title_word, name_runs

DETS = {"the", "a", "an", "one", "another", "two", "three", "several", "some", "many", "other", "his",
         "her", "their", "its", "this", "that", "these", "those", "both", "most", "few"}
_INDEF = {"a", "an", "one", "another", "two", "three", "several", "some", "many", "other", "few"}
_WORDS = re.compile(r"[\w’'.&-]+|\x01+")
_NOT_LEAD = frozenset("at in on of for to from with by after before during about as than that who which "
                      "when while is was are were has had have said says told".split())
_PHRASE_END = re.compile(r"[,;:!?()—\x01]|\.(?=\s|$)")
_CLAUSE_CUT = re.compile(r"[;:—(\x01]|\bthat\b|\bwho\b|\bwhich\b|\bwhen\b|\bwhile\b")


@dataclass(slots=True)
class NP:
    kind: str  # "pronoun" | "name" | "desc"
    text: str
    par: int
    pos: int
    tokens: tuple[str, ...] = ()


def cue_phrase(text: str, start: int, np: NP | None = None) -> str:
    """The cue verb and its short complement: "told reporters", "said in a statement"; for an
    inverted cue only the words before the speaker ("said" in "said Andriy Yermak")."""
    if np is not None and np.par >= 0 and np.pos > start:
        return text[start:np.pos].strip(" ,\u00a0") or text[start:np.pos]
    seg = text[start:start + 100]
    words = seg[:_phrase_end(seg)].split()
    return " ".join(words[:6])


def _phrase_end(seg: str) -> int:
    """Where a phrase stops: a clause mark, a quote, or a full stop that is not an abbreviation."""
    for m in _PHRASE_END.finditer(seg):
        if m.group() == ".":
            w = re.search(r"([\w.]+)$", seg[:m.start()])
            word = w.group(1).lower() if w else ""
            if word in ABBREV or len(word) == 1 or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
                continue  # "Rep.", "G.K.", "U.S." do not end the phrase
        return m.start()
    return len(seg)


def subject_before(doc: Document, par: int, region_start: int, region_end: int) -> NP | None:
    """The noun phrase right before a cue verb (masked[region_start:region_end])."""
    masked = doc.masked[par]
    reg = masked[region_start:region_end]
    # drop adverbs and auxiliaries between subject and verb ("Smith also said", "he has said")
    while True:
        stripped = reg.rstrip()
        m = re.search(r"([\w-]+)$", stripped)
        if m and m.group(1).lower() in ADVERBS:
            reg = stripped[:m.start()]
            continue
        m = re.search(r"\([^()]*\)$", stripped)  # (D-N.C.)
        if m:
            reg = stripped[:m.start()]
            continue
        reg = stripped
        break
    if not reg:
        return None
    if reg.endswith(","):
        # appositions: "Smith, the campaign manager, one of the founders, said" — the name speaks
        body = reg[:-1]
        cut = max(body.rfind(c) for c in ";:—(\x01") + 1
        chunks, pos = [], cut
        for piece in body[cut:].split(","):
            if piece.strip():
                chunks.append((pos, piece))
            pos += len(piece) + 1
        found = [(at, piece, _tail_np(doc, par, region_start + at, piece)) for at, piece in chunks]
        for at, piece, np in reversed(found):
            if np is not None and np.kind in ("name", "pronoun") and _pure(piece, np):
                return np
        for at, piece, np in reversed(found):
            if np is not None and piece.split()[0].lower() not in _NOT_LEAD:
                return np  # not an adverbial ("at a later press conference")
        return None
    np = _tail_np(doc, par, region_start, reg)
    comma = reg.rfind(",")
    after_comma = reg[comma + 1:].split()[:1] if comma > 0 else []
    appositive = np is None or np.kind == "desc" or (after_comma and after_comma[0].lower() in _NOT_LEAD)
    if appositive and comma > 0 and not _CLAUSE_CUT.search(reg, comma):
        # "Emily Horne, the council's spokesperson said": the closing comma is missing
        prev = reg.rfind(",", 0, comma) + 1
        cut = max(reg.rfind(c, 0, comma) for c in ";:—(\x01") + 1
        start = max(prev, cut)
        head = _tail_np(doc, par, region_start + start, reg[start:comma])
        if head is not None and head.kind == "name" and _pure(reg[start:comma], head):
            return head
    return np


def _pure(piece: str, np: NP) -> bool:
    """The comma-delimited piece is just the name (or pronoun), maybe after "and"/"but"."""
    words = piece.split()
    while words and words[0].lower() in ("and", "but", "so", "then", "the"):
        words.pop(0)
    if np.kind == "pronoun":
        return len(words) == 1
    text = " ".join(words).rstrip(".")
    lead = text[:len(text) - len(np.text.rstrip("."))].split()
    # "Democratic nominee Hillary Clinton": a few describing words before the name are fine
    return (text.endswith(np.text.rstrip(".")) and len(lead) <= 4
            and not any(w.lower() in _NOT_LEAD for w in lead))


def _tail_np(doc: Document, par: int, offset: int, reg: str) -> NP | None:
    cuts = list(_CLAUSE_CUT.finditer(reg))
    base = cuts[-1].end() if cuts else 0
    # a comma ends the clause unless it is an apposition comma inside a name ("Smith, Jr.")
    comma = reg.rfind(",", base)
    if comma >= 0:
        base = comma + 1
    tail = reg[base:]
    words = [(m.group(), m.start()) for m in _WORDS.finditer(tail)]
    if not words or len(words) > 14:
        words = words[-8:]
    if not words:
        return None
    last, last_at = words[-1]
    if last.lower() in PRONOUNS and last.lower() not in ("him", "her"):
        return NP("pronoun", last.lower(), par, offset + base + last_at)
    runs = name_runs(tail)
    if runs and tail[runs[-1][1]:].strip() == "":
        s, e, toks = runs[-1]
        if len(runs) >= 2 and re.fullmatch(r"\s+(?:of|at|for|from|with)(?:\s+the)?\s+", tail[runs[-2][1]:s]):
            s, e, toks = runs[-2]  # "Mr. Morgan of the Sierra Club said": Morgan speaks
        det = tail[:s].split()[-1:] if tail[:s].split() else []
        np = NP("name", tail[s:e], par, offset + base + s, tuple(toks))
        if det and det[0].lower() in _INDEF:
            return NP("desc", tail[len(tail) - len(tail.lstrip()):].strip(), par, offset + base, tuple(toks))
        return np
    # a description: from the last determiner on ("a senior administration official")
    lows = [w.lower() for w, _ in words]
    start = 0
    for i in range(len(lows) - 1, -1, -1):
        if lows[i] in DETS:
            start = i
            break
    else:
        start = max(0, len(words) - 4)
    text = tail[words[start][1]:].strip()
    if lows[-1] not in PERSON_NOUNS and lows[-1] not in DOC_NOUNS and not _orgish(text):
        return None
    return NP("desc", text, par, offset + base + words[start][1])


def _orgish(text: str) -> bool:
    return (any(w.lower().strip(".") in ORG_WORDS for w in text.split())
            or re.search(r"\b[A-Z]{2,}\b", text) is not None)


def subject_after(doc: Document, par: int, start: int, end: int) -> NP | None:
    """The subject of an inverted cue: '…," said Andriy Yermak, chief of staff'."""
    seg = doc.masked[par][start:end]
    phrase = seg[:_phrase_end(seg)]
    words = phrase.split()
    if not words:
        return None
    first = words[0].lower()
    lead = len(phrase) - len(phrase.lstrip())
    if first in PRONOUNS and first not in ("it", "him", "her"):
        return NP("pronoun", first, par, start + lead)
    if first in ("on", "in", "at", "to", "during", "after", "before", "from", "of", "by", "about", "with"):
        return None
    runs = name_runs(phrase)
    before_run = phrase[:runs[0][0]].split() if runs else []
    # "said MSNBC host Chris Matthews": an outlet or employer, a role noun, then the name
    # ("SEC deputy enforcement director Linda Thomsen": lower-case words ending in a role noun)
    while len(runs) >= 2 and 0 < len(between := phrase[runs[0][1]:runs[1][0]].split()) <= 4 and (
            between[-1].lower() in PERSON_NOUNS or is_title_word(between[-1])) and all(
            w.islower() and w not in ("of", "the", "and", "in", "at", "for") for w in between):
        runs = runs[1:]
    # "said Lisa Marr", "according to engineer Lisa Marr", "said 9/11 widow Ann Tate"
    if runs and len(before_run) <= 5 and all(not any(c.isupper() for c in w) for w in before_run):
        s, e, toks = runs[0]
        return NP("name", phrase[s:e], par, start + s, tuple(toks))
    low = [w.lower() for w in words]
    if low[0] in DETS:
        cut = len(words)
        for i, w in enumerate(low[1:], 1):
            if w in ("on", "in", "at", "during", "after", "before", "to", "who", "and"):
                cut = i
                break
        text = " ".join(words[:cut])
        return NP("desc", text, par, start + lead)
    return None


def cue_subject_near(doc: Document, par: int, pos: int) -> NP | None:
    """The subject of the speech verb in the sentence holding pos, if there is one."""
    lo, hi = doc.sentence(par, pos)
    masked = doc.masked[par]
    for m in CUE_RE.finditer(masked, lo, hi):
        np = cue_np(doc, par, lo, m)
        if np is not None:
            return np
    return None


def cue_np(doc: Document, par: int, lo: int, m: re.Match) -> NP | None:
    """The speaker phrase for one cue match inside the sentence starting at lo."""
    verb = m.group(1).lower()
    masked = doc.masked[par]
    if verb == "according to":
        return subject_after(doc, par, m.end(), len(masked))
    if verb in PARTICIPLES:
        return None
    np = subject_before(doc, par, lo, m.start())
    if np is None and verb in INVERTING:
        before = masked[lo:m.start()].strip(" ,\u00a0")
        if not before or before.endswith(MASK):
            np = subject_after(doc, par, m.end(), len(masked))
    return np
