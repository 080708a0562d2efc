"""The data files published with the site (``docs/data/*.jsonl|csv``), written straight into the
staged docs/ tree: streamed row by row, never a whole file in memory, and never in the page cache.

The page cache pack is loaded whole on every build; the data files grow with the archive (over a
GB at 100,000 articles), so they are kept where they already are: the previous build's
``docs/data/``. A small record in the cache folder (``data.json``) names the key of the content
they show (:func:`data_key`) and each file's size and modification time; when the key is the
same and the files are untouched, they are hard-linked into the new tree, not written. Otherwise
each file is written again, and one whose bytes did not change still becomes a link to the old
file (it keeps its inode and time, so the render and a mirror see it unchanged).
"""

from __future__ import annotations

import contextlib
import filecmp
import hashlib
import json
import os
import shutil
from pathlib import Path

from ..model import Archive
from .tables import TABLES
from .writers import PUBLISH_DIR, PUBLISHED_FORMATS, file_name, write_published

RECORD = "data.json"


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


def _stamp(path: Path) -> list[int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _read_record(cache_root: Path) -> dict:
    try:
        record = json.loads((cache_root / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return record if isinstance(record, dict) else {}


def publish_data(archive: Archive, staging: Path, docs_dir: Path, cache_root: Path, key: str | None) -> tuple[int, int]:
    """Write (or reuse) every data file into ``staging`` (the new docs/ tree, beside ``docs_dir``);
    returns (written, unchanged). The record is rewritten for the files as staged."""
    record = _read_record(cache_root)
    reusable = key is not None and record.get("key") == key
    old_stamps = record.get("files") if reusable and isinstance(record.get("files"), dict) else {}
    stamps, written, unchanged = {}, 0, 0
    for table in TABLES:
        paths = {fmt: f"{PUBLISH_DIR}/{file_name(table, fmt)}" for fmt in PUBLISHED_FORMATS}
        stale = {}
        for fmt, rel in paths.items():
            target, current = staging / rel, docs_dir / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            if reusable and old_stamps.get(rel) is not None and old_stamps.get(rel) == _stamp(current):
                _link_or_copy(current, target)
                unchanged += 1
            else:
                stale[fmt] = rel
        if stale:  # one pass over the table's rows for all its stale files
            with contextlib.ExitStack() as files:
                outs = {fmt: files.enter_context((staging / rel).open("w", encoding="utf-8", newline=""))
                        for fmt, rel in stale.items()}
                write_published(table, table.rows(archive, archive.events), outs)
            for rel in stale.values():
                target, current = staging / rel, docs_dir / rel
                if current.is_file() and filecmp.cmp(current, target, shallow=False):
                    target.unlink()
                    _link_or_copy(current, target)
                    unchanged += 1
                else:
                    written += 1
        stamps.update((rel, _stamp(staging / rel)) for rel in paths.values())
    cache_root.mkdir(parents=True, exist_ok=True)
    (cache_root / RECORD).write_text(json.dumps({"key": key, "files": stamps}, sort_keys=True), encoding="utf-8")
    return written, unchanged
