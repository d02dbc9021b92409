"""The daily briefing: a handful of summary sentences drawn across one day's articles.

Round-robin by rank: every article's first summary sentence comes before any
article's second one, so one long story cannot crowd out the others, and news
leads (the most important sentence) come first. When two outlets report the same
fact, only the first telling is kept: sentences are compared by containment of
hashed content-word shingles, through an inverted index over the sentences kept
so far, so the cost grows with the day's sentences, not with their square.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Sequence

from .model import SummarySentence
from .split import words
from .summarizers.news import STOP_WORDS, stem

# Share of the shorter sentence's shingles found in an earlier one that makes it a
# repeat. Two wire rewrites of one fact share most content-word pairs; two
# different facts about the same story share a few names at most.
DUPLICATE_CONTAINMENT = 0.5


def shingles(text: str) -> frozenset[int]:
    """Hashed pairs of adjacent content words (stop words dropped, crude stems).

    Pairs rather than single words so that sharing the story's names is not enough;
    stop words dropped so that "accused the U.S. of" ≈ "accused the U.S. and its
    allies of". A one-content-word sentence falls back to its single word.
    """
    content = [stem(w) for w in words(text) if w.lower() not in STOP_WORDS]
    if len(content) < 2:
        return frozenset(zlib.crc32(w.encode()) for w in content)
    return frozenset(zlib.crc32(f"{a} {b}".encode()) for a, b in zip(content, content[1:]))


def daily_briefing(
    items: Sequence[tuple[str, Sequence[SummarySentence]]], *, sentences: int = 6
) -> tuple[tuple[str, SummarySentence], ...]:
    """Up to `sentences` (article slug, sentence) pairs for one day, no fact stated twice.

    `items` are (article slug, that article's summary sentences in article order),
    in the order the articles should take turns.
    """
    chosen: list[tuple[str, SummarySentence]] = []
    kept_sizes: list[int] = []
    index: dict[int, list[int]] = {}  # shingle → positions in `chosen`
    depth = max((len(summary) for _, summary in items), default=0)
    for rank in range(depth):
        for slug, summary in items:
            if len(chosen) >= sentences:
                return tuple(chosen)
            if rank >= len(summary):
                continue
            sentence = summary[rank]
            own = shingles(sentence.text)
            if not own or _repeats(own, index, kept_sizes):
                continue
            for shingle in own:
                index.setdefault(shingle, []).append(len(chosen))
            chosen.append((slug, sentence))
            kept_sizes.append(len(own))
    return tuple(chosen)


def _repeats(own: frozenset[int], index: dict[int, list[int]], kept_sizes: list[int]) -> bool:
    shared: Counter[int] = Counter()
    for shingle in own:
        shared.update(index.get(shingle, ()))
    return any(
        count >= DUPLICATE_CONTAINMENT * min(len(own), kept_sizes[kept])
        for kept, count in shared.items()
    )
