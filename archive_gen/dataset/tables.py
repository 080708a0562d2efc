"""The archive as tables: one column list per table, one row generator per table.

The column lists are the one source of the exported files' headers, of their Parquet types and of the
JSON Schemas shipped in ``schema/export/`` (``python -m archive_gen.dataset.tables schema/export`` regenerates
them; a test keeps them in sync). Rows come one at a time, in a total order (articles by date, then slug;
within an article by position), so the same content always gives the same files and no table is ever held in
memory. In a *per-article* table (:attr:`Table.each`) an article's rows depend only on it and on what
:attr:`Table.shows` names: the published files keep the rows of unchanged articles (:mod:`.publish`).
"""

from __future__ import annotations

import bisect
import json
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from itertools import combinations
from pathlib import Path
from typing import Any, Callable, Iterator

from ..annotate.sentences import sentence_spans
from ..fields import ACTOR_KINDS, DATE_PRECISIONS, SCHEMA_DIALECT
from ..index.events import event_of, event_reports
from ..annotate.notes import web_annotation
from ..model import Archive, Article, Event
from ..paths import article_page, page_url

# Column types: how a value is written to JSON, CSV and Parquet.
#   string, integer, date (ISO YYYY-MM-DD), strings (a list: a JSON array, also inside a CSV cell)
ColumnType = str
Events = dict[str, Event]  # the editors' events (content/events/), by id
MENTION_ROLES = ("actor", "speaker", "cited source")
PRINCIPAL_ACTORS = 3  # an event row pairs up to this many of an article's actors (most mentioned first)


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType
    description: str
    nullable: bool = False
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    name: str  # also the file name: <name>.jsonl, <name>.csv, <name>.parquet
    description: str
    key: tuple[str, ...]  # the columns that identify a row (and order the file)
    columns: tuple[Column, ...]
    rows: Callable[[Archive, "Events"], Iterator[tuple]]  # one tuple per row, in column order
    # Per-article tables: one article's rows (``rows`` is them over :func:`ordered_articles`), and
    # what those rows show beyond the article itself (its annotation and slug), as a string.
    each: Callable[[Article, Archive, "Events"], Iterator[tuple]] | None = None
    shows: Callable[[Article, Archive, "Events"], str] | None = None

    @cached_property
    def column_names(self) -> tuple[str, ...]:  # once per table, not per row written
        return tuple(c.name for c in self.columns)


def _c(name: str, type_: str, description: str, nullable: bool = False, choices: tuple[str, ...] = ()) -> Column:
    return Column(name, type_, description, nullable, choices)


ARTICLE = _c("article", "string", "Slug of the article (articles.slug).")
N = _c("n", "integer", "Position within the article, from 0, in text order.")
START = _c("start", "integer", "Character offset where it starts in the article's text (the blocks joined by a blank line).")
END = _c("end", "integer", "Character offset just after it ends (exclusive).")
SENTENCE = _c("sentence", "integer", "Index of the sentence (from 0, in text order) that holds its start.")


# --------------------------------------------------------------------------- helpers


def ordered_articles(archive: Archive) -> list[Article]:
    """Oldest first, then by slug: a total order (slugs are unique)."""
    return sorted(archive.articles, key=lambda a: (a.date, a.slug))


def article_url(article: Article) -> str:
    """The article's address relative to the site's root (``articles/2024/06/<slug>/``)."""
    return page_url(article_page(article.date.year, article.date.month, article.slug))


class Sentences:
    """Sentence index of an offset in one article's text."""

    def __init__(self, article: Article) -> None:
        self.starts = [start for start, _ in sentence_spans(article.doc.blocks)]

    def index(self, offset: int) -> int:
        return max(bisect.bisect_right(self.starts, offset) - 1, 0)


