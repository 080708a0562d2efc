"""Hostile and broken content (issue 5): every case is reported as ``path:line: severity:
message (hint: …)``, a bad file is skipped or read as far as it can be, and it never costs a
good article. All cases live in one copy of the sample archive, read once (``collect`` is the
real pipeline up to the annotated articles); each case then checks its own report line.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass

import pytest
import yaml

from archive_gen.pipeline import collect, generate
from archive_gen.cli import main
from archive_gen.config import Config
from archive_gen.errors import Diagnostics
from archive_gen.index import build_archive
from archive_gen.ingest import supported

from conftest import copy_project

REPORT_LINE = re.compile(r"^(?P<path>[^\n]+?):(?P<line>[1-9][0-9]*): (?P<severity>error|warning): (?P<message>.+?)"
                         r"(?: \(hint: (?P<hint>.+)\))?$")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
BILLION_LAUGHS = "---\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n" \
                 "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ndate: 2024-01-01\n---\nText.\n"
LONG_TITLE = "Überlänge " * 50  # 500 characters


def md(meta: str, body: str = "Ein Absatz Text.") -> bytes:
    return f"---\n{meta}\n---\n{body}\n".encode()


@dataclass(frozen=True)
class Case:
    path: str  # below content/articles/
    data: bytes | None  # None: the test creates the file itself (links, pipes)
    report: str  # "LINE: SEVERITY: message fragment" expected for this file; "" = no report
    built: bool  # does the article end up in the archive?


CASES = {
    # --- encodings
    "invalid UTF-8 among good UTF-8": Case(
        "kaputt-utf8.txt", "date 2024-03-01 Grüße aus Wien, ein kaputtes Zeichen: ".encode() + b"\xff.\n",
        "1: warning: invalid UTF-8 (byte 0xff); 1 broken character(s)", True),
    "bytes that are neither UTF-8 nor Windows-1252": Case(
        "kaputt-binaer.txt", b"date 2024-03-01 Text\n\x81\x8d\x9d\n", "2: error: file is neither UTF-8 nor Windows-1252", False),
    "UTF-8 BOM": Case("bom.md", b"\xef\xbb\xbf" + md("title: Mit BOM\ndate: 2024-03-02"), "", True),
    "UTF-8 BOM before broken YAML keeps the line": Case(
        "bom-kaputt.md", b"\xef\xbb\xbf---\ntitle: ok\nactors: [offen\n---\nText.\n", "4: error: invalid YAML", False),
    "Windows-1252": Case(
        "wien-1252.txt", "date 2024-03-03 Grüße aus Österreich – „so“ … 5 €.\n".encode("cp1252"),
        "1: warning: file is not valid UTF-8 (byte 0xfc); read as Windows-1252", True),
    "Latin-1 with Austrian umlauts": Case(
        "wien-latin1.md", "---\ntitle: Grüße aus Österreich\ndate: 2024-03-04\n---\nDer Bürgermeister sagt Grüß Gott.\n"
        .encode("latin-1"), "2: warning: file is not valid UTF-8 (byte 0xfc); read as Windows-1252", True),
    "CRLF line ends keep line numbers": Case(
        "crlf.md", b"---\r\ntitle: CRLF\r\ndate: 2024-03-05\r\nactors: 5\r\n---\r\nText.\r\n",
        "4: warning: 'actors' must be a list of texts; ignored", True),
    "lone CR line ends keep line numbers": Case(
        "cr.md", b"---\rtitle: CR\rdate: 2024-03-06\rtopics: 7\r---\rText.\r\rZweiter Absatz.\r",
        "4: warning: 'topics' must be a list of texts; ignored", True),
    "NUL bytes": Case("nul.txt", b"date 2024-03-07 Text\nmit\x00NUL\n", "2: error: file contains NUL bytes", False),
    "control characters": Case(
        "steuerzeichen.txt", b"date 2024-03-08 Text\n\x1b[31mrot\x07 und \x0cweiter.\n",
        "2: warning: 3 control character(s) removed (first: U+001B)", True),
    # --- files
    "empty file": Case("leer.txt", b"", "1: error: empty article", False),
    "whitespace only": Case("leer.md", b"  \n\t\r\n \n", "1: error: empty article", False),
    "front matter only": Case("nur-kopf.md", md("title: Nur Kopf\ndate: 2024-03-09", ""), ": error: empty article", False),
    "image dropped into articles/": Case("foto.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "1: warning: not an article source ('.jpg'); ignored", False),
    "image with a text suffix": Case("foto.txt", PNG, "3: error: file contains NUL bytes (binary file?)", False),
    "UTF-16": Case("utf16.txt", "date 2024-03-10 Text".encode("utf-16"), "1: error: file is UTF-16 encoded", False),
    "symlink to a file outside content/": Case("passwort.txt", None, "1: error: symbolic link points outside content/", False),
    "symlink to a directory outside content/": Case("extern", None, "1: error: symbolic link points outside content/", False),
    "symlink to an article inside content/": Case("verweis.txt", None, "", True),
    "broken symlink": Case("verwaist.txt", None, "1: error: cannot read file: no such file (a broken symbolic link?)", False),
    "symlink loop": Case("schleife.txt", None, "1: error: cannot read file: symbolic link loop", False),
    "named pipe": Case("pipe.txt", None, "1: error: cannot read file: it is not a regular file", False),
    "directory named like an article": Case("ordner.txt/innen.txt", b"date 2024-03-11 Innen.\n", "", True),
    # --- front matter
    "YAML syntax error": Case("yaml-kaputt.md", md('title: "offen\ndate: 2024-03-12'), "4: error: invalid YAML", False),
    "YAML python tag": Case(
        "yaml-tag.md", md("title: T\nx: !!python/object/apply:os.system [echo pwned]\ndate: 2024-03-12"),
        "3: error: YAML tag '!!python/object/apply:os.system' is not allowed", False),
    "YAML alias bomb": Case("yaml-bombe.md", BILLION_LAUGHS.encode(), "2: error: YAML anchors (&name) are not allowed", False),
    "duplicate keys": Case("doppelt.md", md("title: A\ndate: 2024-03-12\ntitle: B"), "4: error: duplicate key 'title' (first on line 2)", False),
    "date: gestern": Case("gestern.md", md("title: Gestern\ndate: gestern"), "3: error: 'date: gestern' is not a date", False),
    "actors: 5": Case("akteure-5.md", md("title: Fünf\ndate: 2024-03-13\nactors: 5"), "4: warning: 'actors' must be a list of texts", True),
    "date 0001-01-01": Case("uralt.md", md("title: Uralt\ndate: 0001-01-01"), "3: error: implausible date 0001-01-01", False),
    "date 31.2.2024": Case("februar.md", md("title: Februar\ndate: 31.2.2024"), "3: error: 'date: 31.2.2024' is not a date", False),
    "date 2024-02-30": Case("februar-iso.md", md("title: Februar\ndate: 2024-02-30"), "3: error: '2024-02-30' is not a date that exists", False),
    "header date 2024-02-30 in wire text": Case(
        "februar-kopf.txt", b"date 2024-02-30 Ein Text.\n", "1: error: the article has no date", False),
    "sign-off date 31.2.2024 (header still dates it)": Case(
        "februar-zeichen.txt", b"date 2024-02 Ein Text.\n\nSchluss. (red, APA, 31.2.2024)\n",
        "3: warning: sign-off date '31.2.2024' is not a valid date", True),
    "a '---' line inside the text": Case(
        "linie.md", md("title: Linie\ndate: 2024-03-14", "Erster Absatz.\n\n---\n\nZweiter Absatz.\n---\nDritter."), "", True),
    "a '---' line inside wire text": Case("linie-draht.txt", b"date 2024-03-14 Erster Absatz.\n\n---\n\nZweiter Absatz.\n", "", True),
    # --- names
    "title with path, colon, control characters, emoji": Case(
        "namen.md", md('title: "../../etc/passwd \\\\ a/b: c \\e[2J\\a 🚀"\ndate: 2024-03-15'), "", True),
    "500-character title": Case("lang.md", md(f"title: {LONG_TITLE}\ndate: 2024-03-15"), "", True),
    "slug with ../": Case("slug-punkte.md", md("title: S\ndate: 2024-03-15\nslug: ../../x"), "4: warning: 'slug: ../../x' is not a valid slug", True),
    "slug with a backslash and a colon": Case(
        "slug-zeichen.md", md('title: S\ndate: 2024-03-15\nslug: "a\\\\b:c"'), "4: warning: 'slug: a\\b:c' is not a valid slug", True),
    "slug with control characters": Case(
        "slug-steuer.md", md('title: S\ndate: 2024-03-15\nslug: "ab\\x07c"'), "4: warning: 'slug: ab\\x07c' is not a valid slug", True),
    "slug with an emoji": Case("slug-emoji.md", md("title: S\ndate: 2024-03-15\nslug: 🚀"), "4: warning: 'slug: 🚀' is not a valid slug", True),
    "500-character slug": Case("slug-lang.md", md(f"title: S\ndate: 2024-03-15\nslug: {'a' * 500}"), "4: warning: 'slug: aaaa", True),
    "file name with colon, backslash and emoji": Case("Grüße: a\\b 🚀.md", md("title: Datei\ndate: 2024-03-15"), "", True),
    "same slug twice (first by path keeps it)": Case("a/doppel.txt", b"date 2024-03-16 Eins.\n", "", True),
    "same slug twice (second gets -2)": Case(
        "b/doppel.txt", b"date 2024-03-16 Zwei.\n", "1: warning: slug 'doppel' is already taken by content/articles/a/doppel.txt", True),
    # --- registry references
    "unknown actor id": Case(
        "unbekannt.md", md("title: U\ndate: 2024-03-17\nactors: [gibt-es-nicht]"), "4: warning: unknown id 'gibt-es-nicht' in 'actors'", True),
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The sample archive with every case added; read once with the real pipeline."""
    root = copy_project(tmp_path_factory.mktemp("hostile-input") / "archive")
    articles = root / "content" / "articles"
    sample = sorted(p.relative_to(root).as_posix() for p in articles.rglob("*") if p.is_file() and supported(p))
    for case in CASES.values():
        if case.data is not None:
            path = articles / case.path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(case.data)
    os.symlink("/etc/passwd", articles / "passwort.txt")
    os.symlink("/etc", articles / "extern")
    os.symlink(root / sample[0], articles / "verweis.txt")
    os.symlink("gibt-es-nicht.txt", articles / "verwaist.txt")
    os.symlink("schleife.txt", articles / "schleife.txt")
    os.mkfifo(articles / "pipe.txt")
    config = Config.load(root / "mkdocs.yml")
    diags = Diagnostics()
    registry, read = collect(config, diags)
    build_archive(read, registry, diags)  # the index gives each article its own slug
    return {"root": root, "config": config, "diags": diags, "articles": {a.source_file: a for a in read},
            "sample": sample, "registry": registry}


