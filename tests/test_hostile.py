"""Hostile text in articles is escaped in every context and never escapes the output folder."""

from __future__ import annotations

import json

from digest.cli import main

HOSTILE = """+++
title = "<script>alert('t')</script> Budget \\"><img src=x onerror=alert(1)>"
outlet = "../../etc <b>Outlet</b>"
authors = ["<svg onload=alert(2)>", "Jo \\u202eReporter"]
url = "javascript:alert(3)"
date = 2024-02-03
+++

The council met on Saturday and argued about the <script>alert(4)</script> budget for a long time, members said.

"We will not accept </script><script>alert(5)</script> this," Mayor Ann Lee said.
"""


def test_hostile_front_matter_and_text_are_escaped_everywhere(project, monkeypatch, capsys):
    project.config()
    project.write("evil.md", HOSTILE)
    monkeypatch.chdir(project.root)
    assert main(["build"]) == 0
    site = project.root / "site"
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".js"):  # JSON data keeps text as written
            text = path.read_text(encoding="utf-8")
            for payload in ("<script>alert", "<img src=x", "<svg onload", "<b>Outlet"):
                assert payload not in text, (path, payload)
            assert 'href="javascript:' not in text, path
    # Nothing was written outside the output folder.
    assert sorted(p.name for p in project.root.iterdir()) == [".digest-cache", "config.toml", "content", "site"]
    data = json.loads((site / "data" / "briefing.json").read_text(encoding="utf-8"))
    assert data["articles"][0]["title"].startswith("<script>alert('t')</script>")  # data keeps the text as written
