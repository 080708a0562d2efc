"""Load and validate the editors' registry: actors, topics, sources and hand-written pages.

One file per entry, id = file name, front matter for the data and the body for the
description. A broken entry is reported and left out; the rest of the registry still loads.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable, get_args

from . import front_matter, schema
from .errors import ContentError, Diagnostics
from .ingest import MAX_FILE_BYTES, read_bytes
from .ingest.text import decode
from .model import Actor, ActorKind, Page, Registry, Source, Topic
from .paths import is_slug

ACTOR_KINDS = frozenset(get_args(ActorKind))
SOURCE_KINDS = frozenset(schema.SOURCE_KINDS)


class _Fields:
    """Typed access to one entry's front matter; wrong types become diagnostics."""

    def __init__(self, meta: dict[str, Any], lines: dict[str, int], path: str, diags: Diagnostics):
        self.meta, self.lines, self.path, self.diags = meta, lines, path, diags
        self.ok = True

    def line(self, key: str) -> int:
        return self.lines.get(key, 1)

    def text(self, key: str, required: bool = False, default: str = "") -> str:
        value = self.meta.get(key)
        if value is None:
            if required:
                self.diags.error(self.path, 1, f"missing required key '{key}'", f"add '{key}: …' to the front matter")
                self.ok = False
            return default
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return str(value).strip()
        self.diags.error(self.path, self.line(key), f"'{key}' must be text, not {type(value).__name__}",
                         f"write it as one line of text: {key}: \"…\"")
        self.ok = False
        return default

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.meta.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in value):
            self.diags.error(self.path, self.line(key), f"'{key}' must be a list of texts", f"write '{key}: [a, b]'")
            return ()
        return tuple(dict.fromkeys(str(v).strip() for v in value if str(v).strip()))

    def choice(self, key: str, allowed: frozenset[str], default: str) -> str:
        value = self.text(key, default=default)
        if value not in allowed:
            self.diags.error(
                self.path, self.line(key), f"'{key}: {value}' is not one of {', '.join(sorted(allowed))}",
                f"write {key}: {sorted(allowed)[0]} (or another of the values listed)"
            )
            self.ok = False
        return value

    def number(self, key: str, default: int) -> int:
        value = self.meta.get(key, default)
        if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
            return value
        self.diags.error(self.path, self.line(key), f"'{key}' must be a whole number ≥ 1",
                         f"write e.g. {key}: {default}")
        return default

    def unknown_keys(self, known: frozenset[str]) -> None:
        for key in sorted(set(self.meta) - known):
            self.diags.warning(self.path, self.line(key), f"unknown key '{key}'", f"known keys: {', '.join(sorted(known))}")


def _actor(entry_id: str, f: _Fields, body: str) -> Actor:
    f.unknown_keys(schema.known_keys("actor"))
    return Actor(
        id=entry_id,
        name=f.text("name", required=True),
        kind=f.choice("kind", ACTOR_KINDS, "person"),  # type: ignore[arg-type]
        aliases=f.texts("aliases"),
        adjectives=tuple(a.lower() for a in f.texts("adjectives")),
        demonyms=f.texts("demonyms"),
        wikidata=_wikidata(f),
        description=body,
        path=f.path,
    )


def _wikidata(f: _Fields) -> str | None:
    value = f.text("wikidata")
    if value and not re.fullmatch(r"Q[1-9][0-9]*", value):
        f.diags.warning(f.path, f.line("wikidata"), f"'wikidata: {value}' is not a Wikidata id", "write it as Q followed by digits, e.g. Q7747")
        return None
    return value or None


def _topic(entry_id: str, f: _Fields, body: str) -> Topic:
    f.unknown_keys(schema.known_keys("topic"))
    return Topic(
        id=entry_id,
        name=f.text("name", required=True),
        keywords=tuple(k.lower() for k in f.texts("keywords")),
        min_hits=f.number("min_hits", 2),
        description=body,
        path=f.path,
    )


def _source(entry_id: str, f: _Fields, body: str) -> Source:
    f.unknown_keys(schema.known_keys("source"))
    return Source(
        id=entry_id,
        name=f.text("name", required=True),
        kind=f.choice("kind", SOURCE_KINDS, "agency"),
        aliases=f.texts("aliases"),
        url=f.text("url") or None,
        description=body,
        path=f.path,
    )


def _page(entry_id: str, f: _Fields, body: str) -> Page:
    return Page(id=entry_id, title=f.text("title", default=entry_id.replace("-", " ").title()), body=body, path=f.path)


_LOADERS: dict[str, Callable[[str, _Fields, str], Any]] = {
    "actors": _actor,
    "topics": _topic,
    "sources": _source,
    "pages": _page,
}


