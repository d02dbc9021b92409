"""Quotes stage: who said what.

    extract_quotes(paragraphs) -> tuple[Quote, ...]

detect.py pairs quote marks; document.py (with mentions.py) reads the sentences and names
outside the quotes; attribute.py finds the speaker phrase next to a cue verb and resolve.py
says whom it means; assemble.py joins split and multi-paragraph quotes, falls back on the
surrounding text, and decides direct vs partial. roles.py reads the speaker's title or
apposition (Quote.speaker_role); places.py turns a country or capital that speaks into its
government. cues.py holds the word lists.
"""

from __future__ import annotations

from collections.abc import Sequence

from digest.model import Paragraph, Quote
from digest.quotes.assemble import build_quotes
from digest.quotes.detect import find_all
from digest.quotes.document import Document

__all__ = ["extract_quotes"]


def extract_quotes(paragraphs: Sequence[Paragraph], *, doubled_apostrophes: bool = True) -> tuple[Quote, ...]:
    """Every quoted stretch of the clean body, with its speaker.

    Subheadings (kind "h") are skipped: they are structure, not speech. With
    doubled_apostrophes=False, NYT-style ''…'' is not read as quote marks.
    """
    texts = [p.text for p in paragraphs]
    skip = {i for i, p in enumerate(paragraphs) if p.kind == "h"}
    segs = find_all(texts, skip, doubled_apostrophes)
    if not segs:
        return ()
    doc = Document(texts, segs, skip)
    return build_quotes(doc, segs)
