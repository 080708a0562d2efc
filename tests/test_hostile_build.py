"""A failed or interrupted build leaves the previous docs/ and site/ as they were: docs/ is
staged beside the old one and swapped in, MkDocs renders into a staging directory that
replaces site/ only after success. Real builds of the sample archive; the failures are real
too (a --strict warning, a broken theme template, a killed process)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from archive_gen.pipeline import build_site, generate
from archive_gen.cli import main
from archive_gen.config import Config
from archive_gen.errors import ConfigError, Diagnostics, GenerateError, RenderError
from archive_gen.output import MARKER, stage_tree, tree_lock


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if ".staging-" in p.name or ".old-" in p.name)


def build(project: Path, *extra: str) -> int:
    return main(["build", "-q", "--config", str(project / "mkdocs.yml"), *extra])


def break_theme(project: Path) -> None:
    """A theme override with a template syntax error: MkDocs fails while rendering."""
    main_html = project / "overrides" / "main.html"
    main_html.write_text(main_html.read_text(encoding="utf-8") + "\n{% if %}\n", encoding="utf-8")


def add_article(project: Path, name: str = "neu.md", meta: str = "") -> None:
    (project / "content" / "articles" / name).write_text(
        f"---\ntitle: Neu\ndate: 2024-05-01\n{meta}---\nEin neuer Artikel.\n", encoding="utf-8")


@pytest.fixture
def built(project):
    assert build(project) == 0
    return project, snapshot(project / "docs"), snapshot(project / "site")


def test_strict_failure_leaves_docs_and_site_untouched(built, capsys):
    project, docs, site = built
    add_article(project, meta="actors: 5\n")  # a warning: fails under --strict
    assert build(project, "--strict") == 1
    assert "neu.md:4: warning:" in capsys.readouterr().err
    assert snapshot(project / "docs") == docs
    assert snapshot(project / "site") == site
    assert leftovers(project) == []
    assert main(["generate", "-q", "--strict", "--config", str(project / "mkdocs.yml")]) == 1
    assert snapshot(project / "docs") == docs


def test_render_failure_leaves_site_untouched(built, capsys):
    project, _, site = built
    break_theme(project)
    assert build(project) == 1
    err = capsys.readouterr().err
    assert "archive-gen: MkDocs failed: TemplateSyntaxError" in err and "site/ was left as it was" in err
    assert "Traceback" not in err
    assert snapshot(project / "site") == site
    assert leftovers(project) == []


def test_build_site_replaces_docs_and_site_together_or_not_at_all(built):
    """build_site: a render failure keeps the old docs/ too; after a fix both are new."""
    project, docs, site = built
    add_article(project)
    break_theme(project)
    config = Config.load(project / "mkdocs.yml")
    with pytest.raises(RenderError):
        build_site(config, Diagnostics())
    assert snapshot(project / "docs") == docs
    assert snapshot(project / "site") == site
    assert leftovers(project) == []
    (project / "overrides" / "main.html").write_text(
        (project / "overrides" / "main.html").read_text(encoding="utf-8").replace("\n{% if %}\n", ""), encoding="utf-8")
    result = build_site(config, Diagnostics())
    assert result.committed
    assert (project / "docs" / "articles" / "2024" / "05" / "neu.md").is_file()
    assert (project / "site" / "articles" / "2024" / "05" / "neu" / "index.html").is_file()


def test_cli_render_failure_leaves_docs_untouched(built):
    project, docs, _ = built
    add_article(project)
    break_theme(project)
    assert build(project) == 1
    assert snapshot(project / "docs") == docs


def test_interrupted_generation_leaves_no_half_written_file(built):
    """Ctrl-C (or a bug) while pages are written: docs/ unchanged, no staging left."""
    project, docs, _ = built
    pages = sorted(snapshot(project / "docs").items())

    def interrupted():
        for number, (rel, data) in enumerate(pages):
            if rel == MARKER:
                continue
            if number == len(pages) // 2:
                raise KeyboardInterrupt
            yield rel, data.decode("utf-8") + "geändert\n"

    with pytest.raises(KeyboardInterrupt):
        stage_tree(interrupted(), project / "docs")
    assert snapshot(project / "docs") == docs
    assert leftovers(project) == []
    with pytest.raises(GenerateError, match="two pages for index.md"):
        stage_tree([("index.md", "a"), ("index.md", "b")], project / "docs")
    with pytest.raises(GenerateError, match="leaves docs/"):
        stage_tree([("../mkdocs.yml", "a")], project / "docs")
    assert snapshot(project / "docs") == docs
    assert leftovers(project) == []


def test_killed_process_leaves_a_whole_tree(project):
    """SIGKILL at any moment of `generate`: docs/ is the old tree or the new one, whole;
    the next run removes what the dead one left beside it."""
    assert main(["generate", "-q", "--config", str(project / "mkdocs.yml")]) == 0
    old = snapshot(project / "docs")
    add_article(project)
    command = [sys.executable, "-m", "archive_gen", "generate", "-q", "--config", str(project / "mkdocs.yml")]
    seen = []
    for delay in (0.6, 1.2):
        process = subprocess.Popen(command, cwd=project, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        seen.append(snapshot(project / "docs") if (project / "docs").exists() else {})
    assert main(["generate", "-q", "--config", str(project / "mkdocs.yml")]) == 0
    assert leftovers(project) == []
    new = snapshot(project / "docs")
    assert new != old
    for delay, tree in zip((0.6, 1.2), seen):
        assert tree in (old, new, {}), f"killed after {delay} s: a mixed docs/ tree"
    assert "articles/2024/05/neu.md" in snapshot(project / "docs")


def test_unchanged_pages_keep_their_file(built):
    """Only changed bytes are written: an unchanged page keeps its inode and mtime, so the
    live preview finds nothing to rebuild."""
    project, _, _ = built
    docs = project / "docs"
    before = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in docs.rglob("*") if p.is_file() and p.name != ".archive-gen"}
    add_article(project)
    result = generate(Config.load(project / "mkdocs.yml"), Diagnostics())
    assert result.stats.written >= 1 and result.stats.removed == 0
    after = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in docs.rglob("*") if p.is_file() and p.name != ".archive-gen"}
    same = [p for p in before if after.get(p) == before[p]]
    assert len(same) == result.stats.unchanged > 0.9 * len(before)
    assert len(after) == result.stats.unchanged + result.stats.written
    assert oct(docs.stat().st_mode & 0o777) == oct(0o777 & ~_umask())


def test_site_keeps_hidden_entries_and_permissions(built):
    """site/.git (a deployment checkout) survives a rebuild, as it does with plain MkDocs."""
    project, _, _ = built
    git = project / "site" / ".git"
    git.mkdir()
    (git / "HEAD").write_text("ref: refs/heads/gh-pages\n")
    add_article(project)
    assert build(project) == 0
    assert (git / "HEAD").read_text() == "ref: refs/heads/gh-pages\n"
    assert (project / "site" / "articles" / "2024" / "05" / "neu" / "index.html").is_file()
    assert oct((project / "site").stat().st_mode & 0o777) == oct(0o777 & ~_umask())


def test_leftovers_of_crashed_runs_are_removed_by_the_next_run(project):
    stale = project / ".docs.staging-abcdefgh"
    old = project / ".docs.old-0123456789ab"
    foreign = project / ".docs.staging-notes"  # not a name archive-gen gives
    for path in (stale, old, foreign):
        path.mkdir()
    (old / "articles").mkdir()
    (old / "articles" / "a.md").write_text("alt", encoding="utf-8")
    with tree_lock(project / "docs"):
        pass
    assert not stale.exists() and not old.exists() and foreign.exists()
    for _ in range(200):  # moved aside at once, deleted by a detached process
        if not any(".docs.trash-" in p.name for p in project.iterdir()):
            break
        time.sleep(0.05)
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".docs.")) == [".docs.lock", ".docs.staging-notes"]


def test_a_second_run_waits_for_the_first_and_leaves_its_trees_alone(project):
    """While one run holds the tree's lock, another neither deletes its staging tree nor swaps."""
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from pathlib import Path; from archive_gen.output import tree_lock\n"
        f"with tree_lock(Path({str(project / 'docs')!r})):\n"
        f"    Path({str(project / '.docs.staging-livelive')!r}).mkdir(); print('locked', flush=True); time.sleep(30)\n")],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(ConfigError, match="another archive-gen run"):
            with tree_lock(project / "docs", timeout=0.5):
                pass
        assert (project / ".docs.staging-livelive").is_dir(), "a running build's staging tree is not touched"
    finally:
        holder.kill()
        holder.wait()


def test_refuses_to_replace_what_it_did_not_make(project):
    (project / "docs").write_text("a file, not a directory")
    with pytest.raises(ConfigError, match="not a directory"):
        generate(Config.load(project / "mkdocs.yml"), Diagnostics())
    assert (project / "docs").read_text() == "a file, not a directory"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
