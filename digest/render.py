"""Stage: render. Site → {output path: bytes}, through Jinja2 templates. No disk writes.

Templates come from a chain of folders: the project's ``themes/<name>/`` overrides, a
theme given as a path, then the built-in default theme shipped as package data. Any
template or static file can be overridden by one of the same name earlier in the chain.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import jinja2

from digest import __version__, urls
from digest.charts import bar_list, counted, speaker_chart, timeline
from digest.config import Config
from digest.data import DATA_FILES, data_files
from digest.errors import ThemeError
from digest.feeds import feed_outputs, speaker_feed_url
from digest.highlight import highlighted_paragraphs, quote_anchor, quote_in_context, sentence_anchor, sentence_target
from digest.cache import code_version
from digest.model import Article, Day, Quote, Site, Speaker
from digest.pagination import Pager, page_of, paginate
from digest.repeats import group_repeats
from digest.split import words
from digest.warm import Memo

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
    make_context: Callable[[], dict]  # built only when the page is really rendered
    deps: str = ""  # digest of everything the page shows; equal digests mean equal bytes
    number: int = 1  # which page of a long list (the sitemap adds pages 2 and on after the rest)


@dataclass(frozen=True, slots=True)
class Rendered:
    files: dict[str, bytes]  # freshly rendered or generated
    reused: frozenset[str]  # pages whose previous output is still right, by their key
    keys: dict[str, str]  # page path -> key, for the next build


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
    env.filters["counted"] = counted  # {{ n | counted("article") }}
    return env


def render_site(
    site: Site,
    config: Config,
    previous: Mapping[str, str] | None = None,
    emit: Callable[[str, bytes], None] | None = None,
    memo: Memo | None = None,
) -> Rendered:
    """Render every page, except those whose key matches `previous` (the last build's keys
    for pages whose output file still exists): those are reused as they are.

    With `emit`, each file is handed over as soon as it is made instead of being collected
    (the writer streams it to disk), and `Rendered.files` stays empty.

    `memo` (a warm build's) keeps the Jinja environment, with its compiled templates, while
    the templates are unchanged, and each article's part of the data files."""
    folders = theme_folders(config)
    theme = _theme_digest(folders)
    env = make_environment(folders) if memo is None else memo.make(("env", tuple(folders), theme), lambda: make_environment(folders))
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
        "sentence_target": sentence_target,
        "speaker_feed_url": speaker_feed_url,
    }
    previous = previous or {}
    # Pages show the analysis (summaries, quotes) and the briefings, so their settings count.
    analysis = (config.summary_algorithm, config.summary_sentences, config.summary_max_words, config.doubled_apostrophes, config.briefing_sentences)
    base = _digest(__version__, code_version(), theme, config.title, config.description, config.language,
                   config.base_url, config.timezone, tuple(map(str, config.content)), len(site.articles), analysis, config.paginate)
    outputs: dict[str, bytes] = {}
    put = emit or outputs.__setitem__
    reused: set[str] = set()
    keys: dict[str, str] = {}
    page_list, digests, everything = pages(site, config, memo)
    for page in page_list:
        key = _digest(base, page.template, page.deps)
        keys[page.path] = key
        if previous.get(page.path) == key:
            reused.add(page.path)
            continue
        put(page.path, _render(env, page.path, page.template, page.make_context(), shared, config).encode("utf-8"))
    speaker_deps = {s.slug: _digest(s, tuple(digests[slug] for slug, _ in s.quotes)) for s in site.speakers}
    later = [page.path for page in page_list if page.number > 1]
    for path, speaker_slug, produce in feed_outputs(site, config.base_url, config.timezone, later):
        key = _digest(base, path, speaker_deps[speaker_slug] if speaker_slug else everything)
        keys[path] = key
        if previous.get(path) == key:
            reused.add(path)
        else:
            put(path, produce())
    key = _digest(base, "data", everything)
    if all(previous.get(path) == key for path in DATA_FILES):
        reused.update(DATA_FILES)
    else:
        for path, content in data_files(site, memo, digests).items():
            put(path, content)
    keys.update(dict.fromkeys(DATA_FILES, key))
    for path, content in static_files(folders).items():
        put(path, content)
    return Rendered(outputs, frozenset(reused), keys)


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


def _render(env: jinja2.Environment, path: str, template_name: str, own: dict, shared: dict, config: Config) -> str:
    def url(target: str) -> str:
        return urls.relative(path, target)

    context = {**shared, "page_path": path, "url": url, **own}
    try:
        template = env.get_template(template_name)
        return template.render(context)
    except jinja2.TemplateNotFound as exc:
        needed = f" (needed by {template_name})" if exc.name != template_name else ""
        raise ThemeError(
            f"template {exc.name!r}{needed} not found in the theme folders ({', '.join(str(f) for f in theme_folders(config))})"
        )
    except jinja2.TemplateSyntaxError as exc:
        raise ThemeError(f"template syntax error: {exc.message}", path=exc.filename or exc.name, line=exc.lineno)
    except jinja2.UndefinedError as exc:
        raise ThemeError(f"while rendering {path}: {exc.message}", path=template_name)


