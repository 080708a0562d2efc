"""`archive-gen import`'s building blocks on a copy of the sample archive in a real Git repository.

Sources are real: the seed (APA wire text with captions and sign-off), a Der Standard article
and an English Reuters story from the shared corpora. Every expectation about extracted values
is checked against an independent run of the real annotator over the same registry.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
import subprocess
from itertools import islice
from pathlib import Path

import pytest

from archive_gen import fields, front_matter
from archive_gen.annotate import Annotator
from archive_gen.pipeline import collect
from archive_gen.config import Config
from archive_gen.errors import ContentError, Diagnostics
from archive_gen.tools.fingerprint import text_hash
from archive_gen.tools.importer import ImportReport, format_report, import_sources
from archive_gen.tools.markdown_out import markdown_body, reads_back
from archive_gen.ingest import markdown, read_source, wire
from archive_gen.paths import slugify
from archive_gen.registry import load_registry

from conftest import copy_project, seed_article_path, shared_file

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

REUTERS_ID = 231  # "POLL MAJORITY DISAPPROVE OF REAGAN PRESIDENCY": Ronald Reagan is a candidate
STANDARD_ROW = 96  # Obama and the Iran deal, signed "(APA, 11.9.2015)"


# --------------------------------------------------------------------------- the archive


@pytest.fixture(autouse=True)
def _no_user_git_config(monkeypatch, tmp_path):
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-global-gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True).stdout


def commit_all(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)


def untracked_and_modified(root: Path) -> set[str]:
    return {line[3:] for line in git(root, "status", "--porcelain", "--untracked-files=all").splitlines()}


@pytest.fixture
def archive(tmp_path) -> Path:
    """The sample archive as a Git repository, without the raw seed (so the seed is news to it)."""
    root = copy_project(tmp_path / "archive")
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Redaktion")
    git(root, "config", "user.email", "redaktion@example.org")
    git(root, "config", "commit.gpgsign", "false")
    seed_article_path(root).unlink()
    commit_all(root, "sample archive")
    return root


@pytest.fixture
def incoming(archive) -> Path:
    """Raw articles as they arrive: the seed, a Der Standard article, a Reuters story."""
    folder = archive / "incoming"
    folder.mkdir()
    shutil.copy(shared_file("seeds", "000_4d51e86498f00da2.txt"), folder / "apa-kim-putin.txt")
    rows = list(csv.reader(open(shared_file("corpus", "derstandard-10kgnad.csv"), encoding="utf-8"),
                           delimiter=";", quotechar="'"))
    (folder / "standard-obama.txt").write_text(f"date 2015-09\n{rows[STANDARD_ROW][1]}\n", encoding="utf-8")
    with open(shared_file("corpus", "reuters21578.jsonl"), encoding="utf-8") as lines:
        record = next(r for r in map(json.loads, lines) if r["newid"] == REUTERS_ID)
    day = dt.datetime.strptime(record["date"].split()[0], "%d-%b-%Y").date()
    (folder / "reuters-reagan.txt").write_text(f"date {day.isoformat()}\n{record['dateline']} {record['body']}\n",
                                               encoding="utf-8")
    return folder


def config(root: Path) -> Config:
    return Config.load(root / "mkdocs.yml")


def run_import(root: Path, *paths: Path, dry_run: bool = False) -> tuple[ImportReport, Diagnostics]:
    diags = Diagnostics()
    return import_sources(list(paths), config(root), diags, dry_run=dry_run), diags


def extracted(root: Path, source: Path):
    """The real annotator over the archive's registry, run on the source by itself."""
    cfg = config(root)
    registry = load_registry(cfg.content_dir, Diagnostics(), cfg.display_path)
    return Annotator(registry, cfg.language).annotate(read_source(source, "source"), Diagnostics())


def meta_of(path: Path) -> dict:
    return front_matter.split(path.read_text(encoding="utf-8"), str(path)).meta


