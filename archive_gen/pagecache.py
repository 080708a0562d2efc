"""The page cache: rendered pages kept between builds in a sealed store.

:func:`archive_gen.render.render_pages` decides which pages exist and what each shows (its keys,
:mod:`archive_gen.render.cachekeys`); this module only keeps them: a :class:`~archive_gen.render.PageCache`
over an :class:`~archive_gen.output.cache.Store`, salted with the code version.
"""

from __future__ import annotations

from typing import Callable, Iterator

from .model import Archive
from .output.cache import Store, code_version
from .output.pagestore import PageStore, StoredText
from .forking import fork_imap
from .render import Page, Settings, render_pages
from .render import Encoded  # a group's pages as UTF-8: half the memory of German text


class StoredPages:
    """Rendered pages by key; ``used`` collects the keys of this run (to prune the store)."""

    def __init__(self, store: Store | PageStore, annotation_keys: dict[str, str], used: set[str] | None = None) -> None:
        self.store, self.annotation_keys, self.used = store, annotation_keys, used
        self.salt = code_version()

    def through(self, key: str, render: Callable[[], Encoded]) -> Encoded:
        if self.used is not None:
            self.used.add(key)
        cached = self.store.get(key)
        if isinstance(cached, list):
            for _, page in cached:
                if isinstance(page, StoredText):
                    page.fallback = render  # its text damaged: the group rendered again
            return cached
        pages = render()
        self.store.put(key, pages)
        return pages

    def has(self, key: str) -> bool:
        return isinstance(self.store.get(key), list)


def cached_pages(archive: Archive, settings: Settings, store: Store | PageStore | None, article_keys: dict[str, str],
                 used: set[str] | None = None, jobs: int = 1) -> Iterator[tuple[str, Page]]:
    """What ``render_pages(archive, settings)`` yields; article and term pages from ``store``
    when nothing they show changed (``article_keys``: source file → annotation key), the
    others rendered in ``jobs`` processes when there are many. From a :class:`PageStore`, a
    cached page is a :class:`StoredText` (its digest at hand, its text read when asked for)."""
    cache = StoredPages(store, article_keys, used) if store is not None else None
    mapper = (lambda tasks: fork_imap(tasks, jobs)) if jobs > 1 else None
    return render_pages(archive, settings, cache, mapper)
