"""Organisation candidates on the dev part (issue 12, round 7): every organisation candidate
the annotator gives on a fixed dev sample, against hand verdicts in
``benchmarks/gold/org_candidates.json``. Only the dev part: nothing here reads held-out articles.

The sample: the Der Standard dev rows (index % 5 != 0), the Wikinews dev split (not train: a sample one can read), and
the first ``REUTERS_DEV`` Reuters TEST articles with a body (TRAIN is held out). A verdict is
per corpus and distinct name (``"right"`` true/false), judged on the candidate's evidence
sentence: right when the name as given names one organisation, group or party (a part of a
longer name, an event, a law, a product, a code or a common noun is wrong). A name without a
verdict (the annotator changed since) is counted apart as unjudged.

The machinery takes its sample as a parameter (``Sample``: which articles, which candidate
kinds, which gold): ``heldout.py`` scores the held-out samples of round 9 with it. Those
verdicts are held out: whoever improves rules must not print or read them."""

from __future__ import annotations

import collections
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from archive_gen.errors import Diagnostics

from .articles import _derstandard, _jsonl, germeval_sentences, is_held_out, load
from .wholearticle import ORG_KINDS

GOLD = Path(__file__).resolve().parents[1] / "gold" / "org_candidates.json"
REUTERS_DEV = 100
# Round 9 widened the sample (more names to judge): the first WIKINEWS_TRAIN articles of the
# Wikinews train split and Reuters TEST articles up to REUTERS_DEV_WIDE (all of it dev).
WIKINEWS_TRAIN = 700
REUTERS_DEV_WIDE = 300


def dev_keys(corpus_dir: Path) -> list[tuple[str, str]]:
    """(corpus, key) of every dev article of the sample, in file order."""
    rows = _derstandard(corpus_dir / "derstandard-10kgnad.csv")
    keys = [("derstandard", str(i)) for i in range(len(rows)) if not is_held_out("derstandard", i)]
    wikinews = _jsonl(corpus_dir / "wikinews-de.jsonl", "wikinews_id")
    keys += [("wikinews", k) for k, r in wikinews.items() if r["split"] == "dev" and r["date"] > "0001-01-01"]
    train = [k for k, r in wikinews.items() if r["split"] == "train" and r["date"] > "0001-01-01"]
    keys += [("wikinews", k) for k in train[:WIKINEWS_TRAIN]]
    reuters = _jsonl(corpus_dir / "reuters21578.jsonl", "newid")
    test = [k for k, r in reuters.items() if r.get("lewissplit") == "TEST" and r.get("body")]
    return keys + [("reuters", k) for k in test[:REUTERS_DEV_WIDE]]


@dataclass(frozen=True)
class Sample:
    """A candidate sample: the articles it annotates, the candidate kinds it keeps, its verdicts."""
    keys: Callable[[Path], list[tuple[str, str]]]
    kinds: tuple[str, ...]
    gold: Path


DEV = Sample(dev_keys, ORG_KINDS, GOLD)


def reuters_dev_keys(corpus_dir: Path) -> list[tuple[str, str]]:
    """The Reuters TEST articles of the dev sample (English)."""
    return [key for key in dev_keys(corpus_dir) if key[0] == "reuters"]


# Round 10: English person candidates on the same Reuters TEST articles (gold/person_candidates_en.json).
PERSONS_EN = Sample(reuters_dev_keys, ("person",), GOLD.with_name("person_candidates_en.json"))

# Round 11: a fresh English sample, Reuters TEST articles with a body REUTERS_FRESH[0] up to
# REUTERS_FRESH[1] (after round 10's 0–300; TEST is dev), persons and organisations judged in
# gold/person_candidates_en2.json and gold/org_candidates_en2.json.
REUTERS_FRESH = (300, 600)


