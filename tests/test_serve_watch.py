"""`digest serve`: rebuild scheduling (debounce) and which file events start a build."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from watchdog.events import DirModifiedEvent, FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent

from digest.serve.debounce import Debouncer, Rebuilder
from digest.serve.watch import WatchRules, event_reason


def rebuilder(on_build=lambda reasons: None):
    """A Rebuilder on a fake clock (set clock.now) with the debounce defaults `digest serve` uses."""
    clock, built = SimpleNamespace(now=0.0), []
    return Rebuilder(lambda reasons: (built.append(reasons), on_build(reasons)), Debouncer(), lambda: clock.now), clock, built


def test_a_burst_of_a_thousand_events_in_a_second_gives_at_most_two_builds():
    r, clock, built = rebuilder()
    for i in range(1000):
        clock.now = i / 1000
        r.notify(f"content/a{i}.md")
        r.step()
    for t in (1.0, 1.2, 2.0, 5.0):
        clock.now = t
        r.step()
    assert 1 <= len(built) <= 2
    assert sum(len(b) for b in built) >= 50  # the paths are reported, capped


def test_a_save_builds_once_after_the_events_go_quiet():
    r, clock, built = rebuilder()
    for t, name in ((0.0, "content/4913"), (0.01, "content/a.md"), (0.02, "content/a.md")):
        clock.now = t
        r.notify(name)
    clock.now = 0.1
    assert not r.step() and built == []
    clock.now = 0.2
    assert r.step() and built == [["content/4913", "content/a.md"]]
    clock.now = 10
    assert not r.step()


def test_changes_during_a_build_queue_exactly_one_more_build():
    def slow_build(reasons):
        if len(built) == 1:  # the user keeps saving while the first build runs
            for i in range(20):
                clock.now += 0.05
                r.notify(f"content/b{i}.md")

    r, clock, built = rebuilder(slow_build)
    r.notify("content/a.md")
    clock.now = 0.2
    assert r.step()
    assert not r.step()  # the events wait their quiet period after the build ended
    clock.now += 0.2
    assert r.step()
    for t in (5, 10):
        clock.now += t
        assert not r.step()
    assert len(built) == 2 and len(built[1]) == 20


@pytest.fixture
def rules(tmp_path):
    for folder in ("content", "themes/default/templates", "site", ".digest-cache"):
        (tmp_path / folder).mkdir(parents=True)
    return WatchRules.make(
        tmp_path, tmp_path / "config.toml", [tmp_path / "content"], [tmp_path / "themes/default"], [tmp_path / "site", tmp_path / ".digest-cache"]
    )


@pytest.mark.parametrize("name", ["a.md~", ".a.md.swp", ".a.md.swx", "4913", ".#a.md", "#a.md#", "a.md___jb_tmp___", ".goutputstream-XYZ1", ".hidden.md"])
def test_editor_temporaries_are_ignored(rules, tmp_path, name):
    assert rules.reason(tmp_path / "content" / name) is None


def test_articles_config_and_themes_trigger_but_output_and_cache_do_not(rules, tmp_path):
    assert rules.reason(tmp_path / "content/sub/a.md") == "content/sub/a.md"
    assert rules.reason(tmp_path / "config.toml") == "config.toml"
    assert rules.reason(tmp_path / "themes/default/templates/base.html") == "themes/default/templates/base.html"
    assert rules.reason(tmp_path / "content/photo.jpg") is None
    assert rules.reason(tmp_path / "site/index.html") is None
    assert rules.reason(tmp_path / ".digest-cache/ab.pickle") is None
    assert rules.reason(tmp_path / "content/.git/objects/x.txt") is None
    assert rules.reason(tmp_path / "notes.txt") is None


def test_output_inside_a_content_folder_is_ignored(tmp_path):
    rules = WatchRules.make(tmp_path, tmp_path / "config.toml", [tmp_path], [], [tmp_path / "site"])
    assert rules.reason(tmp_path / "site/articles/a.html") is None
    assert rules.reason(tmp_path / "a.html") == "a.html"


def test_rename_on_save_new_and_deleted_files_are_seen(rules, tmp_path):
    c = str(tmp_path / "content")
    assert event_reason(rules, FileMovedEvent(f"{c}/a.md", f"{c}/a.md~")) == "content/a.md"  # vim: backup by rename
    assert event_reason(rules, FileMovedEvent(f"{c}/.a.md.tmp", f"{c}/a.md")) == "content/a.md"  # write-then-rename
    assert event_reason(rules, FileCreatedEvent(f"{c}/new.txt")) == "content/new.txt"
    assert event_reason(rules, FileDeletedEvent(f"{c}/old.txt")) == "content/old.txt"
    assert event_reason(rules, FileModifiedEvent(f"{c}/.a.md.swp")) is None
    assert event_reason(rules, DirModifiedEvent(c)) is None


def test_watch_plan_covers_each_folder_once(rules, tmp_path):
    plan = rules.plan()
    assert (tmp_path.resolve() / "content", True) in plan
    assert (tmp_path.resolve() / "themes", True) in plan
    assert (tmp_path.resolve(), False) in plan  # for config.toml
    assert (tmp_path.resolve() / "themes/default", True) not in plan  # inside themes/ already
