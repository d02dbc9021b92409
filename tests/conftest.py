from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

import pytest

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
