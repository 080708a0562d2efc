"""The index on a small fictional archive: taxonomies as one mechanism, total orders, slugs."""

from __future__ import annotations

import datetime as dt

import pytest

from archive_gen.annotate import Annotator
from archive_gen.errors import Diagnostics
from archive_gen.index import TAXONOMIES, build_archive
from archive_gen.ingest import markdown
from archive_gen.model import Actor, Registry, Source, Topic
from archive_gen.paths import TAXONOMIES as PAGE_FOLDERS

REGISTRY = Registry(
    actors={"anna-berger": Actor("anna-berger", "Anna Berger", "person", aliases=("Berger",)),
            "karl-huber": Actor("karl-huber", "Karl Huber", "person"),
            "ruritanien": Actor("ruritanien", "Ruritanien", "state"),
            "zenda": Actor("zenda", "Zenda", "place"),
            "strelsau": Actor("strelsau", "Strelsau", "place", origin="starter")},
    sources={"agentur-x": Source("agentur-x", "Agentur X")},
    topics={"sanktionen": Topic("sanktionen", "Sanktionen", keywords=("sanktion",), min_hits=1),
            "wahlen": Topic("wahlen", "Wahlen", keywords=("wahl",))},
)


def article(path: str, date: str, body: str, front: str = ""):
    doc = markdown.parse(f"---\ndate: {date}\n{front}---\n\n{body}\n", path)
    return Annotator(REGISTRY).annotate(doc, Diagnostics(), today=dt.date(2030, 1, 1))


@pytest.fixture(scope="module")
def archive():
    return build_archive([
        article("content/articles/a/neu.md", "2024-05-02", "Anna Berger traf Karl Huber in Zenda. Sanktionen."),
        article("content/articles/b/alt.md", "2024-04-01", "Karl Huber sprach über Ruritanien, sagte die Agentur X."),
        article("content/articles/c/neu.md", "2024-05-02", "Anna Berger und Karl Huber in Zenda."),
    ], REGISTRY, Diagnostics())


def test_taxonomies_are_the_page_folders_in_order():
    assert tuple(spec.name for spec in TAXONOMIES) == PAGE_FOLDERS


def test_terms_list_their_articles_newest_first_then_by_slug(archive):
    huber = archive.taxonomies["actors"].terms["karl-huber"]
    assert huber.articles == ("neu", "neu-2", "alt")
    assert archive.taxonomies["places"].terms["zenda"].articles == ("neu", "neu-2")
    assert archive.taxonomies["sources"].terms["agentur-x"].articles == ("alt",)


def test_editor_entries_always_have_a_term_starter_entries_only_once_named(archive):
    places = archive.taxonomies["places"].terms
    assert "strelsau" not in places, "a starter place no article names gets no page"
    assert archive.taxonomies["topics"].terms["wahlen"].articles == (), "an editor's topic has a page anyway"
    assert {t.origin for t in archive.taxonomies["actors"].terms.values()} == {"editor"}


def test_a_second_article_wanting_a_slug_gets_a_number_and_a_warning():
    diags = Diagnostics()
    built = build_archive([article("content/articles/b/x.md", "2024-01-01", "Text."),
                           article("content/articles/a/x.md", "2024-01-02", "Text.")], REGISTRY, diags)
    assert {a.source_file: a.slug for a in built.articles} == {"content/articles/a/x.md": "x",
                                                                "content/articles/b/x.md": "x-2"}
    assert [d.message for d in diags] == ["slug 'x' is already taken by content/articles/a/x.md; this article's page is 'x-2'"]


def test_cooccurrence_is_ranked_by_count_then_id(archive):
    assert archive.cooccurrence["karl-huber"][0] == ("anna-berger", 2, "neu"), "with the newest shared article"
    assert [other for other, _, _ in archive.cooccurrence["karl-huber"]] == ["anna-berger", "ruritanien"]


def test_months_and_names(archive):
    assert archive.by_month == {(2024, 4): ("alt",), (2024, 5): ("neu", "neu-2")}
    assert archive.actor_taxonomy("zenda") == "places" and archive.actor_taxonomy("karl-huber") == "actors"
    assert archive.term_name("sources", "agentur-x") == "Agentur X"
    assert archive.term_name("actors", "unbekannt") == "unbekannt"
