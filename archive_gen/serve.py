"""Live preview: MkDocs' own server, with our generation as a pre-build hook.

``archive-gen serve`` starts ``mkdocs serve`` with ``content/`` added to the watched paths
and :mod:`archive_gen.preview_hook` registered as a hook (passed in code, so mkdocs.yml stays
free of archive-gen specifics). Each rebuild first regenerates ``docs/``. ``docs/`` itself is
not watched (it is ours, written before MkDocs reads it), so an edit costs one build; and
since unchanged pages are never rewritten, even a watcher of docs/ would find nothing to do:
there is no rebuild loop.

A broken article never stops the preview: its problem is printed once and the rest is shown.
The preview always shows what can be built (``--strict`` is for ``build``), and if generating
fails as a whole, the previous docs/ stays and the server keeps running.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import replace
from pathlib import Path

from .build import generate
from .config import Config
from .errors import ArchiveGenError, Diagnostics

_config: Config | None = None
_reported: set[str] = set()
_fresh = False  # docs/ was just generated (before the server started): skip one hook call


def regenerate(first: bool = False) -> None:
    """Called by MkDocs before every (re)build; ``first``: the call before the server starts,
    whose errors (e.g. a docs/ that is not ours) stop ``serve``."""
    global _fresh
    if _config is None:
        return
    if _fresh:
        _fresh = False
        return
    diags = Diagnostics()
    try:
        result = generate(replace(_config, strict=False, drafts=True), diags)  # the preview shows drafts, marked
    except ArchiveGenError as exc:
        if first:
            raise
        print(f"archive-gen: {exc}", file=sys.stderr)
        return
    for diagnostic in diags:
        line = str(diagnostic)
        if line not in _reported:  # a problem is told once, not on every reload
            print(line, file=sys.stderr)
            _reported.add(line)
    if result.stats.written or result.stats.removed:
        print(f"archive-gen: {result.stats.written} pages written, {result.stats.removed} removed", file=sys.stderr)


def serve(config: Config, dev_addr: str | None = None, open_browser: bool = False) -> None:
    global _config
    from mkdocs.commands.serve import serve as mkdocs_serve

    from .build import _mkdocs_logging

    global _fresh
    _config = config
    regenerate(first=True)  # MkDocs needs docs/ to exist before it loads its config
    _fresh = True
    _mkdocs_logging()
    if not config.quiet:
        # A preview must say where it serves and when it rebuilds ("Serving on …",
        # "Building documentation...", "Reloading browsers"): MkDocs logs these at INFO,
        # which the shared handler (WARNING, right for `build`) would swallow.
        for handler in logging.getLogger("mkdocs").handlers:
            if getattr(handler, "_archive_gen", False):
                handler.setLevel(logging.INFO)
    hook = str(Path(__file__).with_name("preview_hook.py"))
    mkdocs_serve(
        config_file=str(config.mkdocs_file),
        livereload=True,
        watch=[str(config.content_dir)],
        open_in_browser=open_browser,
        docs_dir=str(config.docs_dir),
        hooks=[hook],
        # MkDocs would serve below site_url's path (/archiv/ in the sample); the preview
        # stays at the root, where the README and the editors expect it.
        site_url="",
        **({"dev_addr": dev_addr} if dev_addr else {}),
    )
