"""The article page's Markdown as the shipped ``article.md.j2`` prints it, built in Python.

Article pages are most of a build's pages, and about a quarter of one was Jinja's machinery
(a new context per page, ``getattr`` and ``call`` for every printed value). This is that
template statement by statement, every printed value through the same ``finalize``: the same
bytes. It is taken only while the template is the very one it was written from
(:data:`TEMPLATE_SHA256`, checked per environment): an edited template is rendered by Jinja,
and ``tests/test_render_shortcuts.py`` compares the two on random input.
"""

from __future__ import annotations

import hashlib
from typing import Any, Callable

import jinja2

from .. import paths
from .escape import finalize, md_escape

TEMPLATE = "article.md.j2"
TEMPLATE_SHA256 = "b312da3dea98d5b9fab05ec076abc676bb5e7985aeefa065eaf100e286fb3137"  # its source's UTF-8


def is_shipped(env: jinja2.Environment) -> bool:
    """Whether ``env`` loads the article template this module prints (its source's digest)."""
    source = env.loader.get_source(env, TEMPLATE)[0] if env.loader is not None else ""
    return hashlib.sha256(source.encode("utf-8")).hexdigest() == TEMPLATE_SHA256


def article_markdown(t: dict[str, str], link: Callable[..., Any], r: Any, *, a: Any, meta_line: Any, chips: Any,
                     provenance: Any, event: Any, body: Any, sources: Any, quotes: Any, claims: Any, notes: Any,
                     updated: Any, corrections: Any, unpublished: Any, related: Any, older: Any, newer: Any,
                     rights: Any, citation: Any, structured: Any) -> str:
    """``article.md.j2`` rendered with these values (``t`` the labels, ``r`` the render context)."""
    out: list[str] = []
    _head(out, t, a, meta_line, chips, provenance, event, updated, corrections, unpublished)
    out += ("\n", f(body), "\n")
    _lists(out, t, quotes, claims, notes, related)
    _neighbours(out, t, link, r, older, newer)
    _credits(out, t, link, r, a, sources, rights)
    out += ("\n## ", f(t["cite"]), " { .ag-section }\n\n", f(citation), "\n{ .ag-cite }\n\n", f(structured), "\n")
    return "".join(out)


f = finalize  # what Jinja calls on every printed value; the ``line`` filter is md_escape (kept as it is)


def _head(out: list[str], t: dict[str, str], a: Any, meta_line: Any, chips: Any, provenance: Any, event: Any,
          updated: Any, corrections: Any, unpublished: Any) -> None:
    """The title down to the summary."""
    out += ("# ", f(a.title), "\n")
    if a.provenance.get("title") == "machine":
        out += ("\n", md_escape(t["machine_title"]), "\n{ .ag-machine-title }\n")
    if unpublished:
        out += ("\n**", f(t[a.status]), ":** ", f(t["unpublished"]), "\n{ .ag-unpublished }\n")
    for when, what in corrections:
        out += ("\n**", f(t["corrected"]), " ", f(when), ":** ", f(what), "\n{ .ag-correction }\n")
    out += ("\n", f(meta_line))
    if updated:
        out += (" · ", f(t["updated"]), ": ", f(updated))
    out.append("\n{ .ag-meta }\n")
    if chips:
        out += ("\n", f(chips), "\n{ .ag-chips }\n")
    if provenance:
        out += ("\n", md_escape(provenance), "\n{ .ag-provenance }\n")
    if event:
        out += ("\n**", f(t["event"]), ":** ", f(event), "\n{ .ag-event }\n")
    summary = a.extra.get("summary")
    if summary:
        out += ("\n**", f(summary), "**\n{ .ag-summary }\n")


def _lists(out: list[str], t: dict[str, str], quotes: Any, claims: Any, notes: Any, related: Any) -> None:
    """Quotes, claims, notes and related articles under the text."""
    if quotes:
        out += ("\n## ", f(t["quotes"]), " { .ag-section }\n\n")
        for q in quotes:
            out += (f(t["quote_open"]), f(q["text"]), f(t["quote_close"]))
            if q["speaker"]:
                out += (" — ", f(q["speaker"]))
            if q["via"]:
                out += (" (", f(t["via"]), " ", f(q["via"]), ")")
            out.append("\n{ .ag-quote }\n\n")
    if claims:
        out += ("\n## ", f(t["claims"]), " { .ag-section }\n\n")
        for c in claims:
            out.append("- ")
            if c["speaker"]:
                out += ("**", f(c["speaker"]), "**")
                if c["via"]:
                    out += (" (", f(t["via"]), " ", f(c["via"]), ")")
            else:
                out += ("**", f(t["via"]), " ", f(c["via"]), "**")
            out += (": ", f(c["text"]), "\n\n")
    if notes["anchored"] or notes["orphans"]:
        out += ("\n## ", f(t["notes"]), " { .ag-section #ag-notes }\n\n")
        for item in notes["anchored"]:
            out += (f(item), "\n\n")
        if notes["orphans"]:
            out += (md_escape(t["notes_orphaned"]), "\n{ .ag-notes-orphaned }\n\n")
            for item in notes["orphans"]:
                out += (f(item), "\n\n")
    if related:
        out += ("\n## ", f(t["related"]), " { .ag-section }\n\n")
        for x in related:
            out += ("- ", f(x), "\n")


def _neighbours(out: list[str], t: dict[str, str], link: Callable[..., Any], r: Any, older: Any, newer: Any) -> None:
    if older or newer:
        out.append("\n")
        if older:
            out += ("← ", f(t["older"]), ": ", f(link(older.title, r.article_path(older))))
        if older and newer:
            out.append(" · ")
        if newer:
            out += (f(t["newer"]), ": ", f(link(newer.title, r.article_path(newer))), " →")
        out.append("\n{ .ag-prevnext }\n")


def _credits(out: list[str], t: dict[str, str], link: Callable[..., Any], r: Any, a: Any, sources: Any,
             rights: Any) -> None:
    out += ("\n## ", f(t["credits"]), " { .ag-section }\n\n")
    for group in sources:
        out += ("- **", f(t[group["role"]]), ":** ")
        items = group["items"]
        last = len(items) - 1
        for number, item in enumerate(items):
            out.append(f(link(item["name"], paths.term_page("sources", item["id"]))))
            if item["credits"]:
                out += (" (", f("; ".join(map(str, item["credits"]))), ")")
            if number != last:
                out.append(", ")
        out.append("\n")
    signoff = a.doc.signoff
    if signoff:
        out += ("- **", f(t["signoff"]), ":** ", f(signoff.raw), "\n")
    if rights:
        out += ("- **", f(t["rights"]), ":** ", f(rights), "\n")
    original = r.safe_url(a.extra.get("source_url"))
    if original:
        out += ("- **", f(t["original"]), ":** <", f(original), ">\n")
