"""The site search: archive_gen.publish.search.index_site builds a Pagefind index of the
rendered sample archive, and Pagefind's UI in the header finds articles in a real browser
(Playwright driving /usr/bin/chromium), served at the root and under a sub-path.

The browser tests also measure what a first search downloads (Pagefind's files, from the
browser's network events); the figures are printed (``pytest -s``) and bounded.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import stat
from pathlib import Path

import pytest

from archive_gen.errors import RenderError
from archive_gen.publish import search, shards as sharding, standins
from archive_gen.publish.search import index_site

from conftest import seed_article_path, serve_directory

SEED_SOURCE = "content/articles/apa/2024/06/kim-sichert-putin-unterstuetzung-zu.txt"
FIRST_SEARCH_BUDGET = 400_000  # bytes of Pagefind files one search may download (sample site)


# ---------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def indexed(built_site, tmp_path_factory) -> Path:
    """A copy of the built sample site with its search index (built_site stays as it is): one
    shard, as the sample archive is below shards.SHARD_PAGES pages."""
    site = tmp_path_factory.mktemp("indexed") / "site"
    shutil.copytree(built_site / "site", site)
    stats = index_site(site)
    assert stats.indexed == ("all",)
    assert stats.articles == len(list((built_site / "docs" / "articles").rglob("*.md")))
    return site


@pytest.fixture(scope="module")
def sharded(built_site, tmp_path_factory) -> Path:
    """The same site indexed in shards (one per month: a shard closes at one page), as a large
    one is."""
    site = tmp_path_factory.mktemp("sharded") / "site"
    shutil.copytree(built_site / "site", site)
    index_site(site, shard_pages=1)
    return site


@pytest.fixture(scope="module")
def seed_path(built_site) -> str:
    """The seed article's site path, e.g. /articles/2024/06/<slug>/."""
    rel = seed_article_path(built_site).relative_to(built_site).as_posix()
    for md in sorted((built_site / "docs" / "articles").rglob("*.md")):
        if f"source_file: {rel}\n" in md.read_text(encoding="utf-8"):
            return "/" + md.relative_to(built_site / "docs").with_suffix("").as_posix() + "/"
    raise AssertionError(f"no article page for {rel}")


# ---------------------------------------------------------------------------- the index


def test_the_site_has_no_lunr_index_and_a_pagefind_header_search(built_site):
    site = built_site / "site"
    assert not (site / "search" / "search_index.json").exists(), "Material's search plugin is still on"
    page = (site / "index.html").read_text(encoding="utf-8")
    assert "data-ag-search" in page and 'data-base="."' in page
    assert 'src="assets/search/search.js"' in page, "the search script is loaded relative to the page"
    article = next((site / "articles").rglob("index.html")).read_text(encoding="utf-8")
    assert 'src="../../../../assets/search/search.js"' in article
    assert "md-search__input" not in article, "Material's own search box is gone"


def test_index_site_writes_one_bundle_per_shard(sharded):
    """One Pagefind bundle per shard of consecutive months (here: per month), the term pages in
    the newest, and the list the search UI reads, with the filter names and the index's language;
    each article is in its month's shard."""
    indexed = sharded
    bundle = indexed / "pagefind"
    listing = json.loads((bundle / search.SHARDS_FILE).read_text(encoding="utf-8"))
    months = sorted({"-".join(rel.split("/")[1:3]) for rel, kind in standins.pages_to_index(indexed)
                     if kind == "articles"})
    assert len(months) > 2
    assert listing == {"main": months[-1], "merge": months[:-1],
                       "filters": sorted(["Akteur", "Jahr", "Ort", "Quelle", "Thema"]), "language": "de"}
    assert sorted(p.name for p in bundle.iterdir() if p.is_dir()) == months
    for name in months:
        shard = bundle / name
        for file in ("pagefind.js", "pagefind-ui.js", "pagefind-ui.css", "pagefind-entry.json"):
            assert (shard / file).is_file(), (name, file)
        assert list(shard.glob("pagefind.de_*.pf_meta")), "one German index"
        assert list((shard / "fragment").iterdir()) and list((shard / "index").iterdir())
        assert list((bundle / name / "filter").iterdir()), "filters are written"
        urls = {record["url"] for record in _fragments(bundle / name)}
        articles = {url for url in urls if url.startswith("/articles/")}
        assert articles and all(url.startswith(f"/articles/{name.replace('-', '/')}/") for url in articles), urls
        terms = urls - articles
        assert all(url.split("/")[1] in ("actors", "places", "topics", "sources") for url in terms), terms
        assert bool(terms) == (name == months[-1]), "the term pages are in the newest shard"


