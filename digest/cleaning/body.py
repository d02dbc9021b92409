"""Find the article body in a scraped page: label lines, find the densest prose span, tidy it.

1. `lines.label_line` labels each line from its own text (widgets, credits, footers).
2. Context labels: a line printed twice within a few lines is a photo caption; a line
   next to a photo credit is a caption; a short title right before a player or promo
   belongs to that widget; bullet headlines with indented blurbs are a "Latest
   Stories" list; headline links under "More:"/"Related" form a related box;
   consecutive rows of figures are a table, not a menu, and cost nothing.
3. The body is the span of lines with the highest total score (maximum-sum subarray):
   prose scores positive, furniture negative. Footer markers (copyright, sourcing
   lines, related-stories and comments headings) cannot be crossed, except a related
   heading over a few links with prose right after (an inline box); once a list or the
   comments start after two paragraphs or more, nothing later is considered.
4. A list that closes the article (tour dates, results: lines sharing one separator)
   is attached when only a footer marker or the end of the page follows it; so is a
   structured section (recipe steps, a schedule) laid out in blank-separated blocks
   up to a footer marker.
5. Inside the span, labelled furniture is dropped and short unpunctuated lines between
   paragraphs are kept as subheadings.
"""

from __future__ import annotations

import re

from digest.cleaning import patterns as pat
from digest.cleaning.lines import FURNITURE_COST, Line, label_line, make_line
from digest.model import CleanText, Paragraph, RemovedLine

_CAPTION_WINDOW = 3  # a caption's second copy follows within this many lines
_CAPTION_MIN_WORDS = 3  # shorter neighbours of a credit are labels ("False", "Photo"), not captions
_WIDGET_TITLE_REASONS = frozenset({"video player", "image widget", "share buttons", "advertisement"})
_ARTICLE_BEFORE_END = 2.5  # the score of about one full paragraph
_ARTICLE_MIN_PARAGRAPHS = 2
_INLINE_BOX_LINKS = 6
_INLINE_BOX_COST = -6.0
_BIO_MAX_WORDS, _BIO_ROLE_CHARS = 60, 80  # a bio names the role early: "Jane Doe is a reporter ..."
_REPEATED_PENALTY = -1.0  # a long line printed twice far apart (ticker, teaser list)
_TRAILING_LIST_MIN, _TRAILING_LIST_MAX = 3, 250  # lines; a week's meal plan or a season's schedule is long
_LIST_SHAPE_SHARE = 0.75
# "June 9 – Tampa", "Arsenal v Stoke", "Best actor - Jane Doe", "Name (Show, Channel)".
_LIST_SEPARATORS = (" - ", " – ", " — ", " v ", " vs ", " vs. ", ": ", " (", " @ ", " | ")
_LIST_END_REASONS = frozenset({"Latest Stories list", "comments"})


def clean_page_text(text: str) -> CleanText:
    """Split a scraped page into body paragraphs, header, footer and removed lines."""
    lines = [make_line(n, raw) for n, raw in enumerate(text.split("\n"), start=1) if raw.strip()]
    for index, line in enumerate(lines):
        line.isolated = (index == 0 or lines[index - 1].number < line.number - 1) and (
            index + 1 == len(lines) or lines[index + 1].number > line.number + 1
        )
        label_line(line)
    _mark_duplicate_captions(lines)
    _mark_labelled_values(lines)
    _mark_credit_neighbours(lines)
    _mark_widget_titles(lines)
    _mark_headline_lists(lines)
    _mark_related_boxes(lines)
    _mark_table_rows(lines)
    span = _best_span(lines) or _short_note_span(lines)
    if span is None:
        return CleanText((), tuple(RemovedLine(l.number, l.text, l.reason or "no article text") for l in lines),
                         header=tuple((l.number, l.text) for l in lines))
    first, last = span
    while last > first and _is_author_bio(lines[last]):
        lines[last].label, lines[last].reason = "credit", "author bio"
        last -= 1
    return _assemble(lines, first, _attach_trailing_list(lines, last))


def _is_author_bio(line: Line) -> bool:
    # A bio under the story reads like prose, so it can close the span: "Jane Doe is an
    # NBC News contributor who writes about technology."
    if line.words > _BIO_MAX_WORDS or line.text.split(" ", 1)[0] in ("The", "A", "An", "This", "That", "It"):
        return False
    return bool(pat.AUTHOR_BIO.match(line.text) and pat.AUTHOR_ROLE.search(line.text, 0, _BIO_ROLE_CHARS))


