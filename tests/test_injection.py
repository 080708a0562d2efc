"""Nothing from content runs as script in the site: payloads in every place content reaches a
page (an article's title, body, caption, credit, authors, licence, summary, links; an actor's,
topic's and source's name and description; a hand-written page) stay text, in the HTML and in
a real browser."""

from __future__ import annotations

import gzip
import json
import re
from html.parser import HTMLParser
from pathlib import Path

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
    "&lt;script&gt;alert(6)&lt;/script&gt;",  # entity-encoded: must not be decoded into markup
    "<svg onload=alert(7)>",
    "Absatz\n{: onclick=alert(8) }",  # a Markdown attribute list (on the last line of a block)
    "[ref][x]\n\n[x]: javascript:alert(9)",  # a reference-style link
    "[nl](java\nscript:alert(10))",  # browsers drop the line break inside a URL
    "<a href='data:text/html,<script>alert(11)</script>'>d</a>",
    "<meta http-equiv=refresh content='0;url=javascript:alert(12)'>",
]
PAYLOAD = "\n\n".join(PAYLOADS)
ONE_LINE = " ".join(p.replace("\n", " ") for p in PAYLOADS)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "background", "xlink:href", "srcdoc"}
FRAME_TAGS = {"iframe", "object", "embed", "frame", "frameset", "base", "applet"}


class _ActiveContent(HTMLParser):
    """Collects what a browser would execute: scripts, event handlers, script URLs, frames."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        if tag in FRAME_TAGS:
            self.found.append(f"<{tag}>")
        kind = (dict(attrs).get("type") or "text/javascript").lower()
        self._in_script = tag == "script" and ("javascript" in kind or kind == "module")  # not JSON-LD data
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") and "alert" in value:
                self.found.append(f"{tag} {name}={value}")
            url = re.sub(r"[\x00-\x20]", "", value).lower()
            if name in URL_ATTRIBUTES and url.startswith(("javascript:", "vbscript:", "data:")):
                self.found.append(f"{tag} {name}={value}")
            if tag == "meta" and name == "http-equiv" and value.lower() == "refresh":
                self.found.append("meta refresh")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and "alert(" in data:
            self.found.append(f"<script>{data[:40]}")


def active_content(html: str) -> list[str]:
    parser = _ActiveContent()
    parser.feed(html)
    return parser.found


def _yaml(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # JSON strings are YAML strings


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    return build_hostile(copy_project(tmp_path_factory.mktemp("hostile") / "archive"))


def build_hostile(root: Path, *options: str) -> Path:
    """The sample archive plus one article, actor, topic, source and page full of payloads,
    built with ``options`` (tests/test_renderers.py: ``--renderer zensical``)."""
    content = root / "content"
    (content / "articles" / "boese.md").write_text(
        f"---\ntitle: {_yaml('Böse ' + ONE_LINE)}\ndate: 2024-01-02\nactors: [boese-person]\n"
        f"topics: [boese-themen]\nauthors: [{_yaml(ONE_LINE)}]\nlicense: {_yaml(ONE_LINE)}\n"
        f"attribution: {_yaml(ONE_LINE)}\nsummary: {_yaml(PAYLOAD)}\nstatus: {_yaml(ONE_LINE)}\n"
        f"source_url: {_yaml('javascript:alert(13)')}\n---\n"
        f"Der Text nennt Böse Person und die Böse Agentur.\n\n{PAYLOAD}\n\n"
        f"Ein Bildtext mit {ONE_LINE}. IMAGO/<img src=x onerror=alert(14)>\n",
        encoding="utf-8",
    )
    (content / "actors" / "boese-person.md").write_text(
        f"---\nname: {_yaml('Böse Person ' + ONE_LINE)}\nkind: person\naliases: [Böse Person]\n---\n"
        f"Beschreibung\n\n{PAYLOAD}\n",
        encoding="utf-8",
    )
    (content / "topics" / "boese-themen.md").write_text(
        f"---\nname: {_yaml('Böse Themen ' + ONE_LINE)}\nkeywords: [böse]\n---\n{PAYLOAD}\n", encoding="utf-8")
    (content / "sources" / "boese-agentur.md").write_text(
        f"---\nname: {_yaml('Böse Agentur ' + ONE_LINE)}\nkind: agency\naliases: [Böse Agentur]\n"
        f"url: {_yaml('javascript:alert(15)')}\n---\n{PAYLOAD}\n",
        encoding="utf-8",
    )
    (content / "pages" / "boese-seite.md").write_text(
        f"---\ntitle: {_yaml('Böse Seite ' + ONE_LINE)}\n---\n{PAYLOAD}\n", encoding="utf-8")
    about = content / "pages" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n" + PAYLOAD + "\n", encoding="utf-8")
    # --drafts: the payload in `status` makes the article a draft (an unknown status is never
    # published); the preview build shows it, so every payload is on a page
    # The javascript: URL is refused (an error; the entry keeps no URL); the site (and its
    # search index) is built all the same.
    assert main(["build", "-q", "--drafts", *options, "--config", str(root / "mkdocs.yml")]) == 1
    assert (root / "site" / "index.html").is_file()
    return root


HOSTILE_PAGES = ["articles/2024/01/boese", "actors/boese-person", "topics/boese-themen",
                 "sources/boese-agentur", "boese-seite", "about"]


def test_no_executable_markup_in_any_html_page(hostile_site):
    pages = list((hostile_site / "site").rglob("*.html"))
    assert len(pages) > 100
    offenders = {p.relative_to(hostile_site).as_posix(): found for p in pages
                 if (found := active_content(p.read_text(encoding="utf-8")))}
    assert offenders == {}
    for page in HOSTILE_PAGES:
        html = (hostile_site / "site" / page / "index.html").read_text(encoding="utf-8")
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, f"{page}: the payload is shown as text"


def test_entity_encoded_payload_stays_encoded(hostile_site):
    """'&lt;script&gt;' written by an editor is shown as exactly that, never decoded to a tag."""
    html = (hostile_site / "site" / "articles" / "2024" / "01" / "boese" / "index.html").read_text(encoding="utf-8")
    assert "&amp;lt;script&amp;gt;alert(6)" in html
    assert "<script>alert(6)" not in html


def _pagefind_records(site: Path) -> list[dict]:
    """The search index's page records (Pagefind fragments: gzip, a signature, JSON)."""
    records = []
    for path in sorted((site / "pagefind").glob("*/fragment/*")):
        data = gzip.decompress(path.read_bytes())
        records.append(json.loads(data[data.index(b"{"):]))
    return records