def pages(site: Site, config: Config, memo: Memo | None = None) -> tuple[list[Page], dict[str, str], str]:
    """Every page with its template, a lazy context and the digest of what it depends on.

    `memo` (a warm build's) keeps each speaker's repeated quotes grouped: the long lists
    need the grouping to count their pages on every build."""
    memo = memo if memo is not None else Memo()
    by_slug = {a.slug: a for a in site.articles}
    outlet_slugs = {o.name: o.slug for o in site.outlets}
    speaker_slugs = {s.name: s.slug for s in site.speakers}
    day_of = {slug: day for day in site.days for slug in day.articles}
    briefings = dict(site.briefings)
    size = config.paginate
    # The page of its day, and of its outlet, that lists each article: its page links there.
    day_pages = {slug: urls.page_url(urls.day_url(d.slug), page_of(i, size)) for d in site.days for i, slug in enumerate(d.articles)}
    outlet_pages = {slug: urls.page_url(urls.outlet_url(o.slug), page_of(i, size)) for o in site.outlets for i, slug in enumerate(o.articles)}
    digests = {
        a.slug: _article_digest(a, day_of.get(a.slug), outlet_slugs, speaker_slugs, (day_pages.get(a.slug), outlet_pages.get(a.slug)))
        for a in site.articles
    }
    everything = _digest(tuple(digests[a.slug] for a in site.articles), site.days, site.speakers, site.outlets)

    on_index = site.days[: config.days_on_index]

    def index_context() -> dict:
        notable = {day.slug: notable_quotes([by_slug[s] for s in day.articles]) for day in on_index}
        chart = timeline(site.days, by_slug, lambda target: urls.relative(urls.INDEX, target))
        # A day lists as many articles here as on its page 1, and links on to its page 2.
        return {"days": on_index, "more_days": len(site.days) - len(on_index), "briefings": briefings, "notable": notable, "timeline": chart, "page_size": size}

    result = [Page(urls.INDEX, "index.html", index_context, _digest(everything, config.days_on_index))]
    result.append(Page(urls.ARCHIVE, "archive.html", functools.partial(dict, days=site.days), everything))
    for index, day in enumerate(site.days):
        newer = site.days[index - 1] if index > 0 else None
        older = site.days[index + 1] if index + 1 < len(site.days) else None
        briefing = briefings.get(day.slug, ())
        for pager in paginate(urls.day_url(day.slug), len(day.articles), size):
            listed = day.articles[pager.start : pager.stop]
            context = {"day": day, "briefing": briefing if pager.number == 1 else (), "newer": newer, "older": older, "pager": pager, "listed": listed}
            # Page 1's briefing cites articles that may be on later pages; its sentences and
            # those articles count, not the rest of the day.
            cited = (briefing, tuple(digests[slug] for slug, _ in briefing)) if pager.number == 1 else ()
            place = (pager.number, pager.count, pager.total)
            deps = _digest(day.slug, day.date, day.approximate, newer and newer.slug, older and older.slug, place, cited, tuple(digests[s] for s in listed))
            result.append(Page(pager.path, "day.html", functools.partial(dict, context), deps, pager.number))
    for article in site.articles:
        make = functools.partial(_article_context, article, day_of.get(article.slug), outlet_slugs, day_pages.get(article.slug), outlet_pages.get(article.slug))
        result.append(Page(urls.article_url(article.slug), "article.html", make, digests[article.slug]))
    by_name = tuple(sorted(site.speakers, key=lambda s: (_surname_key(s.name), s.name.casefold())))
    article_counts = {s.slug: len({slug for slug, _ in s.quotes}) for s in site.speakers}
    result.append(Page(urls.SPEAKERS, "speakers.html", functools.partial(dict, speakers=site.speakers, order="quotes", article_counts=article_counts), everything))
    result.append(Page(urls.SPEAKERS_BY_NAME, "speakers.html", functools.partial(dict, speakers=by_name, order="name", article_counts=article_counts), everything))
    for speaker in site.speakers:
        deps = _digest(speaker, tuple(digests[slug] for slug, _ in speaker.quotes))
        # Pages count distinct quotes (repeats are shown once); a list no longer than a page
        # fits on one whatever its repeats, so only long ones are grouped here.
        distinct = len(_repeats(speaker, by_slug, memo)) if len(speaker.quotes) > size else len(speaker.quotes)
        for pager in paginate(urls.speaker_url(speaker.slug), distinct, size):
            make = functools.partial(_speaker_context, speaker, by_slug, pager, memo)
            # Most speakers have one page: its key is the speaker's, no second digest needed.
            key = deps if pager.count == 1 else _digest(deps, pager.number, pager.count)
            result.append(Page(pager.path, "speaker.html", make, key, pager.number))
    result.append(Page(urls.OUTLETS, "outlets.html", functools.partial(_outlets_context, site), everything))
    for outlet in site.outlets:
        for pager in paginate(urls.outlet_url(outlet.slug), len(outlet.articles), size):
            listed = outlet.articles[pager.start : pager.stop]
            make = functools.partial(dict, outlet=outlet, articles=[by_slug[s] for s in listed], pager=pager)
            deps = _digest(outlet.name, outlet.slug, pager.number, pager.count, pager.total, tuple(digests[s] for s in listed))
            result.append(Page(pager.path, "outlet.html", make, deps, pager.number))
    result.append(Page(urls.SEARCH, "search.html", dict, ""))
    result.append(Page(urls.NOT_FOUND, "404.html", dict, ""))
    return result, digests, everything


