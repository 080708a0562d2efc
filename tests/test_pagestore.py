"""The page cache's store (output/pagestore.py): an index of pages, their texts read only when
asked for and checked then; staging links an unchanged stored page without its text."""

from __future__ import annotations

import random
import string

import pytest

from archive_gen.output import PageStore, stage_tree, staging
from archive_gen.output.pagestore import StoredText


def pages_of(rng: random.Random, key: str, count: int) -> list[tuple[str, bytes]]:
    return [(f"{key}/{n}.md", ("".join(rng.choices(string.ascii_letters + "äöü „“\n", k=rng.randint(0, 400)))).encode())
            for n in range(count)]


def read(pages) -> list[tuple[str, bytes]]:
    return [(path, page if isinstance(page, bytes) else page.data()) for path, page in pages]


def test_stored_pages_survive_saves_appends_prunes_and_rewrites(tmp_path, monkeypatch):
    """Random rounds of puts and prunes, each saved and loaded by a new store: every key reads
    back what was put last, and the texts file is written anew when most of it is dead."""
    monkeypatch.setattr(PageStore, "SLACK", 500)
    rng = random.Random(11)
    truth: dict[str, list[tuple[str, bytes]]] = {}
    rewrites = 0
    for _ in range(30):
        store = PageStore(tmp_path)
        for key, pages in truth.items():
            assert read(store.get(key)) == pages
        assert store.get("never put") is None
        for key in rng.sample(sorted(truth), k=len(truth) // 3):  # dropped from the cache
            del truth[key]
        for _ in range(rng.randint(0, 6)):
            key = rng.choice([*truth, *(f"k{rng.randint(0, 99)}",) * 3]) if truth else "k0"
            truth[key] = pages_of(rng, key, rng.randint(1, 3))
            store.put(key, truth[key])
        before = store.texts.id
        store.save(set(truth))
        rewrites += store.texts.id != before
    assert rewrites >= 2, "pruning must make the texts file be written anew now and then"
    live = sum(len(data) for pages in truth.values() for _, data in pages)
    assert store.path.stat().st_size <= 3 * live + 500 + 100  # ≤ 2× (live + new) + slack, then the new appended


@pytest.mark.parametrize("damage", ["flipped byte", "truncated", "replaced by another texts file", "removed"])
def test_a_damaged_text_is_rendered_again_never_used(tmp_path, damage):
    store = PageStore(tmp_path)
    good = [("a.md", "erste Seite\n".encode()), ("b.md", "zweite Seite, länger\n".encode())]
    store.put("k", good)
    store.save()
    texts = tmp_path / "pages.texts"
    data = bytearray(texts.read_bytes())
    if damage == "flipped byte":
        data[-3] ^= 0x20
        texts.write_bytes(bytes(data))
    elif damage == "truncated":
        texts.write_bytes(bytes(data[:-5]))
    elif damage == "replaced by another texts file":
        other = PageStore(tmp_path / "other")
        other.put("k", [("a.md", b"x"), ("b.md", b"y")])
        other.save()
        (tmp_path / "other" / "pages.texts").replace(texts)
    else:
        texts.unlink()
    store = PageStore(tmp_path)
    stored = store.get("k")
    if damage in ("replaced by another texts file", "removed"):
        assert stored is None, "an index entry names its texts file: another one is a miss"
        return
    rendered: list[str] = []
    for _, page in stored:
        page.fallback = lambda: rendered.append("k") or good
    assert read(stored) == good
    assert rendered == ["k"], "only the damaged page's group is rendered again"


def test_staging_links_an_unchanged_stored_page_without_reading_its_text(tmp_path, monkeypatch):
    monkeypatch.setattr(staging, "fs_clock", lambda folder, name: 1 << 62)  # every page settled
    store = PageStore(tmp_path / "cache")
    store.put("k", [("a.md", b"eins\n"), ("b/c.md", b"zwei\n")])
    store.save()
    store = PageStore(tmp_path / "cache")
    docs = tmp_path / "docs"
    first = stage_tree(store.get("k"), docs)  # no docs/ yet: written from the texts
    first.commit()
    assert (docs / "b" / "c.md").read_bytes() == b"zwei\n"
    reads: list[str] = []
    original = StoredText.data
    monkeypatch.setattr(StoredText, "data", lambda self: reads.append(self.path) or original(self))
    seen: list[str] = []
    second = stage_tree(store.get("k"), docs, lambda rel, data, sha: seen.append(sha), first.record)
    assert reads == [] and second.stats.unchanged == 2
    assert seen == [entry[0] for entry in first.record.values()], "observe gets each page's digest"
    assert (second.staging / "a.md").stat().st_ino == (docs / "a.md").stat().st_ino
    second.commit()
    (docs / "a.md").write_bytes(b"EINS\n")  # changed behind the record: read and compared
    third = stage_tree(store.get("k"), docs, known=second.record)
    assert reads == ["a.md"] and (third.staging / "a.md").read_bytes() == b"eins\n"
    third.discard()


def test_pages_that_know_their_digest_are_not_hashed_again(tmp_path, monkeypatch):
    """A just rendered page (``render.Made``) that staging hashed is stored with that digest:
    saving (a new texts file, then an append) hashes nothing, and every text reads back checked."""
    from types import SimpleNamespace

    from archive_gen.output import pagestore
    from archive_gen.render import Made

    rng, store, truth = random.Random(5), PageStore(tmp_path), {}
    hashed = []
    real = pagestore.hashlib.sha256
    monkeypatch.setattr(pagestore, "hashlib", SimpleNamespace(sha256=lambda data: hashed.append(data) or real(data)))
    for round_ in range(2):  # the first save writes the texts file anew, the second appends
        for n in range(3):
            key = f"k{round_}-{n}"
            truth[key] = pages_of(rng, key, 2)
            made = [(path, Made(data)) for path, data in truth[key]]
            assert all(page.sha for _, page in made)  # as staging asks for each page's digest
            store.put(key, made)
        hashed.clear()
        store.save()
        assert hashed == []
    monkeypatch.undo()
    again = PageStore(tmp_path)
    assert {key: read(again.get(key)) for key in truth} == truth