def test_shards_are_consecutive_months_closed_at_a_page_count():
    plan = sharding.shard_plan({"2020-03": 2, "2019-12": 3, "2020-01": 1, "2021-07": 5, "2022-01": 1}, 4)
    assert plan == {"2019-12": "2019-12", "2020-01": "2019-12", "2020-03": "2020-03", "2021-07": "2020-03",
                    "2022-01": "2022-01"}
    assert set(sharding.shard_plan({"2020-03": 2, "2019-12": 3}, 10).values()) == {"all"}, "one shard: all"
    assert sharding.shard_plan({}, 10) == {}


@pytest.mark.parametrize("seed", range(20))
def test_more_pages_in_the_newest_month_move_no_boundary(seed):
    """What a news archive mostly gets: articles of the newest month. They change the newest
    shard only, however many arrive (a clean build and a rebuild shard alike: only counts
    decide)."""
    import random

    rng = random.Random(seed)
    months = {f"{2000 + i // 12}-{i % 12 + 1:02d}": rng.randint(0, 40) for i in range(rng.randint(2, 60))}
    newest = max(months)
    before = sharding.shard_plan(months, 50)
    if len(set(before.values())) == 1:
        return
    for more in (1, 7, 200):
        after = sharding.shard_plan({**months, newest: months[newest] + more}, 50)
        assert {m: s for m, s in after.items() if m != newest} == {m: s for m, s in before.items() if m != newest}


@pytest.mark.parametrize("seed", range(20))
def test_a_shard_closed_as_the_months_arrive_is_the_plans(seed):
    """index_site starts Pagefind on a shard as soon as Closing says it closed and a later month
    follows: each such shard must be exactly the plan's, whatever the counts (months with no page
    are never fed)."""
    import random

    rng = random.Random(seed)
    months = {f"{2000 + i // 12}-{i % 12 + 1:02d}": rng.randint(1, 40) for i in range(rng.randint(1, 60))}
    plan = sharding.shard_plan(months, 50, rng.choice((0, 0, 30)))
    closing, ordered = sharding.Closing(50), sorted(months)
    for i, month in enumerate(ordered):
        shard = closing.add(month, months[month])
        if shard and i + 1 < len(ordered):  # a later month follows: final
            assert {m for m, name in plan.items() if name == shard[0]} == set(shard)
            assert all(plan[m] == shard[0] for m in shard)


@pytest.mark.slow
@pytest.mark.parametrize("jobs", [1, 2], ids=["one process", "forked render"])
def test_stand_ins_made_beside_the_render_give_the_same_index(tmp_path, monkeypatch, jobs):
    """A build makes each page's stand-in where MkDocs wrote the page (no HTML read back in the
    search step) and starts the older shards' Pagefind runs before MkDocs has finished; the
    bundle is byte for byte the one index_site makes afterwards from the site's HTML alone."""
    from archive_gen import forking, parallel, pipeline
    from archive_gen.config import Config
    from archive_gen.errors import Diagnostics
    from archive_gen.publish import pagefindruns, reuse
    from conftest import copy_project

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.setattr(reuse, "FORK_MIN", 10)
    monkeypatch.setattr(forking, "other_threads", lambda: False)  # whatever threads the test runner has
    monkeypatch.setattr(sharding, "SHARD_PAGES", 8)  # several shards of the sample's months
    events: list[str] = []
    start, render = pagefindruns.Runs.start, pipeline.render_staged
    monkeypatch.setattr(pagefindruns.Runs, "start", lambda self, *a: events.append("pagefind") or start(self, *a))
    monkeypatch.setattr(pipeline, "render_staged", lambda *a, **k: (render(*a, **k), events.append("rendered"))[0])
    read_back = search._stand_in_task
    monkeypatch.setattr(search, "_stand_in_task", lambda *a: events.append("read") or read_back(*a))
    root = copy_project(tmp_path / "archive")
    pipeline.build_site(Config.load(root / "mkdocs.yml", quiet=True), Diagnostics(), jobs=jobs)
    assert "read" not in events, "the search step read a page's HTML back"
    assert events.count("pagefind") > 2 and events.index("pagefind") < events.index("rendered"), events
    site = tmp_path / "again"
    shutil.copytree(root / "site", site, ignore=shutil.ignore_patterns("pagefind"))
    index_site(site)
    def files(bundle: Path) -> dict[str, bytes]:
        return {p.relative_to(bundle).as_posix(): p.read_bytes() for p in sorted(bundle.rglob("*")) if p.is_file()}
    built, again = files(root / "site" / "pagefind"), files(site / "pagefind")
    assert len(built) > 20 and built == again


