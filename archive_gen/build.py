"""The pipeline, end to end: gather everything, then index, then write, then render.

Like Pelican's ``run()``: nothing is written before the whole graph exists. A content file
that cannot be used becomes a diagnostic and is left out; it never costs other articles.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .annotate import Annotator
from .config import Config
from .errors import ContentError, Diagnostics, RenderError
from .index import build_archive
from .ingest import read_source, supported
from .model import Archive, Article, Registry
from .registry import load_registry
from .write import Settings, WriteStats, render_pages, write_tree

Progress = Callable[[str], None]


def _silent(_: str) -> None:
    pass


@dataclass(frozen=True)
class Generated:
    archive: Archive
    stats: WriteStats


def source_files(config: Config, diags: Diagnostics) -> list[Path]:
    """Article sources below ``content/articles``, in a stable order; others are reported."""
    root = config.content_dir / "articles"
    if not root.is_dir():
        return []
    found = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or path.is_dir():
            continue
        shown = config.display_path(path)
        if path.is_symlink() and not _inside(path, config.content_dir):
            diags.error(shown, 1, "symbolic link points outside content/", "copy the file into content/ instead")
            continue
        if not supported(path):
            diags.warning(shown, 1, f"not an article source ('{path.suffix or path.name}'); ignored",
                          "articles are .txt (wire text) or .md (Markdown with front matter)")
            continue
        found.append(path)
    return found


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except (ValueError, OSError):
        return False


def read_article(annotator: Annotator, path: Path, shown: str, diags: Diagnostics) -> Article | None:
    """One source file → an article, or ``None`` with the reason in ``diags``."""
    try:
        return annotator.annotate(read_source(path, shown), diags)
    except ContentError as exc:
        diags.add(exc.diagnostic())
    except Exception as exc:  # a bug must not take the archive down either
        diags.error(shown, 1, f"internal error: {type(exc).__name__}: {exc}",
                    "this is a bug in archive-gen; the article was skipped")
    return None


def collect(config: Config, diags: Diagnostics, progress: Progress = _silent) -> tuple[Registry, list[Article]]:
    """Read and annotate every article. Bad ones are reported and skipped."""
    registry = load_registry(config.content_dir, diags, config.display_path)
    annotator = Annotator(registry, config.language)
    files = source_files(config, diags)
    articles = []
    for number, path in enumerate(files, start=1):
        article = read_article(annotator, path, config.display_path(path), diags)
        if article is not None:
            articles.append(article)
        if number % 500 == 0 or number == len(files):
            progress(f"read {number}/{len(files)} articles")
    return registry, articles


def generate(config: Config, diags: Diagnostics, progress: Progress = _silent) -> Generated:
    """content/ → docs/: collect, index, write (only what changed)."""
    registry, articles = collect(config, diags, progress)
    archive = build_archive(articles, registry)
    pages = render_pages(archive, Settings(language=config.language, page_size=config.page_size))
    stats = write_tree(pages, config.docs_dir)
    progress(f"docs: {stats.written} written, {stats.unchanged} unchanged, {stats.removed} removed")
    return Generated(archive, stats)


def render_site(config: Config, strict: bool = False) -> None:
    """docs/ → site/ with MkDocs (mkdocs.yml as it is, our paths)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    _mkdocs_logging()
    try:
        mk_config = load_config(
            str(config.mkdocs_file), docs_dir=str(config.docs_dir), site_dir=str(config.site_dir), strict=strict
        )
        build(mk_config)
    except MkDocsException as exc:  # includes Abort (strict mode, build errors)
        raise RenderError(f"MkDocs failed: {exc}") from None


def _mkdocs_logging() -> None:
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_archive_gen", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("mkdocs: %(levelname)s: %(message)s"))
        handler.setLevel(logging.WARNING)
        handler._archive_gen = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
