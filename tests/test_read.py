import datetime as dt

import pytest

from digest.errors import ArticleError
from digest.read import discover, is_ignored_name, parse_source


def test_txt_keeps_lines_and_normalises_whitespace():
    source = parse_source("Title\n\nOne\u00a0two\tthree\r\nfour\u200b\n".encode(), "a.txt", "txt")
    assert source.text.split("\n") == ["Title", "", "One two three", "four", ""]
    assert source.format == "txt"
    assert len(source.content_hash) == 64


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("caf\u00e9 \u201cquoted\u201d".encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + "caf\u00e9 \u201cquoted\u201d".encode("utf-8"), "utf-8-sig"),
        ("caf\u00e9 \u201cquoted\u201d".encode("utf-16"), "utf-16"),
        ("caf\u00e9 \u201cquoted\u201d".encode("cp1252"), "cp1252"),
    ],
)
def test_encodings(data, encoding):
    source = parse_source(data, "a.txt", "txt")
    assert source.text == "caf\u00e9 \u201cquoted\u201d"
    assert source.encoding == encoding


def test_empty_and_binary_files_are_article_errors():
    with pytest.raises(ArticleError, match="a.txt: the file is empty"):
        parse_source(b"  \n\t\n", "a.txt", "txt")
    with pytest.raises(ArticleError, match="binary file"):
        parse_source(b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "b.txt", "txt")


def test_markdown_with_toml_front_matter():
    text = '+++\ntitle = "Park plan"\ndate = 2024-05-01\nauthors = "Jo Writer"\n+++\n# Ignored heading\n\nFirst *para*.\n\n## Sub\n\nSecond.\n'
    source = parse_source(text.encode(), "p.md", "md")
    assert source.front_value("title") == "Park plan"
    assert source.front_value("date") == dt.date(2024, 5, 1)
    assert source.front_value("authors") == ["Jo Writer"]
    lines = source.text.split("\n")
    assert lines[5] == "# Ignored heading"  # line 6 of the file stays line 6
    assert lines[7] == "First para."
    assert lines[9] == "## Sub"
    assert "<em>para</em>" in source.body_html


def test_markdown_with_yaml_front_matter():
    text = "---\ntitle: Budget vote\ndate: 2023-02-03\noutlet: Gazette\n---\nBody text.\n"
    source = parse_source(text.encode(), "b.md", "md")
    assert source.front_value("outlet") == "Gazette"
    assert source.front_value("date") == dt.date(2023, 2, 3)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('+++\ntitle = "x\n+++\nBody\n', "b.md:2: front matter is not valid TOML"),
        ("---\ntitle: [unclosed\n---\nBody\n", "b.md:2: front matter is not valid YAML"),
        ("+++\ntitle = 3\n+++\nBody\n", "b.md:2: title must be a string"),
        ('+++\ndate = "last week"\n+++\nBody\n', "b.md:2: date 'last week' is not a date"),
        ('+++\ntitle = "x"\nBody\n', "b.md:1: front matter opened with +++ on line 1 is never closed"),
    ],
)
def test_broken_front_matter_names_file_and_line(text, message):
    with pytest.raises(ArticleError) as info:
        parse_source(text.encode(), "b.md", "md")
    assert str(info.value).startswith(message)


def test_json_article():
    source = parse_source(b'{"title": "T", "date": "2021-03-04", "text": "Para one.\\n\\nPara two."}', "j.json", "json")
    assert source.front_value("title") == "T"
    assert source.text == "Para one.\n\nPara two."
    with pytest.raises(ArticleError, match='needs a non-empty "text"'):
        parse_source(b'{"title": "T"}', "j.json", "json")
    with pytest.raises(ArticleError, match="j.json:1: not valid JSON"):
        parse_source(b"{nope", "j.json", "json")


def test_html_article_through_trafilatura():
    paragraph = "The committee approved the proposal after a long debate about costs and timing in the capital. " * 3
    html = f"<html><head><title>Vote passes</title></head><body><nav>Home | News</nav><article><h1>Vote passes</h1><p>{paragraph}</p><p>{paragraph}</p></article></body></html>"
    source = parse_source(html.encode(), "v.html", "html")
    assert "committee approved" in source.text
    assert "Home | News" not in source.text


def test_discover_skips_editor_files_hidden_and_output(tmp_path):
    content = tmp_path / "content"
    (content / "sub").mkdir(parents=True)
    for name in ["a.txt", "b.md", "sub/c.json", ".hidden.txt", "a.txt~", ".a.txt.swp", "4913", "notes.docx"]:
        (content / name).write_text("x", encoding="utf-8")
    (content / "loop").symlink_to(content)  # a symlink loop must not hang discovery
    found, problems = discover((content, tmp_path / "missing"), tmp_path)
    assert [f.shown for f in found] == ["content/a.txt", "content/b.md", "content/sub/c.json"]
    assert problems == ["missing: content folder not found (check build.content in config.toml)"]


def test_ignored_names():
    assert is_ignored_name("#draft.txt#") and is_ignored_name(".#draft.txt") and is_ignored_name("x.txt___jb_tmp___")
    assert not is_ignored_name("2022-01-28-report.txt")


def test_sidecar_file_supplies_metadata_the_article_lacks(project, monkeypatch):
    import json

    from digest.cli import main

    project.write("talks.txt", "Talks resume\n\nNegotiators met again on Friday in Geneva and agreed to meet next week, officials said.\n")
    project.write("talks.meta.toml", 'date = 2023-06-02\noutlet = "Geneva Post"\nauthors = ["Ana Ruiz"]\ntitle = "Ignored title"\n')
    monkeypatch.chdir(project.root)
    record = None
    import io
    import contextlib

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(["inspect", "content", "--json"]) == 0
    record = json.loads(buffer.getvalue())
    assert record["date"] == "2023-06-02" and record["date_source"] == "sidecar file talks.meta.toml"
    assert record["outlet"] == "Geneva Post" and record["outlet_source"] == "sidecar file talks.meta.toml"
    assert record["authors"] == ["Ana Ruiz"]
    # A date in the file name outranks the sidecar's; a bad sidecar names its file and line.
    project.write("2023-06-05-talks.txt", "Talks resume\n\nNegotiators met again on Monday in Geneva, officials said in a statement.\n")
    project.write("2023-06-05-talks.meta.toml", "date = 2023-06-02\n")
    project.write("other.txt", "Other story\n\nA long enough sentence about something else entirely happened today, people said.\n")
    project.write("other.meta.toml", "date = \n")
    buffer = io.StringIO()
    errors = io.StringIO()
    with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(errors):
        assert main(["inspect", "content", "--json"]) == 1
    dated = {json.loads(line)["source"]: json.loads(line)["date"] for line in buffer.getvalue().splitlines()}
    assert dated["content/2023-06-05-talks.txt"] == "2023-06-05"
    assert "content/other.meta.toml:1: sidecar file is not valid TOML" in errors.getvalue()