def target_of(report: ImportReport, source_name: str) -> str:
    return next(i.target for i in report.created if i.source.endswith(source_name))


# --------------------------------------------------------------------------- importing


def test_import_writes_curated_files_with_everything_extracted(archive, incoming):
    report, diags = run_import(archive, incoming)

    assert [i.source for i in report.created] == [
        "incoming/apa-kim-putin.txt", "incoming/reuters-reagan.txt", "incoming/standard-obama.txt"]
    assert not (report.unchanged or report.would_change or report.duplicates or report.failed), format_report(report)
    assert diags.errors == []
    written = {f"incoming/{name}": archive / target_of(report, name)
               for name in ("apa-kim-putin.txt", "reuters-reagan.txt", "standard-obama.txt")}
    assert untracked_and_modified(archive) == {*written, *(Path(p).relative_to(archive).as_posix()
                                                           for p in written.values())}, "nothing else touched"

    for source, path in written.items():
        article = extracted(archive, archive / source)
        assert path.relative_to(archive).as_posix() == (
            f"content/articles/{article.date.year:04d}/{article.date.month:02d}/{slugify(article.title)}.md")
        meta = meta_of(path)
        assert list(meta) == [k for k in fields.ARTICLE_KEY_ORDER if k in meta], "the fixed key order"
        assert meta["title"] == article.title and meta["date"] == article.date
        assert meta["date_precision"] == article.date_precision and meta["language"] == article.language
        for key in ("actors", "places", "topics", "authors"):
            assert meta.get(key, []) == list(getattr(article, key)), key
        assert meta["sources"] == [{k: v for k, v in (("id", r.id), ("role", r.role), ("credit", r.credit)) if v}
                                   for r in article.sources]
        assert meta.get("candidates", []) == [{"name": c.name, "kind": c.kind, "evidence": c.evidence}
                                              for c in article.candidates]
        assert meta["imported_from"] == source
        assert meta["source_hash"] == text_hash(article.doc.text)
        assert fields.validate(meta, "article") == [], "imported front matter passes the schema"

    seed = meta_of(written["incoming/apa-kim-putin.txt"])
    assert seed["date"] == dt.date(2024, 6, 19) and {"kim-jong-un", "wladimir-putin"} <= set(seed["actors"])
    assert {"id": "apa", "role": "wire"} in seed["sources"]
    assert {"id": "imago", "role": "photo", "credit": "IMAGO/Gavriil Grigorov"} in seed["sources"]
    reuters = meta_of(written["incoming/reuters-reagan.txt"])
    assert reuters["language"] == "en" and reuters["date"] == dt.date(1987, 3, 1)
    assert "Ronald Reagan" in [c["name"] for c in reuters["candidates"]]
    assert meta_of(written["incoming/standard-obama.txt"])["date"] == dt.date(2015, 9, 11), "from the sign-off"


def test_the_body_keeps_captions_credits_subheads_and_sign_off(archive, incoming):
    report, _ = run_import(archive, incoming / "apa-kim-putin.txt")
    text = (archive / report.created[0].target).read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1]
    assert "empfangen. IMAGO/Gavriil Grigorov\n" in body, "caption and credit as wire text has them"
    assert "\n## Putin kündigt \"Grundlagendokument\" zwischen Russland und Nordkorea an\n" in body
    assert "\n\nAFP\n\n" in body, "a credit line stays a credit line"
    assert body.rstrip().endswith("am Dienstag in Washington. (red, APA, 19.6.2024)")
    source = read_source(incoming / "apa-kim-putin.txt", "s")
    back = markdown.parse(text, "t")
    assert [(b.kind, b.text, b.credit) for b in back.blocks] == [(b.kind, b.text, b.credit) for b in source.blocks]
    assert back.signoff.raw == source.signoff.raw


