"""The page cache's store: an index of pages in a sealed pack, their texts in a file beside it.

A one-article build stages some 11,600 pages, nearly all of them the very pages of the last
build. Staging needs a page's text only when its file in docs/ is not the one recorded for it
(:func:`archive_gen.output.staging.stage_tree`); otherwise the page's SHA-256 is all it uses.
Kept in one pack, every text (105 MB at 10,000 articles) was read, checked and unpickled, then
decoded, encoded and hashed again, for nothing. Here the pack (:class:`~.cache.Store`, sealed and
journalled as every pack) holds per key only each page's path, SHA-256 and the place of its bytes
in ``<namespace>.texts``, an append-only file; a text is read (``pread``) when asked for, and
checked against its SHA-256 then. A text that does not match (a damaged, truncated or foreign
file) is rendered again by the caller's fallback, never used: the texts file is a hint like the
others. It starts with a random id that every index entry names; a new texts file (written
whole when more than half of it is dead) gets a new id, so an index never points into another file.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from pathlib import Path
from typing import Any, Callable, Iterable

from ..errors import GenerateError
from .cache import Store

_MAGIC = b"archive-gen-texts "
_ID_BYTES = 16
_HEADER = len(_MAGIC) + 2 * _ID_BYTES + 1  # magic, the id in hex, a newline

Encoded = list[tuple[str, Any]]  # (docs path, UTF-8 bytes or a StoredText)


class StoredText:
    """One page of the store: its SHA-256 at hand, its bytes read (and checked) when asked for."""

    __slots__ = ("texts", "path", "sha", "offset", "length", "fallback", "_text")

    def __init__(self, texts: _Texts, path: str, sha: str, offset: int, length: int) -> None:
        self.texts, self.path, self.sha, self.offset, self.length = texts, path, sha, offset, length
        self.fallback: Callable[[], list[tuple[str, Any]]] | None = None  # the page's group, rendered again
        self._text: str | None = None

    def data(self) -> bytes:
        data = self.texts.read(self.offset, self.length)
        if data is not None and hashlib.sha256(data).hexdigest() == self.sha:
            return data
        for path, page in self.fallback() if self.fallback is not None else ():
            if path == self.path:
                return page if isinstance(page, bytes) else page.data()
        raise GenerateError(f"the page cache's text of {self.path} is damaged and cannot be rendered again")

    def text(self) -> str:
        """The page as a string, kept once made (a long-lived preview compares strings by identity)."""
        if self._text is None:
            self._text = self.data().decode("utf-8")
        return self._text


class _Texts:
    """The texts file: read with ``pread`` on one open descriptor (another process's new file
    does not pull the bytes away under a reader), appended to on save."""

    def __init__(self, path: Path) -> None:
        self.path, self.fd, self.id, self.size = path, -1, "", 0
        try:
            self.fd = os.open(path, os.O_RDWR | os.O_APPEND)  # each write lands at the end, even beside another writer
            head = os.pread(self.fd, _HEADER, 0)
            if head.startswith(_MAGIC) and head.endswith(b"\n") and len(head) == _HEADER:
                self.id, self.size = head[len(_MAGIC):-1].decode("ascii"), os.fstat(self.fd).st_size
        except (OSError, UnicodeDecodeError):
            pass

    def read(self, offset: int, length: int) -> bytes | None:
        try:
            data = os.pread(self.fd, length, offset)
        except OSError:
            return None
        return data if len(data) == length else None

    def append(self, chunks: list[bytes]) -> int:
        """Write ``chunks`` at the end; their first offset."""
        if not self.id:
            raise OSError("no texts file")
        data = b"".join(chunks)
        if os.write(self.fd, data) != len(data):
            raise OSError("short write")
        self.size = os.lseek(self.fd, 0, os.SEEK_CUR)
        return self.size - len(data)

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
        self.fd = -1

    @classmethod
    def create(cls, path: Path, chunks: Iterable[bytes]) -> _Texts:
        """A new texts file with a new id, written beside ``path`` and renamed into place."""
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as out:  # as the packs
                out.write(_MAGIC + secrets.token_hex(_ID_BYTES).encode("ascii") + b"\n")
                for chunk in chunks:
                    out.write(chunk)
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return cls(path)


class PageStore:
    """Rendered pages by key, as :class:`~.cache.Store` keeps values: ``get``, ``put``, ``save``.

    ``get`` gives a key's pages as (path, :class:`StoredText`), made once per key and kept (a
    long-lived owner asks again and again); what ``put`` gave, as given, until saved."""

    SLACK = 1 << 20  # dead bytes always tolerated before the texts file is written anew

    def __init__(self, root: Path, namespace: str = "pages") -> None:
        self.index = Store(root, namespace)
        self.path = Path(root) / f"{namespace}.texts"
        self._texts: _Texts | None = None
        self._pending: dict[str, list[tuple[str, Any]]] = {}
        self._views: dict[str, Encoded] = {}

    @property
    def hits(self) -> int:
        return self.index.hits

    @property
    def texts(self) -> _Texts:
        if self._texts is None:
            self._texts = _Texts(self.path)
        return self._texts

    def get(self, key: str) -> Encoded | None:
        pending = self._pending.get(key)
        if pending is not None:
            return pending
        view = self._views.get(key)
        if view is not None:
            return view
        entry = self.index.get(key)
        if not (isinstance(entry, tuple) and len(entry) == 2 and entry[0] and entry[0] == self.texts.id):
            return None
        view = self._views[key] = [(path, StoredText(self.texts, path, sha, offset, length))
                                   for path, sha, offset, length in entry[1]]
        return view

    def put(self, key: str, pages: list[tuple[str, Any]]) -> None:
        """A key's pages as UTF-8 bytes, or as pages that know their SHA-256 (a just rendered
        page, :class:`archive_gen.render.Made`: staging hashed it already) and are kept as given."""
        self._pending[key] = pages
        self._views.pop(key, None)

    def save(self, keep: Iterable[str] | None = None) -> None:
        """New texts appended to the texts file, then the index saved (pruned to ``keep``):
        a run killed between the two leaves bytes no entry names. When most of the file is
        dead (all of it: new code, a foreign index), it is written anew (a new id) with the live texts only."""
        keep = set(self.index.keys()) | set(self._pending) if keep is None else set(keep)
        pending = {key: pages for key, pages in self._pending.items() if key in keep}
        try:
            live = sum(sum(p[3] for p in entry[1]) for key in keep if key not in pending
                       and isinstance(entry := self.index.get(key), tuple) and entry[0] == self.texts.id)
            fresh = sum(len(data) if isinstance(data, bytes) else data.length for pages in pending.values()
                        for _, data in pages)
            if not self.texts.id or not live or self.texts.size - _HEADER > 2 * (live + fresh) + self.SLACK:
                self._rewrite(keep, pending)
            elif pending:
                self._append(pending)
        except OSError:
            return  # the index keeps naming only what is there: costs time, never truth
        self._pending = {}
        self.index.save(keep)

    def _append(self, pending: dict[str, list[tuple[str, Any]]]) -> None:
        made = {key: [(path, *_bytes_and_sha(page)) for path, page in pages] for key, pages in pending.items()}
        at = self.texts.append([data for pages in made.values() for _, data, _ in pages])
        for key, pages in made.items():
            rows = []
            for path, data, sha in pages:
                rows.append((path, sha, at, len(data)))
                at += len(data)
            self.index.put(key, (self.texts.id, tuple(rows)))
            self._views.pop(key, None)

    def _rewrite(self, keep: set[str], pending: dict[str, list[tuple[str, Any]]]) -> None:
        """A new texts file with the live texts (copied as they are: each is checked when read)."""
        old, rows_of = self.texts, {}
        chunks: list[bytes] = []
        at = _HEADER
        for key in sorted(keep):
            if key in pending:
                pages = [(path, sha, data) for path, (data, sha) in
                         ((path, _bytes_and_sha(page)) for path, page in pending[key])]
            else:
                entry = self.index.get(key)
                if not (isinstance(entry, tuple) and entry[0] and entry[0] == old.id):
                    continue
                pages = [(path, sha, old.read(offset, length) or b"") for path, sha, offset, length in entry[1]]
            rows = []
            for path, sha, data in pages:
                rows.append((path, sha, at, len(data)))
                chunks.append(data)
                at += len(data)
            rows_of[key] = tuple(rows)
        self._texts = _Texts.create(self.path, chunks)
        old.close()
        self._views = {}
        for key, rows in rows_of.items():
            self.index.put(key, (self._texts.id, rows))


def _bytes_and_sha(page: Any) -> tuple[bytes, str]:
    """A page given to :meth:`PageStore.put`: its bytes and their SHA-256, hashed here only if
    the page does not know it (staging has hashed every page it wrote or compared)."""
    if isinstance(page, bytes):
        return page, hashlib.sha256(page).hexdigest()
    return page.data(), page.sha
