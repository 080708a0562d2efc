"""Read and annotate many articles: from the cache when the file and the registry are unchanged,
in worker processes when many are new.

Annotation is the one step whose cost grows with every article (a few ms each), and each
article's annotation depends only on its own file's bytes, the shown path, the registry's
names (not descriptions), the language setting and archive-gen's code. That is the cache key
(:func:`annotation_fingerprint` + the file's SHA-256). Misses are annotated in this process when
there are few of them, otherwise in ``jobs`` worker processes, in chunks: each worker builds the
registry's indexes (the :class:`~archive_gen.annotate.Annotator`) once, and results are put back
in the files' order, so the output does not depend on the number of workers. A failure on one
article is that article's diagnostic; a worker that dies costs only speed (the rest is annotated
here).
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import datetime as dt
import gc
import hashlib
import itertools
import multiprocessing
import os
import pickle
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .annotate import Annotator
from .annotate.candidates import first_names, first_names_version, prime_first_names
from .errors import ContentError, Diagnostic, Diagnostics
from .forking import Standby, stop_children
from .ingest import read_bytes, read_source, sidecar_of
from .model import Article, Registry
from .output.cache import Store, code_version, digest, fs_clock

JOBS_VARIABLE = "ARCHIVE_GEN_JOBS"
PARALLEL_MIN = 200  # fewer articles to annotate than this: one process (start-up costs ~0.3 s)
CHUNK = 64  # articles per task sent to a worker

Progress = Callable[[str], None]


def default_jobs() -> int:
    """``ARCHIVE_GEN_JOBS`` when set (1 = no worker processes), else the usable cores."""
    value = os.environ.get(JOBS_VARIABLE, "").strip()
    if value.isdigit() and int(value) > 0:
        return int(value)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def annotation_fingerprint(registry: Registry, language: str, max_bytes: int, country: str | None = None) -> str:
    """What every article's annotation depends on besides its own file: the registry without
    descriptions, file paths of entries and hand-written pages, the settings, the code."""
    def plain(entry) -> tuple:
        return tuple((f.name, getattr(entry, f.name)) for f in fields(entry) if f.name not in ("description", "path"))

    parts = [repr(sorted((k, plain(v)) for k, v in table.items()))
             for table in (registry.actors, registry.topics, registry.sources)]
    return digest("annotation", code_version(), language, str(country), str(max_bytes), *parts)


@dataclass(frozen=True)
class Outcome:
    """One file's result: the article (or None) and what was said about it."""

    article: Article | None
    diagnostics: tuple[Diagnostic, ...]
    today: dt.date  # the day it was annotated: "date is in the future" depends on it


def annotate_one(annotator: Annotator, path: Path, shown: str, data: bytes, max_bytes: int) -> Outcome:
    diags = Diagnostics()
    article = None
    try:
        article = annotator.annotate(read_source(path, shown, max_bytes, data), diags)
    except ContentError as exc:
        diags.add(exc.diagnostic())
    except Exception as exc:  # a bug must not take the archive down either
        diags.error(shown, 1, f"internal error: {type(exc).__name__}: {exc}",
                    "this is a bug in archive-gen; the article was skipped")
    return Outcome(article, tuple(diags), dt.date.today())


def still_valid(outcome: Outcome, today: dt.date) -> bool:
    """A cached outcome holds unless the "in the future" warning would now come out differently."""
    article = outcome.article
    if article is None or outcome.today == today:
        return True
    limit = dt.timedelta(days=1)
    return (article.date > outcome.today + limit) == (article.date > today + limit)


# ---------------------------------------------------------------------------- worker processes

_worker_annotator: Annotator | None = None
_worker_max_bytes = 0


def _worker_start(registry_blob: bytes, language: str, max_bytes: int, country: str | None) -> None:
    global _worker_annotator, _worker_max_bytes
    gc.enable()  # forked while the parent had paused it (_paused_gc)
    _worker_annotator = Annotator(pickle.loads(registry_blob), language, country)  # the indexes: once per worker
    _worker_max_bytes = max_bytes


