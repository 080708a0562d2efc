"""The same archive with either renderer (issue 14): the sample archive is built with MkDocs +
Material (conftest's ``built_site``) and with Zensical (``archive-gen build --renderer
zensical --strict``), and the same site checks run on both: the existing checks of
test_site, test_walk (Chromium) and test_search (Pagefind in Chromium) are imported here and
run once per renderer; the injection payloads of test_injection go through Zensical too. The
checks below add what the issue names: JSON-LD, feeds, German UI, no broken local link, and
that both renderers publish the same pages with the same links and structured data."""

from __future__ import annotations

import json
import posixpath
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from archive_gen.cli import main
from archive_gen.config import RENDERERS, Config
from archive_gen.errors import Diagnostics
from archive_gen.pipeline import build_site

from conftest import copy_project, seed_article_path
from test_injection import (  # noqa: F401 - collected here again, on a Zensical build
    build_hostile, test_entity_encoded_payload_stays_encoded, test_no_executable_markup_in_any_html_page,
    test_payloads_do_not_run_in_a_browser,
)
from test_search import (  # noqa: F401 - fixtures and tests, run here once per renderer
    indexed, seed_path, site_url, test_filters_by_year_and_source, test_german_queries_find_the_seed,
)
from test_serve import CHANGE_DEADLINE, START_DEADLINE, Server, _add_marker, _get, _seed_url_path
from test_site import (  # noqa: F401
    articles, links_of, page_url, test_every_article_links_to_its_actors_and_they_link_back,
    test_timeline_reaches_every_article_and_spans_years, test_topics_sources_and_places_link_back,
)
from test_walk import (  # noqa: F401
    base, test_a_place_names_its_state_and_the_state_its_places, test_a_reader_walks_from_the_home_page_to_a_feed,
)

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("zensical") / "archive")
    code = main(["build", "--strict", "-q", "--renderer", "zensical", "--config", str(root / "mkdocs.yml")])
    assert code == 0, "the sample archive must build with Zensical under --strict"
    return root


SITES: dict[str, Path] = {}  # renderer → its build, for the comparison of both


@pytest.fixture(scope="module", params=RENDERERS)
def built_site(request, built_site, zensical_site) -> Path:
    """The sample archive rendered by each renderer (overrides conftest's, which is MkDocs')."""
    SITES.update(mkdocs=built_site, zensical=zensical_site)
    return SITES[request.param]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    """test_injection's payloads (whose own module renders them with MkDocs), with Zensical."""
    return build_hostile(copy_project(tmp_path_factory.mktemp("hostile-z") / "archive"), "--renderer", "zensical")


# ---------------------------------------------------------------------------- one page's parts


class _Page(HTMLParser):
    """What the checks read from one page: its language, local references, feeds, JSON-LD, h1."""

    def __init__(self):
        super().__init__()
        self.lang = ""
        self.refs: list[str] = []
        self.feeds: list[str] = []
        self.jsonld: list[str] = []
        self.h1 = ""
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang") or ""
        if tag in ("a", "link") and (attrs.get("href") or attrs.get("xlink:href")):  # SVG links: xlink
            self.refs.append(attrs.get("href") or attrs["xlink:href"])
        if tag in ("script", "img") and attrs.get("src"):
            self.refs.append(attrs["src"])
        if tag == "link" and "feed" in (attrs.get("rel") or "").split():
            self.feeds.append(attrs.get("href") or "")
        if tag == "script" and attrs.get("type") == "application/ld+json":
            self._in = "jsonld"
            self.jsonld.append("")
        if tag == "h1":
            self._in = "h1"

    def handle_endtag(self, tag):
        if tag in ("script", "h1"):
            self._in = None

    def handle_data(self, data):
        if self._in == "jsonld":
            self.jsonld[-1] += data
        elif self._in == "h1":
            self.h1 += data


def parse(path: Path) -> _Page:
    parser = _Page()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def html_pages(site: Path) -> list[str]:
    """Every page's URL path (``/a/b/``), the search bundle's and the 404 page left out."""
    return sorted("/" + p.parent.relative_to(site).as_posix().removeprefix(".") + ("/" if p.parent != site else "")
                  for p in site.rglob("index.html") if "pagefind" not in p.parts)


