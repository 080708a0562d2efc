"""Index: all articles in, the complete cross-link graph out.

Actors, places, topics and sources are one mechanism (:mod:`.taxonomy`): term → the articles
that carry it. Every listing has a total order (newest first, then slug), so the same content
always gives the same pages. Slugs are made unique here, once, for the build and for
``check`` alike.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from itertools import combinations
from typing import Callable, Iterable

from ..errors import Diagnostics
from ..model import Archive, Article, Claim, Event, Quote, Registry
from .events import check_places, event_reports
from ..paths import unique_slugs
from .related import Related, RelatedState, related_articles
from .taxonomy import TAXONOMIES, TaxonomySpec, build_taxonomies

__all__ = ["TAXONOMIES", "Related", "RelatedState", "TaxonomySpec", "assign_slugs", "build_archive"]


def assign_slugs(articles: Iterable[Article], diags: Diagnostics | None = None) -> list[Article]:
    """Distinct, stable slugs: of two articles that want the same one, the first by source
    path keeps it, the others get ``-2``, ``-3`` …, and are told, because their address now
    depends on another file."""
    by_path = sorted(articles, key=lambda a: a.source_file)
    slugs = unique_slugs([(a.source_file, a.slug) for a in by_path])
    owner: dict[str, str] = {}
    for article in by_path:
        owner.setdefault(article.slug, article.source_file)
    result = []
    for article in by_path:
        given = slugs[article.source_file]
        if given != article.slug:
            if diags is not None:
                diags.warning(article.source_file, article.doc.meta_lines.get("slug", 1),
                              f"slug '{article.slug}' is already taken by {owner[article.slug]}; "
                              f"this article's page is '{given}'",
                              "give one of them its own 'slug:' in the front matter (or rename the file)")
            article = replace(article, slug=given)
        result.append(article)
    return result


def build_archive(articles: Iterable[Article], registry: Registry, diags: Diagnostics | None = None,
                  events: dict[str, Event] | None = None,
                  relate: Callable[[tuple[Article, ...]], dict[str, tuple[str, ...]]] = related_articles) -> Archive:
    """The graph; ``events``: the editors' events (:func:`.events.load_events`), with their reports;
    ``relate``: how related articles are found (a :class:`.related.Related` that keeps its last
    result ranks only what a change reaches; the same lists)."""
    ordered = tuple(sorted(assign_slugs(articles, diags), key=lambda a: a.sort_key))
    check_places(events or {}, registry.actors, diags)
    by_month: defaultdict[tuple[int, int], list[str]] = defaultdict(list)
    pairs: Counter[tuple[str, str]] = Counter()
    latest: dict[tuple[str, str], str] = {}  # the newest article two actors share
    quotes: defaultdict[str, list[tuple[str, Quote]]] = defaultdict(list)
    claims_by_actor: defaultdict[str, list[tuple[str, Claim]]] = defaultdict(list)
    claims_by_source: defaultdict[str, list[tuple[str, Claim]]] = defaultdict(list)
    for article in ordered:  # newest first, so every list below is too
        by_month[(article.date.year, article.date.month)].append(article.slug)
        for pair in combinations(sorted(set(article.actors)), 2):
            pairs[pair] += 1
            latest.setdefault(pair, article.slug)
        for quote in article.quotes:
            if quote.speaker:
                quotes[quote.speaker].append((article.slug, quote))
        for claim in article.claims:
            if claim.speaker:
                claims_by_actor[claim.speaker].append((article.slug, claim))
            if claim.via:
                claims_by_source[claim.via].append((article.slug, claim))

    cooccurrence: defaultdict[str, list[tuple[str, int, str]]] = defaultdict(list)
    for (a, b), count in pairs.items():
        cooccurrence[a].append((b, count, latest[(a, b)]))
        cooccurrence[b].append((a, count, latest[(a, b)]))

    def frozen(mapping):
        return {key: tuple(value) for key, value in sorted(mapping.items())}

    return Archive(
        articles=ordered,
        registry=registry,
        taxonomies=build_taxonomies(ordered, registry),
        by_month=frozen(by_month),
        cooccurrence={k: tuple(sorted(v, key=lambda item: (-item[1], item[0]))) for k, v in sorted(cooccurrence.items())},
        quotes_by_actor=frozen(quotes),
        claims_by_actor=frozen(claims_by_actor),
        claims_by_source=frozen(claims_by_source),
        related=relate(ordered),
        by_slug={a.slug: a for a in ordered},
        events=dict(sorted((events or {}).items())),
        event_reports=event_reports(ordered, events or {}, diags),
    )