def principal_actors(article: Article, archive: Archive) -> list[str]:
    """The article's actors other than places, most mentioned first (then first named)."""
    places = set(article.places)
    counts = Counter(m.id for m in article.mentions)
    actors = [a for a in article.actors if a not in places and archive.actor_taxonomy(a) != "places"]
    order = {a: i for i, a in enumerate(actors)}
    return sorted(actors, key=lambda a: (-counts[a], order[a]))[:PRINCIPAL_ACTORS]


# --------------------------------------------------------------------------- rows


def per_article(each: Callable[[Article, Archive, Events], Iterator[tuple]]) -> Callable[[Archive, Events], Iterator[tuple]]:
    """A table's rows: each article's, oldest article first."""
    def rows(archive: Archive, events: Events) -> Iterator[tuple]:
        for article in ordered_articles(archive):
            yield from each(article, archive, events)
    return rows


def article_rows(a: Article, archive: Archive, events: Events) -> Iterator[tuple]:
    yield (a.slug, a.title, a.date.isoformat(), a.date_precision, a.date_source, a.language, a.status,
           a.source_file, article_url(a), list(a.actors), list(a.places), list(a.topics),
           list(dict.fromkeys(ref.id for ref in a.sources)), list(a.authors),
           _text_or_none(a.extra.get("source_url")), _text_or_none(a.extra.get("license")), event_of(a))


def _text_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


def actor_rows(archive: Archive, events: Events) -> Iterator[tuple]:
    terms = {**archive.taxonomies["actors"].terms, **archive.taxonomies["places"].terms}
    for actor_id in sorted(terms):
        term, actor = terms[actor_id], archive.registry.actors.get(actor_id)
        if actor is None:
            continue
        yield (actor.id, actor.name, actor.kind, actor.country, actor.wikidata, list(actor.aliases), actor.origin,
               len(term.articles))


def source_rows(archive: Archive, events: Events) -> Iterator[tuple]:
    for source_id, term in sorted(archive.taxonomies["sources"].terms.items()):
        entry = term.entry
        yield (source_id, term.name, getattr(entry, "kind", None), getattr(entry, "url", None),
               getattr(entry, "rights", None) or None, term.origin, len(term.articles))


def article_source_rows(a: Article, archive: Archive, events: Events) -> Iterator[tuple]:
    for n, ref in enumerate(a.sources):
        yield a.slug, n, ref.id, ref.role, ref.credit


def mention_rows(a: Article, archive: Archive, events: Events) -> Iterator[tuple]:
    found = [(m.start, m.end, m.id, "actor", m) for m in a.mentions]
    found += [(m.start, m.end, m.id, "cited source", m) for m in a.source_mentions]
    if not found:
        return
    split = Sentences(a)
    speaking = {(s.speaker, split.index(s.start)) for s in (*a.quotes, *a.claims) if s.speaker}
    for n, (start, end, entity, role, m) in enumerate(sorted(found, key=lambda f: f[:4])):
        sentence = split.index(start)
        if role == "actor" and (entity, sentence) in speaking:
            role = "speaker"
        actor, source = (None, entity) if role == "cited source" else (entity, None)
        yield a.slug, n, start, end, m.text, m.how, sentence, actor, source, role


def quote_rows(a: Article, archive: Archive, events: Events) -> Iterator[tuple]:
    if not a.quotes:
        return
    split = Sentences(a)
    for n, q in enumerate(sorted(a.quotes, key=lambda q: (q.start, q.end, q.text))):
        yield (a.slug, n, q.start, q.end, split.index(q.start), q.text, q.speaker, q.speaker_name, q.via)


def claim_rows(a: Article, archive: Archive, events: Events) -> Iterator[tuple]:
    if not a.claims:
        return
    split = Sentences(a)
    for n, c in enumerate(sorted(a.claims, key=lambda c: (c.start, c.end, c.text))):
        yield (a.slug, n, c.start, c.end, split.index(c.start), c.text, c.cue, c.speaker, c.speaker_name, c.via)


