"""Last-changed dates from a real Git repository, built commit by commit with fixed dates."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from archive_gen.ingest import gitdates
from archive_gen.ingest.gitdates import last_changed

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

UTC = dt.timezone.utc


@pytest.fixture(autouse=True)
def _no_user_config(monkeypatch, tmp_path):
    """The developer's ~/.gitconfig (signing, hooks, default branch) must not change the history."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-global-gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")


def git(repo: Path, *args: str, when: str | None = None) -> str:
    env = dict(os.environ)
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, env=env).stdout


def new_repo(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "-q", "-b", "main")
    git(path, "config", "user.name", "Redaktion")
    git(path, "config", "user.email", "redaktion@example.org")
    git(path, "config", "commit.gpgsign", "false")
    return path


def write(repo: Path, rel: str, text: str) -> Path:
    path = repo / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def move(repo: Path, old: str, new: str) -> None:
    (repo / new).parent.mkdir(parents=True, exist_ok=True)
    git(repo, "mv", old, new)


def commit(repo: Path, when: str, message: str = "edit") -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, when=when)


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def test_newest_change_per_file_with_spaces_unicode_and_offsets(tmp_path):
    repo = new_repo(tmp_path / "archive")
    a = write(repo, "content/articles/a.md", "a1")
    odd = write(repo, "content/articles/2024/06/Grüße aus Wien.md", "g1")
    b = write(repo, "content/actors/b.md", "b1")
    commit(repo, "2024-01-01T10:00:00+01:00")
    write(repo, "content/articles/a.md", "a2")
    commit(repo, "2024-03-05T12:30:00+02:00")
    write(repo, "content/articles/2024/06/Grüße aus Wien.md", "g2")
    commit(repo, "2024-02-01T08:00:00+00:00")
    untracked = write(repo, "content/articles/new.md", "not committed yet")
    b.write_text("b2 (uncommitted edit)", encoding="utf-8")

    dates = last_changed(repo, [a, odd, b, untracked, Path("content/articles/a.md"), tmp_path / "elsewhere.md"])

    assert dates[a] == at("2024-03-05T12:30:00+02:00")
    assert dates[a].utcoffset() == dt.timedelta(hours=2), "the commit's own offset is kept"
    assert dates[odd] == at("2024-02-01T08:00:00+00:00")
    assert dates[b] == at("2024-01-01T10:00:00+01:00"), "uncommitted edits do not count"
    assert dates[Path("content/articles/a.md")] == dates[a], "relative paths work, keyed as given"
    assert untracked not in dates and tmp_path / "elsewhere.md" not in dates
    assert set(dates) == {a, odd, b, Path("content/articles/a.md")}


def test_a_pure_rename_is_no_change_but_an_edit_while_renaming_is(tmp_path):
    repo = new_repo(tmp_path / "archive")
    write(repo, "content/articles/moved.md", "unchanged text\n" * 20)
    write(repo, "content/articles/edited.md", "first version\n" * 20)
    commit(repo, "2024-01-01T00:00:00+00:00")
    move(repo, "content/articles/moved.md", "content/articles/2024/01/moved.md")
    move(repo, "content/articles/edited.md", "content/articles/2024/01/edited.md")
    write(repo, "content/articles/2024/01/edited.md", "first version\n" * 19 + "corrected line\n")
    commit(repo, "2024-05-01T00:00:00+00:00", "reorganise folders")
    move(repo, "content/articles/2024/01/moved.md", "content/articles/archive/moved.md")
    commit(repo, "2024-06-01T00:00:00+00:00", "move again")

    moved, edited = repo / "content/articles/archive/moved.md", repo / "content/articles/2024/01/edited.md"
    dates = last_changed(repo, [moved, edited])
    assert dates[moved] == at("2024-01-01T00:00:00+00:00"), "two moves keep the date of the last edit"
    assert dates[edited] == at("2024-05-01T00:00:00+00:00")


