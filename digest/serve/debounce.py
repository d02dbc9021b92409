"""When to rebuild. `Debouncer` is pure (an injected clock, no threads, no sleeps);
`Rebuilder` runs it on the builder thread.

Editors and `git checkout` produce bursts of file events; a save is often three events
(vim: a temp file, a rename, a write). Rebuilding once per event would waste the machine,
so a build starts once events have been quiet for ``quiet`` seconds, or at the latest
``max_wait`` seconds after the first unhandled event (a burst that never stops still
shows progress). Events that arrive while a build runs mark exactly one more build as
pending; any number of them still make one build.
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Debouncer:
    quiet: float = 0.15
    max_wait: float = 2.0
    pending: bool = False
    building: bool = False
    _first: float | None = None
    _last: float | None = None
    reasons: list[str] = field(default_factory=list)

    def notify(self, now: float, reason: str = "") -> None:
        """A relevant file event happened at `now`."""
        if not self.pending:
            self._first = now
        self.pending = True
        self._last = now
        if reason and reason not in self.reasons and len(self.reasons) < 50:
            self.reasons.append(reason)

    def deadline(self) -> float | None:
        """The time at which the pending build may start; None when nothing is due."""
        if not self.pending or self.building or self._first is None or self._last is None:
            return None
        return min(self._last + self.quiet, self._first + self.max_wait)

    def due(self, now: float) -> bool:
        when = self.deadline()
        return when is not None and now >= when

    def start(self) -> list[str]:
        """A build starts now: what is pending is taken by it; returns why it was wanted."""
        reasons, self.reasons = self.reasons, []
        self.pending = False
        self.building = True
        self._first = self._last = None
        return reasons

    def finish(self, now: float) -> None:
        """The build ended. Events seen during it are one pending build, debounced from now."""
        self.building = False
        if self.pending:
            # The events came while we were busy: debounce them from the build's end, so a
            # save that straddles the end settles into the same one next build.
            self._first = self._last = now



class Rebuilder:
    """Runs `build(reasons)` when the debouncer says so; one build at a time, on one thread.

    `step()` does at most one due build and never sleeps, so tests drive it with a fake
    clock; `run()` is the serving loop, waking at the debouncer's deadline or on an event.
    """

    def __init__(self, build: Callable[[list[str]], object], debouncer: Debouncer | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        self.build = build
        self.debouncer = debouncer or Debouncer()
        self.clock = clock
        self.builds = 0
        self._cond = threading.Condition()
        self._stopped = False

    def notify(self, reason: str = "") -> None:
        with self._cond:
            self.debouncer.notify(self.clock(), reason)
            self._cond.notify_all()

    def step(self) -> bool:
        with self._cond:
            if self._stopped or not self.debouncer.due(self.clock()):
                return False
            reasons = self.debouncer.start()
        try:
            self.builds += 1
            self.build(reasons)
        finally:
            with self._cond:
                self.debouncer.finish(self.clock())
        return True

    def run(self) -> None:
        while True:
            with self._cond:
                if self._stopped:
                    return
                deadline = self.debouncer.deadline()
                wait = 1.0 if deadline is None else min(1.0, deadline - self.clock())
                if wait > 0:
                    self._cond.wait(wait)
            try:
                self.step()
            except Exception:  # the build reports its own errors; this keeps the loop alive regardless
                traceback.print_exc()

    def stop(self) -> None:
        with self._cond:
            self._stopped = True
            self._cond.notify_all()


__all__ = ["Debouncer", "Rebuilder"]
