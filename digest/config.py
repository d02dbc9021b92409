"""config.toml: one declared schema, every problem reported at once.

Read with tomllib, checked against ``SCHEMA``: unknown keys get a did-you-mean, wrong
types a plain message, each naming its key and, where the TOML text shows it, its line.
"""

from __future__ import annotations

import difflib
import re
import tomllib
import zoneinfo
from dataclasses import dataclass
from pathlib import Path

from digest.errors import ConfigError, located, toml_problem

DEFAULT_CONFIG_NAME = "config.toml"
# Items per list page. A card with a three-sentence summary is ~3 KB of HTML, so 50 make a
# page of ~150 KB that opens quickly on a phone, and a real day of news (a few to a few dozen
# articles) still fits on one page; Hugo's 10 suits blog excerpts, not a day's briefing.
PAGINATE = 50


@dataclass(frozen=True, slots=True)
class Option:
    type: type | tuple[type, ...]
    default: object
    help: str
    item_type: type | None = None  # for lists


# The schema, declared once. `digest init` writes it out with its comments.
SCHEMA: dict[str, dict[str, Option]] = {
    "site": {
        "title": Option(str, "News briefing", "Site title, shown in every page header."),
        "description": Option(str, "", "One line under the title on the index page."),
        "base_url": Option(
            str,
            "",
            "Absolute URL the site is published at, e.g. https://user.github.io/repo/ "
            "(feeds and sitemap use it; pages link relatively and work without it).",
        ),
        "language": Option(str, "en", "The pages' lang attribute."),
        "days_on_index": Option(int, 7, "Newest days shown in full on the index; all days are on the archive page."),
        "paginate": Option(
            int,
            PAGINATE,
            "Articles (or a speaker's quotes) per page on day, outlet and speaker pages; longer lists go on "
            "to page 2, 3... (days/<day>/page/2.html). 0 means the default; a big number keeps every list on one page.",
        ),
        "timezone": Option(
            str,
            "UTC",
            "IANA time zone, e.g. Europe/London. A stated date-time with an offset (2022-02-24T23:30:00-05:00) "
            "is filed under its day in this zone; one without an offset is taken as in it; a plain date never moves.",
        ),
    },
    "build": {
        "content": Option(list, ["seeds"], "Folders (or files) of articles, relative to this file.", item_type=str),
        "output": Option(str, "site", "Output folder, relative to this file."),
        "theme": Option(
            str,
            "default",
            "A built-in theme name, or a path to a theme folder (templates/ and static/). "
            "Files in ./themes/<name>/ override the theme's files of the same name.",
        ),
    },
    "summary": {
        "algorithm": Option(
            str,
            "default",
            "Summarizer: default (digest's own), or a sumy algorithm: lsa, luhn, lex-rank, "
            "text-rank, sum-basic, kl, edmundson, random.",
        ),
        "sentences": Option(int, 3, "At most this many sentences per article summary."),
        "max_words": Option(int, 60, "Word budget per article summary."),
        "briefing_sentences": Option(int, 6, "Sentences in each day's briefing (5 to 8 reads well)."),
    },
    "quotes": {
        "doubled_apostrophes": Option(
            bool,
            False,
            "Also read ''two apostrophes'' as quotation marks, as some archives (NYT) print them. Off by default: "
            "measured on news text, most such spans are not quotes (dev F1 0.905 off, 0.819 on).",
        ),
    },
}


@dataclass(frozen=True, slots=True)
class Config:
    path: Path | None  # the config file, None when running on defaults
    root: Path  # folder the config's relative paths are resolved against
    title: str
    description: str
    base_url: str
    language: str
    days_on_index: int
    paginate: int
    timezone: str
    content: tuple[Path, ...]
    output: Path
    theme: str
    summary_algorithm: str
    summary_sentences: int
    summary_max_words: int
    briefing_sentences: int
    doubled_apostrophes: bool



