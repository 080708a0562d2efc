"""The one description of every front-matter field editors write, and the one judgement of it.

:data:`FIELDS` is a table per kind of file (``article`` for ``content/articles/**.md``,
``actor``, ``source``, ``topic`` and ``page`` for the registry folders): name, type, allowed
values, default, whether it is required, and a one-line description for editors. Like
Pelican's metadata processors, everything that judges front matter comes from this table:

- :func:`read` checks and converts one file's front matter: the values to use and every
  problem with how to fix it. The registry, the annotator, ``archive-gen check`` and the
  tests all call it, so a value is judged the same way everywhere (they only choose the
  severity: a broken registry entry is an error, a broken article value a warning);
- :mod:`archive_gen.schemas` turns the same table into JSON Schemas for editors' tools;
- :data:`ARTICLE_KEY_ORDER`, the order in which generated and imported front matter is written;
- the key sets the readers need (:func:`known_keys`, :func:`pass_through_keys`).

Types are small named shapes (``text``, ``ids``, ``date`` …, see :data:`TYPES`); each has one
Python check and one JSON Schema. ``None`` (a key written with no value) counts as absent. The
JSON Schema sees YAML as the editor's YAML language server does (YAML 1.2: an unquoted
``2024-06-19`` is a string), so a date where text is expected is text here too.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from dataclasses import dataclass
from typing import Any, Callable, get_args

from .model import ActorKind, DatePrecision, SourceRole

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
    Field("summary", "text", "A short summary shown on the page.", pass_through=True),
    Field("source_url", "url", "Where the original was published (http or https).", pass_through=True),
    Field("license", "text", "Licence of the original, e.g. CC BY 2.5.", pass_through=True),
    Field("attribution", "text", "Credit the licence asks for.", pass_through=True),
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

PAGE_FIELDS: tuple[Field, ...] = (
    Field("title", "text", "The page title. Default: the file name."),
)

FIELDS: dict[str, tuple[Field, ...]] = {
    "article": ARTICLE_FIELDS,
    "actor": ACTOR_FIELDS,
    "source": SOURCE_FIELDS,
    "topic": TOPIC_FIELDS,
    "page": PAGE_FIELDS,
}
TITLES = {
    "article": "archive-gen article front matter (content/articles/**.md)",
    "actor": "archive-gen actor registry entry (content/actors/<id>.md)",
    "source": "archive-gen source registry entry (content/sources/<id>.md)",
    "topic": "archive-gen topic (content/topics/<id>.md)",
    "page": "archive-gen page (content/pages/<id>.md)",
}
# Where each kind lives below content/ (for tools that map files to schemas).
FOLDERS = {"article": "articles", "actor": "actors", "source": "sources", "topic": "topics", "page": "pages"}

ARTICLE_KEY_ORDER: tuple[str, ...] = tuple(f.name for f in ARTICLE_FIELDS)


def known_keys(kind: str) -> frozenset[str]:
    return frozenset(f.name for f in FIELDS[kind])


def pass_through_keys() -> tuple[str, ...]:
    """Article keys passed to the page untouched, in table order."""
    return tuple(f.name for f in ARTICLE_FIELDS if f.pass_through)


def field(kind: str, name: str) -> Field:
    return next(f for f in FIELDS[kind] if f.name == name)


# --------------------------------------------------------------------------- types

def _is_text(value: Any) -> bool:
    return _matches(TEXT_PATTERN, value) or _is_number(value)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _matches(pattern: str, value: Any) -> bool:
    return isinstance(value, str) and re.search(pattern, value) is not None


def _is_date(value: Any, pattern: str = DATE_PATTERN) -> bool:
    if isinstance(value, (dt.date, dt.datetime)):
        return True
    if not _matches(pattern, value):
        return False
    if len(value) >= 10:  # a full date must also name a day that exists (no 2024-02-30)
        try:
            dt.date.fromisoformat(value[:10])
        except ValueError:
            return False
    return True


def _is_count(value: Any) -> bool:
    return _is_number(value) and math.isfinite(value) and value == int(value) and value >= 1


@dataclass(frozen=True)
class _Type:
    check: Any  # value -> bool (for everything but lists of objects)
    schema: dict[str, Any]
    expected: str  # how a message describes a good value
    hint: str = ""  # how to fix a bad one


TYPES: dict[str, _Type] = {
    "text": _Type(_is_text, {"type": ["string", "number"], "pattern": TEXT_PATTERN}, "text (not empty)",
                  "write it as one line of text"),
    "texts": _Type(
        lambda v: isinstance(v, str) or (isinstance(v, list) and all(_is_text(x) for x in v)),
        {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": ["string", "number"], "pattern": TEXT_PATTERN}}]},
        "a list of texts, e.g. [a, b]", "write a list: [a, b]",
    ),
    "id": _Type(lambda v: _matches(ID_PATTERN, v) and len(v) <= ID_MAX_LENGTH,
                {"type": "string", "pattern": ID_PATTERN, "maxLength": ID_MAX_LENGTH},
                "a valid slug", "use lowercase ascii letters, digits and hyphens"),
    "ids": _Type(
        lambda v: TYPES["id"].check(v) or (isinstance(v, list) and all(TYPES["id"].check(x) for x in v)),
        {"anyOf": [{"$ref": "#/$defs/id"}, {"type": "array", "items": {"$ref": "#/$defs/id"}}]},
        "a list of ids", "write ids in lowercase letters, digits and hyphens, e.g. [wladimir-putin, nordkorea]",
    ),
    "date": _Type(_is_date, {"type": "string", "pattern": DATE_PATTERN},
                  "a date", "write it as YYYY-MM-DD (or YYYY-MM, YYYY), e.g. 2024-06-19"),
    "day": _Type(lambda v: _is_date(v, DAY_PATTERN), {"type": "string", "pattern": DAY_PATTERN},
                 "a day", "write it as YYYY-MM-DD, e.g. 2024-06-20"),
    "choice": _Type(None, {}, ""),  # built per field from its choices
    "count": _Type(_is_count, {"type": "integer", "minimum": 1}, "a whole number ≥ 1", "write e.g. 2"),
    "url": _Type(lambda v: _matches(URL_PATTERN, v), {"type": "string", "pattern": URL_PATTERN},
                 "a web address", "write a web address starting with https:// or http://"),
    "wikidata": _Type(lambda v: _matches(WIKIDATA_PATTERN, v), {"type": "string", "pattern": WIKIDATA_PATTERN},
                      "a Wikidata id", "write it as Q followed by digits, e.g. Q7747"),
    "hash": _Type(lambda v: _matches(HASH_PATTERN, v), {"type": "string", "pattern": HASH_PATTERN},
                  "a fingerprint", "sha256: followed by 64 hex digits, written by 'archive-gen import': "
                  "delete the key rather than edit it"),
    "language": _Type(lambda v: _matches(LANGUAGE_PATTERN, v), {"type": "string", "pattern": LANGUAGE_PATTERN},
                      "a language code", "write a language code such as de or en"),
    "country": _Type(lambda v: _matches(COUNTRY_PATTERN, v), {"type": "string", "pattern": COUNTRY_PATTERN},
                     "a country code", "write an ISO 3166-1 country code such as at, de or ch"),
    "objects": _Type(None, {}, ""),  # built per field from its items
}


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class Problem:
    """One value that cannot be used as written, with how to fix it."""

    key: str  # the top-level key: its line is the report's line
    message: str
    hint: str = ""
    unknown_key: bool = False  # a key the table does not know: a warning everywhere


@dataclass(frozen=True)
class Reading:
    values: dict[str, Any]  # usable values, converted (text trimmed, lists of texts, ints …)
    problems: tuple[Problem, ...]

    def failed(self, kind: str) -> bool:
        """A required or a choice field is unusable: the registry leaves the entry out."""
        fields = {f.name: f for f in FIELDS[kind]}
        return any(p.key in fields and (fields[p.key].required or fields[p.key].type == "choice")
                   for p in self.problems)


Suggest = Callable[[str, str], str]  # (key, bad value) -> hint, e.g. "did you mean 'x'?"

_BAD = object()


def read(meta: dict[str, Any], kind: str, suggest: Suggest | None = None) -> Reading:
    """Check and convert one file's front matter. Unknown keys, missing required keys and
    values of the wrong shape become :class:`Problem` s; the values that can be used are
    returned converted. A list keeps its good items and reports the bad ones. Dates are
    returned as written (:mod:`archive_gen.annotate.dates` decides what they mean)."""
    fields = {f.name: f for f in FIELDS[kind]}
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for key in meta:
        if key not in fields:
            near = difflib.get_close_matches(str(key), sorted(fields), n=1)
            problems.append(Problem(str(key), f"unknown front matter key '{key}'",
                                    f"did you mean '{near[0]}'?" if near else f"known keys: {', '.join(sorted(fields))}",
                                    unknown_key=True))
    for f in fields.values():
        raw = meta.get(f.name)
        if raw is None:
            if f.required:
                problems.append(Problem(f.name, f"missing required key '{f.name}'", f"add '{f.name}: …' to the front matter"))
            continue
        value, found = _convert(f, raw, f.name, suggest)
        problems.extend(Problem(f.name, message, hint) for message, hint in found)
        if value is not _BAD:
            values[f.name] = value
        elif f.fallback is not None:
            values[f.name] = f.fallback
    return Reading(values, tuple(problems))


def validate(meta: dict[str, Any], kind: str) -> list[tuple[str, str]]:
    """``(key, "message (hint: …)")`` for each problem :func:`read` finds in one file's front matter."""
    return [(p.key, f"{p.message} (hint: {p.hint})" if p.hint else p.message) for p in read(meta, kind).problems]


