"""Annotate: a :class:`SourceDoc` in, an :class:`Article` out.

The :class:`Annotator` is built once per registry (all name indexes, the topic rules) and
then applied to each document: a pure function of (document, registry), no I/O. Values an
editor wrote in front matter win over extracted ones.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import replace
from pathlib import PurePosixPath
from typing import Any

from ..errors import Diagnostics
from .. import schema
from ..front_matter import coerce_date
from ..model import Article, Candidate, Correction, Mention, Registry, SourceDoc, SourceRef
from ..paths import is_slug, slugify
from . import actors as actor_mod
from . import language, sources
from .candidates import find_candidates
from .dates import resolve_date
from .matcher import tokenize
from .quotes import find_claims, find_quotes
from .sentences import Coverage, sentence_spans
from .titles import lead_title
from .topics import TopicRules

# The article front matter an editor may write: one table (schema.py) for this code, `check`
# and the shipped JSON Schema. Pass-through keys go to the page untouched (in this order).
PASS_THROUGH = schema.pass_through_keys()
STATUSES = schema.STATUSES
KNOWN_KEYS = schema.known_keys("article")


class Annotator:
    def __init__(self, registry: Registry, default_language: str = "de") -> None:
        self.registry = registry
        self.default_language = default_language
        self.actor_index = actor_mod.build_index(registry.actors)
        self.source_index = sources.build_index(registry.sources)
        self.topic_rules = TopicRules(registry.topics)
        self.kinds = {a.id: a.kind for a in registry.actors.values()}
        # Places have pages under places/, every other actor under actors/.
        self.places = {a: actor for a, actor in registry.actors.items() if actor.kind == "place"}
        self.non_places = {a: actor for a, actor in registry.actors.items() if actor.kind != "place"}

    def annotate(self, doc: SourceDoc, diags: Diagnostics, today: dt.date | None = None) -> Article:
        """Raises ContentError when the document cannot become an article (e.g. no date)."""
        meta = doc.meta
        for note in doc.notes:
            diags.add(note)
        for key in sorted(set(meta) - KNOWN_KEYS):
            near = difflib.get_close_matches(key, sorted(KNOWN_KEYS), n=1)
            diags.warning(doc.path, doc.meta_lines.get(key, 1), f"unknown front matter key '{key}'",
                          f"did you mean '{near[0]}'?" if near else f"known keys: {', '.join(sorted(KNOWN_KEYS))}")
        dated = resolve_date(doc, diags, today)
        text = _without_credit_lines(doc)
        tokens = tokenize(text)
        source_mentions = sources.find_mentions(text, tokens, self.source_index)
        lang = self._text(doc, "language", diags) or language.detect(text, self.default_language)
        outlets = Coverage(len(text), ((s.start, s.end) for s in source_mentions))
        mentions = [  # "Washington Post" is an outlet, not the city: the longer name wins
            m for m in actor_mod.find_mentions(text, tokens, self.actor_index, self.registry.actors, lang)
            if not (outlets.overlaps(m.start, m.end) and _inside_longer(m, source_mentions))
        ]
        found_actors = _unique(m.id for m in mentions if m.id in self.non_places)
        found_places = _unique([*self._dateline_places(doc), *(m.id for m in mentions if m.id in self.places)])

        captions, photo_refs = sources.captions_and_credits(doc.blocks, self.source_index)
        refs = _unique([*sources.wire_sources(doc, self.source_index),
                        *(SourceRef(m.id, "cited") for m in source_mentions), *photo_refs])

        sentences = sentence_spans(doc.blocks)
        covered = [(m.start, m.end) for m in (*mentions, *source_mentions)]
        candidates = find_candidates(text, covered, sentences, tokens)
        quotes = find_quotes(text, sentences, mentions, self.kinds, source_mentions, candidates)
        claims = find_claims(text, sentences, mentions, self.kinds, source_mentions, quotes, candidates)
        if doc.dateline and not self._resolve_place(doc.dateline.place):  # a place the registry lacks
            place = doc.dateline.place.title() if doc.dateline.place.isupper() else doc.dateline.place  # WASHINGTON
            candidates.append(Candidate(place, "place", text[: sentences[0][1]] if sentences else "", "dateline",
                                        ((doc.dateline.start, doc.dateline.end),)))

        derived_title = lead_title(doc)
        authors = doc.signoff.authors if doc.signoff else ()

        provenance: dict[str, str] = {}
        actors = self._chosen(doc, "actors", found_actors, self.non_places, diags, provenance)
        places = self._chosen(doc, "places", found_places, self.places, diags, provenance)
        topics = self._chosen(doc, "topics", tuple(self.topic_rules.assign(text)), self.registry.topics, diags, provenance)
        excluded = {a for key in ("actors", "places") for a in (self._list(doc, f"{key}_exclude", diags) or [])}
        if excluded:  # an editor removed a wrong link: the words stay, the link goes
            mentions = [m for m in mentions if m.id not in excluded]
            quotes = [replace(q, speaker=None) if q.speaker in excluded else q for q in quotes]
            claims = [replace(c, speaker=None) for c in claims if c.speaker in excluded and c.via] + \
                     [c for c in claims if c.speaker not in excluded]
            claims.sort(key=lambda c: c.start)
        editor_sources = self._sources(doc, diags)
        if editor_sources is not None:
            refs, provenance["sources"] = editor_sources, "editor"
        else:
            provenance["sources"] = "machine"

        return Article(
            slug=self._slug(doc, diags),
            title=self._text(doc, "title", diags) or derived_title or PurePosixPath(doc.path).stem,
            date=dated.date,
            date_precision=dated.precision,  # type: ignore[arg-type]
            date_source=dated.source,
            language=lang,
            doc=doc,
            actors=actors,
            places=places,
            topics=topics,
            sources=tuple(refs),
            authors=tuple(self._list(doc, "authors", diags) or authors),
            mentions=tuple(mentions),
            source_mentions=tuple(source_mentions),
            captions=tuple(captions),
            quotes=tuple(quotes),
            claims=tuple(claims),
            candidates=tuple(candidates),
            status=self._status(doc, diags),
            corrections=self._corrections(doc, diags),
            provenance=provenance,
            extra={k: meta[k] for k in PASS_THROUGH if k in meta and _is_plain(meta[k])},
        )

    # ------------------------------------------------------------------ helpers

    def _dateline_places(self, doc: SourceDoc) -> list[str]:
        """Registry places named by the dateline (``Wien – ``) and the sign-off (``aus Brüssel``)."""
        names = [doc.dateline.place] if doc.dateline else []
        if doc.signoff and doc.signoff.place:
            names.append(doc.signoff.place)
        return [p for p in map(self._resolve_place, names) if p]

    def _resolve_place(self, name: str) -> str | None:
        for candidate in (name, name.title()):
            for _, _, forms in self.actor_index.scan(tokenize(candidate)):
                targets = {f.target for f in forms}
                if len(targets) == 1:
                    target = next(iter(targets))
                    if self.registry.actors[target].kind == "place":
                        return target
        return None

    @staticmethod
    def _slug(doc: SourceDoc, diags: Diagnostics) -> str:
        wanted = doc.meta.get("slug")
        if isinstance(wanted, str) and is_slug(wanted):
            return wanted
        if wanted is not None:
            diags.warning(doc.path, doc.meta_lines.get("slug", 1), f"'slug: {wanted}' is not a valid slug",
                          "use lowercase ascii letters, digits and hyphens")
        return slugify(PurePosixPath(doc.path).stem)

    @staticmethod
    def _text(doc: SourceDoc, key: str, diags: Diagnostics) -> str | None:
        value = doc.meta.get(key)
        if value is None:
            return None
        if isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value).strip():
            return " ".join(str(value).split())
        diags.warning(doc.path, doc.meta_lines.get(key, 1), f"'{key}' must be text; ignored",
                      f"write it as one line of text: {key}: \"…\"")
        return None

    @staticmethod
    def _list(doc: SourceDoc, key: str, diags: Diagnostics) -> list[str] | None:
        value = doc.meta.get(key)
        if value is None:
            return None
        if isinstance(value, str):
            value = [value]
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return [v.strip() for v in value if v.strip()]
        diags.warning(doc.path, doc.meta_lines.get(key, 1), f"'{key}' must be a list of texts; ignored",
                      f"write '{key}: [a, b]'")
        return None

    def _chosen(self, doc: SourceDoc, key: str, found: tuple[str, ...], known: dict, diags: Diagnostics,
                provenance: dict[str, str]) -> tuple[str, ...]:
        """The editor's list, or the extracted one minus the editor's ``<key>_exclude``."""
        excluded = self._list(doc, f"{key}_exclude", diags) or []
        if doc.meta.get(key) is not None:
            provenance[key] = "editor"
            return tuple(i for i in self._ids(doc, key, found, known, diags) if i not in excluded)
        for value in excluded:
            if value not in known:
                diags.warning(doc.path, doc.meta_lines.get(f"{key}_exclude", 1),
                              f"unknown id '{value}' in '{key}_exclude'", self._did_you_mean(value, known))
        kept = tuple(i for i in found if i not in excluded)
        provenance[key] = "machine, edited" if len(kept) != len(found) else "machine"
        return kept

    @staticmethod
    def _status(doc: SourceDoc, diags: Diagnostics) -> str:
        value = doc.meta.get("status")
        if value is None:
            return "published"
        if value in STATUSES:
            return value
        diags.warning(doc.path, doc.meta_lines.get("status", 1), f"'status: {value}' is not one of {', '.join(STATUSES)}",
                      "treated as draft: it is left out of the published site until fixed")
        return "draft"

    @staticmethod
    def _corrections(doc: SourceDoc, diags: Diagnostics) -> tuple[Correction, ...]:
        value = doc.meta.get("corrections")
        if value is None:
            return ()
        line = doc.meta_lines.get("corrections", 1)
        hint = "write corrections: [{date: 2024-06-20, text: \"What was corrected.\"}]"
        if not isinstance(value, list):
            diags.warning(doc.path, line, "'corrections' must be a list", hint)
            return ()
        result = []
        for item in value:
            date = coerce_date(item.get("date")) if isinstance(item, dict) else None
            text = item.get("text") if isinstance(item, dict) else None
            if date is None or not isinstance(text, str) or not text.strip():
                diags.warning(doc.path, line, f"correction {item!r} needs a date and a text; ignored", hint)
                continue
            result.append(Correction(date, " ".join(text.split())))
        return tuple(sorted(result, key=lambda c: c.date))

    def _sources(self, doc: SourceDoc, diags: Diagnostics) -> list[SourceRef] | None:
        """Sources an editor set (``[{id: apa, role: wire}, …]``), or None to extract them."""
        value = doc.meta.get("sources")
        if value is None:
            return None
        line = doc.meta_lines.get("sources", 1)
        if not isinstance(value, list):
            diags.warning(doc.path, line, "'sources' must be a list of {id, role}", "write sources: [{id: apa, role: wire}]")
            return None
        refs = []
        for item in value:
            if not isinstance(item, dict) or not isinstance(item.get("id"), str) or item.get("role") not in ("wire", "cited", "photo"):
                diags.warning(doc.path, line, f"source {item!r} needs an id and a role (wire, cited or photo); ignored",
                              "write sources: [{id: apa, role: wire}]")
                continue
            if item["id"] not in self.registry.sources and not isinstance(item.get("name"), str):
                diags.warning(doc.path, line, f"unknown source id '{item['id']}'", self._did_you_mean(item["id"], self.registry.sources))
            credit = item.get("credit") if isinstance(item.get("credit"), str) else None
            name = item.get("name") if isinstance(item.get("name"), str) else None  # a source the registry lacks
            refs.append(SourceRef(item["id"], item["role"], credit, name))
        return refs

    def _did_you_mean(self, value: str, known: dict) -> str:
        near = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.75)
        if not near:  # maybe a name instead of an id: "Wladimir Putin" → wladimir-putin
            by_name = {getattr(entry, "name", key): key for key, entry in known.items()}
            found = difflib.get_close_matches(value, sorted(by_name), n=1, cutoff=0.75)
            near = [by_name[found[0]]] if found else []
        return f"did you mean '{near[0]}'?" if near else "add the entry to content/ or fix the id"

    def _ids(self, doc: SourceDoc, key: str, found: tuple[str, ...], known: dict, diags: Diagnostics) -> tuple[str, ...]:
        """The editor's list when there is one (unknown ids reported and dropped), else ``found``."""
        chosen = self._list(doc, key, diags)
        if chosen is None:
            return tuple(found)
        result = []
        for value in chosen:
            if value in known:
                result.append(value)
            elif key in ("actors", "places") and value in self.registry.actors:
                other = "actors" if key == "places" else "places"
                diags.warning(doc.path, doc.meta_lines.get(key, 1), f"'{value}' belongs in '{other}', not in '{key}'",
                              f"move it to '{other}: [...]'")
            else:
                hint = self._did_you_mean(value, known)
                if not hint.startswith("did you mean"):
                    hint = f"add content/{'topics' if key == 'topics' else 'actors'}/{value}.md or fix the id"
                diags.warning(doc.path, doc.meta_lines.get(key, 1), f"unknown id '{value}' in '{key}'", hint)
        return tuple(dict.fromkeys(result))


def _without_credit_lines(doc: SourceDoc) -> str:
    """The article text with bare credit lines blanked out (offsets unchanged): a credit
    like ``AFP`` under a video is a credit, not a mention of AFP in the text."""
    text = doc.text
    for block in doc.blocks:
        if block.kind == "credit":
            text = text[:block.start] + " " * len(block.text) + text[block.end:]
    return text


def _inside_longer(mention: Mention, source_mentions: list[Mention]) -> bool:
    return any(s.start <= mention.start and mention.end <= s.end and s.end - s.start > mention.end - mention.start
               for s in source_mentions)


def _unique(items) -> tuple:
    return tuple(dict.fromkeys(items))


def _is_plain(value: Any) -> bool:
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


__all__ = ["Annotator", "Mention"]
