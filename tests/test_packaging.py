"""The package ships every subpackage and the default theme (a wheel, not just a checkout)."""

from __future__ import annotations

import tomllib
import zipfile

import pytest

from conftest import REPO


def test_every_subpackage_is_listed_in_pyproject():
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {"digest"} | {
        "digest." + p.parent.relative_to(REPO / "digest").as_posix().replace("/", ".") for p in (REPO / "digest").rglob("__init__.py") if p.parent != REPO / "digest"
    }
    assert found | {"digest.themes"} == listed


@pytest.mark.slow
def test_wheel_contains_the_default_theme(tmp_path):
    build = pytest.importorskip("setuptools.build_meta")
    import os

    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        name = build.build_wheel(str(tmp_path))
    finally:
        os.chdir(cwd)
    names = zipfile.ZipFile(tmp_path / name).namelist()
    assert "digest/themes/default/templates/index.html" in names
    assert "digest/themes/default/static/style.css" in names
    assert "digest/themes/default/static/search.js" in names
    assert "digest/cli.py" in names