def _convert(f: Field, raw: Any, label: str, suggest: Suggest | None) -> tuple[Any, list[tuple[str, str]]]:
    """The usable value (or ``_BAD``) and the problems of one value."""
    if isinstance(raw, (dt.date, dt.datetime)) and f.type not in ("date", "day"):
        raw = raw.isoformat()  # YAML 1.2 tools read an unquoted date as text
    if f.type == "objects":
        return _convert_objects(f, raw, label, suggest)
    if f.type in ("texts", "ids"):
        return _convert_list(f, raw, label, suggest)
    if f.type == "choice":
        if isinstance(raw, str) and raw in f.choices:
            return raw, []
        hint = f.fallback_hint or f"write {label}: {f.choices[0]} (or another of the values listed)"
        return _BAD, [(f"'{label}: {_shown(raw)}' is not one of {', '.join(f.choices)}", hint)]
    kind = TYPES[f.type]
    if not kind.check(raw):
        if f.type == "text":
            return _BAD, [(f"'{label}' must be text; ignored", f"write it as one line of text: {label}: \"…\"")]
        return _BAD, [(f"'{label}: {_shown(raw)}' is not {kind.expected}", kind.hint)]
    if f.type == "text":
        return " ".join(str(raw).split()), []
    if f.type == "count":
        return int(raw), []
    if f.type == "day":
        return raw if isinstance(raw, dt.date) else dt.date.fromisoformat(raw[:10]), []
    if f.type == "date":
        return raw, []
    if f.type == "country":
        return raw.strip().lower(), []
    return raw.strip() if isinstance(raw, str) else raw, []


