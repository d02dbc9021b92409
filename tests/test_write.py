import sys

import pytest

from digest.errors import WriteError
from digest.slugs import SlugAllocator, slugify
from digest.urls import relative
from digest.write import SiteWriter, safe_path


def test_writer_refuses_same_path_twice_even_by_case():
    writer = SiteWriter()
    writer.add("articles/test.html", b"1")
    with pytest.raises(WriteError, match="same output file"):
        writer.add("articles/Test.html", b"2")


@pytest.mark.parametrize("path", ["../evil.html", "/etc/passwd", "a/../../b", "x\x00y", ".."])
def test_writer_refuses_paths_outside_the_output(path):
    with pytest.raises(WriteError):
        safe_path(path)


def test_commit_replaces_the_old_site_completely(tmp_path):
    out = tmp_path / "site"
    first = SiteWriter()
    first.add_all({"index.html": b"old", "gone.html": b"x"})
    first.commit(out)
    second = SiteWriter()
    second.add_all({"index.html": b"new", "days/a.html": b"d"})
    assert second.commit(out) == 2
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == ["days/a.html", "index.html"]
    assert (out / "index.html").read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # no staging or old folders left behind


def test_commit_refuses_to_replace_the_project(tmp_path):
    writer = SiteWriter()
    writer.add("index.html", b"x")
    with pytest.raises(WriteError, match="refusing to use"):
        writer.commit(tmp_path, protected=(tmp_path / "content",))


def test_slugs_are_safe_and_unique():
    assert slugify("Putin's \u201cWarning\u201d: Zelenskyy \u2014 Kyiv!") == "putin-s-warning-zelenskyy-kyiv"
    assert slugify("<script>alert(1)</script>") == "script-alert-1-script"
    assert slugify("\u0432\u0430\u0448", fallback="article") == "article"
    assert len(slugify("word " * 100)) <= 60
    allocator = SlugAllocator(("index",))
    assert [allocator.allocate(t) for t in ["Test", "test", "TEST", "index"]] == ["test", "test-2", "test-3", "index-2"]


@pytest.mark.parametrize(
    ("page", "target", "link"),
    [
        ("index.html", "days/2022-01-28.html", "days/2022-01-28.html"),
        ("days/2022-01-28.html", "articles/a.html#q-2", "../articles/a.html#q-2"),
        ("articles/a.html", "static/style.css", "../static/style.css"),
        ("speakers/index.html", "speakers/x.html", "x.html"),
        ("articles/a.html", "index.html", "../index.html"),
    ],
)
def test_relative_links(page, target, link):
    assert relative(page, target) == link


def test_crash_between_renames_is_recovered(tmp_path):
    out = tmp_path / "site"
    # What a kill -9 between the two renames leaves: the old site moved aside, no site/,
    # and a half-written staging folder.
    old = tmp_path / ".site.old"
    old.mkdir()
    (old / "index.html").write_bytes(b"old")
    (tmp_path / ".site.tmp-abc").mkdir()
    from digest.write import recover_output

    recover_output(out)
    assert (out / "index.html").read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_swap_keeps_a_site_at_every_moment(tmp_path, monkeypatch):
    """The new site replaces the old one in one exchange where the OS allows it."""
    import digest.write as write

    out = tmp_path / "site"
    first = SiteWriter()
    first.add("index.html", b"one")
    first.commit(out)
    seen = []
    real_exchange = write._exchange

    def spy(a, b):
        ok = real_exchange(a, b)
        seen.append(ok)
        assert (b / "index.html").exists()  # right after the exchange, site/ is whole
        return ok

    monkeypatch.setattr(write, "_exchange", spy)
    second = SiteWriter()
    second.add("index.html", b"two")
    second.commit(out)
    assert (out / "index.html").read_bytes() == b"two"
    assert seen == [sys.platform == "linux"]  # Linux swaps atomically with renameat2


@pytest.mark.skipif(sys.platform != "linux", reason="a spare is kept only where the folders can be exchanged")
def test_a_recycled_spare_gives_the_same_site_and_never_edits_a_served_file(tmp_path):
    out = tmp_path / "site"

    def write(files, reuse=(), spare=None):
        writer = SiteWriter(out, spare=spare, keep=True)
        for path in reuse:
            writer.reuse(path, out / path)
        writer.add_all(files)
        writer.commit()
        return writer.kept

    write({"index.html": b"1", "a.html": b"a", "b.html": b"b", "gone/x.html": b"x", "static": b"a file that becomes a folder"})
    served = tmp_path / "served-index.html"
    served.hardlink_to(out / "index.html")  # as digest serve's snapshot links it
    spare = write({"index.html": b"2", "a.html": b"a2", "gone/x.html": b"x2", "static": b"s"}, reuse=["b.html"])
    assert spare is not None and (spare / "index.html").samefile(served)  # the first site, kept
    kept_b = (out / "b.html").stat().st_ino
    spare = write({"index.html": b"3", "static/style.css": b"c", "new/y.html": b"y"}, reuse=["a.html", "b.html"], spare=spare)
    files = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert files == {"a.html": b"a2", "b.html": b"b", "index.html": b"3", "static/style.css": b"c", "new/y.html": b"y"}
    assert (out / "b.html").stat().st_ino == kept_b  # carried over, not copied
    assert served.read_bytes() == b"1"  # the recycled folder's file was replaced, not rewritten
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["site", spare.name, "served-index.html"])
    # A build without a spare (the CLI's) removes the one left behind.
    SiteWriter(out).commit()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["served-index.html", "site"]
