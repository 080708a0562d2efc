#!/usr/bin/env python3
"""MkDocs' ``Page.render`` per page, Python-Markdown against archive-gen's fast path (issue 11).

Loads a generated project (``archive-gen generate`` ran in it) as MkDocs would, takes N pages
of a kind (spread over the project), then in turn, ROUNDS times: every page rendered by MkDocs'
own ``Page.render`` (what ``main`` does), then by ``publish.fastmd`` (Python-Markdown for the
pages it declines). Prints CPU ms a page for both (median of the rounds), their ratio, and how
many pages the fast path took. The results are compared once (``verify``) before timing.

    python benchmarks/fastmd_pages.py /tmp/archive-1000 [--pages 400] [--kind articles] [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page

from archive_gen.publish import fastmd


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("project")
    parser.add_argument("--pages", type=int, default=400)
    parser.add_argument("--kind", default="articles", help="first folder of the pages ('' for all)")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    os.chdir(args.project)
    config = load_config("mkdocs.yml")
    files = get_files(config)
    get_navigation(files, config)
    pages = [f.page for f in files.documentation_pages() if f.src_uri.startswith(args.kind)]
    pages = pages[::max(1, len(pages) // args.pages)][:args.pages]
    for page in pages:
        page.read_source(config)
    original = Page.render
    taken = 0
    for page in pages:
        fastmd.verify(page, config, files, original)
        taken += fastmd.render(page, config, files)
    fast_render = fastmd.patched_render(original)
    slow, fast = [], []
    for _ in range(args.rounds):
        for times, render in ((slow, original), (fast, fast_render)):
            start = time.process_time()
            for page in pages:
                render(page, config, files)
            times.append((time.process_time() - start) * 1000 / len(pages))
    print(f"{len(pages)} pages ({args.kind or 'all'}), fast path taken for {taken}; CPU ms a page, "
          f"median of {args.rounds} rounds in turn:")
    print(f"  Python-Markdown (main) {statistics.median(slow):.3f}  {[round(t, 3) for t in slow]}")
    print(f"  fast path              {statistics.median(fast):.3f}  {[round(t, 3) for t in fast]}")
    print(f"  ratio {statistics.median(fast) / statistics.median(slow):.3f}")


if __name__ == "__main__":
    main()
