"""Cross-article speaker merging: one page per person, however the outlets spell the name."""

from __future__ import annotations

from digest.people import merge_speakers


def test_transliteration_variants_merge():
    out = merge_speakers(["Oleksiy Danylenkiy", "Oleksiy Danylenkyy", "Dmitri Orlov", "Dmitry Orlov",
                          "Viktor Sandor", "Victor Sandor"])
    assert out["Oleksiy Danylenkiy"] == out["Oleksiy Danylenkyy"]
    assert out["Dmitri Orlov"] == out["Dmitry Orlov"]
    assert out["Viktor Sandor"] == out["Victor Sandor"]


def test_surname_and_titled_forms_join_the_full_name():
    out = merge_speakers(["President Marek Zielin", "Zielin", "Marek Zielin", "Mr. Zielin"])
    assert set(out.values()) == {"Marek Zielin"}


def test_same_surname_different_people_stay_apart():
    out = merge_speakers(["Anna Keller", "Bruno Keller", "Keller"])
    assert out["Anna Keller"] != out["Bruno Keller"]
    assert out["Keller"] == "Keller"  # ambiguous: not guessed


def test_honorific_picks_the_right_one_of_two_namesakes():
    out = merge_speakers(["Laura Brandt", "Peter Brandt", "Mrs. Brandt", "Mr. Brandt", "Brandt"])
    assert out["Mrs. Brandt"] == "Laura Brandt"
    assert out["Mr. Brandt"] == "Peter Brandt"
    assert out["Brandt"] == "Brandt"


def test_bare_surname_spellings_and_accents_merge():
    out = merge_speakers(["O'Malley", "O’Malley", "Iñaki Ruiz", "Inaki Ruiz"])
    assert out["O'Malley"] == out["O’Malley"]
    assert out["Inaki Ruiz"] == out["Iñaki Ruiz"] == "Iñaki Ruiz"


def test_junior_is_not_the_father():
    out = merge_speakers(["Hal Brody", "Hal Brody Jr.", "Brody"])
    assert out["Hal Brody"] != out["Hal Brody Jr."]
    assert out["Brody"] == "Hal Brody"


def test_initials_and_short_forms():
    out = merge_speakers(["J. Ortega", "James Ortega", "Jim Ortega"])
    assert len(set(out.values())) == 1


def test_unknown_and_organisations():
    out = merge_speakers(["UNKNOWN", "Transport Ministry", "Health Ministry", "the Transport Ministry"])
    assert out["UNKNOWN"] == "UNKNOWN"
    assert out["Transport Ministry"] != out["Health Ministry"]
    assert out["the Transport Ministry"] == out["Transport Ministry"]


def test_every_name_is_mapped_even_in_a_large_collection():
    def word(n: int, stem: str) -> str:
        letters = ""
        for _ in range(3):
            n, r = divmod(n, 20)
            letters += "bdfgklmnprstvzhjqxwc"[r] + "aeiou"[r % 5]
        return stem + letters

    names = [f"{word(i, 'Al').title()} {word(i % 700, 'Mor').title()}" for i in range(3000)]
    shared = names[5].split()[-1]  # a surname carried by several different given names
    names.append(shared)
    out = merge_speakers(names)
    assert set(out) == set(names)
    assert out[shared] == shared
