"""Stand-ins: what Pagefind indexes of each rendered page (:mod:`.search` runs Pagefind on them).

What is indexed, and how
------------------------
Only article pages (``articles/<yyyy>/<mm>/<slug>/``) and the first page of each actor, place,
topic and source (``actors/<id>/`` …): never navigation, header, footer, overview pages or
the lists the generator adds around an article's text.

The rendered pages are not changed. For every page to index, :func:`.search.index_site` writes a small
stand-in document (same relative path, in a temporary directory) holding only what should be
found, and runs ``pagefind --site <that directory> --output-path <site>/pagefind``: the result
URLs are the site's URLs, and the site's HTML stays exactly what MkDocs wrote (so a rerun gives
the same input, and no template of another renderer has to carry Pagefind attributes). The
stand-in is cut from the page's ``<article class="md-content__inner">`` by its top-level blocks
(the generated Markdown's structure, not its German labels):

* the heading (``h1``) is the result's title;
* an article's **metadata list** is the first list after the heading (date, actors, places,
  topics, authors); its **generated sections** are the run of ``h2`` + list pairs that ends the
  page (quotes, claims, sources and credits, and a source list a Markdown article ends with).
  Both are left out of the text, and so is the line to the older and newer article
  (``p.ag-prevnext``: their headlines), which stands before the generated sections when an
  article has no quotes, claims, notes or related articles. What lies between is the article's
  text (lead, paragraphs, subheads, captions), and that is what a search finds and an excerpt
  shows;
* a term page keeps its heading and what precedes its first ``h2`` (kind, description), not
  the article lists, nor its article count and activity chart (they change with every new
  article naming the term, and would re-index the term pages' shard each time);
* **filters** (``data-pagefind-filter``): ``Akteur``, ``Ort``, ``Thema`` and ``Quelle`` are the
  names of the term pages linked from an article's metadata list and generated sections
  (those lists print each term by its name; the text links mention forms like "Putins"),
  ``Jahr`` comes from the article's URL (term pages have no filter values: a filter narrows
  the results to articles);
* **meta** (``data-pagefind-meta``): ``datum``, the article's date as the page prints it
  (Pagefind UI shows it under the title as "Datum: 19. Juni 2024").

All pages are indexed in one language (``--force-language``, German by default), so English
articles are found from the German site's search box too; Pagefind stems with that language's
Snowball stemmer ("Putins" finds "Putin") and folds diacritics ("Pjongjang" finds "Pjöngjang").

A term page's description is weighted down (``TERM_TEXT_WEIGHT``): a place's page comes first
for its own name, but not for every place its description mentions. Filter values are made
inert (:func:`_inert`): Pagefind UI prints them as HTML.

Determinism: the stand-ins are the same for the same site (sorted pages, sorted filters), and
with Pagefind 1.5.2 the word index (``index/``), the fragments (``fragment/``) and the UI files
are byte-identical from run to run. The filter files are not: Pagefind writes a filter's values
in hash-map order, which changes per run, so ``stablefilters.py`` rewrites them sorted (and with
them the ``pf_meta`` that names them and ``pagefind-entry.json``): the whole bundle is the same
bytes for the same site (``tests/test_search.py::test_index_is_reproducible``).
"""

from __future__ import annotations

import html
import os
import posixpath
import re
from pathlib import Path

from ..paths import TAXONOMIES

__all__ = ["FILTER_NAMES", "STAND_INS_VERSION", "TERM_TEXT_WEIGHT", "kind_of", "pages_to_index", "stand_in", "stand_in_of_content"]

TERM_TEXT_WEIGHT = 0.25  # Pagefind weight of a term page's description (article text: 1, h1: 7)
# Part of every stand-in's cache key (``beside.stand_in_key``): a change to what a stand-in holds
# changes it, so that a rebuild makes every stand-in anew instead of indexing the old ones.
STAND_INS_VERSION = "2: no older/newer line"

# Filter and meta names in the site's language (Pagefind UI shows them as given). No filter
# "all articles": Pagefind UI loads every filter on the first search, and a value that every
# article has costs 2-3 bytes per article (23 KB at 10,000 articles); "Jahr" is the same kind.
FILTER_NAMES = {
    "de": {"actors": "Akteur", "places": "Ort", "topics": "Thema", "sources": "Quelle",
           "year": "Jahr", "date": "datum"},
    "en": {"actors": "Actor", "places": "Place", "topics": "Topic", "sources": "Source",
           "year": "Year", "date": "date"},
}

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "source", "track", "wbr"})
_ARTICLE_OPEN = re.compile(r'<article\b[^>]*\bclass="[^"]*\bmd-content__inner\b[^"]*"[^>]*>')
_LINK = re.compile(r'<a\b[^>]*?\bhref="([^"]*)"[^>]*>(.*?)</a>', re.DOTALL)
_ANY_TAG = re.compile(r"<[^>]*>")
_CLASS = re.compile(r'\bclass="([^"]*)"')
_SPACE = re.compile(r"\s+")


