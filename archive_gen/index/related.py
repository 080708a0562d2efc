"""Related articles: the ones sharing the most, and the most telling, actors, places and topics.

A shared term counts by how rare it is (1 / log(2 + its number of articles)), as in TF-IDF;
a term in more than :data:`MAX_ARTICLES_PER_TERM` articles ("Deutschland", "EU") says nothing
about a relation and is skipped, which also keeps the work linear in the archive's size.
Ties go to the newer article, then the slug: a total order.

Rebuilds (:class:`Related`): an article's list depends only on its own terms, and on the
members, order and number of the articles of each of its terms. So when the previous archive's
lists are known, only the articles that changed and the articles sharing a term with one of
them (a term counted in both archives or in either) are ranked again; the rest keep their
lists, and the result is the full computation's (tests/test_related.py compares them).
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..model import Article

MAX_ARTICLES_PER_TERM = 100
RELATED = 5
WEIGHT = {"actors": 2.0, "places": 1.0, "topics": 1.0}  # a shared person says more than a shared topic

TermKey = tuple[str, str]  # (kind, term id)
Record = tuple[tuple, tuple[TermKey, ...]]  # an article's sort key and terms: what its ranking reads of it


def related_articles(ordered: tuple[Article, ...], limit: int = RELATED) -> dict[str, tuple[str, ...]]:
    """slug → the slugs of up to ``limit`` related articles, best first (``ordered``: newest first)."""
    return Related(limit)(ordered)


@dataclass(frozen=True)
class RelatedState:
    """One computation: per slug what was read of the article, and the lists it gave."""

    limit: int
    records: dict[str, Record]
    related: dict[str, tuple[str, ...]]


class Related:
    """:func:`related_articles` that remembers its last result (``state``, e.g. kept in a cache
    between builds) and ranks again only the articles a change can reach."""

    def __init__(self, limit: int = RELATED, state: RelatedState | None = None) -> None:
        self.limit = limit
        self.state = state if isinstance(state, RelatedState) and state.limit == limit else None
        self.ranked = 0  # articles ranked by the last call (the others kept their lists)

    def __call__(self, ordered: tuple[Article, ...]) -> dict[str, tuple[str, ...]]:
        records = {a.slug: (a.sort_key, tuple((kind, term) for kind in WEIGHT for term in getattr(a, kind)))
                   for a in ordered}
        postings: defaultdict[TermKey, list[int]] = defaultdict(list)
        for position, article in enumerate(ordered):
            for term in records[article.slug][1]:
                postings[term].append(position)
        weight = {key: WEIGHT[key[0]] / math.log(2 + len(found))
                  for key, found in postings.items() if 1 < len(found) <= MAX_ARTICLES_PER_TERM}
        todo = range(len(ordered)) if self.state is None else self._reached(ordered, records, postings)
        kept = {} if self.state is None else self.state.related
        result: dict[str, tuple[str, ...]] = {}
        for position in todo:
            best = _best(_scores(position, records[ordered[position].slug][1], postings, weight), self.limit)
            if best:
                result[ordered[position].slug] = tuple(ordered[other].slug for other, _ in best)
        self.ranked = len(todo)
        if self.state is not None:
            ranked = {ordered[position].slug for position in todo}
            result = {a.slug: result[a.slug] if a.slug in ranked else kept[a.slug] for a in ordered
                      if a.slug in result or (a.slug not in ranked and a.slug in kept)}
        self.state = RelatedState(self.limit, records, result)
        return result

    def _reached(self, ordered: tuple[Article, ...], records: dict[str, Record],
                 postings: dict[TermKey, list[int]]) -> list[int]:
        """Positions whose list may differ from the previous one: the changed articles and
        every article of a term whose members changed, counted in either archive."""
        old = self.state.records
        changed = {slug for slug, record in records.items() if old.get(slug) != record} | (old.keys() - records.keys())
        count: Counter[TermKey] = Counter()  # this archive's count minus the previous one, per term
        for slug in changed:
            count.update(records[slug][1] if slug in records else ())
            count.subtract(old[slug][1] if slug in old else ())
        reached = {position for position, article in enumerate(ordered) if article.slug in changed}
        for term, difference in count.items():
            now = len(postings.get(term, ()))
            if _counted(now) or _counted(now - difference):
                reached.update(postings.get(term, ()))
        return sorted(reached)


def _counted(articles: int) -> bool:
    """Whether a term with this many articles counts for relations at all."""
    return 1 < articles <= MAX_ARTICLES_PER_TERM


def _scores(position: int, terms: tuple[TermKey, ...], postings: dict[TermKey, list[int]],
            weight: dict[TermKey, float]) -> dict[int, float]:
    scores: defaultdict[int, float] = defaultdict(float)
    for term in terms:
        w = weight.get(term)
        if w:
            for other in postings[term]:
                if other != position:
                    scores[other] += w
    return scores


def _best(scores: dict[int, float], limit: int) -> list[tuple[int, float]]:
    """The ``limit`` best by score rounded to 9 places, then position. Rounding never reverses
    an order, so only scores within a hair of the ``limit``-th largest can be among them: the
    exact key is computed for those, not for every candidate (a frequent term has hundreds)."""
    if len(scores) > limit:
        floor = heapq.nlargest(limit, scores.values())[-1] - 2e-9
        scores = {other: score for other, score in scores.items() if score >= floor}
    return sorted(scores.items(), key=lambda item: (-round(item[1], 9), item[0]))[:limit]
