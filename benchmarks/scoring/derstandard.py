"""Der Standard (10kGNAD): sign-offs in flattened text and derived titles (issues 10, 12)."""

from __future__ import annotations

import collections
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from archive_gen.ingest import wire

from .common import Score


# Rows whose index % 5 == 0 are reported apart as the held-out part. Their misses were among the
# failures seen while the sign-off rules were written: a check of the split, not a blind test.
HELD_OUT = 5
_DATED_PARENTHESIS = re.compile(r"\([^()]{1,200}\)")


@dataclass
class StandardResult:
    """Issue 12 on Der Standard (10kGNAD): sign-offs in text without paragraph breaks, and
    issue 10: derived titles."""

    docs: int = 0
    seconds: float = 0.0
    signoffs: Score = field(default_factory=Score)  # gold: rows with a date-shaped parenthesis
    held_out: Score = field(default_factory=Score)
    titles: collections.Counter = field(default_factory=collections.Counter)
    errors: dict[str, list] = field(default_factory=lambda: collections.defaultdict(list))


def _date_shaped(parenthesis: str) -> bool:
    from archive_gen.ingest.signoff import parse_date

    return any(parse_date(item)[1] for item in re.split(r"\s*(?:[,;/]|[–—]|\s-\s)\s*|\s+(?=\d)", parenthesis.strip("()")))


def _title_class(doc) -> str:
    """sentence | clause | long | cut inside a clause; older commits (``--rev``) only tell a cut."""
    try:
        from archive_gen.annotate.titles import lead_headline
    except ImportError:
        from archive_gen.annotate.titles import lead_title

        return "cut inside a clause" if lead_title(doc).endswith("…") else "sentence"
    headline = lead_headline(doc)
    if headline.text.endswith("…"):
        return "cut inside a clause"
    return "clause" if headline.shortened else "long" if headline.long else "sentence"


def evaluate_derstandard(path: Path, limit: int | None = None) -> StandardResult:
    """Each article flattened (paragraph breaks removed); a row with a dated parenthesis (some
    item shaped like a date: the gold, independent of the grammar) should yield a sign-off.
    Titles: whole first sentence, cut after a clause, or a long whole sentence; never a cut word."""

    import csv

    result = StandardResult()
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [row[1] for row in csv.reader(handle, delimiter=";", quotechar="'") if len(row) > 1]
    started = time.perf_counter()
    for index, text in enumerate(rows[:limit]):
        result.docs += 1
        flat = " ".join(text.split())
        doc = wire.parse(flat, f"derstandard-{index}.txt")
        result.titles[_title_class(doc)] += 1
        if not any(_date_shaped(m.group(0)) for m in _DATED_PARENTHESIS.finditer(flat)):
            continue
        found = doc.signoff is not None
        for score in (result.signoffs, result.held_out) if index % HELD_OUT == 0 else (result.signoffs,):
            score.gold += 1
            score.gold_hit += found
            score.pred += found
            score.pred_hit += found
        if not found:
            result.errors["missed sign-off"].append({"text": flat[-160:], "row": index})
    result.seconds = time.perf_counter() - started
    return result
