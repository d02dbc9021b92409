"""Issue 10, "Nothing breaks it": bad and hostile input through the command line.

Every bad file gets one plain message naming it (and its line where there is one), the
other articles still build, no traceback is shown unless --debug, and the exit code says
what happened: 0 built, 1 some articles failed, 2 config or template error.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.dom.minidom
from pathlib import Path

import pytest

from digest.cli import main

GOOD = (
    '+++\ntitle = "Harbour reopens"\ndate = 2024-03-05\noutlet = "Coast Times"\n+++\n\n'
    "The harbour reopened to ships on Tuesday after a week of storm repairs.\n\n"
    '"We are back in business," harbour master Lena Fox said.\n'
)
GOOD_PAGE = Path("site/articles/harbour-reopens.html")
SCRAPED = (
    "Tram line opens in the old town\n\n"
    "The new tram line opened on Monday after three years of building work, the city said.\n\n"
    "Riders said the trip to the station now takes twelve minutes instead of thirty.\n"
)
# Text a user would never see in a page: the marks of a crash or of unescaped input.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


def build(project, monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    monkeypatch.chdir(project.root)
    code = main(["build", "--no-cache", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def site_files(root: Path) -> list[Path]:
    return [p for p in (root / "site").rglob("*") if p.is_file()]


def assert_clean_site(root: Path) -> None:
    """Every page is valid UTF-8 without control characters; every XML file parses."""
    for path in site_files(root):
        if path.suffix not in (".html", ".xml", ".js", ".json", ".txt"):
            continue
        text = path.read_bytes().decode("utf-8")
        assert not CONTROL.search(text), (path, CONTROL.search(text))
        if path.suffix == ".xml":
            xml.dom.minidom.parseString(text.encode("utf-8"))


# ------------------------------------------------------------------ one bad file among good ones

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4"
    b"\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


BAD_FILES = [
    ("empty.txt", b"", "content/empty.txt: the file is empty"),
    ("blank.txt", " \n\t\n\u00a0\u200b \r\n\n".encode(), "content/blank.txt: the file is empty"),
    ("photo.txt", PNG, "content/photo.txt: looks like a binary file"),
    ("scan.md", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "content/scan.md: looks like a binary file"),
    ("toml.md", b'+++\ntitle = "Budget"\ndate = 2024-13-45\n+++\nBody.\n', "content/toml.md:3: front matter is not valid TOML"),
    ("yaml.md", b"---\ntitle: Budget\nauthors: [Ann, Bo\n---\nBody.\n", "content/yaml.md:3: front matter is not valid YAML"),
    ("list.md", b"---\n- title\n- date\n---\nBody.\n", "content/list.md:2: front matter must be key: value pairs"),
    ("type.md", b"+++\ntitle = \"Budget\"\nauthors = 3\n+++\nBody.\n", "content/type.md:3: authors must be a name or a list of names"),
    ("table.md", b"+++\n[title]\nmain = \"Budget\"\n+++\nBody.\n", "content/table.md:2: title must be a string, got dict"),
    ("open.md", b"---\ntitle: Budget\nBody.\n", "content/open.md:1: front matter opened with --- on line 1 is never closed"),
    ("when.md", b"---\ndate: next Tuesday\n---\nBody.\n", "content/when.md:2: date 'next Tuesday' is not a date"),
    ("future.md", b"+++\ndate = 9999-12-31\n+++\nBody.\n", "content/future.md:2: date 9999-12-31 is not a plausible publication date"),
    ("array.json", b'[{"text": "Body."}]', 'content/array.json:1: a .json article must be one object'),
    ("broken.json", b'{"title": "Budget",\n "text": "Body."\n', "content/broken.json:3: not valid JSON"),
    ("notext.json", b'{"title": "Budget", "text": 42}', 'content/notext.json:1: the JSON object needs a non-empty "text"'),
    ("nul.json", b'{"title": "Budget", "text": "\\u0000\\u200b"}', 'content/nul.json:1: the JSON object needs a non-empty "text"'),
    ("front-only.md", b'+++\ntitle = "Budget"\n+++\n\n', "content/front-only.md:4: no article text after the front matter"),
    ("feb30.md", b"---\ndate: 2022-02-30\n---\nBody.\n", "content/feb30.md:2: front matter is not valid YAML: day is out of range"),
    ("keys.md", b"---\n1: one\n~: nothing\ntitle: 3\n---\nBody.\n", "content/keys.md:4: title must be a string, got int"),
    ("deep.md", b"+++\ntitle = " + b"[" * 100_000 + b"\n+++\nBody.\n", "content/deep.md:2: nested too deeply to read"),
    ("deep.json", b'{"text": "Body.", "title": ' + b"[" * 100_000 + b"}", "content/deep.json:1: nested too deeply to read"),
    ("digits.json", b'{"text": "Body.", "date": ' + b"9" * 5000 + b"}", "content/digits.json:1: not valid JSON"),
    # A YAML alias bomb: 9**9 strings if expanded; the message must not try to print them.
    ("aliases.md", ("---\na: &a [" + ",".join(["lol"] * 9) + "]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join(["*" + chr(97 + i)] * 9) + "]\n" for i in range(8)
    ) + "date: *i\n---\nBody.\n").encode(), "content/aliases.md:11: date of type list is not a date"),
]


@pytest.mark.parametrize(("name", "data", "message"), BAD_FILES, ids=[case[0] for case in BAD_FILES])
def test_a_bad_file_is_named_once_and_the_others_build(project, monkeypatch, capsys, name, data, message):
    project.config()
    project.write("good.md", GOOD)
    project.write(name, data)
    code, out, err = build(project, monkeypatch, capsys)
    assert code == 1
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and errors[0].startswith(f"error: {message}"), err
    assert "Traceback" not in err
    assert out.strip().endswith("1 article error") and "Built 1 article" in out
    assert (project.root / GOOD_PAGE).is_file()


def test_bad_files_through_a_real_process(project):
    """The installed entry point, not just main(): exit status and stderr as a shell sees them."""
    project.config()
    project.write("good.md", GOOD)
    project.write("empty.txt", "")
    project.write("photo.txt", PNG)
    result = subprocess.run([sys.executable, "-m", "digest", "build"], cwd=project.root, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "content/empty.txt: the file is empty" in result.stderr
    assert "content/photo.txt: looks like a binary file" in result.stderr
    assert "Traceback" not in result.stderr
    assert "Built 1 article" in result.stdout


# ------------------------------------------------------------------ encodings

CAFE = "Caf\u00e9 owners \u201cwelcome\u201d the new tram line\n\nThe caf\u00e9 owners said the tram brought more customers on Monday than in any week of the year.\n"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(CAFE.encode("cp1252"), id="cp1252"),
        pytest.param(CAFE.encode("utf-16"), id="utf-16-bom"),
        pytest.param(b"\xfe\xff" + CAFE.encode("utf-16-be"), id="utf-16-be-bom"),
        pytest.param(CAFE.encode("utf-16-le"), id="utf-16-le-no-bom"),
        pytest.param(CAFE.encode("utf-16-be"), id="utf-16-be-no-bom"),
        pytest.param(b"\xef\xbb\xbf" + CAFE.encode(), id="utf-8-bom"),
        pytest.param(CAFE.replace("\n", "\r\n").encode(), id="crlf"),
    ],
)
def test_encodings_are_decoded_not_refused(project, monkeypatch, capsys, data):
    project.config()
    project.write("cafe.txt", data)
    code, out, err = build(project, monkeypatch, capsys)
    assert code == 0, err
    page = (project.root / "site" / "articles").glob("*.html")
    text = "".join(p.read_text(encoding="utf-8") for p in page)
    assert "caf\u00e9 owners said the tram brought more customers" in text.replace("&#39;", "'")


def test_invalid_utf8_is_read_as_windows_1252_and_builds(project, monkeypatch, capsys):
    project.config()
    project.write("mixed.txt", CAFE.encode() + b"\nA stray \xff\xfe\x81 byte sequence ended the page of notes for the day.\n")
    code, out, err = build(project, monkeypatch, capsys)
    assert code == 0, err
    assert_clean_site(project.root)


def test_nul_and_control_characters_never_reach_a_page(project, monkeypatch, capsys):
    project.config()
    project.write("ctl.txt", b"Tram\x01 line\x00 opens in the old town\n\nThe new\x1b tram line opened on Monday\x0b after three years of building\x07 work, the city said.\n")
    project.write(
        "ctl.json",
        json.dumps({
            "title": "Budget\u0000 vote \ud800 \u2028 held",
            "outlet": "Gazette\u0001",
            "authors": ["Jo\u202e Writer"],
            "date": "2024-03-05",
            "text": "The council\u0000 voted\u2029 on the budget on Tuesday, members said.\n\n\"We will not\u0007 accept this,\" Mayor Ann Lee said.",
        }),
    )
    code, out, err = build(project, monkeypatch, capsys)
    assert code == 0, err
    assert "Built 2 articles" in out
    assert_clean_site(project.root)


# ------------------------------------------------------------------ sizes

def test_a_50_mb_file_is_refused_with_its_size(project, monkeypatch, capsys):
    project.config()
    project.write("good.md", GOOD)
    with open(project.content / "dump.txt", "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: costs no disk and no time
    code, out, err = build(project, monkeypatch, capsys)
    assert code == 1
    assert "error: content/dump.txt: file is 50 MB, too large for an article (limit 20 MB)" in err
    assert (project.root / GOOD_PAGE).is_file()


SENTENCES = [
    "The council met on Friday, January 28, 2022 and voted on the harbour budget, members said.",
    "Mayor Ann Lee told reporters on Monday that the plan would cost 4.5 million dollars.",
    "According to the U.S. Dept. of Transport, traffic fell by 12% in 2021 (see p. 4).",
    "Critics said the bridge vote on 2022-02-03 was rushed; others disagreed!",
    "Residents in St. Albans asked why the Jan. 5 meeting ran past 10 p.m. again?",
]


def long_text(size: int, separator: str) -> str:
    parts, total, index = [], 0, 0
    while total < size:
        sentence = SENTENCES[index % len(SENTENCES)].replace("harbour", f"harbour {index}")
        parts.append(sentence)
        total += len(sentence) + len(separator)
        index += 1
    return separator.join(parts)


def test_a_five_megabyte_single_line_builds(project, monkeypatch, capsys):
    # No quote marks here: see test_a_long_line_of_quotes_builds for why.
    project.config()
    project.write("good.md", GOOD)
    project.write("line.txt", "Harbour budget approved\n\n" + long_text(5_000_000, " ") + "\n")
    code, out, err = build(project, monkeypatch, capsys)
    assert code == 0, err
    assert "Built 2 articles" in out
    data = json.loads((project.root / "site" / "data" / "briefing.json").read_text(encoding="utf-8"))
    big = next(a for a in data["articles"] if a["title"] == "Harbour budget approved")
    assert 1 <= len(big["summary"]) <= 3


def test_a_hundred_thousand_short_lines_build(project, monkeypatch, capsys):
    project.config()
    project.write("good.md", GOOD)
    lines = "\n".join(f"Line {n} of the list" if n % 3 else SENTENCES[n % 5] for n in range(100_000))
    project.write("lines.txt", "Council minutes\n\n" + lines + "\n")
    code, out, err = build(project, monkeypatch, capsys)
    assert code == 0, err
    assert "Built 2 articles" in out


def test_a_long_line_of_quotes_builds(project, monkeypatch, capsys):
    quote = '"We will not accept this budget," Mayor Ann Lee said. "It is too late. '
    project.config()
    project.write("quotes.txt", "Budget fight\n\n" + quote * 30_000 + "\n")
    code, out, err = build(project, monkeypatch, capsys)
    assert code == 0, err


def test_a_sumy_algorithm_on_a_very_long_article_finishes(project, monkeypatch, capsys):
    # LexRank's cost is the square of the sentence count: 3,000 sentences must not take minutes.
    project.config('\n[summary]\nalgorithm = "lex-rank"\n')
    project.write("long.txt", "Harbour budget approved\n\n" + long_text(300_000, "\n\n") + "\n")
    code, out, err = build(project, monkeypatch, capsys)
    assert code == 0, err
    data = json.loads((project.root / "site" / "data" / "briefing.json").read_text(encoding="utf-8"))
    assert data["articles"][0]["summary"]


# ------------------------------------------------------------------ odd text

UNBALANCED = (
    "Budget fight goes on\n\n"
    '"We will not accept this budget, the mayor said on Tuesday at the town hall.\n\n'
    "The \u201cplan\u201d\u201d was \u201crushed, members said.\n\n"
    "\u201d Nobody knows who opened this one, Ann Lee said.\n\n"
    "'Single quotes 'nested \"double' marks\" everywhere, she said.\n\n"
    '"""\n\n'
    "The vote is on Friday, council staff said.\n"
)


