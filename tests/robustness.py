"""Issue 10, "Nothing breaks it": bad and hostile input through the command line.

Every bad file gets one plain message naming it (and its line where there is one), the
other articles still build, no traceback is shown unless --debug, and the exit code says
what happened: 0 built, 1 some articles failed, 2 config or template error.

This module holds what the test_robustness_* modules share: a good article to build beside
the bad input, a build through the command line, and a check that a built site is clean.
"""

from __future__ import annotations

import re
import xml.dom.minidom
from pathlib import Path

from digest.cli import main

GOOD = (
    '+++\ntitle = "Harbour reopens"\ndate = 2024-03-05\noutlet = "Coast Times"\n+++\n\n'
    "The harbour reopened to ships on Tuesday after a week of storm repairs.\n\n"
    '"We are back in business," harbour master Lena Fox said.\n'
)
GOOD_PAGE = Path("site/articles/harbour-reopens.html")
SCRAPED = (
    "Tram line opens in the old town\n\n"
    "The new tram line opened on Monday after three years of building work, the city said.\n\n"
    "Riders said the trip to the station now takes twelve minutes instead of thirty.\n"
)
# Text a user would never see in a page: the marks of a crash or of unescaped input.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


def build(project, monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    monkeypatch.chdir(project.root)
    code = main(["build", "--no-cache", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def site_files(root: Path) -> list[Path]:
    return [p for p in (root / "site").rglob("*") if p.is_file()]


def assert_clean_site(root: Path) -> None:
    """Every page is valid UTF-8 without control characters; every XML file parses."""
    for path in site_files(root):
        if path.suffix not in (".html", ".xml", ".js", ".json", ".txt"):
            continue
        text = path.read_bytes().decode("utf-8")
        assert not CONTROL.search(text), (path, CONTROL.search(text))
        if path.suffix == ".xml":
            xml.dom.minidom.parseString(text.encode("utf-8"))


# A real image, for a file that is not text.
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4"
    b"\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)
