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
only part of the time).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import stat
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..errors import RenderError
from ..output.cache import Store, digest
from . import shards as sharding
from .stablefilters import stabilise
from .standins import FILTER_NAMES, pages_to_index, stand_in

__all__ = ["SearchStats", "index_site", "pagefind_executable", "BUNDLE_DIR", "SHARDS_FILE"]

BUNDLE_DIR = "pagefind"  # site/pagefind/: what overrides/partials/search.html loads
STAND_IN_TREE = "search-site"  # .archive-gen-cache/search-site/: the stand-ins Pagefind reads
SHARDS_FILE = "shards.json"  # site/pagefind/shards.json: {"main": shard, "merge": [shards], "filters": [names]}
_TREE_STATE = "state"
_SHARD_KEYS = "shard keys"  # search.pack: overall key -> {shard: key}, for the last two indexes
_PARALLEL = 2  # Pagefind runs at a time
_STAT_INDEX = "stat index"  # search.pack: page -> (size, mtime ns, inode, SHA-256 of its HTML)

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
               terms_apart: bool | None = None, recent_pages: int | None = None) -> SearchStats:
    """Index the rendered site in ``site_dir`` with Pagefind into ``site_dir/pagefind/``.

    Call it after MkDocs rendered the site (and before the site is published or swapped into
    place). An existing ``pagefind/`` directory is replaced. ``language`` is the one language
    all pages are indexed and stemmed in (an ISO 639-1 code; Pagefind UI takes its strings from
    the page's ``<html lang>``). With ``quiet=False`` Pagefind's progress is printed.
    ``cache``: stand-ins by page hash (see above); ``previous``: (:attr:`SearchStats.key`, site
    dir) of a complete earlier index whose bundle may be reused when the key is the same;
    ``shard_pages``, ``terms_apart``, ``recent_pages``: how the index is sharded (``SHARD_PAGES``,
    ``TERMS_APART``, ``RECENT_PAGES``).

    Raises :class:`~archive_gen.errors.RenderError` when the binary is missing, ``site_dir`` is
    no rendered site, or Pagefind fails.
    """
    started = time.perf_counter()
    site_dir = Path(site_dir)
    if not (site_dir / "index.html").is_file():
        raise RenderError(f"cannot build the search index: {site_dir} is no rendered site (no index.html)")
    if not re.fullmatch(r"[a-z]{2}(-[A-Za-z0-9]+)?", language):
        raise RenderError(f"cannot build the search index: {language!r} is no language code like 'de'")
    executable = pagefind_executable()
    names = FILTER_NAMES.get(language.split("-")[0], FILTER_NAMES["en"])
    bundle = site_dir / BUNDLE_DIR
    if bundle.is_symlink() or bundle.is_file():
        bundle.unlink()
    elif bundle.exists():
        shutil.rmtree(bundle)

    documents, articles, terms = _stand_ins(site_dir, language, names, cache)
    shards, main = sharding.split(documents, language, sharding.SHARD_PAGES if shard_pages is None else shard_pages,
                                  sharding.TERMS_APART if terms_apart is None else terms_apart,
                                  sharding.RECENT_PAGES if recent_pages is None else recent_pages)
    binary = executable.stat()  # another Pagefind: another bundle
    identity = ("pagefind", language, str(executable), str(binary.st_size), str(binary.st_mtime_ns))
    keys = {name: digest(*identity, name, *(part for rel, document in docs for part in (rel, document)))
            for name, docs in shards.items()}
    key = digest("pagefind shards", *(part for name in sorted(keys) for part in (name, keys[name])))
    old_site = Path(previous[1]) / BUNDLE_DIR if previous is not None else None
    reused = old_site is not None and previous[0] == key and _link_bundle(old_site, bundle, SHARDS_FILE)
    indexed: list[str] = []
    if not reused:
        old_keys = _recorded(cache, previous[0]) if previous is not None else {}
        indexed = [name for name in sorted(shards) if not (
            old_keys.get(name) == keys[name] and _link_bundle(old_site / name, bundle / name, "pagefind-entry.json"))]
        _index_shards(executable, shards, indexed, bundle, language, quiet, cache)
        merge = sorted(name for name in shards if name != main)
        bundle.mkdir(parents=True, exist_ok=True)
        listing = {"main": main, "merge": merge, "filters": sharding.filter_names(documents)}
        (bundle / SHARDS_FILE).write_text(json.dumps(listing, ensure_ascii=False) + "\n", encoding="utf-8")
    if cache is not None:
        _record(cache, key, keys, previous[0] if previous is not None else None)

    files, size = _tree_size(str(bundle))
    return SearchStats(articles=articles, terms=terms, files=files, bytes=size,
                       seconds=round(time.perf_counter() - started, 3), key=key, reused=reused,
                       indexed=tuple(indexed))


def _index_shards(executable: Path, shards: dict[str, list[tuple[str, str]]], indexed: list[str], bundle: Path,
                  language: str, quiet: bool, cache: Store | None) -> None:
    """Bring the stand-in tree up to date and run Pagefind on the ``indexed`` shards."""
    with tempfile.TemporaryDirectory(prefix="archive-gen-search-") as tmp:
        if cache is not None:  # the stand-in tree of the last run, brought up to date
            stand_ins = cache.path.with_name(STAND_IN_TREE)
            _sync_stand_ins(stand_ins, _flat(shards), Store(cache.path.parent, STAND_IN_TREE))
        else:
            stand_ins = Path(tmp) / "site"
            _write_stand_ins(stand_ins, _flat(shards))
        with ThreadPoolExecutor(max_workers=_PARALLEL) as pool:
            runs = [pool.submit(_run_pagefind, executable, stand_ins / name, bundle / name, language, quiet, tmp)
                    for name in indexed]
            for run in runs:
                run.result()  # the first failure raises


