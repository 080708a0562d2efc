"""Render only what changed: reuse the previous site's HTML for pages whose inputs are the same.

A page's HTML depends on its own Markdown, on which of the pages it links to exist (MkDocs
rewrites a link to an existing page and leaves a broken one alone), and on what every page
shares: mkdocs.yml, the theme and its overrides, the fixed navigation of the overview pages
(articles and term pages are ``not_in_nav``), MkDocs' and archive-gen's versions. The shared
part is :func:`render_fingerprint`; when it changed, everything is rendered. Otherwise a page
whose :class:`PageKeys` key is the one recorded for the current site/ is not read, not
rendered and not written by MkDocs: its old HTML file is hard-linked into the new site (a new
directory entry for the same bytes; MkDocs writes every other file anew, so the old site/ is
never modified and stays complete until the swap), and its search entries are taken from the
old search index, in the same order a full build would add them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import posixpath
import re
import shutil
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Iterator

from ..output.cache import code_version, digest

_LINK = re.compile(rb"\]\(<?([^)\s>#]+?\.md)(?:#[^)\s>]*)?>?(?:\s[^)]*)?\)")
_SEARCH_INDEX = ("search", "search_index.json")


class PageKeys:
    """Called with every page ``stage_tree`` writes; afterwards, each page's render key."""

    def __init__(self) -> None:
        self.digests: dict[str, str] = {}
        self.links: dict[str, tuple[str, ...]] = {}

    def __call__(self, rel: str, data: bytes) -> None:
        if not rel.endswith(".md"):
            return
        self.digests[rel] = hashlib.sha256(data).hexdigest()
        base = posixpath.dirname(rel)
        targets = {posixpath.normpath(posixpath.join(base, t.decode("utf-8", "replace")))
                   for t in _LINK.findall(data) if b"://" not in t}
        self.links[rel] = tuple(sorted(targets))

    def keys(self) -> dict[str, str]:
        exists = self.digests.keys()
        return {rel: digest(d, *(f"{t}\0{t in exists}" for t in self.links[rel])) for rel, d in self.digests.items()}


def _version(dist: str) -> str:
    try:
        return version(dist)
    except PackageNotFoundError:
        return ""


def tree_digest(root: Path) -> str:
    """Paths and bytes of every file below ``root`` (empty when there is none)."""
    parts = []
    if root.is_file():
        parts.append(hashlib.sha256(root.read_bytes()).hexdigest())
    elif root.is_dir():
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            parts += [path.relative_to(root).as_posix(), hashlib.sha256(path.read_bytes()).hexdigest()]
    return digest(*parts)


def render_fingerprint(mkdocs_file: Path, theme_dirs: list[Path], strict: bool) -> str:
    """What every page's HTML shares: the config, the theme overrides, the versions."""
    return digest("render", code_version(), _version("mkdocs"), _version("mkdocs-material"), str(strict),
                  Path(mkdocs_file).read_bytes(), *(tree_digest(d) for d in theme_dirs))


@dataclass(frozen=True)
class Reuse:
    """The current site/ and the docs pages whose HTML in it is still right."""

    old_site: Path
    pages: frozenset[str]


def _search_plugin(config):
    for name in ("material/search", "search"):
        plugin = config.plugins.get(name)
        if plugin is not None and hasattr(plugin, "search_index"):
            return plugin
    return None


def _old_search_entries(old_site: Path) -> dict[str, list[dict]] | None:
    """The old search index's entries by page URL, or None when it cannot be read."""
    try:
        docs = json.loads(old_site.joinpath(*_SEARCH_INDEX).read_bytes())["docs"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    by_page: dict[str, list[dict]] = {}
    for entry in docs:
        by_page.setdefault(str(entry.get("location", "")).partition("#")[0], []).append(entry)
    return by_page


@contextlib.contextmanager
def reusing(reuse: Reuse | None, counts: dict[str, int]) -> Iterator[None]:
    """While MkDocs builds: skip reading and rendering the reused pages, link their old HTML."""
    if reuse is None or not reuse.pages:
        yield
        return
    from mkdocs.commands import build as mkdocs_build

    populate, build_page = mkdocs_build._populate_page, mkdocs_build._build_page
    entries = _old_search_entries(reuse.old_site)

    def skip(page, config) -> bool:
        if page.file.src_uri not in reuse.pages or not os.path.isfile(reuse.old_site / page.file.dest_uri):
            return False
        return entries is not None or _search_plugin(config) is None  # no old entries: render it

    def lazy_populate(page, config, files, dirty=False):
        if not skip(page, config):
            populate(page, config, files, dirty)

    def lazy_build(page, config, doc_files, nav, env, dirty=False, excluded=False):
        if not skip(page, config):
            counts["rendered"] = counts.get("rendered", 0) + 1
            return build_page(page, config, doc_files, nav, env, dirty, excluded)
        target = Path(page.file.abs_dest_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(reuse.old_site / page.file.dest_uri, target)
        except OSError:
            shutil.copy2(reuse.old_site / page.file.dest_uri, target)
        plugin = _search_plugin(config)
        if plugin is not None and entries is not None:
            plugin.search_index.entries.extend(entries.get(page.url, ()))
        counts["reused"] = counts.get("reused", 0) + 1

    mkdocs_build._populate_page, mkdocs_build._build_page = lazy_populate, lazy_build
    try:
        yield
    finally:
        mkdocs_build._populate_page, mkdocs_build._build_page = populate, build_page
