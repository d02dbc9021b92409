"""Line features and labels: what each line of a scraped page looks like on its own.

A scraped page is one block per line. Body paragraphs are long, end in sentence
punctuation and are mostly lower-case words; furniture is short, title-cased, repeated
or matches a known widget phrase. Labels set here are final for widgets, credits and
footers; plain text lines only get a score, and `digest.cleaning.body` decides from
their neighbours whether they belong to the article.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from digest.cleaning import widgets as w

FURNITURE_COST = -1.0
_TRAILING_SYMBOLS = frozenset({"So", "Sk", "Mn", "Me", "Cf", "Cn"})  # emoji, variation selectors, joiners
_SENTENCE_END = frozenset(".!?…。！？")
_CLOSERS = "\"'”’»)]*"
# Dashes are left out: "— Jane Doe (@jane)" under an embedded post is body text.
_BULLETS = ("•", "·", "▪", "►", "■", "◦", "‣")


@dataclass(slots=True)
class Line:
    number: int  # 1-based line number in the source text
    raw: str
    text: str  # stripped
    words: int
    indent: int
    bullet: bool
    sentence_end: bool  # ends in . ! ? (closing quotes and brackets allowed after)
    colon_end: bool
    lowercase_share: float  # share of cased words that start lower-case; 0.5 when the script has no case
    isolated: bool = False  # blank lines (or the file's edge) above and below
    label: str = "text"  # text | widget | credit | caption | byline | date | list | end | promo
    reason: str = ""
    score: float = 0.0

    @property
    def heading_like(self) -> bool:
        """Short and unpunctuated: a headline, subheading, menu entry or widget title."""
        return not self.sentence_end and not self.colon_end and self.words <= 20


def _strip_tail(text: str) -> str:
    """The text without closing quotes, brackets and trailing emoji, to see its last punctuation."""
    tail = text.rstrip(_CLOSERS)
    while tail and tail[-1] not in _SENTENCE_END and unicodedata.category(tail[-1]) in _TRAILING_SYMBOLS:
        tail = tail[:-1].rstrip(_CLOSERS + " ")
    return tail


def make_line(number: int, raw: str) -> Line:
    text = raw.strip()
    tokens = text.split()
    words = len(tokens)
    if words and len(text) > 9 * words:  # scripts written without spaces (Chinese, Japanese)
        words = max(words, len(text) // 3)
    tail = _strip_tail(text)
    bullet = text.startswith(_BULLETS) or (len(tokens) > 1 and tokens[0] in ("-", "*", "+"))
    # Sentence case shows in the first few dozen words; the rest adds nothing but time.
    initials = "".join([token[0] for token in tokens[:40]])
    lower = sum(map(str.islower, initials))
    cased = lower + sum(map(str.isupper, initials))
    return Line(
        number=number,
        raw=raw,
        text=text,
        words=words,
        indent=len(raw) - len(raw.lstrip()),
        bullet=bullet,
        sentence_end=bool(tail) and tail[-1] in _SENTENCE_END,
        colon_end=bool(tail) and tail[-1] in ":;：",
        lowercase_share=lower / cased if cased else 0.5,
    )


def label_line(line: Line) -> None:
    """Set the label and reason that a line earns from its own text alone."""
    line.label, line.reason = _furniture(line) or ("text", "")
    line.score = _score(line)


# Words one of the long-line patterns needs; checking them first keeps the regexes off
# most prose lines (the cleaner runs on thousands of articles).
_SOURCING_HINTS = (
    "contributed", "reporting", "information for", "reported from", "editing by", "writing by", "compiled by",
    "produced by", "edited by", "this story", "this article", "this report",
)
_CREDIT_HINTS = (
    "via ", "photo", "getty", "/", "image", "picture", "credit", "courtesy", "stock", "foto", "bild",
    "afp", "epa", "reuters", "ap", "xinhua", "tass", "sputnik",
)
_BY_WORDS = frozenset("by written words story von por par di door av af".split())
_ROLE_HINTS = ("writer", "correspondent", "editor")
_DATE_WORDS = ("updated", "published", "posted", "last updated", "first published")
_DIGIT = re.compile(r"\d")
_PROMO_HINTS = ("click", "sign up", "subscribe", "download", "follow us", "newsletter")


def _furniture(line: Line) -> tuple[str, str] | None:
    text, words = line.text, line.words
    low = text.casefold()
    if words <= 8:
        key = w.phrase_key(text)
        if key in w.END_HEADINGS and words <= 6:
            return "end", w.END_HEADINGS[key]
        if words <= 6 and key.startswith(w.END_PREFIXES):
            return "end", "Latest Stories list"
        if key in w.WIDGET_PHRASES:
            return "widget", w.WIDGET_PHRASES[key]
        if not key or w.SEPARATOR.match(text):
            return "widget", "separator"
        if w.VIDEO_TIMES.match(text):
            return "widget", "video player"
        if w.SHARE_COUNT.match(text):
            return "widget", "share buttons"
        if words <= 3 and w.NO_LETTERS.match(text):
            return "widget", "stray number"
        if w.GALLERY_COUNT.match(text):
            return "widget", "image widget"
        if w.COMMENT_COUNT.match(text):
            return "end", "comments"
    if words <= 40 and ("©" in text or "copyright" in low or "rights reserved" in low) and w.COPYRIGHT.search(text):
        return "end", "copyright"
    if words <= 80 and any(hint in low for hint in _SOURCING_HINTS) and w.SOURCING.search(text):
        return "end", "sourcing line"
    if words <= 15:
        if "min" in low and w.READ_TIME.search(text):
            return "widget", "read time"
        if w.COMMENT_COUNT.match(text):
            return "end", "comments"
        if w.SOURCE_NOTE.match(text):
            return "credit", "sourcing line"
        if not line.sentence_end and any(hint in low for hint in _CREDIT_HINTS) and w.PHOTO_CREDIT.search(text):
            return "credit", "photo credit"
    if text[-1] in ")]" and w.CAPTION_CREDIT.search(text):
        return "caption", "caption"
    if (
        words <= 15
        and not line.sentence_end
        and ("," in text or low.split(" ", 1)[0] in _BY_WORDS or any(role in low for role in _ROLE_HINTS))
        and w.BYLINE.search(text)
    ):
        return "byline", "byline"
    if ":" in text[:30] and w.TAGS.match(text):
        return "widget", "tags"
    if (
        words <= 60
        and (":" in text[:30] or low.startswith("related") or any(hint in low for hint in _PROMO_HINTS))
        and w.PROMO.search(text)
    ):
        return "promo", "promo"
    if (
        words <= 14
        and not line.sentence_end
        and (_DIGIT.search(text) or low.startswith(_DATE_WORDS))
        and w.DATE_LINE.search(text)
    ):
        return "date", "date line"
    return None


def _score(line: Line) -> float:
    """How much a line looks like article prose (positive) or page furniture (negative)."""
    if line.label == "end":
        # Copyright, sourcing lines, comments and related-stories headings end the article
        # (body.py softens a related heading that only heads an inline box of links).
        return float("-inf")
    if line.label != "text":
        # Players, promos and captions sit inside bodies too; as known furniture they are
        # dropped anyway, so they only cost what an unknown menu line costs.
        return FURNITURE_COST
    words = line.words
    prose = line.lowercase_share >= 0.4
    if line.sentence_end:
        if words >= 10:
            return 0.5 + min(words, 50) / (10 if prose else 20)
        if words >= 4:
            return 0.3 if prose else 0.1
        return -0.3
    if words >= 25 and prose:  # a paragraph cut short or ending in a link
        return min(words, 50) / 20
    if line.colon_end and words >= 3:
        return 0.0
    # Scraped text puts a blank line between blocks of the article, while menus and
    # link lists come out as runs of consecutive lines.
    if line.isolated:
        return -0.4 if words <= 3 else -0.3
    return -1.0 if words <= 3 else -0.6
