"""The one module that owns YAML front matter, in both directions.

Reading is strict because front matter comes from outside: only safe YAML, and of that only
plain values (no tags at all: ``!!python/object…`` and ``!!binary`` alike), no anchors or
aliases (no "billion laughs"), no duplicate keys, no impossible dates (``2024-02-30``), at most
:data:`MAX_DEPTH` levels of nesting, and a mapping at the top. Every problem is a
:class:`FrontMatterError` with the line in the *file*, not in the YAML snippet.
python-frontmatter finds the block; PyYAML with a stricter loader parses it.

Writing keeps the caller's key order (never sorted), never wraps long lines and uses flow
style for lists of scalars, so generated files are stable and diffs stay small.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import frontmatter
import yaml

from .errors import FrontMatterError

_HANDLER = frontmatter.YAMLHandler()
MAX_DEPTH = 20  # nesting levels of lists and mappings; front matter needs two or three
_CORE = "tag:yaml.org,2002:"
# Explicit tags that only restate a plain value's type (``!!str 2024``); every other tag is refused.
_ALLOWED_TAGS = frozenset({None, "!", *(_CORE + t for t in ("str", "int", "float", "bool", "null", "seq", "map"))})


@dataclass(frozen=True)
class Split:
    meta: dict[str, Any]
    meta_lines: dict[str, int]  # top-level key -> 1-based line in the file ("key#n": its list's n-th entry, a mapping)
    body: str
    body_line: int  # 1-based line in the file where ``body`` starts


def has_front_matter(text: str) -> bool:
    return _HANDLER.detect(text)


def split(text: str, path: str) -> Split:
    """Separate front matter from the body. Text without front matter gives empty metadata."""
    if not has_front_matter(text):
        return Split({}, {}, text, 1)
    try:
        raw_yaml, body = _HANDLER.split(text)
    except ValueError:
        raise FrontMatterError(
            path, 1, "front matter is not closed", "end the YAML block with a line '---'"
        ) from None
    body_offset = len(text) - len(body)
    # The YAML snippet starts right after the opening '---' (which may swallow blank lines).
    opening = _HANDLER.FM_BOUNDARY.match(text)
    first_line = text.count("\n", 0, opening.end()) + 1 if opening else 1
    meta, lines = load_yaml(raw_yaml, path, first_line=first_line)
    return Split(meta, lines, body, text.count("\n", 0, body_offset) + 1)


def load_yaml(source: str, path: str, first_line: int = 1) -> tuple[dict[str, Any], dict[str, int]]:
    """Parse a YAML mapping strictly; return it with the file line of each top-level key."""
    fast = _fast_load(source, path, first_line)
    if fast is not None:
        return fast
    loader = None
    try:
        loader = _StrictLoader(source)  # checks the characters first: may raise already
        loader.archive_path = path
        loader.first_line = first_line
        node = loader.get_single_node()
        if node is None:
            return {}, {}
        if not isinstance(node, yaml.MappingNode):
            raise FrontMatterError(
                path,
                first_line + node.start_mark.line,
                "front matter must be a mapping of keys to values",
                "write 'key: value' lines between the two '---' lines",
            )
        lines = _key_lines(node, first_line)
        data = loader.construct_document(node)
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow (control characters)
        line = first_line + source.count("\n", 0, max(exc.position, 0))
        raise FrontMatterError(
            path, line, f"invalid YAML: character U+{exc.character:04X} is not allowed",
            "remove invisible control characters from the front matter",
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = first_line + (mark.line if mark else 0)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise FrontMatterError(
            path, line, f"invalid YAML: {problem}", "check quotes, colons and indentation"
        ) from None
    except RecursionError:
        raise FrontMatterError(path, first_line, "YAML nested too deeply", "write plain values and lists") from None
    finally:
        if loader is not None:
            loader.dispose()
    data = {str(k): v for k, v in data.items()}
    return data, lines


def _key_lines(node: yaml.MappingNode, first_line: int) -> dict[str, int]:
    """The file line of each top-level key; "key#2": the line of its list's second entry."""
    lines = {}
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode):
            lines[str(key_node.value)] = first_line + key_node.start_mark.line
            if isinstance(value_node, yaml.SequenceNode):
                for number, item in enumerate(value_node.value, start=1):
                    if isinstance(item, yaml.MappingNode):
                        lines[f"{key_node.value}#{number}"] = first_line + item.start_mark.line
    return lines


def _fast_load(source: str, path: str, first_line: int) -> tuple[dict[str, Any], dict[str, int]] | None:
    """The same result through libyaml's parser, ~5x faster, or None: then the pure-Python
    strict loader runs and reports the problem with its messages. Only front matter that
    passes every check takes this path: libyaml composes in C, past the checks of
    :meth:`_StrictLoader.compose_node`, so its events are checked here first."""
    if _CStrictLoader is None or not _plain_events(source):
        return None
    loader = _CStrictLoader(source)
    loader.archive_path, loader.first_line = path, first_line
    try:
        node = loader.get_single_node()
        if not isinstance(node, yaml.MappingNode):
            return None
        data = loader.construct_document(node)
    except (yaml.YAMLError, RecursionError):
        return None
    finally:
        loader.dispose()
    return {str(k): v for k, v in data.items()}, _key_lines(node, first_line)


