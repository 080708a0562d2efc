"""Events: one event, many reports.

An editor writes ``content/events/<id>.md`` (title, date with its precision, place,
description) and puts ``event: <id>`` into the front matter of each article that reports it.
:func:`load_events` reads the files (each judged by the field table, as registry entries are);
:func:`event_reports` groups the articles by their event, oldest report first, and reports
articles that name an event no file defines.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Callable, Iterable

from .. import fields, front_matter
from ..config import DEFAULT_MAX_FILE_BYTES
from ..errors import ContentError, Diagnostics
from ..ingest import read_bytes
from ..ingest.text import decode
from ..model import Archive, Article, Event
from ..paths import RESERVED_TERM_IDS, is_slug
from ..registry.folders import entry_files
from .taxonomy import TAXONOMIES

FOLDER = "events"
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def parse_date(value) -> tuple[dt.date, str] | None:
    """``2024-06-19`` → (that day, "day"); ``2024-06`` → (1 June, "month"); ``2024`` → (1 January, "year")."""
    if isinstance(value, dt.datetime):
        return value.date(), "day"
    if isinstance(value, dt.date):
        return value, "day"
    match = _DATE.match(str(value))
    if not match:
        return None
    year, month, day = match.groups()
    try:
        return dt.date(int(year), int(month or 1), int(day or 1)), "day" if day else "month" if month else "year"
    except ValueError:
        return None


def load_events(content_dir: Path, diags: Diagnostics, display: Callable[[Path], str] = str,
                max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> dict[str, Event]:
    """Every usable ``content/events/<id>.md``, by id; problems go to ``diags``."""
    found = {}
    for file in entry_files(content_dir, FOLDER, diags, display, max_bytes):
        try:
            text, notes = decode(read_bytes(file.path, file.shown, max_bytes), file.shown)
            split = front_matter.split(text, file.shown)
        except ContentError as exc:
            diags.add(exc.diagnostic())
            continue
        for note in notes:
            diags.add(note)
        reading = fields.read(split.meta, "event")
        for problem in reading.problems:
            line = split.meta_lines.get(problem.key, 1) if problem.key in split.meta else 1
            (diags.warning if problem.unknown_key else diags.error)(file.shown, line, problem.message, problem.hint)
        values = reading.values
        when = parse_date(values.get("date")) if "date" in values else None
        if reading.failed("event") or when is None:
            continue
        if file.id in RESERVED_TERM_IDS:  # events/index.md is the list of events
            diags.error(file.shown, 1, f"'{file.id}' cannot be an event id", "rename the file")
            continue
        found[file.id] = Event(file.id, str(values["title"]), when[0], values.get("date_precision") or when[1],
                               values.get("place"), str(values.get("description") or split.body.strip()), file.shown)
    return found


def event_of(article: Article) -> str | None:
    """The editor's ``event:`` (a bad value is reported by the field table's checks, and ignored here)."""
    value = article.doc.meta.get("event")
    return value if isinstance(value, str) and is_slug(value) else None


def event_reports(articles: Iterable[Article], events: dict[str, Event],
                  diags: Diagnostics | None = None) -> dict[str, tuple[str, ...]]:
    """Event id → the slugs of its reports, oldest first (then by slug); every event that has
    a file is listed, also without reports. An article naming an unknown event is reported."""
    reports: dict[str, list[Article]] = {event_id: [] for event_id in sorted(events)}
    for article in articles:
        event_id = event_of(article)
        if event_id is None:
            continue
        if event_id in events:
            reports[event_id].append(article)
        elif diags is not None:
            diags.warning(article.source_file, article.doc.meta_lines.get("event", 1),
                          f"unknown event '{event_id}'",
                          f"write content/events/{event_id}.md (title, date), or correct the id")
    return {event_id: tuple(a.slug for a in sorted(found, key=lambda a: (a.date, a.slug)))
            for event_id, found in reports.items()}


def check_places(events: dict[str, Event], actors: dict, diags: Diagnostics | None) -> None:
    """An event's ``place`` must be a registry entry (its page links it); otherwise a warning."""
    for event in events.values():
        if event.place and event.place not in actors and diags is not None:
            diags.warning(event.path or f"content/events/{event.id}.md", 1, f"unknown place '{event.place}'",
                          "give the id of a place in the registry (content/actors/ or the starter registry)")


def events_by_term(archive: Archive) -> dict[tuple[str, str], tuple[str, ...]]:
    """(taxonomy, term id) → the events whose reports name the term, newest event first:
    the short "events" list above a term page's articles."""
    found: dict[tuple[str, str], set[str]] = {}
    for event_id, slugs in archive.event_reports.items():
        for slug in slugs:
            article = archive.by_slug[slug]
            for spec in TAXONOMIES:
                for term_id in spec.ids(article):
                    found.setdefault((spec.name, term_id), set()).add(event_id)
    return {key: _newest_first(archive.events, ids) for key, ids in sorted(found.items())}


def events_by_month(archive: Archive) -> dict[tuple[int, int], tuple[str, ...]]:
    """(year, month) → the events with a report in that month, newest event first (Chronik)."""
    found: dict[tuple[int, int], set[str]] = {}
    for event_id, slugs in archive.event_reports.items():
        for slug in slugs:
            date = archive.by_slug[slug].date
            found.setdefault((date.year, date.month), set()).add(event_id)
    return {key: _newest_first(archive.events, ids) for key, ids in sorted(found.items())}


def newest_first(events: dict[str, Event]) -> tuple[str, ...]:
    """Event ids, newest first, then by id: the events index's order."""
    return _newest_first(events, events)


def _newest_first(events: dict[str, Event], ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(ids, key=lambda i: (-events[i].date.toordinal(), i)))
