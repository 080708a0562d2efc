"""MkDocs as the renderer: ``docs/`` → a staged ``site/``, with MkDocs' log on our terms."""

from __future__ import annotations

import logging
import shutil
import sys
from pathlib import Path

from ..errors import ConfigError, RenderError
from ..output import make_staging_dir
from ..output.cache import Store
from ..output.spare import take_spare
from .compiled import theme_templates
from .reuse import Reuse, rendering
from .statics import StaticCopies

_HANDLER_FLAG = "_archive_gen"


def render_staged(mkdocs_file: Path, docs_dir: Path, site_dir: Path, strict: bool, reuse: Reuse | None = None,
                  counts: dict[str, int] | None = None, jobs: int = 1, sink=None, cache: Path | None = None) -> Path:
    """Render ``docs_dir`` into a new staging directory beside ``site_dir`` and return it; on
    any failure the staging directory is removed and a :class:`RenderError` raised.

    ``reuse``: pages whose HTML in the current site/ is still right are linked, not rendered
    (:mod:`.reuse`); ``counts`` receives how many pages were rendered and reused; ``jobs``:
    processes that render (forked; only when there are many pages to render); ``sink``: the
    search's part in the render (:class:`.beside.Beside`). When pages are reused, the staging
    directory is the spare tree the last build kept (:mod:`..output.spare`), when there is one.
    ``cache``: the project's cache folder, for the packs of the theme's compiled templates
    (:mod:`.compiled`) and of the static files' copies (:mod:`.statics`)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    if site_dir.is_symlink() or (site_dir.exists() and not site_dir.is_dir()):
        raise ConfigError(f"{site_dir}: not a directory; refusing to replace it")
    mkdocs_logging()
    spare = take_spare(site_dir) if reuse is not None and reuse.pages else None
    staging = spare.tree if spare is not None else make_staging_dir(site_dir)
    templates = Store(cache, "templates") if cache is not None else None
    statics = StaticCopies(Store(cache, "statics") if cache is not None else None, str(site_dir.absolute()), spare) \
        if spare is not None else None
    try:
        with theme_templates(templates), \
                rendering(reuse, counts if counts is not None else {}, jobs, strict, sink, spare, statics):
            build(load_config(str(mkdocs_file), docs_dir=str(docs_dir), site_dir=str(staging), strict=strict))
        if statics is not None:
            statics.save()
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, MkDocsException):  # includes Abort (strict mode, build errors)
            raise RenderError(f"MkDocs failed: {exc}; site/ was left as it was") from None
        if isinstance(exc, Exception):  # a theme template, a plugin, the disk …
            raise RenderError(f"MkDocs failed: {type(exc).__name__}: {exc}; site/ was left as it was") from exc
        raise
    return staging


def mkdocs_logging(level: int = logging.WARNING) -> None:
    """MkDocs' messages on stderr as ``mkdocs: LEVEL: …`` (once, however often called)."""
    logger = logging.getLogger("mkdocs")
    handler = next((h for h in logger.handlers if getattr(h, _HANDLER_FLAG, False)), None)
    if handler is None:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("mkdocs: %(levelname)s: %(message)s"))
        setattr(handler, _HANDLER_FLAG, True)
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    handler.setLevel(level)
    # The stderr of now, not of the first call: a caller that replaced it (a test's capture, an
    # embedding tool) may have closed the old one, and writing to it would fail mid-message.
    handler.stream = sys.stderr
