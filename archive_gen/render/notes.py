"""Passage notes on the page: the passage highlighted, a numbered marker that links to the
note, the notes listed under the article, and on actor and source pages the articles whose
notes refer to them.

Renderer-neutral and readable without JavaScript: the highlight is a ``<mark>``, the marker a
real link (``<sup><a href="#ag-note-1" aria-label="Anmerkung 1">1</a></sup>``) to the note's
anchor in the list, which links back. The markup is built here from fixed strings and numbers
only; every word from the text or a note goes through :mod:`.escape` (a note's Markdown
through :func:`~.escape.safe_markdown`).
"""

from __future__ import annotations

import html
from urllib.parse import urlsplit
from typing import Any, Callable, Iterable

from markupsafe import Markup

from .. import paths
from ..model import Archive, Article, Block, Note
from .context import RenderContext
from .escape import md_escape, safe_markdown, safe_url

PASSAGE_OPEN, PASSAGE_CLOSE = '<mark class="ag-note-passage">', "</mark>"
INDENT = "    "  # a list item's continuation lines (Python-Markdown wants four spaces)


def anchor_id(number: int) -> str:
    return f"ag-note-{number}"


TIP_LENGTH = 300  # characters of a note shown when the pointer rests on its marker


def marker(number: int, label: str, tip: str = "") -> str:
    """The numbered link from the passage to its note (and the note's way back: its id); the
    note's text pops up as the link's title, and the link leads to the whole note."""
    text = " ".join(tip.split())
    text = text if len(text) <= TIP_LENGTH else text[:TIP_LENGTH - 1].rsplit(" ", 1)[0] + " …"
    title = f' title="{html.escape(text)}"' if text else ""
    return (f'<sup class="ag-note-ref" id="ag-note-ref-{number}"><a href="#{anchor_id(number)}" '
            f'role="doc-noteref" aria-label="{html.escape(label.format(number=number))}"{title}>{number}</a></sup>')


def marked_notes(article: Article) -> set[int]:
    """Numbers of the anchored notes whose passage ends where the page can mark it (not in a
    bare credit line, which is printed as a credit, not as its text)."""
    marked = set()
    for note in article.notes:
        if note.end is None:
            continue
        block = next((b for b in article.doc.blocks if b.start < note.end <= b.end), None)
        if block is not None and block.kind != "credit":
            marked.add(note.number)
    return marked


def compose(block: Block, text: str, links: list[tuple[int, int, Markup]], notes: Iterable[Note],
            label: str) -> str:
    """The block's text (``text``: as printed, same length as ``block.text``) as Markdown: the
    chosen ``links`` (start, end, markup) in place, note passages highlighted and each note's
    marker after its passage. A passage edge inside a link moves to the link's edge."""
    notes = list(notes)
    tips = {note.number: note.note for note in notes}
    regions, markers = _note_regions(block, links, notes)
    cuts = sorted({block.start, block.end, *(x for s, e, _ in links for x in (s, e)),
                   *(x for region in regions for x in region), *markers})
    link_at = {s: markup for s, _, markup in links}
    starts, ends = {s for s, _ in regions}, {e for _, e in regions}
    out = []
    for a, b in zip(cuts, [*cuts[1:], None]):
        if a in ends:
            out.append(PASSAGE_CLOSE)
        out.extend(marker(n, label, tips.get(n, "")) for n in sorted(markers.get(a, ())))
        if b is None:
            break
        if a in starts:
            out.append(PASSAGE_OPEN)
        piece = text[a - block.start:b - block.start]
        out.append(str(link_at[a]) if a in link_at else md_escape(piece, inline=True))
    return "".join(out)


def _note_regions(block: Block, links: list[tuple[int, int, Markup]], notes: Iterable[Note]):
    """Merged highlight regions of the notes in this block, and marker positions → numbers."""
    def snap(x: int, outward: int) -> int:
        for s, e, _ in links:
            if s < x < e:
                return s if outward < 0 else e
        return x

    spans, markers = [], {}
    for note in notes:
        if note.start is None or note.end is None or note.end <= block.start or note.start >= block.end:
            continue
        start, end = snap(max(note.start, block.start), -1), snap(min(note.end, block.end), 1)
        spans.append((start, end))
        if note.end <= block.end:
            markers.setdefault(end, []).append(note.number)
    regions: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if regions and start <= regions[-1][1]:
            regions[-1] = (regions[-1][0], max(end, regions[-1][1]))
        else:
            regions.append((start, end))
    return regions, markers


