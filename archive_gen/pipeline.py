"""The pipeline, end to end: gather everything, then index, then write, then publish.

Like Pelican's ``run()``: nothing is written before the whole graph exists. A content file
that cannot be used becomes a diagnostic and is left out; it never costs other articles.
This module only runs the stages in order; each stage's work lives in its package::

    registry/ ingest/ → annotate/ → index/ → render/ → output/ (docs/) → publish/ (site/)

Reruns are incremental (:mod:`.incremental`, :mod:`.parallel`, :mod:`.publish.reuse`): unchanged
articles come from the annotation cache, new ones are annotated in worker processes, an unchanged
project returns at once, and MkDocs renders only pages whose Markdown (or links) changed. The
result is byte-identical to a clean build; ``.archive-gen-cache/`` may be deleted at any time.
Writing is all or nothing: the new docs/ is staged beside the old one and swapped in only when
every page was written (and, under ``--strict``, only when the run did not fail); MkDocs (or Zensical,
``--renderer``) renders into a staging directory that replaces site/ only after a successful render.
A failed or interrupted run leaves the previous docs/ and site/ as they were.
"""

from __future__ import annotations

import contextlib
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, TypeVar

from . import incremental
from .annotate import Annotator
from .config import Config
from .errors import ArchiveGenError, ContentError, Diagnostic, Diagnostics, GenerateError
from .index import Related, RelatedState, build_archive
from .index.events import load_events
from .ingest import read_source
from .ingest.discover import source_files
from .ingest.gitdates import last_changed
from .model import Archive, Article, Registry
from .output import PageStore, StagedTree, WriteStats, make_staging_dir, replace_dir, stage_tree, tree_lock
from .dataset import PUBLISH_DIR, data_key, publish_data, published_paths
from .output.cache import Store, code_version, drop_manifest, tree_identity, write_manifest
from .pagecache import cached_pages
from .forking import Forked
from .parallel import GIVEN_NAMES, STAT_INDEX, Progress, annotate_files, default_jobs
from .publish import zensical
from .publish.mkdocs import render_staged
from .publish.search import Indexer
from .publish.reuse import PageKeys, Reuse, render_fingerprint
from .registry import load_registry
from .render import Settings

T = TypeVar("T")
STAGED = "docs"  # the staged pack's entry: the record of the last docs/ staged (output.staging.Record)
GIT_DATES = "git dates"  # annotation-pack entry: (Git HEAD, the files asked about, their last-changed dates)
RELATED = "related articles"  # annotation-pack entry: the last related lists (index.RelatedState)
REGISTRY = "registry"  # annotation-pack entry: (the registry files' stamp, the registry, what loading it said)
KEPT = (STAT_INDEX, GIVEN_NAMES, GIT_DATES, RELATED, REGISTRY)  # annotation-pack entries besides the articles
BACKGROUND_DELETE = 2000  # pages: from this size on, the replaced trees are deleted by a detached process


def _silent(_: str) -> None:
    pass


@dataclass(frozen=True)
class Generated:
    archive: Archive | Unchanged
    stats: WriteStats
    committed: bool = True  # False: the run failed under --strict and docs/ was left as it was
    rendered: int | None = None  # pages MkDocs rendered (build_site); the others were reused


@dataclass(frozen=True)
class Unchanged:
    """What a build that found nothing changed knows of the archive: only its size."""

    articles: tuple[None, ...]


def read_article(annotator: Annotator, path: Path, shown: str, diags: Diagnostics, max_bytes: int) -> Article | None:
    """One source file → an article, or ``None`` with the reason in ``diags``."""
    try:
        return annotator.annotate(read_source(path, shown, max_bytes), diags)
    except ContentError as exc:
        diags.add(exc.diagnostic())
    except Exception as exc:  # a bug must not take the archive down either
        diags.error(shown, 1, f"internal error: {type(exc).__name__}: {exc}",
                    "this is a bug in archive-gen; the article was skipped")
    return None


