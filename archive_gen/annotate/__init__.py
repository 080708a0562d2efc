"""Annotate: a :class:`~archive_gen.model.SourceDoc` in, an :class:`~archive_gen.model.Article` out.

Two steps, kept apart: :mod:`.extract` does the language work (names, places, quotes,
sources, topics, a title from the lead) and knows nothing of the editor's choices;
:mod:`.resolve` lays the editor's front matter over it (defaults < extracted < editor).
:class:`Annotator` runs both, for the build and for ``import`` alike.
"""

from __future__ import annotations

import datetime as dt

from ..errors import Diagnostics
from ..model import Article, Registry, SourceDoc
from .actors import find_title_mentions
from .extract import Extraction, Extractor
from .resolve import Resolver, did_you_mean, resolve_title

__all__ = ["Annotator", "Extraction", "Extractor", "Resolver", "did_you_mean", "resolve_title"]


class Annotator:
    """Extraction then resolution, with the registry's indexes built once."""

    def __init__(self, registry: Registry, default_language: str = "de", default_country: str | None = None) -> None:
        self.registry = registry
        self.extractor = Extractor(registry, default_language, default_country)
        self.resolver = Resolver(registry, self.names_in)

    def annotate(self, doc: SourceDoc, diags: Diagnostics, today: dt.date | None = None) -> Article:
        """Raises ContentError when the document cannot become an article (e.g. no date)."""
        reading = self.resolver.read(doc, diags)
        values = reading.values
        extraction = self.extractor.extract(doc, values.get("language"), values.get("title"), values.get("country"))
        return self.resolver.resolve(extraction, reading, diags, today)

    def names_in(self, text: str) -> list[str]:
        """Ids of the registry's actors a passage note names (as a headline's names are found)."""
        return [m.id for m in find_title_mentions(text, self.extractor.actor_index, self.registry.actors)]
