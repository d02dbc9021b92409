"""Which news outlet published an article: names, house styles and the evidence rules.

The table is general newsroom knowledge (what outlets are called, which ones are
wire agencies, each outlet's sourcing formulas); nothing here is tuned to one file.

Evidence is weighed rather than taken first-come, because a scraped page names
many organisations: wire agencies in sourcing lines ("With reporting by Reuters,
AP"), photo agencies in credits ("… via AP"), other outlets in promos. A wire
agency counts as the outlet only through forms that claim the story as its own:
a dateline "MOSCOW (AP) —", a byline "…, The Associated Press", a copyright line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlparse

# canonical short name -> regex of the ways pages write it (case-sensitive: "AP" vs "ap").
OUTLET_NAMES: dict[str, str] = {
    "RFE/RL": r"RFE/RL|Radio Free Europe(?:/Radio Liberty)?|Radio Liberty",
    "VOA": r"\bVOA\b|Voice of America",
    "NPR": r"\bNPR\b|National Public Radio",
    "AP": r"\bAP\b|(?:The )?Associated Press",
    "Reuters": r"\bReuters\b|\bREUTERS\b",
    "AFP": r"\bAFP\b|Agence France-Presse",
    "dpa": r"\bdpa\b|\bDPA\b|Deutsche Presse-Agentur",
    "UPI": r"\bUPI\b|United Press International",
    "TASS": r"\bTASS\b",
    "Interfax": r"\bInterfax\b",
    "Xinhua": r"\bXinhua\b",
    "BBC": r"\bBBC\b",
    "CNN": r"\bCNN\b|Cable News Network",
    "The New York Times": r"(?:The )?New York Times\b|\bNYT\b",
    "The Washington Post": r"(?:The )?Washington Post\b",
    "The Wall Street Journal": r"(?:The )?Wall Street Journal\b|\bWSJ\b",
    "The Guardian": r"\bThe Guardian\b|Guardian News",
    "Financial Times": r"Financial Times\b",
    "Bloomberg": r"\bBloomberg(?: News)?\b",
    "Al Jazeera": r"Al Jazeera\b",
    "NBC News": r"\bNBC News\b",
    "CBS News": r"\bCBS News\b",
    "ABC News": r"\bABC News\b",
    "Fox News": r"\bFox News\b",
    "Politico": r"\bPOLITICO\b|\bPolitico\b",
    "Axios": r"\bAxios\b",
    "The Hill": r"\bThe Hill\b",
    "USA Today": r"\bUSA TODAY\b|\bUSA Today\b",
    "Los Angeles Times": r"Los Angeles Times\b|\bLA Times\b",
    "The Independent": r"\bThe Independent\b",
    "Sky News": r"\bSky News\b",
    "Deutsche Welle": r"Deutsche Welle\b|\bDW\b",
    "France 24": r"\bFrance 24\b",
    "Euronews": r"\bEuronews\b",
    "The Kyiv Independent": r"Kyiv Independent\b",
    "Kyiv Post": r"\bKyiv Post\b",
    "The Moscow Times": r"Moscow Times\b",
    "Gothamist": r"\bGothamist\b",
    "Quartz": r"\bQuartz\b",
}
OUTLET_RES = {name: re.compile(pattern) for name, pattern in OUTLET_NAMES.items()}

# Agencies whose copy other outlets run: naming one is sourcing, not authorship.
WIRES = frozenset({"AP", "Reuters", "AFP", "dpa", "UPI", "TASS", "Interfax", "Xinhua"})

DOMAINS: dict[str, str] = {
    "rferl.org": "RFE/RL", "voanews.com": "VOA", "npr.org": "NPR", "apnews.com": "AP",
    "reuters.com": "Reuters", "afp.com": "AFP", "bbc.co.uk": "BBC", "bbc.com": "BBC",
    "cnn.com": "CNN", "nytimes.com": "The New York Times", "washingtonpost.com": "The Washington Post",
    "wsj.com": "The Wall Street Journal", "theguardian.com": "The Guardian", "ft.com": "Financial Times",
    "bloomberg.com": "Bloomberg", "aljazeera.com": "Al Jazeera", "nbcnews.com": "NBC News",
    "cbsnews.com": "CBS News", "abcnews.go.com": "ABC News", "foxnews.com": "Fox News",
    "politico.com": "Politico", "axios.com": "Axios", "thehill.com": "The Hill", "usatoday.com": "USA Today",
    "latimes.com": "Los Angeles Times", "independent.co.uk": "The Independent", "news.sky.com": "Sky News",
    "dw.com": "Deutsche Welle", "france24.com": "France 24", "euronews.com": "Euronews",
    "kyivindependent.com": "The Kyiv Independent", "kyivpost.com": "Kyiv Post",
    "themoscowtimes.com": "The Moscow Times", "gothamist.com": "Gothamist", "qz.com": "Quartz",
}

# House sourcing formulas that identify an outlet that does not name itself (general knowledge:
# VOA closes wire-assisted stories with exactly this sentence).
HOUSE_STYLES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^Some information for this report (?:came|comes) from\b", re.I), "VOA"),
)

# Lines that mention agencies only as sources of material.
_SOURCING = re.compile(
    r"\bvia\b|\bwith reporting by\b|\breporting (?:by|from)\b|\binformation for this report\b|\bcontributed\b"
    r"|\bcame from\b|\bmaterial from\b|\bPhoto\b|\bImages?\b|/Getty|\bfile\b|\bcourtesy\b",
    re.I,
)
_DATELINE = re.compile(r"^[A-Z][A-Za-z0-9.,' -]{1,60}\((AP|Reuters|AFP|UPI|dpa)\)\s*[-—–]")  # "KYIV, Jan 28 (Reuters) -"
_COPYRIGHT = re.compile(r"(?:Copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(.{2,80})", re.I)
_BIO_FOR = re.compile(r"\b(?:for|at|with|joined)\s+(.{2,40})")


@dataclass(frozen=True, slots=True)
class Evidence:
    outlet: str
    weight: int
    source: str  # human wording: "copyright line 58"
    confidence: str = "high"


def names_in(text: str) -> list[str]:
    """Canonical outlet names mentioned in `text`, in table order."""
    return [name for name, rx in OUTLET_RES.items() if rx.search(text)]


def normalise_outlet(name: str) -> str:
    """Map a free-form outlet name ("The Associated Press", "npr.org") to the canonical one."""
    text = name.strip()
    host = urlparse(text if "//" in text else "//" + text).hostname or ""
    for domain, outlet in DOMAINS.items():
        if host == domain or host.endswith("." + domain):
            return outlet
    found = names_in(text)
    return found[0] if found else text


def outlet_from_url(url: str) -> str | None:
    host = (urlparse(url).hostname or "").lower()
    for domain, outlet in DOMAINS.items():
        if host == domain or host.endswith("." + domain):
            return outlet
    return None


# Lists of other stories under an article ("Latest Stories" on Yahoo) label each item with its
# own outlet; after such a heading, plain mentions say nothing about this article.
PROMO_HEADING = re.compile(
    r"^(?:latest stories|related(?: stories| articles| coverage)?|more from|more stories|recommended|read more|"
    r"most read|most popular|trending|popular|top stories|you may also like|more on this)\b", re.I)


LINE_REACH = 1000


def line_evidence(line_no: int, text: str, *, first_paragraph: bool = False, in_promo: bool = False) -> list[Evidence]:
    """What one line says about the outlet. `first_paragraph` enables the dateline rule;
    `in_promo` (the line is in a list of other stories) keeps only copyright evidence."""
    # Datelines, bylines, credits and copyright notices are short: the start of a very long
    # line is enough, and 40 outlet patterns are not run over a megabyte of body text.
    text = text.strip()[:LINE_REACH]
    found: list[Evidence] = []
    if first_paragraph:
        m = _DATELINE.match(text)
        if m:
            found.append(Evidence(normalise_outlet(m.group(1)), 6, f"dateline on line {line_no}"))
        return found
    m = _COPYRIGHT.search(text)
    if m and len(text) < 200:
        for name in names_in(m.group(1)):
            found.append(Evidence(name, 6, f"copyright line {line_no}"))
        if found:
            return found
    if in_promo:
        return found
    for rx, outlet in HOUSE_STYLES:
        if rx.search(text):
            return [Evidence(outlet, 3, f"house sourcing formula on line {line_no} ('{text[:60]}')", "inferred")]
    # "Associated Press writers … contributed to this report": the agency's own staff.
    m = re.search(r"\b(Associated Press|Reuters|AFP) (?:writers?|reporters?|correspondents?)\b.*contributed", text)
    if m:
        return [Evidence(normalise_outlet(m.group(1)), 4, f"contributors line {line_no}")]
    # Byline ending in the agency: "Jane Roe and John Doe, The Associated Press".
    m = re.search(r",\s*((?:The )?[A-Z][\w/ .&-]{1,40})$", text)
    if m and len(text.split()) <= 14 and names_in(m.group(1)):
        return [Evidence(names_in(m.group(1))[0], 5, f"byline on line {line_no}")]
    # A staff bio: "Jane Roe has reported for NPR since 2011".
    if re.match(r"^[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){1,3} (?:is|has|was|covers|reports|writes|joined)\b", text):
        m = _BIO_FOR.search(text)
        if m and names_in(m.group(1)):
            return [Evidence(names_in(m.group(1))[0], 4, f"author bio on line {line_no}")]
    sourcing = bool(_SOURCING.search(text))
    for name in names_in(text):
        if name in WIRES and (sourcing or name == "AP"):
            continue  # agencies named in credits and credits lines are sources, not the outlet
        found.append(Evidence(name, 1, f"named on line {line_no}", "medium"))
    return found


def choose_outlet(evidence: list[Evidence]) -> Evidence | None:
    """The best-supported outlet; ties go to the evidence seen first."""
    if not evidence:
        return None
    totals: dict[str, int] = {}
    best: dict[str, Evidence] = {}
    for ev in evidence:
        totals[ev.outlet] = totals.get(ev.outlet, 0) + ev.weight
        if ev.outlet not in best or ev.weight > best[ev.outlet].weight:
            best[ev.outlet] = ev
    winner = max(totals, key=lambda name: (totals[name], -list(totals).index(name)))
    ev = best[winner]
    confidence = ev.confidence if ev.weight >= 3 else ("medium" if totals[winner] >= 2 else "low")
    return Evidence(winner, totals[winner], ev.source, confidence)
