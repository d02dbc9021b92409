"""Two builds of the same input are byte-identical, whatever the hash seed or executor."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import REPO


def _tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_builds_are_byte_identical(tmp_path):
    outputs = []
    for seed, executor in (("1", "serial"), ("2", "process")):
        out = tmp_path / f"site-{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-m", "digest", "build", "-q", "--no-cache", "--executor", executor, "--out", str(out)],
            cwd=REPO, env=env, check=True, capture_output=True,
        )
        outputs.append(_tree(out))
    first, second = outputs
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_incremental_rebuild_equals_a_clean_build(project, monkeypatch, capsys):
    """Pages carried over from the last build, and pages rendered again, together give
    exactly the site a build from scratch gives."""
    from digest.cli import main

    project.config()
    stories = {
        "a": "The harbour committee met on Monday to discuss dredging the eastern channel before winter.",
        "b": "Teachers at the north school voted to accept a new timetable after months of talks.",
        "c": "A storm cut power to four villages overnight and crews were still at work at noon.",
    }
    for day, (name, text) in enumerate(stories.items(), start=1):
        project.write(f"2024-05-0{day}-{name}.md", f'+++\ntitle = "Story {name}"\n+++\n\n{text}\n\n"We will cope," Mayor Ann Lee said.\n')
    monkeypatch.chdir(project.root)
    assert main(["build", "-q"]) == 0
    project.write("2024-05-02-b.md", '+++\ntitle = "Story b, revised"\n+++\n\nThe b committee changed its mind.\n\n"No bridge," Tom Hale said.\n')
    capsys.readouterr()
    assert main(["build", "-v"]) == 0
    reused = int(re.search(r"(\d+) pages unchanged", capsys.readouterr().out).group(1))
    assert reused >= 2  # the other two articles' pages were carried over
    incremental = _tree(project.root / "site")
    assert main(["build", "-q", "--no-cache", "--out", "fresh"]) == 0
    fresh = _tree(project.root / "fresh")
    assert sorted(incremental) == sorted(fresh)
    assert [name for name in fresh if incremental[name] != fresh[name]] == []
    assert "Tom Hale" in incremental["speakers/tom-hale.html"].decode()
