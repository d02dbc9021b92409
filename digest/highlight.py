"""An article's full text as HTML, with summary sentences and quotes marked and anchored.

Summary sentences become ``<mark id="s-N">`` and quotes ``<q id="q-N">``-like spans, so
every summary sentence and quote on any page can link to its place in the full text.
A quote that crosses a sentence boundary is clipped into pieces; the first piece holds
the anchor. Text is escaped piece by piece, never by regex over rendered HTML.
"""

from __future__ import annotations

from collections import defaultdict

from markupsafe import Markup, escape

from digest.model import Article, Quote
from digest.split import split_sentences


def sentence_anchor(index: int) -> str:
    return f"s-{index + 1}"


def quote_anchor(index: int) -> str:
    return f"q-{index + 1}"


def paragraph_anchor(index: int) -> str:
    return f"p-{index + 1}"


def sentence_target(article: Article, sentence) -> str:
    """The anchor for a sentence of the article: its summary mark, else its paragraph."""
    for index, own in enumerate(article.summary):
        if own.span == sentence.span:
            return sentence_anchor(index)
    return paragraph_anchor(sentence.span.paragraph)


def highlighted_paragraphs(article: Article) -> list[tuple[str, str, Markup]]:
    """(kind, anchor id, inner HTML) for every paragraph of the clean body."""
    sentences: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    for index, sentence in enumerate(article.summary):
        span = sentence.span
        sentences[span.paragraph].append((span.start, span.end, sentence_anchor(index)))
    quotes: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    for index, quote in enumerate(article.quotes):
        for piece, span in enumerate(quote.spans):
            quotes[span.paragraph].append((span.start, span.end, quote_anchor(index) if piece == 0 else ""))
    out = []
    for index, paragraph in enumerate(article.body.paragraphs):
        html = _mark(paragraph.text, sorted(sentences.get(index, ())), sorted(quotes.get(index, ())))
        out.append((paragraph.kind, paragraph_anchor(index), html))
    return out


def _mark(text: str, sentences: list[tuple[int, int, str]], quotes: list[tuple[int, int, str]]) -> Markup:
    # Outer level: summary sentences (disjoint); the text between them is an implicit outer
    # range too. Quotes are clipped to each outer range and nested inside it.
    outer: list[tuple[int, int, str | None]] = []
    cursor = 0
    for start, end, anchor in sentences:
        start, end = max(start, cursor), min(end, len(text))
        if start >= end:
            continue
        if cursor < start:
            outer.append((cursor, start, None))
        outer.append((start, end, anchor))
        cursor = end
    if cursor < len(text):
        outer.append((cursor, len(text), None))
    parts: list[str] = []
    used: set[str] = set()
    for start, end, anchor in outer:
        inner = _quotes_in(text, start, end, quotes, used)
        if anchor is None:
            parts.append(inner)
        else:
            parts.append(f'<mark class="summary-sentence" id="{anchor}">{inner}</mark>')
    return Markup("".join(parts))


def _quotes_in(text: str, start: int, end: int, quotes: list[tuple[int, int, str]], used: set[str]) -> str:
    parts: list[str] = []
    cursor = start
    for q_start, q_end, anchor in quotes:
        q_start, q_end = max(q_start, cursor), min(q_end, end)
        if q_start >= q_end:
            continue
        parts.append(str(escape(text[cursor:q_start])))
        id_attr = ""
        if anchor and anchor not in used:
            used.add(anchor)
            id_attr = f' id="{anchor}"'
        parts.append(f'<span class="quote"{id_attr}>{escape(text[q_start:q_end])}</span>')
        cursor = q_end
    parts.append(str(escape(text[cursor:end])))
    return "".join(parts)


def quote_in_context(article: Article, quote: Quote) -> Markup:
    """A partial quote means little alone ("instrument"): show the reporter's sentence
    around it with the quoted words marked. Direct quotes stand alone."""
    if quote.kind != "partial" or not quote.spans:
        pieces = _segments(article, quote)
        # A split quote ("A," she said, "B.") reads as A … B, not as one run-on sentence.
        return Markup("\u201c{}\u201d").format(" \u2026 ".join(pieces) if len(pieces) > 1 else quote.text)
    span = quote.spans[0]
    paragraphs = article.body.paragraphs
    if span.paragraph >= len(paragraphs):
        return Markup("\u201c{}\u201d").format(quote.text)
    text = paragraphs[span.paragraph].text
    start, end = 0, len(text)
    for s_start, s_end in split_sentences(text):
        if s_start <= span.start < s_end:
            start = s_start
        if s_start < span.end <= s_end + 1:
            end = s_end
            break
    inner = [
        (s.start, s.end) for s in quote.spans if s.paragraph == span.paragraph and start <= s.start and s.end <= end
    ]
    return _marked(text, start, end, inner)


def _segments(article: Article, quote: Quote) -> list[str]:
    paragraphs = article.body.paragraphs
    pieces = []
    for span in quote.spans:
        if span.paragraph >= len(paragraphs):
            return [quote.text]
        pieces.append(paragraphs[span.paragraph].text[span.start : span.end].strip().rstrip(","))
    return pieces


def _marked(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> Markup:
    parts: list[str] = []
    cursor = start
    for s_start, s_end in spans:
        parts.append(str(escape(text[cursor:s_start])))
        parts.append(f'<mark class="quoted">{escape(text[s_start:s_end])}</mark>')
        cursor = s_end
    parts.append(str(escape(text[cursor:end])))
    return Markup("".join(parts))
