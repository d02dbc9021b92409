"""`digest serve`'s live reload: what a rebuild tells the browsers (reload, CSS swap, the
error overlay), the last good site kept through failures, and the same in Chromium.
The `live` and `server` fixtures are in conftest.py."""

from __future__ import annotations

import pytest

from digest.errors import ThemeError
from digest.serve.reload import Hub, inject


def test_reload_script_goes_before_the_closing_body_and_cannot_break_out():
    html = inject(b"<html><body><p>x</p></body></html>", "articles/</script>.html", "b1")
    assert html.index(b"data-digest-serve") < html.index(b"</body>")
    assert html.count(b"</script>") == 1 and b"EventSource" in html
    assert inject(b"<p>no body tag", None, None).startswith(b"<p>no body tag<script")


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
