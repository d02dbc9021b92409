"""The HTTP side: files from the served build only, HTML with the reload script, and SSE.

Every request reads the served build once, so it is answered from one complete build
even if a rebuild swaps in another meanwhile. A path is percent-decoded once, split on
"/", and refused if any segment is "..", empty of meaning (NUL, backslash) or if the file
it names resolves (through symlinks) outside the served folder.
"""

from __future__ import annotations

import errno
import json
import mimetypes
import posixpath
import re
import socket
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from digest.errors import DigestError
from digest.serve.live import Served
from digest.serve.reload import EVENTS_PATH, WORKER_PATH, WORKER_SCRIPT, Hub, inject

KEEPALIVE = 15.0  # seconds between SSE comments, so proxies and browsers keep the stream

_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".ico": "image/x-icon",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".webmanifest": "application/manifest+json",
}

PLACEHOLDER = b"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>digest serve</title></head>
<body><p>digest has no good build to show yet; the page reloads when one succeeds.</p></body></html>
"""


def content_type(name: str) -> str:
    suffix = posixpath.splitext(name)[1].lower()
    return _TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"


def resolve_request(root: Path, target: str) -> Path | None:
    """The file under `root` that a request target names, or None if it is not allowed.

    `root` must be resolved. Directories are returned as they are; the caller looks for
    their index.html.
    """
    path = unquote(urlsplit(target).path, errors="strict") if target else "/"
    if "\x00" in path or "\\" in path:
        return None
    parts = [p for p in path.split("/") if p not in ("", ".")]
    if any(p == ".." for p in parts):
        return None
    candidate = root.joinpath(*parts)
    try:
        real = candidate.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if real != root and root not in real.parents:
        return None
    return real


class DevServer(ThreadingHTTPServer):
    daemon_threads = True  # an open event stream must not keep the process alive
    reload = True  # inject the live-reload script (off with --no-reload)
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], served: Callable[[], Served], hub: Hub) -> None:
        self.served = served
        self.hub = hub
        if ":" in address[0]:  # --bind :: or ::1
            self.address_family = socket.AF_INET6
        super().__init__(address, Handler)


class Handler(BaseHTTPRequestHandler):
    server: DevServer
    protocol_version = "HTTP/1.1"
    server_version = "digest-serve"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass  # one line per request would drown the build messages

    def do_GET(self) -> None:
        self._respond(head=False)

    def do_HEAD(self) -> None:
        self._respond(head=True)

    def _respond(self, *, head: bool) -> None:
        if urlsplit(self.path).path == WORKER_PATH:
            self._send(HTTPStatus.OK, WORKER_SCRIPT.encode("utf-8"), "text/javascript; charset=utf-8", head=head)
            return
        if urlsplit(self.path).path == EVENTS_PATH:
            if head:
                self._send(HTTPStatus.OK, b"", "text/event-stream", head=True)
            else:
                self._events()
            return
        served = self.server.served()
        if served.root is None:
            self._send(HTTPStatus.SERVICE_UNAVAILABLE, self._inject(PLACEHOLDER, None, None), "text/html; charset=utf-8", head=head)
            return
        root = served.root.resolve()
        try:
            found = resolve_request(root, self.path)
        except UnicodeDecodeError:
            found = None
        if found is not None and found.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                self._redirect(urlsplit(self.path).path + "/")
                return
            found = found / "index.html" if (found / "index.html").is_file() else None
        if found is None or not found.is_file():
            self._not_found(root, served.build, head)
            return
        try:
            body = found.read_bytes()
        except OSError:
            self._not_found(root, served.build, head)
            return
        kind = content_type(found.name)
        if kind.startswith("text/html"):
            body = self._inject(body, found.relative_to(root).as_posix(), served.build)
        self._send(HTTPStatus.OK, body, kind, head=head)

    def _not_found(self, root: Path, build: str | None, head: bool) -> None:
        page = root / "404.html"
        body = page.read_bytes() if page.is_file() else b"<!doctype html><title>Not found</title><h1>Not found</h1>\n"
        body = root_base(body)
        self._send(HTTPStatus.NOT_FOUND, self._inject(body, None, build), "text/html; charset=utf-8", head=head)

    def _inject(self, html: bytes, page: str | None, build: str | None) -> bytes:
        return inject(html, page, build) if self.server.reload else html

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, status: HTTPStatus, body: bytes, kind: str, *, head: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")  # a dev server: always the latest build
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _events(self) -> None:
        hub = self.server.hub
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        cursor = hub.cursor()
        hub.connected(+1)
        try:
            status = hub.status
            self.wfile.write(b"retry: 1000\n" + _sse("status", status))
            self.wfile.flush()
            while not hub.closed:
                messages = hub.wait(cursor, KEEPALIVE)
                for message in messages:
                    cursor = message.seq
                    self.wfile.write(message.encode())
                self.wfile.write(b": keepalive\n\n" if not messages else b"")
                self.wfile.flush()
        except OSError:  # BrokenPipe, ConnectionReset: the browser went away
            return
        finally:
            hub.connected(-1)


def root_base(html: bytes) -> bytes:
    """404.html links relative to the site root, but is served at any missing path:
    a <base href="/"> makes its stylesheet and links resolve as they would at /404.html."""
    if re.search(rb"<base[\s>]", html, re.I):
        # The built page may anchor at the published base_url; locally it is served at /.
        return re.sub(rb"<base[^>]*>", b'<base href="/">', html, count=1, flags=re.I)
    head = re.search(rb"<head[^>]*>", html, re.I)
    at = head.end() if head else 0
    return html[:at] + b'<base href="/">' + html[at:]


def _sse(event: str, data: dict) -> bytes:
    return f"event: {event}\ndata: {json.dumps(data)}\n\n".encode("utf-8")


def make_server(bind: str, port: int, served: Callable[[], Served], hub: Hub) -> DevServer:
    """Bind the server or raise DigestError with what to do about it."""
    try:
        return DevServer((bind, port), served, hub)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise DigestError(f"port {port} is in use; try --port {port + 1}")
        if exc.errno == errno.EACCES:
            raise DigestError(f"not allowed to listen on port {port}; ports below 1024 need privileges, try --port 8000")
        raise DigestError(f"cannot listen on {bind}:{port}: {exc.strerror or exc}; check --bind and --port")


__all__ = ["DevServer", "content_type", "make_server", "resolve_request"]
