"""The rendered site (a real `archive-gen build --strict` of the sample archive)."""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from archive_gen import front_matter


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.in_nav = 0
        self.nav_hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "nav":
            self.in_nav += 1
        if tag == "a" and attrs.get("href"):
            (self.nav_hrefs if self.in_nav else self.hrefs).append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "nav" and self.in_nav:
            self.in_nav -= 1


def page_url(docs_page: str) -> str:
    """docs path → site URL path with directory URLs: a/b.md → /a/b/, a/index.md → /a/."""
    stem = docs_page[:-3]
    return "/" + (stem[: -len("index")] if stem.endswith("index") else stem + "/")


def links_of(site: Path, url: str) -> set[str]:
    parser = _Links()
    parser.feed((site / url.lstrip("/") / "index.html").read_text(encoding="utf-8"))
    resolved = set()
    for href in parser.hrefs:
        if "://" in href or href.startswith(("#", "mailto:")):
            continue
        path = href.split("#")[0]
        target = posixpath.normpath(posixpath.join(url, path)) + ("/" if path.endswith("/") else "")
        resolved.add(target)
    return resolved


def articles(root: Path) -> list[tuple[str, dict]]:
    docs = root / "docs"
    found = []
    for path in sorted((docs / "articles").rglob("*.md")):
        meta = front_matter.split(path.read_text(encoding="utf-8"), str(path)).meta
        found.append((path.relative_to(docs).as_posix(), meta))
    return found


def test_every_article_links_to_its_actors_and_they_link_back(built_site):
    site = built_site / "site"
    checked = 0
    for page, meta in articles(built_site):
        url = page_url(page)
        outgoing = links_of(site, url)
        for actor in meta.get("actors", []):
            actor_url = f"/actors/{actor}/"
            assert actor_url in outgoing, f"{url} does not link to {actor_url}"
            assert url in links_of(site, actor_url), f"{actor_url} does not link back to {url}"
            checked += 1
    assert checked >= 50


def test_topics_sources_and_places_link_back(built_site):
    site = built_site / "site"
    for page, meta in articles(built_site):
        url = page_url(page)
        targets = [f"/topics/{t}/" for t in meta.get("topics", [])]
        targets += [f"/places/{p}/" for p in meta.get("places", [])]
        targets += [f"/sources/{s['id']}/" for s in meta.get("sources", [])]
        for target in targets:
            assert url in links_of(site, target), f"{target} does not list {url}"


def test_timeline_reaches_every_article_and_spans_years(built_site):
    site = built_site / "site"
    reachable = set()
    months = [u for u in links_of(site, "/timeline/") if u.startswith("/timeline/") and u != "/timeline/"]
    for month in months:
        reachable |= links_of(site, month)
    pages = [page_url(p) for p, _ in articles(built_site)]
    assert set(pages) <= reachable
    years = {p.split("/")[2] for p in pages}
    assert len(years) >= 5


def test_navigation_lists_index_pages_not_articles(built_site):
    parser = _Links()
    parser.feed((built_site / "site" / "index.html").read_text(encoding="utf-8"))
    assert parser.nav_hrefs, "the page has a navigation"
    assert not [h for h in parser.nav_hrefs if "articles/" in h]


@pytest.mark.parametrize("index", ["actors", "topics", "sources", "places", "timeline"])
def test_index_pages_exist(built_site, index):
    assert (built_site / "site" / index / "index.html").is_file()


def test_actor_page_shows_cooccurring_actors_with_counts(built_site):
    text = (built_site / "docs" / "actors" / "wladimir-putin.md").read_text(encoding="utf-8")
    section = text.split("## Gemeinsam genannt mit", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^- \[[^\]]+\]\(([a-z0-9-]+)\.md\) · (\d+) ", section, re.MULTILINE)
    assert any(actor == "kim-jong-un" for actor, _ in rows)
    counts = [int(n) for _, n in rows]
    assert counts == sorted(counts, reverse=True), "most frequent first"


def test_listings_render_as_flat_lists(built_site):
    """Dates like "19. Juni 2024" after "- " must not turn into nested ordered lists."""
    for page in ["actors/wladimir-putin", "timeline/2024/06", ""]:
        html = (built_site / "site" / page / "index.html").read_text(encoding="utf-8")
        article = html.split('<article class="md-content__inner', 1)[1]
        assert "<ol" not in article, page


def test_claims_appear_on_the_speaker_and_source_pages(built_site):
    """Every attributed claim of every article is listed, with a link back, on the page of
    whoever made it and of the source that reported it."""
    from archive_gen.pipeline import collect
    from archive_gen.config import Config
    from archive_gen.errors import Diagnostics

    _, annotated = collect(Config.load(built_site / "mkdocs.yml", quiet=True), Diagnostics())
    site = built_site / "site"
    checked = 0
    for article in annotated:
        page = next(p for p, meta in articles(built_site) if meta.get("source_file") == article.source_file
                    or p.endswith(f"/{article.slug}.md"))
        for claim in article.claims:
            targets = []
            if claim.speaker:
                kind = built_site_kind(built_site, claim.speaker)
                targets.append(f"/{kind}/{claim.speaker}/")
            if claim.via:
                targets.append(f"/sources/{claim.via}/")
            for target in targets:
                html = (site / target.strip("/") / "index.html").read_text(encoding="utf-8")
                assert claim.text.split(",")[0][:40] in html.replace("&quot;", '"'), (target, claim.text)
                assert page_url(page) in links_of(site, target)
                checked += 1
    assert checked >= 5


def built_site_kind(root: Path, actor_id: str) -> str:
    return "places" if (root / "docs" / "places" / f"{actor_id}.md").exists() else "actors"
