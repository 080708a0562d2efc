"""MkDocs' front matter read without PyYAML's per-node Python work, for the YAML archive-gen writes.

MkDocs reads every page's front matter with ``yaml.load(…, CSafeLoader)``: libyaml parses, but
the constructor and resolver are Python, per node (~0.15 ms a page, ~1.7 CPU s a full build at
10,000 articles). :mod:`..render.frontyaml` writes a few shapes only: ``key: scalar``,
``key: [scalar, …]``, ``key: {key: scalar, …}``, ``key:`` with ``- {…}`` items, or one
``{key: scalar, …}`` line; a scalar plain (when YAML reads it as the text) or single-quoted. Those
are read here with YAML's rules: a plain scalar's type is decided by PyYAML's own implicit
resolvers, and only a text, a bool, null, a decimal int without leading zero and a
``yyyy-mm-dd`` date are taken. Anything else (double quotes, block scalars, several lines, tabs,
comments, other characters than YAML's printable ones, floats, anchors, nesting, an odd
key) returns None, and MkDocs' own ``get_data`` reads the page: the same ``(markdown, meta)``
either way. ``ARCHIVE_GEN_FASTMETA``: ``on`` (default), ``off`` (MkDocs' reader only),
``verify`` (both; a difference raises :class:`FastMetaMismatch`).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re

import yaml
from mkdocs.utils import meta as mkdocs_meta

__all__ = ["FastMetaMismatch", "MODE_VARIABLE", "get_data", "meta_hooks", "read"]

MODE_VARIABLE = "ARCHIVE_GEN_FASTMETA"
_RESOLVERS = yaml.CSafeLoader.yaml_implicit_resolvers if hasattr(yaml, "CSafeLoader") \
    else yaml.SafeLoader.yaml_implicit_resolvers
_STR, _BOOL, _NULL = "tag:yaml.org,2002:str", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null"
_INT, _TIMESTAMP = "tag:yaml.org,2002:int", "tag:yaml.org,2002:timestamp"
_BOOLS = {"yes": True, "no": False, "true": True, "false": False, "on": True, "off": False}
# YAML's printable characters, less tab, CR, NEL, NBSP, the line and paragraph separators, BOM
_ODD = re.compile("[^\n\x20-\x7e\xa1-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*): ?")
_QUOTED = re.compile(r"'((?:[^'\n]|'')*)'")
_FIRST = frozenset("-?:,[]{}#&*!|>'\"%@` ")  # a plain scalar starting so is left to PyYAML
_BLOCK_PLAIN = re.compile(r"[^\n]*")
_FLOW_PLAIN = re.compile(r"[^\n,\[\]{}:?]*")
_INT_TEXT = re.compile(r"(?:0|[1-9][0-9]*)\Z")
_DATE_TEXT = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")


class FastMetaMismatch(RuntimeError):
    """The fast reader and MkDocs' disagree on a page's front matter (``ARCHIVE_GEN_FASTMETA=verify``)."""


class _Declined(Exception):
    """Not a shape read here."""


def read(text: str) -> dict | None:
    """The mapping ``yaml.load(text, SafeLoader)`` gives for the front matter ``text``, or None
    when it is not one of the shapes read here."""
    if not text.endswith("\n") or _ODD.search(text):
        return None
    try:
        if text.startswith("{"):
            data, at = _flow_mapping(text, 0)
            return data if at == len(text) - 1 else None
        return _block_mapping(text.split("\n")[:-1])
    except _Declined:
        return None


def _block_mapping(lines: list[str]) -> dict:
    data: dict = {}
    index = 0
    while index < len(lines):
        line = lines[index]
        key = _key(line, 0)
        at = key.end()
        if at == len(line):  # "key:" and its block list of flow mappings
            if line[at - 1] == " ":
                raise _Declined
            items = []
            index += 1
            while index < len(lines) and lines[index].startswith("- {"):
                item, end = _flow_mapping(lines[index], 2)
                if end != len(lines[index]):
                    raise _Declined
                items.append(item)
                index += 1
            if not items:
                raise _Declined
            data[key.group(1)] = items
            continue
        if line[at - 1] != " ":
            raise _Declined
        if line[at] == "[":
            value, end = _flow_sequence(line, at)
        elif line[at] == "{":
            value, end = _flow_mapping(line, at)
        else:
            value, end = _scalar(line, at, _BLOCK_PLAIN, flow=False)
        if end != len(line):
            raise _Declined
        data[key.group(1)] = value
        index += 1
    return data


def _key(text: str, at: int) -> re.Match:
    key = _KEY.match(text, at)
    if key is None or _resolve(key.group(1)) != _STR:
        raise _Declined
    return key


def _flow_sequence(text: str, at: int) -> tuple[list, int]:
    items: list = []
    return items, _flow(text, at, "]", lambda at: _appended(items, *_scalar(text, at, _FLOW_PLAIN, flow=True)))


def _flow_mapping(text: str, at: int) -> tuple[dict, int]:
    data: dict = {}

    def entry(at: int) -> int:
        key = _key(text, at)
        if text[key.end() - 1] != " ":
            raise _Declined
        data[key.group(1)], at = _scalar(text, key.end(), _FLOW_PLAIN, flow=True)
        return at
    return data, _flow(text, at, "}", entry)


def _appended(items: list, value, at: int) -> int:
    items.append(value)
    return at


def _flow(text: str, at: int, closing: str, entry) -> int:
    """A flow collection's entries (``entry`` reads one at a position, returns its end), separated
    by ``", "``, after the opening bracket at ``at``; where it ends."""
    at += 1
    if text.startswith(closing, at):
        return at + 1
    while True:
        at = entry(at)
        if text.startswith(", ", at):
            at += 2
        elif text.startswith(closing, at):
            return at + 1
        else:
            raise _Declined


def _scalar(text: str, at: int, plain: re.Pattern, flow: bool):
    """A single-quoted or plain scalar at ``at``: (its value, where it ends)."""
    if at >= len(text):
        raise _Declined
    if text[at] == "'":
        quoted = _QUOTED.match(text, at)
        if quoted is None:
            raise _Declined
        return quoted.group(1).replace("''", "'"), quoted.end()
    if text[at] in _FIRST:
        raise _Declined
    value = plain.match(text, at).group()
    if not value or value[-1] == " " or value[-1] == ":" or " #" in value or (not flow and ": " in value):
        raise _Declined
    return _typed(value), at + len(value)


@functools.lru_cache(maxsize=65536)  # ids, names, dates and kinds recur on thousands of pages
def _typed(text: str):
    """A plain scalar's value, when YAML reads it as one of the types taken here."""
    tag = _resolve(text)
    if tag == _STR:
        return text
    if tag == _BOOL:
        return _BOOLS[text.lower()]
    if tag == _NULL:
        return None
    if tag == _INT and _INT_TEXT.match(text):
        return int(text)
    date = _DATE_TEXT.match(text) if tag == _TIMESTAMP else None
    if date is not None:
        try:
            return dt.date(*map(int, date.groups()))
        except ValueError:
            raise _Declined from None
    raise _Declined


