"""The stand-in tree's shards kept by their key (:class:`archive_gen.publish.pagefindruns.StandInTree`):
a shard written again with the key it was written with is not hashed again, unless its files
changed; real builds of the sample project, each compared with a clean build."""

from __future__ import annotations

import pytest

from archive_gen.output import cache
from archive_gen.publish import pagefindruns

from test_incremental import add_article, assert_same_as_clean, build, built, shard_of, sharded  # noqa: F401 (fixture)

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::DeprecationWarning")]


def test_unchanged_shards_stand_ins_are_not_hashed_again(built, monkeypatch):
    root, scratch = built
    sharded(root, monkeypatch)
    add_article(root, "Baum0")
    build(root)  # the tree's shard keys recorded
    written: list[str] = []  # every stand-in put (hashed, and written when it changed)
    put = pagefindruns.StandInTree.put

    def counting(tree, shard, rel, document):
        written.append(f"{shard}/{rel}")
        return put(tree, shard, rel, document)
    monkeypatch.setattr(pagefindruns.StandInTree, "put", counting)
    added = add_article(root, "Baum1")
    build(root)
    month = shard_of(added)
    tree = root / cache.CACHE_DIR / "search-site"
    # the article pages of the other months (the term pages' shard changes: they list the article)
    others = [p for p in tree.glob("*/articles/**/index.html") if p.relative_to(tree).parts[0] != month]
    assert len(others) > 20
    again = [name for name in written if name.split("/")[1] == "articles" and not name.startswith(f"{month}/")]
    assert len(again) < len(others) // 4, "the unchanged shards' stand-ins are not hashed again"
    assert_same_as_clean(root, scratch)


def test_a_stand_in_changed_in_a_kept_shard_is_written_again(built, monkeypatch):
    """The key says which documents a shard was written with, not that its files still hold them."""
    root, scratch = built
    sharded(root, monkeypatch)
    add_article(root, "Baum0")
    build(root)
    added = add_article(root, "Baum1")
    tree = root / cache.CACHE_DIR / "search-site"
    victim = next(p for p in sorted(tree.rglob("index.html")) if p.relative_to(tree).parts[0] != shard_of(added))
    right = victim.read_bytes()
    victim.write_bytes(b"<html><body>falsch</body></html>")
    build(root)
    assert victim.read_bytes() == right
    assert_same_as_clean(root, scratch)
