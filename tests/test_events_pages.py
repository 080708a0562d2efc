"""Event pages on a small fictional archive with an event of two reports: the reports side by
side, statements grouped by speaker with who carried them, events on term, month and article
pages, escaping of what editors write, and the cache keys that must follow the events."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import replace

import pytest

from archive_gen.errors import Diagnostics
from archive_gen.index import build_archive
from archive_gen.model import Event
from archive_gen.dataset import data_key
from archive_gen.render import Settings, render_pages
from archive_gen.render.cachekeys import PageKeys
from archive_gen.render.context import RenderContext

from test_index import REGISTRY, article

HOSTILE = "Gipfel <script>alert(1)</script> in *Zenda* {: onclick=x}"
EVENTS = {
    "gipfel": Event("gipfel", HOSTILE, dt.date(2024, 5, 2), "day", "zenda",
                    "Beschreibung <img src=x onerror=alert(1)> mit [Link](javascript:alert(1))."),
    "wahl": Event("wahl", "Wahl in Ruritanien", dt.date(2024, 4, 1), "month"),
    "leer": Event("leer", "Noch ohne Bericht", dt.date(2023, 1, 1), "year"),
}
ONE = article("content/articles/a/eins.md", "2024-05-02",
              "Anna Berger traf Karl Huber in Zenda. „Wir sind einig“, sagte Anna Berger laut Agentur X.\n\n"
              "Karl Huber sagte, die Gespräche seien gut gewesen.", "event: gipfel\n")
TWO = article("content/articles/b/zwei.md", "2024-05-03",
              "In Zenda sagte Anna Berger: „Wir sind einig.“ Huber schwieg.", "event: gipfel\n")
THREE = article("content/articles/c/drei.md", "2024-04-01", "Karl Huber sprach über Ruritanien.", "event: wahl\n")
OTHER = article("content/articles/d/vier.md", "2024-05-20", "Anna Berger sprach über Sanktionen.")


def archive_of(*articles, events=EVENTS, diags=None):
    return build_archive(list(articles), REGISTRY, diags, events)


@pytest.fixture(scope="module")
def archive():
    return archive_of(ONE, TWO, THREE, OTHER)


@pytest.fixture(scope="module")
def pages(archive):
    return dict(render_pages(archive, Settings(language="de", site_url="https://example.org/")))


def body(page: str) -> str:
    return page.split("\n---\n", 1)[1]


def test_an_event_groups_its_reports_oldest_first_and_an_unknown_event_is_reported():
    diags = Diagnostics()
    stray = article("content/articles/e/fuenf.md", "2024-05-04", "Text.", "event: gibt-es-nicht\n")
    built = archive_of(TWO, ONE, stray, diags=diags)
    assert built.event_reports["gipfel"] == ("eins", "zwei")
    assert built.event_reports["leer"] == ()
    assert [d.message for d in diags] == ["unknown event 'gibt-es-nicht'"]
    diags = Diagnostics()
    archive_of(ONE, events={"gipfel": replace(EVENTS["gipfel"], place="atlantis")}, diags=diags)
    assert [d.message for d in diags] == ["unknown place 'atlantis'"]


def test_every_event_has_a_page_and_the_index_lists_them_newest_first(pages):
    assert {"events/gipfel.md", "events/wahl.md", "events/leer.md", "events/index.md"} <= set(pages)
    index = body(pages["events/index.md"])
    order = [index.index(f"]({e}.md)") for e in ("gipfel", "wahl", "leer")]
    assert order == sorted(order)
    assert "2 Berichte" in index and "1 Bericht\n" in index and "0 Berichte" in index


def test_the_event_page_shows_date_place_actors_with_counts_and_each_report_with_its_date(pages):
    page = body(pages["events/gipfel.md"])
    assert "2\\. Mai 2024 · [Zenda](../places/zenda.md) · 2 Berichte" in page
    assert "- [Anna Berger](../actors/anna-berger.md) · in 2 von 2 Berichten" in page
    assert "- [Karl Huber](../actors/karl-huber.md) · in 1 von 2 Berichten" in page
    assert page.index("../actors/anna-berger.md) · in 2") < page.index("../actors/karl-huber.md) · in 1")
    reports = page.split("## Berichte", 1)[1].split("##", 1)[0]
    assert reports.index("](../articles/2024/05/eins.md)") < reports.index("](../articles/2024/05/zwei.md)")
    assert "3\\. Mai 2024: [In Zenda sagte Anna Berger" in reports


def test_a_statement_two_reports_carry_is_listed_once_with_both_and_one_report_alone(pages):
    page = body(pages["events/gipfel.md"])
    berger = page.split("### [Anna Berger]", 1)[1].split("###", 1)[0]
    lines = [line for line in berger.splitlines() if line.startswith("- ")]
    assert len(lines) == 1, "„Wir sind einig“ and „Wir sind einig.“ are one statement"
    assert "](../articles/2024/05/eins.md)" in lines[0] and "](../articles/2024/05/zwei.md)" in lines[0]
    assert "[Agentur X](../sources/agentur-x.md)" in lines[0], "the source it came through"
    huber = page.split("### [Karl Huber]", 1)[1]
    assert "Gespräche seien gut gewesen" in huber and "zwei.md" not in huber.split("<script", 1)[0]


def test_the_event_month_precision_and_an_event_without_reports(pages):
    assert "April 2024 · 1 Bericht" in body(pages["events/wahl.md"])
    empty = body(pages["events/leer.md"])
    assert "2023 · 0 Berichte" in empty and "Noch keine Berichte." in empty and "###" not in empty


def test_titles_and_descriptions_are_escaped_everywhere(pages):
    for name in ("events/gipfel.md", "events/index.md", "actors/anna-berger.md", "timeline/2024/05.md",
                 "articles/2024/05/eins.md"):
        text = re.sub(r'<script type="application/ld\+json">[^<]*</script>', "", body(pages[name]))
        assert "<script" not in text, "the only script is the structured data (its < escaped as \\u003c)"
        assert "<script>alert" not in text and "<img" not in text and "javascript:" not in text, name
        assert not re.search(r"(?<!\\)\{: onclick", text), f"{name}: an attribute list, not text"
    assert "&lt;script&gt;" in body(pages["events/gipfel.md"])


def test_the_event_page_has_event_structured_data_with_its_reports(pages):
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>',
                                pages["events/gipfel.md"]).group(1))
    assert data["@type"] == "Event" and data["startDate"] == "2024-05-02" and data["name"] == HOSTILE
    assert [r["url"] for r in data["subjectOf"]] == ["https://example.org/articles/2024/05/eins/",
                                                      "https://example.org/articles/2024/05/zwei/"]
    assert data["location"]["name"] == "Zenda"


def test_term_month_and_article_pages_name_the_event(pages):
    berger = body(pages["actors/anna-berger.md"])
    events = berger.split("## Ereignisse", 1)[1].split("\n## ", 1)[0]
    assert "](../events/gipfel.md)" in events and "wahl" not in events
    assert berger.index("## Ereignisse") < berger.index("## Artikel")
    assert "](../events/wahl.md)" in body(pages["places/ruritanien.md"] if "places/ruritanien.md" in pages
                                           else pages["actors/ruritanien.md"])
    month = body(pages["timeline/2024/05.md"])
    assert "](../../events/gipfel.md)" in month and "wahl.md" not in month
    assert "](../../events/wahl.md)" in body(pages["timeline/2024/04.md"])
    assert "**Ereignis:** 2\\. Mai 2024: [" in body(pages["articles/2024/05/eins.md"])
    assert "Ereignis" not in body(pages["articles/2024/05/vier.md"]).split("## ")[0]


def keys_of(archive):
    ctx = RenderContext(archive, Settings(language="de"))
    annotation = {a.source_file: f"key-{a.slug}" for a in archive.articles}
    return PageKeys(ctx, annotation, "salt"), archive


def data_key_of(archive):
    return data_key(archive, {a.source_file: f"key-{a.slug}" for a in archive.articles}, "salt")


def test_cache_keys_change_when_an_event_a_page_shows_changes():
    keys, before = keys_of(archive_of(ONE, TWO, THREE, OTHER))
    renamed = {**EVENTS, "gipfel": replace(EVENTS["gipfel"], title="Anderer Gipfel")}
    keys2, after = keys_of(archive_of(ONE, TWO, THREE, OTHER, events=renamed))
    berger = before.taxonomies["actors"].terms["anna-berger"]
    assert keys.term(berger) != keys2.term(after.taxonomies["actors"].terms["anna-berger"])
    assert keys.article(before.by_slug["eins"], 2) != keys2.article(after.by_slug["eins"], 2)
    assert keys.article(before.by_slug["vier"], 0) == keys2.article(after.by_slug["vier"], 0), \
        "an article without the event keeps its key"
    assert data_key_of(before) != data_key_of(after)
    described = {**EVENTS, "gipfel": replace(EVENTS["gipfel"], description="Neu.")}
    keys3, third = keys_of(archive_of(ONE, TWO, THREE, OTHER, events=described))
    assert keys.term(berger) == keys3.term(third.taxonomies["actors"].terms["anna-berger"]), \
        "the description is shown only on the event page (always rendered)"
    assert data_key_of(before) != data_key_of(third), "the data files carry the description"
    assert data_key_of(before) == data_key_of(archive_of(ONE, TWO, THREE, OTHER))


def test_events_add_writes_a_file_the_build_reads_and_never_overwrites(tmp_path):
    from archive_gen.errors import ContentError
    from archive_gen.index.events import load_events
    from archive_gen.tools.events import add_event

    path = add_event(tmp_path, "Wahl in Ruritanien", "2011", place="zenda", description="Die *Wahl*.")
    assert path == tmp_path / "events" / "wahl-in-ruritanien.md"
    diags = Diagnostics()
    loaded = load_events(tmp_path, diags)["wahl-in-ruritanien"]
    assert list(diags) == []
    assert (loaded.title, loaded.date, loaded.date_precision, loaded.place, loaded.description) == \
        ("Wahl in Ruritanien", dt.date(2011, 1, 1), "year", "zenda", "Die *Wahl*.")
    before = path.read_bytes()
    with pytest.raises(ContentError, match="exists already"):
        add_event(tmp_path, "Wahl in Ruritanien", "2012-03-04")
    assert path.read_bytes() == before
    for title, date, event_id in (("", "2011", None), ("X", "gestern", None), ("X", "2011", "index")):
        with pytest.raises(ContentError):
            add_event(tmp_path, title, date, event_id=event_id)


def test_attribute_lists_stick_to_their_paragraph(pages):
    """``{ .ag-meta }`` after a blank line would be printed as text."""
    for name in ("events/gipfel.md", "events/index.md", "articles/2024/05/eins.md"):
        lines = body(pages[name]).splitlines()
        for number, line in enumerate(lines):
            if line.startswith("{ .ag-"):
                assert lines[number - 1].strip(), f"{name}:{number}: {line} follows a blank line"