@dataclass
class Memo:
    """The caches of one run, or of a long-lived process (``serve``'s preview session) that keeps
    them in memory between runs: the annotation and page packs, the keys this run used (what
    :meth:`save` keeps), the registry with the stamp of its files (re-read when one changed)."""

    annotations: Store
    pages: PageStore
    keys: dict[str, str] = field(default_factory=dict)  # shown path -> annotation key, this run
    used_pages: set[str] = field(default_factory=set)
    registry: tuple[str, Registry, tuple[Diagnostic, ...]] | None = None
    dates: tuple[tuple[str, tuple[str, ...]], dict] | None = None  # (Git HEAD, files) -> last-changed dates
    long_lived: bool = False  # keep the Git dates and display paths between runs
    shown: dict[Path, str] = field(default_factory=dict)  # a long-lived memo's display paths (realpath is slow)
    related: Related | None = None  # related articles with the last lists (ranks only what a change reaches)

    @classmethod
    def of(cls, config: Config, *, long_lived: bool = False) -> Memo:
        return cls(Store(root := incremental.cache_root(config), "annotate"), PageStore(root), long_lived=long_lived)

    def save(self) -> None:
        """Write both packs, pruned to what the last run used (sealed and atomic: never a lie)."""
        self.annotations.save([*self.keys.values(), *KEPT])
        self.pages.save(self.used_pages)


def _registry(config: Config, diags: Diagnostics, memo: Memo) -> Registry:
    """The registry, from ``memo`` or its pack when none of its files changed (their stats; its
    diagnostics told again): parsing ~1,400 entries costs a +1 build 0.5 s, unpickling 0.1 s."""
    stamp = incremental.registry_stamp(config)
    kept = memo.registry if memo.registry is not None else memo.annotations.get(REGISTRY)
    if not (isinstance(kept, tuple) and len(kept) == 3 and kept[0] == stamp and isinstance(kept[1], Registry)):
        told = Diagnostics()
        registry = load_registry(config.content_dir, told, config.display_path, max_bytes=config.max_file_bytes)
        kept = (stamp, registry, tuple(told))
        memo.annotations.put(REGISTRY, kept)
    for diagnostic in kept[2]:
        diags.add(diagnostic)
    memo.registry = kept
    return kept[1]


def _display(config: Config, memo: Memo) -> Callable[[Path], str]:
    """``config.display_path``, remembered per path by a long-lived memo (a rename is a new path)."""
    if not memo.long_lived:
        return config.display_path
    known = memo.shown

    def display(path: Path) -> str:
        shown = known.get(path)
        if shown is None:
            shown = known[path] = config.display_path(path)
        return shown
    return display


def collect(config: Config, diags: Diagnostics, progress: Progress = _silent, *, jobs: int | None = None,
            used_keys: dict[str, str] | None = None, memo: Memo | None = None) -> tuple[Registry, list[Article]]:
    """Read and annotate every article (cached ones from ``.archive-gen-cache/``, the others in
    ``jobs`` processes, default ``ARCHIVE_GEN_JOBS`` or the cores). Bad ones are reported and
    skipped. ``used_keys`` receives each file's annotation key (by shown path). With ``memo``
    the caches are the memo's and are not written (its owner saves them)."""
    own = memo is None
    memo = Memo.of(config) if memo is None else memo
    registry = _registry(config, diags, memo)
    files = source_files(config.content_dir, diags, config.display_path)
    articles, keys = annotate_files(files, _display(config, memo), registry, config.language, config.max_file_bytes,
                                    diags, country=config.country, cache=memo.annotations, jobs=default_jobs() if jobs is None else jobs, progress=progress)
    memo.keys = keys
    if own:
        memo.annotations.save([*keys.values(), *KEPT])
    progress(f"read {len(files)} articles")
    if used_keys is not None:
        used_keys.update(keys)
    return registry, articles


