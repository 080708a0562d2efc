"""The built site in a real browser: Playwright driving Debian's Chromium against the
``built_site`` fixture's ``site/``, served over loopback HTTP.

Locally the tests skip when Playwright or Chromium is missing; with ``CI`` set they fail.
"""

from __future__ import annotations

import contextlib
import re
import struct
from urllib.parse import urlsplit

import pytest
import yaml

from conftest import seed_article_path, serve_directory

pytestmark = pytest.mark.browser

SEED_CAPTIONS = 10   # the seed wire text has ten photo captions, each with a credit
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


# ---------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def site_url(built_site):
    """``built_site/site`` over HTTP on a free loopback port."""
    with serve_directory(built_site / "site") as url:
        yield url


@pytest.fixture(scope="module")
def seed(built_site, site_url):
    """URL, title and path of the seed article's page."""
    rel = seed_article_path(built_site).relative_to(built_site).as_posix()
    docs = built_site / "docs"
    for md in sorted((docs / "articles").rglob("*.md")):
        text = md.read_text(encoding="utf-8")
        meta = yaml.safe_load(text.split("\n---", 1)[0].removeprefix("---\n"))
        if meta.get("source_file") == rel:
            path = "/" + md.relative_to(docs).with_suffix("").as_posix() + "/"
            return {"url": site_url + path, "path": path, "title": meta["title"]}
    raise AssertionError(f"no generated article page has source_file: {rel}")


def _path(url: str) -> str:
    return urlsplit(url).path


def _external(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and parts.hostname not in LOCAL_HOSTS


# ---------------------------------------------------------------------------- tests


def test_article_page_shows_captions_header_and_title(page, seed):
    page.goto(seed["url"], wait_until="load")

    assert page.title(), "document.title is empty"
    assert page.title().startswith(seed["title"]), f"{page.title()!r} is not the article title {seed['title']!r}"
    article = page.locator("article.md-content__inner")
    assert article.locator("h1").first.inner_text().strip() == seed["title"]

    # the header line under the title: the date (linked to its day in the Chronik), the
    # agency, the reading time; then the chips of actors, places and topics
    header = article.locator("p.ag-meta").first
    header.wait_for(state="visible")
    assert "2024" in header.inner_text() and "Lesezeit" in header.inner_text()
    day = header.locator("a").first.evaluate("a => a.href")
    assert "/timeline/2024/06/" in day and day.endswith("#2024-06-19"), day
    chips = article.locator("p.ag-chips a.ag-chip")
    assert chips.count() >= 5 and article.locator('a.ag-chip[href*="actors/kim-jong-un"]').count() == 1
    assert "automatisch erkannt" in article.locator("p.ag-provenance").inner_text(), "who chose the links"
    assert article.locator("a.ag-chip").first.evaluate("e => getComputedStyle(e).borderRadius") != "0px", \
        "archive.css (the chip style) is not applied"

    # ten captions, each followed by its photo credit and the note that the photo is not here
    captions = article.locator("p.ag-caption")
    assert captions.count() == SEED_CAPTIONS
    credits = article.locator("p.ag-caption + p.ag-caption-credit").all_inner_texts()
    assert len(credits) == SEED_CAPTIONS
    for text in credits:
        assert re.match(r"Foto: \S.* · nicht im Archiv$", text.strip()), f"caption without a credit: {text!r}"
    assert all(t.strip() for t in captions.all_inner_texts()), "a caption without text"
    assert any("IMAGO/Gavriil Grigorov" in text for text in credits)
    assert captions.first.is_visible()


def test_actor_link_leads_to_actor_page_and_back(page, seed, site_url):
    page.goto(seed["url"], wait_until="load")
    # the first actor linked in the article text (not a chip)
    link = page.locator('article.md-content__inner > p:not(.ag-chips) a[href*="actors/"]').first
    actor_name = link.inner_text().strip()
    actor_href = link.evaluate("a => a.href")
    assert _path(actor_href).startswith("/actors/"), actor_href
    link.click()
    page.wait_for_url(actor_href)
    assert page.locator("article h1").first.inner_text().strip(), f"actor page of {actor_name!r} has no heading"

    links = page.locator("article.md-content__inner a")
    hrefs = links.evaluate_all(  # SVG links (the pictures) have no string href
        "links => links.map(a => new URL(a.getAttribute('href') || '', document.baseURI).href)")
    back = [i for i, href in enumerate(hrefs) if _path(href) == seed["path"]]
    assert back, f"the actor page {page.url} does not link back to {seed['path']}"
    links.nth(back[0]).click()
    page.wait_for_url(seed["url"])
    assert page.locator("article h1").first.inner_text().strip() == seed["title"]


@pytest.fixture(scope="module")
def search_index(built_site):
    """The Pagefind index in built_site/site/pagefind/ (archive_gen.publish.search.index_site;
    a no-op in effect once ``archive-gen build`` writes the index itself)."""
    from archive_gen.publish.search import index_site

    return index_site(built_site / "site")


@pytest.mark.parametrize("query, expected", [
    ("Südkorea", "/actors/suedkorea/"),   # an umlaut in the query and a transliterated slug
    ("Stoltenberg", "/actors/jens-stoltenberg/"),
])
def test_search_finds_actor_pages_with_german_text(page, seed, site_url, search_index, query, expected):
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.goto(seed["url"], wait_until="load")
    page.locator(".ag-search__open").click()  # the header search (Pagefind UI, loaded on opening)
    box = page.locator(".pagefind-ui__search-input")
    box.press_sequentially(query, delay=20)
    page.locator(".pagefind-ui__result-link").first.wait_for(state="visible")
    with contextlib.suppress(PlaywrightTimeout):  # results load one by one: give it a moment
        page.locator(f'.pagefind-ui__result-link[href$="{expected}"]').wait_for(timeout=5_000)
    hrefs = page.locator(".pagefind-ui__result-link").evaluate_all("links => links.map(a => a.href)")
    paths = {_path(href) for href in hrefs}
    assert all(href.startswith(site_url + "/") for href in hrefs), hrefs
    assert expected in paths, f"searching {query!r} found {sorted(paths)}"
    # a result is a real page
    response = page.goto(site_url + expected)
    assert response is not None and response.ok


def test_article_page_has_no_console_errors(page, seed):
    errors, external = [], []

    def on_console(message):
        if message.type != "error":
            return
        where = (message.location or {}).get("url", "")
        if _external(where) or any(_external(url) for url in re.findall(r"https?://\S+", message.text)):
            external.append(f"{message.text} [{where}]")
        else:
            errors.append(f"{message.text} [{where}]")

    page.on("console", on_console)
    page.on("pageerror", lambda exc: errors.append(f"uncaught: {exc}"))
    page.on("requestfailed", lambda request: external.append(f"request failed: {request.url}")
            if _external(request.url) else errors.append(f"request failed: {request.url} {request.failure}"))
    requested = []
    page.on("request", lambda request: requested.append(request.url) if _external(request.url) else None)
    page.goto(seed["url"], wait_until="networkidle")
    assert errors == [], "\n".join(errors)
    # A reader's browser must not call third parties (privacy): mkdocs.yml sets `font: false`.
    assert requested == [] and external == [], "\n".join(sorted(set(requested + external)))


def test_article_screenshot_is_a_png(page, seed, tmp_path):
    page.goto(seed["url"], wait_until="load")
    shot = tmp_path / "article.png"
    page.screenshot(path=str(shot), full_page=True)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])  # IHDR
    assert width >= 1000 and height >= 900, (width, height)
    assert len(data) > 10_000, f"suspiciously small screenshot: {len(data)} bytes"
