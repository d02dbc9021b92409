"""Article metadata: title, outlet, authors and contributors, date clues (pure, per article).

Every value is a `Field` saying where it came from, because a scraped page
rarely states these plainly: the byline may sit at the end, the outlet may be
named only in a copyright footer, and a file may have no headline at all.
Front matter, when the file has it, overrides what the text suggests.
"""

from __future__ import annotations

import datetime as dt
import re

from digest import dates, outlets
from digest.bylines import BY, find_people, name_under_headline
from digest.dates import stamps
from digest.model import CleanText, DateGuess, Field, Metadata, Source
from digest.split import sentences

# Page furniture that sits where a headline would ("Breaking News", player and share widgets).
_FURNITURE = re.compile(
    r"^(?:accessibility links|breaking news|skip to|play live radio|next up|available on air|menu|search|sign in|"
    r"log in|subscribe|advertisement|share|close|home|latest stories|related|listen|watch|print|comments?)\b"
    r"|\bmin read\b|^\W*\d+:\d\d|\bvia (?:AP|Reuters|AFP|Getty)\b|/(?:Getty|AP|Reuters|AFP)\b|^(?:photo|image)\b",
    re.I,
)
_PHOTO_CREDIT = re.compile(r"\([^()]*(?:/|Getty|Images|Photo|Shutterstock)[^()]*\)\s*$")  # "… (NASA/JPL)"
_COMMENTS_ON = re.compile(r'^\d+\s+(?:thoughts?|responses?|comments?|replies)\s+(?:on|to)\s+[“"«](.{3,200})[”"»]$', re.I)
_LABEL = re.compile(r"^(?:by|author|authors|written by|published|publish date|posted|updated|original|date):?$", re.I)


def extract_metadata(source: Source, body: CleanText, *, timezone: str = "UTC") -> Metadata:
    """Title, outlet, authors, contributors and date evidence of one article.

    `timezone` (site.timezone) decides the day of a stated date-time with an offset."""
    front = dict(source.front)
    first_line = article_start(body)
    paragraphs = [p for p in body.paragraphs if p.kind == "p" and p.line >= first_line]
    kept_above = [(p.line, p.text) for p in body.paragraphs if p.line < first_line]  # a headline block
    above = join_labels(sorted({*body.header, *kept_above, *((r.line, r.text) for r in body.removed if r.line < first_line)}))
    below = join_labels(sorted({*body.footer, *((r.line, r.text) for r in body.removed if r.line > first_line)}))
    lead = " ".join(p.text for p in paragraphs[:3])

    title, title_line = _title(front, body, above, lead, first_line, paragraphs)
    # Bylines after a related-stories list or the comments under the article are other stories'.
    last = body.paragraphs[-1].line if body.paragraphs else 10**9
    others = min((r.line for r in body.removed if r.reason in ("Latest Stories list", "comments") and r.line > last),
                 default=10**9)
    authors, authors_source, contributors = find_people(above, below, [(p.line, p.text) for p in paragraphs], others)
    if not authors and title_line is not None:
        authors, authors_source = name_under_headline(above, title_line)
    if isinstance(front.get("authors"), (list, tuple)) and front["authors"]:
        authors, authors_source = tuple(str(a) for a in front["authors"]), origin(front, "authors")
    outlet = _front_field(front, "outlet", outlets.normalise_outlet) or find_outlet(
        above, below, paragraphs, str(front.get("url") or "")
    )
    # Dates printed after the body start count only when labelled or right under the headline:
    # the rest of the page below is other stories' dates.
    date_lines = above + [(n, t) for n, t in below if _near_or_labelled(n, t, title_line)]
    return Metadata(
        title=title,
        outlet=outlet,
        authors=authors,
        authors_source=authors_source,
        contributors=tuple(c for c in contributors if c not in authors),
        date=_date(front, source.path, date_lines, title_line, timezone),
        date_clues=dates.find_clues([p.text for p in paragraphs]) + dates.year_clues(below + above),
        url=str(front["url"]) if front.get("url") else None,
    )


def article_start(body: CleanText) -> int:
    """The line the article's own text starts on (10**9 when there is none).

    Layout class: the headline block (kicker, headline, standfirst, caption) printed right
    above the byline or date line. The clean stage drops that line as furniture but may keep
    the block as the first paragraphs; then the article starts after it. Only a block that
    opens with a headline-like line (short, no final period) and sits a few lines above the
    byline counts: further down, a removed date line is an embedded post's or a box's.
    """
    if not body.paragraphs:
        return 10**9
    first = body.paragraphs[0]
    mark = min((r.line for r in body.removed if r.reason in ("byline", "date line") and r.line > first.line), default=0)
    block = [p for p in body.paragraphs if p.line < mark]
    text = first.text.strip()
    if mark and mark - first.line <= 10 and len(block) <= 4 and _word_count(text) <= 20 and not text.endswith((".", "。")):
        after = [p.line for p in body.paragraphs if p.line > mark]
        if after:
            return after[0]
    return first.line


