"""Long lists split into pages: the slicing, the URLs, and a built site's pages and links."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from digest import urls
from digest.build import build
from digest.config import load_config
from digest.pagination import page_of, paginate, window
from sitecheck import broken_links

from conftest import write_dated_articles


def test_page_one_keeps_the_list_url_and_later_pages_go_in_its_folder():
    assert urls.page_url("days/2022-01-28.html", 1) == "days/2022-01-28.html"
    assert urls.page_url("days/2022-01-28.html", 2) == "days/2022-01-28/page/2.html"
    assert urls.page_url("outlets/bbc-page-2.html", 3) == "outlets/bbc-page-2/page/3.html"
    # Relative links between pages work from any depth.
    assert urls.relative("days/undated/page/2.html", "days/undated.html") == "../../../days/undated.html"
    assert urls.relative("days/undated/page/2.html", "days/undated/page/3.html") == "3.html"
    assert urls.relative("days/undated.html", "days/undated/page/2.html") == "undated/page/2.html"


@pytest.mark.parametrize(("total", "size", "expected"), [
    (0, 50, [(0, 0)]),  # an empty list still has its page 1
    (1, 50, [(0, 1)]),
    (50, 50, [(0, 50)]),
    (51, 50, [(0, 50), (50, 51)]),
    (7, 3, [(0, 3), (3, 6), (6, 7)]),
])
def test_paginate_slices_every_item_once(total, size, expected):
    pagers = paginate("days/x.html", total, size)
    assert [(p.start, p.stop) for p in pagers] == expected
    assert [p.number for p in pagers] == list(range(1, len(expected) + 1))
    assert {p.count for p in pagers} == {len(expected)} and {p.total for p in pagers} == {total}
    for position in range(total):
        pager = pagers[page_of(position, size) - 1]
        assert pager.start <= position < pager.stop


def test_previous_and_next_chain_the_pages():
    first, second, third = paginate("outlets/bbc.html", 5, 2)
    assert (first.previous, first.next) == (None, "outlets/bbc/page/2.html")
    assert (second.previous, second.next) == ("outlets/bbc.html", "outlets/bbc/page/3.html")
    assert (third.previous, third.next) == ("outlets/bbc/page/2.html", None)
    assert second.path == "outlets/bbc/page/2.html" and second.url_of(1) == "outlets/bbc.html"


@pytest.mark.parametrize(("number", "count", "expected"), [
    (1, 1, [1]),
    (1, 3, [1, 2, 3]),
    (1, 34, [1, 2, None, 34]),
    (4, 34, [1, 2, 3, 4, 5, None, 34]),  # 2 is shown rather than an ellipsis standing for it
    (17, 34, [1, None, 16, 17, 18, None, 34]),
    (34, 34, [1, None, 33, 34]),
])
def test_the_pager_window_keeps_the_ends_and_the_neighbours(number, count, expected):
    assert window(number, count) == expected


def _site(tmp_path: Path, count: int, size: int, base_url: str = "") -> Path:
    """`count` articles on one day, `size` to a page; returns the output folder."""
    write_dated_articles(tmp_path / "content", [dt.date(2024, 5, 1)] * count)
    site = f'[site]\npaginate = {size}\nbase_url = "{base_url}"\n' if base_url else f"[site]\npaginate = {size}\n"
    (tmp_path / "config.toml").write_text(site + '[build]\ncontent = ["content"]\noutput = "site"\n', encoding="utf-8")
    report = build(load_config(tmp_path / "config.toml"), use_cache=False)
    assert report.errors == []
    return tmp_path / "site"


def _cards(page: Path) -> list[str]:
    return re.findall(r'<article class="card">\s*<h3><a href="([^"]+)"', page.read_text(encoding="utf-8"))


def _rel(page: Path, name: str) -> str | None:
    match = re.search(rf'<a [^>]*rel="{name}" href="([^"]+)"', page.read_text(encoding="utf-8"))
    return match and match.group(1)


def test_a_long_day_is_written_as_linked_pages(tmp_path):
    site = _site(tmp_path, 5, 2, base_url="https://example.org/news/")
    day = [site / "days/2024-05-01.html", site / "days/2024-05-01/page/2.html", site / "days/2024-05-01/page/3.html"]
    assert all(p.is_file() for p in day) and not (site / "days/2024-05-01/page/4.html").exists()
    assert not (site / "days/2024-05-01/page/1.html").exists()  # page 1 is the day's own URL

    # Every article once, in the day's order, two to a page.
    listed = [_cards(p) for p in day]
    assert [len(cards) for cards in listed] == [2, 2, 1]
    names = [link.rsplit("/", 1)[-1] for cards in listed for link in cards]
    assert len(set(names)) == 5

    # Previous and next lead from page to page and back, and name the page in the title.
    for here, (before, after) in zip(day, [(None, day[1]), (day[0], day[2]), (day[1], None)]):
        for name, target in (("prev", before), ("next", after)):
            link = _rel(here, name)
            assert (link and (here.parent / link).resolve()) == (target and target.resolve()), (here, name)
        assert 'aria-current="page"' in here.read_text(encoding="utf-8")
    titles = [re.search(r"<title>(.*?)</title>", p.read_text(encoding="utf-8")).group(1) for p in day]
    assert titles[0] == "Wednesday 1 May 2024 · News briefing"
    assert titles[1:] == ["Wednesday 1 May 2024 — page 2 · News briefing", "Wednesday 1 May 2024 — page 3 · News briefing"]
    assert "Page 2 of 3 · articles 3–4 of 5" in day[1].read_text(encoding="utf-8")
    # The day's briefing sums up every article: on page 1 only.
    assert 'id="briefing-h"' in day[0].read_text(encoding="utf-8")
    assert not any('id="briefing-h"' in p.read_text(encoding="utf-8") for p in day[1:])

    # An article's links to its day and its outlet land on the page that lists it.
    for page, cards in zip(day, listed):
        for link in cards:
            article = (page.parent / link).resolve()
            breadcrumb = re.search(r'aria-label="Breadcrumb">.*?</a> › <a href="([^"]+)"', article.read_text(encoding="utf-8")).group(1)
            assert (article.parent / breadcrumb).resolve() == page.resolve()
            outlet_link = re.search(r'<p class="byline">\s*<a href="([^"]+)"', article.read_text(encoding="utf-8")).group(1)
            assert link.rsplit("/", 1)[-1] in [c.rsplit("/", 1)[-1] for c in _cards((article.parent / outlet_link).resolve())]

    # The outlet lists the same five on three pages; the index shows page 1's two and links on.
    assert (site / "outlets/example-gazette/page/3.html").is_file()
    index = (site / "index.html").read_text(encoding="utf-8")
    assert len(_cards(site / "index.html")) == 2
    assert 'href="days/2024-05-01/page/2.html">3 more articles on the next pages of Wednesday 1 May 2024' in index
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://example.org/news/days/2024-05-01/page/3.html" in sitemap
    assert "https://example.org/news/outlets/example-gazette/page/2.html" in sitemap
    assert [b for b in broken_links(site) if not b.startswith("404.html")] == []


def test_a_list_that_fits_has_no_pager(tmp_path):
    site = _site(tmp_path, 3, 3)
    assert not (site / "days/2024-05-01").exists() and not (site / "outlets/example-gazette").exists()
    page = (site / "days/2024-05-01.html").read_text(encoding="utf-8")
    assert 'class="pagination"' not in page and "page-status" not in page
    assert len(_cards(site / "days/2024-05-01.html")) == 3


def test_a_speakers_distinct_quotes_are_paged(tmp_path):
    said = ["We will open the new harbour bridge before the winter storms arrive", "Nobody on this council voted for higher bus fares",
            "The library stays open on Sundays as long as I am mayor"]
    for n, quote in enumerate(said, 1):
        (tmp_path / "content").mkdir(exist_ok=True)
        (tmp_path / "content" / f"2024-05-0{n}-{n}.md").write_text(
            f'+++\ntitle = "Story {n}"\noutlet = "Example Gazette"\n+++\n\nThe council met on day {n}.\n\n"{quote}," Ana Ruiz said.\n', encoding="utf-8")
    site = _site(tmp_path, 0, 1)
    pages = [site / "speakers/ana-ruiz.html", site / "speakers/ana-ruiz/page/2.html", site / "speakers/ana-ruiz/page/3.html"]
    assert all(p.is_file() for p in pages) and not (site / "speakers/ana-ruiz/page/4.html").exists()
    assert [p.read_text(encoding="utf-8").count('class="quote-item"') for p in pages] == [1, 1, 1]
    assert said[0] in pages[2].read_text(encoding="utf-8")  # newest first: day 3's quote opens page 1
    assert _rel(pages[1], "prev") == "../../../speakers/ana-ruiz.html"
    assert "<title>Ana Ruiz — page 3 · News briefing</title>" in pages[2].read_text(encoding="utf-8")
    # The chart of every quote over time is on page 1 only.
    assert 'class="chart sparkline"' in pages[0].read_text(encoding="utf-8")
    assert not any('class="chart sparkline"' in p.read_text(encoding="utf-8") for p in pages[1:])


def test_repeats_of_one_quote_count_once(tmp_path):
    # conftest's articles give each fifth one the same person saying nearly the same thing:
    # Tom Becker's three tellings are one quote, so one page, not three.
    site = _site(tmp_path, 11, 1)
    assert (site / "speakers/tom-becker.html").read_text(encoding="utf-8").count('class="quote-item"') == 1
    assert not (site / "speakers/tom-becker").exists()
