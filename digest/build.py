"""The build: read → clean → summarize → quotes → group → render → write.

`build()` is the one entry point; `digest serve` and `digest publish` only call it.
One bad article never stops the others: its error is collected and reported, and the
site is built from the rest.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from digest.analyse import AnalysisSettings
from digest.cache import CACHE_DIR, AnalysisCache, PageManifest
from digest.charts import counted
from digest.config import Config
from digest.errors import ArticleError, DigestError
from digest.group import group
from digest.executors import run_map
from digest.model import Article, Site, Source
from digest.read import discover, read_source
from digest.render import render_site
from digest.warm import BuildState, no_gc_pauses
from digest.write import SiteWriter

@dataclass
class BuildReport:
    articles: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files_written: int = 0
    cached: int = 0
    analysed: int = 0
    pages_reused: int = 0
    seconds: float = 0.0
    site: Site | None = None

    def summary_line(self, output: Path) -> str:
        site = self.site
        days = sum(1 for d in site.days if d.date is not None) if site else 0
        speakers = len(site.speakers) if site else 0
        quotes = sum(len(a.quotes) for a in site.articles) if site else 0
        parts = [f"Built {counted(self.articles, 'article')} ({counted(days, 'day')}, {counted(speakers, 'speaker')}, {counted(quotes, 'quote')})"]
        parts.append(f" into {_display(output)} in {self.seconds:.2f} s")
        parts.append(f", {counted(len(self.warnings), 'warning')}")
        if self.errors:
            parts.append(f", {counted(len(self.errors), 'article error')}")
        return "".join(parts)


def settings_for(config: Config) -> AnalysisSettings:
    return AnalysisSettings(
        config.summary_algorithm, config.summary_sentences, config.summary_max_words, config.doubled_apostrophes, config.timezone
    )


def analyse_all(
    config: Config,
    *,
    use_cache: bool = True,
    run: Callable[[list[Source], AnalysisSettings], Iterable[Article | str]] = run_map,
    state: BuildState | None = None,
) -> tuple[list[Article], BuildReport]:
    """Read and analyse every article; errors are collected per article, never raised.

    `run` is the map over the articles that are not cached (`run_map` with the build's
    executor options bound)."""
    report = BuildReport()
    found, problems = discover(config.content, config.root, skip=(config.output,))
    report.warnings.extend(problems)
    if not found and not problems:
        report.warnings.append(
            f"no articles found in {', '.join(_display(c) for c in config.content)} (looked for .txt, .md, .html and .json files)"
        )
    settings = settings_for(config)
    if state is not None:
        state.begin(f"{settings.key()}|{config.briefing_sentences}")
    cache = AnalysisCache(config.root / CACHE_DIR, settings.key(), enabled=use_cache, memory=state.articles if state else None)
    results: dict[int, Article] = {}
    pending: list[tuple[int, Source]] = []
    for position, item in enumerate(found):
        try:
            source = read_source(item, state.sources if state else None)
        except ArticleError as exc:
            report.errors.append(str(exc))
            continue
        cached = cache.get(source.content_hash, source.path)
        if cached is not None:
            results[position] = cached
        else:
            pending.append((position, source))
    outcomes = run([s for _, s in pending], settings)
    for (position, source), outcome in zip(pending, outcomes, strict=True):
        if isinstance(outcome, str):
            report.errors.append(outcome)
            continue
        cache.put(source.content_hash, source.path, outcome)
        results[position] = outcome
    articles = [results[p] for p in sorted(results)]
    for article in articles:
        report.warnings.extend(f"{article.source.path}: {warning}" for warning in article.warnings)
    report.cached, report.analysed = cache.hits, len(pending)
    return articles, report


def build(
    config: Config,
    *,
    use_cache: bool = True,
    debug: bool = False,
    executor: str = "auto",
    workers: int | None = None,
    scheduler: str | None = None,
    state: BuildState | None = None,
) -> BuildReport:
    """Build the whole site into config.output. Raises DigestError for config/theme/write problems.

    `state` (kept by the caller between builds in one process, as `digest serve` does)
    makes the next build warm: see digest.warm. The files written are the same either way."""
    started = time.perf_counter()
    with no_gc_pauses():
        run = functools.partial(run_map, executor=executor, workers=workers, debug=debug, scheduler=scheduler)
        articles, report = analyse_all(config, use_cache=use_cache, run=run, state=state)
        _write_site(config, articles, report, use_cache, state)
    if state is not None:
        state.sweep()
    report.seconds = time.perf_counter() - started
    return report


def _write_site(config: Config, articles: list[Article], report: BuildReport, use_cache: bool, state: BuildState | None) -> None:
    """Group, render and write (the steps that run in full on every build)."""
    memo = state.group if state else None
    site, warnings = group(articles, title=config.title, briefing_sentences=config.briefing_sentences, algorithm=config.summary_algorithm, memo=memo)
    report.warnings.extend(warnings)
    manifest = PageManifest(config.root / CACHE_DIR, config.output) if use_cache else None
    previous = manifest.load(state.pages if state else None) if manifest else {}
    spare = state.spare if state is not None else None
    writer = SiteWriter(config.output, protected=(config.root, *config.content), spare=spare, keep=state is not None)
    try:
        rendered = render_site(site, config, previous, emit=writer.add, memo=state.render if state else None)
        for path in sorted(rendered.reused):
            writer.reuse(path, config.output / path)
        if manifest:
            manifest.invalidate()  # a crash before save() must not leave keys that describe another build
        report.files_written = writer.commit()
    finally:
        writer.abort()
        if state is not None:
            state.spare = writer.kept
    report.pages_reused = len(rendered.reused)
    if manifest:
        remembered = manifest.save(rendered.keys)
        if state is not None:
            state.pages = remembered
    report.site = site
    report.articles = len(site.articles)


def _display(path: Path) -> str:
    text = path.as_posix()
    if text.startswith("./"):
        text = text[2:]
    return text.rstrip("/") + "/" if path.suffix == "" else text


__all__ = ["BuildReport", "DigestError", "analyse_all", "build", "settings_for"]
