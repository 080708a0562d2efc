"""The theme's static files linked from the live site when their source is unchanged
(:mod:`archive_gen.publish.statics`): real builds of the sample project, each compared with a
clean build."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from archive_gen import pipeline
from archive_gen.output import cache

from test_incremental import add_article, assert_same_as_clean, build, built, spoil  # noqa: F401 (fixture)

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::DeprecationWarning")]

ASSET = Path("assets") / "stylesheets" / "archive.css"  # an override asset, copied by MkDocs
THEME_ASSET_SUFFIX = ".js"  # Material's own scripts under assets/javascripts/


def inodes(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_ino for p in site.rglob("*")
            if p.is_file() and p.suffix != ".html" and "pagefind" not in p.parts}


def settle(root: Path) -> None:
    """Two more builds of one new article each: the second has a spare and a record to link by."""
    for number in range(2):
        add_article(root, f"Statisch{number}")
        build(root)


def test_unchanged_static_files_are_the_live_sites_files(built):
    root, scratch = built
    settle(root)
    before = inodes(root / "site")
    add_article(root, "Statisch9")
    build(root)
    after = inodes(root / "site")
    assert not set(after) ^ set(before), "the same static files"
    linked = [rel for rel in after if after[rel] == before[rel]]
    assert len(linked) > len(after) * 0.9, "the static files are linked, not copied again"
    assert any(rel.endswith(THEME_ASSET_SUFFIX) for rel in linked)
    assert_same_as_clean(root, scratch)


def test_an_edited_static_source_reaches_the_site_even_when_no_page_is_rendered(built, monkeypatch):
    """A source whose bytes change is copied again (the record names it by size, mtime, inode),
    even when nothing else says the theme changed (the render fingerprint held fixed here)."""
    root, scratch = built
    settle(root)
    original = pipeline.render_fingerprint
    fixed = original(root / "mkdocs.yml", [root / "overrides"], False)
    monkeypatch.setattr(pipeline, "render_fingerprint", lambda *_: fixed)
    add_article(root, "Statisch8")
    build(root)  # the fingerprint of this build, as the manifest keeps it
    source = root / "overrides" / ASSET
    source.write_text(source.read_text(encoding="utf-8") + "\n/* bearbeitet */\n", encoding="utf-8")
    add_article(root, "Statisch9")
    build(root)
    assert (root / "site" / ASSET).read_bytes() == source.read_bytes()
    monkeypatch.setattr(pipeline, "render_fingerprint", original)  # (not undo(): SOURCE_DATE_EPOCH stays)
    assert_same_as_clean(root, scratch)


def test_a_live_file_replaced_since_the_record_is_copied_not_linked(built):
    root, scratch = built
    settle(root)
    live = root / "site" / ASSET
    data = live.read_bytes()
    live.unlink()
    live.write_bytes(b"/* nicht die Kopie */")  # another inode and other bytes where the copy was
    add_article(root, "Statisch9")
    build(root)
    assert (root / "site" / ASSET).read_bytes() == data
    assert_same_as_clean(root, scratch)


@pytest.mark.parametrize("damage", ["truncated", "flipped byte", "other version", "removed"])
def test_a_corrupt_truncated_or_foreign_record_is_rebuilt_not_trusted(built, damage):
    root, scratch = built
    settle(root)
    spoil(root / cache.CACHE_DIR / "statics.pack", damage)
    before = inodes(root / "site")
    add_article(root, "Statisch9")
    build(root)
    after = inodes(root / "site")
    assert not [rel for rel in after if after[rel] == before.get(rel)], "without a record every file is copied"
    add_article(root, "Statisch10")
    build(root)
    again = inodes(root / "site")
    assert len([rel for rel in after if again.get(rel) == after[rel]]) > len(after) * 0.9, "the record is made again"
    assert_same_as_clean(root, scratch)


def test_a_source_modified_while_the_record_is_made_is_copied_again(built, monkeypatch):
    """Racily clean (Git's rule): a source stamped at or after the render began is not recorded,
    so an edit later in the same timestamp tick, to the same size, still reaches the site. Here
    the tick is simulated by giving the source a time ahead of the clock and keeping it."""
    root, scratch = built
    settle(root)
    original = pipeline.render_fingerprint  # held fixed: only the record can tell (as above)
    fixed = original(root / "mkdocs.yml", [root / "overrides"], False)
    monkeypatch.setattr(pipeline, "render_fingerprint", lambda *_: fixed)
    source = root / "overrides" / ASSET
    ahead = time.time_ns() + 3600 * 10**9  # later than the next render's clock (not the checkout's time)
    os.utime(source, ns=(ahead, ahead))
    add_article(root, "Statisch8")
    build(root)  # copies it (its stat changed); the record must not keep it
    data = source.read_bytes()
    edited = data.replace(b"{", b"{ ", 1)[:-1] if data.endswith(b"\n") else data.replace(b"{", b"{ ", 1)
    assert len(edited) == len(data) and edited != data
    with open(source, "r+b") as handle:  # the same inode, the same size, the same time
        handle.write(edited)
    os.utime(source, ns=(ahead, ahead))
    add_article(root, "Statisch9")
    build(root)
    assert (root / "site" / ASSET).read_bytes() == edited
    monkeypatch.setattr(pipeline, "render_fingerprint", original)
    assert_same_as_clean(root, scratch)
