"""Candidates on held-out articles (issue 12, round 9): a larger held-out estimate of candidate
precision than the 10 organisation and 50 person candidates of the whole-article gold.

THESE VERDICTS ARE HELD OUT. ``benchmarks/gold/org_candidates_heldout.json`` and
``person_candidates_heldout.json`` judge what the annotator gave at main a9d8406 on held-out
articles; nobody tunes rules on them: whoever improves rules must not print or read them (nor
the names this module finds), only the totals ``evaluate.py`` prints.

The articles (the split of ``articles.py``): organisations on every Der Standard held-out row
(index % 5 == 0), the Wikinews test split and the first ``REUTERS_ORG`` Reuters TRAIN articles
with a body; persons, which are more frequent, on the first ``PERSON_ARTICLES`` of each. The
scoring is ``orgcandidates.py``'s, with these samples as its parameter."""

from __future__ import annotations

from pathlib import Path

from .articles import _derstandard, _jsonl, is_held_out
from .orgcandidates import Sample
from .wholearticle import ORG_KINDS

GOLD_DIR = Path(__file__).resolve().parents[1] / "gold"
REUTERS_ORG = 200
# persons on a prefix of each corpus' held-out articles: Der Standard rows, Wikinews, Reuters
PERSON_ARTICLES = {"derstandard": 25, "wikinews": 60, "reuters": 80}


def held_out_keys(corpus_dir: Path, limits: dict[str, int | None]) -> list[tuple[str, str]]:
    """(corpus, key) of the first ``limits[corpus]`` held-out articles of each corpus (None: all),
    in file order."""
    rows = _derstandard(corpus_dir / "derstandard-10kgnad.csv")
    standard = [str(i) for i in range(len(rows)) if is_held_out("derstandard", i)]
    wikinews = _jsonl(corpus_dir / "wikinews-de.jsonl", "wikinews_id")
    test = [k for k, r in wikinews.items() if is_held_out("wikinews", k, r) and r["date"] > "0001-01-01"]
    reuters = _jsonl(corpus_dir / "reuters21578.jsonl", "newid")
    train = [k for k, r in reuters.items() if is_held_out("reuters", k, r) and r.get("body")]
    keys: list[tuple[str, str]] = []
    for corpus, found in (("derstandard", standard), ("wikinews", test), ("reuters", train)):
        keys += [(corpus, k) for k in found[:limits[corpus]]]
    return keys


def org_keys(corpus_dir: Path) -> list[tuple[str, str]]:
    return held_out_keys(corpus_dir, {"derstandard": None, "wikinews": None, "reuters": REUTERS_ORG})


def person_keys(corpus_dir: Path) -> list[tuple[str, str]]:
    return held_out_keys(corpus_dir, PERSON_ARTICLES)


ORGANISATIONS = Sample(org_keys, ORG_KINDS, GOLD_DIR / "org_candidates_heldout.json")
PERSONS = Sample(person_keys, ("person",), GOLD_DIR / "person_candidates_heldout.json")


def wilson(right: int, total: int, z: float = 1.96) -> tuple[float, float] | None:
    """The 95 % Wilson score interval of right/total: honest at small counts and near 1.0."""
    if not total:
        return None
    p = right / total
    centre = p + z * z / (2 * total)
    spread = z * ((p * (1 - p) + z * z / (4 * total)) / total) ** 0.5
    scale = 1 + z * z / total
    return (centre - spread) / scale, (centre + spread) / scale
