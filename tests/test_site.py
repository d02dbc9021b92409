"""Build the seeds into a temporary folder and check what a reader would notice."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from digest.build import build
from digest.config import load_config
from sitecheck import broken_links

from conftest import REPO, SHARED


@pytest.fixture(scope="module")
def seeds_site(tmp_path_factory) -> tuple[Path, object]:
    root = tmp_path_factory.mktemp("seeds")
    config_path = root / "config.toml"
    config_path.write_text(f'[site]\ntitle = "Seeds"\n[build]\ncontent = ["{(REPO / "seeds").as_posix()}"]\noutput = "site"\n', encoding="utf-8")
    report = build(load_config(config_path), use_cache=False)
    return root / "site", report


def test_every_seed_builds_without_errors(seeds_site):
    site, report = seeds_site
    assert report.errors == []
    assert report.articles == 5
    assert len(list((site / "articles").glob("*.html"))) == 5


def test_index_day_speaker_and_outlet_pages_exist(seeds_site):
    site, report = seeds_site
    for page in ["index.html", "404.html", "speakers/index.html", "outlets/index.html", "static/style.css"]:
        assert (site / page).is_file(), page
    assert list((site / "days").glob("*.html"))
    assert len(list((site / "speakers").glob("*.html"))) > 5
    assert len(list((site / "outlets").glob("*.html"))) >= 2


def test_no_broken_internal_links(seeds_site):
    site, _ = seeds_site
    assert broken_links(site) == []


def test_index_reads_like_a_briefing(seeds_site):
    site, report = seeds_site
    index = (site / "index.html").read_text(encoding="utf-8")
    assert index.count('class="card"') == 5
    assert 'class="briefing"' in index  # each day opens with its briefing sentences
    assert "Notable quotes" in index
    assert "<script" not in index  # nothing needs JavaScript to read


def test_article_page_highlights_summary_and_quotes(seeds_site):
    site, _ = seeds_site
    for page in (site / "articles").glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert 'id="s-1"' in html, page.name  # the first summary sentence is anchored in the full text
        assert "About this article" in html
        assert re.search(r"<code>[^<]*seeds/\d{3}_[0-9a-f]+\.txt</code>", html), page.name


@pytest.mark.skipif(not (SHARED / "gold" / "seeds.json").exists(), reason="../shared/gold not present")
def test_real_headlines_are_the_titles(seeds_site):
    site, _ = seeds_site
    gold = json.loads((SHARED / "gold" / "seeds.json").read_text(encoding="utf-8"))
    titles = set()
    for page in (site / "articles").glob("*.html"):
        match = re.search(r'<h1 class="page-title">(.*?)(?: <span class="badge"|</h1>)', page.read_text(encoding="utf-8"), re.S)
        titles.add(unescape(match.group(1)).strip())
    expected = {article["title"] for articles in gold.values() for article in articles if article["title"]}
    assert len(expected) == 4
    assert expected <= titles


def test_days_with_several_articles_open_with_a_five_to_eight_sentence_briefing(seeds_site):
    site, report = seeds_site
    data = json.loads((site / "data" / "briefing.json").read_text(encoding="utf-8"))
    busy = [day for day in data["days"] if len(day["articles"]) > 1]
    assert busy, "the seeds have a day with two articles"
    for day in busy:
        assert 5 <= len(day["briefing"]) <= 8, day["date"]
        cited = {item["article"] for item in day["briefing"]}
        assert cited == set(day["articles"])  # every article of the day is cited
        page = (site / day["url"]).read_text(encoding="utf-8")
        assert page.count('class="cite"') == len(day["briefing"])
