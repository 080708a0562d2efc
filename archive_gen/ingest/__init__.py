"""Ingest: read source files and split them into parts (:class:`~archive_gen.model.SourceDoc`).

One reader per input format, chosen by file suffix (Pelican-style registry)::

    .txt              wire.parse       raw wire text: "date 2024-06 …", captions, sign-off
    .md, .markdown    markdown.parse   YAML front matter + body split like wire text

Readers are pure (``text, display_path → SourceDoc``); :func:`read_source` is the only
function here that touches the disk. Ingest knows no registry: it decides by form, and
``annotate`` maps credits, sign-off agencies and places to registry entries.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from ..errors import ContentError, ReadError
from ..model import SourceDoc
from . import markdown, wire
from .text import decode

Reader = Callable[[str, str], SourceDoc]

READERS: dict[str, Reader] = {
    ".txt": wire.parse,
    ".md": markdown.parse,
    ".markdown": markdown.parse,
}

__all__ = ["READERS", "Reader", "read_source", "supported"]


def supported(path: str | Path) -> bool:
    """True when some reader handles this file's suffix (case-insensitive)."""
    return Path(path).suffix.lower() in READERS


def read_source(path: Path, display_path: str) -> SourceDoc:
    """Read, decode and parse one source file.

    ``display_path`` is how diagnostics name the file (relative to the project). Raises a
    :class:`ContentError` (or :class:`ReadError`) with a line and a hint when the file cannot
    be used; non-fatal problems come back as ``SourceDoc.notes``.
    """
    suffix = Path(path).suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise ContentError(
            display_path,
            1,
            f"unsupported file type '{suffix or Path(path).name}'",
            f"articles must end in one of: {known}",
        )
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ReadError(
            display_path,
            1,
            f"cannot read file: {exc.strerror or exc}",
            "check that it exists and is readable",
        ) from None
    text, notes = decode(data, display_path)
    doc = reader(text, display_path)
    return replace(doc, notes=notes + doc.notes) if notes else doc
