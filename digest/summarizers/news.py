"""Our default extractive summarizer for news: position + centrality, with a word
budget, redundancy control (MMR) and sentence-quality filters.

News is written as an inverted pyramid, so position is the strongest signal
(Lead-3 beats every classic unsupervised method on CNN/DailyMail). We keep it as
the backbone and use the other signals to decide what to *skip*: fragments,
captions and promo lines, sentences cut inside a quotation, sentences that hang
on a pronoun whose antecedent is not in the summary, and sentences that repeat
what is already chosen. The word budget matters as much as the choice: a summary
of ~60 words scores (and reads) better than three long sentences.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .document import DocSentence


@dataclass(frozen=True, slots=True)
class Weights:
    """Tuning knobs; the defaults were chosen on the dev set (see digest.summarize)."""

    position_decay: float = 0.3  # score = exp(-decay * sentence index) ...
    centrality: float = 1.5  # ... + centrality * cosine(sentence, rest of the article)
    redundancy: float = 0.6  # MMR: minus redundancy * max similarity to chosen sentences
    duplicate: float = 0.8  # similarity above which a sentence repeats a chosen one: never picked
    min_words: int = 6  # shorter sentences are fragments or labels
    max_sentence_words: int = 55  # longer ones blow the budget on one idea
    overshoot: float = 0.2  # a sentence may overrun max_words by this share of the budget
    fill: bool = True  # when the best sentence does not fit, look for a shorter one


# Function words carry no topic; a short list is enough for cosine similarity.
STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because
    been before being below between both but by can could did do does doing down during
    each few for from further had has have having he her here hers herself him himself his
    how i if in into is it its itself just me more most my myself no nor not now of off on
    once only or other our ours out over own said same says say she should so some such
    than that the their theirs them themselves then there these they this those through to
    too under until up very was we were what when where which while who whom why will with
    would you your yours year years new one two also told like mr mrs ms""".split()
)

# Lines that belong to the page, not the story: captions, credits, promos, sharing.
_BOILERPLATE = re.compile(
    r"scroll down|click here|read more\b|\bsubscribe\b|newsletter|follow (?:us|@)"
    r"|all rights reserved|copyright\s*(?:©|\(c\)|\d{4})|©|\bgetty\b|\bcaption\b"
    r"|(?:photo(?:graph)?|image)s?\s*(?:credit|:)|\b(?:ap|afp|reuters|epa)\s+photo"
    r"|contributed (?:to )?(?:this )?report|download (?:the|our) app|share this|watch (?:the )?video"
    r"|\bpictured\s*(?:above|below|left|right)"
    r"|^(?:video|watch|listen|photos?|gallery|advertisement|related)\b",
    re.IGNORECASE,
)
# First words that need the previous sentence to make sense: pronouns and
# demonstratives ("He said…", "This means…") and connectives ("But…", "However,…").
_DEPENDENT_START = frozenset(
    """he she they it his her their its him them this that these those such
    but however meanwhile still yet and""".split()
)
_TERMINAL = ('.', '?', '!', '"', "”", "’", "'", ")")


@lru_cache(maxsize=1 << 16)  # a text repeats its words: a 5 MB article has ~50,000 distinct ones
def stem(word: str) -> str:
    """A crude stemmer: fast (the budget is 5 ms per article) and good enough for overlap."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 5 and w.endswith("ies"):
        return w[:-3] + "y"
    for suffix in ("ing", "ed", "es", "s"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix) and not w.endswith("ss"):
            return w[: -len(suffix)]
    return w


def content_terms(tokens) -> Counter[str]:
    return Counter(stem(t) for t in tokens if t.lower() not in STOP_WORDS and not t.isdigit())


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b[k] for k, v in a.items() if k in b)
    if not dot:
        return 0.0
    return dot / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))


def _unbalanced_quotes(text: str) -> bool:
    """A sentence cut inside a quotation: its marks do not pair up."""
    if text.count("“") != text.count("”"):
        # Mixed styles (“…") are common in scraped text; count straight marks as either.
        curly_open, curly_close = text.count("“"), text.count("”")
        straight = text.count('"')
        return (curly_open + curly_close + straight) % 2 == 1
    return text.count('"') % 2 == 1


_QUOTATION = re.compile(r"[\"“][^\"“”]*[\"”]")


def _unattributed_quotation(text: str) -> bool:
    """A sentence that is only someone's words: without its speaker it means little."""
    outside = _QUOTATION.sub(" ", text)
    return outside != text and len(re.findall(r"\w+", outside)) < 2


