"""The Atom feed files: one for the archive (``feed.xml``), one per actor, place, topic and
source that has articles (``actors/<id>.xml``). Written into docs/ beside the pages, so any
renderer copies them as they are."""

from __future__ import annotations

from typing import Iterator

from .. import paths
from .context import RenderContext
from .feeds import atom_feed


def feed_files(ctx: RenderContext) -> Iterator[tuple[str, str]]:
    archive, settings = ctx.archive, ctx.settings
    site = settings.site_name or ctx.labels["home"]
    common = dict(site_url=ctx.absolute(paths.home_page()), language=ctx.locale, site_name=site,
                  link_of=lambda article: ctx.absolute(ctx.article_path(article)),
                  source_names={term.id: term.name for term in archive.taxonomies["sources"].terms.values()})
    yield paths.feed_path(), atom_feed(archive.articles, feed_url=ctx.absolute(paths.feed_path()), title=site, **common)
    for taxonomy in archive.taxonomies.values():
        for term in taxonomy.terms.values():
            if not term.articles:
                continue
            feed = paths.feed_path(taxonomy.name, term.id)
            yield feed, atom_feed(
                (archive.article(s) for s in term.articles[:ctx.settings.page_size]), feed_url=ctx.absolute(feed),
                title=ctx.labels["feed_title"].format(site=site, name=term.name),
                alternate_url=ctx.absolute(paths.term_page(taxonomy.name, term.id)), **common)