def gather(config: Config, diags: Diagnostics, progress: Progress = _silent, **collecting) -> Archive:
    """content/ → the complete graph of what this run publishes."""
    registry, articles = collect(config, diags, progress, **collecting)
    unpublished = [a for a in articles if a.status != "published"]
    if unpublished and not config.drafts:  # the published site leaves drafts and articles in review out
        articles = [a for a in articles if a.status == "published"]
        progress(f"{len(unpublished)} draft(s) or article(s) in review left out (preview them with serve)")
    events = load_events(config.content_dir, diags, config.display_path, config.max_file_bytes)
    memo = collecting.get("memo")
    if memo is None:
        return build_archive(articles, registry, diags, events)
    archive = build_archive(articles, registry, diags, events, _related(memo))
    memo.annotations.put(RELATED, memo.related.state)
    return archive


def _related(memo: Memo) -> Related:
    """Related articles that rank only what changed since the lists the memo (or its pack) kept."""
    if memo.related is None:
        state = memo.annotations.get(RELATED)
        memo.related = Related(state=state if isinstance(state, RelatedState) else None)
    return memo.related


def stage(config: Config, diags: Diagnostics, progress: Progress = _silent, *,
          observe: Callable[[str, bytes, str], None] | None = None, **collecting) -> tuple[Archive, StagedTree]:
    """content/ → a staged docs/ tree beside the real one (not yet swapped in). Article and
    term pages whose inputs did not change come from the page cache (:mod:`.pagecache`); the
    record of the last staging (a hint, checked against each file's stat) spares reading the
    current docs/ pages to compare them."""
    records = Store(incremental.cache_root(config), "staged")

    def write(pages: Iterable[tuple[str, str]]) -> StagedTree:
        known = records.get(STAGED)
        staged = stage_tree(pages, config.docs_dir, observe, known if isinstance(known, dict) else None)
        records.put(STAGED, staged.record)
        records.save()  # before the swap is safe: a record of files not in docs/ matches none
        return staged

    return compose(config, diags, write, progress, data_files=True, **collecting)


def _updated(config: Config, archive: Archive, memo: Memo) -> dict:
    """Each article's last-changed date from Git (uncommitted edits do not change a date). The
    same HEAD means the same history, so dates are kept by HEAD (in the memo and in the
    annotation pack) and only files not asked about before are looked up; no HEAD (not a
    repository, no commits) means no dates at all."""
    files = tuple(a.source_file for a in archive.articles)
    head = incremental.git_head(config.project_dir)
    if memo.dates is not None and memo.dates[0] == (head, files):
        return memo.dates[1]
    cached = memo.annotations.get(GIT_DATES)
    known, dates = (cached[1], cached[2]) if isinstance(cached, tuple) and len(cached) == 3 and cached[0] == head \
        else (frozenset(), {})
    new = [file for file in files if file not in known]
    if new and head:
        changed = last_changed(config.project_dir, [config.project_dir / file for file in new])
        dates = {**dates, **{path.relative_to(config.project_dir).as_posix(): date.date() for path, date in changed.items()}}
    if new:
        memo.annotations.put(GIT_DATES, (head, known | frozenset(new), dates))
    updated = {file: dates[file] for file in files if file in dates}
    memo.dates = ((head, files), updated)
    return updated


def compose(config: Config, diags: Diagnostics, write: Callable[[Iterable[tuple[str, str]]], T],
            progress: Progress = _silent, *, memo: Memo | None = None, data_files: bool = False,
            **collecting) -> tuple[Archive, T]:
    """content/ → every docs/ page, handed to ``write`` (the staging of :func:`stage` with the
    ``data_files``, or the preview's in-place writer); with ``memo``, its caches are used and left unsaved."""
    own = memo is None
    memo = Memo.of(config) if memo is None else memo
    archive = gather(config, diags, progress, memo=memo, **collecting)
    try:
        updated = _updated(config, archive, memo)
        memo.used_pages = set()
        jobs = collecting.get("jobs")
        pages = cached_pages(archive, Settings.of(config, updated=updated), memo.pages, memo.keys, memo.used_pages,
                             default_jobs() if jobs is None else jobs)
        data = _start_data(config, archive, memo.keys) if data_files else None
        try:
            written = write(pages)
        except BaseException:
            if data is not None:
                data.cancel()  # not wanted any more
            raise
        if data is not None and isinstance(written, StagedTree):
            _publish_data(config, written, data)
        if own:
            memo.save()
    except (ArchiveGenError, KeyboardInterrupt):
        raise
    except OSError as exc:
        raise GenerateError(f"cannot write {config.docs_dir}: {exc}; docs/ was left as it was") from exc
    except Exception as exc:  # a bug while rendering: report it, keep the old docs/
        raise GenerateError(f"generating docs/ failed: {type(exc).__name__}: {exc} "
                            "(a bug in archive-gen; docs/ was left as it was)") from exc
    return archive, written


