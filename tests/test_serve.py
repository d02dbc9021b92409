"""`digest serve`: rebuild scheduling, watch rules, safe paths, live reload, error overlay."""

from __future__ import annotations

import http.client
import json
import socket
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
from watchdog.events import DirModifiedEvent, FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent

from digest.errors import DigestError, ThemeError
from digest.serve.debounce import Debouncer, Rebuilder
from digest.serve.live import LiveSite
from digest.serve.reload import Hub, inject
from digest.serve.server import DevServer, make_server, resolve_request, root_base
from digest.serve.watch import WatchRules, event_reason
from digest.write import SiteWriter


def rebuilder(on_build=lambda reasons: None):
    """A Rebuilder on a fake clock (set clock.now) with the debounce defaults `digest serve` uses."""
    clock, built = SimpleNamespace(now=0.0), []
    return Rebuilder(lambda reasons: (built.append(reasons), on_build(reasons)), Debouncer(), lambda: clock.now), clock, built


def test_a_burst_of_a_thousand_events_in_a_second_gives_at_most_two_builds():
    r, clock, built = rebuilder()
    for i in range(1000):
        clock.now = i / 1000
        r.notify(f"content/a{i}.md")
        r.step()
    for t in (1.0, 1.2, 2.0, 5.0):
        clock.now = t
        r.step()
    assert 1 <= len(built) <= 2
    assert sum(len(b) for b in built) >= 50  # the paths are reported, capped


def test_a_save_builds_once_after_the_events_go_quiet():
    r, clock, built = rebuilder()
    for t, name in ((0.0, "content/4913"), (0.01, "content/a.md"), (0.02, "content/a.md")):
        clock.now = t
        r.notify(name)
    clock.now = 0.1
    assert not r.step() and built == []
    clock.now = 0.2
    assert r.step() and built == [["content/4913", "content/a.md"]]
    clock.now = 10
    assert not r.step()


def test_changes_during_a_build_queue_exactly_one_more_build():
    def slow_build(reasons):
        if len(built) == 1:  # the user keeps saving while the first build runs
            for i in range(20):
                clock.now += 0.05
                r.notify(f"content/b{i}.md")

    r, clock, built = rebuilder(slow_build)
    r.notify("content/a.md")
    clock.now = 0.2
    assert r.step()
    assert not r.step()  # the events wait their quiet period after the build ended
    clock.now += 0.2
    assert r.step()
    for t in (5, 10):
        clock.now += t
        assert not r.step()
    assert len(built) == 2 and len(built[1]) == 20


@pytest.fixture
def rules(tmp_path):
    for folder in ("content", "themes/default/templates", "site", ".digest-cache"):
        (tmp_path / folder).mkdir(parents=True)
    return WatchRules.make(
        tmp_path, tmp_path / "config.toml", [tmp_path / "content"], [tmp_path / "themes/default"], [tmp_path / "site", tmp_path / ".digest-cache"]
    )


@pytest.mark.parametrize("name", ["a.md~", ".a.md.swp", ".a.md.swx", "4913", ".#a.md", "#a.md#", "a.md___jb_tmp___", ".goutputstream-XYZ1", ".hidden.md"])
def test_editor_temporaries_are_ignored(rules, tmp_path, name):
    assert rules.reason(tmp_path / "content" / name) is None


def test_articles_config_and_themes_trigger_but_output_and_cache_do_not(rules, tmp_path):
    assert rules.reason(tmp_path / "content/sub/a.md") == "content/sub/a.md"
    assert rules.reason(tmp_path / "config.toml") == "config.toml"
    assert rules.reason(tmp_path / "themes/default/templates/base.html") == "themes/default/templates/base.html"
    assert rules.reason(tmp_path / "content/photo.jpg") is None
    assert rules.reason(tmp_path / "site/index.html") is None
    assert rules.reason(tmp_path / ".digest-cache/ab.pickle") is None
    assert rules.reason(tmp_path / "content/.git/objects/x.txt") is None
    assert rules.reason(tmp_path / "notes.txt") is None


def test_output_inside_a_content_folder_is_ignored(tmp_path):
    rules = WatchRules.make(tmp_path, tmp_path / "config.toml", [tmp_path], [], [tmp_path / "site"])
    assert rules.reason(tmp_path / "site/articles/a.html") is None
    assert rules.reason(tmp_path / "a.html") == "a.html"


