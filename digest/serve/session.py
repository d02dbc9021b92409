"""One `digest serve` run: the server, the watcher and the builder thread, wired together.

The port is bound before the first build, so "port in use" is reported at once rather
than after a long build. A config that is broken at start does not stop the server: the
error is shown (terminal and browser) and the next save of config.toml rebuilds.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from digest.cache import CACHE_DIR
from digest.config import DEFAULT_CONFIG_NAME
from digest.errors import DigestError
from digest.serve.debounce import Debouncer, Rebuilder
from digest.serve.live import LiveSite
from digest.serve.reload import Hub
from digest.serve.server import make_server
from digest.serve.watch import Watcher, WatchRules


def _say(text: str) -> None:
    print(text, file=sys.stderr if text.startswith(("error:", "warning:")) else sys.stdout, flush=True)


class Session:
    def __init__(
        self,
        config_path: Path | None,
        *,
        out: Path | None = None,
        bind: str = "127.0.0.1",
        port: int = 8000,
        reload: bool = True,
        poll: bool = False,
        say: Callable[[str], None] = _say,
        debouncer: Debouncer | None = None,
    ) -> None:
        if config_path is not None and not config_path.is_file():
            raise DigestError(f"{config_path}: no such config file (run `digest init DIR` to create a project)")
        self.config_path = config_path
        self.out = out
        self.say = say
        self.snapshots = Path(tempfile.mkdtemp(prefix="digest-serve-"))
        self.hub = Hub()
        self.live = LiveSite(self._load, self._build, self.snapshots, self.hub, say)
        try:
            self.server = make_server(bind, port, lambda: self.live.served, self.hub)
        except BaseException:
            shutil.rmtree(self.snapshots, ignore_errors=True)
            raise
        self.server.reload = reload
        self.rebuilder = Rebuilder(self._rebuild, debouncer)
        self.watcher = Watcher(self._rules(), self.rebuilder.notify, poll=poll)
        self._threads: list[threading.Thread] = []
        self._state = None  # what each build hands the next (digest.warm.BuildState)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/"

    def _load(self):
        from digest.config import load_config

        return load_config(self.config_path, output=self.out)

    def _build(self, config):
        from digest.build import build
        from digest.warm import BuildState

        if self._state is None:
            self._state = BuildState()
        return build(config, use_cache=True, state=self._state)

    def _rebuild(self, reasons: list[str]) -> None:
        self.live.rebuild(reasons)
        self.watcher.update(self._rules())  # content folders or theme may have changed

    def _rules(self) -> WatchRules:
        config = self.live.config
        config_path = self.config_path or Path(DEFAULT_CONFIG_NAME)
        if config is None:
            root = config_path.parent
            return WatchRules.make(root, config_path, (), (), (root / CACHE_DIR, self.snapshots))
        from digest.errors import ThemeError
        from digest.render import theme_folders

        try:
            themes = theme_folders(config)
        except ThemeError:
            themes = []
        return WatchRules.make(config.root, config_path, config.content, themes, (config.output, config.root / CACHE_DIR, self.snapshots))

    def start(self) -> None:
        """Build once, then serve and watch in background threads."""
        try:  # watch before the first build, so a save during it is not lost
            self.live.config = self._load()
        except DigestError:
            pass  # the build below reports it
        self.watcher.update(self._rules())
        self.watcher.start()
        self.live.rebuild()
        self.watcher.update(self._rules())
        for target, name in ((self.server.serve_forever, "digest-http"), (self.rebuilder.run, "digest-build")):
            thread = threading.Thread(target=target, name=name, daemon=True)
            thread.start()
            self._threads.append(thread)
        self.say(f"Serving {self.url} (Ctrl-C to stop)")
        host = self.server.server_address[0]
        if not (host.startswith("127.") or host == "::1" or host == "localhost"):
            self.say(f"warning: listening on {host}: other machines on the network can read the site")

    def stop(self) -> None:
        self.live.closed = True  # a build still running will not snapshot into the removed folder
        self.hub.close()  # ends open event streams
        self.rebuilder.stop()
        self.watcher.stop()
        if self._threads:
            self.server.shutdown()
        self.server.server_close()
        for thread in self._threads:
            thread.join(timeout=10)
        shutil.rmtree(self.snapshots, ignore_errors=True)
        if self._state is not None:
            self._state.close()


__all__ = ["Session"]
