"""The site's full-text search: a Pagefind index of the rendered site in ``site/pagefind/``.

Material's own search plugin (lunr) writes one ``search_index.json`` that every reader downloads
whole on the first search (34.6 MB at 10,000 articles). Pagefind writes a chunked static index
instead: a search fetches the small entry files, the index chunks of the words searched and the
fragments of the results shown, so what a reader downloads grows with the query, not with the
archive. ``overrides/partials/search.html`` puts Pagefind's own UI into the header; it loads
nothing until a reader opens the search.

Call :func:`index_site` once MkDocs has rendered the site (the ``pagefind`` binary comes with
the ``pagefind[bin]`` package: no download at run time)::

    from archive_gen.publish.search import index_site
    stats = index_site(site_dir, language="de", quiet=True)

What is indexed, and how: :mod:`.standins`.

Shards (:mod:`.shards`): the article pages of consecutive months go into one Pagefind bundle
until it holds ``SHARD_PAGES`` pages (``site/pagefind/<first month>/``; the term pages join the
newest); an archive of fewer pages has one bundle (``site/pagefind/all/``). The list is
``site/pagefind/shards.json``, which ``overrides/assets/search/search.js`` reads to load the
main bundle, merge the others (Pagefind's ``mergeIndex``: one WebAssembly file, filters and
results merged) and name the filters, whose values load only when a reader opens one.

Rebuilds (``archive-gen build``): the stand-in of each page is kept in the build cache (a sealed
pack, ``search.pack``) under the hash of the page's HTML, so only changed pages are parsed
again; the stand-in files Pagefind reads stay in the cache folder (``search-site/<shard>/``) and
only changed ones are rewritten. Each shard has a key (the digest of its stand-ins and the
binary); the pack records the keys of the last indexes (``shard keys``: overall key -> shard
keys). When the previous site's index (``previous``: its key and its site) has a shard with the
same key, Pagefind does not run for it: the previous shard's files are hard-linked into the
new site (nobody writes into them: Pagefind writes a new bundle). What a rebuild gives is
therefore exactly what Pagefind gives for the same stand-ins, i.e. what a clean build gives.
Shards that must be indexed run two at a time (two cores; Pagefind uses more than one thread
only part of the time). ``archive-gen build`` begins its :class:`Indexer` before MkDocs renders:
the render processes make each page's stand-in as they write the page (:mod:`.beside`), oldest
shard first, and a shard's Pagefind run starts as soon as its last page is written
(:mod:`.pagefindruns`), while MkDocs renders the newer pages or links the reused ones; what is
left after the render is what the render did not make (checked against the final shards). Without
it (:func:`index_site`), the stand-ins not in the cache are parsed from the HTML in forked workers
(``jobs``), and a shard of old months starts as soon as the newer months' pages come.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import RenderError
from ..output.cache import Store, digest
from . import shards as sharding
from ..forking import fork_imap
from .beside import STAT_INDEX, Beside, stand_in_key
from .pagefindruns import Runs, StandInTree, Starter, file_id, shard_key
from .standins import FILTER_NAMES, pages_to_index, stand_in

__all__ = ["SearchStats", "index_site", "pagefind_executable", "BUNDLE_DIR", "SHARDS_FILE"]

BUNDLE_DIR = "pagefind"  # site/pagefind/: what overrides/partials/search.html loads
STAND_IN_TREE = "search-site"  # .archive-gen-cache/search-site/: the stand-ins Pagefind reads
SHARDS_FILE = "shards.json"  # site/pagefind/shards.json: {"main": shard, "merge": [shards], "filters": [names],
#                                                      "language": the index's (Pagefind's --force-language)}
_SHARD_KEYS = "shard keys"  # search.pack: overall key -> {shard: key}, for the last two indexes

@dataclass(frozen=True)
class SearchStats:
    """What :func:`index_site` indexed and wrote."""

    articles: int   # article pages indexed
    terms: int      # actor, place, topic and source pages indexed
    files: int      # files written to site/pagefind/
    bytes: int      # their total size
    seconds: float  # wall-clock time of the whole call (stand-ins + pagefind)
    key: str = ""   # digest of every stand-in: equal keys, equal input to Pagefind
    reused: bool = False  # the previous bundle was linked, Pagefind did not run
    indexed: tuple[str, ...] = ()  # the shards Pagefind indexed (the others were linked)

    @property
    def pages(self) -> int:
        return self.articles + self.terms


def pagefind_executable() -> Path:
    """The ``pagefind`` binary: ``$PAGEFIND_BINARY_PATH``, the one ``pagefind[bin]`` installed,
    or one on ``PATH``. Raises :class:`RenderError` when there is none."""
    env = os.environ.get("PAGEFIND_BINARY_PATH")
    candidates: list[Path] = [Path(env)] if env else []
    if not env:
        try:
            from pagefind_bin import get_executable  # the binary shipped in the wheel
        except ImportError:
            pass
        else:
            try:
                candidates.append(Path(get_executable()))
            except (FileNotFoundError, OSError):
                pass
        found = shutil.which("pagefind")
        if found:
            candidates.append(Path(found))
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    where = f" ($PAGEFIND_BINARY_PATH={env} is not an executable file)" if env else ""
    raise RenderError(
        f"cannot build the search index: the pagefind binary was not found{where}; "
        "install it with: pip install 'pagefind[bin]' (see .ci/constraints.txt for the version)")


def index_site(site_dir: Path, *, language: str = "de", quiet: bool = True, cache: Store | None = None,
               previous: tuple[str, Path] | None = None, shard_pages: int | None = None,
               terms_apart: bool | None = None, recent_pages: int | None = None, jobs: int = 1) -> SearchStats:
    """Index the rendered site in ``site_dir`` with Pagefind into ``site_dir/pagefind/``.

    Call it after MkDocs rendered the site (and before the site is published or swapped into
    place). An existing ``pagefind/`` directory is replaced. ``language`` is the one language
    all pages are indexed and stemmed in (an ISO 639-1 code; Pagefind UI takes its strings from
    the page's ``<html lang>``). With ``quiet=False`` Pagefind's progress is printed.
    ``cache``: stand-ins by page hash (see above); ``previous``: (:attr:`SearchStats.key`, site
    dir) of a complete earlier index whose bundle may be reused when the key is the same;
    ``shard_pages``, ``terms_apart``, ``recent_pages``: how the index is sharded (``SHARD_PAGES``,
    ``TERMS_APART``, ``RECENT_PAGES``). :class:`Indexer` does the same beside the render.

    Raises :class:`~archive_gen.errors.RenderError` when the binary is missing, ``site_dir`` is
    no rendered site, or Pagefind fails.
    """
    with Indexer(language=language, quiet=quiet, cache=cache, previous=previous, shard_pages=shard_pages,
                 terms_apart=terms_apart, recent_pages=recent_pages, jobs=jobs) as indexer:
        return indexer.finish(Path(site_dir))


class Indexer:
    """One site's search index, begun before the render: :attr:`beside` is what the render
    processes hand each page's stand-in to (:mod:`.beside`; shards start as soon as they are
    final), :meth:`finish` indexes the rest once the site is complete (also a site rendered
    without it: every stand-in then comes from the cache or the HTML). Stops its Pagefind runs
    on :meth:`close` (a failed render)."""

    def __init__(self, *, language: str = "de", quiet: bool = True, cache: Store | None = None,
                 previous: tuple[str, Path] | None = None, shard_pages: int | None = None,
                 terms_apart: bool | None = None, recent_pages: int | None = None, jobs: int = 1) -> None:
        self.began = time.perf_counter()
        if not re.fullmatch(r"[a-z]{2}(-[A-Za-z0-9]+)?", language):
            raise RenderError(f"cannot build the search index: {language!r} is no language code like 'de'")
        executable = pagefind_executable()
        self.language, self.cache, self.previous, self.jobs = language, cache, previous, jobs
        self.names = FILTER_NAMES.get(language.split("-")[0], FILTER_NAMES["en"])
        binary = executable.stat()  # another Pagefind: another bundle
        self.identity = ("pagefind", language, str(executable), str(binary.st_size), str(binary.st_mtime_ns))
        self.old_keys = _recorded(cache, previous[0]) if previous is not None else {}
        self.shard_pages = sharding.SHARD_PAGES if shard_pages is None else shard_pages
        self.terms_apart = sharding.TERMS_APART if terms_apart is None else terms_apart
        self.recent_pages = sharding.RECENT_PAGES if recent_pages is None else recent_pages
        self.tmp = tempfile.TemporaryDirectory(prefix="archive-gen-search-")
        tree = cache.path.with_name(STAND_IN_TREE) if cache is not None else Path(self.tmp.name) / "site"
        self.stand_ins = StandInTree(tree, Store(cache.path.parent, STAND_IN_TREE) if cache is not None else None)
        self.runs = Runs(executable, language, quiet, self.tmp.name)
        # a shard final early is indexed at once when its key is not the previous site's
        # (known only when the previous index's shard keys are recorded)
        self.starter = Starter(self.identity, self.old_keys, self.stand_ins, self.runs) \
            if previous is None or self.old_keys else None
        self.beside = Beside(language, self.names, cache, self.starter, BUNDLE_DIR, self.shard_pages,
                             self.terms_apart, self.recent_pages)

    def __enter__(self) -> Indexer:
        return self

    def __exit__(self, *_) -> None:
        self.close()

    def close(self) -> None:
        self.runs.stop()
        self.tmp.cleanup()

    def finish(self, site_dir: Path) -> SearchStats:
        """Index what was not indexed beside the render; wait for every Pagefind run."""
        started, previous, cache, starter = self.began, self.previous, self.cache, self.starter
        bundle = _prepare(site_dir, keep=bool(starter and starter.started))
        old_site = Path(previous[1]) / BUNDLE_DIR if previous is not None else None
        if starter is not None:
            starter.bundle = bundle
        try:
            documents, articles, terms = _stand_ins(site_dir, self, starter)
            shards, main = sharding.split(documents, self.language, self.shard_pages, self.terms_apart,
                                          self.recent_pages)
            keys = {name: shard_key(self.identity, name, docs) for name, docs in shards.items()}
            key = digest("pagefind shards", *(part for name in sorted(keys) for part in (name, keys[name])))
            if starter is not None:
                starter.undo(keys)
            ahead = starter.started if starter is not None else {}
            reused = not ahead and old_site is not None and previous[0] == key \
                and _link_bundle(old_site, bundle, SHARDS_FILE)
            indexed, counted = ([], {}) if reused else \
                _index(shards, keys, ahead, self.old_keys, old_site, bundle, self.stand_ins, self.runs)
            if not reused:
                listing = {"main": main, "merge": sorted(name for name in shards if name != main),
                           "filters": sharding.filter_names(documents), "language": self.language}
                (bundle / SHARDS_FILE).write_text(json.dumps(listing, ensure_ascii=False) + "\n", encoding="utf-8")
        finally:
            self.runs.stop()
        if cache is not None:
            _record(cache, key, keys, previous[0] if previous is not None else None)
        files, size = _bundle_size(str(bundle), counted)
        return SearchStats(articles=articles, terms=terms, files=files, bytes=size,
                           seconds=round(time.perf_counter() - started, 3), key=key, reused=reused,
                           indexed=tuple(sorted(indexed)))


def _prepare(site_dir: Path, keep: bool) -> Path:
    """The bundle folder (an existing one removed unless runs started beside the render write
    into it: ``keep``), after checking the input."""
    if not (site_dir / "index.html").is_file():
        raise RenderError(f"cannot build the search index: {site_dir} is no rendered site (no index.html)")
    bundle = site_dir / BUNDLE_DIR
    if bundle.is_symlink() or bundle.is_file():
        bundle.unlink()
    elif bundle.exists() and not keep:
        shutil.rmtree(bundle)
    return bundle


def _index(shards: dict[str, list[tuple[str, str]]], keys: dict[str, str], ahead: dict[str, str],
           old_keys: dict[str, str], old_site: Path | None, bundle: Path, stand_ins: StandInTree,
           runs: Runs) -> tuple[list[str], dict[str, tuple[int, int]]]:
    """Link the previous site's shards that have the same key, index the others (those not
    started ``ahead``), keep the stand-in tree current; the shards Pagefind indexed, and the
    linked shards' files and bytes (counted while Pagefind runs, not after it)."""
    linked = [name for name in sorted(shards) if name not in ahead and old_keys.get(name) == keys[name]
              and _link_bundle(old_site / name, bundle / name, "pagefind-entry.json")]
    indexed = sorted(ahead)
    for name in sorted(shards.keys() - ahead.keys() - set(linked)):
        stand_ins.write(name, shards[name], keys[name])
        runs.start(stand_ins.tree / name, bundle / name)
        indexed.append(name)
    for name in linked:  # kept current while Pagefind runs: the next change indexes it
        stand_ins.write(name, shards[name], keys[name])
    stand_ins.finish()
    counted = {name: _tree_size(str(bundle / name)) for name in linked}
    runs.finish()
    bundle.mkdir(parents=True, exist_ok=True)
    return indexed, counted


