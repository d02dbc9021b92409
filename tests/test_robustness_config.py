"""Issue 10 (see robustness.py): a broken config or template exits 2 and writes nothing
(the last good site stays); a crash inside a stage costs one article, with a traceback only
under --debug."""

from __future__ import annotations

import pytest

from robustness import GOOD, GOOD_PAGE, PNG, SCRAPED, build


# ------------------------------------------------------------------ config and templates: exit 2, nothing written

@pytest.mark.parametrize(
    ("config", "messages"),
    [
        ('[site]\ntitle = "Brief\n', ["config.toml:2: TOML syntax error"]),
        ("[site]\ntitle = 'x'\ntitle = 'y'\n", ["config.toml:3: TOML syntax error"]),
        ('[site]\ntitel = "x"\n[bulid]\n', ["config.toml:2: unknown key 'site.titel'; did you mean 'title'?", "config.toml:3: unknown key 'bulid'; did you mean 'build'?"]),
        ('[summary]\nsentences = "three"\nmax_words = true\n', ["config.toml:2: summary.sentences must be an integer", "config.toml:3: summary.max_words must be an integer, not true/false"]),
        ('site = "My briefing"\n', ["config.toml:1: [site] must be a table"]),
        ('[build]\ncontent = "content"\n', ["config.toml:2: build.content must be a list"]),
    ],
)
def test_a_broken_config_exits_2_and_writes_nothing(project, monkeypatch, capsys, config, messages):
    (project.root / "config.toml").write_text(config, encoding="utf-8")
    project.write("good.md", GOOD)
    code, out, err = build(project, monkeypatch, capsys)
    assert code == 2
    for message in messages:
        assert message in err
    assert "Traceback" not in err
    assert not (project.root / "site").exists()


def test_a_config_that_is_not_text_is_a_plain_error(project, monkeypatch, capsys):
    (project.root / "config.toml").write_bytes(PNG)
    code, out, err = build(project, monkeypatch, capsys)
    assert code == 2
    assert err.startswith("error: config.toml: cannot read the config file") and "Traceback" not in err


def override(project, name: str, text: str) -> None:
    folder = project.root / "themes" / "default" / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ('{% extends "nowhere.html" %}', "template 'nowhere.html' (needed by 404.html) not found"),
        ("<p>\n{% for x in %}\n", "404.html:2: template syntax error"),
        ("{{ site.no_such_field.deeper }}", "404.html"),
    ],
)
def test_a_missing_or_broken_template_exits_2_and_keeps_the_old_site(project, monkeypatch, capsys, template, message):
    project.config()
    project.write("good.md", GOOD)
    assert build(project, monkeypatch, capsys)[0] == 0
    before = (project.root / GOOD_PAGE).read_bytes()
    override(project, "404.html", template)
    code, out, err = build(project, monkeypatch, capsys)
    assert code == 2
    assert message in err and "Traceback" not in err
    assert (project.root / GOOD_PAGE).read_bytes() == before  # the last good site is still there


# ------------------------------------------------------------------ internal errors

def test_a_crash_in_a_stage_costs_one_article_and_debug_shows_the_traceback(project, monkeypatch, capsys):
    import digest.analyse

    project.config()
    project.write("good.md", GOOD)
    project.write("trigger.txt", SCRAPED)
    real = digest.analyse.summarize

    def summarize(paragraphs, **kwargs):
        if any("tram line" in p.text for p in paragraphs):
            raise ZeroDivisionError("boom")
        return real(paragraphs, **kwargs)

    monkeypatch.setattr(digest.analyse, "summarize", summarize)
    code, out, err = build(project, monkeypatch, capsys, "--executor", "serial")
    assert code == 1
    assert "error: content/trigger.txt: could not analyse this article (ZeroDivisionError: boom)" in err
    assert "Traceback" not in err
    assert (project.root / GOOD_PAGE).is_file()
    code, out, err = build(project, monkeypatch, capsys, "--executor", "serial", "--debug")
    assert code == 1 and "Traceback (most recent call last)" in err and "ZeroDivisionError: boom" in err
