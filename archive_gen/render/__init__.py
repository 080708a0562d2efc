"""Render: the archive graph in, Markdown pages with front matter out (pure: no I/O).

``docs/`` stays plain Markdown + front matter, renderer-neutral: links are relative ``.md``
links, theme work lives in ``overrides/``. Every value printed goes through :mod:`.escape`;
the UI's words come from gettext catalogs (:mod:`.i18n`).

    context.py   the template environment, dates, links, paging
    article.py   article pages        terms.py   term pages and taxonomy indexes
    site.py      Chronik, home page, hand-written pages      feedfiles.py  the Atom feeds
    events.py    event pages and the events index      data.py    the open-data page (files: dataset)
    feeds.py, jsonld.py, charts.py, collate.py: Atom, schema.org, SVG pictures, index order
    meta.py      the front matter shape of pages (and of imported files)
    frontyaml.py the pages' front matter as PyYAML writes it, without PyYAML's per-node work
"""

from __future__ import annotations

import hashlib
from typing import Callable, Iterable, Iterator, Protocol

from ..model import Archive
from .article import article_page
from .cachekeys import PageKeys
from .context import RenderContext, Settings
from ..dataset import PUBLISH_DIR, schema_files
from .data import data_page
from .events import event_pages
from .feedfiles import archive_feed, term_feed
from .meta import article_front_matter, extracted_meta
from .notes import annotated_in
from .site import MonthCache, custom_pages, timeline_pages
from .terms import index_pages, term_pages

__all__ = ["Encoded", "Made", "Page", "PageCache", "Settings", "Stored", "article_front_matter", "extracted_meta", "render_pages"]

Pages = list[tuple[str, str]]
# A group's pages as UTF-8 while they wait and while a cache keeps them: German text holds
# „…“, so Python keeps it as two bytes a character; UTF-8 needs about one (a 100,000-article
# archive's pages: ~1.4 GB instead of ~2.8 GB in memory while they are rendered and kept).
Encoded = list[tuple[str, bytes]]


class Stored(Protocol):
    """A cached page whose text a cache reads only when asked (its SHA-256 is at hand):
    staging links an unchanged page without it (:mod:`archive_gen.output.pagestore`)."""

    sha: str
    length: int  # of its bytes

    def data(self) -> bytes: ...

    def text(self) -> str: ...


Page = str | Stored  # what render_pages yields per path: a text, or a cache's stored page


class PageCache(Protocol):
    """Where rendered pages are kept between builds (:mod:`archive_gen.pagecache`)."""

    annotation_keys: dict[str, str]  # source file -> the key of its annotation
    salt: str  # the code version: new code, new pages

    def through(self, key: str, render: Callable[[], list[tuple[str, Page]]]) -> list[tuple[str, Page]]: ...

    def has(self, key: str) -> bool: ...


# Renders many pages at once, results in order, each as soon as it is ready (e.g. in worker
# processes: ``forking.fork_imap``).
Mapper = Callable[[list[Callable[[], Encoded]]], Iterable[Encoded]]