def pages_to_index(site_dir: Path) -> list[tuple[str, str]]:
    """(site-relative path, kind) of the pages to index, sorted: articles and term pages
    (``articles/<yyyy>/<mm>/<slug>/index.html``, ``<taxonomy>/<id>/index.html``; listed with
    ``scandir``, not ``glob``: ~10,800 pages per build at 10,000 articles)."""
    pages: list[tuple[str, str]] = []
    site = str(site_dir)
    for year in _folders(os.path.join(site, "articles")):
        for month in _folders(os.path.join(site, "articles", year)) if year.isdigit() else ():
            if month.isdigit():
                pages += [(f"articles/{year}/{month}/{slug}/index.html", "articles")
                          for slug in _folders(os.path.join(site, "articles", year, month), "index.html")]
    for taxonomy in TAXONOMIES:
        pages += [(f"{taxonomy}/{term}/index.html", taxonomy)
                  for term in _folders(os.path.join(site, taxonomy), "index.html")]
    return sorted(pages)


def kind_of(rel: str) -> str | None:
    """The kind :func:`pages_to_index` gives a site path (``articles`` or the taxonomy), None for
    a page it does not index: what a render process asks of each page it writes."""
    parts = rel.split("/")
    if len(parts) == 5 and parts[0] == "articles" and parts[1].isdigit() and parts[2].isdigit() \
            and parts[4] == "index.html" and parts[3]:
        return "articles"
    if len(parts) == 3 and parts[0] in TAXONOMIES and parts[2] == "index.html" and parts[1]:
        return parts[0]
    return None


def _folders(path: str, holding: str = "") -> list[str]:
    """The names of the folders in ``path`` (none when it is no folder), with a file ``holding``."""
    try:
        with os.scandir(path) as entries:
            names = [entry.name for entry in entries if entry.is_dir()]
    except (FileNotFoundError, NotADirectoryError):
        return []
    return [name for name in names if os.path.isfile(os.path.join(path, name, holding))] if holding else names


def _blocks(inner: str) -> list[tuple[str, int, int]]:
    """The top-level elements of an HTML fragment: (tag, start, end) offsets into ``inner``.

    A tag scanner, not a full parser: the fragment is MkDocs' own serialisation of the generated
    Markdown (well-formed, attribute values escaped), and this is ~20x faster than html.parser.
    """
    blocks: list[tuple[str, int, int]] = []
    depth = 0
    start = 0
    tag_open = ""
    for match in _TAG.finditer(inner):
        closing, tag, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if closing:
            if depth == 0:
                continue
            depth -= 1
            if depth == 0:
                blocks.append((tag_open, start, match.end()))
        elif tag in _VOID or self_closing:
            if depth == 0:
                blocks.append((tag, match.start(), match.end()))
        else:
            if depth == 0:
                start, tag_open = match.start(), tag
            depth += 1
    return blocks


def _text(fragment: str) -> str:
    return _SPACE.sub(" ", html.unescape(_ANY_TAG.sub("", fragment))).strip()


def _term_links(fragment: str, page_dir: str) -> list[tuple[str, str]]:
    """(taxonomy, name) of every link in ``fragment`` to a term page (``actors/<id>/`` …)."""
    found = []
    for href, label in _LINK.findall(fragment):
        href = html.unescape(href).split("#", 1)[0]
        if not href or "://" in href or href.startswith(("/", "mailto:")):
            continue
        target = posixpath.normpath(posixpath.join(page_dir, href)).split("/")
        if len(target) == 2 and target[0] in TAXONOMIES and target[1] not in ("", ".", ".."):
            name = _text(label)
            if name:
                found.append((target[0], name))
    return found


