from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from digest.cli import main
from sitecheck import broken_links

GOOD = "+++\ntitle = \"Harbour reopens\"\ndate = 2024-03-05\noutlet = \"Coast Times\"\n+++\n\nThe harbour reopened to ships on Tuesday after a week of storm repairs.\n\n\"We are back in business,\" harbour master Lena Fox said.\n"


def run(argv, monkeypatch, cwd):
    monkeypatch.chdir(cwd)
    return main(argv)


def test_version_runs_as_a_module():
    result = subprocess.run([sys.executable, "-m", "digest", "--version"], capture_output=True, text=True, check=True)
    assert re.fullmatch(r"digest \d+\.\d+\.\d+\n", result.stdout)


def test_help_for_every_command(capsys):
    for command in ["build", "init", "inspect", "clean"]:
        with pytest.raises(SystemExit) as info:
            main([command, "--help"])
        assert info.value.code == 0
    assert "--config" in capsys.readouterr().out


def test_init_then_build(tmp_path, monkeypatch, capsys):
    target = tmp_path / "brief"
    assert run(["init", str(target)], monkeypatch, tmp_path) == 0
    assert (target / "config.toml").is_file() and (target / ".gitignore").is_file()
    assert len(list((target / "content").glob("*.md"))) == 1
    capsys.readouterr()
    assert run(["build"], monkeypatch, target) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert re.fullmatch(r"Built 1 article \(1 day, \d+ speakers?, \d+ quotes?\) into site/ in \d+\.\d\d s, 0 warnings", out[-1])
    assert (target / "site" / "index.html").is_file()
    assert broken_links(target / "site") == []


def test_init_refuses_non_empty_folder(tmp_path, capsys):
    (tmp_path / "x.txt").write_text("x")
    assert main(["init", str(tmp_path)]) == 2
    assert "already exists and is not empty" in capsys.readouterr().err


def test_one_bad_article_does_not_stop_the_others(project, monkeypatch, capsys):
    project.config()
    project.write("good.md", GOOD)
    project.write("bad.md", "+++\ntitle = 3\n+++\nBody\n")
    project.write("empty.txt", "")
    code = run(["build"], monkeypatch, project.root)
    captured = capsys.readouterr()
    assert code == 1
    assert "error: content/bad.md:2: title must be a string" in captured.err
    assert "error: content/empty.txt: the file is empty" in captured.err
    assert "Traceback" not in captured.err
    assert "Built 1 article" in captured.out
    assert (project.root / "site" / "articles" / "harbour-reopens.html").is_file()


def test_config_error_exits_2_without_traceback(project, monkeypatch, capsys):
    (project.root / "config.toml").write_text("[build]\ncontnet = 3\n")
    assert run(["build"], monkeypatch, project.root) == 2
    err = capsys.readouterr().err
    assert "config.toml:2: unknown key 'build.contnet'; did you mean 'content'?" in err
    assert "Traceback" not in err


def test_out_flag_and_quiet(project, monkeypatch, capsys):
    project.config()
    project.write("good.md", GOOD)
    assert run(["build", "-q", "--out", "elsewhere"], monkeypatch, project.root) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert captured.out.startswith("Built 1 article") and "into elsewhere/" in captured.out
    assert (project.root / "elsewhere" / "index.html").is_file()
    assert not (project.root / "site").exists()


def test_strict_turns_warnings_into_failure(project, monkeypatch, capsys):
    project.config()
    project.write("a/good.md", GOOD)
    # Same title, different story: the second gets a suffixed slug and a warning.
    project.write("b/good.md", GOOD.replace("storm repairs", "a strike by dock workers over pay and hours").replace("We are back in business", "Nothing moves today"))
    assert run(["build"], monkeypatch, project.root) == 0
    assert run(["build", "--strict"], monkeypatch, project.root) == 1
    assert "harbour-reopens-2.html" in capsys.readouterr().err


