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

from digest.cleaning import patterns as pat
from digest.cleaning import widgets as w

FURNITURE_COST = -1.0
_SHORT_SOURCING = 20  # words
_CAPTION_TEXT_CHARS = 15  # description needed before a closing credit
_SHORT_PROMO = 15  # words: longer lines are paragraphs, where a promo must address the reader
_TRAILING_SYMBOLS = frozenset({"So", "Sk", "Mn", "Me", "Cf", "Cn"})  # emoji, variation selectors, joiners
_NO_SPACE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
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
    label: str = "text"  # text | widget | credit | caption | byline | date | list | end | promo | repeat
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
    if words and len(text) > 9 * words and _NO_SPACE_SCRIPT.search(text):  # Chinese, Japanese
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
_CAPTION_HINTS = ("photo", "picture", "image", "illustration", "reuters/", "afp/", "epa/")
_BY_WORDS = frozenset("by written words story von por par di door av af".split())
_ROLE_HINTS = ("writer", "correspondent", "editor")
_DATE_WORDS = ("updated", "published", "posted", "last updated", "first published")
_DIGIT = re.compile(r"\d")
_PROMO_HINTS = ("click", "clique", "clica", "clicca", "klick", "haz clic", "sign up", "subscribe", "download", "follow us", "newsletter", "inbox")


def _mentions(low: str, hints: tuple[str, ...]) -> bool:
    for hint in hints:  # a plain loop: cheaper than any() over a generator on every line
        if hint in low:
            return True
    return False


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
        if not key or pat.SEPARATOR.match(text):
            return "widget", "separator"
        if pat.VIDEO_TIMES.match(text):
            return "widget", "video player"
        if pat.SHARE_COUNT.match(text):
            return "widget", "share buttons"
        if words <= 3 and pat.NO_LETTERS.match(text):
            return "widget", "stray number"
        if pat.GALLERY_COUNT.match(text):
            return "widget", "image widget"
    if words <= 40 and ("©" in text or "copyright" in low or "rights reserved" in low) and pat.COPYRIGHT.search(text):
        return "end", "copyright"
    if words <= 80 and _mentions(low, _SOURCING_HINTS):
        if pat.SOURCING.search(text) or (words <= _SHORT_SOURCING and pat.SOURCING_SHORT.search(text)):
            return "end", "sourcing line"
    # A description followed by its credit is a caption; a credit alone is checked below.
    if text[-1] in ")]" and pat.CAPTION_CREDIT.search(text):
        return "caption", "caption"
    if words <= 80 and _mentions(low, _CAPTION_HINTS):
        credit = pat.CAPTION_TAIL.search(text)
        if credit and credit.start() >= _CAPTION_TEXT_CHARS:
            return "caption", "caption"
    if words <= 15:
        if "min" in low and pat.READ_TIME.search(text):
            return "widget", "read time"
        if pat.COMMENTS_HEADING.match(text):
            return "end", "comments"
        if pat.COMMENT_COUNT.match(text):  # a count also sits by the byline, so it ends nothing
            return "widget", "comment count"
        if pat.SOURCE_NOTE.match(text):
            return "credit", "sourcing line"
        if not line.sentence_end and _mentions(low, _CREDIT_HINTS) and pat.PHOTO_CREDIT.search(text):
            return "credit", "photo credit"
    if words <= 80 and "cookie" in low and pat.COOKIE_NOTICE.search(text):
        return "widget", "cookie notice"
    if words <= 60 and ("reach" in low or "follow" in low or "tip?" in low) and pat.AUTHOR_CONTACT.search(text):
        return "credit", "author bio"
    if (
        words <= 15
        and not line.sentence_end
        and ("," in text or low.split(" ", 1)[0] in _BY_WORDS or any(role in low for role in _ROLE_HINTS))
        and pat.BYLINE.search(text)
    ):
        return "byline", "byline"
    if (":" in text[:30] and pat.TAGS.match(text)) or (words <= 15 and text.startswith(("Tags ", "TAGS ", "Tagged "))):
        return "widget", "tags"
    if (
        words <= 60
        and (":" in text[:30] or low.startswith("related") or _mentions(low, _PROMO_HINTS))
        and (pat.PROMO if words <= _SHORT_PROMO else pat.PROMO_IN_PROSE).search(text)
    ):
        return "promo", "promo"
    if (
        words <= 14
        and not line.sentence_end
        and (_DIGIT.search(text) or low.startswith(_DATE_WORDS))
        and pat.DATE_LINE.search(text)
    ):
        return "date", "date line"
    if words <= 30 and low.startswith(_DATE_WORDS) and _DIGIT.search(text, 0, 40) and pat.DATE_LINE.search(text, 9, 60):
        # "Published February 24, 2020 Last updated July 21, 2022 This article is more than 2 years old."
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
