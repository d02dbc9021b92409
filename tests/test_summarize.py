"""The summarize stage and the daily briefing, on small articles written for the tests."""

from __future__ import annotations

import pytest

from digest.briefing import daily_briefing
from digest.model import Paragraph, Span, SummarySentence
from digest.summarize import ALGORITHMS, summarize

ARTICLE = [
    Paragraph("Harbor city votes to build a new sea wall", 1, "h"),
    Paragraph(
        "PORTVILLE (AP) — The Portville city council voted on Monday to build a two-mile sea wall "
        "to protect the harbor district from winter storms that flooded hundreds of homes last year.",
        3,
    ),
    Paragraph(
        "The wall will cost about $40 million, paid for by a state grant and a local bond. "
        "Construction is expected to begin in the spring and take three years to finish.",
        5,
    ),
    Paragraph("Scroll down for video of the storm damage.", 6),
    Paragraph(
        "Mayor Dana Ruiz, who proposed the plan after the floods, called the vote historic. "
        "She said the harbor district could not survive another winter like the last one.",
        7,
    ),
    Paragraph("Residents packed the hall.", 9),
    Paragraph(
        "\"We have waited for this for a long time. Our homes were under water twice,\" said "
        "fisherman Lou Banks, whose house stands two blocks from the harbor.",
        11,
    ),
    Paragraph("Critics of the plan said the money should go to moving homes away from the coast.", 13),
    Paragraph("Harbor protection", 14, "h"),
    Paragraph(
        "The council will vote on the contractor in May, and the state must still approve the "
        "design of the wall before work on the harbor begins.",
        15,
    ),
]


def texts(summary):
    return [s.text for s in summary]


def test_spans_point_at_the_sentence_in_its_paragraph():
    summary = summarize(ARTICLE)
    assert summary
    for sentence in summary:
        paragraph = ARTICLE[sentence.span.paragraph]
        assert paragraph.text[sentence.span.start : sentence.span.end] == sentence.text


def test_summary_opens_with_the_lead_without_its_dateline():
    first = summarize(ARTICLE)[0]
    assert first.text.startswith("The Portville city council voted on Monday")


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_every_algorithm_runs_offline_in_document_order_and_skips_headings(algorithm):
    summary = summarize(ARTICLE, algorithm=algorithm, sentences=3, max_words=None)
    assert 1 <= len(summary) <= 3
    spans = [(s.span.paragraph, s.span.start) for s in summary]
    assert spans == sorted(spans)
    assert all(ARTICLE[s.span.paragraph].kind == "p" for s in summary)
    assert summarize(ARTICLE, algorithm=algorithm, sentences=3) == summarize(
        ARTICLE, algorithm=algorithm, sentences=3
    )


def test_default_summarizer_also_reads_a_sumy_document():
    # Same seam as sumy's summarizers: summarizer(document, sentences_count).
    from digest.summarizers.document import build_document
    from digest.summarizers.news import NewsSummarizer
    from digest.summarizers.sumy_seam import to_sumy_document

    ours = build_document(ARTICLE)
    theirs, _ = to_sumy_document(ours)
    summarizer = NewsSummarizer(max_words=60)
    assert [str(s) for s in summarizer(theirs, 3)] == [str(s) for s in summarizer(ours, 3)]


def test_unknown_algorithm_names_the_valid_ones():
    with pytest.raises(ValueError, match="lex-rank") as error:
        summarize(ARTICLE, algorithm="textrank")
    assert "default" in str(error.value)


def test_word_budget_limits_the_summary():
    short = summarize(ARTICLE, sentences=5, max_words=30)
    long = summarize(ARTICLE, sentences=5, max_words=120)
    assert sum(len(s.text.split()) for s in short) <= 36  # the budget may run over by 20%
    assert len(long) > len(short)


def test_quality_filters_keep_out_promos_fragments_and_cut_quotes():
    summary = " ".join(texts(summarize(ARTICLE, sentences=8, max_words=500)))
    assert "Scroll down" not in summary
    assert "Residents packed the hall." not in summary  # too short to say anything
    assert "We have waited" not in summary  # half of a two-sentence quotation


def test_pronoun_sentence_needs_its_antecedent():
    paragraphs = [
        Paragraph("The city council approved a new budget for the district's schools on Monday night.", 1),
        Paragraph("Then the chair spoke.", 2),  # too short to be picked, so never an antecedent
        Paragraph("She said the budget would pay for two hundred new teachers across the district.", 3),
        Paragraph("Parents had asked the council for smaller classes at several public meetings.", 4),
    ]
    for budget in (30, 60, 200):
        chosen = texts(summarize(paragraphs, sentences=3, max_words=budget))
        assert chosen and not any(t.startswith("She said") for t in chosen)
    # With its antecedent chosen, the same kind of sentence is fine.
    chosen = texts(summarize(ARTICLE, sentences=8, max_words=500))
    ruiz = next(i for i, t in enumerate(chosen) if t.startswith("Mayor Dana Ruiz"))
    assert chosen[ruiz + 1].startswith("She said the harbor")


