"""The data model: plain frozen dataclasses passed between the pipeline stages.

``ingest`` produces a :class:`SourceDoc` (what the file says, split into parts),
``annotate`` turns it into an :class:`Article` (what it means: date, actors, sources …),
``index`` builds an :class:`Archive` (the whole cross-link graph) and ``render`` writes pages.

Positions are character offsets into ``SourceDoc.text``: the blocks' texts joined by a blank
line. Mentions, quotes and captions all use this one coordinate system, so later features
(highlights, passage notes anchored by text-quote selectors) can share it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from .errors import Diagnostic

BlockKind = Literal["paragraph", "subhead", "caption", "credit"]
DatePrecision = Literal["day", "month", "year"]
ActorKind = Literal["person", "organization", "state", "place", "group"]
SourceRole = Literal["wire", "cited", "photo"]
# Where a registry entry or a term comes from: an editor's file, the built-in starter registry,
# or only an article (a source named in a sign-off or credit that no registry knows).
Origin = Literal["editor", "starter", "article"]

BLOCK_SEPARATOR = "\n\n"


# --------------------------------------------------------------------------- ingest


@dataclass(frozen=True)
class Block:
    """One part of an article body, in reading order."""

    kind: BlockKind
    text: str  # for captions: the caption without its credit
    line: int  # 1-based line in the source file where the block starts
    start: int = 0  # offset of ``text`` in SourceDoc.text (set by SourceDoc.build)
    credit: str | None = None  # photo/video credit of a caption, or the text of a credit line

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class SignOff:
    """The closing ``(red, APA, 19.6.2024)`` of a wire article, parsed."""

    raw: str
    line: int
    date: dt.date | None = None
    agencies: tuple[str, ...] = ()  # as written: "APA", "dpa", "Reuters"
    authors: tuple[str, ...] = ()  # persons: "Maria Sterkl"
    editor_codes: tuple[str, ...] = ()  # "red", "wh", "stu."
    place: str | None = None  # "Brüssel" from "(Thomas Mayer aus Brüssel, …)"


@dataclass(frozen=True)
class Dateline:
    """``Wien – `` / ``WASHINGTON, Feb 26 -`` at the start of the text: where it was filed."""

    place: str
    line: int
    start: int  # offset in SourceDoc.text
    end: int


@dataclass(frozen=True)
class SourceDoc:
    """A source file read and split into parts; knows nothing about the registry."""

    path: str  # as shown in diagnostics, relative to the project when possible
    format: str  # reader name: "wire", "markdown"
    blocks: tuple[Block, ...]
    meta: dict[str, Any] = field(default_factory=dict)  # editor front matter (wins over extraction)
    meta_lines: dict[str, int] = field(default_factory=dict)  # front-matter key -> line
    meta_path: str = ""  # where the editor's metadata is, when not in the file itself (x.yml beside x.txt)
    header_date: str | None = None  # "2024-06" from a ``date 2024-06`` first line
    header_line: int = 1
    signoff: SignOff | None = None
    dateline: Dateline | None = None
    notes: tuple[Diagnostic, ...] = ()  # non-fatal problems found while reading (warnings)

    @property
    def text(self) -> str:
        return BLOCK_SEPARATOR.join(b.text for b in self.blocks)

    @staticmethod
    def place_blocks(blocks: list[Block] | tuple[Block, ...]) -> tuple[Block, ...]:
        """Return the blocks with ``start`` set to their offsets in the joined text."""
        placed: list[Block] = []
        offset = 0
        for block in blocks:
            placed.append(Block(block.kind, block.text, block.line, offset, block.credit))
            offset += len(block.text) + len(BLOCK_SEPARATOR)
        return tuple(placed)


# --------------------------------------------------------------------------- registry


@dataclass(frozen=True)
class Actor:
    """A person, organisation, state, place or group from ``content/actors/``."""

    id: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()  # stems: "nordkoreanisch" (matches -e, -en, -er, -es, -em)
    demonyms: tuple[str, ...] = ()  # "Nordkoreaner" (matches -in, -innen, -n, -s)
    wikidata: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2, lowercase: whose party, office, city this is
    description: str = ""  # Markdown, written by editors
    path: str = ""  # the editor's file; empty for starter entries
    origin: Origin = "editor"


@dataclass(frozen=True)
class Topic:
    """A topic from ``content/topics/``, assigned by keyword rules."""

    id: str
    name: str
    keywords: tuple[str, ...] = ()  # word prefixes, case-insensitive: "sanktion" matches "Sanktionen"
    min_hits: int = 2
    description: str = ""
    path: str = ""
    origin: Origin = "editor"


@dataclass(frozen=True)
class Source:
    """A news agency, outlet or photo agency from ``content/sources/``."""

    id: str
    name: str
    kind: str = "agency"  # agency | outlet | photo
    aliases: tuple[str, ...] = ()
    url: str | None = None
    rights: str = ""  # the line its content's licence requires: "© APA – Austria Presse Agentur"
    description: str = ""
    path: str = ""
    origin: Origin = "editor"


@dataclass(frozen=True)
class Page:
    """A hand-written page from ``content/pages/`` (home, about), copied as it is."""

    id: str
    title: str
    body: str
    path: str = ""


@dataclass(frozen=True)
class Registry:
    actors: dict[str, Actor] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    pages: dict[str, Page] = field(default_factory=dict)


# --------------------------------------------------------------------------- annotate


@dataclass(frozen=True)
class Mention:
    """A name in the text that points to a registry entry (an actor, place or source)."""

    id: str  # registry id
    start: int
    end: int
    text: str
    how: str = "name"  # name | genitive | adjective | demonym | short: which form matched


@dataclass(frozen=True)
class SourceRef:
    id: str
    role: SourceRole
    credit: str | None = None  # the credit as printed, for photo sources
    name: str | None = None  # as written, for a source the registry does not know


@dataclass(frozen=True)
class Caption:
    text: str
    credit: str | None
    start: int
    end: int
    photographers: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()  # source ids


@dataclass(frozen=True)
class Quote:
    text: str
    start: int
    end: int
    speaker: str | None = None  # actor id
    speaker_name: str | None = None  # as written, when not in the registry
    via: str | None = None  # source id the quote is reported through


@dataclass(frozen=True)
class Claim:
    """A reported statement (``Nach Angaben aus dem Weißen Haus …``, ``…, sagte Kim``):
    the sentence, who it comes from and through which source it reached the article."""

    text: str  # the sentence
    start: int
    end: int
    cue: str  # the words that attribute it: "nach Angaben", "laut", "zufolge", "sagte", "according to"
    speaker: str | None = None  # actor id: a person or a body (a government, the White House)
    via: str | None = None  # source id: the agency or outlet that reported it
    speaker_name: str | None = None  # a person the registry does not know yet (a candidate)


@dataclass(frozen=True)
class Correction:
    """A published correction: shown on the article page, as responsible newsrooms do."""

    date: dt.date
    text: str


@dataclass(frozen=True)
class Candidate:
    """A name the registry does not know yet: shown to editors, never linked."""

    name: str
    kind: str
    evidence: str  # the sentence that shows it
    cue: str = ""  # what gave it away: "first name", "role: Präsident", "speech verb", "title", "dateline"
    spans: tuple[tuple[int, int], ...] = ()  # every place in the text (full name, later surname-only)


@dataclass(frozen=True)
class Article:
    """An annotated article: everything a page or an export needs."""

    slug: str
    title: str
    date: dt.date
    date_precision: DatePrecision
    date_source: str  # "front matter" | "sign-off" | "header"
    language: str
    doc: SourceDoc
    actors: tuple[str, ...] = ()  # ids, in order of first mention
    places: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    authors: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()  # actors and places
    source_mentions: tuple[Mention, ...] = ()  # agencies and outlets named in the text
    captions: tuple[Caption, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    candidates: tuple[Candidate, ...] = ()
    status: str = "published"  # draft | review | published
    corrections: tuple[Correction, ...] = ()
    # Who decided each list: "machine" (extracted), "editor" (front matter), or
    # "machine, edited" (extracted, with the editor's *_exclude applied).
    provenance: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)  # editor keys passed through (licence, url …)
    notes: tuple["Note", ...] = ()  # the editors' passage notes: anchored ones in text order, then the orphans

    @property
    def source_file(self) -> str:
        return self.doc.path

    @property
    def sort_key(self) -> tuple:
        """Newest first, then by slug: a total order, so listings never reshuffle."""
        return (-self.date.toordinal(), self.slug)


@dataclass(frozen=True)
class Note:
    """An editor's note on a passage (``annotations:`` in front matter or the sidecar).

    Anchored by quote like a W3C Web Annotation ``TextQuoteSelector`` (``exact`` with an
    optional ``prefix`` / ``suffix``), found again on every build: ``start``/``end`` are the
    passage's offsets in ``SourceDoc.text``, ``None`` when it no longer matches (an orphan)."""

    exact: str
    note: str  # Markdown, written by editors
    author: str = ""
    date: dt.date | None = None
    prefix: str = ""
    suffix: str = ""
    sources: tuple[str, ...] = ()  # as written: http(s) links, actor or source ids
    actors: tuple[str, ...] = ()  # actor ids the note refers to: its sources and names in its text
    source_ids: tuple[str, ...] = ()  # source registry ids among its sources
    start: int | None = None
    end: int | None = None
    number: int = 0  # 1, 2 … in reading order (orphans after the anchored notes)
    line: int = 1  # the entry's line in the front matter or sidecar
    problem: str = ""  # why it is not anchored: "gone" | "ambiguous"

    @property
    def anchored(self) -> bool:
        return self.start is not None


