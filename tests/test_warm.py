"""Warm rebuilds (`build(state=...)`, what `digest serve` does on every save) write exactly
the files a cold build of the same input writes."""

from __future__ import annotations

import json
import shutil

from digest.build import build
from digest.config import load_config
from digest.data import DATA_FILES, briefing_data, data_files, search_documents
from digest.warm import BuildState, Memo

from conftest import REPO


def _tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _assert_same_as_cold(project, config_path, state, step):
    report = build(load_config(config_path), state=state)
    cold = build(load_config(config_path, output=project.root / "cold"), use_cache=False)
    assert report.errors == cold.errors, step
    warm_files, cold_files = _tree(project.root / "site"), _tree(project.root / "cold")
    assert sorted(warm_files) == sorted(cold_files), step
    assert [name for name in cold_files if warm_files[name] != cold_files[name]] == [], step
    return report


def test_a_chain_of_warm_rebuilds_equals_cold_builds(project):
    config = project.config()
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    for path in seeds:
        shutil.copy(path, project.content / path.name)
    project.write("2024-05-01-harbour.md", '+++\ntitle = "Harbour"\n+++\n\nThe harbour committee met on Monday.\n\n"We will cope," Mayor Ann Lee said.\n')
    state = BuildState()
    report = _assert_same_as_cold(project, config, state, "first build")
    assert report.analysed == len(seeds) + 1

    steps = [
        ("edit", lambda: project.write("2024-05-01-harbour.md", '+++\ntitle = "Harbour, revised"\n+++\n\nThe committee changed its mind on Monday.\n\n"No bridge," Tom Hale said.\n')),
        ("add", lambda: project.write("2024-05-02-school.md", '+++\ntitle = "School"\n+++\n\nTeachers voted on Tuesday.\n\n"We accept," said Ann Lee, the mayor.\n')),
        ("copy of a story", lambda: shutil.copy(seeds[0], project.content / "copy.txt")),
        ("edit a seed", lambda: (project.content / seeds[1].name).write_text(seeds[1].read_text(encoding="utf-8") + "\nOfficials said the plan was on schedule.\n", encoding="utf-8")),
        ("rename", lambda: (project.content / seeds[2].name).rename(project.content / "2022-01-30-renamed.txt")),
        ("delete", lambda: (project.content / seeds[3].name).unlink()),
        ("delete the copy", lambda: (project.content / "copy.txt").unlink()),
        ("sidecar", lambda: project.write("2024-05-02-school.meta.toml", 'outlet = "Harbour Gazette"\n')),
        ("settings", lambda: config.write_text(config.read_text(encoding="utf-8") + "\n[summary]\nsentences = 1\nbriefing_sentences = 2\n", encoding="utf-8")),
        ("a page deleted from the site", lambda: next((project.root / "site" / "articles").glob("*.html")).unlink()),
        ("nothing", lambda: None),
    ]
    for step, change in steps:
        change()
        report = _assert_same_as_cold(project, config, state, step)
    assert report.analysed == 0 and report.pages_reused > 0


def test_a_build_in_between_is_noticed(project):
    """Another build into the same output (here with another base URL) replaces the pages
    the state remembers: the warm build must not carry them over."""
    config = project.config()
    project.write("a.md", '+++\ntitle = "A"\ndate = 2024-05-01\n+++\n\nThe harbour committee met.\n')
    state = BuildState()
    build(load_config(config), state=state)
    build(load_config(config, base_url="https://example.org/news/"))
    _assert_same_as_cold(project, config, state, "after another build")


def test_data_files_spliced_from_fragments_equal_one_json_dump(project):
    config = project.config()
    for path in sorted((REPO / "seeds").glob("*.txt")):
        shutil.copy(path, project.content / path.name)
    site = build(load_config(config), use_cache=False).site
    expected = {
        DATA_FILES[0]: (json.dumps(briefing_data(site), ensure_ascii=False, separators=(",", ":")) + "\n").encode(),
        DATA_FILES[1]: ("window.DIGEST_SEARCH_INDEX = " + json.dumps(search_documents(site), separators=(",", ":")).replace("<", "\\u003c") + ";\n").encode(),
    }
    assert data_files(site) == expected
    memo, keys = Memo(), {a.slug: a.slug for a in site.articles}
    assert data_files(site, memo, keys) == expected
    memo.sweep()
    assert data_files(site, memo, keys) == expected  # now from the memo


def test_warm_rebuilds_add_and_remove_the_pages_of_a_list(project):
    """Two articles to a page: edits that move a day or an outlet across a page boundary
    write or remove its page 2 and 3, warm exactly as cold, with no file or folder of a
    page that is gone left behind. Some keep the number of articles, so the pages are not
    re-rendered merely because the site's article count changed."""
    config = project.config()
    config.write_text(config.read_text(encoding="utf-8").replace("[site]\n", "[site]\npaginate = 2\n"), encoding="utf-8")

    def story(n: int, title: str = "", outlet: str = "Gazette", date: str = "") -> None:
        front = f'title = "{title or f"Story {n}"}"\noutlet = "{outlet}"\n' + (f"date = {date}\n" if date else "")
        project.write(f"2024-05-01-{n}.md", f'+++\n{front}+++\n\nThe council met about item {n}.\n\n"Item {n} is done," Ann Lee said.\n')

    site, state = project.root / "site", BuildState()
    pages = lambda: sorted(p.relative_to(site).as_posix() for kind in ("days", "outlets") for p in site.glob(f"{kind}/*/page/*.html"))  # noqa: E731
    d2, d3, o2, o3 = "days/2024-05-01/page/2.html", "days/2024-05-01/page/3.html", "outlets/gazette/page/2.html", "outlets/gazette/page/3.html"
    steps = [
        ("two fit on one page", lambda: (story(1), story(2)), []),
        ("a third opens page 2", lambda: story(3), [d2, o2]),
        ("two more open page 3", lambda: (story(4), story(5)), [d2, d3, o2, o3]),
        ("a retitled story moves to page 1", lambda: story(5, "A story first"), [d2, d3, o2, o3]),
        ("a story moves to another outlet", lambda: story(4, outlet="Herald"), [d2, d3, o2]),
        ("and to another day", lambda: story(4, date="2024-05-02"), [d2, o2, o3]),
        ("one deleted", lambda: (project.content / "2024-05-01-2.md").unlink(), [d2, o2]),
        ("two more deleted close page 2", lambda: [(project.content / f"2024-05-01-{n}.md").unlink() for n in (3, 4)], []),
    ]
    for step, change, expected in steps:
        change()
        _assert_same_as_cold(project, config, state, step)
        assert pages() == expected, step
    assert not (site / "days" / "2024-05-01").exists() and not (site / "outlets" / "gazette").exists()
