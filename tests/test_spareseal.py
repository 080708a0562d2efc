"""The spare tree pruned after the swap by a detached process and sealed (``output/spare.py``):
the next build uses a sealed spare without pruning it, only when the seal still holds; a
missing, foreign, truncated or contradicted seal, a killed prune and a prune still running all
give a clean build's site."""

from __future__ import annotations

import json
import subprocess
import os
import time
from pathlib import Path

import pytest

from archive_gen import pipeline
from archive_gen.output import spare as spare_module

from test_incremental import articles, assert_same_as_clean, build, built, edit, page_of, run_killed  # noqa: F401

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def wait_for_seal(root: Path, timeout: float = 120.0) -> dict:
    """The seal the detached prune writes, once it is there and the prune has let go of the spare."""
    seal = root / ".site.spare.seal"
    deadline = time.monotonic() + timeout
    while not seal.exists():
        assert time.monotonic() < deadline, "the detached prune sealed nothing"
        time.sleep(0.05)
    with spare_module.spare_lock(root / "site", timeout) as locked:
        assert locked
    return json.loads(seal.read_text(encoding="utf-8"))


@pytest.fixture
def sealed(built, monkeypatch):
    """A built project whose last build kept the replaced site/ as its spare, pruned and sealed
    by the detached process (every site counts as large here)."""
    root, scratch = built
    monkeypatch.setattr(pipeline, "BACKGROUND_DELETE", 0)
    edit(articles(root)[0], "\n---\n", "\n---\n\nEin Absatz.\n")
    build(root)
    record = wait_for_seal(root)
    return root, scratch, record


@pytest.fixture
def prunes(monkeypatch):
    """Counts the prunes run in this process (the build's own, not the detached one's)."""
    calls: list[str] = []
    original = spare_module._prune

    def counted(staging, *args, **kwargs):
        calls.append(str(staging))
        return original(staging, *args, **kwargs)
    monkeypatch.setattr(spare_module, "_prune", counted)
    return calls


def test_the_detached_prune_leaves_only_the_live_sites_pages_and_seals_them(sealed):
    root, _, record = sealed
    spare, site = root / ".site.spare", root / "site"
    assert not (spare / "pagefind").exists(), "the search bundle is removed"
    files = sorted(p.relative_to(spare).as_posix() for p in spare.rglob("*") if p.is_file())
    assert files == record["kept"] and files, "what is left is what the seal lists"
    assert all((spare / rel).stat().st_ino == (site / rel).stat().st_ino for rel in files)
    changed = page_of(root, articles(root)[0])
    assert changed not in files, "the page the last build rendered anew is not the live file"
    assert record["site"] == list(pipeline.tree_identity(site))


def test_a_build_through_a_sealed_spare_does_not_prune_and_gives_a_clean_builds_site(sealed, prunes):
    root, scratch, _ = sealed
    spare_inode = (root / ".site.spare").stat().st_ino
    edit(articles(root)[1], "\n---\n", "\n---\n\nEin anderer Absatz.\n")
    result, _ = build(root)
    assert 0 < result.rendered < 60
    assert (root / "site").stat().st_ino == spare_inode, "the build happened in the spare"
    assert prunes == [], "the sealed spare was not pruned in the build"
    assert_same_as_clean(root, scratch)
    wait_for_seal(root)  # the next spare, sealed again
    edit(articles(root)[2], "\n---\n", "\n---\n\nNoch ein Absatz.\n")
    build(root)
    assert prunes == []
    assert_same_as_clean(root, scratch)


