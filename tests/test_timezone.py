"""site.timezone: a stated date-time with an offset is filed under its day in the site's zone."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
import zoneinfo

import pytest

from digest.analyse import AnalysisSettings, analyse
from digest.build import build, settings_for
from digest.cli import main
from digest.config import load_config
from digest.dates.stamps import day_start, local_day, parse_stamp
from digest.read import parse_source

LATE = "2022-02-24T23:30:00-05:00"  # 04:30 on 25 February in UTC
BODY = "The council approved the harbour budget after a debate that ran late into the night, officials said.\n"


def day_of(text: str, fmt: str, zone: str, path: str = "a") -> dt.date | None:
    return analyse(parse_source(text.encode(), f"{path}.{fmt}", fmt), AnalysisSettings(timezone=zone)).meta.date.value


def test_an_offset_is_converted_to_the_site_zone():
    late = dt.datetime.fromisoformat(LATE)
    assert local_day(late, "UTC") == dt.date(2022, 2, 25)
    assert local_day(late, "America/New_York") == dt.date(2022, 2, 24)
    assert local_day(late, "Asia/Tokyo") == dt.date(2022, 2, 25)
    # Z is UTC: 04:30Z is still the 24th in New York; daylight saving time is the zone's own.
    assert local_day(dt.datetime.fromisoformat("2022-02-25T04:30:00Z"), "America/New_York") == dt.date(2022, 2, 24)
    assert local_day(dt.datetime.fromisoformat("2022-07-01T03:30:00Z"), "America/New_York") == dt.date(2022, 6, 30)
    assert local_day(dt.datetime.fromisoformat("2022-07-01T04:30:00Z"), "America/New_York") == dt.date(2022, 7, 1)


@pytest.mark.parametrize("zone", ["UTC", "America/New_York", "Pacific/Kiritimati", "Etc/GMT+12"])
def test_naive_times_and_plain_dates_never_move(zone):
    assert local_day(dt.datetime(2022, 2, 24, 23, 30), zone) == dt.date(2022, 2, 24)
    assert local_day(dt.datetime(2022, 2, 24, 0, 0), zone) == dt.date(2022, 2, 24)
    assert local_day(dt.date(2022, 2, 24), zone) == dt.date(2022, 2, 24)


def test_iso_stamps_are_read_whole():
    assert parse_stamp(LATE) == dt.datetime(2022, 2, 24, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    assert parse_stamp("2022-02-24T23:30:00-0500") == parse_stamp(LATE)  # htmldate's %z form
    assert parse_stamp("2022-02-25T04:30:00Z") == parse_stamp(LATE)
    assert parse_stamp(" 2022-02-24 23:30 ") == dt.datetime(2022, 2, 24, 23, 30)
    plain = parse_stamp("2022-02-24")
    assert plain == dt.date(2022, 2, 24) and not isinstance(plain, dt.datetime)
    assert parse_stamp("2022-02-24 (updated)") == dt.date(2022, 2, 24)
    assert parse_stamp("last week") is None


@pytest.mark.parametrize(
    "text, fmt",
    [
        (f"+++\ntitle = \"Budget\"\ndate = {LATE}\n+++\n{BODY}", "md"),  # TOML date-time
        (f"---\ntitle: Budget\ndate: {LATE}\n---\n{BODY}", "md"),  # YAML timestamp
        (f"---\ntitle: Budget\ndate: \"{LATE}\"\n---\n{BODY}", "md"),  # YAML string
        (json.dumps({"title": "Budget", "date": LATE, "text": BODY}), "json"),
    ],
)
def test_front_matter_date_times_are_filed_in_the_site_zone(text, fmt):
    assert day_of(text, fmt, "UTC") == dt.date(2022, 2, 25)
    assert day_of(text, fmt, "America/New_York") == dt.date(2022, 2, 24)


def test_front_matter_without_an_offset_or_time_stays_put():
    naive = f"+++\ndate = 2022-02-24T23:30:00\n+++\n{BODY}"
    plain = f"+++\ndate = 2022-02-24\n+++\n{BODY}"
    for zone in ("UTC", "Asia/Tokyo", "Pacific/Honolulu"):
        assert day_of(naive, "md", zone) == dt.date(2022, 2, 24)
        assert day_of(plain, "md", zone) == dt.date(2022, 2, 24)


def test_the_date_source_says_when_the_zone_moved_the_day():
    text = f"+++\ndate = {LATE}\n+++\n{BODY}"
    moved = analyse(parse_source(text.encode(), "a.md", "md"), AnalysisSettings(timezone="UTC")).meta.date
    assert moved.source == f"front matter: {LATE}, which is 2022-02-25 in UTC" and moved.confidence == "high"
    kept = analyse(parse_source(text.encode(), "a.md", "md"), AnalysisSettings(timezone="America/New_York")).meta.date
    assert kept.source == "front matter"


def test_a_date_in_the_file_name_never_moves():
    text = f"+++\ntitle = \"Budget\"\n+++\n{BODY}"
    assert day_of(text, "md", "Pacific/Kiritimati", path="2022-02-24-budget") == dt.date(2022, 2, 24)


PAGE = """<html><head><title>Harbour budget passes</title>{head}</head><body><article><h1>Harbour budget passes</h1>
{time}<p>{body}</p><p>{body}</p></article></body></html>"""


@pytest.mark.parametrize(
    "head, time",
    [
        (f'<meta property="article:published_time" content="{LATE}">', ""),
        ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
         f'"headline": "Harbour budget passes", "datePublished": "{LATE}"}}</script>', ""),
        ("", f'<time datetime="{LATE}">February 24</time>'),
    ],
)
def test_saved_pages_keep_the_offset_they_state(head, time):
    html = PAGE.format(head=head, time=time, body=BODY.strip())
    assert day_of(html, "html", "UTC") == dt.date(2022, 2, 25)
    assert day_of(html, "html", "America/New_York") == dt.date(2022, 2, 24)


def test_a_saved_page_with_only_a_day_is_that_day():
    html = PAGE.format(head='<meta property="article:published_time" content="2022-02-24">', time="", body=BODY.strip())
    for zone in ("UTC", "Pacific/Kiritimati", "Etc/GMT+12"):
        assert day_of(html, "html", zone) == dt.date(2022, 2, 24)


def test_the_sidecar_date_time_is_filed_in_the_site_zone(project, monkeypatch):
    project.write("talks.txt", f"Talks resume\n\n{BODY}")
    project.write("talks.meta.toml", f"date = {LATE}\n")
    for zone, day in (("UTC", "2022-02-25"), ("America/New_York", "2022-02-24")):
        configure(project, zone)
        monkeypatch.chdir(project.root)
        report = build(load_config(project.root / "config.toml"), use_cache=False)
        assert [a.date.isoformat() for a in report.site.articles] == [day]


def configure(project, zone: str) -> None:
    (project.root / "config.toml").write_text(
        f'[site]\ntitle = "Harbour"\nbase_url = "https://example.org/"\ntimezone = "{zone}"\n[build]\ncontent = ["content"]\n',
        encoding="utf-8",
    )


def test_two_zones_file_the_article_under_different_days_and_changing_it_re_analyses(project, monkeypatch):
    project.write("budget.md", f"+++\ntitle = \"Harbour budget passes\"\ndate = {LATE}\n+++\n{BODY}")
    project.write("2022-02-20-storm.md", f"+++\ntitle = \"Storm closes harbour\"\n+++\n{BODY.replace('budget', 'repairs')}")
    monkeypatch.chdir(project.root)
    seen = {}
    for zone, analysed in (("UTC", 2), ("America/New_York", 2), ("America/New_York", 0), ("UTC", 0)):
        configure(project, zone)
        report = build(load_config(project.root / "config.toml"))
        assert report.analysed == analysed, zone  # a new zone is a new analysis; the same zone is cached
        data = json.loads((project.root / "site" / "data" / "briefing.json").read_text(encoding="utf-8"))
        dates = {a["title"]: a["date"] for a in data["articles"]}
        seen.setdefault(zone, dates)
        assert dates == seen[zone]
        assert dates["Storm closes harbour"] == "2022-02-20"  # a day from the file name never moves
        feed = ET.parse(project.root / "site" / "feed.xml").getroot()
        updated = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}updated")]
        expected = {"UTC": "2022-02-25T00:00:00Z", "America/New_York": "2022-02-24T00:00:00-05:00"}[zone]
        assert updated[:2] == [expected, expected]  # the feed, then the newest entry: the same day as the site
    assert seen["UTC"]["Harbour budget passes"] == "2022-02-25"
    assert seen["America/New_York"]["Harbour budget passes"] == "2022-02-24"


def test_the_zone_is_part_of_the_analysis_cache_key(project):
    configure(project, "UTC")
    utc = settings_for(load_config(project.root / "config.toml"))
    configure(project, "Europe/London")
    london = settings_for(load_config(project.root / "config.toml"))
    assert (utc.timezone, london.timezone) == ("UTC", "Europe/London")
    assert utc.key() != london.key()


def test_feed_timestamps_are_rfc3339_with_the_zone_offset():
    assert day_start(dt.date(2022, 2, 24), "UTC") == "2022-02-24T00:00:00Z"
    assert day_start(dt.date(2022, 2, 24), "America/New_York") == "2022-02-24T00:00:00-05:00"
    assert day_start(dt.date(2022, 7, 1), "America/New_York") == "2022-07-01T00:00:00-04:00"
    assert day_start(dt.date(2022, 7, 1), "Asia/Kolkata") == "2022-07-01T00:00:00+05:30"
    assert day_start(dt.date(2022, 1, 5), "Europe/London") == "2022-01-05T00:00:00Z"


@pytest.mark.parametrize("zone", ["Mars/Olympus", "Europe", "utc", "", "../etc/passwd"])
def test_an_unknown_zone_is_a_config_error_with_its_line(project, monkeypatch, capsys, zone):
    (project.root / "config.toml").write_text(f'[site]\ntitle = "x"\ntimezone = "{zone}"\n', encoding="utf-8")
    monkeypatch.chdir(project.root)
    assert main(["build", "-q"]) == 2
    err = capsys.readouterr().err
    assert f"config.toml:3: site.timezone: unknown time zone {zone!r}" in err
    assert "Traceback" not in err and "internal error" not in err


def test_zone_data_comes_with_the_package_where_the_system_has_none(tmp_path, monkeypatch):
    """The tzdata dependency: without it a machine lacking /usr/share/zoneinfo (Windows, slim
    containers) could not even load the default "UTC"."""
    monkeypatch.chdir(tmp_path)  # no config.toml: the defaults
    try:
        zoneinfo.reset_tzpath(to=[])
        assert zoneinfo.ZoneInfo.no_cache("America/New_York").utcoffset(dt.datetime(2022, 2, 24)) == dt.timedelta(hours=-5)
        assert load_config(None).timezone == "UTC"
    finally:
        zoneinfo.reset_tzpath()


def test_changing_the_zone_rewrites_the_feeds_of_plain_dates(project, monkeypatch):
    """Nothing in the analysis changes (the days are plain), yet the feeds' offsets do."""
    project.write("2022-02-24-budget.md", f"+++\ntitle = \"Harbour budget passes\"\n+++\n{BODY}")
    monkeypatch.chdir(project.root)
    for zone, expected in (("UTC", "2022-02-24T00:00:00Z"), ("Asia/Kolkata", "2022-02-24T00:00:00+05:30")):
        configure(project, zone)
        build(load_config(project.root / "config.toml"))
        feed = ET.parse(project.root / "site" / "feed.xml").getroot()
        assert feed.find("{http://www.w3.org/2005/Atom}updated").text == expected
