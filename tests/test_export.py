"""`archive-gen export`: the sample archive as open data, checked against its schemas, loaded
into pandas and DuckDB as a researcher would, and queried (who appears with whom, per month)."""

from __future__ import annotations

import io
import json
import random
import re
import subprocess
import sys
import tracemalloc
from collections import Counter
from dataclasses import replace
from itertools import combinations
from pathlib import Path

import pytest

from archive_gen.config import Config
from archive_gen.errors import ConfigError, Diagnostics
from archive_gen.index import build_archive
from archive_gen.pipeline import gather
from archive_gen.tools import export as exporter
from archive_gen.dataset import TABLES, TABLES_BY_NAME, export_files, schema_text
from archive_gen.dataset.tables import ordered_articles
from archive_gen.dataset.writers import WRITERS, csv_header, encoded_rows
from conftest import REPO

SCHEMA_DIR = REPO / "schema" / "export"


@pytest.fixture(scope="module")
def archive():
    return gather(Config.load(REPO / "mkdocs.yml"), Diagnostics())


@pytest.fixture(scope="module")
def exported(archive, tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("export")
    dirs = {}
    for fmt in exporter.FORMATS:
        dirs[fmt] = root / fmt
        exporter.export(archive, dirs[fmt], fmt)
    return dirs


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def month_pairs(archive) -> Counter:
    """(YYYY-MM, actor, other) → articles naming both: computed from the archive itself."""
    found: Counter = Counter()
    for article in archive.articles:
        for a, b in combinations(sorted(set(article.actors)), 2):
            found[(article.date.strftime("%Y-%m"), a, b)] += 1
    return found


# --------------------------------------------------------------------------- schemas


def test_committed_schemas_equal_the_generated_ones():
    for table in TABLES:
        committed = SCHEMA_DIR / f"{table.name}.schema.json"
        assert committed.is_file(), f"{committed} is missing: run 'python -m archive_gen.dataset.tables'"
        assert committed.read_text(encoding="utf-8") == schema_text(table), (
            f"{committed} is stale: run 'python -m archive_gen.dataset.tables' and commit the result")
    assert sorted(p.name for p in SCHEMA_DIR.glob("*.json")) == sorted(f"{t.name}.schema.json" for t in TABLES)


def test_every_exported_line_is_valid_against_its_schema(exported):
    jsonschema = pytest.importorskip("jsonschema")
    for table in TABLES:
        schema = json.loads((SCHEMA_DIR / f"{table.name}.schema.json").read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
        rows = jsonl(exported["json"] / f"{table.name}.jsonl")
        assert rows or table.name == "curated_events", f"{table.name} is empty: the sample archive should fill it"
        for row in rows:
            errors = [e.message for e in validator.iter_errors(row)]
            assert errors == [], (table.name, row, errors)
            assert list(row) == list(table.column_names)  # keys in column order


def test_a_wrong_row_fails_its_schema():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((SCHEMA_DIR / "mentions.schema.json").read_text(encoding="utf-8"))
    row = {"article": "a", "n": 0, "start": 1, "end": 3, "text": "Kim", "form": "name", "sentence": 0,
           "actor": "kim", "source": None, "role": "hero"}
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(row))


# --------------------------------------------------------------------------- content


def test_tables_hold_the_archive(archive, exported):
    tables = {t.name: jsonl(exported["json"] / f"{t.name}.jsonl") for t in TABLES}
    assert [r["slug"] for r in tables["articles"]] == [a.slug for a in sorted(archive.articles, key=lambda a: (a.date, a.slug))]
    assert len(tables["mentions"]) == sum(len(a.mentions) + len(a.source_mentions) for a in archive.articles)
    assert len(tables["quotes"]) == sum(len(a.quotes) for a in archive.articles)
    assert len(tables["claims"]) == sum(len(a.claims) for a in archive.articles)
    actors = {r["id"] for r in tables["actors"]}
    sources = {r["id"] for r in tables["sources"]}
    slugs = {r["slug"] for r in tables["articles"]}
    for row in tables["mentions"]:  # every key points into its table
        assert row["article"] in slugs
        assert (row["actor"] in actors) if row["role"] != "cited source" else (row["source"] in sources)
    for row in tables["events"]:
        assert {row["actor1"], row["actor2"], row["place"]} - {None} <= actors and row["article"] in slugs
    assert {r["article"] for r in tables["events"]} == slugs  # every article reports at least one event
    by_slug = {a.slug: a for a in archive.articles}
    for row in tables["mentions"]:  # offsets point at the words
        assert by_slug[row["article"]].doc.text[row["start"]:row["end"]] == row["text"]


def test_speakers_are_marked_in_mentions(exported):
    rows = jsonl(exported["json"] / "mentions.jsonl")
    quotes = jsonl(exported["json"] / "quotes.jsonl") + jsonl(exported["json"] / "claims.jsonl")
    said = {(q["article"], q["speaker"], q["sentence"]) for q in quotes if q["speaker"]}
    speakers = [r for r in rows if r["role"] == "speaker"]
    assert speakers and all((r["article"], r["actor"], r["sentence"]) in said for r in speakers)
    assert any(r["role"] == "cited source" for r in rows)


def test_csv_and_json_hold_the_same_rows(exported):
    pd = pytest.importorskip("pandas")
    for table in TABLES:
        frame = pd.read_csv(exported["csv"] / f"{table.name}.csv", dtype=str, keep_default_na=False)
        assert list(frame.columns) == list(table.column_names)
        rows = jsonl(exported["json"] / f"{table.name}.jsonl")
        for column in table.columns:
            expected = ["" if r[column.name] is None else
                        json.dumps(r[column.name], ensure_ascii=False, separators=(",", ":"))
                        if column.type == "strings" else str(r[column.name]) for r in rows]
            assert frame[column.name].tolist() == expected, (table.name, column.name)


# --------------------------------------------------------------------------- determinism


def test_same_content_gives_the_same_bytes(archive, exported, tmp_path):
    shuffled = list(archive.articles)
    random.Random(7).shuffle(shuffled)
    again = build_archive(shuffled, archive.registry, None, archive.events)
    for fmt in exporter.FORMATS:
        exporter.export(again, tmp_path / fmt, fmt)
        for path in sorted(exported[fmt].iterdir()):
            assert (tmp_path / fmt / path.name).read_bytes() == path.read_bytes(), path.name
    assert not list(tmp_path.rglob(".*.partial"))


def test_export_files_are_the_published_copies(archive, exported):
    files = dict(export_files(archive))
    for table in TABLES:
        assert files[f"data/{table.name}.jsonl"] == (exported["json"] / f"{table.name}.jsonl").read_text(encoding="utf-8")
        assert files[f"data/{table.name}.csv"] == (exported["csv"] / f"{table.name}.csv").read_text(encoding="utf-8")
        assert files[f"data/schema/{table.name}.schema.json"] == schema_text(table)
    assert len(files) == 3 * len(TABLES)


# --------------------------------------------------------------------------- as a researcher


def test_pandas_who_appears_with_whom_per_month(archive, exported):
    pd = pytest.importorskip("pandas")
    articles = pd.read_csv(exported["csv"] / "articles.csv", parse_dates=["date"])
    pairs = articles.assign(month=articles.date.dt.strftime("%Y-%m"), actor=articles.actors.map(json.loads))
    pairs = pairs.explode("actor").dropna(subset=["actor"])[["slug", "month", "actor"]].drop_duplicates()
    both = pairs.merge(pairs, on=["slug", "month"], suffixes=("", "_other"))
    both = both[both.actor < both.actor_other]
    counted = both.groupby(["month", "actor", "actor_other"]).size()
    assert {key: int(n) for key, n in counted.items()} == dict(month_pairs(archive))


def test_duckdb_who_appears_with_whom_per_month(archive, exported):
    duckdb = pytest.importorskip("duckdb")
    expected = sorted((m, a, b, n) for (m, a, b), n in month_pairs(archive).items())
    for source in (f"read_csv('{exported['csv'] / 'articles.csv'}')", f"'{exported['parquet'] / 'articles.parquet'}'"):
        actors = "from_json(actors, '[\"VARCHAR\"]')" if "csv" in source else "actors"
        query = f"""
            WITH a AS (SELECT slug, strftime(date, '%Y-%m') AS month, unnest({actors}) AS actor FROM {source})
            SELECT x.month, x.actor, y.actor AS other, count(*) AS articles
            FROM a x JOIN a y ON x.slug = y.slug AND x.actor < y.actor GROUP BY ALL ORDER BY ALL"""
        assert duckdb.sql(query).fetchall() == expected, source
    # the archive's own co-occurrence index says the same, summed over the months
    totals = Counter()
    for (_, a, b), n in month_pairs(archive).items():
        totals[(a, b)] += n
    assert all(totals[tuple(sorted((actor, other)))] == count
               for actor, shared in archive.cooccurrence.items() for other, count, _ in shared)


def test_the_readme_example_runs(archive, exported, monkeypatch):
    pytest.importorskip("duckdb")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Open data"):]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    assert len(code.strip().splitlines()) <= 3
    monkeypatch.chdir(exported["json"].parent)
    (exported["json"].parent / "export").mkdir(exist_ok=True)
    for path in exported["json"].iterdir():
        (exported["json"].parent / "export" / path.name).write_bytes(path.read_bytes())
    scope: dict = {}
    exec(code.replace("duckdb.sql(", "rows = duckdb.sql(", 1).replace(".show()", ".fetchall()"), scope)  # noqa: S102
    assert sorted(scope["rows"]) == sorted((m, a, b, n) for (m, a, b), n in month_pairs(archive).items())


# --------------------------------------------------------------------------- the command


def test_curated_events_and_their_reports(project, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    events_dir = project / "content" / "events"
    events_dir.mkdir(exist_ok=True)  # the sample archive has events of its own
    (events_dir / "gipfel-pjoengjang-2024.md").write_text(
        "---\ntitle: Putin besucht Pjöngjang\ndate: 2024-06\nplace: pjoengjang\n---\nDer Besuch.\n", encoding="utf-8")
    folder = project / "content" / "articles" / "test"
    folder.mkdir(parents=True)
    for name, day, event in (("b", 20, "gipfel-pjoengjang-2024"), ("a", 19, "gipfel-pjoengjang-2024"), ("c", 21, "nirgends")):
        (folder / f"{name}.md").write_text(f"---\ntitle: Bericht {name}\ndate: 2024-06-{day}\nevent: {event}\n---\n\n"
                                           "Wladimir Putin traf Kim Jong-un in Pjöngjang.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "archive_gen", "export", "--output", str(tmp_path / "out"),
                             "--config", str(project / "mkdocs.yml")], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "c.md:4: warning: unknown event 'nirgends'" in result.stderr
    curated = [r for r in jsonl(tmp_path / "out" / "curated_events.jsonl") if r["id"] == "gipfel-pjoengjang-2024"]
    assert curated == [{"id": "gipfel-pjoengjang-2024", "title": "Putin besucht Pjöngjang", "date": "2024-06-01",
                        "date_precision": "month", "place": "pjoengjang", "description": "Der Besuch.",
                        "articles": ["a", "b"], "source_file": "content/events/gipfel-pjoengjang-2024.md"}]
    rows = [r for r in jsonl(tmp_path / "out" / "events.jsonl") if r["article"] in ("a", "b")]
    assert rows and all(r["event"] == "gipfel-pjoengjang-2024" and r["place"] == "pjoengjang" for r in rows)
    articles = {r["slug"]: r["event"] for r in jsonl(tmp_path / "out" / "articles.jsonl")}
    assert articles["a"] == "gipfel-pjoengjang-2024" and articles["c"] == "nirgends"
    schema = json.loads((SCHEMA_DIR / "curated_events.schema.json").read_text(encoding="utf-8"))
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(curated[0])) == []



def test_cli_export_writes_every_table(project, tmp_path):
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "archive_gen", "export", "--format", "csv", "--output", str(out),
                             "--config", str(project / "mkdocs.yml")], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t.name}.csv" for t in TABLES)
    assert f"{out / 'articles.csv'}\t" in result.stdout