@dataclass(frozen=True)
class Event:
    """A happening that several articles report (``content/events/<id>.md``): the editors'
    title, date with its precision, place (an actor id) and description."""

    id: str
    title: str
    date: dt.date
    date_precision: DatePrecision
    place: str | None = None  # actor id of a place
    description: str = ""  # Markdown, written by editors
    path: str = ""


# --------------------------------------------------------------------------- index


@dataclass(frozen=True)
class Term:
    """One entry of a taxonomy (an actor, a place, a topic, a source) and its articles.

    Like Hugo's taxonomies: actors, places, topics and sources are one mechanism, so every
    term page, index and feed is made by one loop over :class:`Taxonomy` objects."""

    taxonomy: str  # "actors" | "places" | "topics" | "sources": also its folder in docs/
    id: str
    name: str
    origin: Origin
    entry: Actor | Topic | Source | None  # None: a source known only from articles
    articles: tuple[str, ...] = ()  # article slugs, newest first


@dataclass(frozen=True)
class Taxonomy:
    name: str  # "actors" …
    terms: dict[str, Term]  # by id, sorted by id


@dataclass(frozen=True)
class Archive:
    """The complete cross-link graph, built before any page is written."""

    articles: tuple[Article, ...]  # newest first
    registry: Registry
    taxonomies: dict[str, Taxonomy]  # in page order: actors, places, topics, sources
    by_month: dict[tuple[int, int], tuple[str, ...]]  # (year, month) -> slugs
    cooccurrence: dict[str, tuple[tuple[str, int, str], ...]]  # actor -> ((other, count, newest shared slug), …)
    quotes_by_actor: dict[str, tuple[tuple[str, Quote], ...]]  # actor -> ((slug, quote), …)
    claims_by_actor: dict[str, tuple[tuple[str, Claim], ...]]  # speaker -> ((slug, claim), …)
    claims_by_source: dict[str, tuple[tuple[str, Claim], ...]]  # source reported through -> …
    related: dict[str, tuple[str, ...]]  # slug -> related articles' slugs, best first

    by_slug: dict[str, Article]
    events: dict[str, Event] = field(default_factory=dict)  # the editors' events, by id
    event_reports: dict[str, tuple[str, ...]] = field(default_factory=dict)  # event id -> slugs, oldest first

    def article(self, slug: str) -> Article:
        return self.by_slug[slug]

    def actor_taxonomy(self, actor_id: str) -> str:
        """Places have pages under places/, every other actor under actors/."""
        actor = self.registry.actors.get(actor_id)
        return "places" if actor is not None and actor.kind == "place" else "actors"

    def term_name(self, taxonomy: str, term_id: str) -> str:
        term = self.taxonomies[taxonomy].terms.get(term_id)
        if term is not None:
            return term.name
        entries = self.registry.sources if taxonomy == "sources" else \
            self.registry.topics if taxonomy == "topics" else self.registry.actors
        entry = entries.get(term_id)
        return entry.name if entry is not None else term_id
