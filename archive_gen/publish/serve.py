"""Live preview: MkDocs' own server (or Zensical's), with a regeneration step before every build.

``serve`` starts ``mkdocs serve`` with ``content/`` added to the watched paths and
:mod:`archive_gen.publish.preview_hook` registered as a hook (passed in code, so mkdocs.yml
stays free of archive-gen specifics). Each rebuild first calls the ``regenerate`` function
it was given (the pipeline's generate step, so this module never imports the pipeline).
``docs/`` itself is not watched (it is ours, written before MkDocs reads it), so an edit costs
one build; and since unchanged pages are never rewritten, even a watcher of docs/ would find
nothing to do: there is no rebuild loop.
"""

from __future__ import annotations

import logging
import signal
import threading
from pathlib import Path
from typing import Callable

from . import zensical
from .mkdocs import mkdocs_logging

_regenerate: Callable[[], None] | None = None
_fresh = False  # docs/ was just generated (before the server started): skip one hook call


def before_build() -> None:
    """Called by the hook before every (re)build MkDocs makes."""
    global _fresh
    if _fresh:
        _fresh = False
        return
    if _regenerate is not None:
        _regenerate()


def _interrupted(signum, frame) -> None:
    raise KeyboardInterrupt  # a terminated preview stops as on Ctrl-C: its owner saves its caches


def serve(mkdocs_file: Path, content_dir: Path, docs_dir: Path, regenerate: Callable[[], None], *,
          dev_addr: str | None = None, open_browser: bool = False, quiet: bool = False,
          renderer: str = "mkdocs") -> None:
    """``regenerate`` has already run once (MkDocs needs docs/ before it loads its config).
    ``renderer`` "zensical": Zensical's server instead (:func:`.zensical.serve`)."""
    global _regenerate, _fresh
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupted)
    if renderer == zensical.NAME:
        zensical.serve(mkdocs_file, content_dir, docs_dir, regenerate, dev_addr=dev_addr,
                       open_browser=open_browser, quiet=quiet)
        return
    from mkdocs.commands.serve import serve as mkdocs_serve

    _regenerate, _fresh = regenerate, True
    # A preview must say where it serves and when it rebuilds ("Serving on …", "Reloading
    # browsers"): MkDocs logs these at INFO, which `build` rightly leaves out.
    mkdocs_logging(logging.WARNING if quiet else logging.INFO)
    mkdocs_serve(
        config_file=str(mkdocs_file),
        livereload=True,
        build_type="dirty",  # unchanged pages keep their files (hard links): MkDocs renders only the changed
        watch=[str(content_dir)],
        open_in_browser=open_browser,
        docs_dir=str(docs_dir),
        hooks=[str(Path(__file__).with_name("preview_hook.py"))],
        # MkDocs would serve below site_url's path (/archiv/ in the sample); the preview stays
        # at the root the README names.
        site_url="",
        **({"dev_addr": dev_addr} if dev_addr else {}),
    )
