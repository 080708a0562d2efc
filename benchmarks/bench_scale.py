#!/usr/bin/env python3
"""Scale benchmark (issue 11): ``archive-gen build`` as a user runs it, at 1,000 to 10,000
articles, against MkDocs alone and Hugo on the same articles; ``generate`` at 100,000.

    python benchmarks/bench_scale.py --quick                    # 1,000 and 2,000 articles
    python benchmarks/bench_scale.py --sizes 2000 10000         # the issue's sizes
    python benchmarks/bench_scale.py --sizes 2000 --corpus en   # Reuters (English)
    python benchmarks/bench_scale.py --sizes 2000 --generate-sizes 100000
    python benchmarks/bench_scale.py --quick --no-peers --renderers mkdocs zensical   # issue 14

Per size, every step in a fresh process (``python -m archive_gen``), wall-clock seconds and
the peak RSS of the largest process (worker processes included):

full         ``build`` with no cache, docs/ or site/ (the annotation in worker processes)
no change    ``build`` again: must return without work
+1 article   ``build`` after one new article file dated like the newest (how an archive grows)
+1 old       ``build`` after one new article file dated like the oldest (a story filed late)
+1 actor     ``build`` after one actor's description was edited (the actor with most articles)
             (each with ``--renderer`` from ``--renderers``: MkDocs, Zensical, or both in turn)
mkdocs       ``mkdocs build`` of the same generated docs/ (explicit nav: the archive's own
             mkdocs.yml), into another directory: MkDocs + Material alone
hugo         ``hugo`` on the same articles (title, date, actors and topics as taxonomies,
             term pages paginated by 50, a minimal layout, no theme): the fast peer

Ratios are against the full build in the same run (machine load changes from minute to
minute; compare ratios, not seconds across runs). Results: stdout and
``benchmarks/results/scale.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_corpus import make_corpus  # noqa: E402
from runenv import installed_env  # noqa: E402

RESULTS = HERE / "results"
BIN = Path(sys.executable).parent
CODE_ENV: dict[str, str] = {}  # PYTHONPATH of the code snapshot the runs import


def snapshot(work: Path) -> str:
    """Copy archive_gen/ so that edits made while the benchmark runs do not mix into it."""
    code = work / "code"
    shutil.copytree(HERE.parent / "archive_gen", code / "archive_gen",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    CODE_ENV["PYTHONPATH"] = os.pathsep.join(p for p in (str(code), os.environ.get("PYTHONPATH")) if p)
    try:
        head = subprocess.run(["git", "-C", str(HERE.parent), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(HERE.parent), "status", "--porcelain", "--", "archive_gen"],
                               capture_output=True, text=True).stdout.strip()
    except OSError:
        return "unknown"
    return head + (" + uncommitted changes" if dirty else "")


def timed(cmd: list[str], cwd: Path, env: dict | None = None) -> dict:
    """Run ``cmd`` through a child that reports its children's peak RSS."""
    runner = ("import resource, subprocess, sys, time, json; t = time.perf_counter(); "
              "p = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
              "print(json.dumps({'seconds': time.perf_counter() - t, 'code': p.returncode, "
              "'rss_mb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 'err': p.stderr[-2000:]}))")
    out = subprocess.run([sys.executable, "-c", runner, *cmd], cwd=cwd, capture_output=True, text=True,
                         env={**installed_env(), **CODE_ENV, **(env or {})})
    result = json.loads(out.stdout.strip().splitlines()[-1])
    if result["code"] != 0:
        raise RuntimeError(f"{cmd} failed:\n{result['err']}")
    return result


def build(project: Path, renderer: str = "mkdocs") -> dict:
    return timed([sys.executable, "-m", "archive_gen", "build", "-q", "--renderer", renderer,
                  "--config", str(project / "mkdocs.yml")], project)


def html_stats(site: Path) -> dict:
    sizes = [p.stat().st_size for p in site.rglob("*.html")]
    return {"pages": len(sizes), "bytes_per_page": sum(sizes) / max(1, len(sizes)), "max_page": max(sizes, default=0)}


def add_article(project: Path, newest: bool) -> None:
    """A copy of the newest article (today's story: how an archive grows) or of the oldest
    (a story filed late), with another title: the pages and search shard of its month change."""
    files = sorted((project / "content" / "articles").rglob("*.md"), key=lambda p: (_date(p), p.as_posix()))
    model = files[-1] if newest else files[0]
    text = re.sub(r"^title: .*$", "title: Nachtrag zu einem Bericht", model.read_text(encoding="utf-8"), count=1, flags=re.M)
    model.with_name(f"zz-bench-{'new' if newest else 'old'}.md").write_text(text, encoding="utf-8")


