"""The site's full-text search: a Pagefind index of the rendered site in ``site/pagefind/``.

Material's own search plugin (lunr) writes one ``search_index.json`` that every reader downloads
whole on the first search (34.6 MB at 10,000 articles). Pagefind writes a chunked static index
instead: a search fetches the small entry files, the index chunks of the words searched and the
fragments of the results shown, so what a reader downloads grows with the query, not with the
archive. ``overrides/partials/search.html`` puts Pagefind's own UI into the header; it loads
nothing until a reader opens the search.

Call :func:`index_site` once MkDocs has rendered the site (the ``pagefind`` binary comes with
the ``pagefind[bin]`` package: no download at run time)::

    from archive_gen.publish.search import index_site
    stats = index_site(site_dir, language="de", quiet=True)

What is indexed, and how
------------------------
Only article pages (``articles/<yyyy>/<mm>/<slug>/``) and the first page of each actor, place,
topic and source (``actors/<id>/`` …): never navigation, header, footer, overview pages or
the lists the generator adds around an article's text.

The rendered pages are not changed. For every page to index, :func:`index_site` writes a small
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
  Both are left out of the text. What lies between is the article's text (lead, paragraphs,
  subheads, captions), and that is what a search finds and an excerpt shows;
* a term page keeps its heading and what precedes its first ``h2`` (kind, description), not
  the article lists;
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
in hash-map order, which changes per run, so their names, the ``pf_meta`` that lists them and
the hash in ``pagefind-entry.json`` change, while what they hold is the same
(``tests/test_search.py::test_index_is_reproducible`` pins exactly this).
"""

from __future__ import annotations

import html
import os
import posixpath
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import RenderError
from ..paths import TAXONOMIES

__all__ = ["SearchStats", "index_site", "pagefind_executable", "BUNDLE_DIR"]

BUNDLE_DIR = "pagefind"  # site/pagefind/: what overrides/partials/search.html loads
TERM_TEXT_WEIGHT = 0.25  # Pagefind weight of a term page's description (article text: 1, h1: 7)

