#!/usr/bin/env python3
"""The page-Markdown step alone: its wall time and the CPU of every process it uses, code
against code, in turn.

A full build's step that writes docs/ (article, term, Chronik and event pages, feeds, the data
files in a forked child, staging, the page cache) runs in the main process, two forked render
workers and the data child; on a CPU-bound 2-core machine its CPU seconds are what it costs.
Each round runs ``archive-gen generate`` in a fresh process per code tree, on its own copy of
the project with docs/ and every cache but the annotations removed (so the articles are not
annotated again: the step is timed from the staging's start to the end of the run):

    python benchmarks/bench_pagemd.py PROJECT --code /tmp/main-src --code . --rounds 3

``--code DIR``: a tree with ``archive_gen/`` (e.g. ``git archive`` of another commit); the
default is this repository. Prints per round and code: wall s, CPU s of the main process and
of its children, and the medians with their ratio to the first code's. Linux (``resource``).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
KEEP = "annotate.pack"  # the annotations: the one cache a full build's step does not make


def _child(project: Path, jobs: int) -> int:
    """Run ``generate`` here, timing the step (stage_tree's start to the end) in this process."""
    from archive_gen import pipeline
    from archive_gen.cli import main

    marks: dict[str, float] = {}
    inner = pipeline.stage_tree

    def timed(*args, **kwargs):
        if "start" not in marks:
            own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
            marks.update(start=time.monotonic(), own=own.ru_utime + own.ru_stime, kids=kids.ru_utime + kids.ru_stime)
        return inner(*args, **kwargs)
    pipeline.stage_tree = timed
    code = main(["generate", "-q", "--jobs", str(jobs), "--config", str(project / "mkdocs.yml")])
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"wall": time.monotonic() - marks["start"], "main": own.ru_utime + own.ru_stime - marks["own"],
                      "children": kids.ru_utime + kids.ru_stime - marks["kids"],
                      "pages": sum(1 for _ in (project / "docs").rglob("*") if _.is_file())}))
    return code


def _clean(project: Path) -> None:
    shutil.rmtree(project / "docs", ignore_errors=True)
    cache = project / ".archive-gen-cache"
    for path in cache.iterdir() if cache.is_dir() else ():
        if path.name != KEEP:
            shutil.rmtree(path) if path.is_dir() else path.unlink()


def _run(code: Path, project: Path, jobs: int) -> dict:
    env = {**os.environ, "PYTHONPATH": str(code)}
    done = subprocess.run([sys.executable, __file__, "--child", str(project), str(jobs)], env=env, cwd=project,
                          capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise SystemExit(f"generate failed in {project}:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--child":
        return _child(Path(argv[1]), int(argv[2]))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--code", type=Path, action="append", help="a tree with archive_gen/ (repeatable)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    codes = [c.resolve() for c in (args.code or [REPO])]
    copies = []
    for number, code in enumerate(codes):
        copy = args.project.resolve().with_name(f"{args.project.name}.bench{number}")
        if not copy.exists():
            shutil.copytree(args.project, copy, ignore=shutil.ignore_patterns("docs", "site", ".archive-gen-cache"))
        _clean(copy)
        _run(code, copy, args.jobs)  # annotations for this code (kept), the first step's warm-up
        copies.append(copy)
    results: list[list[dict]] = [[] for _ in codes]
    for round_ in range(1, args.rounds + 1):
        for number, (code, copy) in enumerate(zip(codes, copies)):
            _clean(copy)
            load = os.getloadavg()[0]
            result = _run(code, copy, args.jobs)
            results[number].append(result)
            print(f"round {round_} {code}: wall {result['wall']:.2f} s, CPU main {result['main']:.2f} s + children "
                  f"{result['children']:.2f} s, {result['pages']} files (load {load:.1f})", flush=True)
    base = None
    for code, runs in zip(codes, results):
        wall = statistics.median(r["wall"] for r in runs)
        cpu = statistics.median(r["main"] + r["children"] for r in runs)
        main_cpu = statistics.median(r["main"] for r in runs)
        base = base or (wall, cpu)
        print(f"median {code}: wall {wall:.2f} s ({wall / base[0]:.2f}), CPU {cpu:.2f} s ({cpu / base[1]:.2f}), "
              f"of which main {main_cpu:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