def _worker_chunk(items: list[tuple[str, str, bytes]]) -> list[Outcome]:
    assert _worker_annotator is not None
    return [annotate_one(_worker_annotator, Path(path), shown, data, _worker_max_bytes) for path, shown, data in items]


def _context():
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


_last_annotator: tuple[Registry, str, str | None, Annotator] | None = None


def _annotator(registry: Registry, language: str, country: str | None) -> Annotator:
    """One annotator per registry object: building its indexes costs about a second, and the
    preview (serve) annotates one edited article at a time against the same registry."""
    global _last_annotator
    last = _last_annotator
    if last is None or last[0] is not registry or last[1:3] != (language, country):
        last = _last_annotator = (registry, language, country, Annotator(registry, language, country))
    return last[3]


def annotate_many(todo: Iterable[tuple[Path, str, bytes]], registry: Registry, language: str, max_bytes: int,
                  country: str | None,
                  jobs: int, progress: Progress, standby: Standby | None = None) -> list[Outcome]:
    """Annotate ``todo`` in order; in ``jobs`` processes when there are enough of them. ``todo``
    may be read lazily (the files as they are read): the workers start on the first chunks
    while the rest is still being read, not after the last file. A few are annotated by
    ``standby`` (:func:`standing_by`) when given, else here."""
    items = iter(todo)
    first = list(itertools.islice(items, PARALLEL_MIN)) if jobs > 1 else list(items)
    if not first:
        return []  # no Annotator built (its indexes cost about a second)
    if jobs <= 1 or len(first) < PARALLEL_MIN:
        if standby is not None:
            return standby.ask([(str(path), shown, data) for path, shown, data in first])  # type: ignore[return-value]
        annotator = _annotator(registry, language, country)
        return [annotate_one(annotator, path, shown, data, max_bytes) for path, shown, data in first]
    if standby is not None:
        standby.cancel()  # the workers annotate: its core is theirs
    chunks: list[list[tuple[str, str, bytes]]] = []
    results: list[list[Outcome] | None] = []
    pending = _chunks(itertools.chain(first, items))
    blob = pickle.dumps(registry, protocol=pickle.HIGHEST_PROTOCOL)
    try:
        with _paused_gc(), cf.ProcessPoolExecutor(max_workers=jobs, mp_context=_context(), initializer=_worker_start,
                                                  initargs=(blob, language, max_bytes, country)) as pool:
            futures = {}
            for chunk in pending:
                chunks.append(chunk)
                results.append(None)
                futures[pool.submit(_worker_chunk, chunk)] = len(chunks) - 1
            done, total = 0, sum(map(len, chunks))
            for future in cf.as_completed(futures):
                results[futures[future]] = future.result()
                done += len(chunks[futures[future]])
                if done % 1024 < CHUNK or done == total:
                    progress(f"annotated {done} articles in {jobs} processes")
    except (BrokenProcessPool, OSError, pickle.PicklingError, RuntimeError) as exc:  # a worker died, or the pool
        # could not start its thread (RuntimeError: a process or thread limit of a busy machine): go on here
        stop_children()
        progress(f"worker processes failed ({type(exc).__name__}); annotating the rest in one process")
    for chunk in pending:  # what was not yet read when the pool failed
        chunks.append(chunk)
        results.append(None)
    missing = [number for number, result in enumerate(results) if result is None]
    if missing:
        annotator = Annotator(registry, language, country)
        for number in missing:
            results[number] = [annotate_one(annotator, Path(p), s, d, max_bytes) for p, s, d in chunks[number]]
    return [outcome for result in results for outcome in result or ()]


