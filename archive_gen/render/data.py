"""The open-data page (``data/index.md``): the tables the site publishes beside its pages
(JSON Lines, CSV, JSON Schema; written by :mod:`archive_gen.dataset`), and the licence of
each source's content, which a reuse of the texts must name."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from .. import dataset
from .context import RenderContext
from .escape import md_escape
from .meta import page_file

DATA_PAGE = f"{dataset.PUBLISH_DIR}/index.md"


def data_page(ctx: RenderContext) -> tuple[str, str]:
    page = DATA_PAGE
    files = [{"name": table.name, "description": table.description,
              "links": Markup(" · ").join(_file_link(label, path) for label, path in _files(table))}
             for table in dataset.TABLES]
    body = ctx.render("data.md.j2", page, files=files, licences=source_licences(ctx))
    return page, page_file({"title": ctx.labels["open_data"]}, body)


def _files(table: dataset.Table) -> list[tuple[str, str]]:
    return [*((dataset.SUFFIX[fmt].upper(), dataset.file_name(table, fmt)) for fmt in dataset.PUBLISHED_FORMATS),
            ("Schema", f"schema/{table.name}.schema.json")]


def _file_link(label: str, path: str) -> Markup:
    """A link to a data file beside the page (relative: it works under any site path)."""
    return Markup(f"[{md_escape(label)}]({path})")


def source_licences(ctx: RenderContext) -> list[dict[str, Any]]:
    """Each wire source (agency, outlet) of the archive's articles with the rights line of its
    registry entry, or a note that none is named; then the licences articles name themselves."""
    wires = {ref.id for a in ctx.archive.articles for ref in a.sources if ref.role == "wire"}
    found = []
    for term in ctx.archive.taxonomies["sources"].terms.values():
        if term.id in wires:
            found.append({"name": term.name, "id": term.id,
                          "rights": getattr(term.entry, "rights", "") or ctx.labels["data_no_rights"]})
    licences = sorted({str(a.extra["license"]) for a in ctx.archive.articles if a.extra.get("license")})
    return found + ([{"name": ctx.labels["data_article_licence"], "id": "", "rights": ", ".join(licences)}]
                    if licences else [])