def test_parquet_without_pyarrow_names_the_extra(archive, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ConfigError, match=r"archive-gen\[data\]"):
        exporter.export(archive, tmp_path / "pq", "parquet")
    assert not (tmp_path / "pq").exists()


def test_export_streams_rows(archive, tmp_path):
    """The export's memory does not grow with the rows: 60 copies of the sample archive
    (1,860 articles) are written with a peak far below the size of the files."""
    copies = [replace(a, slug=f"{a.slug}-{n}") for n in range(60) for a in archive.articles]
    big = replace(archive, articles=tuple(copies))
    tracemalloc.start()
    try:
        exporter.export(big, tmp_path / "big", "json", [TABLES_BY_NAME["mentions"], TABLES_BY_NAME["events"]])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    written = sum(p.stat().st_size for p in (tmp_path / "big").iterdir())
    assert written > 10_000_000 and peak < written / 10, (peak, written)


def test_rows_encoded_in_both_formats_at_once_are_each_writers_bytes(archive):
    """The site's data files are encoded in one pass over the rows (one article's at a time)
    into JSON Lines and CSV at once: byte for byte what each writer gives alone (the export's
    files), whether a table's rows are encoded all together or article by article."""
    lines = 0
    for table in TABLES:
        together = encoded_rows(table, table.rows(archive, archive.events))
        if table.each is not None:
            pieces = [encoded_rows(table, table.each(a, archive, archive.events)) for a in ordered_articles(archive)]
            assert {fmt: b"".join(p[fmt] for p in pieces) for fmt in WRITERS} == together, table.name
        for fmt, writer in WRITERS.items():
            alone = io.StringIO(newline="")
            writer(table, table.rows(archive, archive.events), alone)
            head = csv_header(table) if fmt == "csv" else b""
            assert head + together[fmt] == alone.getvalue().encode("utf-8"), (table.name, fmt)
        lines += together["json"].count(b"\n")
    assert lines > 1000, "control: the sample's tables have rows"
