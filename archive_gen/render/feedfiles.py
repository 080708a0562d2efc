"""The Atom feed files: one for the archive (``feed.xml``), one per actor, place, topic and
source that has articles (``actors/<id>.xml``). Written into docs/ beside the pages, so any
renderer copies them as they are."""

from __future__ import annotations

from .. import paths
from ..model import Term
from .context import RenderContext
from .feeds import atom_feed


def _common(ctx: RenderContext) -> dict:
    return dict(site_url=ctx.absolute(paths.home_page()), language=ctx.locale, site_name=_site(ctx),
                link_of=lambda article: ctx.absolute(ctx.article_path(article)),
                source_names=ctx.source_names, entries=ctx.feed_entries)


def _site(ctx: RenderContext) -> str:
    return ctx.settings.site_name or ctx.labels["home"]


def archive_feed(ctx: RenderContext) -> tuple[str, str]:
    """``feed.xml``: the archive's newest articles."""
    return paths.feed_path(), atom_feed(ctx.archive.articles, feed_url=ctx.absolute(paths.feed_path()),
                                        title=_site(ctx), **_common(ctx))


def term_feed(ctx: RenderContext, term: Term) -> list[tuple[str, str]]:
    """``actors/<id>.xml`` …: a term's newest articles (none for a term without articles)."""
    if not term.articles:
        return []
    feed = paths.feed_path(term.taxonomy, term.id)
    return [(feed, atom_feed(
        (ctx.archive.article(s) for s in term.articles[:ctx.settings.page_size]), feed_url=ctx.absolute(feed),
        title=ctx.labels["feed_title"].format(site=_site(ctx), name=term.name),
        alternate_url=ctx.absolute(paths.term_page(term.taxonomy, term.id)), **_common(ctx)))]
