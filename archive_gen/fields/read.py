"""Reading front matter by the table: the values to use, and every problem with its fix."""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from typing import Any, Callable

from .table import FIELDS, Field
from .types import TYPES, is_text



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
    if f.type == "markdown":  # paragraphs and line breaks stay
        return str(raw).strip(), []
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
    if not isinstance(raw, str) and (not isinstance(items, list) or not all(is_text(x) for x in items)):
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
