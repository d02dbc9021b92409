"""The index's timeline: its bins follow the span of the dates (days, ISO weeks, months,
years), every bar links to a page the build wrote, and its axis labels stay apart."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape
from pathlib import Path
from types import SimpleNamespace

import pytest

from digest.build import build
from digest.charts import speaker_chart, timeline
from digest.config import load_config
from digest.model import Day

from conftest import write_dated_articles

MONDAY = dt.date(2022, 1, 3)


def _every(first: dt.date, days: int, step: int = 1) -> list[dt.date]:
    return [first + dt.timedelta(days=i) for i in range(0, days, step)]


def _build(tmp_path_factory, name: str, dates: list[dt.date]) -> Path:
    root = tmp_path_factory.mktemp(name)
    write_dated_articles(root / "content", dates)
    (root / "config.toml").write_text('[build]\ncontent = ["content"]\noutput = "site"\n', encoding="utf-8")
    report = build(load_config(root / "config.toml"), use_cache=False)
    assert report.errors == [] and report.articles == len(dates)
    return root / "site"


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    """Real builds: ten days in a row, a year (an article every third day), four years (every tenth)."""
    spans = {"ten-days": _every(MONDAY, 10), "a-year": _every(MONDAY, 365, 3), "four-years": _every(MONDAY, 4 * 365, 10)}
    return {name: _build(tmp_path_factory, name, dates) for name, dates in spans.items()}


def _chart(html: str) -> dict:
    svg = re.search(r'<svg class="chart timeline.*?</svg>', html, re.S).group(0)
    return {
        "title": re.search(r'<title id="tl-title">(.*?)</title>', svg).group(1),
        "desc": unescape(re.search(r'<desc id="tl-desc">(.*?)</desc>', svg).group(1)),
        "bars": [(href, unescape(title)) for href, title in re.findall(r'<a href="([^"]+)"><title>([^<]*)</title>', svg)],
        "ticks": [(int(x), unescape(text)) for x, text in re.findall(r'<text class="tick(?: odd)?" x="(\d+)"[^>]*>([^<]*)</text>', svg)],
        "years": re.findall(r'<text class="tick year"[^>]*>(\d{4})</text>', svg),
    }


def _index_chart(site: Path) -> dict:
    return _chart((site / "index.html").read_text(encoding="utf-8"))


def _articles_in(title: str) -> int:
    return int(re.search(r": (\d+) articles?, \d+ quotes?$", title).group(1))


def test_ten_days_get_a_bar_each(sites):
    chart = _index_chart(sites["ten-days"])
    assert chart["title"] == "Articles and quotes per day"
    assert [title for _, title in chart["bars"]][:2] == ["Monday 3 January 2022: 1 article, 1 quote", "Tuesday 4 January 2022: 1 article, 1 quote"]
    assert [href for href, _ in chart["bars"]] == [f"days/{day.isoformat()}.html" for day in _every(MONDAY, 10)]


def test_a_year_of_days_is_shown_by_iso_week(sites):
    chart = _index_chart(sites["a-year"])
    assert chart["title"] == "Articles and quotes per week"
    assert 52 <= len(chart["bars"]) <= 53
    for href, title in chart["bars"]:
        week = dt.datetime.strptime(re.match(r"Week of (\d+ \w+ \d{4}):", title).group(1), "%d %b %Y").date()
        linked = dt.date.fromisoformat(href.removeprefix("days/").removesuffix(".html"))
        assert week.weekday() == 0, title  # ISO weeks start on Monday
        # The bar opens the first day of its week that has articles: every third day, so one of the first three.
        assert 0 <= (linked - week).days <= 2, (href, title)
    assert sum(_articles_in(title) for _, title in chart["bars"]) == len(_every(MONDAY, 365, 3))
    assert chart["bars"][0][1] == "Week of 3 Jan 2022: 3 articles, 3 quotes"
    assert chart["years"] == ["2022"]  # the last week begins on 26 Dec 2022


def test_four_years_are_shown_by_month(sites):
    chart = _index_chart(sites["four-years"])
    assert chart["title"] == "Articles and quotes per month"
    assert 48 <= len(chart["bars"]) <= 49
    assert chart["bars"][0][1].startswith("January 2022: 3 articles, ")
    assert all(re.match(r"[A-Z][a-z]+ \d{4}: ", title) for _, title in chart["bars"])
    assert sum(_articles_in(title) for _, title in chart["bars"]) == len(_every(MONDAY, 4 * 365, 10))
    assert {text for _, text in chart["ticks"]} <= {"Jan", "Apr", "Jul", "Oct"}  # the same months every year
    assert chart["years"] == ["2022", "2023", "2024", "2025"]  # under the labels, again where the year changes


@pytest.mark.parametrize("span", ["ten-days", "a-year", "four-years"])
def test_every_bar_links_to_a_page_the_build_wrote(sites, span):
    chart = _index_chart(sites[span])
    assert chart["bars"]
    assert [href for href, _ in chart["bars"] if not (sites[span] / href).is_file()] == []
    # The description a screen reader hears names every bar, in the same words as its tooltip.
    assert chart["desc"] == "; ".join(title for _, title in chart["bars"])


@pytest.mark.parametrize("span", ["ten-days", "a-year", "four-years"])
def test_axis_labels_are_few_and_apart(sites, span):
    ticks = _index_chart(sites[span])["ticks"]
    assert 2 <= len(ticks) <= 16
    # 6 viewBox units a character is the narrowest common 11px sans-serif; the browser test measures the real thing.
    gaps = [(b[0] - a[0]) - 3 * (len(a[1]) + len(b[1])) for a, b in zip(ticks, ticks[1:])]
    assert min(gaps) > 0, ticks


def _chart_of(dates: list[dt.date | None]) -> dict:
    """The chart for days with one quoteless article each, without a build."""
    days = [Day(date, date.isoformat() if date else "undated", (f"a{i}",)) for i, date in enumerate(dates)]
    by_slug = {f"a{i}": SimpleNamespace(quotes=()) for i in range(len(dates))}
    html = str(timeline(days, by_slug, lambda target: target))
    return _chart(html) if html else {}


@pytest.mark.parametrize(
    ("first", "last", "unit"),
    [
        ("2022-01-01", "2022-03-01", "day"),  # 60 days
        ("2022-01-01", "2022-03-02", "week"),  # 61 days
        ("2022-01-03", "2023-02-26", "week"),  # 60 ISO weeks
        ("2022-01-03", "2023-03-05", "month"),  # 61 ISO weeks
        ("2018-01-31", "2022-12-01", "month"),  # 60 months
        ("2018-01-31", "2023-01-01", "year"),  # 61 months
    ],
)
def test_the_finest_unit_that_fits_sixty_bars(first, last, unit):
    chart = _chart_of([dt.date.fromisoformat(first), dt.date.fromisoformat(last)])
    assert chart["title"] == f"Articles and quotes per {unit}"
    assert len(chart["bars"]) == 2


def test_a_sunday_belongs_to_the_week_that_began_on_monday():
    chart = _chart_of([dt.date(2022, 1, 2), dt.date(2022, 1, 3), dt.date(2022, 1, 9), dt.date(2022, 12, 31)])
    assert [title for _, title in chart["bars"]] == [
        "Week of 27 Dec 2021: 1 article, 0 quotes",
        "Week of 3 Jan 2022: 2 articles, 0 quotes",
        "Week of 26 Dec 2022: 1 article, 0 quotes",
    ]
    assert chart["bars"][1][0] == "days/2022-01-03.html"  # the first day of the week with articles


def test_a_misdated_outlier_groups_years_so_the_bars_stay_wide():
    chart = _chart_of([dt.date(1900, 6, 1), dt.date(2022, 1, 3), dt.date(2022, 1, 4)])
    assert chart["title"] == "Articles and quotes per 3 years"  # 123 years in at most 60 bars
    assert [title for _, title in chart["bars"]] == ["1900\u20131902: 1 article, 0 quotes", "2020\u20132022: 2 articles, 0 quotes"]


def test_undated_articles_stay_out_of_the_chart():
    chart = _chart_of([None, dt.date(2022, 1, 3)])
    assert [href for href, _ in chart["bars"]] == ["days/2022-01-03.html"]
    assert "undated" not in chart["desc"].lower()
    assert _chart_of([None]) == {}


def test_counts_under_the_title_agree_with_their_number(tmp_path_factory):
    # The stats line above the chart: "1 article · 1 day · … · 1 outlet", never "1 outlets".
    site = _build(tmp_path_factory, "one-day", [MONDAY])
    stats = re.search(r'<p class="stats">(.*?)</p>', (site / "index.html").read_text(encoding="utf-8")).group(1)
    assert stats == "1 article · 1 day · 1 speaker · 1 outlet"
    footer = re.search(r"<footer.*?</footer>", (site / "index.html").read_text(encoding="utf-8"), re.S).group(0)
    assert "1 article ·" in footer


def test_a_speakers_dots_say_how_many_quotes_each_day_had():
    # speaker.quotes holds one (article, quote index) pair per quote: two on the 3rd, one on the 5th.
    one = SimpleNamespace(slug="a", date=MONDAY)
    other = SimpleNamespace(slug="b", date=MONDAY + dt.timedelta(days=2))
    svg = str(speaker_chart([(one, 0), (one, 1), (other, 0)], lambda target: target))
    assert re.findall(r"<title>(.*?)</title>", svg) == ["03 January 2022: 2 quotes", "05 January 2022: 1 quote"]
    assert svg.count("<circle") == 2
