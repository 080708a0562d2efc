"""Finding the article sources below ``content/articles``, in a stable order."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from ..errors import Diagnostics
from . import SIDECAR_SUFFIX, supported

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

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable):
        here = Path(dirpath)
        for name in list(dirnames):
            path = here / name
            if name.startswith("."):
                dirnames.remove(name)
            elif path.is_symlink():
                dirnames.remove(name)
                if not inside(path, content):
                    diags.error(display(path), 1, "symbolic link points outside content/",
                                "copy the files into content/ instead")
                else:
                    diags.warning(display(path), 1, "symbolic link to a directory is not followed",
                                  "move the directory into content/articles/ instead of linking it")
        for name in filenames:
            if name.startswith("."):
                continue
            path = here / name
            if path.is_symlink() and not inside(path, content):
                diags.error(display(path), 1, "symbolic link points outside content/", "copy the file into content/ instead")
                continue
            if path.suffix.lower() == SIDECAR_SUFFIX and path.with_suffix(".txt").exists():
                continue  # the metadata of the wire file beside it
            if not supported(path):
                diags.warning(display(path), 1, f"not an article source ('{path.suffix or path.name}'); ignored",
                              "articles are .txt (wire text) or .md (Markdown with front matter)")
                continue
            found.append(path)
    return sorted(found)


def inside(path: Path, root_real: str) -> bool:
    """Does ``path`` (after following every link; a loop or a missing target counts as the
    place where it ends up) lie inside ``root_real``?"""
    target = os.path.realpath(path)
    return os.path.commonpath([target, root_real]) == root_real