def _start_data(config: Config, archive: Archive, used_keys: dict[str, str]) -> Forked:
    """The data files (not through the page cache), made by a forked process beside docs/ while this one stages pages."""
    folder = make_staging_dir(config.docs_dir)
    key = data_key(archive, used_keys, code_version())

    def publish() -> tuple[Path, int, int]:
        shutil.rmtree(folder, ignore_errors=True)  # a failed child's files: made again here
        folder.mkdir()
        return folder, *publish_data(archive, folder, config.docs_dir, incremental.cache_root(config), key, used_keys)
    return Forked(publish, cleanup=lambda: shutil.rmtree(folder, ignore_errors=True))


def _publish_data(config: Config, staged: StagedTree, publish: Forked) -> None:
    """The data files moved into the staged tree (a rename keeps the size, mtime, inode their record names)."""
    try:
        folder, written, unchanged = publish.result()
        (staged.staging / PUBLISH_DIR).mkdir(parents=True, exist_ok=True)
        for rel in published_paths():
            if (folder / rel).is_file():
                (folder / rel).replace(staged.staging / rel)
    except BaseException:
        staged.discard()
        raise
    finally:
        publish.cancel()
    stats = staged.stats  # stage_tree counted the old data files as removed: they are replaced
    replaced = sum(1 for rel in published_paths() if (config.docs_dir / rel).is_file())
    staged.stats = WriteStats(stats.written + written, stats.unchanged + unchanged, stats.removed - replaced)


def generate(config: Config, diags: Diagnostics, progress: Progress = _silent, *, jobs: int | None = None) -> Generated:
    """content/ → docs/: collect, index, write (only what changed), all at once.

    Content errors do not stop it (the good articles are written, the bad ones reported);
    under ``config.strict`` a run with errors or warnings leaves docs/ as it was.
    """
    with tree_lock(config.docs_dir):
        archive, staged = stage(config, diags, progress, jobs=jobs)
        if config.strict and diags.failed(strict=True):
            staged.discard()
            progress("docs: left unchanged (the run failed)")
            return Generated(archive, staged.stats, committed=False)
        staged.commit()
    stats = staged.stats
    progress(f"docs: {stats.written} written, {stats.unchanged} unchanged, {stats.removed} removed")
    return Generated(archive, stats)