@pytest.mark.parametrize("name", CASES)
def test_each_case_is_reported_and_built_or_skipped(hostile, name):
    case = CASES[name]
    shown = f"content/articles/{case.path}"
    reports = [str(d) for d in hostile["diags"] if d.path == shown]
    if case.report:
        assert any(r.startswith(f"{shown}:") and case.report in r for r in reports), reports
        for report in reports:
            assert REPORT_LINE.match(report) and "(hint: " in report, report
    else:
        assert reports == []
    assert (shown in hostile["articles"]) is case.built


def test_no_good_article_is_lost(hostile):
    assert set(hostile["sample"]) <= set(hostile["articles"])


def test_what_could_be_read_is_kept(hostile):
    articles = hostile["articles"]
    broken = articles["content/articles/kaputt-utf8.txt"].doc.text
    assert "Grüße aus Wien" in broken and "\ufffd" in broken, "only the broken byte is replaced"
    assert articles["content/articles/wien-1252.txt"].doc.text.startswith("Grüße aus Österreich – „so“ … 5 €.")
    assert articles["content/articles/wien-latin1.md"].title == "Grüße aus Österreich"
    assert articles["content/articles/bom.md"].title == "Mit BOM"
    assert [b.text for b in articles["content/articles/cr.md"].doc.blocks] == ["Text.", "Zweiter Absatz."]
    assert "\x1b" not in articles["content/articles/steuerzeichen.txt"].doc.text
    assert "rot und weiter." in articles["content/articles/steuerzeichen.txt"].doc.text
    assert articles["content/articles/februar-zeichen.txt"].date_precision == "month"
    assert articles["content/articles/ordner.txt/innen.txt"].doc.text == "Innen."
    assert [b.text for b in articles["content/articles/linie.md"].doc.blocks] == [
        "Erster Absatz.", "---", "Zweiter Absatz. --- Dritter."]