def test_imported_files_build_with_the_same_actors(archive, incoming):
    from archive_gen.tools.check import find_duplicates

    report, _ = run_import(archive, incoming)
    diags = Diagnostics()
    _, articles = collect(config(archive), diags)
    find_duplicates(articles, diags)  # what check adds: import let no duplicate in
    by_file = {a.source_file: a for a in articles}
    for item in report.created:
        article = by_file[item.target]
        source = extracted(archive, archive / item.source)
        assert article.actors == source.actors and article.places == source.places
        assert article.topics == source.topics and article.sources == source.sources
        assert article.title == source.title and article.date == source.date
        assert article.doc.text == source.doc.text, "the text is the source's, to the character"
        assert [m.id for m in article.mentions] == [m.id for m in source.mentions]
        assert [d for d in diags if d.path == item.target] == [], "no warnings for imported files"
    assert diags.errors == []


def test_reimport_is_unchanged_and_writes_nothing(archive, incoming):
    first, _ = run_import(archive, incoming)
    commit_all(archive, "import")
    before = {i.target: (archive / i.target).stat().st_mtime_ns for i in first.created}

    again, diags = run_import(archive, incoming)

    assert again.created == [] and again.would_change == [] and again.duplicates == []
    assert sorted((i.source, i.target) for i in again.unchanged) == sorted((i.source, i.target) for i in first.created)
    assert {t: (archive / t).stat().st_mtime_ns for t in before} == before
    assert untracked_and_modified(archive) == set() and diags.errors == []
    assert "incoming/apa-kim-putin.txt:1: unchanged: already imported as content/articles/2024/06/" in format_report(again)


def test_editor_changes_survive_reimport_and_are_shown_as_a_diff(archive, incoming):
    report, _ = run_import(archive, incoming / "apa-kim-putin.txt")
    commit_all(archive, "import")
    target = archive / report.created[0].target
    text = target.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    assert lines[1].startswith("title: ")
    lines[1] = "title: Kim sichert Putin Unterstützung zu\n"
    edited = "".join(lines).replace("sowjetunion, ", "")  # the editor removes a wrong actor
    target.write_text(edited, encoding="utf-8")

    again, diags = run_import(archive, incoming / "apa-kim-putin.txt")

    assert target.read_text(encoding="utf-8") == edited, "never overwritten"
    assert again.created == [] and again.unchanged == []
    [change] = again.would_change
    assert change.target == report.created[0].target and change.line == 2
    assert "-title: Kim sichert Putin Unterstützung zu\n" in change.diff
    assert "+title: Der nordkoreanische Machthaber" in change.diff
    assert any(line.startswith("+actors:") and "sowjetunion" in line for line in change.diff.splitlines())
    assert untracked_and_modified(archive) == {report.created[0].target}, "only the editor's edit"
    assert f"{change.target}:2: would change: a fresh import of incoming/apa-kim-putin.txt differs" in format_report(again)
    assert diags.errors == []


def test_reimport_shows_what_a_grown_registry_would_add(archive, incoming):
    """Machine values written at import stay re-extractable: a re-import proposes the new actor."""
    report, _ = run_import(archive, incoming / "reuters-reagan.txt")
    target = archive / report.created[0].target
    before = target.read_bytes()
    (archive / "content" / "actors" / "ronald-reagan.md").write_text(
        "---\nname: Ronald Reagan\nkind: person\naliases: [Reagan]\nwikidata: Q9960\n---\n"
        "40. Präsident der Vereinigten Staaten.\n", encoding="utf-8")

    again, _ = run_import(archive, incoming / "reuters-reagan.txt")

    [change] = again.would_change
    added = [line for line in change.diff.splitlines() if line.startswith("+actors:")]
    assert added and "ronald-reagan" in added[0]
    removed = [line for line in change.diff.splitlines() if line.startswith("-") and not line.startswith("---")]
    assert "-candidates:" in removed and any(line.startswith("-- {name: Ronald Reagan") for line in removed)
    assert target.read_bytes() == before