def test_a_shard_started_on_a_wrong_guess_is_indexed_again(tmp_path):
    """A shard whose Pagefind run started beside the render with another key than the final
    plan's (the render foresaw the shards wrongly) is waited for and its bundle removed, so that
    index_site's last step indexes it again; a run with the final key stays."""
    from archive_gen.publish.pagefindruns import Runs, StandInTree, Starter, shard_key

    page = ('<!doctype html><html lang="de"><head><meta charset="utf-8"></head><body>'
            '<main data-pagefind-body><h1>{}</h1><p>Ein Text.</p></main></body></html>\n')
    runs = Runs(search.pagefind_executable(), "de", True, str(tmp_path))
    starter = Starter(("test",), {}, StandInTree(tmp_path / "tree", None), runs)
    starter.bundle = tmp_path / "bundle"
    january = [("articles/2020/01/a/index.html", page.format("Eins"))]
    february = [("articles/2020/02/b/index.html", page.format("Zwei"))]
    starter.start("2020-01", january)
    starter.start("2020-02", february)
    assert set(starter.started) == {"2020-01", "2020-02"}
    try:
        starter.undo({"2020-01": shard_key(("test",), "2020-01", january), "2020-02": "the final plan's key"})
    finally:
        runs.stop()
    assert set(starter.started) == {"2020-01"}
    assert (tmp_path / "bundle" / "2020-01" / "pagefind-entry.json").is_file()
    assert not (tmp_path / "bundle" / "2020-02").exists()


def test_the_newest_months_get_a_small_shard_of_their_own():
    months = {"2019-12": 3, "2020-01": 1, "2020-03": 2, "2021-07": 5, "2022-01": 1, "2022-02": 2}
    assert sharding.shard_plan(months, 100, 3) == {"2019-12": "2019-12", "2020-01": "2019-12", "2020-03": "2019-12",
                                                   "2021-07": "2019-12", "2022-01": "2022-01", "2022-02": "2022-01"}
    assert set(sharding.shard_plan(months, 100, 14).values()) == {"all"}, "no more pages than a recent shard: one"
    assert sharding.shard_plan({"2020-01": 5, "2020-02": 9}, 100, 3) == {"2020-01": "2020-01", "2020-02": "2020-02"}, \
        "the newest month is the recent shard however many pages it has"