def _relabel(line: Line, label: str, reason: str) -> None:
    line.label, line.reason, line.score = label, reason, FURNITURE_COST


def _mark_duplicate_captions(lines: list[Line]) -> None:
    # Image widgets print the caption twice (alt text and figcaption), sometimes with the
    # credit between. Prose paragraphs are never repeated verbatim a line or two later.
    # A long line repeated far away is a teaser in a ticker or related list shown twice:
    # it costs the span, but is kept if it still falls inside the body.
    last_seen: dict[str, int] = {}
    for index, line in enumerate(lines):
        if line.words < 4:
            continue
        key = line.text  # the copies come from one source string, so they match exactly
        before = last_seen.get(key)
        if before is not None and index - before <= _CAPTION_WINDOW:
            for twin in (lines[before], line):
                if twin.label in ("text", "caption", "date"):
                    if twin.heading_like:  # a headline printed twice (page title and story title)
                        _relabel(twin, "repeat", "repeated headline")
                    else:
                        _relabel(twin, "caption", "duplicate caption")
        elif before is not None and line.words >= 8:
            for twin in (lines[before], line):
                twin.score = min(twin.score, _REPEATED_PENALTY)
        last_seen[key] = index


# A label on a line of its own, its value on the next: "Author:" / "Austin Murphy",
# "Publish date:" / "Jan 12, 2017". Neither line is prose, and the value line (a short
# name) would otherwise pass for a subheading inside the body.
_VALUE_LABEL = re.compile(
    r"^(?:(by|author|authors|written by|words by|story by|autor|auteur|auteurs|作者|著者|文)"
    r"|(published|publish date|published on|date|posted|posted on|updated|last updated|datum|fecha))\s*[:：]?$",
    re.I,
)


def _mark_labelled_values(lines: list[Line]) -> None:
    for index, line in enumerate(lines[:-1]):
        m = _VALUE_LABEL.match(line.text) if line.words <= 3 else None
        if not m:
            continue
        label, reason = ("byline", "byline") if m.group(1) else ("date", "date line")
        value = lines[index + 1]
        _relabel(line, label, reason)
        if value.label == "text" and value.words <= 8 and not value.sentence_end and value.number - line.number <= 2:
            _relabel(value, label, reason)


def _same_block(a: Line, b: Line) -> bool:
    return b.number == a.number + 1


def _mark_credit_neighbours(lines: list[Line]) -> None:
    # A caption sits next to its photo credit: in the same block (no blank line between),
    # or a blank line away when it describes who is where in the picture.
    for index, line in enumerate(lines):
        if line.label != "credit" or line.reason != "photo credit":
            continue
        for other in (lines[index - 1] if index else None, lines[index + 1] if index + 1 < len(lines) else None):
            if other is None or other.label != "text" or other.words < _CAPTION_MIN_WORDS:
                continue
            if _same_block(other, line) or _same_block(line, other) or pat.CAPTION_WORDS.search(other.text):
                _relabel(other, "caption", "caption")


def _mark_widget_titles(lines: list[Line]) -> None:
    # "Kyiv Mayor: 'We Are Ready'" + "please wait" + timecodes: a video title is the short
    # line right above the player text; a promo's title is the short line above its blurb.
    for index in range(1, len(lines)):
        line, above = lines[index], lines[index - 1]
        if above.label != "text" or not above.heading_like:
            continue
        if line.label == "widget" and line.reason in _WIDGET_TITLE_REASONS and _same_block(above, line):
            _relabel(above, "widget", line.reason)
        elif above.words >= 2 and (line.label == "promo" or (line.reason == "promo" and _same_block(above, line))):
            # "Read more" under a headline is that teaser's link: the headline goes with it.
            _relabel(above, "promo", "promo")


