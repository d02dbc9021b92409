"""The clean stage: what a reader of the built site would notice if the cleaner broke.

Fixture pages under fixtures/clean/ are small invented articles, each built around one
pattern of scraped-page furniture; the gold test checks the seeds against ../shared/gold.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.clean import clean
from digest.model import Source

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures" / "clean"
GOLD = HERE.parent.parent / "shared" / "gold" / "seeds.json"
SEEDS = HERE.parent / "seeds"


def clean_fixture(name: str):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return clean(Source(name, "txt", text)), text.split("\n")


def body_lines(result) -> list[int]:
    return [p.line for p in result.paragraphs if p.kind == "p"]


def reasons(result) -> dict[int, str]:
    return {r.line: r.reason for r in result.removed}


def test_doubled_caption_with_credit_between_is_not_body():
    result, _ = clean_fixture("doubled_caption.txt")
    assert body_lines(result) == [12, 14, 16, 20, 22]
    assert reasons(result)[8] == reasons(result)[10] == "duplicate caption"
    assert reasons(result)[9] == "photo credit"


def test_label_lines_and_their_values_are_byline_and_date_not_body():
    text = "\n".join([
        "Ferry strike strands thousands on the islands",
        "",
        "Author:",
        "Austin Murphy",
        "Publish date:",
        "Jan 12, 2017",
        "",
        "Ferry crews walked out on Monday, leaving thousands of travellers stranded on the islands for a second day.",
        "",
        "The union said the strike would continue until the operator agreed to talks over pay and rosters this week.",
        "",
        "Passengers queued at the harbour from dawn, hoping that a relief boat chartered by the council would arrive.",
    ])
    result = clean(Source("ferry.txt", "txt", text))
    assert body_lines(result) == [8, 10, 12]
    # A date line that runs on into a sentence is still a date line.
    long_date = text.replace(
        "Publish date:\nJan 12, 2017", "Published January 12, 2017 Last updated July 21, 2022 This article is more than 2 years old.\n")
    assert reasons(clean(Source("ferry.txt", "txt", long_date)))[5] == "date line"
    assert reasons(result)[3] == reasons(result)[4] == "byline"
    assert reasons(result)[5] == reasons(result)[6] == "date line"


def test_subheading_is_kept_as_structure_not_prose():
    result, _ = clean_fixture("doubled_caption.txt")
    headings = [(p.line, p.text) for p in result.paragraphs if p.kind == "h"]
    assert headings == [(18, "Why the boats are late")]


def test_radio_player_header_copyright_and_bio_are_outside_the_body():
    result, _ = clean_fixture("doubled_caption.txt")
    why = reasons(result)
    assert all(why[n] == "video player" for n in (1, 2, 3, 4))
    assert why[24] == "copyright" and why[26] == "author bio"
    assert result.footer[-1][0] == 26  # the bio names the author for metadata
    assert 6 in dict(result.header)  # the headline stays available to metadata


def test_promo_and_video_player_inside_the_body_are_cut_out():
    result, lines = clean_fixture("promo_and_player.txt")
    assert body_lines(result) == [11, 13, 19, 21, 30, 32]
    why = reasons(result)
    assert why[15] == why[17] == "promo"
    assert all(why[n] == "video player" for n in (23, 24, 26, 28))
    assert not any("click here" in p.text for p in result.paragraphs)


def test_footer_with_a_quote_is_not_body():
    result, lines = clean_fixture("promo_and_player.txt")
    texts = [p.text for p in result.paragraphs]
    assert not any('"foreign agent"' in t for t in texts)
    footer = dict(result.footer)
    assert footer[34].startswith("With reporting by")
    assert reasons(result)[34] == "sourcing line"
    assert '"foreign agent"' in footer[40]


def test_latest_stories_list_with_quotes_is_not_body():
    result, _ = clean_fixture("latest_stories.txt")
    assert body_lines(result) == [5, 7, 9, 11, 13]
    assert not any("win for every neighborhood" in p.text for p in result.paragraphs)
    why = reasons(result)
    assert all(why[n] == "Latest Stories list" for n in (23, 25, 27, 33, 35))
    # Other stories' weekdays must not reach metadata through the footer.
    assert not any("Monday" in text or "Saturday" in text for _, text in result.footer)


def test_dateline_stays_and_byline_at_the_end_goes_to_the_footer():
    result, _ = clean_fixture("latest_stories.txt")
    assert result.paragraphs[0].text.startswith("RIVERTON (AP) — The city council")
    why = reasons(result)
    assert why[3] == "read time" and why[17] == "sourcing line" and why[19] == "byline"
    footer = dict(result.footer)
    assert footer[19] == "Maria Lopez And Ken Adams, The Associated Press"
    assert footer[17].endswith("contributed to this report.")
    assert [n for n, _ in result.header] == [1, 3]  # headline and read-time line, for metadata


def test_page_without_headline_starts_with_the_first_sentence():
    result, _ = clean_fixture("no_headline.txt")
    assert body_lines(result) == [1, 3, 5, 7]
    assert result.header == ()
    assert reasons(result)[9] == "sourcing line"
    assert 11 in reasons(result)  # widget residue after the sourcing line


def test_menu_byline_date_and_related_list_around_a_short_body():
    result, _ = clean_fixture("byline_top.txt")
    assert body_lines(result) == [13, 15, 17]
    why = reasons(result)
    assert why[9] == "byline" and why[11] == "date line"
    assert why[19] == "Latest Stories list"
    assert all(why[n] == "related links" for n in (21, 22, 23))
    assert {9, 11} <= set(dict(result.header))


def test_bullet_list_inside_the_body_is_kept_but_a_list_of_headlines_is_not():
    result, _ = clean_fixture("key_points.txt")
    assert body_lines(result) == [7, 9, 11, 12, 13, 15, 17]
    why = reasons(result)
    assert why[19] == "tags" and why[21] == "Latest Stories list"
    assert why[23] == why[24] == "related links"


def test_list_closing_the_article_is_kept_and_prose_about_signing_up_is_not_a_promo():
    result, _ = clean_fixture("trailing_list.txt")
    assert body_lines(result) == [8, 10, 12, 16, 17, 18, 19]
    assert [(p.line, p.kind) for p in result.paragraphs if p.kind == "h"] == [(14, "h")]
    why = reasons(result)
    assert why[6] == "byline" and why[21] == "sourcing line"
    assert why[23] == why[24] == "navigation"


def test_structured_section_laid_out_in_blocks_up_to_a_related_heading_is_body():
    # A recipe's steps after its introduction: short blocks that score like a menu, but
    # each set off by blank lines like the prose above, and running up to the footer.
    intro = "This stew takes an hour on the stove, and it tastes even better the next day, so make a double batch."
    steps = []
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"):
        steps += [f"{day} lunch", "Eat within an hour of cooking", "Bean stew, 1 cup rice, 1 apple", "Portions: 2 Green, 1 Red"]
    text = "\n\n".join([
        "Home\nRecipes\nAbout", "Weekday stew plan", intro, intro.replace("hour", "evening"),
        intro.replace("stove", "hob"), *steps, "Related Articles", "Five soups for winter", "Why breakfast matters",
    ])
    result = clean(Source("plan.txt", "txt", text))
    kept = {p.text for p in result.paragraphs}
    assert set(steps) <= kept
    assert "Five soups for winter" not in kept and "Home" not in kept
    related = text.split("\n").index("Related Articles") + 1
    assert reasons(result)[related] == "Latest Stories list"
    # Consecutive lines are a menu, not blocks of the article: the same steps printed
    # without blank lines between them stay out.
    menu = text.replace("\n\n".join(steps), "\n".join(steps))
    assert not set(steps) & {p.text for p in clean(Source("plan.txt", "txt", menu)).paragraphs}


def test_table_of_figures_between_paragraphs_is_body_not_a_menu():
    lead = "The league published the final standings on Sunday, after the last race of a season decided by two points."
    rows = [f"{rank} Driver {name} {5040 - 7 * rank} {rank % 3} {rank % 2} {20 - rank} {27 - rank}"
            for rank, name in enumerate("Ames Brook Cole Dunn Eady Ford Gale Hale".split(), start=1)]
    text = "\n".join([
        "Home", "Standings", "", lead, "", lead.replace("Sunday", "Monday"), "",
        "Pos Driver Points Wins Poles Top 10", *rows, "",
        "Only the top twelve drivers took part in the playoff rounds.", "", "Copyright 2024 Example Racing",
    ])
    result = clean(Source("standings.txt", "txt", text))
    kept = [p.text for p in result.paragraphs]
    assert set(rows) <= set(kept)
    assert kept[-1] == "Only the top twelve drivers took part in the playoff rounds."
    assert "Home" not in kept


def test_blurbs_telling_the_reader_to_click_are_promos_in_any_language():
    paragraph = "A cidade aprovou o novo plano de transporte na segunda-feira, depois de meses de debate na câmara."
    blurbs = [
        "Clique na foto acima e veja todas as colunas que ele escreve sobre tênis, golfe e ciclismo para o site!",
        "Cliquez ici pour écouter le dernier épisode de notre émission sur le cyclisme et la course à pied.",
        "Click on the image above to see the full schedule of every race in this season, with all the times.",
    ]
    text = "\n\n".join([paragraph, paragraph.replace("segunda", "terça"), paragraph.replace("segunda", "quarta"),
                        "» Colunas", blurbs[0], "» Podcast", blurbs[1], "» Calendário", blurbs[2]])
    result = clean(Source("sidebar.txt", "txt", text))
    assert body_lines(result) == [1, 3, 5]
    assert [reasons(result)[n] for n in (9, 13, 17)] == ["promo"] * 3


def test_headline_right_above_a_read_more_link_is_a_teaser_not_a_subheading():
    paragraph = "The council met on Monday and voted to delay the plan, citing the cost of new equipment for schools."
    text = "\n\n".join([paragraph, paragraph.replace("Monday", "Tuesday"),
                        "Mayor Defends Bus Lanes After Week of Protests\nRead more",
                        paragraph.replace("Monday", "Friday"), "Why the vote matters", paragraph.replace("Monday", "Sunday")])
    result = clean(Source("teaser.txt", "txt", text))
    assert reasons(result)[5] == "promo"
    assert [(p.line, p.kind) for p in result.paragraphs if p.kind == "h"] == [(10, "h")]  # a real subheading stays


def test_newsletter_pitch_that_promises_the_readers_inbox_is_a_promo():
    paragraph = "The council met on Monday and voted to delay the plan, citing the cost of new equipment for schools."
    pitch = "Want more like this? Join The Morning Ferry today to get our free briefing delivered to your inbox daily."
    text = "\n\n".join([paragraph, paragraph.replace("Monday", "Tuesday"), paragraph.replace("Monday", "Friday"), pitch])
    result = clean(Source("pitch.txt", "txt", text))
    assert body_lines(result) == [1, 3, 5]
    assert reasons(result)[7] == "promo"


def test_captions_carrying_their_own_credit_are_dropped_from_the_body():
    paragraph = "The council met on Monday and voted to delay the plan, citing the cost of new equipment for schools."
    text = "\n\n".join([
        paragraph,
        "Council members vote in the chamber on Monday. Photograph: Jane Doe/Getty Images",
        paragraph.replace("Monday", "Tuesday"),
        "A worker repairs a road in the city centre, March 3, 2024. REUTERS/John Roe/File Photo",
        "Residents asked for a public hearing (AP Photo/Mary Poe)",
        paragraph.replace("Monday", "Wednesday"),
    ])
    result = clean(Source("c.txt", "txt", text))
    assert body_lines(result) == [1, 5, 11]
    assert {r.line: r.reason for r in result.removed} == {3: "caption", 7: "caption", 9: "caption"}


def test_related_box_and_comment_count_above_the_story_do_not_hide_it():
    result, _ = clean_fixture("standfirst_and_box.txt")
    assert body_lines(result) == [14, 16, 18, 20]
    why = reasons(result)
    assert why[6] == "comment count" and why[8] == "Latest Stories list"
    assert {3, 5} <= set(dict(result.header))  # standfirst and byline stay available to metadata


def test_author_bio_closing_the_page_is_footer_not_body():
    paragraph = "The council met on Monday and voted to delay the plan, citing the cost of new equipment for schools."
    bio = "Jane Doe is a reporter for Example News who covers city hall and regional transport."
    result = clean(Source("b.txt", "txt", f"{paragraph}\n\n{paragraph.replace('Monday', 'Friday')}\n\n{bio}\n"))
    assert body_lines(result) == [1, 3]
    assert reasons(result)[5] == "author bio"
    assert (5, bio) in result.footer


def test_every_line_is_either_body_or_removed_with_a_reason():
    for path in sorted(FIXTURES.glob("*.txt")):
        result = clean(Source(path.name, "txt", path.read_text(encoding="utf-8")))
        seen = [p.line for p in result.paragraphs] + [r.line for r in result.removed]
        nonblank = [n for n, raw in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if raw.strip()]
        assert sorted(seen) == nonblank, path.name
        assert all(r.reason for r in result.removed)


def test_markdown_input_keeps_its_paragraphs_and_drops_only_widgets():
    text = "# Title\n\nFirst paragraph of the story.\n\nShare\n\nAdvertisement\n\nA short line\n"
    result = clean(Source("a.md", "md", text))
    assert [p.text for p in result.paragraphs] == ["Title", "First paragraph of the story.", "A short line"]
    assert [p.kind for p in result.paragraphs] == ["h", "p", "p"]
    assert {r.reason for r in result.removed} == {"share buttons", "advertisement"}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([
    "", "Share", "0:00 0:01:02 0:00", "Latest Stories", "  • A headline here",
    "    A blurb that reads like a sentence, with words and a period at the end.",
    "The mayor said the council would vote again next week on the remaining items.",
    "Copyright 2024 Example", "By Jane Doe", "Photo: Jane Doe/AP", "Short heading",
]), max_size=40))
def test_any_page_accounts_for_every_line(lines):
    text = "\n".join(lines)
    result = clean(Source("x.txt", "txt", text))
    seen = sorted([p.line for p in result.paragraphs] + [r.line for r in result.removed])
    assert seen == [n for n, raw in enumerate(text.split("\n"), 1) if raw.strip()]
    assert all(p.text == p.text.strip() and p.text for p in result.paragraphs)


@pytest.mark.skipif(not GOLD.exists(), reason="../shared/gold absent")
def test_seeds_match_the_gold_body():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    for name, articles in gold.items():
        path = SEEDS / name
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        result = clean(Source(name, "txt", text))
        kinds = {p.line: p.kind for p in result.paragraphs}
        for truth in articles:
            junk = set(truth["boilerplate_line_numbers"]) | set(truth["credit_line_numbers"])
            subheads = {s.strip() for s in truth.get("subheadings") or ()}
            first, last = truth["body_lines"]
            assert not junk & set(kinds), f"{name}: boilerplate in body {sorted(junk & set(kinds))}"
            for number in range(first, last + 1):
                line = lines[number - 1].strip()
                if not line or number in junk:
                    continue
                expected = "h" if line in subheads else "p"
                assert kinds.get(number) == expected, f"{name}: line {number} should be {expected}"
            prose = [p.text for p in result.paragraphs if p.kind == "p"]
            assert prose[0].startswith(truth["first_body_sentence"])
            assert prose[-1].endswith(truth["last_body_sentence"])
