"""The same quote reported more than once (by several outlets, in slightly different
wording or translation, or repeated within one article) is shown once with every source.

Quotes are compared by containment of hashed content-word pairs (the briefing's measure
of "the same fact"), through an inverted index, so a speaker with thousands of quotes is
not compared pair by pair.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from digest.briefing import shingles

SAME_QUOTE = 0.4  # share of the shorter quote's content-word pairs found in the other
SIMILAR_LENGTH = 0.5  # a short quote inside a long one is a different (partial) quote, not a repeat


def group_repeats(texts: Sequence[str]) -> list[list[int]]:
    """Indexes of `texts` grouped so each group is one quote; groups keep first-seen order."""
    groups: list[list[int]] = []
    sizes: list[int] = []
    index: dict[int, list[int]] = {}
    for position, text in enumerate(texts):
        own = shingles(text)
        shared: Counter[int] = Counter()
        for item in own:
            shared.update(index.get(item, ()))
        match = next(
            (
                group
                for group, count in sorted(shared.items())
                if count >= SAME_QUOTE * min(len(own), sizes[group])
                and min(len(own), sizes[group]) >= SIMILAR_LENGTH * max(len(own), sizes[group])
            ),
            None,
        )
        if match is None:
            match = len(groups)
            groups.append([])
            sizes.append(len(own))
            for item in own:
                index.setdefault(item, []).append(match)
        groups[match].append(position)
    return groups
