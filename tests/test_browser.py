"""The seeds site in real headless Chromium, at phone and desktop width.

Screenshots go to test-artifacts/ (git-ignored) for people to look at. The test skips
only where Chromium itself is missing; .ci/run installs Debian's chromium.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import shutil
import subprocess
import tarfile
import threading
from pathlib import Path

import pytest

from digest.build import build
from digest.config import load_config

from conftest import REPO, write_dated_articles

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = REPO / "test-artifacts"
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def served_site(tmp_path_factory):
    """The seeds site served from 127.0.0.1 under a /briefing/ subpath, like a GitHub Pages
    project site, published at another host's /briefing/ (only base_url's path may matter)."""
    root = tmp_path_factory.mktemp("browser")
    config_path = root / "config.toml"
    config_path.write_text(
        f'[site]\nbase_url = "https://example.github.io/briefing/"\n'
        f'[build]\ncontent = ["{(REPO / "seeds").as_posix()}"]\noutput = "www/briefing"\n',
        encoding="utf-8",
    )
    build(load_config(config_path), use_cache=False)
    yield from _serve(root / "www", "briefing/")


def _serve(folder: Path, path: str = ""):
    """Serve folder on 127.0.0.1 until the fixture that yields from this ends; yields the URL of path."""
    handler = functools.partial(_PagesHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/{path}"
    server.shutdown()
    server.server_close()


class _PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, and for a missing path at any depth the site's 404.html, as GitHub Pages does."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "briefing" / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        instance = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        )
        yield instance
        instance.close()


@pytest.mark.parametrize(("width", "label"), [(375, "phone"), (1280, "desktop")])
def test_click_through_the_briefing(served_site, browser, width, label):
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": width, "height": 900})
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.goto(served_site)
    assert page.locator("h1").first.inner_text()
    # The stylesheet loaded under the subpath: the masthead has its own background.
    assert page.evaluate("getComputedStyle(document.querySelector('.masthead')).borderBottomStyle") == "double"
    assert page.locator("article.card").count() == 5
    page.screenshot(path=str(ARTIFACTS / f"index-{label}.png"), full_page=False)
    # No sideways scrolling on a phone.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")

    page.locator(".day > h2 a").first.click()
    assert "/days/" in page.url
    page.screenshot(path=str(ARTIFACTS / f"day-{label}.png"))
    page.locator("article.card h3 a").first.click()
    assert "/articles/" in page.url
    assert page.locator("mark.summary-sentence").count() >= 1
    page.screenshot(path=str(ARTIFACTS / f"article-{label}.png"))
    page.locator(".summary-box a.sentence-link").first.click()
    assert page.evaluate("location.hash") == "#s-1"
    speaker_links = page.locator(".quote-list .attribution a[href*='speakers/']")
    if speaker_links.count():
        speaker_links.first.click()
        assert "/speakers/" in page.url
        page.screenshot(path=str(ARTIFACTS / f"speaker-{label}.png"))
    page.locator("nav[aria-label=Site] a", has_text="Outlets").click()
    page.locator("table a").first.click()
    assert "/outlets/" in page.url
    page.go_back()
    page.go_back()
    assert failed == []
    page.close()


def _axe_script() -> str | None:
    """axe-core from the npm registry (npm pack), cached under test-artifacts/."""
    cached = ARTIFACTS / "axe" / "package" / "axe.min.js"
    if not cached.exists():
        npm = shutil.which("npm")
        if npm is None:
            return None
        target = ARTIFACTS / "axe"
        target.mkdir(parents=True, exist_ok=True)
        packed = subprocess.run([npm, "pack", "axe-core@4", "--silent"], cwd=target, capture_output=True, text=True)
        if packed.returncode != 0:
            return None
        with tarfile.open(target / packed.stdout.strip().splitlines()[-1]) as archive:
            archive.extract("package/axe.min.js", target, filter="data")
    return cached.read_text(encoding="utf-8")


PAGE_KINDS = ["index.html", "archive.html", "days/{day}", "articles/{article}", "speakers/index.html", "speakers/{speaker}", "outlets/index.html", "outlets/{outlet}", "search.html", "404.html"]


@pytest.mark.parametrize(("scheme", "width"), [("light", 375), ("dark", 1280), ("light", 1280)])
def test_every_page_kind_accessible_and_fits(served_site, browser, scheme, width):
    """axe-core finds no serious or critical violation on any page kind, and nothing
    scrolls sideways; a screenshot of each is kept in test-artifacts/."""
    axe = _axe_script()
    if axe is None:
        pytest.skip("npm is not available to fetch axe-core")
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page.goto(served_site)
    first = {
        "day": page.locator(".day > h2 a").first.get_attribute("href").split("/")[-1],
        "article": page.locator("article.card h3 a").first.get_attribute("href").split("/")[-1],
    }
    page.goto(served_site + "speakers/index.html")
    first["speaker"] = page.locator("table a").first.get_attribute("href")
    page.goto(served_site + "outlets/index.html")
    first["outlet"] = page.locator("table a").first.get_attribute("href")
    problems = []
    for kind in PAGE_KINDS:
        page.goto(served_site + kind.format(**first))
        name = kind.split("/")[0].removesuffix(".html") + ("-index" if kind.endswith("index.html") and "/" in kind else "")
        page.screenshot(path=str(ARTIFACTS / f"kind-{name}-{width}-{scheme}.png"), full_page=True)
        if not page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"):
            problems.append(f"{kind}: wider than the {width} px viewport")
        page.add_script_tag(content=axe)
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        for violation in result["violations"]:
            if violation["impact"] in ("serious", "critical"):
                targets = [node["target"] for node in violation["nodes"][:3]]
                problems.append(f"{kind}: {violation['id']} ({violation['impact']}): {violation['help']} {targets}")
    page.close()
    assert problems == [], "\n".join(problems)


def test_search_finds_a_known_quote(served_site, browser):
    page = browser.new_page()
    page.goto(served_site + "search.html")
    page.fill("#search-input", "need this panic")
    results = page.locator("#search-results li")
    assert results.count() >= 1
    link = results.first.locator("a")
    assert "panic" in link.inner_text()
    link.click()
    assert "/articles/" in page.url and "#q-" in page.url
    assert page.evaluate("document.querySelector(':target') !== null")
    page.close()


def test_no_layout_shift_and_keyboard_reaches_content(served_site, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(served_site)
    shift = page.evaluate(
        """() => new Promise(resolve => {
            let total = 0;
            new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
                .observe({type: "layout-shift", buffered: true});
            setTimeout(() => resolve(total), 500);
        })"""
    )
    assert shift < 0.01  # "good" is below 0.1; a static page should not shift at all
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to content"
    assert page.evaluate("document.activeElement.getBoundingClientRect().left >= 0")  # visible when focused
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    # Tabbing on goes through the site navigation, then into the content, in reading order.
    seen = []
    for _ in range(8):
        page.keyboard.press("Tab")
        seen.append(page.evaluate("document.activeElement.closest('nav, main, header')?.tagName || ''"))
    assert "MAIN" in seen
    page.close()


def test_the_404_page_works_at_any_depth(served_site, browser):
    """A host answers /briefing/a/b/c/missing with 404.html: its stylesheet, links and skip
    link still resolve, because base_url anchors them at /briefing/."""
    page = browser.new_page()
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    missing = served_site + "a/b/c/missing"
    assert page.goto(missing).status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    assert page.evaluate("getComputedStyle(document.querySelector('.masthead')).borderBottomStyle") == "double"
    assert failed == [missing]  # the page itself, nothing it loads
    assert page.locator("nav[aria-label=Site] a", has_text="Search").evaluate("a => a.href") == served_site + "search.html"
    assert page.locator("a.skip").evaluate("a => a.href") == served_site + "404.html#main"
    home = page.locator("main a", has_text="Back to the briefing")
    assert home.evaluate("a => a.href") == served_site + "index.html"
    home.click()
    assert page.url == served_site + "index.html"
    assert page.locator("article.card").count() == 5
    page.close()


@pytest.fixture(scope="module")
def served_year(tmp_path_factory):
    """A year of news, an article every other day: the timeline is drawn by week."""
    root = tmp_path_factory.mktemp("year")
    write_dated_articles(root / "content", [dt.date(2022, 1, 3) + dt.timedelta(days=i) for i in range(0, 365, 2)])
    (root / "config.toml").write_text('[build]\ncontent = ["content"]\noutput = "site"\n', encoding="utf-8")
    build(load_config(root / "config.toml"), use_cache=False)
    yield from _serve(root / "site")


@pytest.mark.parametrize(("width", "scheme"), [(375, "light"), (1280, "dark")])
def test_a_year_timeline_reads_at_phone_and_desktop_width(served_year, browser, width, scheme):
    """The labels a reader sees do not overlap, nothing scrolls sideways, and a week's bar opens a day."""
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page.goto(served_year)
    page.locator("figure").first.screenshot(path=str(ARTIFACTS / f"timeline-year-{width}-{scheme}.png"))
    boxes = page.evaluate(
        """[...document.querySelectorAll('.timeline .tick')].filter(t => getComputedStyle(t).display != 'none')
            .map(t => { const r = t.getBoundingClientRect(); return [t.textContent, r.left, r.right, r.top, r.bottom]; })"""
    )
    assert len(boxes) >= 4
    rows: dict[float, list] = {}
    for box in boxes:
        rows.setdefault(round(box[3]), []).append(box)
    for row in rows.values():
        row.sort(key=lambda box: box[1])
        assert all(a[2] < b[1] for a, b in zip(row, row[1:])), row
    figure = page.evaluate("(() => { const r = document.querySelector('figure').getBoundingClientRect(); return [r.left, r.right]; })()")
    assert all(figure[0] <= box[1] and box[2] <= figure[1] + 1 for box in boxes), (figure, boxes)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    axe = _axe_script()
    if axe is not None:
        page.add_script_tag(content=axe)
        result = page.evaluate("axe.run('.timeline', {resultTypes: ['violations']})")
        assert [v["id"] for v in result["violations"] if v["impact"] in ("serious", "critical")] == []
    bar = page.locator(".timeline a").nth(10)
    assert bar.locator("title").text_content().startswith("Week of 14 Mar 2022: ")
    bar.locator(".hit").click(position={"x": 2, "y": 2})  # the empty top of the column is part of the link
    assert page.url.endswith("/days/2022-03-14.html")
    page.close()


