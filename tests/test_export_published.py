"""The open data published with the site: ``data/`` holds every table as JSON Lines and CSV
with its JSON Schema, the same bytes ``archive-gen export`` writes; the data page names each
source's rights; home and about link it; a rebuild rewrites the files only when they change."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from archive_gen.cli import main
from archive_gen.config import Config
from archive_gen.dataset import TABLES, file_name
from archive_gen.errors import Diagnostics
from archive_gen.output.cache import Store
from archive_gen.pipeline import generate

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::DeprecationWarning")]


def test_every_published_line_is_valid_against_its_published_schema(built_site):
    jsonschema = pytest.importorskip("jsonschema")
    data = built_site / "site" / "data"
    for table in TABLES:
        schema = json.loads((data / "schema" / f"{table.name}.schema.json").read_text(encoding="utf-8"))
        validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
        lines = (data / file_name(table, "json")).read_text(encoding="utf-8").splitlines()
        for line in lines:
            assert list(validator.iter_errors(json.loads(line))) == [], (table.name, line[:200])
        header = (data / file_name(table, "csv")).read_text(encoding="utf-8").splitlines()[0]
        assert header.split(",") == list(table.column_names)
    curated = [json.loads(line) for line in (data / "curated_events.jsonl").read_text(encoding="utf-8").splitlines()]
    assert any(len(row["articles"]) >= 2 for row in curated), "the sample has an event with two reports"


def test_published_files_are_what_export_writes(built_site, tmp_path):
    out = tmp_path / "export"
    for fmt in ("json", "csv"):
        assert main(["export", "-q", "--format", fmt, "--output", str(out),
                     "--config", str(built_site / "mkdocs.yml")]) == 0
    for table in TABLES:
        for fmt in ("json", "csv"):
            name = file_name(table, fmt)
            assert (built_site / "docs" / "data" / name).read_bytes() == (out / name).read_bytes(), name


def test_the_data_page_links_every_file_and_names_rights_and_home_and_about_link_it(built_site):
    site = built_site / "site"
    page = (site / "data" / "index.html").read_text(encoding="utf-8")
    for table in TABLES:
        for target in (file_name(table, "json"), file_name(table, "csv"), f"schema/{table.name}.schema.json"):
            assert f'href="{target}"' in page, target
            assert (site / "data" / target).is_file()
    assert "Lizenzen der Inhalte" in page and "CC BY 2.5" in page and ">APA</a>" in page
    for linking in ("index.html", "about/index.html"):
        assert 'href="data/"' in (site / linking).read_text(encoding="utf-8") or \
            'href="../data/"' in (site / linking).read_text(encoding="utf-8"), linking
    assert 'href="events/"' in (site / "index.html").read_text(encoding="utf-8")


def test_a_rebuild_rewrites_the_data_files_only_when_they_change(project):
    config = Config.load(project / "mkdocs.yml", quiet=True)
    generate(config, Diagnostics(), jobs=1)
    data = project / "docs" / "data"
    before = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns, p.read_bytes()) for p in data.iterdir() if p.is_file()}
    os.utime(project / "content" / "pages" / "about.md")  # touch: nothing the data shows
    result = generate(config, Diagnostics(), jobs=1)
    after = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns, p.read_bytes()) for p in data.iterdir() if p.is_file()}
    assert after == before, "unchanged files keep their inode and time"
    assert result.stats.removed == 0, "reused data files are not counted as removed"
    record = Store(project / ".archive-gen-cache", "data").get("record")
    assert sorted(record["files"]) == sorted(f"data/{file_name(t, f)}" for t in TABLES for f in ("json", "csv"))

    event = project / "content" / "events" / "putin-besucht-pjoengjang.md"
    event.write_text(event.read_text(encoding="utf-8").replace("title: Putin besucht Nordkorea",
                                                               "title: Putin in Nordkorea"), encoding="utf-8")
    generate(config, Diagnostics(), jobs=1)
    changed = {name for name, (_, _, text) in before.items() if (data / name).read_bytes() != text}
    assert changed == {"curated_events.jsonl", "curated_events.csv"}
    assert "Putin in Nordkorea" in (data / "curated_events.jsonl").read_text(encoding="utf-8")


def test_streamed_files_are_byte_for_byte_what_export_writes_after_the_key_changed(project, tmp_path):
    """The second build streams the files again (another key), into the staged tree: the bytes
    are still exactly what ``export`` writes, and files whose bytes did not change are the old
    files (hard links: the render and a mirror see them unchanged)."""
    config = Config.load(project / "mkdocs.yml", quiet=True)
    generate(config, Diagnostics(), jobs=1)
    data = project / "docs" / "data"
    inodes = {p.name: p.stat().st_ino for p in data.iterdir() if p.is_file()}
    event = project / "content" / "events" / "putin-besucht-pjoengjang.md"
    event.write_text(event.read_text(encoding="utf-8").replace("Nordkorea", "Nordkorea (Juni)"), encoding="utf-8")
    generate(config, Diagnostics(), jobs=1)
    out = tmp_path / "export"
    for fmt in ("json", "csv"):
        assert main(["export", "-q", "--format", fmt, "--output", str(out), "--config", str(project / "mkdocs.yml")]) == 0
    for table in TABLES:
        for fmt in ("json", "csv"):
            name = file_name(table, fmt)
            assert (data / name).read_bytes() == (out / name).read_bytes(), name
    kept = {name for name, inode in inodes.items() if (data / name).stat().st_ino == inode}
    assert kept == set(inodes) - {"curated_events.jsonl", "curated_events.csv"}
