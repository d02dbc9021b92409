"""The data model: frozen dataclasses passed between pipeline stages.

read → clean → summarize → quotes → group → render → write. Every stage up to
grouping takes these records and returns new ones; nothing here knows about
Jinja, sumy or the filesystem.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Source:
    """One input file as read from disk, decoded to text (stage: read)."""

    path: str  # as shown to the user: relative to the project folder
    format: str  # "txt" | "md" | "html" | "json"
    text: str  # plain text, one block per line (scraped-page style)
    front: tuple[tuple[str, object], ...] = ()  # front matter / JSON fields, key order kept
    body_html: str | None = None  # Markdown rendered to HTML, when the input was .md
    encoding: str = "utf-8"
    content_hash: str = ""

    def front_value(self, key: str) -> object | None:
        for name, value in self.front:
            if name == key:
                return value
        return None


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of the clean article body."""

    text: str
    line: int  # 1-based line number in the source text
    kind: str = "p"  # "p" body paragraph | "h" subheading (structure, not body sentences)


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A source line the cleaner dropped, with the reason shown by `digest inspect`."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class CleanText:
    """Output of the clean stage."""

    paragraphs: tuple[Paragraph, ...]
    removed: tuple[RemovedLine, ...] = ()
    # Lines outside the body that metadata extraction wants to look at (headline candidates,
    # bylines, sourcing and copyright lines, bios), as (line number, text).
    header: tuple[tuple[int, str], ...] = ()
    footer: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Field:
    """A metadata value with where it came from and how sure we are."""

    value: object
    source: str  # human wording: "headline line 3", "front matter", "sourcing line 51"
    confidence: str = "high"  # "high" | "medium" | "low" | "generated" | "inferred"


@dataclass(frozen=True, slots=True)
class DateClue:
    """Text evidence for dating an article, resolved later across the collection."""

    kind: str  # "explicit" (month + day) | "weekday" | "year" | "relative"
    text: str  # the words as they appear ("January 28", "Friday")
    month: int | None = None
    day: int | None = None
    year: int | None = None
    weekday: int | None = None  # Monday == 0
    paragraph: int = -1  # index into CleanText.paragraphs, -1 for header/footer


@dataclass(frozen=True, slots=True)
class DateGuess:
    """The publication date, possibly a range when the text does not pin the day."""

    value: dt.date | None  # best single day, or None (undated)
    earliest: dt.date | None = None
    latest: dt.date | None = None
    source: str = ""  # "front matter", "file name", "inferred from 'Friday' and 'January 28'"
    confidence: str = "none"  # "high" | "medium" | "low" | "none"

    @property
    def is_exact(self) -> bool:
        return self.value is not None and self.earliest == self.latest == self.value


@dataclass(frozen=True, slots=True)
class Metadata:
    title: Field
    outlet: Field
    authors: tuple[str, ...] = ()
    authors_source: str = ""
    contributors: tuple[str, ...] = ()
    date: DateGuess = DateGuess(None)
    date_clues: tuple[DateClue, ...] = ()
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Span:
    """A character range inside one paragraph of the clean body."""

    paragraph: int  # index into the article's paragraphs
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SummarySentence:
    text: str
    span: Span
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Quote:
    text: str  # exact characters between the marks (segments joined by one space)
    speaker: str  # canonical-ish name as found, an organisation, or "UNKNOWN"
    kind: str  # "direct" | "partial"
    cue: str  # attribution wording, e.g. "said", "told reporters", "according to"
    spans: tuple[Span, ...]  # one per segment: the text inside the marks, trimmed, without the attribution comma
    speaker_description: str = ""  # for unnamed sources: "a senior administration official"
    speaker_role: str = ""  # title or apposition from the article: "U.S. Defense Secretary", "chief of staff to …"
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Article:
    """One analysed article: everything the site needs about it."""

    source: Source
    slug: str
    meta: Metadata
    body: CleanText
    summary: tuple[SummarySentence, ...]
    quotes: tuple[Quote, ...]
    warnings: tuple[str, ...] = ()
    fingerprint: tuple[int, ...] = ()  # smallest shingle hashes of the body, for near-duplicate blocking
    duplicates: tuple[str, ...] = ()  # paths of other files holding the same story

    @property
    def title(self) -> str:
        return str(self.meta.title.value)

    @property
    def outlet(self) -> str:
        return str(self.meta.outlet.value or "")

    @property
    def date(self) -> dt.date | None:
        return self.meta.date.value


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str  # canonical name
    slug: str
    aliases: tuple[str, ...]
    quotes: tuple[tuple[str, int], ...]  # (article slug, quote index), newest first


@dataclass(frozen=True, slots=True)
class Day:
    date: dt.date | None  # None = the "Undated" group
    slug: str
    articles: tuple[str, ...]  # article slugs
    approximate: bool = False


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    slug: str
    articles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Site:
    """The grouped collection, input to rendering."""

    title: str
    articles: tuple[Article, ...]
    days: tuple[Day, ...]
    speakers: tuple[Speaker, ...]
    outlets: tuple[Outlet, ...]
    briefings: tuple[tuple[str, tuple[tuple[str, SummarySentence], ...]], ...] = field(default=())
    # day slug -> ((article slug, sentence), ...)