def test_project_theme_overrides_a_template(project, monkeypatch):
    project.config()
    project.write("good.md", GOOD)
    override = project.root / "themes" / "default" / "templates"
    override.mkdir(parents=True)
    (override / "404.html").write_text('{% extends "base.html" %}{% block content %}<p>Lost at sea</p>{% endblock %}')
    assert run(["build"], monkeypatch, project.root) == 0
    assert "Lost at sea" in (project.root / "site" / "404.html").read_text()


def test_broken_template_is_reported_with_its_line(project, monkeypatch, capsys):
    project.config()
    project.write("good.md", GOOD)
    override = project.root / "themes" / "default" / "templates"
    override.mkdir(parents=True)
    (override / "404.html").write_text("line one\n{% if %}\n")
    assert run(["build"], monkeypatch, project.root) == 2
    err = capsys.readouterr().err
    assert re.search(r"404\.html:2: template syntax error", err)


def test_inspect_json_keys(project, monkeypatch, capsys):
    project.write("good.md", GOOD)
    project.write("scraped.txt", "Harbour news\n\nThe harbour reopened to ships on Tuesday after a week of repairs to the storm wall, officials said.\n")
    assert run(["inspect", "content", "--json"], monkeypatch, project.root) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(records) == 2
    for record in records:
        assert {"source", "title", "outlet", "authors", "date", "date_source", "body", "summary", "quotes"} <= set(record)
        assert isinstance(record["authors"], list) and isinstance(record["summary"], list)
    good = next(r for r in records if r["source"] == "content/good.md")
    assert good["date"] == "2024-03-05" and good["title"] == "Harbour reopens" and good["outlet"] == "Coast Times"
    assert good["quotes"][0]["text"] == "We are back in business" and good["quotes"][0]["speaker"] == "Lena Fox"
    assert good["quotes"][0]["kind"] == "direct"


def test_clean_removes_output_and_cache(project, monkeypatch):
    project.config()
    project.write("good.md", GOOD)
    assert run(["build"], monkeypatch, project.root) == 0
    assert (project.root / ".digest-cache").is_dir()
    assert run(["clean"], monkeypatch, project.root) == 0
    assert not (project.root / "site").exists() and not (project.root / ".digest-cache").exists()


def test_a_bug_in_a_later_stage_is_one_line_not_a_traceback(project, monkeypatch, capsys):
    import digest.build

    project.config()
    project.write("good.md", GOOD)

    def broken_group(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(digest.build, "group", broken_group)
    assert run(["build"], monkeypatch, project.root) == 1
    err = capsys.readouterr().err
    assert err.strip() == "error: internal error (RuntimeError: boom); run again with --debug for the traceback and please report it"
    with pytest.raises(RuntimeError):
        main(["build", "--debug"])


def test_inspect_lists_every_file_even_copies_of_one_story(project, monkeypatch, capsys):
    project.write("a.md", GOOD)
    project.write("b.md", GOOD)
    assert run(["inspect", "content", "--json"], monkeypatch, project.root) == 0
    assert [json.loads(line)["source"] for line in capsys.readouterr().out.splitlines()] == ["content/a.md", "content/b.md"]


def test_every_flag_default(monkeypatch):
    """A library upgrade or a refactor must not silently change what a bare command does."""
    from digest.cli import _parser

    monkeypatch.delenv("DIGEST_BASE_URL", raising=False)
    monkeypatch.delenv("DASK_SCHEDULER_ADDRESS", raising=False)
    build = _parser().parse_args(["build"])
    assert (build.config, build.out, build.base_url, build.quiet, build.verbose, build.strict) == (None, None, None, False, False, False)
    assert (build.no_cache, build.executor, build.jobs, build.scheduler, build.debug) == (False, "auto", None, None, False)
    serve = _parser().parse_args(["serve"])
    assert (serve.port, serve.bind, serve.no_reload, serve.poll, serve.open, serve.config, serve.out) == (8000, "127.0.0.1", False, False, False, None, None)
    publish = _parser().parse_args(["publish"])
    assert (publish.remote, publish.branch, publish.cname, publish.dry_run, publish.force) == ("origin", "gh-pages", None, False, False)
    assert _parser().parse_args(["init", "x"]).github_actions is False
    inspect = _parser().parse_args(["inspect", "a.txt"])
    assert (inspect.json, inspect.config) == (False, None)
