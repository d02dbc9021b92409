"""Publication dates: the clues each article gives, resolved across the collection.

Scraped news pages rarely keep a full date. What they keep is day-level evidence:
"on January 28", "said Friday", a copyright year. `clues` collects it per article,
`resolve` turns it into one `DateGuess` per article, and `anchors` links weekdays in
one article to calendar dates in another.
"""

from digest.dates.clues import (
    MONTHS,
    PUBLISHED_LABEL,
    WEEKDAYS,
    ContextClue,
    calendar_matches,
    find_clues,
    page_date,
    year_clues,
)
from digest.dates.resolve import resolve_dates

__all__ = [
    "MONTHS", "PUBLISHED_LABEL", "WEEKDAYS", "ContextClue", "calendar_matches", "find_clues", "page_date",
    "resolve_dates", "year_clues",
]
