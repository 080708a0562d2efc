"""What a build may skip: the last successful build's manifest against what is on disk now.

The manifest (in ``.archive-gen-cache/``, see :mod:`archive_gen.output.cache`) records

- ``inputs``: a fingerprint of everything a build reads (every file below content/ by path,
  size, modification time and inode; mkdocs.yml's bytes; the theme overrides; the Git commit,
  whose history dates the pages; the settings; today's date; archive-gen's code). When it and
  the identities of docs/ and site/ are unchanged, nothing needs to be done at all. A file
  modified at or after the moment the stats were taken (by the file system's clock) makes the
  fingerprint one that no later run matches: a change within the same timestamp tick could
  keep its stat (Git's "racily clean" entries);
- ``render`` and ``pages``: the shared render fingerprint and each page's render key, so the
  next build renders only pages whose key changed (:mod:`archive_gen.publish.reuse`);
- ``diagnostics``: what the build reported, so an unchanged rerun reports it again.

A manifest is written only after both trees were swapped in, and removed before, so it never
describes trees that are not the current ones; everything else is verified, never trusted.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
from pathlib import Path

import yaml

from .config import Config
from .errors import Diagnostic, Diagnostics, Severity
from .registry.folders import FOLDERS
from .output.cache import CACHE_DIR, code_version, digest, fs_clock, read_manifest, tree_identity


def cache_root(config: Config) -> Path:
    return config.project_dir / CACHE_DIR


class _AnyTag(yaml.SafeLoader):
    """mkdocs.yml may carry ``!!python/name`` and ``!ENV`` tags: read them as nothing."""


_AnyTag.add_multi_constructor("", lambda loader, suffix, node: None)
_AnyTag.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def theme_dirs(config: Config) -> list[Path]:
    """The theme's ``custom_dir`` (overrides/) and hook files named in mkdocs.yml."""
    try:
        data = yaml.load(config.mkdocs_file.read_text(encoding="utf-8"), Loader=_AnyTag)
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return []
    data = data if isinstance(data, dict) else {}
    theme = data.get("theme") if isinstance(data.get("theme"), dict) else {}
    hooks = data.get("hooks") if isinstance(data.get("hooks"), list) else []
    found = [theme.get("custom_dir"), *hooks]
    return [config.mkdocs_file.parent / str(p) for p in found if isinstance(p, str) and p]


def _stats(root: Path, clock: int) -> list[str]:
    """path, size, mtime and inode of every file below ``root`` (symbolic links: of the target).
    A file modified at or after ``clock`` (:func:`fs_clock`, taken before) is racily clean: its
    row carries the clock too, so that these rows never match a later run's."""
    rows = []
    start = len(os.path.join(str(root), ""))  # a path below root, relative to it: what follows this
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            try:
                info = os.stat(path)
                rows.append(f"{path[start:]}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ino}"
                            + (f"\0racy {clock}" if info.st_mtime_ns >= clock else ""))
            except OSError:
                rows.append(f"{path[start:]}\0unreadable")
    return rows


def registry_stamp(config: Config) -> str:
    """The registry's files by path, size, modification time and inode, and the settings its
    loading reads: the registry is read again only when this changed (else kept in the cache)."""
    clock = fs_clock(cache_root(config))
    return digest(str(config.content_dir), str(config.project_dir), str(config.max_file_bytes),
                  *(f"{folder}\0{row}" for folder in FOLDERS for row in _stats(config.content_dir / folder, clock)))


def git_head(project: Path) -> str:
    try:
        run = subprocess.run(["git", "-C", str(project), "rev-parse", "HEAD"], capture_output=True, text=True,
                             stdin=subprocess.DEVNULL, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return ""
    return run.stdout.strip() if run.returncode == 0 else ""


def input_fingerprint(config: Config) -> str:
    clock = fs_clock(cache_root(config))  # before the first stat
    settings = repr(sorted((f.name, str(getattr(config, f.name))) for f in dataclasses.fields(config)))
    parts = [code_version(), settings, dt.date.today().isoformat(), git_head(config.project_dir)]
    try:
        parts.append(config.mkdocs_file.read_bytes())
    except OSError:
        parts.append("no mkdocs.yml")
    for root in [config.content_dir, *theme_dirs(config)]:
        parts += [str(root), *(_stats(root, clock) if root.is_dir() else [str(root.stat().st_mtime_ns) if root.exists() else ""])]
    return digest(*parts)


def unchanged(config: Config, manifest: dict | None, inputs: str) -> bool:
    """True when the last build read exactly these inputs and its docs/ and site/ are in place."""
    return bool(manifest) and manifest.get("inputs") == inputs \
        and manifest.get("docs") == tree_identity(config.docs_dir) \
        and manifest.get("site") == tree_identity(config.site_dir) \
        and (config.docs_dir / ".archive-gen").is_file() and config.site_dir.is_dir()


def previous(config: Config) -> dict | None:
    return read_manifest(cache_root(config))


def encode_diagnostics(diags: Diagnostics) -> list[list]:
    return [[d.path, d.line, d.severity.value, d.message, d.hint] for d in diags]


def replay_diagnostics(manifest: dict, diags: Diagnostics) -> None:
    for path, line, severity, message, hint in manifest.get("diagnostics", []):
        diags.add(Diagnostic(path, line, Severity(severity), message, hint))
