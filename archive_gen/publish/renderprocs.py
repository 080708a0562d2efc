"""The render processes: the pages MkDocs renders, written in a given order (a search shard's
pages first) in this process or in forked ones, each page's results sent back as they come.

:mod:`.reuse` decides which pages are rendered where (its plan); here they are written: each with
MkDocs' own ``_build_page``, the HTML MkDocs writes kept for the plan's sink (the search's stand-in,
made where the page is in memory), the search plugin's entries taken out and put back later in
MkDocs' order. A forked child sends its results in framed pickles (a batch, and every rank's
last page at once, so that the parent may start a shard's Pagefind while the children render
on); the parent reads them as they come (``select``), not at the end.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import pickle
import select
import signal
import struct
from typing import Iterator

__all__ = ["abandon", "collect", "fork", "render_ahead", "rendered", "write_page"]

_BATCH = 32  # pages a render process reports at a time (a late fork's fixed share)
_CHUNK = 8  # pages a child takes at a time from the shared order (and reports together)
_WAIT = 60  # seconds a child waits for the page counter's lock
_PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent dies


def rendered(plan, build_page, populate, file, args: tuple) -> list[dict]:
    """The search entries of a page to render (MkDocs' ``_build_page`` call for it), once it is
    written: here now, here ahead of MkDocs' loop, or by a child (forked late on its first page)."""
    src = file.src_uri
    if plan.ahead:
        render_ahead(plan, build_page, *args)
    if src not in plan.child_of and src not in plan.results:
        entries, record = write_page(plan, build_page, file, *args)
        plan.results[src] = entries
        if record is not None:
            plan.sink.took(record)
    if src in plan.child_of and src not in plan.results:
        if not plan.forked:
            fork(plan, build_page, populate, args)
        collect(plan)
    return plan.results.get(src, [])


def write_page(plan, build_page, file, config, doc_files, nav, env, dirty) -> tuple[list[dict], object]:
    """Write one page; its search entries (taken out of the plugin's list: put back in MkDocs'
    order by the caller) and what the sink made of its HTML (the page as written, in memory)."""
    plugin = plan.plugin(config)
    before = len(plugin.search_index.entries) if plugin is not None else 0
    plan.capture = [file.abs_dest_path, None] if plan.sink is not None else None
    try:
        build_page(file.page, config, doc_files, nav, env, dirty, excluded=file.inclusion.is_excluded())
        html = plan.capture[1] if plan.capture is not None else None
    finally:
        plan.capture = None
    entries = []
    if plugin is not None:
        entries = plugin.search_index.entries[before:]
        del plugin.search_index.entries[before:]
    return entries, plan.sink.make(file.dest_uri, html) if html is not None else None


def render_ahead(plan, build_page, config, doc_files, nav, env, dirty) -> None:
    """This process renders every page to render now, in the sink's order (a shard's pages
    first, while MkDocs would still link reused pages); MkDocs' own calls then find them done."""
    plan.ahead = False
    by_src = {file.src_uri: file for file in doc_files}
    for src in plan.order:
        file = by_src.get(src)
        if file is not None and file.page is not None:
            plan.results[src], record = write_page(plan, build_page, file, config, doc_files, nav, env, dirty)
            if record is not None:
                plan.sink.took(record)


def _render_in_child(plan, number: int, build_page, populate, args: tuple, send) -> None:
    from mkdocs.structure.pages import Page

    config, doc_files, nav, env, dirty = args
    try:
        if env is None:  # an early fork: the environment build() makes next, the pages it has not made yet
            env = config.theme.get_env()
            for file in doc_files:
                if file.page is None:
                    Page(None, file, config)
        by_src = {file.src_uri: file for file in doc_files}
        for chunk in _chunks(plan, number, by_src):
            batch = []
            for file in chunk:
                populate(file.page, config, plan.files, dirty)
                entries, record = write_page(plan, build_page, file, config, doc_files, nav, env, dirty)
                batch.append((file.src_uri, entries, record))
            send(("pages", batch))  # a shard's last page may be among them
        send(("ok", None))
    except BaseException as exc:  # reported by the parent as the render's failure
        send(("error", f"{type(exc).__name__}: {exc}"))


def _chunks(plan, number: int, by_src: dict) -> Iterator[list]:
    """A child's pages, a chunk at a time: taken in turn from the plan's order through a shared
    counter (``plan.taken``: whichever child is free takes the next chunk, so both end together
    and each shard's pages are done as early as they can be), or its fixed share (a late fork)."""
    if plan.taken is None:
        mine = [by_src[src] for src in plan.order if plan.child_of.get(src) == number and src in by_src]
        yield from (mine[at:at + _BATCH] for at in range(0, len(mine), _BATCH))
        return
    todo = [by_src[src] for src in plan.order if src in plan.child_of and src in by_src]
    lock = plan.taken.get_lock()
    while True:
        if not lock.acquire(timeout=_WAIT):  # a child killed while it held the lock
            raise RuntimeError("the render processes' page counter stayed locked")
        try:
            at = plan.taken.value
            plan.taken.value = at + _CHUNK
        finally:
            lock.release()
        if at >= len(todo):
            return
        yield todo[at:at + _CHUNK]


def fork(plan, build_page, populate, args: tuple) -> None:
    plan.forked = True
    parent = os.getpid()
    for number in range(plan.workers):
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: render its pages, send their search entries and stand-ins, leave at once
            os.close(read)
            _die_with(parent)
            with os.fdopen(write, "wb") as pipe:
                def send(message: tuple) -> None:
                    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
                    pipe.write(struct.pack("<Q", len(data)) + data)
                    pipe.flush()
                _render_in_child(plan, number, build_page, populate, args, send)
            os._exit(0)
        os.close(write)
        plan.children.append((pid, read))


def _die_with(parent: int) -> None:
    """A render child ends when the build is killed (Linux: ``PR_SET_PDEATHSIG``): it writes into
    the cache's stand-in tree, which the next build may be making anew."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # killed before that took effect
        os._exit(1)


def collect(plan) -> None:
    """Every child's messages as they come (search entries, and each page's stand-in for the
    sink, which may start a shard's Pagefind while the children render on), until all ended."""
    children, plan.children = plan.children, []
    waiting = {read: [pid, bytearray(), False] for pid, read in children}
    failures = []
    try:
        while waiting:
            ready, _, _ = select.select(list(waiting), [], [])
            for read in ready:
                pid, buffer, ended = state = waiting[read]
                chunk = os.read(read, 1 << 20)
                buffer += chunk
                while len(buffer) >= 8 and len(buffer) >= 8 + struct.unpack_from("<Q", buffer)[0]:
                    size = struct.unpack_from("<Q", buffer)[0]
                    status, value = pickle.loads(bytes(buffer[8:8 + size]))
                    del buffer[:8 + size]
                    if status == "pages":
                        _took(plan, value)
                    elif status == "ok":
                        state[2] = True
                    else:
                        failures.append(value)
                if not chunk:
                    os.close(read)
                    os.waitpid(pid, 0)
                    del waiting[read]
                    if not state[2] and not failures:
                        failures.append("a render process ended without a result")
    finally:
        plan.children = [(pid, read) for read, (pid, _, _) in waiting.items()]
    if failures:
        raise RuntimeError(f"rendering in a worker process failed: {failures[0]}")


def _took(plan, pages: list[tuple]) -> None:
    for src, entries, record in pages:
        plan.results[src] = entries
        if record is not None:
            plan.sink.took(record)


def abandon(plan) -> None:
    for pid, read in plan.children:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            os.close(read)
        with contextlib.suppress(OSError):
            os.waitpid(pid, 0)
    plan.children = []