@contextlib.contextmanager
def standing_by(registry: Registry, language: str, max_bytes: int, country: str | None, jobs: int,
                cache: Store | None) -> Iterator[Standby | None]:
    """A child forked before the annotation check: it builds the :class:`Annotator` (0.5 s in a
    large build's process) while this process finds the changed files, then annotates those few
    (:func:`annotate_many`): a one-article build's second core does it off the main process'
    path. None where an Annotator for this registry is already built here (the preview), one
    process was asked for (``jobs`` 1) or nothing is cached (everything goes to the workers);
    stopped when not needed."""
    last = _last_annotator
    if jobs <= 1 or cache is None or (last is not None and last[0] is registry and last[1:3] == (language, country)):
        yield None
        return

    def prepare() -> Annotator:
        _given_names(cache)  # from the pack (ms), else parsed here (the parent keeps its own for the pack)
        return _annotator(registry, language, country)

    def serve(annotator: object, items: object) -> list[Outcome]:
        assert isinstance(annotator, Annotator) and isinstance(items, list)
        return [annotate_one(annotator, Path(path), shown, data, max_bytes) for path, shown, data in items]
    standby = Standby(prepare, serve)
    try:
        yield standby
    finally:
        standby.cancel()


def _chunks(items: Iterator[tuple[Path, str, bytes]]) -> Iterator[list[tuple[str, str, bytes]]]:
    """``items`` in lists of :data:`CHUNK`, as they come (a worker's task: paths as strings)."""
    while chunk := [(str(p), s, d) for p, s, d in itertools.islice(items, CHUNK)]:
        yield chunk


