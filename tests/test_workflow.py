"""The editor's day with the real commands, in a temporary Git repository holding a copy of the
sample archive: import → review (status, exclusions, corrections) → check → build; the preview
shows what the published site leaves out."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from archive_gen import front_matter

from conftest import shared_file

SEED = "seeds/000_4d51e86498f00da2.txt"


def run(project: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "archive_gen", *args, "--config", str(project / "mkdocs.yml")],
                            capture_output=True, text=True, timeout=600, cwd=project)
    if check:
        assert result.returncode == 0, result.stderr
    return result


def git(project: Path, *args: str, date: str = "2025-03-01T12:00:00+01:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
           "GIT_AUTHOR_NAME": "Redaktion", "GIT_AUTHOR_EMAIL": "red@example.org",
           "GIT_COMMITTER_NAME": "Redaktion", "GIT_COMMITTER_EMAIL": "red@example.org"}
    subprocess.run(["git", *args], cwd=project, check=True, capture_output=True, env=env)


@pytest.fixture
def repo(project) -> Path:
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "archive")
    return project


def imported_file(project: Path) -> Path:
    found = [p for p in (project / "content" / "articles").rglob("*.md")
             if "imported_from" in p.read_text(encoding="utf-8")]
    assert len(found) == 1
    return found[0]


def meta_of(path: Path) -> dict:
    return front_matter.split(path.read_text(encoding="utf-8"), str(path)).meta


def page_of(project: Path, slug: str) -> Path:
    found = list((project / "docs" / "articles").rglob(f"{slug}.md"))
    return found[0] if found else None


def test_editors_day(repo):
    seed = shared_file(SEED)
    raw = repo / "incoming" / "putin-pjoengjang.txt"
    raw.parent.mkdir()
    raw.write_bytes(seed.read_bytes())
    # the sample archive has this story as raw wire text: importing it again is a duplicate
    result = run(repo, "import", str(raw))
    assert "duplicate" in result.stdout and not list((repo / "content" / "articles" / "2024").rglob("*.md"))
    for original in (repo / "content" / "articles").rglob("*.txt"):
        if original.read_bytes() == seed.read_bytes():
            original.unlink()
            original.with_suffix(".yml").unlink(missing_ok=True)  # its editors' metadata goes with it

    # 1. import: a curated Markdown file, waiting for review
    result = run(repo, "import", str(raw))
    target = imported_file(repo)
    assert target.relative_to(repo).as_posix().startswith("content/articles/2024/06/")
    meta = meta_of(target)
    assert meta["status"] == "review" and "kim-jong-un" in meta["actors"] and meta["date"].isoformat() == "2024-06-19"
    assert "weisses-haus" in meta["actors"]
    # re-import: nothing written, nothing lost
    before = target.read_bytes()
    again = run(repo, "import", str(raw))
    assert target.read_bytes() == before and "unchanged" in again.stdout
    slug = target.stem

    # a copy under another name is a duplicate for check too
    copy = target.with_name("kopie.md")
    copy.write_bytes(before)
    assert "duplicate: the same text" in run(repo, "check", check=False).stderr
    copy.unlink()

    # 2. review: an editor removes a wrong link, adds a correction, publishes
    text = target.read_text(encoding="utf-8")
    text = text.replace("status: review\n", "")
    text = text.replace("---\n", "---\nactors_exclude: [sowjetunion]\n"
                        "corrections:\n- {date: 2024-06-20, text: Der Name der Agentur wurde korrigiert.}\n", 1)
    target.write_text(text, encoding="utf-8")

    # draft on purpose: the published build leaves it out
    draft = repo / "content" / "articles" / "entwurf.md"
    draft.write_text("---\ntitle: Noch nicht fertig\ndate: 2024-06-21\nstatus: draft\n---\n\n"
                     "Wladimir Putin reiste ab.\n", encoding="utf-8")

    # 3. check, then commit (git dates come from this commit)
    checked = run(repo, "check", "--strict", check=False)
    assert checked.returncode == 0, checked.stderr
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Putin in Pjöngjang", date="2025-04-02T09:30:00+02:00")

    # 4. build: published only, with correction note, provenance and last-changed date
    run(repo, "build", "--strict", "-q")
    page = page_of(repo, slug).read_text(encoding="utf-8")
    assert page_of(repo, "entwurf") is None
    assert "**Korrigiert am 20\\. Juni 2024:** Der Name der Agentur wurde korrigiert.\n{ .ag-correction }" in page
    assert "updated: 2025-04-02" in page and "Zuletzt geändert: 2\\. April 2025" in page
    assert "Akteure: von der Redaktion" in page or "automatisch erkannt" in page, "who chose the links is shown"
    assert "sowjetunion" not in page.split("---", 2)[1]  # the excluded link stays out of the front matter
    assert "actors/sowjetunion.md" not in page  # …and out of the text
    putin = (repo / "docs" / "actors" / "wladimir-putin.md").read_text(encoding="utf-8")
    assert "Noch nicht fertig" not in putin  # a draft is linked from nowhere
    html = (repo / "site" / "articles" / "2024" / "06" / slug / "index.html").read_text(encoding="utf-8")
    assert "ag-correction" in html

    # 5. preview (what serve generates): drafts are there, marked
    run(repo, "generate", "--drafts", "-q")
    preview = page_of(repo, "entwurf").read_text(encoding="utf-8")
    assert "**Entwurf:** Nicht veröffentlicht" in preview and "{ .ag-unpublished }" in preview
    assert "Noch nicht fertig" in (repo / "docs" / "actors" / "wladimir-putin.md").read_text(encoding="utf-8")


def test_review_status_is_left_out_until_published(project):
    article = project / "content" / "articles" / "pruefung.md"
    article.write_text("---\ntitle: In Prüfung\ndate: 2024-06-21\nstatus: review\n---\n\nText.\n", encoding="utf-8")
    run(project, "generate", "-q")
    assert page_of(project, "pruefung") is None
    article.write_text(article.read_text(encoding="utf-8").replace("status: review", "status: published"),
                       encoding="utf-8")
    run(project, "generate", "-q")
    assert page_of(project, "pruefung") is not None


def test_no_git_no_dates(project):
    run(project, "generate", "-q")
    page = next((project / "docs" / "articles").rglob("*.md")).read_text(encoding="utf-8")
    assert "updated:" not in page and "Zuletzt geändert" not in page
