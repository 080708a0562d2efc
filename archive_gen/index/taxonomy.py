"""Taxonomies: actors, places, topics and sources as one mechanism (as Hugo's are).

A :class:`TaxonomySpec` says where a taxonomy's entries come from and which ids an article
carries; :func:`build_taxonomies` turns every spec into a :class:`~archive_gen.model.Taxonomy`
of terms with their articles. Which terms exist is decided here, once, for every page,
index and feed: an editor's entry always (its page says "no articles yet"), a starter entry
only once an article names it, and a source that only articles name (an unknown wire code).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Callable

from ..model import Article, Registry, Taxonomy, Term


@dataclass(frozen=True)
class TaxonomySpec:
    name: str  # "actors": the docs/ folder and the label key
    entries: Callable[[Registry], dict[str, Any]]  # the registry entries that belong to it
    ids: Callable[[Article], tuple[str, ...]]  # the ids an article carries, in its order


def _actors(registry: Registry) -> dict[str, Any]:
    return {k: a for k, a in registry.actors.items() if a.kind != "place"}


def _places(registry: Registry) -> dict[str, Any]:
    return {k: a for k, a in registry.actors.items() if a.kind == "place"}


TAXONOMIES: tuple[TaxonomySpec, ...] = (
    TaxonomySpec("actors", _actors, lambda a: a.actors),
    TaxonomySpec("places", _places, lambda a: a.places),
    TaxonomySpec("topics", lambda r: dict(r.topics), lambda a: a.topics),
    TaxonomySpec("sources", lambda r: dict(r.sources), lambda a: tuple(dict.fromkeys(ref.id for ref in a.sources))),
)


def build_taxonomies(ordered: tuple[Article, ...], registry: Registry) -> dict[str, Taxonomy]:
    """Every taxonomy with its terms; ``ordered`` is newest first, and so is every term's list."""
    # A source no registry knows keeps the name it was written with (the oldest article's).
    unknown_sources = {ref.id: ref.name for article in ordered for ref in article.sources if ref.name}
    result = {}
    for spec in TAXONOMIES:
        slugs: defaultdict[str, list[str]] = defaultdict(list)
        for article in ordered:
            for term_id in spec.ids(article):
                slugs[term_id].append(article.slug)
        entries = spec.entries(registry)
        terms = {}
        for term_id in sorted(set(entries) | set(slugs)):
            entry = entries.get(term_id)
            if entry is not None and entry.origin != "editor" and term_id not in slugs:
                continue  # a starter entry gets a page once an article names it
            name = entry.name if entry is not None else unknown_sources.get(term_id, term_id)
            origin = entry.origin if entry is not None else "article"
            terms[term_id] = Term(spec.name, term_id, name, origin, entry, tuple(slugs.get(term_id, ())))
        result[spec.name] = Taxonomy(spec.name, terms)
    return result