def test_a_recreated_path_does_not_inherit_the_deleted_files_history(tmp_path):
    repo = new_repo(tmp_path / "archive")
    write(repo, "content/articles/x.md", "old article\n" * 10)
    commit(repo, "2023-01-01T00:00:00+00:00")
    move(repo, "content/articles/x.md", "content/articles/y.md")
    commit(repo, "2023-02-01T00:00:00+00:00")
    git(repo, "rm", "-q", "content/articles/y.md")
    commit(repo, "2023-03-01T00:00:00+00:00")
    write(repo, "content/articles/y.md", "a different article\n")
    commit(repo, "2024-04-01T00:00:00+00:00")

    dates = last_changed(repo, [repo / "content/articles/y.md", repo / "content/articles/x.md"])
    assert dates == {repo / "content/articles/y.md": at("2024-04-01T00:00:00+00:00")}


def test_no_repository_no_commits_no_git_give_nothing_and_no_error(tmp_path, monkeypatch, capfd):
    plain = tmp_path / "plain"
    write(plain, "content/a.md", "x")
    assert last_changed(plain, [plain / "content/a.md"]) == {}
    empty = new_repo(tmp_path / "empty")
    write(empty, "a.md", "x")
    assert last_changed(empty, [empty / "a.md"]) == {}
    assert last_changed(tmp_path / "missing", [tmp_path / "missing/a.md"]) == {}
    monkeypatch.setenv("PATH", str(tmp_path / "no-bin"))
    assert last_changed(plain, [plain / "content/a.md"]) == {}
    out, err = capfd.readouterr()
    assert out == "" and err == "", "git's complaints are not passed on"


def test_shallow_clone_boundary_dates_nothing(tmp_path):
    """In a shallow clone the boundary commit lists every file as new: those dates would be lies."""
    origin = new_repo(tmp_path / "origin")
    write(origin, "old.md", "o")
    write(origin, "touched.md", "t1")
    commit(origin, "2020-01-01T00:00:00+00:00")
    write(origin, "boundary.md", "b")
    commit(origin, "2021-01-01T00:00:00+00:00")
    write(origin, "touched.md", "t2")
    commit(origin, "2022-01-01T00:00:00+00:00")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{origin}", str(clone)], check=True,
                   capture_output=True)
    assert (clone / ".git" / "shallow").is_file()

    dates = last_changed(clone, [clone / "old.md", clone / "touched.md", clone / "boundary.md"])
    assert dates == {clone / "touched.md": at("2022-01-01T00:00:00+00:00")}
    full = last_changed(origin, [origin / "old.md", origin / "touched.md", origin / "boundary.md"])
    assert len(full) == 3, "with the whole history every file has its date"


def test_root_may_be_a_folder_inside_the_repository(tmp_path):
    repo = new_repo(tmp_path / "monorepo")
    inside = write(repo, "site/content/a.md", "a")
    write(repo, "tools/other.md", "o")
    commit(repo, "2024-01-02T00:00:00+00:00")
    dates = last_changed(repo / "site", [inside, Path("content/a.md"), repo / "tools/other.md"])
    assert dates == {inside: at("2024-01-02T00:00:00+00:00"), Path("content/a.md"): at("2024-01-02T00:00:00+00:00")}


def test_one_git_process_for_200_files(tmp_path, monkeypatch):
    repo = new_repo(tmp_path / "archive")
    files = [write(repo, f"content/articles/{i // 50}/a{i:03d}.md", str(i)) for i in range(200)]
    commit(repo, "2024-01-01T00:00:00+00:00")
    for i in range(0, 200, 3):
        files[i].write_text(f"{i} edited", encoding="utf-8")
    commit(repo, "2024-02-01T00:00:00+00:00")

    started = []
    real_popen = subprocess.Popen

    class CountingPopen(real_popen):  # type: ignore[misc, valid-type]
        def __init__(self, args, *rest, **kwargs):
            started.append(list(args))
            super().__init__(args, *rest, **kwargs)

    monkeypatch.setattr(subprocess, "Popen", CountingPopen)
    dates = last_changed(repo, files)
    monkeypatch.undo()

    assert len(started) == 1 and started[0] == gitdates.git_log_command(repo)
    assert len(dates) == 200
    assert all(dates[f] == at("2024-02-01T00:00:00+00:00" if i % 3 == 0 else "2024-01-01T00:00:00+00:00")
               for i, f in enumerate(files))