def _mark_related_boxes(lines: list[Line]) -> None:
    # "More:" / "Related:" / "Related Stories" followed by headline links. Boxes of a few
    # links with article prose right after them are inline furniture: they cost the span
    # but the body may continue across them. Any other related-stories heading ends the
    # article: what follows is other articles' headlines and teasers.
    headings: list[Line] = []  # related headings of the current run of boxes
    in_box, links = False, 0
    for line in lines:
        # Headlines often end on a quotation ('...: "We got her!"'), punctuation and all.
        link_like = line.heading_like or (line.words <= 15 and line.text[-1] in "\"”’'")
        if in_box and line.label == "text" and link_like and line.words >= 3:
            _relabel(line, "promo", "related links")
            links += 1
            continue
        opens_box = (line.label == "end" and line.reason == "Latest Stories list") or (
            line.label != "text" and line.colon_end and line.words <= 3
        )
        if opens_box:
            if line.label == "end":
                headings.append(line)
            in_box = True
            continue
        inline = links <= _INLINE_BOX_LINKS * max(len(headings), 1) and line.label == "text" and line.score > 0
        for heading in headings:
            heading.score = _INLINE_BOX_COST if inline else float("-inf")
        headings, in_box, links = [], False, 0


def _mark_headline_lists(lines: list[Line]) -> None:
    # "Latest Stories" and similar: bullet items that are headlines, each followed by an
    # indented blurb. The blurbs read like prose, so they must be caught by structure, not
    # by their wording. A bullet list without blurbs (key points, a list inside the
    # article) is left to the span finder.
    run: list[Line] = []  # headline items and blurbs of the current list
    has_blurb, item_indent = False, -1
    for line in lines + [None]:  # None flushes the last run
        if line is not None and line.bullet and line.label == "text":
            # Once a list of headlines has started, a headline that happens to end in a
            # period is still an item of it.
            if line.heading_like or (run and line.indent == item_indent):
                run.append(line)
                item_indent = line.indent
                continue
        elif line is not None and run and line.indent > item_indent and line.label == "text" and not line.bullet:
            run.append(line)
            has_blurb = True
            continue
        if has_blurb:
            for item in run:
                _relabel(item, "list", "Latest Stories list")
        run, has_blurb, item_indent = [], False, -1
        if line is not None and line.bullet and line.label == "text" and line.heading_like:
            run.append(line)
            item_indent = line.indent


_NUMBER = re.compile(r"[+\-−]?\d[\d.,:%/]*")
_TABLE_MIN_ROWS = 3


def _is_table_row(line: Line) -> bool:
    """A row of figures: "3 Kevin Harvick 5033 4 6 15 26", "Turnout 61.2% 58.9%"."""
    tokens = line.text.split()
    numbers = sum(1 for token in tokens if _NUMBER.fullmatch(token))
    return numbers >= 2 and 3 * numbers >= len(tokens)


def _mark_table_rows(lines: list[Line]) -> None:
    # A table (standings, results, polls) is scraped one row per line, consecutive and
    # unpunctuated like a menu, but menus are words while rows are mostly figures. The
    # rows are made neutral: the span may cross a table between paragraphs, and a table
    # alone still adds nothing to a span.
    run: list[Line] = []
    for line in lines + [None]:  # None flushes the last run
        row = line is not None and line.label == "text" and _is_table_row(line)
        if row and run and _same_block(run[-1], line):
            run.append(line)
            continue
        if len(run) >= _TABLE_MIN_ROWS:
            for item in run:
                item.score = max(item.score, 0.0)
        run = [line] if row else []


def _best_span(lines: list[Line]) -> tuple[int, int] | None:
    """Indices of the first and last line of the highest-scoring run (Kadane's algorithm).

    Readers' comments and related-story teasers are prose too and often outweigh a short
    article, so once such a heading follows a real article span (two paragraphs or more;
    a lone standfirst above a "Related" box is not one), nothing after it counts.
    """
    best, best_span = 0.0, None
    total, start = 0.0, 0
    prose_before = [0]  # prose lines before each index, to size the best span
    for line in lines:
        prose_before.append(prose_before[-1] + (line.score > 0))
    for index, line in enumerate(lines):
        if (
            line.reason in _LIST_END_REASONS
            and line.score == float("-inf")
            and best >= _ARTICLE_BEFORE_END
            and prose_before[best_span[1] + 1] - prose_before[best_span[0]] >= _ARTICLE_MIN_PARAGRAPHS
        ):
            break
        if total <= 0:
            total, start = 0.0, index
        total += line.score
        if total > best:
            best, best_span = total, (start, index)
        if total == float("-inf"):
            total = 0.0
    return best_span