def _convert_list(f: Field, raw: Any, label: str, suggest: Suggest | None) -> tuple[Any, list[tuple[str, str]]]:
    items = [raw] if isinstance(raw, str) else raw
    if isinstance(items, list):  # YAML 1.2 tools read an unquoted date as text
        items = [x.isoformat() if isinstance(x, (dt.date, dt.datetime)) else x for x in items]
    if not isinstance(raw, str) and (not isinstance(items, list) or not all(_is_text(x) for x in items)):
        return _BAD, [(f"'{label}' must be a list of texts; ignored", f"write '{label}: [a, b]'")]
    if f.type == "texts":
        return list(dict.fromkeys(str(x).strip() for x in items if str(x).strip())), []
    if not all(isinstance(x, str) for x in items):  # 7 is no id, "7" is
        return _BAD, [(f"'{label}' must be a list of texts; ignored", f"write '{label}: [a, b]'")]
    good, problems = [], []
    for text in dict.fromkeys(items):
        if TYPES["id"].check(text):
            good.append(text)
        else:
            hint = suggest(label, text) if suggest and text.strip() else ""
            problems.append((f"unknown id '{text}' in '{label}'", hint or TYPES["id"].hint))
    return good, problems


def _convert_objects(f: Field, raw: Any, label: str, suggest: Suggest | None) -> tuple[Any, list[tuple[str, str]]]:
    example = "{" + ", ".join(f"{i.name}: …" for i in f.items if i.required) + "}"
    if not isinstance(raw, list):
        return _BAD, [(f"'{label}' must be a list of entries like {example}", f"write {label}: [{example}]")]
    items = {i.name: i for i in f.items}
    good, problems = [], []
    for number, item in enumerate(raw, start=1):
        where = f"{label} #{number}"
        if not isinstance(item, dict):
            problems.append((f"{where} ('{_shown(item)}') must be an entry like {example}; ignored", f"write {label}: [{example}]"))
            continue
        found = [f"unknown key '{key}' (known: {', '.join(items)})" for key in item if key not in items]
        converted = {}
        for sub in items.values():
            if item.get(sub.name) is None:
                if sub.required:
                    found.append(f"missing '{sub.name}' ({sub.description})")
                continue
            value, sub_problems = _convert(sub, item[sub.name], sub.name, suggest)
            found.extend(message for message, _ in sub_problems)
            if value is not _BAD:
                converted[sub.name] = value
        if found:
            problems.append((f"{where}: {'; '.join(found)}; ignored", f"write {label}: [{example}]"))
        else:
            good.append(converted)
    return good, problems


def _shown(value: Any) -> str:
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    return text if len(text) <= 60 else text[:57] + "…"