def test_names_never_leave_their_place(hostile):
    articles = hostile["articles"]
    assert articles["content/articles/namen.md"].title.startswith("../../etc/passwd \\ a/b: c")
    assert articles["content/articles/lang.md"].title == LONG_TITLE.strip()
    assert articles["content/articles/slug-punkte.md"].slug == "slug-punkte"
    assert articles["content/articles/slug-zeichen.md"].slug == "slug-zeichen"
    assert articles["content/articles/slug-lang.md"].slug == "slug-lang"
    assert articles["content/articles/Grüße: a\\b 🚀.md"].slug == "gruesse-a-b"
    assert articles["content/articles/verweis.txt"].slug == "verweis"
    for article in articles.values():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", article.slug) and len(article.slug) <= 160


def test_same_slug_gets_distinct_stable_slugs(hostile):
    """Both 'doppel' articles get pages, at the same addresses in every run."""
    pages = []
    for _ in range(2):
        result = generate(hostile["config"], Diagnostics())
        by_file = {a.source_file: a.slug for a in result.archive.articles}
        pages.append((by_file["content/articles/a/doppel.txt"], by_file["content/articles/b/doppel.txt"]))
    assert pages == [("doppel", "doppel-2")] * 2
    docs = hostile["config"].docs_dir
    body = (docs / "articles/2024/03/doppel.md").read_text(encoding="utf-8").split("\n---\n", 1)[1]
    assert body.split("<script", 1)[0].count("Eins.") == 1, "the one article's text, not the other's too"
    assert "Zwei." in (docs / "articles/2024/03/doppel-2.md").read_text(encoding="utf-8")