def _short_note_span(lines: list[Line]) -> tuple[int, int] | None:
    """For a text too short to score ("Talks failed. No date was set."): its sentences."""
    sentences = [index for index, line in enumerate(lines) if line.label == "text" and line.sentence_end]
    return (sentences[0], sentences[-1]) if sentences else None


def _attach_trailing_list(lines: list[Line], last: int) -> int:
    """Extend the body over a list that closes the article (tour dates, award winners).

    Such a list is short lines without sentence punctuation, so it scores like a menu.
    It is taken only when its lines share a list shape (bullets, "Name - detail",
    "June 9 – City", "Arsenal v Stoke") and nothing known as furniture sits between the prose and the end
    of the page or a footer marker: site menus always carry some ("Privacy Policy").

    A structured section (a recipe's steps, a meal plan, a schedule, a Q&A) has no one
    shape, but it is laid out like the article: a blank line around every block, where
    menus and link lists come out as runs of consecutive lines. Such a run of plain text
    blocks that goes on up to a footer marker, even a related-stories heading, is the
    article continuing; teasers and widgets would have stopped the run.
    """
    end = last + 1
    while end < len(lines) and end - last <= _TRAILING_LIST_MAX and lines[end].label in ("text", "date"):
        end += 1
    run = lines[last + 1:end]
    blocks = end < len(lines) and lines[end].label == "end" and all(line.isolated for line in run)
    closed = end == len(lines) or (lines[end].label == "end" and lines[end].reason not in _LIST_END_REASONS)
    if not (blocks or closed and _shared_list_shape(run)) or len(run) < _TRAILING_LIST_MIN:
        return last
    for line in run:
        line.label, line.reason = "text", ""
        if line.bullet or any(separator in line.text for separator in _LIST_SEPARATORS):
            line.score = 0.0  # a list item is content; the list's own title stays a subheading
    return end - 1


def _shared_list_shape(run: list[Line]) -> bool:
    """Whether most lines of a run are items of one list: bullets, or one shared separator."""
    if sum(line.bullet for line in run) >= _LIST_SHAPE_SHARE * len(run):
        return True
    counts = dict.fromkeys(_LIST_SEPARATORS, 0)
    for line in run:
        for separator in _LIST_SEPARATORS:
            counts[separator] += separator in line.text
    return max(counts.values()) >= _LIST_SHAPE_SHARE * len(run)


def _assemble(lines: list[Line], first: int, last: int) -> CleanText:
    paragraphs: list[Paragraph] = []
    removed: list[RemovedLine] = []
    header: list[tuple[int, str]] = []
    footer: list[tuple[int, str]] = []
    for line in lines[:first]:
        removed.append(RemovedLine(line.number, line.text, line.reason or "header"))
        if line.label != "widget" or line.reason == "read time":  # pages print the date on it
            header.append((line.number, line.text))
    for index in range(first, last + 1):
        line = lines[index]
        if line.label != "text":
            removed.append(RemovedLine(line.number, line.text, line.reason))
        elif line.score < 0 and line.heading_like and not line.bullet:
            paragraphs.append(Paragraph(line.text, line.number, "h"))
        else:
            paragraphs.append(Paragraph(line.text, line.number, "p"))
    list_reason = ""  # set once a related-stories list or the comments have started
    for line in lines[last + 1:]:
        if line.reason in _LIST_END_REASONS:
            list_reason = list_reason or line.reason
        reason = line.reason or ("author bio" if pat.AUTHOR_BIO.match(line.text) else list_reason or "footer")
        removed.append(RemovedLine(line.number, line.text, reason))
        # What follows a related-stories list or comments is other pages' text; keep only
        # the footer lines metadata can use (copyright, sourcing, bylines, bios).
        if line.label in ("widget", "list", "promo") or line.reason in _LIST_END_REASONS:
            continue
        if list_reason and line.label == "text" and reason != "author bio":
            continue
        footer.append((line.number, line.text))
    _demote_trailing_headings(paragraphs, removed)
    return CleanText(tuple(paragraphs), tuple(sorted(removed, key=lambda r: r.line)), tuple(header), tuple(footer))


def _demote_trailing_headings(paragraphs: list[Paragraph], removed: list[RemovedLine]) -> None:
    # A subheading introduces text; one with no paragraph after it is furniture.
    while paragraphs and paragraphs[-1].kind == "h":
        last = paragraphs.pop()
        removed.append(RemovedLine(last.line, last.text, "footer"))
