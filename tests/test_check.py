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
