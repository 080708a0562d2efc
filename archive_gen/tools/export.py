"""``archive-gen export``: the archive as open data (JSON Lines, CSV or Parquet), one file per table.

Streamed: every table is written row by row from the archive (:mod:`.export_tables`), so the
files never exist in memory as a whole; Parquet is written in row groups of
:data:`PARQUET_BATCH` rows. Deterministic: the same content gives the same bytes (rows in a
total order, keys in column order, ``\\n`` line ends). Each file is written beside its final
name and renamed into place, so a reader never sees half a file.

:func:`export_files` gives the JSON and CSV files as ``(relative path, text)`` for publishing
them with the site under ``data/``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

from ..errors import ConfigError
from ..model import Archive
from .export_tables import TABLES, Column, Events, Table, schema_files

FORMATS = ("json", "csv", "parquet")
SUFFIX = {"json": "jsonl", "csv": "csv", "parquet": "parquet"}
PARQUET_BATCH = 10_000
PUBLISH_DIR = "data"  # where export_files puts the files, relative to docs/


def file_name(table: Table, fmt: str) -> str:
    return f"{table.name}.{SUFFIX[fmt]}"


# --------------------------------------------------------------------------- JSON Lines and CSV


def json_line(table: Table, row: tuple) -> str:
    """One row as a JSON object, keys in column order, no spaces: the same row, the same bytes."""
    return json.dumps(dict(zip(table.column_names, row)), ensure_ascii=False, separators=(",", ":")) + "\n"


def csv_cell(column: Column, value: Any) -> str:
    """CSV cells: lists as JSON arrays (Frictionless Table Schema's ``array``), null as empty."""
    if value is None:
        return ""
    if column.type == "strings":
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def write_jsonl(table: Table, rows: Iterable[tuple], out: IO[str]) -> int:
    count = 0
    for row in rows:
        out.write(json_line(table, row))
        count += 1
    return count


def write_csv(table: Table, rows: Iterable[tuple], out: IO[str]) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.column_names)
    count = 0
    for row in rows:
        writer.writerow([csv_cell(column, value) for column, value in zip(table.columns, row)])
        count += 1
    return count


# --------------------------------------------------------------------------- Parquet


def _pyarrow():
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as exc:
        raise ConfigError("--format parquet needs pyarrow: pip install 'archive-gen[data]' "
                          "(or use --format json or csv)") from exc
    return pyarrow


def arrow_schema(table: Table):
    pa = _pyarrow()
    types = {"string": pa.string(), "integer": pa.int64(), "date": pa.date32(), "strings": pa.list_(pa.string())}
    return pa.schema([pa.field(c.name, types[c.type], nullable=c.nullable) for c in table.columns])


def write_parquet(table: Table, rows: Iterable[tuple], path: Path) -> int:
    pa = _pyarrow()
    schema = arrow_schema(table)
    dates = [i for i, c in enumerate(table.columns) if c.type == "date"]
    count = 0
    with pa.parquet.ParquetWriter(path, schema, compression="zstd") as writer:
        batch: list[tuple] = []
        for row in rows:
            if dates:
                row = tuple(_date(v) if i in dates else v for i, v in enumerate(row))
            batch.append(row)
            if len(batch) == PARQUET_BATCH:
                count += _flush(writer, schema, batch)
        count += _flush(writer, schema, batch)
        if count == 0:
            writer.write_table(schema.empty_table())
    return count


def _date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def _flush(writer, schema, batch: list[tuple]) -> int:
    pa = _pyarrow()
    if not batch:
        return 0
    columns = [pa.array([row[i] for row in batch], type=field.type) for i, field in enumerate(schema)]
    writer.write_table(pa.Table.from_arrays(columns, schema=schema))
    written = len(batch)
    batch.clear()
    return written


# --------------------------------------------------------------------------- files


def export(archive: Archive, out_dir: Path, fmt: str = "json", tables: Iterable[Table] = TABLES,
           events: Events | None = None) -> dict[str, int]:
    """Write one file per table into ``out_dir``; return {file name: rows}. ``events``: the
    editors' events (:func:`archive_gen.index.events.load_events`)."""
    events = events or {}
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format '{fmt}': choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        _pyarrow()  # fail before anything is written
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table in tables:
        final = out_dir / file_name(table, fmt)
        partial = final.with_name(f".{final.name}.partial")
        try:
            if fmt == "parquet":
                counts[final.name] = write_parquet(table, table.rows(archive, events), partial)
            else:
                with partial.open("w", encoding="utf-8", newline="") as out:
                    write = write_jsonl if fmt == "json" else write_csv
                    counts[final.name] = write(table, table.rows(archive, events), out)
            os.replace(partial, final)
        finally:
            partial.unlink(missing_ok=True)
    return counts


def export_files(archive: Archive, formats: Iterable[str] = ("json", "csv"), prefix: str = PUBLISH_DIR,
                 events: Events | None = None) -> Iterator[tuple[str, str]]:
    """``(path relative to docs/, text)`` of every table as JSON Lines and CSV, then the
    tables' JSON Schemas (``data/schema/``): for publishing the data with the site (MkDocs
    copies non-Markdown files). One file's text at a time is in memory."""
    events = events or {}
    for fmt in formats:
        if fmt not in ("json", "csv"):
            raise ConfigError(f"export_files writes json or csv, not '{fmt}'")
        for table in TABLES:
            buffer = io.StringIO(newline="")
            (write_jsonl if fmt == "json" else write_csv)(table, table.rows(archive, events), buffer)
            yield f"{prefix}/{file_name(table, fmt)}", buffer.getvalue()
    for name, text in schema_files():
        yield f"{prefix}/schema/{name}", text
