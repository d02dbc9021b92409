"""`digest publish`: the site lands on gh-pages in a local bare remote; the user's checkout is left alone."""

from __future__ import annotations

import argparse
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from digest import publish
from digest.errors import DigestError
from digest.publish import GITHUB_WORKFLOW, DEFAULT_MESSAGE, PublishError, github_pages_url

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

ARTICLE = """+++
title = "Harbour ferry returns after repairs"
date = 2024-03-05
outlet = "Test Gazette"
+++

The harbour ferry carried passengers again on Tuesday after three weeks of engine repairs.

"We missed the crossing more than we expected," said Mara Lind, who rides it to work every day.

The operator said the timetable is unchanged and that a second boat will join in the summer.
"""


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture
def repo(tmp_path: Path, monkeypatch):
    """A source repository on main with a committed article and config, and an empty bare remote."""
    empty = tmp_path / "gitconfig"
    empty.write_text("", encoding="utf-8")
    for key, value in {
        "GIT_CONFIG_GLOBAL": str(empty),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Test Author",
        "GIT_AUTHOR_EMAIL": "author@example.com",
        "GIT_COMMITTER_NAME": "Test Author",
        "GIT_COMMITTER_EMAIL": "author@example.com",
    }.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("DIGEST_BASE_URL", raising=False)
    src = tmp_path / "src"
    (src / "content").mkdir(parents=True)
    (src / "content" / "2024-03-05-ferry.md").write_text(ARTICLE, encoding="utf-8")
    (src / "config.toml").write_text('[site]\ntitle = "Test briefing"\n\n[build]\ncontent = ["content"]\noutput = "site"\n', encoding="utf-8")
    (src / ".gitignore").write_text("site/\n.digest-cache/\n", encoding="utf-8")
    git(src, "init", "-q")
    git(src, "symbolic-ref", "HEAD", "refs/heads/main")
    git(src, "add", "-A")
    git(src, "commit", "-q", "-m", "sources")
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", str(remote))
    git(src, "remote", "add", "origin", remote.as_uri())
    return SimpleNamespace(src=src, remote=remote, config=src / "config.toml")


@pytest.fixture
def fake_build(monkeypatch):
    """Stands in for the pipeline: writes the given files and reports the given errors."""
    state = SimpleNamespace(files={"index.html": "<h1>{base_url}</h1>", "feed.xml": "<feed/>"}, errors=[], articles=1)

    def build(config):
        out = Path(config.output)
        shutil.rmtree(out, ignore_errors=True)
        for name, text in state.files.items():
            (out / name).parent.mkdir(parents=True, exist_ok=True)
            (out / name).write_text(text.format(base_url=config.base_url), encoding="utf-8")
        return SimpleNamespace(errors=list(state.errors), warnings=[], articles=state.articles, summary_line=lambda output: "Built")

    monkeypatch.setattr(publish, "_build", build)
    return state


def run_publish(repo, *argv: str) -> int:
    parser = argparse.ArgumentParser()
    publish.add_arguments(parser)
    return publish.run(parser.parse_args(["--config", str(repo.config), *argv]))


def remote_tree(repo, ref: str = "gh-pages") -> set[str]:
    return set(git(repo.remote, "ls-tree", "-r", "--name-only", ref).splitlines())


def user_state(repo) -> tuple[str, ...]:
    return (
        git(repo.src, "symbolic-ref", "HEAD"),
        git(repo.src, "rev-parse", "HEAD"),
        git(repo.src, "ls-files", "--stage"),
        git(repo.src, "status", "--porcelain", "--untracked-files=all", "--ignored"),
    )


def test_two_publishes_stack_on_the_branch_and_leave_the_checkout_alone(repo, fake_build, capsys):
    before = user_state(repo)
    assert run_publish(repo, "--cname", "news.example.com") == 0
    first = git(repo.remote, "rev-parse", "gh-pages")
    assert remote_tree(repo) == {"index.html", "feed.xml", ".nojekyll", "CNAME"}
    assert git(repo.remote, "show", "gh-pages:CNAME") == "news.example.com"
    # No --base-url and none configured: the custom domain is the site's address.
    assert git(repo.remote, "show", "gh-pages:index.html") == "<h1>https://news.example.com/</h1>"
    assert git(repo.remote, "log", "-1", "--format=%s", "gh-pages") == DEFAULT_MESSAGE

    fake_build.files = {"index.html": "<h1>second</h1>", "day/2024-03-05.html": "day"}  # feed.xml is gone
    assert run_publish(repo, "-m", "Second edition") == 0
    history = git(repo.remote, "log", "--format=%H %P %s", "gh-pages").splitlines()
    assert len(history) == 2
    second, parent, subject = history[0].split(" ", 2)
    assert parent == first and subject == "Second edition"
    # The whole tree is replaced; CNAME survives a publish without --cname; no sources ship.
    assert remote_tree(repo) == {"index.html", "day/2024-03-05.html", ".nojekyll", "CNAME"}
    assert git(repo.remote, "show", "gh-pages:CNAME") == "news.example.com"
    assert git(repo.src, "rev-parse", "gh-pages") == second
    assert user_state(repo)[:3] == before[:3]
    assert git(repo.src, "status", "--porcelain") == ""  # site/ is ignored, nothing else changed
    assert "Published to origin/gh-pages" in capsys.readouterr().out


def test_publish_on_top_of_the_remote_branch_from_a_fresh_clone(repo, fake_build):
    assert run_publish(repo) == 0
    first = git(repo.remote, "rev-parse", "gh-pages")
    git(repo.src, "branch", "-D", "gh-pages")  # as if publishing from another machine
    fake_build.files = {"index.html": "new"}
    assert run_publish(repo) == 0
    assert git(repo.remote, "rev-parse", "gh-pages^") == first


