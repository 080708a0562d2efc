"""The one description of every front-matter field editors write, and what follows from it.

:data:`FIELDS` is a table per kind of file (``article`` for ``content/articles/**.md``,
``actor``, ``source``, ``topic`` and ``page`` for the registry folders): name, type, allowed
values, default, whether it is required, and a one-line description for editors. From that one
table come

- :func:`validate`, what ``archive-gen check`` uses: ``(key, message)`` for every value of the
  wrong shape, each message saying how to fix it;
- :func:`json_schema` / :func:`write_schemas`, a JSON Schema (draft 2020-12) per kind, shipped
  in ``schema/`` so editors' tools can check files while they are typed (``schema/README.md``);
- :data:`ARTICLE_KEY_ORDER`, the order in which generated and imported front matter is written;
- the key sets the readers need (:func:`known_keys`, :func:`pass_through_keys`), so that
  ``registry.py`` and ``annotate`` stop keeping lists of their own.

Types are small named shapes (``text``, ``ids``, ``date`` …, see :data:`TYPES`); each has one
Python check and one JSON Schema. ``None`` (a key written with no value) counts as absent,
as everywhere in the readers. The JSON Schema sees YAML as the editor's YAML language server
does (YAML 1.2: an unquoted ``2024-06-19`` is a string), so dates are checked by pattern there;
:func:`to_json` turns loaded front matter into that view for tests and tools.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

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
          default="published"),
    Field("corrections", "objects", "Published corrections, shown on the article page.", items=_CORRECTION_ITEM),
    Field("summary", "text", "A short summary shown on the page.", pass_through=True),
    Field("source_url", "url", "Where the original was published (http or https).", pass_through=True),
    Field("license", "text", "Licence of the original, e.g. CC BY 2.5.", pass_through=True),
    Field("attribution", "text", "Credit the licence asks for.", pass_through=True),
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
    Field("description", "text", "Short description (the file's body is the long one)."),
)

SOURCE_FIELDS: tuple[Field, ...] = (
    Field("name", "text", "The name shown on pages, e.g. APA.", required=True),
    Field("kind", "choice", "What the source is.", choices=SOURCE_KINDS, default="agency"),
    Field("aliases", "texts", "Other names and codes in sign-offs, texts and credits."),
    Field("url", "url", "The source's website (http or https)."),
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


TYPES: dict[str, _Type] = {
    "text": _Type(_is_text, {"type": ["string", "number"], "pattern": TEXT_PATTERN}, "text (not empty)"),
    "texts": _Type(
        lambda v: isinstance(v, str) or (isinstance(v, list) and all(_is_text(x) for x in v)),
        {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": ["string", "number"], "pattern": TEXT_PATTERN}}]},
        "a list of texts, e.g. [a, b]",
    ),
    "id": _Type(lambda v: _matches(ID_PATTERN, v) and len(v) <= ID_MAX_LENGTH,
                {"type": "string", "pattern": ID_PATTERN, "maxLength": ID_MAX_LENGTH},
                "an id in lowercase letters, digits and hyphens, e.g. wladimir-putin"),
    "ids": _Type(
        lambda v: TYPES["id"].check(v) or (isinstance(v, list) and all(TYPES["id"].check(x) for x in v)),
        {"anyOf": [{"$ref": "#/$defs/id"}, {"type": "array", "items": {"$ref": "#/$defs/id"}}]},
        "a list of ids in lowercase letters, digits and hyphens, e.g. [wladimir-putin, nordkorea]",
    ),
    "date": _Type(_is_date, {"type": "string", "pattern": DATE_PATTERN},
                  "a date written YYYY-MM-DD (or YYYY-MM, YYYY), e.g. 2024-06-19"),
    "day": _Type(lambda v: _is_date(v, DAY_PATTERN), {"type": "string", "pattern": DAY_PATTERN},
                 "a day written YYYY-MM-DD, e.g. 2024-06-20"),
    "choice": _Type(None, {}, ""),  # built per field from its choices
    "count": _Type(_is_count, {"type": "integer", "minimum": 1}, "a whole number ≥ 1, e.g. 2"),
    "url": _Type(lambda v: _matches(URL_PATTERN, v), {"type": "string", "pattern": URL_PATTERN},
                 "a web address starting with https:// or http://"),
    "wikidata": _Type(lambda v: _matches(WIKIDATA_PATTERN, v), {"type": "string", "pattern": WIKIDATA_PATTERN},
                      "a Wikidata id: Q followed by digits, e.g. Q7747"),
    "hash": _Type(lambda v: _matches(HASH_PATTERN, v), {"type": "string", "pattern": HASH_PATTERN},
                  "sha256: followed by 64 hex digits (written by 'archive-gen import'; delete the key rather than edit it)"),
    "language": _Type(lambda v: _matches(LANGUAGE_PATTERN, v), {"type": "string", "pattern": LANGUAGE_PATTERN},
                      "a language code such as de or en"),
    "objects": _Type(None, {}, ""),  # built per field from its items
}


# --------------------------------------------------------------------------- validation


def validate(meta: dict[str, Any], kind: str) -> list[tuple[str, str]]:
    """``(key, message)`` for each problem of one file's front matter; ``[]`` when it is fine.

    ``meta`` is front matter as :func:`archive_gen.front_matter.split` loads it. The key lets
    the caller print the line (``meta_lines[key]``); every message says how to fix it.

    Values are judged as YAML 1.2 tools see them (:func:`to_json`): ``name: 1989-11-09`` is
    the text "1989-11-09" there, so it is text here too, and the readers should take
    ``str(value)`` of a date where they expect text.
    """
    meta = to_json(meta)
    fields = {f.name: f for f in FIELDS[kind]}
    problems: list[tuple[str, str]] = []
    for key in meta:
        if key not in fields:
            near = difflib.get_close_matches(str(key), sorted(fields), n=1)
            fix = f"did you mean '{near[0]}'?" if near else f"known keys: {', '.join(sorted(fields))}"
            problems.append((str(key), f"unknown key '{key}': {fix}"))
    for f in fields.values():
        value = meta.get(f.name)
        if value is None:
            if f.required:
                problems.append((f.name, f"missing required key '{f.name}': add '{f.name}: …' ({f.description})"))
            continue
        problems.extend((f.name, message) for message in _problems(f, value, f.name))
    return problems


def _problems(f: Field, value: Any, label: str) -> list[str]:
    if f.type == "choice":
        if isinstance(value, str) and value in f.choices:
            return []
        return [f"'{label}: {_shown(value)}' is not one of {', '.join(f.choices)}: write one of them"]
    if f.type == "objects":
        return _object_problems(f, value, label)
    kind = TYPES[f.type]
    if kind.check(value):
        return []
    if f.type == "ids" and isinstance(value, list):
        bad = [x for x in value if not TYPES["id"].check(x)]
        return [f"'{_shown(x)}' in '{label}' is not an id: write {TYPES['id'].expected}" for x in bad]
    return [f"'{label}: {_shown(value)}' is not {kind.expected}"]


def _object_problems(f: Field, value: Any, label: str) -> list[str]:
    example = ", ".join(f"{i.name}: …" for i in f.items if i.required)
    if not isinstance(value, list):
        return [f"'{label}' must be a list of entries like {{{example}}}"]
    problems = []
    items = {i.name: i for i in f.items}
    for number, item in enumerate(value, start=1):
        where = f"{label} #{number}"
        if not isinstance(item, dict):
            problems.append(f"{where} ('{_shown(item)}') must be an entry like {{{example}}}")
            continue
        for key in item:
            if key not in items:
                problems.append(f"{where}: unknown key '{key}' (known: {', '.join(items)})")
        for sub in items.values():
            if item.get(sub.name) is None:
                if sub.required:
                    problems.append(f"{where}: missing '{sub.name}' ({sub.description})")
                continue
            problems.extend(f"{where}: {m}" for m in _problems(sub, item[sub.name], sub.name))
    return problems


def _shown(value: Any) -> str:
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    return text if len(text) <= 60 else text[:57] + "…"


# --------------------------------------------------------------------------- JSON Schema


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one kind of file's front matter."""
    fields = FIELDS[kind]
    properties = {f.name: _property(f) for f in fields}
    schema: dict[str, Any] = {
        "$schema": SCHEMA_DIALECT,
        "title": TITLES[kind],
        "description": "Generated by archive-gen from archive_gen/schema.py; do not edit "
                       "(run 'archive-gen schema' to regenerate).",
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
    required = [f.name for f in fields if f.required]
    if required:
        schema["required"] = required
    if any(f.type in ("id", "ids") or any(i.type in ("id", "ids") for i in f.items) for f in fields):
        schema["$defs"] = {"id": TYPES["id"].schema}
    return schema


def _property(f: Field, nullable: bool | None = None) -> dict[str, Any]:
    if f.type == "choice":
        base: dict[str, Any] = {"enum": list(f.choices)}
    elif f.type == "objects":
        base = {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {i.name: _property(i, nullable=not i.required) for i in f.items},
                "required": [i.name for i in f.items if i.required],
                "additionalProperties": False,
            },
        }
    else:
        base = json.loads(json.dumps(TYPES[f.type].schema))  # a copy
    if nullable if nullable is not None else not f.required:
        base = _nullable(base)
    described = {"description": f.description}
    if f.default is not None:
        described["default"] = f.default
    return {**described, **base}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """Also accept null: a key written without a value counts as absent, as in the readers."""
    if "enum" in schema:
        return {**schema, "enum": [*schema["enum"], None]}
    if "anyOf" in schema:
        return {**schema, "anyOf": [*schema["anyOf"], {"type": "null"}]}
    kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    return {**schema, "type": [*kinds, "null"]}


def schema_text(kind: str) -> str:
    """The schema file's exact text: stable, so a test can compare it with the committed one."""
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"


def write_schemas(dest_dir: Path) -> list[Path]:
    """Write ``<kind>.schema.json`` for every kind into ``dest_dir``; return the paths.

    Files whose text is already current are left untouched (no new modification time)."""
    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in FIELDS:
        path = dest_dir / f"{kind}.schema.json"
        text = schema_text(kind)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)
    return written


def to_json(value: Any) -> Any:
    """Loaded front matter as JSON sees it (dates become ISO strings), for JSON Schema tools."""
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


if __name__ == "__main__":  # python -m archive_gen.schema [DIR]: regenerate the shipped files
    import sys

    for written_path in write_schemas(Path(sys.argv[1] if len(sys.argv) > 1 else "schema")):
        print(written_path)