def _plain_events(source: str) -> bool:
    """No character, anchor, alias, tag or nesting depth the strict loader would refuse."""
    if _UNPRINTABLE.search(source) or _LIBYAML_DIFFERS.search(source):
        return False
    parser = yaml.CSafeLoader(source)
    depth = 0
    try:
        while parser.check_event():
            event = parser.get_event()
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
                return False
            if isinstance(event, yaml.NodeEvent):
                if getattr(event, "tag", None) not in _ALLOWED_TAGS or depth >= MAX_DEPTH:
                    return False
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return False
    finally:
        parser.dispose()
    return True


class _StrictValues:
    """The value checks both loaders share: real dates, plain and distinct keys."""

    archive_path = ""
    first_line = 1

    def construct_yaml_timestamp(self, node):  # type: ignore[override]
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            raise FrontMatterError(
                self.archive_path,
                self.first_line + node.start_mark.line,
                f"'{node.value}' is not a date that exists",
                "check day and month (YYYY-MM-DD), e.g. 2024-02-29",
            ) from None

    def construct_mapping(self, node, deep=False):  # type: ignore[override]
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                hash(key)
            except TypeError:
                raise FrontMatterError(
                    self.archive_path,
                    self.first_line + key_node.start_mark.line,
                    "a mapping key must be a plain value",
                    "write keys as plain words, e.g. 'title:'",
                ) from None
            line = self.first_line + key_node.start_mark.line
            if key in seen:
                raise FrontMatterError(
                    self.archive_path,
                    line,
                    f"duplicate key '{key}' (first on line {seen[key]})",
                    "keep one of the two",
                )
            seen[key] = line
        return super().construct_mapping(node, deep=deep)


class _StrictLoader(_StrictValues, yaml.SafeLoader):
    depth = 0

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise FrontMatterError(
                self.archive_path,
                self.first_line + event.start_mark.line,
                "YAML aliases (*name) are not allowed in front matter",
                "write the value out instead of referring to an anchor",
            )
        event = self.peek_event()
        line = self.first_line + event.start_mark.line
        if getattr(event, "anchor", None):
            raise FrontMatterError(
                self.archive_path,
                line,
                "YAML anchors (&name) are not allowed in front matter",
                "remove the anchor",
            )
        tag = getattr(event, "tag", None)
        if tag not in _ALLOWED_TAGS:
            shown = tag.replace(_CORE, "!!") if tag.startswith(_CORE) else tag
            raise FrontMatterError(
                self.archive_path,
                line,
                f"YAML tag '{shown}' is not allowed in front matter",
                "remove the tag: front matter holds plain text, numbers, dates and lists",
            )
        if self.depth >= MAX_DEPTH:
            raise FrontMatterError(self.archive_path, line, f"YAML nested more than {MAX_DEPTH} levels deep",
                                   "write plain values and lists")
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

_StrictLoader.add_constructor(_CORE + "timestamp", _StrictLoader.construct_yaml_timestamp)

# The characters PyYAML's reader refuses (yaml.reader.Reader.NON_PRINTABLE).
_UNPRINTABLE = yaml.reader.Reader.NON_PRINTABLE
# Where libyaml and PyYAML disagree (a differential test finds these): tabs, the line breaks
# PyYAML counts and libyaml may not, and a block scalar's header touching a comment ("|#",
# which libyaml reads as an empty string and PyYAML, as the YAML spec, refuses). A false hit
# costs only the slower path.
_LIBYAML_DIFFERS = re.compile("[\t\x85\u2028\u2029]|[|>][-+0-9]*#")
if getattr(yaml, "CSafeLoader", None) is not None:
    class _CStrictLoader(_StrictValues, yaml.CSafeLoader):  # type: ignore[misc, valid-type]
        """libyaml parses and composes; the strict constructor (dates, keys) builds the values."""

    _CStrictLoader.add_constructor(_CORE + "timestamp", _CStrictLoader.construct_yaml_timestamp)
else:  # PyYAML without libyaml: the pure-Python loader does all
    _CStrictLoader = None


# --------------------------------------------------------------------------- writing


# libyaml's emitter when PyYAML has it (5x faster on a large archive), the same output otherwise.
_SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_SafeDumper):  # type: ignore[misc, valid-type]
    """Safe dumper that never sorts and never emits anchors for repeated objects."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_str(dumper: Any, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_yaml(meta: dict[str, Any]) -> str:
    return yaml.dump(
        meta,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=None,
        width=2**31 - 1,
    )


def dumps(meta: dict[str, Any], body: str) -> str:
    """A Markdown file: front matter in the given key order, a blank line, the body."""
    head = dump_yaml(meta) if meta else ""
    return f"---\n{head}---\n\n{body.rstrip()}\n"


def coerce_date(value: Any) -> dt.date | None:
    """A date from front matter: YAML dates, ISO strings; ``None`` when it is not one."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None
