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
From ``search.SHARD_FROM`` pages on the index is sharded by year (``site/pagefind/<shard>/``,
listed in ``site/pagefind/shards.json``): the first search loads the main bundle's code and
WebAssembly once, and each shard's entry file, metadata and filters ("index" below).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from archive_gen.publish.search import index_site  # noqa: E402

QUERIES = ["Nordkorea", "Putins", "Bundesregierung", "Kim Jong-un", "Flüchtlinge"]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass


def _kind(url: str) -> str:
    name = url.split("/pagefind/", 1)[1].split("?", 1)[0]
    if name.endswith((".js", ".css")):
        return "code"
    if name.endswith(".pagefind"):
        return "wasm"
    return "index"  # pf_meta, pf_index, pf_filter, pf_fragment, pagefind-entry.json


def measure(site: Path, queries: list[str]) -> list[dict]:
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
                for kind in ("code", "wasm", "index"):
                    bodies = [b for u, b in fetched.items() if _kind(u) == kind]
                    row[f"{kind}_raw"] = sum(len(b) for b in bodies)
                    row[f"{kind}_gzip"] = sum(min(len(b), len(gzip.compress(b, 6))) for b in bodies)
                row["raw"] = sum(row[f"{k}_raw"] for k in ("code", "wasm", "index"))
                row["gzip"] = sum(row[f"{k}_gzip"] for k in ("code", "wasm", "index"))
                rows.append(row)
                context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path, help="a rendered site (archive-gen build's site/)")
    parser.add_argument("--no-index", action="store_true", help="measure the existing site/pagefind/")
    parser.add_argument("--queries", nargs="+", default=QUERIES)
    args = parser.parse_args(argv)
    if not args.no_index:
        cpu = time.process_time()
        stats = index_site(args.site)
        print(f"index_site: {stats.pages:,} pages ({stats.articles:,} articles), {len(stats.indexed)} shards, "
              f"in {stats.seconds:.1f} s "
              f"(this process' CPU {time.process_time() - cpu:.1f} s, pagefind's not counted); "
              f"site/pagefind/: {stats.files:,} files, {stats.bytes / 1e6:.1f} MB")
    rows = measure(args.site, args.queries)
    kb = lambda n: f"{n / 1000:,.0f}"  # noqa: E731
    print("\n| query | results | files | first search, raw KB | gzip KB | of it: UI + engine code | wasm | index data |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        print(f"| {r['query']} | {r['results']} | {r['files']} | {kb(r['raw'])} | {kb(r['gzip'])} | "
              f"{kb(r['code_raw'])} ({kb(r['code_gzip'])} gz) | {kb(r['wasm_raw'])} | {kb(r['index_raw'])} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