def _title(front, body: CleanText, above, lead: str, first_line: int, paragraphs) -> tuple[Field, int | None]:
    """The title and the line it sits on (None when it is not a line of the page)."""
    given = _front_field(front, "title")
    if given:
        return given, None
    marked = [(r.line, r.text.strip()) for r in body.removed if r.reason == "headline" and r.text.strip()]
    if marked:  # the clean stage already knows the headline (Markdown "# …")
        return Field(marked[0][1], f"headline line {marked[0][0]}"), marked[0][0]
    # Layout class: a blog's comments heading quotes the post's title ("6 thoughts on “Title”").
    quoted = {m.group(1).strip() for r in body.removed for m in [_COMMENTS_ON.match(r.text.strip())] if m}
    for number, text in above:
        if text.strip() in quoted:
            return Field(text.strip(), f"headline line {number}, quoted by the comments heading"), number
    found = find_title(above, lead, first_line)
    if found:
        return found
    return generated_title(paragraphs[0].text if paragraphs else ""), None


def _front_field(front: dict, key: str, normalise=str) -> Field | None:
    value = front.get(key)
    return Field(normalise(str(value).strip()), origin(front, key)) if value and str(value).strip() else None


def origin(front: dict, key: str) -> str:
    """Where a given value came from: the article's front matter or its sidecar file."""
    return dict(front.get("provenance", ())).get(key, "front matter")


# ---------------------------------------------------------------- title


_COMMON = frozenset("the and for with from that this are was were has have not but you your our its his her".split())


# Chinese, Japanese and Korean write without spaces: a run of these characters is many words.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+")


def _stems(text: str) -> set[str]:
    """Word stems to compare a candidate headline with the lead; CJK text gives character pairs."""
    stems = {w.lower()[:5] for w in re.findall(r"[A-Za-z]{3,}", text) if w.lower() not in _COMMON}
    for run in _CJK.findall(text):
        stems.update(run[i : i + 2] for i in range(len(run) - 1))
    return stems


def _word_count(text: str) -> int:
    """Words, counting 2.5 CJK characters as one (Japanese averages 2-3 characters a word)."""
    cjk = sum(len(run) for run in _CJK.findall(text))
    return len(_CJK.sub(" ", text).split()) + cjk * 2 // 5


