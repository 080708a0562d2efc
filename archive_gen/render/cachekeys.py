"""What each cached page shows, as a key: a page is rendered again only when its key changed.

An article page or a term's pages (with the term's feed) come from a page cache when their key
is the one stored. A key names everything the page shows, so that a cached page is always the
page a clean build would write (tests/test_incremental.py proves it for every kind of change):

- every page: the caller's salt (the code version), the render settings, and the *name table*:
  every term's taxonomy, id, name and kind, and every registry entry without its description
  (names, kinds, Wikidata ids and rights lines appear on any page, in links, chips and JSON-LD);
- an article page: the article's annotation key (its file's bytes, the registry's names), its
  slug and last-changed date, its Chronik page, and the identity of the articles it shows
  (related, older, newer: their titles and dates);
- a term's pages and feed: the term with its registry entry (the description is shown only
  here), and the identity of every article it lists or quotes, its co-occurring actors with
  their counts and newest shared article, its quotes and claims, the passage notes naming it,
  and the events it lists (:meth:`PageKeys.event`); a state's pages, the places they list in
  their order (by number of articles: a new article on a place reorders its state's list);
- a Chronik month's pages: the identity of every article of the month (title, date, and its
  annotation key for the wire sources shown) and the events with a report in the month;
- events: an article, term or month page that names an event shows its title, date and number
  of reports (the event pages and the events index are always rendered).

The published data files (``data/*.jsonl|csv``) are not pages: :mod:`archive_gen.dataset.publish`
streams them into docs/ and reuses the previous ones by its own key.

The other pages (the Chronik's index, indexes, home, hand-written pages, the archive's feed)
are few and always rendered.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from ..index.events import event_of
from ..model import Article, Term
from .context import RenderContext
from .terms import TOP, TOP_COOCCURRING, state_places


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


class PageKeys:
    def __init__(self, ctx: RenderContext, annotation_keys: dict[str, str], salt: str,
                 annotated: dict[tuple[str, str], list] | None = None) -> None:
        self.ctx, self.annotation_keys, self.annotated = ctx, annotation_keys, annotated or {}
        archive = ctx.archive
        parts = [salt, repr(ctx.settings)]
        for name, taxonomy in archive.taxonomies.items():
            parts += [f"{name}\0{t.id}\0{t.name}\0{t.origin}\0{bool(t.articles)}" for t in taxonomy.terms.values()]
        for entries in (archive.registry.actors, archive.registry.sources, archive.registry.topics):
            parts += [repr(replace(entry, description="", path="")) for entry in entries.values()]
        self.names = _digest(*parts)
        self._idents: dict[str, str] = {}  # an article is listed on many term pages: named once

    def ident(self, slug: str) -> str:
        known = self._idents.get(slug)
        if known is None:
            article = self.ctx.archive.by_slug.get(slug)
            known = self._idents[slug] = f"?{slug}" if article is None else \
                f"{self.annotation_keys.get(article.source_file, '?')}\0{slug}\0{article.title}\0{article.date}"
        return known

    def event(self, event_id: str | None) -> str:
        """What a line naming an event shows: its title, date, precision and number of reports."""
        event = self.ctx.archive.events.get(event_id or "")
        if event is None:
            return "no event"
        return f"{event.id}\0{event.title}\0{event.date}\0{event.date_precision}\0" \
               f"{len(self.ctx.archive.event_reports.get(event.id, ()))}"

    def article(self, article: Article, position: int) -> str | None:
        own = self.annotation_keys.get(article.source_file)
        if own is None:
            return None
        ordered = self.ctx.archive.articles
        shown = [*self.ctx.archive.related.get(article.slug, ()),
                 ordered[position + 1].slug if position + 1 < len(ordered) else "",
                 ordered[position - 1].slug if position > 0 else ""]
        return _digest("article page", self.names, own, article.slug,
                       str(self.ctx.settings.updated.get(article.source_file)),
                       str(self.ctx.month_page_of(article.slug)), self.event(event_of(article)),
                       *(self.ident(s) for s in shown))

    def month(self, year: int, month: int, slugs: tuple[str, ...]) -> str | None:
        """A Chronik month's pages; None (render them) when an article's annotation key is unknown."""
        idents = [self.ident(slug) for slug in slugs]
        if any(ident.startswith("?") for ident in idents):
            return None
        return _digest("month pages", self.names, str(year), str(month), *idents, "\0events",
                       *(self.event(e) for e in self.ctx.month_events.get((year, month), ())))

    def term(self, term: Term) -> str:
        archive = self.ctx.archive
        related = [repr(archive.cooccurrence.get(term.id, ())[:TOP_COOCCURRING])]
        related += [self.ident(shared) for _, _, shared in archive.cooccurrence.get(term.id, ())[:TOP_COOCCURRING]]
        for table in (archive.quotes_by_actor, archive.claims_by_actor, archive.claims_by_source):
            related += [f"{self.ident(slug)}\0{item!r}" for slug, item in table.get(term.id, ())[:TOP]]
        related += [f"{self.ident(article.slug)}\0{note!r}" for article, note in self.annotated.get((term.taxonomy, term.id), [])]
        related += ["\0events", *(self.event(e) for e in self.ctx.term_events.get((term.taxonomy, term.id), ())[:TOP])]
        related += ["\0places", *(place.id for place in state_places(self.ctx, term))]  # ordered by their counts
        return _digest("term pages", self.names, term.taxonomy, term.id, term.name, term.origin, repr(term.entry),
                       *(self.ident(slug) for slug in term.articles), "\0related", *related)
