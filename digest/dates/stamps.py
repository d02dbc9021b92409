"""Publication timestamps and the site's time zone (``site.timezone``).

A stated date may carry a time and an offset ("2022-02-24T23:30:00-05:00" in front matter,
``article:published_time`` in a saved page). Which calendar day that is depends on where
the reader is, so, as Hugo's ``timeZone`` and Pelican's ``TIMEZONE`` do, digest files it
under the day it is in the site's zone. A time without an offset is taken as already in
that zone, and a plain date is a day, never shifted. The read stage keeps the time as
written; only the analysis, which knows the zone, reduces it to a day.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo


def parse_stamp(text: str) -> dt.date | None:
    """An ISO 8601 date (a `date`) or date-time (a `datetime`, keeping its offset), or None.

    "2022-02-24", "2022-02-24T23:30:00-05:00", "…Z", "…-0500", "2022-02-24 23:30". Text after
    a date that is not a time ("2022-02-24 (updated)") is ignored: the day is still right.
    """
    text = text.strip()
    try:
        return dt.date.fromisoformat(text) if len(text) <= 10 else dt.datetime.fromisoformat(text)
    except ValueError:
        pass
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def has_offset(value: dt.date) -> bool:
    return isinstance(value, dt.datetime) and value.utcoffset() is not None


def local_day(value: dt.date, zone: str) -> dt.date:
    """The calendar day `value` falls on in `zone`: only a time with an offset is converted."""
    if has_offset(value):
        return value.astimezone(zoneinfo.ZoneInfo(zone)).date()  # type: ignore[attr-defined]
    return value.date() if isinstance(value, dt.datetime) else value


def day_start(day: dt.date, zone: str) -> str:
    """Midnight at the start of `day` in `zone`, in RFC 3339 (Atom's timestamps): the day an
    article is filed under, so a feed reader shows the same day as the site."""
    midnight = dt.datetime.combine(day, dt.time(), zoneinfo.ZoneInfo(zone))
    stamp = midnight.isoformat()
    return stamp[:-6] + "Z" if stamp.endswith("+00:00") else stamp
