"""The site's URL layout, declared in one place, and relative links between pages.

Every link in the site is relative to the page that holds it, so the site works from
file://, at / and under a subpath such as a GitHub Pages project site. Pages are files
(``days/2022-01-28.html``), not folders, because file:// does not map a folder to its
index.html.
"""

from __future__ import annotations

from urllib.parse import urlsplit

INDEX = "index.html"
SPEAKERS = "speakers/index.html"
SPEAKERS_BY_NAME = "speakers/by-name.html"
OUTLETS = "outlets/index.html"
NOT_FOUND = "404.html"
SEARCH = "search.html"
ARCHIVE = "archive.html"
FEED = "feed.xml"
STYLESHEET = "static/style.css"


def article_url(slug: str) -> str:
    return f"articles/{slug}.html"


def day_url(slug: str) -> str:
    return f"days/{slug}.html"


def speaker_url(slug: str) -> str:
    return f"speakers/{slug}.html"


def outlet_url(slug: str) -> str:
    return f"outlets/{slug}.html"


def page_url(first: str, number: int) -> str:
    """Page `number` of a list split into pages whose page 1 is `first`.

    Page 1 keeps the list's own URL, so links made before the list grew still work; later
    pages go in a folder named after it, as Hugo's paginatePath does with ugly URLs:
    days/undated.html → days/undated/page/2.html. A folder, not a suffix, because a slug
    such as "bbc-page-2" must never meet page 2 of "bbc"."""
    if number <= 1:
        return first
    return f"{first.removesuffix('.html')}/page/{number}.html"


def relative(from_page: str, to_path: str) -> str:
    """Link from one site path to another, e.g. days/x.html → ../articles/y.html#q-3."""
    # Both paths are normalised site paths, so string work suffices (posixpath.relpath
    # resolves against the working directory and was a third of render time at 2,000 pages).
    target, _, fragment = to_path.partition("#")
    folder, _, name = from_page.rpartition("/")
    if not target:
        link = name
    elif folder and target.startswith(folder + "/"):
        link = target[len(folder) + 1 :]
    else:
        link = "../" * (from_page.count("/")) + target
    return f"{link}#{fragment}" if fragment else link


def absolute(base_url: str, path: str) -> str:
    """Absolute URL for feeds and sitemaps; base_url may lack its trailing slash."""
    if not base_url:
        return path
    return base_url.rstrip("/") + "/" + path.lstrip("/")


def base_path(base_url: str) -> str:
    """The path the site is published under, "https://u.github.io/repo" → "/repo/".

    The 404 page anchors its links here because a host serves it at any missing URL,
    however deep. Only the path, not the host, so the same build also works over http,
    on a preview host or at http://127.0.0.1 under the same path."""
    path = urlsplit(base_url).path.strip("/")
    return f"/{path}/" if path else "/"
