"""The search's part in the render: each page's stand-in made where MkDocs has its HTML in memory,
and each shard's Pagefind run started the moment its last page is written.

:mod:`.reuse` renders the pages (in forked processes on a full build) and asks :meth:`Beside.plan`,
before the first page is read, in which order to render them: the oldest shard's pages first,
then the newer shards' (the newest also holds the term pages), the pages nobody searches last.
Each render process makes the stand-in of every page it writes (:meth:`Beside.make`: the HTML is
in memory, nothing is read back) and writes it into its shard's stand-in folder; the parent takes
each one (:meth:`Beside.took`) into the cache, under the key :mod:`.search` looks it up by, and
starts a shard's Pagefind run once its last page is in (:class:`.pagefindruns.Starter`). A reused
page's stand-in comes from the cache as before (its HTML is the old site's file).

When few pages are to be rendered (a new article), :mod:`.reuse` makes the plan at MkDocs' file
list and hands over each page's content made from its Markdown (:meth:`Beside.early`): the shard
whose pages to render all get a stand-in from it starts then, before MkDocs' navigation and render
(the stand-ins of the written pages are still made, cached and checked against it).

The shards are foreseen from MkDocs' file list (the article pages per month, counted as
:func:`.shards.shard_plan` counts them); :mod:`.search` checks every early run's key against the
final plan and indexes a shard again when the guess did not hold (a page without content).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ..output.cache import Store, digest
from . import shards as sharding
from .pagefindruns import Starter, file_id
from .standins import STAND_INS_VERSION, kind_of, stand_in, stand_in_of_content

__all__ = ["Beside", "STAT_INDEX", "stand_in_key"]

STAT_INDEX = "stat index"  # search.pack: page -> (size, mtime ns, inode, SHA-256 of its HTML)


def stand_in_key(language: str, rel: str, kind: str, sha: str | None) -> str:
    """The search pack's key of a page's stand-in: the page, the SHA-256 of its HTML and the
    version of what a stand-in holds."""
    return digest("stand-in", STAND_INS_VERSION, language, rel, kind, sha)


class Beside:
    """What the render processes tell the search (see the module's docstring)."""

    def __init__(self, language: str, names: dict[str, str], cache: Store | None, starter: Starter | None,
                 bundle: str, shard_pages: int, terms_apart: bool, recent_pages: int) -> None:
        self.language, self.names, self.cache, self.starter, self.bundle = language, names, cache, starter, bundle
        self.shard_pages, self.terms_apart, self.recent_pages = shard_pages, terms_apart, recent_pages
        self.writing = False  # render processes write their stand-ins into the tree
        self.ahead: dict[str, str] = {}  # page to render -> its stand-in made from its Markdown (:meth:`early`)
        self.early_shards: set[str] = set()  # shards started on those stand-ins
        self._reset()

    def _reset(self) -> None:
        self.made: dict[str, tuple[str, str]] = {}  # page -> (SHA-256 of its HTML, its stand-in)
        self.found: dict[str, tuple[tuple, str, str]] = {}  # reused page from the cache -> (file id, SHA-256, key)
        self.shard_of: dict[str, str] = {}  # indexed page -> its foreseen shard
        self.members: dict[str, list[str]] = {}
        self.pending: dict[str, set[str]] = {}  # shard -> its pages still to be rendered
        self.blocked: set[str] = set()  # shards with a reused page whose stand-in is not cached

    def plan(self, site_dir: str, old_site: str, pages: list[tuple[str, bool]]) -> dict[str, int]:
        """Before the first page is read, given every page (site path, reused?): each page's rank
        in the render order (older shards first); shards with nothing to render start at once."""
        if self.starter is not None:
            self.starter.bundle = Path(site_dir) / self.bundle
        self._reset()  # planned again: MkDocs' list changed after the first plan (a plugin)
        indexed = [(rel, kind, reused) for rel, reused in pages if (kind := kind_of(rel)) is not None]
        months: dict[str, int] = {}
        for rel, _, _ in indexed:
            month = sharding.month_of(rel)
            if month:
                months[month] = months.get(month, 0) + 1
        plan = sharding.shard_plan(months, self.shard_pages, self.recent_pages)
        main = sharding.TERMS_SHARD if self.terms_apart and plan else max(plan.values(), default=sharding.ALL_SHARD)
        seen = None  # the stat index: loaded (the search pack) only for a reused page, not before a full render
        for rel, kind, reused in indexed:
            month = sharding.month_of(rel)
            shard = self.shard_of[rel] = plan[month] if month else main
            self.members.setdefault(shard, []).append(rel)
            if not reused:
                self.pending.setdefault(shard, set()).add(rel)
                continue
            if seen is None:
                seen = self.cache.get(STAT_INDEX) if self.cache is not None else None
                seen = seen if isinstance(seen, dict) else {}
            found = self._cached(os.path.join(old_site, rel), rel, kind, seen)
            if found is None:
                self.blocked.add(shard)
            else:
                self.made[rel] = found
        order = [*sorted(set(self.members) - {main}), main]
        if self.starter is not None and self.pending:
            self.starter.stand_ins.begin()  # before any render process writes into the tree
            self.writing = True
        for shard in order:
            if not self.pending.get(shard):
                self._start(shard)
        rank = {name: number for number, name in enumerate(order)}
        return {rel: rank.get(self.shard_of.get(rel, ""), len(order)) for rel, _ in pages}

    def _cached(self, path: str, rel: str, kind: str, seen: dict) -> tuple[str, str] | None:
        """A reused page's (SHA-256, stand-in) from the cache, when its old file is the one recorded."""
        known = file_id(path)
        if not known or seen.get(rel, (None,))[:-1] != known:
            return None
        sha = seen[rel][-1]
        key = stand_in_key(self.language, rel, kind, sha)
        document = self.cache.get(key) if self.cache is not None else None
        if not isinstance(document, str):
            return None
        self.found[rel] = (known, sha, key)
        return sha, document

    def early(self, contents: dict[str, str | None]) -> None:
        """Before MkDocs reads a page (few pages to render): each page's content made from its
        Markdown (:func:`.fastmd.content_of`; None: not made), its stand-in cut from it as from the
        page; a shard whose pages to render all have one starts now, beside MkDocs' navigation and
        render. The stand-ins the written pages give (:meth:`make`) stay the ones cached and keyed:
        a shard started on another is indexed again (:meth:`.search.Indexer.finish`)."""
        for rel, content in contents.items():
            kind = kind_of(rel)
            document = stand_in_of_content(content, rel, kind, self.language, self.names) if kind and content else None
            if document:
                self.ahead[rel] = document
        for shard, waiting in self.pending.items():
            if waiting and all(rel in self.ahead for rel in waiting) and self._start(shard):
                self.early_shards.add(shard)

    def make(self, rel: str, html: bytes) -> tuple | None:
        """In the process that wrote the page: its stand-in (written into its shard's folder), for :meth:`took`."""
        kind = kind_of(rel)
        if kind is None:
            return None
        document = stand_in(html.decode("utf-8", errors="replace"), rel, kind, self.language, self.names) or ""
        shard = self.shard_of.get(rel)
        entry = self.starter.stand_ins.put(shard, rel, document) \
            if self.writing and shard and document and shard not in self.early_shards else None
        return rel, kind, hashlib.sha256(html).hexdigest(), document, entry

    def took(self, record: tuple) -> None:
        """In the parent: a page's stand-in, cached; its shard started if it was the last page."""
        rel, kind, sha, document, entry = record
        self.made[rel] = (sha, document)
        if self.cache is not None:
            self.cache.put(stand_in_key(self.language, rel, kind, sha), document)
        if entry is not None:
            self.starter.stand_ins.record(entry, document)
        shard = self.shard_of.get(rel, "")
        waiting = self.pending.get(shard)
        if waiting is not None and rel in waiting:
            waiting.discard(rel)
            if not waiting:
                self._start(shard)

    def _start(self, shard: str) -> bool:
        """Start the shard's run (unless its previous bundle has the same key); True if it started."""
        if self.starter is None or shard in self.blocked or shard in self.starter.started:
            return False
        made, ahead = self.made, self.ahead
        docs = sorted((rel, made[rel][1] if rel in made else ahead[rel]) for rel in self.members.get(shard, ()))
        docs = [(rel, document) for rel, document in docs if document]
        if docs:
            self.starter.start(shard, docs)
        return shard in self.starter.started
