"""fork_map: the tasks' results in their order, whatever the processes do."""

import os

from archive_gen import forking, parallel


def test_results_come_back_in_order_from_forked_workers(monkeypatch):
    monkeypatch.setattr(forking, "RENDER_PARALLEL_MIN", 4)
    monkeypatch.setattr(forking, "other_threads", lambda: False)  # the test runner's own threads
    parent = os.getpid()
    tasks = [lambda n=n: (n * n, os.getpid() != parent) for n in range(40)]
    results = forking.fork_map(tasks, jobs=2, chunk=3)
    assert [value for value, _ in results] == [n * n for n in range(40)]
    assert all(elsewhere for _, elsewhere in results), "rendered in the workers"


def test_few_tasks_or_one_job_stay_in_this_process(monkeypatch):
    parent = os.getpid()
    tasks = [lambda: os.getpid() == parent] * 8
    assert all(forking.fork_map(tasks, jobs=4))  # below RENDER_PARALLEL_MIN
    monkeypatch.setattr(forking, "RENDER_PARALLEL_MIN", 1)
    assert all(forking.fork_map(tasks, jobs=1))


def test_a_dead_worker_costs_only_speed(monkeypatch):
    """A worker killed mid-way (out of memory, a signal): the rest is done here, same results."""
    monkeypatch.setattr(forking, "RENDER_PARALLEL_MIN", 4)
    monkeypatch.setattr(forking, "other_threads", lambda: False)
    parent = os.getpid()

    def task(n):
        if n == 7 and os.getpid() != parent:
            os._exit(1)
        return n

    results = forking.fork_map([lambda n=n: task(n) for n in range(30)], jobs=2, chunk=2)
    assert results == list(range(30))


def test_a_process_with_threads_is_not_forked(monkeypatch):
    """serve runs a web server and a file watcher in threads: a forked child would inherit
    whatever locks they hold, so there the tasks run in this process."""
    import threading

    monkeypatch.setattr(forking, "RENDER_PARALLEL_MIN", 4)
    parent, stop = os.getpid(), threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert forking.other_threads()
        assert all(forking.fork_map([lambda: os.getpid() == parent] * 10, jobs=2))
    finally:
        stop.set()
        thread.join()
    monkeypatch.setattr(forking, "other_threads", lambda: False)  # the test runner's own threads
    assert not all(forking.fork_map([lambda: os.getpid() == parent] * 10, jobs=2)), "control: forked without it"


def _no_pool_thread(monkeypatch):
    """A busy machine at its process or thread limit: the pool cannot start its manager thread."""
    from concurrent.futures import process

    def refuse(self):
        raise RuntimeError("can't start new thread")
    monkeypatch.setattr(process._ExecutorManagerThread, "start", refuse)


def test_a_pool_that_cannot_start_costs_only_speed(monkeypatch):
    monkeypatch.setattr(forking, "RENDER_PARALLEL_MIN", 4)
    monkeypatch.setattr(forking, "other_threads", lambda: False)
    _no_pool_thread(monkeypatch)
    assert forking.fork_map([lambda n=n: n * 2 for n in range(20)], jobs=2, chunk=3) == [n * 2 for n in range(20)]


def test_annotation_goes_on_in_this_process_when_the_pool_cannot_start(monkeypatch, tmp_path):
    from archive_gen.model import Registry

    monkeypatch.setattr(parallel, "PARALLEL_MIN", 2)
    _no_pool_thread(monkeypatch)
    said = []
    files = []
    for n in range(6):
        path = tmp_path / f"a{n}.md"
        path.write_text(f"---\ntitle: Meldung {n}\ndate: 2024-06-0{n + 1}\n---\nDer Text der Meldung {n}.\n")
        files.append((path, path.name, path.read_bytes()))
    registry = Registry(actors={}, topics={}, sources={}, pages=[])
    outcomes = parallel.annotate_many(files, registry, "de", 10**6, None, 2, said.append)
    assert [o.article.title for o in outcomes] == [f"Meldung {n}" for n in range(6)]
    assert any("annotating the rest in one process" in line for line in said)


def test_first_results_arrive_while_the_workers_make_the_rest(monkeypatch, tmp_path):
    """fork_imap hands over each chunk when it is done: the later tasks here wait (up to 20 s)
    for a mark the caller sets only after it received the first result. Had the caller to
    wait for every task, they would give up and return False."""
    import time

    monkeypatch.setattr(forking, "RENDER_PARALLEL_MIN", 4)
    monkeypatch.setattr(forking, "other_threads", lambda: False)
    mark = tmp_path / "first-result-received"

    def later() -> bool:
        deadline = time.monotonic() + 20
        while not mark.exists():
            if time.monotonic() > deadline:
                return False
            time.sleep(0.01)
        return True

    results = forking.fork_imap([lambda: True] * 2 + [later] * 6, jobs=2, chunk=2)
    assert next(results) is True
    mark.touch()
    assert list(results) == [True] * 7
