"""Racily clean stats (Git's term): a recorded (size, mtime, inode) is trusted only for a file
modified before the file system's clock when it was recorded. A file changed again within the
same timestamp tick, in place and to the same size, keeps its stat; these tests make that
change by restoring the old mtime after an in-place edit, and a build must still see it."""

from __future__ import annotations

import os
import time
from pathlib import Path

from archive_gen.config import Config
from archive_gen.errors import Diagnostics
from archive_gen.incremental import input_fingerprint
from archive_gen.output import stage_tree
from archive_gen.pipeline import collect

from conftest import copy_project

FUTURE = 3600 * 10**9  # an mtime this far ahead is "at or after the clock": a racily clean file


def same_tick_edit(path: Path, old: str, new: str) -> None:
    """Rewrite ``path`` in place (same inode, same size) and give it back its mtime."""
    info = path.stat()
    text = path.read_text(encoding="utf-8")
    assert len(old.encode()) == len(new.encode()) and old in text
    with open(path, "r+b") as out:
        out.write(text.replace(old, new, 1).encode("utf-8"))
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (info.st_size, info.st_mtime_ns, info.st_ino)


def titles(config: Config) -> set[str]:
    return {article.title for article in collect(config, Diagnostics(), jobs=1)[1]}


def title_line(path: Path) -> str:
    return next(line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("title: "))


def test_a_racily_clean_article_is_read_again_and_a_settled_one_is_trusted(tmp_path):
    root = copy_project(tmp_path / "archive")
    config = Config.load(root / "mkdocs.yml", quiet=True)
    racy, settled = sorted((root / "content" / "articles" / "wikinews").rglob("*.md"))[:2]
    now = time.time_ns()
    os.utime(racy, ns=(now, now + FUTURE))
    os.utime(settled, ns=(now, now - FUTURE))
    titles(config)
    racy_title, settled_title = (title_line(path)[7:].strip("'\"") for path in (racy, settled))
    same_tick_edit(racy, racy_title, racy_title.swapcase())
    same_tick_edit(settled, settled_title, settled_title.swapcase())
    seen = titles(config)
    assert racy_title.swapcase() in seen and racy_title not in seen, "a racily clean stat must not be trusted"
    # the control: a stat recorded long after the file's mtime is trusted (that is the speed-up),
    # so an edit that kept it is not seen; the racy rule above is what catches the same edit
    assert settled_title in seen


def test_the_nothing_changed_fingerprint_of_a_racily_clean_input_matches_no_later_run(tmp_path):
    root = copy_project(tmp_path / "archive")
    config = Config.load(root / "mkdocs.yml", quiet=True)
    assert input_fingerprint(config) == input_fingerprint(config), "settled inputs: the same fingerprint"
    article = sorted((root / "content" / "articles" / "wikinews").rglob("*.md"))[0]
    now = time.time_ns()
    os.utime(article, ns=(now, now + FUTURE))
    assert input_fingerprint(config) != input_fingerprint(config)


def test_staging_records_no_racily_clean_page(tmp_path):
    """A docs/ page whose mtime is at or after the clock is read and compared next time."""
    docs = tmp_path / "docs"
    pages = [("a.md", "eins\n"), ("b/c.md", "zwei\n")]
    first = stage_tree(pages, docs)
    first.commit()
    now = time.time_ns()
    os.utime(docs / "a.md", ns=(now, now + FUTURE))
    second = stage_tree(pages, docs, known=first.record)  # a.md: same bytes, linked, now racy
    second.commit()
    assert "a.md" not in second.record
    same_tick_edit(docs / "a.md", "eins", "EINS")
    third = stage_tree(pages, docs, known=second.record)
    assert (third.staging / "a.md").read_text(encoding="utf-8") == "eins\n", "the edit behind the record is undone"
    assert third.stats.written == 1
    third.discard()
