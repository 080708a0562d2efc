"""A reader's walk through the sample site in Chromium, at the site's root and under a
sub-path (a GitHub Pages project site): home → Chronik → the APA article → an actor chip →
the actor's page lists the article → a co-occurring actor → its feed. Any console error,
failed request or broken local link fails the walk."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urljoin, urlsplit
from urllib.request import urlopen

import pytest

from conftest import serve_directory

pytestmark = pytest.mark.browser

ATOM = "{http://www.w3.org/2005/Atom}"
PREFIX = "/archiv"


@pytest.fixture(scope="module", params=["", PREFIX], ids=["root", "sub-path"])
def base(request, built_site):
    with serve_directory(built_site / "site", request.param) as url:
        yield url + "/"


class Watch:
    """Console errors and failed requests of one page, collected while the walk goes on."""

    def __init__(self, page, base: str):
        self.problems: list[str] = []
        self.base = base
        page.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url} ({r.failure})")
                if self._local(r.url) and "ERR_ABORTED" not in (r.failure or "") else None)  # not: left the page
        page.on("response", lambda r: self.problems.append(f"{r.status}: {r.url}")
                if r.status >= 400 and self._local(r.url) else None)

    def _local(self, url: str) -> bool:
        return urlsplit(url).hostname == "127.0.0.1"

    def links_work(self, page, seen: set[str]) -> None:
        """Every local link of the page answers (each URL fetched once per walk)."""
        for href in page.eval_on_selector_all(  # SVG links (the pictures) have no string href
                "a[href]", "els => els.map(e => new URL(e.getAttribute('href'), document.baseURI).href)"):
            url = href.split("#", 1)[0]
            if self._local(url) and url not in seen:
                seen.add(url)
                try:
                    with urlopen(url, timeout=10) as response:
                        assert response.status == 200
                except Exception as exc:  # noqa: BLE001 - any failure is a broken link
                    self.problems.append(f"broken link on {page.url}: {url} ({exc})")


def test_a_reader_walks_from_the_home_page_to_a_feed(page, base):
    watch, seen = Watch(page, base), set()
    page.goto(base, wait_until="load")
    watch.links_work(page, seen)

    page.locator("nav a", has_text="Chronik").first.click()
    page.wait_for_load_state("load")
    assert page.locator("article h1").inner_text().strip() == "Chronik"
    page.locator("article a", has_text="Juni 2024").first.click()
    page.wait_for_load_state("load")
    watch.links_work(page, seen)

    page.locator("article li a[href*='articles/2024/06/']").first.click()
    page.wait_for_load_state("load")
    article_url, title = page.url, page.locator("article h1").inner_text().strip()
    assert "Kim" in title and page.locator("p.ag-caption").count() >= 5
    watch.links_work(page, seen)

    page.locator("a.ag-chip", has_text="Kim Jong-un").first.click()
    page.wait_for_load_state("load")
    assert page.locator("article h1").inner_text().strip() == "Kim Jong-un"
    listed = page.eval_on_selector_all("article li a", "els => els.map(e => e.href)")
    assert article_url in listed, "the actor's page lists the article the walk came from"
    assert page.locator("figure.ag-chart svg title").count() >= 1, "the pictures have a text alternative"
    watch.links_work(page, seen)

    other = page.locator("figure.ag-chart--network + ul li a").first  # a co-occurring actor
    other_name = other.inner_text().strip()
    other.click()
    page.wait_for_load_state("load")
    assert page.locator("article h1").inner_text().strip() == other_name

    feed = page.locator('head link[rel~="alternate"][type="application/atom+xml"]').evaluate("l => l.href")
    with urlopen(feed, timeout=10) as response:
        root = ET.fromstring(response.read())
    assert root.tag == f"{ATOM}feed" and root.find(f"{ATOM}entry") is not None
    assert urljoin(feed, ".").startswith(base), "the feed lives below the site's base"
    assert watch.problems == [], "\n".join(watch.problems)


def test_the_index_filter_box_narrows_the_list(page, base):
    page.goto(base + "actors/", wait_until="load")
    box = page.locator("input.ag-filter")
    box.fill("ägyp")  # folded like the index: Ä with A
    visible = [t.strip() for t in page.locator("h2.ag-letter + ul li:not([hidden])").all_inner_texts()]
    assert visible and all("Ägypten" in t for t in visible), visible
    box.fill("")
    assert page.locator("h2.ag-letter + ul li:not([hidden])").count() > 50


def test_a_place_names_its_state_and_the_state_its_places(page, base):
    page.goto(base + "places/moskau/", wait_until="load")
    page.locator("p.ag-meta a", has_text="Russland").click()
    page.wait_for_load_state("load")
    assert page.locator("article h1").inner_text().strip() == "Russland"
    assert page.locator("p.ag-meta a", has_text="Moskau").count() == 1
