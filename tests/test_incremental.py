"""Incremental builds: after every kind of change, ``build_site`` on a project with a cache and
a previous site gives the same bytes in docs/ and site/ as a clean build of the same content,
and it does only the work the change needs."""

from __future__ import annotations

import os
import posixpath
import re
import shutil
import time
from collections import Counter
from pathlib import Path

import pytest

from archive_gen.config import Config
from archive_gen.errors import Diagnostics
from archive_gen import forking, parallel
from archive_gen.dataset import TABLES
from archive_gen.dataset import publish as data_publish
from archive_gen.output import cache
from archive_gen.pipeline import Unchanged, build_site
from archive_gen.publish import reuse, shards
from archive_gen.render.i18n import labels

from conftest import copy_project

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def build(root: Path, messages: list[str] | None = None):
    diags = Diagnostics()
    result = build_site(Config.load(root / "mkdocs.yml", quiet=True), diags,
                        (messages.append if messages is not None else lambda _: None), jobs=1)
    return result, diags


def assert_same_as_clean(root: Path, scratch: Path) -> None:
    """A fresh copy of ``root``'s inputs (no cache, no docs/, no site/) builds to the same bytes."""
    clean = scratch / f"clean-{len(list(scratch.iterdir()))}"
    clean.mkdir()
    for name in ("mkdocs.yml", "overrides", "content"):
        source = root / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, clean / name)
    _, clean_diags = build(clean)
    for part in ("docs", "site"):
        here, there = tree(root / part), tree(clean / part)
        assert sorted(here) == sorted(there), f"{part}/ lists other files than a clean build"
        differing = [rel for rel in here if here[rel] != there[rel]]
        assert differing == [], f"{part}/ differs from a clean build in {differing[:5]}"