def _target(site: Path, page: str, ref: str) -> Path | None:
    """The file a local reference of ``page`` points to, or None for an outside one."""
    ref = ref.split("#", 1)[0].split("?", 1)[0]
    if not ref or "://" in ref or ref.startswith(("mailto:", "data:", "//")):
        return None
    path = posixpath.normpath(posixpath.join(page, ref)).lstrip("/")
    target = site / path
    return target / "index.html" if ref.endswith("/") or target.is_dir() else target


# ---------------------------------------------------------------------------- on each renderer


def test_every_page_is_german_and_no_local_link_is_broken(built_site):
    site = built_site / "site"
    pages = html_pages(site)
    assert len(pages) > 100
    broken = []
    for url in pages:
        page = parse(site / url.lstrip("/") / "index.html")
        assert page.lang == "de" or url.startswith("/articles/"), f"{url}: <html lang={page.lang!r}>"
        broken += [f"{url} → {ref}" for ref in page.refs
                   if (target := _target(site, url, ref)) is not None and not target.is_file()]
    assert broken == []


def test_every_article_has_valid_json_ld_naming_its_headline(built_site):
    site = built_site / "site"
    for page, meta in articles(built_site):
        url = page_url(page)
        parsed = parse(site / url.lstrip("/") / "index.html")
        assert len(parsed.jsonld) == 1, f"{url}: one JSON-LD block"
        data = json.loads(parsed.jsonld[0])
        assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle", url
        assert data["headline"] == parsed.h1.strip(), url
        assert data["url"].endswith(url), url


def test_announced_feeds_exist_and_are_atom_with_entries(built_site):
    site = built_site / "site"
    announced = 0
    for url in html_pages(site):
        for href in parse(site / url.lstrip("/") / "index.html").feeds:
            target = _target(site, url, href)
            assert target is not None and target.is_file(), f"{url}: feed {href} is missing"
            root = ET.parse(target).getroot()
            assert root.tag == f"{ATOM}feed" and root.find(f"{ATOM}entry") is not None, href
            announced += 1
    assert announced >= 20


def test_the_renderer_is_named_and_zensicals_own_search_index_is_left_out(built_site, request):
    renderer = request.node.callspec.params["built_site"]
    site = built_site / "site"
    head = (site / "index.html").read_text(encoding="utf-8")
    assert f'content="{"mkdocs-" if renderer == "mkdocs" else "zensical-"}' in head
    assert not (site / "search.json").exists() and not (site / "search" / "search_index.json").exists()
    assert (site / "pagefind" / "all" / "pagefind.js").is_file()
    # the Pagefind header search, loaded relative to the page (MkDocs writes "assets/…", Zensical "./assets/…")
    assert "data-ag-search" in head and 'data-base="."' in head
    assert re.search(r'<script src="(\./)?assets/search/search\.js"', head)


# ---------------------------------------------------------------------------- both alike


def _resolved(page: str, refs: list[str]) -> list[str]:
    return [posixpath.normpath(posixpath.join(page, ref)) for ref in refs]


def _article_links(site: Path, url: str) -> set[str]:
    """The page's links to other pages (a jump within the page is "./#a" in MkDocs, "#a" in Zensical)."""
    return {link for link in links_of(site, url) if not link.startswith("/assets/") and link != url}


def test_both_renderers_publish_the_same_pages_links_and_structured_data(built_site, request):
    if request.node.callspec.params["built_site"] != "zensical":
        pytest.skip("compared once: Zensical's site against MkDocs'")
    one, other = SITES["mkdocs"] / "site", built_site / "site"
    pages = html_pages(one)
    assert pages == html_pages(other)
    for url in pages:
        a, b = parse(one / url.lstrip("/") / "index.html"), parse(other / url.lstrip("/") / "index.html")
        assert a.h1 == b.h1, url
        assert _resolved(url, a.feeds) == _resolved(url, b.feeds), url  # "feed.xml" or "./feed.xml"
        assert [json.loads(x) for x in a.jsonld] == [json.loads(x) for x in b.jsonld], url
        assert _article_links(one, url) == _article_links(other, url), url
    for feed in sorted(one.rglob("*.xml")):
        if feed.name != "sitemap.xml":
            assert feed.read_bytes() == (other / feed.relative_to(one)).read_bytes(), feed


