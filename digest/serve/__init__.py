"""`digest serve`: build, serve on localhost, rebuild on change, reload the browser.

Modules: debounce (when to rebuild), watch (which file events matter), live (build and
swap in only good builds), reload (the injected script and the event hub), server
(HTTP), session (wiring). The lead's CLI calls `add_arguments` and `run`.
"""

from __future__ import annotations

import argparse
import signal
import threading
import webbrowser
from pathlib import Path

from digest.errors import EXIT_OK


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, default=None, help="config file (default: ./config.toml)")
    parser.add_argument("--out", type=Path, default=None, metavar="DIR", help="output folder (overrides build.output)")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000; 0 picks a free one)")
    parser.add_argument("--bind", default="127.0.0.1", metavar="ADDRESS", help="address to listen on (default: 127.0.0.1, this machine only)")
    parser.add_argument("--no-reload", action="store_true", help="do not reload the browser after a rebuild")
    parser.add_argument("--poll", action="store_true", help="poll for changes (network drives, containers, WSL) instead of OS events")
    parser.add_argument("--open", action="store_true", help="open the site in a web browser")


def run(args: argparse.Namespace) -> int:
    from digest.serve.session import Session

    session = Session(
        getattr(args, "config", None),
        out=getattr(args, "out", None),
        bind=args.bind,
        port=args.port,
        reload=not args.no_reload,
        poll=args.poll,
    )
    stopped = threading.Event()
    previous = _stop_on_sigterm()
    try:
        session.start()
        if args.open:
            webbrowser.open(session.url)
        while not stopped.wait(0.5):  # a timed wait lets Ctrl-C through on every platform
            pass
    except KeyboardInterrupt:
        print("\nStopping.")
    finally:
        session.stop()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    return EXIT_OK


def _stop_on_sigterm():
    """`kill` and container stops send SIGTERM: shut down as cleanly as on Ctrl-C."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    return signal.signal(signal.SIGTERM, interrupt)


__all__ = ["add_arguments", "run"]