def test_rename_on_save_new_and_deleted_files_are_seen(rules, tmp_path):
    c = str(tmp_path / "content")
    assert event_reason(rules, FileMovedEvent(f"{c}/a.md", f"{c}/a.md~")) == "content/a.md"  # vim: backup by rename
    assert event_reason(rules, FileMovedEvent(f"{c}/.a.md.tmp", f"{c}/a.md")) == "content/a.md"  # write-then-rename
    assert event_reason(rules, FileCreatedEvent(f"{c}/new.txt")) == "content/new.txt"
    assert event_reason(rules, FileDeletedEvent(f"{c}/old.txt")) == "content/old.txt"
    assert event_reason(rules, FileModifiedEvent(f"{c}/.a.md.swp")) is None
    assert event_reason(rules, DirModifiedEvent(c)) is None


def test_watch_plan_covers_each_folder_once(rules, tmp_path):
    plan = rules.plan()
    assert (tmp_path.resolve() / "content", True) in plan
    assert (tmp_path.resolve() / "themes", True) in plan
    assert (tmp_path.resolve(), False) in plan  # for config.toml
    assert (tmp_path.resolve() / "themes/default", True) not in plan  # inside themes/ already


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


def test_reload_script_goes_before_the_closing_body_and_cannot_break_out():
    html = inject(b"<html><body><p>x</p></body></html>", "articles/</script>.html", "b1")
    assert html.index(b"data-digest-serve") < html.index(b"</body>")
    assert html.count(b"</script>") == 1 and b"EventSource" in html
    assert inject(b"<p>no body tag", None, None).startswith(b"<p>no body tag<script")


def test_the_404_page_gets_one_base_at_the_served_root():
    """serve answers any missing path with 404.html from /: the <base> a build anchored at
    base_url's path is replaced, not doubled; a page without one gets one."""
    published = b'<html><head><meta charset="utf-8"><base href="/brief/"><title>x</title></head></html>'
    assert root_base(published) == b'<html><head><meta charset="utf-8"><base href="/"><title>x</title></head></html>'
    assert root_base(b"<html><head><title>x</title></head></html>") == b'<html><head><base href="/"><title>x</title></head></html>'


class FakeProject:
    """Stands in for load_config + build: writes `pages` to the output, or fails as told."""

    def __init__(self, tmp_path: Path) -> None:
        self.output = tmp_path / "site"
        self.pages = {"index.html": "<body>v1</body>", "static/style.css": "a{}", "404.html": "<body>lost</body>"}
        self.errors: list[str] = []
        self.raise_: Exception | None = None

    def load(self):
        return SimpleNamespace(output=self.output)

    def build(self, config):
        if self.raise_:
            raise self.raise_
        writer = SiteWriter()  # the real writer: new files swapped in, never edited in place
        writer.add_all({path: text.encode() for path, text in self.pages.items()})
        writer.commit(self.output)
        return SimpleNamespace(errors=list(self.errors), summary_line=lambda out: f"Built into {out}")


@pytest.fixture
def live(tmp_path):
    project = FakeProject(tmp_path)
    hub = Hub()
    said: list[str] = []
    site = LiveSite(project.load, project.build, tmp_path / "snapshots", hub, said.append)
    return SimpleNamespace(project=project, hub=hub, site=site, said=said)


def served_text(live, path: str) -> str:
    return (live.site.served.root / path).read_text()


def events_after(hub: Hub, cursor: int) -> list[tuple[str, dict]]:
    return [(m.event, m.data) for m in hub.wait(cursor, 0)]


def test_a_rebuild_tells_browsers_which_pages_changed(live):
    live.site.rebuild()
    cursor = live.hub.cursor()
    live.project.pages["index.html"] = "<body>v2</body>"
    live.site.rebuild(["content/a.md"])
    (event, data), (status, state) = events_after(live.hub, cursor)
    assert event == "reload" and data["changed"] == ["index.html"]
    assert status == "status" and state == {"build": live.site.served.build, "errors": [], "stale": False}
    assert served_text(live, "index.html") == "<body>v2</body>"


def test_a_rebuild_that_changes_nothing_reloads_nothing(live):
    live.site.rebuild()
    build, cursor = live.site.served.build, live.hub.cursor()
    live.site.rebuild(["content/a.md"])  # e.g. a save without edits, or a comment in config.toml
    assert live.site.served.build == build
    assert [event for event, _ in events_after(live.hub, cursor)] == ["status"]


def test_a_css_only_change_swaps_the_stylesheet(live):
    live.site.rebuild()
    cursor = live.hub.cursor()
    live.project.pages["static/style.css"] = "a{color:red}"
    live.site.rebuild(["themes/default/static/style.css"])
    assert events_after(live.hub, cursor)[0] == ("css", {"build": live.site.served.build, "changed": ["static/style.css"]})


