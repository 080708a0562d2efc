"""``archive-gen export``: the archive as open data (JSON Lines, CSV or Parquet), one file per table.

The tables and the JSON / CSV writers live in :mod:`archive_gen.dataset` (the build publishes
the same files with the site, under ``data/``); this is the command and the Parquet writer.
Streamed: every table is written row by row from the archive, so the
files never exist in memory as a whole; Parquet is written in row groups of
:data:`PARQUET_BATCH` rows. Deterministic: the same content gives the same bytes (rows in a
total order, keys in column order, ``\\n`` line ends). Each file is written beside its final
name and renamed into place, so a reader never sees half a file.

"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Iterable

from ..errors import ConfigError
from ..model import Archive
from ..dataset import TABLES, WRITERS, Events, Table, file_name

FORMATS = ("json", "csv", "parquet")
PARQUET_BATCH = 10_000


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
    editors' events (default: the archive's)."""
    events = archive.events if events is None else events
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
                    counts[final.name] = WRITERS[fmt](table, table.rows(archive, events), out)
            os.replace(partial, final)
        finally:
            partial.unlink(missing_ok=True)
    return counts
