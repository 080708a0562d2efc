"""The theme in a real browser: the 404 page under a sub-path, the German footer, the page
language on <html>, and text contrast of captions and credits in the light and dark palette.

The site is served the way GitHub Pages serves a project site: below ``/archiv/`` (the path
of ``site_url`` in mkdocs.yml), with ``404.html`` answering every missing path.
"""

from __future__ import annotations

import functools
import json
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import copy_project

pytestmark = pytest.mark.browser

PREFIX = "/archiv"  # the path of site_url in mkdocs.yml
ENGLISH = """---
title: "Kim and Putin sign a defence pact"
date: 2024-06-19
language: en
---
Kim Jong-un and Vladimir Putin signed a defence pact in Pyongyang on Wednesday.
"""

CONTRAST = """el => {
  const rgba = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const over = (top, bottom) => { const a = top.length > 3 ? top[3] : 1;
    return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)); };
  let bg = [255, 255, 255], chain = [];
  for (let node = el; node; node = node.parentElement) chain.push(rgba(getComputedStyle(node).backgroundColor));
  for (const layer of chain.reverse()) if (layer.length) bg = over(layer, bg);
  const fg = over(rgba(getComputedStyle(el).color), bg);
  const lum = c => { const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const [hi, lo] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}"""


class _PagesHandler(SimpleHTTPRequestHandler):
    """Static files below PREFIX; anything else, or missing, gets 404.html with status 404."""

    def log_message(self, format, *args):  # noqa: A002 - http.server's signature
        pass

    def translate_path(self, path):
        path = path.split("?", 1)[0].split("#", 1)[0]
        if not (path == PREFIX or path.startswith(PREFIX + "/")):
            return str(Path(self.directory) / "missing-outside-the-prefix")
        return super().translate_path(path[len(PREFIX):] or "/")

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def theme_site(tmp_path_factory):
    """The sample archive plus one English article, built, served below /archiv/."""
    from archive_gen.cli import main

    root = copy_project(tmp_path_factory.mktemp("theme") / "archive")
    target = root / "content" / "articles" / "en" / "kim-putin-pact.md"
    target.parent.mkdir(parents=True)
    target.write_text(ENGLISH, encoding="utf-8")
    assert main(["build", "--strict", "-q", "--config", str(root / "mkdocs.yml")]) == 0
    handler = functools.partial(_PagesHandler, directory=str(root / "site"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield {"root": root, "url": f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"}
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def _seed_url(theme_site) -> str:
    pages = (theme_site["root"] / "site" / "articles" / "2024").rglob("index.html")
    page = next(p for p in sorted(pages) if "kim-putin-pact" not in p.as_posix())  # the APA wire seed
    return theme_site["url"] + "/" + page.parent.relative_to(theme_site["root"] / "site").as_posix() + "/"


def _stylesheet_loaded(page) -> bool:
    return page.evaluate("""() => [...document.styleSheets].some(s => s.href && s.href.endsWith('/archive.css')
        && s.cssRules.length > 0)""")


@pytest.mark.parametrize("missing", ["/gibt-es-nicht", "/articles/2099/01/weg/", "/a/b/c/d/e.html"])
def test_404_page_is_german_and_styled_under_a_sub_path(page, theme_site, missing):
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400
            and not response.url.endswith(missing) else None)
    response = page.goto(theme_site["url"] + missing, wait_until="load")
    assert response.status == 404
    assert page.locator("article h1").inner_text().strip() == "Seite nicht gefunden"
    assert page.title().startswith("Seite nicht gefunden")
    assert _stylesheet_loaded(page), "archive.css did not load on the 404 page"
    assert page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).position") == "sticky", \
        "Material's own stylesheet did not load"
    assert failed == [], f"requests that failed on the 404 page: {failed}"
    page.get_by_role("link", name="Zur Startseite").click()
    page.wait_for_load_state("load")
    assert page.url.rstrip("/") in (theme_site["url"], theme_site["url"] + "/.")
    assert page.locator("article h1").first.is_visible()


def test_footer_has_imprint_and_licence_not_the_generator_line(page, theme_site):
    page.goto(_seed_url(theme_site), wait_until="load")
    footer = page.locator(".md-footer-meta")
    text = footer.inner_text()
    assert "Impressum: Beispielredaktion" in text and "CC BY 2.5" in text
    assert "Made with" not in text and "Material for MkDocs" not in text
    footer.get_by_role("link", name="Impressum", exact=False).click()
    page.wait_for_url(theme_site["url"] + "/about/")


def test_html_lang_follows_the_page_language(page, theme_site):
    page.goto(_seed_url(theme_site), wait_until="load")
    assert page.evaluate("document.documentElement.lang") == "de"
    english = next((theme_site["root"] / "site" / "articles").rglob("kim-putin-pact/index.html"))
    path = english.parent.relative_to(theme_site["root"] / "site").as_posix()
    page.goto(f"{theme_site['url']}/{path}/", wait_until="load")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator(".ag-search__open").get_attribute("aria-label") == "Suche", "the interface stays German"


# The markup the page renderer is to produce (see the render/ report), styled by archive.css.
FRAGMENT = """
<figure class="ag-figure"><figcaption>Kim und Putin.<span class="ag-figure__credit">Foto: IMAGO/X</span>
<span class="ag-figure__note">Das Foto selbst ist nicht im Archiv.</span></figcaption></figure>
<p><a class="ag-chip ag-chip--person" href="#">Kim Jong-un</a> <a class="ag-chip ag-chip--topic" href="#">Sanktionen</a></p>
<p class="ag-az"><a href="#a">A</a> <span class="ag-az__empty">B</span></p>
<ul class="ag-meta"><li><strong>Datum:</strong> 19. Juni 2024</li><li><em>automatisch erkannt</em></li></ul>
<blockquote class="ag-quote"><p>„Unterstützung“</p><cite>Kim Jong-un</cite></blockquote>
"""
MUTED = (".ag-caption", ".ag-credit", ".md-footer-meta .ag-footer__licence", ".ag-figure figcaption",
         ".ag-figure__credit", ".ag-figure__note", ".ag-chip", ".ag-az__empty", ".ag-meta li", ".ag-meta em",
         ".ag-quote cite")


def test_a_page_with_a_feed_announces_it(page, theme_site):
    page.goto(theme_site["url"] + "/actors/kim-jong-un/", wait_until="load")
    link = page.locator('head link[rel~="alternate"][type="application/atom+xml"]')
    assert link.count() == 1
    assert link.evaluate("l => l.href") == theme_site["url"] + "/actors/kim-jong-un.xml"
    assert link.get_attribute("title") == "Kim Jong-un"
    scripts = page.locator('script[type="application/ld+json"]')
    assert scripts.count() == 1
    data = json.loads(scripts.first.evaluate("s => s.textContent"))
    assert data["name"] == "Kim Jong-un" and data["@type"] == "Person"
    assert data["sameAs"] == "https://www.wikidata.org/wiki/Q56226"
    page.goto(_seed_url(theme_site), wait_until="load")
    assert page.locator('head link[type="application/atom+xml"]').count() == 0


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_captions_credits_and_archive_styles_have_enough_contrast(page, theme_site, scheme):
    page.goto(_seed_url(theme_site), wait_until="load")
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    page.locator("article.md-content__inner").evaluate("(e, html) => e.insertAdjacentHTML('beforeend', html)", FRAGMENT)
    for selector in MUTED:
        element = page.locator(selector).first
        assert element.count(), selector
        ratio = element.evaluate(CONTRAST)
        assert ratio >= 4.5, f"{selector} in {scheme}: contrast {ratio:.2f}:1"


def test_the_palette_toggle_switches_to_dark_and_back(page, theme_site):
    page.goto(_seed_url(theme_site), wait_until="load")
    scheme = lambda: page.evaluate("document.body.getAttribute('data-md-color-scheme')")  # noqa: E731
    first = scheme()
    page.locator("label.md-header__button[title]").filter(has=page.locator("svg")).locator("visible=true").first.click()
    assert scheme() != first
    assert scheme() in ("default", "slate")
