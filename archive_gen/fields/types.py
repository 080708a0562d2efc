"""The types of the table: one Python check and one JSON Schema each."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Any

from .table import (COUNTRY_PATTERN, DATE_PATTERN, DAY_PATTERN, HASH_PATTERN, ID_MAX_LENGTH, ID_PATTERN,
                    LANGUAGE_PATTERN, TEXT_PATTERN, URL_PATTERN, WIKIDATA_PATTERN)


def is_text(value: Any) -> bool:
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
    "text": _Type(is_text, {"type": ["string", "number"], "pattern": TEXT_PATTERN}, "text (not empty)",
                  "write it as one line of text"),
    "markdown": _Type(is_text, {"type": ["string", "number"], "pattern": TEXT_PATTERN}, "Markdown text (not empty)",
                      "write it as text; several lines with '|' (a YAML block)"),
    "texts": _Type(
        lambda v: isinstance(v, str) or (isinstance(v, list) and all(is_text(x) for x in v)),
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