@pytest.fixture
def built(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = copy_project(tmp_path / "archive")
    (tmp_path / "scratch").mkdir()
    build(root)
    return root, tmp_path / "scratch"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def articles(root: Path) -> list[Path]:
    return sorted((root / "content" / "articles").rglob("*.md"))


def add_article(root: Path, label: str = "Neu") -> Path:
    """A new article: the first one copied under a new name, its title marked with ``label``."""
    first = articles(root)[0]
    added = first.with_name(f"zz-{label.lower()}-{first.name}")
    added.write_text(first.read_text(encoding="utf-8").replace("title: ", f"title: {label} – ", 1), encoding="utf-8")
    return added


def test_nothing_changed_returns_at_once_and_reports_again(built):
    root, _ = built
    before = tree(root / "site")
    article = articles(root)[0]
    edit(article, "\n---\n", "\n---\n\nNeuer erster Absatz.\n")  # one diagnostic-free edit
    # saved a moment ago, not within the build's own clock tick: a file modified in that tick is
    # racily clean (test_racy_clean.py) and read again by the next build, which is then not "unchanged"
    settled = time.time_ns() - 10**9
    os.utime(article, ns=(settled, settled))
    first, _ = build(root)
    second, diags = build(root)
    assert isinstance(second.archive, Unchanged) and second.rendered == 0
    assert len(second.archive.articles) == len(first.archive.articles)
    assert tree(root / "site") != before


def test_article_added_edited_removed(built):
    root, scratch = built
    added = add_article(root)
    messages: list[str] = []
    result, _ = build(root, messages)
    assert any("annotating 1 of" in m for m in messages), messages
    assert 0 < result.rendered < 60, "a new article re-renders its page and the pages that list it, not all"
    assert_same_as_clean(root, scratch)

    edit(articles(root)[1], "\n---\n", "\n---\n\nEin neuer Absatz am Anfang.\n")
    build(root)
    assert_same_as_clean(root, scratch)

    added.unlink()
    build(root)
    assert_same_as_clean(root, scratch)


def test_given_names_come_from_the_pack_once_parsed(built, monkeypatch):
    """The candidate finder's given names are parsed once and then read from the annotation
    pack; a new article annotated with them gives the clean build's bytes."""
    from archive_gen.annotate import candidates
    from archive_gen.parallel import GIVEN_NAMES

    root, scratch = built
    entry = cache.Store(root / cache.CACHE_DIR, "annotate").get(GIVEN_NAMES)
    assert entry is not None and entry[1] == candidates.load_first_names() and len(entry[1]) > 1000
    add_article(root, "Namen")
    with monkeypatch.context() as patched:
        patched.setattr(candidates, "_LOADED", {})
        patched.setattr(candidates, "load_first_names", lambda: pytest.fail("parsed again"))
        messages: list[str] = []
        build(root, messages)
        assert any("annotating 1 of" in m for m in messages), messages
    assert_same_as_clean(root, scratch)


def test_a_sidecar_edit_is_a_change_of_its_wire_article(built):
    """x.yml beside x.txt is the article's front matter: editing it re-annotates the article."""
    root, scratch = built
    sidecar = next((root / "content" / "articles").rglob("*.yml"))
    edit(sidecar, "title: ", "title: Neu – ")
    messages: list[str] = []
    build(root, messages)
    assert any("annotating 1 of" in m for m in messages), messages
    page = next((root / "docs" / "articles").rglob(sidecar.with_suffix(".md").name))
    assert "\ntitle: Neu – " in page.read_text(encoding="utf-8")
    assert_same_as_clean(root, scratch)


def test_registry_added_renamed_described_removed(built):
    root, scratch = built
    actors = root / "content" / "actors"
    (actors / "zz-testperson.md").write_text("---\nname: Ban Ki-moon Testperson\nkind: person\n---\nNeu.\n",
                                             encoding="utf-8")
    build(root)
    assert_same_as_clean(root, scratch)

    edit(actors / "angela-merkel.md", "name: Angela Merkel", "name: Angela D. Merkel")
    build(root)
    assert_same_as_clean(root, scratch)

    messages: list[str] = []
    edit(actors / "angela-merkel.md", "Deutsche Politikerin", "Deutsche Physikerin und Politikerin")
    result, _ = build(root, messages)
    assert not any(m.startswith("annotating") for m in messages), "a description is not annotation input"
    assert 0 < result.rendered <= 3, "only the pages that show the description are rendered"
    assert_same_as_clean(root, scratch)

    (actors / "angela-merkel.md").unlink()
    build(root)
    assert_same_as_clean(root, scratch)


def test_registry_is_parsed_again_only_when_one_of_its_files_changed(built, monkeypatch):
    """A build whose registry files kept their stats takes the registry (and what loading it
    reported) from the cache; a changed file means a parse, and the site of a clean build."""
    from archive_gen import pipeline

    root, scratch = built
    actors = root / "content" / "actors"
    (actors / "zz-kaputt.md").write_text("---\nkind: person\n---\nOhne Namen.\n", encoding="utf-8")
    edit(articles(root)[0], "\n---\n", "\n---\n\nEin Absatz.\n")
    parsed: list[int] = []
    original = pipeline.load_registry
    monkeypatch.setattr(pipeline, "load_registry", lambda *a, **k: parsed.append(1) or original(*a, **k))
    time.sleep(1.1)  # the files' stats settled (not racily clean)
    _, first = build(root)
    told = sorted(str(d) for d in first if "zz-kaputt" in str(d))
    assert parsed == [1] and told, "control: the broken entry is reported"
    edit(articles(root)[0], "Ein Absatz.", "Ein anderer Absatz.")
    _, second = build(root)
    assert parsed == [1], "unchanged registry files: not parsed again"
    assert sorted(str(d) for d in second if "zz-kaputt" in str(d)) == told, "its diagnostics told again"
    edit(actors / "zz-kaputt.md", "kind: person", "name: Kaputt Testperson\nkind: person")
    build(root)
    assert parsed == [1, 1]
    assert_same_as_clean(root, scratch)


def test_config_and_code_version_changes(built, monkeypatch, tmp_path):
    root, scratch = built
    edit(root / "mkdocs.yml", "site_name: Nachrichtenarchiv", "site_name: Archiv der Nachrichten")
    result, _ = build(root)
    assert result.rendered > 300, "a new site name is on every page"
    assert_same_as_clean(root, scratch)

    package = tmp_path / "package"
    shutil.copytree(Path(cache.__file__).parents[1], package, ignore=shutil.ignore_patterns("__pycache__"))
    (package / "VERSION-BUMP").write_text("another archive-gen\n", encoding="utf-8")
    monkeypatch.setattr(cache, "_PACKAGE", package)
    cache.code_version.cache_clear()
    try:
        messages: list[str] = []
        result, _ = build(root, messages)
        assert any("0 unchanged" in m for m in messages if m.startswith("annotating")), messages
        assert result.rendered > 300
        assert_same_as_clean(root, scratch)
    finally:
        cache.code_version.cache_clear()


def test_event_added_edited_and_an_article_joining_it(built):
    """An event file shows on its page, the events index, and on the pages of the terms and
    months its reports name, and on its reports' pages: all must follow an edit."""
    root, scratch = built
    events = root / "content" / "events"
    events.mkdir(exist_ok=True)
    (events / "zz-test-ereignis.md").write_text(
        "---\ntitle: Testereignis\ndate: 2011-09\nplace: kiew\n---\nNeu.\n", encoding="utf-8")
    report = next(p for p in articles(root) if "\nevent:" not in p.read_text(encoding="utf-8"))
    edit(report, "\n---\n", "\nevent: zz-test-ereignis\n---\n")
    build(root)
    assert "Testereignis" in (root / "docs" / "events" / "index.md").read_text(encoding="utf-8")
    assert_same_as_clean(root, scratch)

    edit(events / "zz-test-ereignis.md", "title: Testereignis", "title: Umbenanntes Testereignis")
    messages: list[str] = []
    result, _ = build(root, messages)
    assert not any(m.startswith("annotating") for m in messages), "an event file is not annotation input"
    assert result.rendered > 0
    assert_same_as_clean(root, scratch)

    edit(events / "zz-test-ereignis.md", "place: kiew", "place: genf")  # in its report's event rows (data/)
    build(root)
    assert '"place":"genf"' in (root / "docs" / "data" / "events.jsonl").read_text(encoding="utf-8")
    assert_same_as_clean(root, scratch)

    (events / "zz-test-ereignis.md").unlink()
    build(root)
    assert_same_as_clean(root, scratch)


def spoil(path: Path, damage: str) -> None:
    """A cache file ``truncated``, with a ``flipped byte``, of an ``other version``, or ``removed``."""
    if damage == "removed":
        path.unlink()
        return
    data = bytearray(path.read_bytes())
    if damage == "truncated":
        data = data[: len(data) // 2]
    elif damage == "flipped byte":
        data[-7] ^= 0xFF
    else:
        data = data.replace(b"archive-gen-cache 1 ", b"archive-gen-cache 9 ", 1)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", ["truncated", "flipped byte", "other version"])
def test_corrupt_truncated_or_foreign_cache_is_rebuilt_not_trusted(built, damage):
    root, scratch = built
    folder = root / cache.CACHE_DIR
    edit(articles(root)[0], "\n---\n", "\n---\n\nEin Absatz.\n")  # so the fast path cannot answer
    for name in ("annotate.pack", "pages.pack", "pages.texts", "staged.pack", "search.pack", "search-site.pack", "data.pack", "render.pack",
                 cache.MANIFEST):
        spoil(folder / name, damage)
    messages: list[str] = []
    result, _ = build(root, messages)
    assert any("(0 unchanged)" in m for m in messages), messages
    assert result.rendered > 300, "without a manifest every page is rendered"
    assert_same_as_clean(root, scratch)


def shard_inodes(bundle: Path) -> dict[str, dict[str, int]]:
    """Per shard of the search index (site/pagefind/<shard>/), the inode of each file."""
    return {shard.name: {p.relative_to(shard).as_posix(): p.stat().st_ino for p in shard.rglob("*") if p.is_file()}
            for shard in sorted(bundle.iterdir()) if shard.is_dir()}


def shard_of(article: Path) -> str:
    """Its month (``yyyy-mm``): the shard of its page when every month is a shard of its own."""
    return next(line.split(":", 1)[1].strip().strip("'\"")[:7] for line in article.read_text(encoding="utf-8").splitlines()
                if line.startswith("date:"))


def sharded(root: Path, monkeypatch) -> None:
    """The sample archive is below shards.SHARD_PAGES pages: one shard per month, and rebuild."""
    monkeypatch.setattr(shards, "SHARD_PAGES", 1)
    edit(articles(root)[-1], "\n---\n", "\n---\n\nSharding.\n")
    build(root)


def test_search_index_is_reused_only_when_pagefind_would_get_the_same_input(built, monkeypatch):
    """A new site name changes every page's HTML but not what is indexed: the previous
    Pagefind bundles are linked, not rebuilt. A new paragraph is indexed: a new bundle for the
    article's shard, the other shards linked."""
    root, scratch = built
    bundle = root / "site" / "pagefind"
    sharded(root, monkeypatch)
    before = shard_inodes(bundle)
    assert len(before) > 2, before.keys()
    edit(root / "mkdocs.yml", "site_name: Nachrichtenarchiv", "site_name: Archiv der Nachrichten")
    result, _ = build(root)
    assert result.rendered > 300 and shard_inodes(bundle) == before, "the same stand-ins: the same bundle files"
    assert_same_as_clean(root, scratch)

    article = articles(root)[0]
    edit(article, "\n---\n", "\n---\n\nEin Absatz mit dem Wort Suchprobe.\n")
    build(root)
    after = shard_inodes(bundle)
    changed = {name for name in after if not set(after[name].values()) & set(before[name].values())}
    assert changed == {shard_of(article)}, "Pagefind indexed the article's shard only"
    assert all(after[name] == before[name] for name in after if name not in changed)
    assert_same_as_clean(root, scratch)


def test_new_article_reindexes_only_its_shard(built, monkeypatch):
    """One new article: Pagefind indexes its shard again, every other shard is the
    previous build's files, and the site equals a clean build's."""
    root, scratch = built
    bundle = root / "site" / "pagefind"
    sharded(root, monkeypatch)
    before = shard_inodes(bundle)
    added = add_article(root)
    build(root)
    after = shard_inodes(bundle)
    year = shard_of(added)
    assert after.keys() == before.keys() and year in after
    assert not set(after[year].values()) & set(before[year].values()), "its shard was indexed again"
    assert {name for name in after if after[name] != before[name]} == {year}
    assert_same_as_clean(root, scratch)


def test_changed_pages_are_rendered_before_mkdocs_writes_its_theme_templates(built, monkeypatch):
    """One new article: the pages to render are written at MkDocs' first page read, before
    MkDocs makes the other pages, copies the theme's files and writes the sitemap and 404 page
    (their search shard's Pagefind starts that much sooner); the site equals a clean build's."""
    from mkdocs.commands import build as mkdocs_build
    from archive_gen.publish import beside

    root, scratch = built
    events: list[str] = []
    theme, took = mkdocs_build._build_theme_template, beside.Beside.took
    monkeypatch.setattr(mkdocs_build, "_build_theme_template",
                        lambda *args, **kwargs: (events.append("theme"), theme(*args, **kwargs))[1])
    monkeypatch.setattr(beside.Beside, "took", lambda self, record: (events.append(record[0]), took(self, record))[1])
    add_article(root)
    result, _ = build(root)
    written = [event for event in events if event != "theme"]
    assert 0 < result.rendered < 50 and any(rel.startswith("articles/") for rel in written)
    assert "theme" in events and events.index("theme") > max(events.index(rel) for rel in written)
    assert_same_as_clean(root, scratch)


def test_new_articles_shard_is_indexed_before_mkdocs_makes_its_navigation(built, monkeypatch):
    """One new article: the stand-ins of the pages to render are made from their Markdown, so
    their shard's Pagefind starts at MkDocs' file list, before its navigation and the first page
    read; the site equals a clean build's."""
    from mkdocs.commands import build as mkdocs_build
    from archive_gen.publish import pagefindruns

    root, scratch = built
    events: list[str] = []
    navigation, start = mkdocs_build.get_navigation, pagefindruns.Runs.start
    monkeypatch.setattr(mkdocs_build, "get_navigation", lambda *a: (events.append("nav"), navigation(*a))[1])
    monkeypatch.setattr(pagefindruns.Runs, "start", lambda self, *a: (events.append("pagefind"), start(self, *a))[1])
    add_article(root)
    build(root)
    assert events[:2] == ["pagefind", "nav"], events
    assert_same_as_clean(root, scratch)


def urls_in(shard: Path) -> set[str]:
    """The page URLs a shard of the search index holds (its fragments)."""
    import gzip
    import json

    found = set()
    for path in (shard / "fragment").iterdir():
        data = gzip.decompress(path.read_bytes())
        found.add(json.loads(data[data.index(b"{"):])["url"])
    return found


def test_new_article_in_the_newest_months_reindexes_the_recent_shard_only(built, monkeypatch):
    """With the newest months in a small shard of their own (shards.RECENT_PAGES), a new article
    of the newest month re-runs Pagefind on that shard only, which also holds the term pages: the
    older shard's files are the previous build's, the new article is found in the recent shard,
    the older articles still in theirs, and the site equals a clean build's."""
    from archive_gen.publish import pagefindruns

    root, scratch = built
    bundle = root / "site" / "pagefind"
    months = Counter(page.parent.parent.relative_to(root / "site" / "articles").as_posix().replace("/", "-")
                     for page in (root / "site" / "articles").glob("*/*/*/index.html"))
    newest_month = max(months)
    # the smallest recent shard that one more page of the newest month leaves as it is (a month
    # leaving it would re-index the shard it joins too)
    recent_pages = next(pages for pages in range(1, sum(months.values()))
                        if shards.shard_plan(months, shards.SHARD_PAGES, pages)
                        == shards.shard_plan(months + Counter([newest_month]), shards.SHARD_PAGES, pages)
                        != shards.shard_plan(months, shards.SHARD_PAGES))
    monkeypatch.setattr(shards, "RECENT_PAGES", recent_pages)
    edit(articles(root)[-1], "\n---\n", "\n---\n\nSharding.\n")
    build(root)
    before = shard_inodes(bundle)
    assert len(before) == 2, before.keys()
    older, recent = sorted(before)
    found_before = urls_in(bundle / recent), urls_in(bundle / older)
    assert {url.split("/")[1] for url in found_before[0]} >= {"articles", "actors"}, "term pages in the recent shard"
    assert {url.split("/")[1] for url in found_before[1]} == {"articles"}
    added = articles(root)[-1].with_name("zz-neu-wetterbericht.md")  # no term of another article
    added.write_text(f"---\ntitle: 'Wetterbericht: Sonne und leichter Wind'\ndate: {newest_month}-28\nlanguage: de\n"
                     "---\nAm Nachmittag scheint die Sonne, der Wind weht nur leicht aus Westen.\n", encoding="utf-8")
    assert shard_of(added) == newest_month
    runs: list[str] = []
    start = pagefindruns.Runs.start
    monkeypatch.setattr(pagefindruns.Runs, "start", lambda self, tree, bundle: (runs.append(bundle.name),
                                                                                 start(self, tree, bundle))[1])
    _, diags = build(root)
    assert not diags.errors
    after = shard_inodes(bundle)
    assert runs == [recent], "Pagefind ran on the recent shard only"
    assert after[older] == before[older] and not set(after[recent].values()) & set(before[recent].values())
    new = urls_in(bundle / recent) - found_before[0]
    month = newest_month.replace("-", "/")
    assert len(new) == 1 and next(iter(new)).startswith(f"/articles/{month}/"), new
    assert found_before[0] < urls_in(bundle / recent) and urls_in(bundle / older) == found_before[1]
    assert_same_as_clean(root, scratch)


def test_a_shard_started_on_a_wrong_stand_in_from_markdown_is_indexed_again(built, monkeypatch):
    """Should a stand-in made from the Markdown differ from the written page's, the shard started
    on it is indexed again from the page's: the same site as a clean build's."""
    from archive_gen.publish import beside, pagefindruns

    root, scratch = built
    made, start = beside.stand_in_of_content, pagefindruns.Runs.start
    runs: list[str] = []
    monkeypatch.setattr(beside, "stand_in_of_content",
                        lambda *a: (made(*a) or "").replace("</main>", "<p>Falsch</p></main>") or None)
    monkeypatch.setattr(pagefindruns.Runs, "start", lambda self, tree, bundle: (runs.append(bundle.name),
                                                                                 start(self, tree, bundle))[1])
    add_article(root)
    build(root)
    assert len(runs) == 2 and runs[0] == runs[1], runs
    assert_same_as_clean(root, scratch)


def test_stand_in_tree_without_its_state_is_rebuilt_not_trusted(built):
    """A killed run can leave the cached stand-in tree (what Pagefind reads) half written; its
    state pack then says "unknown". Without a state, a stray file in the tree is not indexed."""
    root, scratch = built
    folder = root / cache.CACHE_DIR
    stray = folder / "search-site" / "articles" / "1999" / "01" / "stray" / "index.html"
    stray.parent.mkdir(parents=True)
    stray.write_text('<html lang="de"><body><main data-pagefind-body><h1>Streuner</h1></main></body></html>',
                     encoding="utf-8")
    (folder / "search-site.pack").unlink()
    edit(articles(root)[0], "\n---\n", "\n---\n\nEin Absatz.\n")
    build(root)
    assert not stray.exists()
    assert_same_as_clean(root, scratch)


def test_cache_is_safe_to_delete(built):
    root, scratch = built
    shutil.rmtree(root / cache.CACHE_DIR)
    edit(articles(root)[0], "\n---\n", "\n---\n\nEin Absatz.\n")
    build(root)
    assert_same_as_clean(root, scratch)


def test_reused_pages_share_no_inode_that_a_render_overwrote(built):
    """Unchanged pages are the old files (hard links); changed pages are new files, so the old
    site/ was never written into and stayed complete until the swap."""
    root, _ = built
    before = {p.stat().st_ino: p.read_bytes() for p in (root / "site").rglob("*.html")}
    edit(articles(root)[0], "\n---\n", "\n---\n\nEin Absatz.\n")
    result, _ = build(root)
    after = {p.stat().st_ino: p.read_bytes() for p in (root / "site").rglob("*.html")}
    shared = set(before) & set(after)
    assert len(shared) > len(after) // 2, "unchanged pages are reused"
    assert all(after[ino] == before[ino] for ino in shared)
    assert len(after) - len(shared) <= result.rendered + 1  # the changed page, and 404.html (always written)


def test_cached_pages_yield_what_render_pages_yields(project, tmp_path):
    """pagecache mirrors render_pages page for page, cold and warm: if the renderer's order or
    its set of pages changes, this test says pagecache must follow."""
    from archive_gen.index import build_archive
    from archive_gen.output import PageStore
    from archive_gen.pagecache import cached_pages
    from archive_gen.pipeline import collect
    from archive_gen.render import Settings, render_pages

    config = Config.load(project / "mkdocs.yml", quiet=True)
    keys: dict[str, str] = {}
    registry, found = collect(config, Diagnostics(), jobs=1, used_keys=keys)
    archive = build_archive(found, registry)
    settings = Settings(language=config.language, page_size=3)
    expected = list(render_pages(archive, settings))
    store = PageStore(tmp_path / "cache")
    assert texts(cached_pages(archive, settings, store, keys)) == expected
    assert store.hits == 0
    store.save()
    store = PageStore(tmp_path / "cache")
    assert texts(cached_pages(archive, settings, store, keys)) == expected
    assert store.hits > len(archive.articles)


def texts(pages) -> list[tuple[str, str]]:
    """Pages as (path, text): a page cache's stored page read."""
    return [(path, page if isinstance(page, str) else page.text()) for path, page in pages]


@pytest.mark.parametrize("nav_hook", [False, True], ids=["fork before reading", "nav hook: fork after"])
def test_render_shared_out_to_forked_processes_gives_the_same_site(tmp_path, monkeypatch, nav_hook):
    """Two processes render a full build, and an incremental one; a clean single-process build
    gives the same bytes. The children are forked before MkDocs reads the pages unless a plugin
    changes the navigation (a child could not make it itself): then after the parent's share."""
    from archive_gen.publish import reuse

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.setattr(reuse, "FORK_MIN", 10)
    monkeypatch.setattr(forking, "RENDER_PARALLEL_MIN", 10)  # page Markdown rendered in workers too
    monkeypatch.setattr(forking, "other_threads", lambda: False)  # whatever threads the test runner has
    early = []
    fork_early = reuse._fork_early
    monkeypatch.setattr(reuse, "_fork_early", lambda plan, *args: early.append(1) or fork_early(plan, *args))
    root = copy_project(tmp_path / "archive")
    if nav_hook:
        hook = tmp_path / "hooks.py"
        hook.write_text("def on_nav(nav, config, files):\n    return nav\n", encoding="utf-8")
        (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text(encoding="utf-8") + f"\nhooks: ['{hook}']\n",
                                         encoding="utf-8")
    (tmp_path / "scratch").mkdir()
    config = Config.load(root / "mkdocs.yml", quiet=True)
    result = build_site(config, Diagnostics(), jobs=3)
    assert result.rendered > 300
    assert early == ([] if nav_hook else [1])
    edit(articles(root)[0], "\n---\n", "\n---\n\nEin Absatz.\n")
    for path in articles(root)[1:40]:
        edit(path, "\n---\n", "\n---\n\nNoch ein Absatz.\n")
    build_site(config, Diagnostics(), jobs=2)
    assert_same_as_clean(root, tmp_path / "scratch")


@pytest.mark.parametrize("damage", ["data file edited", "data file removed", "record garbled", "record removed"])
def test_published_data_files_live_in_docs_not_in_the_page_cache(built, damage):
    """The data files (data/*.jsonl|csv) are not kept in the page cache (its index is loaded whole on
    every build); the previous docs/data/ files are reused only while their record in the cache
    folder matches both the content key and the files as they are on disk."""
    root, scratch = built
    folder, data = root / cache.CACHE_DIR, root / "docs" / "data"
    pack = (folder / "pages.pack").read_bytes() + (folder / "pages.texts").read_bytes()  # the texts: UTF-8
    page = next((root / "docs" / "articles").rglob("*.md")).read_bytes()
    assert page[-300:] in pack, "control: the article pages are cached"
    rows = [(data / name).read_bytes().splitlines()[1] for name in ("articles.jsonl", "mentions.csv")]
    assert all(len(row) > 40 and row not in pack for row in rows), "no data file in the page cache"
    edit(articles(root)[0], "\n---\n", "\n---\n\nEin Absatz.\n")  # so the fast path cannot answer
    build(root)
    if damage == "data file edited":
        (data / "articles.jsonl").write_text('{"slug":"erfunden"}\n', encoding="utf-8")
    elif damage == "data file removed":
        (data / "mentions.csv").unlink()
    elif damage == "record garbled":
        (folder / "data.pack").write_bytes((folder / "data.pack").read_bytes()[:-9])
    else:
        (folder / "data.pack").unlink()
    edit(articles(root)[0], "Ein Absatz.", "Ein anderer Absatz.")  # changes only the article's own text
    build(root)
    assert_same_as_clean(root, scratch)


def test_data_rows_of_unchanged_articles_are_copied_not_encoded_again(built, monkeypatch, tmp_path):
    """A new, edited or removed article costs the encoding of its own rows in the data files
    (sentences, JSON, CSV), not of every article's: the others' rows are copied from the previous
    files, and the files are still a clean build's bytes. (The data files are written by a forked
    process: the calls are counted in a file.)"""
    root, scratch = built
    calls = tmp_path / "encoded"
    real = data_publish.encoded_rows

    def counting(table, rows, formats=("json", "csv")):
        with calls.open("a", encoding="utf-8") as log:
            log.write(table.name + "\n")
        return real(table, rows, formats)

    monkeypatch.setattr(data_publish, "encoded_rows", counting)
    per_article = sorted(t.name for t in TABLES if t.each is not None)
    assert {"articles", "mentions", "quotes", "claims", "events"} <= set(per_article)
    for change in ("added", "edited", "removed"):
        if change == "added":
            added = add_article(root)
        elif change == "edited":
            edit(added, "title: Neu – ", "title: Neuer – ")
        else:
            added.unlink()
        calls.write_text("", encoding="utf-8")
        build(root)
        encoded = Counter(calls.read_text(encoding="utf-8").split())
        assert [encoded[name] for name in per_article] == [0 if change == "removed" else 1] * len(per_article), \
            (change, encoded)
        assert_same_as_clean(root, scratch)


def test_render_keys_kept_between_builds_are_the_keys_computed_afresh(tmp_path, monkeypatch):
    """PageKeys keeps each page's links and key: a page is scanned only when its bytes changed,
    and its kept key is used only while the pages it links to neither appeared nor vanished."""
    scanned: list[bytes] = []
    real = reuse._LINK

    class Counting:
        def findall(self, data):
            scanned.append(data)
            return real.findall(data)

    monkeypatch.setattr(reuse, "_LINK", Counting())
    builds = [
        {"a.md": b"[b](b.md) [c](sub/c.md)", "b.md": b"B", "d.md": b"[a](a.md#x)", "e.md": b"[b](b.md)"},
        {"a.md": b"[b](b.md) [c](sub/c.md)", "sub/c.md": b"[up](../a.md)", "d.md": b"[a](a.md#x)", "e.md": b"[b](b.md)"},
        {"a.md": b"[b](b.md) [c](sub/c.md)!", "sub/c.md": b"[up](../a.md)", "d.md": b"[a](a.md#x)", "e.md": b"[b](b.md)"},
    ]
    before: dict[str, str] = {}
    for number, pages in enumerate(builds):
        kept, fresh = reuse.PageKeys(cache.Store(tmp_path, "render")), reuse.PageKeys()
        scanned.clear()
        for rel, data in pages.items():
            kept(rel, data)
        kept_scans, scanned[:] = list(scanned), []
        for rel, data in pages.items():
            fresh(rel, data)
        assert kept.keys() == fresh.keys(), number
        kept.save()
        if number == 1:  # b.md went, sub/c.md came: a.md and e.md link to them; d.md only to a.md
            assert kept_scans == [b"[up](../a.md)"], "only the new page is scanned"
            assert kept.keys()["a.md"] != before["a.md"] and kept.keys()["e.md"] != before["e.md"]
            assert kept.keys()["d.md"] == before["d.md"]
        if number == 2:
            assert kept_scans == [b"[b](b.md) [c](sub/c.md)!"], "only the changed page is scanned"
        before = kept.keys()
    (tmp_path / "render.pack").write_bytes(b"not a pack")
    damaged = reuse.PageKeys(cache.Store(tmp_path, "render"))
    scanned.clear()
    for rel, data in builds[-1].items():
        damaged(rel, data)
    assert damaged.keys() == before and len(scanned) == len(builds[-1]), "a damaged pack: every page scanned"


@pytest.mark.parametrize("damage", ["none", "journal garbled", "pack rewritten by another run"])
def test_a_pack_that_changed_little_is_journaled_and_the_journal_binds_only_to_its_pack(tmp_path, damage):
    """Saving a few changed entries of many writes a journal beside the pack, not the pack; a
    reload sees both. A journal that is damaged, or whose pack was replaced, is ignored (every
    entry is a value for its key: an older one costs time, never a wrong value)."""
    store = cache.Store(tmp_path, "t")
    for n in range(100):
        store.put(f"k{n}", [n])
    store.save()
    pack = (tmp_path / "t.pack").read_bytes()
    store = cache.Store(tmp_path, "t")
    store.put("k1", ["one"])
    store.put("new", ["new"])
    store.save([k for k in (f"k{n}" for n in range(100)) if k != "k2"] + ["new"])
    assert (tmp_path / "t.pack").read_bytes() == pack, "the pack is not rewritten for three changes"
    assert (tmp_path / "t.journal").is_file()
    if damage == "journal garbled":
        journal = bytearray((tmp_path / "t.journal").read_bytes())
        journal[-5] ^= 0xFF
        (tmp_path / "t.journal").write_bytes(bytes(journal))
    elif damage == "pack rewritten by another run":
        other = cache.Store(tmp_path / "elsewhere", "t")
        other.put("k1", ["other"])
        other.save()
        (tmp_path / "elsewhere" / "t.pack").replace(tmp_path / "t.pack")
    again = cache.Store(tmp_path, "t")
    if damage == "none":
        assert (again.get("k1"), again.get("k2"), again.get("new"), again.get("k3")) == (["one"], None, ["new"], [3])
    elif damage == "journal garbled":
        assert (again.get("k1"), again.get("k2"), again.get("new")) == ([1], [2], None)
    else:
        assert (again.get("k1"), again.get("k3"), again.get("new")) == (["other"], None, None)
    for n in range(20):  # many changes: the pack is written whole and the journal goes
        again.put(f"more{n}", [n])
    again.save()
    assert not (tmp_path / "t.journal").exists()
    assert cache.Store(tmp_path, "t").get("more19") == [19]


def _generated(root: Path, config: Config) -> dict[str, bytes]:
    from archive_gen.pipeline import generate
    generate(config, Diagnostics(), jobs=1)
    return tree(root / "docs")


def test_preview_session_writes_what_a_clean_generate_writes(built):
    """serve's session (caches and docs/ pages kept in memory, only changed pages written) after
    article and registry edits, additions and removals: docs/ equals a clean generate's, and
    the packs it writes at the end are what a later build can use."""
    from dataclasses import replace

    from archive_gen.preview import PreviewSession

    root, scratch = built
    config = replace(Config.load(root / "mkdocs.yml", quiet=True), drafts=True)
    session = PreviewSession(config, jobs=1, quiet_seconds=3600)
    session.regenerate(Diagnostics())  # the first run stages docs/ whole
    first, actors = articles(root)[0], root / "content" / "actors"

    def check() -> None:
        clean = scratch / f"clean-{len(list(scratch.iterdir()))}"
        clean.mkdir()
        for name in ("mkdocs.yml", "overrides", "content"):
            source = root / name
            (shutil.copytree if source.is_dir() else shutil.copy2)(source, clean / name)
        # The published data files (data/) are left as they were by the preview's edits: a
        # preview shows pages; `build` writes the data (test_published_data_files_… above).
        here = {rel: data for rel, data in tree(root / "docs").items() if not rel.startswith("data/")}
        there = _generated(clean, replace(Config.load(clean / "mkdocs.yml", quiet=True), drafts=True))
        there = {rel: data for rel, data in there.items() if not rel.startswith("data/")}
        assert sorted(here) == sorted(there), "docs/ lists other files than a clean generate"
        assert [rel for rel in here if here[rel] != there[rel]] == []

    edit(articles(root)[1], "\n---\n", "\n---\n\nEin neuer Absatz am Anfang.\n")
    result = session.regenerate(Diagnostics())
    assert 0 < result.stats.written < 60, "an edit writes its page and the pages that list it, not all"
    check()
    added = add_article(root)
    session.regenerate(Diagnostics())
    check()
    added.unlink()
    assert session.regenerate(Diagnostics()).stats.removed >= 1
    check()
    (actors / "zz-testperson.md").write_text("---\nname: Ban Ki-moon Testperson\nkind: person\n---\nNeu.\n",
                                             encoding="utf-8")
    session.regenerate(Diagnostics())
    check()
    edit(actors / "angela-merkel.md", "name: Angela Merkel", "name: Angela D. Merkel")
    session.regenerate(Diagnostics())
    check()
    (actors / "zz-testperson.md").unlink()
    (actors / "angela-merkel.md").unlink()
    session.regenerate(Diagnostics())
    check()
    session.close()
    messages: list[str] = []
    build(root, messages)  # from the packs the session wrote: nothing to annotate again
    assert not any(m.startswith("annotating") for m in messages), messages
    assert_same_as_clean(root, scratch)


def test_staging_record_spares_reading_pages_but_is_checked_against_each_file(tmp_path, monkeypatch):
    """The record of the last staging lets an unchanged page be linked without reading its file;
    a file changed behind the record's back (another mtime, size or inode) is compared again."""
    from archive_gen.output import stage_tree, staging

    monkeypatch.setattr(staging, "fs_clock", lambda folder, name: 1 << 62)  # every page settled (test_racy_clean: the clock)
    docs = tmp_path / "docs"
    pages = [("a.md", "eins\n"), ("b/c.md", "zwei\n"), ("b/d.md", "drei\n")]
    first = stage_tree(pages, docs)
    first.commit()
    (docs / "a.md").write_text("EINS\n", encoding="utf-8")  # same size, other bytes, new mtime
    read: list[str] = []
    original = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self.name) or original(self))
    second = stage_tree(pages, docs, known=first.record)
    assert read == ["a.md"], "only the file whose stat left the record is read"
    assert (second.staging / "a.md").read_text(encoding="utf-8") == "eins\n"
    assert (second.stats.written, second.stats.unchanged) == (1, 2)
    assert (second.staging / "b" / "c.md").stat().st_ino == (docs / "b" / "c.md").stat().st_ino
    second.commit()
    lying = {rel: ("0" * 64, *entry[1:]) for rel, entry in second.record.items()}  # digests that match no page
    third = stage_tree(pages, docs, known=lying)
    assert (third.stats.written, third.stats.unchanged) == (0, 3), "a wrong digest costs a read, never a wrong page"
    third.discard()