def _repeats(speaker: Speaker, by_slug: dict[str, Article], memo: Memo) -> list[list[int]]:
    texts = tuple(by_slug[slug].quotes[i].text for slug, i in speaker.quotes)
    return memo.make(("repeats", texts), lambda: group_repeats(texts))


def _speaker_context(speaker: Speaker, by_slug: dict[str, Article], pager: Pager, memo: Memo) -> dict:
    quotes = [(by_slug[slug], by_slug[slug].quotes[i], i) for slug, i in speaker.quotes]
    # One entry per distinct quote, the first (newest) telling shown, the others listed.
    repeats = _repeats(speaker, by_slug, memo)
    also = {members[0]: [quotes[m] for m in members[1:]] for members in repeats}
    shown = [quotes[members[0]] for members in repeats]
    # The chart sums up every quote, like a day's briefing: on page 1 only.
    sparkline = speaker_chart([(by_slug[slug], i) for slug, i in speaker.quotes], lambda target: urls.relative(pager.path, target)) if pager.number == 1 else ""
    also_by_item = {(a.slug, i): also[position] for position, (a, _, i) in enumerate(quotes) if position in also}
    roles = Counter(quote.speaker_role for _, quote, _ in quotes if quote.speaker_role)
    role = max(roles, key=lambda r: (roles[r], -len(r), r)) if roles else ""
    return {
        "speaker": speaker,
        "role": role,
        "groups": _by_date(shown[pager.start : pager.stop]),
        "pager": pager,
        "speaker_chart": sparkline,
        "also": also_by_item,
        "distinct": len(shown),
    }


def _outlets_context(site: Site) -> dict:
    rows = [(o.name, urls.relative(urls.OUTLETS, urls.outlet_url(o.slug)), len(o.articles)) for o in site.outlets]
    return {"outlet_bars": bar_list(rows)}


def _article_digest(
    article: Article, day: Day | None, outlet_slugs: dict[str, str], speaker_slugs: dict[str, str], listed_on: tuple[str | None, str | None]
) -> str:
    # The analysis is a function of the file's bytes (content_hash) and the settings (in the
    # base key); what grouping adds on top is listed here, with the pages that list it.
    speakers = tuple(sorted({(q.speaker, speaker_slugs.get(q.speaker, "")) for q in article.quotes}))
    return _digest(
        article.source.content_hash, article.source.path, article.slug, article.meta.date, day and day.slug,
        day and day.approximate, outlet_slugs.get(article.outlet or "Unknown outlet", ""), speakers, article.duplicates,
        tuple(q.speaker for q in article.quotes), listed_on,
    )


def _digest(*parts: object) -> str:
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=16).hexdigest()


def _theme_digest(folders: list[Path]) -> str:
    """Pages depend on the templates only: static files are copied on every build anyway,
    so reading them here too would read the theme twice (and a CSS edit would re-render
    every page)."""
    digest = hashlib.blake2b(digest_size=16)
    for folder in folders:
        for path in sorted((folder / "templates").rglob("*")):
            if path.is_file():
                digest.update(path.as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def _article_context(article: Article, day: Day | None, outlet_slugs: dict[str, str], day_page: str | None, outlet_page: str | None) -> dict:
    return {
        "article": article,
        "outlet_slug": outlet_slugs.get(article.outlet or "Unknown outlet", ""),
        "day": day,
        "day_page": day_page,  # the page of its day, and of its outlet, that lists the article
        "outlet_page": outlet_page,
        "paragraphs": highlighted_paragraphs(article),
        # split.words counts unspaced Chinese and Japanese in pairs of characters, not one "word" a clause.
        "reading_minutes": max(1, round(sum(len(words(p.text)) for p in article.body.paragraphs) / 230)),
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


def _long_date(value: dt.date | None) -> str:
    if value is None:
        return "Undated"
    return f"{value:%A} {value.day} {value:%B %Y}"
