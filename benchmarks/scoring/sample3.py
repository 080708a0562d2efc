"""Candidates on a third fresh dev sample (issue 12, round 13): articles whose person
candidates nobody had judged, scored with the round-9 scorer (``orgcandidates.Sample``).

German: the Der Standard dev rows after the first ``DERSTANDARD_SKIP`` dev rows (those are the
speaker sample's and, in part, the whole-article dev gold's), ``DERSTANDARD_ROWS`` of them, and
the last ``WIKINEWS_TRAIN_LAST`` dated articles of the Wikinews train split. Their organisation
candidates were judged before (round 7–9, ``gold/org_candidates.json``): no German news dev
article is left whose organisations are unjudged, so the German organisation figure here is a
re-judgment, not an unseen one. English: Reuters TEST articles with a body ``REUTERS_FRESH[0]``
up to ``REUTERS_FRESH[1]`` (after round 11's 300–600). All of it is dev: its errors may be read."""

from __future__ import annotations

from pathlib import Path

from .articles import _derstandard, _jsonl, is_held_out
from .orgcandidates import GOLD, Sample, reuters_test_keys
from .wholearticle import ORG_KINDS

DERSTANDARD_SKIP = 150
DERSTANDARD_ROWS = 100
WIKINEWS_TRAIN_LAST = 60
REUTERS_FRESH = (600, 800)


def german_keys(corpus_dir: Path) -> list[tuple[str, str]]:
    """The German articles of sample 3 (Der Standard dev rows, Wikinews train), in file order."""
    rows = _derstandard(corpus_dir / "derstandard-10kgnad.csv")
    dev_rows = [i for i in range(len(rows)) if not is_held_out("derstandard", i)]
    keys = [("derstandard", str(i)) for i in dev_rows[DERSTANDARD_SKIP:DERSTANDARD_SKIP + DERSTANDARD_ROWS]]
    wikinews = _jsonl(corpus_dir / "wikinews-de.jsonl", "wikinews_id")
    train = [k for k, r in wikinews.items() if r["split"] == "train" and r["date"] > "0001-01-01"]
    return keys + [("wikinews", k) for k in train[-WIKINEWS_TRAIN_LAST:]]


def english_keys(corpus_dir: Path) -> list[tuple[str, str]]:
    """The Reuters TEST articles of sample 3 (English, dev)."""
    return reuters_test_keys(corpus_dir, *REUTERS_FRESH)


PERSONS_DE3 = Sample(german_keys, ("person",), GOLD.with_name("person_candidates_de_3.json"))
ORGS_DE3 = Sample(german_keys, ORG_KINDS, GOLD.with_name("org_candidates_de_3.json"))
PERSONS_EN3 = Sample(english_keys, ("person",), GOLD.with_name("person_candidates_en_3.json"))
ORGS_EN3 = Sample(english_keys, ORG_KINDS, GOLD.with_name("org_candidates_en_3.json"))
SAMPLES = {"persons_de": PERSONS_DE3, "orgs_de": ORGS_DE3, "persons_en": PERSONS_EN3, "orgs_en": ORGS_EN3}
