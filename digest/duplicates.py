"""The same story in two files (an exact copy, or a re-scrape with different page furniture)
is shown once, listing both sources.

Near-duplicates are found with MinHash over word 5-gram shingles of the clean body and
locality-sensitive hashing (bands of the signature as bucket keys), so the work grows
with the number of articles, not with the number of pairs. Candidate pairs are then
confirmed by their real shingle overlap.
"""

from __future__ import annotations

import dataclasses
import heapq
import re
import zlib
from collections import defaultdict
from collections.abc import Sequence

from digest.model import Article

SHINGLE = 5
SKETCH = 8  # bottom-k sketch kept per article (cached with its analysis)
SHARED_KEYS = 2  # articles sharing 2 of their 8 smallest shingle hashes become candidates
THRESHOLD = 0.8  # share of the LARGER article's shingles found in the other: both must be mostly the
# same text. Measured against the smaller one, an article built from parts of others looks
# like a copy of each, and copies chain into one giant "story" (seen at 10,000 articles).
MAX_BUCKET = 64  # a bucket this full is boilerplate-like text shared by many articles


def body_shingles(paragraphs) -> frozenset[int]:
    words = re.findall(r"\w+", " ".join(p.text for p in paragraphs if p.kind == "p").casefold())
    if len(words) < SHINGLE:
        return frozenset({zlib.crc32(" ".join(words).encode())}) if words else frozenset()
    return frozenset(zlib.crc32(" ".join(words[i : i + SHINGLE]).encode()) for i in range(len(words) - SHINGLE + 1))


def fingerprint(paragraphs) -> tuple[int, ...]:
    """The bottom-k sketch: two copies of a story share most of their smallest hashes."""
    return tuple(heapq.nsmallest(SKETCH, body_shingles(paragraphs)))


def merge_duplicates(articles: Sequence[Article]) -> tuple[tuple[Article, ...], list[str]]:
    """One article per story; the others' paths go into the kept one's `duplicates`."""
    buckets: dict[int, list[int]] = defaultdict(list)
    for index, article in enumerate(articles):
        for key in article.fingerprint:
            buckets[key].append(index)
    # One shared small hash is often a stock phrase ("said in a statement on"); copies of
    # one story share most of their sketch. Count shared keys per pair within small buckets.
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for members in buckets.values():
        if 2 <= len(members) <= MAX_BUCKET:
            for x, first in enumerate(members):
                for second in members[x + 1 :]:
                    shared[(first, second)] += 1
    sets: dict[int, frozenset[int]] = {}

    def shingles_of(i: int) -> frozenset[int]:
        if i not in sets:
            sets[i] = body_shingles(articles[i].body.paragraphs)
        return sets[i]

    parent = list(range(len(articles)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for (first, second), count in sorted(shared.items()):
        short = min(len(articles[first].fingerprint), len(articles[second].fingerprint))
        if count < min(SHARED_KEYS, short) or find(first) == find(second):
            continue
        a, b = shingles_of(first), shingles_of(second)
        if a and b and len(a & b) >= THRESHOLD * max(len(a), len(b)):
            parent[find(second)] = find(first)
    groups: dict[int, list[int]] = defaultdict(list)
    for index in range(len(articles)):
        groups[find(index)].append(index)
    kept: list[Article] = []
    notes: list[str] = []
    for members in groups.values():
        # Keep the fullest copy; ties go to the first path so the choice is stable.
        if len(members) > 1:
            members.sort(key=lambda i: (-len(shingles_of(i)), articles[i].source.path))
        best = articles[members[0]]
        others = tuple(sorted(articles[i].source.path for i in members[1:]))
        if others:
            best = dataclasses.replace(best, duplicates=tuple(sorted(set(best.duplicates) | set(others))))
            notes.append(f"{best.source.path}: the same story is also in {', '.join(others)}; shown once")
        kept.append(best)
    kept.sort(key=lambda a: a.source.path)
    return tuple(kept), notes
