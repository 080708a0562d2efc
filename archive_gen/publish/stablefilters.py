"""Pagefind's filter files made byte-stable, so that the same site gives the same search index.

Pagefind 1.5 writes each filter's values from a hash map with a per-process random seed (its
source: "TODO: Change filter indexes to BTree to give them a stable hash"; Pagefind#638). So two
builds of the same site differ in the filter files, in the ``pf_meta`` that names them and in
``pagefind-entry.json``, which names the ``pf_meta``. The archive promises byte-identical output,
so :func:`stabilise` rewrites a bundle the way a BTree build would have written it: each filter's
values sorted, the filters listed in name order, and each rewritten file named by Pagefind's own
hash of its content. What the files hold is unchanged (tests/test_search.py searches through them
in Chromium); only order and names change.

The files are ``gzip("pagefind_dcd" + CBOR)``; the CBOR is read and written with ``cbor2`` (a
round trip of Pagefind's own files is byte-exact). The layout is Pagefind 1.5's
(``pyproject.toml`` keeps the package below 1.6); anything else is a :class:`RenderError` that
names the file, never a silently different index.
"""

from __future__ import annotations

import gzip
import hashlib
import re
from pathlib import Path

import cbor2

from ..errors import RenderError

__all__ = ["stabilise"]

SIGNATURE = b"pagefind_dcd"  # what Pagefind puts before the CBOR in every compressed file
_META = re.compile(r"pagefind\.(?P<lang>[^_/]+)_(?P<hash>[0-9a-f]+)\.pf_meta")
_FILTER = re.compile(r"(?P<lang>[^_/]+)_(?P<hash>[0-9a-f]+)\.pf_filter")
ENTRY = "pagefind-entry.json"
FILTER_HASH = 7  # hex digits in a filter file's name, as Pagefind starts them (longer only on a collision)


def stabilise(bundle: Path) -> None:
    """Rewrite the filter files, the ``pf_meta`` and the entry file of one Pagefind bundle."""
    metas = sorted(path for path in bundle.iterdir() if _META.fullmatch(path.name))
    if len(metas) != 1:
        raise RenderError(f"{bundle}: expected one Pagefind pf_meta file, found {len(metas)}")
    meta_path = metas[0]
    meta = _read(meta_path)
    filters = _filter_list(meta, meta_path)
    renamed = _rewrite_filters(bundle / "filter", meta_path)
    for entry in filters:
        if entry[1] not in renamed:
            raise RenderError(f"{meta_path}: names the filter file {entry[1]!r}, which Pagefind did not write")
        entry[1] = renamed[entry[1]]
    filters.sort(key=lambda entry: entry[0])
    match = _META.fullmatch(meta_path.name)
    old_hash = f"{match['lang']}_{match['hash']}"
    new_hash = f"{match['lang']}_{_pagefind_hash(cbor2.dumps(meta))[:len(match['hash'])]}"
    _write(bundle / f"pagefind.{new_hash}.pf_meta", meta)  # always ours: the same gzip bytes
    if new_hash != old_hash:
        meta_path.unlink()
        _rename_in_entry(bundle / ENTRY, old_hash, new_hash)


def _rewrite_filters(folder: Path, meta_path: Path) -> dict[str, str]:
    """Each filter file with its values sorted, under its new name; old name → new name."""
    if not folder.is_dir():
        return {}
    indexes = []
    for path in sorted(folder.iterdir()):
        match = _FILTER.fullmatch(path.name)
        if match is None:
            raise RenderError(f"{path}: not a Pagefind filter file name")
        index = _read(path)
        if not (isinstance(index, list) and len(index) == 2 and isinstance(index[0], str)
                and isinstance(index[1], list)):
            raise RenderError(f"{path}: not a Pagefind 1.5 filter index (see {meta_path.name})")
        index[1].sort(key=lambda value: value[0])
        indexes.append((index[0], match["lang"], match["hash"], index))
    for path in folder.iterdir():
        path.unlink()
    renamed: dict[str, str] = {}
    taken: set[str] = set()
    for _, lang, old, index in sorted(indexes, key=lambda item: item[0]):  # by filter: a stable order
        digest = _pagefind_hash(cbor2.dumps(index))
        length = FILTER_HASH
        while digest[:length] in taken and length < len(digest):  # a collision: longer, as Pagefind does
            length += 1
        taken.add(digest[:length])
        renamed[f"{lang}_{old}"] = f"{lang}_{digest[:length]}"
        _write(folder / f"{lang}_{digest[:length]}.pf_filter", index)  # always ours: the same gzip bytes
    return renamed


def _filter_list(meta: object, path: Path) -> list[list[str]]:
    """The ``[[filter, file hash], …]`` list of a ``pf_meta`` (its fourth field in Pagefind 1.5)."""
    if isinstance(meta, list) and len(meta) > 3 and isinstance(meta[3], list) and all(
            isinstance(entry, list) and len(entry) == 2 and all(isinstance(part, str) for part in entry)
            for entry in meta[3]):
        return meta[3]
    raise RenderError(f"{path}: not a Pagefind 1.5 metadata file (no filter list where 1.5 puts it)")


def _rename_in_entry(entry: Path, old: str, new: str) -> None:
    text = entry.read_text(encoding="utf-8")
    quoted = f'"{old}"'
    if text.count(quoted) != 1:
        raise RenderError(f"{entry}: expected the metadata hash {old} once, found it {text.count(quoted)} times")
    entry.write_text(text.replace(quoted, f'"{new}"'), encoding="utf-8")


def _read(path: Path) -> object:
    try:
        raw = gzip.decompress(path.read_bytes())
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise RenderError(f"{path}: cannot read Pagefind's file: {exc}") from exc
    if not raw.startswith(SIGNATURE):
        raise RenderError(f"{path}: not a Pagefind 1.5 file (no {SIGNATURE.decode()} signature)")
    try:
        return cbor2.loads(raw[len(SIGNATURE):])
    except (cbor2.CBORDecodeError, ValueError) as exc:
        raise RenderError(f"{path}: cannot decode Pagefind's file: {exc}") from exc


def _write(path: Path, value: object) -> None:
    """gzip with no time stamp: the same value gives the same bytes."""
    path.write_bytes(gzip.compress(SIGNATURE + cbor2.dumps(value), compresslevel=9, mtime=0))


def _pagefind_hash(data: bytes) -> str:
    """Pagefind's ``full_hash``: SHA-1 with each byte in hex *without* its leading zero."""
    return "".join(format(byte, "x") for byte in hashlib.sha1(data, usedforsecurity=False).digest())
