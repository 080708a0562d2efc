"""The Markdown reader: front matter to meta, body split like wire text, file line numbers."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive_gen.errors import ContentError, FrontMatterError
from archive_gen.ingest import markdown, wire

ARTICLE = """\
---
title: Kim sichert Putin Unterstützung zu
date: 2024-06-19
actors: [kim-jong-un, wladimir-putin]
---

Pjöngjang – Der **nordkoreanische** Machthaber hat Putin die
"bedingungslose Unterstützung" versprochen.

Russlands Präsident wurde mit militärischen Ehren empfangen. IMAGO/Gavriil Grigorov

## Ein Abkommen mit Beistandsklausel ##

Putin kündigt "Grundlagendokument" an

AFP

Die Beziehungen hätten sich zu einer [Festung](https://example.org) entwickelt. (red, APA, 19.6.2024)
"""


def test_front_matter_goes_to_meta_with_lines():
    doc = markdown.parse(ARTICLE, "content/articles/kim.md")
    assert doc.format == "markdown" and doc.path == "content/articles/kim.md"
    assert doc.meta == {
        "title": "Kim sichert Putin Unterstützung zu",
        "date": dt.date(2024, 6, 19),
        "actors": ["kim-jong-un", "wladimir-putin"],
    }
    assert doc.meta_lines == {"title": 2, "date": 3, "actors": 4}
    assert doc.header_date is None


def test_body_blocks_with_file_lines():
    doc = markdown.parse(ARTICLE, "kim.md")
    assert [(b.kind, b.line) for b in doc.blocks] == [
        ("paragraph", 7),
        ("caption", 10),
        ("subhead", 12),
        ("subhead", 14),
        ("credit", 16),
        ("paragraph", 18),
    ]
    assert doc.blocks[2].text == "Ein Abkommen mit Beistandsklausel"
    assert doc.blocks[1].credit == "IMAGO/Gavriil Grigorov"
    assert doc.signoff.line == 18 and doc.signoff.date == dt.date(2024, 6, 19)
    assert doc.dateline.place == "Pjöngjang" and doc.dateline.line == 7
    for block in doc.blocks:
        assert doc.text[block.start : block.end] == block.text


def test_inline_markdown_is_literal_text():
    doc = markdown.parse(ARTICLE, "kim.md")
    assert "**nordkoreanische**" in doc.blocks[0].text
    assert "[Festung](https://example.org)" in doc.blocks[-1].text


def test_body_is_split_exactly_like_wire_text():
    body = ARTICLE.split("---\n", 2)[2].replace("## Ein Abkommen mit Beistandsklausel ##", "Ein Abkommen")
    md = markdown.parse(body, "a.md")
    txt = wire.parse(body, "a.txt")
    assert [(b.kind, b.text, b.line, b.credit) for b in md.blocks] == [
        (b.kind, b.text, b.line, b.credit) for b in txt.blocks
    ]
    assert md.signoff == txt.signoff and md.dateline == txt.dateline


@pytest.mark.parametrize(
    "line, title",
    [
        ("# Titel", "Titel"),
        ("###### Tief", "Tief"),
        ("   ## Eingerückt", "Eingerückt"),
        ("## Mit Schluss ##", "Mit Schluss"),
        ("## Satz mit Punkt.", "Satz mit Punkt."),
    ],
)
def test_atx_headings_become_subheads(line, title):
    doc = markdown.parse(f"Lead.\n\n{line}\n\nText.", "a.md")
    assert (doc.blocks[1].kind, doc.blocks[1].text, doc.blocks[1].line) == ("subhead", title, 3)


@pytest.mark.parametrize("line", ["#hashtag", "####### sieben", "    # code"])
def test_not_headings(line):
    doc = markdown.parse(f"Lead.\n\n{line}\n\nText.", "a.md")
    assert doc.blocks[1].text == line.strip()


def test_heading_without_blank_line_ends_the_paragraph():
    doc = markdown.parse("Erster Absatz.\n## Titel\nZweiter Absatz.", "a.md")
    assert [(b.kind, b.text, b.line) for b in doc.blocks] == [
        ("paragraph", "Erster Absatz.", 1),
        ("subhead", "Titel", 2),
        ("paragraph", "Zweiter Absatz.", 3),
    ]


def test_a_heading_may_come_first():
    doc = markdown.parse("# Titel\n\nWien – Der Text beginnt.", "a.md")
    assert doc.blocks[0].kind == "subhead"
    assert doc.dateline.place == "Wien"


def test_markdown_without_front_matter():
    doc = markdown.parse("Nur Text.", "a.md")
    assert doc.meta == {} and doc.meta_lines == {} and doc.blocks[0].line == 1


def test_date_line_is_not_a_header_in_markdown():
    doc = markdown.parse("---\ntitle: T\n---\ndate 2024-06 Lead.", "a.md")
    assert doc.header_date is None and doc.blocks[0].text == "date 2024-06 Lead."


def test_broken_front_matter_raises_with_file_line():
    with pytest.raises(FrontMatterError) as info:
        markdown.parse("---\ntitle: ok\ntitle: twice\n---\nText.", "a.md")
    assert info.value.line == 3


def test_front_matter_only_is_an_empty_article():
    with pytest.raises(ContentError) as info:
        markdown.parse("---\ntitle: T\n---\n\n  \n", "a.md")
    assert info.value.message == "empty article" and info.value.line == 5  # last line


def test_crlf_markdown():
    doc = markdown.parse("---\r\ntitle: T\r\n---\r\n\r\nText.\r\n", "a.md")
    assert doc.meta == {"title": "T"} and doc.blocks[0].line == 5


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_random_markdown_raises_only_content_errors(text):
    try:
        doc = markdown.parse(text, "fuzz.md")
    except ContentError:
        return
    for block in doc.blocks:
        assert doc.text[block.start : block.end] == block.text