def is_quality(sentence: DocSentence, weights: Weights) -> bool:
    """Can this sentence stand in a summary at all? (Independent of what else is chosen.)"""
    text = str(sentence)  # str(), not .text, so sumy sentences work too
    n = len(sentence.words)
    if n < weights.min_words or n > 2 * weights.max_sentence_words:
        return False
    if not text.rstrip().endswith(_TERMINAL) or text.rstrip().endswith(":"):
        return False  # headline-like line, caption, or an introduction to a list
    first = text.lstrip("\"“‘'([ ")[:1]
    if first.islower():
        return False  # a fragment left by the scraper or the splitter
    if _unbalanced_quotes(text) or _unattributed_quotation(text) or _BOILERPLATE.search(text):
        return False
    return True


def needs_previous(sentence: DocSentence) -> bool:
    """Does this sentence lean on the one before it ("He said…", "But…", "X also said…")?"""
    opening = [w.lower() for w in sentence.words[:8]]
    return bool(opening) and (opening[0] in _DEPENDENT_START or "also" in opening)


class NewsSummarizer:
    """sumy-style: `NewsSummarizer()(document, sentences_count)` → sentences in document order.

    `select` does the work and also returns each sentence's score; `max_words`
    caps the summary length in words (None: no cap).
    """

    def __init__(self, max_words: int | None = None, weights: Weights = Weights()) -> None:
        self.max_words = max_words
        self.weights = weights

    def __call__(self, document, sentences_count: int):
        return tuple(s for s, _ in self.select(document, sentences_count))

    def rate(self, sentences, terms: list[Counter[str]] | None = None) -> list[float]:
        """Relevance of each sentence before redundancy: position plus centrality."""
        w = self.weights
        if terms is None:
            terms = [content_terms(s.words) for s in sentences]
        total: Counter[str] = Counter()
        for t in terms:
            total.update(t)
        total_square = sum(v * v for v in total.values())
        ratings = []
        for index, t in enumerate(terms):
            # The cosine with the rest (total - t), so long sentences don't match themselves,
            # computed from t's own terms: building `total - t` costs the whole vocabulary per
            # sentence, which is quadratic on a 5 MB article. Integer sums: the same value.
            dot = sum(v * (total[k] - v) for k, v in t.items())
            rest_square = total_square - sum(total[k] * total[k] - (total[k] - v) ** 2 for k, v in t.items())
            cosine = dot / math.sqrt(sum(v * v for v in t.values()) * rest_square) if dot and rest_square else 0.0
            ratings.append(math.exp(-w.position_decay * index) + w.centrality * cosine)
        return ratings

    def select(self, document, sentences_count: int) -> list[tuple[DocSentence, float]]:
        w = self.weights
        sentences = list(document.sentences)
        if not sentences or sentences_count <= 0:
            return []
        terms = [content_terms(s.words) for s in sentences]
        ratings = self.rate(sentences, terms)
        quality = [is_quality(s, w) for s in sentences]
        budget = self.max_words or 10**9
        chosen: list[int] = []
        used = 0
        while len(chosen) < sentences_count:
            best, best_value = -1, -math.inf
            for i, sentence in enumerate(sentences):
                if i in chosen or not quality[i]:
                    continue
                n = len(sentence.words)
                if n > w.max_sentence_words and chosen:
                    continue
                if chosen and used + n > budget * (1 + w.overshoot) and w.fill:
                    continue
                if needs_previous(sentence) and (i - 1) not in chosen:
                    continue  # "He said…" without the sentence that says who he is
                redundancy = max((_cosine(terms[i], terms[j]) for j in chosen), default=0.0)
                if redundancy >= w.duplicate:
                    continue
                value = ratings[i] - w.redundancy * redundancy
                if value > best_value:
                    best, best_value = i, value
            if best < 0:
                break
            if chosen and used + len(sentences[best].words) > budget * (1 + w.overshoot):
                break
            chosen.append(best)
            used += len(sentences[best].words)
            if used >= budget:
                break
        if not chosen:
            # Nothing passed the filters (a very short or odd article): fall back to the lead.
            chosen = [0]
        return [(sentences[i], round(ratings[i], 4)) for i in sorted(chosen)]
