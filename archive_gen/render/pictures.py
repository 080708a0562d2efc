"""The pictures pages show: articles over time, and an actor's network (drawn by :mod:`.charts`)."""

from __future__ import annotations

import datetime as dt

from .. import paths
from ..model import Term
from . import charts
from .context import RenderContext

YEARS_FOR_MONTHS = 3  # a span shorter than this is drawn by month, a longer one by year


def period_chart(ctx: RenderContext, page: str, dates: list[dt.date], title: str) -> str:
    """Articles per month (per year over longer spans), oldest first, each bar linked to its
    part of the Chronik; ``dates`` newest first, as every listing is."""
    unit = "month" if dates[0].year - dates[-1].year < YEARS_FOR_MONTHS else "year"
    bars = []
    for key, count in charts.count_by_period(dates, unit):
        if unit == "year":
            bars.append((str(key), count, ctx.href(page, paths.timeline_index())))
        else:
            label = ctx.format_date(dt.date(key[0], key[1], 1), "month")
            bars.append((label, count, ctx.href(page, paths.timeline_month(*key)) if count else None))
    return charts.activity_chart(bars, title=title, unit=ctx.labels["count"])


def network(ctx: RenderContext, term: Term, page: str) -> str:
    """The actor and the actors named with it most often, linked to their pages."""
    others = []
    for other, count, _ in ctx.archive.cooccurrence[term.id][:charts.MAX_NODES]:
        taxonomy = ctx.archive.actor_taxonomy(other)
        others.append((ctx.term_name(taxonomy, other), ctx.href(page, paths.term_page(taxonomy, other)), count))
    return charts.network_chart((term.name, None, len(term.articles)), others,
                                title=ctx.labels["network"].format(name=term.name), unit=ctx.labels["shared"])
