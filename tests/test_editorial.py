"""Editor wins, visibly: front matter overrides, durable removals, status, corrections.

Each test writes a Markdown source with front matter as an editor would and annotates it with
the real annotator over a small registry built here.
"""

from __future__ import annotations

import datetime as dt

import pytest

from archive_gen.annotate import Annotator
from archive_gen.errors import Diagnostics
from archive_gen.ingest import markdown
from archive_gen.model import Actor, Registry, Source, Topic

BODY = ("Anna Berger traf Karl Huber in Zenda. Das sei „ein guter Tag“, sagte Berger nach Angaben "
        "der Agentur X. Die Sanktionen gegen Ruritanien bleiben, Sanktionen wirken.")


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    actors = [Actor("anna-berger", "Anna Berger", "person", aliases=("Berger",)),
              Actor("karl-huber", "Karl Huber", "person"),
              Actor("ruritanien", "Ruritanien", "state"),
              Actor("zenda", "Zenda", "place")]
    return Annotator(Registry(actors={a.id: a for a in actors},
                              sources={"agentur-x": Source("agentur-x", "Agentur X")},
                              topics={"sanktionen": Topic("sanktionen", "Sanktionen", keywords=("sanktion",))}))


def annotate(annotator, front: str, body: str = BODY):
    diags = Diagnostics()
    doc = markdown.parse(f"---\ntitle: Test\ndate: 2024-05-01\n{front}---\n\n{body}\n", "content/articles/t.md")
    return annotator.annotate(doc, diags, today=dt.date(2025, 1, 1)), diags


def messages(diags) -> list[str]:
    return [str(d) for d in diags]


def test_machine_values_and_their_provenance(annotator):
    article, diags = annotate(annotator, "")
    assert article.actors == ("anna-berger", "karl-huber", "ruritanien")
    assert article.places == ("zenda",) and article.topics == ("sanktionen",)
    assert article.provenance == {"actors": "machine", "places": "machine", "topics": "machine", "sources": "machine",
                                  "title": "editor"}
    assert article.status == "published" and messages(diags) == []


def test_editor_list_wins_and_is_marked(annotator):
    article, _ = annotate(annotator, "actors: [karl-huber]\ntopics: []\n")
    assert article.actors == ("karl-huber",) and article.topics == ()
    assert article.provenance["actors"] == "editor" and article.provenance["topics"] == "editor"


def test_exclude_removes_a_machine_link_durably(annotator):
    article, diags = annotate(annotator, "actors_exclude: [anna-berger]\n")
    assert "anna-berger" not in article.actors and "karl-huber" in article.actors
    assert not any(m.id == "anna-berger" for m in article.mentions)  # not linked in the text either
    assert all(q.speaker != "anna-berger" for q in article.quotes)
    assert article.provenance["actors"] == "machine, edited"
    assert messages(diags) == []


def test_unknown_ids_get_a_did_you_mean(annotator):
    _, diags = annotate(annotator, "actors: [anna-bergr, Karl Huber]\nactors_exclude: [zenda-x]\nstatsu: draft\n")
    text = "\n".join(messages(diags))
    assert "content/articles/t.md:4: warning: unknown id 'anna-bergr' in 'actors' (hint: did you mean 'anna-berger'?)" in text
    assert "unknown id 'Karl Huber' in 'actors' (hint: did you mean 'karl-huber'?)" in text
    assert "unknown front matter key 'statsu' (hint: did you mean 'status'?)" in text


def test_status_and_bad_status(annotator):
    assert annotate(annotator, "status: draft\n")[0].status == "draft"
    assert annotate(annotator, "status: review\n")[0].status == "review"
    article, diags = annotate(annotator, "status: fertig\n")
    assert article.status == "draft"  # unknown: kept out of the published site until fixed
    assert "content/articles/t.md:4: warning: 'status: fertig' is not one of draft, review, published" in messages(diags)[0]


def test_corrections_are_read_sorted_and_checked(annotator):
    article, diags = annotate(annotator, "corrections:\n  - {date: 2024-05-03, text: Name korrigiert.}\n"
                                         "  - {date: 2024-05-02, text: Datum korrigiert.}\n  - {text: ohne Datum}\n")
    assert [(str(c.date), c.text) for c in article.corrections] == [
        ("2024-05-02", "Datum korrigiert."), ("2024-05-03", "Name korrigiert.")]
    assert "corrections #3: missing 'date'" in messages(diags)[0]


def test_editor_sources_replace_extracted_ones(annotator):
    article, _ = annotate(annotator, "sources: [{id: agentur-x, role: wire}]\n")
    assert [(r.id, r.role) for r in article.sources] == [("agentur-x", "wire")]
    assert article.provenance["sources"] == "editor"


def test_exclude_applies_to_an_editor_list_too(annotator):
    """Imported files carry the extracted lists as the editor's: an exclusion still removes."""
    article, _ = annotate(annotator, "actors: [anna-berger, karl-huber]\nactors_exclude: [karl-huber]\n")
    assert article.actors == ("anna-berger",) and article.provenance["actors"] == "editor"
    assert not any(m.id == "karl-huber" for m in article.mentions)
