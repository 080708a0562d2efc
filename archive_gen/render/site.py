"""The pages around the articles: the Chronik (timeline), the home page, hand-written pages."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Callable, Iterator

from markupsafe import Markup

from .. import paths
from . import pictures
from .context import RenderContext, chunks, page_count
from .events import listed_events
from .escape import safe_markdown
from .meta import page_file

LATEST = 10  # articles on the home page
TOP_ACTORS = 12
# (year, month, the month's slugs, its renderer) -> its pages: a page cache's way through
MonthCache = Callable[[int, int, tuple[str, ...], Callable[[], list[tuple[str, str]]]], list[tuple[str, str]]]


def timeline_pages(ctx: RenderContext, through: MonthCache | None = None) -> Iterator[tuple[str, str]]:
    """The Chronik: a month's pages (through ``through``, a page cache keyed by what they show,
    when given), newest month first, then the index of years and months."""
    years: dict[int, list[tuple[int, int]]] = {}
    for (year, month), slugs in sorted(ctx.archive.by_month.items(), reverse=True):
        years.setdefault(year, []).append((month, len(slugs)))
        render = functools.partial(_month_pages, ctx, year, month, slugs)
        yield from render() if through is None else through(year, month, slugs, render)
    page = paths.timeline_index()
    rows = [
        {"year": year, "total": sum(n for _, n in months),
         "months": [(ctx.format_date(dt.date(year, m, 1), "month"), paths.timeline_month(year, m), n) for m, n in months]}
        for year, months in sorted(years.items(), reverse=True)
    ]
    chart = pictures.period_chart(ctx, page, [a.date for a in ctx.archive.articles], ctx.labels["per_month"]) \
        if ctx.archive.articles else ""
    yield page, page_file({"title": ctx.labels["timeline"]},
                          ctx.render("timeline.md.j2", page, years=rows, chart=Markup(chart)))


def _month_pages(ctx: RenderContext, year: int, month: int, slugs: tuple[str, ...]) -> list[tuple[str, str]]:
    size = ctx.settings.page_size
    total_pages = page_count(slugs, size)
    title = ctx.format_date(dt.date(year, month, 1), "month")
    pages = []
    for number, chunk in enumerate(chunks(slugs, size), start=1):
        page = paths.timeline_month(year, month, number)
        body = ctx.render(
            "month.md.j2", page, title=title, days=_by_day(ctx, [ctx.archive.article(s) for s in chunk]),
            total=len(slugs), number=number, total_pages=total_pages,
            events=listed_events(ctx, ctx.month_events.get((year, month), ()), page) if number == 1 else [],
            pager=ctx.pager(lambda n, y=year, m=month: paths.timeline_month(y, m, n), number, total_pages),
        )
        pages.append((page, page_file({"title": title}, body)))
    return pages


def _by_day(ctx: RenderContext, articles: list) -> list[dict]:
    """A month's articles by day, the way Wikipedia's Current Events portal lists a day; the
    articles dated only to the month come last, under their own heading."""
    days: dict[str, dict] = {}
    for article in articles:
        key = article.date.isoformat() if article.date_precision == "day" else ""
        day = days.setdefault(key, {"anchor": key, "label": ctx.format_date(article.date, "weekday") if key
                                    else ctx.labels["no_day"], "articles": []})
        day["articles"].append({"article": article, "sources": list(dict.fromkeys(
            ctx.term_name("sources", r.id) if not r.name else r.name for r in article.sources if r.role == "wire"))})
    return sorted(days.values(), key=lambda d: (d["anchor"] != "", d["anchor"]), reverse=True)  # newest day first


def custom_pages(ctx: RenderContext) -> Iterator[tuple[str, str]]:
    """Hand-written pages as their editors wrote them (made safe), then the home page."""
    reg = ctx.archive.registry
    for page_id, custom in sorted(reg.pages.items()):
        page = paths.custom_page(page_id)
        if page == paths.home_page():
            continue
        body = ctx.render("page.md.j2", page, title=custom.title, body=safe_markdown(custom.body))
        yield page, page_file({"title": custom.title}, body)
    yield home_page(ctx)


def home_page(ctx: RenderContext) -> tuple[str, str]:
    """Latest articles, who and what the latest month was about, the archive in numbers."""
    archive = ctx.archive
    home = archive.registry.pages.get("index") or archive.registry.pages.get("home")
    page = paths.home_page()
    title = home.title if home else ctx.labels["home"]
    with_articles = {name: sum(1 for t in tax.terms.values() if t.articles) for name, tax in archive.taxonomies.items()}
    stats = ctx.labels["archive_stats"].format(articles=len(archive.articles), actors=with_articles["actors"],
                                               sources=with_articles["sources"])
    month = (archive.articles[0].date.year, archive.articles[0].date.month) if archive.articles else None
    body = ctx.render("home.md.j2", page, title=title, intro=safe_markdown(home.body) if home else Markup(""),
                      stats=stats, latest=archive.articles[:LATEST],
                      month_label=ctx.format_date(dt.date(*month, 1), "month") if month else "",
                      month_actors=_most_present(ctx, "actors", month), month_topics=_most_present(ctx, "topics", month),
                      months_chart=Markup(pictures.period_chart(ctx, page, [a.date for a in archive.articles],
                                                                ctx.labels["per_month"])) if archive.articles else "")
    return page, page_file({"title": title, "feed": paths.feed_path()}, body)


def _most_present(ctx: RenderContext, taxonomy: str, month: tuple[int, int] | None) -> list[tuple[str, int]]:
    """The terms named in the most articles of the latest month, most first."""
    if month is None:
        return []
    counts: dict[str, int] = {}
    for slug in ctx.archive.by_month.get(month, ()):
        for term_id in getattr(ctx.archive.article(slug), taxonomy):
            counts[term_id] = counts.get(term_id, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_ACTORS]
