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
from .events import listed_events
from . import collate, jsonld, pictures
from .escape import md_escape, safe_markdown, safe_url
from .meta import page_file
from .notes import annotated_items

GROUPED = ("actors", "sources")  # taxonomies whose index entries name their kind
TOP = 20  # quotes and claims shown on a term's first page
TOP_COOCCURRING = 20  # the picture draws the first 12


def index_pages(ctx: RenderContext, taxonomy: Taxonomy) -> Iterator[tuple[str, str]]:
    """The index of a taxonomy twice: A–Z in German order with a jump bar, and by number of
    articles. Only terms with articles: an index leads to pages worth reading."""
    listed = [term for term in taxonomy.terms.values() if term.articles]
    by_name, by_count = paths.taxonomy_index(taxonomy.name), paths.taxonomy_index_by_count(taxonomy.name)
    letters = collate.by_initial(listed, lambda term: term.name, lambda term: term.id)
    groups = [{"label": letter, "anchor": _anchor(letter), "terms": [_entry(ctx, taxonomy, t) for t in terms]}
              for letter, terms in letters]
    body = ctx.render("taxonomy_index.md.j2", by_name, taxonomy=taxonomy.name, count=len(listed),
                      letters=[(g["label"], g["anchor"]) for g in groups], groups=groups,
                      other={"label": ctx.labels["by_count"], "page": by_count})
    yield by_name, page_file({"title": ctx.labels[taxonomy.name]}, body)
    ranked = sorted(listed, key=lambda term: (-len(term.articles), collate.sort_key(term.name, term.id)))
    body = ctx.render("taxonomy_index.md.j2", by_count, taxonomy=taxonomy.name, count=len(listed),
                      letters=[], other={"label": ctx.labels["by_name"], "page": by_name},
                      groups=[{"label": ctx.labels["by_count"], "anchor": "", "terms": [_entry(ctx, taxonomy, t) for t in ranked]}])
    yield by_count, page_file({"title": f"{ctx.labels[taxonomy.name]}: {ctx.labels['by_count']}"}, body)


def _anchor(letter: str) -> str:
    return {collate.DIGITS: "digits", collate.OTHER: "other"}.get(letter, letter.lower())


def _entry(ctx: RenderContext, taxonomy: Taxonomy, term: Term) -> dict[str, Any]:
    kind = getattr(term.entry, "kind", "") if taxonomy.name in GROUPED else ""
    key = "kind_photo" if kind == "photo" else f"kind_{kind}"
    return {"id": term.id, "name": term.name, "articles": term.articles, "kind": ctx.labels.get(key, "") if kind else ""}


def term_pages(ctx: RenderContext, term: Term, annotated: list | None = None) -> Iterator[tuple[str, str]]:
    size = ctx.settings.page_size
    total_pages = page_count(term.articles, size)
    for number, chunk in enumerate(chunks(term.articles, size), start=1):
        page = paths.term_page(term.taxonomy, term.id, number)
        first = number == 1
        articles = [ctx.archive.article(s) for s in chunk]
        link = ctx.linker(page)
        body = ctx.render(
            "term.md.j2", page, link,
            taxonomy=term.taxonomy, term_id=term.id, entry=term.entry, name=term.name,
            facts=facts(ctx, term, link) if first else "",
            description=safe_markdown(getattr(term.entry, "description", "") or "") if first else "",
            years=[(year, [link.article(a) for a in items]) for year, items in groupby(articles, key=lambda a: a.date.year)],
            first_date=_span(ctx, term)[0], last_date=_span(ctx, term)[1], total=len(term.articles),
            number=number, total_pages=total_pages,
            pager=ctx.pager(lambda n: paths.term_page(term.taxonomy, term.id, n), number, total_pages),
            cooccurring=ctx.archive.cooccurrence.get(term.id, ())[:TOP_COOCCURRING]
            if first and term.taxonomy == "actors" else (),
            quotes=ctx.archive.quotes_by_actor.get(term.id, ())[:TOP] if first and term.taxonomy == "actors" else (),
            claims=_claims(ctx, term) if first else (),
            events=listed_events(ctx, ctx.term_events.get((term.taxonomy, term.id), ())[:TOP], page) if first else [],
            annotated=annotated_items(ctx, annotated[:TOP], link) if first and annotated else [],
            activity=Markup(pictures.period_chart(ctx, page, [ctx.archive.article(s).date for s in term.articles],
                                                  ctx.labels["activity"].format(name=term.name)))
            if first and term.articles else "",
            network=Markup(pictures.network(ctx, term, page)) if first and term.taxonomy == "actors" and
            ctx.archive.cooccurrence.get(term.id) else "",
            structured=Markup(jsonld.script_tag(jsonld.term_jsonld(term.entry, url=ctx.absolute(page))))
            if first and term.entry is not None else "",
        )
        meta = {"title": term.name}
        if term.articles:
            meta["feed"] = paths.feed_path(term.taxonomy, term.id)
        yield page, page_file(meta, body)


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
    geography = _geography(ctx, term, link)
    return Markup(" · ".join(parts) + (f"  \n{geography}" if geography else ""))


MAX_PLACES = 30  # places listed on a state's page


def _geography(ctx: RenderContext, term: Term, link) -> str:
    """A place links to its state, a state to its places with articles (by their country)."""
    country = getattr(term.entry, "country", None)
    kind = getattr(term.entry, "kind", None)
    if not country or kind not in ("place", "state"):
        return ""
    if kind == "place":
        state = ctx.state_of(country)
        return f"{md_escape(ctx.labels['state_of_place'])}: {link(state.name, paths.term_page('actors', state.id))}" \
            if state is not None and state.id in ctx.archive.taxonomies["actors"].terms else ""
    places = state_places(ctx, term)
    if not places:
        return ""
    return f"{md_escape(ctx.labels['places'])}: " + ", ".join(
        str(link(t.name, paths.term_page("places", t.id))) for t in places)


def state_places(ctx: RenderContext, term: Term) -> list[Term]:
    """The places a state's page lists: those of its country with articles, most articles
    first. Their order follows the counts, so the page's key names it (:mod:`.cachekeys`)."""
    country = getattr(term.entry, "country", None)
    if not country or getattr(term.entry, "kind", None) != "state":
        return []
    return sorted((t for t in ctx.archive.taxonomies["places"].terms.values()
                   if t.articles and getattr(t.entry, "country", None) == country),
                  key=lambda t: (-len(t.articles), collate.sort_key(t.name, t.id)))[:MAX_PLACES]


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
