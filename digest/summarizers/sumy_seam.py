"""The seam to sumy: its summarizers, fed a document built from OUR splitter.

sumy's own `Tokenizer` needs NLTK's punkt data, which is not available offline,
so we build `sumy.models.dom` objects ourselves. What does work offline in sumy
0.13: the Snowball stemmer (pure code in nltk.stem) and the stop-word lists
bundled in sumy/data. sumy is imported inside the functions because it drags in
numpy and nltk (~0.5 s); a build that uses the default algorithm never pays that.
"""

from __future__ import annotations

import random
import warnings
import zlib

from .document import DocParagraph, DocSentence, Document

# config name → sumy class (module, class name); edmundson is configured below.
SUMY_ALGORITHMS: dict[str, tuple[str, str]] = {
    "edmundson": ("sumy.summarizers.edmundson", "EdmundsonSummarizer"),
    "kl": ("sumy.summarizers.kl", "KLSummarizer"),
    "lex-rank": ("sumy.summarizers.lex_rank", "LexRankSummarizer"),
    "lsa": ("sumy.summarizers.lsa", "LsaSummarizer"),
    "luhn": ("sumy.summarizers.luhn", "LuhnSummarizer"),
    "random": ("sumy.summarizers.random", "RandomSummarizer"),
    "reduction": ("sumy.summarizers.reduction", "ReductionSummarizer"),
    "sum-basic": ("sumy.summarizers.sum_basic", "SumBasicSummarizer"),
    "text-rank": ("sumy.summarizers.text_rank", "TextRankSummarizer"),
}


class _OurTokenizer:
    """What sumy's Sentence asks of a tokenizer; the words were tokenized already."""

    def __init__(self, words_by_text: dict[str, tuple[str, ...]]) -> None:
        self._words = words_by_text

    def to_words(self, text: str) -> tuple[str, ...]:
        if text in self._words:
            return self._words[text]
        from ..split import words

        return tuple(words(text))


def to_sumy_document(document: Document):
    """Our document as a sumy ObjectDocumentModel, plus a map from sumy sentence id to ours."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tokenizer = _OurTokenizer({s.text: s.words for p in document.paragraphs for s in p.sentences})
    ours: dict[int, DocSentence] = {}
    paragraphs = []
    for paragraph in document.paragraphs:
        built = [Sentence(h.text, tokenizer, is_heading=True) for h in paragraph.headings]
        for sentence in paragraph.sentences:
            sumy_sentence = Sentence(sentence.text, tokenizer)
            ours[id(sumy_sentence)] = sentence
            built.append(sumy_sentence)
        paragraphs.append(Paragraph(built))
    return ObjectDocumentModel(paragraphs), ours


def make_sumy_summarizer(name: str, language: str = "english"):
    """A configured sumy summarizer: Snowball stemmer and sumy's bundled stop words."""
    import importlib

    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words

    module, cls = SUMY_ALGORITHMS[name]
    summarizer_class = getattr(importlib.import_module(module), cls)
    stop_words = get_stop_words(language)
    if name == "edmundson":
        # Its cue method needs hand-made bonus/stigma word lists we don't have, so it
        # rates by title (our subheadings) and location only.
        summarizer = summarizer_class(Stemmer(language), cue_weight=0.0)
        summarizer.null_words = stop_words
        return summarizer
    summarizer = summarizer_class(Stemmer(language))
    if hasattr(summarizer, "stop_words"):
        summarizer.stop_words = stop_words
    return summarizer


# sumy's graph and matrix methods (LexRank, TextRank, LSA, Reduction) cost the square of the
# sentence count or worse: 2,000 sentences take 25 s and 1.8 GB. A news article has tens of
# sentences, so only the first 200 of a longer text (a dump, a book) are offered.
MAX_SUMY_SENTENCES = 200


def first_sentences(document: Document, limit: int) -> Document:
    """The document cut after `limit` body sentences (a single huge paragraph is cut too)."""
    kept, left = [], limit
    for paragraph in document.paragraphs:
        if left <= 0:
            break
        kept.append(DocParagraph(paragraph.sentences[:left], paragraph.headings))
        left -= len(paragraph.sentences)
    return Document(tuple(kept))


def run_sumy(name: str, document: Document, sentences_count: int) -> list[DocSentence]:
    """Sentences picked by sumy algorithm `name`, in document order."""
    document = first_sentences(document, MAX_SUMY_SENTENCES)
    if not document.sentences:
        return []
    sumy_document, ours = to_sumy_document(document)
    summarizer = make_sumy_summarizer(name)
    with warnings.catch_warnings():
        # LexRank/LSA divide by zero norms on one- or two-sentence articles; the
        # result is still a valid (if arbitrary) pick, so don't alarm the user.
        warnings.simplefilter("ignore", RuntimeWarning)
        picked = _call(name, summarizer, sumy_document, sentences_count, document)
    by_text = {s.text: s for s in reversed(document.sentences)}  # fallback: first with that text
    result = [ours.get(id(s)) or by_text.get(str(s)) for s in picked]
    return [s for s in result if s is not None]


def _call(name, summarizer, sumy_document, sentences_count, document):
    if name == "random":
        # sumy shuffles with the global generator; seed it from the text so two builds
        # of the same input give the same site, and leave the caller's state alone.
        state = random.getstate()
        random.seed(zlib.crc32("\n".join(s.text for s in document.sentences).encode()))
        try:
            return summarizer(sumy_document, sentences_count)
        finally:
            random.setstate(state)
    return summarizer(sumy_document, sentences_count)