def load_registry(content_dir: Path, diags: Diagnostics, display: Callable[[Path], str] = str,
                  starter: bool = True, max_bytes: int = MAX_FILE_BYTES) -> Registry:
    """Read ``actors/``, ``topics/``, ``sources/`` and ``pages/`` below ``content_dir``, on top
    of the built-in starter registry (countries, cities, organisations, agencies) unless
    ``starter`` is false. An editor's entry replaces the starter entry with the same id, name,
    alias or Wikidata id: the editor wins."""
    folders: dict[str, dict[str, Any]] = {}
    for folder, loader in _LOADERS.items():
        entries: dict[str, Any] = {}
        for path in sorted((content_dir / folder).glob("*.md")):
            shown = display(path)
            entry_id = path.stem
            if not is_slug(entry_id):
                diags.error(shown, 1, f"'{entry_id}' is not a valid id", "name the file in lowercase ascii with hyphens, e.g. kim-jong-un.md")
                continue
            try:
                text, notes = decode(read_bytes(path, shown, max_bytes), shown)
                for note in notes:
                    diags.add(note)
                split = front_matter.split(text, shown)
            except ContentError as exc:
                diags.add(exc.diagnostic())
                continue
            except OSError as exc:
                diags.error(shown, 1, f"cannot read file: {exc.strerror or exc}")
                continue
            fields = _Fields(split.meta, split.meta_lines, shown, diags)
            entry = loader(entry_id, fields, split.body.strip())
            if fields.ok:
                entries[entry_id] = entry
        folders[folder] = entries
    registry = Registry(**folders)
    _check_aliases(registry, diags)
    return with_starter(registry) if starter else registry


def with_starter(registry: Registry) -> Registry:
    """The editors' registry plus every starter entry that does not clash with one of theirs.

    Starter entries have no ``path``: they get a page only when an article mentions them."""
    from .starter import starter_registry

    starter_actors, starter_sources = starter_registry()
    return Registry(
        actors=_merge(starter_actors, registry.actors),
        topics=registry.topics,
        sources=_merge(starter_sources, registry.sources),
        pages=registry.pages,
    )


def _merge(starter: dict[str, Any], editors: dict[str, Any]) -> dict[str, Any]:
    """Starter entries under the editors' ones. Where an editor's entry is the same entity (same
    id or Wikidata id), it keeps its own values and gains the starter's other names ("UK" for
    the editors' Vereinigtes Königreich) where no other editor entry owns them."""
    owner = {n: e.id for e in editors.values() for n in (e.name, *e.aliases)}
    by_wikidata = {e.wikidata: e.id for e in editors.values() if getattr(e, "wikidata", None)}
    merged = {}
    extended = dict(editors)
    for entry_id, entry in starter.items():
        same = entry_id if entry_id in editors else by_wikidata.get(getattr(entry, "wikidata", None))
        if same is None and entry.name in owner:
            same = owner[entry.name]  # the same entity under the editors' id
        if same is not None:
            extended[same] = _extend(editors[same], entry, owner)
            continue
        aliases = tuple(a for a in entry.aliases if a not in owner)  # the editors' alias wins
        merged[entry_id] = replace(entry, aliases=aliases, path="")
    merged.update(extended)
    return dict(sorted(merged.items()))


def _extend(editor: Any, starter: Any, owner: dict[str, str]) -> Any:
    extra = tuple(a for a in (starter.name, *starter.aliases)
                  if a not in (editor.name, *editor.aliases) and owner.get(a, editor.id) == editor.id)
    changes: dict[str, Any] = {"aliases": editor.aliases + extra}
    if isinstance(editor, Actor):
        changes["adjectives"] = editor.adjectives + tuple(a for a in starter.adjectives if a not in editor.adjectives)
        changes["demonyms"] = editor.demonyms + tuple(d for d in starter.demonyms if d not in editor.demonyms)
    return replace(editor, **changes)


def _check_aliases(registry: Registry, diags: Diagnostics) -> None:
    """The same alias on two actors makes matching ambiguous: warn, the matcher skips it."""
    owners: dict[str, list[Actor]] = {}
    for actor in registry.actors.values():
        for alias in dict.fromkeys((actor.name, *actor.aliases)):
            owners.setdefault(alias, []).append(actor)
    for alias, actors in sorted(owners.items()):
        if len(actors) > 1:
            names = ", ".join(a.id for a in actors)
            for actor in actors:
                diags.warning(actor.path, 1, f"alias '{alias}' is shared by {names}; it will not be linked",
                              "keep the alias on one actor only")
