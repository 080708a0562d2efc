"""Nothing from content runs as script in the site: payloads in an article's title, body and
caption and in an actor's name and description stay text, in the HTML and in a real browser."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from archive_gen.cli import main

from conftest import copy_project, serve_directory

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    "<iframe src=javascript:alert(3)></iframe>",
    "[klick](javascript:alert(4))",
    "{{ config }} {% raw %}",
    "<!-- offen",
    "</title><script>alert(5)</script>",
]


class _ActiveContent(HTMLParser):
    """Collects what a browser would execute: scripts, event handlers, javascript: URLs, frames."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        if tag in ("iframe", "object", "embed"):
            self.found.append(f"<{tag}>")
        self._in_script = tag == "script"
        for name, value in attrs:
            if name.startswith("on") and "alert" in (value or ""):
                self.found.append(f"{tag} {name}={value}")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"{tag} {name}={value}")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and "alert(" in data:
            self.found.append(f"<script>{data[:40]}")


def active_content(html: str) -> list[str]:
    parser = _ActiveContent()
    parser.feed(html)
    return parser.found


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("hostile") / "archive")
    payload = " ".join(PAYLOADS)
    title = payload.replace('"', "'")
    (root / "content" / "articles" / "boese.md").write_text(
        f'---\ntitle: "Böse {title}"\ndate: 2024-01-02\nactors: [boese-person]\n---\n'
        f"Der Text {payload} nennt Böse Person.\n\n"
        f"Ein Bildtext mit {payload}. IMAGO/Max Muster\n",
        encoding="utf-8",
    )
    (root / "content" / "actors" / "boese-person.md").write_text(
        f'---\nname: "Böse Person {title}"\nkind: person\naliases: [Böse Person]\n---\nBeschreibung {payload}\n',
        encoding="utf-8",
    )
    assert main(["build", "-q", "--config", str(root / "mkdocs.yml")]) == 0
    return root


def test_no_executable_markup_in_any_html_page(hostile_site):
    pages = list((hostile_site / "site").rglob("*.html"))
    assert len(pages) > 100
    offenders = {p.relative_to(hostile_site).as_posix(): found for p in pages
                 if (found := active_content(p.read_text(encoding="utf-8")))}
    assert offenders == {}
    article = next((hostile_site / "site" / "articles").rglob("boese/index.html")).read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article, "the payload is shown as text"


@pytest.mark.browser
def test_payloads_do_not_run_in_a_browser(hostile_site, page):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with serve_directory(hostile_site / "site") as url:
        for path in ["/articles/2024/01/boese/", "/actors/boese-person/", "/actors/", "/timeline/2024/01/", "/"]:
            response = page.goto(url + path, wait_until="load")
            assert response is not None and response.ok, path
            assert "Böse" in page.title() or path in ("/actors/", "/", "/timeline/2024/01/")
        box = page.locator(".md-search__input")
        box.click()
        box.press_sequentially("Böse", delay=20)
        page.locator(".md-search-result__item").first.wait_for(state="visible")
        page.wait_for_timeout(500)
    assert dialogs == []