def test_git_dates_are_kept_by_head_and_only_new_files_looked_up(tmp_path, monkeypatch):
    """The same HEAD is the same history: a rebuild asks Git only about files it has not asked
    about at that HEAD, and the pages carry the same dates as a first run."""
    import os
    import subprocess

    from archive_gen import pipeline
    from archive_gen.pipeline import generate

    root = copy_project(tmp_path / "archive")

    def commit(date: str) -> None:
        env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
        for args in (["add", "-A"], ["-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q",
                                     "--allow-empty", "-m", date]):
            subprocess.run(["git", "-C", str(root), *args], check=True, env=env, capture_output=True)

    subprocess.run(["git", "init", "-q", str(root)], check=True)
    commit("2020-01-02T10:00:00+00:00")
    asked: list[int] = []
    original = pipeline.last_changed
    monkeypatch.setattr(pipeline, "last_changed", lambda repo, paths: asked.append(len(paths)) or original(repo, paths))
    config = Config.load(root / "mkdocs.yml", quiet=True)
    generate(config, Diagnostics(), jobs=1)
    add_article(root, "Git")
    generate(config, Diagnostics(), jobs=1)  # not committed yet: the same HEAD
    assert asked[1:] == [1], "at the same HEAD only the new file is looked up"
    commit("2021-03-04T10:00:00+00:00")  # a new HEAD: every file is looked up again
    generate(config, Diagnostics(), jobs=1)
    heads = [p.read_text(encoding="utf-8").split("\n---", 1)[0] for p in (root / "docs" / "articles").rglob("*.md")]
    assert asked[2] == len(heads)
    assert sum("updated: 2021-03-04" in head for head in heads) == 1
    assert sum("updated: 2020-01-02" in head for head in heads) == len(heads) - 1