def test_unbalanced_quote_marks_build_and_quotes_are_in_the_text(project, monkeypatch, capsys):
    project.config()
    project.write("quotes.txt", UNBALANCED)
    code, out, err = build(project, monkeypatch, capsys)
    assert code == 0, err
    data = json.loads((project.root / "site" / "data" / "briefing.json").read_text(encoding="utf-8"))
    body = UNBALANCED.replace("\n", " ")
    for article in data["articles"]:
        for quote in article["quotes"]:
            assert all(part in body for part in quote["text"].split(" ") if part), quote


def test_unknown_date_formats_in_the_text_leave_the_article_undated(project, monkeypatch, capsys):
    project.config()
    project.write(
        "when.txt",
        "Festival plans announced\n\nThe festival runs on 31/02/2022, on Smarch 3, on December 31, 9999, on 0000-00-00 "
        "and at 25:61 on the 45th of Octember, organisers said.\n\nTickets go on sale next week, they said.\n",
    )
    code, out, err = build(project, monkeypatch, capsys)
    assert code == 0, err
    assert (project.root / "site" / "days" / "undated.html").is_file()


def test_dates_at_the_edges_of_the_calendar_do_not_break_the_build(project, monkeypatch, capsys):
    # Day arithmetic (the day after, the week around) on year 9999 or year 1 used to overflow.
    project.config()
    project.write("late.md", "+++\ndate = 2999-12-31\n+++\n\nThe harbour board met on Friday, December 31 and approved the plan, members said.\n")
    project.write("early.md", "---\ndate: 1000-01-01\n---\n\nThe bridge opened on Monday, January 1, the town said.\n")
    project.write(
        "odd.txt",
        "River council votes\n\nThe river council met on Friday, December 31, 9999 and on Monday, January 1, 0001 "
        "to vote on the market plan for the town, members said.\n\nThe vote came on Friday, they said.\n",
    )
    code, out, err = build(project, monkeypatch, capsys)
    assert code == 0, err
    assert "Built 3 articles" in out


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