def test_a_failed_build_keeps_the_last_good_site_and_shows_the_overlay_until_fixed(live):
    live.site.rebuild()
    good = live.site.served
    live.project.pages["index.html"] = "<body>half</body>"
    live.project.raise_ = ThemeError("template syntax error: unexpected '}'", path="templates/base.html", line=7)
    cursor = live.hub.cursor()
    assert not live.site.rebuild(["themes/x/templates/base.html"]).promoted
    assert events_after(live.hub, cursor) == [("status", {"build": good.build, "errors": ["templates/base.html:7: template syntax error: unexpected '}'"], "stale": True})]
    assert live.site.served == good and served_text(live, "index.html") == "<body>v1</body>"
    assert any("templates/base.html:7:" in line for line in live.said) and "still serving the last good build" in live.said[-1]
    live.project.raise_ = None
    cursor = live.hub.cursor()
    assert live.site.rebuild().promoted
    assert events_after(live.hub, cursor)[-1] == ("status", {"build": live.site.served.build, "errors": [], "stale": False})
    assert served_text(live, "index.html") == "<body>half</body>"


def test_a_crash_inside_the_build_is_reported_and_serving_goes_on(live):
    live.site.rebuild()
    live.project.raise_ = ZeroDivisionError("division by zero")
    outcome = live.site.rebuild(["content/a.md"])
    assert not outcome.promoted and outcome.errors == ["internal error: ZeroDivisionError: division by zero (please report it)"]
    assert served_text(live, "index.html") == "<body>v1</body>"


def test_a_new_article_error_blocks_the_build_but_an_old_one_does_not(live):
    live.project.errors = ["content/old.md:3: front matter is not valid TOML"]
    assert live.site.rebuild().promoted  # nothing better to show yet
    live.project.pages["index.html"] = "<body>edit</body>"
    assert live.site.rebuild(["content/other.md"]).promoted  # the old error must not freeze the site
    live.project.errors.append("content/new.md:1: the file is empty")
    live.project.pages["index.html"] = "<body>broken</body>"
    assert not live.site.rebuild(["content/new.md"]).promoted
    assert served_text(live, "index.html") == "<body>edit</body>"
    assert live.hub.status["errors"][-1] == "content/new.md:1: the file is empty"


@pytest.fixture
def server(live):
    live.site.rebuild()
    srv = make_server("127.0.0.1", 0, lambda: live.site.served, live.hub)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    live.hub.close()
    srv.shutdown()
    srv.server_close()


def fetch(srv: DevServer, path: str, method: str = "GET"):
    conn = http.client.HTTPConnection(*srv.server_address[:2], timeout=5)
    conn.request(method, path)
    response = conn.getresponse()
    try:
        return response.status, response.getheader("Content-Type"), response.read()
    finally:
        conn.close()


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


ARTICLE = '+++\ntitle = "Harbour reopens"\ndate = 2024-03-05\noutlet = "Coast Times"\n+++\n\nThe harbour reopened to ships on Tuesday after a week of {what}.\n\n"We are back in business," harbour master Lena Fox said.\n'


def wait_for(hub: Hub, cursor: int, event: str, test=lambda data: True, timeout: float = 10.0):
    """The first `event` message after `cursor` that passes `test` (the watcher and builder run in threads)."""
    import time

    end = time.monotonic() + timeout
    while (left := end - time.monotonic()) > 0:
        for message in hub.wait(cursor, left):
            cursor = message.seq
            if message.event == event and test(message.data):
                return message.data, cursor
    raise AssertionError(f"no {event!r} event within {timeout} s")


