"""Passage notes (issue 15): editors' ``annotations:`` anchored by quote (W3C TextQuoteSelector),
found again after edits, orphans reported and still shown, note text escaped, markers that are
real links, actors' pages that list the notes about them, and the Web Annotation export."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from archive_gen.annotate import Annotator
from archive_gen.annotate.notes import NormalText, find, normalise, web_annotation
from archive_gen.errors import Diagnostics
from archive_gen.index import build_archive
from archive_gen.ingest import markdown, read_source
from archive_gen.model import Actor, Registry, Source
from archive_gen.render import Settings, render_pages

from conftest import copy_project, seed_article_path

REGISTRY = Registry(
    actors={"anna-berger": Actor("anna-berger", "Anna Berger", "person", aliases=("Berger",)),
            "karl-huber": Actor("karl-huber", "Karl Huber", "person"),
            "zenda": Actor("zenda", "Zenda", "place")},
    sources={"agentur-x": Source("agentur-x", "Agentur X")},
)
TEXT = ("Anna Berger traf Karl Huber in Zenda. Beide sprachen von \"gegenseitigem Beistand\" im Falle\n"
        "einer Krise.\n\nSpäter sagte Huber, der gegenseitige Beistand gelte. Berger schwieg.\n")
SEED_PAGE = Path("docs/articles/2024/06/kim-sichert-putin-unterstuetzung-zu.md")


def annotate(annotations: str, body: str = TEXT, path: str = "content/articles/a/eins.md"):
    diags = Diagnostics()
    doc = markdown.parse(f"---\ntitle: Eins\ndate: 2024-05-02\nannotations:\n{annotations}---\n\n{body}", path)
    return Annotator(REGISTRY).annotate(doc, diags, today=dt.date(2030, 1, 1)), diags


def pages_of(*articles):
    archive = build_archive(list(articles), REGISTRY, Diagnostics())
    return dict(render_pages(archive, Settings(language="de")))


# --------------------------------------------------------------------------- anchoring


def test_a_quote_is_found_up_to_whitespace_and_the_form_of_quotation_marks():
    original = 'zu "gegenseitigem\n   Beistand" im Falle. Dann gegenseitigem Beistand wieder.'
    text = NormalText(original)
    found = find(text, "„gegenseitigem Beistand“")
    assert original[slice(*text.span(*found))] == '"gegenseitigem\n   Beistand"', \
        "typographic marks match the text's straight ones, a line break a space"
    assert find(text, "gegenseitigem  Beistand") == "ambiguous", "twice, and nothing says which"
    assert text.span(*find(text, "gegenseitigem Beistand", suffix="wieder")) == (46, 68)
    assert text.span(*find(text, "gegenseitigem Beistand", prefix='zu "')) == (4, 29)
    assert find(text, "gegenseitiger Beistand") == "gone", "no fuzzier than whitespace: another word is another passage"
    assert find(text, "Beistand", prefix="ganz anders", suffix="nichts") == "ambiguous", "a context that fits neither"


def test_notes_are_anchored_by_quote_numbered_in_reading_order_and_name_their_actors():
    article, diags = annotate(
        "- {exact: Berger schwieg, note: Sie schwieg lange., author: Redaktion, date: 2024-06-01}\n"
        "- exact: gegenseitigem Beistand\n"
        "  note: |\n    Der Vertrag mit **Karl Huber** wurde später ratifiziert.\n\n    Zweiter Absatz.\n"
        "  sources: [https://example.org/vertrag, zenda, agentur-x]\n")
    assert list(diags) == []
    first, second = article.notes
    assert (first.number, first.exact) == (1, "gegenseitigem Beistand") and second.exact == "Berger schwieg"
    assert article.doc.text[first.start:first.end] == "gegenseitigem Beistand"
    assert article.doc.text[second.start:second.end] == "Berger schwieg"
    assert first.note.endswith("ratifiziert.\n\nZweiter Absatz."), "a note's paragraphs stay"
    assert first.actors == ("zenda", "karl-huber"), "ids among the sources, then the names in the note"
    assert first.source_ids == ("agentur-x",) and second.date == dt.date(2024, 6, 1)


def test_a_note_survives_edits_elsewhere_and_is_reported_when_its_passage_is_gone():
    entries = "- {exact: gegenseitigem Beistand, note: Später ratifiziert.}\n- {exact: Berger schwieg, note: Lange.}\n"
    edited = TEXT.replace("Beide sprachen", "Beide redeten lange").replace("einer Krise", "eines Angriffs")
    article, diags = annotate(entries, edited)
    assert [n.anchored for n in article.notes] == [True, True] and list(diags) == []
    gone = TEXT.replace('"gegenseitigem Beistand"', "Hilfe")
    article, diags = annotate(entries, gone)
    assert [str(d).split(" (hint")[0] for d in diags] == [
        'content/articles/a/eins.md:5: warning: annotation "gegenseitigem Beistand" no longer matches'], \
        "the line of the entry, not of the key"
    assert [(n.number, n.anchored, n.problem) for n in article.notes] == [(1, True, ""), (2, False, "gone")]
    page = pages_of(article)["articles/2024/05/eins.md"]
    assert "Nicht mehr verankert" in page and '- <span class="ag-note-target" id="ag-note-2"></span>' in page, \
        "an orphan is listed, never dropped"
    assert 'href="#ag-note-2"' not in page, "an orphan has no marker in the text"


def test_an_ambiguous_passage_is_reported_with_what_to_add_and_a_prefix_settles_it():
    article, diags = annotate("- {exact: Beistand, note: 'Welcher?'}\n")
    (warning,) = diags
    assert 'annotation "Beistand" no longer matches' in str(warning) and "prefix" in warning.hint
    article, diags = annotate("- {exact: Beistand, prefix: der gegenseitige, note: Dieser.}\n")
    assert list(diags) == [] and article.doc.text[article.notes[0].start - 13:article.notes[0].start] == "gegenseitige "


def test_broken_entries_are_reported_by_the_field_table_and_unknown_ids_with_a_hint():
    article, diags = annotate("- {exact: Berger schwieg}\n- {exact: Berger schwieg, note: Ja., sources: [karl-hubr]}\n")
    messages = [str(d) for d in diags]
    assert any(":4: warning: 'annotations' #1" not in m and "missing 'note'" in m for m in messages)
    assert any(m.startswith("content/articles/a/eins.md:5: warning: unknown id 'karl-hubr'") and "karl-huber" in m
               for m in messages), messages
    assert len(article.notes) == 1 and article.notes[0].anchored


# --------------------------------------------------------------------------- rendering


def test_the_passage_is_marked_and_its_marker_links_to_the_note_and_back():
    article, _ = annotate("- {exact: gegenseitigem Beistand, note: Später., sources: [karl-huber]}\n"
                          "- {exact: Anna Berger traf, note: Erste Begegnung.}\n")
    pages = pages_of(article)
    page = pages["articles/2024/05/eins.md"]
    assert ('„<mark class="ag-note-passage">gegenseitigem Beistand</mark><sup class="ag-note-ref" id="ag-note-ref-2">'
            '<a href="#ag-note-2" role="doc-noteref" aria-label="Anmerkung 2" title="Später.">2</a></sup>“') in page, \
        "the note pops up as the marker's title"
    assert ('<mark class="ag-note-passage">[Anna Berger](../../../actors/anna-berger.md) traf</mark>'
            '<sup class="ag-note-ref" id="ag-note-ref-1">') in page, "a link inside a passage stays whole"
    notes = page.split("## Anmerkungen { .ag-section #ag-notes }")[1]
    assert notes.index('id="ag-note-1"') < notes.index('id="ag-note-2"')
    assert '<a class="ag-note-back" href="#ag-note-ref-2" aria-label="Zurück zur Textstelle">↩</a>' in notes
    assert "Quellen: [Karl Huber](../../../actors/karl-huber.md)" in notes
    huber = pages["actors/karl-huber.md"]
    assert "## Angemerkt in" in huber and "](../articles/2024/05/eins.md#ag-note-2)" in huber


def test_a_passage_cut_by_a_link_grows_to_the_whole_link():
    article, _ = annotate("- {exact: Berger traf Karl, note: Ja.}\n")
    page = pages_of(article)["articles/2024/05/eins.md"]
    assert ('<mark class="ag-note-passage">[Anna Berger](../../../actors/anna-berger.md) traf '
            '[Karl Huber](../../../actors/karl-huber.md)</mark><sup') in page


HOSTILE = ("- exact: Berger schwieg\n"
           "  note: \"<script>alert(1)</script> [klick](javascript:alert(2)) {: onclick=alert(3) } {{ config }} "
           "<img src=x onerror=alert(4)>\"\n"
           "  author: \"<b onmouseover=alert(5)>Mallory</b>\"\n"
           "  sources: [\"javascript:alert(6)\"]\n")


def test_a_hostile_note_is_text():
    article, _ = annotate(HOSTILE)
    page = pages_of(article)["articles/2024/05/eins.md"]
    notes = page.split("#ag-notes }")[1].split("\n## ")[0]
    for payload in ("<script", "<img", "<b ", "](javascript:", "<javascript:", "{:", "{{"):
        assert payload not in notes, payload
    assert "&lt;script>alert(1)&lt;/script>" in notes and "[klick](#)" in notes
    assert "Quellen: javascript:alert(6)" in notes, "an unknown source is text, never a link"


def test_web_annotation_json_ld():
    article, _ = annotate("- {exact: gegenseitigem Beistand, note: Später., author: Redaktion, date: 2024-06-01,"
                          " sources: ['https://example.org/v', karl-huber]}\n")
    url = "https://example.org/archiv/articles/2024/05/eins/"
    data = web_annotation(article, article.notes[0], url, lambda taxonomy, i: f"https://example.org/{taxonomy}/{i}/")
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld" and data["type"] == "Annotation"
    assert data["id"] == url + "#ag-note-1" and data["created"] == "2024-06-01"
    assert data["creator"] == {"type": "Person", "name": "Redaktion"}
    assert data["body"][0] == {"type": "TextualBody", "value": "Später.", "format": "text/markdown",
                               "language": "de", "purpose": "commenting"}
    assert {b["source"] for b in data["body"][1:]} == {"https://example.org/v", "https://example.org/actors/karl-huber/"}
    selector = data["target"]["selector"]
    assert data["target"]["source"] == url and selector["type"] == "TextQuoteSelector"
    assert selector["exact"] == "gegenseitigem Beistand" and selector["prefix"].endswith('von "')
    assert selector["suffix"].startswith('" im Falle einer')


# --------------------------------------------------------------------------- the seed, as an editor


def check(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "archive_gen", "check", "--config", str(root / "mkdocs.yml")],
                          capture_output=True, text=True, timeout=300)


def test_the_seed_note_in_the_sidecar_is_anchored_kept_through_an_edit_and_reported_when_gone(project):
    seed = seed_article_path(project)
    sidecar = seed.with_suffix(".yml")
    assert "exact: gegenseitigem Beistand" in sidecar.read_text(encoding="utf-8")
    shown = seed.relative_to(project).as_posix()
    article = Annotator(REGISTRY).annotate(read_source(seed, shown), Diagnostics())
    (note,) = article.notes
    assert note.anchored and article.doc.text[note.start:note.end] == "gegenseitigem Beistand"

    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace("verpflichten ihre beiden Staaten zu", "verpflichten beide Länder zu"), encoding="utf-8")
    edited = Annotator(REGISTRY).annotate(read_source(seed, shown), Diagnostics())
    assert edited.notes[0].anchored, "a word changed elsewhere in the paragraph"

    seed.write_text(text.replace('"gegenseitigem Beistand" ', ""), encoding="utf-8")
    result = check(project)
    line = next(i for i, row in enumerate(sidecar.read_text(encoding="utf-8").splitlines(), start=1)
                if row.startswith("- exact: gegenseitigem Beistand"))
    assert (f'{sidecar.relative_to(project).as_posix()}:{line}: warning: annotation "gegenseitigem Beistand" '
            "no longer matches") in result.stderr, result.stderr


@pytest.mark.slow
def test_the_built_seed_page_marks_the_passage_and_the_marker_reaches_the_note(built_site):
    html = (built_site / "site/articles/2024/06/kim-sichert-putin-unterstuetzung-zu/index.html").read_text(encoding="utf-8")
    marker = re.search(r'<mark class="ag-note-passage">gegenseitigem Beistand</mark><sup class="ag-note-ref" '
                       r'id="ag-note-ref-1"><a href="#(ag-note-1)" role="doc-noteref" aria-label="Anmerkung 1" '
                       r'title="[^"<>]+">1</a></sup>',
                       html)
    assert marker, "the passage is highlighted, the marker a labelled link"
    assert f'id="{marker.group(1)}"' in html and 'href="#ag-note-ref-1"' in html
    assert '<h2 class="ag-section" id="ag-notes">Anmerkungen</h2>' in html
    actor = (built_site / "site/actors/nordkorea/index.html").read_text(encoding="utf-8")
    assert "Angemerkt in" in actor and "kim-sichert-putin-unterstuetzung-zu/#ag-note-1" in actor


@pytest.mark.slow
def test_a_hostile_note_runs_nothing_in_the_built_site(tmp_path):
    from archive_gen.cli import main

    root = copy_project(tmp_path / "archive")
    sidecar = seed_article_path(root).with_suffix(".yml")
    sidecar.write_text(sidecar.read_text(encoding="utf-8").replace(
        "- exact: gegenseitigem Beistand", "- exact: gegenseitigem Beistand\n  prefix: zu\n", 1).replace(
        "annotations:\n", "annotations:\n" + HOSTILE.replace("Berger schwieg", "Kim Jong-un"), 1), encoding="utf-8")
    assert main(["build", "-q", "--config", str(root / "mkdocs.yml")]) == 0
    html = (root / "site/articles/2024/06/kim-sichert-putin-unterstuetzung-zu/index.html").read_text(encoding="utf-8")
    notes = html.split('id="ag-notes"')[1].split('<h2')[0]
    for payload in ("<script>alert", "<img src=x", "<b onmouseover", 'href="javascript:'):
        assert payload not in notes, payload
    assert not re.search(r"<[^>]*\son\w+=", notes), "no event handler attribute in any tag"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in notes and "Mallory" in notes, "the note is shown, as text"


@pytest.mark.browser
def test_the_marker_is_a_labelled_link_to_the_note_and_back_in_chromium(built_site, page):
    from conftest import serve_directory

    with serve_directory(built_site / "site") as url:
        page.goto(url + "/articles/2024/06/kim-sichert-putin-unterstuetzung-zu/", wait_until="load")
        link = page.get_by_role("link", name="Anmerkung 1")
        assert link.count() == 1 and link.inner_text() == "1"
        assert page.locator("mark.ag-note-passage").inner_text() == "gegenseitigem Beistand"
        page.goto(page.url + link.get_attribute("href"))  # where it leads (a click opens the pop-over:
        # tests/test_notes_popup.py; without JavaScript it follows the link, tested there too)
        note = page.locator("li:has(#ag-note-1)")
        assert note.is_visible() and "ratifiziert" in note.inner_text()
        assert note.evaluate("li => li.getBoundingClientRect().top < window.innerHeight")
        page.get_by_role("link", name="Zurück zur Textstelle").click()
        page.wait_for_url(re.compile(r"#ag-note-ref-1$"))
        assert page.locator("#ag-note-ref-1").is_visible()


def test_a_passage_over_two_paragraphs_is_marked_in_both_with_one_marker_after_it():
    article, diags = annotate("- {exact: im Falle einer Krise. Später sagte, note: Über den Absatz hinweg.}\n")
    assert list(diags) == []
    page = pages_of(article)["articles/2024/05/eins.md"]
    first, second = page.split('<mark class="ag-note-passage">')[1:3]
    assert first.startswith("im Falle einer Krise.</mark>\n\n") and "ag-note-ref" not in first
    assert second.startswith("Später sagte</mark><sup class=\"ag-note-ref\" id=\"ag-note-ref-1\">")


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet="ab \n\"„“", max_size=40), exact=st.text(alphabet="ab \"„", max_size=6),
       prefix=st.text(alphabet="ab ", max_size=4), suffix=st.text(alphabet="ab ", max_size=4))
def test_an_anchor_is_the_quote_up_to_whitespace_and_quotation_marks(text, exact, prefix, suffix):
    normal = NormalText(text)
    found = find(normal, exact, prefix, suffix)
    if isinstance(found, str):
        assert found in ("gone", "ambiguous")
        assert found == "ambiguous" or normalise(exact) not in normal.text or not normalise(exact)
    else:
        start, end = normal.span(*found)
        assert normalise(text[start:end]) == normalise(exact)


def test_the_pop_up_files_are_registered_for_any_renderer():
    """Plain files in overrides/assets named in mkdocs.yml (Zensical reads the same keys)."""
    root = Path(__file__).resolve().parents[1]
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    for key, name in (("extra_css", "assets/stylesheets/notes.css"), ("extra_javascript", "assets/javascripts/notes.js")):
        assert name in config[key] and (root / "overrides" / name).is_file()
    script = (root / "overrides/assets/javascripts/notes.js").read_text(encoding="utf-8")
    assert "innerHTML" not in script and "http" not in script.split("*/", 1)[1], "no markup from text, no CDN"