# Filter and meta names in the site's language (Pagefind UI shows them as given). No filter
# "all articles": Pagefind UI loads every filter on the first search, and a value that every
# article has costs 2-3 bytes per article (23 KB at 10,000 articles); "Jahr" is the same kind.
_FILTER_NAMES = {
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


@dataclass(frozen=True)
class SearchStats:
    """What :func:`index_site` indexed and wrote."""

    articles: int   # article pages indexed
    terms: int      # actor, place, topic and source pages indexed
    files: int      # files written to site/pagefind/
    bytes: int      # their total size
    seconds: float  # wall-clock time of the whole call (stand-ins + pagefind)

    @property
    def pages(self) -> int:
        return self.articles + self.terms


def pagefind_executable() -> Path:
    """The ``pagefind`` binary: ``$PAGEFIND_BINARY_PATH``, the one ``pagefind[bin]`` installed,
    or one on ``PATH``. Raises :class:`RenderError` when there is none."""
    env = os.environ.get("PAGEFIND_BINARY_PATH")
    candidates: list[Path] = [Path(env)] if env else []
    if not env:
        try:
            from pagefind_bin import get_executable  # the binary shipped in the wheel
        except ImportError:
            pass
        else:
            try:
                candidates.append(Path(get_executable()))
            except (FileNotFoundError, OSError):
                pass
        found = shutil.which("pagefind")
        if found:
            candidates.append(Path(found))
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    where = f" ($PAGEFIND_BINARY_PATH={env} is not an executable file)" if env else ""
    raise RenderError(
        f"cannot build the search index: the pagefind binary was not found{where}; "
        "install it with: pip install 'pagefind[bin]' (see .ci/constraints.txt for the version)")


def index_site(site_dir: Path, *, language: str = "de", quiet: bool = True) -> SearchStats:
    """Index the rendered site in ``site_dir`` with Pagefind into ``site_dir/pagefind/``.

    Call it after MkDocs rendered the site (and before the site is published or swapped into
    place). An existing ``pagefind/`` directory is replaced. ``language`` is the one language
    all pages are indexed and stemmed in (an ISO 639-1 code; Pagefind UI takes its strings from
    the page's ``<html lang>``). With ``quiet=False`` Pagefind's progress is printed.

    Raises :class:`~archive_gen.errors.RenderError` when the binary is missing, ``site_dir`` is
    no rendered site, or Pagefind fails.
    """
    started = time.perf_counter()
    site_dir = Path(site_dir)
    if not (site_dir / "index.html").is_file():
        raise RenderError(f"cannot build the search index: {site_dir} is no rendered site (no index.html)")
    if not re.fullmatch(r"[a-z]{2}(-[A-Za-z0-9]+)?", language):
        raise RenderError(f"cannot build the search index: {language!r} is no language code like 'de'")
    executable = pagefind_executable()
    names = _FILTER_NAMES.get(language.split("-")[0], _FILTER_NAMES["en"])
    bundle = site_dir / BUNDLE_DIR
    if bundle.is_symlink() or bundle.is_file():
        bundle.unlink()
    elif bundle.exists():
        shutil.rmtree(bundle)

    with tempfile.TemporaryDirectory(prefix="archive-gen-search-") as tmp:
        stand_ins = Path(tmp) / "site"
        articles, terms = _write_stand_ins(site_dir, stand_ins, language, names)
        _run_pagefind(executable, stand_ins, bundle, language, quiet, cwd=tmp)

    files = [p for p in bundle.rglob("*") if p.is_file()]
    return SearchStats(articles=articles, terms=terms, files=len(files),
                       bytes=sum(p.stat().st_size for p in files),
                       seconds=round(time.perf_counter() - started, 3))


def _write_stand_ins(site_dir: Path, stand_ins: Path, language: str, names: dict[str, str]) -> tuple[int, int]:
    """The stand-in of every page to index, under ``stand_ins``; (articles, term pages) written."""
    articles = terms = 0
    for rel, kind in _pages_to_index(site_dir):
        document = _stand_in((site_dir / rel).read_text(encoding="utf-8", errors="replace"), rel, kind, language, names)
        if document is None:
            continue
        target = stand_ins / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(document, encoding="utf-8")
        articles, terms = (articles + 1, terms) if kind == "articles" else (articles, terms + 1)
    if not articles + terms:  # nothing to find: Pagefind still writes its (empty) bundle
        stand_ins.mkdir(parents=True, exist_ok=True)
        (stand_ins / "index.html").write_text(
            f'<!doctype html><html lang="{language}"><head><meta charset="utf-8"></head><body></body></html>',
            encoding="utf-8")
    return articles, terms


def _run_pagefind(executable: Path, stand_ins: Path, bundle: Path, language: str, quiet: bool, cwd: str) -> None:
    command = [str(executable), "--site", str(stand_ins), "--output-path", str(bundle.resolve()),
               "--force-language", language, *(["--silent"] if quiet else [])]
    try:
        # cwd: a temporary directory, so that no pagefind.yml of the caller's directory
        # changes what is indexed
        result = subprocess.run(command, cwd=cwd, stdin=subprocess.DEVNULL,
                                stdout=None if not quiet else subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, errors="replace", check=False)
    except OSError as exc:
        raise RenderError(f"cannot run {executable}: {exc}") from exc
    if result.returncode != 0:
        detail = (result.stderr or result.stdout or "").strip().splitlines()[-5:]
        raise RenderError(f"pagefind failed with exit code {result.returncode}: " + " | ".join(detail))


# ---------------------------------------------------------------------------- the pages


def _pages_to_index(site_dir: Path) -> list[tuple[str, str]]:
    """(site-relative path, kind) of the pages to index, sorted: articles and term pages."""
    pages: list[tuple[str, str]] = []
    articles = site_dir / "articles"
    if articles.is_dir():
        for path in articles.glob("*/*/*/index.html"):
            rel = path.relative_to(site_dir).as_posix()
            year, month = rel.split("/")[1:3]
            if year.isdigit() and month.isdigit():
                pages.append((rel, "articles"))
    for taxonomy in TAXONOMIES:
        folder = site_dir / taxonomy
        if folder.is_dir():
            pages.extend((path.relative_to(site_dir).as_posix(), taxonomy)
                         for path in folder.glob("*/index.html"))
    return sorted(pages)


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


def _stand_in(page: str, rel: str, kind: str, language: str, names: dict[str, str]) -> str | None:
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
        body = blocks[heading + 1:first_h2]
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
    first generated section (a heading of class ``ag-section``: quotes, sources, citation)."""
    i = heading + 1
    listed = []
    while i < len(blocks) and blocks[i][0] == "p" and _is_notice(inner[blocks[i][1]:blocks[i][2]]):
        listed.append(blocks[i])
        i += 1
    tail = next((k for k in range(i, len(blocks)) if "ag-section" in _classes(inner, blocks[k])), len(blocks))
    return blocks[i:tail], listed + blocks[tail:]


def _classes(inner: str, block: tuple[str, int, int]) -> set[str]:
    head = inner[block[1]:inner.find(">", block[1]) + 1]
    match = _CLASS.search(head)
    return set(match.group(1).split()) if match else set()


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
