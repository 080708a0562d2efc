"""TF-IDF cosine links for ``events suggest``: the variant tried in issue 13's second round.

Not used by archive-gen: on the dev days it was as good as the MinHash suggester or better,
on the held-out days it found the same true pairs and two wrong ones (benchmarks/README.md,
"Event suggestions"). Kept so that the comparison can be rerun
(``python benchmarks/bench_events.py --quality``). Same items, links and groups as
:mod:`archive_gen.tools.events`; only the similarity differs: TF-IDF over the telling words,
title words and the actors/places an article names optionally weighted, a similarity that
decays per day apart, and blocking by day (each day's articles against the next ``window`` days)
so the work is linear in the articles times the articles per window.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Iterator, Sequence

from archive_gen.tools.events import DF_FLOOR, MAX_DF_SHARE, WINDOW_DAYS, Item, Link, rare_entities

_WORD = re.compile(r"\w+", re.UNICODE)

SIMILAR = 0.5  # chosen on dev (all dev-perfect settings; the widest margin, see README)
RELATED = 0.2
DECAY = 0.8
TITLE_WEIGHT = 1.0
ENTITY_WEIGHT = 0.0


@dataclass(frozen=True)
class Tuning:
    """The suggester's thresholds (chosen on the dev days, benchmarks/README.md)."""

    window: int = WINDOW_DAYS
    similar: float = SIMILAR  # linked on text alone
    related: float = RELATED  # linked with a shared rare actor or place
    decay: float = DECAY  # per day apart, the similarity counts this much less
    title_weight: float = TITLE_WEIGHT
    entity_weight: float = ENTITY_WEIGHT


def _counts(item: Item, tuning: Tuning) -> dict[bytes, float]:
    """Word counts (title words ``title_weight`` times), and each actor or place the item
    names as one more word, counted ``entity_weight`` times (its rarity weighs it as a word's)."""
    title, _, body = item.text.partition("\n")
    title_weight = tuning.title_weight
    counts: dict[bytes, float] = {f"@{e}".encode("utf-8"): tuning.entity_weight for e in item.entities} \
        if tuning.entity_weight else {}
    for word in _words(body):
        counts[word] = counts.get(word, 0.0) + 1.0
    for word in _words(title):
        counts[word] = counts.get(word, 0.0) + title_weight
    return counts


def _words(text: str) -> list[bytes]:
    return [w.lower().encode("utf-8") for w in _WORD.findall(text) if len(w) > 3 and not w.isdigit()]


def vectors(items: Sequence[Item], tuning: Tuning = Tuning()):
    """TF-IDF rows of the items' telling words (scipy CSR, unit length): a word's weight grows
    slowly with its count (1 + log) and with its rarity in the archive (log N / df); words in
    more than :data:`MAX_DF_SHARE` of the articles are left out, title words count more."""
    import numpy
    from scipy.sparse import csr_matrix

    docs = [_counts(item, tuning) for item in items]
    frequency: dict[bytes, int] = {}
    for counts in docs:
        for word in counts:
            frequency[word] = frequency.get(word, 0) + 1
    limit = max(DF_FLOOR, MAX_DF_SHARE * len(items))
    vocabulary: dict[bytes, int] = {}
    rows, columns, values = [], [], []
    for row, counts in enumerate(docs):
        for word in sorted(counts):
            if frequency[word] <= limit:
                rows.append(row)
                columns.append(vocabulary.setdefault(word, len(vocabulary)))
                values.append((1.0 + math.log(counts[word])) * math.log(len(items) / frequency[word]))
    matrix = csr_matrix((numpy.array(values, dtype=numpy.float64), (rows, columns)),
                        shape=(len(items), max(1, len(vocabulary))))
    norms = numpy.sqrt(numpy.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return csr_matrix(matrix.multiply(1.0 / norms[:, None]))


def _blocks(items: Sequence[Item], window: int) -> Iterator[tuple[int, int, int]]:
    """``(start, stop, end)``: the items of one day (start:stop) and those up to ``window``
    days later (stop:end), in date order; every pair within the window is in one block."""
    start = end = 0
    while start < len(items):
        stop = start
        while stop < len(items) and items[stop].date == items[start].date:
            stop += 1
        end = max(end, stop)
        while end < len(items) and (items[end].date - items[start].date).days <= window:
            end += 1
        yield start, stop, end
        start = stop


def links(items: Sequence[Item], tuning: Tuning = Tuning()) -> list[Link]:
    """Links between items (sorted by date) within ``tuning.window`` days of each other."""
    matrix = vectors(items, tuning)
    is_rare = rare_entities(items)
    found = []
    for start, stop, end in _blocks(items, tuning.window):
        block = (matrix[start:stop] @ matrix[start:end].T).toarray()
        for a, b in zip(*(block >= tuning.related).nonzero()):
            i, j = start + int(a), start + int(b)
            if j <= i or (items[i].event is not None and items[i].event == items[j].event):
                continue  # each pair once; or an editor grouped them already
            days = (items[j].date - items[i].date).days
            score = float(block[a, b]) * tuning.decay ** days
            shared = tuple(sorted(items[i].entities & items[j].entities))
            rare = tuple(e for e in shared if is_rare(e))
            if score >= tuning.similar or (rare and score >= tuning.related):
                found.append(Link(i, j, days, score, shared, rare))
    return sorted(found, key=lambda link: (link.a, link.b))
