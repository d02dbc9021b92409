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

from digest import __version__, urls
from digest.highlight import quote_anchor, sentence_anchor, sentence_target
from digest.model import Site

BRIEFING_JSON = "data/briefing.json"
SEARCH_INDEX = "static/search-index.js"
DATA_FILES = (BRIEFING_JSON, SEARCH_INDEX)


def data_files(site: Site) -> dict[str, bytes]:
    return {
        BRIEFING_JSON: (json.dumps(briefing_data(site), ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8"),
        SEARCH_INDEX: search_index_script(site).encode("utf-8"),
    }


def briefing_data(site: Site) -> dict:
    articles = []
    for a in site.articles:
        page = urls.article_url(a.slug)
        articles.append(
            {
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
        )
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
    return {"version": 1, "title": site.title, "generator": f"digest {__version__}", "articles": articles, "days": days, "speakers": speakers, "outlets": outlets}


def search_documents(site: Site) -> list[dict]:
    """Flat documents: k (kind), t (title line), x (text), u (url), d (date)."""
    docs: list[dict] = []
    for a in site.articles:
        page = urls.article_url(a.slug)
        date = a.date.isoformat() if a.date else ""
        docs.append({"k": "article", "t": a.title, "x": " ".join(filter(None, [a.outlet, *a.meta.authors])), "u": page, "d": date})
        for i, s in enumerate(a.summary):
            docs.append({"k": "summary", "t": a.title, "x": s.text, "u": f"{page}#{sentence_anchor(i)}", "d": date})
        for i, q in enumerate(a.quotes):
            who = "Unnamed source" if q.speaker == "UNKNOWN" else q.speaker
            docs.append({"k": "quote", "t": who, "x": q.text, "u": f"{page}#{quote_anchor(i)}", "d": date})
    for s in site.speakers:
        docs.append({"k": "speaker", "t": s.name, "x": " ".join(s.aliases), "u": urls.speaker_url(s.slug), "d": ""})
    return docs


def search_index_script(site: Site) -> str:
    # ensure_ascii keeps U+2028/2029 inert; escaping "<" means no "</script>" or "<!--" can
    # appear even if someone inlines the index into a page.
    payload = json.dumps(search_documents(site), ensure_ascii=True, separators=(",", ":")).replace("<", "\\u003c")
    return f"window.DIGEST_SEARCH_INDEX = {payload};\n"
