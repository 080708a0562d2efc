"""Passage notes in the article's schema.org JSON-LD (issue 15): each note a ``Comment`` whose
``@id`` is the note's anchor on the page and the id of its Web Annotation in the export; text,
author, date, the actors it names and the sources it cites; escaped inside ``<script>``."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from archive_gen.annotate.notes import web_annotation
from archive_gen.model import Note
from archive_gen.render.jsonld import article_jsonld, dumps, script_tag, text

from render_samples import SITE, article, registry, term_url, url_of

# The properties schema.org gives a Comment (its own, CreativeWork's and Thing's) that we use.
COMMENT_PROPERTIES = {"@type", "@id", "url", "text", "encodingFormat", "author", "dateCreated", "mentions", "citation"}

TREATY = Note(exact="Pjöngjang", note="Der Vertrag trat am 4. Dezember 2024 in Kraft; *ratifiziert* im November.",
              author="Redaktion", date=dt.date(2024, 12, 5),
              sources=("https://example.net/vertrag", "nordkorea", "interfax", "javascript:alert(1)"),
              actors=("nordkorea", "kim-jong-un"), source_ids=("interfax",), start=14, end=23, number=1)
ORPHAN = Note(exact="nicht mehr da", note="Verwaist.", number=2, problem="gone")


def ld(a):
    return article_jsonld(a, registry=registry(), url=url_of(a), site_url=SITE, site_name="Nachrichtenarchiv",
                          term_url=term_url)


def test_each_note_is_a_comment_with_its_anchor_author_date_actors_and_sources():
    a = article(notes=(TREATY, ORPHAN))
    data = json.loads(dumps(ld(a)))
    assert data["commentCount"] == 2
    first, second = data["comment"]
    assert first["@type"] == "Comment" and first["@id"] == url_of(a) + "#ag-note-1" == first["url"]
    assert first["text"] == TREATY.note and first["encodingFormat"] == "text/markdown"
    assert first["author"] == {"@type": "Person", "name": "Redaktion"} and first["dateCreated"] == "2024-12-05"
    assert [m["url"] for m in first["mentions"]] == [term_url("actors", "nordkorea"), term_url("actors", "kim-jong-un")]
    assert first["mentions"][0]["sameAs"] == "https://www.wikidata.org/wiki/Q423"
    assert "alternateName" not in first["mentions"][0], "the full node is under the article's mentions"
    assert first["citation"] == ["https://example.net/vertrag", term_url("sources", "interfax")], \
        "web addresses and the sources' pages; no javascript: address, no bare id"
    assert second["@id"].endswith("#ag-note-2") and second["text"] == "Verwaist.", "an orphan is still a note"
    assert set(second) == {"@type", "@id", "url", "text", "encodingFormat"}, "nothing empty is written"
    for comment in data["comment"]:
        assert set(comment) <= COMMENT_PROPERTIES


def test_the_comment_id_is_the_web_annotation_id_of_the_export():
    a = article(notes=(TREATY,))
    assert ld(a)["comment"][0]["@id"] == web_annotation(a, a.notes[0], url_of(a))["id"]


def test_an_article_without_notes_has_no_comment():
    data = ld(article())
    assert "comment" not in data and "commentCount" not in data


def test_one_note_is_still_a_list():
    assert isinstance(ld(article(notes=(ORPHAN,)))["comment"], list)


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.scripts = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        if self.lasttag == "script":
            self.scripts.append(data)


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=80), st.text(max_size=20))
def test_any_note_stays_inside_the_script_and_round_trips(body, author):
    hostile = f"</script><script>alert(1)</script><!-- {body}"
    a = article(notes=(Note(exact="x", note=hostile, author=author, number=1),))
    tag = script_tag(ld(a))
    parser = _Scripts()
    parser.feed(tag)
    assert parser.tags == ["script"] and len(parser.scripts) == 1, "one script element, nothing opened by the note"
    assert not re.search(r"</script|<!--", parser.scripts[0], re.IGNORECASE)
    comment = json.loads(parser.scripts[0])["comment"][0]
    assert comment["text"] == text(hostile), "the same note, one line, controls dropped"
