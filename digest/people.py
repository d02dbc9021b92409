"""Cross-article speaker merging: one canonical name per person across the collection.

    merge_speakers(names) -> {name: canonical}

Names are blocked by a spelling-tolerant surname key (Zelenskiy/Zelenskyy, Sergei/Sergey share
one), so the work is linear in the number of names plus small per-surname groups. Inside a
block, full names merge when their given names agree (same spelling key, an initial, or a
common short form); a bare surname joins the block's full name only when there is exactly
one, so John Sullivan and Jake Sullivan stay apart and a lone "Sullivan" is left as it is.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence

from digest.quotes.cues import HONORIFIC_GENDER, NAME_SUFFIXES, ORG_WORDS, TITLES, first_name_gender

UNKNOWN = "UNKNOWN"
# Common English short forms of given names (general, not tied to any article).
_SHORT = {"joe": "joseph", "bill": "william", "will": "william", "bob": "robert", "rob": "robert",
          "mike": "michael", "jim": "james", "jimmy": "james", "tom": "thomas", "dick": "richard",
          "rick": "richard", "chris": "christopher", "tony": "anthony", "dan": "daniel",
          "dave": "david", "steve": "steven", "stephen": "steven", "ted": "edward", "ed": "edward",
          "liz": "elizabeth", "beth": "elizabeth", "kate": "katherine", "cathy": "katherine",
          "catherine": "katherine", "sam": "samuel", "ben": "benjamin", "nick": "nicholas",
          "alex": "alexander", "andy": "andrew", "jen": "jennifer", "jenny": "jennifer",
          "matt": "matthew", "pat": "patrick", "chuck": "charles", "charlie": "charles",
          "larry": "lawrence", "jerry": "gerald", "greg": "gregory", "jeff": "jeffrey",
          "ken": "kenneth", "ron": "ronald", "don": "donald", "pete": "peter", "sue": "susan",
          "antony": "anthony", "hank": "henry", "harry": "henry"}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def spelling_key(word: str) -> str:
    """A key that transliteration variants share: Zelenskiy/Zelenskyy, Sergei/Sergey, Victor/Viktor."""
    w = re.sub(r"[^a-z]", "", _fold(word))
    w = w.replace("ph", "f").replace("ck", "k").replace("c", "k").replace("y", "i").replace("w", "v")
    w = re.sub(r"(.)\1+", r"\1", w)  # doubled letters
    w = re.sub(r"[aeiou]+$", lambda m: m.group()[0], w)  # one final vowel sound
    return w


def _tokens(name: str) -> list[str]:
    toks = re.findall(r"[\w.'’-]+", name)
    while len(toks) > 1 and toks[0].lower().rstrip(".") in TITLES:
        toks = toks[1:]  # "President Vladimir Putin" → "Vladimir Putin"
    return toks


def _is_org(toks: list[str]) -> bool:
    return any(t.lower().rstrip(".") in ORG_WORDS for t in toks) or (len(toks) == 1 and toks[0].isupper())


def _given_match(a: str, b: str) -> bool:
    ka, kb = spelling_key(a), spelling_key(b)
    if ka == kb:
        return True
    la, lb = a.lower().rstrip("."), b.lower().rstrip(".")
    if len(la) == 1 or len(lb) == 1:
        return la[0] == lb[0]  # "J." and "John"
    return _SHORT.get(la, la) == _SHORT.get(lb, lb)


def _fullest(name: str) -> tuple:
    """Sort key: more name parts first, then longer, then accents kept ("José" over "Jose")."""
    return (-len(name.split()), -len(name), -sum(not c.isascii() for c in name), name)


def merge_speakers(names: Sequence[str]) -> dict[str, str]:
    """Map every name to one canonical form shared by all spellings of the same person."""
    out: dict[str, str] = {}
    blocks: dict[tuple, list[tuple[str, list[str]]]] = defaultdict(list)
    suffixed: dict[str, str] = {}  # "Donald Trump Jr." is not "Donald Trump"
    for name in dict.fromkeys(names):
        raw = re.findall(r"[\w.'’&-]+", name)
        if name == UNKNOWN or not raw:
            out[name] = name
            continue
        if _is_org(raw):  # organisations merge only on the same words ("State Department")
            blocks[("org", " ".join(_fold(t).rstrip(".") for t in raw if t.lower() != "the"))].append((name, raw))
            continue
        toks = _tokens(name)
        suffix = ""
        if len(toks) > 1 and toks[-1].lower() in NAME_SUFFIXES:
            suffix, toks = toks[-1].lower().rstrip("."), toks[:-1]
        blocks[("person", spelling_key(toks[-1]), suffix)].append((name, toks))
        if suffix:
            suffixed[name] = " " + raw[-1]
    for key, members in blocks.items():
        if key[0] == "org":
            canon = sorted((re.sub(r"^[Tt]he\s+", "", m[0]) for m in members), key=lambda n: (-len(n), n))[0]
            for name, _ in members:
                out[name] = canon
            continue
        clusters: list[list[tuple[str, list[str]]]] = []
        singles = []
        for name, toks in members:
            if len(toks) == 1:
                singles.append(name)
                continue
            for cl in clusters:
                if _given_match(cl[0][1][0], toks[0]):
                    cl.append((name, toks))
                    break
            else:
                clusters.append([(name, toks)])
        for cl in clusters:
            # the fullest form, titles stripped; ties go to the longer, then alphabetically first
            forms = sorted({" ".join(t) + suffixed.get(n, "") for n, t in cl}, key=_fullest)
            for name, _ in cl:
                out[name] = forms[0]
        for name in singles:
            fits = clusters
            honorific = HONORIFIC_GENDER.get(name.split()[0].lower().rstrip(".")) if " " in name else None
            if honorific and len(clusters) > 1:
                # "Mrs. Clinton" with Hillary and Bill Clinton: the given names tell them apart
                fits = [cl for cl in clusters if first_name_gender(cl[0][1][0]) == honorific]
            if len(fits) == 1:
                out[name] = out[fits[0][0][0]]
            elif not clusters:
                # only bare surnames, spelt alike ("O'Neill", "O’Neill"): one person
                out[name] = sorted((" ".join(_tokens(n)) for n in singles), key=_fullest)[0]
            else:
                out[name] = " ".join(_tokens(name)) + suffixed.get(name, "")  # ambiguous or alone
    return out