def test_search_index_filter_values_hold_no_markup(hostile_site):
    """Pagefind UI prints filter values as HTML, and Pagefind decodes "&lt;" to "<" when it
    indexes: the values index_site gives it carry no "<", ">" nor an "&" that starts a reference.
    (Excerpts are Pagefind's decoded text too: overrides/assets/search/search.js escapes them;
    test_payloads_do_not_run_in_a_browser shows both.)"""
    records = _pagefind_records(hostile_site / "site")
    hostile = [r for r in records if "boese" in r["url"]]
    assert len(hostile) >= 4, [r["url"] for r in records]
    values = [v for r in records for vs in r["filters"].values() for v in vs]
    assert [v for v in values if "Böse" in v], "the hostile names are filter values"
    for value in values:
        assert not re.search(r"[<>]|&[#A-Za-z0-9]", value), value
    assert any("\u2039script\u203a" in v for v in values), "shown with look-alike brackets"


def test_unsafe_links_and_status_are_dropped(hostile_site):
    docs = hostile_site / "docs"
    article = (docs / "articles" / "2024" / "01" / "boese.md").read_text(encoding="utf-8")
    head = article.split("\n---\n", 1)[0]
    assert "status:" not in head.replace("review_status: draft", ""), "a status that is no plain word is left out"
    source = (docs / "sources" / "boese-agentur.md").read_text(encoding="utf-8")
    assert "javascript:alert(15)" not in source
    body = article.split("\n---\n", 1)[1]  # front matter is data; the body is Markdown
    assert "alert(13)" not in body, "a source_url that is not http(s) is not shown"


@pytest.mark.browser
def test_payloads_do_not_run_in_a_browser(hostile_site, page):
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    with serve_directory(hostile_site / "site") as url:
        for path in [*(f"/{p}/" for p in HOSTILE_PAGES), "/actors/", "/topics/", "/sources/",
                     "/timeline/2024/01/", "/"]:
            response = page.goto(url + path, wait_until="load")
            assert response is not None and response.ok, path
            if "boese" in path:
                assert "Böse" in page.title(), path
                assert "alert(1)" in page.locator("article").inner_text(), f"{path}: the payload is visible text"
            for link in page.locator("article a").evaluate_all(  # SVG links (pictures) too
                    "links => links.map(a => new URL(a.getAttribute('href') || '', document.baseURI).href)"):
                assert not link.lower().startswith(("javascript:", "data:", "vbscript:")), (path, link)
        page.locator(".ag-search__open").click()  # the header search: Pagefind UI
        box = page.locator(".pagefind-ui__search-input")
        box.press_sequentially("Böse", delay=20)
        page.locator(".pagefind-ui__result-link").first.wait_for(state="visible")
        results = page.locator(".pagefind-ui__result")
        assert results.count() >= 3
        for name in page.locator(".pagefind-ui__filter-name").all():  # filter values render as HTML
            name.click()
        # the values load when a reader opens a filter (assets/search/pagefind.js), then show
        page.locator(".pagefind-ui__filter-label", has_text="Böse Person").first.wait_for(state="visible")
        assert page.locator(".pagefind-ui__filter-label", has_text="Böse Person").count() >= 1
        page.wait_for_timeout(500)
    assert dialogs == []
    assert not [e for e in errors if "alert" in e]
