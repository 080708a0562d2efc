#!/usr/bin/env python3
"""Benchmark archive-gen's build stages at several archive sizes; one command, one table.

    python benchmarks/bench_build.py                       # generate stages, 500/1000/2000, 3 repeats
    python benchmarks/bench_build.py --render              # …plus the MkDocs render
    python benchmarks/bench_build.py --sizes 1000 4000 --repeat 5 --render --render-sizes 500 1000
    python benchmarks/bench_build.py --sizes 2000 --profile regenerate             # cProfile one run

The code measured is a snapshot taken when the run starts: ``archive_gen/``, the registry,
``mkdocs.yml`` and ``overrides/`` are copied from the working tree (or, with ``--rev REV``,
extracted from that commit) into a temporary directory that the workers import from, so edits
made while the benchmark runs do not mix two versions into one table, and two commits can be
compared (``--rev HEAD~1`` vs. the working tree). The report names the commit and any
uncommitted changes.

For every size an archive is built with ``make_corpus.py`` in a temporary directory, then each
stage runs in a fresh Python process (so peak RSS belongs to that stage and no cache carries
over) and times only the stage itself, not the interpreter start or the imports:

collect      ``build.collect``: read and annotate every article
generate     ``build.generate`` into an empty docs/: collect + index + render pages + write
regenerate   ``build.generate`` again with nothing changed: must write and remove 0 files
render       ``build.render_site``: ``mkdocs build`` of the generated docs/ (``--render``)

Sizes are measured round-robin (every size once per repeat) so that load on the shared machine
hits all sizes alike. The table reports medians; "linearity" is time(N)/time(N₀) divided by
N/N₀ against the smallest size N₀ of the same stage in the same run: 1.0 is linear, a quadratic
stage shows about 2.0 at 2×N₀ and 4.0 at 4×N₀. A fixed pure-Python calibration loop runs once
per repeat to show how noisy the machine was. Results go to stdout and
``benchmarks/results/latest.md`` (raw numbers in ``latest.json``; ``--out NAME`` for another
name). Exit code 1 when a regeneration wrote files or a stage failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RESULTS = HERE / "results"
# What a run measures, snapshotted at its start: the package and what make_corpus copies.
CODE_PATHS = ("archive_gen", "mkdocs.yml", "overrides", "content/actors", "content/topics", "content/sources",
              "content/pages")
sys.path.insert(0, str(HERE))

from make_corpus import make_corpus, tree_digest  # noqa: E402
from runenv import installed_env  # noqa: E402

MARK = "BENCH-RESULT "
STAGES = ("collect", "generate", "regenerate", "render")
SUPERLINEAR = 1.3  # linearity above this (at N ≥ 2·N₀) is flagged: look at it with --profile
SUBSTAGES = ("collect", "index", "pages", "write")  # inside generate


# ---------------------------------------------------------------------------- worker (child process)


def worker(stage: str, project: Path, profile_to: Path | None) -> None:
    """Run one stage once in this process and print its measurements as one JSON line."""
    import resource

    from archive_gen import pipeline as build
    from archive_gen.config import Config
    from archive_gen.errors import Diagnostics

    if stage == "calibrate":
        _emit({"seconds": _calibration_loop()})
        return
    config = Config.load(project / "mkdocs.yml", quiet=True)
    diags = Diagnostics()
    parts: dict[str, float] = {}
    if stage in ("generate", "regenerate"):
        _time_parts(build, parts)
    if stage == "render":
        import mkdocs.commands.build  # noqa: F401  (import cost is not render cost)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    profiler = None
    if profile_to:
        import cProfile
        profiler = cProfile.Profile()
        profiler.enable()
    cpu0, t0 = time.process_time(), time.perf_counter()
    result: dict = {}
    if stage == "collect":
        _, articles = build.collect(config, diags)
        result["articles"] = len(articles)
    elif stage in ("generate", "regenerate"):
        generated = build.generate(config, diags)
        result.update(articles=len(generated.archive.articles), written=generated.stats.written,
                      unchanged=generated.stats.unchanged, removed=generated.stats.removed)
    elif stage == "render":
        build.render_site(config)
        result["html_files"] = sum(1 for _ in config.site_dir.rglob("*.html"))
    else:
        raise SystemExit(f"unknown stage {stage}")
    seconds, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    if profiler:
        profiler.disable()
        profiler.dump_stats(str(profile_to))
    result.update(
        seconds=seconds, cpu=cpu, parts=parts, module=build.__file__,
        rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,  # Linux: KiB
        rss_before_mb=rss_before / 1024,
        errors=len(diags.errors), warnings=len(diags.warnings),
    )
    _emit(result)


def _time_parts(build, parts: dict[str, float]) -> None:
    """Wrap the functions ``generate`` calls, so one real ``generate`` run is also split up."""
    def timed(name, fn):
        def wrapper(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                parts[name] = parts.get(name, 0.0) + time.perf_counter() - t0
        return wrapper

    for name, attr in zip(SUBSTAGES, ("collect", "build_archive", "cached_pages", "stage_tree")):
        setattr(build, attr, timed(name, getattr(build, attr)))


def _calibration_loop() -> float:
    """A fixed pure-Python workload (dicts, strings, sorting): its time shows the machine's mood."""
    t0 = time.perf_counter()
    words = [f"wort{i % 997}-{i}" for i in range(200_000)]
    counts: dict[str, int] = {}
    for word in words:
        key = word.split("-")[0].upper()
        counts[key] = counts.get(key, 0) + len(word)
    sorted(words, key=lambda w: (len(w), w[::-1]))
    return time.perf_counter() - t0