@pytest.fixture(scope="module")
def served_pages(tmp_path_factory):
    """Five articles on one day, two to a page: the day and its outlet have three pages."""
    root = tmp_path_factory.mktemp("pages")
    write_dated_articles(root / "content", [dt.date(2024, 5, 1)] * 5)
    (root / "config.toml").write_text('[site]\npaginate = 2\n[build]\ncontent = ["content"]\noutput = "site"\n', encoding="utf-8")
    build(load_config(root / "config.toml"), use_cache=False)
    yield from _serve(root / "site")


@pytest.mark.parametrize("width", [375, 1280])
def test_the_pages_of_a_long_day_lead_on_and_back(served_pages, browser, width):
    """From page 2 of a day, "Next" and "Previous" walk the pages; the pager marks the
    current one, fits a phone, and axe finds nothing serious in it."""
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": width, "height": 900})
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.goto(served_pages + "days/2024-05-01/page/2.html")
    pager = page.locator("nav.pagination")
    assert pager.get_attribute("aria-label") == "Pages of this day"
    assert pager.locator("[aria-current=page]").inner_text() == "2"
    assert page.title().startswith("Wednesday 1 May 2024 — page 2")
    assert page.locator("article.card").count() == 2
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.screenshot(path=str(ARTIFACTS / f"day-page-2-{width}.png"), full_page=True)
    axe = _axe_script()
    if axe is not None:
        page.add_script_tag(content=axe)
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        assert [v["id"] for v in result["violations"] if v["impact"] in ("serious", "critical")] == []

    pager.get_by_role("link", name="Next page").click()
    assert page.url == served_pages + "days/2024-05-01/page/3.html"
    assert page.locator("article.card").count() == 1
    assert page.locator("nav.pagination a[rel=next]").count() == 0  # the last page
    page.locator("nav.pagination a[rel=prev]").click()
    assert page.url.endswith("/page/2.html")
    page.get_by_role("link", name="Previous page").click()
    assert page.url == served_pages + "days/2024-05-01.html"  # page 1 is the day's own URL
    assert page.locator("#briefing-h").count() == 1 and page.locator("article.card").count() == 2
    assert page.locator("nav.pagination a[rel=prev]").count() == 0
    page.locator("nav.pagination a", has_text="3").click()
    assert page.url.endswith("/days/2024-05-01/page/3.html")
    # The article on page 3 leads back to page 3 of its day.
    page.locator("article.card h3 a").first.click()
    page.locator(".breadcrumbs a").nth(1).click()
    assert page.url.endswith("/days/2024-05-01/page/3.html")
    assert failed == []
    page.close()
