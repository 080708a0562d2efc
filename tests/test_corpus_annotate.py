"""The whole pipeline up to the annotator on real corpora it was not written for.

German: every Der Standard article (raw wire text) and every German Wikinews article
(Markdown); English: Reuters stories. No internal error, sane titles, valid offsets.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from itertools import islice

import pytest

from archive_gen import front_matter
from archive_gen.annotate import Annotator
from archive_gen.annotate.titles import MAX_TITLE, lead_headline
from archive_gen.errors import ContentError, Diagnostics
from archive_gen.ingest import markdown, wire
from archive_gen.registry import load_registry

from conftest import REPO

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def annotator():
    return Annotator(load_registry(REPO / "content", Diagnostics()))


def check(article):
    assert article.title
    if "title" not in article.doc.meta:
        headline = lead_headline(article.doc)
        assert article.title == headline.text and not article.title.endswith(" …"), "a derived title is never cut"
        assert len(article.title) <= MAX_TITLE or headline.long, "a long title is a whole first sentence"
    text = article.doc.text
    for m in (*article.mentions, *article.source_mentions):
        assert text[m.start:m.end] == m.text
    for q in article.quotes:
        assert text[q.start:q.end] == q.text


def test_der_standard_wire_texts(shared, annotator):
    rows = list(csv.reader(open(shared / "corpus" / "derstandard-10kgnad.csv", encoding="utf-8"), delimiter=";", quotechar="'"))
    assert len(rows) > 500
    linked = 0
    for i, (_, text) in enumerate(rows):
        article = annotator.annotate(wire.parse(f"date 2015-{i % 12 + 1:02d}\n{text}", f"ds{i}.txt"), Diagnostics())
        check(article)
        assert article.language == "de"
        linked += bool(article.actors)
    assert linked > len(rows) // 2, "most articles name an actor of the starter registry"


def test_wikinews_markdown(shared, annotator):
    failures = []
    for record in map(json.loads, open(shared / "corpus" / "wikinews-de.jsonl", encoding="utf-8")):
        text = front_matter.dumps({"title": record["title"], "date": record["date"]}, record["text"])
        try:
            article = annotator.annotate(markdown.parse(text, f"{record['wikinews_id']}.md"), Diagnostics())
        except ContentError as exc:
            failures.append(exc.message)
            continue
        check(article)
        assert str(article.date) == record["date"]
    assert failures == ["implausible date 0001-01-01"], "only the corpus' one bad date is rejected"


def test_reuters_english_wire(shared, annotator):
    english = places = said = datelines = with_dateline = 0
    with open(shared / "corpus" / "reuters21578.jsonl", encoding="utf-8") as lines:
        for record in islice(map(json.loads, lines), 400):
            if not record.get("body"):
                continue
            date = dt.datetime.strptime(record["date"].split()[0], "%d-%b-%Y").date()
            body = f"{record.get('dateline', '')} {record['body']}".strip()
            article = annotator.annotate(wire.parse(f"date {date.isoformat()}\n{body}", f"r{record['newid']}.txt"), Diagnostics())
            check(article)
            english += article.language == "en"
            places += bool(article.places or article.actors)
            said += sum(1 for q in article.quotes if q.speaker or q.speaker_name)
            if record.get("dateline"):
                datelines += article.doc.dateline is not None
                with_dateline += 1
    assert english >= 300
    assert datelines >= 0.95 * with_dateline, "English datelines (WASHINGTON, Feb 26 -) are read"
    assert places >= 300, "English names, datelines and aliases link states and places"
    assert said >= 5, "English speech verbs attribute quotes"
