from __future__ import annotations

from digest.analyse import AnalysisSettings, analyse
from digest.duplicates import merge_duplicates
from digest.read import parse_source

STORY = (
    "Harbour news\n\nThe harbour reopened to cargo ships on Tuesday after a week of repairs to the storm wall, the port authority said.\n\n"
    "Crews worked through the weekend to replace two damaged cranes and clear debris from the main channel, officials added.\n\n"
    "Fishing boats were allowed back on Monday, but larger vessels had to wait for divers to inspect the berths.\n\n"
    '"We are back in business," harbour master Lena Fox told reporters on the quay.\n'
)
OTHER = (
    "Council vote\n\nThe city council approved a new cycle lane on the east bridge after a long debate about parking spaces.\n\n"
    "Shop owners had asked for a delay, saying deliveries would become harder during the building works next spring.\n\n"
    "The lane will open in September if the contractor keeps to the schedule agreed with the transport office.\n"
)


def article(path: str, text: str):
    return analyse(parse_source(text.encode(), path, "txt"), AnalysisSettings())


def test_a_rescraped_copy_is_shown_once_with_both_sources():
    rescrape = "Menu\n\nSign in\n\n" + STORY + "\nShare this article\n\nCopyright 2024 Harbour Times\n"
    kept, notes = merge_duplicates([article("a/one.txt", STORY), article("b/two.txt", rescrape), article("c/other.txt", OTHER)])
    assert [a.source.path for a in kept] == ["a/one.txt", "c/other.txt"] or [a.source.path for a in kept] == ["b/two.txt", "c/other.txt"]
    merged = next(a for a in kept if a.source.path != "c/other.txt")
    assert set(merged.duplicates) | {merged.source.path} == {"a/one.txt", "b/two.txt"}
    assert len(notes) == 1 and "shown once" in notes[0]


def test_different_stories_are_kept_apart():
    kept, notes = merge_duplicates([article("a.txt", STORY), article("b.txt", OTHER)])
    assert len(kept) == 2 and notes == []
    assert all(a.duplicates == () for a in kept)


def test_articles_sharing_some_paragraphs_are_not_copies_and_do_not_chain():
    """A roundup that reuses paragraphs of two stories is a story of its own, and it must
    not glue those two stories together."""
    paragraphs_a = STORY.split("\n\n")[1:]
    paragraphs_b = OTHER.split("\n\n")[1:]
    roundup = "Roundup\n\n" + "\n\n".join(paragraphs_a + paragraphs_b) + "\n"
    kept, notes = merge_duplicates([article("a.txt", STORY), article("b.txt", OTHER), article("r.txt", roundup)])
    assert len(kept) == 3 and notes == []
