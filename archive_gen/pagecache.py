"""Page Markdown from the cache: article and term pages are rendered again only when what they
show changed.

Rendering every page costs about 1 ms each (10,000 article pages and a few thousand term pages:
seconds), however small the change. This module yields exactly what
:func:`archive_gen.render.render_pages` yields, in the same order (a test compares the two),
but takes an article page, or all pages of one term, from the cache when its inputs are the
same as when it was stored:

- every page: the code version, the settings, and the *name table* (every term's taxonomy, id,
  name and kind: links and labels on any page may show any of them);
- an article page: the article's annotation key (its file's bytes, path, the registry's names)
  and its slug, and the date Git gives its file;
- a term's pages: the term and its registry entry (the description is shown here, and only
  here), and the identity (annotation key and slug) of every article it lists or quotes, its
  co-occurring actors with their counts, its quotes and claims.

The other pages (months, indexes, home, hand-written pages) are few and always rendered.
"""

from __future__ import annotations

from typing import Iterator

from .model import Archive, Article, Term
from .output.cache import Store, code_version, digest
from .render import Settings, render_pages
from .render.article import article_page
from .render.context import RenderContext
from .render.meta import page_file
from .render.site import custom_pages, timeline_pages
from .render.terms import TOP, index_groups, term_pages
from .paths import taxonomy_index


def name_table(archive: Archive, settings: Settings) -> str:
    parts = [code_version(), repr((settings.language, settings.page_size, settings.drafts))]
    for name, taxonomy in archive.taxonomies.items():
        parts += [f"{name}\0{term.id}\0{term.name}\0{getattr(term.entry, 'kind', '')}" for term in taxonomy.terms.values()]
    parts += [f"actor\0{a.id}\0{a.kind}\0{a.name}" for a in archive.registry.actors.values()]
    parts += [f"source\0{s.id}\0{s.name}" for s in archive.registry.sources.values()]
    parts += [f"topic\0{t.id}\0{t.name}" for t in archive.registry.topics.values()]
    return digest(*parts)


class _Keys:
    def __init__(self, archive: Archive, settings: Settings, article_keys: dict[str, str]) -> None:
        self.archive, self.settings, self.article_keys = archive, settings, article_keys
        self.names = name_table(archive, settings)

    def ident(self, slug: str) -> str:
        article = self.archive.by_slug.get(slug)
        return f"{self.article_keys.get(article.source_file, '?')}\0{slug}" if article is not None else f"?{slug}"

    def article(self, article: Article) -> str | None:
        own = self.article_keys.get(article.source_file)
        if own is None:
            return None
        return digest("article page", self.names, own, article.slug, str(self.settings.updated.get(article.source_file)))

    def term(self, term: Term) -> str | None:
        archive = self.archive
        related = [repr(archive.cooccurrence.get(term.id, ())[:TOP])]
        for table in (archive.quotes_by_actor, archive.claims_by_actor, archive.claims_by_source):
            related += [f"{self.ident(slug)}\0{item!r}" for slug, item in table.get(term.id, ())[:TOP]]
        return digest("term pages", self.names, term.taxonomy, term.id, term.name, term.origin, repr(term.entry),
                      *(self.ident(slug) for slug in term.articles), "\0related", *related)


def cached_pages(archive: Archive, settings: Settings, store: Store | None, article_keys: dict[str, str],
                 used: set[str] | None = None) -> Iterator[tuple[str, str]]:
    """What ``render_pages(archive, settings)`` yields, article and term pages from ``store``
    when their key is known (``article_keys``: source file → annotation key). ``used``
    receives the keys of this run (to prune the store after a complete build)."""
    if store is None:
        yield from render_pages(archive, settings)
        return
    ctx = RenderContext(archive, settings)
    keys = _Keys(archive, settings, article_keys)
    for article in archive.articles:
        yield from _through(store, keys.article(article), lambda a=article: [article_page(ctx, a)], used)
    for taxonomy in archive.taxonomies.values():
        for term in taxonomy.terms.values():
            yield from _through(store, keys.term(term), lambda t=term: list(term_pages(ctx, t)), used)
        page = taxonomy_index(taxonomy.name)
        body = ctx.render("taxonomy_index.md.j2", page, taxonomy=taxonomy.name, groups=index_groups(ctx, taxonomy))
        yield page, page_file({"title": ctx.labels[taxonomy.name]}, body)
    yield from timeline_pages(ctx)
    yield from custom_pages(ctx)


def _through(store: Store, key: str | None, render, used: set[str] | None) -> list[tuple[str, str]]:
    if key is not None and used is not None:
        used.add(key)
    if key is not None:
        cached = store.get(key)
        if isinstance(cached, list):
            return cached
    pages = render()
    if key is not None:
        store.put(key, pages)
    return pages
