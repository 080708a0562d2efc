#!/usr/bin/env python3
"""A timeline of one ``archive-gen build``: each phase's wall time and the CPU both cores spent.

A full build is a chain of phases, some in several processes (annotation, page Markdown, the
MkDocs render), some in one (listing, gather, staging, Pagefind, the swaps). Where a core idles
is where the build can still gain on a 2-core machine, so this runs one build and records:

* the phases of the main process (the pipeline's steps and MkDocs' read and write loops,
  timed by wrappers installed before the build starts: no code of the build is changed);
* every 0.25 s, the CPU time of the build's process tree (``/proc/<pid>/stat`` of the build
  and all its descendants: annotation workers, forked renderers, Pagefind).

    python benchmarks/timeline.py PROJECT_DIR            # a build of the project (full if clean)
    python benchmarks/timeline.py PROJECT_DIR --clean    # remove docs/, site/ and the cache first
    python benchmarks/timeline.py PROJECT_DIR --clean --generate   # docs/ only (the 100,000 step)

Output: a Markdown table per phase (wall s, CPU s of the main process and of the others,
cores busy on average) and the idle-core seconds. Linux only (``/proc``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from runenv import installed_env  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
INTERVAL = 0.25

# (module, attribute) of the steps timed in the main process, in pipeline order
STEPS = [
    ("archive_gen.pipeline", "_registry", "registry"),
    ("archive_gen.pipeline", "source_files", "list files"),
    ("archive_gen.pipeline", "annotate_files", "annotate (cache + workers)"),
    ("archive_gen.pipeline", "load_events", "events"),
    ("archive_gen.pipeline", "build_archive", "index (graph)"),
    ("archive_gen.pipeline", "_updated", "git dates"),
    ("archive_gen.pipeline", "stage_tree", "page Markdown + stage docs/"),
    ("archive_gen.pipeline", "_publish_data", "data files"),
    ("archive_gen.pipeline", "Memo.save", "save the packs"),  # session 12 on: what ran after the last page
    ("archive_gen.output.staging", "StagedTree.commit", "swap docs/"),
    ("archive_gen.pipeline", "render_staged", "MkDocs render"),
    ("archive_gen.publish.mkdocs", "take_spare", "site: the spare pruned (staging tree)"),  # session 13 on
    ("archive_gen.output.spare", "Spare.finish", "site: the spare's stale files removed"),
    ("archive_gen.pipeline", "index_site", "Pagefind"),  # before session 10: the whole search step
    ("archive_gen.publish.search", "Indexer.finish", "search after MkDocs"),  # session 10 on
    ("archive_gen.publish.beside", "Beside.plan", "search: shards foreseen (first page read)"),
    ("archive_gen.pipeline", "replace_dir", "swap site/"),
    ("archive_gen.pipeline", "_remember", "manifest"),
]
MKDOCS_STEPS = [  # inside the MkDocs render: first to last call of each, per process
    ("mkdocs.commands.build", "get_files", "mkdocs: file list"),
    ("mkdocs.commands.build", "get_navigation", "mkdocs: nav"),
    ("mkdocs.commands.build", "_populate_page", "mkdocs: read pages (Markdown → HTML)"),
    ("mkdocs.commands.build", "_build_page", "mkdocs: write pages (templates)"),
]


def _child(project: Path, log: Path, command: str = "build") -> int:
    """Run the build here with the wrappers installed; each call logs (pid, name, start, end)."""
    import importlib

    out = open(log, "a", buffering=1, encoding="utf-8")

    def wrap(owner, attr: str, name: str) -> None:
        inner = getattr(owner, attr)

        def timed(*args, **kwargs):
            start = time.monotonic()
            try:
                return inner(*args, **kwargs)
            finally:
                out.write(json.dumps([os.getpid(), name, start, time.monotonic()]) + "\n")
        setattr(owner, attr, timed)

    for module, attr, name in STEPS + MKDOCS_STEPS:
        try:
            owner = importlib.import_module(module)
        except ImportError:  # a module of another code version: not timed
            continue
        if "." in attr:
            cls, attr = attr.split(".")
            owner = getattr(owner, cls, None)
        if owner is not None and hasattr(owner, attr):  # the step of another code version: not timed
            wrap(owner, attr, name)
    from archive_gen.cli import main
    return main([command, "--config", str(project / "mkdocs.yml")])


def _tree(root: int) -> dict[int, tuple[str, int]]:
    """pid -> (name, utime + stime in ticks) of ``root`` and its descendants."""
    stats: dict[int, tuple[int, str, int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            text = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        name = text[text.index("(") + 1:text.rindex(")")]
        fields = text[text.rindex(")") + 2:].split()
        stats[int(entry)] = (int(fields[1]), name, int(fields[11]) + int(fields[12]))
    tree, todo = {}, [root]
    while todo:
        pid = todo.pop()
        if pid in stats and pid not in tree:
            tree[pid] = (stats[pid][1], stats[pid][2])
            todo += [p for p, s in stats.items() if s[0] == pid]
    return tree


def record(project: Path, command: str = "build") -> tuple[list[tuple[float, dict]], list[list], float, float, int]:
    """Run the build, sampling its process tree; the samples, the logged calls, start, end, pid."""
    log = Path(tempfile.mkstemp(prefix="timeline-", suffix=".jsonl")[1])
    start = time.monotonic()
    proc = subprocess.Popen([sys.executable, __file__, "--child", str(log), str(project), command], cwd=project,
                            env=installed_env())
    samples: list[tuple[float, dict]] = []
    while proc.poll() is None:
        samples.append((time.monotonic(), _tree(proc.pid)))
        time.sleep(INTERVAL)
    end = time.monotonic()
    calls = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    log.unlink()
    if proc.returncode:
        raise SystemExit(f"the build failed ({proc.returncode})")
    return samples, calls, start, end, proc.pid


def intervals(samples: list[tuple[float, dict]], main: int) -> list[tuple[float, float, float, float]]:
    """(from, to, CPU s of the main process, CPU s of the others) between consecutive samples; a
    process that ended between two samples loses its last ticks (at most 0.25 s of CPU)."""
    out = []
    for (t0, a), (t1, b) in zip(samples, samples[1:]):
        mine = (b.get(main, (0, 0))[1] - a.get(main, (0, 0))[1]) / TICK
        others = sum(max(0, ticks - a.get(pid, (0, 0))[1]) for pid, (_, ticks) in b.items() if pid != main) / TICK
        out.append((t0, t1, mine, others))
    return out


def _cpu_between(spans: list[tuple[float, float, float, float]], t0: float, t1: float) -> tuple[float, float]:
    """CPU seconds of the main process and of the others between two times (each interval's
    share by overlap)."""
    mine = others = 0.0
    for a, b, m, o in spans:
        overlap = min(b, t1) - max(a, t0)
        if overlap > 0:
            mine, others = mine + m * overlap / (b - a), others + o * overlap / (b - a)
    return mine, others


def phases(calls: list[list], main: int) -> list[tuple[str, float, float]]:
    """(name, start, end) of the main process' steps and the span of each MkDocs step."""
    spans: dict[tuple[int, str], list[float]] = {}
    for pid, name, t0, t1 in calls:
        span = spans.setdefault((pid, name), [t0, t1])
        span[0], span[1] = min(span[0], t0), max(span[1], t1)
    rows = [(name if pid == main else f"{name} [child]", t0, t1) for (pid, name), (t0, t1) in spans.items()]
    return sorted(rows, key=lambda r: (r[1], r[2]))


