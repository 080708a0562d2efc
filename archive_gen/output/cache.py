"""The build cache in ``.archive-gen-cache/``: what the last runs learnt, never trusted blindly.

Two things live there, both safe to delete at any time (the next build is then a full one):

- **entries** (:class:`Store`): one file per key, e.g. an annotated article under the hash of
  its file's bytes and of everything annotation depends on. Each file starts with a header
  (format, archive-gen code version) and the SHA-256 of its payload; a file that is truncated,
  corrupt, or written by another version is dropped and recomputed, never used.
- **the manifest** (:func:`read_manifest`, :func:`write_manifest`): what the last successful
  build read and wrote (the inputs' fingerprint, each page's render key, the identity of the
  docs/ and site/ it swapped in), checksummed the same way. It is removed before a build swaps
  its trees in and written after, so it never describes trees that are not there.

The code version is a hash of archive_gen's own files: any change to the code invalidates
every entry, the manifest and every rendered page.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any, Iterable

CACHE_DIR = ".archive-gen-cache"
FORMAT = 1
_MAGIC = b"archive-gen-cache"
_PACKAGE = Path(__file__).resolve().parents[1]


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """SHA-256 over archive_gen's source and data files (Python, templates, catalogs, lists)."""
    digest = hashlib.sha256(f"format {FORMAT}".encode())
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".pyo"):
            digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def digest(*parts: bytes | str) -> str:
    """One SHA-256 over several parts, unambiguously separated."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big") + data)
    return h.hexdigest()


def _header() -> bytes:
    return b"%s %d %s\n" % (_MAGIC, FORMAT, code_version().encode())


def _seal(payload: bytes) -> bytes:
    return _header() + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload


def _unseal(data: bytes) -> bytes | None:
    """The payload, or None when the header, the version or the checksum does not match."""
    header = _header()
    if not data.startswith(header) or len(data) < len(header) + 65:
        return None
    checksum, payload = data[len(header):len(header) + 64], data[len(header) + 65:]
    if data[len(header) + 64:len(header) + 65] != b"\n" or hashlib.sha256(payload).hexdigest().encode() != checksum:
        return None
    return payload


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file and a rename: readers see the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        with _quiet():
            os.unlink(tmp)
        raise


class _quiet:
    def __enter__(self):
        return self

    def __exit__(self, kind, value, tb):
        return kind is not None and issubclass(kind, OSError)


class Store:
    """Pickled values by key (hex), one sealed file each, under ``root/namespace/ab/``.

    Only archive-gen writes these files, into the project's own cache folder; a file that does
    not carry our header and a matching checksum is never unpickled."""

    def __init__(self, root: Path, namespace: str) -> None:
        self.dir = Path(root) / namespace
        self.hits = self.misses = 0

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / key

    def get(self, key: str) -> Any | None:
        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            self.misses += 1
            return None
        payload = _unseal(data)
        value = None
        if payload is not None:
            try:
                value = pickle.loads(payload)
            except Exception:  # a payload that passed the checksum but not unpickling: drop it
                value = None
        if value is None:
            with _quiet():
                path.unlink()
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, key: str, value: Any) -> None:
        try:
            write_atomic(self._path(key), _seal(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))
        except OSError:
            pass  # a cache that cannot be written costs time, never the build

    def prune(self, keep: Iterable[str]) -> int:
        """Delete every entry not in ``keep`` (after a complete build); returns how many."""
        keep = set(keep)
        removed = 0
        if not self.dir.is_dir():
            return 0
        for sub in self.dir.iterdir():
            for path in (sub.iterdir() if sub.is_dir() else ()):
                if path.name not in keep:
                    with _quiet():
                        path.unlink()
                        removed += 1
        return removed


# ---------------------------------------------------------------------------- manifest

MANIFEST = "manifest.json"


def read_manifest(root: Path) -> dict | None:
    """The last successful build's manifest, or None when absent, corrupt or of another version."""
    try:
        payload = _unseal((Path(root) / MANIFEST).read_bytes())
        data = json.loads(payload) if payload is not None else None
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def write_manifest(root: Path, data: dict) -> None:
    try:
        write_atomic(Path(root) / MANIFEST, _seal(json.dumps(data, sort_keys=True, separators=(",", ":")).encode()))
    except OSError:
        pass


def drop_manifest(root: Path) -> None:
    with _quiet():
        (Path(root) / MANIFEST).unlink()


def tree_identity(path: Path) -> list[int] | None:
    """Device, inode and modification time of a directory: every swap puts a new one in place,
    and whoever writes into it (a hand-run ``mkdocs build``) changes its time."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return [info.st_dev, info.st_ino, info.st_mtime_ns]
