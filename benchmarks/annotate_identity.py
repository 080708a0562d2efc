#!/usr/bin/env python3
"""Same results after a speed-up: the annotation of every bench text, dumped and compared.

    python benchmarks/annotate_identity.py dump REF.jsonl.gz --code /tmp/base   # before
    python benchmarks/annotate_identity.py check REF.jsonl.gz                   # after each change
    python benchmarks/annotate_identity.py cpu --code /tmp/base                 # CPU time, one process

A performance change must not change a single result. ``dump`` annotates every German bench
text (the 1,511 of ``bench_annotate.py``, once with the build's home country ``at`` and once
without one) and every English Reuters text, and writes one JSON line per text: the whole
:class:`~archive_gen.model.Article` except the source document it was made from, or the error,
plus the diagnostics, keys sorted. ``check`` does the same with the current code and compares
line by line, byte for byte; it prints the first differing texts and fields and exits 1.
``--code DIR`` runs the code of another tree (a ``git archive`` of the start commit), so the
reference can be written after the code changed. ``cpu`` prints the CPU seconds that
``Annotator.annotate`` alone took over the texts (``time.process_time``, which other jobs on a
shared machine do not inflate the way they inflate wall time) as one JSON line, for
``bench_annotate.py --ab``.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import enum
import gzip
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RUNS = (("de", "at"), ("de", None), ("en", None))  # (corpus, home country)


def _setup(code: Path) -> None:
    """Import archive-gen, and the corpus reader of ``bench_annotate.py``, from ``code`` (this
    tree by default), before anything imports them."""
    sys.path.insert(0, str(code / "benchmarks"))
    sys.path.insert(0, str(code))


def _plain(value):
    """JSON-ready, deterministic: dataclasses as dicts, dates as ISO text, sets sorted."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value) if f.name != "doc"}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(_plain(v) for v in value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def annotations(code: Path, limit: int | None):
    """(run label, text key, JSON line) for every text of every run, in a fixed order."""
    from archive_gen.annotate import Annotator
    from archive_gen.errors import ContentError, Diagnostics
    from archive_gen.registry import load_registry
    from bench_annotate import TODAY, read_docs

    registry = load_registry(code / "content", Diagnostics())
    docs = {corpus: read_docs(corpus)[:limit] for corpus in sorted({c for c, _ in RUNS})}
    for corpus, country in RUNS:
        annotator = Annotator(registry, corpus, country)
        label = f"{corpus}/{country or '-'}"
        for doc in docs[corpus]:
            diags = Diagnostics()
            try:
                result = {"article": _plain(annotator.annotate(doc, diags, today=TODAY))}
            except ContentError as error:
                result = {"error": str(error)}
            result["diagnostics"] = [str(d) for d in diags]
            yield label, doc.path, json.dumps(result, sort_keys=True, ensure_ascii=False)


def dump(out: Path, code: Path, limit: int | None) -> int:
    count = 0
    with gzip.open(out, "wt", encoding="utf-8") as handle:
        for label, key, line in annotations(code, limit):
            handle.write(f"{label}\t{key}\t{line}\n")
            count += 1
    print(f"{out}: {count} annotations")
    return 0


def check(ref: Path, code: Path, limit: int | None, show: int = 5) -> int:
    with gzip.open(ref, "rt", encoding="utf-8") as handle:
        expected = [line.rstrip("\n") for line in handle]
    got = [f"{label}\t{key}\t{line}" for label, key, line in annotations(code, limit)]
    differing = [(a, b) for a, b in zip(expected, got) if a != b]
    for a, b in differing[:show]:
        label, key, old = a.split("\t", 2)
        new = json.loads(b.split("\t", 2)[2])
        old = json.loads(old)
        fields = sorted(k for k in {**old.get("article", {}), **new.get("article", {})}
                        if old.get("article", {}).get(k) != new.get("article", {}).get(k))
        print(f"DIFFERS {label} {key}: {', '.join(fields) or 'error/diagnostics'}")
    same = len(expected) == len(got) and not differing
    print(f"{len(got)} annotations, {len(expected)} expected, {len(differing)} differ: {'IDENTICAL' if same else 'CHANGED'}")
    return 0 if same else 1


def cpu(code: Path, corpus: str, repeat: int) -> int:
    """CPU seconds of ``annotate`` over the corpus, per repeat, after one warm-up article."""
    from archive_gen.annotate import Annotator
    from archive_gen.errors import Diagnostics
    from archive_gen.registry import load_registry
    from bench_annotate import TODAY, read_docs

    docs = read_docs(corpus)[: 3000 if corpus == "en" else None]
    annotator = Annotator(load_registry(code / "content", Diagnostics()))
    annotator.annotate(docs[0], Diagnostics(), today=TODAY)
    times = []
    for _ in range(repeat):
        start = time.process_time()
        for doc in docs:
            annotator.annotate(doc, Diagnostics(), today=TODAY)
        times.append(time.process_time() - start)
    print(json.dumps({"code": str(code), "corpus": corpus, "articles": len(docs), "cpu_seconds": times}))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("dump", "check", "cpu"))
    parser.add_argument("file", nargs="?", type=Path, help="the reference (.jsonl.gz) to write or compare")
    parser.add_argument("--code", type=Path, default=HERE.parent, help="the tree whose archive_gen runs")
    parser.add_argument("--limit", type=int, help="only the first N texts of each corpus")
    parser.add_argument("--corpus", choices=("de", "en"), default="de", help="for cpu")
    parser.add_argument("--repeat", type=int, default=1, help="for cpu")
    args = parser.parse_args(argv)
    code = args.code.resolve()
    _setup(code)
    if args.command == "cpu":
        return cpu(code, args.corpus, args.repeat)
    if args.file is None:
        parser.error(f"{args.command} needs the reference file")
    return (dump if args.command == "dump" else check)(args.file, code, args.limit)


if __name__ == "__main__":
    sys.exit(main())
