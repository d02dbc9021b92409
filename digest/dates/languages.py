"""Calendar dates written in the other languages news pages are most often scraped in.

A date printed in French, Spanish, Portuguese, Italian, German, Dutch or Indonesian
("13 mars 2017", "22 de outubro de 2010", "19. Juli 2022", "Maret 30, 2015") or in
Chinese, Japanese or Korean ("2019年3月1日", "2019년 3월 1일") is the same evidence as an
English one. These languages write month names in lower case, and a few of the names are
English words ("mars", "mai"), so a foreign month name counts only with a day and a year.
"""

from __future__ import annotations

import re

# Names (and the usual abbreviations) that differ from the English ones, which clues.py reads.
_NAMES = {
    1: "janvier janv enero ene janeiro gennaio gen januar jänner januari",
    2: "février fevrier févr fevr febrero febr fevereiro fev fév febbraio februar februari",
    3: "mars marzo março marco märz maerz mrz mär maart mrt maret",
    4: "avril avr abril abr aprile",
    5: "mai mayo maio maggio mag mei",
    6: "juin junio junho giugno giu juni",
    7: "juillet juil julio julho luglio lug juli",
    8: "août aout agosto ago augustus agustus agu",
    9: "septembre septiembre setiembre setembro settembre sett set",
    10: "octobre octubre outubro out ottobre ott oktober okt",
    11: "noviembre novembro novembre",
    12: "décembre decembre déc diciembre dic dezembro dez dicembre dezember desember des",
}
_MONTH_OF = {name: month for month, names in _NAMES.items() for name in names.split()}
_NAME = "|".join(sorted(_MONTH_OF, key=len, reverse=True))  # longest first: "sett" before "set"
# "13 mars 2017", "1er mars 2017", "22 de outubro de 2010", "19. Juli 2022", "02 Ago 2017".
_DAY_FIRST = re.compile(rf"\b(\d{{1,2}})(?:er|º|°|\.)?\s+(?:de\s+)?({_NAME})\.?,?\s+(?:de\s+)?(\d{{4}})\b", re.I)
# "Maret 30, 2015": a blog theme's English date format with the site language's month names.
_MONTH_FIRST = re.compile(rf"\b({_NAME})\.?\s+(\d{{1,2}}),?\s+(?:de\s+)?(\d{{4}})\b", re.I)
_CJK = re.compile(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]")


def other_language_dates(text: str) -> list[tuple[int, int, int, int, int]]:
    """(start, end, month, day, year) for each non-English calendar date in `text` (unvalidated)."""
    found = []
    for m in _DAY_FIRST.finditer(text):
        found.append((m.start(), m.end(), _MONTH_OF[m.group(2).lower()], int(m.group(1)), int(m.group(3))))
    for m in _MONTH_FIRST.finditer(text):
        found.append((m.start(), m.end(), _MONTH_OF[m.group(1).lower()], int(m.group(2)), int(m.group(3))))
    for m in _CJK.finditer(text):
        found.append((m.start(), m.end(), int(m.group(2)), int(m.group(3)), int(m.group(1))))
    return found