@contextlib.contextmanager
def _paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while the workers' results arrive. Unpickling 100,000
    annotated articles makes millions of objects that live as long as the run, and each full
    collection while they arrive scans all that came before (at 20,000 articles, 11 full
    collections cost 3.1 s of the main process). Once they are all there, one full collection
    scans them; later ones wait until the heap grew by a quarter (CPython's rule), i.e. rarely.
    Not ``gc.freeze``: with nothing left in the oldest generation that rule no longer holds,
    and every tenth young collection scans whatever was made since (the render's caches, the
    staged pages), which cost more than it saved."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# ---------------------------------------------------------------------------- the whole set

STAT_INDEX = "stat index"  # the pack's entry: shown path -> (size, mtime ns, inode, SHA-256 of the bytes)
GIVEN_NAMES = "given names"  # the pack's entry: (dictionary version, the candidate finder's given names)


def _given_names(cache: Store | None) -> None:
    """The candidate finder's given names from the pack (milliseconds), not parsed from the
    dictionary (a second or more); parsed once and kept otherwise. Before any worker forks."""
    if cache is None:
        return
    version, entry = first_names_version(), cache.get(GIVEN_NAMES)
    if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == version and isinstance(entry[1], frozenset):
        prime_first_names(entry[1])
    else:
        cache.put(GIVEN_NAMES, (version, first_names()))


def _stat(path: Path) -> tuple[int, ...] | None:
    """Size, mtime and inode of the file, and of its sidecar (x.yml) when it has one."""
    try:
        info = os.stat(path)
        sidecar = sidecar_of(path)
        extra = os.stat(sidecar) if sidecar is not None else None
    except OSError:
        return None
    own = (info.st_size, info.st_mtime_ns, info.st_ino)
    return own + ((extra.st_size, extra.st_mtime_ns, extra.st_ino) if extra is not None else ())


def _racy(stat: tuple[int, ...], clock: int) -> bool:
    """Was the file (or its sidecar) modified at or after ``clock`` (:func:`fs_clock`)?"""
    return any(mtime >= clock for mtime in stat[1::3])


def _content(path: Path, data: bytes, max_bytes: int) -> str:
    """The fingerprint of what a file says: its bytes, and its sidecar's (its bytes alone when
    the sidecar cannot be read: the reader reports that)."""
    sidecar = sidecar_of(path)
    try:
        extra = read_bytes(sidecar, sidecar.name, max_bytes) if sidecar is not None else b""
    except ContentError:
        return hashlib.sha256(data).hexdigest()
    return hashlib.sha256(data + (b"\0sidecar\0" + extra if sidecar is not None else b"")).hexdigest()


def annotate_files(files: list[Path], display: Callable[[Path], str], registry: Registry, language: str,
                   max_bytes: int, diags: Diagnostics, *, country: str | None = None, cache: Store | None = None, jobs: int = 1,
                   progress: Progress = lambda _: None) -> tuple[list[Article], dict[str, str]]:
    """Every file → its article (bad ones reported and skipped), in the files' order.

    Returns the articles and each file's cache key by shown path (the key of its page, and
    what is kept when the cache is pruned after a complete build). A file whose size,
    modification time and inode are those recorded in the cache is not read again; a file
    modified at or after the file system's time when this run began stat-ing is not recorded
    (racily clean, as Git's index calls it: a change in the same timestamp tick could keep the
    stat), so the next run reads it again."""
    with standing_by(registry, language, max_bytes, country, jobs, cache) as standby:
        clock = fs_clock(cache.path.parent) if cache is not None else 0  # before the first stat
        fingerprint = annotation_fingerprint(registry, language, max_bytes, country)
        today = dt.date.today()
        outcomes: list[Outcome | None] = []
        keys: dict[str, str] = {}
        slots: list[tuple[int, str]] = []
        seen = (cache.get(STAT_INDEX) if cache is not None else None) or {}
        stats: dict[str, tuple] = {}

        def todo() -> Iterator[tuple[Path, str, bytes]]:  # the files to annotate, read as the annotation asks
            for path in files:
                shown = display(path)
                cached, stat = None, _stat(path)
                if stat is not None and seen.get(shown, (None,))[:-1] == stat:  # unchanged file: not read again
                    key = digest(fingerprint, shown, seen[shown][-1])
                    cached = _hit(cache, key, today)
                if cached is not None:
                    keys[shown], stats[shown] = key, seen[shown]
                    outcomes.append(cached)
                    continue
                try:
                    data = read_bytes(path, shown, max_bytes)
                except ContentError as exc:
                    diags.add(exc.diagnostic())
                    continue
                content = _content(path, data, max_bytes)
                key = keys[shown] = digest(fingerprint, shown, content)
                if stat is not None and not _racy(stat, clock):
                    stats[shown] = (*stat, content)
                cached = _hit(cache, key, today)
                if cached is not None:
                    outcomes.append(cached)
                    continue
                if not slots:
                    _given_names(cache)  # before any worker forks
                slots.append((len(outcomes), key))
                outcomes.append(None)
                yield path, shown, data
            if slots:
                progress(f"annotating {len(slots)} of {len(files)} articles ({len(files) - len(slots)} unchanged)")
        done = annotate_many(todo(), registry, language, max_bytes, country, jobs, progress, standby)
        if cache is not None:
            cache.put(STAT_INDEX, stats)
        for (slot, key), outcome in zip(slots, done):
            outcomes[slot] = outcome
            if cache is not None:
                cache.put(key, outcome)
    return _gathered(outcomes, diags), keys


def _hit(cache: Store | None, key: str, today: dt.date) -> Outcome | None:
    """The cached outcome under ``key``, when there is one and it still holds."""
    cached = cache.get(key) if cache is not None else None
    return cached if isinstance(cached, Outcome) and still_valid(cached, today) else None


def _gathered(outcomes: list[Outcome | None], diags: Diagnostics) -> list[Article]:
    """The articles of the outcomes, in order; what was said about each goes to ``diags``."""
    articles = []
    for outcome in outcomes:
        assert outcome is not None
        for diagnostic in outcome.diagnostics:
            diags.add(diagnostic)
        if outcome.article is not None:
            articles.append(outcome.article)
    return articles