@pytest.mark.parametrize("poll", [False, True], ids=["os-events", "polling"])
def test_end_to_end_editing_an_article_serves_the_new_page(project, poll):
    from digest.serve.session import Session

    article = project.write("harbour.md", ARTICLE.format(what="storm repairs"))
    config = project.config()
    said: list[str] = []
    session = Session(config, port=0, poll=poll, say=said.append)
    try:
        assert session.server.server_address[0] == "127.0.0.1"
        session.start()
        status, _, body = fetch(session.server, "/articles/harbour-reopens.html")
        assert status == 200 and b"storm repairs" in body and b"data-digest-serve" in body
        assert not (project.root / "site/articles/harbour-reopens.html").read_bytes().count(b"data-digest-serve")

        cursor = session.hub.cursor()
        probe = project.write("4913", "")  # how vim saves: probe, move the original aside, write anew
        probe.unlink()
        article.rename(article.with_name("harbour.md~"))
        article.write_text(ARTICLE.format(what="gale repairs"), encoding="utf-8")
        article.with_name("harbour.md~").unlink()
        data, cursor = wait_for(session.hub, cursor, "reload")
        assert "articles/harbour-reopens.html" in data["changed"]
        assert b"gale repairs" in fetch(session.server, "/articles/harbour-reopens.html")[2]

        config.write_text(config.read_text() + "\n[summary]\nsentence = 3\n", encoding="utf-8")  # a typo'd key
        data, cursor = wait_for(session.hub, cursor, "status", lambda d: d["errors"])
        assert "did you mean 'sentences'" in data["errors"][0] and "config.toml:" in data["errors"][0]
        assert b"gale repairs" in fetch(session.server, "/articles/harbour-reopens.html")[2]  # last good site

        config.write_text(config.read_text().replace("sentence = 3", "sentences = 3"), encoding="utf-8")
        data, cursor = wait_for(session.hub, cursor, "status", lambda d: not d["errors"])

        project.write("later.md", ARTICLE.replace("Harbour reopens", "Ferry returns").format(what="calm seas"))
        article.unlink()
        wait_for(session.hub, cursor, "reload", lambda d: "articles/ferry-returns.html" in d["changed"] and "articles/harbour-reopens.html" in d["changed"])
        assert fetch(session.server, "/articles/ferry-returns.html")[0] == 200
        assert fetch(session.server, "/articles/harbour-reopens.html")[0] == 404

        css = fetch(session.server, "/static/style.css")[2] + b"\nbody { outline: 1px solid red }\n"
        override = project.root / "themes/default/static/style.css"  # themes/ did not exist when serving began
        override.parent.mkdir(parents=True)
        override.write_bytes(css)
        data, cursor = wait_for(session.hub, cursor, "css")
        assert data["changed"] == ["static/style.css"] and fetch(session.server, "/static/style.css")[2] == css
    finally:
        session.stop()
    assert any("did you mean" in line for line in said)


def test_ctrl_c_stops_the_server_cleanly(project):
    import signal
    import subprocess
    import sys

    project.write("harbour.md", ARTICLE.format(what="storm repairs"))
    config = project.config()
    code = (
        "import argparse, sys; from digest.serve import add_arguments, run; p = argparse.ArgumentParser(); add_arguments(p); "
        "sys.exit(run(p.parse_args(sys.argv[1:])))"
    )
    child = subprocess.Popen([sys.executable, "-c", code, "--config", str(config), "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lines = []
        while not (line := child.stdout.readline()).startswith("Serving http://127.0.0.1:"):
            assert line, "".join(lines) + child.stderr.read()
            lines.append(line)
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == 0 and "Stopping" in out and "Traceback" not in err


def test_in_a_browser_css_swaps_in_place_errors_overlay_and_edits_reload(live, server):
    import shutil

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("Debian's chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    live.project.pages["index.html"] = '<html><head><link rel="stylesheet" href="/static/style.css"></head><body><p>v1</p></body></html>'
    live.site.rebuild()
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run"])
        try:
            tabs = browser.new_context()
            page = tabs.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
            page.wait_for_function("window.digestServeConnected === true")
            page.evaluate("window.stillHere = true")
            other_tab = tabs.new_page()  # tabs share one event stream (a SharedWorker)
            other_tab.goto(f"http://127.0.0.1:{server.server_address[1]}/404-page.html")
            other_tab.wait_for_function("window.digestServeConnected === true")
            assert live.hub.clients == 1

            live.project.pages["static/style.css"] = "p { color: rgb(200, 0, 0) }"
            live.site.rebuild(["themes/default/static/style.css"])
            page.wait_for_function("getComputedStyle(document.querySelector('p')).color === 'rgb(200, 0, 0)'", timeout=5000)
            assert page.evaluate("window.stillHere") is True  # swapped, not reloaded

            live.project.raise_ = ThemeError("template syntax error: unexpected '}'", path="templates/base.html", line=7)
            live.site.rebuild(["themes/default/templates/base.html"])
            overlay = page.wait_for_selector("[data-digest-overlay]", timeout=5000)
            assert "templates/base.html:7: template syntax error" in overlay.inner_text()

            live.project.raise_ = None
            live.project.pages["index.html"] = live.project.pages["index.html"].replace("v1", "v2")
            live.site.rebuild(["content/a.md"])
            page.wait_for_function("document.querySelector('p') && document.querySelector('p').textContent === 'v2'", timeout=5000)
            assert page.evaluate("window.stillHere") is None and page.query_selector("[data-digest-overlay]") is None
        finally:
            browser.close()
