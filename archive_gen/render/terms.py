"""Term pages (one per actor, place, topic, source; paginated) and the taxonomy indexes.

One loop for every taxonomy: what differs between them is data (the entry's kind, whether
co-occurrence and quotes apply), never a branch per taxonomy in a template.
"""

from __future__ import annotations

from itertools import groupby
from typing import Any, Iterator

from markupsafe import Markup

from .. import paths
from ..model import Taxonomy, Term
from .context import RenderContext, chunks, page_count
from .escape import md_escape, safe_markdown, safe_url
from .meta import page_file

# Index groups by kind, in this order; "" is the group of entries without a kind.
KIND_ORDER = ("person", "state", "organization", "group", "agency", "outlet", "photo", "")
GROUPED = ("actors", "sources")  # taxonomies whose index is grouped by kind
TOP = 20  # co-occurring actors, quotes and claims shown on a term's first page


def taxonomy_pages(ctx: RenderContext, taxonomy: Taxonomy) -> Iterator[tuple[str, str]]:
    for term in taxonomy.terms.values():
        yield from term_pages(ctx, term)
    page = paths.taxonomy_index(taxonomy.name)
    body = ctx.render("taxonomy_index.md.j2", page, taxonomy=taxonomy.name, groups=index_groups(ctx, taxonomy))
    yield page, page_file({"title": ctx.labels[taxonomy.name]}, body)


def term_pages(ctx: RenderContext, term: Term) -> Iterator[tuple[str, str]]:
    size = ctx.settings.page_size
    total_pages = page_count(term.articles, size)
    for number, chunk in enumerate(chunks(term.articles, size), start=1):
        page = paths.term_page(term.taxonomy, term.id, number)
        first = number == 1
        articles = [ctx.archive.article(s) for s in chunk]
        body = ctx.render(
            "term.md.j2", page,
            taxonomy=term.taxonomy, term_id=term.id, entry=term.entry, name=term.name,
            facts=facts(ctx, term, ctx.linker(page)) if first else "",
            description=safe_markdown(getattr(term.entry, "description", "") or "") if first else "",
            years=[(year, list(items)) for year, items in groupby(articles, key=lambda a: a.date.year)],
            first_date=_span(ctx, term)[0], last_date=_span(ctx, term)[1], total=len(term.articles),
            number=number, total_pages=total_pages,
            pager=ctx.pager(lambda n: paths.term_page(term.taxonomy, term.id, n), number, total_pages),
            cooccurring=ctx.archive.cooccurrence.get(term.id, ())[:TOP] if first and term.taxonomy == "actors" else (),
            quotes=ctx.archive.quotes_by_actor.get(term.id, ())[:TOP] if first and term.taxonomy == "actors" else (),
            claims=_claims(ctx, term) if first else (),
        )
        yield page, page_file({"title": term.name}, body)


def facts(ctx: RenderContext, term: Term, link) -> Markup:
    """Kind · Wikidata · website: who or what the term is, in one line."""
    entry, parts = term.entry, []
    kind = getattr(entry, "kind", None)
    if kind and f"kind_{kind}" in ctx.labels:
        parts.append(md_escape(ctx.labels[f"kind_{kind}"]))
    wikidata = getattr(entry, "wikidata", None)
    if wikidata:
        parts.append(f"Wikidata: [{md_escape(wikidata)}](https://www.wikidata.org/wiki/{wikidata})")
    url = safe_url(getattr(entry, "url", None))
    if url:
        parts.append(f"<{url}>")
    return Markup(" · ".join(parts))


def _span(ctx: RenderContext, term: Term) -> tuple[str, str]:
    """The dates of the term's oldest and newest article."""
    if not term.articles:
        return "", ""
    return (ctx.format_date(ctx.archive.article(term.articles[-1])),
            ctx.format_date(ctx.archive.article(term.articles[0])))


def _claims(ctx: RenderContext, term: Term) -> tuple:
    """What this actor said (or this source reported), newest first."""
    if term.taxonomy in ("actors", "places"):
        return ctx.archive.claims_by_actor.get(term.id, ())[:TOP]
    if term.taxonomy == "sources":
        return ctx.archive.claims_by_source.get(term.id, ())[:TOP]
    return ()


def index_groups(ctx: RenderContext, taxonomy: Taxonomy) -> list[dict[str, Any]]:
    """Index entries grouped by kind (persons, states …), alphabetical within a group."""
    grouped: dict[str, list[tuple[str, str, int]]] = {}
    for term in taxonomy.terms.values():
        kind = getattr(term.entry, "kind", "") if taxonomy.name in GROUPED else ""
        grouped.setdefault(kind, []).append((term.name, term.id, len(term.articles)))
    return [
        {"kind": kind, "label": ctx.labels.get("photo_agency" if kind == "photo" else kind, ""),
         "terms": sorted(items, key=lambda item: (item[0].casefold(), item[1]))}
        for kind, items in sorted(grouped.items(),
                                  key=lambda kv: (KIND_ORDER.index(kv[0]) if kv[0] in KIND_ORDER else 99, kv[0]))
    ]