def load_config(path: Path | None = None, *, output: Path | None = None, base_url: str | None = None) -> Config:
    """Load and check a config file; ``path=None`` looks for ./config.toml, else defaults."""
    if path is None:
        candidate = Path(DEFAULT_CONFIG_NAME)
        path = candidate if candidate.exists() else None
    raw: dict = {}
    text = ""
    if path is not None:
        shown = str(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise ConfigError([f"{shown}: no such config file (run `digest init DIR` to create a project)"])
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError([f"{shown}: cannot read the config file: {exc}"])
        try:
            raw = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            message, line = toml_problem(exc, text)
            raise ConfigError([located(f"TOML syntax error: {message}; fix the line and build again", shown, line)])
    if base_url is not None:  # --base-url or DIGEST_BASE_URL wins over the file (CI sets it at build time)
        raw = {**raw, "site": {**(raw.get("site") if isinstance(raw.get("site"), dict) else {}), "base_url": base_url}}
    values = _check(raw, text, str(path) if path else DEFAULT_CONFIG_NAME)
    root = path.parent if path is not None else Path(".")
    out = output if output is not None else root / values["build.output"]
    return Config(
        path=path,
        root=root,
        title=values["site.title"],
        description=values["site.description"],
        base_url=values["site.base_url"],
        language=values["site.language"],
        days_on_index=values["site.days_on_index"],
        paginate=values["site.paginate"] or PAGINATE,
        timezone=values["site.timezone"],
        content=tuple(root / c for c in values["build.content"]),
        output=out,
        theme=values["build.theme"],
        summary_algorithm=values["summary.algorithm"],
        summary_sentences=values["summary.sentences"],
        summary_max_words=values["summary.max_words"],
        briefing_sentences=values["summary.briefing_sentences"],
        doubled_apostrophes=values["quotes.doubled_apostrophes"],
    )


def _check(raw: dict, text: str, shown: str) -> dict[str, object]:
    problems: list[str] = []
    values: dict[str, object] = {}
    for section, value in raw.items():
        if section not in SCHEMA:
            problems.append(_unknown(shown, text, section, section, list(SCHEMA)))
        elif not isinstance(value, dict):
            problems.append(located(f"[{section}] must be a table, e.g. [{section}] on its own line", shown, _key_line(text, section)))
    for section, options in SCHEMA.items():
        given = raw.get(section, {})
        if not isinstance(given, dict):
            given = {}
        for key in given:
            if key not in options:
                problems.append(_unknown(shown, text, f"{section}.{key}", key, list(options)))
        for key, option in options.items():
            dotted = f"{section}.{key}"
            value = given.get(key, option.default)
            problem = _type_problem(dotted, value, option)
            if problem is None:
                problem = _value_problem(dotted, value)
            if problem:
                problems.append(located(problem, shown, _key_line(text, key)))
            values[dotted] = value
    if problems:
        raise ConfigError(problems)
    return values


def _type_problem(dotted: str, value: object, option: Option) -> str | None:
    expected = option.type
    if isinstance(value, bool) and expected is not bool:
        return f"{dotted} must be {_type_name(expected)}, not true/false"
    if not isinstance(value, expected):
        return f"{dotted} must be {_type_name(expected)}, got {_type_name(type(value))} {value!r}"
    if option.item_type is not None:
        for item in value:  # type: ignore[union-attr]
            if not isinstance(item, option.item_type):
                return f"{dotted} must be a list of {_type_name(option.item_type)}s, got {item!r}"
    return None


def _value_problem(dotted: str, value: object) -> str | None:
    if dotted in ("summary.sentences", "summary.briefing_sentences") and not 1 <= int(value) <= 50:  # type: ignore[arg-type]
        return f"{dotted} must be between 1 and 50, got {value}"
    if dotted == "site.days_on_index" and not 1 <= int(value) <= 366:  # type: ignore[arg-type]
        return f"{dotted} must be between 1 and 366, got {value}"
    if dotted == "site.paginate" and int(value) < 0:  # type: ignore[arg-type]
        return f"{dotted} must be a positive number of items per page such as {PAGINATE} (or 0 for that default), got {value}"
    if dotted == "summary.max_words" and not 5 <= int(value) <= 1000:  # type: ignore[arg-type]
        return f"{dotted} must be between 5 and 1000, got {value}"
    if dotted == "summary.algorithm":
        from digest.summarize import ALGORITHMS

        if value not in ALGORITHMS:
            hint = difflib.get_close_matches(str(value), list(ALGORITHMS), n=1)
            suggestion = f"; did you mean {hint[0]!r}?" if hint else ""
            return f"{dotted}: unknown algorithm {value!r}{suggestion} (choose from {', '.join(ALGORITHMS)})"
    if dotted == "site.timezone":
        try:
            zoneinfo.ZoneInfo(str(value))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):  # "Europe" is a folder of zones: OSError
            return f"{dotted}: unknown time zone {value!r} (use an IANA name such as 'UTC' or 'Europe/Paris')"
    if dotted == "build.content" and not value:
        return f"{dotted} is empty: list at least one folder of articles, e.g. content = [\"articles\"]"
    if dotted == "site.base_url" and value and not re.match(r"https?://", str(value)):
        return f"{dotted} must start with http:// or https://, got {value!r}"
    return None


def _unknown(shown: str, text: str, dotted: str, key: str, known: list[str]) -> str:
    hint = difflib.get_close_matches(key, known, n=1)
    suggestion = f"; did you mean {hint[0]!r}?" if hint else f" (known: {', '.join(known)})"
    return located(f"unknown key {dotted!r}{suggestion}", shown, _key_line(text, key))


def _key_line(text: str, key: str) -> int | None:
    pattern = re.compile(rf"^\s*(\[\s*{re.escape(key)}\s*\]|{re.escape(key)}\s*=)", re.M)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _type_name(kind: type | tuple[type, ...]) -> str:
    if isinstance(kind, tuple):
        return " or ".join(_type_name(k) for k in kind)
    return {str: "a string", int: "an integer", list: "a list", bool: "true or false", float: "a number", dict: "a table"}.get(
        kind, kind.__name__
    )


def render_default_config() -> str:
    """config.toml with every key, its default and its help, for `digest init`."""
    lines = ["# digest project configuration. Every key is optional; shown with its default.", ""]
    for section, options in SCHEMA.items():
        lines.append(f"[{section}]")
        for key, option in options.items():
            lines.append(f"# {option.help}")
            lines.append(f"{key} = {_toml_value(option.default)}")
        lines.append("")
    return "\n".join(lines)


def _toml_value(value: object) -> str:
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return str(value).lower() if isinstance(value, bool) else str(value)
