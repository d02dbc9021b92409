"""Issue 10 (see robustness.py): the content folder and the names in it. Missing or empty
folders, symlink loops, unreadable files, unprintable file names, and hostile titles,
outlets and URLs are named or escaped, and nothing is written outside the site."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from robustness import GOOD, GOOD_PAGE, SCRAPED, assert_clean_site, build, site_files


# ------------------------------------------------------------------ the content folder

def test_a_content_folder_with_no_articles_warns(project, monkeypatch, capsys):
    project.config()
    project.write("notes.pdf", "not an article")
    project.write("sub/.hidden.txt", "not an article either")
    code, out, err = build(project, monkeypatch, capsys)
    assert code == 0
    assert "warning: no articles found in content/" in err
    assert "Built 0 articles" in out
    code, out, err = build(project, monkeypatch, capsys, "--strict")
    assert code == 1


def test_a_missing_content_folder_is_named(project, monkeypatch, capsys):
    project.config()
    project.content.rmdir()
    code, out, err = build(project, monkeypatch, capsys)
    assert "warning: content: content folder not found (check build.content in config.toml)" in err
    assert "Traceback" not in err


def test_symlink_loops_and_dangling_links_are_skipped(project, monkeypatch, capsys):
    project.config()
    project.write("good.md", GOOD)
    (project.content / "sub").mkdir()
    os.symlink("..", project.content / "sub" / "up")  # a folder loop
    os.symlink("self.txt", project.content / "self.txt")
    os.symlink("b.txt", project.content / "a.txt")
    os.symlink("a.txt", project.content / "b.txt")
    os.symlink("missing.txt", project.content / "gone.txt")
    code, out, err = build(project, monkeypatch, capsys)
    assert code == 0
    for name in ("self.txt", "a.txt", "b.txt"):
        assert f"warning: content/{name}: symlink loop, skipped" in err
    assert "warning: content/gone.txt: broken symlink or unreadable path, skipped" in err
    assert "Built 1 article" in out


def test_an_unreadable_file_is_named_and_the_others_build(project, monkeypatch, capsys):
    # Tests run as root, where chmod 000 does not stop reading: simulate the refusal.
    project.config()
    project.write("good.md", GOOD)
    secret = project.write("secret.txt", SCRAPED)
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == secret.name:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    code, out, err = build(project, monkeypatch, capsys)
    assert code == 1
    assert "error: content/secret.txt: cannot read the file (Permission denied); check its permissions" in err
    assert (project.root / GOOD_PAGE).is_file()


def test_file_names_that_cannot_be_printed_are_shown_safely(project, monkeypatch, capsys):
    project.config()
    os.makedirs(project.content, exist_ok=True)
    for raw, sentence in [
        (b"bad\xffname.txt", "The ferry ran late on Monday after the storm, the port said."),
        (b"new\nline.txt", "The library opened a new wing on Tuesday, staff said."),
        (b"invoice\xe2\x80\xaetxt.exe.txt", "The market moved to the square on Wednesday, traders said."),
        (b'"><img src=x onerror=alert(1)>.txt', "The museum reopened on Thursday after repairs, its director said."),
    ]:
        with open(os.path.join(os.fsencode(project.content), raw), "wb") as handle:
            handle.write(f"Town news\n\n{sentence}\n".encode())
    project.write("empty\x01.txt", "")
    code, out, err = build(project, monkeypatch, capsys)
    assert code == 1
    assert "error: content/empty\ufffd.txt: the file is empty" in err  # one line, no raw control character
    assert "Built 4 articles" in out
    assert_clean_site(project.root)
    for path in site_files(project.root):
        if path.suffix in (".html", ".xml"):
            assert "<img src=x" not in path.read_text(encoding="utf-8"), path


def test_a_title_with_no_letters_gets_a_safe_slug_from_the_file_name(project, monkeypatch, capsys):
    project.config()
    project.write("Notes #1?.md", "+++\ntitle = \"?!?\"\n+++\n\nThe ferry ran late on Monday after the storm, the port said.\n")
    code, out, err = build(project, monkeypatch, capsys)
    assert code == 0, err
    assert (project.root / "site" / "articles" / "notes-1.html").is_file()


def test_many_articles_with_one_title_get_unique_slugs(project, monkeypatch, capsys):
    project.config()
    for n in range(30):
        project.write(f"a{n:02}.md", f"+++\ntitle = \"Update\"\n+++\n\nThe ferry number {n} ran late on Monday, port official {n} said.\n")
    code, out, err = build(project, monkeypatch, capsys, "-q")
    assert code == 0, err
    pages = sorted(p.name for p in (project.root / "site" / "articles").glob("*.html"))
    assert len(pages) == 30 and "update.html" in pages and "update-30.html" in pages


# ------------------------------------------------------------------ hostile content (beyond tests/test_hostile.py)

LONG_NAME = "Al" + "x" * 10_000 + " Smith"
PAYLOADS = ("<script>alert", "<img src=x", "<svg onload", "<iframe", 'href="javascript:', "href='javascript:", 'href="data:', 'href=" javascript')


def hostile_article(n: int, title: str, outlet: str, url: str, speaker: str) -> str:
    return (
        f"+++\ntitle = {json.dumps(title)}\noutlet = {json.dumps(outlet)}\nurl = {json.dumps(url)}\n"
        f"authors = [{json.dumps(LONG_NAME)}, \"../../etc/passwd\"]\ndate = 2024-02-0{n}\n+++\n\n"
        f"The council met on Saturday and argued about plan {n} and the harbour for a long time, members said.\n\n"
        f"\"We will not accept plan {n} \\\"><img src=x onerror=alert({n})>,\" {speaker} said.\n"
    )


def test_hostile_names_urls_and_paths_stay_escaped_and_inside_the_site(project, monkeypatch, capsys):
    project.config()
    cases = [
        ("T" * 10_000, "O" * 10_000 + "<script>alert(1)</script>", "JAVASCRIPT:alert(1)", LONG_NAME),
        ("../../../../tmp/evil", "../../../tmp/evil-outlet", " javascript:alert(2)", "Mayor Ann Lee"),
        ("Budget \u202egnp.exe\x00 <iframe src=x>", "<svg onload=alert(3)>", "data:text/html,<script>alert(4)</script>", "Jo Doe"),
        ("\"><img src=x onerror=alert(5)>", "Gazette", "vbscript:msgbox(6)", "Ann O'Brien"),
    ]
    for n, (title, outlet, url, speaker) in enumerate(cases, start=1):
        project.write(f"evil{n}.md", hostile_article(n, title, outlet, url, speaker))
    code, out, err = build(project, monkeypatch, capsys)
    assert code == 0, err
    assert "Built 4 articles" in out
    site = (project.root / "site").resolve()
    assert sorted(p.name for p in project.root.iterdir()) == ["config.toml", "content", "site"]  # --no-cache: no cache folder
    assert not Path("/tmp/evil.html").exists() and not (project.root.parent / "evil.html").exists()
    for path in site_files(project.root):
        assert path.resolve().is_relative_to(site)
        if path.parent.name in ("articles", "speakers", "outlets", "days"):  # pages named from the input
            assert len(path.name.encode()) <= 120, path.name  # no 10,000-character file names
            assert re.fullmatch(r"[a-z0-9][a-z0-9-]*\.(html|xml)", path.name), path.name
        if path.suffix in (".html", ".xml", ".js"):
            text = path.read_text(encoding="utf-8")
            for payload in PAYLOADS:
                assert payload not in text, (path, payload)
    assert_clean_site(project.root)