def render_pages(archive: Archive, settings: Settings, cache: PageCache | None = None,
                 mapper: Mapper | None = None) -> Iterator[tuple[str, Page]]:
    """Every page and feed as (docs path, text), one group at a time: memory stays at the
    graph's size. With ``cache``, an article page or a term's pages come from it when nothing
    they show changed (:mod:`.cachekeys`); with ``mapper``, the article and term pages the
    cache lacks are rendered through it first (in worker processes). The result is the same
    either way (a :class:`Stored` page's text is the page's)."""
    ctx = RenderContext(archive, settings)
    annotated = annotated_in(archive)  # passage notes that refer to an actor or a source
    keys = PageKeys(ctx, cache.annotation_keys, cache.salt, annotated) if cache is not None else None
    groups: list[tuple[str | None, Callable[[], Encoded]]] = [
        (keys and keys.article(article, position), lambda a=article, p=position: _encoded([article_page(ctx, a, p)]))
        for position, article in enumerate(archive.articles)]
    for taxonomy in archive.taxonomies.values():
        for term in taxonomy.terms.values():
            notes = annotated.get((taxonomy.name, term.id), [])
            groups.append((keys and keys.term(term),
                           lambda t=term, n=notes: _encoded([*term_pages(ctx, t, n), *term_feed(ctx, t)])))
    ready = _Ahead(groups, cache, mapper)

    def through(number: int) -> list[tuple[str, Page]]:
        key, render = groups[number]
        done = ready.get(number)
        render = render if done is None else (lambda: done)
        if cache is None:
            return _decoded(render())
        # the cache keeps the very Made pages staging hashes: their digests are made once
        return _kept(cache.through(key, lambda: _kept(render())) if key is not None else render())

    for number in range(len(archive.articles)):
        yield from through(number)
    number = len(archive.articles)
    for taxonomy in archive.taxonomies.values():
        for _ in taxonomy.terms:
            yield from through(number)
            number += 1
        yield from index_pages(ctx, taxonomy)
    yield from timeline_pages(ctx, _months_through(cache, keys))
    yield from event_pages(ctx)
    yield data_page(ctx)
    # the data files themselves (data/*.jsonl|csv) are streamed into docs/ by the pipeline
    yield from ((f"{PUBLISH_DIR}/schema/{name}", text) for name, text in schema_files())
    yield from custom_pages(ctx)
    yield archive_feed(ctx)


def _months_through(cache: PageCache | None, keys: PageKeys | None) -> MonthCache | None:
    """The Chronik's month pages through ``cache``, keyed by what they show (:meth:`PageKeys.month`)."""
    if cache is None or keys is None:
        return None

    def through(year: int, month: int, slugs: tuple[str, ...], render: Callable[[], Pages]) -> list[tuple[str, Page]]:
        key = keys.month(year, month, slugs)
        if key is None:
            return render()
        return _kept(cache.through(key, lambda: _kept(_encoded(render()))))
    return through


def _encoded(pages: Pages) -> Encoded:
    return [(path, text.encode("utf-8")) for path, text in pages]


def _decoded(pages: list[tuple[str, bytes | Stored]]) -> list[tuple[str, Page]]:
    """A group's pages as texts; a cache's stored page as it is (read only if needed)."""
    return [(path, data.decode("utf-8") if isinstance(data, bytes) else data) for path, data in pages]


def _kept(pages: list[tuple[str, bytes | Stored]]) -> list[tuple[str, Page]]:
    """A group's pages for the pipeline: rendered bytes stay bytes (:class:`Made`)."""
    return [(path, Made(data) if isinstance(data, bytes) else data) for path, data in pages]


class Made:
    """A page just rendered, as the UTF-8 bytes it came in (a :class:`Stored` page): staging
    hashes and writes these very bytes. Decoded here only to be encoded again there, the pages of
    100,000 articles (~1.4 GB) cost the main process two passes and a second copy in memory."""

    __slots__ = ("_data", "_sha")

    def __init__(self, data: bytes) -> None:
        self._data, self._sha = data, ""

    @property
    def sha(self) -> str:
        if not self._sha:
            self._sha = hashlib.sha256(self._data).hexdigest()
        return self._sha

    @property
    def length(self) -> int:
        return len(self._data)

    def data(self) -> bytes:
        return self._data

    def text(self) -> str:
        return self._data.decode("utf-8")


class _Ahead:
    """The groups the cache lacks, rendered through ``mapper``; ``get`` takes each in turn as
    the mapper yields it (asked in the groups' order: nothing waits for the whole batch)."""

    def __init__(self, groups: list[tuple[str | None, Callable[[], Encoded]]], cache: PageCache | None,
                 mapper: Mapper | None) -> None:
        self.missing: list[int] = [] if mapper is None else \
            [n for n, (key, _) in enumerate(groups) if cache is None or key is None or not cache.has(key)]
        self.results = iter(mapper([groups[n][1] for n in self.missing])) if self.missing else iter(())
        self.next = 0

    def get(self, number: int) -> Encoded | None:
        if self.next < len(self.missing) and self.missing[self.next] == number:
            self.next += 1
            done = next(self.results)
            if self.next == len(self.missing):
                for _ in self.results:  # nothing is left: the mapper ends now (its worker processes stop)
                    pass
            return done
        return None