def test_by_default_a_new_article_of_the_newest_months_reindexes_a_small_shard():
    """The defaults at 10,000 articles over 17 years: the newest month's shard, which also gets
    the term pages (``split``'s main shard), holds at most RECENT_PAGES article pages, not the
    ~2,000 of the newest SHARD_PAGES shard; the older shards are as without it."""
    months = {f"{2005 + i // 12}-{i % 12 + 1:02d}": 10_000 // 204 + (i < 10_000 % 204) for i in range(204)}
    plan = sharding.shard_plan(months, sharding.SHARD_PAGES, sharding.RECENT_PAGES)
    recent = plan[max(months)]
    held = sum(count for month, count in months.items() if plan[month] == recent)
    assert 0 < held <= sharding.RECENT_PAGES < sharding.SHARD_PAGES // 10
    documents = [(f"articles/{month.replace('-', '/')}/a{n}/index.html", "<p>x</p>")
                 for month, count in months.items() for n in range(count)]
    shards, main = sharding.split(documents + [("actors/a/index.html", "<p>x</p>")], "de",
                                  sharding.SHARD_PAGES, sharding.TERMS_APART, sharding.RECENT_PAGES)
    assert main == recent and ("actors/a/index.html", "<p>x</p>") in shards[main]
    plain = sharding.shard_plan(months, sharding.SHARD_PAGES)
    assert {m: s for m, s in plan.items() if plan[m] != recent} == {m: s for m, s in plain.items() if plan[m] != recent}


@pytest.mark.parametrize("seed", range(20))
def test_the_recent_shard_only_splits_the_newest_shard(seed):
    """The recent shard is cut from the newest shard alone: merged back, the plan is the plan
    without it (older shards never move for it); it holds at most ``recent`` pages or one month."""
    import random

    rng = random.Random(seed)
    months = {f"{2000 + i // 12}-{i % 12 + 1:02d}": rng.randint(0, 40) for i in range(rng.randint(1, 60))}
    shard_pages, recent = rng.choice([50, 200, 10_000]), rng.choice([5, 30, 100])
    plain, plan = sharding.shard_plan(months, shard_pages), sharding.shard_plan(months, shard_pages, recent)
    names = sorted(set(plan.values()))
    if len(names) == len(set(plain.values())):
        assert plan == plain
        return
    newest = [m for m in plan if plan[m] == names[-1]]
    assert newest == sorted(months)[-len(newest):], "the newest months"
    assert len(newest) == 1 or sum(months[m] for m in newest) <= recent
    merged_name = plain[newest[0]] if plain[newest[0]] != sharding.ALL_SHARD else sharding.ALL_SHARD
    merged = {m: merged_name if m in newest or (merged_name == sharding.ALL_SHARD) else s for m, s in plan.items()}
    assert merged == plain


def _fragments(shard: Path) -> list[dict]:
    records = []
    for path in sorted((shard / "fragment").iterdir()):
        data = gzip.decompress(path.read_bytes())
        records.append(json.loads(data[data.index(b"{"):]))
    return records


def test_stand_in_holds_the_text_not_the_lists(built_site, seed_path):
    rel = seed_path.strip("/") + "/index.html"
    page = (built_site / "site" / rel).read_text(encoding="utf-8")
    doc = standins.stand_in(page, rel, "articles", "de", standins.FILTER_NAMES["de"])
    body = doc.split("<main data-pagefind-body>", 1)[1]
    assert "bedingungslose Unterstützung" in body and "Pjöngjang" in body
    assert "IMAGO/Gavriil Grigorov" in body, "captions and their credits are text"
    for generated in ("Quelldatei", "automatisch erkannt", "Angaben und Aussagen", "Zitate", "md-sidebar"):
        assert generated not in body, generated
    head = doc.split("<body>", 1)[0]
    for key, value in [("Akteur", "Kim Jong-un"), ("Akteur", "Wladimir Putin"), ("Ort", "Pjöngjang"),
                       ("Thema", "Sanktionen"), ("Quelle", "APA"), ("Quelle", "Interfax"),
                       ("Jahr", "2024")]:
        assert f'data-pagefind-filter="{key}[content]" content="{value}"' in head, (key, value)
    assert "Moskaus" not in head, "filters are names, never the mention forms of the text"
    assert 'data-pagefind-meta="datum[content]" content="19. Juni 2024"' in head


def test_stand_in_leaves_out_the_older_and_newer_headlines(built_site, seed_path):
    """An article without quotes, claims, notes or related articles has its line to the older
    and newer article before the generated sections: their headlines are not its text. (The
    seed page without the sections before that line is such a page.)"""
    rel = seed_path.strip("/") + "/index.html"
    page = (built_site / "site" / rel).read_text(encoding="utf-8")
    line = re.search(r'<p class="ag-prevnext">.*?</p>', page, re.DOTALL)
    first_section = page.find('<h2 class="ag-section"')
    assert line and 0 < first_section < line.start(), "the seed has sections before the line"
    page = page[:first_section] + page[line.start():]
    neighbours = [standins._text(label) for label in re.findall(r"<a\b[^>]*>(.*?)</a>", line.group(0))]
    assert neighbours
    body = standins.stand_in(page, rel, "articles", "de", standins.FILTER_NAMES["de"]).split("<body>", 1)[1]
    for title in neighbours:
        assert title not in body, title
    assert "bedingungslose Unterstützung" in body, "the article's own text stays"


def test_term_page_stand_in_is_name_and_description(built_site):
    rel = "actors/kim-jong-un/index.html"
    page = (built_site / "site" / rel).read_text(encoding="utf-8")
    doc = standins.stand_in(page, rel, "actors", "de", standins.FILTER_NAMES["de"])
    assert ">Kim Jong-un</h1>" in doc and "Machthaber" in doc
    assert "Gemeinsam genannt mit" not in doc and "articles/" not in doc, "no article lists"
    assert "data-pagefind-filter" not in doc, "filters narrow the results to articles"


def test_only_articles_and_terms_are_indexed(indexed):
    pages = standins.pages_to_index(indexed)
    kinds = {kind for _, kind in pages}
    assert kinds == {"articles", "actors", "places", "topics", "sources"}
    rels = {rel for rel, _ in pages}
    assert "index.html" not in rels and "about/index.html" not in rels
    assert not any(rel.startswith(("timeline/", "pagefind/", "assets/")) for rel in rels)
    assert "actors/index.html" not in rels, "overview pages are navigation"


def test_index_is_reproducible(sharded, tmp_path):
    """The whole bundle is byte-identical run to run: Pagefind 1.5.2 writes the word index and
    the fragments stably, and the filter files, whose values it writes in a per-process random
    order, are rewritten sorted (publish/stablefilters.py), so their names, the pf_meta's and the
    entry file's are stable too."""
    indexed, again = sharded, tmp_path / "site"
    shutil.copytree(indexed, again, ignore=shutil.ignore_patterns("pagefind"))
    index_site(again, shard_pages=1)

    def files(site: Path) -> dict[str, bytes]:
        return {p.relative_to(site).as_posix(): p.read_bytes()
                for p in sorted((site / "pagefind").rglob("*")) if p.is_file()}

    first, second = files(indexed), files(again)
    assert any("/filter/" in name for name in first) and any(name.endswith(".pf_meta") for name in first)
    assert first == second


def test_stand_ins_of_another_version_are_made_anew(built_site, tmp_path, monkeypatch):
    """The search pack keeps stand-ins by page hash; when what a stand-in holds changes
    (``STAND_INS_VERSION``), a rebuild with the old pack makes every stand-in anew and indexes
    them, not the cached ones of the old rules."""
    from archive_gen.output.cache import Store
    from archive_gen.publish import beside

    old_site, new_site = tmp_path / "old", tmp_path / "new"
    shutil.copytree(built_site / "site", old_site)
    shutil.copytree(built_site / "site", new_site)
    store = Store(tmp_path / "cache", "search")
    real = search.stand_in
    with monkeypatch.context() as old_rules:
        old_rules.setattr(beside, "STAND_INS_VERSION", "an older version")
        old_rules.setattr(search, "stand_in", lambda *args: (real(*args) or "").replace(
            "</main>", "<p>stand-in of the old rules</p></main>"))
        old = index_site(old_site, cache=store)
    tree = store.path.with_name(search.STAND_IN_TREE)
    assert any("stand-in of the old rules" in f.read_text(encoding="utf-8") for f in tree.rglob("*.html"))
    new = index_site(new_site, cache=Store(tmp_path / "cache", "search"), previous=(old.key, old_site))
    assert not any("stand-in of the old rules" in f.read_text(encoding="utf-8") for f in tree.rglob("*.html"))
    assert new.key != old.key and new.indexed == ("all",)


def test_rerun_replaces_the_bundle(indexed, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(indexed, site)
    stale = site / "pagefind" / "all" / "fragment" / "stale.pf_fragment"
    stale.write_bytes(b"old")
    stats = index_site(site)
    assert not stale.exists()
    assert stats.files == sum(1 for p in (site / "pagefind").rglob("*") if p.is_file())
    assert stats.bytes > 0 and stats.seconds > 0


def test_missing_binary_is_a_render_error(indexed, monkeypatch, tmp_path):
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "no-such-pagefind"))
    with pytest.raises(RenderError, match=r"pagefind binary was not found.*pip install 'pagefind\[bin\]'"):
        index_site(indexed)


