"""Property tests: the readers, the cleaner, the splitter, the quote finder and the
summarizer never crash, and every span they hand on points at the text it claims.

Inputs mix random Unicode with news-shaped tokens (quote marks of every kind,
abbreviations, names, cue verbs, dates) so the interesting branches are reached.
`python bench/fuzz.py` runs the same properties on 100,000+ inputs.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest.clean import clean
from digest.errors import ArticleError
from digest.model import Paragraph
from digest.quotes import extract_quotes
from digest.read import parse_source
from digest.split import split_sentences
from digest.summarize import summarize

# No example database: the tests leave no files behind in the repository.
FAST = settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

TOKENS = [
    "the", "council", "said", "told", "reporters", "according to", "Mayor", "Ann", "Lee", "Mr.", "Dr.", "U.S.",
    "Jan.", "No.", "a.m.", "3.5", "2022", "January 28,", "Friday", "he", "she", "added", "(AP)", "—", "-", "…",
    ".", ".", "?", "!", ",", ";", ":", '"', '"', "\u201c", "\u201d", "\u2018", "\u2019", "'", "''", "``", "(", ")",
    " ", " ", "\n", "\n\n", "\t", "\u00a0", "\u202e", "\x00", "\r\n", "By", "Copyright", "©", "Share", "Advertisement",
    "<script>", "&amp;", "é", "\u05d0", "\U0001f600",
]
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def news_text(max_tokens: int = 120) -> st.SearchStrategy[str]:
    """Random Unicode, news-shaped token soup, or the two interleaved."""
    soup = st.lists(st.sampled_from(TOKENS), max_size=max_tokens).map(lambda ts: " ".join(ts).replace(" \n ", "\n"))
    return st.one_of(soup, st.text(max_size=400), st.lists(st.one_of(soup, st.text(max_size=40)), max_size=4).map("".join))


def paragraphs_of(text: str) -> list[Paragraph]:
    blocks = [(n, b.strip()) for n, b in enumerate(text.split("\n"), start=1)]
    return [Paragraph(b, n) for n, b in blocks if b]


@st.composite
def raw_files(draw):
    fmt = draw(st.sampled_from(["txt", "md", "json"]))
    text = draw(news_text())
    if fmt == "md" and draw(st.booleans()):
        fence = draw(st.sampled_from(["+++", "---"]))
        front = draw(st.sampled_from(['title = "T"', "title: T", "date = 2024-01-02", "authors: [a, 3]", "date: x", "", "[x", "\x00",
                                      "date: 2022-02-30", "1: x", "~: y", "x = " + "[" * 5000, "date: " + "9" * 5000]))
        text = f"{fence}\n{front}\n{fence}\n{text}"
    if fmt == "json" and draw(st.booleans()):
        import json

        text = json.dumps({"text": text, "title": draw(news_text(8)), "authors": [draw(news_text(4))]})
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "cp1252", "raw"]))
    data = draw(st.binary(max_size=300)) if encoding == "raw" else text.encode(encoding, errors="replace")
    return fmt, data


@FAST
@given(raw_files())
def test_readers_return_a_source_or_one_article_error(case):
    fmt, data = case
    try:
        source = parse_source(data, "in/put.x", fmt)
    except ArticleError as exc:
        assert str(exc).startswith("in/put.x"), exc
        return
    assert source.text.strip()
    assert "\r" not in source.text and not CONTROL.search(source.text)
    for _, value in source.front:
        for item in value if isinstance(value, list) else [value]:
            assert not CONTROL.search(str(item))


@FAST
@given(news_text(200))
def test_cleaner_keeps_line_numbers_inside_the_file(text):
    try:
        source = parse_source(text.encode("utf-8", "replace"), "a.txt", "txt")
    except ArticleError:
        return
    body = clean(source)
    lines = source.text.split("\n")
    for paragraph in body.paragraphs:
        assert paragraph.text.strip() and 1 <= paragraph.line <= len(lines)
    for removed in body.removed:
        assert 1 <= removed.line <= len(lines)


@FAST
@given(news_text(200))
def test_sentence_spans_are_ordered_disjoint_and_trimmed(text):
    spans = split_sentences(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end
    covered = {i for start, end in spans for i in range(start, end)}
    assert all(ch.isspace() for i, ch in enumerate(text) if i not in covered)  # no words dropped


def quote_parts(paragraphs: list[Paragraph], quote) -> list[str]:
    assert quote.spans and quote.kind in ("direct", "partial")
    parts = []
    for span in quote.spans:
        assert 0 <= span.paragraph < len(paragraphs)
        assert 0 <= span.start <= span.end <= len(paragraphs[span.paragraph].text)
        parts.append(paragraphs[span.paragraph].text[span.start : span.end])
    ordered = [(s.paragraph, s.start) for s in quote.spans]
    assert ordered == sorted(ordered)
    return parts


@FAST
@given(news_text(200))
def test_quote_spans_index_the_paragraphs_in_order(text):
    paragraphs = paragraphs_of(text)
    for quote in extract_quotes(paragraphs):
        parts = quote_parts(paragraphs, quote)
        # The words agree; the exact characters do not yet (see the next test).
        assert quote.text.split() == " ".join(parts).split() or quote.text.split() == " ".join(parts).rstrip(" ,").split()


# ('" ,' gives no quote at all by design: tests/test_quotes.py checks that.)
@pytest.mark.parametrize("text", ['" the', '"Yes ," he said.', '" hello, " Ann Lee said.'])
def test_quote_text_is_exactly_what_its_spans_cover(text):
    """Found by the properties above (and bench/fuzz.py): a span should hold exactly the quote."""
    paragraphs = paragraphs_of(text)
    quotes = extract_quotes(paragraphs)
    assert quotes and all(q.text and q.text == " ".join(quote_parts(paragraphs, q)) for q in quotes)


@FAST
@given(news_text(200), st.sampled_from(["default", "lead", "luhn"]), st.integers(1, 5), st.integers(5, 80))
def test_summary_sentences_are_slices_of_the_paragraphs(text, algorithm, count, max_words):
    paragraphs = paragraphs_of(text)
    summary = summarize(paragraphs, algorithm=algorithm, sentences=count, max_words=max_words)
    assert len(summary) <= count
    for sentence in summary:
        span = sentence.span
        assert sentence.text and sentence.text == paragraphs[span.paragraph].text[span.start : span.end]
    positions = [(s.span.paragraph, s.span.start) for s in summary]
    assert positions == sorted(positions)


DATES = ["Friday, December 31, 9999", "January 1, 0001", "Monday", "February 29", "last week", "March 3, 2022", "Friday"]


@FAST
@given(st.lists(st.tuples(news_text(60), st.sampled_from(DATES)), min_size=1, max_size=3))
def test_articles_analysed_and_grouped_together_never_crash(items):
    """The whole per-article map, then the collection step (dates across articles, slugs, speakers)."""
    from digest.analyse import AnalysisSettings, analyse
    from digest.group import group

    articles = []
    for index, (text, date) in enumerate(items):
        try:
            source = parse_source(f"Title\n\n{text} {date}.".encode("utf-8", "replace"), f"a{index}.txt", "txt")
        except ArticleError:
            continue
        articles.append(analyse(source, AnalysisSettings()))
    site, _ = group(articles, title="t", briefing_sentences=6)
    slugs = [a.slug for a in site.articles]
    assert len(slugs) == len(set(slugs)) and all(re.fullmatch(r"[a-z0-9][a-z0-9-]*", s) for s in slugs)
