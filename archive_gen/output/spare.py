"""The spare tree: the site/ replaced by the last build, kept to become the next build's staging tree.

A fresh staging tree costs one ``mkdir`` per page folder (~11,700 at 10,000 articles: 1.3–2.9
CPU s on ext4) and one ``link`` per reused page; the replaced site/ already has those folders,
and most of its pages are the very files (same inodes) the live site/ has, because a reused page
is a hard link to the old one. So :func:`replace_dir` keeps the old tree as ``.site.spare``
(``spare=True``) and :func:`take_spare` makes the next build's staging tree of it.

Nothing about it is trusted: it is renamed to a staging name before anything in it changes (a
build killed while updating it leaves a staging leftover, deleted as any other), and what it
holds is read off the tree itself, never off a record: a file is kept only when it is a regular
``.html`` file that is the same inode as the live site's file at that path (so its bytes are
that file's, whatever happened to the spare), everything else is removed (the search bundle,
hidden entries, links, foreign or stale files). A kept file may be the live site's own inode:
whatever writes into the staging tree must unlink the file first (:meth:`Spare.free`), never
write through it. Files the new site does not have are removed when the render is done
(:meth:`Spare.finish`).
"""

from __future__ import annotations

import os
import secrets
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .trash import delete_tree, trash_path

SEARCH_BUNDLE = "pagefind"  # written anew (and its unchanged shards linked) by every build


def spare_path(target: Path) -> Path:
    """``.site.spare`` beside ``site/`` (not a leftover name: :func:`.staging.remove_leftovers` keeps it)."""
    return target.with_name(f".{target.name}.spare")


@dataclass
class Spare:
    """A spare tree renamed to a staging name and pruned against the live site: ``kept`` (absolute
    paths) are the live site's own files, ``folders`` every folder it has (no ``mkdir`` needed)."""

    tree: Path
    kept: set[str] = field(default_factory=set)
    folders: set[str] = field(default_factory=set)
    emptied: set[str] = field(default_factory=set)  # folders a file was removed from (maybe empty now)

    def free(self, path: str) -> None:
        """Before anything writes ``path``: a kept file is the live site's inode, so it is unlinked
        (the write makes a new file) instead of written through."""
        if path in self.kept:
            self.kept.discard(path)
            os.unlink(path)

    def finish(self, present: set[str]) -> None:
        """After the render: remove the kept files the new site does not have (``present``: every
        file the render linked or wrote), and the folders left empty."""
        for path in self.kept - present:
            os.unlink(path)
            self.emptied.add(os.path.dirname(path))
        self.kept &= present
        root = str(self.tree)
        for folder in sorted(self.emptied, key=len, reverse=True):  # deepest first
            while folder != root and folder.startswith(root):
                try:
                    os.rmdir(folder)
                except OSError:
                    break
                folder = os.path.dirname(folder)


def take_spare(target: Path, background: bool = True) -> Spare | None:
    """The spare tree of ``target`` as a staging tree pruned against the live ``target``, or
    None when there is none. Call it holding :func:`.staging.tree_lock`."""
    spare = spare_path(target)
    if spare.is_symlink() or not spare.is_dir() or not target.is_dir():
        return None
    staging = target.with_name(f".{target.name}.staging-{secrets.token_hex(6)}")
    os.rename(spare, staging)  # from here on a leftover, should this build die
    try:
        return _prune(staging, target, background)
    except OSError:  # a tree it cannot prune: a fresh staging tree instead
        delete_tree(staging, background)
        return None


def _prune(staging: Path, target: Path, background: bool) -> Spare:
    root, live = os.path.abspath(staging), os.path.abspath(target)
    result = Spare(Path(root), folders={root})
    device = os.stat(live).st_dev
    pending = [(root, "")]
    while pending:
        folder, prefix = pending.pop()
        empty = True
        with os.scandir(folder) as entries:
            for entry in entries:
                empty = False
                rel = prefix + entry.name
                if not prefix and (entry.name.startswith(".") or entry.name == SEARCH_BUNDLE):
                    _remove_aside(entry, target, background)  # site/.git is the live site's; the bundle is new
                elif entry.is_dir(follow_symlinks=False):
                    result.folders.add(entry.path)
                    pending.append((entry.path, rel + "/"))
                elif entry.name.endswith(".html") and entry.is_file(follow_symlinks=False) \
                        and _same_inode(os.path.join(live, rel), entry.inode(), device):
                    result.kept.add(entry.path)
                else:
                    os.unlink(entry.path)
                    result.emptied.add(folder)
        if empty:
            result.emptied.add(folder)
    return result


def _same_inode(path: str, inode: int, device: int) -> bool:
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return info.st_ino == inode and info.st_dev == device and stat.S_ISREG(info.st_mode)


def _remove_aside(entry: os.DirEntry, target: Path, background: bool) -> None:
    """A folder renamed to a trash name and deleted by a detached process (the search bundle:
    ~12,000 files at 10,000 articles); a file or link unlinked."""
    if entry.is_dir(follow_symlinks=False):
        trash = trash_path(target)
        os.rename(entry.path, trash)
        delete_tree(trash, background)
    else:
        os.unlink(entry.path)


def keep_spare(old: Path, target: Path, background: bool) -> None:
    """The replaced tree ``old`` kept as the spare of ``target`` (a spare still there is deleted)."""
    spare = drop_spare(target, background)
    try:
        os.rename(old, spare)
    except OSError:
        delete_tree(old, background)


def drop_spare(target: Path, background: bool) -> Path:
    """Delete the spare of ``target``, if any (one kept before a build that made every page anew
    shares no page with the new site: pruning it would unlink them all); returns its path."""
    spare = spare_path(target)
    if spare.is_symlink() or spare.is_file():
        spare.unlink()
    elif spare.exists():
        trash = trash_path(target)
        os.rename(spare, trash)
        delete_tree(trash, background)
    return spare
