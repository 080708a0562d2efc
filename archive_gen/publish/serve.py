"""Live preview: MkDocs' own server (or Zensical's), with a regeneration step before every build.

``serve`` starts ``mkdocs serve`` with ``content/`` added to the watched paths and
:mod:`archive_gen.publish.preview_hook` registered as a hook (passed in code, so mkdocs.yml
stays free of archive-gen specifics). Each rebuild first calls the ``regenerate`` function
it was given (the pipeline's generate step, so this module never imports the pipeline).
``docs/`` itself is not watched (it is ours, written before MkDocs reads it), so an edit costs
one build; and since unchanged pages are never rewritten, even a watcher of docs/ would find
nothing to do: there is no rebuild loop.

A rebuild after an edit renders only the pages it rewrote (:class:`Rendered`): MkDocs' own
dirty build would still list every docs/ file, compile the theme's templates, build the nav
and render the 404 page and sitemap over all pages, seconds at 10,000 articles. The config,
files, nav and template environment of MkDocs' last complete build are kept; a rebuild whose
``regenerate`` reports only rewritten existing pages (no page added or removed, mkdocs.yml and
the theme unchanged, no nav title changed) re-reads and renders just those. Anything else
is MkDocs' complete (dirty) build, as before.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from . import zensical
from .fastmd import patched_render
from .mkdocs import mkdocs_logging
from .reuse import tree_digest


@dataclass(frozen=True)
class Changes:
    """What one regeneration did to docs/: the pages it rewrote and removed (docs paths)."""

    written: frozenset[str]
    removed: frozenset[str]


# regenerate() -> the Changes it made, or None when they are not known (a whole docs/ staged)
Regenerate = Callable[[], "Changes | None"]

_regenerate: Regenerate | None = None
_events: Any = None  # the event observer watching content/ (:func:`watch_by_events`), if any
_fresh = False  # docs/ was just generated (before the server started): skip one hook call
_log = logging.getLogger("mkdocs.commands.serve")


def before_build() -> None:
    """Called by the hook before every (re)build MkDocs makes."""
    global _fresh
    if _fresh:
        _fresh = False
        return
    if _regenerate is not None:
        _regenerate()


@dataclass
class Rendered:
    """What MkDocs' last complete build set up, kept to render single pages again."""

    config: Any
    files: Any
    nav: Any
    env: Any
    stamp: str  # mkdocs.yml and the theme's custom_dir: when they change, MkDocs builds again

    def render(self, changes: Changes) -> bool:
        """Re-read and render the rewritten pages; False (nothing done) when that is not enough."""
        from mkdocs.commands.build import _build_page, _populate_page

        if changes.removed or _stamp(self.config) != self.stamp:
            return False
        changed = [self.files.get_file_from_path(rel) for rel in sorted(changes.written)]
        if any(file is None for file in changed):
            return False  # a new page: MkDocs lists the files again
        pages = [file.page for file in changed if file.is_documentation_page()]
        in_nav = {id(page): page.title for page in self.nav.pages}
        for page in pages:
            _populate_page(page, self.config, self.files)
        if any(id(page) in in_nav and page.title != in_nav[id(page)] for page in pages):
            return False  # a title the navigation of every page shows
        for file in changed:
            if not file.is_documentation_page():
                file.copy_file(dirty=False)
        doc_files = self.files.documentation_pages()
        for page in pages:
            _build_page(page, self.config, doc_files, self.nav, self.env)
        _log.info(f"Rendered {len(pages)} changed page(s)")
        return True


_rendered: Rendered | None = None
_building: dict[str, Any] = {}  # nav and env of the build MkDocs is running (from the hook's events)


def _stamp(config) -> str:
    custom = config.theme.custom_dir
    return tree_digest(Path(config.config_file_path)) + (tree_digest(Path(custom)) if custom else "")


def remember(name: str, value: Any) -> None:
    """The hook hands over what MkDocs' build set up (``nav``, ``env``)."""
    _building[name] = value


def built(config) -> None:
    """The hook's post-build event: MkDocs' complete build succeeded; keep what it set up."""
    global _rendered
    if {"nav", "env", "files"} <= _building.keys():
        files = _building["files"]
        for file in files.documentation_pages():  # only the nav's pages need their text again
            if file.page is not None and file.page not in _building["nav"].pages:
                file.page.markdown = file.page.content = None
        _rendered = Rendered(config, files, _building["nav"], _building["env"], _stamp(config))
    _building.clear()