def _recorded(cache: Store | None, key: str) -> dict[str, str]:
    """The shard keys of the index with overall ``key`` (the previous site's), if recorded."""
    known = cache.get(_SHARD_KEYS) if cache is not None else None
    found = known.get(key) if isinstance(known, dict) else None
    return found if isinstance(found, dict) else {}


def _record(cache: Store, key: str, keys: dict[str, str], previous: str | None) -> None:
    """Remember this index's shard keys, and the previous site's: a build that fails after
    indexing leaves that site in place, and the next build can still reuse its shards."""
    known = cache.get(_SHARD_KEYS)
    entries = {key: keys}
    if previous and isinstance(known, dict) and previous in known:
        entries[previous] = known[previous]
    if entries != known:
        cache.put(_SHARD_KEYS, entries)
        cache.save()


def _stand_in_task(site: str, rel: str, kind: str, sha: str | None, language: str, names: dict[str, str]):
    """A page whose stand-in is not cached: (its SHA-256, its stand-in), made in a worker."""
    def task() -> tuple[str, str]:
        with open(os.path.join(site, rel), "rb") as page:
            data = page.read()
        document = stand_in(data.decode("utf-8", errors="replace"), rel, kind, language, names) or ""
        return sha or hashlib.sha256(data).hexdigest(), document
    return task


