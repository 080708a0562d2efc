#!/usr/bin/env python3
"""CPU per page of what a render child does before the templates: MkDocs' ``read_source`` and the
fast Markdown path, with MkDocs' front matter reader and ``html.parser`` anchors ("base") and with
``publish/fastmeta.py`` and ``publish/anchorids.py`` ("branch"), in turn in one process; every
page's meta, content and anchors must be the same both ways (session 19).

    python benchmarks/render_step.py PROJECT_DIR ROUNDS    # a generated project (docs/ present)
"""
from __future__ import annotations

import gc
import statistics
import sys
import time

from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation
from mkdocs.utils import meta as mkdocs_meta

from archive_gen.publish import fastmd, fastmeta, anchorids
root = sys.argv[1]; rounds = int(sys.argv[2])
config = load_config(f"{root}/mkdocs.yml")
files = get_files(config)
get_navigation(files, config)
pages = [f.page for f in files.documentation_pages()]
original_get_data = mkdocs_meta.get_data
fast_get_data = fastmeta.fast_get_data(original_get_data)
def run(variant):
    if variant == "base":
        mkdocs_meta.get_data, fastmd.anchor_ids = original_get_data, anchorids.handler_ids
    else:
        mkdocs_meta.get_data, fastmd.anchor_ids = fast_get_data, anchorids.anchor_ids
    gc.collect()
    read = render = 0.0
    results = []
    for page in pages:
        t0 = time.process_time()
        page.read_source(config)
        t1 = time.process_time()
        taken = fastmd.render(page, config, files)
        t2 = time.process_time()
        read += t1 - t0; render += t2 - t1
        results.append((page.meta, page.content, page.present_anchor_ids) if taken else None)
    return read, render, results
times = {"base": [], "branch": []}
ref = None
for r in range(rounds):
    for variant in ("base", "branch") if r % 2 == 0 else ("branch", "base"):
        read, render, results = run(variant)
        if ref is None: ref = results
        assert results == ref, "different results"
        times[variant].append((read, render))
n = len(pages)
for v in times:
    reads = [a for a, b in times[v]]; renders = [b for a, b in times[v]]; tot = [a + b for a, b in times[v]]
    print(f"{v}: read_source {statistics.median(reads)/n*1e3:.3f} ms, fast render {statistics.median(renders)/n*1e3:.3f} ms, "
          f"sum {statistics.median(tot)/n*1e3:.3f} ms a page (rounds: {', '.join(f'{t:.2f}' for t in tot)} s)")
b = statistics.median(a + c for a, c in times["base"]); s = statistics.median(a + c for a, c in times["branch"])
print(f"{n} pages; ratio {s/b:.3f}; saving {(b - s)/n*1e3:.3f} ms a page, {(b - s):.2f} CPU s for these pages")
