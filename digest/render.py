"""Stage: render. Site → {output path: bytes}, through Jinja2 templates. No disk writes.

Templates come from a chain of folders: the project's ``themes/<name>/`` overrides, a
theme given as a path, then the built-in default theme shipped as package data. Any
template or static file can be overridden by one of the same name earlier in the chain.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import jinja2

from digest import __version__, urls
from digest.charts import bar_list, speaker_chart, timeline
from digest.config import Config
from digest.data import data_files
from digest.errors import ThemeError
from digest.feeds import feed_files, speaker_feed_url
from digest.highlight import highlighted_paragraphs, quote_anchor, quote_in_context, sentence_anchor
from digest.model import Article, Day, Quote, Site

TEMPLATES = ("index.html", "day.html", "article.html", "speakers.html", "speaker.html", "outlets.html", "outlet.html", "404.html")


def builtin_theme(name: str = "default") -> Path | None:
    folder = Path(str(resources.files("digest.themes"))) / name
    return folder if folder.is_dir() else None


def theme_folders(config: Config) -> list[Path]:
    """Theme folders, first wins: project overrides, then the chosen theme, then default."""
    folders: list[Path] = []
    name = config.theme
    override = config.root / "themes" / name
    if override.is_dir():
        folders.append(override)
    chosen = builtin_theme(name)
    if chosen is None:
        path = Path(name) if Path(name).is_absolute() else config.root / name
        if not path.is_dir():
            raise ThemeError(f"theme {name!r} is neither a built-in theme nor a folder; set build.theme to \"default\" or a theme folder", path=str(config.path or "config.toml"))
        folders.append(path)
    else:
        folders.append(chosen)
    default = builtin_theme("default")
    if default is not None:
        folders.append(default)
    unique: list[Path] = []
    for folder in folders:
        if folder.resolve() not in [u.resolve() for u in unique]:
            unique.append(folder)
    return unique


@dataclass(frozen=True, slots=True)
class Page:
    path: str
    template: str
    context: dict


def make_environment(folders: list[Path]) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(f / "templates") for f in folders]),
        autoescape=jinja2.select_autoescape(("html", "xml"), default_for_string=True),
        undefined=jinja2.StrictUndefined,  # a typo in a template is an error, not a blank
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["longdate"] = _long_date
    return env


def render_site(site: Site, config: Config) -> dict[str, bytes]:
    folders = theme_folders(config)
    env = make_environment(folders)
    shared = {
        "site": site,
        "config": config,
        "version": __version__,
        "articles_by_slug": {a.slug: a for a in site.articles},
        "days_by_slug": {d.slug: d for d in site.days},
        "speaker_for": {s.name: s for s in site.speakers},
        "urls": urls,
        "sentence_anchor": sentence_anchor,
        "quote_anchor": quote_anchor,
        "quote_in_context": quote_in_context,
        "speaker_feed_url": speaker_feed_url,
    }
    outputs: dict[str, bytes] = {}
    for page in pages(site, config):
        outputs[page.path] = _render(env, page, shared, config).encode("utf-8")
    outputs.update(static_files(folders))
    outputs.update(feed_files(site, config.base_url))
    outputs.update(data_files(site))
    return outputs


def static_files(folders: list[Path]) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for folder in reversed(folders):  # earlier folders override later ones
        static = folder / "static"
        if not static.is_dir():
            continue
        for path in sorted(static.rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                files["static/" + path.relative_to(static).as_posix()] = path.read_bytes()
    return files


def _render(env: jinja2.Environment, page: Page, shared: dict, config: Config) -> str:
    def url(target: str) -> str:
        return urls.relative(page.path, target)

    context = {**shared, "page_path": page.path, "url": url, **page.context}
    try:
        template = env.get_template(page.template)
        return template.render(context)
    except jinja2.TemplateNotFound as exc:
        raise ThemeError(f"template {exc.name!r} not found in the theme folders ({', '.join(str(f) for f in theme_folders(config))})")
    except jinja2.TemplateSyntaxError as exc:
        raise ThemeError(f"template syntax error: {exc.message}", path=exc.filename or exc.name, line=exc.lineno)
    except jinja2.UndefinedError as exc:
        raise ThemeError(f"while rendering {page.path}: {exc.message}", path=page.template)


def pages(site: Site, config: Config) -> list[Page]:
    by_slug = {a.slug: a for a in site.articles}
    outlet_slugs = {o.name: o.slug for o in site.outlets}
    day_of = {slug: day for day in site.days for slug in day.articles}
    briefings = dict(site.briefings)
    notable = {day.slug: notable_quotes([by_slug[s] for s in day.articles]) for day in site.days}
    chart = timeline(site.days, by_slug, lambda target: urls.relative(urls.INDEX, target))
    result = [Page(urls.INDEX, "index.html", {"days": site.days, "briefings": briefings, "notable": notable, "timeline": chart})]
    for index, day in enumerate(site.days):
        newer = site.days[index - 1] if index > 0 else None
        older = site.days[index + 1] if index + 1 < len(site.days) else None
        result.append(
            Page(urls.day_url(day.slug), "day.html", {"day": day, "briefing": briefings.get(day.slug, ()), "newer": newer, "older": older})
        )
    for article in site.articles:
        result.append(Page(urls.article_url(article.slug), "article.html", _article_context(article, day_of.get(article.slug), outlet_slugs)))
    result.append(Page(urls.SPEAKERS, "speakers.html", {"speakers": site.speakers, "order": "quotes"}))
    by_name = tuple(sorted(site.speakers, key=lambda s: (_surname_key(s.name), s.name.casefold())))
    result.append(Page(urls.SPEAKERS_BY_NAME, "speakers.html", {"speakers": by_name, "order": "name"}))
    for speaker in site.speakers:
        quotes = [(by_slug[slug], by_slug[slug].quotes[i], i) for slug, i in speaker.quotes]
        path = urls.speaker_url(speaker.slug)
        sparkline = speaker_chart([(by_slug[slug], i) for slug, i in speaker.quotes], lambda target, path=path: urls.relative(path, target))
        result.append(Page(path, "speaker.html", {"speaker": speaker, "groups": _by_date(quotes), "speaker_chart": sparkline}))
    outlet_bars = bar_list([(o.name, urls.relative(urls.OUTLETS, urls.outlet_url(o.slug)), len(o.articles)) for o in site.outlets])
    result.append(Page(urls.OUTLETS, "outlets.html", {"outlet_bars": outlet_bars}))
    for outlet in site.outlets:
        result.append(Page(urls.outlet_url(outlet.slug), "outlet.html", {"outlet": outlet, "articles": [by_slug[s] for s in outlet.articles]}))
    result.append(Page(urls.SEARCH, "search.html", {}))
    result.append(Page(urls.NOT_FOUND, "404.html", {}))
    return result


def _article_context(article: Article, day: Day | None, outlet_slugs: dict[str, str]) -> dict:
    return {
        "article": article,
        "outlet_slug": outlet_slugs.get(article.outlet or "Unknown outlet", ""),
        "day": day,
        "paragraphs": highlighted_paragraphs(article),
        "reading_minutes": max(1, round(sum(len(p.text.split()) for p in article.body.paragraphs) / 230)),
    }


def notable_quotes(articles: list[Article], limit: int = 4) -> list[tuple[Article, Quote, int]]:
    """A few quotes worth reading first: full sentences by named speakers, one per speaker,
    taken round-robin across the day's articles so one long article does not fill the list."""
    queues = []
    for article in articles:
        ranked = [
            (article, quote, index)
            for index, quote in enumerate(article.quotes)
            if quote.kind == "direct" and quote.speaker != "UNKNOWN" and 6 <= len(quote.text.split()) <= 60
        ]
        ranked.sort(key=lambda item: (-min(len(item[1].text.split()), 35), item[2]))
        queues.append(ranked)
    chosen: list[tuple[Article, Quote, int]] = []
    seen: set[str] = set()
    while len(chosen) < limit and any(queues):
        for queue in queues:
            while queue:
                item = queue.pop(0)
                if item[1].speaker not in seen:
                    seen.add(item[1].speaker)
                    chosen.append(item)
                    break
            if len(chosen) >= limit:
                break
    return chosen


def _by_date(quotes: list[tuple[Article, Quote, int]]) -> list[tuple[str, list[tuple[Article, Quote, int]]]]:
    groups: list[tuple[str, list[tuple[Article, Quote, int]]]] = []
    for item in quotes:
        label = _long_date(item[0].date)
        if not groups or groups[-1][0] != label:
            groups.append((label, []))
        groups[-1][1].append(item)
    return groups


def _surname_key(name: str) -> str:
    # "Vladimir Putin" sorts under P, as in an index of names; organisations by first word.
    parts = name.split()
    return (parts[-1] if len(parts) > 1 and parts[-1][:1].isupper() else name).casefold()


def day_label(day: Day) -> str:
    return "Undated" if day.date is None else _long_date(day.date)


def _long_date(value: dt.date | None) -> str:
    if value is None:
        return "Undated"
    return f"{value:%A} {value.day} {value:%B %Y}"
