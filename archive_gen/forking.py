"""Forked worker processes for work whose inputs are this process's memory (the archive graph):
the children inherit it, only the results travel back, pickled. Used for the page Markdown, the
search's stand-ins and the data files; the result never depends on the processes (without
``fork``, with other threads, or when a child dies, the work runs here).
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import multiprocessing
import os
import pickle
import signal
import threading
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterator

CHUNK = 64  # tasks per chunk sent to a worker

RENDER_PARALLEL_MIN = 400  # fewer pages to render than this: one process
_fork_tasks: list[Callable[[], object]] = []


def fork_map(tasks: list[Callable[[], object]], jobs: int, chunk: int = CHUNK) -> list[object]:
    """Every task's result, in the tasks' order (:func:`fork_imap`, all at once)."""
    return list(fork_imap(tasks, jobs, chunk))


def fork_imap(tasks: list[Callable[[], object]], jobs: int, chunk: int = CHUNK) -> Iterator[object]:
    """Call every task, in ``jobs`` forked processes when there are enough tasks; the results
    in the tasks' order, each as soon as its chunk is done: the caller writes the first
    results while the workers make the next ones. The tasks are closures over this process's
    memory (the archive graph): forked children inherit them, only the results travel back,
    pickled. Without ``fork``, in a process with other threads (a child would inherit locks
    they hold), or when a worker dies, the rest runs here: the result never depends on the
    processes."""
    global _fork_tasks
    done = 0
    if jobs > 1 and len(tasks) >= RENDER_PARALLEL_MIN and "fork" in multiprocessing.get_all_start_methods() \
            and not other_threads():
        _fork_tasks = tasks
        spans = [(i, min(i + chunk, len(tasks))) for i in range(0, len(tasks), chunk)]
        try:
            with cf.ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
                try:
                    for (_, end), results in zip(spans, pool.map(_fork_span, spans)):
                        yield from results
                        done = end
                except GeneratorExit:  # the caller stopped reading: do not wait for the rest
                    pool.shutdown(wait=True, cancel_futures=True)
                    raise
        except (BrokenProcessPool, OSError, pickle.PicklingError, RuntimeError):
            stop_children()  # the rest below, in this process (RuntimeError: the pool could not start its thread)
        finally:
            _fork_tasks = []
    for task in tasks[done:]:
        yield task()


def other_threads() -> bool:
    """Whether this process runs other threads: a forked child would inherit the locks they hold."""
    return threading.active_count() > 1


def _fork_span(span: tuple[int, int]) -> list[object]:
    return [task() for task in _fork_tasks[span[0]:span[1]]]


class Forked:
    """One call run in a forked child beside this process' own work (e.g. the data files while
    the page Markdown is written); :meth:`result` waits for it. Without ``fork``, in a process
    with other threads, or when the child fails, the call runs here: its result (or the error
    it raises) never depends on the process."""

    def __init__(self, call: Callable[[], object], cleanup: Callable[[], None] | None = None) -> None:
        self.call, self.cleanup, self.pid, self.read = call, cleanup, 0, -1
        if not hasattr(os, "fork") or other_threads():
            return
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: make the result, send it, leave at once
            os.close(read)
            try:
                payload = pickle.dumps(("ok", call()), protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException:  # told again by the parent, which runs the call itself
                payload = pickle.dumps(("error", None))
            with os.fdopen(write, "wb") as pipe:
                pipe.write(payload)
            os._exit(0)
        os.close(write)
        self.pid, self.read = pid, read

    def result(self) -> object:
        if not self.pid:
            return self.call()
        with os.fdopen(self.read, "rb") as pipe:
            data = pipe.read()
        os.waitpid(self.pid, 0)
        self.pid = 0
        try:
            status, value = pickle.loads(data)
        except Exception:
            status, value = "error", None
        return value if status == "ok" else self.call()

    def cancel(self) -> None:
        """Stop the child if it still runs, then ``cleanup`` (after :meth:`result` too: what the
        call left behind)."""
        if self.pid:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                os.close(self.read)
            with contextlib.suppress(OSError):
                os.waitpid(self.pid, 0)
            self.pid = 0
        if self.cleanup is not None:
            self.cleanup()


class Standby:
    """A forked child that gets ready (``prepare``, e.g. indexes built from this process'
    memory) while this process does other work, then serves the one request :meth:`ask` sends
    it: the second core does the preparing off this process' path. Without ``fork``, in a
    process with other threads, or when the child fails, ``serve(prepare(), request)`` runs
    here: the answer (or the error it raises) never depends on the process."""

    def __init__(self, prepare: Callable[[], object], serve: Callable[[object, object], object]) -> None:
        self.prepare, self.serve, self.pid, self.requests, self.replies = prepare, serve, 0, -1, -1
        if not hasattr(os, "fork") or other_threads():
            return
        requests, request_end = os.pipe()
        reply_end, replies = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: get ready, then answer the one request, leave at once
            os.close(request_end)
            os.close(reply_end)
            try:
                ready = prepare()
                with os.fdopen(requests, "rb") as pipe:  # its length first: a later fork of the
                    size = int.from_bytes(pipe.read(8), "big")  # parent may hold the pipe open too
                    request = pickle.loads(pipe.read(size))
                payload = pickle.dumps(("ok", serve(ready, request)), protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException:  # told again by the parent, which serves the request itself
                payload = pickle.dumps(("error", None))
            with contextlib.suppress(OSError), os.fdopen(replies, "wb") as pipe:
                pipe.write(payload)
            os._exit(0)
        os.close(requests)
        os.close(replies)
        self.pid, self.requests, self.replies = pid, request_end, reply_end

    def ask(self, request: object) -> object:
        """The child's answer to ``request`` (the child then ends), or this process' own."""
        if not self.pid:
            return self.serve(self.prepare(), request)
        try:
            with os.fdopen(self.requests, "wb") as pipe:
                self.requests = -1
                data = pickle.dumps(request, protocol=pickle.HIGHEST_PROTOCOL)
                pipe.write(len(data).to_bytes(8, "big") + data)
            with os.fdopen(self.replies, "rb") as pipe:
                self.replies = -1
                data = pipe.read()
            status, value = pickle.loads(data)
        except Exception:  # the child died (a broken pipe, a cut-off answer)
            status, value = "error", None
        finally:
            self.cancel()
        return value if status == "ok" else self.serve(self.prepare(), request)

    def cancel(self) -> None:
        """Stop the child if it still runs (not needed, or after :meth:`ask`: it has ended)."""
        for end in (self.requests, self.replies):
            if end >= 0:
                with contextlib.suppress(OSError):
                    os.close(end)
        self.requests = self.replies = -1
        if self.pid:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                os.waitpid(self.pid, 0)
            self.pid = 0


def stop_children() -> None:
    """End the worker processes a failed pool leaves behind: a pool whose manager thread never
    started neither stops its workers nor lets the interpreter exit (it waits for them)."""
    for child in multiprocessing.active_children():
        child.terminate()
        child.join()
