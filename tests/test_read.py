import datetime as dt

import pytest

from digest.dates.stamps import parse_stamp
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


# A saved news page: the article, a sidebar of other stories with their own <time>s (dated
# when the page was saved, years later), a copyright footer, and whatever {head} and {lead}
# a test puts in. Synthetic; every date below is made up.
SAVED_PAGE = """<html><head><title>Harbour budget passes</title>{head}</head><body>
<article><h1>Harbour budget passes</h1>{lead}<p>{para}</p><p>{para}</p></article>{aside}
<footer>Copyright 2022 Harbour Herald</footer></body></html>"""
SIDEBAR = """<aside><h2>Latest</h2><ul><li><time datetime="2022-08-10T13:15:00+09:00">2022.08.10</time> <a href="/a">Ferry fares rise</a></li>
<li><time datetime="2022-08-09T22:00:00+09:00">2022.08.09</time> <a href="/b">Storm closes port</a></li></ul></aside>"""
PARA = "The harbour board approved the budget after a long debate about dredging costs and the timing of repairs. " * 3


def saved_page_date(head: str = "", lead: str = "", aside: str = SIDEBAR) -> object:
    source = parse_source(SAVED_PAGE.format(head=head, lead=lead, aside=aside, para=PARA).encode(), "p.html", "html")
    return dict(source.front).get("date")


@pytest.mark.parametrize(
    ("head", "lead", "date"),
    [
        # JSON-LD: the article's datePublished, not a WebPage's or a comment nested in it.
        (('<script type="application/ld+json">[{"@type": "WebPage", "datePublished": "2016-10-01"}, '
          '{"@type": "NewsArticle", "datePublished": "2016-10-13T15:35:00+00:00",\n'
          '"comment": {"@type": "Comment", "datePublished": "2016-10-12"}}]</script>'), "", "2016-10-13T15:35:00+00:00"),
        ('<script type="application/ld+json">{"@graph": [{"@type": "BlogPosting", "datePublished": "2018-10-06T08:57:00+02:00"}]}</script>',
         "", "2018-10-06T08:57:00+02:00"),
        # Milliseconds, as JavaScript writes them: htmldate discards these and took the sidebar.
        ('<meta property="article:published_time" content="2019-04-19T20:00:00.000Z">', "", "2019-04-19T20:00:00+00:00"),
        # A meta tag saved with `value` for `content` (as Mercury's parser rewrites them).
        ('<meta name="parsely-pub-date" value="2016-12-21T23:49:10Z"><meta name="modified" value="2018-03-07T00:49:32Z">',
         "", "2016-12-21T23:49:10+00:00"),
        # The URL holds the local day; the metadata the time and offset, which the site's zone needs.
        (('<link rel="canonical" href="https://news.example/article/2019/03/05/42.html">'
          '<meta property="og:updated_time" content="2019-03-06T10:00:00+09:00">'
          '<meta name="pubdate" content="2019-03-05T08:15:11+0900">'), "", "2019-03-05T08:15:11+09:00"),
        # Microdata on a visible element, skipping a reader comment's; an unset CMS placeholder is no date.
        ('<script type="application/ld+json">{"@type": "Article", "datePublished": "0001-01-01T00:00:00Z"}</script>',
         ('<div itemscope itemtype="https://schema.org/Comment"><span itemprop="datePublished" content="2019-05-01">May 1</span></div>'
          '<dl><dt>Published</dt><dd itemprop="datePublished" content="2019-04-26">April 2019</dd></dl>'), "2019-04-26"),
        # RFC 2822 in JSON-LD, as CMSes that also write RSS put it.
        ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "Mon, 18 Nov 2019 16:07:38 -0600"}</script>',
         "", "2019-11-18T16:07:38-06:00"),
    ],
)
def test_a_saved_page_dates_itself_from_its_structured_metadata(head, lead, date):
    assert parse_stamp(saved_page_date(head, lead)) == parse_stamp(date)  # the same instant, however written


def test_a_copyright_year_is_not_a_publication_day():
    """With no date anywhere, htmldate falls back to 1 January of the footer's year."""
    assert saved_page_date(aside="") is None


def test_without_structured_metadata_htmldate_still_reads_the_url():
    head = '<link rel="canonical" href="https://news.example/2017/03/09/harbour-budget">'
    assert parse_stamp(saved_page_date(head)) == dt.datetime(2017, 3, 9)


def test_author_meta_tags_saved_with_value_still_name_the_author():
    """Extractors read only `content`; a profile URL and a handle are not names, a repeat is one."""
    head = ('<meta name="author" value="Ana Ruiz"><meta property="article:author" value="https://social.example/anaruiz">'
            '<meta name="twitter:creator" value="@anaruiz"><meta name="parsely-author" value="Ana Ruiz">'
            '<meta name="byl" value="By Tom Berg">')
    source = parse_source(SAVED_PAGE.format(head=head, lead="", aside="", para=PARA).encode(), "p.html", "html")
    assert dict(source.front)["authors"] == ["Ana Ruiz", "Tom Berg"]


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
