"""Annotate: a :class:`SourceDoc` in, an :class:`Article` out.

The :class:`Annotator` is built once per registry (all name indexes, the topic rules) and
then applied to each document: a pure function of (document, registry), no I/O. Values an
editor wrote in front matter win over extracted ones.
"""

from __future__ import annotations

import datetime as dt
from pathlib import PurePosixPath
from typing import Any

from ..errors import Diagnostics
from ..model import Article, Candidate, Mention, Registry, SourceDoc, SourceRef
from ..paths import is_slug, slugify
from . import actors as actor_mod
from . import language, sources
from .candidates import find_candidates
from .dates import resolve_date
from .matcher import tokenize
from .quotes import find_claims, find_quotes
from .sentences import sentence_spans
from .titles import derive_title
from .topics import TopicRules

# Editor keys that are passed through to the page untouched (in this order).
PASS_THROUGH = ("summary", "source_url", "license", "attribution", "status")
KNOWN_KEYS = frozenset(
    {"title", "date", "date_precision", "language", "actors", "places", "topics", "authors", "slug", *PASS_THROUGH}
)


class Annotator:
    def __init__(self, registry: Registry, default_language: str = "de") -> None:
        self.registry = registry
        self.default_language = default_language
        self.actor_index = actor_mod.build_index(registry.actors)
        self.source_index = sources.build_index(registry.sources)
        self.topic_rules = TopicRules(registry.topics)
        self.kinds = {a.id: a.kind for a in registry.actors.values()}
        self.people = frozenset(a for a, kind in self.kinds.items() if kind == "person")
        # Places have pages under places/, every other actor under actors/.
        self.places = {a: actor for a, actor in registry.actors.items() if actor.kind == "place"}
        self.non_places = {a: actor for a, actor in registry.actors.items() if actor.kind != "place"}

    def annotate(self, doc: SourceDoc, diags: Diagnostics, today: dt.date | None = None) -> Article:
        """Raises ContentError when the document cannot become an article (e.g. no date)."""
        meta = doc.meta
        for note in doc.notes:
            diags.add(note)
        for key in sorted(set(meta) - KNOWN_KEYS):
            diags.warning(doc.path, doc.meta_lines.get(key, 1), f"unknown front matter key '{key}'",
                          f"known keys: {', '.join(sorted(KNOWN_KEYS))}")
        dated = resolve_date(doc, diags, today)
        text = _without_credit_lines(doc)
        tokens = tokenize(text)
        source_mentions = sources.find_mentions(text, tokens, self.source_index)
        mentions = [  # "Washington Post" is an outlet, not the city: the longer name wins
            m for m in actor_mod.find_mentions(text, tokens, self.actor_index, self.registry.actors)
            if not any(s.start <= m.start and m.end <= s.end and s.end - s.start > m.end - m.start
                       for s in source_mentions)
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

        lead = next((b for b in doc.blocks if b.kind == "paragraph"), None)
        derived_title = derive_title(
            lead.text if lead else text,
            (doc.dateline.start, doc.dateline.end) if doc.dateline and lead and lead.start == 0 else None,
        )
        authors = doc.signoff.authors if doc.signoff else ()

        return Article(
            slug=self._slug(doc, diags),
            title=self._text(doc, "title", diags) or derived_title or PurePosixPath(doc.path).stem,
            date=dated.date,
            date_precision=dated.precision,  # type: ignore[arg-type]
            date_source=dated.source,
            language=self._text(doc, "language", diags) or language.detect(text, self.default_language),
            doc=doc,
            actors=self._ids(doc, "actors", found_actors, self.non_places, diags),
            places=self._ids(doc, "places", found_places, self.places, diags),
            topics=self._ids(doc, "topics", tuple(self.topic_rules.assign(text)), self.registry.topics, diags),
            sources=tuple(refs),
            authors=tuple(self._list(doc, "authors", diags) or authors),
            mentions=tuple(mentions),
            source_mentions=tuple(source_mentions),
            captions=tuple(captions),
            quotes=tuple(quotes),
            claims=tuple(claims),
            candidates=tuple(candidates),
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
        diags.warning(doc.path, doc.meta_lines.get(key, 1), f"'{key}' must be text; ignored")
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
                diags.warning(doc.path, doc.meta_lines.get(key, 1), f"unknown id '{value}' in '{key}'",
                              f"add content/{'topics' if key == 'topics' else 'actors'}/{value}.md or fix the id")
        return tuple(dict.fromkeys(result))


def _without_credit_lines(doc: SourceDoc) -> str:
    """The article text with bare credit lines blanked out (offsets unchanged): a credit
    like ``AFP`` under a video is a credit, not a mention of AFP in the text."""
    text = doc.text
    for block in doc.blocks:
        if block.kind == "credit":
            text = text[:block.start] + " " * len(block.text) + text[block.end:]
    return text


def _unique(items) -> tuple:
    return tuple(dict.fromkeys(items))


def _is_plain(value: Any) -> bool:
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


__all__ = ["Annotator", "Mention"]
