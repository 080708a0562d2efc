#!/usr/bin/env python3
"""How long ``archive-gen events suggest`` takes, and how that grows with the articles.

    python benchmarks/bench_events.py                      # 2,500 / 5,000 / 10,000 Reuters stories, 3 repeats

Real texts: the Reuters-21578 stories with a body (``../shared/corpus/reuters21578.jsonl``),
oldest first, as suggester items (title + body, dated by the story's day). Annotation is not
timed (it is the build's, cached); the items carry no actors, so this times the text
similarity, the date window and the grouping. Baseline in the same run: tokenizing the same
texts into word sets (:func:`archive_gen.tools.events.shingles`), the floor any text
comparison pays. The machine is shared and noisy: medians of ``--repeat`` runs, and the ratio
to the baseline, which stays flat when the suggester is linear.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from archive_gen.tools import events  # noqa: E402

CORPUS = HERE.parent.parent / "shared" / "corpus" / "reuters21578.jsonl"


def items(limit: int) -> list[events.Item]:
    found = []
    with CORPUS.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if not record.get("body"):
                continue
            day = dt.datetime.strptime(record["date"].split()[0], "%d-%b-%Y").date()
            found.append(events.Item(str(record["newid"]), f"reuters/{record['newid']}:1", day, frozenset(),
                                     f"{record.get('title') or ''}\n{record['body']}"))
    found.sort(key=lambda i: (i.date, i.key))
    return found[:limit]


def timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2500, 5000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    every = items(max(args.sizes))
    print("| articles | days | suggest (s) | tokenize (s) | ratio | suggested groups |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for size in args.sizes:
        chosen = every[:size]
        suggest, tokenize, found = [], [], []
        for _ in range(args.repeat):  # round-robin: both see the same noise
            tokenize.append(timed(lambda: [events.shingles(i.text) for i in chosen]))
            suggest.append(timed(lambda: found.append(events.groups(chosen, events.links(chosen)))))
        days = (chosen[-1].date - chosen[0].date).days + 1
        s, t = statistics.median(suggest), statistics.median(tokenize)
        print(f"| {size:,} | {days} | {s:.2f} | {t:.2f} | {s / t:.1f} | {len(found[-1])} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
