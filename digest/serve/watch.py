"""What to watch and which file events matter, plus the watchdog glue.

The rules are a pure function of paths so they can be tested without a file system
event: a change matters when it touches config.toml, an article file in a content
folder, or anything in a theme folder; editor temporaries, hidden files, the output
folder and the analysis cache never do. A rename is judged by both of its ends, because
"save" in vim and most IDEs is "write a temp file, rename it over the original".
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from digest.read import EXTENSIONS, is_ignored_name

# inotify reports open/close-without-write too; those change nothing on disk.
_CHANGES = {"created", "deleted", "modified", "moved", "closed"}


@dataclass(frozen=True)
class WatchRules:
    root: Path
    config_path: Path
    content: tuple[Path, ...]
    themes: tuple[Path, ...]
    ignored: tuple[Path, ...]  # the output folder, the cache, the served snapshots

    @classmethod
    def make(cls, root: Path, config_path: Path, content: Iterable[Path], themes: Iterable[Path], ignored: Iterable[Path]) -> "WatchRules":
        def full(p: Path) -> Path:
            return Path(p).expanduser().resolve()

        return cls(full(root), full(config_path), tuple(map(full, content)), tuple(map(full, themes)), tuple(map(full, ignored)))

    def reason(self, path: str | Path, *, is_directory: bool = False) -> str | None:
        """Why a change at `path` needs a rebuild (the path to show), or None if it doesn't."""
        p = Path(path)
        if any(p == d or _inside(p, d) for d in self.ignored):
            return None
        if p == self.config_path:
            return self._shown(p)
        if is_ignored_name(p.name):
            return None
        for theme in (*self.themes, self.root / "themes"):
            if p == theme or (_inside(p, theme) and not _hidden_below(p, theme)):
                return self._shown(p)
        for folder in self.content:
            if p == folder:
                return self._shown(p)
            if _inside(p, folder) and not _hidden_below(p, folder):
                if is_directory or p.suffix.lower() in EXTENSIONS:
                    return self._shown(p)
        return None

    def plan(self) -> list[tuple[Path, bool]]:
        """(folder, recursive) pairs to schedule, each existing, none covered by another."""
        wanted: list[tuple[Path, bool]] = [(self.config_path.parent, False)]
        for folder in (*self.content, *self.themes, self.root / "themes"):
            if folder.is_dir():
                wanted.append((folder, True))
            elif folder.parent.is_dir():  # a file, or a folder not created yet: see it appear
                wanted.append((folder.parent, False))
        plan: list[tuple[Path, bool]] = []
        for folder, recursive in sorted(set(wanted), key=lambda w: (len(w[0].parts), not w[1])):
            covered = any(r and (folder == d or _inside(folder, d)) for d, r in plan) or (folder, True) in plan
            if not covered and (folder, recursive) not in plan:
                plan.append((folder, recursive))
        return plan

    def _shown(self, p: Path) -> str:
        return p.relative_to(self.root).as_posix() if _inside(p, self.root) else str(p)


def _inside(path: Path, folder: Path) -> bool:
    return folder in path.parents


def _hidden_below(path: Path, folder: Path) -> bool:
    """A dot-folder (.git, .digest-cache) between folder and path: discover skips those."""
    return any(part.startswith(".") for part in path.relative_to(folder).parts[:-1])


def event_reason(rules: WatchRules, event: FileSystemEvent) -> str | None:
    if event.event_type not in _CHANGES:
        return None
    if event.is_directory and event.event_type in ("modified", "closed"):
        return None  # a folder's mtime moves whenever any file in it (even a swap file) does
    paths = [event.src_path, event.dest_path] if event.event_type == "moved" else [event.src_path]
    for path in paths:
        if path:
            text = path.decode() if isinstance(path, bytes) else path
            why = rules.reason(text, is_directory=event.is_directory)
            if why:
                return why
    return None


class _Handler(FileSystemEventHandler):
    def __init__(self, watcher: "Watcher") -> None:
        self.watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        why = event_reason(self.watcher.rules, event)
        if why:
            self.watcher.on_change(why)


class Watcher:
    """Watchdog observers over a WatchRules plan; `update` re-plans after a config change."""

    def __init__(self, rules: WatchRules, on_change: Callable[[str], None], *, poll: bool = False, poll_interval: float = 0.5) -> None:
        self.rules = rules
        self.on_change = on_change
        self._observer = PollingObserver(timeout=poll_interval) if poll else Observer()
        self._handler = _Handler(self)
        self._plan: list[tuple[Path, bool]] = []
        self._lock = threading.Lock()
        self._started = False

    def start(self) -> None:
        if not self._plan:
            self._schedule(self.rules.plan())
        self._observer.daemon = True
        self._observer.start()
        self._started = True

    def update(self, rules: WatchRules) -> None:
        self.rules = rules
        plan = rules.plan()
        if plan != self._plan:
            self._observer.unschedule_all()
            self._schedule(plan)

    def _schedule(self, plan: list[tuple[Path, bool]]) -> None:
        with self._lock:
            self._plan = []
            for folder, recursive in plan:
                try:
                    self._observer.schedule(self._handler, str(folder), recursive=recursive)
                except OSError:  # removed between plan and schedule; the next build re-plans
                    continue
                self._plan.append((folder, recursive))

    @property
    def folders(self) -> list[tuple[Path, bool]]:
        return list(self._plan)

    def stop(self) -> None:
        if self._started:
            self._observer.stop()
            self._observer.join(timeout=5)


__all__ = ["WatchRules", "Watcher", "event_reason"]
