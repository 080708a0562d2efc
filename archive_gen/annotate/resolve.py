"""Resolution: defaults < extracted < editor, for one article.

The editor's front matter is read once by the one field table (:func:`archive_gen.fields.read`),
then laid over the :class:`~.extract.Extraction`: a list an editor wrote replaces the
extracted one, ``*_exclude`` removes a wrong machine link durably (from the lists, the text's
links and the quotes' speakers), and :attr:`Article.provenance` records who decided each list.
References to the registry (ids) are checked here, with "did you mean" for typos.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import replace
from typing import Any

from .. import fields
from ..errors import Diagnostics
from ..model import Article, Correction, Registry, SourceDoc, SourceRef
from ..paths import file_stem, slugify
from .dates import resolve_date
from .extract import Extraction
from .notes import Names, anchor_notes
from .titles import lead_title

PASS_THROUGH = fields.pass_through_keys()  # shown on the page as the editor wrote them
# Judged by the field table like every key, but reported by annotate.dates, which knows more:
# an unusable date costs the article (an error), and the header or sign-off may stand in.
DATE_KEYS = frozenset({"date", "date_precision"})


class Resolver:
    """The registry's ids per list, for checking an editor's references."""

    def __init__(self, registry: Registry, names: Names | None = None) -> None:
        self.registry = registry
        self.names = names  # the actors a passage note names in its text
        self.known = {
            "actors": {k: a for k, a in registry.actors.items() if a.kind != "place"},
            "places": {k: a for k, a in registry.actors.items() if a.kind == "place"},
            "topics": dict(registry.topics),
        }

    def read(self, doc: SourceDoc, diags: Diagnostics) -> fields.Reading:
        """The document's front matter, judged by the field table; every problem reported."""
        for note in doc.notes:
            diags.add(note)
        reading = fields.read(doc.meta, "article", self.suggest)
        for problem in reading.problems:
            if problem.key not in DATE_KEYS:
                diags.warning(doc.meta_path or doc.path, doc.meta_lines.get(problem.key, 1), problem.message, problem.hint)
        return reading

    def suggest(self, key: str, value: str) -> str:
        base = key.removesuffix("_exclude")
        near = did_you_mean(value, self.known.get(base, {}))
        return near or f"add content/{'topics' if base == 'topics' else 'actors'}/{value}.md or fix the id"

    def resolve(self, ex: Extraction, reading: fields.Reading, diags: Diagnostics,
                today: dt.date | None = None) -> Article:
        """Raises ContentError when the document cannot become an article (e.g. no date)."""
        doc, values = ex.doc, reading.values
        dated = resolve_date(doc, diags, today)
        provenance: dict[str, str] = {}
        actors = self._chosen(doc, values, "actors", ex.actors, diags, provenance)
        places = self._chosen(doc, values, "places", ex.places, diags, provenance)
        topics = self._chosen(doc, values, "topics", ex.topics, diags, provenance)
        mentions, quotes, claims = list(ex.mentions), list(ex.quotes), list(ex.claims)
        excluded = {*values.get("actors_exclude", ()), *values.get("places_exclude", ())}
        if excluded:  # an editor removed a wrong link: the words stay, the link goes
            mentions = [m for m in mentions if m.id not in excluded]
            quotes = [replace(q, speaker=None) if q.speaker in excluded else q for q in quotes]
            claims = [replace(c, speaker=None) for c in claims if c.speaker in excluded and c.via] + \
                     [c for c in claims if c.speaker not in excluded]
            claims.sort(key=lambda c: c.start)
        refs = self._sources(doc, values, diags)
        provenance["sources"] = "machine" if refs is None else "editor"
        provenance["title"] = "editor" if values.get("title") else "machine"
        return Article(
            slug=values.get("slug") or slugify(file_stem(doc.path)),
            title=resolve_title(doc, values, ex.title),
            date=dated.date,
            date_precision=dated.precision,  # type: ignore[arg-type]
            date_source=dated.source,
            language=ex.language,
            doc=doc,
            actors=actors, places=places, topics=topics,
            sources=tuple(ex.sources if refs is None else refs),
            authors=tuple(values.get("authors") or ex.authors),
            mentions=tuple(mentions), source_mentions=ex.source_mentions, captions=ex.captions,
            quotes=tuple(quotes), claims=tuple(claims), candidates=ex.candidates,
            status=values.get("status", "published"),
            corrections=tuple(sorted((Correction(c["date"], c["text"]) for c in values.get("corrections", ())),
                                     key=lambda c: c.date)),
            provenance=provenance,
            extra={k: values[k] for k in PASS_THROUGH if k in values},
            notes=anchor_notes(doc, values.get("annotations", []), self.registry, diags, self.names,
                               lambda ref: did_you_mean(ref, {**self.registry.actors, **self.registry.sources})),
        )

    def _chosen(self, doc: SourceDoc, values: dict[str, Any], key: str, found: tuple[str, ...],
                diags: Diagnostics, provenance: dict[str, str]) -> tuple[str, ...]:
        """The editor's list, or the extracted one minus the editor's ``<key>_exclude``."""
        known = self.known[key]
        excluded = values.get(f"{key}_exclude", [])
        if key in values:
            provenance[key] = "editor"
            return tuple(i for i in self._known_ids(doc, key, values[key], diags) if i not in excluded)
        for value in excluded:
            if value not in known:
                diags.warning(doc.meta_path or doc.path, doc.meta_lines.get(f"{key}_exclude", 1),
                              f"unknown id '{value}' in '{key}_exclude'", self.suggest(key, value))
        kept = tuple(i for i in found if i not in excluded)
        provenance[key] = "machine, edited" if len(kept) != len(found) else "machine"
        return kept

    def _known_ids(self, doc: SourceDoc, key: str, chosen: list[str], diags: Diagnostics) -> tuple[str, ...]:
        """The editor's ids that the registry has; the others are reported and dropped."""
        result = []
        line = doc.meta_lines.get(key, 1)
        for value in chosen:
            if value in self.known[key]:
                result.append(value)
            elif key in ("actors", "places") and value in self.registry.actors:
                other = "actors" if key == "places" else "places"
                diags.warning(doc.meta_path or doc.path, line, f"'{value}' belongs in '{other}', not in '{key}'", f"move it to '{other}: [...]'")
            else:
                diags.warning(doc.meta_path or doc.path, line, f"unknown id '{value}' in '{key}'", self.suggest(key, value))
        return tuple(dict.fromkeys(result))

    def _sources(self, doc: SourceDoc, values: dict[str, Any], diags: Diagnostics) -> list[SourceRef] | None:
        """Sources an editor set (``[{id: apa, role: wire}, …]``), or None to keep the extracted."""
        if "sources" not in values:
            return None
        refs = []
        for item in values["sources"]:
            if item["id"] not in self.registry.sources and "name" not in item:
                diags.warning(doc.meta_path or doc.path, doc.meta_lines.get("sources", 1), f"unknown source id '{item['id']}'",
                              did_you_mean(item["id"], self.registry.sources) or "add the entry to content/ or fix the id")
            refs.append(SourceRef(item["id"], item["role"], item.get("credit"), item.get("name")))
        return refs


def resolve_title(doc: SourceDoc, values: dict[str, Any], derived: str | None = None) -> str:
    """The editor's title, else the one derived from the lead, else the file's name."""
    return values.get("title") or (derived if derived is not None else lead_title(doc)) or file_stem(doc.path)


def did_you_mean(value: str, known: dict[str, Any]) -> str:
    """``did you mean 'x'?`` for a near id, or for a name given instead of an id; else ``""``."""
    near = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.75)
    if not near:  # maybe a name instead of an id: "Wladimir Putin" → wladimir-putin
        by_name = {getattr(entry, "name", key): key for key, entry in known.items()}
        found = difflib.get_close_matches(value, sorted(by_name), n=1, cutoff=0.75)
        near = [by_name[found[0]]] if found else []
    return f"did you mean '{near[0]}'?" if near else ""
