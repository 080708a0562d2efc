"""The article page: a compact header, the text linked as an encyclopaedia links it, the
quotes with their speakers, related articles, credits, rights and a citation."""

from __future__ import annotations

import re
from itertools import filterfalse
from typing import Any, Callable, Iterable

from markupsafe import Markup

from .. import paths
from ..model import Article, Block, Claim, Mention, Note, Quote, SourceRef
from . import jsonld
from .feeds import shorten
from .context import RenderContext
from .events import article_event
from .escape import escape_line_start, md_escape
from .meta import article_front_matter, page_file
from .notes import compose, note_items

# The chips under the headline, in this order (sources are in the header line and the credits).
HEADER_TAXONOMIES = ("actors", "places", "topics")
ROLE_ORDER = {"wire": 0, "cited": 1, "photo": 2}
LINKED_FORMS = frozenset({"name", "genitive", "short"})  # adjectives and demonyms count, unlinked
WORDS_PER_MINUTE = 200
DESCRIPTION_LENGTH = 200  # characters of the page's meta description (search results, link previews)
_WORD = re.compile(r"\w+")


def article_page(ctx: RenderContext, article: Article, position: int) -> tuple[str, str]:
    page = ctx.article_path(article)
    described = jsonld.summary(article)
    meta = {"description": shorten(described, DESCRIPTION_LENGTH), **article_front_matter(article)}
    updated = ctx.settings.updated.get(article.source_file)
    if updated is not None:
        meta["updated"] = updated
    link = ctx.linker(page)
    ordered = ctx.archive.articles
    body = ctx.render(
        "article.md.j2", page, link,
        a=article,
        meta_line=meta_line(ctx, article, link),
        chips=Markup(" ").join(link(ctx.term_name(name, term_id), paths.term_page(name, term_id),
                                    css=f"ag-chip ag-chip--{ctx.chip_kind(name, term_id)}")
                               for name in HEADER_TAXONOMIES for term_id in getattr(article, name)),
        provenance=provenance_note(ctx, article),
        event=article_event(ctx, article, link),
        body=Markup("\n\n".join(render_blocks(ctx, article, link))),
        sources=grouped_sources(ctx, article.sources),
        quotes=[quote_item(ctx, q, link) for q in article.quotes if q.speaker or q.speaker_name or q.via],
        claims=[quote_item(ctx, c, link) for c in article.claims],
        notes=note_items(ctx, article, link),
        updated=ctx.long_date(updated) if updated else None,
        corrections=[(ctx.long_date(c.date), c.text) for c in article.corrections],
        unpublished=article.status != "published",
        related=[link.article(ctx.archive.article(s)) for s in ctx.archive.related.get(article.slug, ())],
        older=ordered[position + 1] if position + 1 < len(ordered) else None,
        newer=ordered[position - 1] if position > 0 else None,
        rights=rights_line(ctx, article),
        citation=citation(ctx, article, page),
        structured=Markup(jsonld.script_tag(jsonld.article_jsonld(
            article, registry=ctx.archive.registry, url=ctx.absolute(page), site_url=ctx.settings.site_url,
            site_name=ctx.settings.site_name, licence=ctx.settings.licence or None,
            term_url=lambda taxonomy, term_id: ctx.absolute(paths.term_page(taxonomy, term_id)),
            kept=ctx.actor_nodes, described=described))),
    )
    return page, page_file(meta, body)


def meta_line(ctx: RenderContext, article: Article, link: Callable[..., Markup]) -> Markup:
    """Date (linked to its day in the Chronik), authors, wire and cited sources, photo
    agencies, reading time: one line, as a newspaper prints it under the headline."""
    t = ctx.labels
    parts = [link(ctx.format_date(article), *ctx.chronik_target(article))]
    if article.authors:
        parts.append(Markup(f"{md_escape(t['by'])} {md_escape(', '.join(article.authors))}"))
    for role, label in (("wire", None), ("cited", t["cited_short"]), ("photo", t["photos"])):
        ids = list(dict.fromkeys(ref.id for ref in article.sources if ref.role == role))
        if ids:
            names = ", ".join(link(_source_name(ctx, article, i), paths.term_page("sources", i)) for i in ids)
            parts.append(Markup(f"{md_escape(label)}: {names}" if label else names))
    words = word_count(article.doc.text)
    parts.append(Markup(md_escape(t["reading_time"].format(minutes=max(1, round(words / WORDS_PER_MINUTE))))))
    return Markup(" · ".join(parts))


def word_count(text: str) -> int:
    """``len(re.findall(r"\\w+", text))`` at a fraction of its cost: a word never spans
    whitespace, and a token of letters and digits only (``str.isalnum``: ``\\w`` without
    ``_``) is one word, so the pattern searches only the other tokens (about a fifth)."""
    tokens = text.split()
    rest = list(filterfalse(str.isalnum, tokens))
    return len(tokens) - len(rest) + len(_WORD.findall(" ".join(rest)))


def provenance_note(ctx: RenderContext, article: Article) -> str:
    """Who chose the chips, once: "found automatically", or per list where editors decided."""
    lists = {k: v for k, v in article.provenance.items() if k in HEADER_TAXONOMIES and getattr(article, k)}
    if not lists:
        return ""
    if set(lists.values()) == {"machine"}:
        return ctx.labels["all_machine"]
    return "; ".join(f"{ctx.labels[k]}: {ctx.labels['prov_' + v.replace(', ', '_')]}" for k, v in lists.items())


