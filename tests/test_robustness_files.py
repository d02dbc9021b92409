"""Issue 10 (see robustness.py): bad article files, each named once while the others
build; odd encodings, huge files and odd text, which build."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from robustness import GOOD, GOOD_PAGE, PNG, assert_clean_site, build


# ------------------------------------------------------------------ one bad file among good ones

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


def test_reading_time_of_an_unspaced_japanese_article(project, monkeypatch, capsys):
    # Japanese has no spaces: counted by whitespace, 3,900 characters were "1 min read".
    project.config()
    sentence = "市議会は月曜日、港を冬の嵐から守るため、全長三キロの防潮堤を建設する計画を承認した。"  # 42 characters
    paragraphs = ("".join(f"第{i * 6 + j}区の住民によると、{sentence}" for j in range(6)) for i in range(12))
    project.write("harbour.txt", "防潮堤の建設計画を承認\n\n" + "\n\n".join(paragraphs) + "\n")
    code, out, err = build(project, monkeypatch, capsys)
    assert code == 0, err
    page = next((project.root / "site" / "articles").glob("*.html")).read_text(encoding="utf-8")
    minutes = int(re.search(r"(\d+) min read", page).group(1))
    assert 7 <= minutes <= 16  # ~3,900 characters: about 1,950 two-character words at 230 a minute