# --------------------------------------------------------------------------- duplicates and collisions


def test_the_same_text_under_another_name_is_a_duplicate(archive, incoming):
    report, _ = run_import(archive, incoming / "apa-kim-putin.txt")
    copy = incoming / "nochmal.txt"
    copy.write_bytes((incoming / "apa-kim-putin.txt").read_bytes().replace(b"\n", b"\r\n"))  # saved on Windows

    again, diags = run_import(archive, copy)

    assert again.created == [] and diags.errors == []
    [duplicate] = again.duplicates
    assert (duplicate.source, duplicate.existing, duplicate.reason, duplicate.existing_source) == (
        "incoming/nochmal.txt", report.created[0].target, "same text", "incoming/apa-kim-putin.txt")
    assert f"incoming/nochmal.txt:1: duplicate: same text as {report.created[0].target}" in format_report(again)


def test_an_article_already_in_the_archive_as_raw_text_is_a_duplicate(tmp_path):
    root = copy_project(tmp_path / "archive")  # with the raw seed in content/articles/apa/
    report, _ = run_import(root, shared_file("seeds", "000_4d51e86498f00da2.txt"))
    [duplicate] = report.duplicates
    assert duplicate.existing == "content/articles/apa/2024/06/kim-sichert-putin-unterstuetzung-zu.txt"
    assert duplicate.reason == "same text" and report.created == []


def test_same_title_and_date_is_a_duplicate(archive, incoming):
    existing = archive / "content/articles/wikinews/2009/friedensnobelpreis-geht-an-obama.md"
    meta = meta_of(existing)
    source = incoming / "nobel.md"
    source.write_text(f"---\ntitle: {meta['title']}\ndate: {meta['date']}\n---\n"
                      "Eine andere Meldung über denselben Preis, mit anderem Text.\n", encoding="utf-8")
    report, _ = run_import(archive, source)
    [duplicate] = report.duplicates
    assert duplicate.reason == "same title and date"
    assert duplicate.existing == "content/articles/wikinews/2009/friedensnobelpreis-geht-an-obama.md"


def test_colliding_slugs_get_distinct_stable_slugs(archive, incoming):
    """Slugs are unique in the whole archive, as the build needs them; the same state gives the same slugs."""
    sources = []
    for name, date in (("b.md", "2024-03-02"), ("a.md", "2024-03-01"), ("c.md", "2009-11-30")):
        path = incoming / name
        title = "Friedensnobelpreis geht an Obama" if name == "c.md" else "Gipfel in Wien"
        path.write_text(f"---\ntitle: {title}\ndate: {date}\n---\nMeldung {name} über ein eigenes Ereignis.\n",
                        encoding="utf-8")
        sources.append(path)

    report, _ = run_import(archive, *sources)
    targets = {i.source: i.target for i in report.created}
    assert targets == {
        "incoming/a.md": "content/articles/2024/03/gipfel-in-wien.md",
        "incoming/b.md": "content/articles/2024/03/gipfel-in-wien-2.md",
        # an existing wikinews article already has this slug (in another folder)
        "incoming/c.md": "content/articles/2009/11/friedensnobelpreis-geht-an-obama-2.md",
    }
    again, _ = run_import(archive, *reversed(sources))
    assert sorted((i.source, i.target) for i in again.unchanged) == sorted(targets.items())

    diags = Diagnostics()
    collect(config(archive), diags)
    assert not [d for d in diags if "slug" in d.message], "the build keeps every imported slug"


def test_dry_run_reports_and_writes_nothing(archive, incoming):
    report, _ = run_import(archive, incoming, dry_run=True)
    assert len(report.created) == 3 and report.dry_run
    assert untracked_and_modified(archive) == {f"incoming/{p.name}" for p in incoming.iterdir()}
    assert format_report(report).count(": would import: from incoming/") == 3


# --------------------------------------------------------------------------- bad input