def test_generated_pages_keep_text_as_text(hostile):
    """Control characters never reach a page; a '---' paragraph is text, not a rule."""
    generate(hostile["config"], Diagnostics())
    docs = hostile["config"].docs_dir
    names = (docs / "articles/2024/03/namen.md").read_text(encoding="utf-8")
    assert "\x1b" not in names and "\x07" not in names
    assert "🚀" in names
    assert "\n\\---\n" in (docs / "articles/2024/03/linie.md").read_text(encoding="utf-8")
    for page in docs.rglob("*.md"):
        assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", page.read_text(encoding="utf-8")), page


def test_large_file_is_refused_before_it_is_read(project, capsys):
    """A 50 MB file (sparse: zeros after a header) is named with the limit; raising the
    limit makes it readable (and then its NUL bytes are the problem): the limit decides."""
    big = project / "content" / "articles" / "riesig.txt"
    with open(big, "wb") as handle:
        handle.write(b"date 2024-01-01 Anfang.\n")
        handle.truncate(50 * 1024 * 1024)
    diags = Diagnostics()
    _, articles = collect(Config.load(project / "mkdocs.yml"), diags)
    assert [str(d) for d in diags if d.path.endswith("riesig.txt")] == [
        "content/articles/riesig.txt:1: error: file is too large (50.0 MB; the limit is 10.0 MB) (hint: an article is "
        "text of a few kilobytes: check that this is the right file, split it, or raise the limit (max_file_bytes))"]
    assert articles
    diags = Diagnostics()
    collect(Config.load(project / "mkdocs.yml", max_file_bytes=60 * 1024 * 1024), diags)
    assert [d.message for d in diags if d.path.endswith("riesig.txt")] == ["file contains NUL bytes (binary file?)"]


