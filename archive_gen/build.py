"""The pipeline, end to end: gather everything, then index, then write, then render.

Like Pelican's ``run()``: nothing is written before the whole graph exists. A content file
that cannot be used becomes a diagnostic and is left out; it never costs other articles.

Writing is all or nothing: the new docs/ is staged beside the old one and swapped in only
when every page was written (and, under ``--strict``, only when the run did not fail);
MkDocs renders into a staging directory that replaces site/ only after a successful render.
A failed or interrupted run leaves the previous docs/ and site/ as they were.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from .annotate import Annotator
from .config import Config
from .errors import ArchiveGenError, ConfigError, ContentError, Diagnostics, GenerateError, RenderError
from .gitdates import last_changed
from .index import build_archive
from .ingest import MAX_FILE_BYTES, read_source, supported
from .model import Archive, Article, Registry
from .paths import TAXONOMIES, unique_slugs
from .registry import load_registry
from .write import (
    Settings, StagedTree, WriteStats, make_staging_dir, remove_leftovers, render_pages, replace_dir, stage_tree,
)

Progress = Callable[[str], None]

REGISTRY_FOLDERS = ("actors", "topics", "sources", "pages")
# Page ids whose page would take the URL of a generated section (pages/actors.md → /actors/).
RESERVED_PAGE_IDS = frozenset({*TAXONOMIES, "timeline", "articles", "search", "assets"})


def _silent(_: str) -> None:
    pass


@dataclass(frozen=True)
class Generated:
    archive: Archive
    stats: WriteStats
    committed: bool = True  # False: the run failed under --strict and docs/ was left as it was


# ---------------------------------------------------------------------------- finding sources


def source_files(config: Config, diags: Diagnostics) -> list[Path]:
    """Article sources below ``content/articles``, in a stable order; others are reported.

    Hidden files and directories are skipped. A symbolic link is read only when it points to
    a file inside ``content/``; links to directories are not followed. Directories that
    cannot be listed are reported, not silently left out.
    """
    root = config.content_dir / "articles"
    if not root.is_dir():
        return []
    content = os.path.realpath(config.content_dir)
    found = []

    def unreadable(exc: OSError) -> None:
        diags.error(config.display_path(Path(exc.filename or root)), 1,
                    f"cannot read directory: {(exc.strerror or str(exc)).lower()}",
                    "make the directory readable for the user running archive-gen (chmod a+rx)")

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable):
        here = Path(dirpath)
        for name in list(dirnames):
            path = here / name
            if name.startswith("."):
                dirnames.remove(name)
            elif path.is_symlink():
                dirnames.remove(name)
                if not _inside(path, content):
                    diags.error(config.display_path(path), 1, "symbolic link points outside content/",
                                "copy the files into content/ instead")
                else:
                    diags.warning(config.display_path(path), 1, "symbolic link to a directory is not followed",
                                  "move the directory into content/articles/ instead of linking it")
        for name in filenames:
            if name.startswith("."):
                continue
            path = here / name
            shown = config.display_path(path)
            if path.is_symlink() and not _inside(path, content):
                diags.error(shown, 1, "symbolic link points outside content/", "copy the file into content/ instead")
                continue
            if not supported(path):
                diags.warning(shown, 1, f"not an article source ('{path.suffix or path.name}'); ignored",
                              "articles are .txt (wire text) or .md (Markdown with front matter)")
                continue
            found.append(path)
    return sorted(found)


def _inside(path: Path, root_real: str) -> bool:
    """Does ``path`` (after following every link; a loop or a missing target counts as the
    place where it ends up) lie inside ``root_real``?"""
    target = os.path.realpath(path)
    return os.path.commonpath([target, root_real]) == root_real


# ---------------------------------------------------------------------------- reading


def read_article(annotator: Annotator, path: Path, shown: str, diags: Diagnostics,
                 max_bytes: int = MAX_FILE_BYTES) -> Article | None:
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
    registry = check_registry(config, load_registry(config.content_dir, diags, config.display_path,
                                                    max_bytes=config.max_file_bytes), diags)
    annotator = Annotator(registry, config.language)
    files = source_files(config, diags)
    articles = []
    for number, path in enumerate(files, start=1):
        article = read_article(annotator, path, config.display_path(path), diags, config.max_file_bytes)
        if article is not None:
            articles.append(article)
        if number % 500 == 0 or number == len(files):
            progress(f"read {number}/{len(files)} articles")
    check_slugs(articles, diags)
    return registry, articles


# ---------------------------------------------------------------------------- registry checks


def check_registry(config: Config, registry: Registry, diags: Diagnostics) -> Registry:
    """Problems of the registry as a whole that single entries cannot show; entries that
    would break the site are reported and left out.

    - ids are file names: ``Putin.md`` beside ``putin.md`` (one file on Windows and macOS),
      ``putin.MD`` or ``putin.markdown`` beside ``putin.md``, and files that are no entry at all;
    - an id that takes a generated page's place (``actors/index.md`` is the actor index,
      ``pages/actors.md`` would be served at ``/actors/``), ``pages/home.md`` beside
      ``pages/index.md``;
    - the same id for an actor and a source (two pages, one name: ambiguous for editors);
    - an entry file that is a symbolic link out of ``content/`` or larger than the size limit.
    """
    content = os.path.realpath(config.content_dir)
    dropped: dict[str, set[str]] = {folder: set() for folder in REGISTRY_FOLDERS}
    for folder in REGISTRY_FOLDERS:
        directory = config.content_dir / folder
        try:
            names = sorted(n for n in os.listdir(directory) if not n.startswith("."))
        except FileNotFoundError:
            continue
        except OSError as exc:
            diags.error(config.display_path(directory), 1, f"cannot read directory: {(exc.strerror or str(exc)).lower()}",
                        "make the directory readable for the user running archive-gen (chmod a+rx)")
            continue
        by_id: dict[str, list[str]] = {}
        for name in names:
            path = directory / name
            shown = config.display_path(path)
            if path.is_dir():
                diags.warning(shown, 1, f"{folder}/{name}/ is a directory; registry folders are not read recursively",
                              f"move its entries into content/{folder}/")
                continue
            stem, suffix = os.path.splitext(name)
            by_id.setdefault(stem.casefold(), []).append(name)
            if suffix != ".md":
                what = "must end in '.md' (lowercase)" if suffix.lower() in (".md", ".markdown") else "is not a registry entry (.md)"
                entry = getattr(registry, folder).get(stem)
                read = entry is not None and getattr(entry, "path", "") == shown  # a case-insensitive file system
                diags.warning(shown, 1, f"{folder}/{name} {what}" + ("" if read else "; ignored"),
                              f"rename it to {stem.lower()}.md")
            elif path.is_symlink() and not _inside(path, content):
                diags.error(shown, 1, "symbolic link points outside content/; entry left out", "copy the file into content/ instead")
                dropped[folder].add(stem)
            elif _size(path) > config.max_file_bytes:
                diags.error(shown, 1, f"file is too large (limit {config.max_file_bytes // 1024 // 1024} MB); entry left out",
                            "a registry entry is a few lines of front matter and a short description")
                dropped[folder].add(stem)
        for variants in by_id.values():
            if len(variants) > 1:
                canonical = [v for v in variants if v == v.lower() and v.endswith(".md")]
                for name in (v for v in variants if v not in canonical or len(canonical) == len(variants)):
                    others = ", ".join(v for v in variants if v != name)
                    diags.error(config.display_path(directory / name), 1,
                                f"duplicate id: {folder}/{name} and {others} name the same entry "
                                "(one file on Windows and macOS)",
                                "keep one file, named in lowercase with the suffix .md")
    for folder in ("actors", "topics", "sources"):
        if "index" in getattr(registry, folder):
            diags.error(f"{_folder_path(config, folder)}/index.md", 1,
                        f"'index' cannot be an id: {folder}/index.md is the list of all {folder}",
                        "rename the file")
            dropped[folder].add("index")
    for page_id in sorted(set(registry.pages) & RESERVED_PAGE_IDS):
        diags.error(f"{_folder_path(config, 'pages')}/{page_id}.md", 1,
                    f"'{page_id}' cannot be a page id: /{page_id}/ is a generated section", "rename the file")
        dropped["pages"].add(page_id)
    if "index" in registry.pages and "home" in registry.pages:
        diags.warning(f"{_folder_path(config, 'pages')}/home.md", 1,
                      "pages/index.md and pages/home.md are both the home page; home.md is ignored",
                      "merge them into pages/index.md")
        dropped["pages"].add("home")
    for entry_id in sorted(set(registry.actors) & set(registry.sources)):
        actor, source = registry.actors[entry_id], registry.sources[entry_id]
        if actor.path and source.path:  # both written by editors (built-in entries have no file)
            diags.warning(source.path, 1, f"id '{entry_id}' is both an actor ({actor.path}) and a source",
                          "rename one of the two files")
    if not any(dropped.values()):
        return registry
    return replace(registry, **{
        folder: {k: v for k, v in getattr(registry, folder).items() if k not in dropped[folder]}
        for folder in REGISTRY_FOLDERS
    })


def _folder_path(config: Config, folder: str) -> str:
    return config.display_path(config.content_dir / folder)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def check_slugs(articles: list[Article], diags: Diagnostics) -> None:
    """Two articles that want the same slug get distinct, stable ones (the first by source
    path keeps it, the others get ``-2``, ``-3`` …, as :func:`index.build_archive` assigns
    them); the others are told, because their address now depends on another file."""
    by_path = sorted(articles, key=lambda a: a.source_file)
    slugs = unique_slugs([(a.source_file, a.slug) for a in by_path])
    owner = {}
    for article in by_path:
        owner.setdefault(article.slug, article.source_file)
    for article in by_path:
        given = slugs[article.source_file]
        if given != article.slug:
            diags.warning(article.source_file, article.doc.meta_lines.get("slug", 1),
                          f"slug '{article.slug}' is already taken by {owner[article.slug]}; "
                          f"this article's page is '{given}'",
                          "give one of them its own 'slug:' in the front matter (or rename the file)")


# ---------------------------------------------------------------------------- writing


def stage(config: Config, diags: Diagnostics, progress: Progress = _silent) -> tuple[Archive, StagedTree]:
    """content/ → a staged docs/ tree beside the real one (not yet swapped in)."""
    registry, articles = collect(config, diags, progress)
    unpublished = [a for a in articles if a.status != "published"]
    if unpublished and not config.drafts:  # the published site leaves drafts and articles in review out
        articles = [a for a in articles if a.status == "published"]
        progress(f"{len(unpublished)} draft(s) or article(s) in review left out (preview them with serve)")
    try:
        archive = build_archive(articles, registry)
        changed = last_changed(config.project_dir, [config.project_dir / a.source_file for a in articles])
        updated = {path.relative_to(config.project_dir).as_posix(): date.date() for path, date in changed.items()}
        pages = render_pages(archive, Settings(language=config.language, page_size=config.page_size,
                                               updated=updated, drafts=config.drafts))
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
    archive, staged = stage(config, diags, progress)
    try:
        if config.strict and diags.failed(strict=True):
            progress("docs and site: left unchanged (the run failed)")
            return Generated(archive, staged.stats, committed=False)
        site = _render_staged(config, staged.staging, config.strict)
        try:
            staged.commit()
        except BaseException:
            shutil.rmtree(site, ignore_errors=True)
            raise
        replace_dir(site, config.site_dir, keep_hidden=True)
    finally:
        staged.discard()
    return Generated(archive, staged.stats)


# ---------------------------------------------------------------------------- rendering


def render_site(config: Config, strict: bool = False) -> None:
    """docs/ → site/ with MkDocs (mkdocs.yml as it is, our paths); site/ is replaced only
    after a successful render."""
    site = _render_staged(config, config.docs_dir, strict)
    replace_dir(site, config.site_dir, keep_hidden=True)


def _render_staged(config: Config, docs_dir: Path, strict: bool) -> Path:
    """Render ``docs_dir`` into a new staging directory beside site/ and return it; on any
    failure the staging directory is removed and a :class:`RenderError` raised."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    site_dir = config.site_dir
    if site_dir.is_symlink() or (site_dir.exists() and not site_dir.is_dir()):
        raise ConfigError(f"{site_dir}: not a directory; refusing to replace it")
    _mkdocs_logging()
    remove_leftovers(site_dir)
    staging = make_staging_dir(site_dir)
    try:
        mk_config = load_config(
            str(config.mkdocs_file), docs_dir=str(docs_dir), site_dir=str(staging), strict=strict
        )
        build(mk_config)
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, MkDocsException):  # includes Abort (strict mode, build errors)
            raise RenderError(f"MkDocs failed: {exc}; site/ was left as it was") from None
        if isinstance(exc, Exception):  # a theme template, a plugin, the disk …
            raise RenderError(f"MkDocs failed: {type(exc).__name__}: {exc}; site/ was left as it was") from exc
        raise
    return staging


def _mkdocs_logging() -> None:
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_archive_gen", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("mkdocs: %(levelname)s: %(message)s"))
        handler.setLevel(logging.WARNING)
        handler._archive_gen = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
