"""The quotes stage, continued: what a speaker is called (role, government, a name out of a
title-case headline) and whether a quoted fragment is partial or direct speech."""

from __future__ import annotations

import pytest

from test_quotes import one, quotes


# -- speaker roles ------------------------------------------------------------------------

def test_role_is_the_title_in_front_of_the_name():
    q = one('Interior Minister Dana Kowalczyk said the dam was safe. "We checked every gate," Kowalczyk said.')
    assert (q.speaker, q.speaker_role) == ("Dana Kowalczyk", "Interior Minister")


def test_role_reads_back_over_lower_case_title_words():
    q = one('"The talks are over," Harbour Authority spokesman Pieter Olsen said.')
    assert q.speaker == "Pieter Olsen"
    assert q.speaker_role == "Harbour Authority spokesman"


def test_role_from_an_apposition_naming_another_person():
    q = one('"We will not sign," said Marta Ilves, chief of staff to President Karl Osterman, on Monday.')
    assert q.speaker == "Marta Ilves"
    assert q.speaker_role == "chief of staff to President Karl Osterman"


def test_role_from_the_fullest_mention_earlier_in_the_article():
    q = quotes("Teodor Brandt, the city's deputy mayor, visited the flooded streets on Sunday.",
               '"Nobody will be left behind," Brandt told reporters.')[0]
    assert (q.speaker, q.speaker_role) == ("Teodor Brandt", "city's deputy mayor")


def test_no_role_for_a_list_of_people_or_an_age():
    found = quotes('Officials met Rosa Lind, Foreign Minister Ivo Petrov, and others.',
                   '"It went well," Rosa Lind, 52, said.')
    assert found[0].speaker == "Rosa Lind" and found[0].speaker_role == ""


def test_unknown_speakers_get_no_role():
    q = one('"The plant will close," a senior company official said.')
    assert q.speaker == "UNKNOWN" and q.speaker_role == ""


@pytest.mark.parametrize("para, government", [
    ('Russia has argued that the treaty was "null and void" from the start.', "Russian government"),
    ('Moscow says the exercises are "purely defensive."', "Russian government"),
    ('The United States rejected the plan but offered what it called a "fair compromise" on tariffs.',
     "U.S. government"),
])
def test_a_country_or_capital_speaks_as_its_government(para, government):
    assert one(para).speaker == government


def test_a_person_named_like_a_place_stays_a_person():
    q = one('"I loved the role," actor Denzel Washington said.')
    assert q.speaker == "Denzel Washington"


@pytest.mark.parametrize("para", [
    'She said the city has "many plans," "including new bridges and a tram line along the river."',
    'He emphasized "the firm commitment, together with partners, to keep talking about trade."',
])
def test_fragment_after_a_cue_is_partial(para):
    assert quotes(para)[-1].kind == "partial"


def test_determiner_clause_after_that_is_direct():
    q = one('He said that "the bridge will open in May and the tolls will be low."')
    assert q.kind == "direct"


def test_a_label_belongs_to_the_subject_that_applies_it():
    q = one('Although the Harbour Authority has cast the protests as "sabotage," Mayor Lena Kessler says that '
            'the port stays open.')
    assert q.speaker == "Harbour Authority"


def test_a_government_subject_owns_a_quoted_fragment():
    found = quotes('"We will talk," Ambassador Ivo Petrov said on Monday.',
                   'Beijing set out in its reply a "phased path to a settlement" of the dispute.')
    assert found[-1].speaker == "Chinese government"


def test_verb_in_a_title_case_headline_is_not_part_of_the_name():
    # "Hillary Clinton Goes After …" must not make a speaker called "Hillary Clinton Goes".
    q = one("Hillary Clinton Goes After Donald Trump On Taxes",
            "“Why won’t he release his tax returns?” she asked the crowd in Ohio.")
    assert q.speaker == "Hillary Clinton"
