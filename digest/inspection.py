"""`digest inspect`: what the pipeline makes of each article, without building a site.

The ``--json`` form prints one object per article per line; its keys are a stable
interface for tools and benchmarks (documented in the README): source, title, outlet,
authors, date, date_source, body, summary, quotes (text, speaker, kind, cue), plus
title_source, outlet_source, date_confidence, date_range, contributors, removed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

from digest.analyse import analyse
from digest.build import settings_for
from digest.config import Config
from digest.errors import ArticleError
from digest.group import group
from digest.model import Article
from digest.read import discover, read_source


def inspect_paths(paths: list[Path], config: Config, *, as_json: bool, out: TextIO, err: TextIO) -> int:
    found, problems = discover(tuple(paths), Path("."))
    failures = len(problems)
    for problem in problems:
        print(f"error: {problem}", file=err)
    settings = settings_for(config)
    articles: list[Article] = []
    for item in found:
        try:
            articles.append(analyse(read_source(item), settings))
        except ArticleError as exc:
            print(f"error: {exc}", file=err)
            failures += 1
        except Exception as exc:  # a bug in a stage: name the article, go on with the others
            print(f"error: {item.shown}: could not analyse this article ({type(exc).__name__}: {exc}); please report it", file=err)
            failures += 1
    # Dates are resolved across the inspected articles together, as in a build; every file
    # is shown, copies of one story included (inspect is about files, not the site).
    site, _ = group(articles, title=config.title, briefing_sentences=config.briefing_sentences, algorithm=config.summary_algorithm, merge_copies=False)
    for article in sorted(site.articles, key=lambda a: a.source.path):
        if as_json:
            out.write(json.dumps(article_record(article), ensure_ascii=False) + "\n")
        else:
            out.write(describe(article) + "\n")
    return failures


def article_record(article: Article) -> dict:
    meta = article.meta
    date = meta.date
    return {
        "source": article.source.path,
        "title": article.title,
        "title_source": meta.title.source,
        "title_confidence": meta.title.confidence,
        "outlet": article.outlet or None,
        "outlet_source": meta.outlet.source,
        "outlet_confidence": meta.outlet.confidence,
        "authors": list(meta.authors),
        "contributors": list(meta.contributors),
        "date": date.value.isoformat() if date.value else None,
        "date_source": date.source,
        "date_confidence": date.confidence,
        "date_range": [d.isoformat() if d else None for d in (date.earliest, date.latest)],
        "body": "\n\n".join(p.text for p in article.body.paragraphs),
        "summary": [s.text for s in article.summary],
        "quotes": [
            {"text": q.text, "speaker": q.speaker, "kind": q.kind, "cue": q.cue, "speaker_description": q.speaker_description, "speaker_role": q.speaker_role}
            for q in article.quotes
        ],
        "removed": [{"line": r.line, "text": r.text, "reason": r.reason} for r in article.body.removed],
    }


def describe(article: Article) -> str:
    meta = article.meta
    date = meta.date
    lines = [
        f"== {article.source.path}",
        f"title:    {article.title}   [{meta.title.source}; {meta.title.confidence}]",
        f"outlet:   {article.outlet or '-'}   [{meta.outlet.source}; {meta.outlet.confidence}]",
        f"authors:  {', '.join(meta.authors) or '-'}" + (f"   [{meta.authors_source}]" if meta.authors_source else ""),
    ]
    if meta.contributors:
        lines.append(f"contrib:  {', '.join(meta.contributors)}")
    lines.append(f"date:     {date.value.isoformat() if date.value else 'undated'}   [{date.source or 'no evidence'}; {date.confidence}]")
    lines.append("summary:")
    lines += [f"  - {s.text}" for s in article.summary] or ["  (none)"]
    lines.append(f"quotes ({len(article.quotes)}):")
    lines += [f"  - {q.speaker} ({q.kind}, {q.cue!r}): \u201c{q.text}\u201d" for q in article.quotes]
    lines.append(f"removed lines ({len(article.body.removed)}):")
    lines += [f"  L{r.line:<4} {r.reason:<22} {r.text[:70]}" for r in article.body.removed]
    lines.append("body:")
    lines += [f"  L{p.line:<4} {'## ' if p.kind == 'h' else ''}{p.text}" for p in article.body.paragraphs]
    return "\n".join(lines) + "\n"