def render_blocks(ctx: RenderContext, article: Article, link: Callable[..., Markup]) -> list[str]:
    """Every block as Markdown. An entity is linked at its first mention in the running text,
    and again in captions (read on their own); subheads carry no links. Passages with an
    editor's note are highlighted, with the note's numbered marker after them."""
    targets = sorted(((m, ctx.archive.actor_taxonomy(m.id)) for m in article.mentions if m.how in LINKED_FORMS),
                     key=lambda item: (item[0].start, item[0].end))
    targets += [(m, "sources") for m in article.source_mentions]
    targets.sort(key=lambda item: (item[0].start, item[0].end))
    in_text: set[tuple[str, str]] = set()
    quotes = ctx.labels["quote_open"], ctx.labels["quote_close"]
    notes = [n for n in article.notes if n.anchored]
    label = ctx.labels["note_marker"]
    out = []
    for block in article.doc.blocks:
        if block.kind == "subhead":
            text = typographic(block.text, quotes)
            out.append("## " + (escape_line_start(compose(block, text, [], notes, label).strip()) if notes
                                else md_escape(text)))
        elif block.kind == "credit":
            out.append(f"{md_escape(ctx.labels['media_credit'])}: {md_escape(block.credit or block.text)} · "
                       f"{md_escape(ctx.labels['not_in_archive'])}\n{{ .ag-credit }}")
        elif block.kind == "caption":
            text = linked_text(block, targets, set(), link, quotes, notes, label)
            credit = f"{md_escape(ctx.labels['photo_credit'])}: {md_escape(block.credit)} · " if block.credit else ""
            out.append(f"*{text}*\n{{ .ag-caption }}\n\n{credit}{md_escape(ctx.labels['not_in_archive'])}\n"
                       "{ .ag-caption-credit }")
        else:
            out.append(linked_text(block, targets, in_text, link, quotes, notes, label))
    return out


def linked_text(block: Block, targets: list[tuple[Mention, str]], linked: set[tuple[str, str]],
                link: Callable[..., Markup], quotes: tuple[str, str], notes: Iterable[Note] = (),
                label: str = "{number}") -> str:
    """Block text with the mentions not linked yet (``linked`` grows) turned into links, and
    the passages of ``notes`` marked (:func:`.notes.compose`). A mention right after another
    link ("Kim Putin") waits for its next one: two links side by side read as one name."""
    links, pos, last_end = [], block.start, -1
    text = typographic(block.text, quotes)
    for m, taxonomy in targets:
        if m.start < pos or m.end > block.end or m.start < block.start or (taxonomy, m.id) in linked:
            continue
        gap = text[pos - block.start:m.start - block.start]
        if last_end == pos and not gap.strip():
            continue
        linked.add((taxonomy, m.id))
        links.append((m.start, m.end, link(text[m.start - block.start:m.end - block.start],
                                           paths.term_page(taxonomy, m.id))))
        pos = last_end = m.end
    return escape_line_start(compose(block, text, links, notes, label).strip())


def typographic(text: str, quotes: tuple[str, str]) -> str:
    """Straight double quotes as the language's quotation marks („…“ in German), when they
    pair up; the same number of characters, so offsets stay valid."""
    if '"' not in text or text.count('"') % 2:
        return text
    parts = text.split('"')  # an odd number: the quoted pieces are parts[1], parts[3] …
    out = [parts[0]]
    for number in range(1, len(parts), 2):
        out += (quotes[0], parts[number], quotes[1], parts[number + 1])
    return "".join(out)


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


def rights_line(ctx: RenderContext, article: Article) -> str:
    """The licence the article names, else the rights line its wire source's entry requires."""
    licence = article.extra.get("license")
    if licence:
        attribution = article.extra.get("attribution")
        return f"{licence}, {attribution}" if attribution else str(licence)
    for ref in article.sources:
        entry = ctx.archive.registry.sources.get(ref.id)
        if ref.role == "wire" and entry is not None and entry.rights:
            return entry.rights
    return ""


def citation(ctx: RenderContext, article: Article, page: str) -> str:
    """``Source: „Title“, date. In: Archive. URL`` — a permanent address needs ``site_url``."""
    t = ctx.labels
    wire = [_source_name(ctx, article, r.id) for r in article.sources if r.role == "wire"]
    who = ", ".join(article.authors) or ", ".join(dict.fromkeys(wire))
    title = f"{t['quote_open']}{article.title}{t['quote_close']}"
    parts = [f"{who}: {title}" if who else title, ctx.format_date(article)]
    if ctx.settings.site_name:
        parts.append(t["in_archive"].format(site=ctx.settings.site_name))
    if ctx.settings.site_url:
        parts.append(ctx.settings.site_url + paths.page_url(page))
    return ". ".join(parts) + "."


def _source_name(ctx: RenderContext, article: Article, source_id: str) -> str:
    named = next((r.name for r in article.sources if r.id == source_id and r.name), None)
    return named or ctx.term_name("sources", source_id)
