"""Names several countries share ("Die Grünen", "Bundeskanzler") are linked by the article's
country, with the sample archive's real registry (its editors' Bündnis 90/Die Grünen over the
starter's Austrian and Swiss Greens): Vienna → the Austrian Greens, Berlin → the German party,
no evidence → the archive's default country, or unlinked without one. Never a guess."""

from __future__ import annotations

import datetime as dt

import pytest

from archive_gen.annotate import Annotator
from archive_gen.errors import Diagnostics
from archive_gen.ingest import markdown, wire
from archive_gen.registry import load_registry

from conftest import REPO


@pytest.fixture(scope="module")
def registry():
    return load_registry(REPO / "content", Diagnostics())


def greens(registry, source: str, default: str | None, parse=wire.parse) -> list[str]:
    article = Annotator(registry, "de", default).annotate(parse(source, "content/articles/x.txt"), Diagnostics(),
                                                          today=dt.date(2030, 1, 1))
    return sorted({m.id for m in article.mentions if m.text.startswith("Grünen") or "Grünen" in m.text})


def test_the_dateline_decides(registry):
    vienna = greens(registry, "date 2016-01-10 Wien – Die Grünen-Chefin über Versagen im Flüchtlingsthema. "
                              "Die Grünen kritisieren die Regierung. (APA, 10.1.2016)", None)
    berlin = greens(registry, "date 2016-01-10 Berlin – Die Grünen kritisieren die Bundesregierung. (dpa, 10.1.2016)", None)
    assert len(vienna) == 1 and vienna != berlin
    assert registry.actors[vienna[0]].country == "at" and registry.actors[berlin[0]].country == "de"


def test_without_evidence_the_default_country_or_nothing(registry):
    text = "date 2016-01-10 Die Grünen kritisieren die Regierung scharf, hieß es."
    assert [registry.actors[i].country for i in greens(registry, text, "at")] == ["at"]
    assert greens(registry, text, None) == [], "no evidence, no default: unlinked, never guessed"


def test_the_editors_country_wins(registry):
    text = "---\ndate: 2016-01-10\ncountry: de\n---\nWien – Die Grünen kritisieren die Regierung.\n"
    assert [registry.actors[i].country for i in greens(registry, text, "at", markdown.parse)] == ["de"]
