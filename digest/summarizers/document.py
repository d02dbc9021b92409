"""A minimal document model shaped like sumy's (paragraphs → sentences → words).

Our sentences also carry their `Span` into the clean paragraphs, so whatever a
summarizer picks can be anchored and highlighted on the article page. The shape
(`document.sentences`, `sentence.words`, `paragraph.headings`) matches
`sumy.models.dom`, so our summarizer could also rate a sumy document.
"""

from __future__ import annotations

from collections.abc import Sequence
import re
from dataclasses import dataclass
from itertools import chain

from ..model import Paragraph, Span
from ..split import split_sentences, words


# A wire dateline opening a paragraph: "MOSCOW (AP) — ", "LONDON, England (Reuters) -- ",
# "(CNN)", "WASHINGTON — ". It locates the story, it is not part of the sentence a
# reader wants in a summary, so sentence spans start after it.
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'’\- ]{2,40}(?:,\s*[A-Z][\w.'’\- ]{1,30})?\s*)?"
    r"\([A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?\)\s*(?:(?:—|–|--?)\s*)?(?=[A-Z“\"‘'])"
    r"|[A-Z][A-Z.'’\- ]{2,40}(?:,\s*[A-Z][\w.'’\- ]{1,30})?\s+(?:—|–|--)\s+(?=[A-Z“\"‘'])"
)


def dateline_end(text: str) -> int:
    """Where the text after a leading dateline starts (0 when there is none)."""
    m = _DATELINE.match(text)
    return m.end() if m else 0


@dataclass(frozen=True, slots=True)
class DocSentence:
    text: str
    span: Span
    words: tuple[str, ...]
    is_heading: bool = False

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class DocParagraph:
    sentences: tuple[DocSentence, ...]  # body sentences only, as in sumy
    headings: tuple[DocSentence, ...] = ()


@dataclass(frozen=True, slots=True)
class Document:
    paragraphs: tuple[DocParagraph, ...]

    @property
    def sentences(self) -> tuple[DocSentence, ...]:
        return tuple(chain.from_iterable(p.sentences for p in self.paragraphs))

    @property
    def headings(self) -> tuple[DocSentence, ...]:
        return tuple(chain.from_iterable(p.headings for p in self.paragraphs))

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(chain.from_iterable(s.words for s in self.sentences))


def build_document(paragraphs: Sequence[Paragraph]) -> Document:
    """Split every paragraph into sentences; "h" paragraphs become headings (never picked)."""
    built = []
    for index, paragraph in enumerate(paragraphs):
        text = paragraph.text
        heading = paragraph.kind == "h"
        spans = split_sentences(text)
        if spans and spans[0][0] == 0 and not heading:
            spans[0] = (dateline_end(text[: spans[0][1]]), spans[0][1])
        sentences = tuple(
            DocSentence(text[a:b], Span(index, a, b), tuple(words(text[a:b])), heading)
            for a, b in spans
            if b > a
        )
        if heading:
            built.append(DocParagraph((), sentences))
        else:
            built.append(DocParagraph(sentences))
    return Document(tuple(built))
