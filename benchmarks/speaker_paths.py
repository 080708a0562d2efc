#!/usr/bin/env python3
"""Speaker precision per attribution rule, on the dev part of the Wikinews quotes only.

    python benchmarks/speaker_paths.py [--errors PATH] [--show-right PATH] [--missed PATH]

Each quote's speaker is decided by one rule of ``annotate/quotes.py`` (``Who.path``: a name
before the speech verb, a pronoun resolved to the previous speaker, a headline ``Name:``, the
sentence's first person as a fallback …). This script annotates the ``train`` and ``dev``
records (never the held-out ``test`` split), matches our named direct quotes to the gold ones
as ``evaluate.py`` does, and prints, per rule: attributions scored, right, precision. With
``--errors`` it writes the wrong ones per rule with their sentence (dev only), for reading;
with ``--missed`` the named direct gold quotes no rule credited rightly (dev only), for grouping.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from archive_gen.annotate import Annotator, extract  # noqa: E402
from archive_gen.errors import ContentError, Diagnostics  # noqa: E402
from archive_gen.registry import load_registry  # noqa: E402
from scoring.common import CORPUS, WIKINEWS  # noqa: E402
from scoring.wikinews import (  # noqa: E402
    HELD_OUT_SPLIT, attributed_names, name_tokens, named_speaker, quote_match, same_quote_layer, sample_ids, speaker_matches,
    wikinews_doc,
)


def _recording(paths: list[str]):
    """``find_quotes`` as the annotator calls it, with each quote's rule appended to ``paths``."""
    original = extract.find_quotes

    def find_quotes(*args, **kwargs):
        return original(*args, **kwargs, paths=paths)
    return find_quotes


def _missed(record, golds, names, found, quotes) -> list[dict]:
    """The record's named direct gold quotes without a right attribution, with our quote's
    speaker when we found the quote, and the text before it (for grouping by reason)."""
    texts = [q.text for q in quotes]
    out = []
    for i, gold in enumerate(golds):
        if i in found or gold["type"] != "Direct" or not named_speaker(gold["speaker"], names):
            continue
        at = record["text"].find(gold["quote"][:40])
        j = quote_match(gold["quote"], texts) if texts else None
        out.append({"id": record["wikinews_id"], "gold": gold["speaker"], "quote": gold["quote"][:200],
                    "ours": (quotes[j].speaker or quotes[j].speaker_name or "(nobody)") if j is not None else "(quote not found)",
                    "context": record["text"][max(0, at - 400):at + len(gold["quote"]) + 150] if at >= 0 else ""})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=Path, help="write the wrong attributions per rule (dev only)")
    parser.add_argument("--show-right", type=Path, help="also write the right ones (dev only)")
    parser.add_argument("--missed", type=Path, help="write the named direct gold quotes we miss (dev only)")
    args = parser.parse_args()
    registry = load_registry(REPO / "content", Diagnostics())
    annotator = Annotator(registry, default_language="de")
    exclude = sample_ids(REPO / "content")
    paths: list[str] = []
    extract.find_quotes = _recording(paths)
    counts: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    wrong: dict[str, list] = collections.defaultdict(list)
    right: dict[str, list] = collections.defaultdict(list)
    missed: list[dict] = []
    with (CORPUS / WIKINEWS).open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines]
    for record in records:
        if record.get("split") == HELD_OUT_SPLIT or record["wikinews_id"] in exclude:
            continue  # held out: never read here
        paths.clear()
        try:
            article = annotator.annotate(wikinews_doc(record), Diagnostics())
        except ContentError:
            continue
        golds = record["quotes"]
        names = name_tokens(record["text"])
        texts = [q["quote"] for q in golds]
        found: set[int] = set()
        for quote, path in zip(article.quotes, paths):
            shown, attributed = attributed_names(registry, quote.speaker, None, quote.speaker_name)
            i = same_quote_layer(quote_match(quote.text, texts), golds, attributed)
            if not attributed or (i is not None and (golds[i]["type"] != "Direct" or
                                                     not named_speaker(golds[i]["speaker"], names))):
                continue
            # as evaluate.py counts: a quote the gold does not list counts as a wrong attribution
            ok = i is not None and speaker_matches(attributed, golds[i]["speaker"])
            counts[path][0] += 1
            counts[path][1] += ok
            if ok:
                found.add(i)
            at = record["text"].find(quote.text)
            item = {"id": record["wikinews_id"], "ours": shown, "quote": quote.text, "gold": golds[i]["speaker"] if i is not None else "(not in gold)",
                    "context": record["text"][max(0, at - 300):at + len(quote.text) + 120]}
            (right if ok else wrong)[path].append(item)
        missed.extend(_missed(record, golds, names, found, article.quotes))
    print(f"{'path':32} {'n':>5} {'right':>6} {'P':>6}")
    for path, (n, hit) in sorted(counts.items(), key=lambda kv: -kv[1][0]):
        print(f"{path or '(none)':32} {n:5d} {hit:6d} {hit / n:6.3f}")
    total, hits = sum(n for n, _ in counts.values()), sum(h for _, h in counts.values())
    print(f"{'all':32} {total:5d} {hits:6d} {hits / max(total, 1):6.3f}")
    if args.errors:
        args.errors.write_text(json.dumps(wrong, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.missed:
        args.missed.write_text(json.dumps(missed, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.show_right:
        args.show_right.write_text(json.dumps(right, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