def test_failing_binary_is_a_render_error(indexed, monkeypatch, tmp_path):
    fake = tmp_path / "pagefind"
    fake.write_text("#!/bin/sh\necho 'Error: something broke' >&2\nexit 3\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(fake))
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<html></html>")
    with pytest.raises(RenderError, match="exit code 3: Error: something broke"):
        index_site(site)


def test_no_site_is_a_render_error(tmp_path):
    with pytest.raises(RenderError, match="no rendered site"):
        index_site(tmp_path)


# ---------------------------------------------------------------------------- the browser


@pytest.fixture(scope="module", params=["", "/archive"], ids=["root", "subpath"])
def site_url(request, indexed):
    with serve_directory(indexed, request.param) as url:
        yield url


class Search:
    """The header search on one page: open it, type, read the results; records every
    Pagefind file the browser fetched and its size."""

    def __init__(self, page, site_url: str):
        self.page = page
        self.site_url = site_url
        self.fetched: dict[str, int] = {}
        self.outside: list[str] = []
        self.errors: list[str] = []
        page.on("requestfinished", self._finished)
        page.on("request", lambda r: self.outside.append(r.url)
                if not r.url.startswith(site_url + "/") and not r.url.startswith("data:") else None)
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))

    def _finished(self, request):
        if "/pagefind/" in request.url:
            try:
                self.fetched[request.url] = len(request.response().body())
            except Exception:  # noqa: BLE001 - the page closed meanwhile (end of a test)
                self.fetched.setdefault(request.url, 0)

    def open(self, path: str):
        self.page.goto(self.site_url + path, wait_until="load")
        assert self.fetched == {}, "nothing of the search is loaded before a reader opens it"
        self.page.locator(".ag-search__open").click()
        self.page.locator(".pagefind-ui__search-input").wait_for(state="visible")
        return self

    def count(self, text: str) -> int:
        """Type a query; the number of results Pagefind UI says it found."""
        box = self.page.locator(".pagefind-ui__search-input")
        box.fill("")
        box.press_sequentially(text, delay=15)
        self.page.wait_for_function(
            "t => { const m = document.querySelector('.pagefind-ui__message');"  # not "Suche nach …"
            " return m && m.textContent.includes(t) && /^(\\d+|Keine) /.test(m.textContent); }", arg=text)
        first = self.page.locator(".pagefind-ui__message").inner_text().split()[0]
        return 0 if first == "Keine" else int(first)

    def query(self, text: str) -> list[dict]:
        self.count(text)
        self.page.locator(".pagefind-ui__result").first.wait_for(state="visible")
        # Pagefind UI shows placeholders, then loads each result's fragment: wait for the first
        # five (the UI loads five at a time), read the loaded ones
        self.page.wait_for_function(
            "() => [...document.querySelectorAll('.pagefind-ui__result')].slice(0, 5)"
            ".every(r => r.querySelector('.pagefind-ui__result-link'))")
        return self.page.locator(".pagefind-ui__result").evaluate_all("""rs => rs
            .filter(r => r.querySelector('.pagefind-ui__result-link')).map(r => ({
            href: r.querySelector('.pagefind-ui__result-link').href,
            title: r.querySelector('.pagefind-ui__result-title').textContent.trim(),
            excerpt: r.querySelector('.pagefind-ui__result-excerpt').textContent.trim(),
            marks: r.querySelectorAll('.pagefind-ui__result-excerpt mark').length,
            tags: [...r.querySelectorAll('.pagefind-ui__result-tag')].map(t => t.textContent.trim()),
        }))""")