def _stand_ins(site_dir: Path, indexer: Indexer, early: Starter | None) -> tuple[list[tuple[str, str]], int, int]:
    """(site-relative path, stand-in) of every page to index, sorted; (articles, term pages).
    A page whose stand-in was made beside the render, or whose HTML hash is in the cache, is not
    parsed again; the others are parsed in forked workers. Oldest months first: ``early`` starts
    each shard once it is final (unless it started beside the render)."""
    site, cache, language, made = str(site_dir), indexer.cache, indexer.language, indexer.beside.made
    linked = indexer.beside.found  # a reused page's file id, hash and key, as found before the render
    seen = (cache.get(STAT_INDEX) if cache is not None else None) or {}
    pages = pages_to_index(site_dir)
    found: list[tuple[tuple, str | None, str | None]] = []  # per page: (file id, SHA-256, cached stand-in)
    tasks = []
    for rel, kind in pages:
        sha, document = None, None
        # a reused page is the old file linked (its id: the old one's; any other file there would
        # have another inode, and the next build reads it again)
        known = linked[rel][0] if rel in linked else file_id(os.path.join(site, rel))
        if rel in made:
            sha, document = made[rel]
        elif known and seen.get(rel, (None,))[:-1] == known:  # the same file (a reused page's hard link)
            sha = seen[rel][-1]
        if document is None and cache is not None and sha:
            document = cache.get(stand_in_key(language, rel, kind, sha))
        if not isinstance(document, str):
            document = None
            tasks.append(_stand_in_task(site, rel, kind, sha, language, indexer.names))
        found.append((known, sha, document))
    made_here = fork_imap(tasks, indexer.jobs)
    documents: list[tuple[str, str]] = []
    stats: dict[str, tuple] = {}
    used: list[str] = [STAT_INDEX, _SHARD_KEYS]
    articles = terms = 0
    closing, month, count = sharding.Closing(indexer.shard_pages), None, 0
    for (rel, kind), (known, sha, document) in zip(pages, found):
        if document is None:
            sha, document = next(made_here)
            if cache is not None:
                cache.put(stand_in_key(language, rel, kind, sha), document)
        stats[rel] = (*known, sha)
        reused = linked.get(rel)
        used.append(reused[2] if reused is not None and reused[1] == sha else stand_in_key(language, rel, kind, sha))
        if not document:  # a page without content: nothing to index
            continue
        page_month = sharding.month_of(rel)
        if page_month != month and count:  # the month before is complete
            shard = closing.add(month, count)
            if shard and page_month is not None and early is not None:  # a later month follows: not the newest
                wanted = set(shard)
                early.start(shard[0], [(r, d) for r, d in documents if sharding.month_of(r) in wanted])
            count = 0
        month = page_month
        count += page_month is not None
        documents.append((rel, document))
        articles, terms = (articles + 1, terms) if kind == "articles" else (articles, terms + 1)
    if cache is not None:
        if stats != seen:  # else the pack is not rewritten
            cache.put(STAT_INDEX, stats)
        cache.save(used)
    return documents, articles, terms


