"""What one build hands to the next in the same process, so `digest serve` rebuilds fast.

A cold build (`digest build`) reads every file, loads every analysis from the disk cache
and groups and renders from scratch. `digest serve` rebuilds on every save, usually
after one article changed, so it keeps a `BuildState` between builds: parsed sources by
their bytes, analysed articles by their cache key, per-day briefings, the speaker
merge, the Jinja environment, the data-file fragments of each article and the page keys
of the site it wrote last, and the site before that, whose folder the next write
recycles (digest.write). Each memo is keyed by everything its value depends on, and
the whole state is dropped when the analysis settings change, so a warm build writes
exactly the files a cold build would.
"""

from __future__ import annotations

import gc
import shutil
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


class Memo:
    """Values from the last build, by key. Each build keeps what it used and `sweep()`
    drops the rest, so the memo holds one build's worth, not every version ever seen."""

    def __init__(self) -> None:
        self._old: dict[Hashable, Any] = {}
        self._new: dict[Hashable, Any] = {}

    def get(self, key: Hashable) -> Any | None:
        if key in self._new:
            return self._new[key]
        value = self._old.pop(key, None)
        if value is not None:
            self._new[key] = value
        return value

    def put(self, key: Hashable, value: Any) -> None:
        self._new[key] = value

    def make(self, key: Hashable, produce: Callable[[], Any]) -> Any:
        value = self.get(key)
        if value is None:
            value = produce()
            self._new[key] = value
        return value

    def sweep(self) -> None:
        self._old, self._new = self._new, {}

    def clear(self) -> None:
        self._old.clear()
        self._new.clear()


class BuildState:
    """Kept by the caller from one `build(..., state=)` to the next; nothing in it is
    needed for correctness, only for speed."""

    def __init__(self) -> None:
        self.settings: str | None = None  # the analysis settings the memos were made with
        self.sources = Memo()  # (path, format, sha256 of the bytes) -> Source
        self.articles = Memo()  # analysis cache key -> Article
        self.group = Memo()  # briefings and speaker merges, keyed by their inputs
        self.render = Memo()  # Jinja environment and data-file fragments
        self.pages: tuple[object, dict[str, str]] | None = None  # (output folder identity, page keys)
        self.spare: Path | None = None  # the site before the current one, recycled by the next write

    def begin(self, settings: str) -> None:
        if settings != self.settings:
            for memo in (self.sources, self.articles, self.group, self.render):
                memo.clear()
            self.pages = None
            self.settings = settings

    def sweep(self) -> None:
        for memo in (self.sources, self.articles, self.group, self.render):
            memo.sweep()

    def close(self) -> None:
        """Remove the spare site folder (a later build would remove it anyway)."""
        if self.spare is not None:
            shutil.rmtree(self.spare, ignore_errors=True)
            self.spare = None


@contextmanager
def no_gc_pauses() -> Iterator[None]:
    """Keep the cyclic collector off the objects that exist when the block starts (a warm
    build's state, the analysed articles): there are millions, they outlive the block, and
    walking them again and again took a third of a warm rebuild. The collector still runs
    for what the block allocates, so rendering thousands of pages does not pile up garbage."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
