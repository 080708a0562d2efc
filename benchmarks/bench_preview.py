#!/usr/bin/env python3
"""Preview latency (issue 11): under ``archive-gen serve``, how long from saving an edited
article until the served page shows the edit.

    python benchmarks/bench_preview.py --size 10000            # a fresh corpus of 10,000 articles
    python benchmarks/bench_preview.py --project /path/to/proj # an existing project (built or not)

It starts ``python -m archive_gen serve`` on a free port, waits until the first page is served
(the initial build of every page: not what is measured), then, ``--edits`` times, appends a new
paragraph with a unique word to one article (a different article each time) and polls, every
50 ms, first docs/ for the regenerated page (that is ``generate``'s share) and then the served
HTML of that page over HTTP until it holds the word: what a browser shows after its
live-reload. Reports each edit's seconds and the medians: docs/ (generate's share), served (the
whole wait), their difference (the rest of the regeneration plus the renderer's rebuild), the
whole regeneration as serve logs it ("docs/ in N s"), and the CPU seconds the serve process
spent from the save until the page was served (``serve_cpu_s``, with the 0.2 s after it). Wall-clock on a shared machine:
compare with a baseline taken in the same run (e.g. ``bench_scale.py``'s +1 article build).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_corpus import make_corpus  # noqa: E402

POLL = 0.05


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return None


def wait_for(check, timeout: float) -> float | None:
    """Poll ``check()`` until true; the seconds it took, or None on time-out."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if check():
            return time.perf_counter() - start
        time.sleep(POLL)
    return None


def docs_page_with(word: str, candidates: list[Path], since: float) -> Path | None:
    """The page among ``candidates`` written after ``since`` that holds ``word`` (only new
    pages are read: unchanged ones keep their old files and times)."""
    for page in candidates:
        try:
            if page.stat().st_mtime >= since and word in page.read_text(encoding="utf-8"):
                return page
        except OSError:
            pass
    return None


def regeneration_seconds(log: Path, offset: int) -> float | None:
    """What serve logged for the last regeneration after ``offset``: "(docs/ in N s)"."""
    found = re.findall(r"docs/ in ([0-9.]+) s", log.read_text(encoding="utf-8", errors="replace")[offset:])
    return float(found[-1]) if found else None


def cpu_seconds(pid: int) -> float | None:
    """CPU seconds of a process and its waited-for children so far (Linux /proc): unlike wall
    seconds, they do not grow with what else the machine runs."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def edit_once(project: Path, base: str, article: Path, number: int, timeout: float, log: Path | None = None,
              pid: int | None = None) -> dict:
    word = f"Vorschaumessung{number}x{os.getpid()}"
    offset = len(log.read_text(encoding="utf-8", errors="replace")) if log is not None else 0
    docs = project / "docs" / "articles"
    cpu_before = cpu_seconds(pid) if pid else None
    saved, since = time.perf_counter(), time.time() - 1
    with article.open("a", encoding="utf-8") as handle:
        handle.write(f"\n\nEin Absatz mit dem Wort {word}.\n")
    year = article.parent.name
    found: list[Path] = []

    def regenerated() -> bool:
        pages = sorted((docs / year).rglob("*.md")) if (docs / year).is_dir() else sorted(docs.rglob("*.md"))
        page = docs_page_with(word, pages, since)
        if page is not None:
            found.append(page)
        return page is not None

    generated = wait_for(regenerated, timeout)
    if generated is None:
        return {"article": article.name, "error": "docs/ page not regenerated"}
    rel = found[0].relative_to(project / "docs").with_suffix("").as_posix()
    url = f"{base}/{rel}/"
    served = wait_for(lambda: word in (fetch(url) or ""), timeout)
    total = time.perf_counter() - saved
    time.sleep(0.2)  # the log line is written right after the pages
    cpu_after = cpu_seconds(pid) if pid else None
    return {"article": article.name, "url": url, "docs_s": round(generated, 2),
            "served_s": round(total, 2) if served is not None else None,
            "regenerate_s": regeneration_seconds(log, offset) if log is not None else None,
            "serve_cpu_s": round(cpu_after - cpu_before, 2) if cpu_before is not None and cpu_after is not None else None}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--project", type=Path, help="an existing project instead of a fresh corpus")
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per edit")
    parser.add_argument("--start-timeout", type=float, default=1800.0, help="seconds for the first build")
    args = parser.parse_args(argv)
    work = None
    if args.project:
        project = args.project.resolve()
    else:
        work = Path(tempfile.mkdtemp(prefix="archive-gen-preview-"))
        project = make_corpus(work / f"de-{args.size}", args.size, "de")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(project.parent / f"serve-{port}.log", "w")
    server = subprocess.Popen([sys.executable, "-m", "archive_gen", "serve", "--config", str(project / "mkdocs.yml"),
                               "--dev-addr", f"127.0.0.1:{port}"], cwd=project, stdout=log, stderr=subprocess.STDOUT)
    results: list[dict] = []
    load = "%.1f %.1f %.1f" % os.getloadavg()
    try:
        started = wait_for(lambda: fetch(base + "/") is not None or server.poll() is not None, args.start_timeout)
        if started is None or server.poll() is not None:
            raise SystemExit(f"serve did not start (see {log.name})")
        print(f"serving after {started:.1f} s", file=sys.stderr, flush=True)
        time.sleep(3)  # let the watcher settle
        articles = sorted((project / "content" / "articles").rglob("*.md"))
        step = max(1, len(articles) // (args.edits + 1))
        for number in range(args.edits):
            results.append(edit_once(project, base, articles[(number + 1) * step], number, args.timeout,
                                     Path(log.name), server.pid))
            print(json.dumps(results[-1]), file=sys.stderr, flush=True)
            time.sleep(2)
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)
    served = [r["served_s"] for r in results if r.get("served_s") is not None]
    docs = [r["docs_s"] for r in results if "docs_s" in r]
    render = [r["served_s"] - r["docs_s"] for r in results if r.get("served_s") is not None]
    regen = [r["regenerate_s"] for r in results if r.get("regenerate_s") is not None]
    cpu = [r["serve_cpu_s"] for r in results if r.get("serve_cpu_s") is not None]
    print(json.dumps({"load_start": load, "load_end": "%.1f %.1f %.1f" % os.getloadavg(),
                      "median_docs_s": statistics.median(docs) if docs else None,
                      "median_render_s": round(statistics.median(render), 2) if render else None,
                      "median_served_s": statistics.median(served) if served else None,
                      "median_regenerate_s": statistics.median(regen) if regen else None,
                      "median_serve_cpu_s": statistics.median(cpu) if cpu else None, "edits": results}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