def _paths(results: list[dict], site_url: str) -> list[str]:
    for result in results:
        assert result["href"].startswith(site_url + "/"), f"{result['href']} is not under {site_url}/"
    return [result["href"][len(site_url):] for result in results]


@pytest.mark.browser
@pytest.mark.parametrize("query", ["Pjöngjang", "Putins", "Nordkorea", "Pjongjang"])
def test_german_queries_find_the_seed(page, site_url, seed_path, query):
    """Umlauts, inflection (Putins → Putin) and a spelling without the umlaut."""
    results = Search(page, site_url).open("/").query(query)
    paths = _paths(results, site_url)
    assert seed_path in paths[:5], f"{query!r}: {paths}"
    seed = results[paths.index(seed_path)]
    assert seed["title"] == "Kim sichert Putin Unterstützung zu", "the editors' headline (its sidecar)"
    assert seed["marks"] >= 1, f"the excerpt highlights the match: {seed['excerpt']!r}"
    assert "Datum: 19. Juni 2024" in seed["tags"]
    assert "automatisch erkannt" not in seed["excerpt"] and "Quelldatei" not in seed["excerpt"]
    response = page.goto(seed["href"])
    assert response is not None and response.ok, "a result is a real page"


@pytest.mark.browser
def test_kim_jong_un_ranks_pages_naming_him_first(page, site_url, seed_path):
    results = Search(page, site_url).open(seed_path).query("Kim Jong-un")
    paths = _paths(results, site_url)
    # his own page and the article naming him (its editors' headline names him only as "Kim")
    assert set(paths[:2]) == {seed_path, "/actors/kim-jong-un/"}, paths
    # every result names him (the query's words all match; "un" alone is not a hit)
    assert len(paths) == 2, paths


@pytest.mark.browser
def test_a_short_word_ranks_the_word_before_longer_words(page, site_url):
    """lunr listed 166 pages for "un", "Unterstützung" as good as "UN". Pagefind also matches
    the last word typed as a prefix (search as you type), but ranks the exact word first."""
    results = Search(page, site_url).open("/").query("un")
    assert len(results) >= 5
    for result in results[:5]:
        assert re.search(r"\bUN\b", result["title"] + " " + result["excerpt"]), result


