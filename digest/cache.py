"""A content-hash cache of per-article analysis, so unchanged articles are not re-analysed.

Key: the file's bytes (its hash), the settings that affect analysis and the code version
(a hash of digest's own source). Each entry is one pickle written atomically (temp file +
rename), so a crash mid-build never leaves a corrupt entry; an unreadable entry is a miss.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path

from digest.model import Article
from digest.warm import Memo

CACHE_DIR = ".digest-cache"


@lru_cache(maxsize=1)
def code_version() -> str:
    package = Path(__file__).parent
    digest = hashlib.sha256()
    # Only digest's own modules: a wheel also ships digest/themes/__init__.py, and a checkout
    # and a wheel of the same commit must agree (Dask workers are checked against it).
    for path in sorted(p for p in package.rglob("*.py") if "themes" not in p.relative_to(package).parts):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class AnalysisCache:
    """`memory` (a warm build's memo) is consulted before the disk: an article analysed or
    loaded by the last build in this process is not unpickled again."""

    def __init__(self, folder: Path, settings_key: str, enabled: bool = True, memory: Memo | None = None):
        self.folder = folder
        self.enabled = enabled
        self.memory = memory
        self._salt = f"{code_version()}|{settings_key}"
        self.hits = 0
        self.misses = 0

    def _key(self, content_hash: str, path: str) -> str:
        return hashlib.sha256(f"{self._salt}|{path}|{content_hash}".encode()).hexdigest()

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, content_hash: str, path: str) -> Article | None:
        if not self.enabled:
            return None
        key = self._key(content_hash, path)
        article = self.memory.get(key) if self.memory is not None else None
        if article is None:
            try:
                with open(self._entry(key), "rb") as handle:
                    article = pickle.load(handle)
            except Exception:  # missing, truncated or from an incompatible version: a miss
                self.misses += 1
                return None
            if self.memory is not None:
                self.memory.put(key, article)
        self.hits += 1
        return article

    def put(self, content_hash: str, path: str, article: Article) -> None:
        if not self.enabled:
            return
        key = self._key(content_hash, path)
        if self.memory is not None:
            self.memory.put(key, article)
        entry = self._entry(key)
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(article, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, entry)
        except OSError:
            pass  # a read-only or full disk makes the cache useless, not the build


class PageManifest:
    """Each page's key from the last build into an output folder, so an unchanged page is
    carried over instead of rendered again. Only pages whose file still exists count."""

    def __init__(self, folder: Path, output: Path):
        self.output = output
        name = hashlib.sha256(str(output.resolve()).encode()).hexdigest()[:16]
        self.path = folder / f"pages-{name}.json"

    def load(self, remembered: tuple[object, dict[str, str]] | None = None) -> dict[str, str]:
        """The last build's keys. `remembered` is what `save()` returned earlier in this
        process: used instead of reading the file while the output folder and the manifest
        are still the ones that build left (another build in between replaces both)."""
        keys: object = None
        if remembered is not None and remembered[0] == self._identity():
            keys = remembered[1]
        if keys is None:
            try:
                keys = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                return {}
        if not isinstance(keys, dict):
            return {}
        output = os.fspath(self.output)
        return {page: key for page, key in keys.items() if isinstance(key, str) and os.path.isfile(os.path.join(output, page))}

    def _identity(self) -> tuple[int, ...] | None:
        try:
            output, saved = os.stat(self.output), os.stat(self.path)
        except OSError:
            return None
        return (output.st_dev, output.st_ino, saved.st_ino, saved.st_mtime_ns, saved.st_size)

    def invalidate(self) -> None:
        try:
            self.path.unlink()
        except OSError:
            pass

    def save(self, keys: dict[str, str]) -> tuple[object, dict[str, str]] | None:
        """Write the keys; returns them with the identity of this output folder and manifest,
        for `load(remembered=...)` in the next build of this process."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(keys, handle, sort_keys=True)
            os.replace(tmp, self.path)
        except OSError:
            return None
        identity = self._identity()
        return (identity, dict(keys)) if identity is not None else None
