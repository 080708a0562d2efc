"""A broken article is reported as path:line and never costs the rest of the archive."""

from __future__ import annotations

from archive_gen.cli import main
from archive_gen.ingest import supported


def build(project, *extra):
    return main(["build", "-q", "--config", str(project / "mkdocs.yml"), *extra])


def test_malformed_article_is_reported_and_the_rest_still_builds(project, capsys):
    bad = project / "content" / "articles" / "kaputt.md"
    bad.write_text("---\ntitle: Kaputt\ndate: 2024-01-02\nactors: [unclosed\n---\nText.\n", encoding="utf-8")
    undated = project / "content" / "articles" / "ohne-datum.txt"
    undated.write_text("Ein Artikel ohne Datumszeile.\n\nZweiter Absatz.\n", encoding="utf-8")

    code = build(project)
    err = capsys.readouterr().err
    assert code == 1, "errors are reflected in the exit code"
    assert "content/articles/kaputt.md:5: error: invalid YAML" in err
    assert "content/articles/ohne-datum.txt:1: error: the article has no date" in err
    assert "Traceback" not in err
    site = project / "site"
    assert (site / "index.html").is_file()
    built = list((site / "articles").rglob("index.html"))
    sources = [p for p in (project / "content" / "articles").rglob("*") if p.is_file() and supported(p)]
    assert len(built) == len(sources) - 2


def test_strict_build_fails_on_warnings(project, capsys):
    (project / "content" / "articles" / "notes.docx").write_bytes(b"PK\x03\x04")
    assert build(project) == 0
    assert "notes.docx:1: warning:" in capsys.readouterr().err
    assert build(project, "--strict") == 1


def test_check_reports_without_writing(project, capsys):
    (project / "content" / "articles" / "kaputt.md").write_text("---\ndate: gestern\n---\nText.\n", encoding="utf-8")
    code = main(["check", "--config", str(project / "mkdocs.yml")])
    err = capsys.readouterr().err
    assert code == 1
    assert "content/articles/kaputt.md:2: error: 'date: gestern' is not a date" in err
    assert not (project / "docs").exists()


def test_unknown_registry_reference_in_front_matter_is_a_warning(project, capsys):
    (project / "content" / "articles" / "a.md").write_text(
        "---\ntitle: A\ndate: 2020-01-01\nactors: [gibt-es-nicht]\n---\nText über nichts.\n", encoding="utf-8")
    assert main(["check", "--config", str(project / "mkdocs.yml")]) == 0
    assert "content/articles/a.md:4: warning: unknown id 'gibt-es-nicht' in 'actors'" in capsys.readouterr().err


def test_place_listed_as_actor_is_reported_not_linked_wrongly(project, capsys):
    (project / "content" / "articles" / "b.md").write_text(
        "---\ntitle: B\ndate: 2020-01-01\nactors: [moskau, wladimir-putin]\n---\nPutin in Moskau.\n", encoding="utf-8")
    assert build(project, "--strict") == 1
    assert "content/articles/b.md:4: warning: 'moskau' belongs in 'places', not in 'actors'" in capsys.readouterr().err
    assert build(project) == 0, "the site still builds"
    page = (project / "docs" / "articles" / "2020" / "01" / "b.md").read_text(encoding="utf-8")
    assert "actors/moskau.md" not in page and "places/moskau.md" in page
