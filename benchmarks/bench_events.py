#!/usr/bin/env python3
"""How long ``archive-gen events suggest`` takes, and how that grows with the articles.

    python benchmarks/bench_events.py                      # 2,500 / 5,000 / 10,000 Reuters stories, 3 repeats
    python benchmarks/bench_events.py --method tfidf       # the same, TF-IDF variant (benchmarks/events_tfidf.py)
    python benchmarks/bench_events.py --quality            # MinHash vs TF-IDF: settings chosen on dev, then held out

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
from itertools import product
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "tests"))

import events_tfidf  # noqa: E402
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


def scores(found_groups, gold, sample: set[int] | None = None) -> tuple[float, float, int, int]:
    """Pair precision, recall, pairs suggested, suggested groups inside one true group (only
    the stories of ``sample`` are scored, when given: the others were not hand-checked)."""
    from test_events import pair_scores
    found = [{int(i.key) for i in g.items} & (sample or {int(i.key) for i in g.items}) for g in found_groups]
    found = [g for g in found if len(g) > 1]
    precision, recall, suggested, _ = pair_scores(found, gold)
    return precision, recall, suggested, sum(1 for g in found if any(g <= truth for truth in gold))


def quality() -> None:
    """The dev/held-out comparison of benchmarks/README.md: TF-IDF settings are chosen on the
    dev days only (best pair F1, ties: the settings with the widest margins, i.e. the middle of
    the thresholds that score best), then both suggesters are scored once on the held-out days."""
    import test_events as t
    from archive_gen.annotate import Annotator
    from archive_gen.errors import Diagnostics
    from archive_gen.registry import load_registry
    annotator = Annotator(load_registry(HERE.parent / "content", Diagnostics()), "en")
    split, every_story = {}, [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
    for name, days, gold in (("dev", t.SAMPLE_DAYS, t.GOLD), ("held out", t.HELD_OUT_DAYS, t.HELD_OUT_GOLD)):
        articles = [t.reuters_article(annotator, r) for r in t.reuters_sample(days)]
        split[name] = (sorted((events.item_of(a) for a in articles), key=lambda i: (i.date, i.key)), gold)
        # as in an archive: every story of those days (all topics), only the sample's pairs scored
        stories = [t.reuters_article(annotator, r) for r in every_story if r["date"].split()[0] in days and r.get("body")]
        everything = sorted((events.item_of(a) for a in stories), key=lambda i: (i.date, i.key))
        sample = {int(a.slug) for a in articles}
        for label, link in (("MinHash", events.links), ("TF-IDF", events_tfidf.links)):
            print(f"{name}, all {len(everything)} stories of the days: {label} "
                  f"{scores(events.groups(everything, link(everything)), gold, sample)}")

    def tfidf(name, tuning):
        chosen, gold = split[name]
        return scores(events.groups(chosen, events_tfidf.links(chosen, tuning)), gold)

    grid = [events_tfidf.Tuning(w, s, r, d, tw, ew) for s, r, w, d, tw, ew in product(
        [0.2, 0.3, 0.4, 0.5, 0.6], [0.1, 0.15, 0.2, 0.25], [2, 3, 4], [1.0, 0.9, 0.8], [1.0, 2.0], [0.0, 1.0, 2.0])
        if r < s]
    f1 = {tuning: (lambda p, r: 2 * p * r / (p + r) if p + r else 0.0)(*tfidf("dev", tuning)[:2]) for tuning in grid}
    best = [tuning for tuning in grid if f1[tuning] == max(f1.values())]
    print(f"TF-IDF: {len(best)} of {len(grid)} settings score the best dev F1 {max(f1.values()):.2f}")
    for name in split:
        chosen, gold = split[name]
        print(f"{name}: MinHash P/R/pairs/groups right {scores(events.groups(chosen, events.links(chosen)), gold)}")
        print(f"{name}: TF-IDF (chosen) {scores(events.groups(chosen, events_tfidf.links(chosen)), gold)}")
    held = [tfidf("held out", tuning) for tuning in best]
    print(f"held out, every dev-best TF-IDF setting: precision {min(h[0] for h in held):.2f}–{max(h[0] for h in held):.2f}, "
          f"recall {min(h[1] for h in held):.2f}–{max(h[1] for h in held):.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2500, 5000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--method", choices=("minhash", "tfidf"), default="minhash")
    parser.add_argument("--quality", action="store_true")
    args = parser.parse_args()
    if args.quality:
        quality()
        return 0
    link = events.links if args.method == "minhash" else events_tfidf.links
    every = items(max(args.sizes))
    print("| articles | days | suggest (s) | tokenize (s) | ratio | suggested groups |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for size in args.sizes:
        chosen = every[:size]
        suggest, tokenize, found = [], [], []
        for _ in range(args.repeat):  # round-robin: both see the same noise
            tokenize.append(timed(lambda: [events.shingles(i.text) for i in chosen]))
            suggest.append(timed(lambda: found.append(events.groups(chosen, link(chosen)))))
        days = (chosen[-1].date - chosen[0].date).days + 1
        s, t = statistics.median(suggest), statistics.median(tokenize)
        print(f"| {size:,} | {days} | {s:.2f} | {t:.2f} | {s / t:.1f} | {len(found[-1])} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