def _tree_size(root: str) -> tuple[int, int]:
    """Files below ``root`` and their bytes."""
    files = size = 0
    for folder, _, names in os.walk(root):
        for name in names:
            info = os.lstat(os.path.join(folder, name))
            if stat.S_ISREG(info.st_mode):
                files, size = files + 1, size + info.st_size
    return files, size


def _bundle_size(bundle: str, counted: dict[str, tuple[int, int]]) -> tuple[int, int]:
    """Files below ``bundle`` and their bytes, the shards in ``counted`` as counted there."""
    files = size = 0
    with os.scandir(bundle) as entries:
        for entry in entries:
            if entry.name in counted and entry.is_dir(follow_symlinks=False):
                more = counted[entry.name]
            elif entry.is_dir(follow_symlinks=False):
                more = _tree_size(entry.path)
            else:
                more = (1, entry.stat(follow_symlinks=False).st_size) if entry.is_file(follow_symlinks=False) else (0, 0)
            files, size = files + more[0], size + more[1]
    return files, size


def _link_bundle(old: Path | None, new: Path, marker: str) -> bool:
    """Hard-link (or copy) every file of the previous bundle (``marker``: a file it must hold)
    into ``new``; False, and nothing left behind, when it is missing or cannot be linked.
    Plain strings and ``scandir``: a 10,000-article shard is ~8,300 files, linked every build."""
    if old is None or old.is_symlink() or not (old / marker).is_file():
        return False
    try:
        _link_tree(str(old), str(new))
    except OSError:
        shutil.rmtree(new, ignore_errors=True)
        return False
    return True


def _link_tree(old: str, new: str) -> None:
    os.makedirs(new, exist_ok=True)
    with os.scandir(old) as entries:
        found = sorted(entries, key=lambda entry: entry.name)
    for entry in found:
        target = os.path.join(new, entry.name)
        if entry.is_symlink():
            raise OSError(f"{entry.path}: a link in the search bundle")
        if entry.is_dir():
            _link_tree(entry.path, target)
            continue
        try:
            os.link(entry.path, target)
        except OSError:
            shutil.copy2(entry.path, target)
