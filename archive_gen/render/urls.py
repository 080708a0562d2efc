"""Rendered URLs of docs pages, for what MkDocs does not link for us.

``paths.py`` decides docs paths and the ``.md`` links between them, which MkDocs turns
into URLs. Three things need the URL itself: links inside raw HTML (the SVG charts; MkDocs
rewrites ``.md`` links only in Markdown), and the absolute URLs of feeds and JSON-LD.
These follow MkDocs' rule for ``use_directory_urls``.
"""

from __future__ import annotations

import posixpath


def page_url(page: str, directory_urls: bool = True) -> str:
    """The site-relative URL MkDocs gives a docs page:
    ``actors/kim.md`` → ``actors/kim/``, ``actors/index.md`` → ``actors/``, ``index.md`` → ``""``."""
    stem = page[:-3] if page.endswith(".md") else page
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


def html_href(from_page: str, to_page: str, directory_urls: bool = True) -> str:
    """A link for raw HTML from one docs page to another, relative to the rendered page:
    from ``actors/kim.md`` to ``actors/putin.md`` is ``../putin/``."""
    source, target = page_url(from_page, directory_urls), page_url(to_page, directory_urls)
    base = source if source.endswith("/") or not source else posixpath.dirname(source)
    rel = posixpath.relpath(target or ".", base.rstrip("/") or ".")
    return rel + "/" if target.endswith("/") or not target else rel


def absolute_url(site_url: str, page: str, directory_urls: bool = True) -> str:
    """The permanent URL of a docs page (or of a file such as ``feed.xml``) under ``site_url``."""
    path = page if not page.endswith(".md") else page_url(page, directory_urls)
    return site_url.rstrip("/") + "/" + path