def _build(config, *, serve_url: str | None = None, dirty: bool = False) -> None:
    """MkDocs' build for its server: only the changed pages when that is enough (:class:`Rendered`)."""
    global _fresh, _rendered
    from mkdocs.commands.build import build

    if _rendered is not None and _regenerate is not None and not _fresh:
        changes = _regenerate()
        try:
            if changes is not None and _rendered.render(changes):
                return
        except BaseException:
            _rendered = None  # a page failed: MkDocs reports it; the next rebuild is a complete one
            raise
        _fresh = True  # regenerated already: the hook's pre-build call is skipped
    _rendered = None
    build(config, serve_url=serve_url, dirty=dirty)


class _Catch:
    """Stands in for MkDocs' observer while MkDocs schedules one watch: keeps MkDocs' own
    handler (what asks its server for a rebuild) instead of starting to poll."""

    def schedule(self, handler, path, *, recursive=False):
        self.handler, self.path, self.recursive = handler, path, recursive
        return self

    def unschedule(self, watch) -> None:
        pass


def watch_by_events(server, path: str) -> None:
    """Watch ``path`` (content/) with the platform's file events (inotify on Linux) instead of
    MkDocs' polling.

    Why: MkDocs polls every watched file twice a second, and content/ holds every article: at
    10,000 articles the polling took about as much CPU as the regeneration after an edit, and
    an edit waited for the next poll to be seen. MkDocs polls because event APIs miss changes
    on some mounts (network, Docker, WSL): so ``ARCHIVE_GEN_POLLING=1`` keeps polling, and so
    does a platform without an event API or one whose observer fails to start (inotify's watch
    limit). Only changes count: reading an article (an open and a close) is no edit.

    Called from ``on_serve``, before MkDocs watches its ``watch`` paths: its later ``watch``
    of the same path then only counts it.
    """
    global _events
    from watchdog import events
    from watchdog.observers import Observer
    from watchdog.observers.polling import PollingObserver

    if Observer is PollingObserver or os.environ.get("ARCHIVE_GEN_POLLING", "") not in ("", "0"):
        return
    polling, catch = server.observer, _Catch()
    server.observer = catch
    try:
        server.watch(path)  # MkDocs makes its handler; _Catch keeps it
    finally:
        server.observer = polling
    observer = Observer()
    try:
        observer.schedule(catch.handler, catch.path, recursive=catch.recursive, event_filter=[
            events.FileCreatedEvent, events.FileModifiedEvent, events.FileDeletedEvent,
            events.FileMovedEvent, events.FileClosedEvent])
        observer.start()
    except OSError as error:
        _log.warning("watching %s by polling: its file events failed (%s)", path, error)
        server.observer = catch
        try:
            server.unwatch(path)
        finally:
            server.observer = polling
        return  # MkDocs watches it after on_serve, by polling
    _events = observer


def _interrupted(signum, frame) -> None:
    raise KeyboardInterrupt  # a terminated preview stops as on Ctrl-C: its owner saves its caches


def serve(mkdocs_file: Path, content_dir: Path, docs_dir: Path, regenerate: Regenerate, *,
          dev_addr: str | None = None, open_browser: bool = False, quiet: bool = False,
          renderer: str = "mkdocs") -> None:
    """``regenerate`` has already run once (MkDocs needs docs/ before it loads its config).
    ``renderer`` "zensical": Zensical's server instead (:func:`.zensical.serve`)."""
    global _regenerate, _fresh
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupted)
    if renderer == zensical.NAME:
        zensical.serve(mkdocs_file, content_dir, docs_dir, regenerate, dev_addr=dev_addr,
                       open_browser=open_browser, quiet=quiet)
        return
    from mkdocs.commands import serve as mkdocs_serve_module
    from mkdocs.structure.pages import Page

    _regenerate, _fresh = regenerate, True
    mkdocs_serve_module.build = _build  # its builder calls this: single pages when that is enough
    # A preview must say where it serves and when it rebuilds ("Serving on …", "Reloading
    # browsers"): MkDocs logs these at INFO, which `build` rightly leaves out.
    mkdocs_logging(logging.WARNING if quiet else logging.INFO)
    page_render, Page.render = Page.render, patched_render(Page.render)  # as in a build (.fastmd)
    try:
        mkdocs_serve_module.serve(
            config_file=str(mkdocs_file),
            livereload=True,
            build_type="dirty",  # unchanged pages keep their files (hard links): MkDocs renders only the changed
            watch=[str(content_dir)],
            open_in_browser=open_browser,
            docs_dir=str(docs_dir),
            hooks=[str(Path(__file__).with_name("preview_hook.py"))],
            # MkDocs would serve below site_url's path (/archiv/ in the sample); the preview stays
            # at the root the README names.
            site_url="",
            **({"dev_addr": dev_addr} if dev_addr else {}),
        )
    finally:
        Page.render = page_render
        if _events is not None:
            _events.stop()
