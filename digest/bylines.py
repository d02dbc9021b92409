"""Bylines: who wrote an article, and who contributed, from the lines of a scraped page.

A byline comes in many shapes ("By A and B", "A And B, The Associated Press", "Jane Roe |
3 March 2021", a bare name under the headline, "Reporting by …; Editing by …", a bio
under the story), and the same shapes also appear in menus and in lists of other stories.
Wire agencies are outlets, never people. Pure functions over (line number, text) pairs.
"""

from __future__ import annotations

import re

from digest import dates, outlets

BY = re.compile(r"^(?:by|written by|words by|story by|(?:analysis|opinion|commentary) by|authors?:?)\s+(.{3,120})$", re.I)
_NAME_TOKEN = r"(?:[A-Z][a-zà-ÿ'’-]+(?:-[A-Z][a-zà-ÿ'’]+)?|[A-Z]\.|[A-Z]{2,}(?=\s[A-Z][a-z])|de|van|von|der|da|al|bin|la|le)"
_NAME = re.compile(rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,4}}")
_ROLE = re.compile(
    r"^.*\b(?:editor|correspondent|reporter|writer|writers|producer|contributor|photographer|"
    r"columnist|staff|bureau chief|analyst|intern|journalist|journalists|host)\b\s*", re.I
)
# A role after the name: "Bruce Y. Lee Senior Contributor", "Jane Roe Staff Writer".
_ROLE_AFTER = re.compile(
    r"(?:\s+(?:senior|staff|contributing|chief|special|deputy|associate|executive|managing|political|foreign|national|"
    r"business|sports|tech|science|health|auto|digital|news|investigative|AP)){0,2}\s+(?:editor|correspondent|reporter|"
    r"writer|producer|contributor|photographer|columnist|analyst|intern|journalist)(?:-at-large)?$", re.I
)
_NOT_NAMES = frozenset(
    """Associated Press Reuters The Staff News Desk Editor Editors Report Reporting Contributed Updated Published
    Share Follow Read More Latest Stories Live Breaking Photo Image Video Key Points Highlights Embed Tweet""".split()
)
_BIO = re.compile(r"^([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})\s+(?:is|has|was|covers|reports|writes|joined)\b")
_JOURNALISM = re.compile(r"\b(?:reported|reporter|reports|correspondent|journalist|editor|covers|covered|writes|"
                         r"writer|producer|produced|newsroom|bureau)\b")
_CONTRIB = re.compile(r"\bcontributed(?: reporting)?(?: to this (?:report|story|article))?\.?$", re.I)
# Credit lines: "With reporting by …", "Additional reporting by …", "Reporting by …; Editing by …".
_CREDIT_PARTS = re.compile(r"^((?:with |additional )?reporting|writing|editing)(?: by| from)\s+(.+)$", re.I)


def split_names(text: str) -> list[str]:
    """Person names in a credit list: roles, places and agencies dropped.

    "RFE/RL Europe Editor Rikard Jozwiak, Reuters, AFP" -> ["Rikard Jozwiak"];
    "Jill Lawless in London, Edith M. Lederer at the United Nations" -> both names.
    """
    names = []
    for chunk in re.split(r"\s*(?:,|;|&|\band\b|\bAnd\b|\bAND\b)\s*", text):
        chunk = re.split(r"\s+(?:in|at|from|for|reported|contributed|with|on|\|)\b", chunk)[0].strip(" .")
        chunk = _ROLE.sub("", _ROLE_AFTER.sub("", chunk)).strip(" .")
        if chunk.isupper() and len(chunk) > 4:
            chunk = chunk.title()  # AP prints bylines in capitals: "By VLADIMIR ISACHENKOV"
        m = _NAME.fullmatch(chunk)
        if not m or outlets.names_in(chunk) or any(w in _NOT_NAMES for w in chunk.split()):
            continue
        names.append(chunk)
    return names


# First words of two-word place names, which look like a person's name to split_names.
_PLACE_FIRST = frozenset(
    """New San Santa Santo Los Las Le La El St. St Saint Sainte Fort Port Cape Hong Tel Abu Buenos Kuala Rio Sao São
    Mexico Kansas Salt Panama Lake Mount North South East West Upper Lower Great Little Palm Baton Costa Sri Puerto
    Addis Dar Phnom Ho Kota""".split()
)


def _is_place(name: str) -> bool:
    """"New Orleans", "Salt Lake City": two-word places start or end alike."""
    words = name.split()
    return bool(words) and (words[0] in _PLACE_FIRST or words[-1] in ("City", "Town", "Beach", "Springs"))


