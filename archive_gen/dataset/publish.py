"""The data files published with the site (``docs/data/*.jsonl|csv``), written straight into the
staged docs/ tree: streamed, never a whole file in memory, and never in the page cache.

The page cache pack is loaded whole on every build; the data files grow with the archive (over a
GB at 100,000 articles), so they are kept where they already are: the previous build's
``docs/data/``. A small record in the cache folder (the sealed pack ``data.pack``) names the key
of the content they show (:func:`data_key`), each file's size, modification time and inode, and,
for the per-article tables (:attr:`~.tables.Table.each`), where each article's rows lie in each
file, under a key of what those rows show (the article's annotation key and slug, and
:attr:`~.tables.Table.shows`). When the key is the same and a file is untouched, it is
hard-linked into the new tree, not written. Otherwise the file is written again, and an article
whose rows are in the untouched previous file under the same key has them copied from there
(consecutive ones in one run of bytes): a new article costs the encoding of its own rows, not
of 10,000 articles' (sentence splitting, JSON and CSV). A file whose bytes did not change still
becomes a link to the old file (it keeps its inode and time, so the render and a mirror see it
unchanged). Anything in the record that does not match the files on disk is not used.
"""

from __future__ import annotations

import contextlib
import filecmp
import hashlib
import os
import shutil
from pathlib import Path
from typing import BinaryIO

from ..model import Archive, Article
from ..output.cache import Store
from .tables import TABLES, Table, ordered_articles
from .writers import PUBLISH_DIR, PUBLISHED_FORMATS, csv_header, encoded_rows, file_name

PACK = "data"  # .archive-gen-cache/data.pack
RECORD = "record"  # its one entry: {"key", "files": {path: stamp}, "chunks": {table: (keys, {format: offsets})}}
_BLOCK = 1 << 20  # bytes copied at a time from a previous file

Stamp = tuple[int, int, int]  # size, mtime ns, inode
Chunks = tuple[tuple[bytes, ...], dict[str, list[int]]]  # per article: its rows' key; per format: where they start (+ end)


def published_paths() -> list[str]:
    """The data files' paths relative to docs/ (the schemas are ordinary pages)."""
    return [f"{PUBLISH_DIR}/{file_name(table, fmt)}" for fmt in PUBLISHED_FORMATS for table in TABLES]


def data_key(archive: Archive, annotation_keys: dict[str, str], salt: str) -> str | None:
    """What the data files show: every article (its annotation key and slug), the whole
    registry, every event and its reports, and the code (``salt``). ``None`` when an article
    has no annotation key (then nothing is reused)."""
    parts = [salt]
    for article in archive.articles:
        own = annotation_keys.get(article.source_file)
        if own is None:
            return None
        parts.append(f"{own}\0{article.slug}")
    registry = archive.registry
    for entries in (registry.actors, registry.sources, registry.topics):
        parts += [repr(entry) for entry in entries.values()]
    parts += [repr(event) for event in archive.events.values()]
    parts += [f"{e}\0{slugs}" for e, slugs in archive.event_reports.items()]
    return hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def _stamp(path: Path) -> Stamp | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns, st.st_ino


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _read_record(store: Store) -> dict:
    record = store.get(RECORD)
    return record if isinstance(record, dict) and isinstance(record.get("files"), dict) \
        and isinstance(record.get("chunks"), dict) else {"files": {}, "chunks": {}}


class _Rows:
    """What a per-article table's rows are keyed by: each article's annotation key and slug."""

    def __init__(self, archive: Archive, annotation_keys: dict[str, str]) -> None:
        self.archive, self.articles = archive, ordered_articles(archive)
        own = [annotation_keys.get(a.source_file) for a in self.articles]
        self.bases = [None if key is None else f"{key}\0{a.slug}" for key, a in zip(own, self.articles)]
        self.plain: list[bytes | None] | None = None  # the keys of the tables that show nothing more

    def keys(self, table: Table) -> list[bytes | None]:
        shows, archive = table.shows, self.archive
        if shows is None and self.plain is not None:
            return self.plain
        keys = [None if base is None else hashlib.sha256(
            (base if shows is None else f"{base}\0{shows(a, archive, archive.events)}").encode("utf-8", "surrogatepass")
        ).digest()[:16] for base, a in zip(self.bases, self.articles)]
        if shows is None:
            self.plain = keys
        return keys


class _Copier:
    """Writes into ``out`` runs of bytes of the previous file ``source``, joined while they are
    consecutive there; :meth:`flush` before anything else is written."""

    def __init__(self, source: BinaryIO, out: BinaryIO) -> None:
        self.source, self.out, self.run = source, out, (0, 0)

    def add(self, start: int, end: int) -> None:
        if start != self.run[1]:
            self.flush()
            self.run = (start, start)
        self.run = (self.run[0], end)

    def flush(self) -> None:
        start, end = self.run
        self.source.seek(start)
        while start < end:
            block = self.source.read(min(_BLOCK, end - start))
            if not block:
                raise OSError(f"{self.source.name}: shorter than its record")
            self.out.write(block)
            start += len(block)
        self.run = (end, end)


