"""Shared by the speaker and candidate rule tests: a small registry, a wire text annotated."""

from __future__ import annotations

import datetime as dt

from archive_gen.annotate import Annotator
from archive_gen.errors import Diagnostics
from archive_gen.ingest import wire
from archive_gen.model import Actor, Registry


def annotator_of(actors: list[Actor]) -> Annotator:
    return Annotator(Registry(actors={a.id: a for a in actors}, sources={}))


def annotate(annotator: Annotator, body: str):
    doc = wire.parse("date 2024-03\n\n" + body + "\n", "test.txt")
    return annotator.annotate(doc, Diagnostics(), today=dt.date(2025, 1, 1))


def speaker(article, fragment: str) -> str | None:
    q = next(q for q in article.quotes if fragment in q.text)
    return q.speaker or q.speaker_name


def claimant(article, fragment: str) -> str | None:
    """Whom the claim whose sentence holds ``fragment`` is attributed to (None: no such claim
    or nobody named)."""
    claim = next((c for c in article.claims if fragment in c.text), None)
    return (claim.speaker or claim.speaker_name) if claim else None


def organisations(article) -> set[str]:
    return {c.name for c in article.candidates if c.kind == "organization"}


def persons(article) -> set[str]:
    return {c.name for c in article.candidates if c.kind == "person"}