def _byline(text: str) -> tuple[list[str], str] | None:
    """Names of a byline line, or None. "By A and B" / "A And B, The Associated Press"."""
    text = text.strip()
    m = BY.match(text)
    if m:
        rest = re.split(r"\s*[|•·]\s*|\s+[-–—]\s+|,\s*(?=(?:The )?[A-Z][\w/ .&-]*$)", m.group(1))[0]
        found = dates.calendar_matches(rest)
        rest = rest[: found[0][0]] if found else rest  # "By Zach Johnson Dec 12, 2016 2:00 PM"
        # "By Kyle Wood 42 minutes ago", "By Jane Roe On 11/13/19 at 4:00 PM EST"
        rest = re.split(r"\s+(?:(?:on|at|updated|published|posted)\s+)?\d", rest, flags=re.I)[0]
        rest = re.sub(r"\s+(?:on|at)$", "", rest.rstrip(), flags=re.I)
        names = split_names(rest)
        if not names and 1 <= len(rest.split()) <= 3 and rest[:1].isupper() and not outlets.names_in(rest):
            names = [rest.strip()]  # "By Cindy mangomini": a byline is a name even when it does not look like one
        return (names, "byline") if names else None
    m = re.match(r"^(.{3,90}?),\s*((?:The )?[A-Z][\w/ .&-]{1,40})$", text)
    if m and outlets.names_in(m.group(2)) and len(text.split()) <= 14:
        names = split_names(m.group(1))
        return (names, "byline") if names else None
    # "Monday November 18, 2019 7:45 am PST by Joe Rossignol": the date, then the byline.
    m = re.search(r"\s(?:by|By|BY):?\s+([A-Z][\w.'’ -]{2,40})$", text)
    if m and len(text.split()) <= 16 and dates.calendar_matches(text[: m.start()]):
        names = split_names(m.group(1))
        return (names, "byline") if names else None
    # "Tom Krisher, AP Auto Writer", "Jane Roe | Staff writer": a name, then only a role.
    m = re.match(r"^(.{3,40}?)\s*[,|•·–—]\s*(.{3,40})$", text)
    if m and _ROLE.fullmatch(m.group(2) + " ") and not _is_place(m.group(1)) and split_names(m.group(1)) == [m.group(1)]:
        return [m.group(1)], "byline"
    # "Mattias Geniar, April 19, 2020" / "Jane Roe | 3 March 2021": a name, then only the date.
    # "New Orleans, April 19, 2020" is a dateline: two-word places start or end alike.
    m = re.match(r"^(.{3,60}?)\s*[,|•·–—]\s*(.{6,40})$", text)
    if m and len(text.split()) <= 12:
        name = m.group(1).strip()
        found = dates.calendar_matches(m.group(2))
        if found and found[0][0] <= 1 and not _is_place(name) and split_names(name) == [name]:
            return [name], "byline"
    return None


def find_people(above, below, body, others_from: int = 10**9) -> tuple[tuple[str, ...], str, tuple[str, ...]]:
    """(authors, where they came from, contributors). Wire agencies are never people.

    Bylines from line `others_from` on (a "Most Popular" list under the article) are other stories'."""
    authors: list[str] = []
    where = ""
    contributors: list[str] = []
    for number, text in [*above, *below, *body[-6:]]:
        text = text.strip()
        if _CREDIT_PARTS.match(text):
            # Reuters style: "Reporting by A in Kyiv; additional reporting by B; Editing by C".
            for part in re.split(r"\s*;\s*", text):
                m = _CREDIT_PARTS.match(part)
                if not m:
                    continue
                role = m.group(1).lower()
                if role.startswith(("reporting", "writing")) and not authors:
                    authors, where = split_names(m.group(2)), f"reporting credit on line {number}"
                elif "reporting" in role:
                    contributors += split_names(m.group(2))
            continue
        if _CONTRIB.search(text) and len(text.split()) < 90:
            listed = re.sub(r"^.*?\b(?:writers?|reporters?|correspondents?|staff)\s+", "", text)
            contributors += split_names(_CONTRIB.sub("", listed))
            continue
        found = _byline(text) if len(text) < 160 and number < others_from else None
        if found and not authors:
            authors, where = found[0], f"byline on line {number}"
    if not authors:
        # A bio the cleaner left as the last paragraph must read like one ("has reported for …"),
        # or an ordinary closing sentence about a person ("Jane Roe has been missing …") would match.
        candidates = [*below, *((n, t) for n, t in body[-2:] if _JOURNALISM.search(t))]
        for number, text in candidates:
            m = _BIO.match(text.strip())
            if m and len(text.split()) >= 8 and split_names(m.group(1)) == [m.group(1)]:
                authors, where = [m.group(1)], f"author bio on line {number}"
                break
    return tuple(dict.fromkeys(authors)), where, tuple(dict.fromkeys(contributors))


def name_under_headline(above: list[tuple[int, str]], title_line: int) -> tuple[tuple[str, ...], str]:
    """A line holding only a person's name just under the headline is the byline without "By"."""
    for number, text in above:
        if 0 < number - title_line <= 6 and len(text.split()) <= 8:
            # "Jane Roe", "Jane Roe in Kyiv", "Jane Roe and John Doe": nothing but names (and a place)
            # "Jane Roe @janeroe", "Jane Roe Senior Contributor": a handle or a role may follow.
            bare = re.sub(r"\s+@\s?\w+$", "", text.strip())
            bare = _ROLE_AFTER.sub("", re.sub(r"\s+in\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?$", "", bare))
            names = split_names(bare)
            if names and " ".join(names) == re.sub(r"\s*(?:,|\band\b|&)\s*", " ", bare).strip():
                return tuple(names), f"name under the headline, line {number}"
    return (), ""
