from __future__ import annotations

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
