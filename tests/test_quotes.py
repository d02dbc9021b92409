"""The quotes stage: quoted stretches found whatever the mark style, and the right speaker."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.model import Paragraph
from digest.quotes import extract_quotes

GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold"


def quotes(*paras: str, kinds: dict[int, str] | None = None):
    kinds = kinds or {}
    return extract_quotes([Paragraph(t, i + 1, kinds.get(i, "p")) for i, t in enumerate(paras)])


def one(*paras: str):
    found = quotes(*paras)
    assert len(found) == 1, found
    return found[0]


# -- detection ---------------------------------------------------------------------------

@pytest.mark.parametrize("para", [
    '"The bridge will open in May," Mayor Ilse Varga said.',
    "“The bridge will open in May,” Mayor Ilse Varga said.",
    "“The bridge will open in May,\" Mayor Ilse Varga said.",
    "\"The bridge will open in May,” Mayor Ilse Varga said.",
    "''The bridge will open in May,'' Mayor Ilse Varga said.",
])
def test_every_mark_style_gives_the_same_quote(para):
    q = one(para)
    assert q.text == "The bridge will open in May"
    assert q.speaker == "Ilse Varga"
    assert q.kind == "direct"


def test_spans_cover_the_characters_inside_the_marks():
    paras = ["Farmers gathered early.", "“We lost the harvest,” said Tomas Rilke. “All of it.”"]
    q = one(*paras)
    pieces = [paras[s.paragraph][s.start:s.end] for s in q.spans]
    assert pieces == ["We lost the harvest", "All of it."]  # the attribution comma is not quoted


@pytest.mark.parametrize("para", [
    '"Yes ," he said.',
    '" hello, " Ann Lee said.',
    '“ We will appeal ,” said Marta Quist, “ and we will win. ”',
    '"Not now, not ever," the mayor said.',
])
def test_quote_text_is_exactly_what_its_spans_cover(para):
    # the page marks the spans in the article body: they must hold the quoted words, no more
    found = quotes(para)
    assert found
    for q in found:
        assert q.text and q.text == " ".join(para[s.start:s.end] for s in q.spans)
        assert not q.text.endswith((",", " ")) and not q.text.startswith(" ")


def test_marks_around_nothing_give_no_quote():
    assert quotes('" ,') == ()
    assert quotes('The vote was close, "  ," and the council adjourned.') == ()


def test_unclosed_quote_ends_at_the_end_of_its_paragraph():
    q = quotes('Coach Dana Whitfield said: "We play to win every match ', "The season starts Friday.")
    assert len(q) == 1
    assert q[0].text == "We play to win every match"
    assert q[0].speaker == "Dana Whitfield"


def test_quote_running_over_paragraphs_is_one_quote():
    q = quotes('Farmer Olga Brandt described the night. “The river rose overnight. We moved the animals.',
               "“Then we moved ourselves. Nobody slept.",
               "“By morning the road was gone.”",
               "Rescue teams arrived at noon.")
    assert len(q) == 1
    assert q[0].speaker == "Olga Brandt"
    assert [s.paragraph for s in q[0].spans] == [0, 1, 2]
    assert q[0].text.endswith("By morning the road was gone.")


def test_split_quote_is_joined():
    q = one('"Prices will fall," said Marta Olsen, the bank\'s chief economist. "Not this year, though."')
    assert q.text == "Prices will fall Not this year, though."
    assert len(q.spans) == 2
    assert q.speaker == "Marta Olsen"


def test_split_quote_with_a_second_attribution_is_two_quotes():
    q = quotes('"We are ready to talk," Olsen declared. "We are also ready to leave," said Olsen.')
    assert len(q) == 2


def test_new_narrative_starts_a_new_quote():
    q = quotes('"Taxes stay," Finance Minister Rui Prado said. He added that "nobody will pay more next year."')
    assert len(q) == 2
    assert q[1].speaker == "Rui Prado"


def test_scare_quote_is_partial_and_a_full_sentence_is_direct():
    q = quotes('Senator Paula Greer called the plan "reckless." She said: "We will vote against it tomorrow."')
    assert [x.kind for x in q] == ["partial", "direct"]
    assert {x.speaker for x in q} == {"Paula Greer"}


def test_titles_and_names_in_quotes_are_not_speech():
    q = quotes('Ms. Hale appeared on "Meet the Morning" and the film "Long Road Home" premiered.')
    assert q == ()


def test_subheadings_are_skipped():
    q = quotes('"A New Start"', 'The council met, and Councillor Ben Ode said "we begin again today with a plan."',
               kinds={0: "h"})
    assert len(q) == 1 and q[0].speaker == "Ben Ode"


# -- attribution ---------------------------------------------------------------------------

def test_inverted_attribution_with_apposition_naming_someone_else():
    q = one('"No deal was signed," said Pavel Dorn, chief of staff to Governor Ana Lutz.')
    assert q.speaker == "Pavel Dorn"


def test_speaker_named_after_the_quote_with_title_stripped():
    q = one('"The vaccine is safe," Deputy Health Minister Clara Voss told reporters on Monday.')
    assert q.speaker == "Clara Voss"
    assert q.cue.startswith("told reporters")


def test_surname_expands_to_the_fullest_name_in_the_article():
    q = quotes("Prime Minister Aleksander Novak met farmers on Tuesday.",
               '"We will help," Novak said.')
    assert q[0].speaker == "Aleksander Novak"


def test_people_mentioned_inside_the_quote_are_not_the_speaker():
    q = one('"President Lund asked us to wait," spokesman Omar Haddad said.')
    assert q.speaker == "Omar Haddad"


def test_pronoun_resolves_to_the_last_compatible_person():
    q = quotes("Judge Martin Kell and Senator Irene Fox met on Friday.",
               '"It was a good meeting," she said.',
               "Kell left early.",
               '"I had a flight," he said.')
    assert [x.speaker for x in q] == ["Irene Fox", "Martin Kell"]


def test_pronoun_prefers_the_subject_of_the_previous_sentence():
    q = quotes('Helga Stroud "rejected the offer," her lawyer, Paul Ames, said. '
               'She insisted that "the terms were never fair to anyone involved."')
    assert q[0].speaker == "Paul Ames"
    assert q[1].speaker == "Helga Stroud"


def test_standalone_quote_paragraph_continues_the_last_speaker():
    q = quotes("Union leader Rosa Main spoke for an hour on Sunday.",
               '"We are not going back," Main said.',
               '"Not for this wage."')
    assert [x.speaker for x in q] == ["Rosa Main", "Rosa Main"]


def test_organisation_and_its_statement():
    q = quotes("The Ministry of Fisheries said in a statement that quotas would change.",
               '"Stocks are recovering," the statement said.',
               '"We expect a better season," the ministry said.')
    assert [x.speaker for x in q] == ["Ministry of Fisheries", "Ministry of Fisheries"]


def test_unnamed_source_is_unknown_with_a_description():
    q = quotes('"The talks have stalled," a senior trade official said.',
               '"Nobody expects progress," the official said.')
    assert [x.speaker for x in q] == ["UNKNOWN", "UNKNOWN"]
    assert q[0].speaker_description == "a senior trade official"


def test_according_to():
    q = one('The dam is "structurally unsound," according to engineer Lisa Marr.')
    assert q.speaker == "Lisa Marr" and q.kind == "partial"


def test_transcript_labels_and_testimonials():
    q = quotes("Host Ray Dunne interviewed Governor Tess Okafor.",
               '"DUNNE: Will you run again?',
               '"OKAFOR: I have not decided.',
               "“Nothing is certain in this town.” ― Nadia Ferreira")
    assert [x.speaker for x in q] == ["Ray Dunne", "Tess Okafor", "Nadia Ferreira"]


def test_pronoun_skips_a_sentence_that_continues_with_the_same_pronoun():
    q = quotes("Engineer Tomasz Wrona runs the plant. He hopes that Ohio and Senator Greta Lind will help.",
               '"We need the credits," he said.')
    assert q[0].speaker == "Tomasz Wrona"


def test_pronoun_far_from_any_name_goes_on_with_the_last_speaker():
    q = quotes('"The shop opens at nine," said owner Lena Park.',
               "The street was quiet. Rain fell. Buses passed. Nobody came.",
               '"It was always like this," she said.')
    assert [x.speaker for x in q] == ["Lena Park", "Lena Park"]


def test_outlet_and_role_before_the_name():
    q = one('"The debate is over," said KXTV host Dale Ruiz.')
    assert q.speaker == "Dale Ruiz"


def test_fronted_clause_is_not_the_subject():
    q = one("With donors worried about Mayor Ruth Calder, Governor Ivo Brandt has a new message: "
            '"Trust the plan."')
    assert q.speaker == "Ivo Brandt"


def test_markup_heights_and_stage_directions_are_not_quotes():
    assert quotes('<embed author="kim" date="2020"> He is 6\'2" tall.', '"(APPLAUSE.)"') == ()


def test_lost_opening_mark_does_not_swallow_the_attribution():
    q = quotes('Mr Lowe was surprised. It came out of nowhere," he said, "I never expected it."')
    assert [x.text for x in q] == ["I never expected it."]
    assert q[0].speaker == "Lowe"


def test_quote_paragraphs_run_together_on_one_line():
    q = quotes('Analyst Petra Voss is cautious. "Sales fell again this quarter. '
               '"We expect a slow recovery next year," said Ms Voss.')
    assert len(q) == 1 and len(q[0].spans) == 2
    assert q[0].speaker == "Petra Voss"


def test_unnamed_spokeswoman_for_an_organisation_speaks_for_it():
    q = quotes("A spokeswoman for Harbor Transit Authority said fares would rise.",
               '"Costs have doubled," she said.')
    assert q[0].speaker == "Harbor Transit Authority"


def test_long_role_phrase_before_the_name():
    q = one('"We will appeal," said SEC deputy enforcement director Nora Lind.')
    assert q.speaker == "Nora Lind"


def test_possessive_description_means_someone_just_named():
    q = quotes("Aaron Pike on Monday urged Senator Ross Vale to apologize.",
               '"It was a disgrace," Vale\'s longtime critic said.')
    assert q[0].speaker == "Aaron Pike"


def test_honorific_picks_between_namesakes_in_one_article():
    q = quotes("Peter Hale and his wife, Susan Hale, opened the bakery in 1990.",
               '"We never took a day off," Mr. Hale said.')
    assert q[0].speaker == "Peter Hale"


def test_no_quotes_no_output():
    assert quotes("The committee adjourned at noon.") == ()
    assert extract_quotes([]) == ()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("ab ,.“”\"'‘’—:X")), max_size=40), max_size=4))
def test_any_text_gives_valid_spans(texts):
    paras = [Paragraph(t, i + 1) for i, t in enumerate(texts)]
    for q in extract_quotes(paras):
        assert q.spans
        for s in q.spans:
            assert 0 <= s.start <= s.end <= len(texts[s.paragraph])


# -- the five seed articles (hand-checked gold, when the shared folder is present) -------------

def _norm(s: str) -> str:
    s = s.replace("\u00a0", " ").replace("“", '"').replace("”", '"').replace("’", "'").replace("‘", "'")
    return re.sub(r"\s+", " ", s).strip().strip(",.;:").strip()


@pytest.mark.skipif(not (GOLD / "seeds.json").exists(), reason="shared gold absent")
def test_seed_quotes_text_and_speaker():
    gold = json.loads((GOLD / "seeds.json").read_text(encoding="utf-8"))
    right = total = both = 0
    direct_right = direct_total = 0
    for name, arts in gold.items():
        src = GOLD.parent / "seeds" / name
        if not src.exists():
            src = Path(__file__).resolve().parents[1] / "seeds" / name
        lines = src.read_text(encoding="utf-8").split("\n")
        for art in arts:
            first, last = art["body_lines"]
            drop = set(art.get("boilerplate_line_numbers", [])) | set(art.get("credit_line_numbers", []))
            heads = {h.strip() for h in art.get("subheadings", [])}
            paras = [Paragraph(lines[n - 1].strip(), n, "h" if lines[n - 1].strip() in heads else "p")
                     for n in range(first, last + 1) if n not in drop and lines[n - 1].strip()]
            found = extract_quotes(paras)
            names = {p["canonical"]: {p["canonical"], *p.get("aliases", [])} for p in art["people"]}
            for g in art["quotes"]:
                ok = set(names.get(g["speaker"], {g["speaker"]}))
                for alt in g.get("speaker_alternatives", []):
                    ok |= names.get(alt, {alt})
                good = any(_norm(q.text) == _norm(g["text"]) and q.speaker in ok for q in found)
                right += good
                both += any(_norm(q.text) == _norm(g["text"]) and q.speaker in ok and q.kind == g["kind"]
                            for q in found)
                total += 1
                if g["kind"] == "direct":
                    direct_right += good
                    direct_total += 1
    assert total == 84
    assert direct_right == direct_total  # every full quotation, with its speaker
    assert right >= 82
    assert both >= 81  # issue 6 asks >= 80 (95%) with the right speaker and the right kind
