"""Passage notes through ``archive-gen import`` (issue 15): a raw wire file's sidecar notes land
in the imported Markdown's front matter, anchored in the imported text (quoted anew where the
quote as written no longer finds its passage there); a note that anchors nowhere is carried
over as written and reported with its line; re-import stays idempotent."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from archive_gen import front_matter
from archive_gen.annotate import Annotator
from archive_gen.annotate.notes import NormalText, find, reanchor
from archive_gen.config import Config
from archive_gen.errors import Diagnostics
from archive_gen.ingest import read_source
from archive_gen.registry import load_registry
from archive_gen.tools.importer import import_sources

from conftest import seed_article_path


def _incoming(project: Path) -> tuple[Path, Path]:
    """The seed (raw text and sidecar) moved out of content/ into incoming/, to be imported."""
    seed = seed_article_path(project)
    folder = project / "incoming"
    folder.mkdir()
    moved = [Path(shutil.move(str(p), folder / p.name)) for p in (seed, seed.with_suffix(".yml"))]
    return moved[0], moved[1]


def _import(project: Path, *paths: Path):
    config = Config.load(project / "mkdocs.yml")
    diags = Diagnostics()
    return import_sources(list(paths), config, diags), diags, config


def _front(path: Path) -> dict:
    return front_matter.split(path.read_text(encoding="utf-8"), str(path)).meta


def test_the_sidecar_notes_are_written_anchored_and_a_second_import_changes_nothing(project):
    raw, sidecar = _incoming(project)
    wanted = front_matter.load_yaml(sidecar.read_text(encoding="utf-8"), "sidecar")[0]["annotations"]
    report, diags, config = _import(project, raw.parent)
    assert [d for d in diags if "sidecar" in d.message or d.path.endswith(".yml")] == [], \
        "the sidecar is read with its text, not reported as a stray file"
    (created,) = report.created
    target = project / created.target
    assert _front(target)["annotations"] == wanted, "the notes as the editors wrote them"

    registry = load_registry(config.content_dir, Diagnostics())
    checked = Diagnostics()
    article = Annotator(registry).annotate(read_source(target, created.target), checked)
    (note,) = article.notes
    assert note.anchored and article.doc.text[note.start:note.end] == "gegenseitigem Beistand"
    assert not [d for d in checked if "no longer matches" in d.message]

    before = target.read_bytes()
    again, diags, _ = _import(project, raw.parent)
    assert [i.target for i in again.unchanged] == [created.target] and not again.created and not again.would_change
    assert target.read_bytes() == before


def test_a_note_that_matches_nowhere_is_carried_over_and_reported_with_its_line(project):
    raw, sidecar = _incoming(project)
    sidecar.write_text(sidecar.read_text(encoding="utf-8").replace(
        "annotations:\n", "annotations:\n- exact: ein Satz, den es nicht gibt\n  note: Verwaist.\n", 1), encoding="utf-8")
    report, diags, _ = _import(project, raw)
    (created,) = report.created
    text = (project / created.target).read_text(encoding="utf-8")
    entries = _front(project / created.target)["annotations"]
    assert [e["exact"] for e in entries] == ["ein Satz, den es nicht gibt", "gegenseitigem Beistand"], "none dropped"
    line = next(i for i, row in enumerate(text.splitlines(), start=1) if "ein Satz, den es nicht gibt" in row)
    messages = [str(d) for d in report.warnings]
    assert any(m.startswith(f'{created.target}:{line}: warning: annotation "ein Satz, den es nicht gibt" no longer '
                            "matches; carried over as written") for m in messages), messages
    assert any(m.startswith("incoming/kim-sichert-putin-unterstuetzung-zu.yml:") and "no longer matches" in m
               for m in messages), "and where the editors wrote it"
    assert len([m for m in messages if "no longer matches" in m]) == 2, "the anchored note is not reported"


def test_a_quote_that_the_copy_has_twice_gets_the_context_that_tells_it_apart():
    source = NormalText("Kim sagte ja.")
    target = NormalText("Kim sagte ja.\n\nPutin sagte nein.")
    entry = {"exact": "sagte", "note": "N", "date": dt.date(2024, 12, 5)}
    moved, problem = reanchor(entry, source, target)
    assert problem == "" and list(moved) == ["exact", "prefix", "suffix", "note", "date"]
    assert moved["note"] == "N" and moved["date"] == dt.date(2024, 12, 5)
    span = find(target, moved["exact"], moved["prefix"], moved["suffix"])
    assert span == (4, 9), "the passage the source meant, not the other one"


def test_a_note_that_still_anchors_is_left_exactly_as_written():
    text = NormalText('Sie sprach von "gegenseitigem Beistand" im Falle.')
    entry = {"exact": "„gegenseitigem Beistand“", "suffix": "im Falle", "note": "N"}
    assert reanchor(entry, text, text) == (entry, "")


def test_gone_and_ambiguous_are_told_apart():
    source = NormalText("Kim sagte ja.")
    assert reanchor({"exact": "sagte"}, source, NormalText("Kim meinte ja."))[1] == "gone"
    assert reanchor({"exact": "fehlt"}, source, source)[1] == "gone"
    twice = NormalText("Kim sagte ja. Kim sagte ja.")
    assert reanchor({"exact": "sagte"}, source, twice)[1] == "ambiguous"
