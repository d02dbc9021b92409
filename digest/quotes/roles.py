"""A speaker's role as the article gives it: the title in front of the name or an apposition.

    speaker_role(doc, entity) -> str

"U.S. Defense Secretary Lloyd Austin" → "U.S. Defense Secretary"; "Andriy Yermak, chief of
staff to the president, said" → "chief of staff to the president". Every mention of the
person is read and the fullest role wins, so a later bare "Austin said" still gets the title
the article introduced him with. Honorifics alone ("Mr.", "Ms.") are not roles.
"""

from __future__ import annotations

import re

from digest.quotes.cues import CAP_STOP, CUE_VERBS, ORG_WORDS, PARTICIPLES, PERSON_NOUNS, PLACE_STARTS, TITLES
from digest.quotes.document import Document
from digest.quotes.mentions import MASK

MAX_ROLE = 80  # a role is a label on the speaker page, not a paragraph
_HONORIFICS = frozenset("mr mrs ms miss dr sir dame".split())
# lower-case words that sit inside a title in front of a name ("former national security adviser")
_MODIFIERS = frozenset(
    "former then then- acting interim senior deputy top chief national security foreign defense "
    "defence interior finance press general assistant vice special principal lead prime state "
    "communications policy affairs economic political military white house campaign presidential "
    "legal justice health trade energy".split()
)
_ROLE_WORDS = (TITLES | PERSON_NOUNS) - {"the", "of"}
_CONNECTORS = frozenset("the of to".split())  # "Ambassador to the U.N.", "Secretary of State"
_WORD_BACK = re.compile(r"([\w.'’&-]+)\s*$")
# ", chief of staff to the president," — up to the next comma, semicolon or quote
_APPOSITION = re.compile(r",\s+([^,;:\x01()—]{3,120}?)\s*(?=[,;:\x01()—]|$)")
_RELATIVE = frozenset("who whom whose which that where when".split())  # "historian who attended …"
_STARTS_NO_ROLE = frozenset("who whom whose which where when that and or but as if while because "
                            "is was are were has had have will would could also".split())


def _strip_honorific(words: list[str]) -> list[str]:
    while words and words[0].lower().rstrip(".") in _HONORIFICS:
        words = words[1:]
    return words


def _prefix(text: str, masked: str, start: int, name_start: int) -> str:
    """Title words inside the name run, plus role words just before it ("State Department
    spokesman Ned Price": the run is "Ned Price", the role reads back over "spokesman")."""
    own = _strip_honorific(text[start:name_start].split())
    words: list[str] = []
    pos = start
    while len(words) < 8:
        m = _WORD_BACK.search(masked, max(0, pos - 60), pos)
        if not m or MASK in m.group(1):
            break
        w = m.group(1)
        low = w.lower().rstrip(".")
        if w.endswith(".") and len(low) > 4 and not re.fullmatch(r"(?:[A-Za-z]\.)+", w):
            break  # "… the military. Campaign manager Robby Mook": the sentence before ends here
        if w[0].isupper():
            if low in CAP_STOP or low in CUE_VERBS:
                break
        elif not all(part in _ROLE_WORDS or part in _MODIFIERS for part in low.split("-")) \
                and low not in _CONNECTORS:
            break  # ("vice-presidential nominee": each part of a hyphenated word is a title word)
        words.insert(0, text[m.start(1):m.end(1)])
        pos = m.start(1)
    # the words read back must end on a role noun ("adviser", "spokesman"), or the run itself
    # holds the title ("former" + "Senator"); a bare place or date in front is not a role
    lows = [w.lower().rstrip(".") for w in words]
    # ("Ambassador to Moscow John Sullivan": the title's place comes last)
    placed = any(w in ("to", "of") and i > 0 and lows[i - 1] in _ROLE_WORDS for i, w in enumerate(lows))
    if words and not own and lows[-1] not in _ROLE_WORDS and not placed or lows[-1:] in (["to"], ["of"]):
        words = []  # "advisers to Michelle Obama" are not her role
    if own and own[-1].lower() in _CONNECTORS:
        return ""  # "Democrat of California": the run is a role and a place, not a titled name
    words = words + own
    # "the U.N." inside "Ambassador to the U.N." is kept; a leading "of", "the" is not the role's
    while words and (words[0].lower() in _CONNECTORS or words[0].lower() in ("on", "in", "at")):
        words = words[1:]
    role = " ".join(words)
    return role if any(w.lower().rstrip(".") in _ROLE_WORDS | _MODIFIERS for w in role.split()) else ""


def _apposition(text: str, masked: str, end: int) -> str:
    """", chief of staff to President Volodymyr Zelenskiy," right after the name."""
    m = _APPOSITION.match(masked, end)
    if not m:
        return ""
    phrase = text[m.start(1):m.end(1)].strip()
    # a sentence end inside ("…, he said. The minister…") cuts the phrase
    phrase = re.split(r"(?<![A-Z])\.\s+(?=[A-Z])", phrase)[0].rstrip(".")
    words = phrase.split()
    # "…, White House spokesperson said Friday" has no closing comma: the verb ends it
    stop = next((i for i, w in enumerate(words) if w.lower() in CUE_VERBS or w.lower() in _RELATIVE), len(words))
    words = words[:stop]
    if not words or len(words) > 14:
        return ""
    first = words[0].lower()
    if first in _STARTS_NO_ROLE or first in CUE_VERBS or first in PARTICIPLES or not words[0][0].isalpha():
        return ""
    if first in ("the", "a", "an"):
        words = words[1:]
    # the head noun comes early: "chief of staff to …", "a senior adviser at …"
    lows = [w.lower().strip(".,") for w in words]
    cut = next((i for i, w in enumerate(lows) if w in ("of", "to", "for", "at", "in", "with")), len(lows))
    if cut > 6 or not any(w in _ROLE_WORDS for w in lows[:cut]):
        return ""
    # "Putin, Ukrainian President Volodymyr Zelenskyy, Macron": a list of people, not a role;
    # a name may follow only a preposition ("chief of staff to President Volodymyr Zelenskiy")
    if any(w[0].isupper() and not _role_or_org(w) for w in words[:cut]):
        return ""
    while words and words[-1].lower() in _CONNECTORS | {"and", "or", "in", "at", "for"}:
        words = words[:-1]
    return " ".join(words).rstrip(".") if words and not re.search(r"[A-Z]\.$", words[-1]) else " ".join(words)


def _role_or_org(word: str) -> bool:
    """A capitalised word that can sit in a title: a title, an organisation word, an acronym."""
    low = word.lower().rstrip(".,")
    return low in _ROLE_WORDS or low in ORG_WORDS or word.isupper() or "." in word


def speaker_role(doc: Document, entity: int) -> str:
    """The fullest role the article gives the person behind entity; "" when none."""
    if entity < 0 or entity >= len(doc.entities) or doc.entities[entity].kind in ("org", "desc"):
        return ""
    e = doc.entities[entity]
    if not e.person and (" " not in e.name or e.name.split()[0].lower() in PLACE_STARTS):
        return ""  # "Russia", "Moscow": a place speaks through its government, without a title
    best = ""
    for par, ms in enumerate(doc.mentions):
        text, masked = doc.texts[par], doc.masked[par]
        for m in ms:
            if m.entity != entity or not m.tokens or m.kind == "desc":
                continue
            at = text.rfind(m.tokens[0], m.start, m.end)
            name_start = at if at >= 0 else m.start
            for role in (_prefix(text, masked, m.start, name_start), _apposition(text, masked, m.end)):
                role = role.strip(" ,")
                if len(best) < len(role) <= MAX_ROLE:
                    best = role
    return best