def test_quotation_without_its_speaker_is_not_picked():
    paragraphs = [
        Paragraph("Firefighters contained a wildfire that had burned for a week in the hills above town.", 1),
        Paragraph("\"We were lucky that the wind changed direction on Saturday night.\"", 2),
        Paragraph("Residents of three villages were allowed to return to their homes on Sunday.", 3),
    ]
    chosen = texts(summarize(paragraphs, sentences=3, max_words=200))
    assert len(chosen) == 2 and not any("lucky" in t for t in chosen)


def test_repeated_sentence_is_not_picked_twice():
    lead = "The river burst its banks on Sunday and flooded the old town for the first time in decades."
    paragraphs = [
        Paragraph(lead, 1),
        Paragraph("Hundreds of people spent the night in schools and churches on higher ground nearby.", 2),
        Paragraph(lead, 3),  # scraped pages repeat a lead as a caption
    ]
    assert texts(summarize(paragraphs, sentences=3, max_words=200)).count(lead) == 1


def test_empty_or_heading_only_article_gives_no_summary():
    assert summarize([]) == ()
    assert summarize([Paragraph("Only a heading", 1, "h")]) == ()


def sentence(text: str, paragraph: int = 0) -> SummarySentence:
    return SummarySentence(text, Span(paragraph, 0, len(text)), 1.0)


def test_briefing_takes_turns_across_articles_first_sentences_first():
    day = [
        ("wall", [sentence("The council voted for a sea wall to protect the harbor district."),
                  sentence("The wall will cost about forty million dollars from a state grant.")]),
        ("school", [sentence("A new primary school opened its doors to three hundred pupils."),
                    sentence("Teachers said the classrooms were bright and well equipped.")]),
        ("storm", [sentence("Forecasters warned of gales along the northern coast this weekend.")]),
    ]
    briefing = daily_briefing(day, sentences=4)
    assert [slug for slug, _ in briefing] == ["wall", "school", "storm", "wall"]
    assert briefing[3][1].text.startswith("The wall will cost")


def test_briefing_drops_a_fact_reported_by_two_outlets():
    day = [
        ("outlet-a", [sentence("Russian President Vladimir Putin on Tuesday accused the U.S. and its "
                               "allies of ignoring Russia's top security demands.")]),
        ("outlet-b", [sentence("Putin accused the United States and its allies of ignoring Russia's "
                               "top security demands, the Kremlin said."),
                      sentence("Hungary's prime minister visited Moscow for talks on gas supplies.")]),
    ]
    briefing = daily_briefing(day)
    assert [slug for slug, _ in briefing] == ["outlet-a", "outlet-b"]
    assert briefing[1][1].text.startswith("Hungary")


def test_briefing_is_capped_and_handles_an_empty_day():
    many = [(f"a{i}", [sentence(f"Story number {i} reports event {i} in town {i} with detail {i}.")])
            for i in range(20)]
    assert len(daily_briefing(many, sentences=6)) == 6
    assert daily_briefing([]) == ()


def test_single_quote_style_quotations_and_speech_fragments_are_not_picked():
    # British papers quote with single marks, which double as apostrophes.
    paragraphs = [
        Paragraph("The football club confirmed on Friday that its manager had signed a new three-year contract.", 1),
        Paragraph("The players' union said members welcomed the decision after a difficult season.", 2),
        Paragraph("'It is the best news the club could have had this year.'", 3),  # no speaker
        Paragraph("The chairman told reporters: 'We looked at many candidates. "
                  "In the end the choice was easy for the whole board.'", 4),  # cut mid-quotation
        Paragraph("I am proud of the way the squad responded to the pressure all season.", 5),  # speech
        Paragraph("The club's fans had campaigned for the manager to stay since his arrival in March.", 6),
    ]
    chosen = texts(summarize(paragraphs, sentences=6, max_words=500))
    assert any(t.startswith("The players' union") for t in chosen)  # a possessive is not a quote
    assert any(t.startswith("The club's fans") for t in chosen)
    joined = " ".join(chosen)
    for fragment in ("best news", "many candidates", "choice was easy", "I am proud"):
        assert fragment not in joined