def test_unchanged_site_makes_no_new_commit(repo, fake_build, capsys):
    run_publish(repo, "--base-url", "https://example.org/news/")
    run_publish(repo, "--base-url", "https://example.org/news/")
    assert len(git(repo.remote, "log", "--format=%H", "gh-pages").splitlines()) == 1
    assert "nothing new to commit" in capsys.readouterr().out


def test_dry_run_changes_nothing(repo, fake_build, capsys):
    before = user_state(repo)
    assert run_publish(repo, "--dry-run") == 0
    out = capsys.readouterr().out
    assert "Would commit 2 site files + .nojekyll" in out and "'gh-pages'" in out and "origin" in out
    assert git(repo.remote, "for-each-ref") == "" and git(repo.src, "branch", "--list", "gh-pages") == ""
    assert not (repo.src / "site").exists()
    assert user_state(repo) == before


def test_empty_base_url_warns_that_feeds_need_it(repo, fake_build, capsys):
    assert run_publish(repo) == 0
    assert "feeds and the sitemap need" in capsys.readouterr().err


@pytest.mark.parametrize(
    "url, pages",
    [
        ("https://github.com/Alice/news-brief.git", "https://alice.github.io/news-brief/"),
        ("git@github.com:alice/news-brief.git", "https://alice.github.io/news-brief/"),
        ("ssh://git@github.com/alice/alice.github.io", "https://alice.github.io/"),
        ("https://gitlab.com/alice/news-brief.git", None),
    ],
)
def test_github_pages_address_is_derived_from_the_remote(url, pages):
    assert github_pages_url(url) == pages


def test_refuses_outside_a_git_repository(tmp_path, fake_build):
    (tmp_path / "config.toml").write_text('[build]\ncontent = ["content"]\n', encoding="utf-8")
    with pytest.raises(PublishError, match="not in a git repository.*git init"):
        run_publish(SimpleNamespace(config=tmp_path / "config.toml"))


def test_refuses_an_unknown_remote(repo, fake_build):
    with pytest.raises(PublishError, match="no git remote named 'upstream'.*origin.*git remote add upstream"):
        run_publish(repo, "--remote", "upstream")


def test_refuses_when_the_output_folder_is_committed(repo, fake_build):
    (repo.src / "site").mkdir()
    (repo.src / "site" / "index.html").write_text("old", encoding="utf-8")
    git(repo.src, "add", "-f", "site/index.html")
    git(repo.src, "commit", "-q", "-m", "oops")
    with pytest.raises(PublishError, match=r"site/ is committed.*git rm -r --cached site"):
        run_publish(repo)


def test_refuses_to_publish_article_errors_unless_forced(repo, fake_build, capsys):
    fake_build.errors = ["content/bad.txt: not UTF-8"]
    with pytest.raises(DigestError, match="failed to build.*--force") as caught:
        run_publish(repo)
    assert caught.value.exit_code == 1
    assert git(repo.remote, "for-each-ref") == ""
    assert "content/bad.txt" in capsys.readouterr().err
    assert run_publish(repo, "--force") == 0
    assert "index.html" in remote_tree(repo)


def test_refuses_an_empty_build(repo, fake_build):
    fake_build.articles = 0
    with pytest.raises(DigestError, match="no articles.*emptied"):
        run_publish(repo)
    assert git(repo.remote, "for-each-ref") == ""


def test_refuses_when_the_branch_is_checked_out(repo, fake_build):
    git(repo.src, "switch", "-q", "-c", "gh-pages")
    with pytest.raises(PublishError, match="checked out"):
        run_publish(repo)


def test_refuses_without_git(repo, fake_build, monkeypatch):
    monkeypatch.setattr(publish.shutil, "which", lambda name: None)
    with pytest.raises(PublishError, match="git is not installed"):
        run_publish(repo)


def test_refuses_an_unreachable_remote(repo, fake_build):
    git(repo.src, "remote", "set-url", "origin", (repo.remote.parent / "missing.git").as_uri())
    with pytest.raises(PublishError, match="cannot reach remote 'origin'"):
        run_publish(repo)


def test_rejected_push_says_the_commit_is_kept_locally(repo, fake_build):
    hook = repo.remote / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'pages are frozen' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    with pytest.raises(PublishError, match="git push origin gh-pages failed.*local branch 'gh-pages'"):
        run_publish(repo)
    assert git(repo.remote, "for-each-ref") == ""
    assert git(repo.src, "ls-tree", "--name-only", "gh-pages").splitlines() == [".nojekyll", "feed.xml", "index.html"]


def test_real_build_publishes_the_site_without_sources(repo):
    pytest.importorskip("digest.build", reason="the pipeline does not import yet")
    assert run_publish(repo, "--base-url", "https://example.org/brief/") == 0
    tree = remote_tree(repo)
    assert {"index.html", ".nojekyll"} <= tree
    assert not any(name.endswith((".md", ".toml")) or name.startswith((".digest-cache", "content/")) for name in tree)


def test_github_workflow_builds_with_the_pages_address_and_deploys():
    workflow = yaml.safe_load(GITHUB_WORKFLOW)
    assert workflow["permissions"]["pages"] == "write" and workflow["permissions"]["id-token"] == "write"
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    uses = {step["uses"].split("@")[0] for step in steps if "uses" in step}
    assert {"actions/checkout", "actions/setup-python", "actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= uses
    build = next(step for step in steps if step.get("run", "").startswith("digest build"))
    assert "steps.pages.outputs.base_url" in build["env"]["DIGEST_BASE_URL"]
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"].rstrip("/") == "site"  # build.output's default