def test_switching_renderer_never_reuses_the_other_renderers_html(tmp_path):
    root = copy_project(tmp_path / "archive")
    mkdocs = Config.load(root / "mkdocs.yml", quiet=True)
    zensical = Config.load(root / "mkdocs.yml", quiet=True, renderer="zensical")
    first = build_site(mkdocs, Diagnostics())
    assert first.rendered and build_site(mkdocs, Diagnostics()).rendered == 0, "nothing changed: nothing rendered"
    build_site(zensical, Diagnostics())
    assert 'content="zensical-' in (root / "site" / "index.html").read_text(encoding="utf-8")
    back = build_site(mkdocs, Diagnostics())
    assert back.rendered == first.rendered, "every page rendered again by MkDocs"
    assert 'content="mkdocs-' in (root / "site" / "index.html").read_text(encoding="utf-8")


def test_a_zensical_rebuild_equals_a_clean_build(tmp_path):
    """Zensical's cache (.cache/) serves unchanged pages on a rebuild: the result is the same
    bytes as a clean build of the same content, the search bundle included."""
    first, clean = copy_project(tmp_path / "a"), copy_project(tmp_path / "b")
    options = ["build", "-q", "--renderer", "zensical", "--config"]
    assert main([*options, str(first / "mkdocs.yml")]) == 0
    for root in (first, clean):
        seed = seed_article_path(root)
        seed.write_text(seed.read_text(encoding="utf-8").replace("Kim", "Kim Jong-un", 1), encoding="utf-8")
    assert main([*options, str(first / "mkdocs.yml")]) == 0
    assert main([*options, str(clean / "mkdocs.yml")]) == 0
    def files(root: Path) -> set[str]:
        return {p.relative_to(root / "site").as_posix() for p in (root / "site").rglob("*") if p.is_file()}
    assert files(first) == files(clean)
    differ = [f for f in sorted(files(first)) if (first / "site" / f).read_bytes() != (clean / "site" / f).read_bytes()]
    assert differ == []
    assert not [p.name for p in tmp_path.glob("*/.*zensical*")], "no staging left behind"


def test_an_unknown_renderer_is_a_usage_error(tmp_path):
    root = copy_project(tmp_path / "archive")
    with pytest.raises(SystemExit) as exc:
        main(["build", "-q", "--renderer", "hugo", "--config", str(root / "mkdocs.yml")])
    assert exc.value.code == 2


@pytest.mark.browser
def test_a_picture_links_to_the_actor_it_shows(page, base):
    """The network picture's nodes are SVG links (xlink:href: both renderers keep it as written)."""
    page.goto(base + "actors/kim-jong-un/", wait_until="load")
    node = page.locator("figure.ag-chart--network svg a").first
    name = node.get_attribute("aria-label").split(":")[0]
    node.click()
    page.wait_for_load_state("load")
    assert "/actors/" in page.url and page.url != base + "actors/kim-jong-un/"
    assert page.locator("article h1").inner_text().strip() == name


def test_zensical_preview_serves_and_regenerates_on_content_edit(tmp_path):
    """``serve --renderer zensical``: Zensical's server on the generated docs/; an edit in
    content/ is regenerated by archive-gen (it polls content/) and served by Zensical."""
    root = copy_project(tmp_path / "archive")
    seed, marker = seed_article_path(root), "Markierwort" + tmp_path.name[-8:].replace("_", "")
    server = Server(root, tmp_path / "serve.log", "--renderer", "zensical")
    try:
        server.wait_for("docs/", lambda: any((root / "docs" / "articles").rglob("*.md")), START_DEADLINE)
        url = server.base + _seed_url_path(root, seed)
        server.wait_for(f"{url} to answer 200", lambda: _get(url)[0] == 200, START_DEADLINE * 2)
        assert marker not in _get(url)[1]
        _add_marker(seed, marker)
        server.wait_for(f"the marker in {url}", lambda: marker in _get(url)[1], CHANGE_DEADLINE * 2)
        assert not (root / "site").exists(), "the preview never writes the built site/"
    finally:
        code = server.stop()
    assert "Traceback" not in server.log(), server.log()
    assert code in (0, 130, -2), server.log()
    assert not list(root.glob(".archive-gen-zensical-*.yml")), "the preview's config is removed"
