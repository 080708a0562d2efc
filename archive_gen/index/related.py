"""Related articles: the ones sharing the most, and the most telling, actors, places and topics.

A shared term counts by how rare it is (1 / log(2 + its number of articles)), as in TF-IDF;
a term in more than :data:`MAX_ARTICLES_PER_TERM` articles ("Deutschland", "EU") says nothing
about a relation and is skipped, which also keeps the work linear in the archive's size.
Ties go to the newer article, then the slug: a total order.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict

from ..model import Article

MAX_ARTICLES_PER_TERM = 100
RELATED = 5
WEIGHT = {"actors": 2.0, "places": 1.0, "topics": 1.0}  # a shared person says more than a shared topic


def related_articles(ordered: tuple[Article, ...], limit: int = RELATED) -> dict[str, tuple[str, ...]]:
    """slug → the slugs of up to ``limit`` related articles, best first (``ordered``: newest first)."""
    postings: defaultdict[tuple[str, str], list[int]] = defaultdict(list)
    for position, article in enumerate(ordered):
        for kind in WEIGHT:
            for term in getattr(article, kind):
                postings[(kind, term)].append(position)
    weight = {key: WEIGHT[key[0]] / math.log(2 + len(found))
              for key, found in postings.items() if 1 < len(found) <= MAX_ARTICLES_PER_TERM}
    result = {}
    for position, article in enumerate(ordered):
        scores: defaultdict[int, float] = defaultdict(float)
        for kind in WEIGHT:
            for term in getattr(article, kind):
                w = weight.get((kind, term))
                if w:
                    for other in postings[(kind, term)]:
                        if other != position:
                            scores[other] += w
        best = _best(scores, limit)
        if best:
            result[article.slug] = tuple(ordered[other].slug for other, _ in best)
    return result


def _best(scores: dict[int, float], limit: int) -> list[tuple[int, float]]:
    """The ``limit`` best by score rounded to 9 places, then position. Rounding never reverses
    an order, so only scores within a hair of the ``limit``-th largest can be among them: the
    exact key is computed for those, not for every candidate (a frequent term has hundreds)."""
    if len(scores) > limit:
        floor = heapq.nlargest(limit, scores.values())[-1] - 2e-9
        scores = {other: score for other, score in scores.items() if score >= floor}
    return sorted(scores.items(), key=lambda item: (-round(item[1], 9), item[0]))[:limit]