def stand_in(page: str, rel: str, kind: str, language: str, names: dict[str, str]) -> str | None:
    """The document Pagefind indexes for one page, or None when the page has no content."""
    opening = _ARTICLE_OPEN.search(page)
    if opening is None:
        return None
    end = page.rfind("</article>")
    if end < opening.end():
        return None
    inner = page[opening.end():end]
    blocks = _blocks(inner)
    heading = next((i for i, (tag, _, _) in enumerate(blocks) if tag == "h1"), None)
    if heading is None:
        return None
    page_dir = posixpath.dirname(rel)
    filters: list[tuple[str, str]] = []
    meta: list[tuple[str, str]] = []
    if kind == "articles":
        body, listed = _article_parts(inner, blocks, heading)
        filters.append((names["year"], rel.split("/")[1]))
        for taxonomy, name in _term_links("".join(inner[s:e] for _, s, e in listed), page_dir):
            filters.append((names[taxonomy], name))
        date = _date_of(inner, listed)
        if date:
            meta.append((names["date"], date))
    else:
        # a term page: heading, kind and description; not the article lists below them
        first_h2 = next((i for i, (tag, _, _) in enumerate(blocks) if i > heading and tag == "h2"), len(blocks))
        body = [block for block in blocks[heading + 1:first_h2] if not _is_statistic(inner, block)]
    h1 = blocks[heading]
    parts = [
        "<!doctype html>",
        f'<html lang="{html.escape(language)}"><head><meta charset="utf-8">',
    ]
    for key, value in meta:
        parts.append(f'<meta data-pagefind-meta="{html.escape(key)}[content]" content="{html.escape(value)}">')
    for key, value in sorted({(key, _inert(value)) for key, value in filters}):
        parts.append(f'<meta data-pagefind-filter="{html.escape(key)}[content]" content="{html.escape(value)}">')
    parts.append("</head><body><main data-pagefind-body>")
    parts.append(inner[h1[1]:h1[2]])
    if kind == "articles":
        parts.extend(inner[s:e] for _, s, e in body)
    elif body:
        # a term is found by its name first; its description counts less than an article's
        # text, or every short description naming a place would outrank the articles about it
        parts.append(f'<div data-pagefind-weight="{TERM_TEXT_WEIGHT}">')
        parts.extend(inner[s:e] for _, s, e in body)
        parts.append("</div>")
    parts.append("</main></body></html>\n")
    return "\n".join(parts)


def stand_in_of_content(content: str, rel: str, kind: str, language: str, names: dict[str, str]) -> str | None:
    """The stand-in of a page not written yet, from its content (the HTML of its Markdown, as
    MkDocs' ``page.content``): :func:`stand_in` of the page, as long as the theme puts nothing but
    the content into the article. None when the content has no ``h1`` (the theme then adds the
    title as one) or no stand-in."""
    if "<h1" not in content:
        return None
    return stand_in(f'<article class="md-content__inner">{content}</article>', rel, kind, language, names) or None


def _inert(value: str) -> str:
    """A filter value that stays text in Pagefind UI.

    Pagefind decodes character references in what it reads (more than once: an escaped
    ``&amp;lt;`` comes out as ``<``) and Pagefind UI prints filter values as HTML. So a value
    carries no ``<``, ``>`` nor an ``&`` that could start a reference: they become the look-alikes
    ‹ › ＆ (a name from content such as ``<img onerror=…>`` is shown, never run).
    """
    value = value.replace("<", "\u2039").replace(">", "\u203a")
    return re.sub(r"&(?=[#A-Za-z0-9])", "\uff06", value)


def _article_parts(inner: str, blocks: list, heading: int) -> tuple[list, list]:
    """An article's text blocks, and what the generator put around them: the notices, header
    line and chips after the heading (paragraphs of an ``ag-`` class), and everything from the
    first generated section (a heading of class ``ag-section``: quotes, sources, citation). The
    older/newer line is in neither: its headlines are other articles', and it names no term."""
    i = heading + 1
    listed = []
    while i < len(blocks) and blocks[i][0] == "p" and _is_notice(inner[blocks[i][1]:blocks[i][2]]):
        listed.append(blocks[i])
        i += 1
    tail = next((k for k in range(i, len(blocks)) if "ag-section" in _classes(inner, blocks[k])), len(blocks))
    text = [block for block in blocks[i:tail] if "ag-prevnext" not in _classes(inner, block)]
    return text, listed + blocks[tail:]


def _classes(inner: str, block: tuple[str, int, int]) -> set[str]:
    head = inner[block[1]:inner.find(">", block[1]) + 1]
    match = _CLASS.search(head)
    return set(match.group(1).split()) if match else set()


def _is_statistic(inner: str, block: tuple[str, int, int]) -> bool:
    """A term page's article count and activity chart: they change with every article that
    names the term (which would re-index the term pages' shard), and a reader searches for a
    name, not for "12 Artikel"."""
    return any(name == "ag-term-summary" or name.startswith("ag-chart") for name in _classes(inner, block))


def _is_notice(block: str) -> bool:
    match = _CLASS.search(block[: block.find(">") + 1])
    return bool(match) and any(name.startswith("ag-") for name in match.group(1).split())


def _date_of(inner: str, listed: list) -> str:
    """The date as the page prints it: the first link of the header line (``p.ag-meta``)."""
    for block in listed:
        if "ag-meta" in _classes(inner, block):
            link = _LINK.search(inner[block[1]:block[2]])
            value = _text(link.group(2)) if link else ""
            return value if re.search(r"\d{4}", value) and len(value) <= 40 else ""
    return ""
