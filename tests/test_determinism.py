"""Same content → byte-identical docs/ and site/ (across processes and hash seeds); reruns
write nothing; removed sources leave no pages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from archive_gen.pipeline import generate
from archive_gen.config import Config
from archive_gen.errors import Diagnostics

from conftest import copy_project


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_processes_with_other_hash_seeds_give_identical_trees(tmp_path):
    """Set and dict order of strings changes with PYTHONHASHSEED: output must not."""
    trees = []
    for name, seed in (("one", "1"), ("two", "4242")):
        root = copy_project(tmp_path / name)
        subprocess.run([sys.executable, "-m", "archive_gen", "generate", "-q", "--config", str(root / "mkdocs.yml")],
                       check=True, env={**os.environ, "PYTHONHASHSEED": seed})
        trees.append(tree(root / "docs"))
    assert trees[0] == trees[1]
    assert len(trees[0]) > 100


def test_two_builds_in_other_processes_give_the_same_site_search_index_included(tmp_path):
    """The whole site/, Pagefind's bundle included (its filter files are rewritten sorted):
    only the sitemap carries the day of the build."""
    trees = []
    for name, seed in (("one", "7"), ("two", "977")):
        root = copy_project(tmp_path / name)
        subprocess.run([sys.executable, "-m", "archive_gen", "build", "-q", "--config", str(root / "mkdocs.yml")],
                       check=True, env={**os.environ, "PYTHONHASHSEED": seed})
        trees.append({rel: data for rel, data in tree(root / "site").items() if not rel.startswith("sitemap.xml")})
    assert any(rel.startswith("pagefind/") and "/filter/" in rel for rel in trees[0])
    differ = sorted(rel for rel in trees[0].keys() | trees[1].keys() if trees[0].get(rel) != trees[1].get(rel))
    assert differ == []


def test_rerun_writes_nothing_and_removed_source_removes_its_page(project):
    config = Config.load(project / "mkdocs.yml")
    first = generate(config, Diagnostics())
    again = generate(config, Diagnostics())
    assert (again.stats.written, again.stats.removed) == (0, 0)
    assert again.stats.unchanged == first.stats.written

    victim = next(a for a in first.archive.articles if a.actors)
    page = next(config.docs_dir.joinpath("articles").rglob(f"{victim.slug}.md"))
    (project / victim.source_file).unlink()
    third = generate(config, Diagnostics())
    assert not page.exists()
    assert third.stats.removed >= 1
    actor_page = (config.docs_dir / "actors" / f"{victim.actors[0]}.md").read_text(encoding="utf-8")
    assert f"{victim.slug}.md" not in actor_page


def test_refuses_to_clean_a_directory_it_did_not_generate(project):
    import pytest

    from archive_gen.errors import ConfigError

    foreign = project / "elsewhere"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me")
    with pytest.raises(ConfigError):
        generate(Config.load(project / "mkdocs.yml", docs_dir=foreign), Diagnostics())
    assert (foreign / "notes.txt").read_text() == "keep me"
