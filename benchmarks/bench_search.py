#!/usr/bin/env python3
"""What the site search costs: the time to index a rendered site with Pagefind, and the bytes
a reader's first search downloads, measured in Chromium (Playwright, /usr/bin/chromium).

    python benchmarks/make_corpus.py 10000 /tmp/archive-10000
    (cd /tmp/archive-10000 && archive-gen build -q)
    python benchmarks/bench_search.py /tmp/archive-10000/site

Each query runs in a fresh browser context (empty cache): open the home page, open the search,
type the query, wait until the results and the network are idle, then add up the Pagefind
files fetched (response bodies). "raw" is what a server without compression sends (Python's
http.server, used here); "gzip" is what a compressing static host sends (GitHub Pages and most
CDNs compress JavaScript, CSS and WebAssembly; Pagefind's index files are gzip already).
From ``shards.SHARD_PAGES`` article pages on the index is sharded (consecutive months per
bundle, ``site/pagefind/<shard>/``, listed in ``site/pagefind/shards.json``): the first search
loads the main bundle's code and WebAssembly once, and each shard's entry file and metadata
and the word-index chunk of each query word; filter values only when a reader opens a filter.

``--options 0 5000 3000 5000t`` compares shardings on hard-linked copies of a built site: per
option the full index, one new article in the oldest and in the newest month (as a build runs
it: stand-in cache, previous index), the first search's bytes, and the ranking: precision of
the first ten results (an article naming the term, or the term's page) for the issue's queries
and for held-out ones (every 8th actor or place named by 30-1,000 articles, by its name).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import re
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from archive_gen.output.cache import Store  # noqa: E402
from archive_gen.publish import search  # noqa: E402
from archive_gen.publish.search import index_site  # noqa: E402

QUERIES = ["Nordkorea", "Putins", "Bundesregierung", "Kim Jong-un", "Flüchtlinge"]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass


KINDS = ("code", "wasm", "meta", "filter", "chunk", "fragment")


def _kind(url: str) -> str:
    name = url.split("/pagefind/", 1)[1].split("?", 1)[0]
    if name.endswith((".js", ".css")):
        return "code"
    if name.endswith(".pagefind"):
        return "wasm"
    if name.endswith(".pf_filter"):
        return "filter"
    if name.endswith(".pf_index"):
        return "chunk"  # the word index chunk of a query word
    if name.endswith(".pf_fragment"):
        return "fragment"
    return "meta"  # pf_meta, pagefind-entry.json, shards.json


def measure(site: Path, queries: list[str], top: int = 0) -> list[dict]:
    """Per query: what the first search fetched; with ``top``, also the first ``top`` result
    paths (Pagefind UI lists five at a time: "more results" is pressed until there are enough)."""
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    rows = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                                 args=["--no-sandbox", "--disable-gpu"])
            for query in queries:
                context = browser.new_context(locale="de-DE")
                context.set_default_timeout(60_000)
                page = context.new_page()
                fetched: dict[str, bytes] = {}

                def finished(request, fetched=fetched):
                    if "/pagefind/" in request.url:
                        try:
                            fetched[request.url] = request.response().body()
                        except Exception:  # noqa: BLE001 - the context closed meanwhile
                            pass

                page.on("requestfinished", finished)
                page.goto(base + "/", wait_until="load")
                page.locator(".ag-search__open").click()
                box = page.locator(".pagefind-ui__search-input")
                box.wait_for(state="visible")
                started = time.perf_counter()
                box.press_sequentially(query, delay=15)
                page.wait_for_function(
                    "t => { const m = document.querySelector('.pagefind-ui__message');"  # not "Suche nach …"
                    " return m && m.textContent.includes(t) && /^(\\d+|Keine) /.test(m.textContent); }", arg=query)
                page.wait_for_load_state("networkidle")
                seconds = time.perf_counter() - started
                message = page.locator(".pagefind-ui__message").inner_text()
                row = {"query": query, "results": message.split()[0], "files": len(fetched),
                       "seconds": round(seconds, 2)}
                for kind in KINDS:
                    bodies = [b for u, b in fetched.items() if _kind(u) == kind]
                    row[f"{kind}_raw"] = sum(len(b) for b in bodies)
                    row[f"{kind}_gzip"] = sum(min(len(b), len(gzip.compress(b, 6))) for b in bodies)
                row["raw"] = sum(row[f"{k}_raw"] for k in KINDS)
                row["gzip"] = sum(row[f"{k}_gzip"] for k in KINDS)
                row["top"] = _top(page, base, top) if top else []
                rows.append(row)
                context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return rows


# the queries and the term (actor or place) whose articles are the right answers
NAMED = {"Kim Jong-un": "kim-jong-un", "Pjöngjang": "pjoengjang", "Putins": "wladimir-putin", "Nordkorea": "nordkorea"}


def relevance(project: Path) -> tuple[dict[str, set[str]], dict[str, str]]:
    """From the generated docs/: term id -> the site paths that are right answers for its name
    (its own page and every article naming it), and term id -> name."""
    import yaml

    docs = project / "docs"
    right: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for md in sorted(docs.glob("*/**/*.md")):
        rel = md.relative_to(docs).with_suffix("").as_posix()
        head = md.read_text(encoding="utf-8").split("\n---\n", 1)[0].removeprefix("---\n")
        meta = yaml.safe_load(head) or {}
        if rel.startswith("articles/"):
            for term in (meta.get("actors") or []) + (meta.get("places") or []):
                right.setdefault(term, set()).add(f"/{rel}/")
        elif rel.split("/")[0] in ("actors", "places") and meta.get("title"):
            names[rel.split("/")[1]] = meta["title"]
            right.setdefault(rel.split("/")[1], set()).add(f"/{rel}/")
    return right, names


def held_out(right: dict[str, set[str]], names: dict[str, str], count: int = 10) -> dict[str, str]:
    """Queries never used to choose anything: every 8th actor or place (by id) named by 30–1,000
    articles, by its name."""
    terms = [t for t in sorted(right) if t in names and 30 <= len(right[t]) <= 1000 and t not in NAMED.values()]
    return {names[t]: t for t in terms[::8][:count]}


def _plus_one(site: Path, month: str) -> Path:
    """A copy of an article page of ``month`` (``yyyy/mm``) as a new page with another heading."""
    source = sorted((site / "articles" / month).glob("*/index.html"))[0]
    target = source.parent.with_name("zz-bench-new") / "index.html"
    target.parent.mkdir()
    target.write_text(source.read_text(encoding="utf-8").replace("<h1", "<h1 data-new", 1)
                      .replace("</h1>", " Nachtrag</h1>", 1), encoding="utf-8")
    return target


def options_run(site: Path, work: Path, shard_pages: int, terms_apart: bool, queries: dict[str, str],
                right: dict[str, set[str]], recent_pages: int = 0) -> dict:
    """One sharding option on a copy of ``site``: full index, +1 article in the oldest and in the
    newest month (cache and previous index as a build uses them), first search, ranking."""
    import shutil
    import subprocess

    tag = f"{shard_pages}-{int(terms_apart)}-{recent_pages}"
    copy = work / f"site-{tag}"
    shutil.rmtree(copy, ignore_errors=True)
    subprocess.run(["cp", "-al", str(site), str(copy)], check=True)
    shutil.rmtree(copy / "pagefind")
    store = Store(work / f"cache-{tag}", "search")
    sharding = {"shard_pages": shard_pages, "terms_apart": terms_apart, "recent_pages": recent_pages}
    full = index_site(copy, cache=store, **sharding)
    months = sorted(p.relative_to(site / "articles").as_posix() for p in (site / "articles").glob("*/*") if p.is_dir())
    row = {"K": shard_pages, "terms_apart": terms_apart, "recent": recent_pages, "shards": len(full.indexed),
           "full_s": full.seconds}
    for label, month in (("oldest", months[0]), ("newest", months[-1])):
        again = work / "plus-one"
        shutil.rmtree(again, ignore_errors=True)
        subprocess.run(["cp", "-al", str(copy), str(again)], check=True)
        _plus_one(again, month)
        stats = index_site(again, cache=store, previous=(full.key, copy), **sharding)
        row[f"plus_{label}_s"], row[f"plus_{label}_shards"] = stats.seconds, ",".join(stats.indexed)
        shutil.rmtree(again)
    row["queries"] = measure(copy, list(queries), top=10)
    for q in row["queries"]:
        q["p10"] = sum(path in right[queries[q["query"]]] for path in q["top"]) / 10
    return row


def _top(page, base: str, n: int) -> list[str]:
    """The first ``n`` result paths as Pagefind UI lists them."""
    links = ".pagefind-ui__result-link"
    while page.locator(links).count() < n and page.locator(".pagefind-ui__button").count():
        shown = page.locator(links).count()
        page.locator(".pagefind-ui__button").click()
        page.wait_for_function(f"n => document.querySelectorAll('{links}').length > n", arg=shown)
    hrefs = page.locator(links).evaluate_all("rs => rs.map(r => r.href)")
    return [href[len(base):] for href in hrefs[:n]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path, help="a rendered site (archive-gen build's site/)")
    parser.add_argument("--no-index", action="store_true", help="measure the existing site/pagefind/")
    parser.add_argument("--queries", nargs="+", default=QUERIES)
    parser.add_argument("--options", nargs="+", default=[], metavar="K[t][rN]",
                        help="compare shardings on copies of the site: shard size K (pages; 0: one index), "
                             "'t' = term pages in a shard of their own, 'rN' = the newest months' N article "
                             "pages in a shard of their own (RECENT_PAGES); prints bytes, index seconds, ranking")
    parser.add_argument("--work", type=Path, help="folder for --options' copies (default: beside the site)")
    parser.add_argument("--ranked", action="store_true",
                        help="the issue's four queries and ten held-out ones (as --options), with P@10")
    parser.add_argument("--json", type=Path, help="also write the rows (with each query's first ten with --ranked)")
    args = parser.parse_args(argv)
    if args.options:
        return compare(args.site, args.work or args.site.parent / "bench-search", args.options)
    if not args.no_index:
        cpu = time.process_time()
        stats = index_site(args.site)
        print(f"index_site: {stats.pages:,} pages ({stats.articles:,} articles), {len(stats.indexed)} shards, "
              f"in {stats.seconds:.1f} s "
              f"(this process' CPU {time.process_time() - cpu:.1f} s, pagefind's not counted); "
              f"site/pagefind/: {stats.files:,} files, {stats.bytes / 1e6:.1f} MB")
    right: dict[str, set[str]] = {}
    named: dict[str, str] = {}
    if args.ranked:
        right, names = relevance(args.site.parent)
        named = {**NAMED, **held_out(right, names)}
    rows = measure(args.site, list(named) if args.ranked else args.queries, top=10 if args.ranked else 0)
    kb = lambda n: f"{n / 1000:,.0f}"  # noqa: E731
    print("\n| query | results | files | first search, raw KB | gzip KB | of it (gzip): code | wasm | meta | filters | "
          "word chunks | fragments |" + (" P@10 |" if args.ranked else ""))
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |" + (" ---: |" if args.ranked else ""))
    for r in rows:
        p10 = f" {sum(path in right[named[r['query']]] for path in r['top']) / 10:.1f} |" if args.ranked else ""
        print(f"| {r['query']} | {r['results']} | {r['files']} | {kb(r['raw'])} | {kb(r['gzip'])} | "
              + " | ".join(kb(r[f"{k}_gzip"]) for k in KINDS) + " |" + p10)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


def compare(site: Path, work: Path, options: list[str]) -> int:
    work.mkdir(parents=True, exist_ok=True)
    right, names = relevance(site.parent)
    queries = {**NAMED, **held_out(right, names)}
    print("held-out queries:", ", ".join(q for q in queries if q not in NAMED))
    rows = []
    for option in options:
        found = re.fullmatch(r"(\d+)(t?)(?:r(\d+))?", option)
        if not found:
            raise SystemExit(f"--options: {option!r} is not K[t][rN]")
        pages = int(found[1]) or 10**9
        rows.append(options_run(site, work, pages, bool(found[2]), queries, right, int(found[3] or 0)))
        (work / "options.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    baseline = {q["query"]: q["top"] for q in rows[0]["queries"]}
    print("\n| option | shards | first search gzip KB: min–max (median) | of it word chunks (median) | "
          "+1 article s: oldest month / newest | full index s | P@10 named | P@10 held-out | top-10 shared with first |")
    print("| --- | ---: | --- | ---: | --- | ---: | ---: | ---: | ---: |")
    for r in rows:
        qs = r["queries"]
        gz = sorted(q["gzip"] for q in qs)
        chunks = sorted(q["chunk_gzip"] for q in qs)
        named = [q["p10"] for q in qs if q["query"] in NAMED]
        held = [q["p10"] for q in qs if q["query"] not in NAMED]
        shared = [len(set(q["top"]) & set(baseline[q["query"]])) / 10 for q in qs]
        label = "one index" if r["K"] >= 10**9 else f"K={r['K']}"
        label += " + terms apart" if r["terms_apart"] else ""
        label += f" + newest {r['recent']} apart" if r.get("recent") else ""
        print(f"| {label} | {r['shards']} | "
              f"{gz[0] / 1000:.0f}–{gz[-1] / 1000:.0f} ({gz[len(gz) // 2] / 1000:.0f}) | {chunks[len(chunks) // 2] / 1000:.0f} | "
              f"{r['plus_oldest_s']:.1f} ({r['plus_oldest_shards']}) / {r['plus_newest_s']:.1f} ({r['plus_newest_shards']}) | "
              f"{r['full_s']:.1f} | {sum(named) / len(named):.2f} | {sum(held) / len(held):.2f} | "
              f"{sum(shared) / len(shared):.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
