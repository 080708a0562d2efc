"""The pipeline, end to end: gather everything, then index, then write, then publish.

Like Pelican's ``run()``: nothing is written before the whole graph exists. A content file
that cannot be used becomes a diagnostic and is left out; it never costs other articles.
This module only runs the stages in order; each stage's work lives in its package::

    registry/ ingest/ → annotate/ → index/ → render/ → output/ (docs/) → publish/ (site/)

Writing is all or nothing: the new docs/ is staged beside the old one and swapped in only
when every page was written (and, under ``--strict``, only when the run did not fail);
MkDocs renders into a staging directory that replaces site/ only after a successful render.
A failed or interrupted run leaves the previous docs/ and site/ as they were.
"""

from __future__ import annotations

import contextlib
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .annotate import Annotator
from .config import Config
from .errors import ArchiveGenError, ContentError, Diagnostics, GenerateError
from .index import build_archive
from .ingest import read_source
from .ingest.discover import source_files
from .ingest.gitdates import last_changed
from .model import Archive, Article, Registry
from .output import StagedTree, WriteStats, replace_dir, stage_tree, tree_lock
from .publish.mkdocs import render_staged
from .publish.search import index_site
from .registry import load_registry
from .render import Settings, render_pages

Progress = Callable[[str], None]


def _silent(_: str) -> None:
    pass


@dataclass(frozen=True)
class Generated:
    archive: Archive
    stats: WriteStats
    committed: bool = True  # False: the run failed under --strict and docs/ was left as it was


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


def collect(config: Config, diags: Diagnostics, progress: Progress = _silent) -> tuple[Registry, list[Article]]:
    """Read and annotate every article. Bad ones are reported and skipped."""
    registry = load_registry(config.content_dir, diags, config.display_path, max_bytes=config.max_file_bytes)
    annotator = Annotator(registry, config.language, config.country)
    files = source_files(config.content_dir, diags, config.display_path)
    articles = []
    for number, path in enumerate(files, start=1):
        article = read_article(annotator, path, config.display_path(path), diags, config.max_file_bytes)
        if article is not None:
            articles.append(article)
        if number % 500 == 0 or number == len(files):
            progress(f"read {number}/{len(files)} articles")
    return registry, articles


def gather(config: Config, diags: Diagnostics, progress: Progress = _silent) -> Archive:
    """content/ → the complete graph of what this run publishes."""
    registry, articles = collect(config, diags, progress)
    unpublished = [a for a in articles if a.status != "published"]
    if unpublished and not config.drafts:  # the published site leaves drafts and articles in review out
        articles = [a for a in articles if a.status == "published"]
        progress(f"{len(unpublished)} draft(s) or article(s) in review left out (preview them with serve)")
    return build_archive(articles, registry, diags)


def stage(config: Config, diags: Diagnostics, progress: Progress = _silent) -> tuple[Archive, StagedTree]:
    """content/ → a staged docs/ tree beside the real one (not yet swapped in)."""
    archive = gather(config, diags, progress)
    try:
        changed = last_changed(config.project_dir, [config.project_dir / a.source_file for a in archive.articles])
        updated = {path.relative_to(config.project_dir).as_posix(): date.date() for path, date in changed.items()}
        pages = render_pages(archive, Settings.of(config, updated=updated))
        staged = stage_tree(pages, config.docs_dir)
    except (ArchiveGenError, KeyboardInterrupt):
        raise
    except OSError as exc:
        raise GenerateError(f"cannot write {config.docs_dir}: {exc}; docs/ was left as it was") from exc
    except Exception as exc:  # a bug while rendering: report it, keep the old docs/
        raise GenerateError(f"generating docs/ failed: {type(exc).__name__}: {exc} "
                            "(a bug in archive-gen; docs/ was left as it was)") from exc
    return archive, staged


def generate(config: Config, diags: Diagnostics, progress: Progress = _silent) -> Generated:
    """content/ → docs/: collect, index, write (only what changed), all at once.

    Content errors do not stop it (the good articles are written, the bad ones reported);
    under ``config.strict`` a run with errors or warnings leaves docs/ as it was.
    """
    with tree_lock(config.docs_dir):
        archive, staged = stage(config, diags, progress)
        if config.strict and diags.failed(strict=True):
            staged.discard()
            progress("docs: left unchanged (the run failed)")
            return Generated(archive, staged.stats, committed=False)
        staged.commit()
    stats = staged.stats
    progress(f"docs: {stats.written} written, {stats.unchanged} unchanged, {stats.removed} removed")
    return Generated(archive, stats)


def build_site(config: Config, diags: Diagnostics, progress: Progress = _silent) -> Generated:
    """content/ → docs/ → site/ as one step: docs/ and site/ are replaced together, and
    only when generation and rendering both succeeded (under ``config.strict`` also
    without warnings). Otherwise both stay as they were."""
    with contextlib.ExitStack() as locks:
        locks.enter_context(tree_lock(config.docs_dir))
        locks.enter_context(tree_lock(config.site_dir))
        archive, staged = stage(config, diags, progress)
        try:
            if config.strict and diags.failed(strict=True):
                progress("docs and site: left unchanged (the run failed)")
                return Generated(archive, staged.stats, committed=False)
            site = render_staged(config.mkdocs_file, staged.staging, config.site_dir, config.strict)
            try:
                index_site(site, language=config.language, quiet=config.quiet)  # the search, swapped in with the pages
                staged.commit()
            except BaseException:
                shutil.rmtree(site, ignore_errors=True)
                raise
            replace_dir(site, config.site_dir, keep_hidden=True)
        finally:
            staged.discard()
    return Generated(archive, staged.stats)
