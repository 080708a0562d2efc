"""The page renderer on a small fictional archive: one page per term, labels from the
catalog, escaping, links, paging. No MkDocs here: the Markdown itself is checked."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from archive_gen.index import build_archive
from archive_gen.render import Settings, render_pages
from archive_gen.render import i18n
from archive_gen.render.article import word_count

from test_index import REGISTRY, article


@pytest.fixture(scope="module")
def pages():
    archive = build_archive([
        article("content/articles/a/eins.md", "2024-05-02", "Anna Berger traf Karl Huber in Zenda. Sanktionen. "
                "Berger sagte <script>alert(1)</script>."),
        *[article(f"content/articles/p/n{i}.md", "2024-04-01", "Karl Huber sprach.") for i in range(5)],
    ], REGISTRY, None)
    return dict(render_pages(archive, Settings(language="de", page_size=2)))


def test_every_term_and_index_has_a_page(pages):
    for page in ("actors/anna-berger.md", "actors/karl-huber.md", "places/zenda.md", "topics/sanktionen.md",
                 "topics/wahlen.md", "actors/index.md", "places/index.md", "topics/index.md", "sources/index.md",
                 "timeline/index.md", "index.md"):
        assert page in pages, page


def test_term_pages_paginate_with_links_both_ways(pages):
    assert {p for p in pages if p.startswith("actors/karl-huber") and p.endswith(".md")} == {
        "actors/karl-huber.md", "actors/karl-huber/2.md", "actors/karl-huber/3.md"}
    middle = pages["actors/karl-huber/2.md"]
    assert "](../karl-huber.md)" in middle and "](3.md)" in middle


def test_labels_come_from_the_catalog(pages):
    assert pages["actors/index.md"].split("---\n", 2)[2].lstrip().startswith("# Akteure")
    english = i18n.labels("en")
    assert english["actors"] == "Actors" and i18n.labels("de")["actors"] == "Akteure"
    assert i18n.labels("fr") == english, "a language without a catalog gets the English words"
    assert i18n.labels("de")["photo"] != i18n.labels("de")["photo_credit"], "a context tells two 'Photo's apart"


def test_article_text_is_escaped_and_linked_once_per_paragraph(pages):
    page = pages["articles/2024/05/eins.md"]
    body = page.split("\n---\n", 1)[1]
    assert "<script>alert" not in body and "&lt;script&gt;" in body, "text, not markup (the theme escapes front matter)"
    body = page.split("---\n", 2)[2]
    assert len(re.findall(r"\]\(\.\./\.\./\.\./actors/anna-berger\.md\)", body.split("\n## ")[0])) == 2, \
        "linked in the header list and once in the paragraph, not again for 'Berger'"


def test_every_label_has_a_german_translation_and_the_catalog_nothing_else():
    from importlib import resources

    from babel.messages.pofile import read_po

    with resources.files("archive_gen.render").joinpath("locales", "de.po").open("rb") as handle:
        catalog = {(m.context, m.id): m.string for m in read_po(handle) if m.id}
    wanted = set(i18n.MESSAGES.values())
    assert wanted - set(catalog) == set(), "labels without a German translation"
    assert set(catalog) - wanted == set(), "translations of labels nobody uses"
    assert all(catalog[key] for key in wanted), "an empty msgstr shows the English word"


@settings(deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)) | st.sampled_from(list("_-–„“ \t\n\u2028\xa0.,²½")), max_size=40))
def test_the_word_count_is_the_patterns(text):
    """The reading time counts ``\\w+`` runs; the count that searches fewer tokens is the same."""
    assert word_count(text) == len(re.findall(r"\w+", text))
