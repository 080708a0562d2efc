"""The build cache in ``.archive-gen-cache/``: what the last runs learnt, never trusted blindly.

Two things live there, both safe to delete at any time (the next build is then a full one):

- **packs** (:class:`Store`): values by key, e.g. an annotated article under the hash of its
  file's bytes and of everything annotation depends on, one file per kind. Each file starts
  with a header (format, archive-gen code version) and the SHA-256 of its payload; a file that
  is truncated, corrupt, or written by another version is ignored and rebuilt, never used.
- **the manifest** (:func:`read_manifest`, :func:`write_manifest`): what the last successful
  build read and wrote (the inputs' fingerprint, each page's render key, the identity of the
  docs/ and site/ it swapped in), checksummed the same way. It is removed before a build swaps
  its trees in and written after, so it never describes trees that are not there.

The code version is a hash of archive_gen's own files: any change to the code invalidates
every entry, the manifest and every rendered page.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import json
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterable

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


def _unseal(data: bytes) -> memoryview | None:
    """The payload (a view: a pack of hundreds of MB is not copied), or None when the header,
    the version or the checksum does not match."""
    header = _header()
    if not data.startswith(header) or len(data) < len(header) + 65:
        return None
    view = memoryview(data)
    checksum, payload = data[len(header):len(header) + 64], view[len(header) + 65:]
    if data[len(header) + 64:len(header) + 65] != b"\n" or hashlib.sha256(payload).hexdigest().encode() != checksum:
        return None
    return payload


class _Hashing:
    """A file that hashes what is written to it: a pack is pickled straight to disk."""

    def __init__(self, handle: BinaryIO) -> None:
        self.handle, self.hash = handle, hashlib.sha256()

    def write(self, data) -> int:
        self.hash.update(data)
        return self.handle.write(data)


def _write_sealed_pickle(path: Path, value: Any) -> bytes:
    """``_seal(pickle.dumps(value))`` written atomically, without the payload in memory twice
    (at 50,000 articles the page pack alone is ~0.5 GB): the checksum is filled in last and
    returned."""
    checksum = b""

    def fill(handle: BinaryIO) -> None:
        nonlocal checksum
        header = _header()
        handle.write(header + b"0" * 64 + b"\n")
        sink = _Hashing(handle)
        pickle.dump(value, sink, protocol=pickle.HIGHEST_PROTOCOL)
        handle.seek(len(header))
        checksum = sink.hash.hexdigest().encode()
        handle.write(checksum)

    _atomic(path, fill)
    return checksum


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file and a rename: readers see the old file or the new one."""
    _atomic(path, lambda handle: handle.write(data))


