"""Metadata a reader sees on the article page: headline, outlet, byline, contributors."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from digest import dates
from digest.metadata import extract_metadata
from digest.model import CleanText, Paragraph, RemovedLine, Source


def page(header=(), body=(), footer=(), removed=(), path="news/story.txt", front=()) -> tuple[Source, CleanText]:
    """A cleaned page as the clean stage would hand it over, numbered like a scraped file."""
    lines: list[str] = []

    def add(texts):
        out = []
        for text in texts:
            lines.append(text)
            lines.append("")
            out.append((len(lines) - 1, text))
        return out

    head = add(header)
    paras = add(body)
    dropped = add(removed)
    foot = add(footer)
    clean = CleanText(
        tuple(Paragraph(t, n) for n, t in paras),
        tuple(RemovedLine(n, t, "boilerplate") for n, t in dropped),
        tuple(head),
        tuple(foot),
    )
    return Source(path, "txt", "\n".join(lines), tuple(front)), clean


STORM = (
    "Rivers burst their banks in three coastal towns on Monday as the storm moved inland, officials said.",
    "Emergency crews evacuated hundreds of residents from low-lying streets near the harbour.",
)


def meta_of(**kwargs):
    return extract_metadata(*page(**kwargs))


def test_headline_byline_at_top():
    meta = meta_of(header=("Menu", "Breaking News", "Storm floods coastal towns as rivers burst their banks",
                           "By Jane Roe and John Doe"), body=STORM)
    assert meta.title.value == "Storm floods coastal towns as rivers burst their banks"
    assert meta.title.source.startswith("headline line")
    assert meta.authors == ("Jane Roe", "John Doe")


def test_duplicated_caption_is_not_the_headline():
    caption = "Residents wade through flood water in the harbour district of the coastal town after the storm."
    meta = meta_of(header=("Storm floods coastal towns", caption, caption), body=STORM)
    assert meta.title.value == "Storm floods coastal towns"


def test_byline_at_the_end_names_authors_and_agency_outlet():
    meta = meta_of(
        header=("Storm floods coastal towns as rivers burst their banks",),
        body=("LISBON (AP) — " + STORM[0], STORM[1]),
        footer=("Associated Press writers Sam Ng in Porto and Edith M. Lederer at the United Nations contributed to this report.",
                "Maria Lopez And Tom Hart, The Associated Press"),
    )
    assert meta.authors == ("Maria Lopez", "Tom Hart")
    assert meta.contributors == ("Sam Ng", "Edith M. Lederer")
    assert meta.outlet.value == "AP"
    assert "Associated Press" not in meta.authors + meta.contributors


def test_dateline_names_the_wire_as_outlet():
    meta = meta_of(header=("Storm floods coastal towns",), body=("GENEVA (Reuters) - " + STORM[0],))
    assert meta.outlet.value == "Reuters"
    assert "dateline" in meta.outlet.source


def test_photo_credit_via_ap_does_not_make_ap_the_outlet():
    meta = meta_of(header=("Storm floods coastal towns", "Flood water in the harbour.", "City Press Office via AP"),
                   body=STORM, footer=("Copyright 2021 NPR. To see more, visit https://www.npr.org.",))
    assert meta.outlet.value == "NPR"
    assert "copyright" in meta.outlet.source
    alone = meta_of(header=("Storm floods coastal towns", "City Press Office via AP"), body=STORM)
    assert alone.outlet.value == "Unknown outlet" and alone.outlet.confidence == "low"


def test_author_bio_line_at_the_end_gives_the_author():
    meta = meta_of(header=("Storm floods coastal towns",), body=STORM,
                   footer=("Dana Fox has reported for NPR since 2015 with a focus on climate and the coasts.",))
    assert meta.authors == ("Dana Fox",)
    assert "bio" in meta.authors_source
    assert meta.outlet.value == "NPR"


def test_with_reporting_by_lists_contributors_not_wires():
    meta = meta_of(header=("Storm floods coastal towns",), body=STORM,
                   footer=("With reporting by senior correspondent Ann Lee in Rome, Europe Editor Piet de Vries, Reuters, AFP, and AP",))
    assert meta.authors == ()
    assert meta.contributors == ("Ann Lee", "Piet de Vries")


def test_wire_only_sourcing_line_is_not_the_outlet_and_house_formula_is_inferred():
    meta = meta_of(body=STORM, footer=("Some information for this report came from The Associated Press and Reuters.",))
    assert meta.outlet.value == "VOA"
    assert meta.outlet.confidence == "inferred"
    plain = meta_of(body=STORM, footer=("With reporting by Reuters and AFP",))
    assert plain.outlet.value == "Unknown outlet"


def test_reuters_credit_line_splits_reporters_helpers_and_editors():
    meta = meta_of(header=("Storm floods coastal towns",), body=("KYIV, Jan 28 (Reuters) - " + STORM[0],),
                   footer=("Reporting by Pavel Polityuk in Kyiv; Additional reporting by Mark Trevelyan; Editing by Sam Holmes",))
    assert meta.authors == ("Pavel Polityuk",)
    assert meta.contributors == ("Mark Trevelyan",)
    assert meta.outlet.value == "Reuters"


def test_capitalised_byline_and_name_under_headline():
    caps = meta_of(header=("Storm floods coastal towns", "By MARIA LOPEZ and TOM HART"), body=STORM)
    assert caps.authors == ("Maria Lopez", "Tom Hart")
    bare = meta_of(header=("Storm floods coastal towns as rivers burst their banks", "Dan Roe in Lisbon", "Fri 5 Mar 2021 10.00 GMT"),
                   body=STORM)
    assert bare.authors == ("Dan Roe",)
    assert bare.date.value == dt.date(2021, 3, 5)


def numbered_page(lines: dict[int, str], paragraphs: tuple[int, ...], removed: dict[int, str]) -> tuple[Source, CleanText]:
    """A page whose clean result is given line by line: which lines are paragraphs, which were removed and why."""
    text = "\n".join(lines.get(n, "") for n in range(1, max(lines) + 1))
    clean = CleanText(tuple(Paragraph(lines[n], n) for n in paragraphs),
                      tuple(RemovedLine(n, lines[n], why) for n, why in sorted(removed.items())),
                      tuple((n, lines[n]) for n in lines if n < paragraphs[0]))
    return Source("news/story.txt", "txt", text), clean


def test_headline_kept_as_a_paragraph_above_the_date_line_is_the_title():
    headline = "Storm floods coastal towns as rivers burst their banks"
    lines = {1: "Menu", 3: headline, 5: "Updated on: March 9, 2017 / 10:07 AM", 7: STORM[0], 9: STORM[1]}
    meta = extract_metadata(*numbered_page(lines, (3, 7, 9), {1: "header", 5: "date line"}))
    assert (meta.title.value, meta.title.source) == (headline, "headline line 3")
    assert meta.date.value == dt.date(2017, 3, 9)
    # A first paragraph that is a sentence is the article itself, date line or not.
    lines[3] = "Officials said the storm was the worst in a decade."
    meta = extract_metadata(*numbered_page(lines, (3, 7, 9), {1: "header", 5: "date line"}))
    assert meta.title.confidence == "generated" and str(meta.title.value).startswith("Officials said")


def test_bylines_in_a_list_of_other_stories_are_not_the_authors():
    lines = {1: "Storm floods coastal towns", 3: STORM[0], 5: STORM[1], 7: "Most Popular", 9: "Heat wave grips the south",
             11: "By Ann Lee"}
    listed = extract_metadata(*numbered_page(lines, (3, 5), {1: "header", 7: "Latest Stories list", 11: "byline"}))
    assert listed.authors == ()
    closing = extract_metadata(*numbered_page(lines, (3, 5), {1: "header", 7: "footer", 11: "byline"}))
    assert closing.authors == ("Ann Lee",)  # with no list before it, a byline under the story is the story's

def test_blog_comments_heading_names_the_title():
    # The title shares no words with the lead; the blog's menu does.
    title = "Notes from a long week"
    meta = meta_of(header=("Harbour Blog", "Storm and flood coverage", title), body=STORM,
                   removed=(f"2 thoughts on “{title}”",))
    assert (meta.title.value, meta.title.source) == (title, "headline line 5, quoted by the comments heading")

def test_headline_above_a_sentence_case_standfirst():
    headline = "Coastal Towns Count the Cost of the Storm"
    standfirst = "Rivers burst their banks in three towns and crews evacuated hundreds of residents"
    meta = meta_of(header=("Menu", headline, standfirst, "By Jane Roe"), body=STORM)
    assert meta.title.value == headline
    # A Title Case line is a headline itself: the related link above it is not.
    related = "Harbour residents evacuated as crews prepare"
    meta = meta_of(header=(related, "Rivers Burst Their Banks in Three Coastal Towns", "By Jane Roe"), body=STORM)
    assert meta.title.value == "Rivers Burst Their Banks in Three Coastal Towns"


@pytest.mark.parametrize("line, authors", [
    ("By Dan Roe - 11/19/19 06:56 AM EST", ("Dan Roe",)),  # a dash before the time stamp
    ("By Maria Lopez On 11/13/19 at 4:00 PM EST", ("Maria Lopez",)),
    ("Monday November 18, 2019 7:45 am PST by Tom Hart", ("Tom Hart",)),  # the date, then the byline
    ("Ann Lee, AP Science Writer", ("Ann Lee",)),  # a name, then only a role
    ("Jane Roe | Staff writer", ("Jane Roe",)),
    ("Analysis by John Doe, Example News Editor-at-large", ("John Doe",)),
    ("Rosa P. Diaz Senior Contributor", ("Rosa P. Diaz",)),  # a bare name under the headline, role after it
    ("Ada Byrne @adabyrne", ("Ada Byrne",)),  # ... or a handle
    ("Key Points", ()),  # a box heading under the headline, not a name
    ("New Orleans | Staff", ()),
    ("Posted on March 30, 2015 by Admin", ()),  # a site account, not a person
])
def test_byline_shapes(line, authors):
    meta = meta_of(header=("Storm floods coastal towns as rivers burst their banks", line), body=STORM)
    assert meta.authors == authors

def test_two_digit_year_in_a_byline_time_stamp():
    # The masthead prints today's date; the byline's "11/13/19 at 4:00 PM" is the article's.
    meta = meta_of(header=("Wed, Nov 20, 2019", "Menu", "Storm floods coastal towns as rivers burst their banks",
                           "By Maria Lopez On 11/13/19 at 4:00 PM EST"), body=STORM)
    assert meta.date.value == dt.date(2019, 11, 13)
    # Without a time it may be a score or a fraction.
    assert dates.calendar_matches("They won 1/2/19 on the night") == []

def test_outlets_labelling_a_list_of_other_stories_are_ignored():
    meta = meta_of(header=("Storm floods coastal towns",), body=STORM,
                   footer=("Latest Stories", "Heat wave grips the south", "The Independent",
                           "Markets slide on rate fears", "The Independent"))
    assert meta.outlet.value == "Unknown outlet"


def test_file_without_headline_gets_a_generated_title():
    meta = meta_of(body=STORM)
    assert meta.title.confidence == "generated"
    assert STORM[0].startswith(str(meta.title.value).rstrip("…"))
    assert len(str(meta.title.value).split()) <= 15


def test_headline_without_spaces_is_found_in_japanese_pages():
    # CJK headlines have no spaces: counted as one "word" they were never candidates.
    body = ("文化庁は１日、アート、エンターテインメント、アニメーション、マンガの４部門で優れた作品を顕彰する"
            "今年度のメディア芸術祭賞を発表した。エンターテインメント部門の大賞はテレビ番組「チコちゃんに叱られる！」。",)
    meta = meta_of(header=("ニュース", "メディア芸術祭賞、「チコちゃんに叱られる！」が受賞"), body=body)
    assert meta.title.value == "メディア芸術祭賞、「チコちゃんに叱られる！」が受賞"
    # A one-word section label ("incident") shares characters with the lead but is no headline.
    label = meta_of(header=("インシデント",), body=("インシデントの報告によると、大学のUSBメモリが電車内で紛失した可能性がある。",))
    assert label.title.confidence == "generated"


def test_name_followed_only_by_a_date_is_the_byline():
    meta = meta_of(header=("Storm floods coastal towns", "Mattias Geniar, April 19, 2020"), body=STORM)
    assert meta.authors == ("Mattias Geniar",)
    assert meta.date.value == dt.date(2020, 4, 19)
    # A place and a date is a dateline, not a person.
    place = meta_of(header=("Storm floods coastal towns", "New Orleans, April 19, 2020"), body=STORM)
    assert place.authors == ()


def test_published_date_beats_the_update_on_the_same_long_line():
    line = "Published February 24, 2020 Last updated July 21, 2022 This article is more than 2 years old."
    meta = meta_of(header=("Storm floods coastal towns", line), body=STORM)
    assert meta.date.value == dt.date(2020, 2, 24)


def test_front_matter_overrides_the_text():
    meta = meta_of(
        header=("Storm floods coastal towns",), body=STORM,
        front=(("title", "Coastal flooding"), ("outlet", "https://www.npr.org/2021/x"), ("authors", ["Ann Lee"]),
               ("date", dt.date(2021, 3, 4))),
    )
    assert (meta.title.value, meta.title.source) == ("Coastal flooding", "front matter")
    assert meta.outlet.value == "NPR"
    assert meta.authors == ("Ann Lee",)
    assert meta.date.is_exact and meta.date.value == dt.date(2021, 3, 4)


def test_date_in_file_name_and_printed_date():
    named = meta_of(body=STORM, path="news/2021-03-04-storm.txt")
    assert named.date.is_exact and named.date.value == dt.date(2021, 3, 4)
    assert "file name" in named.date.source
    printed = meta_of(header=("Storm floods coastal towns", "By Jane Roe", "Published March 9, 2017"), body=STORM)
    assert printed.date.value == dt.date(2017, 3, 9)


def test_date_clues_come_from_body_not_captions():
    meta = meta_of(header=("Storm floods coastal towns",),
                   body=("The mayor said Wednesday that repairs would start on March 12.",),
                   removed=("A truck drives through water on Jan. 29.",),
                   footer=("© 2021 Example News",))
    kinds = [(c.kind, c.text) for c in meta.date_clues]
    assert ("weekday", "Wednesday") in kinds
    assert ("explicit", "March 12") in kinds
    assert not any("Jan" in text for _, text in kinds)
    assert ("year", 2021) in [(c.kind, c.year) for c in meta.date_clues]
    assert meta.date.value is None  # no year with the day: resolved across the collection later


GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold" / "seeds.json"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def gold_pages():
    """Seeds with a crude CleanText built from the gold body line range."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    out = []
    for name, arts in sorted(gold.items()):
        art = arts[0]
        text = (SEEDS / name).read_text(encoding="utf-8")
        lines = text.split("\n")
        skip = set(art["boilerplate_line_numbers"]) | set(art["credit_line_numbers"])
        skip |= {i for i, line in enumerate(lines, 1) if line.strip() in (art.get("subheadings") or [])}
        first, last = art["body_lines"]
        numbered = [(i, t.strip()) for i, t in enumerate(lines, 1) if t.strip()]
        clean = CleanText(
            tuple(Paragraph(t, i) for i, t in numbered if first <= i <= last and i not in skip),
            tuple(RemovedLine(i, t, "boilerplate") for i, t in numbered if first <= i <= last and i in skip),
            tuple((i, t) for i, t in numbered if i < first),
            tuple((i, t) for i, t in numbered if i > last),
        )
        out.append((Source(f"seeds/{name}", "txt", text), clean, art))
    return out


@pytest.mark.skipif(not GOLD.exists(), reason="../shared/gold is not present")
def test_seed_titles_outlets_and_people_match_gold():
    for source, clean, art in gold_pages():
        meta = extract_metadata(source, clean)
        if art["title"]:
            assert meta.title.value == art["title"], source.path
        else:
            assert meta.title.confidence == "generated", source.path
        assert meta.outlet.value == art["outlet"], source.path
        people = set(art["authors"]) | set(art.get("contributors") or [])
        assert set(meta.authors) | set(meta.contributors) == people, source.path
        assert not set(meta.authors) - set(art["authors"]), source.path
