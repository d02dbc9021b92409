"""The briefing as data: ``data/briefing.json`` (the site's data API) and the search index.

briefing.json schema (version 1), stable for tools:
  {"version": 1, "title": str, "generator": str,
   "articles": [{"slug", "url", "source", "title", "title_source", "outlet", "outlet_source", "authors": [],
                 "contributors": [], "date": "YYYY-MM-DD"|null, "date_source", "date_confidence",
                 "summary": [{"text", "url"}], "quotes": [{"text", "speaker", "kind", "cue", "url"}]}],
   "days": [{"date": "YYYY-MM-DD"|null, "url", "approximate": bool, "articles": [slug],
             "briefing": [{"text", "article", "url"}]}],
   "speakers": [{"name", "slug", "url", "aliases": [], "quotes": [{"article", "url"}]}],
   "outlets": [{"name", "slug", "url", "articles": [slug]}]}
URLs are relative to the site root. The search index is the same content flattened to
documents, written as a script (``static/search-index.js``) so search works from file://.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from digest import __version__, urls
from digest.highlight import quote_anchor, sentence_anchor, sentence_target
from digest.model import Article, Site
from digest.warm import Memo

BRIEFING_JSON = "data/briefing.json"
SEARCH_INDEX = "static/search-index.js"
DATA_FILES = (BRIEFING_JSON, SEARCH_INDEX)


def data_files(site: Site, memo: Memo | None = None, keys: Mapping[str, str] | None = None) -> dict[str, bytes]:
    """Both files, assembled from each article's JSON text and the collection-wide rest.

    With `memo` and `keys` (each article's page key, which changes whenever anything the
    article shows does), an article's JSON text is made once and reused by later builds:
    after one edit, only that article's is made again."""

    def parts(article: Article) -> tuple[str, str]:
        if memo is None or keys is None:
            return _article_json(article)
        return memo.make(("data", keys[article.slug]), lambda: _article_json(article))

    texts = [parts(a) for a in site.articles]
    rest = briefing_data(site, articles=False)
    # Compact JSON of a dict is its items' texts joined by "," in order, so splicing the
    # articles' texts in after "generator" gives exactly json.dumps of the whole object.
    head = _json({k: rest.pop(k) for k in ("version", "title", "generator")})[:-1]
    briefing = f'{head},"articles":[{",".join(t for t, _ in texts)}],{_json(rest)[1:]}\n'
    speakers = _json(_speaker_documents(site), ensure_ascii=True)[1:-1]
    documents = ",".join(filter(None, [*(d for _, d in texts), speakers]))
    # ensure_ascii keeps U+2028/2029 inert; escaping "<" means no "</script>" or "<!--" can
    # appear even if someone inlines the index into a page.
    script = f"window.DIGEST_SEARCH_INDEX = [{documents}];\n".replace("<", "\\u003c")
    return {BRIEFING_JSON: briefing.encode("utf-8"), SEARCH_INDEX: script.encode("utf-8")}


def _json(value: object, ensure_ascii: bool = False) -> str:
    return json.dumps(value, ensure_ascii=ensure_ascii, separators=(",", ":"))


def _article_json(article: Article) -> tuple[str, str]:
    """The article's entry in briefing.json and its search documents, as JSON text."""
    documents = ",".join(_json(d, ensure_ascii=True) for d in _article_documents(article))
    return _json(_article_data(article)), documents


def briefing_data(site: Site, articles: bool = True) -> dict:
    """briefing.json as a dict (without "articles" when `articles` is false)."""
    head = {"version": 1, "title": site.title, "generator": f"digest {__version__}"}
    if articles:
        head["articles"] = [_article_data(a) for a in site.articles]
    by_slug = {a.slug: a for a in site.articles}
    briefings = dict(site.briefings)
    days = [
        {
            "date": d.date.isoformat() if d.date else None,
            "url": urls.day_url(d.slug),
            "approximate": d.approximate,
            "articles": list(d.articles),
            "briefing": [
                {"text": s.text, "article": slug, "url": f"{urls.article_url(slug)}#{sentence_target(by_slug[slug], s)}"}
                for slug, s in briefings.get(d.slug, ())
            ],
        }
        for d in site.days
    ]
    speakers = [
        {
            "name": s.name,
            "slug": s.slug,
            "url": urls.speaker_url(s.slug),
            "aliases": list(s.aliases),
            "quotes": [{"article": slug, "url": f"{urls.article_url(slug)}#{quote_anchor(i)}"} for slug, i in s.quotes],
        }
        for s in site.speakers
    ]
    outlets = [{"name": o.name, "slug": o.slug, "url": urls.outlet_url(o.slug), "articles": list(o.articles)} for o in site.outlets]
    return {**head, "days": days, "speakers": speakers, "outlets": outlets}


def _article_data(a: Article) -> dict:
    page = urls.article_url(a.slug)
    return {
        "slug": a.slug,
        "url": page,
        "source": a.source.path,
        "title": a.title,
        "title_source": a.meta.title.source,
        "outlet": a.outlet or None,
        "outlet_source": a.meta.outlet.source,
        "authors": list(a.meta.authors),
        "contributors": list(a.meta.contributors),
        "date": a.date.isoformat() if a.date else None,
        "date_source": a.meta.date.source,
        "date_confidence": a.meta.date.confidence,
        "summary": [{"text": s.text, "url": f"{page}#{sentence_anchor(i)}"} for i, s in enumerate(a.summary)],
        "quotes": [
            {"text": q.text, "speaker": q.speaker, "speaker_role": q.speaker_role, "kind": q.kind, "cue": q.cue, "url": f"{page}#{quote_anchor(i)}"}
            for i, q in enumerate(a.quotes)
        ],
    }


def search_documents(site: Site) -> list[dict]:
    """Flat documents: k (kind), t (title line), x (text), u (url), d (date)."""
    return [d for a in site.articles for d in _article_documents(a)] + _speaker_documents(site)


def _article_documents(a: Article) -> list[dict]:
    page = urls.article_url(a.slug)
    date = a.date.isoformat() if a.date else ""
    docs = [{"k": "article", "t": a.title, "x": " ".join(filter(None, [a.outlet, *a.meta.authors])), "u": page, "d": date}]
    for i, s in enumerate(a.summary):
        docs.append({"k": "summary", "t": a.title, "x": s.text, "u": f"{page}#{sentence_anchor(i)}", "d": date})
    for i, q in enumerate(a.quotes):
        who = "Unnamed source" if q.speaker == "UNKNOWN" else q.speaker
        docs.append({"k": "quote", "t": who, "x": q.text, "u": f"{page}#{quote_anchor(i)}", "d": date})
    return docs


def _speaker_documents(site: Site) -> list[dict]:
    return [{"k": "speaker", "t": s.name, "x": " ".join(s.aliases), "u": urls.speaker_url(s.slug), "d": ""} for s in site.speakers]
