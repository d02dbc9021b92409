"""`digest serve`'s HTTP side: safe paths, the 404 page, content types, HEAD, slow clients,
the event stream and a port already in use. The `server` fixture is in conftest.py."""

from __future__ import annotations

import http.client
import json
import socket

import pytest

from digest.errors import DigestError
from digest.serve.reload import Hub
from digest.serve.server import make_server, resolve_request, root_base

from conftest import fetch


def test_requests_cannot_leave_the_served_folder(tmp_path):
    root = tmp_path / "served"
    (root / "articles").mkdir(parents=True)
    (root / "articles/a.html").write_text("a")
    (tmp_path / "secret.txt").write_text("secret")
    (root / "escape").symlink_to(tmp_path)
    (root / "leak.txt").symlink_to(tmp_path / "secret.txt")
    root = root.resolve()
    assert resolve_request(root, "/articles/a.html?x=1") == root / "articles/a.html"
    assert resolve_request(root, "/articles/%61.html") == root / "articles/a.html"
    for bad in ("/../secret.txt", "/articles/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/..%5csecret.txt", "/escape/secret.txt", "/leak.txt", "/a%00.html"):
        assert resolve_request(root, bad) is None, bad


def test_the_404_page_gets_one_base_at_the_served_root():
    """serve answers any missing path with 404.html from /: the <base> a build anchored at
    base_url's path is replaced, not doubled; a page without one gets one."""
    published = b'<html><head><meta charset="utf-8"><base href="/brief/"><title>x</title></head></html>'
    assert root_base(published) == b'<html><head><meta charset="utf-8"><base href="/"><title>x</title></head></html>'
    assert root_base(b"<html><head><title>x</title></head></html>") == b'<html><head><base href="/"><title>x</title></head></html>'


def test_server_injects_the_script_sets_types_and_answers_404_and_head(server):
    status, kind, body = fetch(server, "/")
    assert (status, kind) == (200, "text/html; charset=utf-8") and body.startswith(b"<body>v1<script data-digest-serve")
    assert fetch(server, "/static/style.css")[:2] == (200, "text/css; charset=utf-8")
    status, _, body = fetch(server, "/articles/missing.html")
    assert status == 404 and b"lost" in body and b"data-digest-serve" in body
    assert b'<base href="/">' in body  # its root-relative links work from any missing path
    assert fetch(server, "/../../etc/passwd")[0] == 404
    assert fetch(server, "/", "HEAD")[::2] == (200, b"")
    server.reload = False  # --no-reload
    assert fetch(server, "/")[2] == b"<body>v1</body>"


def test_a_slow_client_does_not_block_the_others(server):
    """A client that sends half a request and stalls holds only its own thread."""
    import socket

    slow = socket.create_connection(server.server_address[:2], timeout=5)
    try:
        slow.sendall(b"GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # no blank line: never finishes
        for _ in range(3):
            assert fetch(server, "/")[0] == 200
    finally:
        slow.close()


def test_event_stream_sends_the_status_then_a_reload(server, live):
    conn = http.client.HTTPConnection(*server.server_address[:2], timeout=5)
    conn.request("GET", "/__digest__/events")
    response = conn.getresponse()
    assert response.getheader("Content-Type") == "text/event-stream"

    def next_event():
        fields = {}
        while (line := response.fp.readline().decode().rstrip("\n")) or not fields.get("event"):
            if ":" in line and not line.startswith(":"):
                key, value = line.split(":", 1)
                fields[key] = value.strip()
        return fields["event"], json.loads(fields["data"])

    assert next_event() == ("status", {"build": live.site.served.build, "errors": [], "stale": False})
    assert fetch(server, "/")[0] == 200  # the open stream does not hold up other clients
    live.project.pages["index.html"] = "<body>v2</body>"
    live.site.rebuild(["content/a.md"])
    assert next_event()[0] == "reload"
    conn.close()


def test_a_port_in_use_gives_a_clear_message():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(DigestError, match=f"port {port} is in use; try --port {port + 1}"):
            make_server("127.0.0.1", port, lambda: None, Hub())
