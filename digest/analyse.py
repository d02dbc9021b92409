"""The per-article map: Source → Article (clean, metadata, summarize, quotes).

Pure and independent per article, so it can be cached by content hash and run in a
process pool. Collection-level steps (dates across articles, slugs, speakers) happen
in `digest.group`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from digest.clean import clean
from digest.duplicates import fingerprint
from digest.metadata import extract_metadata
from digest.model import Article, CleanText, Paragraph, RemovedLine, Source
from digest.quotes import extract_quotes
from digest.summarize import summarize


@dataclass(frozen=True, slots=True)
class AnalysisSettings:
    algorithm: str = "default"
    sentences: int = 3
    max_words: int = 60
    doubled_apostrophes: bool = False
    timezone: str = "UTC"  # the day a stated date-time with an offset is filed under depends on it

    def key(self) -> str:
        return f"{self.algorithm}|{self.sentences}|{self.max_words}|{self.doubled_apostrophes}|{self.timezone}"


def analyse(source: Source, settings: AnalysisSettings) -> Article:
    body = clean(source) if source.format == "txt" else structured_body(source)
    warnings: list[str] = []
    if not any(p.kind == "p" for p in body.paragraphs):
        warnings.append("no article body found after removing boilerplate; the page shows the removed lines")
    meta = extract_metadata(source, body, timezone=settings.timezone)
    summary = summarize(body.paragraphs, algorithm=settings.algorithm, sentences=settings.sentences, max_words=settings.max_words)
    quotes = extract_quotes(body.paragraphs, doubled_apostrophes=settings.doubled_apostrophes)
    return Article(
        # The page text has served its purpose; an archive of 10,000 articles should not
        # keep every page twice in memory and in the cache (the clean body stays).
        source=dataclasses.replace(source, text="", body_html=None),
        slug="",
        meta=meta,
        body=body,
        summary=summary,
        quotes=quotes,
        warnings=tuple(warnings),
        fingerprint=fingerprint(body.paragraphs),
    )


def structured_body(source: Source) -> CleanText:
    """Body of an already-structured article (.md, .html, .json): its blocks are the paragraphs.

    Markdown headings arrive with their ``#`` marks: a level-1 heading that comes first is
    the headline (unless front matter gives a title), the rest are subheadings.
    """
    paragraphs: list[Paragraph] = []
    header: list[tuple[int, str]] = []
    removed: list[RemovedLine] = []
    for number, raw in enumerate(source.text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#") and source.format == "md":
            level = len(line) - len(line.lstrip("#"))
            text = line[level:].strip()
            if level == 1 and not paragraphs and not header:
                header.append((number, text))
                removed.append(RemovedLine(number, text, "headline"))
            else:
                paragraphs.append(Paragraph(text, number, "h"))
            continue
        paragraphs.append(Paragraph(line, number, "p"))
    return CleanText(tuple(paragraphs), tuple(removed), tuple(header), ())
