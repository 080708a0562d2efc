"""Render: the archive graph in, Markdown pages with front matter out (pure: no I/O).

``docs/`` stays plain Markdown + front matter, renderer-neutral: links are relative ``.md``
links, theme work lives in ``overrides/``. Every value printed goes through :mod:`.escape`;
the UI's words come from gettext catalogs (:mod:`.i18n`).

    context.py   the template environment, dates, links, paging
    article.py   article pages        terms.py   term pages and taxonomy indexes
    site.py      Chronik, home page, hand-written pages      feedfiles.py  the Atom feeds
    feeds.py, jsonld.py, charts.py, collate.py: Atom, schema.org, SVG pictures, index order
    meta.py      the front matter shape of pages (and of imported files)
"""

from __future__ import annotations

from typing import Iterator

from ..model import Archive
from .article import article_page
from .context import RenderContext, Settings
from .feedfiles import feed_files
from .meta import article_front_matter, extracted_meta
from .site import custom_pages, timeline_pages
from .terms import taxonomy_pages

__all__ = ["Settings", "article_front_matter", "extracted_meta", "render_pages"]


def render_pages(archive: Archive, settings: Settings) -> Iterator[tuple[str, str]]:
    """Every page as (docs path, text), one at a time: memory stays at the graph's size."""
    ctx = RenderContext(archive, settings)
    for position, article in enumerate(archive.articles):
        yield article_page(ctx, article, position)
    for taxonomy in archive.taxonomies.values():
        yield from taxonomy_pages(ctx, taxonomy)
    yield from timeline_pages(ctx)
    yield from custom_pages(ctx)
    yield from feed_files(ctx)