@pytest.mark.browser
def test_filters_by_year_and_source(page, site_url, seed_path):
    """The filter names show with the results; their values (every filter file) load when a
    reader opens one, not with the first search."""
    search = Search(page, site_url).open("/")
    before = _paths(search.query("Putins"), site_url)
    assert len(before) > 1
    panel = page.locator(".pagefind-ui__filter-panel")
    for name in ("Akteur", "Thema", "Quelle", "Jahr", "Ort"):
        assert panel.locator(f".pagefind-ui__filter-name:text-is('{name}')").count() == 1, name
    page.wait_for_load_state("networkidle")
    assert not [url for url in search.fetched if url.endswith(".pf_filter")], "no filter values yet"
    assert panel.locator("label.pagefind-ui__filter-label").count() == 0
    panel.locator(".pagefind-ui__filter-name:text-is('Jahr')").click()
    panel.locator("label.pagefind-ui__filter-label", has_text="2024").wait_for(state="visible")
    assert [url for url in search.fetched if url.endswith(".pf_filter")], "opening a filter loads the values"
    panel.locator("label.pagefind-ui__filter-label", has_text="2024").click()  # "2024 (1)"
    page.wait_for_function("() => document.querySelectorAll('.pagefind-ui__result').length === 1")
    after = _paths(search.query("Putins"), site_url)
    assert after == [seed_path], after


@pytest.mark.browser
def test_first_search_downloads_little_and_nothing_from_outside(page, site_url, seed_path):
    search = Search(page, site_url).open(seed_path)
    search.query("Nordkorea")
    page.wait_for_load_state("networkidle")
    total = sum(search.fetched.values())
    index = sum(size for url, size in search.fetched.items() if url.rsplit(".", 1)[-1].startswith("pf_"))
    print(f"\nfirst search ({site_url}): {len(search.fetched)} Pagefind files, {total:,} bytes "
          f"({index:,} of them index, meta, filter and fragment files)")
    assert total <= FIRST_SEARCH_BUDGET, sorted(search.fetched.items())
    assert all(url.startswith(site_url + "/pagefind/") for url in search.fetched), search.fetched
    assert search.outside == [], search.outside
    assert search.errors == [], search.errors


@pytest.mark.browser
def test_typing_preloads_only_finished_words(page, site_url):
    """Pagefind UI preloads the query at every keystroke; the engine module it imports
    (assets/search/pagefind.js) passes on only the words followed by a space or more typing, so
    a word being typed does not fetch the index chunk of each of its prefixes ("b", "bu" …)."""
    page.goto(site_url + "/", wait_until="load")
    preloaded = page.evaluate("""async url => {
        const engine = await import(url);
        const seen = [];
        engine.use({preload: term => { seen.push(term); return Promise.resolve(); }}, []);
        for (const typed of ["N", "Nordk", "Kim ", "Kim Jo", "Bundeskanzler (De", "Bundeskanzler (Deutschland) ", " "])
            await engine.preload(typed, {filters: {}});
        return seen;
    }""", site_url + "/assets/search/pagefind.js")
    assert preloaded == ["Kim", "Kim", "Bundeskanzler", "Bundeskanzler (Deutschland)"], preloaded


@pytest.mark.browser
def test_keyboard_opens_and_closes_the_search(page, site_url):
    page.goto(site_url + "/", wait_until="load")
    dialog = page.locator("#ag-search-dialog")
    assert dialog.is_hidden()
    page.keyboard.press("/")
    page.locator(".pagefind-ui__search-input").wait_for(state="visible")
    page.wait_for_function("() => document.activeElement.classList.contains('pagefind-ui__search-input')")
    page.keyboard.press("Escape")
    assert dialog.is_hidden()
    assert page.locator(".ag-search__open").get_attribute("aria-expanded") == "false"


@pytest.mark.browser
def test_missing_index_says_so(page, built_site, tmp_path):
    """Without site/pagefind (e.g. before index_site ran) the dialog explains, nothing breaks."""
    site = tmp_path / "site"
    shutil.copytree(built_site / "site", site, ignore=shutil.ignore_patterns("pagefind"))
    with serve_directory(site, "") as url:
        page.goto(url + "/", wait_until="load")
        page.locator(".ag-search__open").click()
        status = page.locator(".ag-search__status")
        status.wait_for(state="visible")
        assert "Suchindex fehlt" in status.inner_text()


