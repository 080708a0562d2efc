"""Finding the article sources below ``content/articles``, in a stable order."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from ..errors import Diagnostics
from . import READERS, SIDECAR_SUFFIX

UNREADABLE_HINT = "make the directory readable for the user running archive-gen (chmod a+rx)"


def source_files(content_dir: Path, diags: Diagnostics, display: Callable[[Path], str] = str) -> list[Path]:
    """Article sources below ``content/articles``, sorted; other files are reported.

    Hidden files and directories are skipped. A symbolic link is read only when it points to
    a file inside ``content/``; links to directories are not followed. Directories that
    cannot be listed are reported, not silently left out.
    """
    root = content_dir / "articles"
    if not root.is_dir():
        return []
    content = os.path.realpath(content_dir)
    found = []

    def unreadable(exc: OSError) -> None:
        diags.error(display(Path(exc.filename or root)), 1,
                    f"cannot read directory: {(exc.strerror or str(exc)).lower()}", UNREADABLE_HINT)

    def walk(folder: str) -> None:  # os.walk's order, on scandir's entries: no stat, no Path per file
        try:
            with os.scandir(folder) as listing:
                entries = [entry for entry in listing if not entry.name.startswith(".")]
        except OSError as exc:
            unreadable(exc)
            return
        folders = [entry for entry in entries if _is_dir(entry)]
        for entry in entries:
            if _is_dir(entry):
                continue
            if entry.is_symlink() and not inside(Path(entry.path), content):
                diags.error(display(Path(entry.path)), 1, "symbolic link points outside content/",
                            "copy the file into content/ instead")
            elif _source(entry.path, diags, display):
                found.append(entry.path)
        for entry in folders:
            if not entry.is_symlink():
                walk(entry.path)
            elif not inside(Path(entry.path), content):
                diags.error(display(Path(entry.path)), 1, "symbolic link points outside content/",
                            "copy the files into content/ instead")
            else:
                diags.warning(display(Path(entry.path)), 1, "symbolic link to a directory is not followed",
                              "move the directory into content/articles/ instead of linking it")

    walk(str(root))
    return [Path(path) for path in sorted(found, key=lambda path: path.split(os.sep))]  # Path's order


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _source(path: str, diags: Diagnostics, display: Callable[[Path], str]) -> bool:
    """Is the file an article source? A sidecar beside its wire file is not; another file is reported."""
    dot = path.rfind(".")
    suffix = path[dot:].lower() if dot > path.rfind(os.sep) + 1 and dot < len(path) - 1 else ""  # Path.suffix
    if suffix == SIDECAR_SUFFIX and os.path.exists(path[:dot] + ".txt"):
        return False  # the metadata of the wire file beside it
    if suffix in READERS:
        return True
    name = os.path.basename(path)
    diags.warning(display(Path(path)), 1, f"not an article source ('{suffix or name}'); ignored",
                  "articles are .txt (wire text) or .md (Markdown with front matter)")
    return False


def inside(path: Path, root_real: str) -> bool:
    """Does ``path`` (after following every link; a loop or a missing target counts as the
    place where it ends up) lie inside ``root_real``?"""
    target = os.path.realpath(path)
    return os.path.commonpath([target, root_real]) == root_real
