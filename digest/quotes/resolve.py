"""Who the speaker phrase means: a name, a pronoun's antecedent, an organisation, or UNKNOWN.

Names expand to the fullest form in the article; "he"/"she" go to the most recent compatible
person (the speaker of a speech verb first, then the subject); "the statement said" goes to
whoever issued it; "a senior official" is UNKNOWN with a description.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.quotes.attribute import DETS, NP, cue_subject_near
from digest.quotes.cues import DOC_NOUNS, PERSON_NOUNS, PLACE_STARTS, PRONOUNS, role_noun_gender
from digest.quotes.document import FRONTED, Document
from digest.quotes.mentions import analyse_run, name_runs

UNKNOWN = "UNKNOWN"
_HE = re.compile(r"\b[Hh]e\b")
_SHE = re.compile(r"\b[Ss]he\b")
_DOC_MENTIONS = 8  # "the statement": the last few times the article names one, per paragraph


@dataclass(slots=True)
class Attribution:
    speaker: str
    cue: str
    description: str = ""
    confidence: float = 0.9
    where: str = ""  # "after" | "before" | "colon" | "context"
    entity: int = -1


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
    if want == "n":
        return _resolve_it(doc, np)
    if want in ("p", "s"):
        # "they said": an organisation or a group named just before
        for sentence, *_ in doc.mentions_before(np.par, np.pos, 2):
            for m in sentence:
                e = doc.entities[m.entity]
                if e.kind == "org" or (e.kind == "desc" and any(r.endswith("s") for r in e.roles)):
                    return from_entity(doc, m.entity, 0.6)
        return Attribution(UNKNOWN, "", confidence=0.3)
    same = _HE if want == "m" else _SHE
    for k, (sentence, p, lo, hi) in enumerate(doc.mentions_before(np.par, np.pos, np.par + 1)):
        if k == 4:
            last = _last_speaker(doc, np, want)
            if last is not None:
                return last
        if not sentence:
            continue
        if same.search(doc.masked[p], lo, sentence[0].start) is not None:
            continue  # "He is hoping that West Virginia …": the topic goes on from further back
        # the speaker of a speech verb first ("Clinton aide Jen Ames said …" → Ames), then
        # the others in reading order (the subject usually comes first)
        fronted = FRONTED.match(doc.masked[p], lo, hi)
        cut = fronted.end() if fronted else lo  # "While Obama had …, that concerns Henry Crespo"
        ordered = sorted(sentence, key=lambda m: (not m.speaks, m.start < cut)) if len(sentence) > 1 else sentence
        for m in ordered:
            e = doc.entities[m.entity]
            if e.name.split()[0].lower() in PLACE_STARTS:
                continue
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
                plural = m.roles[0].endswith("s") or m.roles[0] in ("people", "staff")
                if k > 1 or m is not sentence[0] or plural:
                    continue
            return from_entity(doc, m.entity, 0.75 if k < 4 else 0.5 if k < 12 else 0.3)
    return _last_speaker(doc, np, want) or Attribution(UNKNOWN, "", confidence=0.2)


def _resolve_it(doc: Document, np: NP) -> Attribution:
    """"The United States … offered what it called …": "it" is an organisation or a country,
    the first one in its sentence (the subject), else in the sentence before."""
    for k, (sentence, *_) in enumerate(doc.mentions_before(np.par, np.pos, 1)):
        if k == 2:
            break
        for m in sentence:
            e = doc.entities[m.entity]
            if e.kind == "org" or (m.kind == "name" and not e.person and len(m.tokens) <= 3
                                   and (len(m.tokens) == 1 or m.tokens[0].lower() in PLACE_STARTS)):
                return from_entity(doc, m.entity, 0.5)
    return Attribution(UNKNOWN, "", confidence=0.2)


def _last_speaker(doc: Document, np: NP, want: str) -> Attribution | None:
    """Nobody fits in the last few sentences: the pronoun goes on with the last quoted speaker."""
    if doc.recent and doc.recent[-1][0] >= np.par - 2:
        e = doc.entities[doc.recent[-1][1]]
        if e.kind not in ("org", "desc") and (not e.gender or e.gender == want):
            return from_entity(doc, doc.recent[-1][1], 0.5)
    return None


def from_entity(doc: Document, idx: int, confidence: float) -> Attribution:
    e = doc.entities[idx]
    desc = next((r[5:] for r in sorted(e.roles) if r.startswith("desc:")), "")  # sorted: same output every run
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
    if det.endswith(("'s", "’s")) and head in PERSON_NOUNS:
        # "Obama's former campaign strategist": someone named just before, not Obama himself
        return _resolve_definite(doc, np, head, exclude=det[:-2])
    if det in ("the", "this", "that", "his", "her") or det not in DETS and head not in PERSON_NOUNS:
        return _resolve_definite(doc, np, head)
    return Attribution(UNKNOWN, "", np.text, 0.7)


def _resolve_definite(doc: Document, np: NP, head: str, exclude: str = "") -> Attribution:
    """"the minister", "the embassy", "the official": the last entity that fits the noun."""
    head = head.lower()
    gender = role_noun_gender([head])
    fallback = -1
    for sentence, *_ in doc.mentions_before(np.par, np.pos, 6):
        for m in sentence:
            e = doc.entities[m.entity]
            if exclude and e.name.split()[-1].lower() == exclude:
                continue
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
        # the last few mentions of the noun only: a huge paragraph must not be read per quote
        found = list(re.compile(r"\b" + re.escape(noun) + r"\b", re.I).finditer(masked, max(0, limit - 3000), limit))
        for m in reversed(found[-_DOC_MENTIONS:]):
            if p == np.par and m.start() == np.pos + len(np.text) - len(noun):
                continue
            sub = cue_subject_near(doc, p, m.start())
            if sub is not None and sub.kind != "desc":
                return resolve(doc, sub)
    for sentence, *_ in doc.mentions_before(np.par, np.pos, 4):
        for m in sentence:
            if doc.entities[m.entity].kind == "org":
                return from_entity(doc, m.entity, 0.4)
    return Attribution(UNKNOWN, "", np.text, 0.3)
