"""Registry: the editors' actors, topics, sources and hand-written pages, over the starter.

One file per entry, id = file name, front matter for the data (judged by the one field
table, :func:`archive_gen.fields.read`) and the body for the description. A broken entry is
reported and left out; the rest of the registry still loads. Problems of the registry as a
whole (reserved ids, one id for an actor and a source, one alias on two actors) are checked
here too, so every caller gets the same, checked registry.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any, Callable

from .. import fields, front_matter
from ..config import DEFAULT_MAX_FILE_BYTES
from ..errors import ContentError, Diagnostics
from ..ingest import read_bytes
from ..ingest.text import decode
from ..model import Actor, Page, Registry, Source, Topic
from ..paths import RESERVED_PAGE_IDS, RESERVED_TERM_IDS
from ..starter import shared_forms, starter_countries, starter_registry
from .folders import FOLDERS, EntryFile, entry_files

__all__ = ["load_registry", "with_starter"]

_KINDS = {"actors": "actor", "topics": "topic", "sources": "source", "pages": "page"}


def _actor(entry_id: str, v: dict[str, Any], body: str, path: str) -> Actor:
    return Actor(id=entry_id, name=v["name"], kind=v.get("kind", "person"), aliases=tuple(v.get("aliases", ())),
                 adjectives=tuple(dict.fromkeys(a.lower() for a in v.get("adjectives", ()))),
                 demonyms=tuple(v.get("demonyms", ())), wikidata=v.get("wikidata"), country=v.get("country"),
                 description=body, path=path)


def _topic(entry_id: str, v: dict[str, Any], body: str, path: str) -> Topic:
    return Topic(id=entry_id, name=v["name"], keywords=tuple(dict.fromkeys(k.lower() for k in v.get("keywords", ()))),
                 min_hits=v.get("min_hits", 2), description=body, path=path)


def _source(entry_id: str, v: dict[str, Any], body: str, path: str) -> Source:
    return Source(id=entry_id, name=v["name"], kind=v.get("kind", "agency"), aliases=tuple(v.get("aliases", ())),
                  url=v.get("url"), rights=v.get("rights", ""), description=body, path=path)


def _page(entry_id: str, v: dict[str, Any], body: str, path: str) -> Page:
    return Page(id=entry_id, title=v.get("title", entry_id.replace("-", " ").title()), body=body, path=path)


_MAKERS: dict[str, Callable[[str, dict[str, Any], str, str], Any]] = {
    "actors": _actor, "topics": _topic, "sources": _source, "pages": _page,
}


def load_registry(content_dir: Path, diags: Diagnostics, display: Callable[[Path], str] = str,
                  starter: bool = True, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> Registry:
    """Read ``actors/``, ``topics/``, ``sources/`` and ``pages/`` below ``content_dir``, on top
    of the built-in starter registry (countries, cities, organisations, agencies) unless
    ``starter`` is false. An editor's entry replaces the starter entry with the same id, name,
    alias or Wikidata id: the editor wins."""
    folders = {folder: _load_folder(content_dir, folder, diags, display, max_bytes) for folder in FOLDERS}
    registry = _checked(Registry(**folders), diags, lambda folder: display(content_dir / folder))
    return with_starter(registry) if starter else registry


def _load_folder(content_dir: Path, folder: str, diags: Diagnostics, display: Callable[[Path], str],
                 max_bytes: int) -> dict[str, Any]:
    entries: dict[str, Any] = {}
    for file in entry_files(content_dir, folder, diags, display, max_bytes):
        entry = _load_entry(file, folder, diags, max_bytes)
        if entry is not None:
            entries[file.id] = entry
    return entries


def _load_entry(file: EntryFile, folder: str, diags: Diagnostics, max_bytes: int) -> Any:
    try:
        text, notes = decode(read_bytes(file.path, file.shown, max_bytes), file.shown)
        for note in notes:
            diags.add(note)
        split = front_matter.split(text, file.shown)
    except ContentError as exc:
        diags.add(exc.diagnostic())
        return None
    kind = _KINDS[folder]
    reading = fields.read(split.meta, kind)
    for problem in reading.problems:
        line = split.meta_lines.get(problem.key, 1) if problem.key in split.meta else 1
        if problem.unknown_key:
            diags.warning(file.shown, line, problem.message, problem.hint)
        else:
            diags.error(file.shown, line, problem.message, problem.hint)
    if reading.failed(kind):
        return None
    return _MAKERS[folder](file.id, reading.values, split.body.strip(), file.shown)


def _checked(registry: Registry, diags: Diagnostics, folder_path: Callable[[str], str]) -> Registry:
    """Problems of the registry as a whole; entries that would break the site are left out."""
    dropped: dict[str, set[str]] = {folder: set() for folder in FOLDERS}
    for folder in ("actors", "topics", "sources"):
        for reserved in sorted(RESERVED_TERM_IDS & set(getattr(registry, folder))):
            diags.error(f"{folder_path(folder)}/{reserved}.md", 1,
                        f"'{reserved}' cannot be an id: {folder}/{reserved}.md is a list of all {folder}", "rename the file")
            dropped[folder].add(reserved)
    for page_id in sorted(set(registry.pages) & RESERVED_PAGE_IDS):
        diags.error(f"{folder_path('pages')}/{page_id}.md", 1,
                    f"'{page_id}' cannot be a page id: /{page_id}/ is a generated section", "rename the file")
        dropped["pages"].add(page_id)
    if "index" in registry.pages and "home" in registry.pages:
        diags.warning(f"{folder_path('pages')}/home.md", 1,
                      "pages/index.md and pages/home.md are both the home page; home.md is ignored",
                      "merge them into pages/index.md")
        dropped["pages"].add("home")
    for entry_id in sorted(set(registry.actors) & set(registry.sources)):
        diags.warning(registry.sources[entry_id].path, 1,
                      f"id '{entry_id}' is both an actor ({registry.actors[entry_id].path}) and a source",
                      "rename one of the two files")
    _check_aliases(registry, diags)
    return replace(registry, **{
        folder: {k: v for k, v in getattr(registry, folder).items() if k not in dropped[folder]} for folder in FOLDERS
    })


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


def with_starter(registry: Registry) -> Registry:
    """The editors' registry plus every starter entry that does not clash with one of theirs."""
    starter_actors, starter_sources = starter_registry()
    countries = starter_countries()
    starter_actors = {k: replace(a, country=countries.get(k)) if countries.get(k) else a for k, a in starter_actors.items()}
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
    shared = shared_forms()  # "Die Grünen": several countries' actors; the article's country decides
    owner = {n: e.id for e in editors.values() for n in (e.name, *e.aliases) if n not in shared}
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
        merged[entry_id] = replace(entry, aliases=aliases, path="", origin="starter")
    merged.update(extended)
    return dict(sorted(merged.items()))


def _extend(editor: Any, starter: Any, owner: dict[str, str]) -> Any:
    extra = tuple(a for a in (starter.name, *starter.aliases)
                  if a not in (editor.name, *editor.aliases) and owner.get(a, editor.id) == editor.id)
    changes: dict[str, Any] = {"aliases": editor.aliases + extra}
    if isinstance(editor, Actor):
        changes["country"] = editor.country or starter.country
        changes["wikidata"] = editor.wikidata or starter.wikidata
        changes["adjectives"] = editor.adjectives + tuple(a for a in starter.adjectives if a not in editor.adjectives)
        changes["demonyms"] = editor.demonyms + tuple(d for d in starter.demonyms if d not in editor.demonyms)
    return replace(editor, **changes)
