"""Can a sentence stand in a summary on its own? Filters independent of the ranking.

Scraped news pages mix the story with captions, credits and promos, and a
summary is read out of context: a sentence cut inside a quotation, a quotation
without its speaker, a middle sentence of someone's speech ("I'm fortunate I
was..."), a photo caption ("On the court: X (pictured in 2013).") or the
writer's own question, a hook or a teaser ("So what went wrong?"), reads
badly there, whatever its score. Quotation marks come in two families: double
(“” and ") and single (‘’ and '), the British/Daily Mail style, where the
marks double as apostrophes -- so single quotes are only counted where they
open before a word or close after one and before a space or punctuation.
"""

from __future__ import annotations

import re

# Lines that belong to the page, not the story: captions, credits, promos, sharing.
_BOILERPLATE = re.compile(
    r"scroll down|click here|read more\b|\bsubscribe\b|newsletter|follow (?:us|@)"
    r"|all rights reserved|copyright\s*(?:©|\(c\)|\d{4})|©|\bgetty\b|\bcaption\b"
    r"|(?:photo(?:graph)?|image)s?\s*(?:credit|:)|\b(?:ap|afp|reuters|epa)\s+photo"
    r"|contributed (?:to )?(?:this )?report|download (?:the|our) app|share this|watch (?:the )?video"
    r"|^(?:video|watch|listen|photos?|gallery|advertisement|related)\b"
    # Captions point at the picture: "(pictured)", "(left)", "(file photo)", "the chart above".
    r"|\bpictured\b|\((?:[^()]*\s)?(?:left|right|centre|center|top|bottom|inset|file(?: photo| picture)?)(?:\s[^()]*)?\)"
    r"|\b(?:picture|photo|image|chart|graph|graphic|map|plot|video)s? (?:above|below)\b",
    re.IGNORECASE,
)
# A caption's label: "Sale: Actor X is selling...", "On the court: X played...". Up to three
# words before a colon, then a capital; "Police said: The..." is speech, not a label.
_LABEL = re.compile(r"([A-Z][\w’'-]*(?:\s+[\w’'-]+){0,2}):\s+[A-Z]")
_SPEECH_VERB = re.compile(r"\b(?:said|says|told|tells|added|adds|explained|wrote|writes|asked|warned)\b", re.I)

# First words that need the previous sentence to make sense: pronouns and
# demonstratives ("He said…", "This means…") and connectives ("But…", "However,…").
_DEPENDENT_START = frozenset(
    """he she they it his her their its him them this that these those such
    but however meanwhile still yet and""".split()
)
_TERMINAL = ('.', '?', '!', '"', "”", "’", "'", ")", "。", "！", "？", "」", "』", "）")

_DOUBLE_QUOTATION = re.compile(r"[\"“][^\"“”]*[\"”]")
# A single mark opens a quotation before a word (not "'90s"), after a space or a bracket...
_OPEN_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))[‘'](?=\w)(?!\d\ds\b)")
# ... and closes one after a non-space and before a space, punctuation or the end ("furious' and").
_CLOSE_SINGLE = re.compile(r"(?<=\S)[’'](?=$|[\s,.;:!?)\]—–-])")
# Closing right after sentence punctuation: the end of a quotation, never a possessive.
_CLOSE_AFTER_PUNCT = re.compile(r"(?<=[.,!?])[’'](?=$|\s)")
# First person outside quotation marks: a sentence from inside someone's speech.
_FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Mm]y|[Oo]ur|us)\b")
_PRONOUN_I = re.compile(r"\bI\b")


def _single_quotations(text: str) -> tuple[list[tuple[int, int]], bool]:
    """Spans of 'single-quoted' passages, and whether a mark is left without its partner."""
    opens = [m.start() for m in _OPEN_SINGLE.finditer(text)]
    unpaired = any(
        not any(o < m.start() for o in opens) for m in _CLOSE_AFTER_PUNCT.finditer(text)
    )  # the end of a quotation that began in an earlier sentence
    spans: list[tuple[int, int]] = []
    for start in opens:
        if spans and start < spans[-1][1]:
            continue
        close = _CLOSE_SINGLE.search(text, start + 1)
        if close is None:
            return spans, True  # a quotation that runs on into the next sentence
        spans.append((start, close.end()))
    return spans, unpaired


def outside_quotations(text: str) -> str:
    """The text with every quoted passage blanked out: what the writer says in their own voice."""
    text = _DOUBLE_QUOTATION.sub(" ", text)
    spans, _ = _single_quotations(text)
    for start, end in reversed(spans):
        text = text[:start] + " " + text[end:]
    return text


def _unbalanced_quotes(text: str) -> bool:
    """A sentence cut inside a quotation: its marks do not pair up."""
    if text.count("“") != text.count("”"):
        # Mixed styles (“…") are common in scraped text; count straight marks as either.
        curly_open, curly_close = text.count("“"), text.count("”")
        straight = text.count('"')
        if (curly_open + curly_close + straight) % 2 == 1:
            return True
    elif text.count('"') % 2 == 1:
        return True
    return _single_quotations(text)[1]


def _first_person(outside: str) -> bool:
    if _FIRST_PERSON.search(outside):
        return True
    for m in _PRONOUN_I.finditer(outside):
        before = outside[: m.start()].split()
        # "World War I", "Elizabeth I": a numeral after a name, not the pronoun.
        if not before or not before[-1][:1].isupper():
            return True
    return False


def _caption_label(text: str) -> bool:
    m = _LABEL.match(text)
    return bool(m) and not _SPEECH_VERB.search(m.group(1))


def is_quality(sentence, min_words: int = 6, max_words: int = 110) -> bool:
    """Can this sentence stand in a summary at all? (Independent of what else is chosen.)"""
    text = str(sentence).strip()  # str(), not .text, so sumy sentences work too
    n = len(sentence.words)
    if n < min_words or n > max_words:
        return False
    if not text.endswith(_TERMINAL) or text.endswith(":"):
        return False  # headline-like line, caption, or an introduction to a list
    if text.lstrip("\"“‘'([ ")[:1].islower():
        return False  # a fragment left by the scraper or the splitter
    if _BOILERPLATE.search(text) or _caption_label(text) or _unbalanced_quotes(text):
        return False
    outside = outside_quotations(text)
    if outside != text and len(re.findall(r"\w+", outside)) < 2:
        return False  # only someone's words: without the speaker they mean little
    if outside.rstrip().endswith(("?", "？")):
        return False  # the writer's own question: a teaser or a hook ("So what went wrong?"), not a fact
    return not _first_person(outside)


def needs_previous(sentence) -> bool:
    """Does this sentence lean on the one before it ("He said…", "But…", "X also said…")?"""
    opening = [w.lower() for w in sentence.words[:8]]
    return bool(opening) and (opening[0] in _DEPENDENT_START or "also" in opening)
