"""Long lists split into pages: a day's articles, an outlet's, a speaker's quotes.

A scraped pile often has one huge list (1,900 undated articles, one outlet for all of
them): on one page that is 5 MB, slow to open on a phone and re-rendered on every save
in `digest serve`. Split into pages of `site.paginate` items, an edit re-renders the page
that lists the article and the first page, not the whole list. Page 1 keeps the list's
own URL (urls.page_url) so links made before the list grew still land on it, and only
page 1 shows what sums up the whole list (a day's briefing, a speaker's chart).
"""

from __future__ import annotations

from dataclasses import dataclass

from digest import urls


@dataclass(frozen=True, slots=True)
class Pager:
    """Page `number` of `count` of the list whose page 1 is `first`; the list's items
    [start:stop] are on it, of `total`."""

    first: str
    number: int
    count: int
    start: int
    stop: int
    total: int

    @property
    def path(self) -> str:
        return urls.page_url(self.first, self.number)

    @property
    def previous(self) -> str | None:
        return urls.page_url(self.first, self.number - 1) if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return urls.page_url(self.first, self.number + 1) if self.number < self.count else None

    def url_of(self, number: int) -> str:
        return urls.page_url(self.first, number)

    def numbers(self) -> list[int | None]:
        return window(self.number, self.count)


def paginate(first: str, total: int, size: int) -> list[Pager]:
    """The pages of a list of `total` items, `size` to a page; an empty list still has its
    page 1 (it says the list is empty)."""
    count = max(1, -(-total // size))
    return [Pager(first, n, count, (n - 1) * size, min(n * size, total), total) for n in range(1, count + 1)]


def page_of(position: int, size: int) -> int:
    """The page (from 1) that lists the item at `position` (from 0)."""
    return position // size + 1


def window(number: int, count: int, around: int = 1) -> list[int | None]:
    """The page numbers a pager shows: the first, the last, the current one and `around`
    on each side of it; None where numbers are left out (shown as an ellipsis). All 34
    numbers of a long list do not fit a phone's width; seven do."""
    keep = sorted({1, count, *range(max(1, number - around), min(count, number + around) + 1)})
    shown: list[int | None] = []
    for previous, n in zip([0, *keep], keep):
        if n - previous == 2:
            shown.append(n - 1)  # one number left out: an ellipsis would be no shorter
        elif n - previous > 2:
            shown.append(None)
        shown.append(n)
    return shown