def note_rows(a: Article, archive: Archive, events: Events) -> Iterator[tuple]:
    """The editors' passage notes, each also as a W3C Web Annotation (JSON-LD, one string)."""
    for note in a.notes:
        annotation = web_annotation(a, note, article_url(a))
        yield (a.slug, note.number, note.start, note.end, note.exact, note.note, note.author or None,
               note.date.isoformat() if note.date else None,
               json.dumps(annotation, ensure_ascii=False, sort_keys=True, separators=(",", ":")))


def event_rows(a: Article, archive: Archive, events: Events) -> Iterator[tuple]:
    """One row per article and pair of its principal actors (one row with what there is when
    it names fewer than two): the shape of ACLED's and GDELT's event tables."""
    principal = principal_actors(a, archive)
    pairs = list(combinations(principal, 2)) or [(principal[0] if principal else None, None)]
    event = events.get(event_of(a) or "")
    place = event.place if event is not None and event.place else a.places[0] if a.places else None
    sources = list(dict.fromkeys(ref.id for ref in a.sources if ref.role != "photo"))
    for n, (actor1, actor2) in enumerate(pairs, start=1):
        yield (f"{a.slug}-{n}", a.date.isoformat(), a.date_precision, a.date.year, actor1, actor2, place,
               sources, a.slug, a.title, event.id if event is not None else None)


def event_row_shows(a: Article, archive: Archive, events: Events) -> str:
    """An event row shows the editor's event (its id and place) besides the article; the actors'
    kinds (places are left out) are the registry's names and kinds, in the annotation key."""
    event = events.get(event_of(a) or "")
    return "" if event is None else f"{event.id}\0{event.place}"


def curated_event_rows(archive: Archive, events: Events) -> Iterator[tuple]:
    reports = event_reports(archive.articles, events)
    for event_id, event in sorted(events.items()):
        slugs = list(reports.get(event_id, ()))
        yield (event.id, event.title, event.date.isoformat(), event.date_precision, event.place, event.description,
               slugs, event.path)


# --------------------------------------------------------------------------- the tables