# The spare tree (output/spare.py): the site/ a build replaced becomes the next build's staging tree.

@pytest.fixture
def spared(built):
    """A built project whose last build kept the replaced site/ as its spare tree."""
    root, scratch = built
    edit(articles(root)[0], "\n---\n", "\n---\n\nEin Absatz.\n")
    build(root)
    assert (root / ".site.spare" / "index.html").is_file()
    return root, scratch


def test_a_build_that_reused_no_page_keeps_no_spare(spared):
    """A spare pays only where its pages are the live site's: after a build that rendered every
    page anew (here: a new site name), the replaced site shares no page with the new one, and
    pruning it would unlink every page, so it is deleted, not kept."""
    root, _ = spared
    edit(root / "mkdocs.yml", "site_name: Nachrichtenarchiv", "site_name: Archiv der Nachrichten")
    build(root)
    assert not (root / ".site.spare").exists()
    edit(articles(root)[0], "Ein Absatz.", "Ein anderer Absatz.")
    build(root)  # reuses pages again: the site it replaced is kept
    assert (root / ".site.spare" / "index.html").is_file()


def files_by_path(root: Path) -> dict[str, tuple[int, bytes]]:
    return {p.relative_to(root).as_posix(): (p.stat().st_ino, p.read_bytes()) for p in root.rglob("*")
            if p.is_file() and not p.is_symlink()}


