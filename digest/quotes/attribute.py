"""Who said it: the cue verb next to a quote, its subject, and what that subject refers to.

The subject can be a name (expanded to the fullest form in the article), an organisation,
a pronoun (resolved to the most recent compatible person, subject first), a document
("the statement said" → whoever issued it) or an unnamed source ("a senior official" →
UNKNOWN with a description).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.quotes.cues import (ADVERBS, CUE_RE, DOC_NOUNS, INVERTING, ORG_WORDS, PARTICIPLES, PERSON_NOUNS,
                                PLACE_STARTS, PRONOUNS, role_noun_gender)
from digest.quotes.document import Document
from digest.quotes.mentions import ABBREV, MASK, analyse_run, name_runs

UNKNOWN = "UNKNOWN"
_DETS = {"the", "a", "an", "one", "another", "two", "three", "several", "some", "many", "other", "his",
         "her", "their", "its", "this", "that", "these", "those", "both", "most", "few"}
_INDEF = {"a", "an", "one", "another", "two", "three", "several", "some", "many", "other", "few"}
_WORDS = re.compile(r"[\w’'.&-]+|\x01+")
_PHRASE_END = re.compile(r"[,;:!?()—\x01]|\.(?=\s|$)")
_CLAUSE_CUT = re.compile(r"[;:—(\x01]|\bthat\b|\bwho\b|\bwhich\b|\bwhen\b|\bwhile\b")


@dataclass(slots=True)
class Attribution:
    speaker: str
    cue: str
    description: str = ""
    confidence: float = 0.9
    where: str = ""  # "after" | "before" | "colon" | "context"
    entity: int = -1


@dataclass(slots=True)
class NP:
    kind: str  # "pronoun" | "name" | "desc"
    text: str
    par: int
    pos: int
    tokens: tuple[str, ...] = ()


def cue_phrase(text: str, start: int) -> str:
    """The cue verb and its short complement: "told reporters", "said in a statement"."""
    m = re.match(r"[^,.;:!?\x01]{0,80}", text[start:])
    words = (m.group(0) if m else "").split()
    return " ".join(words[:6])


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
            if np is not None:
                return np
        return None
    np = _tail_np(doc, par, region_start, reg)
    comma = reg.rfind(",")
    if (np is None or np.kind == "desc") and comma > 0 and not _CLAUSE_CUT.search(reg, comma):
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
    return " ".join(words).rstrip(".") == np.text.rstrip(".") or (np.kind == "pronoun" and len(words) == 1)


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
    if last.lower() in PRONOUNS and last.lower() not in ("it", "him", "her"):
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
        if lows[i] in _DETS:
            start = i
            break
    else:
        start = max(0, len(words) - 4)
    text = tail[words[start][1]:].strip()
    if lows[-1] not in PERSON_NOUNS and lows[-1] not in DOC_NOUNS and not _orgish(text):
        return None
    return NP("desc", text, par, offset + base + words[start][1])


def _orgish(text: str) -> bool:
    return any(w.lower().strip(".") in ORG_WORDS for w in text.split()) or bool(re.search(r"\b[A-Z]{2,}\b", text))


def subject_after(doc: Document, par: int, start: int, end: int) -> NP | None:
    """The subject of an inverted cue: '…," said Andriy Yermak, chief of staff'."""
    seg = doc.masked[par][start:end]
    cut = len(seg)
    for m in _PHRASE_END.finditer(seg):
        if m.group() == ".":
            w = re.search(r"([\w.]+)$", seg[:m.start()])
            word = w.group(1).lower() if w else ""
            if word in ABBREV or len(word) == 1 or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
                continue  # "Rep.", "G.K." do not end the phrase
        cut = m.start()
        break
    phrase = seg[:cut]
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
    # "said Lisa Marr", "according to engineer Lisa Marr", "said the former governor Ed Ames"
    if runs and len(before_run) <= 5 and all(w.islower() or w.lower() == "the" for w in before_run):
        s, e, toks = runs[0]
        return NP("name", phrase[s:e], par, start + s, tuple(toks))
    low = [w.lower() for w in words]
    if low[0] in _DETS:
        cut = len(words)
        for i, w in enumerate(low[1:], 1):
            if w in ("on", "in", "at", "during", "after", "before", "to", "who", "and"):
                cut = i
                break
        text = " ".join(words[:cut])
        return NP("desc", text, par, start + lead)
    return None


def resolve(doc: Document, np: NP) -> Attribution:
    """Turn a subject noun phrase into a speaker name."""
    if np.kind == "pronoun":
        return _resolve_pronoun(doc, np)
    if np.kind == "name":
        kind, roles, name = analyse_run(list(np.tokens))
        if kind == "role" or not name:
            return _resolve_definite(doc, np, roles[-1] if roles else "")
        idx = doc.lookup(name, kind, np.par, np.pos)
        if idx >= 0:
            e = doc.entities[idx]
            if kind != "org" and len(name) >= 2 and name[0].lower() not in PLACE_STARTS:
                e.person = True  # speaks and has a two-part name: a person, not a country
            return Attribution(e.name, "", entity=idx)
        return Attribution(" ".join(name), "")
    return _resolve_desc(doc, np)


def _resolve_pronoun(doc: Document, np: NP) -> Attribution:
    want = PRONOUNS[np.text]
    if want in ("p", "s"):
        # "they said": an organisation or a group named just before
        for sentence in doc.mentions_before(np.par, np.pos, 2):
            for m in sentence:
                e = doc.entities[m.entity]
                if e.kind == "org" or (e.kind == "desc" and any(r.endswith("s") for r in e.roles)):
                    return from_entity(doc, m.entity, 0.6)
        return Attribution(UNKNOWN, "", confidence=0.3)
    for k, sentence in enumerate(doc.mentions_before(np.par, np.pos, np.par + 1)):
        # the speaker of a speech verb first ("Clinton aide Jen Ames said …" → Ames), then
        # the others in reading order (the subject usually comes first)
        ordered = [m for m in sentence if m.speaks] + [m for m in sentence if not m.speaks]
        for m in ordered:
            e = doc.entities[m.entity]
            if e.kind == "org" or not (e.person or m.kind == "person"):
                # a two-part name never seen with a title or a known given name ("Helga Stroud")
                # still counts when it is very close
                if not (k <= 1 and m.kind == "name" and len(m.tokens) >= 2
                        and m.tokens[0].lower() not in PLACE_STARTS):
                    continue
            if e.gender and e.gender != want:
                continue
            if m.kind == "desc":
                # an unnamed source is "he" only as the subject of the sentence just before
                if k > 1 or m is not sentence[0] or m.roles[0].endswith("s") or m.roles[0] in ("people", "staff"):
                    continue
            return from_entity(doc, m.entity, 0.75 if k < 4 else 0.5 if k < 12 else 0.3)
    return Attribution(UNKNOWN, "", confidence=0.2)


def from_entity(doc: Document, idx: int, confidence: float) -> Attribution:
    e = doc.entities[idx]
    desc = next((r[5:] for r in e.roles if r.startswith("desc:")), "")
    return Attribution(e.name, "", desc, confidence, entity=idx)


def _resolve_desc(doc: Document, np: NP) -> Attribution:
    words = np.text.split()
    lows = [w.lower().strip(".,") for w in words]
    det = lows[0] if lows else ""
    # the head noun comes before any prepositional phrase: "a narrator in the Clinton ad"
    core = lows
    for i, w in enumerate(lows[1:], 1):
        if w in ("in", "of", "for", "at", "with", "from", "on", "to"):
            core = lows[:i]
            break
    head = core[-1] if core else ""
    # "a spokesman for the Pentagon", "State Department officials": the organisation speaks
    org_runs = [toks for _, _, toks in name_runs(np.text)]
    for toks in org_runs:
        kind, _, name = analyse_run(toks)
        if kind == "org" and name:
            idx = doc.lookup(name, "org", np.par, np.pos)
            return Attribution(doc.entities[idx].name if idx >= 0 else " ".join(name), "", confidence=0.6)
    if head in DOC_NOUNS:
        return _resolve_document(doc, np)
    if det in ("the", "this", "that", "his", "her") or det not in _DETS and head not in PERSON_NOUNS:
        return _resolve_definite(doc, np, head)
    return Attribution(UNKNOWN, "", np.text, 0.7)


def _resolve_definite(doc: Document, np: NP, head: str) -> Attribution:
    """"the minister", "the embassy", "the official": the last entity that fits the noun."""
    head = head.lower()
    gender = role_noun_gender([head])
    fallback = -1
    for sentence in doc.mentions_before(np.par, np.pos, 6):
        for m in sentence:
            e = doc.entities[m.entity]
            if e.kind == "org":
                if head and head in e.name.lower():
                    return from_entity(doc, m.entity, 0.6)
                continue
            if head in e.roles or any(head in r for r in e.roles if r.startswith("desc:")):
                return from_entity(doc, m.entity, 0.6)
            if fallback < 0 and e.person and (not gender or not e.gender or e.gender == gender):
                fallback = m.entity
    if fallback >= 0 and head in PERSON_NOUNS:
        return from_entity(doc, fallback, 0.4)
    return Attribution(UNKNOWN, "", np.text, 0.4)


def _resolve_document(doc: Document, np: NP) -> Attribution:
    """"the statement said": whoever the article says issued a statement, else the last organisation."""
    noun = np.text.split()[-1].lower()
    for p in range(np.par, max(-1, np.par - 4), -1):
        masked = doc.masked[p]
        limit = np.pos if p == np.par else len(masked)
        for m in reversed(list(re.finditer(r"\b" + re.escape(noun) + r"\b", masked[:limit], re.I))):
            if p == np.par and m.start() == np.pos + len(np.text) - len(noun):
                continue
            sub = cue_subject_near(doc, p, m.start())
            if sub is not None and sub.kind != "desc":
                return resolve(doc, sub)
    for sentence in doc.mentions_before(np.par, np.pos, 4):
        for m in sentence:
            if doc.entities[m.entity].kind == "org":
                return from_entity(doc, m.entity, 0.4)
    return Attribution(UNKNOWN, "", np.text, 0.3)


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
