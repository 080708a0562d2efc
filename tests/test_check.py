"""`archive-gen check` on a copy of the sample archive, run as CI runs it: all problems at once,
`path:line: severity: message (hint)`, exit 0 / 1 / 2, and GitHub annotations."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path


def check(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "archive_gen", "check", "--config", str(project / "mkdocs.yml"), *args],
                          capture_output=True, text=True, timeout=300)


def test_sample_archive_is_clean(project):
    result = check(project, "--strict")
    assert result.returncode == 0, result.stderr
    assert "0 error(s), 0 warning(s)" in result.stderr


def test_all_problems_at_once_with_file_line_and_hint(project):
    articles = project / "content" / "articles"
    original = sorted(articles.rglob("*.md"))[0]
    shutil.copy(original, articles / "copy-of-an-article.md")  # a duplicate
    (articles / "bad.md").write_text("---\ntitle: Kaputt\ndate: gestern\n---\n\nText.\n", encoding="utf-8")
    (articles / "typo.md").write_text("---\ntitle: Tippfehler\ndate: 2020-01-01\nactors: [wladimir-putn]\n---\n\n"
                                      "Ein Text über nichts.\n", encoding="utf-8")
    (project / "content" / "pages" / "links.md").write_text(
        "---\ntitle: Links\n---\n\nZu den [Akteuren](actors/index.md), zu [nichts](akteure/index.md).\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in (project / "content").rglob("*") if p.is_file()}

    result = check(project)
    assert result.returncode == 1
    err = result.stderr
    assert "content/articles/bad.md:3: error:" in err and "gestern" in err
    assert "content/articles/typo.md:4: warning: unknown id 'wladimir-putn' in 'actors' (hint: did you mean 'wladimir-putin'?)" in err
    copy, first = "content/articles/copy-of-an-article.md", original.relative_to(project).as_posix()
    assert (f"{copy}:1: warning: duplicate: the same text as {first}" in err
            or f"{first}:1: warning: duplicate: the same text as {copy}" in err)
    assert "content/pages/links.md:5: error: broken link 'akteure/index.md'" in err and "did you mean 'actors/index.md'?" in err
    assert "actors/index.md'" not in err.split("broken link")[0]  # the good link is not reported
    # check writes nothing
    assert not (project / "docs").exists() and not (project / "site").exists()
    assert {p: p.read_bytes() for p in (project / "content").rglob("*") if p.is_file()} == before


def test_warnings_fail_only_under_strict(project):
    (project / "content" / "articles" / "typo.md").write_text(
        "---\ntitle: T\ndate: 2020-01-01\nactors: [nobody-at-all]\n---\n\nText.\n", encoding="utf-8")
    assert check(project).returncode == 0
    assert check(project, "--strict").returncode == 1


def test_github_annotations(project):
    (project / "content" / "articles" / "typo.md").write_text(
        "---\ntitle: T\ndate: 2020-01-01\nactors: [wladimir-putn]\n---\n\nText.\n", encoding="utf-8")
    result = check(project, "--format", "github")
    assert result.returncode == 0
    assert ("::warning file=content/articles/typo.md,line=4,title=archive-gen::unknown id 'wladimir-putn' in "
            "'actors' (did you mean 'wladimir-putin'?)") in result.stdout.splitlines()


def test_usage_errors_exit_2(project, tmp_path):
    assert check(project, "--format", "xml").returncode == 2
    missing = subprocess.run([sys.executable, "-m", "archive_gen", "check", "--config", str(tmp_path / "nope.yml")],
                             capture_output=True, text=True, timeout=60)
    assert missing.returncode == 2 and "nope.yml" in missing.stderr


def test_machine_headlines_that_an_editor_should_write_are_noted_not_failed(project):
    """A wire text without a title whose first sentence is too long for a headline: check notes
    it (the editor should write one) and still passes under --strict; its sidecar title ends it."""
    wire = project / "content" / "articles" / "lang.txt"
    wire.write_text("date 2024-05-02 " + "Die Regierung, die seit Jahren über das Vorhaben beraten hatte und "
                    "dabei von vielen Seiten kritisiert worden war, hat am Donnerstag nach langen Verhandlungen "
                    "mit den Ländern, den Gemeinden und den Sozialpartnern ein umfangreiches Gesetz beschlossen, "
                    "das im Herbst in Kraft treten soll. Mehr folgt.\n", encoding="utf-8")
    result = check(project, "--strict")
    assert result.returncode == 0, result.stderr
    assert "content/articles/lang.txt:1: note: the headline was taken from the text" in result.stderr
    wire.with_suffix(".yml").write_text("title: Regierung beschließt Gesetz\n", encoding="utf-8")
    assert "note:" not in check(project, "--strict").stderr