def page_of(root: Path, article: Path) -> str:
    """The site path of ``article``'s page (found by its id in the site)."""
    pages = sorted(p for p in (root / "site" / "articles").rglob("index.html") if p.parent.name == article.stem)
    assert len(pages) == 1, article
    return pages[0].relative_to(root / "site").as_posix()


def test_a_spare_file_shared_with_the_live_site_is_never_written_through(spared):
    """A page unchanged by the last build is the same inode in the spare and in site/; when the
    next build renders it, the live file (now the new spare's) keeps its bytes, the build
    happens in the spare (its folders and unchanged pages used as they are), and the result is a
    clean build's."""
    root, scratch = spared
    spare, site = root / ".site.spare", root / "site"
    article = articles(root)[1]
    page = page_of(root, article)
    assert (spare / page).stat().st_ino == (site / page).stat().st_ino, "the page is shared before the build"
    unchanged = posixpath.dirname(page_of(root, articles(root)[3]))
    folder_inode = (spare / unchanged).stat().st_ino
    before, spare_inode = files_by_path(site), spare.stat().st_ino
    edit(article, "\n---\n", "\n---\n\nEin anderer Absatz.\n")
    result, _ = build(root)
    assert 0 < result.rendered < 60
    assert site.stat().st_ino == spare_inode, "the spare tree became site/"
    assert files_by_path(spare) == before, "the replaced site/ (now the spare) was not written into"
    assert (site / page).read_bytes() != before[page][1]
    assert (site / page).stat().st_ino != before[page][0]
    assert (site / unchanged).stat().st_ino == folder_inode, "an unchanged page's folder is the spare's"
    assert_same_as_clean(root, scratch)


