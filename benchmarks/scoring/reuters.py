"""Reuters-21578: people and places at document level (English)."""

from __future__ import annotations

import collections
import datetime as dt
import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from archive_gen.annotate import Annotator
from archive_gen.errors import ContentError, Diagnostics
from archive_gen.ingest import wire

from .common import Score, fold


def label_form(name: str) -> str:
    """A name as Reuters writes its labels: ``Pérez de Cuéllar`` → ``perez-de-cuellar``."""
    return fold(name, "ae").replace(" ", "-")


def person_matches(name: str, label: str) -> bool:
    """``Javier Perez de Cuellar`` ~ ``perez-de-cuellar``; ``James A. Baker`` ~ ``james-baker``;
    a bare ``Baker`` ~ any ``…-baker``; ``Howard Baker`` ≁ ``james-baker``."""
    ours, theirs = label_form(name).split("-"), label.split("-")
    if not ours or not theirs or ours[-1] != theirs[-1]:
        return False
    return len(ours) == 1 or ours[-len(theirs):] == theirs or ours[0] == theirs[0]


@dataclass
class ReutersResult:
    people: Score = field(default_factory=Score)
    places: Score = field(default_factory=Score)
    people_unlabelled: int = 0  # predictions outside the corpus' label set
    places_unlabelled: int = 0
    docs: int = 0
    seconds: float = 0.0
    errors: dict[str, list] = field(default_factory=lambda: collections.defaultdict(list))


def reuters_doc(record: dict):
    """Raw wire text: the date line, then the dateline and the body. Reuters bodies are
    hard-wrapped and start each paragraph with an indent (split as benchmarks/make_corpus.py does)."""
    date = dt.datetime.strptime(record["date"].split()[0], "%d-%b-%Y").date()
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s{3,}|\n\s*\n", record["body"].strip())]
    body = "\n\n".join(p for p in paragraphs if p)
    dateline = " ".join((record.get("dateline") or "").split())
    text = f"{dateline} {body}" if dateline else body
    return wire.parse(f"date {date.isoformat()}\n{text}", f"reuters/{record['newid']}.txt")


def evaluate_reuters(path: Path, annotator: Annotator, limit: int | None = None) -> ReutersResult:
    registry = annotator.registry
    result = ReutersResult()
    records = []
    all_people: set[str] = set()
    all_places: set[str] = set()
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            all_people.update(record["people"])
            all_places.update(record["places"])
            if record["lewissplit"] == "TEST" and (record["people"] or record["places"]) and record.get("body"):
                records.append(record)
    for record in records[:limit]:
        start = time.perf_counter()
        try:
            article = annotator.annotate(reuters_doc(record), Diagnostics())
        except ContentError:
            continue
        result.seconds += time.perf_counter() - start
        result.docs += 1
        if record["people"]:
            _score_people(result, article, registry, record, all_people)
        if record["places"]:
            _score_places(result, article, registry, record, all_places)
    return result


def _matches(names: tuple[str, ...], labels: Iterable[str]) -> bool:
    return any(person_matches(n, label) for n in names for label in labels)


def _score_people(result: ReutersResult, article, registry, record: dict, all_people: set[str]) -> None:
    """Linked persons and person candidates against the story's PEOPLE labels."""
    persons: dict[str, tuple[str, tuple[str, ...]]] = {}  # shown name -> (origin, names to match)
    for m in article.mentions:
        actor = registry.actors[m.id]
        if actor.kind == "person":
            persons.setdefault(actor.name, (m.id, (actor.name, *actor.aliases)))
    for c in article.candidates:
        if c.kind == "person":
            persons.setdefault(c.name, ("candidate", (c.name,)))
    gold = record["people"]
    for label in gold:
        result.people.gold += 1
        found = any(_matches(names, (label,)) for _, names in persons.values())
        result.people.gold_hit += found
        if not found:
            result.errors["missed person"].append({"id": record["newid"], "label": label, "ours": sorted(persons)})
    for name, (origin, names) in sorted(persons.items()):
        if _matches(names, gold):
            result.people.pred += 1
            result.people.pred_hit += 1
        elif _matches(names, all_people):
            result.people.pred += 1
            result.errors["false person"].append({"id": record["newid"], "name": name, "origin": origin, "gold": gold})
        else:
            result.people_unlabelled += 1
            result.errors["person outside label set"].append({"name": name, "origin": origin})


def _score_places(result: ReutersResult, article, registry, record: dict, all_places: set[str]) -> None:
    """Linked states against the story's PLACES labels."""
    gold = record["places"]
    states = sorted({m.id for m in article.mentions if registry.actors[m.id].kind == "state"})
    forms = {s: {label_form(n) for n in (registry.actors[s].name, *registry.actors[s].aliases)} for s in states}
    for label in gold:
        result.places.gold += 1
        found = any(label in f for f in forms.values())
        result.places.gold_hit += found
        if not found:
            known = any(label in {label_form(n) for n in (a.name, *a.aliases)}
                        for a in registry.actors.values() if a.kind == "state")
            result.errors["missed place" if known else "missed place (label unknown to registry)"].append(
                {"id": record["newid"], "label": label, "ours": states})
    for s in states:
        if forms[s] & set(gold):
            result.places.pred += 1
            result.places.pred_hit += 1
        elif forms[s] & all_places:
            result.places.pred += 1
            evidence = [m.text for m in article.mentions if m.id == s][:3]
            result.errors["false place"].append({"id": record["newid"], "state": s, "text": evidence, "gold": gold})
        else:
            result.places_unlabelled += 1
            result.errors["place outside label set"].append({"state": s})
