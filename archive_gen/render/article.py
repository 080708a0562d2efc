"""The article page: header lists, the text with its links, quotes, claims and credits."""

from __future__ import annotations

from typing import Any, Callable

from markupsafe import Markup

from .. import paths
from ..model import Article, Block, Claim, Quote, SourceRef
from .context import RenderContext
from .escape import escape_line_start, md_escape
from .meta import article_front_matter, page_file

# The lists shown in the article's header, in this order (sources have their own section).
HEADER_TAXONOMIES = ("actors", "places", "topics")
ROLE_ORDER = {"wire": 0, "cited": 1, "photo": 2}


def article_page(ctx: RenderContext, article: Article) -> tuple[str, str]:
    page = ctx.article_path(article)
    meta = article_front_matter(article)
    updated = ctx.settings.updated.get(article.source_file)
    if updated is not None:
        meta["updated"] = updated
    link = ctx.linker(page)
    body = ctx.render(
        "article.md.j2", page,
        a=article,
        terms=[{"taxonomy": name, "ids": getattr(article, name)} for name in HEADER_TAXONOMIES if getattr(article, name)],
        body=Markup("\n\n".join(render_block(ctx, b, article, link) for b in article.doc.blocks)),
        sources=grouped_sources(ctx, article.sources),
        quotes=[quote_item(ctx, q, link) for q in article.quotes if q.speaker or q.speaker_name or q.via],
        claims=[quote_item(ctx, c, link) for c in article.claims],
        updated=ctx.long_date(updated) if updated else None,
        corrections=[(ctx.long_date(c.date), c.text) for c in article.corrections],
        unpublished=article.status != "published",
        provenance={key: ctx.labels[f"prov_{value.replace(', ', '_')}"] for key, value in article.provenance.items()},
    )
    return page, page_file(meta, body)


def render_block(ctx: RenderContext, block: Block, article: Article, link: Callable[..., Markup]) -> str:
    text = linked_text(ctx, block, article, link)
    if block.kind == "subhead":
        return f"## {text}"
    if block.kind == "caption":
        credit = f" — {md_escape(ctx.labels['photo_credit'])}: {md_escape(block.credit)}" if block.credit else ""
        return f"*{text}*{credit}\n{{ .ag-caption }}"
    if block.kind == "credit":
        return f"{md_escape(block.credit or block.text)}\n{{ .ag-credit }}"
    return text


def linked_text(ctx: RenderContext, block: Block, article: Article, link: Callable[..., Markup]) -> str:
    """Block text with each actor, place and source mention linked to its page."""
    targets = [(m, ctx.archive.actor_taxonomy(m.id)) for m in article.mentions]
    targets += [(m, "sources") for m in article.source_mentions]
    pieces, pos, linked = [], block.start, set()
    for m, taxonomy in sorted(targets, key=lambda item: (item[0].start, item[0].end)):
        if m.start < pos or m.end > block.end or (taxonomy, m.id) in linked:
            continue  # one link per entry and paragraph: readable, still one click away
        linked.add((taxonomy, m.id))
        pieces.append(md_escape(block.text[pos - block.start:m.start - block.start], inline=True))
        pieces.append(str(link(m.text, paths.term_page(taxonomy, m.id))))
        pos = m.end
    pieces.append(md_escape(block.text[pos - block.start:], inline=True))
    return escape_line_start("".join(pieces).strip())


def quote_item(ctx: RenderContext, quote: Quote | Claim, link: Callable[..., Markup]) -> dict[str, Any]:
    """A quote or claim with its speaker and source linked (the text itself stays text)."""
    speaker = quote.speaker
    taxonomy = ctx.archive.actor_taxonomy(speaker) if speaker else "actors"
    return {
        "text": quote.text,
        "speaker": (link(ctx.term_name(taxonomy, speaker), paths.term_page(taxonomy, speaker)) if speaker
                    else quote.speaker_name),
        "via": link(ctx.term_name("sources", quote.via), paths.term_page("sources", quote.via)) if quote.via else None,
    }


def grouped_sources(ctx: RenderContext, refs: tuple[SourceRef, ...]) -> list[dict[str, Any]]:
    """Sources by role (wire, cited, photo), each with the credits it was printed with."""
    groups: dict[str, dict[str, Any]] = {}
    for ref in refs:
        group = groups.setdefault(ref.role, {"role": ref.role, "items": {}})
        name = ref.name or ctx.term_name("sources", ref.id)
        item = group["items"].setdefault(ref.id, {"id": ref.id, "name": name, "credits": []})
        if ref.credit and ref.credit not in item["credits"]:
            item["credits"].append(ref.credit)
    return [{"role": g["role"], "items": list(g["items"].values())}
            for g in sorted(groups.values(), key=lambda g: ROLE_ORDER[g["role"]])]