@pytest.mark.parametrize("damage", ["another site", "truncated", "foreign file", "foreign folder", "file replaced"])
def test_a_seal_that_does_not_hold_is_not_trusted(sealed, prunes, damage):
    root, scratch, record = sealed
    spare, seal = root / ".site.spare", root / ".site.spare.seal"
    kept = sorted(rel for rel in record["kept"] if "/" in rel and rel.endswith("index.html"))
    assert len(kept) > 3
    if damage == "another site":
        other = os.stat(root / "docs")
        seal.write_text(json.dumps({**record, "site": [other.st_dev, other.st_ino, other.st_mtime_ns]}), encoding="utf-8")
    elif damage == "truncated":
        data = seal.read_bytes()
        seal.write_bytes(data[: len(data) // 2])
    elif damage == "foreign file":  # deep in the tree: only its folder's ctime tells
        (spare / kept[2]).with_name("stray.html").write_text("<p>fremd</p>", encoding="utf-8")
    elif damage == "foreign folder":
        (spare / kept[2]).parent.joinpath("stray").mkdir()
        (spare / kept[2]).parent.joinpath("stray", "index.html").write_text("<p>fremd</p>", encoding="utf-8")
    else:  # a kept page replaced by another file (another inode) at its path
        page = spare / kept[2]
        data = page.read_bytes()
        page.unlink()
        page.write_bytes(data.replace(b"</body>", b"<!-- fremd --></body>"))
    edit(articles(root)[1], "\n---\n", "\n---\n\nEin anderer Absatz.\n")
    build(root)
    assert len(prunes) == 1, "the spare was pruned in the build"
    assert_same_as_clean(root, scratch)


@pytest.fixture
def unsealed(built):
    """A project with a spare that nothing pruned yet (a small site: no detached prune)."""
    root, scratch = built
    edit(articles(root)[0], "\n---\n", "\n---\n\nEin Absatz.\n")
    build(root)
    spare = root / ".site.spare"
    assert spare.is_dir() and (spare / "pagefind").is_dir() and not (root / ".site.spare.seal").exists()
    return root, scratch, (spare.stat().st_dev, spare.stat().st_ino)


@pytest.mark.parametrize("point", ["pruning", "reading the folders", "writing the seal", "after sealing"])
def test_a_killed_prune_never_leaves_a_trusted_seal_of_a_tree_it_did_not_finish(unsealed, prunes, point):
    root, scratch, identity = unsealed
    site = root / "site"
    hooks = {"pruning": ((spare_module, "_same_inode"), 3), "reading the folders": ((spare_module, "_relative"), 2),
             "writing the seal": ((os, "replace"), 1), "after sealing": (None, 0)}
    hook, after_calls = hooks[point]
    run_killed(hook, after_calls, lambda: spare_module.seal_spare(site, identity))
    assert (root / ".site.spare.seal").exists() == (point == "after sealing")
    edit(articles(root)[1], "\n---\n", "\n---\n\nEin anderer Absatz.\n")
    build(root)
    assert len(prunes) == (0 if point == "after sealing" else 1), "only a finished prune is trusted"
    assert_same_as_clean(root, scratch)


def test_a_build_started_while_the_prune_runs_never_takes_the_spare(unsealed, prunes, monkeypatch):
    """The detached prune holds the spare's lock while it changes it: a build that starts then
    (an editor saving twice) builds into a fresh tree, leaves the spare alone (neither renamed nor
    replaced), and the prune, finding the live site changed under it, seals nothing."""
    root, scratch, identity = unsealed
    site, spare = root / "site", root / ".site.spare"
    monkeypatch.setattr(spare_module, "SPARE_WAIT", 0.2)
    blocked, release = os.pipe(), os.pipe()
    pid = os.fork()
    if pid == 0:  # the prune, blocked after its third page
        try:
            calls, original = [0], spare_module._same_inode

            def slow(*args):
                calls[0] += 1
                if calls[0] == 3:
                    os.write(blocked[1], b"x")
                    os.read(release[0], 1)
                return original(*args)
            spare_module._same_inode = slow
            os._exit(0 if spare_module.seal_spare(site, identity) else 1)
        finally:
            os._exit(3)
    try:
        assert os.read(blocked[0], 1) == b"x"
        edit(articles(root)[1], "\n---\n", "\n---\n\nEin anderer Absatz.\n")
        result, _ = build(root)
        assert 0 < result.rendered < 60
        assert (spare.stat().st_dev, spare.stat().st_ino) == identity, "the spare was neither taken nor replaced"
        assert site.stat().st_ino != identity[1]
        assert prunes == []
    finally:
        os.write(release[1], b"x")
        _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 1, "the prune sealed nothing: site/ changed under it"
    assert not (root / ".site.spare.seal").exists()
    assert_same_as_clean(root, scratch)
    edit(articles(root)[2], "\n---\n", "\n---\n\nNoch ein Absatz.\n")
    build(root)  # the unsealed spare (two sites old) is pruned in the build
    assert len(prunes) == 1
    assert_same_as_clean(root, scratch)


def test_what_a_build_leaves_beside_site_is_ignored_by_git(sealed):
    """Editors commit content/ with ``git add -A``: the spare tree, its seal and lock (and a
    killed build's leftovers, named alike) must never show up as files to commit."""
    root, _, _ = sealed
    (root / ".docs.staging-0123abcd").mkdir()  # what a build killed while staging docs/ leaves
    (root / ".gitignore").write_bytes((Path(__file__).parents[1] / ".gitignore").read_bytes())
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    hidden = sorted(p.name for p in root.iterdir() if p.name.startswith((".site", ".docs")))
    assert ".site.spare" in hidden and ".site.spare.seal" in hidden
    listed = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--untracked-files=all"],
                            check=True, capture_output=True, text=True).stdout.splitlines()
    assert [line for line in listed if line[3:].startswith((".site", ".docs", "site/", "docs/"))] == []
