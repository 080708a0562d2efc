"""The spare tree: the site/ replaced by the last build, kept to become the next build's staging tree.

A fresh staging tree costs one ``mkdir`` per page folder (~11,700 at 10,000 articles: 1.3–2.9
CPU s on ext4) and one ``link`` per reused page; the replaced site/ already has those folders,
and most of its pages are the very files (same inodes) the live site/ has, because a reused page
is a hard link to the old one. So :func:`replace_dir` keeps the old tree as ``.site.spare``
(``spare=True``) and :func:`take_spare` makes the next build's staging tree of it.

Nothing about it is trusted: it is renamed to a staging name before anything in it changes (a
build killed while updating it leaves a staging leftover, deleted as any other), and what it
holds is read off the tree itself (or off a seal the tree confirms, below): a file is kept only when it is a regular
``.html`` file that is the same inode as the live site's file at that path (so its bytes are
that file's, whatever happened to the spare), everything else is removed (the search bundle,
hidden entries, links, foreign or stale files). A kept file may be the live site's own inode:
whatever writes into the staging tree must unlink the file first (:meth:`Spare.free`), never
write through it. Files the new site does not have are removed when the render is done
(:meth:`Spare.finish`).

The prune is off the next build's critical path: right after the swap (the live site it is
pruned against is then final) a detached process prunes the new spare in place and seals the
result (:func:`seal_spare`): ``.site.spare.seal`` names the live site/ it was pruned against
(device, inode, mtime of the folder, as the manifest does), the spare itself (device, inode) and
every folder of it with its ``ctime``. Any change of a folder's entries after the seal (a file
added, removed or replaced, a folder made) changes that folder's ``ctime``, which cannot be set
back, so the next build verifies the seal by one ``lstat`` per folder (:func:`_sealed`) instead of
reading every folder and an ``lstat`` per live page; a seal that is missing, truncated, from
another site/ or another spare, or that any folder contradicts is ignored and the spare pruned in
the build as before (a kept file written in place is the live site's file written in place:
site/ itself is trusted that far, by the same identity). Whoever changes or renames the spare
holds ``.site.spare.lock`` (``flock``: released when its process dies), so a build never takes
a spare a prune is still changing: it waits at most :data:`SPARE_WAIT` seconds, then builds into
a fresh tree and leaves the spare alone.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .cache import tree_identity
from .trash import delete_tree, run_detached, trash_path

try:
    import fcntl
except ImportError:  # no flock: never sealed, always pruned in the build (no prune runs beside it)
    fcntl = None

SEARCH_BUNDLE = "pagefind"  # written anew (and its unchanged shards linked) by every build
SEAL_VERSION = 1
SPARE_WAIT = 1.0  # seconds a build waits for a running prune (about what pruning in the build costs)
PRUNER_WAIT = 30.0  # seconds the detached prune waits for a build that holds the spare's lock


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


def seal_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.spare.seal")


def lock_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.spare.lock")


@contextlib.contextmanager
def spare_lock(target: Path, wait: float) -> Iterator[bool]:
    """Hold ``.site.spare.lock`` (True), or False when another process held it for ``wait``
    seconds: whoever changes, renames or deletes the spare (or its seal) holds it."""
    if fcntl is None:  # nothing to keep apart: no detached prune is ever started
        yield True
        return
    fd = os.open(lock_path(target), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    yield False
                    return
                time.sleep(0.02)
        yield True
    finally:
        os.close(fd)  # releases the lock


def take_spare(target: Path, background: bool = True) -> Spare | None:
    """The spare tree of ``target`` as a staging tree pruned against the live ``target`` (by
    its seal when that holds, else here), or None when there is none or a prune is still
    changing it. Call it holding :func:`.staging.tree_lock`."""
    spare = spare_path(target)
    with spare_lock(target, SPARE_WAIT) as locked:
        if not locked or spare.is_symlink() or not spare.is_dir() or not target.is_dir():
            return None
        sealed = _sealed(spare, target)
        staging = target.with_name(f".{target.name}.staging-{secrets.token_hex(6)}")
        os.rename(spare, staging)  # from here on a leftover, should this build die
        _unlink(seal_path(target))
    if sealed is not None:
        return _unsealed(sealed, os.path.abspath(staging))
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
    """The replaced tree ``old`` kept as the spare of ``target`` (a spare still there is deleted),
    then pruned and sealed by a detached process (``background``: :func:`seal_spare`).
    While a prune of the last spare still runs, that spare stays and ``old`` is deleted."""
    spare = spare_path(target)
    with spare_lock(target, 0) as locked:
        if not locked:
            delete_tree(old, background)
            return
        _drop(target, background)
        try:
            os.rename(old, spare)
        except OSError:
            delete_tree(old, background)
            return
        info = os.lstat(spare)
    if background and fcntl is not None:  # a small site (no background) is pruned by the next build, as it is cheap there
        _seal_detached(target, (info.st_dev, info.st_ino))


def drop_spare(target: Path, background: bool) -> None:
    """Delete the spare of ``target``, if any (one kept before a build that made every page anew
    shares no page with the new site: pruning it would unlink them all), unless a prune still
    changes it (then its seal will name an older site/: it is pruned again before any use)."""
    if not os.path.lexists(spare_path(target)) and not os.path.lexists(seal_path(target)):
        return  # nothing to drop (docs/ never has a spare): no lock file made for it
    with spare_lock(target, 0) as locked:
        if locked:
            _drop(target, background)


def _drop(target: Path, background: bool) -> None:
    _unlink(seal_path(target))
    spare = spare_path(target)
    if spare.is_symlink() or spare.is_file():
        spare.unlink()
    elif spare.exists():
        trash = trash_path(target)
        os.rename(spare, trash)
        delete_tree(trash, background)


def _unlink(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def seal_spare(target: Path, identity: tuple[int, int]) -> bool:
    """Prune the spare of ``target`` in place against the live ``target`` and seal the result;
    only the spare ``identity`` (device, inode) is touched, and only holding its lock. No seal
    when the live site changed meanwhile (the next build then prunes it itself)."""
    spare = spare_path(target)
    with spare_lock(target, PRUNER_WAIT) as locked:
        if not locked:
            return False
        try:
            info = os.lstat(spare)
        except OSError:
            return False
        if (info.st_dev, info.st_ino) != tuple(identity) or not stat.S_ISDIR(info.st_mode):
            return False  # taken by a build meanwhile: another tree, or none
        site = tree_identity(target)
        _unlink(seal_path(target))
        result = _prune(spare, target, background=True)
        _tick(target)  # a later change of a folder can no longer get the ctime read below
        root = os.path.abspath(spare)
        folders = {_relative(path, root): os.lstat(path).st_ctime_ns for path in result.folders}
        if site is None or tree_identity(target) != site:
            return False
        record = {"version": SEAL_VERSION, "site": site, "spare": [info.st_dev, info.st_ino], "folders": folders,
                  "kept": sorted(_relative(path, root) for path in result.kept),
                  "emptied": sorted(_relative(path, root) for path in result.emptied)}
        scratch = target.with_name(f".{target.name}.spare.seal-new")
        scratch.write_text(json.dumps(record), encoding="utf-8")
        os.replace(scratch, seal_path(target))
    return True


def _sealed(spare: Path, target: Path) -> dict | None:
    """The seal of the spare, when it is whole, names the live site/ and this spare, and every
    folder it lists still has the ``ctime`` it had when sealed; else None."""
    try:
        record = json.loads(seal_path(target).read_text(encoding="utf-8"))
        info = os.lstat(spare)
        if record["version"] != SEAL_VERSION or record["site"] != tree_identity(target) \
                or record["spare"] != [info.st_dev, info.st_ino]:
            return None
        root = os.path.abspath(spare)
        for rel, ctime in record["folders"].items():
            folder = os.lstat(root + "/" + rel if rel else root)
            if folder.st_ctime_ns != ctime or not stat.S_ISDIR(folder.st_mode):
                return None
        folders = record["folders"]
        if not all(_inside(rel) and os.path.dirname(rel) in folders for rel in record["kept"]) \
                or not all(_inside(rel) for rel in [*folders, *record["emptied"]]):
            return None  # a path outside the spare: not a seal this module wrote
    except (OSError, ValueError, TypeError, KeyError, AttributeError):  # missing, truncated, not ours
        return None
    return record


def _unsealed(record: dict, root: str) -> Spare:
    """The spare a seal describes, its tree now at ``root``."""
    def under(paths) -> set[str]:
        return {root + "/" + rel if rel else root for rel in paths}
    return Spare(Path(root), under(record["kept"]), under(record["folders"]), under(record["emptied"]))


def _inside(rel: str) -> bool:
    return isinstance(rel, str) and not rel.startswith("/") and ".." not in rel.split("/")


def _relative(path: str, root: str) -> str:
    return path[len(root) + 1:] if path != root else ""


def _tick(target: Path) -> None:
    """Wait until the file system's clock (as it stamps files) has moved on from now."""
    stamp = lock_path(target)
    os.utime(stamp)
    start = os.stat(stamp).st_mtime_ns
    for _ in range(200):
        os.utime(stamp)
        if os.stat(stamp).st_mtime_ns > start:
            return
        time.sleep(0.005)


def _seal_detached(target: Path, identity: tuple[int, int]) -> None:
    """:func:`seal_spare` in a process of its own that outlives this one (if it cannot start,
    the spare stays unsealed: the next build prunes it itself)."""
    package_root = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))}
    run_detached("import sys; from archive_gen.output.spare import seal_spare; from pathlib import Path; "
                 "seal_spare(Path(sys.argv[1]), (int(sys.argv[2]), int(sys.argv[3])))",
                 str(target), str(identity[0]), str(identity[1]), env=env)