def test_captions_are_not_picked_but_roman_numerals_are_not_speech():
    paragraphs = [
        Paragraph("A museum in the capital opened an exhibition of letters written by soldiers in World War I.", 1),
        Paragraph("On display: Letters from the trenches sit in glass cases at the new gallery in the capital.", 2),
        Paragraph("The curator (pictured) spent four years collecting the letters from families across the country.", 3),
        Paragraph("More than two hundred letters are shown, many of them never published before this year.", 4),
    ]
    chosen = texts(summarize(paragraphs, sentences=4, max_words=500))
    assert chosen[0].startswith("A museum")
    assert any(t.startswith("More than two hundred") for t in chosen)
    assert not any(t.startswith(("On display", "The curator")) for t in chosen)


def test_sentence_restating_the_lead_is_not_picked_as_a_second_sentence():
    # Scraped pages repeat the lead in other words (captions, standfirsts): it adds nothing.
    paragraphs = [
        Paragraph("Firefighters rescued three hikers stranded on a mountain ridge by a sudden snowstorm on Sunday.", 1),
        Paragraph("Three hikers stranded on the ridge waited for hours in the sudden snowstorm before "
                  "firefighters arrived.", 2),
        Paragraph("The hikers had set out in sunshine and were not equipped for the cold, officials said.", 3),
    ]
    chosen = texts(summarize(paragraphs, sentences=3, max_words=200))
    assert len(chosen) == 2 and chosen[1].startswith("The hikers had set out")


@pytest.mark.parametrize("algorithm", ["lead", "default"])
def test_a_small_days_briefing_uses_the_configured_algorithm(algorithm):
    # Two one-sentence summaries are too few for a briefing, so the day draws longer
    # summaries from the bodies: with summary.algorithm's picks, not always the default's.
    from digest.analyse import AnalysisSettings, analyse
    from digest.group import group
    from digest.read import parse_source

    def article(lead: str, cost: str) -> bytes:
        return (
            f"{lead.split(' on ')[0]}\n\nPublished March 3, 2021\n\n{lead}\n\n"
            "I am proud of the way the whole town came together to fight for this money.\n\n"
            f"{cost}\n"
        ).encode()

    sources = [
        ("harbour.txt", "The city council approved a plan on Tuesday to rebuild the harbour wall before winter.",
         "The harbour plan costs forty million pounds and will take three years to finish."),
        ("school.txt", "A new primary school opened on Monday for three hundred pupils in the valley.",
         "Teachers said the bright classrooms were paid for by a national building grant."),
    ]
    settings = AnalysisSettings(algorithm=algorithm, sentences=1)
    articles = [analyse(parse_source(article(lead, cost), name, "txt"), settings) for name, lead, cost in sources]
    site, _ = group(articles, title="t", briefing_sentences=6, algorithm=algorithm)
    (day_slug, briefing), = site.briefings
    texts = " ".join(s.text for _, s in briefing)
    assert "forty million" in texts and "building grant" in texts
    assert ("I am proud" in texts) == (algorithm == "lead")  # a speech fragment: the default never picks it


def test_a_japanese_article_is_summarized_sentence_by_sentence():
    # Before full-width stops were boundaries, each paragraph was one "sentence" of one "word":
    # every one failed the fragment filter and the summary fell back to the whole first paragraph.
    paragraphs = [
        Paragraph("市議会は月曜日、港を冬の嵐から守るため、全長三キロの防潮堤を建設する計画を承認した。"
                  "昨年の高潮では数百戸が浸水し、住民から対策を求める声が上がっていた。"
                  "計画を提案した市長は「歴史的な決定だ。」と述べた。", 1),
        Paragraph("工事費は約四十億円で、国の補助金と市債でまかなう。工事は来年の春に始まり、完成まで三年かかる見通しだ。", 2),
    ]
    summary = summarize(paragraphs)
    assert 2 <= len(summary) <= 3
    for s in summary:
        assert s.text.endswith("。") and s.text.count("。") == 1 + s.text.count("。」")
    assert summary[0].text.startswith("市議会は月曜日")


def test_the_writers_own_questions_are_not_picked_but_quoted_ones_are():
    paragraphs = [
        Paragraph("So what went wrong at the harbour this winter?", 1),
        Paragraph("The sea wall broke in two places during the January storm, flooding forty homes.", 2),
        Paragraph("Who could be next in line for the harbour master's job?", 3),
        Paragraph('"Why did nobody listen?" asked Mara Voss, whose bakery was flooded twice.', 4),
        Paragraph("Engineers had warned the council about the cracks in the wall two years ago.", 5),
    ]
    chosen = texts(summarize(paragraphs, sentences=5, max_words=500))
    assert not any(t.startswith(("So what", "Who could")) for t in chosen)
    assert any(t.startswith('"Why did nobody listen?" asked') for t in chosen)
