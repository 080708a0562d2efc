"""Generated front matter written as strings: the bytes :func:`archive_gen.front_matter.dump_yaml`
writes, without PyYAML's per-node Python work (its representer and resolver were a sixth of
rendering a page).

Only the shapes pages have are written here, with PyYAML's own rules (``default_flow_style=None``:
a collection of scalars in flow style, anything holding a collection in block style):

    mapping of scalars           {title: Angela Merkel, feed: actors/angela-merkel.xml}
    mapping with collections     key: scalar | [scalar, …] | {key: scalar, …} | block list of {…}

A scalar is plain unless PyYAML's emitter would not allow it (an indicator such as ``: `` or
`` #``, a flow indicator inside ``[…]``/``{…}``, a text that would read as a number, date, bool
or null), then single-quoted. Everything else (text that is not printable or has edge spaces,
multi-line text, floats, deeper nesting, unusual keys) returns None: the caller asks PyYAML.
``tests/test_frontyaml.py`` compares both on random values.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

import yaml

_RESOLVERS = getattr(yaml, "CSafeDumper", yaml.SafeDumper).yaml_implicit_resolvers
_STR = "tag:yaml.org,2002:str"
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}\Z")
_ALWAYS = frozenset("#,[]{}&*!|>'\"%@`")  # a first character that rules plain style out
_FLOW = re.compile(r"[,?\[\]{}:]")  # anywhere: no plain style inside […] or {…}
_BMP = "\uffff"


def dump(meta: dict[str, Any]) -> str | None:
    """``meta`` as YAML, as PyYAML writes it; None when it is not a shape written here."""
    if all(_is_scalar(v) for v in meta.values()):
        items = [_item(k, v, True) for k, v in meta.items()]
        return None if None in items else "{" + ", ".join(items) + "}\n"  # type: ignore[arg-type]
    lines = []
    for key, value in meta.items():
        line = _block(key, value)
        if line is None:
            return None
        lines.append(line)
    return "".join(lines)


def _block(key: Any, value: Any) -> str | None:
    """One entry of a block mapping."""
    if not _is_key(key):
        return None
    if _is_scalar(value):
        text = _scalar(value, False)
        return None if text is None else f"{key}: {text}\n"
    if isinstance(value, list) and all(_is_scalar(v) for v in value):
        return _collection(key, _flow_sequence(value))
    if type(value) is dict and all(_is_scalar(v) for v in value.values()):
        return _collection(key, _flow_mapping(value))
    if isinstance(value, list) and all(type(v) is dict and all(_is_scalar(x) for x in v.values()) for v in value):
        items = [_flow_mapping(v) for v in value]
        return None if None in items else f"{key}:\n" + "".join(f"- {item}\n" for item in items)
    return None


def _collection(key: str, inner: str | None) -> str | None:
    return None if inner is None else f"{key}: {inner}\n"


def _flow_sequence(items: list) -> str | None:
    texts = [_scalar(v, True) for v in items]
    return None if None in texts else "[" + ", ".join(texts) + "]"  # type: ignore[arg-type]


def _flow_mapping(mapping: dict) -> str | None:
    items = [_item(k, v, True) for k, v in mapping.items()]
    return None if None in items else "{" + ", ".join(items) + "}"  # type: ignore[arg-type]


def _item(key: Any, value: Any, flow: bool) -> str | None:
    text = _scalar(value, flow) if _is_key(key) else None
    return None if text is None else f"{key}: {text}"


def _is_key(key: Any) -> bool:
    return type(key) is str and _is_plain_key(key)


@functools.lru_cache(maxsize=1024)
def _is_plain_key(key: str) -> bool:  # the same few keys on every page
    return _KEY.match(key) is not None and _resolves(key) == _STR


def _is_scalar(value: Any) -> bool:
    return value is None or type(value) in (str, int, bool, dt.date)


def _scalar(value: Any, flow: bool) -> str | None:
    """A scalar in block or flow context, or None (PyYAML decides)."""
    kind = type(value)
    if kind is str:
        return _text(value, flow)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return str(value)
    if kind is dt.date:
        text = value.isoformat()
        return text if _resolves(text) == "tag:yaml.org,2002:timestamp" else None
    return None


@functools.lru_cache(maxsize=65536)  # ids, names, dates and kinds recur on thousands of pages
def _text(text: str, flow: bool) -> str | None:
    # libyaml escapes characters beyond the BMP (double quotes): PyYAML's case
    if not text or not text.isprintable() or text[0] == " " or text[-1] == " " or max(text) > _BMP:
        return None
    return text if _plain(text, flow) and _resolves(text) == _STR else "'" + text.replace("'", "''") + "'"


def _plain(text: str, flow: bool) -> bool:
    """Whether PyYAML's emitter allows ``text`` (printable, no edge spaces) as a plain scalar."""
    first = text[0]
    spaced = len(text) == 1 or text[1] == " "  # the first character is followed by a space
    if first in _ALWAYS or text.startswith(("---", "...")) or " #" in text or (first == "-" and spaced):
        return False
    if flow:
        return _FLOW.search(text) is None
    return not ((first == "?" and spaced) or ": " in text or text[-1] == ":")


def _resolves(text: str) -> str:
    """The tag a plain ``text`` reads as (PyYAML's implicit resolvers)."""
    for tag, pattern in [*_RESOLVERS.get(text[0] if text else "", ()), *_RESOLVERS.get(None, ())]:
        if pattern.match(text):
            return tag
    return _STR