def _atomic(path: Path, fill: Callable[[BinaryIO], Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w+b") as handle:
            fill(handle)
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


def _unpickle_long_lived(payload: memoryview) -> Any:
    """``pickle.loads`` of a pack: millions of objects that live as long as the run. The cyclic
    garbage collector is paused while they are made and then told to leave them be
    (``gc.freeze``): otherwise its full collections scan them again and again (at 10,000
    articles, ten collections took seconds of a one-article build). Reference counting still
    frees them."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        value = pickle.loads(payload)
        gc.freeze()
        return value
    finally:
        if enabled:
            gc.enable()


class Store:
    """Pickled values by key, kept in one sealed pack file ``root/<namespace>.pack``.

    One file, not one per entry: a build reads it once (at 10,000 articles, ten thousand small
    files cost more to open than to unpickle). It is loaded on the first :meth:`get` and saved
    by :meth:`save` with the entries this run used. Only archive-gen writes it, into the
    project's own cache folder; a pack without our header and a matching checksum is never
    unpickled, and any failure to read it means an empty cache.

    A save that changes little (one new article: a few entries of ten thousand) does not
    rewrite the pack: it writes a *journal* beside it (``<namespace>.journal``, sealed the same
    way), the entries put and dropped since the pack was written, tied to the pack's checksum.
    Loading applies it only to that very pack; when the journal has grown to
    :data:`JOURNAL_SHARE` of the entries, the pack is written whole again and the journal goes.
    Every entry is a value for its key, so a journal lost (or ignored) costs time, never truth."""

    JOURNAL_SHARE = 0.1

    def __init__(self, root: Path, namespace: str) -> None:
        self.path = Path(root) / f"{namespace}.pack"
        self.journal = Path(root) / f"{namespace}.journal"
        self.hits = self.misses = 0
        self._entries: dict[str, Any] | None = None
        self._changed = False
        self._base = b""  # checksum of the pack as loaded (or last written): what a journal extends
        self._puts: dict[str, Any] = {}  # since that pack
        self._drops: set[str] = set()

    def _load(self) -> dict[str, Any]:
        if self._entries is None:
            self._entries = {}
            try:
                data = self.path.read_bytes()
                payload = _unseal(data)
                entries = _unpickle_long_lived(payload) if payload is not None else None
            except Exception:  # unreadable, truncated, not ours: start empty
                entries = None
            if isinstance(entries, dict):
                self._entries = entries
                self._base = data[len(_header()):len(_header()) + 64]
                self._replay()
            else:
                self._changed = self.path.exists()
        return self._entries

    def _replay(self) -> None:
        """Apply the journal written for this very pack, if there is one."""
        try:
            payload = _unseal(self.journal.read_bytes())
            journal = _unpickle_long_lived(payload) if payload is not None else None
        except Exception:
            return
        if isinstance(journal, tuple) and len(journal) == 3 and journal[0] == self._base \
                and isinstance(journal[1], dict) and isinstance(journal[2], (set, frozenset)):
            assert self._entries is not None
            self._puts, self._drops = journal[1], set(journal[2])
            self._entries.update(self._puts)
            for key in self._drops:
                self._entries.pop(key, None)

    def get(self, key: str) -> Any | None:
        value = self._load().get(key)
        if value is None:
            self.misses += 1
        else:
            self.hits += 1
        return value

    def keys(self) -> list[str]:
        return list(self._load())

    def put(self, key: str, value: Any) -> None:
        self._load()[key] = value
        self._puts[key] = value
        self._drops.discard(key)
        self._changed = True

    def save(self, keep: Iterable[str] | None = None) -> None:
        """Save the entries (only those in ``keep``, when given): as a journal when few changed,
        else as a whole new pack; a failure costs time only."""
        entries = self._load()
        if keep is not None:
            keep = set(keep)
            if len(keep) != len(entries) or not keep.issuperset(entries):
                gone = [k for k in entries if k not in keep]
                entries = self._entries = {k: v for k, v in entries.items() if k in keep}  # a long-lived
                self._changed = True  # owner (the preview) prunes its memory too
                self._drops.update(gone)
                for key in gone:
                    self._puts.pop(key, None)
        if not self._changed:
            return
        try:
            if self._base and len(self._puts) + len(self._drops) <= self.JOURNAL_SHARE * max(len(entries), 1):
                _write_sealed_pickle(self.journal, (self._base, self._puts, frozenset(self._drops)))
            else:
                self._base = _write_sealed_pickle(self.path, entries)
                self._puts, self._drops = {}, set()
                with _quiet():
                    self.journal.unlink()
            self._changed = False
        except OSError:
            pass


# ---------------------------------------------------------------------------- manifest

MANIFEST = "manifest.json"


def read_manifest(root: Path) -> dict | None:
    """The last successful build's manifest, or None when absent, corrupt or of another version."""
    try:
        payload = _unseal((Path(root) / MANIFEST).read_bytes())
        data = json.loads(bytes(payload)) if payload is not None else None
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


CLOCK = "clock"  # a stamp file in the cache folder: its modification time is the file system's "now"


def fs_clock(folder: Path | str, name: str = CLOCK) -> int:
    """The file system's time now, as it stamps files (what Git's index file mtime is to its
    entries), read off the file ``name`` in ``folder`` (touched; made if missing). A stat
    recorded for a file modified at or after this time is *racily clean*: a later change
    within the same timestamp tick, same size, same inode would leave the stat as recorded,
    so such a record must not be trusted. 0 when it cannot tell (every record is then racy:
    read again, never missed)."""
    stamp = os.path.join(folder, name)
    try:
        os.makedirs(folder, exist_ok=True)
        with open(stamp, "ab"):
            pass
        os.utime(stamp)  # the kernel's clock for file times (coarser than time.time_ns, and what counts)
        return os.stat(stamp).st_mtime_ns
    except OSError:
        return 0
