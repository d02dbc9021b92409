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
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .document import DocSentence
from .filters import is_quality, needs_previous


@dataclass(frozen=True, slots=True)
class Weights:
    """Tuning knobs; the defaults were chosen on the dev set (see digest.summarize)."""

    position_decay: float = 0.3  # score = exp(-decay * sentence index) ...
    centrality: float = 1.5  # ... + centrality * cosine(sentence, rest of the article)
    redundancy: float = 0.6  # MMR: minus redundancy * max similarity to chosen sentences
    duplicate: float = 0.55  # similarity above which a sentence repeats a chosen one: never picked
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
        quality = [is_quality(s, w.min_words, 2 * w.max_sentence_words) for s in sentences]
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
