"""`digest serve` end to end: a real session watching a project, and Ctrl-C."""

from __future__ import annotations

import pytest

from digest.serve.reload import Hub

from conftest import fetch


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
