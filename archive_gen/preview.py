"""The preview session: what ``archive-gen serve`` keeps in memory between two rebuilds.

A plain ``generate`` reloads both cache packs (~150 MB at 10,000 articles), compares every docs/
page with its file, stages a whole new docs/ and rewrites the packs: seconds of work for one
edited article. The serve process lives for hours, so a :class:`PreviewSession` keeps instead

- the packs (a :class:`~archive_gen.pipeline.Memo`): the annotation and page caches, the
  registry with the stamp of its files, and the Git dates with HEAD and the list of files. An article whose file's stat is unchanged is not read;
  an edited one is annotated again, and only its page and the pages that list it are rendered
  (the page keys say which);
- the text of every docs/ page as last written: a page is written only when its text changed
  (a cached page is the very same string: no comparison of bytes), a page that went away is
  removed. Each file is replaced by a rename, so MkDocs never reads half a page, and its new
  modification time is what MkDocs' dirty build renders again.

The packs are written lazily (:meth:`PreviewSession.flush`: after a quiet period and at exit),
sealed and atomic as always: a pack on disk is an older one or the current one, never a lie.
The first run, or a run after someone else replaced docs/ (a ``build``), stages a complete
docs/ like ``generate``. The result equals what a clean ``generate`` writes
(tests/test_serve.py proves it for edited, added and removed articles and registry entries).
"""

from __future__ import annotations

import os
import secrets
import threading
from pathlib import Path
from typing import Iterable

from .config import Config
from .errors import Diagnostics, GenerateError
from .output import WriteStats, tree_lock
from .output.cache import tree_identity
from .output.pagestore import StoredText
from .pipeline import Generated, Memo, Progress, compose, stage

QUIET_SECONDS = 30.0  # no rebuild for this long: the packs are written


class PreviewSession:
    """Owned by ``serve``: :meth:`regenerate` before every rebuild, :meth:`close` at exit."""

    def __init__(self, config: Config, jobs: int | None = None, quiet_seconds: float = QUIET_SECONDS) -> None:
        self.config, self.jobs, self.quiet_seconds = config, jobs, quiet_seconds
        self.memo = Memo.of(config, long_lived=True)
        self.written: dict[str, str] | None = None  # docs/ path -> the text its file holds
        self.identity: list[int] | None = None  # docs/ as this session last left it
        self.unsaved = False
        self.changes: tuple[frozenset[str], frozenset[str]] | None = None  # last run: (written, removed), None: staged whole
        self._lock = threading.RLock()
        self._timer: threading.Timer | None = None

    def regenerate(self, diags: Diagnostics, progress: Progress = lambda _: None) -> Generated:
        """content/ → docs/, writing only the pages whose text changed."""
        with self._lock, tree_lock(self.config.docs_dir):
            self.unsaved, self.changes = True, None
            try:
                if self.written is None or tree_identity(self.config.docs_dir) != self.identity:
                    return self._staged(diags, progress)
                archive, stats = compose(self.config, diags, self._write, progress, memo=self.memo, jobs=self.jobs)
            except BaseException:
                self.written = None  # docs/ may be half old, half new: the next run stages it whole
                raise
            finally:
                self._schedule_flush()
        progress(f"docs: {stats.written} written, {stats.unchanged} unchanged, {stats.removed} removed")
        return Generated(archive, stats)

    def _staged(self, diags: Diagnostics, progress: Progress) -> Generated:
        """A complete new docs/, swapped in as ``generate`` does; remembers every page's text."""
        texts: dict[str, str] = {}

        def remember(rel: str, data: bytes | StoredText, _sha: str) -> None:
            texts[rel] = data.decode("utf-8") if isinstance(data, bytes) else data.text()

        archive, staged = stage(self.config, diags, progress, observe=remember, memo=self.memo, jobs=self.jobs)
        staged.commit()
        self.written, self.identity = texts, tree_identity(self.config.docs_dir)
        progress(f"docs: {staged.stats.written} written, {staged.stats.unchanged} unchanged, {staged.stats.removed} removed")
        return Generated(archive, staged.stats)

    def _write(self, pages: Iterable[tuple[str, str | StoredText]]) -> WriteStats:
        docs, old = self.config.docs_dir, self.written or {}
        new: dict[str, str] = {}
        written: list[str] = []
        for rel, page in pages:
            _check_path(rel, new)
            text = page if isinstance(page, str) else page.text()  # the same string as last time
            new[rel] = text
            before = old.get(rel)
            if before is not text and before != text:
                _replace(docs / rel, text.encode("utf-8"))
                written.append(rel)
        gone = [rel for rel in old if rel not in new]
        for rel in gone:
            _remove(docs, rel)
        self.written, self.changes = new, (frozenset(written), frozenset(gone))
        if written or gone:  # a build's manifest must not take this docs/ for the one it swapped in
            os.utime(docs)
        self.identity = tree_identity(docs)
        return WriteStats(len(written), len(new) - len(written), len(gone))

    def flush(self) -> None:
        """Write the packs if a rebuild changed them since the last flush."""
        with self._lock:
            if self.unsaved:
                self.memo.save()
                self.unsaved = False

    def _schedule_flush(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._timer = threading.Timer(self.quiet_seconds, self.flush)
        self._timer.daemon = True
        self._timer.start()

    def close(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self.flush()


def _check_path(rel: str, taken: dict[str, str]) -> None:
    """paths.py keeps every page path unique and inside docs/: a bug otherwise."""
    if not rel or rel.startswith("/") or "\\" in rel or rel in taken or ".." in rel.split("/"):
        raise GenerateError(f"page path {rel!r} leaves docs/ or is taken twice")


def _replace(path: Path, data: bytes) -> None:
    """Write through a hidden temporary file and a rename: a reader sees the old page or the new."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _remove(docs: Path, rel: str) -> None:
    """Remove a page that went away, and the folders it leaves empty."""
    path = docs / rel
    path.unlink(missing_ok=True)
    for folder in path.parents:
        if folder == docs or not folder.is_relative_to(docs):
            break
        try:
            folder.rmdir()
        except OSError:
            break
