"""Whole articles (issue 12): persons found, candidate precision and linked-actor precision
against the hand-made gold in ``benchmarks/gold/articles.json``.

Units are per article and per entity, not per mention: a person is found when any linked person
or person candidate of the article names them; a linked actor is one registry id per article.
  * persons found: R = gold persons matched / gold persons; P = our persons (linked person ids +
    person candidates) that match a gold person / ours. Matching is lenient: a name of ours
    (actor name, alias, a mention's text, a candidate's name) equals a gold form or the gold
    surname, after case folding and a genitive -s, or contains the gold full name
    ("Tom Hanks Regie-Debüt" finds Tom Hanks).
  * candidates (person; organisation = organization/group/party): strict, the candidate's name
    must equal a gold form of that kind (a genitive -s is tolerated): "Tom Hanks Regie-Debüt"
    and "NTT" (of NTT Docomo) are wrong.
  * linked actors: the gold's judgment of that id; an id the gold did not judge (the annotator
    changed since) falls back to the name rule above against the gold's persons, places or
    organisations and is counted as unjudged.
Names on the gold's ``neutral`` list (titles of works, products) are not counted either way.
"""

from __future__ import annotations

import collections
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from archive_gen.errors import Diagnostics

from .articles import load
from .common import Score

GOLD = Path(__file__).resolve().parents[1] / "gold" / "articles.json"
ORG_KINDS = ("organization", "org", "group", "party")
TARGETS = {"linked": 0.97, "persons": 0.92, "candidates": 0.90}


@dataclass
class WholeResult:
    docs: int = 0
    seconds: float = 0.0
    per_corpus: collections.Counter = field(default_factory=collections.Counter)
    persons: Score = field(default_factory=Score)
    person_candidates: Score = field(default_factory=Score)
    org_candidates: Score = field(default_factory=Score)
    linked: Score = field(default_factory=Score)
    unjudged: int = 0
    errors: dict[str, list] = field(default_factory=lambda: collections.defaultdict(list))
    dev: "WholeResult | None" = None  # the gold's dev entries ("part": "dev"), scored apart


def norm(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split()).casefold().rstrip(".")


def _variants(name: str) -> set[str]:
    n = norm(name)
    out = {n}
    if n.endswith("s") and len(n) > 3:
        out.add(n[:-1])
    return out


def person_forms(gold: list[str]) -> set[str]:
    forms = {norm(f) for f in gold}
    forms |= {norm(f).split()[-1] for f in gold if len(f.split()) > 1}
    return forms


def person_matches(names: set[str], gold: list[str]) -> bool:
    forms = person_forms(gold)
    full = norm(gold[0])
    return any(_variants(n) & forms or f" {full} " in f" {norm(n)} " for n in names)


def _neutral(names: set[str], neutral: set[str]) -> bool:
    return any(norm(n) in neutral or any(f" {norm(n)} " in f" {x} " for x in neutral) for n in names)


def score_article(article, registry, gold: dict, result: WholeResult) -> None:
    """Add one article's counts to ``result`` (see the module docstring)."""
    where = f"{gold['corpus']} {gold['key']}"
    neutral = {norm(n) for n in gold.get("neutral", ())}
    linked: dict[str, set[str]] = collections.defaultdict(set)
    for m in article.mentions:
        linked[m.id].add(m.text)
    ours: list[tuple[str, set[str]]] = []  # (shown name, all its names) of each person of ours
    for ident, texts in linked.items():
        actor = registry.actors[ident]
        names = texts | {actor.name, *actor.aliases}
        if actor.kind == "person":
            ours.append((ident, names))
        _score_link(result, ident, actor.kind, names, gold, where)
    for c in article.candidates:
        names = {c.name} | {article.doc.text[a:b] for a, b in c.spans}
        if _neutral({c.name}, neutral):
            continue
        if c.kind == "person":
            ours.append((c.name, names))
            _score_candidate(result.person_candidates, c.name, [p for p in gold["persons"]], where, result, "person")
        elif c.kind in ORG_KINDS:
            _score_candidate(result.org_candidates, c.name, gold["organisations"], where, result, "organisation")
    _score_persons(result, ours, gold, neutral, where)


def _score_link(result: WholeResult, ident: str, kind: str, names: set[str], gold: dict, where: str) -> None:
    judged = gold["links"].get(ident)
    if judged is None:
        result.unjudged += 1
        if kind == "person":
            judged = any(person_matches(names, p) for p in gold["persons"])
        else:
            forms = {norm(f) for f in gold["places"]} if kind in ("state", "place") else \
                {norm(f) for o in gold["organisations"] for f in o}
            judged = any(_variants(n) & forms for n in names)
    result.linked.pred += 1
    result.linked.pred_hit += judged
    if not judged:
        result.errors["wrong linked actor"].append({"article": where, "id": ident, "as": sorted(names)[:4]})


def _score_candidate(score: Score, name: str, golds: list[list[str]], where: str, result: WholeResult,
                     kind: str) -> None:
    forms = {norm(f) for g in golds for f in g}
    ok = bool(_variants(name) & forms)
    score.pred += 1
    score.pred_hit += ok
    if not ok:
        result.errors[f"wrong {kind} candidate"].append({"article": where, "name": name})


def _score_persons(result: WholeResult, ours, gold: dict, neutral: set[str], where: str) -> None:
    for shown, names in ours:
        if _neutral(names, neutral) and not any(person_matches(names, p) for p in gold["persons"]):
            continue
        ok = any(person_matches(names, p) for p in gold["persons"])
        result.persons.pred += 1
        result.persons.pred_hit += ok
        if not ok:
            result.errors["not a person"].append({"article": where, "ours": shown})
    for person in gold["persons"]:
        found = any(person_matches(names, person) for _, names in ours)
        result.persons.gold += 1
        result.persons.gold_hit += found
        if not found:
            result.errors["person missed"].append({"article": where, "person": person[0]})


def evaluate_articles(corpus_dir: Path, annotator, gold_path: Path = GOLD, limit: int | None = None) -> WholeResult:
    """Held-out entries score ``result``; dev entries (``"part": "dev"``) score ``result.dev``.
    Only the dev part's errors are kept: held-out errors are scored, never listed."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    result = WholeResult(dev=WholeResult())
    for entry in gold["articles"][:limit]:
        doc, _raw, _record = load(corpus_dir, entry["corpus"], entry["key"])
        part = result.dev if entry.get("part") == "dev" else result
        started = time.perf_counter()
        article = annotator.annotate(doc, Diagnostics())
        part.seconds += time.perf_counter() - started
        part.docs += 1
        part.per_corpus[entry["corpus"]] += 1
        score_article(article, annotator.registry, entry, part)
    result.errors = result.dev.errors
    return result