def _emit(result: dict) -> None:
    print(MARK + json.dumps(result), flush=True)


# ---------------------------------------------------------------------------- parent


CODE_DIR: Path | None = None  # the snapshot the workers import archive_gen from


def run_worker(stage: str, project: Path, timeout: float, profile_to: Path | None = None) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", stage, "--project", str(project)]
    if profile_to:
        cmd += ["--profile-to", str(profile_to)]
    env = installed_env()
    if CODE_DIR is not None:  # before site-packages, so it wins over the editable install
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(CODE_DIR), env.get("PYTHONPATH")) if p)
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
    lines = [l for l in proc.stdout.splitlines() if l.startswith(MARK)]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"{stage} in {project} failed (exit {proc.returncode}):\n{proc.stderr[-3000:]}")
    result = json.loads(lines[-1][len(MARK):])
    if CODE_DIR is not None and "module" in result and not Path(result["module"]).is_relative_to(CODE_DIR):
        raise RuntimeError(f"worker imported {result['module']}, not the snapshot in {CODE_DIR}")
    result["stderr_lines"] = len([l for l in proc.stderr.splitlines() if l.strip()])
    return result


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True, check=True).stdout


def snapshot_code(rev: str | None, dest: Path) -> dict:
    """Copy what is measured into ``dest``; say which code that is."""
    dest.mkdir(parents=True)
    try:
        head = _git("rev-parse", "--short", "HEAD").strip()
    except (OSError, subprocess.CalledProcessError):
        head = None
    if rev:
        sha = _git("rev-parse", "--short", "--verify", f"{rev}^{{commit}}").strip()
        present = [p for p in CODE_PATHS if _git("ls-tree", "--name-only", sha, "--", p).strip()]
        archive = subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar", sha, "--", *present],
                                 capture_output=True, check=True).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(dest, filter="data")
        described = f"commit {sha} (`{rev}`, extracted with git archive)"
    else:
        ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
        for part in CODE_PATHS:
            source = REPO / part
            if source.is_dir():
                shutil.copytree(source, dest / part, ignore=ignore)
            elif source.is_file():
                (dest / part).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, dest / part)
        dirty = []
        if head:
            dirty = [line[3:] for line in _git("status", "--porcelain", "--", *CODE_PATHS).splitlines()]
        described = (f"working tree at {head}" if head else "working tree (no git)") + (
            f" + uncommitted changes in {', '.join(f'`{d}`' for d in dirty)}" if dirty else " (clean)")
    return {"code": described, "code_fingerprint": fingerprint(dest)}