@pytest.mark.parametrize("damage", ["deleted", "foreign files", "other version"])
def test_a_deleted_foreign_or_other_spare_gives_a_clean_builds_site(spared, damage):
    root, scratch = spared
    spare, site = root / ".site.spare", root / "site"
    (site / ".git").mkdir()
    (site / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n", encoding="utf-8")
    if damage == "deleted":
        shutil.rmtree(spare)
    elif damage == "foreign files":
        (spare / ".git").mkdir()
        (spare / ".git" / "HEAD").write_text("fremd\n", encoding="utf-8")
        (spare / "articles" / "stray").mkdir()
        (spare / "articles" / "stray" / "index.html").write_text("<p>fremd</p>", encoding="utf-8")
        os.link(site / "index.html", spare / "stray.html")  # the live site's inode, at a path it does not have
        (spare / "articles" / "link.html").symlink_to(site / "index.html")
        (spare / "pagefind" / "stray.js").write_text("fremd", encoding="utf-8")
    else:  # another code version's pages: other bytes, other inodes
        for page in spare.rglob("*.html"):
            data = page.read_bytes()
            page.unlink()
            page.write_bytes(data.replace(b"</body>", b"<!-- v0 --></body>"))
    edit(articles(root)[1], "\n---\n", "\n---\n\nEin anderer Absatz.\n")
    build(root)
    assert (site / ".git" / "HEAD").read_text(encoding="utf-8") == "ref: refs/heads/gh-pages\n"
    shutil.rmtree(site / ".git")
    assert_same_as_clean(root, scratch)


@pytest.mark.parametrize("point", ["pruning", "writing", "finishing", "keeping"])
def test_a_build_killed_while_updating_the_spare_leaves_a_site_and_no_trusted_spare(spared, point):
    """A build killed (SIGKILL, no clean-up) at any point: site/ is the old or the new complete site,
    the half-updated spare is never taken as a spare again, and the next build gives a clean
    build's site."""
    from archive_gen.output import spare as spare_module, staging

    root, scratch = spared
    before = tree(root / "site")
    hooks = {"pruning": (spare_module, "_same_inode", 3), "writing": (spare_module.Spare, "free", 1),
             "finishing": (spare_module.Spare, "finish", 1), "keeping": (staging, "keep_spare", 1)}
    owner, name, after_calls = hooks[point]
    edit(articles(root)[1], "\n---\n", "\n---\n\nEin anderer Absatz.\n")
    run_killed((owner, name), after_calls, lambda: build(root))
    if point == "keeping":  # after both swaps: the new site
        assert tree(root / "site") != before and (root / "site" / page_of(root, articles(root)[1])).is_file()
    else:
        assert tree(root / "site") == before
    assert not (root / ".site.spare").exists(), "a spare being updated is a staging leftover"
    edit(articles(root)[2], "\n---\n", "\n---\n\nNoch ein Absatz.\n")
    build(root)
    assert_same_as_clean(root, scratch)


def run_killed(hook: tuple | None, after_calls: int, action) -> None:
    """Run ``action`` in a forked child SIGKILLed (no clean-up) at the ``after_calls``-th call of
    ``hook`` (owner, name); with no hook, right after the action."""
    import signal

    pid = os.fork()
    if pid == 0:
        if hook is not None:
            owner, name = hook
            calls, original = [0], getattr(owner, name)

            def kill(*args, **kwargs):
                calls[0] += 1
                if calls[0] >= after_calls:
                    os.kill(os.getpid(), signal.SIGKILL)
                return original(*args, **kwargs)
            setattr(owner, name, kill)
        try:
            action()
            if hook is None:
                os.kill(os.getpid(), signal.SIGKILL)
        finally:
            os._exit(3)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, "the kill point was reached"


def _listed_places(page: Path, label: str) -> list[str]:
    """The place ids a state's page lists, in their order ("Orte: [Bonn](../places/bonn.md), …")."""
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith(f"{label}: "):
            return re.findall(r"\(\.\./places/([^)/]+)\.md\)", line)
    return []


def test_an_article_on_a_place_reorders_its_states_place_list(built):
    """A state's page lists its places by their number of articles: new articles on a place but
    not naming its state move the place up, and that state's page must be rendered again."""
    root, scratch = built
    label = labels("de")["places"]
    docs = root / "docs"
    states = {page: _listed_places(page, label) for page in sorted((docs / "actors").glob("*.md"))}
    markdown = {source: (docs / posixpath.dirname(page_of(root, source))).with_suffix(".md").read_text(encoding="utf-8")
                for source in articles(root)}

    def naming(place: str) -> list[Path]:
        return [source for source, text in markdown.items() if f"../../../places/{place}.md" in text]
    cases = [(page, place, source) for page, places in states.items() if len(places) >= 2 for place in places[1:]
             for source in naming(place) if f"/actors/{page.stem}.md" not in markdown[source]]
    assert cases, "the sample archive names a place listed second or later, without its state"
    page, place, source = cases[0]
    before = states[page]
    for number in range(len(naming(before[0])) + 1):  # enough copies to put the place first
        copy = source.with_name(f"zz-ort-{number}-{source.name}")
        text = source.read_text(encoding="utf-8")
        quote = text.split("\ntitle: ", 1)[1][:1] if "\ntitle: " in text else ""
        quote = quote if quote in ("'", '"') else ""
        copy.write_text(text.replace(f"\ntitle: {quote}", f"\ntitle: {quote}Ort {number} – ", 1), encoding="utf-8")
    build(root)
    assert _listed_places(page, label)[0] == place != before[0], "the premise: the place moved up"
    assert_same_as_clean(root, scratch)
