"""The live site: build, decide whether the result may be served, and tell the browsers.

Each build writes config.output exactly as `digest build` does (atomically, and with the
build's own rule that the output folder is never read as content). A good build is then
snapshotted into a private folder with hard links (a copy where links are impossible;
links are safe because the writer never rewrites a file in place, each build's files
are new ones swapped in), and the server switches to that snapshot in one assignment. The served folder is
therefore always a complete build that nothing writes to any more, and a failed build
leaves the last good one in place.

"Failed" means the config or a template is broken, or an article has an error it did not
have in the served build. Errors the served build already had do not block new builds,
or a project with one bad article could never show any edit.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import threading
import traceback
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from digest.errors import DigestError
from digest.serve.reload import Hub

MAX_LISTED_CHANGES = 500  # beyond this, browsers are just told "everything changed"
SHOWN_WARNINGS = 10


@dataclass(frozen=True)
class Served:
    root: Path | None  # None until the first build that can be served
    build: str | None


@dataclass(frozen=True)
class Outcome:
    promoted: bool
    errors: list[str]
    changed: list[str] | None  # site files that differ from the previously served build
    summary: str = ""


class LiveSite:
    """`rebuild()` is called from the one builder thread; `served` is read by any thread."""

    def __init__(
        self,
        load_config: Callable[[], object],
        build: Callable[[object], object],
        snapshots: Path,
        hub: Hub,
        say: Callable[[str], None] = print,
    ) -> None:
        self._load_config = load_config
        self._build = build
        self.snapshots = snapshots
        self.hub = hub
        self.say = say
        self.served = Served(None, None)
        self.config = None  # the last config that loaded, for the watcher
        self._token = uuid.uuid4().hex[:8]  # build ids differ across server restarts
        self._count = 0
        self._manifest: dict[str, str] = {}
        self._known: dict[tuple[int, int], str] = {}  # (device, inode) -> hash, for the served snapshot
        self._served_error_paths: set[str] = set()
        self._old: list[Path] = []
        self._warned: set[str] = set()
        self.closed = False
        self._lock = threading.Lock()

    def rebuild(self, reasons: list[str] = ()) -> Outcome:
        with self._lock:
            return self._rebuild(list(reasons))

    def _rebuild(self, reasons: list[str]) -> Outcome:
        if reasons:
            shown = ", ".join(reasons[:3]) + (f" and {len(reasons) - 3} more" if len(reasons) > 3 else "")
            self.say(f"Changed: {shown}; rebuilding")
        try:
            config = self._load_config()
            self.config = config
            report = self._build(config)
        except DigestError as exc:
            return self._failed(str(exc).splitlines() or [type(exc).__name__])
        except Exception as exc:  # a bug in a stage must not end the serving loop
            self.say("".join(traceback.format_exception(exc)).rstrip())
            return self._failed([f"internal error: {type(exc).__name__}: {exc} (please report it)"])
        errors = list(report.errors)
        summary = report.summary_line(config.output)
        error_paths = {_error_path(e) for e in errors}
        if self.served.root is not None and not error_paths <= self._served_error_paths:
            return self._failed(errors, summary)
        if self.closed:  # the server stopped during this build: its snapshot folder is gone
            return Outcome(False, errors, None, summary)
        try:
            changed = self._promote(config.output)
        except OSError as exc:
            return self._failed([f"{config.output}: could not snapshot the built site for serving ({exc})"], summary)
        self._served_error_paths = error_paths
        for error in errors:
            self.say(f"error: {error}")
        self._warn(list(getattr(report, "warnings", [])))
        self.say(summary)
        self._announce(changed)
        self.hub.publish("status", {"build": self.served.build, "errors": errors, "stale": False})
        return Outcome(True, errors, changed, summary)

    def _warn(self, warnings: list[str]) -> None:
        """Warnings not shown before (each save would otherwise repeat them all)."""
        new = [w for w in warnings if w not in self._warned]
        self._warned.update(new)
        for warning in new[:SHOWN_WARNINGS]:
            self.say(f"warning: {warning}")
        if len(new) > SHOWN_WARNINGS:
            self.say(f"warning: ({len(new) - SHOWN_WARNINGS} more; `digest build -v` lists them all)")

    def _failed(self, errors: list[str], summary: str = "") -> Outcome:
        for error in errors:
            self.say(f"error: {error}")
        if summary:
            self.say(summary)
        still = "still serving the last good build" if self.served.root is not None else "nothing to serve until a build succeeds"
        self.say(f"Build failed; {still}. Fix the error and save to rebuild.")
        self.hub.publish("status", {"build": self.served.build, "errors": errors, "stale": True})
        return Outcome(False, errors, None, summary)

    def _promote(self, output: Path) -> list[str] | None:
        self._count += 1
        target = self.snapshots / f"build-{self._count}"
        known: dict[tuple[int, int], str] = {}
        manifest = snapshot(output, target, self._known, known)
        previous = self._manifest
        changed = sorted(p for p in manifest.keys() | previous.keys() if manifest.get(p) != previous.get(p))
        if not changed and self.served.root is not None:
            shutil.rmtree(target, ignore_errors=True)  # same site: keep its id, or every tab would reload
            return []
        self._manifest, self._known = manifest, known
        self.served = Served(target, f"{self._token}-{self._count}")
        # Requests in flight may still read the previous snapshot: keep it one build longer.
        self._old.append(target)
        while len(self._old) > 2:
            shutil.rmtree(self._old.pop(0), ignore_errors=True)
        return changed if len(changed) <= MAX_LISTED_CHANGES else None

    def _announce(self, changed: list[str] | None) -> None:
        if changed == []:
            return
        build = self.served.build
        if changed is not None and all(p.endswith(".css") for p in changed):
            self.hub.publish("css", {"build": build, "changed": changed})
        else:
            self.hub.publish("reload", {"build": build, "changed": changed})


def snapshot(
    source: Path, target: Path, known: dict[tuple[int, int], str] | None = None, seen: dict[tuple[int, int], str] | None = None
) -> dict[str, str]:
    """Hard-link (or copy) every file of `source` into the new folder `target`; returns {path: hash}.

    `known` maps (device, inode) to the hash of files linked into the served snapshot: the
    writer never edits a file in place and that snapshot keeps its files alive, so a file
    with one of those inodes is the same file and is not read again (a rebuild after one
    edit carries thousands of pages over). `seen` collects the same for this snapshot."""
    manifest: dict[str, str] = {}
    staging = target.with_name(target.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    for dirpath, dirnames, filenames in os.walk(source):
        here = Path(dirpath)
        rel = here.relative_to(source)
        dirnames.sort()
        for name in dirnames:
            (staging / rel / name).mkdir()
        for name in sorted(filenames):
            src, dst = here / name, staging / rel / name
            info = src.lstat()
            if stat.S_ISLNK(info.st_mode):
                continue  # the writer never makes links; one here did not come from the build
            identity = (info.st_dev, info.st_ino)
            digest = (known or {}).get(identity) or hashlib.blake2b(src.read_bytes(), digest_size=16).hexdigest()
            manifest[(rel / name).as_posix()] = digest
            try:
                os.link(src, dst)
            except OSError:
                shutil.copy2(src, dst)  # a copy does not keep the inode alive: not remembered
                continue
            if seen is not None:
                seen[identity] = digest
    os.replace(staging, target)
    return manifest


def _error_path(error: str) -> str:
    return error.split(":", 1)[0]


__all__ = ["LiveSite", "Outcome", "Served", "snapshot"]
