from __future__ import annotations

import datetime as dt
import http.client
import threading
from collections.abc import Iterable
from pathlib import Path
from types import SimpleNamespace

import pytest

from digest.serve.live import LiveSite
from digest.serve.reload import Hub
from digest.serve.server import DevServer, make_server
from digest.write import SiteWriter

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture
def project(tmp_path: Path):
    """A small project folder: write(name, text) adds an article to content/."""

    class Project:
        root = tmp_path
        content = tmp_path / "content"

        def write(self, name: str, text: str | bytes) -> Path:
            path = self.content / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(text, encoding="utf-8")
            return path

        def config(self, extra: str = "") -> Path:
            path = tmp_path / "config.toml"
            path.write_text(f'[site]\ntitle = "Test briefing"\n\n[build]\ncontent = ["content"]\noutput = "site"\n{extra}', encoding="utf-8")
            return path

    Project.content.mkdir()
    return Project()


# ------------------------------------------------------------------ digest serve
# A fake project, the live site over it and the dev server: test_serve_live.py and
# test_serve_http.py both use them; fetch() is used by test_serve_session.py too.

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


TOPICS = ("harbour", "budget", "bridge", "school", "transit", "library", "market", "stadium", "tram", "museum", "ferry")
PEOPLE = ("Ana Ruiz", "Tom Becker", "Lena Ortiz", "Sam Okafor", "Mia Chen")


def write_dated_articles(folder: Path, dates: Iterable[dt.date]) -> int:
    """One short dated Markdown article with a quote per date, each its own story; returns how many."""
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for count, day in enumerate(dates, 1):
        topic, other, person = TOPICS[count % 11], TOPICS[count % 7], PEOPLE[count % 5]
        (folder / f"{day.isoformat()}-{count}.md").write_text(
            f'+++\ntitle = "Council weighs the {topic} plan, item {count}"\ndate = {day.isoformat()}\noutlet = "Example Gazette"\n+++\n\n'
            f"The council met on {day:%A %d %B %Y} and spent {count * 7 % 90 + 10} minutes on the {topic} plan, number {count}.\n\n"
            f'"The {topic} work cannot wait for the {other} review," {person} said after the meeting.\n\n'
            f"A vote on the {other} budget of {count * 13 % 400 + 20} million is due in {day + dt.timedelta(days=30):%B}.\n",
            encoding="utf-8",
        )
    return count
