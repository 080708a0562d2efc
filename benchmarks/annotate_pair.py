#!/usr/bin/env python3
"""Annotation CPU of this tree and another in one process, article by article in turn.

    python benchmarks/annotate_pair.py /tmp/base                 # German, 3 passes
    python benchmarks/annotate_pair.py /tmp/base --corpus en --passes 4

``bench_annotate.py --ab`` runs each tree in a process of its own, one after the other; on the
shared 2-core machine the same code's warm pass then varies by ±15 % from process to process
(session 20: 4.0–6.5 CPU s for one tree within minutes), more than most speed-ups. Here both
codes live in one process (the other tree's ``archive_gen`` copied under another package name;
the annotator imports only relatively) and annotate each text in turn, the order alternating,
so that whatever the machine does falls on both alike. It prints both codes' CPU seconds
(``time.process_time``) per pass over the corpus and their ratio; the first pass has cold
caches (as a build's worker), the others warm ones.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

OTHER = "archive_gen_other"  # the other tree's package, under this name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("other", type=Path, help="a tree with the other code (e.g. a git archive of main)")
    parser.add_argument("--corpus", choices=("de", "en"), default="de")
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="annotate-pair-") as tmp:
        shutil.copytree(args.other.resolve() / "archive_gen", Path(tmp) / OTHER)
        sys.path.insert(0, tmp)
        from importlib import import_module

        from bench_annotate import TODAY, read_docs

        codes = {}
        for name, root in (("this tree", HERE.parent), (str(args.other), args.other.resolve())):
            package = "archive_gen" if name == "this tree" else OTHER
            annotate, registry, errors = (import_module(f"{package}.{m}") for m in ("annotate", "registry", "errors"))
            assert name == "this tree" or annotate.__file__.startswith(tmp), annotate.__file__
            codes[name] = (annotate.Annotator(registry.load_registry(root / "content", errors.Diagnostics()), args.corpus),
                           errors.Diagnostics)
        docs = read_docs(args.corpus)[: 3000 if args.corpus == "en" else None]
        print(f"# {len(docs)} {args.corpus} texts, CPU s per pass, each text annotated by both in turn")
        for number in range(args.passes):
            seconds = dict.fromkeys(codes, 0.0)
            for i, doc in enumerate(docs):
                for name in (list(codes) if i % 2 == 0 else list(codes)[::-1]):
                    annotator, diagnostics = codes[name]
                    start = time.process_time()
                    annotator.annotate(doc, diagnostics(), today=TODAY)
                    seconds[name] += time.process_time() - start
            this, other = seconds.values()
            print(f"pass {number + 1} ({'cold' if number == 0 else 'warm'}): this tree {this:.3f}, "
                  f"{args.other} {other:.3f}, ratio {this / other:.3f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
