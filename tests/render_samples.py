"""A small fictional archive for the render/ module tests: one rule per test, no I/O."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from archive_gen.model import (
    Actor, Article, Block, Caption, Correction, Registry, Source, SourceDoc, SourceRef, Topic,
)

SITE = "https://example.org/archiv/"


def registry() -> Registry:
    actors = {a.id: a for a in [
        Actor("kim-jong-un", "Kim Jong-un", "person", aliases=("Kim",), wikidata="Q56226"),
        Actor("nordkorea", "Nordkorea", "state", wikidata="Q423"),
        Actor("pjoengjang", "Pjöngjang", "place", wikidata="Q18808"),
        Actor("nato", "Nato", "organization", wikidata="not-a-qid"),
        Actor("taliban", "Taliban", "group"),
    ]}
    sources = {s.id: s for s in [
        Source("apa", "APA", "agency", url="https://apa.at"),
        Source("interfax", "Interfax", "agency"),
        Source("imago", "IMAGO", "photo"),
    ]}
    topics = {"diplomatie": Topic("diplomatie", "Diplomatie")}
    return Registry(actors=actors, topics=topics, sources=sources)


def article(slug: str = "kim-empfaengt-putin", title: str = "Kim empfängt Putin", *,
            date: dt.date = dt.date(2024, 6, 19), precision: str = "day", language: str = "de",
            paragraphs: tuple[str, ...] = ("Kim Jong-un hat Wladimir Putin empfangen.", "Zweiter Absatz."),
            **fields) -> Article:
    blocks = [Block("caption", "Kim und Putin in Pjöngjang.", 1, credit="IMAGO/Gavriil Grigorov")]
    blocks += [Block("paragraph", p, i + 2) for i, p in enumerate(paragraphs)]
    doc = SourceDoc(path=f"content/articles/{slug}.txt", format="wire", blocks=SourceDoc.place_blocks(blocks))
    defaults = dict(
        actors=("kim-jong-un", "nordkorea", "nato", "unbekannt"), places=("pjoengjang",), topics=("diplomatie",),
        sources=(SourceRef("apa", "wire"), SourceRef("interfax", "cited"),
                 SourceRef("imago", "photo", credit="IMAGO/Gavriil Grigorov")),
        captions=(Caption("Kim und Putin in Pjöngjang.", "IMAGO/Gavriil Grigorov", 0, 27,
                          photographers=("Gavriil Grigorov",), agencies=("imago",)),),
    )
    defaults.update(fields)
    return Article(slug=slug, title=title, date=date, date_precision=precision, date_source="sign-off",
                   language=language, doc=doc, **defaults)


@lru_cache(maxsize=1)
def sample_archive():
    """The repository's own sample archive, annotated (read only; nothing is written)."""
    from pathlib import Path

    from archive_gen.pipeline import collect
    from archive_gen.config import Config
    from archive_gen.errors import Diagnostics
    from archive_gen.index import build_archive

    repo = Path(__file__).resolve().parents[1]
    registry_, articles = collect(Config.load(repo / "mkdocs.yml"), Diagnostics())
    return build_archive(articles, registry_)


def url_of(a: Article) -> str:
    return f"{SITE}articles/{a.date.year:04d}/{a.date.month:02d}/{a.slug}/"


def term_url(taxonomy: str, term_id: str) -> str:
    return f"{SITE}{taxonomy}/{term_id}/"


CORRECTED = Correction(dt.date(2024, 6, 21), "Die Agentur war TASS.")