TABLES: tuple[Table, ...] = (
    Table("articles", "One row per article.", ("slug",), (
        _c("slug", "string", "The article's unique id; also the last part of its address."),
        _c("title", "string", "Headline (the editor's, or the lead's first sentence)."),
        _c("date", "date", "Publication date, YYYY-MM-DD (the 1st of the month or year when less is known)."),
        _c("date_precision", "string", "How exact the date is.", choices=DATE_PRECISIONS),
        _c("date_source", "string", "Where the date comes from: front matter, sign-off or header."),
        _c("language", "string", "Language code of the text: de, en …"),
        _c("status", "string", "Review status.", choices=("draft", "review", "published")),
        _c("source_file", "string", "The source file, relative to the project (content/articles/…)."),
        _c("url", "string", "The article's page, relative to the site's root."),
        _c("actors", "strings", "Actor ids (actors.id), in order of first mention."),
        _c("places", "strings", "Place ids (actors.id of kind place), in order of first mention."),
        _c("topics", "strings", "Topic ids."),
        _c("sources", "strings", "Source ids (sources.id): wire agency, cited sources, photo agencies; "
           "roles in article_sources."),
        _c("authors", "strings", "By-line or sign-off authors."),
        _c("source_url", "string", "Where the original was published.", nullable=True),
        _c("license", "string", "Licence of the original.", nullable=True),
        _c("event", "string", "The event it reports (curated_events.id), when an editor said so.", nullable=True),
    ), per_article(article_rows), article_rows),
    Table("actors", "Persons, organisations, states, groups and places that articles name (and every "
          "editor's registry entry).", ("id",), (
        _c("id", "string", "Registry id."),
        _c("name", "string", "Name shown on the site."),
        _c("kind", "string", "What the actor is.", choices=ACTOR_KINDS),
        _c("country", "string", "ISO 3166-1 alpha-2 code (lowercase) of its country, when known.", nullable=True),
        _c("wikidata", "string", "Wikidata id (Q…).", nullable=True),
        _c("aliases", "strings", "Other names that mean this actor."),
        _c("origin", "string", "editor: a file in content/actors; starter: the built-in registry.",
           choices=("editor", "starter")),
        _c("articles", "integer", "Number of exported articles that name it."),
    ), actor_rows),
    Table("sources", "News agencies, outlets and photo agencies.", ("id",), (
        _c("id", "string", "Registry id (or the code as written, when no registry knows it)."),
        _c("name", "string", "Name shown on the site."),
        _c("kind", "string", "agency, outlet or photo; empty when only articles know the source.", nullable=True),
        _c("url", "string", "The source's website.", nullable=True),
        _c("rights", "string", "The licence or rights line its content is under (name it when reusing the texts).",
           nullable=True),
        _c("origin", "string", "editor, starter, or article (known only from articles).",
           choices=("editor", "starter", "article")),
        _c("articles", "integer", "Number of exported articles that name it."),
    ), source_rows),
    Table("article_sources", "Which sources each article has, in which role.", ("article", "n"), (
        ARTICLE, N,
        _c("source", "string", "Source id (sources.id)."),
        _c("role", "string", "wire: sent the article; cited: named in the text; photo: took a picture.",
           choices=("wire", "cited", "photo")),
        _c("credit", "string", "The photo or video credit as printed.", nullable=True),
    ), per_article(article_source_rows), article_source_rows),
    Table("mentions", "Every place in an article's text that names an actor, a place or a cited source.",
          ("article", "n"), (
        ARTICLE, N, START, END,
        _c("text", "string", "The words as written."),
        _c("form", "string", "Which form matched: name, genitive, adjective, demonym, short …"),
        SENTENCE,
        _c("actor", "string", "Actor id (actors.id); empty for a cited source.", nullable=True),
        _c("source", "string", "Source id (sources.id) of a cited source; empty otherwise.", nullable=True),
        _c("role", "string", "actor; speaker: the actor a quote or claim in the same sentence is attributed "
           "to; cited source: an agency or outlet named in the text.", choices=MENTION_ROLES),
    ), per_article(mention_rows), mention_rows),
    Table("quotes", "Direct quotes with their speaker and the source they came through.", ("article", "n"), (
        ARTICLE, N, START, END, SENTENCE,
        _c("text", "string", "The quoted words."),
        _c("speaker", "string", "Actor id of the speaker.", nullable=True),
        _c("speaker_name", "string", "The speaker as written, when the registry does not know them.", nullable=True),
        _c("via", "string", "Source id the quote was reported through.", nullable=True),
    ), per_article(quote_rows), quote_rows),
    Table("claims", "Reported statements (nach Angaben, laut, according to …): the sentence, who it comes "
          "from, through which source.", ("article", "n"), (
        ARTICLE, N, START, END, SENTENCE,
        _c("text", "string", "The sentence."),
        _c("cue", "string", "The words that attribute it: nach Angaben, laut, zufolge, sagte, according to …"),
        _c("speaker", "string", "Actor id it comes from (a person or a body).", nullable=True),
        _c("speaker_name", "string", "A speaker the registry does not know yet, as written.", nullable=True),
        _c("via", "string", "Source id that reported it.", nullable=True),
    ), per_article(claim_rows), claim_rows),
    Table("notes", "Editors' notes on passages (annotations: in front matter or the sidecar).", ("article", "n"), (
        ARTICLE, _c("n", "integer", "The note's number on the article page, from 1."),
        _c("start", "integer", "Where the passage starts now; empty when it no longer matches.", nullable=True),
        _c("end", "integer", "Where the passage ends now (exclusive); empty when it no longer matches.", nullable=True),
        _c("exact", "string", "The passage as the editor quoted it (the anchor)."),
        _c("note", "string", "The note, in Markdown."),
        _c("author", "string", "Who wrote the note.", nullable=True),
        _c("date", "string", "When (YYYY-MM-DD).", nullable=True),
        _c("web_annotation", "string", "The note as a W3C Web Annotation (JSON-LD), with a TextQuoteSelector."),
    ), per_article(note_rows), note_rows),
    Table("events", "Event rows shaped like ACLED's and GDELT's: one per article and pair of its principal "
          f"actors (the up to {PRINCIPAL_ACTORS} most mentioned, places left out); an article naming fewer "
          "than two actors gives one row.", ("event_id",), (
        _c("event_id", "string", "<article slug>-<n>: stable as long as the article's slug is."),
        _c("date", "date", "Date of the report, YYYY-MM-DD."),
        _c("date_precision", "string", "How exact the date is.", choices=DATE_PRECISIONS),
        _c("year", "integer", "Year of the date."),
        _c("actor1", "string", "The most mentioned principal actor of the pair (actors.id).", nullable=True),
        _c("actor2", "string", "The other actor of the pair.", nullable=True),
        _c("place", "string", "The event's place when an editor gave one, else the first place the article "
           "names (actors.id).", nullable=True),
        _c("sources", "strings", "Ids of the wire and cited sources."),
        _c("article", "string", "Slug of the reporting article (articles.slug)."),
        _c("notes", "string", "The article's title."),
        _c("event", "string", "The editor's event the article reports (curated_events.id).", nullable=True),
    ), per_article(event_rows), event_rows, event_row_shows),
    Table("curated_events", "Events as editors defined them (content/events/<id>.md), with their reports "
          "(articles whose front matter says event: <id>).", ("id",), (
        _c("id", "string", "Event id (the file name)."),
        _c("title", "string", "What happened."),
        _c("date", "date", "When it happened, YYYY-MM-DD (the 1st of the month or year when less is known)."),
        _c("date_precision", "string", "How exact the date is.", choices=DATE_PRECISIONS),
        _c("place", "string", "Where it happened (actors.id).", nullable=True),
        _c("description", "string", "The editor's description."),
        _c("articles", "strings", "Slugs of its reports, oldest first."),
        _c("source_file", "string", "The event's file."),
    ), curated_event_rows),
)
TABLES_BY_NAME = {t.name: t for t in TABLES}


