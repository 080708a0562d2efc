"""Ingest: read source files and split them into parts (:class:`~archive_gen.model.SourceDoc`).

One reader per input format, chosen by file suffix (Pelican-style registry)::

    .txt              wire.parse       raw wire text: "date 2024-06 …", captions, sign-off
                                       (+ x.yml beside it: the editor's front matter)
    .md, .markdown    markdown.parse   YAML front matter + body split like wire text

Readers are pure (``text, display_path → SourceDoc``); :func:`read_source` is the only
function here that touches the disk. Ingest knows no registry: it decides by form, and
``annotate`` maps credits, sign-off agencies and places to registry entries.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from ..config import DEFAULT_MAX_FILE_BYTES as MAX_FILE_BYTES
from ..errors import ContentError, ReadError
from .. import front_matter
from ..model import SourceDoc
from . import markdown, wire
from .text import decode

Reader = Callable[[str, str], SourceDoc]

SIDECAR_SUFFIX = ".yml"  # x.yml beside x.txt: the editor's front matter for a raw wire file

READERS: dict[str, Reader] = {
    ".txt": wire.parse,
    ".md": markdown.parse,
    ".markdown": markdown.parse,
}

__all__ = ["MAX_FILE_BYTES", "READERS", "Reader", "read_bytes", "read_source", "supported"]



def supported(path: str | Path) -> bool:
    """True when some reader handles this file's suffix (case-insensitive)."""
    return Path(path).suffix.lower() in READERS


def read_source(path: Path, display_path: str, max_bytes: int = MAX_FILE_BYTES, data: bytes | None = None) -> SourceDoc:
    """Read, decode and parse one source file.

    ``display_path`` is how diagnostics name the file (relative to the project). Raises a
    :class:`ContentError` (or :class:`ReadError`) with a line and a hint when the file cannot
    be used; non-fatal problems come back as ``SourceDoc.notes``. A file larger than
    ``max_bytes`` is refused before it is read. A raw wire file's sidecar (``x.yml``) is its
    front matter.
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
    if data is None:  # the caller may have read them already (to fingerprint them)
        data = read_bytes(Path(path), display_path, max_bytes)
    text, notes = decode(data, display_path)
    doc = reader(text, display_path)
    doc = replace(doc, notes=notes + doc.notes) if notes else doc
    sidecar = sidecar_of(Path(path))
    if sidecar is not None and not doc.meta:
        doc = _with_sidecar(doc, sidecar, _beside(display_path, sidecar.name), max_bytes)
    return doc


def sidecar_of(path: Path) -> Path | None:
    """The editor's metadata for a raw wire file: ``x.yml`` beside ``x.txt`` (the agency's text
    stays untouched; title, actors, notes … are set there, as in front matter)."""
    if path.suffix.lower() != ".txt":
        return None
    candidate = path.with_suffix(SIDECAR_SUFFIX)
    return candidate if candidate.is_file() else None


def _with_sidecar(doc: SourceDoc, sidecar: Path, shown: str, max_bytes: int) -> SourceDoc:
    text, notes = decode(read_bytes(sidecar, shown, max_bytes), shown)
    meta, lines = front_matter.load_yaml(text, shown)
    return replace(doc, meta=meta, meta_lines=lines, meta_path=shown, notes=doc.notes + notes)


def _beside(display_path: str, name: str) -> str:
    head, _, _ = display_path.rpartition("/")
    return f"{head}/{name}" if head else name


def read_bytes(path: Path, display_path: str, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """A regular file's bytes, at most ``max_bytes`` of them, or a :class:`ReadError`.

    The size is checked before reading, and the read itself is bounded (a file that grows
    while we read it is refused too). FIFOs, devices and sockets are refused unopened: reading
    one would block the build or never end.
    """
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            kind = "a directory" if stat.S_ISDIR(info.st_mode) else "not a regular file (a pipe, socket or device)"
            raise ReadError(display_path, 1, f"cannot read file: it is {kind}",
                            "articles are plain text files; remove it from content/")
        if info.st_size > max_bytes:
            raise _too_large(display_path, info.st_size, max_bytes)
        with open(path, "rb") as handle:
            # a buffer of the file's size, not of the limit: read(10 MB) gets its own memory map
            # per file and keeps it when shrunk, and 65,530 maps (Linux' default) end the process
            # at about 65,000 articles
            data = handle.read(min(info.st_size, max_bytes) + 1)
            if len(data) > info.st_size:  # it grew since the stat: read on, still bounded
                data += handle.read(max_bytes + 1 - len(data))
    except OSError as exc:
        raise ReadError(display_path, 1, f"cannot read file: {_reason(exc)}", _hint(exc)) from None
    if len(data) > max_bytes:
        raise _too_large(display_path, len(data), max_bytes)
    return data


def _too_large(display_path: str, size: int, limit: int) -> ReadError:
    return ReadError(
        display_path, 1, f"file is too large ({_size(size)}; the limit is {_size(limit)})",
        "an article is text of a few kilobytes: check that this is the right file, split it, "
        "or raise the limit (max_file_bytes)",
    )


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOENT:
        return "no such file (a broken symbolic link?)"
    return (exc.strerror or str(exc)).lower()


def _hint(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "make the file readable for the user running archive-gen (chmod a+r)"
    if exc.errno in (errno.ELOOP, errno.ENOENT):
        return "point the link at an existing file inside content/, or remove it"
    return "check that the file exists and is readable"
