"""Zensical as the renderer: ``docs/`` → a staged ``site/``, like :mod:`.mkdocs`.

Zensical (the successor Material's team names) reads ``mkdocs.yml`` and the ``overrides/``
of Material itself, so the same project renders with either. It runs in a child process
(``python -m zensical build``): its Rust core prints on stdout and keeps process-wide state,
and a child leaves neither in ours. It is given a small config beside ``mkdocs.yml`` that
INHERITs it and only points ``docs_dir``/``site_dir`` at the staged trees (Zensical accepts
both only inside the project, the directory of its config file).

There is no reuse of old HTML (:mod:`.reuse` hooks into MkDocs): Zensical renders every page,
and its own cache (``.cache/`` in the project, safe to delete) makes unchanged pages cheap when
the config and both directories have the names of the last run (``STABLE_*``).
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import importlib.util
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterator

from ..errors import ConfigError, RenderError
from ..output.cache import digest

NAME = "zensical"
INSTALL_HINT = "install it with: pip install 'zensical<0.1' (see .ci/constraints.txt for the version)"
# What Zensical writes that the archive does not use: its own search index (the site's
# search is Pagefind, publish/search.py), a second copy of every page's text.
_UNUSED = ("search.json",)
# Zensical's cache (.cache/) serves a page again only when the config file, docs_dir and
# site_dir are the same as last time: the staged trees get fixed names while it renders
# (under the build's locks, so no two builds share them).
STABLE_DOCS, STABLE_SITE, STABLE_CONFIG = ".docs.zensical-staging", ".site.zensical-staging", ".archive-gen-zensical.yml"
PREVIEW_SITE = ".archive-gen-cache/zensical-preview"  # the preview never renders over the built site/


def version() -> str:
    """The installed Zensical's version; a :class:`RenderError` when it is not installed."""
    if importlib.util.find_spec("zensical") is None:
        raise RenderError(f"Zensical is not installed; {INSTALL_HINT}")
    return importlib.metadata.version("zensical")


def fingerprint(base: str) -> str:
    """The render fingerprint of a Zensical build: never equal to an MkDocs one, so a switch
    of renderer never reuses the other renderer's HTML."""
    return digest(NAME, version(), base)


def render_staged(mkdocs_file: Path, docs_dir: Path, site_dir: Path, strict: bool, *, quiet: bool = False) -> Path:
    """Render ``docs_dir`` into a new staging directory beside ``site_dir`` and return it; on
    any failure the staging directory is removed and a :class:`RenderError` raised."""
    if site_dir.is_symlink() or (site_dir.exists() and not site_dir.is_dir()):
        raise ConfigError(f"{site_dir}: not a directory; refusing to replace it")
    version()
    staging = site_dir.parent / STABLE_SITE
    shutil.rmtree(staging, ignore_errors=True)  # a crashed run's
    staging.mkdir(parents=True)
    try:
        with _stable(docs_dir, docs_dir.parent / STABLE_DOCS) as docs, \
                _staged_config(mkdocs_file, docs, staging, name=STABLE_CONFIG) as config_file:
            _run(["build", "-f", str(config_file), *(["--strict"] if strict else [])], mkdocs_file.parent, quiet)
        for name in _UNUSED:
            (staging / name).unlink(missing_ok=True)
        if not (staging / "index.html").is_file():
            raise RenderError(f"Zensical wrote no index.html into {staging.name}; site/ was left as it was")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging


class _staged_config:
    """A config file beside ``mkdocs.yml`` (removed on exit) that inherits it and names the
    staged docs/ and site/. Paths are written relative to the project, quoted as YAML strings."""

    def __init__(self, mkdocs_file: Path, docs_dir: Path, site_dir: Path, name: str | None = None, **extra: str) -> None:
        self.project, self.name = mkdocs_file.parent, name
        self.values = {"INHERIT": mkdocs_file.name, "docs_dir": _relative(docs_dir, self.project),
                       "site_dir": _relative(site_dir, self.project), **extra}
        self.path: Path | None = None

    def __enter__(self) -> Path:
        if self.name:
            name = str(self.project / self.name)
            fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        else:
            fd, name = tempfile.mkstemp(prefix=".archive-gen-zensical-", suffix=".yml", dir=self.project)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write("# written by archive-gen for one Zensical run; deleted after it\n")
            out.writelines(f"{key}: {_yaml_string(value)}\n" for key, value in self.values.items())
        self.path = Path(name)
        return self.path

    def __exit__(self, *exc) -> None:
        if self.path is not None:
            self.path.unlink(missing_ok=True)


