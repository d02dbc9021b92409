"""Front matter (TOML ``+++`` or YAML ``---``) and JSON article objects.

Known keys override what the pipeline would infer: title, date, outlet, authors, url.
Types are checked here so a wrong type is reported with the file and line.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib

from digest.errors import ArticleError, toml_problem

KNOWN_KEYS = ("title", "date", "outlet", "authors", "url")
# The parsers recurse once per level of [[[…]]]; a hostile file must not crash the build.
TOO_DEEP = "nested too deeply to read (thousands of [ or { levels); this is not an article"
Front = tuple[tuple[str, object], ...]

# Characters that scraping leaves in text and that should read as a plain space, or vanish.
# Line and paragraph separators (and NEL, VT, FF) become spaces: str.splitlines() would
# otherwise see line breaks that "\n"-based line numbers do not. Other control characters
# vanish: XML (the feeds) forbids them. Bidirectional overrides vanish so a name cannot
# display reversed.
_SPACES = dict.fromkeys(
    map(ord, "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u3000\t\x0b\x0c\x85\u2028\u2029"), " "
)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\x7f"), None)
_CONTROLS = dict.fromkeys((c for c in range(32) if c not in (9, 10, 11, 12)), None)
_TRANSLATE = {**_SPACES, **_INVISIBLE, **_CONTROLS}
_SURROGATE = re.compile("[\ud800-\udfff]")


def scrub(text: str) -> str:
    """Odd spaces to plain ones, control and invisible characters out, lone surrogates (from
    JSON or YAML escapes like "\\ud800", which cannot be written as UTF-8) replaced; keeps "\\n"."""
    return _SURROGATE.sub("\ufffd", text.translate(_TRANSLATE))


def parse_front_matter(text: str, shown: str) -> tuple[Front, str, int]:
    """Split front matter from a Markdown body: (fields, body, number of lines before the body)."""
    lines = text.split("\n")
    fence = lines[0].strip() if lines else ""
    if fence not in ("+++", "---"):
        return (), text, 0
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == fence)
    except StopIteration:
        raise ArticleError(f"front matter opened with {fence} on line 1 is never closed; add a closing {fence} line", path=shown, line=1)
    block = "\n".join(lines[1:end])
    if fence == "+++":
        try:
            data = tomllib.loads(block)
        except RecursionError:
            raise ArticleError(TOO_DEEP, path=shown, line=2)
        except tomllib.TOMLDecodeError as exc:
            message, line = toml_problem(exc, block)
            raise ArticleError(f"front matter is not valid TOML: {message}", path=shown, line=(line + 1) if line else 1)
        except ValueError as exc:  # an integer of more than 4,300 digits
            raise ArticleError(f"front matter is not valid TOML: {exc}", path=shown, line=2)
    else:
        data = _yaml(block, shown)
    body = "\n".join(lines[end + 1 :])
    return check_fields(data, shown, lambda key: _line_of(lines[1:end], rf"^\s*\[?\s*{key}\s*[=:\]]", offset=2)), body, end + 1


def structured_json(text: str, shown: str) -> tuple[Front, str]:
    """A .json article: an object with "text" (or "body") plus optional metadata keys."""
    try:
        data = json.loads(text)
    except RecursionError:
        raise ArticleError(TOO_DEEP, path=shown, line=1)
    except json.JSONDecodeError as exc:
        raise ArticleError(f"not valid JSON: {exc.msg}", path=shown, line=exc.lineno)
    except ValueError as exc:  # an integer of more than 4,300 digits
        raise ArticleError(f"not valid JSON: {exc}", path=shown, line=1)
    if not isinstance(data, dict):
        raise ArticleError('a .json article must be one object like {"title": "...", "text": "..."}', path=shown, line=1)
    body = data.get("text", data.get("body"))
    if not isinstance(body, str) or not body.strip():
        raise ArticleError('the JSON object needs a non-empty "text" string with the article body', path=shown, line=1)
    meta = {k: v for k, v in data.items() if k in KNOWN_KEYS}
    lines = text.split("\n")
    front = check_fields(meta, shown, lambda key: _line_of(lines, rf'"{key}"\s*:', offset=1))
    return front, scrub(body.replace("\r\n", "\n").replace("\r", "\n"))


def check_fields(data: dict, shown: str, line_of) -> Front:
    fields: list[tuple[str, object]] = []
    # Other keys are the user's own; keep them out of the model (YAML keys need not be strings).
    for key in sorted(k for k in data if isinstance(k, str) and k in KNOWN_KEYS):
        value = data[key]
        if key == "authors":
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(a, str) for a in value):
                raise ArticleError("authors must be a name or a list of names", path=shown, line=line_of(key))
            value = [scrub(a).strip() for a in value if scrub(a).strip()]
        elif key == "date":
            value = _date(value, shown, line_of(key))
        elif not isinstance(value, str):
            raise ArticleError(f"{key} must be a string, got {type(value).__name__}", path=shown, line=line_of(key))
        else:
            value = scrub(value).strip()
        fields.append((key, value))
    return tuple(fields)


def _date(value: object, shown: str, line: int | None) -> dt.date:
    """A date, or a datetime kept whole: its day depends on the site's time zone, which the
    analysis applies (`digest.dates.stamps`), so that changing the zone re-analyses."""
    from digest.dates.clues import PLAUSIBLE_YEARS

    day = _as_date(value, shown, line)
    if day.year not in PLAUSIBLE_YEARS:
        raise ArticleError(f"date {day.isoformat()} is not a plausible publication date; write it as YYYY-MM-DD", path=shown, line=line)
    return day


def _as_date(value: object, shown: str, line: int | None) -> dt.date:
    if isinstance(value, dt.date):  # TOML and YAML dates and date-times (a datetime is a date)
        return value
    if isinstance(value, str):
        from digest.dates.stamps import parse_stamp

        stamp = parse_stamp(value)
        if stamp is not None:
            return stamp
        from digest.dates.clues import calendar_matches  # the body's date reader, for "January 28, 2022"

        found = [m for m in calendar_matches(value[:100]) if m[4] is not None]
        if len(found) == 1 and len(value.strip()) <= 40:  # one full date, not a sentence that holds one
            _, _, month, day, year = found[0]
            return dt.date(year, month, day)
    shown_value = repr(value[:80]) if isinstance(value, str) else f"of type {type(value).__name__}"  # a YAML alias bomb has a huge repr
    raise ArticleError(f"date {shown_value} is not a date; write it as YYYY-MM-DD (or 2022-02-24T23:30:00-05:00)", path=shown, line=line)


def _yaml(block: str, shown: str) -> dict:
    import yaml  # PyYAML: YAML front matter is what Jekyll/Hugo users write

    try:
        data = yaml.safe_load(block)
    except RecursionError:
        raise ArticleError(TOO_DEEP, path=shown, line=2)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ArticleError(f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}", path=shown, line=(mark.line + 2) if mark else 1)
    except (ValueError, OverflowError) as exc:  # "date: 2022-02-30": PyYAML builds the date and fails
        raise ArticleError(f"front matter is not valid YAML: {exc}", path=shown, line=2)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ArticleError("front matter must be key: value pairs", path=shown, line=2)
    return data


def _line_of(lines: list[str], pattern: str, *, offset: int) -> int | None:
    """The line a key is set on: `title = …`, `title: …`, a `[title]` table, `"title": …`."""
    found = re.compile(pattern)
    for index, line in enumerate(lines):
        if found.search(line):
            return index + offset
    return None


def sidecar_fields(text: str, shown: str) -> Front:
    """A metadata sidecar file: TOML with the front-matter keys."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message, line = toml_problem(exc, text)
        raise ArticleError(f"sidecar file is not valid TOML: {message}", path=shown, line=line)
    lines = text.split("\n")
    return check_fields(data, shown, lambda key: _line_of(lines, key, offset=1))
