"""The registry folders on disk: which files are entries, read once, each judged once.

One listing per folder decides, for every name in it, whether it is an entry to read or a
problem to report (a directory, a wrong suffix, a link out of ``content/``, a file too large,
an id that is no slug, two names for one id on a case-insensitive file system).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..errors import Diagnostics
from ..ingest.discover import inside
from ..paths import is_slug

FOLDERS = ("actors", "topics", "sources", "pages")
UNREADABLE_HINT = "make the directory readable for the user running archive-gen (chmod a+rx)"


@dataclass(frozen=True)
class EntryFile:
    id: str
    path: Path
    shown: str


def entry_files(content_dir: Path, folder: str, diags: Diagnostics, display: Callable[[Path], str],
                max_bytes: int) -> list[EntryFile]:
    """The readable entries of ``content/<folder>/``, in id order; problems go to ``diags``."""
    directory = content_dir / folder
    try:
        names = sorted(n for n in os.listdir(directory) if not n.startswith("."))
    except FileNotFoundError:
        return []
    except OSError as exc:
        diags.error(display(directory), 1, f"cannot read directory: {(exc.strerror or str(exc)).lower()}", UNREADABLE_HINT)
        return []
    content = os.path.realpath(content_dir)
    found = []
    for name in names:
        path = directory / name
        shown = display(path)
        stem, suffix = os.path.splitext(name)
        if path.is_dir():
            diags.warning(shown, 1, f"{folder}/{name}/ is a directory; registry folders are not read recursively",
                          f"move its entries into content/{folder}/")
        elif suffix != ".md":
            what = "must end in '.md' (lowercase)" if suffix.lower() in (".md", ".markdown") else "is not a registry entry (.md)"
            diags.warning(shown, 1, f"{folder}/{name} {what}; ignored", f"rename it to {stem.lower()}.md")
        elif path.is_symlink() and not inside(path, content):
            diags.error(shown, 1, "symbolic link points outside content/; entry left out", "copy the file into content/ instead")
        elif _size(path) > max_bytes:
            diags.error(shown, 1, f"file is too large (limit {max_bytes // 1024 // 1024} MB); entry left out",
                        "a registry entry is a few lines of front matter and a short description")
        elif not is_slug(stem):
            diags.error(shown, 1, f"'{stem}' is not a valid id", "name the file in lowercase ascii with hyphens, e.g. kim-jong-un.md")
        else:
            found.append(EntryFile(stem, path, shown))
    _report_case_duplicates(names, folder, directory, diags, display)
    return found


def _report_case_duplicates(names: list[str], folder: str, directory: Path, diags: Diagnostics,
                            display: Callable[[Path], str]) -> None:
    """``Putin.md`` beside ``putin.md`` is one file on Windows and macOS."""
    by_id: dict[str, list[str]] = {}
    for name in names:
        if not (directory / name).is_dir():
            by_id.setdefault(os.path.splitext(name)[0].casefold(), []).append(name)
    for variants in by_id.values():
        if len(variants) < 2:
            continue
        canonical = [v for v in variants if v == v.lower() and v.endswith(".md")]
        for name in (v for v in variants if v not in canonical or len(canonical) == len(variants)):
            others = ", ".join(v for v in variants if v != name)
            diags.error(display(directory / name), 1,
                        f"duplicate id: {folder}/{name} and {others} name the same entry (one file on Windows and macOS)",
                        "keep one file, named in lowercase with the suffix .md")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
