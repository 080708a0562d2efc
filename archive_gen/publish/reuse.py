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
old search index, in the same order a full build would add them. The pages that are rendered
are shared out to forked processes when there are many (a full build: both cores for MkDocs).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import multiprocessing
import os
import posixpath
import re
import shutil
import sys
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Iterator

from ..output.cache import Store, code_version, digest
from ..output.pagestore import StoredText as Stored
from ..output import make_folder
from ..output.spare import Spare
from .fastmd import content_of, patched_render
from .fastmeta import meta_hooks
from .pageinit import page_hooks
from .renderprocs import abandon, fork, render_ahead, rendered
from .sparehooks import spare_hooks
from .statics import StaticCopies

_LINK = re.compile(rb"\]\(<?([^)\s>#]+?\.md)(?:#[^)\s>]*)?>?(?:\s[^)]*)?\)")
_SEARCH_INDEX = ("search", "search_index.json")


class PageKeys:
    """Called with every page ``stage_tree`` writes (path, bytes, SHA-256); afterwards, each
    page's render key.

    A page's links and its key are a function of its bytes and of which pages exist, so the
    previous build's are kept (in ``store``: per page its digest, links and key) and a page is
    scanned only when its bytes changed, and keyed again only then or when a page it links to
    was added or removed. A hint checked against this build's pages, never trusted blindly:
    the store is a sealed pack, and a missing or other entry means a scan."""

    ENTRY = "page keys"  # the store's entry: docs path -> (SHA-256 of the page, its link targets, its key)

    def __init__(self, store: Store | None = None) -> None:
        self.digests: dict[str, str] = {}
        self.links: dict[str, tuple[str, ...]] = {}
        self.store = store
        known = store.get(self.ENTRY) if store is not None else None
        self.known: dict[str, tuple[str, tuple[str, ...], str]] = known if isinstance(known, dict) else {}
        self.computed: dict[str, str] | None = None

    def __call__(self, rel: str, data: bytes | Stored, sha: str | None = None) -> None:
        if not rel.endswith(".md"):
            return
        sha = sha or hashlib.sha256(data).hexdigest()  # a Stored page (page cache) comes with its sha
        self.digests[rel] = sha
        known = self.known.get(rel)
        if known is not None and known[0] == sha:
            self.links[rel] = known[1]
            return
        base = posixpath.dirname(rel)
        data = data if isinstance(data, bytes) else data.data()
        targets = {posixpath.normpath(posixpath.join(base, t.decode("utf-8", "replace")))
                   for t in _LINK.findall(data) if b"://" not in t}
        self.links[rel] = tuple(sys.intern(t) for t in sorted(targets))

    def keys(self) -> dict[str, str]:
        if self.computed is None:
            exists, known = self.digests.keys(), self.known
            flipped = exists ^ known.keys()  # pages added or removed since the keys in ``known``
            self.computed = {rel: known[rel][2] if rel in known and known[rel][0] == sha
                             and not flipped.intersection(self.links[rel])
                             else digest(sha, *(f"{t}\0{t in exists}" for t in self.links[rel]))
                             for rel, sha in self.digests.items()}
        return self.computed

    def save(self) -> None:
        """Keep this build's digests, links and keys for the next build."""
        if self.store is not None:
            keys = self.keys()
            self.store.put(self.ENTRY, {rel: (sha, self.links[rel], keys[rel]) for rel, sha in self.digests.items()})
            self.store.save([self.ENTRY])


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


FORK_MIN = 400  # fewer pages to render than this: one process
PARENT_SHARE = 1.0  # the parent renders this many shares (it also copies the theme's files and links reused pages)


_UNKNOWN = object()