@pytest.mark.browser
def test_sharded_index_is_searched_as_one(page, sharded, seed_path):
    """The UI merges every shard: the seed (in its month's shard) is found with its headline,
    date and excerpt, term pages too; opening the year filter loads every shard's filter values,
    lists the years of all shards and narrows the results; only the site's own files are
    fetched."""
    with serve_directory(sharded, "/archive") as url:
        search = Search(page, url).open("/")
        results = search.query("Nordkorea")
        paths = _paths(results, url)
        assert seed_path in paths and any(p.startswith(("/actors/", "/places/")) for p in paths), paths
        seed = results[paths.index(seed_path)]
        assert seed["title"] == "Kim sichert Putin Unterstützung zu" and seed["marks"] >= 1
        assert "Datum: 19. Juni 2024" in seed["tags"]
        years = {p.split("/")[2] for p in paths if p.startswith("/articles/")}
        assert len(years) > 1, "results from more than one shard"
        page.wait_for_load_state("networkidle")
        assert not [u for u in search.fetched if u.endswith(".pf_filter")], "filter values load on demand"
        panel = page.locator(".pagefind-ui__filter-panel")
        panel.locator(".pagefind-ui__filter-name:text-is('Jahr')").click()
        panel.locator("details[open] label.pagefind-ui__filter-label").first.wait_for(state="visible")
        page.wait_for_load_state("networkidle")
        shards_with_filters = {u.split("/pagefind/")[1].split("/")[0] for u in search.fetched if u.endswith(".pf_filter")}
        assert shards_with_filters == {p.name for p in (sharded / "pagefind").iterdir() if p.is_dir()}
        labels = panel.locator("label.pagefind-ui__filter-label").all_inner_texts()
        assert {y for y in years if any(label.startswith(y) for label in labels)} == years, labels
        panel.locator("label.pagefind-ui__filter-label", has_text="2024").first.click()
        page.wait_for_function("n => document.querySelectorAll('.pagefind-ui__result').length < n",
                               arg=len(results))
        narrowed = _paths(search.query("Nordkorea"), url)
        assert narrowed and all(p.startswith("/articles/2024/") for p in narrowed), narrowed
        assert all(u.startswith(url + "/pagefind/") for u in search.fetched), search.fetched


def _holding(site: Path, stem: str) -> set[str]:
    """The indexed pages (their fragments, every shard) with a word that starts with ``stem``
    (lower case, no diacritics): what Pagefind finds for a query word of that stem."""
    import unicodedata

    def plain(text: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))

    word = re.compile(r"(?<!\w)" + re.escape(stem))
    return {record["url"] for shard in sorted((site / "pagefind").iterdir()) if shard.is_dir()
            for record in _fragments(shard) if word.search(plain(record["content"]))}


@pytest.mark.browser
@pytest.mark.parametrize("query, stem", [("Pjöngjang", "pjongjang"), ("Putins", "putin"),
                                         ("Nordkorea", "nordkorea")])
def test_a_sharded_search_lists_only_pages_holding_the_word(page, sharded, query, stem):
    """A shard without a page holding the query word lists nothing for it (the sample's
    one-month shards lack these words mostly): Pagefind alone lists such a shard's pages with
    the longest word that begins the query word (Nordkorea: "Nord"). An inflected form (Putins)
    still finds the pages with its stem (Putin)."""
    holding = _holding(sharded, stem)
    shards = [p for p in (sharded / "pagefind").iterdir() if p.is_dir()]
    lacking = [s for s in shards if not any(r["url"] in holding for r in _fragments(s))]
    assert holding and lacking, "the word is in some shards and not in others"
    with serve_directory(sharded, "") as url:
        search = Search(page, url)
        search.open("/")
        found = search.count(query)
        listed = _paths(search.query(query), url)
        assert found == len(holding), (found, sorted(holding))
        assert set(listed) <= holding, sorted(set(listed) - holding)
        assert search.errors == [], search.errors


@pytest.mark.browser
@pytest.mark.parametrize("fixture", ["indexed", "sharded"])
def test_a_word_in_no_page_finds_nothing(page, request, fixture):
    """Not the pages of the longest word that begins it (Pagefind alone: "Putinverehrer" lists
    the pages naming Putin): no results, with one index or many."""
    site = request.getfixturevalue(fixture)
    assert not _holding(site, "putinverehrer") and _holding(site, "putin")
    with serve_directory(site, "") as url:
        search = Search(page, url)
        search.open("/")
        assert search.count("Putinverehrer") == 0
        assert search.count("Nordkoreas") > 0, "a search afterwards finds again"
        assert search.errors == [], search.errors