# ---------------------------------------------------------------------------- registry


@pytest.fixture(scope="module")
def registry_project(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("hostile-registry") / "archive")
    actors = project / "content" / "actors"
    (actors / "Putin.md").write_text("---\nname: Putin Zwei\n---\n", encoding="utf-8")
    (actors / "putin.md").write_text("---\nname: Putin Eins\n---\n", encoding="utf-8")
    (actors / "putin.MD").write_text("---\nname: Putin Drei\n---\n", encoding="utf-8")
    (actors / "notizen.txt").write_text("keine Registry-Datei\n", encoding="utf-8")
    (actors / "archiv").mkdir()
    (actors / "index.md").write_text("---\nname: Index\n---\n", encoding="utf-8")
    (actors / "anna-muster.md").write_text("---\nname: Anna Muster\naliases: [Frau Muster]\n---\n", encoding="utf-8")
    (actors / "berta-muster.md").write_text("---\nname: Berta Muster\naliases: [Frau Muster]\n---\n", encoding="utf-8")
    (project / "content" / "sources" / "anna-muster.md").write_text("---\nname: Anna Muster Verlag\nkind: outlet\n---\n",
                                                                     encoding="utf-8")
    (project / "content" / "topics" / "index.md").write_text("---\nname: Index\nkeywords: [index]\n---\n", encoding="utf-8")
    (project / "content" / "pages" / "actors.md").write_text("---\ntitle: Akteure\n---\nText.\n", encoding="utf-8")
    (project / "content" / "pages" / "home.md").write_text("---\ntitle: Zuhause\n---\nText.\n", encoding="utf-8")
    os.symlink("/etc/hostname", actors / "extern.md")
    (project / "content" / "articles" / "muster.md").write_text(
        "---\ntitle: Muster\ndate: 2024-04-01\n---\nFrau Muster sagte etwas.\n", encoding="utf-8")
    return project


REGISTRY_REPORTS = [
    "content/actors/Putin.md:1: error: duplicate id: actors/Putin.md and putin.MD, putin.md name the same entry",
    "content/actors/putin.MD:1: error: duplicate id: actors/putin.MD and Putin.md, putin.md name the same entry",
    "content/actors/putin.MD:1: warning: actors/putin.MD must end in '.md' (lowercase); ignored",
    "content/actors/notizen.txt:1: warning: actors/notizen.txt is not a registry entry (.md); ignored",
    "content/actors/archiv:1: warning: actors/archiv/ is a directory; registry folders are not read recursively",
    "content/actors/index.md:1: error: 'index' cannot be an id: actors/index.md is a list of all actors",
    "content/topics/index.md:1: error: 'index' cannot be an id: topics/index.md is a list of all topics",
    "content/pages/actors.md:1: error: 'actors' cannot be a page id: /actors/ is a generated section",
    "content/pages/home.md:1: warning: pages/index.md and pages/home.md are both the home page; home.md is ignored",
    "content/sources/anna-muster.md:1: warning: id 'anna-muster' is both an actor (content/actors/anna-muster.md) and a source",
    "content/actors/anna-muster.md:1: warning: alias 'Frau Muster' is shared by anna-muster, berta-muster; it will not be linked",
    "content/actors/berta-muster.md:1: warning: alias 'Frau Muster' is shared by anna-muster, berta-muster; it will not be linked",
    "content/actors/extern.md:1: error: symbolic link points outside content/; entry left out",
]


