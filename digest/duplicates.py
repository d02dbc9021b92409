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
from array import array
from collections import Counter, defaultdict
from collections.abc import Sequence

from digest.model import Article
from digest.warm import Memo

SHINGLE = 5
SKETCH = 8  # bottom-k sketch kept per article (cached with its analysis)
SHARED_KEYS = 5  # near-identical texts share most of their 8 smallest hashes; a roundup or a stock phrase shares one or two
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


def merge_duplicates(articles: Sequence[Article], memo: Memo | None = None) -> tuple[tuple[Article, ...], list[str]]:
    """One article per story; the others' paths go into the kept one's `duplicates`.

    `memo` (a warm build's) keeps the candidates' shingles by file: they are a function of
    the file's bytes, and the same pairs come up again after an edit elsewhere."""
    memo = memo if memo is not None else Memo()
    buckets: dict[int, list[int]] = defaultdict(list)
    for index, article in enumerate(articles):
        for key in article.fingerprint:
            buckets[key].append(index)
    # Shingles of the candidates, computed once, kept as packed 32-bit arrays (a frozenset per
    # article cost ~400 MB at 10,000 articles; an array of CRCs is a tenth of that).
    packed: dict[int, array] = {}

    def shingles_of(i: int) -> array:
        if i not in packed:
            source = articles[i].source
            key = ("shingles", source.path, source.content_hash)
            packed[i] = memo.make(key, lambda: array("I", body_shingles(articles[i].body.paragraphs)))
        return packed[i]

    parent = list(range(len(articles)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # One shared small hash is often a stock phrase ("said in a statement on"); copies of
    # one story share most of their sketch. Per article, count the keys it shares with each
    # later article in the same (small) buckets: memory stays per article, not per pair.
    for first, article in enumerate(articles):
        shared: Counter[int] = Counter()
        for key in set(article.fingerprint):
            members = buckets[key]
            if len(members) <= MAX_BUCKET:
                shared.update(m for m in members if m > first)
        for second, count in sorted(shared.items()):
            short = min(len(article.fingerprint), len(articles[second].fingerprint))
            if count < min(SHARED_KEYS, short) or find(first) == find(second):
                continue
            a, b = shingles_of(first), shingles_of(second)
            if a and b and len(set(a).intersection(b)) >= THRESHOLD * max(len(a), len(b)):
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
