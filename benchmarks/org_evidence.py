"""Organisation candidates by evidence class (issue 12, round 12), on the two dev samples only
(``gold/org_candidates.json``, ``gold/org_candidates_2.json``; never the held-out verdicts).

Annotates each sample once with the evidence policy switched off (every abbreviation kept, its
cue naming its classes), then prints, per sample, each class's precision on the judged names (a
name counts in every class its first occurrence shows, as the scorer counts it) and the
precision and yield (right names kept / right names before) of the policy
``orgevidence.enough``. Usage: ``python benchmarks/org_evidence.py [--corpus DIR]``."""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from archive_gen.annotate import Annotator, orgevidence  # noqa: E402
from archive_gen.errors import Diagnostics  # noqa: E402
from archive_gen.registry import load_registry  # noqa: E402
from scoring.articles import load  # noqa: E402
from scoring.common import CORPUS  # noqa: E402
from scoring.orgcandidates import DEV, GERMEVAL_ORGS  # noqa: E402


def classes_of(cue: str) -> set[str]:
    if cue.startswith("acronym"):
        return set(cue.partition(": ")[2].split(", ")) - {""} or {"none"}
    return {"club"} if cue == "club" else {"head word"}


def by_class(corpus_dir: Path, annotator: Annotator, sample) -> None:
    known = {(v["corpus"], v["name"]): v["right"]
             for v in json.loads(sample.gold.read_text(encoding="utf-8"))["verdicts"]}
    seen: dict[tuple[str, str], list[set[str]]] = {}
    for corpus, key in sample.keys(corpus_dir):
        try:
            doc, _raw, _record = load(corpus_dir, corpus, key)
        except Exception:  # noqa: BLE001 - a record the pipeline rejects is no candidate
            continue
        for c in annotator.annotate(doc, Diagnostics()).candidates:
            if c.kind in sample.kinds:
                seen.setdefault((corpus, c.name), []).append(classes_of(c.cue))
    table: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    kept = [0, 0]
    for where, occurrences in seen.items():
        if where not in known:
            continue
        right = 0 if known[where] else 1
        for cls in occurrences[0]:
            table[cls][right] += 1
        if any(cls & {"club", "head word"} or POLICY(tuple(cls)) for cls in occurrences):
            kept[right] += 1
    before = sum(1 for w in seen if known.get(w))
    print(f"\n{sample.gold.name}\n\n| evidence class | names | P |\n| --- | ---: | --- |")
    for cls, (r, w) in sorted(table.items(), key=lambda kv: -sum(kv[1])):
        print(f"| {cls} | {r + w} | {r / (r + w):.3f} ({r}/{r + w}) |")
    print(f"\npolicy: P {kept[0] / sum(kept):.3f} ({kept[0]}/{sum(kept)}), yield {kept[0]}/{before} = {kept[0] / before:.3f}")


POLICY = orgevidence.enough  # the policy under test, kept before main() switches it off


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    orgevidence.enough = lambda evidence: True  # measure every abbreviation; the policy is applied above
    try:
        annotator = Annotator(load_registry(HERE.parent / "content", Diagnostics()), default_language="de")
        for sample in (DEV, GERMEVAL_ORGS):
            by_class(args.corpus, annotator, sample)
    finally:
        orgevidence.enough = POLICY
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