@pytest.fixture(scope="module")
def registry_reports(registry_project):
    diags = Diagnostics()
    collect(Config.load(registry_project / "mkdocs.yml"), diags)
    return [str(d) for d in diags]


@pytest.mark.parametrize("expected", REGISTRY_REPORTS)
def test_registry_problems_are_reported(registry_reports, expected):
    assert any(r.startswith(expected) and "(hint: " in r for r in registry_reports), "\n".join(registry_reports)


def test_registry_problems_never_break_the_build(registry_project, capsys):
    """Entries that would take a generated page's place are left out; the site builds."""
    assert main(["build", "-q", "--config", str(registry_project / "mkdocs.yml")]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    docs = registry_project / "docs"
    assert "# Akteure" in (docs / "actors" / "index.md").read_text(encoding="utf-8")
    assert not (docs / "actors.md").exists() and not (docs / "home.md").exists()
    muster = (docs / "articles" / "2024" / "04" / "muster.md").read_text(encoding="utf-8")
    assert "Frau Muster" in muster and "anna-muster.md" not in muster and "berta-muster.md" not in muster
    assert "/etc/hostname" not in err and (registry_project / "site" / "index.html").is_file()


# ---------------------------------------------------------------------------- report and exit code


def test_whole_build_reports_every_problem_and_builds_every_good_article(hostile, capsys):
    """The real command on the archive with every case: one line per problem, no traceback,
    exit code 1, and a page for every sample article and every readable hostile one."""
    root = hostile["root"]
    code = main(["build", "-q", "--config", str(root / "mkdocs.yml")])
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if not line.startswith(("archive-gen: ", "mkdocs: "))]
    assert lines and all(REPORT_LINE.match(line) for line in lines), [l for l in lines if not REPORT_LINE.match(l)]
    for case in CASES.values():
        if case.report:
            assert f"content/articles/{case.path}:" in err
    built = {yaml.safe_load(page.read_text(encoding="utf-8").split("\n---\n", 1)[0][4:])["source_file"]
             for page in (root / "docs" / "articles").rglob("*.md")}
    expected = {f"content/articles/{c.path}" for c in CASES.values() if c.built}
    assert set(hostile["sample"]) | expected <= built
    assert len(list((root / "site" / "articles").rglob("index.html"))) == len(list((root / "docs" / "articles").rglob("*.md")))


def test_strict_fails_on_warnings_only(project, capsys):
    (project / "content" / "articles" / "fuenf.md").write_bytes(md("title: Fünf\ndate: 2024-03-13\nactors: 5"))
    assert main(["check", "-q", "--config", str(project / "mkdocs.yml")]) == 0
    assert main(["check", "-q", "--strict", "--config", str(project / "mkdocs.yml")]) == 1
    err = capsys.readouterr().err
    assert "content/articles/fuenf.md:4: warning: 'actors' must be a list of texts; ignored (hint: " in err