def _write_table(table: Table, rows: _Rows, keys: list[bytes | None] | None, outs: dict[str, BinaryIO],
                 previous: dict[str, tuple[BinaryIO, list[int]]], old_keys: tuple[bytes, ...]) -> dict[str, list[int]]:
    """One table into ``outs`` (format → file); a per-article table (``keys``) takes the rows of
    an article found in ``previous`` (format → (the previous file, its offsets), under
    ``old_keys``) from there. Returns the per-article offsets of what was written."""
    archive = rows.archive
    positions = {fmt: 0 for fmt in outs}
    if "csv" in outs:
        positions["csv"] = outs["csv"].write(csv_header(table))
    if keys is None:  # not per article: streamed row by row
        for row in table.rows(archive, archive.events):
            for fmt, data in encoded_rows(table, [row], outs).items():
                outs[fmt].write(data)
        return {}
    found = {key: number for number, key in enumerate(old_keys)}
    copiers = {fmt: _Copier(source, outs[fmt]) for fmt, (source, _) in previous.items()}
    offsets = {fmt: [positions[fmt]] for fmt in outs}
    for article, key in zip(rows.articles, keys):
        number = found.get(key) if key is not None else None
        fresh = [fmt for fmt in outs if number is None or fmt not in previous]
        encoded = encoded_rows(table, table.each(article, archive, archive.events), fresh) if fresh else {}
        for fmt, out in outs.items():
            if fmt in encoded:
                if fmt in copiers:
                    copiers[fmt].flush()
                positions[fmt] += out.write(encoded[fmt])
            else:
                start, end = previous[fmt][1][number], previous[fmt][1][number + 1]
                copiers[fmt].add(start, end)
                positions[fmt] += end - start
            offsets[fmt].append(positions[fmt])
    for copier in copiers.values():
        copier.flush()
    return offsets


def _previous(table: Table, paths: dict[str, str], docs_dir: Path, files: dict, record_chunks: dict,
              stack: contextlib.ExitStack) -> tuple[dict[str, tuple[BinaryIO, list[int]]], tuple[bytes, ...]]:
    """The previous files of a per-article table that are as recorded, opened, with their offsets."""
    chunks = record_chunks.get(table.name)
    if table.each is None or not isinstance(chunks, tuple) or len(chunks) != 2:
        return {}, ()
    old_keys, offsets = chunks
    previous = {}
    for fmt, rel in paths.items():
        stamp = _stamp(docs_dir / rel)
        spans = offsets.get(fmt)
        if stamp is not None and files.get(rel) == stamp and isinstance(spans, list) \
                and len(spans) == len(old_keys) + 1 and spans[-1] <= stamp[0]:
            previous[fmt] = (stack.enter_context((docs_dir / rel).open("rb")), spans)
    return previous, old_keys


def publish_data(archive: Archive, staging: Path, docs_dir: Path, cache_root: Path, key: str | None,
                 annotation_keys: dict[str, str] | None = None) -> tuple[int, int]:
    """Write (or reuse) every data file into ``staging`` (the new docs/ tree, beside ``docs_dir``);
    returns (written, unchanged). ``annotation_keys`` (source file → annotation key): the rows
    of articles whose key is recorded are copied from the previous files. The record is
    rewritten for the files as staged."""
    store = Store(cache_root, PACK)
    record = _read_record(store)
    files = record["files"]
    reusable = key is not None and record.get("key") == key
    rows = _Rows(archive, annotation_keys or {})
    stamps: dict[str, Stamp | None] = {}
    chunks: dict[str, Chunks] = {}
    written = unchanged = 0
    (staging / PUBLISH_DIR).mkdir(parents=True, exist_ok=True)
    for table in TABLES:
        paths = {fmt: f"{PUBLISH_DIR}/{file_name(table, fmt)}" for fmt in PUBLISHED_FORMATS}
        keys = rows.keys(table) if table.each is not None else None
        stale = {}
        for fmt, rel in paths.items():
            current = docs_dir / rel
            if reusable and files.get(rel) is not None and files.get(rel) == _stamp(current):
                _link_or_copy(current, staging / rel)
                unchanged += 1
            else:
                stale[fmt] = rel
        old = record["chunks"].get(table.name)
        offsets = dict(old[1]) if reusable and keys is not None and isinstance(old, tuple) and old[0] == tuple(keys) else {}
        if stale:
            with contextlib.ExitStack() as stack:
                previous, old_keys = _previous(table, stale, docs_dir, files, record["chunks"], stack)
                outs = {fmt: stack.enter_context((staging / rel).open("wb")) for fmt, rel in stale.items()}
                offsets.update(_write_table(table, rows, keys, outs, previous, old_keys))
            for rel in stale.values():
                target, current = staging / rel, docs_dir / rel
                if current.is_file() and filecmp.cmp(current, target, shallow=False):
                    target.unlink()
                    _link_or_copy(current, target)
                    unchanged += 1
                else:
                    written += 1
        if keys is not None and None not in keys and set(offsets) == set(paths):
            chunks[table.name] = (tuple(keys), offsets)
        stamps.update((rel, _stamp(staging / rel)) for rel in paths.values())
    store.put(RECORD, {"key": key, "files": stamps, "chunks": chunks})
    store.save([RECORD])
    return written, unchanged