def join_labels(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Join a label line to the value under it: "Author:" + "Austin Murphy" -> "Author: Austin Murphy"."""
    out: list[tuple[int, str]] = []
    for number, text in lines:
        if out and _LABEL.match(out[-1][1].strip()) and number - out[-1][0] <= 2:
            out[-1] = (out[-1][0], f"{out[-1][1].strip()} {text.strip()}")
        else:
            out.append((number, text))
    return out


def find_title(lines: list[tuple[int, str]], lead: str, body_start: int = 10**9) -> tuple[Field, int] | None:
    """The headline among the lines above the body: a short line that the lead paragraphs echo.

    Captions also echo the lead, but they are sentences (final period) and are often
    printed twice; furniture ("Breaking News", timecodes, photo credits) shares no words.
    A standfirst under the headline scores much like it, so near-ties go to the earlier line.
    """
    scored = [(score, number, text) for number, text, score in _title_candidates(lines, lead, body_start)]
    if not scored or max(scored)[0] < 0.45:
        return None
    top = max(scored)[0]
    score, number, text = min((c for c in scored if c[0] >= top - 0.1), key=lambda c: c[1])
    # Layout class: headline, then a standfirst (deck) written as a sentence. The standfirst is
    # longer and echoes more of the lead, so it can outscore the shorter line right above it,
    # which is the headline. A Title Case top line is a headline itself: the line above it is
    # then a menu or related link. A section kicker ("War in Ukraine") is shorter than a headline.
    over = [c for c in scored if number - 3 <= c[1] < number and c[0] >= 0.45]
    if over and _reads_as_sentence(text) and not over[-1][2].endswith("."):
        if 5 <= _word_count(over[-1][2]) < _word_count(text):
            score, number, text = over[-1]
    # "Storm floods towns | CNN": a page-title suffix naming the outlet is not part of the headline.
    m = re.match(r"^(.{12,}?)\s+[|–—-]\s+([^|–—-]{2,40})$", text)
    text = m.group(1) if m and outlets.names_in(m.group(2)) else text
    return Field(text, f"headline line {number}", "high" if score >= 0.7 else "medium"), number


def _reads_as_sentence(text: str) -> bool:
    """Ends with a period, or most of its words are lower case (sentence case, not Title Case)."""
    words = text.split()
    return text.endswith(".") or (len(words) >= 4 and sum(w[0].islower() for w in words) * 2 >= len(words))


def _title_candidates(lines: list[tuple[int, str]], lead: str, body_start: int):
    lead_stems = _stems(lead)
    # Indexes built once, so a page of 100,000 header lines is not scanned once per line.
    copies_of: dict[str, list[int]] = {}
    texts_at: dict[int, list[str]] = {}
    for n, t in lines:
        copies_of.setdefault(t.strip(), []).append(n)
        texts_at.setdefault(n, []).append(t)
    closest: dict[str, int] = {}  # text -> smallest gap between two of its copies
    marks: dict[int, bool] = {}  # line number -> holds a byline or a date (computed on demand)

    def marked(n: int) -> bool:
        if n not in marks:
            marks[n] = any(BY.match(t.strip()) or dates.calendar_matches(t) for t in texts_at.get(n, ()))
        return marks[n]

    for number, raw in lines:
        text = raw.strip()
        words = text.split()
        length = _word_count(text)
        if not 3 <= length <= 30 or _FURNITURE.search(text) or BY.match(text) or text.endswith(":"):
            continue
        if outlets.PROMO_HEADING.match(text) or _PHOTO_CREDIT.search(text) or sum(w.strip("—–-").isdigit() for w in words) * 3 > len(words):
            continue  # "More from Quartz"; a score line or a table row
        has_date = bool(dates.calendar_matches(text))
        if has_date and length <= 8:
            continue  # "Published March 9, 2017"
        stems = _stems(text)
        score = len(stems & lead_stems) / max(len(stems), 1) + min(length, 10) / 20
        if body_start - number > 12:
            score -= min(body_start - number, 60) / 200  # headlines sit just above the article
        if any(marked(n) for n in range(number + 1, number + 5)):
            score += 0.3  # a byline or date right under it
        if text.endswith("."):
            score -= 0.4 if length > 8 else 0.2  # a sentence: caption, standfirst or blurb
        if re.search(r"[.!?] [A-Z]", text) or has_date:
            score -= 0.3  # several sentences, or a dated list item ("Gaming 2016-12-13 …")
        copies = copies_of[text]
        if len(copies) > 1:
            if text not in closest:
                closest[text] = min(b - a for a, b in zip(copies, copies[1:]))
            # Printed twice in a row: a photo caption. Repeated far apart (page title,
            # breadcrumb, share box): the headline.
            score += -0.5 if closest[text] <= 3 else 0.2
        yield number, text, score


def generated_title(first_paragraph: str) -> Field:
    """A title for a file with no headline: the first sentence, cut to about a dozen words."""
    first = (sentences(first_paragraph) or [first_paragraph or "Untitled"])[0].strip().rstrip(".")
    words = first.split()
    if len(words) > 14:
        cut = " ".join(words[:14])
        comma = cut.rfind(",")
        first = (cut[:comma] if comma > len(cut) // 2 else cut).rstrip(",;:") + "…"
    return Field(first or "Untitled", "generated from the first sentence (the file has no headline)", "generated")


# ---------------------------------------------------------------- outlet and date


def find_outlet(above, below, paragraphs, url: str) -> Field:
    evidence: list[outlets.Evidence] = []
    if paragraphs:
        evidence += outlets.line_evidence(paragraphs[0].line, paragraphs[0].text, first_paragraph=True)
    for paragraph in paragraphs[-3:]:
        # A sourcing or copyright line the cleaner kept as body still names the outlet;
        # plain mentions in the body ("told CNN") do not.
        evidence += [e for e in outlets.line_evidence(paragraph.line, paragraph.text) if e.weight >= 3]
    for number, text in above:
        evidence += outlets.line_evidence(number, text)
    in_promo = False
    for number, text in below:
        in_promo = in_promo or bool(outlets.PROMO_HEADING.match(text.strip()))
        evidence += outlets.line_evidence(number, text, in_promo=in_promo)
    from_url = outlets.outlet_from_url(url) if url else None
    if from_url:
        evidence.append(outlets.Evidence(from_url, 3, "the article's URL"))
    best = outlets.choose_outlet(evidence)
    if best is None:
        return Field("Unknown outlet", "no outlet is named in the text", "low")
    return Field(best.outlet, best.source, best.confidence)


def _near_or_labelled(number: int, text: str, title_line: int | None) -> bool:
    """A date line after the body start still counts when it is labelled or sits under the headline."""
    return bool(dates.PUBLISHED_LABEL.search(text)) or (title_line is not None and 0 < number - title_line <= 8)


def _date(front: dict, path: str, lines: list[tuple[int, str]], title_line: int | None, timezone: str) -> DateGuess:
    value = front.get("date")
    if isinstance(value, str):  # .html dates are strings and skip the front matter checks
        value = stamps.parse_stamp(value)
    where = origin(front, "date")
    stated, said = None, where
    if isinstance(value, dt.date) and value.year in dates.clues.PLAUSIBLE_YEARS:
        stated = stamps.local_day(value, timezone)
        if isinstance(value, dt.datetime) and stated != value.date():  # the zone moved the day: say why
            said = f"{where}: {value.isoformat()}, which is {stated.isoformat()} in {timezone}"
    if stated and where == "front matter":
        return DateGuess(stated, stated, stated, said, "high")
    m = re.search(r"(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)", path.rsplit("/", 1)[-1])
    if m:
        try:
            day = dt.date(*map(int, m.groups()))
            return DateGuess(day, day, day, f"the file name ({m.group(0)})", "high")
        except ValueError:
            pass
    if stated:  # from the sidecar file, which ranks after the file name (as in Hugo)
        return DateGuess(stated, stated, stated, said, "high")
    return dates.page_date(lines, title_line) or DateGuess(None)