def test_report_lines_cannot_be_split_or_colour_the_terminal(project, capsys):
    """File names and YAML values are shown with escapes: one line per problem, no raw ESC."""
    articles = project / "content" / "articles"
    (articles / "zeile\nneu.md").write_bytes(md('title: T\ndate: "\\e[2J\\e[31mrot"'))
    (articles / os.fsdecode(b"kaputt\xff.md")).write_bytes(md("title: T\ndate: nie"))
    assert main(["check", "-q", "--config", str(project / "mkdocs.yml")]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err
    assert "content/articles/zeile\\nneu.md:3: error: 'date: \\x1b[2J\\x1b[31mrot' is not a date (hint: " in err
    assert "content/articles/kaputt\\xff.md:3: error: 'date: nie' is not a date (hint: " in err


# ---------------------------------------------------------------------------- permissions


def _without_read_override() -> list[str] | None:
    """A command prefix under which chmod 000 really blocks reading: nothing for a normal
    user; for root, setpriv dropping CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH (root can
    read anything otherwise); None when neither works here."""
    if os.geteuid() != 0:
        return []
    prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]
    try:
        probe = subprocess.run([*prefix, "true"], capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return prefix if probe.returncode == 0 else None


def test_unreadable_file_and_directory_are_reported(project):
    """chmod 000 on an article and on a directory of articles: both named, the rest checked."""
    prefix = _without_read_override()
    if prefix is None:
        pytest.skip("running as root and setpriv cannot drop CAP_DAC_OVERRIDE: chmod 000 does not block root")
    articles = project / "content" / "articles"
    secret = articles / "geheim.txt"
    secret.write_bytes(b"date 2024-01-01 Geheim.\n")
    private = articles / "privat"
    private.mkdir()
    (private / "drinnen.txt").write_bytes(b"date 2024-01-01 Drinnen.\n")
    total = sum(1 for p in articles.rglob("*") if p.is_file() and supported(p))
    os.chmod(secret, 0)
    os.chmod(private, 0)
    try:
        result = subprocess.run(
            [*prefix, sys.executable, "-m", "archive_gen", "check", "--config", str(project / "mkdocs.yml")],
            capture_output=True, text=True, timeout=300, cwd=project)
    finally:
        os.chmod(private, 0o755)
        os.chmod(secret, 0o644)
    assert result.returncode == 1, result.stderr
    assert ("content/articles/geheim.txt:1: error: cannot read file: permission denied "
            "(hint: make the file readable for the user running archive-gen (chmod a+r))") in result.stderr
    assert ("content/articles/privat:1: error: cannot read directory: permission denied "
            "(hint: make the directory readable") in result.stderr
    assert "Traceback" not in result.stderr
    assert f"{total - 2} articles checked" in result.stderr


# ---------------------------------------------------------------------------- needs changes elsewhere


def test_registry_refuses_a_pipe_without_opening_it(project):
    """A FIFO in actors/ would block `load_registry` forever; a writer thread feeds it here
    so that the current code returns instead of hanging."""
    import threading

    from archive_gen.registry import load_registry

    pipe = project / "content" / "actors" / "pipe.md"
    os.mkfifo(pipe)

    def feed():
        with open(pipe, "wb") as handle:
            handle.write(b"---\nname: Pipe\n---\n")

    threading.Thread(target=feed, daemon=True).start()
    diags = Diagnostics()
    load_registry(project / "content", diags, Config.load(project / "mkdocs.yml").display_path)
    assert any(d.path.endswith("pipe.md") and "not a regular file" in d.message for d in diags)


MISSING_HINTS = {
    "content/articles/titel-liste.md": md("title: [a, b]\ndate: 2024-01-01"),  # annotate: '_text'
    "content/articles/praezision.md": md("date: 2024-01-01\ndate_precision: 5"),  # annotate/dates.py
    "content/articles/quellen.md": md("title: Q\ndate: 2024-01-01\nsources: [{id: x, role: y}]"),  # annotate: sources
    "content/actors/falsch.md": "---\nname: [a]\nkind: alien\n---\n".encode(),  # registry: _Fields.text / choice
    "content/topics/falsch.md": "---\nname: T\nmin_hits: 0\n---\n".encode(),  # registry: _Fields.number
}


def test_every_report_has_a_hint(project):
    for rel, data in MISSING_HINTS.items():
        (project / rel).write_bytes(data)
    diags = Diagnostics()
    collect(Config.load(project / "mkdocs.yml"), diags)
    assert {d.path for d in diags} >= set(MISSING_HINTS)
    assert [str(d) for d in diags if not d.hint] == []


def test_size_limit_is_an_option(project, capsys):
    (project / "content" / "articles" / "gross.txt").write_bytes(b"date 2024-01-01 " + b"Wort " * 300_000)
    assert main(["check", "-q", "--config", str(project / "mkdocs.yml")]) == 0
    assert main(["check", "-q", "--max-file-size", "1", "--config", str(project / "mkdocs.yml")]) == 1
    assert "gross.txt:1: error: file is too large (1.4 MB; the limit is 1.0 MB)" in capsys.readouterr().err
