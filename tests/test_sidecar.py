"""A raw wire file's editor metadata lives beside it (x.yml next to x.txt): the agency's text
stays as delivered, the editor's headline, lists and fixes are read as front matter."""

from __future__ import annotations

import datetime as dt

from archive_gen.annotate import Annotator
from archive_gen.errors import Diagnostics
from archive_gen.ingest import read_source
from archive_gen.ingest.discover import source_files
from archive_gen.model import Actor, Registry

WIRE = "date 2024-06-19 Anna Berger traf in Zenda ein. Sie sagte, es sei ein guter Tag. (red, APA, 19.6.2024)\n"
REGISTRY = Registry(actors={"anna-berger": Actor("anna-berger", "Anna Berger", "person")})


def test_the_sidecar_is_the_wire_files_front_matter(tmp_path):
    articles = tmp_path / "content" / "articles"
    articles.mkdir(parents=True)
    (articles / "berger.txt").write_text(WIRE, encoding="utf-8")
    (articles / "berger.yml").write_text("title: Berger in Zenda\nactors: [anna-berger]\nstatsu: x\n", encoding="utf-8")
    diags = Diagnostics()
    assert source_files(tmp_path / "content", diags) == [articles / "berger.txt"], "the sidecar is no article"
    doc = read_source(articles / "berger.txt", "content/articles/berger.txt")
    assert doc.meta_path == "content/articles/berger.yml" and doc.meta_lines["actors"] == 2
    article = Annotator(REGISTRY).annotate(doc, diags, today=dt.date(2025, 1, 1))
    assert article.title == "Berger in Zenda" and article.provenance["title"] == "editor"
    assert article.provenance["actors"] == "editor" and article.date == dt.date(2024, 6, 19)
    assert [str(d).split(" (hint")[0] for d in diags] == [
        "content/articles/berger.yml:3: warning: unknown front matter key 'statsu'"], "problems name the sidecar"


def test_a_lone_yml_is_reported_and_a_wire_file_without_one_reads_as_before(tmp_path):
    articles = tmp_path / "content" / "articles"
    articles.mkdir(parents=True)
    (articles / "ohne.txt").write_text(WIRE, encoding="utf-8")
    (articles / "notizen.yml").write_text("title: x\n", encoding="utf-8")
    diags = Diagnostics()
    assert source_files(tmp_path / "content", diags) == [articles / "ohne.txt"]
    assert [d.message for d in diags] == ["not an article source ('.yml'); ignored"]
    doc = read_source(articles / "ohne.txt", "content/articles/ohne.txt")
    assert doc.meta == {} and doc.meta_path == ""
