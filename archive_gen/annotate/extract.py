"""Extraction: the language work on one document, with no editor decisions in it.

:class:`Extractor` is built once per registry (all name indexes, the topic rules) and then
applied to each document: a pure function of (document, registry), no I/O. What it finds is
an :class:`Extraction`; :mod:`.resolve` then applies the editor's front matter over it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..starter import agency_countries
from ..model import Caption, Candidate, Claim, Mention, Quote, Registry, SourceDoc, SourceRef
from . import actors as actor_mod
from .actors import find_title_mentions
from .context import SharedForms
from . import language, sources
from .candidates import find_candidates
from .matcher import tokenize
from .quotes import find_claims, find_quotes
from .sentences import Coverage, sentence_spans
from .speakers import Context
from .titles import lead_title
from .topics import TopicRules


@dataclass(frozen=True)
class Extraction:
    """What the text says, before the editor's front matter is applied."""

    doc: SourceDoc
    language: str
    title: str  # derived from the lead
    actors: tuple[str, ...]  # ids of non-place actors, in order of first mention
    places: tuple[str, ...]  # ids of places: dateline and sign-off first, then the text
    topics: tuple[str, ...]
    sources: tuple[SourceRef, ...]
    authors: tuple[str, ...]  # from the sign-off
    mentions: tuple[Mention, ...]
    source_mentions: tuple[Mention, ...]
    captions: tuple[Caption, ...]
    quotes: tuple[Quote, ...]
    claims: tuple[Claim, ...]
    candidates: tuple[Candidate, ...]


class Extractor:
    def __init__(self, registry: Registry, default_language: str = "de", default_country: str | None = None) -> None:
        self.registry = registry
        self.default_language = default_language
        self.default_country = default_country
        # Whose country each actor is, and which actors tell what country a text is about
        # (states, and one country's parties and institutions): for names several share.
        self.country_of = {a.id: a.country for a in registry.actors.values() if a.country}
        self.evidence_of = {a.id: a.country for a in registry.actors.values()
                            if a.country and a.kind in ("state", "organization")}
        self.agency_country = agency_countries()
        self.actor_index = actor_mod.build_index(registry.actors)
        self.source_index = sources.build_index(registry.sources)
        self.topic_rules = TopicRules(registry.topics)
        self.kinds = {a.id: a.kind for a in registry.actors.values()}
        self.places = frozenset(a for a, kind in self.kinds.items() if kind == "place")

    def extract(self, doc: SourceDoc, language_hint: str | None = None, title: str | None = None,
                country: str | None = None) -> Extraction:
        """``language_hint``: the editor's ``language:``, which then decides how names match;
        ``title``: the editor's headline, whose names count like the text's (else the derived one);
        ``country``: the editor's ``country:``, which decides names several countries share."""
        text = _without_credit_lines(doc)
        tokens = tokenize(text)
        source_mentions = sources.find_mentions(text, tokens, self.source_index)
        lang = language_hint or language.detect_tokens(text, tokens, self.default_language)
        outlets = Coverage(len(text), ((s.start, s.end) for s in source_mentions))
        mentions = [  # "Washington Post" is an outlet, not the city: the longer name wins
            m for m in actor_mod.find_mentions(text, tokens, self.actor_index, self.registry.actors, lang,
                                               self._shared_forms(doc, country))
            if not (outlets.overlaps(m.start, m.end) and _inside_longer(m, source_mentions))
        ]
        captions, photo_refs = sources.captions_and_credits(doc.blocks, self.source_index)
        refs = _unique([*sources.wire_sources(doc, self.source_index),
                        *(SourceRef(m.id, "cited") for m in source_mentions), *photo_refs])
        sentences = sentence_spans(doc.blocks)
        covered = [(m.start, m.end) for m in (*mentions, *source_mentions)]
        linked_persons = [(m.start, m.end) for m in mentions if self.kinds.get(m.id) == "person"]  # list neighbours
        candidates = find_candidates(text, covered, sentences, tokens, linked_persons)
        speakers = Context(text, sentences, mentions, self.kinds, source_mentions, candidates)  # once for both
        quotes = find_quotes(text, sentences, mentions, self.kinds, source_mentions, candidates, context=speakers)
        claims = find_claims(text, sentences, mentions, self.kinds, source_mentions, quotes, candidates, context=speakers)
        if doc.dateline and not self.place_of(doc.dateline.place):  # a place the registry lacks
            place = doc.dateline.place.title() if doc.dateline.place.isupper() else doc.dateline.place  # WASHINGTON
            candidates.append(Candidate(place, "place", text[: sentences[0][1]] if sentences else "", "dateline",
                                        ((doc.dateline.start, doc.dateline.end),)))
        derived = lead_title(doc)
        in_title = find_title_mentions(title or derived, self.actor_index, self.registry.actors, mentions, lang)
        named = [*mentions, *in_title]  # a name only the headline has still counts for the indexes
        return Extraction(
            doc=doc, language=lang, title=derived,
            actors=_unique(m.id for m in named if m.id not in self.places),
            places=_unique([*self._dateline_places(doc), *(m.id for m in named if m.id in self.places)]),
            topics=tuple(self.topic_rules.assign(text)), sources=refs,
            authors=doc.signoff.authors if doc.signoff else (),
            mentions=tuple(mentions), source_mentions=tuple(source_mentions), captions=tuple(captions),
            quotes=tuple(quotes), claims=tuple(claims), candidates=tuple(candidates),
        )

    def _shared_forms(self, doc: SourceDoc, country: str | None) -> SharedForms:
        """What the article says about its own country: editor, dateline, wire agencies."""
        dateline = self.place_of(doc.dateline.place) if doc.dateline else None
        agencies = [sources.resolve(a, self.source_index) for a in (doc.signoff.agencies if doc.signoff else ())]
        return SharedForms(self.country_of, self.evidence_of, editor_country=country,
                           dateline_country=self.country_of.get(dateline) if dateline else None,
                           agency_countries=[self.agency_country.get(a) for a in agencies if a],
                           default=self.default_country)

    def _dateline_places(self, doc: SourceDoc) -> list[str]:
        """Registry places named by the dateline (``Wien – ``) and the sign-off (``aus Brüssel``)."""
        names = [doc.dateline.place] if doc.dateline else []
        if doc.signoff and doc.signoff.place:
            names.append(doc.signoff.place)
        return [p for p in map(self.place_of, names) if p]

    def place_of(self, name: str) -> str | None:
        """The registry place a name (``Wien``, ``WASHINGTON``) means, if exactly one."""
        for candidate in (name, name.title()):
            for _, _, forms in self.actor_index.scan(tokenize(candidate)):
                targets = {f.target for f in forms}
                if len(targets) == 1:
                    target = next(iter(targets))
                    if self.registry.actors[target].kind == "place":
                        return target
        return None


def _without_credit_lines(doc: SourceDoc) -> str:
    """The article text with bare credit lines blanked out (offsets unchanged): a credit
    like ``AFP`` under a video is a credit, not a mention of AFP in the text."""
    parts = []
    pos = 0
    text = doc.text
    for block in doc.blocks:
        if block.kind == "credit":
            parts.append(text[pos:block.start])
            parts.append(" " * len(block.text))
            pos = block.end
    parts.append(text[pos:])
    return "".join(parts)


def _inside_longer(mention: Mention, source_mentions: list[Mention]) -> bool:
    return any(s.start <= mention.start and mention.end <= s.end and s.end - s.start > mention.end - mention.start
               for s in source_mentions)


def _unique(items) -> tuple:
    return tuple(dict.fromkeys(items))
