"""Event pages (one per ``content/events/<id>.md``) and the events index.

An event page puts its reports side by side: who appears in them (with counts), each report
with its source and date, and every quote and claim by speaker. A statement that several
reports carry is listed once, with each report that carries it; a statement only one report
carries stands alone. So a reader sees where the reports agree and where they differ.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, Callable, Iterator

from markupsafe import Markup

from .. import paths
from ..index.events import event_of, newest_first
from ..model import Article, Event
from . import collate, jsonld
from .context import RenderContext
from .escape import md_escape, safe_markdown
from .meta import page_file

_SPACE = re.compile(r"\W+")


def event_pages(ctx: RenderContext) -> Iterator[tuple[str, str]]:
    """Every event's page, then the index of events (newest first)."""
    for event in ctx.archive.events.values():
        yield event_page(ctx, event)
    yield events_index(ctx)


def event_page(ctx: RenderContext, event: Event) -> tuple[str, str]:
    page = paths.event_page(event.id)
    link = ctx.linker(page)
    reports = [ctx.archive.article(slug) for slug in ctx.archive.event_reports.get(event.id, ())]
    body = ctx.render(
        "event.md.j2", page, event=event, when=ctx.format_date(event.date, event.date_precision),
        place=_place(ctx, event.place, link), count=reports_count(ctx, len(reports)), description=safe_markdown(event.description),
        actors=_actors(ctx, reports, link), reports=[_report(ctx, a, link) for a in reports],
        speakers=statements(ctx, reports, link),
        structured=Markup(jsonld.script_tag(jsonld.event_jsonld(
            event, [(a, ctx.absolute(ctx.article_path(a))) for a in reports], url=ctx.absolute(page),
            place_name=ctx.term_name("places", event.place) if event.place else None))),
    )
    return page, page_file({"title": event.title}, body)


def events_index(ctx: RenderContext) -> tuple[str, str]:
    page = paths.events_index()
    link = ctx.linker(page)
    rows = [event_line(ctx, ctx.archive.events[i], link) for i in newest_first(ctx.archive.events)]
    body = ctx.render("events_index.md.j2", page, rows=rows)
    return page, page_file({"title": ctx.labels["events"]}, body)


def event_line(ctx: RenderContext, event: Event, link: Callable[..., Markup]) -> Markup:
    """``date: [title](page) · n reports``: one event in a list (index, term and month pages)."""
    count = len(ctx.archive.event_reports.get(event.id, ()))
    return Markup(f"{md_escape(ctx.format_date(event.date, event.date_precision))}: "
                  f"{link(event.title, paths.event_page(event.id))} · "
                  f"{md_escape(reports_count(ctx, count))}")


def reports_count(ctx: RenderContext, count: int) -> str:
    return ctx.labels["reports_count_one"] if count == 1 else ctx.labels["reports_count"].format(count=count)


def article_event(ctx: RenderContext, article: Article, link: Callable[..., Markup]) -> Markup | str:
    """The event an article reports (its ``event:``), as a line for the article page."""
    event = ctx.archive.events.get(event_of(article) or "")
    return event_line(ctx, event, link) if event is not None else ""


def listed_events(ctx: RenderContext, ids: tuple[str, ...], page: str) -> list[Markup]:
    """The lines of a short events list on another page."""
    link = ctx.linker(page)
    return [event_line(ctx, ctx.archive.events[i], link) for i in ids]


def _place(ctx: RenderContext, place: str | None, link: Callable[..., Markup]) -> Markup | str:
    if not place:
        return ""
    taxonomy = ctx.archive.actor_taxonomy(place)
    name = ctx.term_name(taxonomy, place)
    if place in ctx.archive.taxonomies[taxonomy].terms:
        return link(name, paths.term_page(taxonomy, place))
    return name


def _actors(ctx: RenderContext, reports: list[Article], link: Callable[..., Markup]) -> list[dict[str, Any]]:
    """Every actor (not places) of the reports with the number of reports naming it, most first."""
    counts = Counter(actor for a in reports for actor in dict.fromkeys(a.actors) if actor not in a.places)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], collate.sort_key(ctx.term_name("actors", kv[0]), kv[0])))
    return [{"link": _term_link(ctx, actor, link), "count": count} for actor, count in ranked]


def _term_link(ctx: RenderContext, actor: str, link: Callable[..., Markup]) -> Markup:
    taxonomy = ctx.archive.actor_taxonomy(actor)
    name = ctx.term_name(taxonomy, actor)
    return link(name, paths.term_page(taxonomy, actor)) if actor in ctx.archive.taxonomies[taxonomy].terms \
        else Markup(md_escape(name))


def _report(ctx: RenderContext, article: Article, link: Callable[..., Markup]) -> dict[str, Any]:
    return {"date": ctx.format_date(article), "title": link(article.title, ctx.article_path(article)),
            "sources": report_sources(ctx, article, link)}


def report_sources(ctx: RenderContext, article: Article, link: Callable[..., Markup]) -> Markup:
    """The agencies and outlets that carried the report (wire sources), linked."""
    ids = list(dict.fromkeys(ref.id for ref in article.sources if ref.role == "wire"))
    named = {ref.id: ref.name for ref in article.sources if ref.name}
    return Markup(", ").join(link(named.get(i) or ctx.term_name("sources", i), paths.term_page("sources", i))
                             for i in ids)


def statements(ctx: RenderContext, reports: list[Article], link: Callable[..., Markup]) -> list[dict[str, Any]]:
    """The quotes and claims of all reports by speaker (speakers in German order); each
    distinct statement once, with every report that carries it (oldest report first)."""
    speakers: dict[str, dict[str, Any]] = {}
    for article in reports:
        carrier = {"sources": report_sources(ctx, article, link),
                   "article": link(ctx.format_date(article), ctx.article_path(article))}
        for kind, items in (("quote", article.quotes), ("claim", article.claims)):
            for item in items:
                if not (item.speaker or item.speaker_name):
                    continue
                key = item.speaker or f"?{item.speaker_name}"
                name = ctx.term_name(ctx.archive.actor_taxonomy(item.speaker), item.speaker) if item.speaker \
                    else item.speaker_name
                speaker = speakers.setdefault(key, {"name": name, "statements": {},
                                                    "link": _term_link(ctx, item.speaker, link) if item.speaker
                                                    else Markup(md_escape(name))})
                said = speaker["statements"].setdefault((kind, _SPACE.sub(" ", item.text.casefold()).strip()),
                                                        {"kind": kind, "text": item.text, "carriers": [], "via": []})
                if carrier not in said["carriers"]:
                    said["carriers"].append(carrier)
                if item.via and item.via not in said["via"]:
                    said["via"].append(item.via)
    result = []
    for key, speaker in sorted(speakers.items(), key=lambda kv: collate.sort_key(kv[1]["name"], kv[0])):
        items = list(speaker["statements"].values())
        for said in items:
            said["via"] = Markup(", ").join(link(ctx.term_name("sources", v), paths.term_page("sources", v))
                                            for v in said["via"])
        result.append({"link": speaker["link"], "statements": items})
    return result
