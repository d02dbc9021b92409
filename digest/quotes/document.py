"""One article prepared for attribution: masked paragraphs, sentences, names and entities.

Entities are built once per article so that a surname, a pronoun or "the minister" can be
resolved to the fullest name the article gives ("Putin" → "Vladimir Putin").
"""

from __future__ import annotations

import bisect
import re

from digest.quotes.cues import NAME_SUFFIXES, PERSON_NOUNS, role_noun_gender
from digest.quotes.detect import Segment
from digest.quotes.mentions import (Entity, Mention, analyse_run, gender_of, mask, name_runs,
                                    sentence_starts, surname)

# "a senior administration official", "one aide": an unnamed person the article may refer back to.
_INDEFINITE = re.compile(r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+((?:[\w.’'-]+\s+){0,4}[\w’'-]+)")
_WORDS = re.compile(r"[\w’'-]+")
_NOT_IN_NP = frozenset("after before with in on at of for to from by that who which and or but "
                       "said says told is was are were has had have".split())


def _indefinites(masked: str):
    """(start, end, head noun) for each 'a/one/another … <person noun>' phrase."""
    for m in _INDEFINITE.finditer(masked):
        for w in _WORDS.finditer(masked, m.start(1), m.end(1)):
            low = w.group().lower()
            if low in PERSON_NOUNS:
                yield m.start(), w.end(), low
                break
            if low in _NOT_IN_NP:
                break  # "one day after President …" is not a description of a person


_GLUED = re.compile(r"([a-z'’-]{3,}?)(?:at|in|on|to|for|of)")
# a speech verb right after a name, maybe past an apposition or an adverb
_SPEAKS = re.compile(r"(?:,[^,.;:\x01]{1,80},)?\s+(?:\w+ly\s+|also\s+|later\s+|has\s+|had\s+)?"
                     r"(?:said|says|told|tells|added|adds|wrote|writes|asked|explained|noted|argued|"
                     r"insisted|declared|recalled|replied|warned|tweeted|acknowledged|stated)\b")
FRONTED = re.compile(r"\s*(?:With|As|While|After|Before|When|Although|Though|Despite|In|On|At|During|"
                      r"Since|Because|If|Unlike|Like|For)\b[^,\x01]{0,120},")
_FOR_ORG = re.compile(r"\s+(?:for|of|at)\s+(?:the\s+)?((?:[A-Z][\w.&'’-]*\s?)+)")
_PAREN = re.compile(r"\([^()\x01]{1,40}\)")


_MAX_SENTENCES_BACK = 60
_REACH = 1200  # characters; the longest sentences in news copy run to about 900


def _word_start(text: str, at: int, limit: int) -> int:
    """The first word start at or after at (before limit): a clipped sentence starts on a word."""
    while at < limit and not text[at - 1].isspace():
        at += 1
    return at


class Document:
    def __init__(self, texts: list[str], segs: list[Segment], skip: set[int]):
        self.texts = texts
        self.skip = skip
        self.segs_by_par: dict[int, list[Segment]] = {}
        for s in segs:
            self.segs_by_par.setdefault(s.par, []).append(s)
        # short parentheticals ("(D-N.C.)", "(R-Ohio)") are blanked: they sit between a name
        # and its verb or apposition and carry no speaker
        self.masked = [_PAREN.sub(lambda m: " " * len(m.group()), mask(t, self.segs_by_par.get(i, [])))
                       for i, t in enumerate(texts)]
        self.starts = [sentence_starts(m, t, self.segs_by_par.get(i, []))
                       for i, (m, t) in enumerate(zip(self.masked, texts))]
        self.entities: list[Entity] = []
        self.mentions: list[list[Mention]] = [[] for _ in texts]
        self._by_key: dict[tuple[str, ...], int] = {}
        self._by_surname: dict[str, list[int]] = {}
        self.recent: list[tuple[int, int]] = []  # (paragraph, entity) of quotes attributed so far
        self._starts_cache: dict[int, list[int]] = {}
        self._build()

    # -- sentences -------------------------------------------------------------------------

    def sentence(self, par: int, pos: int) -> tuple[int, int]:
        """The sentence holding pos, at most _REACH characters either side of pos: a run of
        quotes with no sentence end between them ('"A," he said, "B." "C," …') is one long
        "sentence", and reading all of it for every quote would be quadratic. News sentences
        stay well under that reach."""
        starts = self.starts[par]
        k = bisect.bisect_right(starts, pos) - 1
        lo = starts[max(k, 0)]
        hi = starts[k + 1] if k + 1 < len(starts) else len(self.texts[par])
        if lo < pos - _REACH:
            lo = _word_start(self.masked[par], pos - _REACH, pos)
        if hi > pos + _REACH:
            hi = pos + _REACH
        return lo, hi

    # -- entities --------------------------------------------------------------------------

    def _build(self) -> None:
        pending: list[Mention] = []
        for par, masked in enumerate(self.masked):
            if par in self.skip:
                continue
            for start, end, tokens in name_runs(masked):
                kind, roles, name = analyse_run(tokens)
                if not kind:
                    continue
                m = Mention(par, start, end, tuple(name), kind, tuple(roles), gender_of(roles, name))
                self.mentions[par].append(m)
                if kind == "role" or len(name) == 1 and kind != "org":
                    pending.append(m)  # resolved once every full name is known
                else:
                    m.entity = self._entity_for(m)
            for start, end, head in _indefinites(masked):
                desc = masked[start:end]
                m = Mention(par, start, end, (), "desc", (head,), role_noun_gender([head]))
                m.entity = self._new(Entity("UNKNOWN", "desc", m.gender, True, {head}))
                # "a spokeswoman for Oxford University" speaks for the organisation
                of = _FOR_ORG.match(masked, end)
                if of and head in ("spokesman", "spokeswoman", "spokesperson", "representative"):
                    kind, _, name = analyse_run(of.group(1).split())
                    if kind == "org":
                        self.entities[m.entity].name = " ".join(name)
                        self.entities[m.entity].roles.add("desc:" + desc)
                        self.mentions[par].append(m)
                        continue
                self.entities[m.entity].name = "UNKNOWN"
                self.entities[m.entity].roles.add("desc:" + desc)
                self.mentions[par].append(m)
            self.mentions[par].sort(key=lambda m: m.start)
            for m in self.mentions[par]:
                m.speaks = bool(_SPEAKS.match(masked, m.end))
        # full names by given name, for "Hillary" alone; fixed from here on (resolving short
        # names only adds one-word entities), and a lookup, not a scan of every entity per name
        self._by_given: dict[str, list[int]] = {}
        for i, e in enumerate(self.entities):
            if e.kind == "person" and " " in e.name:
                self._by_given.setdefault(e.name.split()[0].lower(), []).append(i)
        for m in pending:
            m.entity = self._resolve_short(m)
        self._merge_glued()

    def _merge_glued(self) -> None:
        """"Jens Stoltenbergat a meeting": a typo glued a preposition to a known surname."""
        moved = {}
        for i, e in enumerate(self.entities):
            if e.kind != "person":
                continue
            last = e.name.split()[-1].lower()
            m = _GLUED.fullmatch(last)
            if m and m.group(1) in self._by_surname:
                target = next((c for c in self._by_surname[m.group(1)] if c != i), None)
                if target is not None:
                    moved[i] = target
        if not moved:
            return
        for key, idx in list(self._by_key.items()):
            self._by_key[key] = moved.get(idx, idx)
        for ms in self.mentions:
            for m in ms:
                m.entity = moved.get(m.entity, m.entity)

    def _new(self, e: Entity) -> int:
        self.entities.append(e)
        return len(self.entities) - 1

    def _entity_for(self, m: Mention) -> int:
        key = tuple(t.lower().rstrip(".") for t in m.tokens)
        if m.kind == "org":
            idx = self._by_key.get(key)
            if idx is None:
                idx = self._by_key[key] = self._new(Entity(" ".join(m.tokens), "org"))
            return idx
        sur = surname(m.tokens)
        idx = self._by_key.get(key)
        if idx is None:
            # "Donald Trump" and "Donald J. Trump" are one person: same surname, same first name.
            for cand in self._by_surname.get(sur, []):
                e = self.entities[cand]
                if e.kind != "org" and e.name.split()[0].lower() == key[0]:
                    idx = cand
                    break
        if idx is None:
            idx = self._new(Entity(" ".join(m.tokens), "person"))
            self._by_surname.setdefault(sur, []).append(idx)
        self._by_key[key] = idx
        e = self.entities[idx]
        if len(" ".join(m.tokens)) > len(e.name):
            e.name = " ".join(m.tokens)
        self._note(e, m)
        return idx

    def _note(self, e: Entity, m: Mention) -> None:
        e.person = e.person or m.kind == "person"
        e.gender = e.gender or m.gender
        e.roles.update(m.roles)

    def _resolve_short(self, m: Mention) -> int:
        if not m.tokens:
            return -1  # a bare title ("the President"): resolved by role when it speaks
        word = m.tokens[0].lower().rstrip(".")
        if word in NAME_SUFFIXES:
            return -1
        cands = self._by_surname.get(word, [])
        if not cands:
            # a given name alone ("Hillary") when exactly one full name starts with it
            cands = [i for i in self._by_given.get(word, ()) if self.entities[i].person]
            if len(cands) != 1:
                cands = []
        if cands and m.gender:
            # "Mr. Obama" with Barack and Michelle Obama in the article: the honorific decides
            fitting = [i for i in cands if self.entities[i].gender in ("", m.gender)]
            cands = fitting or cands
        if cands:
            idx = self._nearest(cands, m.par, m.start)
            self._note(self.entities[idx], m)
            return idx
        key = (word,)
        idx = self._by_key.get(key)
        if idx is None:
            idx = self._by_key[key] = self._new(Entity(m.tokens[0], "person"))
            self._by_surname.setdefault(word, []).append(idx)
        self._note(self.entities[idx], m)
        return idx

    def _nearest(self, cands: list[int], par: int, pos: int) -> int:
        """Of several people sharing a surname, the one named most recently before (par, pos)."""
        if len(cands) == 1:
            return cands[0]
        for p in range(min(par, len(self.mentions) - 1), -1, -1):
            ms = self.mentions[p]
            # from the last mention before (par, pos) backwards: the first fit is the nearest
            n = bisect.bisect_left(self.mention_starts(p), pos) if p == par else len(ms)
            for k in range(n - 1, -1, -1):
                m = ms[k]
                if m.entity in cands and len(m.tokens) > 1:
                    return m.entity
        return cands[0]

    def lookup(self, tokens: list[str], kind: str, par: int, pos: int) -> int:
        """Entity for a name found at (par, pos), preferring the mention recorded there."""
        # names never overlap one another (descriptions may): only the last name starting at
        # or before pos can hold it (bisect, not a scan: a paragraph can hold thousands of names)
        ms = self.mentions[par]
        for k in range(bisect.bisect_right(self.mention_starts(par), pos) - 1, -1, -1):
            m = ms[k]
            if m.kind != "desc":
                if pos < m.end and m.entity >= 0:
                    return m.entity
                break
        key = tuple(t.lower().rstrip(".") for t in tokens)
        if key in self._by_key:
            return self._by_key[key]
        if len(tokens) == 1 and kind != "org":
            cands = self._by_surname.get(key[0], [])
            if cands:
                return self._nearest(cands, par, pos)
        return -1

    def mentions_before(self, par: int, pos: int, max_pars: int = 3):
        """Mentions before (par, pos), grouped by sentence, most recent sentence first;
        inside a sentence in reading order (the subject usually comes first).
        Yields (mentions, paragraph, sentence start, sentence end), for the last
        _MAX_SENTENCES_BACK sentences at most: nobody refers further back than that, and a
        reference nothing resolves must not read the whole article."""
        budget = _MAX_SENTENCES_BACK
        for p in range(par, max(-1, par - max_pars - 1), -1):
            if p in self.skip:
                continue
            limit = pos if p == par else len(self.texts[p])
            starts = self.starts[p]
            n = bisect.bisect_left(starts, limit)  # sentences starting before the limit
            ms = self.mentions[p]
            keys = self.mention_starts(p)
            for k in range(n - 1, -1, -1):
                lo, hi = starts[k], (starts[k + 1] if k + 1 < n else limit)
                a, b = bisect.bisect_left(keys, lo), bisect.bisect_left(keys, hi)
                yield [m for m in ms[a:b] if m.entity >= 0], p, lo, hi
                budget -= 1
                if budget <= 0:
                    return

    def mention_starts(self, p: int) -> list[int]:
        """The start offsets of mentions[p], for bisecting (built once the mentions are final)."""
        cached = self._starts_cache.get(p)
        if cached is None:
            cached = self._starts_cache[p] = [m.start for m in self.mentions[p]]
        return cached
