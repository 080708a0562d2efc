"""Live preview: MkDocs' own server, with our generation as a pre-build hook.

``archive-gen serve`` starts ``mkdocs serve`` with ``content/`` added to the watched paths
and :mod:`archive_gen.preview_hook` registered as a hook (passed in code, so mkdocs.yml stays
free of archive-gen specifics). Each rebuild first regenerates ``docs/``; because unchanged
pages are not rewritten, the rebuild that our own writes trigger finds nothing to do, and
there is no rebuild loop.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .build import generate
from .config import Config
from .errors import Diagnostics

_config: Config | None = None
_reported: set[str] = set()


def regenerate() -> None:
    """Called by MkDocs before every (re)build."""
    if _config is None:
        return
    diags = Diagnostics()
    result = generate(_config, diags)
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

    _config = config
    regenerate()
    _mkdocs_logging()
    hook = str(Path(__file__).with_name("preview_hook.py"))
    mkdocs_serve(
        config_file=str(config.mkdocs_file),
        livereload=True,
        watch=[str(config.content_dir)],
        open_in_browser=open_browser,
        docs_dir=str(config.docs_dir),
        hooks=[hook],
        **({"dev_addr": dev_addr} if dev_addr else {}),
    )