@contextlib.contextmanager
def _stable(staged: Path, stable: Path) -> Iterator[Path]:
    """``staged`` renamed to ``stable`` while Zensical reads it, then back (also on failure)."""
    shutil.rmtree(stable, ignore_errors=True)
    os.rename(staged, stable)
    try:
        yield stable
    finally:
        os.rename(stable, staged)


def _relative(path: Path, project: Path) -> str:
    try:
        return Path(path).resolve().relative_to(project.resolve()).as_posix()
    except ValueError:
        raise ConfigError(f"{path}: Zensical renders only directories inside the project ({project})") from None


def _yaml_string(value: str) -> str:
    """A double-quoted YAML scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _run(args: list[str], cwd: Path, quiet: bool) -> None:
    """``python -m zensical ARGS``; its warnings go to stderr as ``zensical: …``."""
    done = subprocess.run([sys.executable, "-m", "zensical", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", errors="replace", env=_environment())
    lines = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    if done.returncode != 0:
        reason = next((line for line in reversed(lines) if "Error" in line), lines[-1] if lines else "no output")
        raise RenderError(f"Zensical failed: {reason.strip()}; site/ was left as it was")
    if not quiet:
        for line in lines:
            if not _routine(line):
                print(f"zensical: {line.strip()}", file=sys.stderr)


def _routine(line: str) -> bool:
    """Zensical's progress lines, which a successful quiet build leaves out."""
    return line.startswith(("Build started", "Build finished", "No issues found"))


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("PYTHONIOENCODING", "utf-8")
    return env


def serve(mkdocs_file: Path, content_dir: Path, docs_dir: Path, regenerate: Callable[[], None], *,
          dev_addr: str | None = None, open_browser: bool = False, quiet: bool = False,
          poll_seconds: float = 1.0) -> None:
    """``zensical serve`` on the generated docs/, with content/ watched here: an edit there
    regenerates docs/ (only changed pages are rewritten), which Zensical's own watcher sees
    and reloads the browser. ``regenerate`` has already run once."""
    version()
    project = mkdocs_file.parent
    with _staged_config(mkdocs_file, docs_dir, project / PREVIEW_SITE, site_url="") as config_file:
        args = ["serve", "-f", str(config_file), *(["-a", dev_addr] if dev_addr else []), *(["--open"] if open_browser else [])]
        child = subprocess.Popen([sys.executable, "-m", "zensical", *args], cwd=project, env=_environment(),
                                 stdout=subprocess.DEVNULL if quiet else None)
        previous = signal.signal(signal.SIGTERM, _exit_on_term)  # a stopped preview leaves no server nor config
        try:
            _watch(content_dir, regenerate, child, poll_seconds)
        finally:
            signal.signal(signal.SIGTERM, previous)
            child.terminate()
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()


def _exit_on_term(signum, frame) -> None:
    raise SystemExit(128 + signum)


def _watch(content_dir: Path, regenerate: Callable[[], None], child: subprocess.Popen, poll_seconds: float) -> None:
    """Poll content/ until the server ends; regenerate after each change."""
    seen = _snapshot(content_dir)
    while child.poll() is None:
        time.sleep(poll_seconds)
        now = _snapshot(content_dir)
        if now != seen:
            seen = now
            regenerate()


def _snapshot(root: Path) -> frozenset[tuple[str, int, int]]:
    found = set()
    for folder, _dirs, files in os.walk(root):
        for name in files:
            try:
                st = os.stat(os.path.join(folder, name))
            except OSError:
                continue
            found.add((os.path.join(folder, name), st.st_mtime_ns, st.st_size))
    return frozenset(found)