# --------------------------------------------------------------------------- JSON Schemas

_JSON_TYPES = {
    "string": {"type": "string"},
    "integer": {"type": "integer", "minimum": 0},
    "date": {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
    "strings": {"type": "array", "items": {"type": "string"}},
}


def json_schema(table: Table) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one line of ``<table>.jsonl``."""
    properties = {}
    for column in table.columns:
        prop: dict[str, Any] = {"description": column.description, **_JSON_TYPES[column.type]}
        if column.choices:
            prop["enum"] = list(column.choices)
        if column.nullable:
            prop["type"] = [prop["type"], "null"]
            if "enum" in prop:
                prop["enum"] = [*prop["enum"], None]
        properties[column.name] = prop
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": f"{table.name}.schema.json",
        "title": f"archive-gen export: {table.name}",
        "description": f"{table.description} One JSON object per line of {table.name}.jsonl (the same columns "
                       f"in {table.name}.csv and {table.name}.parquet). Key: {', '.join(table.key)}. Generated "
                       "from archive_gen/dataset/tables.py; do not edit.",
        "type": "object",
        "properties": properties,
        "required": list(table.column_names),
        "additionalProperties": False,
    }


def schema_text(table: Table) -> str:
    return json.dumps(json_schema(table), indent=2, ensure_ascii=False) + "\n"


def schema_files() -> Iterator[tuple[str, str]]:
    """(file name, text) of every table's JSON Schema."""
    for table in TABLES:
        yield f"{table.name}.schema.json", schema_text(table)


def write_schemas(dest_dir: Path) -> list[Path]:
    dest_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_files():
        path = dest_dir / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)
    return written


if __name__ == "__main__":  # python -m archive_gen.dataset.tables [DIR]: regenerate schema/export/
    import sys

    for written_path in write_schemas(Path(sys.argv[1] if len(sys.argv) > 1 else "schema/export")):
        print(written_path)