def _flat(shards: dict[str, list[tuple[str, str]]]) -> list[tuple[str, str]]:
    """The stand-ins of all shards, each below its shard's folder (Pagefind's ``--site``)."""
    return [(f"{name}/{rel}", document) for name in sorted(shards) for rel, document in shards[name]]


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


def _stand_ins(site_dir: Path, language: str, names: dict[str, str],
               cache: Store | None) -> tuple[list[tuple[str, str]], int, int]:
    """(site-relative path, stand-in) of every page to index, sorted; (articles, term pages).
    A page whose HTML hash is in ``cache`` is not parsed again."""
    documents: list[tuple[str, str]] = []
    site = str(site_dir)
    used: list[str] = [_STAT_INDEX, _SHARD_KEYS]
    seen = (cache.get(_STAT_INDEX) if cache is not None else None) or {}
    stats: dict[str, tuple] = {}
    articles = terms = 0
    for rel, kind in pages_to_index(site_dir):
        data, known = None, _file_id(os.path.join(site, rel))
        if known and seen.get(rel, (None,))[:-1] == known:  # the same file (a reused page's hard link)
            sha = seen[rel][-1]
        else:
            data = (site_dir / rel).read_bytes()
            sha = hashlib.sha256(data).hexdigest()
        stats[rel] = (*known, sha)
        entry = digest("stand-in", language, rel, kind, sha)
        document = cache.get(entry) if cache is not None else None
        if not isinstance(document, str):
            data = (site_dir / rel).read_bytes() if data is None else data
            document = stand_in(data.decode("utf-8", errors="replace"), rel, kind, language, names) or ""
            if cache is not None:
                cache.put(entry, document)
        used.append(entry)
        if not document:  # a page without content: nothing to index
            continue
        documents.append((rel, document))
        articles, terms = (articles + 1, terms) if kind == "articles" else (articles, terms + 1)
    if cache is not None:
        if stats != seen:  # else the pack is not rewritten
            cache.put(_STAT_INDEX, stats)
        cache.save(used)
    return documents, articles, terms


def _write_stand_ins(stand_ins: Path, documents: list[tuple[str, str]]) -> None:
    for rel, document in documents:
        target = stand_ins / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(document, encoding="utf-8")


def _sync_stand_ins(tree: Path, documents: list[tuple[str, str]], store: Store) -> None:
    """Make ``tree`` hold exactly ``documents``, writing only what changed since the last run.

    Writing ~11,000 stand-ins (one directory each) and deleting them again costs more than
    Pagefind's own run on a slow file system, so the tree stays in the cache folder. Its state
    (per file: document hash, size, mtime, inode) is in a sealed pack; while the tree is being
    changed the pack says "unknown", so a killed run leaves a tree that the next run rebuilds
    from nothing rather than trusts."""
    state = store.get(_TREE_STATE)
    if not isinstance(state, dict) or not tree.is_dir():
        state = {}
        shutil.rmtree(tree, ignore_errors=True)
    store.put(_TREE_STATE, None)
    store.save()
    wanted = dict(documents)
    new_state = {}
    root = str(tree)
    for rel, document in wanted.items():
        data = document.encode("utf-8")
        target, known = os.path.join(root, rel), state.get(rel)
        sha = hashlib.sha256(data).hexdigest()
        found = _file_id(target)
        if known is None or known[0] != sha or found != known[1:]:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as out:
                out.write(data)
            found = _file_id(target)
        new_state[rel] = (sha, *found)
    for rel in state.keys() - wanted.keys():
        target = tree / rel
        target.unlink(missing_ok=True)
        for folder in target.parents:  # empty folders of removed pages
            if folder == tree or any(folder.iterdir()):
                break
            folder.rmdir()
    store.put(_TREE_STATE, new_state)
    store.save()


def _file_id(path: str) -> tuple[int, ...]:
    try:
        info = os.stat(path)
    except OSError:
        return ()
    return (info.st_size, info.st_mtime_ns, info.st_ino)


def _tree_size(root: str) -> tuple[int, int]:
    """Files below ``root`` and their bytes."""
    files = size = 0
    for folder, _, names in os.walk(root):
        for name in names:
            info = os.lstat(os.path.join(folder, name))
            if stat.S_ISREG(info.st_mode):
                files, size = files + 1, size + info.st_size
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


def _run_pagefind(executable: Path, stand_ins: Path, bundle: Path, language: str, quiet: bool, cwd: str) -> None:
    command = [str(executable), "--site", str(stand_ins.resolve()), "--output-path", str(bundle.resolve()),
               "--force-language", language, *(["--silent"] if quiet else [])]
    try:
        # cwd: a temporary directory, so that no pagefind.yml of the caller's directory
        # changes what is indexed
        result = subprocess.run(command, cwd=cwd, stdin=subprocess.DEVNULL,
                                stdout=None if not quiet else subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, errors="replace", check=False)
    except OSError as exc:
        raise RenderError(f"cannot run {executable}: {exc}") from exc
    if result.returncode != 0:
        detail = (result.stderr or result.stdout or "").strip().splitlines()[-5:]
        raise RenderError(f"pagefind failed with exit code {result.returncode}: " + " | ".join(detail))
    stabilise(bundle)