def test_broken_sources_fail_with_path_and_line_and_the_rest_is_imported(archive, incoming):
    (incoming / "binary.txt").write_bytes(b"date 2024-06-19\nText\n\x00\x01\x02 PNG")
    (incoming / "empty.txt").write_text("\n   \n", encoding="utf-8")
    (incoming / "undated.txt").write_text("Ein Text ohne Datum und ohne Abschlusszeile.\n", encoding="utf-8")
    (incoming / "notes.docx").write_bytes(b"PK\x03\x04")

    report, diags = run_import(archive, incoming)

    assert len(report.created) == 3, "the good sources are imported all the same"
    failed = {str(d) for d in report.failed}
    assert any(d.startswith("incoming/binary.txt:3: error: file contains NUL bytes") for d in failed), failed
    assert any(d.startswith("incoming/empty.txt:1: error: empty article (hint: ") for d in failed), failed
    assert any(d.startswith("incoming/undated.txt:1: error: the article has no date (hint: add a first line")
               for d in failed), failed
    assert len(failed) == 3 and {str(d) for d in diags.errors} == failed
    assert [str(w) for w in report.warnings] == [
        "incoming/notes.docx:1: warning: not an article source ('.docx'); skipped "
        "(hint: articles are .txt (wire text) or .md (Markdown with front matter))"]
    text = format_report(report)
    assert "incoming/binary.txt:3: error:" in text and text.rstrip().endswith(
        "3 imported, 0 unchanged, 0 would change, 0 duplicate(s), 3 failed")


def test_a_missing_source_fails_and_a_curated_file_is_not_imported_again(archive, incoming):
    curated = archive / "content/articles/wikinews/2009/friedensnobelpreis-geht-an-obama.md"
    report, diags = run_import(archive, incoming / "nicht-da.txt", curated)
    assert [str(d).split(" (hint")[0] for d in report.failed] == [
        "incoming/nicht-da.txt:1: error: cannot read file: no such file (a broken symbolic link?)"]
    assert [str(w) for w in report.warnings] == [
        "content/articles/wikinews/2009/friedensnobelpreis-geht-an-obama.md:1: warning: already a Markdown "
        "article of the archive; nothing to import (hint: edit it where it is; import reads raw articles from "
        "outside content/)"]
    assert report.created == report.unchanged == []
    assert untracked_and_modified(archive) == {f"incoming/{p.name}" for p in incoming.iterdir()}


def test_raw_text_inside_content_is_converted_with_a_reminder_to_remove_it(tmp_path):
    root = copy_project(tmp_path / "archive")
    raw = seed_article_path(root)
    report, _ = run_import(root, raw)
    [item] = report.created
    assert item.source == "content/articles/apa/2024/06/kim-sichert-putin-unterstuetzung-zu.txt"
    assert item.target.startswith("content/articles/2024/06/")
    assert any("git rm content/articles/apa/2024/06/kim-sichert-putin-unterstuetzung-zu.txt" in str(w)
               for w in report.warnings)


def test_text_that_looks_like_markdown_stays_text(archive, incoming):
    source = incoming / "zeichen.txt"
    source.write_text("date 2024-05-02\nDie Zahl der *Sternchen* und _Striche_ in [Klammern] stieg.\n\n"
                      "# 1 ist der Rang, den Wien erreichte, sagte sie.\n\nLetzter Absatz. (APA, 2.5.2024)\n",
                      encoding="utf-8")
    report, diags = run_import(archive, source)
    text = (archive / report.created[0].target).read_text(encoding="utf-8")
    assert "Die Zahl der *Sternchen* und _Striche_ in [Klammern] stieg." in text, "no backslashes on the page"
    assert "\n    # 1 ist der Rang" in text, "indented: a paragraph, not a heading"
    assert reads_back(text, read_source(source, "s"), "t") is None and report.warnings == []


