"""The table: every front-matter key of every kind of file, with its type and description."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, get_args

from ..model import ActorKind, DatePrecision, SourceRole

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

ACTOR_KINDS: tuple[str, ...] = get_args(ActorKind)
SOURCE_KINDS: tuple[str, ...] = ("agency", "outlet", "photo")
SOURCE_ROLES: tuple[str, ...] = get_args(SourceRole)
DATE_PRECISIONS: tuple[str, ...] = get_args(DatePrecision)
STATUSES: tuple[str, ...] = ("draft", "review", "published")

# What the readers accept, as patterns both for Python and for the JSON Schema.
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"  # paths.SLUG_RE
ID_MAX_LENGTH = 160  # paths.is_slug
_YEAR, _MONTH, _DAY = r"[0-9]{4}", r"(?:0[1-9]|1[0-2])", r"(?:0[1-9]|[12][0-9]|3[01])"
_TIME = r"(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?"
DATE_PATTERN = rf"^{_YEAR}(?:-{_MONTH}(?:-{_DAY}{_TIME})?)?$"
DAY_PATTERN = rf"^{_YEAR}-{_MONTH}-{_DAY}{_TIME}$"
TEXT_PATTERN = r"\S"  # not blank: the readers treat blank text as missing
URL_PATTERN = r"^https?://\S+$"
WIKIDATA_PATTERN = r"^Q[1-9][0-9]*$"
HASH_PATTERN = r"^sha256:[0-9a-f]{64}$"
LANGUAGE_PATTERN = r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$"
COUNTRY_PATTERN = r"^[A-Za-z]{2}$"


@dataclass(frozen=True)
class Field:
    """One front-matter key."""

    name: str
    type: str  # a key of TYPES
    description: str
    required: bool = False
    choices: tuple[str, ...] = ()  # for type "choice"
    default: Any = None  # what the reader uses when the key is absent (documentation only)
    items: tuple["Field", ...] = ()  # for type "objects": the keys of each item
    pass_through: bool = False  # article keys shown on the page as the editor wrote them
    fallback: Any = None  # the value used when the key is there but unusable (status → draft)
    fallback_hint: str = ""  # says what the fallback means for the editor


# --------------------------------------------------------------------------- the table

_SOURCE_ITEM = (
    Field("id", "id", "Registry id of the source (content/sources/<id>.md), e.g. apa.", required=True),
    Field("role", "choice", "wire: sent the article; cited: named in the text; photo: took a picture.",
          required=True, choices=SOURCE_ROLES),
    Field("credit", "text", "The photo or video credit as printed, e.g. IMAGO/Gavriil Grigorov."),
    Field("name", "text", "The source as written, when the registry does not know it yet."),
)
_CANDIDATE_ITEM = (
    Field("name", "text", "A name the registry does not know yet.", required=True),
    Field("kind", "text", "What it seems to be: person, organization, place …"),
    Field("evidence", "text", "The sentence that shows it."),
    Field("cue", "text", "What gave it away: a first name, a role word, a speech verb …"),
)
_CORRECTION_ITEM = (
    Field("date", "day", "When the correction was made (YYYY-MM-DD).", required=True),
    Field("text", "text", "What was corrected, for readers.", required=True),
)
_ANNOTATION_ITEM = (
    Field("exact", "text", "The passage, quoted exactly as the text has it (line breaks and runs of spaces "
          "count as one space), e.g. gegenseitigem Beistand.", required=True),
    Field("prefix", "text", "A few words just before the passage, when it occurs more than once."),
    Field("suffix", "text", "A few words just after the passage, when it occurs more than once."),
    Field("note", "markdown", "The note, in Markdown (no HTML).", required=True),
    Field("author", "text", "Who wrote the note."),
    Field("date", "day", "When the note was written (YYYY-MM-DD)."),
    Field("sources", "texts", "Where the note's facts come from: web addresses (https://…), or ids of actors "
          "(content/actors/<id>.md) and sources (content/sources/<id>.md)."),
)

ARTICLE_FIELDS: tuple[Field, ...] = (
    Field("title", "text", "Headline. Without it, the lead's first sentence is used."),
    Field("date", "date", "Publication date: YYYY-MM-DD, or YYYY-MM / YYYY when only that is known."),
    Field("date_precision", "choice", "How exact the date is.", choices=DATE_PRECISIONS, default="day"),
    Field("language", "language", "Language code of the text, e.g. de or en. Default: detected from the text."),
    Field("actors", "ids", "Registry ids of the persons, organisations, states and groups the article is about "
          "(content/actors/<id>.md). When given, this list replaces the extracted one."),
    Field("places", "ids", "Registry ids of places (actors of kind place). When given, replaces the extracted list."),
    Field("topics", "ids", "Topic ids (content/topics/<id>.md). When given, replaces the assigned topics."),
    Field("sources", "objects", "Who reported, who is cited, who took the pictures. When given, replaces the "
          "extracted sources.", items=_SOURCE_ITEM),
    Field("authors", "texts", "By-line or sign-off authors (persons)."),
    Field("candidates", "objects", "Names found that the registry does not know yet: add them with "
          "'archive-gen actors add', then delete them here. Not shown on the site.", items=_CANDIDATE_ITEM),
    Field("actors_exclude", "ids", "Extracted actors that are wrong for this article: their mentions stay text."),
    Field("places_exclude", "ids", "Extracted places that are wrong for this article."),
    Field("topics_exclude", "ids", "Assigned topics that are wrong for this article."),
    Field("status", "choice", "Review status: draft and review are not published.", choices=STATUSES,
          default="published", fallback="draft",
          fallback_hint="treated as draft: it is left out of the published site until fixed"),
    Field("corrections", "objects", "Published corrections, shown on the article page.", items=_CORRECTION_ITEM),
    Field("annotations", "objects", "Notes on passages of the text, anchored by quote (exact, with prefix or "
          "suffix when the passage occurs more than once) and shown beside it on the page.", items=_ANNOTATION_ITEM),
    Field("summary", "text", "A short summary shown on the page.", pass_through=True),
    Field("source_url", "url", "Where the original was published (http or https).", pass_through=True),
    Field("license", "text", "Licence of the original, e.g. CC BY 2.5.", pass_through=True),
    Field("attribution", "text", "Credit the licence asks for.", pass_through=True),
    Field("event", "id", "The event this article reports (content/events/<id>.md): articles with the same event "
          "are reports of one event ('archive-gen events suggest' proposes groupings)."),
    Field("country", "country", "The country the article is written from and for (at, de, ch …): it decides "
          "between actors that share a name (Die Grünen, Bundeskanzler). Default: found from the text."),
    Field("slug", "id", "The page's address (lowercase, digits, hyphens). Default: the file name."),
    Field("imported_from", "text", "The file 'archive-gen import' read, relative to the project. Do not edit."),
    Field("source_hash", "hash", "Fingerprint of the imported text, to find duplicates. Do not edit."),
)

ACTOR_FIELDS: tuple[Field, ...] = (
    Field("name", "text", "The name shown on pages, e.g. Wladimir Putin.", required=True),
    Field("kind", "choice", "What the actor is.", choices=ACTOR_KINDS, default="person"),
    Field("aliases", "texts", "Other names that mean this actor: Putin, Vladimir Putin …"),
    Field("adjectives", "texts", "Adjective stems (-e/-en/-er/-es/-em are added): nordkoreanisch."),
    Field("demonyms", "texts", "Names for its people (-in/-innen/-n/-s are added): Nordkoreaner."),
    Field("wikidata", "wikidata", "Wikidata id: Q followed by digits, e.g. Q7747."),
    Field("country", "country", "Country code (ISO 3166-1 alpha-2) of a party, office or place: at, de, ch …"),
    Field("description", "text", "Short description (the file's body is the long one)."),
)

SOURCE_FIELDS: tuple[Field, ...] = (
    Field("name", "text", "The name shown on pages, e.g. APA.", required=True),
    Field("kind", "choice", "What the source is.", choices=SOURCE_KINDS, default="agency"),
    Field("aliases", "texts", "Other names and codes in sign-offs, texts and credits."),
    Field("url", "url", "The source's website (http or https)."),
    Field("rights", "text", "The rights line its content requires on every article, e.g. © APA – Austria Presse Agentur."),
    Field("description", "text", "Short description (the file's body is the long one)."),
)

TOPIC_FIELDS: tuple[Field, ...] = (
    Field("name", "text", "The name shown on pages.", required=True),
    Field("keywords", "texts", "Lowercase word prefixes: sanktion matches Sanktionen."),
    Field("min_hits", "count", "How many keyword hits make an article belong to the topic.", default=2),
    Field("description", "text", "Short description (the file's body is the long one)."),
)

EVENT_FIELDS: tuple[Field, ...] = (
    Field("title", "text", "What happened, as a headline: Putin besucht Pjöngjang.", required=True),
    Field("date", "date", "When it happened: YYYY-MM-DD, or YYYY-MM / YYYY when only that is known.", required=True),
    Field("date_precision", "choice", "How exact the date is. Default: from how the date is written.",
          choices=DATE_PRECISIONS),
    Field("place", "id", "Registry id of the place where it happened (an actor of kind place)."),
    Field("description", "text", "Short description (the file's body is the long one)."),
)

PAGE_FIELDS: tuple[Field, ...] = (
    Field("title", "text", "The page title. Default: the file name."),
)

FIELDS: dict[str, tuple[Field, ...]] = {
    "article": ARTICLE_FIELDS,
    "actor": ACTOR_FIELDS,
    "source": SOURCE_FIELDS,
    "topic": TOPIC_FIELDS,
    "page": PAGE_FIELDS,
    "event": EVENT_FIELDS,
}
TITLES = {
    "article": "archive-gen article front matter (content/articles/**.md)",
    "actor": "archive-gen actor registry entry (content/actors/<id>.md)",
    "source": "archive-gen source registry entry (content/sources/<id>.md)",
    "topic": "archive-gen topic (content/topics/<id>.md)",
    "page": "archive-gen page (content/pages/<id>.md)",
    "event": "archive-gen event (content/events/<id>.md)",
}
# Where each kind lives below content/ (for tools that map files to schemas).
FOLDERS = {"article": "articles", "actor": "actors", "source": "sources", "topic": "topics", "page": "pages", "event": "events"}

ARTICLE_KEY_ORDER: tuple[str, ...] = tuple(f.name for f in ARTICLE_FIELDS)


def known_keys(kind: str) -> frozenset[str]:
    return frozenset(f.name for f in FIELDS[kind])


def pass_through_keys() -> tuple[str, ...]:
    """Article keys passed to the page untouched, in table order."""
    return tuple(f.name for f in ARTICLE_FIELDS if f.pass_through)


def field(kind: str, name: str) -> Field:
    return next(f for f in FIELDS[kind] if f.name == name)
