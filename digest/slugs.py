"""Safe, unique URL slugs: ASCII, lowercase, hyphenated, bounded length."""

from __future__ import annotations

import re
import unicodedata

MAX_SLUG = 60


def slugify(text: str, fallback: str = "item") -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rsplit("-", 1)[0] or slug[:MAX_SLUG]
    if slug:
        return slug
    # The fallback is often a file name ("Notes #1?.txt"): it must be made safe the same way.
    return slugify(fallback) if fallback != "item" else "item"


class SlugAllocator:
    """Hands out slugs, adding -2, -3 … on a collision instead of ever overwriting."""

    def __init__(self, reserved: tuple[str, ...] = ()):
        self._taken = set(reserved)
        self._next: dict[str, int] = {}  # base -> next suffix to try: 10,000 "untitled" stay linear
        self.collisions: list[tuple[str, str]] = []

    def allocate(self, text: str, fallback: str = "item") -> str:
        base = slugify(text, fallback)
        slug, n = base, self._next.get(base, 2)
        while slug in self._taken:
            slug, n = f"{base}-{n}", n + 1
        self._next[base] = n
        if slug != base:
            self.collisions.append((base, slug))
        self._taken.add(slug)
        return slug
