"""The clean stage: the article body out of a scraped page's text.

    clean(source) -> CleanText

Scraped pages (``.txt``) get the full treatment in `digest.cleaning.body`. Markdown,
HTML and JSON inputs arrive already structured, so only lines that are nothing but a
known widget ("Share", "Advertisement", player timecodes) are dropped from them.
"""

from __future__ import annotations

from digest.cleaning.body import clean_page_text
from digest.cleaning.lines import label_line, make_line
from digest.model import CleanText, Paragraph, RemovedLine, Source

__all__ = ["clean"]

# Only whole-line player, share and ad phrases, timecodes and separators: in an
# already-structured file a short line ("Politics", "2019") is more likely the author's.
_OBVIOUS_WIDGETS = frozenset(
    {"video player", "image widget", "advertisement", "share buttons", "accessibility links", "separator", "read time"}
)


def clean(source: Source) -> CleanText:
    """Body paragraphs, dropped lines with reasons, and the header/footer lines around the body."""
    if source.format == "txt":
        return clean_page_text(source.text)
    return _clean_structured(source.text)


def _clean_structured(text: str) -> CleanText:
    paragraphs: list[Paragraph] = []
    removed: list[RemovedLine] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        line = make_line(number, raw)
        label_line(line)
        if line.label == "widget" and line.reason in _OBVIOUS_WIDGETS:
            removed.append(RemovedLine(number, line.text, line.reason))
        elif line.text.startswith("#"):
            paragraphs.append(Paragraph(line.text.lstrip("#").strip(), number, "h"))
        else:
            paragraphs.append(Paragraph(line.text, number, "p"))
    return CleanText(tuple(paragraphs), tuple(removed))