@functools.lru_cache(maxsize=1024)
def _resolve(text: str) -> str:
    """The tag PyYAML's implicit resolvers give a plain scalar (``Resolver.resolve``)."""
    for tag, pattern in [*_RESOLVERS.get(text[0] if text else "", ()), *_RESOLVERS.get(None, ())]:
        if pattern.match(text):
            return tag
    return _STR


def fast_get_data(original):
    """``mkdocs.utils.meta.get_data`` with the fast reader first (``ARCHIVE_GEN_FASTMETA``)."""

    def get_data(doc: str):
        mode = os.environ.get(MODE_VARIABLE, "on")
        if mode == "off":
            return original(doc)
        found = mkdocs_meta.YAML_RE.match(doc)
        data = read(found.group(1)) if found else None
        fast = None if data is None else (doc[found.end():].lstrip("\n"), data)
        if mode == "verify":
            slow = original(doc)
            if fast is not None and (fast != slow or _types(fast[1]) != _types(slow[1])):
                raise FastMetaMismatch(f"the fast front matter reader differs from MkDocs': {found.group(1)!r}")
            return slow
        return fast if fast is not None else original(doc)
    get_data.fastmeta_original = original
    return get_data


def _types(value):
    """``value``'s structure with every scalar's type (``1 == True``, ``0 == False`` otherwise hide one)."""
    if isinstance(value, dict):
        return [(type(k), k, _types(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [_types(v) for v in value]
    return type(value), value


def get_data(doc: str):
    """MkDocs' ``get_data`` through the fast reader (for tests and tools)."""
    return fast_get_data(mkdocs_meta.get_data)(doc)


def meta_hooks() -> list[tuple]:
    """(owner, name, replacement) for MkDocs' front matter reader while it builds."""
    return [(mkdocs_meta, "get_data", fast_get_data(mkdocs_meta.get_data))]
