from pathlib import Path

import pytest

from digest.config import load_config, render_default_config
from digest.errors import ConfigError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = load_config(None)
    assert config.path is None
    assert [c.name for c in config.content] == ["seeds"]
    assert config.output.name == "site"
    assert config.summary_algorithm == "default"


def test_paths_are_relative_to_the_config_file(tmp_path):
    sub = tmp_path / "proj"
    sub.mkdir()
    config = load_config(write(sub, '[build]\ncontent = ["a", "b"]\noutput = "out"\n'))
    assert config.content == (sub / "a", sub / "b")
    assert config.output == sub / "out"


def test_all_problems_reported_at_once_with_lines_and_hints(tmp_path):
    path = write(
        tmp_path,
        '[site]\ntitel = "x"\n\n[summary]\nsentences = "three"\nalgorithm = "textrank"\n\n[bild]\nx = 1\n',
    )
    with pytest.raises(ConfigError) as info:
        load_config(path)
    problems = info.value.problems
    text = "\n".join(problems)
    assert f"{path}:2: unknown key 'site.titel'; did you mean 'title'?" in text
    assert f"{path}:5: summary.sentences must be an integer" in text
    assert "did you mean 'text-rank'?" in text
    assert "unknown key 'bild'; did you mean 'build'?" in text
    assert len(problems) == 4


def test_toml_syntax_error_names_the_line(tmp_path):
    path = write(tmp_path, '[site]\ntitle = "unclosed\n')
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value).startswith(f"{path}:2: TOML syntax error")


def test_bool_is_not_an_integer(tmp_path):
    with pytest.raises(ConfigError, match="summary.sentences must be an integer, not true/false"):
        load_config(write(tmp_path, "[summary]\nsentences = true\n"))


def test_bad_timezone_and_base_url(tmp_path):
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, '[site]\ntimezone = "Mars/Olympus"\nbase_url = "example.com"\n'))
    text = str(info.value)
    assert "unknown time zone 'Mars/Olympus'" in text
    assert "base_url must start with http:// or https://" in text


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="no such config file"):
        load_config(tmp_path / "nope.toml")


def test_default_config_text_is_valid_and_documents_every_key(tmp_path):
    text = render_default_config()
    config = load_config(write(tmp_path, text))
    assert config.title == "News briefing"
    for key in ("title", "base_url", "content", "output", "theme", "algorithm", "sentences", "max_words", "timezone", "paginate"):
        assert f"\n{key} = " in text


def test_paginate_must_be_a_positive_whole_number(tmp_path):
    assert load_config(write(tmp_path, "[site]\ntitle = 'x'\n")).paginate == 50
    assert load_config(write(tmp_path, "[site]\npaginate = 0\n")).paginate == 50  # 0 means the default
    assert load_config(write(tmp_path, "[site]\npaginate = 7\n")).paginate == 7
    for value, message in (("-5", "site.paginate must be a positive number of items per page such as 50 (or 0 for that default), got -5"),
                           ("2.5", "site.paginate must be an integer, got a number 2.5"),
                           ('"ten"', "site.paginate must be an integer, got a string 'ten'")):
        path = write(tmp_path, f"[site]\ntitle = 'x'\npaginate = {value}\n")
        with pytest.raises(ConfigError) as info:
            load_config(path)
        assert info.value.problems == [f"{path}:3: {message}"]
