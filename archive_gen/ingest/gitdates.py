"""When each file last changed, from Git history, in one pass.

:func:`last_changed` runs ``git log`` once for the whole repository and reads its output as a
stream, so 10⁵ article files cost one subprocess, not 10⁵ (``git log -1 -- FILE`` per file
takes minutes at that size). What it decides:

- **The date** is the committer date (``%cI``, with its offset) of the newest commit that
  changed the file: when the change entered the history, which for a rebased or squashed pull
  request is when it was merged.
- **Renames** (detected only when the content is identical, ``-M100%``) are no change: a file
  moved to another folder keeps the date of its last real edit, and the edits it had under its
  old name count for it. A file renamed *and* edited counts as changed then.
- **Deleted and re-created paths** do not inherit the old file's history.
- **Shallow clones** (CI's default ``fetch-depth: 1``): the boundary commit lists every file as
  new, which says nothing about when they changed, so it is ignored; files not changed after it
  are absent. Use ``fetch-depth: 0``.
- **Not a repository**, no ``git`` installed, a repository without commits, a path outside
  ``repo_root``, a file never committed: absent from the result, never an error. A file with
  uncommitted edits has the date of its last commit.

``repo_root`` may be a folder inside a repository (``--relative``): paths are matched relative
to it.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Iterable, Iterator
from pathlib import Path

# Record separators in the format: ASCII RS before each commit, US between its fields.
_COMMIT, _FIELD = "\x1e", "\x1f"
_FORMAT = f"--format={_COMMIT}%cI{_FIELD}%D"
_CHUNK = 1 << 16


def git_log_command(repo_root: Path) -> list[str]:
    """The one command :func:`last_changed` runs (shown for tests and debugging)."""
    return [
        "git", "-C", str(repo_root),
        "-c", "log.showSignature=false", "-c", "core.quotePath=false",
        "log", "--date-order", "--no-color", "--relative", "-M100%", "--name-status", "-z", _FORMAT,
        # decorations only to see the shallow boundary ("grafted"), never branch or tag names
        "--decorate-refs-exclude=refs/*", "--decorate-refs-exclude=HEAD",
    ]


def last_changed(repo_root: Path, paths: Iterable[Path]) -> dict[Path, dt.datetime]:
    """The last-change date of each of ``paths`` that Git knows; see the module docstring.

    ``paths`` are absolute or relative to ``repo_root``; the result's keys are the given
    ``Path`` objects themselves.
    """
    repo_root = Path(repo_root)
    wanted: dict[str, list[Path]] = {}
    for path in paths:
        rel = _relative(repo_root, Path(path))
        if rel is not None:
            wanted.setdefault(rel, []).append(path)
    if not wanted:
        return {}
    try:
        process = subprocess.Popen(git_log_command(repo_root), stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    except OSError:  # no git on this machine
        return {}
    try:
        dates = _dates(_tokens(process.stdout))
    finally:
        process.stdout.close()
        code = process.wait()
    if code != 0:  # not a repository, no commits yet: nothing is known
        return {}
    return {given: dates[rel] for rel, given_paths in wanted.items() if rel in dates for given in given_paths}


def _relative(root: Path, path: Path) -> str | None:
    """``path`` as Git prints it below ``root`` (POSIX separators), or None when outside."""
    if not path.is_absolute():
        path = root / path
    for base, target in ((os.path.abspath(root), os.path.abspath(path)),
                         (os.path.realpath(root), os.path.realpath(path))):
        rel = os.path.relpath(target, base)
        if rel != os.curdir and not rel.startswith(os.pardir + os.sep) and rel != os.pardir:
            return Path(rel).as_posix()
    return None


def _tokens(stream) -> Iterator[str]:
    """The NUL-separated fields of ``git log -z``, decoded like file names on this system."""
    rest = b""
    while chunk := stream.read(_CHUNK):
        parts = (rest + chunk).split(b"\0")
        rest = parts.pop()
        for part in parts:
            yield os.fsdecode(part)
    if rest:
        yield os.fsdecode(rest)


def _dates(tokens: Iterator[str]) -> dict[str, dt.datetime]:
    """Walk the log newest first: a commit header, then ``status path [path]`` entries."""
    dates: dict[str, dt.datetime] = {}
    # Where an older path's history goes: its name at HEAD, or None when that file is gone.
    lineage: dict[str, str | None] = {}
    when: dt.datetime | None = None
    skip = False
    tokens = iter(tokens)
    for token in tokens:
        if token.startswith(_COMMIT):
            stamp, _, decorations = token[1:].partition(_FIELD)
            when = dt.datetime.fromisoformat(stamp.strip())
            skip = "grafted" in decorations.split(", ")
            continue
        status = token.lstrip("\n")
        if not status:
            continue
        if status[0] in "RC":
            old, new = next(tokens, ""), next(tokens, "")
        else:
            old, new = "", next(tokens, "")
        if skip or when is None:
            continue
        current = lineage.get(new, new)
        if status[0] == "R" and status[1:] == "100":
            lineage[old] = current  # moved, not edited: its older edits are this file's
            continue
        if status[0] == "D":
            lineage[new] = None  # whatever had this name before is not today's file
            continue
        if current is not None and (current not in dates or when > dates[current]):
            dates[current] = when
        if status[0] in "AC":
            lineage[new] = None  # created here: older history under this name is another file's
        elif status[0] == "R":
            lineage[old] = current
    return dates