def _date(path: Path) -> str:
    match = re.search(r"^date: *['\"]?([0-9-]+)", path.read_text(encoding="utf-8"), re.M)
    return match.group(1) if match else ""


def busiest_actor(project: Path) -> Path:
    """The registry file of the actor that most generated article pages name."""
    counts: dict[str, int] = {}
    for page in (project / "docs" / "articles").rglob("*.md"):
        match = re.search(r"^actors: \[(.*)\]$", page.read_text(encoding="utf-8"), re.M)
        for actor in (match.group(1).split(", ") if match else ()):
            counts[actor] = counts.get(actor, 0) + 1
    for actor in sorted(counts, key=lambda a: (-counts[a], a)):
        path = project / "content" / "actors" / f"{actor}.md"
        if path.exists():
            return path
    return sorted((project / "content" / "actors").glob("*.md"))[0]


def edit_description(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\nErgänzt für den Benchmark.\n", encoding="utf-8")


# ---------------------------------------------------------------------------- Hugo peer

_FRONT = re.compile(r"\A---\n(.*?)\n---\n(.*)\Z", re.S)
HUGO_CONFIG = """baseURL = "http://example.org/"
title = "Archiv"
disableKinds = ["RSS", "sitemap", "robotsTXT"]
[taxonomies]
  actor = "actors"
  topic = "topics"
[pagination]
  pagerSize = 50
"""
LAYOUTS = {
    "baseof.html": "<!doctype html><html><head><title>{{ .Title }}</title></head><body>"
                   "<nav><a href=\"/\">Start</a></nav>{{ block \"main\" . }}{{ end }}</body></html>",
    "single.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1><p>{{ .Date.Format \"2006-01-02\" }}</p>"
                   "<ul>{{ range .GetTerms \"actors\" }}<li><a href=\"{{ .RelPermalink }}\">{{ .LinkTitle }}</a></li>{{ end }}</ul>"
                   "{{ .Content }}{{ end }}",
    "list.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Paginator.Pages }}"
                 "<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>"
                 "{{ with .Paginator.Next }}<a href=\"{{ .URL }}\">weiter</a>{{ end }}{{ end }}",
    "terms.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}"
                  "<li><a href=\"{{ .Page.RelPermalink }}\">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}",
}


def hugo_site(project: Path, dest: Path) -> Path:
    """The generated article pages (front matter: title, date, actors, topics) as a Hugo site."""
    import yaml

    (dest / "content" / "articles").mkdir(parents=True)
    (dest / "layouts" / "_default").mkdir(parents=True)
    (dest / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    for name, text in LAYOUTS.items():
        (dest / "layouts" / "_default" / name).write_text(text, encoding="utf-8")
    for number, page in enumerate(sorted((project / "docs" / "articles").rglob("*.md"))):
        match = _FRONT.match(page.read_text(encoding="utf-8"))
        if not match:
            continue
        meta = yaml.safe_load(match.group(1))
        front = {"title": meta.get("title", page.stem), "date": str(meta.get("date")),
                 "actors": meta.get("actors", []), "topics": meta.get("topics", [])}
        body = re.sub(r"\]\([^)]*\.md\)", "](/)", match.group(2))  # our relative .md links mean nothing to Hugo
        (dest / "content" / "articles" / f"{number:06d}-{page.stem}.md").write_text(
            "---\n" + json.dumps(front, ensure_ascii=False) + "\n---\n" + body, encoding="utf-8")
    return dest


def hugo_binary() -> str | None:
    return shutil.which("hugo", path=str(BIN)) or shutil.which("hugo")


# ---------------------------------------------------------------------------- the run


def measure(size: int, corpus: str, work: Path, peers: bool, renderer: str = "mkdocs") -> dict:
    project = make_corpus(work / f"{corpus}-{size}-{renderer}", size, corpus)
    row: dict = {"size": size, "corpus": corpus, "renderer": renderer}
    row["full"] = build(project, renderer)
    row.update(html_stats(project / "site"))
    row["nochange"] = build(project, renderer)
    add_article(project, newest=True)
    row["add"] = build(project, renderer)
    add_article(project, newest=False)
    row["add_old"] = build(project, renderer)
    actor = busiest_actor(project)
    edit_description(actor)
    row["actor"] = build(project, renderer)
    row["actor_name"] = actor.stem
    if peers:
        row["mkdocs"] = timed([str(BIN / "mkdocs"), "build", "-q", "-f", str(project / "mkdocs.yml"),
                               "-d", str(work / f"peer-site-{size}")], project)
        hugo = hugo_binary()
        if hugo:
            site = hugo_site(project, work / f"hugo-{size}")
            row["hugo"] = timed([hugo, "--quiet", "-d", str(work / f"hugo-public-{size}")], site)
            row["hugo_pages"] = sum(1 for _ in (work / f"hugo-public-{size}").rglob("*.html"))
    shutil.rmtree(project, ignore_errors=True)
    return row


def measure_generate(size: int, corpus: str, work: Path) -> dict:
    t0 = time.perf_counter()
    project = make_corpus(work / f"gen-{corpus}-{size}", size, corpus)
    made = time.perf_counter() - t0
    result = timed([sys.executable, "-m", "archive_gen", "generate", "-q", "--config", str(project / "mkdocs.yml")],
                   project)
    pages = sum(1 for _ in (project / "docs").rglob("*.md"))
    shutil.rmtree(project, ignore_errors=True)
    return {"size": size, "corpus": corpus, "generate": result, "pages": pages, "corpus_seconds": made}


def report(rows: list[dict], generated: list[dict], meta: dict) -> str:
    lines = [f"# Scale benchmark — {meta['date']}", "",
             f"Code {meta['code']}. {meta['machine']}; load average at start / end {meta['load_start']} / {meta['load_end']}; "
             f"ARCHIVE_GEN_JOBS={os.environ.get('ARCHIVE_GEN_JOBS', 'unset (all cores)')}. Seconds are wall-clock, "
             "one run each; ratios are against the full build of the same size in the same run.", "",
             "| corpus | renderer | N | full build s | no change s (ratio) | +1 article s (ratio) | +1 old article s (ratio) | +1 actor description s (ratio) "
             "| MkDocs alone s (ratio) | Hugo s (ratio) | peak RSS MB | HTML pages | bytes/page | largest page |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        full = r["full"]["seconds"]

        def cell(key: str) -> str:
            return f"{r[key]['seconds']:.2f} ({r[key]['seconds'] / full:.2f})" if key in r else "–"

        rss = max(r[k]["rss_mb"] for k in ("full", "nochange", "add", "add_old", "actor") if k in r)
        lines.append(f"| {r['corpus']} | {r.get('renderer', 'mkdocs')} | {r['size']:,} | {full:.1f} | {cell('nochange')} | {cell('add')} | {cell('add_old')} | "
                     f"{cell('actor')} | {cell('mkdocs')} | {cell('hugo')} | {rss:.0f} | {r['pages']:,} | "
                     f"{r['bytes_per_page'] / 1024:.1f} KB | {r['max_page'] / 1024:.0f} KB |")
    if generated:
        lines += ["", "| corpus | N | generate (docs/ only) s | peak RSS MB | docs pages |", "| --- | ---: | ---: | ---: | ---: |"]
        for g in generated:
            lines.append(f"| {g['corpus']} | {g['size']:,} | {g['generate']['seconds']:.1f} | "
                         f"{g['generate']['rss_mb']:.0f} | {g['pages']:,} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[2000, 10000])
    parser.add_argument("--quick", action="store_true", help="1,000 and 2,000 articles only")
    parser.add_argument("--corpus", choices=("de", "en"), default="de")
    parser.add_argument("--generate-sizes", type=int, nargs="*", default=[], help="e.g. 100000: generate only")
    parser.add_argument("--no-peers", action="store_true", help="skip the MkDocs-alone and Hugo runs")
    parser.add_argument("--renderers", nargs="*", default=["mkdocs"], choices=("mkdocs", "zensical"),
                        help="build with each (issue 14: --renderers mkdocs zensical), on the same articles")
    parser.add_argument("--out", default="scale")
    args = parser.parse_args(argv)
    sizes = [1000, 2000] if args.quick else args.sizes
    import platform
    meta = {"date": time.strftime("%Y-%m-%d %H:%M"), "load_start": "%.1f %.1f %.1f" % os.getloadavg(),
            "machine": f"{os.cpu_count()} cores, {platform.system()}, Python {platform.python_version()}"}
    work = Path(tempfile.mkdtemp(prefix="archive-gen-scale-"))
    meta["code"] = snapshot(work)
    rows, generated = [], []
    try:
        for size, renderer in [(size, renderer) for size in sizes for renderer in args.renderers]:
            rows.append(measure(size, args.corpus, work, not args.no_peers and renderer == args.renderers[0], renderer))
            print(json.dumps({k: v for k, v in rows[-1].items()}, default=str)[:600], file=sys.stderr, flush=True)
        for size in args.generate_sizes:
            generated.append(measure_generate(size, args.corpus, work))
            print(json.dumps(generated[-1], default=str)[:600], file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    meta["load_end"] = "%.1f %.1f %.1f" % os.getloadavg()
    text = report(rows, generated, meta)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{args.out}.md").write_text(text, encoding="utf-8")
    (RESULTS / f"{args.out}.json").write_text(json.dumps({"meta": meta, "rows": rows, "generate": generated},
                                                         indent=1, default=str), encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
