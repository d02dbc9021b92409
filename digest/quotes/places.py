"""A country or its capital as a speaker means its government.

    government_of(speaker) -> str

"Russia has argued that …", "Moscow says …", "Washington laid out …": news copy lets a
country or its capital stand for the state, and the speaker pages group those with the
government ("Russian government"), not with a place. General geography, not tied to any
article. Ambiguous names (Georgia, Jordan) are left out: they are also people or US states.
"""

from __future__ import annotations

# adjective: names of the country and its capital, as news copy writes them
_GOVERNMENTS = {
    "U.S.": "United States|U.S.|US|USA|U.S.A.|America|Washington",
    "Russian": "Russia|Russian Federation|Moscow",
    "Chinese": "China|Beijing|People's Republic of China",
    "Ukrainian": "Ukraine|Kyiv|Kiev",
    "British": "Britain|Great Britain|United Kingdom|U.K.|UK|London",
    "French": "France|Paris",
    "German": "Germany|Berlin",
    "Italian": "Italy|Rome",
    "Spanish": "Spain|Madrid",
    "Polish": "Poland|Warsaw",
    "Hungarian": "Hungary|Budapest",
    "Belarusian": "Belarus|Minsk",
    "Turkish": "Turkey|Türkiye|Ankara",
    "Iranian": "Iran|Tehran",
    "Iraqi": "Iraq|Baghdad",
    "Syrian": "Syria|Damascus",
    "Israeli": "Israel",
    "Egyptian": "Egypt|Cairo",
    "Saudi": "Saudi Arabia|Riyadh",
    "Indian": "India|New Delhi",
    "Pakistani": "Pakistan|Islamabad",
    "Afghan": "Afghanistan|Kabul",
    "Japanese": "Japan|Tokyo",
    "North Korean": "North Korea|Pyongyang",
    "South Korean": "South Korea|Seoul",
    "Taiwanese": "Taiwan|Taipei",
    "Australian": "Australia|Canberra",
    "Canadian": "Canada|Ottawa",
    "Mexican": "Mexico|Mexico City",
    "Brazilian": "Brazil|Brasilia",
    "Venezuelan": "Venezuela|Caracas",
    "Cuban": "Cuba|Havana",
    "Lithuanian": "Lithuania|Vilnius",
    "Latvian": "Latvia|Riga",
    "Estonian": "Estonia|Tallinn",
    "Finnish": "Finland|Helsinki",
    "Swedish": "Sweden|Stockholm",
    "Norwegian": "Norway|Oslo",
    "Danish": "Denmark|Copenhagen",
    "Dutch": "Netherlands|The Hague",
    "Greek": "Greece|Athens",
}
_BY_NAME = {name.lower(): adj + " government" for adj, names in _GOVERNMENTS.items() for name in names.split("|")}


def government_of(speaker: str) -> str:
    """'Russia', 'the United States', 'Moscow' → that country's government; anything else unchanged."""
    key = speaker.strip()
    if key.lower().startswith("the "):
        key = key[4:]
    return _BY_NAME.get(key.lower(), speaker)
