"""Two builds of the same input are byte-identical, whatever the hash seed or executor."""

from __future__ import annotations

import os
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