def processes(samples: list[tuple[float, dict]], name: str) -> dict[int, tuple[float, float, float]]:
    """pid -> (first seen, last seen, CPU s) of the sampled processes called ``name``: when a
    Pagefind run started and ended against the phases (to a sample, 0.25 s)."""
    seen: dict[int, tuple[float, float, float]] = {}
    for t, tree in samples:
        for pid, (comm, ticks) in tree.items():
            if comm == name:
                first = seen.get(pid, (t, t, 0.0))[0]
                seen[pid] = (first, t, ticks / TICK)
    return seen


def report(samples, calls, start: float, end: float, main: int) -> str:
    spans = intervals(samples, main)
    lines = ["| phase | from s | wall s | CPU main s | CPU others s | cores busy |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for name, t0, t1 in phases(calls, main) + [("**whole build**", start, end)]:
        mine, others = _cpu_between(spans, t0, t1)
        wall = max(t1 - t0, 1e-9)
        lines.append(f"| {name} | {t0 - start:.1f} | {wall:.1f} | {mine:.1f} | {others:.1f} | "
                     f"{(mine + others) / wall:.2f} |")
    for pid, (first, last, cpu) in sorted(processes(samples, "pagefind").items(), key=lambda item: item[1]):
        lines.append(f"| Pagefind process {pid} (sampled) | {first - start:.1f} | {last - first:.1f} | | {cpu:.1f} | |")
    idle = sum(max(0.0, 2 * (b - a) - m - o) for a, b, m, o in spans)
    lines += ["", f"core-seconds idle (of 2 cores): {idle:.1f} of {2 * (end - start):.1f}"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--child":
        return _child(Path(argv[2]), Path(argv[1]), argv[3])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--clean", action="store_true", help="remove docs/, site/ and the cache first (a full build)")
    parser.add_argument("--generate", action="store_true", help="time `generate` (docs/ only) instead of `build`")
    parser.add_argument("--json", type=Path, help="also write the samples and calls here")
    args = parser.parse_args(argv)
    project = args.project.resolve()
    if args.clean:
        for name in ("docs", "site", ".archive-gen-cache"):
            shutil.rmtree(project / name, ignore_errors=True)
    samples, calls, start, end, main_pid = record(project, "generate" if args.generate else "build")
    print(report(samples, calls, start, end, main_pid))
    if args.json:
        args.json.write_text(json.dumps({"start": start, "end": end, "main": main_pid, "calls": calls,
                                         "samples": [[t, {str(k): v for k, v in tree.items()}] for t, tree in samples]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