@pytest.mark.corpus
def test_every_corpus_article_reads_back_as_its_source(shared):
    """The body writer against the readers on real text: Der Standard, Reuters, Wikinews."""
    docs = []
    rows = csv.reader(open(shared / "corpus" / "derstandard-10kgnad.csv", encoding="utf-8"), delimiter=";", quotechar="'")
    docs += [wire.parse(f"date 2015-{i % 12 + 1:02d}\n{text}", f"ds{i}.txt") for i, (_, text) in enumerate(rows)]
    with open(shared / "corpus" / "reuters21578.jsonl", encoding="utf-8") as lines:
        for record in islice((r for r in map(json.loads, lines) if r.get("body")), 1500):
            day = dt.datetime.strptime(record["date"].split()[0], "%d-%b-%Y").date()
            docs.append(wire.parse(f"date {day}\n{record.get('dateline') or ''} {record['body']}", f"r{record['newid']}"))
    with open(shared / "corpus" / "wikinews-de.jsonl", encoding="utf-8") as lines:
        for record in map(json.loads, lines):
            try:
                docs.append(markdown.parse(front_matter.dumps({"title": record["title"]}, record["text"]), "w.md"))
            except ContentError:
                continue
    assert len(docs) > 2500
    problems = {}
    for doc in docs:
        problem = reads_back(front_matter.dumps({"date": dt.date(2015, 1, 1)}, markdown_body(doc)), doc, doc.path)
        if problem:
            problems[doc.path] = problem
    assert problems == {}


def test_a_file_or_link_in_the_way_is_never_written_through(archive, incoming, tmp_path):
    """Writing uses exclusive creation: whatever occupies the path (here a link out of the
    archive, which the article scan skips) makes the import take the next slug."""
    outside = tmp_path / "outside.txt"
    outside.write_text("not yours\n", encoding="utf-8")
    link = archive / "content/articles/2024/03/gipfel-in-wien.md"
    link.parent.mkdir(parents=True)
    link.symlink_to(outside)
    source = incoming / "gipfel.md"
    source.write_text("---\ntitle: Gipfel in Wien\ndate: 2024-03-01\n---\nMeldung.\n", encoding="utf-8")

    report, _ = run_import(archive, source)

    assert [i.target for i in report.created] == ["content/articles/2024/03/gipfel-in-wien-2.md"]
    assert outside.read_text(encoding="utf-8") == "not yours\n"


def test_a_broken_registry_entry_is_reported_and_the_import_goes_on(archive, incoming):
    (archive / "content/actors/kaputt.md").write_text("---\nkind: person\n---\nOhne Namen.\n", encoding="utf-8")
    report, diags = run_import(archive, incoming / "apa-kim-putin.txt")
    assert len(report.created) == 1 and diags.errors == []
    assert [str(w).split(" (hint")[0] for w in report.warnings] == [
        "content/actors/kaputt.md:1: warning: left out of this import's registry: missing required key 'name'"]


def test_source_hash_is_the_fingerprint_check_uses_for_duplicates(tmp_path):
    """Import and check must agree on "the same text", or check would flag what import let in."""
    from archive_gen.tools.check import find_duplicates

    archive = copy_project(tmp_path / "archive")
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    seed = seed_article_path(archive)
    (incoming / "kopie.txt").write_text(seed.read_text(encoding="utf-8").replace("\n\n", "\n\n\n"), encoding="utf-8")
    report, _ = run_import(archive, incoming / "kopie.txt")
    assert [d.reason for d in report.duplicates] == ["same text"], "import finds the copy by its fingerprint"
    (seed.parent / "kopie.txt").write_text((incoming / "kopie.txt").read_text(encoding="utf-8"), encoding="utf-8")
    diags = Diagnostics()
    find_duplicates(collect(config(archive), Diagnostics())[1], diags)
    assert any("duplicate: the same text" in d.message for d in diags), "check finds it by the same fingerprint"
