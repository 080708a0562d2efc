"""Index: all articles in, the complete cross-link graph out.

Like Hugo's taxonomies, actors, places, topics and sources are one mechanism: term → the
articles that carry it. Every listing has a total order (newest first, then slug), so the
same content always gives the same pages.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from itertools import combinations
from typing import Iterable

from .model import Archive, Article, Claim, Quote, Registry
from .paths import unique_slugs


def build_archive(articles: Iterable[Article], registry: Registry) -> Archive:
    by_path = sorted(articles, key=lambda a: a.source_file)
    slugs = unique_slugs([(a.source_file, a.slug) for a in by_path])
    ordered = sorted((replace(a, slug=slugs[a.source_file]) for a in by_path), key=lambda a: a.sort_key)

    terms: dict[str, defaultdict[str, list[str]]] = {t: defaultdict(list) for t in ("actor", "place", "topic", "source")}
    by_month: defaultdict[tuple[int, int], list[str]] = defaultdict(list)
    pairs: Counter[tuple[str, str]] = Counter()
    quotes: defaultdict[str, list[tuple[str, Quote]]] = defaultdict(list)
    claims_by_actor: defaultdict[str, list[tuple[str, Claim]]] = defaultdict(list)
    claims_by_source: defaultdict[str, list[tuple[str, Claim]]] = defaultdict(list)
    for article in ordered:  # newest first, so every list below is too
        for actor in article.actors:
            terms["actor"][actor].append(article.slug)
        for place in article.places:
            terms["place"][place].append(article.slug)
        for topic in article.topics:
            terms["topic"][topic].append(article.slug)
        for source_id in dict.fromkeys(ref.id for ref in article.sources):
            terms["source"][source_id].append(article.slug)
        by_month[(article.date.year, article.date.month)].append(article.slug)
        for a, b in combinations(sorted(set(article.actors)), 2):
            pairs[(a, b)] += 1
        for quote in article.quotes:
            if quote.speaker:
                quotes[quote.speaker].append((article.slug, quote))
        for claim in article.claims:
            if claim.speaker:
                claims_by_actor[claim.speaker].append((article.slug, claim))
            if claim.via:
                claims_by_source[claim.via].append((article.slug, claim))

    cooccurrence: defaultdict[str, list[tuple[str, int]]] = defaultdict(list)
    for (a, b), count in pairs.items():
        cooccurrence[a].append((b, count))
        cooccurrence[b].append((a, count))

    def frozen(mapping):
        return {key: tuple(value) for key, value in sorted(mapping.items())}

    return Archive(
        articles=tuple(ordered),
        registry=registry,
        by_actor=frozen(terms["actor"]),
        by_place=frozen(terms["place"]),
        by_topic=frozen(terms["topic"]),
        by_source=frozen(terms["source"]),
        by_month=frozen(by_month),
        cooccurrence={k: tuple(sorted(v, key=lambda item: (-item[1], item[0]))) for k, v in sorted(cooccurrence.items())},
        quotes_by_actor=frozen(quotes),
        claims_by_actor=frozen(claims_by_actor),
        claims_by_source=frozen(claims_by_source),
        by_slug={a.slug: a for a in ordered},
    )