def fingerprint(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def measure(args: argparse.Namespace, workdir: Path) -> dict:
    gen_sizes = sorted(set(args.sizes))
    render_sizes = sorted(set(args.render_sizes)) if args.render else []
    projects: dict[int, Path] = {}
    for size in sorted(set(gen_sizes) | set(render_sizes)):
        t0 = time.perf_counter()
        projects[size] = make_corpus(workdir / f"n{size}", size, args.corpus, repo=CODE_DIR)
        log(f"corpus of {size} articles built in {time.perf_counter() - t0:.1f} s")
    smallest = min(projects)
    check = make_corpus(workdir / "determinism", smallest, args.corpus, repo=CODE_DIR)
    corpus_deterministic = tree_digest(check) == tree_digest(projects[smallest])
    shutil.rmtree(check)

    runs: dict[str, dict[int, list[dict]]] = {s: {n: [] for n in (render_sizes if s == "render" else gen_sizes)}
                                              for s in STAGES}
    docs_digests: dict[int, set[str]] = {n: set() for n in gen_sizes}
    calibration: list[float] = []
    for size in render_sizes:  # render needs docs/; sizes only rendered get them here, untimed
        if size not in gen_sizes:
            run_worker("generate", projects[size], args.timeout)
    for rep in range(1, args.repeat + 1):
        calibration.append(run_worker("calibrate", projects[smallest], args.timeout)["seconds"])
        for size in gen_sizes:
            project = projects[size]
            runs["collect"][size].append(run_worker("collect", project, args.timeout))
            shutil.rmtree(project / "docs", ignore_errors=True)
            runs["generate"][size].append(run_worker("generate", project, args.timeout))
            docs_digests[size].add(tree_digest(project / "docs"))
            runs["regenerate"][size].append(run_worker("regenerate", project, args.timeout))
            g, r = runs["generate"][size][-1], runs["regenerate"][size][-1]
            log(f"repeat {rep}/{args.repeat} N={size}: collect {runs['collect'][size][-1]['seconds']:.2f} s, "
                f"generate {g['seconds']:.2f} s ({g['written']} written), "
                f"regenerate {r['seconds']:.2f} s ({r['written']} written, {r['removed']} removed)")
        for size in render_sizes:
            shutil.rmtree(projects[size] / "site", ignore_errors=True)
            runs["render"][size].append(run_worker("render", projects[size], args.timeout))
            log(f"repeat {rep}/{args.repeat} N={size}: render {runs['render'][size][-1]['seconds']:.2f} s")
    return {
        "runs": {s: {str(n): v for n, v in by_size.items()} for s, by_size in runs.items() if by_size},
        "calibration": calibration,
        "corpus_deterministic": corpus_deterministic,
        "docs_deterministic": {str(n): len(d) == 1 for n, d in docs_digests.items()},
    }


def profile(args: argparse.Namespace, workdir: Path, code: dict) -> Path:
    import pstats

    size = max(args.sizes)
    project = make_corpus(workdir / f"profile-{size}", size, args.corpus, repo=CODE_DIR)
    if args.profile in ("regenerate", "render"):
        run_worker("generate", project, args.timeout)
    RESULTS.mkdir(parents=True, exist_ok=True)
    prof = RESULTS / f"profile-{args.profile}-{size}.prof"
    result = run_worker(args.profile, project, args.timeout, profile_to=prof)
    text = RESULTS / f"profile-{args.profile}-{size}.txt"
    with text.open("w", encoding="utf-8") as out:
        out.write(f"{args.profile}, N={size}: {result['seconds']:.2f} s under cProfile; "
                  f"{code['code']}, fingerprint {code['code_fingerprint']}\n")
        stats = pstats.Stats(str(prof), stream=out).strip_dirs()
        stats.sort_stats("tottime").print_stats(25)
        stats.sort_stats("cumulative").print_stats(40)
    log(f"profile written to {text} (and {prof.name} for snakeviz/pstats)")
    return text


# ---------------------------------------------------------------------------- report


def summarize(data: dict) -> list[dict]:
    rows = []
    for stage, by_size in data["runs"].items():
        sizes = sorted(int(n) for n in by_size)
        base_n = sizes[0]
        base_t = statistics.median(r["seconds"] for r in by_size[str(base_n)])
        for n in sizes:
            runs = by_size[str(n)]
            secs = [r["seconds"] for r in runs]
            med = statistics.median(secs)
            articles = runs[0].get("articles", n)
            rows.append({
                "stage": stage, "n": n, "articles": articles, "median": med, "min": min(secs), "max": max(secs),
                "cpu": statistics.median(r["cpu"] for r in runs),
                "per_second": articles / med if med else float("inf"),
                "linearity": (med / base_t) / (n / base_n) if base_t else float("nan"), "base_n": base_n,
                "rss": max(r["rss_mb"] for r in runs),
                "rss_base": min(r["rss_before_mb"] for r in runs),
                "written": [r.get("written") for r in runs], "removed": [r.get("removed") for r in runs],
                "errors": runs[0]["errors"], "warnings": runs[0]["warnings"],
                "parts": {p: statistics.median(r["parts"].get(p, 0.0) for r in runs) for p in SUBSTAGES}
                if runs[0].get("parts") else {},
                "html_files": runs[0].get("html_files"),
            })
    return rows


def markdown(data: dict, rows: list[dict], meta: dict) -> str:
    cal = data["calibration"]
    lines = [
        f"# archive-gen build benchmark — {meta['date']}",
        "",
        f"Code: {meta['code']}, fingerprint `{meta['code_fingerprint']}`.",
        "",
        f"Machine: {meta['machine']}. Python {meta['python']}, MkDocs {meta['mkdocs']}, "
        f"mkdocs-material {meta['material']}. Corpus `{meta['corpus']}`, {meta['repeat']} repeats per size, "
        f"medians of wall-clock seconds. Load average at start / end: {meta['load_start']} / {meta['load_end']}. "
        f"Calibration loop: median {statistics.median(cal):.3f} s (min {min(cal):.3f}, max {max(cal):.3f}). "
        f"Total benchmark time {meta['total']:.0f} s.",
        "",
        "| stage | N | articles | median s | min–max s | CPU s | articles/s | linearity | peak RSS MB | files written |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in rows:
        written = ""
        if r["stage"] in ("generate", "regenerate"):
            written = "/".join(str(w) for w in r["written"])
            if r["stage"] == "regenerate":
                written += "" if not any(r["removed"]) else f" (removed {'/'.join(map(str, r['removed']))})"
        elif r["stage"] == "render":
            written = f"{r['html_files']} html"
        lines.append(
            f"| {r['stage']} | {r['n']:,} | {r['articles']:,} | {r['median']:.2f} | {r['min']:.2f}–{r['max']:.2f} "
            f"| {r['cpu']:.2f} | {r['per_second']:,.0f} | {_linearity(r)} | {r['rss']:.0f} | {written} |"
        )
    gen = [r for r in rows if r["stage"] == "generate" and r["parts"]]
    if gen:
        lines += ["", "Inside `generate` (medians, seconds; linearity against the smallest N):", "",
                  "| N | " + " | ".join(SUBSTAGES) + " |", "| ---: |" + " ---: |" * len(SUBSTAGES)]
        base = gen[0]
        for r in gen:
            cells = []
            for p in SUBSTAGES:
                lin = (r["parts"][p] / base["parts"][p]) / (r["n"] / base["n"]) if base["parts"][p] else float("nan")
                cells.append(f"{r['parts'][p]:.2f} ({lin:.2f})")
            lines.append(f"| {r['n']:,} | " + " | ".join(cells) + " |")
    flagged = [r for r in rows if _superlinear(r)]
    regen = [r for r in rows if r["stage"] == "regenerate"]
    bad = [r for r in regen if any(r["written"]) or any(r["removed"])]
    lines += ["", "Checks:",
              f"- super-linear stages (linearity > {SUPERLINEAR} at N ≥ 2·N₀): "
              + (", ".join(f"**{r['stage']} N={r['n']}: {r['linearity']:.2f}**" for r in flagged) if flagged else "none"),
              f"- regeneration with nothing changed wrote 0 files and removed 0: "
              + ("**no** — " + ", ".join(f"N={r['n']}: written {r['written']}, removed {r['removed']}" for r in bad)
                 if bad else "yes, at every size and repeat"),
              f"- corpus deterministic (built twice, same SHA-256): {'yes' if data['corpus_deterministic'] else '**no**'}",
              "- generated docs/ identical across repeats: "
              + ", ".join(f"N={n}: {'yes' if ok else '**no**'}" for n, ok in data["docs_deterministic"].items()),
              "- diagnostics per run (errors/warnings): "
              + ", ".join(f"N={r['n']}: {r['errors']}/{r['warnings']}" for r in rows if r["stage"] == "generate"),
              f"- peak RSS includes the interpreter and imports: {min(r['rss_base'] for r in rows):.0f} MB before any stage ran"]
    return "\n".join(lines) + "\n"


def _superlinear(row: dict) -> bool:
    return row["linearity"] > SUPERLINEAR and row["n"] >= 2 * row["base_n"]


def _linearity(row: dict) -> str:
    text = f"{row['linearity']:.2f}"
    return f"**{text}** ⚠" if _superlinear(row) else text


def machine() -> str:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores{', ' + model if model else ''}, {platform.system()} {platform.release()}"


def _version(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version(dist)
    except PackageNotFoundError:
        return "not installed"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 1000, 2000], help="archive sizes (articles)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per stage and size (median reported)")
    parser.add_argument("--render", action="store_true", help="also measure the MkDocs render")
    parser.add_argument("--render-sizes", type=int, nargs="+", default=[500, 1000, 2000],
                        help="archive sizes for --render (default: 500 1000 2000)")
    parser.add_argument("--corpus", choices=("de", "en"), default="de", help="de: Wikinews + Der Standard; en: Reuters")
    parser.add_argument("--timeout", type=float, default=900, help="seconds before one stage run is abandoned")
    parser.add_argument("--profile", choices=STAGES, help="instead: cProfile this stage once at the largest --sizes")
    parser.add_argument("--rev", help="measure this commit (git archive) instead of the working tree")
    parser.add_argument("--keep", action="store_true", help="keep the temporary archives")
    parser.add_argument("--out", default="latest", help="results file name in benchmarks/results/ (default: latest)")
    parser.add_argument("--worker", choices=(*STAGES, "calibrate"), help=argparse.SUPPRESS)
    parser.add_argument("--project", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--profile-to", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args.worker, args.project, args.profile_to)
        return 0

    started = time.perf_counter()
    load_start = "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    workdir = Path(tempfile.mkdtemp(prefix="archive-gen-bench-"))
    global CODE_DIR
    try:
        CODE_DIR = workdir / "code"
        code = snapshot_code(args.rev, CODE_DIR)
        log(f"measuring {code['code']} (fingerprint {code['code_fingerprint']})")
        if args.profile:
            print(profile(args, workdir, code).read_text(encoding="utf-8"))
            return 0
        data = measure(args, workdir)
    finally:
        if args.keep:
            log(f"archives kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    meta = {
        "date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"), "machine": machine(),
        "python": platform.python_version(), "mkdocs": _version("mkdocs"), "material": _version("mkdocs-material"),
        "corpus": args.corpus, "repeat": args.repeat, "load_start": load_start, **code,
        "load_end": "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg()), "total": time.perf_counter() - started,
    }
    rows = summarize(data)
    report = markdown(data, rows, meta)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{args.out}.md").write_text(report, encoding="utf-8")
    (RESULTS / f"{args.out}.json").write_text(json.dumps({"meta": meta, "rows": rows, **data}, indent=1), encoding="utf-8")
    print(report)
    log(f"written to {RESULTS / (args.out + '.md')}; total {meta['total']:.0f} s")
    regen_ok = all(not any(r["written"]) and not any(r["removed"]) for r in rows if r["stage"] == "regenerate")
    return 0 if regen_ok else 1


if __name__ == "__main__":
    sys.exit(main())
