"""Trees thrown away: renamed to a trash name at once and deleted by a process of their own.

At 10,000 pages removing a tree takes seconds of ``unlink`` and ``rmdir`` that no build needs
to wait for; a trash tree whose deleter died is deleted by the next run's
:func:`.staging.remove_leftovers` (the name says what it is).
"""

from __future__ import annotations

import secrets
import shutil
import subprocess
import sys
from pathlib import Path


def trash_path(target: Path) -> Path:
    """``.site.trash-<random>`` beside ``target``: a name :func:`.staging.remove_leftovers` deletes."""
    return target.with_name(f".{target.name}.trash-{secrets.token_hex(6)}")


def run_detached(code: str, *args: str, env: dict[str, str] | None = None) -> bool:
    """Run Python ``code`` (its arguments in ``sys.argv[1:]``) in a process of its own that
    outlives this one; False when it cannot be started."""
    try:
        subprocess.Popen([sys.executable, "-c", code, *args], env=env, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True, close_fds=True)
    except OSError:
        return False
    return True


def delete_detached(tree: Path) -> None:
    """Remove ``tree`` in a process of its own that outlives this one."""
    if not run_detached("import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)", str(tree)):
        shutil.rmtree(tree, ignore_errors=True)


def delete_tree(tree: Path, background: bool) -> None:
    """Remove ``tree``: in a detached process (``background``), or here."""
    if background:
        delete_detached(tree)
    else:
        shutil.rmtree(tree, ignore_errors=True)