def reuters_fresh_keys(corpus_dir: Path) -> list[tuple[str, str]]:
    """The Reuters TEST articles of round 11's fresh sample (English, dev)."""
    return reuters_test_keys(corpus_dir, *REUTERS_FRESH)


def reuters_test_keys(corpus_dir: Path, first: int, stop: int) -> list[tuple[str, str]]:
    """Reuters TEST articles with a body, ``first`` up to ``stop`` in file order (dev)."""
    reuters = _jsonl(corpus_dir / "reuters21578.jsonl", "newid")
    test = [k for k, r in reuters.items() if r.get("lewissplit") == "TEST" and r.get("body")]
    return [("reuters", k) for k in test[first:stop]]


PERSONS_EN2 = Sample(reuters_fresh_keys, ("person",), GOLD.with_name("person_candidates_en2.json"))
ORGS_EN2 = Sample(reuters_fresh_keys, ORG_KINDS, GOLD.with_name("org_candidates_en2.json"))


def germeval_keys(corpus_dir: Path) -> list[tuple[str, str]]:
    """Every GermEval 2014 dev sentence, one document each (round 11's fresh sample: German
    text whose candidates nobody had judged; the Der Standard and Wikinews dev articles all are)."""
    return [("germeval", str(i)) for i in range(len(germeval_sentences(corpus_dir / "germeval2014-dev.tsv")))]


# Round 11: dev sample 2, organisation and German person candidates on GermEval's dev sentences.
GERMEVAL_ORGS = Sample(germeval_keys, ORG_KINDS, GOLD.with_name("org_candidates_2.json"))
GERMEVAL_PERSONS = Sample(germeval_keys, ("person",), GOLD.with_name("person_candidates_de_2.json"))


@dataclass
class OrgResult:
    right: int = 0
    wrong: int = 0
    unjudged: dict = field(default_factory=dict)  # (corpus, name) -> evidence
    wrong_names: list = field(default_factory=list)
    per_corpus: dict = field(default_factory=dict)  # corpus -> [right, wrong]

    @property
    def precision(self) -> float | None:
        judged = self.right + self.wrong
        return self.right / judged if judged else None


def org_candidates(corpus_dir: Path, annotator, sample: Sample = DEV) -> dict[tuple[str, str], str]:
    """(corpus, name) -> the evidence of its first occurrence, over the sample's articles."""
    found: dict[tuple[str, str], str] = {}
    for corpus, key in sample.keys(corpus_dir):
        try:
            doc, _raw, _record = load(corpus_dir, corpus, key)
        except Exception:  # noqa: BLE001 - a record the pipeline rejects is no candidate
            continue
        article = annotator.annotate(doc, Diagnostics())
        for c in article.candidates:
            if c.kind in sample.kinds:
                found.setdefault((corpus, c.name), c.evidence)
    return found


def evaluate_org_candidates(corpus_dir: Path, annotator, gold_path: Path | None = None,
                            sample: Sample = DEV) -> OrgResult:
    """Right, wrong and unjudged candidates of the sample (``gold_path`` overrides its gold)."""
    return score_candidates(org_candidates(corpus_dir, annotator, sample), gold_path or sample.gold)


def score_candidates(found: dict[tuple[str, str], str], gold_path: Path) -> OrgResult:
    """Each (corpus, name) found against the verdicts: right, wrong, or unjudged when none."""
    verdicts = json.loads(gold_path.read_text(encoding="utf-8"))["verdicts"]
    known = {(v["corpus"], v["name"]): v["right"] for v in verdicts}
    result = OrgResult()
    for where, evidence in found.items():
        if where not in known:
            result.unjudged[where] = evidence
            continue
        tally = result.per_corpus.setdefault(where[0], [0, 0])
        if known[where]:
            result.right += 1
            tally[0] += 1
        else:
            result.wrong += 1
            tally[1] += 1
            result.wrong_names.append(where)
    return result


def counts(found: dict) -> collections.Counter:
    return collections.Counter(corpus for corpus, _ in found)