def note_items(ctx: RenderContext, article: Article, link: Callable[..., Markup]) -> dict[str, list[Markup]]:
    """The notes listed under the article: ``anchored`` (numbered like their markers) and
    ``orphans`` (their passage is gone or ambiguous), each a Markdown list item."""
    t, quotes = ctx.labels, (ctx.labels["quote_open"], ctx.labels["quote_close"])
    marked = marked_notes(article)
    items: dict[str, list[Markup]] = {"anchored": [], "orphans": []}
    for note in article.notes:
        head = (f'<span class="ag-note-target" id="{anchor_id(note.number)}"></span>'
                f"**{md_escape(quotes[0] + note.exact + quotes[1], inline=True).strip()}**")
        if note.number in marked:
            head += (f' <a class="ag-note-back" href="#ag-note-ref-{note.number}" '
                     f'aria-label="{html.escape(t["note_back"])}">↩</a>')
        lines = [head, "", *safe_markdown(note.note).splitlines()]
        byline = _byline(ctx, note, link)
        if byline:
            lines += ["", byline, "{ .ag-note-by }"]
        item = ("\n".join(INDENT + line if line.strip() else "" for line in lines)).strip()
        bullet = f"{note.number}." if note.anchored else "-"
        items["anchored" if note.anchored else "orphans"].append(Markup(f"{bullet} {item}"))
    return items


def _byline(ctx: RenderContext, note: Note, link: Callable[..., Markup]) -> str:
    """— Author, date · Sources: links to the web, to actors' and sources' pages."""
    who = ", ".join(x for x in (md_escape(note.author, inline=True).strip(),
                                 ctx.long_date(note.date) if note.date else "") if x)
    refs = []
    for ref in note.sources:
        if ref in note.actors:
            taxonomy = ctx.archive.actor_taxonomy(ref)
            refs.append(str(link(ctx.term_name(taxonomy, ref), paths.term_page(taxonomy, ref))))
        elif ref in note.source_ids:
            refs.append(str(link(ctx.term_name("sources", ref), paths.term_page("sources", ref))))
        elif safe_url(ref):  # shown by its host: the whole address is in the link
            refs.append(f"[{md_escape(urlsplit(ref).netloc)}]({safe_url(ref)})")
        else:
            refs.append(md_escape(ref, inline=True))
    parts = [f"— {who}"] if who else []
    if refs:
        parts.append(f"{md_escape(ctx.labels['note_sources'])}: {', '.join(refs)}")
    return " · ".join(parts)


def annotated_in(archive: Archive) -> dict[tuple[str, str], list[tuple[Article, Note]]]:
    """(taxonomy, id) → the articles and notes that refer to an actor, place or source, newest
    first: built once, for every term page."""
    found: dict[tuple[str, str], list[tuple[Article, Note]]] = {}
    for article in archive.articles:
        for note in article.notes:
            for actor in note.actors:
                found.setdefault((archive.actor_taxonomy(actor), actor), []).append((article, note))
            for source in note.source_ids:
                found.setdefault(("sources", source), []).append((article, note))
    return found


def annotated_items(ctx: RenderContext, entries: list[tuple[Article, Note]], link: Callable[..., Markup]) -> list[Any]:
    """``date: article title, note n („passage“)`` for a term page, each linked to the note."""
    quotes = ctx.labels["quote_open"], ctx.labels["quote_close"]
    return [Markup(f"{md_escape(ctx.format_date(article))}: "
                   f"{link(article.title, ctx.article_path(article), anchor_id(note.number))} "
                   f"({md_escape(quotes[0] + note.exact + quotes[1], inline=True).strip()})")
            for article, note in entries]
