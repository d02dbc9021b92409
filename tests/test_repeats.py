from digest.repeats import group_repeats


def test_two_translations_of_one_remark_are_one_quote_but_a_fragment_is_not():
    texts = [
        "We do not want wars, but we will not allow our interests to be rudely trod upon or to be ignored",
        "We don't want wars. But we also won't allow our interests to be rudely trampled, to be ignored.",
        "Our interests",  # a fragment inside the same words is a different, partial quote
        "The harbour will reopen on Monday once the divers have checked every berth",
    ]
    assert group_repeats(texts) == [[0, 1], [2], [3]]


def test_a_short_quote_is_not_swallowed_by_a_long_one_that_contains_it():
    long = "Are there tanks driving on our streets? No. The impression you are getting is that there is a war going on here. We don't need this panic."
    assert group_repeats(["We don't need this panic", long]) == [[0], [1]]
