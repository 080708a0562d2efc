"""The standby annotator: a +1 build's changed articles are annotated by a child forked at the
start of the annotation check (it builds the Annotator on the second core), with the result,
the diagnostics and the fallbacks of annotating them in the build's own process."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from archive_gen import forking, parallel
from archive_gen.config import Config
from archive_gen.errors import Diagnostics
from archive_gen.pipeline import build_site

from conftest import copy_project
from test_incremental import add_article, articles, assert_same_as_clean, edit, tree

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def build(root: Path, jobs: int = 2) -> list[str]:
    """A build with two jobs (the standby's case); what it reported, as path:line: message."""
    diags = Diagnostics()
    build_site(Config.load(root / "mkdocs.yml", quiet=True), diags, jobs=jobs)
    return sorted(str(d) for d in diags)


@pytest.fixture
def counted(monkeypatch):
    """The Annotators built in this (the build's) process; a forked child's are not seen here."""
    made: list[int] = []

    class Counted(parallel.Annotator):
        def __init__(self, *args, **kwargs):
            made.append(os.getpid())
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(parallel, "Annotator", Counted)
    monkeypatch.setattr(forking, "other_threads", lambda: False)  # the test runner's own threads
    return made


@pytest.fixture
def built(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = copy_project(tmp_path / "archive")
    (tmp_path / "scratch").mkdir()
    build(root, jobs=1)
    return root, tmp_path / "scratch"


def test_changed_articles_are_annotated_beside_the_build_and_equal_a_clean_build(built, counted):
    root, scratch = built
    added = add_article(root)
    build(root)
    assert counted == [], "the new article was annotated by the standby child, not here"
    assert_same_as_clean(root, scratch)

    edit(articles(root)[1], "\n---\n", "\n---\n\nEin neuer Absatz am Anfang.\n")
    counted.clear()  # the clean build's, in this process
    build(root)
    assert counted == []
    assert_same_as_clean(root, scratch)

    added.unlink()
    counted.clear()
    build(root)  # nothing to annotate: the standby is stopped unused
    assert counted == []
    assert_same_as_clean(root, scratch)

    actors = root / "content" / "actors"
    (actors / "zz-testperson.md").write_text("---\nname: Ban Ki-moon Testperson\nkind: person\n---\nNeu.\n",
                                             encoding="utf-8")  # every article annotated again
    build(root)
    assert_same_as_clean(root, scratch)


BAD = "---\ntitle: Kaputt\ndate: 2024-01-02\nactors: [unclosed\n---\nText.\n"
ODD = "---\ntitle: Zukunft\ndate: 2099-01-02\n---\nEin Text aus der Zukunft von Angela Merkel.\n"


def test_a_bad_article_in_the_changed_set_is_reported_as_in_one_process(built, counted, tmp_path):
    root, scratch = built
    alone = tmp_path / "alone"
    shutil.copytree(root, alone, symlinks=True)
    for project in (root, alone):
        folder = articles(project)[0].parent
        (folder / "zz-kaputt.md").write_text(BAD, encoding="utf-8")
        (folder / "zz-zukunft.md").write_text(ODD, encoding="utf-8")
    said = build(root)
    assert counted == []
    assert any("zz-kaputt.md:" in line and ": error: " in line for line in said), said
    assert any("zz-zukunft.md:" in line for line in said), said
    assert said == build(alone, jobs=1)  # in this process: the same path:line reports
    assert len(counted) == 1
    assert tree(root / "site") == tree(alone / "site")


def test_a_standby_that_dies_costs_only_speed(built, counted, monkeypatch):
    root, scratch = built
    parent = os.getpid()
    real = parallel.Annotator

    class Dying(real):
        def __init__(self, *args, **kwargs):
            if os.getpid() != parent:
                os._exit(3)  # the child, killed while it builds its indexes
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(parallel, "Annotator", Dying)
    first = add_article(root)
    (first.parent / "zz-kaputt.md").write_text(BAD, encoding="utf-8")
    said = build(root)
    assert any("zz-kaputt.md:" in line and ": error: " in line for line in said), said
    assert_same_as_clean(root, scratch)


def test_without_fork_the_changed_articles_are_annotated_here(built, counted, monkeypatch):
    root, scratch = built
    monkeypatch.delattr(os, "fork")
    add_article(root)
    build(root)
    assert len(counted) == 1
    assert_same_as_clean(root, scratch)


def test_standby_prepares_in_a_child_and_falls_back_to_this_process(monkeypatch):
    monkeypatch.setattr(forking, "other_threads", lambda: False)
    parent = os.getpid()
    standby = forking.Standby(lambda: os.getpid(), lambda ready, request: (ready != parent, request * 2))
    assert standby.ask(21) == (True, 42)
    assert standby.pid == 0, "the child has ended"

    def broken(ready, request):
        if os.getpid() != parent:
            raise MemoryError("the child's")
        return request + 1
    assert forking.Standby(lambda: None, broken).ask(1) == 2  # served here after the child failed
    with pytest.raises(ValueError):  # an error of the call itself comes out here, as without a child
        forking.Standby(lambda: None, lambda ready, request: int(request)).ask("x")
    unused = forking.Standby(lambda: None, lambda ready, request: request)
    unused.cancel()
    assert unused.pid == 0
