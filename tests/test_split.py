"""Sentence splitting: fixture cases a reader would notice, plus span invariants."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digest.split import sentences, split_sentences, words

HERE = Path(__file__).parent
GOLD = HERE.parent.parent / "shared" / "gold" / "seeds.json"
SEEDS = HERE.parent / "seeds"


def load_cases(path: Path) -> list[tuple[str, str, list[str]]]:
    cases = []
    name, text, expected = "", None, []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("## "):
            name = line[3:]
        elif line.startswith("> "):
            text = line[2:]
        elif line.startswith("- "):
            expected.append(line[2:])
        elif not line.strip() and text is not None:
            cases.append((name, text, expected))
            text, expected = None, []
    return cases


CASES = load_cases(HERE / "fixtures" / "split" / "cases.txt")


@pytest.mark.parametrize("name,text,expected", CASES, ids=[c[0] for c in CASES])
def test_fixture_case(name, text, expected):
    assert sentences(text) == expected


def test_fixture_file_is_not_empty():
    assert len(CASES) >= 20


def test_spans_point_into_the_text():
    text = "  First one.  Second one?\n\nThird line  "
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["First one.", "Second one?", "Third line"]


@given(st.text(alphabet=st.sampled_from(list("ab AB.?!\"“”'…\n3,")), max_size=80))
def test_spans_are_ordered_trimmed_and_lose_only_whitespace(text):
    spans = split_sentences(text)
    position = 0
    for start, end in spans:
        assert position <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        assert text[position:start].strip() == ""  # nothing but spacing between sentences
        position = end
    assert text[position:].strip() == ""


def test_words_keep_contractions_acronyms_and_decimals():
    assert words("The U.S. can’t grow 3.5% in well-known ways.") == [
        "The", "U.S", "can’t", "grow", "3.5", "in", "well-known", "ways",
    ]


def test_han_and_kana_count_as_words_of_two_characters():
    # Unspaced Japanese would otherwise be one "word" per clause, and every sentence a fragment.
    assert words("新型スマホ「Palm Phone」を発表。") == ["新型", "スマ", "ホ", "Palm", "Phone", "を発", "表"]
    assert words("서울 시의회는 월요일") == ["서울", "시의회는", "월요일"]  # Korean is spaced: words as usual


@pytest.mark.skipif(not GOLD.exists(), reason="shared gold annotations not available")
def test_first_and_last_body_sentences_of_the_seeds():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    for file_name, articles in gold.items():
        lines = (SEEDS / file_name).read_text(encoding="utf-8").split("\n")
        first, last = articles[0]["body_lines"]
        assert sentences(lines[first - 1])[0] == articles[0]["first_body_sentence"], file_name
        assert sentences(lines[last - 1])[-1] == articles[0]["last_body_sentence"], file_name