class _Plan:
    """Which pages MkDocs renders here, which a forked child renders, which are reused; in which order."""

    def __init__(self, reuse: Reuse | None, jobs: int, strict: bool, sink=None, spare: Spare | None = None) -> None:
        self.reuse, self.jobs, self.strict, self.sink, self.spare = reuse, jobs, strict, sink, spare
        self.old_site = str(reuse.old_site) if reuse is not None else ""
        self.entries = _old_search_entries(reuse.old_site) if reuse is not None and reuse.pages else None
        self.child_of: dict[str, int] | None = None
        self.files = None  # MkDocs' file list, once the pages are split between the processes
        self.listed: list[tuple[str, str, bool]] | None = None  # (page, site path, reused?) when arranged
        self.todo: list[str] = []  # the pages to render, in MkDocs' order
        self.children: list[tuple[int, int]] = []  # (pid, read end of its pipe)
        self.workers = 0  # forked render processes
        self.forked = False
        self.taken = None  # the next page of ``order`` for a child to take (shared by the children)
        self.results: dict[str, list[dict]] = {}
        self.answers: dict[str, bool] = {}
        self.search = _UNKNOWN
        self.nav = None  # MkDocs' navigation, as made before the pages are read (for an early fork)
        self.populated: set[str] = set()  # pages read before the fork (the navigation's)
        self.made: set[str] = set(spare.folders) if spare else set()  # folders of the new site/ known to exist
        self.present: set[str] = set()  # with a spare: every file written or linked (the rest of it is removed)
        self.order: list[str] = []  # the pages to render, in the order the sink asked for
        self.rank: dict[str, int] = {}  # page -> its rank in that order
        self.ahead = False  # this process renders them all in that order, at the first page read or write
        self.capture: list | None = None  # [path, bytes]: what MkDocs writes to the page being built

    def reused(self, file, config) -> bool:
        """Asked for every page three times: answered once (one stat of the old HTML)."""
        answer = self.answers.get(file.src_uri)
        if answer is None:
            answer = self.answers[file.src_uri] = self.reuse is not None and file.src_uri in self.reuse.pages \
                and os.path.isfile(os.path.join(self.old_site, file.dest_uri)) \
                and (self.entries is not None or self.plugin(config) is None)  # no old entries: render it
        return answer

    def plugin(self, config):
        """The search plugin of this build's config (looked up once, not once per page)."""
        if self.search is _UNKNOWN:
            self.search = _search_plugin(config)
        return self.search

    def arrange(self, config, files) -> None:
        """The pages to render, in the sink's order (once). Called with MkDocs' file list when no
        plugin may change it: with few pages to render, the sink is then given their content made
        from their Markdown (:func:`.fastmd.content_of`), so that their search shard's Pagefind may
        start before MkDocs makes its navigation and reads any page; else at the first page read."""
        pages = [(f, self.reused(f, config)) for f in files.documentation_pages()]
        listed = [(f.src_uri, f.dest_uri, reused) for f, reused in pages]
        if self.listed == listed:
            return
        self.listed = listed
        self.todo = [f.src_uri for f, reused in pages if not reused]
        self.order = self.todo
        if self.sink is None:
            return
        rank = self.sink.plan(config.site_dir, self.old_site, [(f.dest_uri, reused) for f, reused in pages])
        self.rank = {f.src_uri: rank.get(f.dest_uri, 0) for f, _ in pages}
        self.order = sorted(self.todo, key=self.rank.__getitem__)  # stable: MkDocs' order within a rank
        if self.files is None and len(self.todo) < FORK_MIN and hasattr(self.sink, "early"):
            by_src = {f.src_uri: f for f, _ in pages}
            self.sink.early({by_src[src].dest_uri: content_of(by_src[src], config, files) for src in self.order})

    def split(self, config, files) -> None:
        """On the first page: the pages to render (:meth:`arrange`); taken by the children in that
        order as each is free, or the last ones in MkDocs' order when the fork must wait (late)."""
        if self.child_of is not None:
            return
        self.arrange(config, files)
        self.files, self.child_of = files, {}
        todo = self.todo
        if self.jobs <= 1 or self.strict or len(todo) < FORK_MIN:  # strict: warnings are counted here
            self.ahead = self.sink is not None
            return
        if self.unplugged(config):
            self.workers = self.jobs  # an early fork: the children render the pages, this process waits
            in_nav = {page.file.src_uri for page in self.nav.pages}  # read and written here (every page shows their titles)
            self.child_of = {src: -1 for src in self.order if src not in in_nav}  # -1: whichever child is free
            self.taken = multiprocessing.get_context("fork").Value("q", 0)
            return
        self.workers = self.jobs - 1
        share = len(todo) / (self.workers + PARENT_SHARE)
        start = int(share * PARENT_SHARE)
        for number, src in enumerate(todo[start:]):
            self.child_of[src] = min(int(number // share), self.workers - 1)

    def unplugged(self, config) -> bool:
        """True when the navigation and the template environment a process makes itself are the
        build's: no plugin changes them."""
        return self.nav is not None and not config.plugins.events.get("nav") and not config.plugins.events.get("env")

    def early(self) -> bool:
        """Fork before the pages are read (the children read and render), not after this process
        rendered its share: possible when the navigation and the template environment a child
        makes itself are the build's, i.e. no plugin changes them (:meth:`split`)."""
        return self.workers == self.jobs and bool(self.child_of) and not self.forked


def _fork_early(plan: _Plan, config, files, dirty: bool, build_page, populate) -> None:
    """On the first page read: read the navigation's pages here (every process renders their
    titles), then fork the children; each reads and renders its own pages from here on."""
    from mkdocs.structure.files import InclusionLevel

    for page in plan.nav.pages:
        if page.markdown is None and page.file.src_uri not in plan.child_of and not plan.reused(page.file, config):
            populate(page, config, files, dirty)
            plan.populated.add(page.file.src_uri)
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
    fork(plan, build_page, populate, (config, doc_files, plan.nav, None, dirty))


def _render_first(plan: _Plan, config, files, dirty: bool, build_page, populate) -> None:
    """On the first page read, in this process: read the navigation's pages and the pages to
    render, and render those, before MkDocs makes every other page, copies the theme's files and
    writes the sitemap (their search shard's Pagefind starts that much sooner). Every process
    renders with an environment of its own (as a forked child does): the same pages."""
    from mkdocs.structure.files import InclusionLevel
    from mkdocs.structure.pages import Page

    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
    by_src = {file.src_uri: file for file in doc_files}
    first = [page.file for page in plan.nav.pages] + [by_src[src] for src in plan.order if src in by_src]
    for file in first:  # the navigation's titles are on every page
        src = file.src_uri
        if file.page is None:
            Page(None, file, config)  # as MkDocs' loop makes it
        if file.page.markdown is None and src not in plan.populated and not plan.reused(file, config):
            populate(file.page, config, files, dirty)
            plan.populated.add(src)
    render_ahead(plan, build_page, config, doc_files, plan.nav, config.theme.get_env(), dirty)


@contextlib.contextmanager
def rendering(reuse: Reuse | None, counts: dict[str, int], jobs: int = 1, strict: bool = False,
              sink=None, spare: Spare | None = None, statics: StaticCopies | None = None) -> Iterator[None]:
    """While MkDocs builds: reused pages are neither read nor rendered (their old HTML is
    linked); the others are rendered by ``jobs`` forked processes (when many, and no plugin
    changes the navigation or the environment; else by this one and ``jobs - 1`` forked late),
    which share everything MkDocs set up, and their search entries put back in order. The
    result is the same as a plain build's. ``sink`` (:class:`.beside.Beside`): told of every
    page before the first is read (it orders them), given each written page's HTML in the
    process that wrote it (``make``) and the result in this one (``took``). ``spare``: the site is
    built in it (:mod:`..output.spare`): its kept files are the live site's, never written through;
    ``statics`` (:mod:`.statics`): its copies linked from the live site where still the same."""
    from mkdocs import utils
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.structure.pages import Page

    populate, build_page = mkdocs_build._populate_page, mkdocs_build._build_page
    plan = _Plan(reuse, jobs if hasattr(os, "fork") else 1, strict, sink, spare)
    files_hook, nav_hook, write_hook = _listing_hooks(plan, mkdocs_build.get_files, mkdocs_build.get_navigation,
                                                      utils.write_file)

    def lazy_populate(page, config, files, dirty=False):
        plan.split(config, files)
        if plan.ahead and plan.unplugged(config):
            _render_first(plan, config, files, dirty, build_page, populate)
        if plan.early():
            _fork_early(plan, config, files, dirty, build_page, populate)
        src = page.file.src_uri
        if not plan.reused(page.file, config) and src not in plan.child_of and src not in plan.populated:
            populate(page, config, files, dirty)

    def lazy_build(page, config, doc_files, nav, env, dirty=False, excluded=False):
        src, plugin = page.file.src_uri, plan.plugin(config)
        if spare is not None:
            plan.present.add(page.file.abs_dest_path)
        if plan.reused(page.file, config):
            if spare is None or page.file.abs_dest_path not in spare.kept:  # kept: already the live file
                _link(os.path.join(plan.old_site, page.file.dest_uri), page.file.abs_dest_path, plan.made)
            if plugin is not None:
                plugin.search_index.entries.extend(plan.entries.get(page.url, ()))
            counts["reused"] = counts.get("reused", 0) + 1
            return None
        counts["rendered"] = counts.get("rendered", 0) + 1
        entries = rendered(plan, build_page, populate, page.file, (config, doc_files, nav, env, dirty))
        if plugin is not None:
            plugin.search_index.entries.extend(entries)
        return None

    with _swapped((mkdocs_build, "_populate_page", lazy_populate), (mkdocs_build, "_build_page", lazy_build),
                  (mkdocs_build, "get_files", files_hook), (mkdocs_build, "get_navigation", nav_hook),
                  (utils, "write_file", write_hook), *spare_hooks(spare, plan.present, statics), *page_hooks(), *meta_hooks(),
                  (Page, "render", patched_render(Page.render))):  # our own Markdown without Python-Markdown (.fastmd)
        try:
            yield
        finally:
            abandon(plan)
        if spare is not None:
            spare.finish(plan.present)


def _listing_hooks(plan: _Plan, list_files, navigation, write_file) -> tuple:
    """MkDocs' file list (arranged at once when no plugin may change it), its navigation (kept for
    the render processes) and its writes (the page being built kept for the sink), wrapped."""
    def files_hook(config):
        files = list_files(config)
        if not config.plugins:  # nothing changes the list before the first page read (else arranged then)
            plan.arrange(config, files)
        return files

    def nav_hook(files, config):
        plan.nav = navigation(files, config)
        return plan.nav

    def write_hook(content, output_path):
        if plan.capture is not None and output_path == plan.capture[0]:
            plan.capture[1] = content
        if plan.spare is not None:
            plan.spare.free(output_path)
            plan.present.add(output_path)
        return write_file(content, output_path)
    return files_hook, nav_hook, write_hook


@contextlib.contextmanager
def _swapped(*swaps: tuple) -> Iterator[None]:
    """(owner, name, value): each attribute set to the value, and restored afterwards."""
    saved = [(owner, name, getattr(owner, name)) for owner, name, _ in swaps]
    try:
        for owner, name, value in swaps:
            setattr(owner, name, value)
        yield
    finally:
        for owner, name, value in saved:
            setattr(owner, name, value)


def _link(source: str, target: str, made: set[str]) -> None:
    """Hard-link the old page into the new site (one ``mkdir`` per folder, not one per page;
    plain strings: ~11,700 pages per build at 10,000 articles, and ``Path`` cost more than the link)."""
    folder = os.path.dirname(target)
    if folder not in made:
        make_folder(folder)
        made.add(folder)
    try:
        os.link(source, target)
    except FileExistsError:  # never copied onto it: the file there may be the live site's
        os.unlink(target)
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