def build_site(config: Config, diags: Diagnostics, progress: Progress = _silent, *, jobs: int | None = None,
               after_render: Callable[[Path], None] | None = None) -> Generated:
    """content/ → docs/ → site/ as one step: docs/ and site/ are replaced together, and
    only when generation and rendering both succeeded (under ``config.strict`` also
    without warnings). Otherwise both stay as they were.

    Incremental: when nothing was changed since the last build, it returns at once (and
    reports that build's diagnostics again); otherwise only pages whose Markdown changed are
    rendered. ``after_render(site)`` runs on the complete new site before it is swapped in,
    whenever anything was rendered (e.g. a search indexer)."""
    with contextlib.ExitStack() as locks:
        locks.enter_context(tree_lock(config.docs_dir))
        locks.enter_context(tree_lock(config.site_dir))
        inputs = incremental.input_fingerprint(config)
        manifest = incremental.previous(config)
        if incremental.unchanged(config, manifest, inputs):
            incremental.replay_diagnostics(manifest, diags)
            progress("nothing changed since the last build: docs/ and site/ are current")
            return Generated(Unchanged((None,) * manifest.get("articles", 0)), WriteStats(0, manifest.get("written", 0), 0), rendered=0)
        keys = PageKeys(Store(incremental.cache_root(config), "render"))
        archive, staged = stage(config, diags, progress, jobs=jobs, observe=keys)
        try:
            if config.strict and diags.failed(strict=True):
                progress("docs and site: left unchanged (the run failed)")
                return Generated(archive, staged.stats, committed=False)
            jobs = default_jobs() if jobs is None else jobs
            with _search(config, manifest, jobs) as search:
                site, counts, pages = _render(config, manifest, keys, staged.staging, progress, jobs, search)
                try:
                    # the search, swapped in with the pages
                    pages["search"] = search.finish(site).key
                    if after_render is not None:
                        after_render(site)
                    drop_manifest(incremental.cache_root(config))  # it is about to describe old trees
                    background = len(pages["pages"]) >= BACKGROUND_DELETE  # old trees: deleted by another process
                    staged.commit(background)
                except BaseException:
                    shutil.rmtree(site, ignore_errors=True)
                    raise
            replace_dir(site, config.site_dir, True, background, spare=counts.get("reused", 0) > 0)  # shares its pages (not Zensical)
            _remember(config, inputs, pages, diags, archive, staged.stats)
        finally:
            staged.discard()
    return Generated(archive, staged.stats, rendered=counts.get("rendered", 0))


def _render(config: Config, manifest: dict | None, keys: PageKeys, docs: Path,
            progress: Progress, jobs: int, search: Indexer) -> tuple[Path, dict[str, int], dict]:
    """Render the staged docs/, reusing the current site's pages whose render key is unchanged."""
    fingerprint = render_fingerprint(config.mkdocs_file, incremental.theme_dirs(config), config.strict)
    page_keys = keys.keys()
    keys.save()  # what the next build keys by: this build's pages, whatever becomes of the render
    if config.renderer == zensical.NAME:  # renders every page (no reuse of MkDocs' HTML)
        site = zensical.render_staged(config.mkdocs_file, docs, config.site_dir, config.strict, quiet=config.quiet)
        progress(f"site: {len(page_keys)} pages rendered with Zensical")
        return site, {"rendered": len(page_keys)}, {"render": zensical.fingerprint(fingerprint), "pages": page_keys}
    reuse = None
    if manifest and manifest.get("render") == fingerprint and manifest.get("site") == tree_identity(config.site_dir):
        old = manifest.get("pages") or {}
        reuse = Reuse(config.site_dir, frozenset(rel for rel, key in page_keys.items() if old.get(rel) == key))
    counts: dict[str, int] = {}  # pages rendered, reused
    site = render_staged(config.mkdocs_file, docs, config.site_dir, config.strict, reuse, counts, jobs, search.beside,
                         cache=incremental.cache_root(config))  # the theme's compiled templates, static copies
    progress(f"site: {counts.get('rendered', 0)} pages rendered, {counts.get('reused', 0)} unchanged")
    return site, counts, {"render": fingerprint, "pages": page_keys}


def _search(config: Config, manifest: dict | None, jobs: int) -> Indexer:
    """The search index, begun before the render that feeds it (the current site's bundle reused
    when Pagefind would get the same input); ``finish`` gives the key the manifest keeps."""
    previous = None
    if manifest and isinstance(manifest.get("search"), str) and manifest.get("site") == tree_identity(config.site_dir):
        previous = (manifest["search"], config.site_dir)
    return Indexer(language=config.language, quiet=config.quiet, jobs=jobs,
                   cache=Store(incremental.cache_root(config), "search"), previous=previous)


def _remember(config: Config, inputs: str, pages: dict, diags: Diagnostics, archive: Archive,
              stats: WriteStats) -> None:
    """After both swaps: the manifest of this build."""
    root = incremental.cache_root(config)
    write_manifest(root, {
        **pages, "inputs": inputs, "docs": tree_identity(config.docs_dir), "site": tree_identity(config.site_dir),
        "diagnostics": incremental.encode_diagnostics(diags), "articles": len(archive.articles),
        "written": stats.written + stats.unchanged,
    })
