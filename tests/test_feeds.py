"""The Atom feeds (RFC 4287), sitemap, robots.txt and the data API, parsed and checked."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from digest import urls
from digest.cli import main

ATOM = "{http://www.w3.org/2005/Atom}"
ARTICLE = """+++
title = "Harbour reopens after storm"
date = 2024-03-05
outlet = "Coast Times"
authors = ["Jo Writer"]
+++

The harbour reopened to cargo ships on Tuesday after a week of repairs to the storm wall, the port authority said.

"We are back in business," harbour master Lena Fox said on the quay.

"Nothing was lost that we cannot rebuild," Fox said later.
"""

OTHER = """+++
title = "Storm closes harbour"
date = 2024-03-04
outlet = "Coast Times"
authors = ["Jo Writer"]
+++

Gale-force winds tore two cranes from their rails overnight and the port was shut to all traffic until further notice.

"Nobody should go near the sea wall today," harbour master Lena Fox warned residents.

"We will reopen once the divers have checked every berth," Fox said.
"""


def build(project, monkeypatch, base_url='"https://example.github.io/brief/"'):
    (project.root / "config.toml").write_text(
        f'[site]\ntitle = "Coast briefing"\nbase_url = {base_url}\n[build]\ncontent = ["content"]\noutput = "site"\n', encoding="utf-8"
    )
    project.write("2024-03-05-harbour.md", ARTICLE)
    project.write("2024-03-04-other.md", OTHER)
    monkeypatch.chdir(project.root)
    assert main(["build", "-q"]) == 0
    return project.root / "site"


def test_briefing_feed_is_valid_atom(project, monkeypatch):
    site = build(project, monkeypatch)
    feed = ET.parse(site / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{required}") is not None, required
    assert feed.find(f"{ATOM}updated").text == "2024-03-05T00:00:00Z"  # newest article, not the wall clock
    self_link = feed.find(f"{ATOM}link[@rel='self']").get("href")
    assert self_link == "https://example.github.io/brief/feed.xml"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["Harbour reopens after storm", "Storm closes harbour"]
    for entry in entries:
        assert re.fullmatch(r"https://example\.github\.io/brief/articles/[a-z0-9-]+\.html", entry.find(f"{ATOM}link").get("href"))
        assert entry.find(f"{ATOM}id").text.startswith("https://example.github.io/brief/")
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT00:00:00Z", entry.find(f"{ATOM}updated").text)
        assert entry.find(f"{ATOM}author/{ATOM}name").text == "Jo Writer"
        assert entry.find(f"{ATOM}summary").text


def test_speaker_feed_lists_their_quotes(project, monkeypatch):
    site = build(project, monkeypatch)
    feed = ET.parse(site / "speakers" / "lena-fox.xml").getroot()
    titles = [e.find(f"{ATOM}title").text for e in feed.findall(f"{ATOM}entry")]
    assert len(titles) == 4 and all(t.startswith("Lena Fox: \u201c") for t in titles)
    assert '<link rel="alternate" type="application/atom+xml"' in (site / "speakers" / "lena-fox.html").read_text()


def test_sitemap_and_robots_use_the_base_url(project, monkeypatch):
    site = build(project, monkeypatch)
    sitemap = ET.parse(site / "sitemap.xml").getroot()
    locs = [loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "https://example.github.io/brief/index.html" in locs
    assert all(loc.startswith("https://example.github.io/brief/") for loc in locs)
    for loc in locs:
        assert (site / loc.removeprefix("https://example.github.io/brief/")).is_file(), loc
    assert "Sitemap: https://example.github.io/brief/sitemap.xml" in (site / "robots.txt").read_text()


def test_without_base_url_feed_links_are_relative_and_no_sitemap(project, monkeypatch):
    site = build(project, monkeypatch, base_url='""')
    feed = ET.parse(site / "feed.xml").getroot()
    assert feed.find(f"{ATOM}entry/{ATOM}link").get("href").startswith("articles/")
    assert feed.find(f"{ATOM}id").text.startswith("urn:digest:")
    assert not (site / "sitemap.xml").exists()


def test_data_api(project, monkeypatch):
    site = build(project, monkeypatch)
    data = json.loads((site / "data" / "briefing.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert [d["date"] for d in data["days"]] == ["2024-03-05", "2024-03-04"]
    article = data["articles"][0]
    assert {"slug", "url", "source", "title", "outlet", "authors", "date", "date_source", "summary", "quotes"} <= set(article)
    for quote in article["quotes"]:
        page, anchor = quote["url"].split("#")
        assert f'id="{anchor}"' in (site / page).read_text(encoding="utf-8")
    assert data["speakers"][0]["name"] == "Lena Fox"


@pytest.mark.parametrize(("base_url", "anchor"), [('"https://example.github.io/brief/"', "/brief/"), ('"https://news.example.com"', "/")])
def test_404_page_links_from_the_site_path_when_published(project, monkeypatch, base_url, anchor):
    """Hosts serve 404.html at any missing URL, however deep: its relative links are anchored
    at base_url's path (not its host, so a copy served elsewhere at that path works too)."""
    site = build(project, monkeypatch, base_url)
    page = (site / "404.html").read_text(encoding="utf-8")
    assert page.count("<base") == 1 and f'<base href="{anchor}">' in page
    assert 'href="static/style.css"' in page and 'href="index.html"' in page
    assert 'class="skip" href="404.html#main"' in page  # a bare "#main" would resolve to the briefing
    assert "<base" not in (site / "index.html").read_text(encoding="utf-8")


def test_404_page_links_relatively_without_base_url_until_one_is_given(project, monkeypatch):
    site = build(project, monkeypatch, base_url='""')
    page = (site / "404.html").read_text(encoding="utf-8")
    assert "<base" not in page and 'href="static/style.css"' in page and 'class="skip" href="#main"' in page
    monkeypatch.setenv("DIGEST_BASE_URL", "https://example.github.io/brief")  # as the Pages workflow sets it
    assert main(["build", "-q"]) == 0
    assert '<base href="/brief/">' in (site / "404.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("base_url", "path"),
    [("https://u.github.io/repo/", "/repo/"), ("https://u.github.io/repo", "/repo/"), ("https://news.example.com", "/"), ("http://h/a/b/", "/a/b/")],
)
def test_base_path_is_the_published_folder(base_url, path):
    assert urls.base_path(base_url) == path
