"""JSON Lines and CSV writers of the tables, and the files published with the site.

Deterministic: rows in a total order (:mod:`.tables`), keys in column order, no spaces, ``\\n``
line ends: the same content gives the same bytes. Streamed: rows go to the output one at a time.
"""

from __future__ import annotations

import csv
import io
import json
from typing import IO, Any, Iterable, Iterator

from ..model import Archive
from .tables import TABLES, Column, Events, Table, schema_files

SUFFIX = {"json": "jsonl", "csv": "csv", "parquet": "parquet"}
PUBLISH_DIR = "data"  # where the site publishes the files, relative to docs/ (a stable path)
PUBLISHED_FORMATS = ("json", "csv")  # Parquet needs pyarrow (optional): CLI only


def file_name(table: Table, fmt: str) -> str:
    return f"{table.name}.{SUFFIX[fmt]}"


_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))  # json.dumps' encoder, made once (not per row)


def json_line(table: Table, row: tuple) -> str:
    """One row as a JSON object, keys in column order, no spaces: the same row, the same bytes."""
    return _JSON.encode(dict(zip(table.column_names, row))) + "\n"


def csv_cell(column: Column, value: Any) -> str:
    """CSV cells: lists as JSON arrays (Frictionless Table Schema's ``array``), null as empty."""
    if value is None:
        return ""
    if column.type == "strings":
        return _JSON.encode(value)
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
        writer.writerow(csv_line(table, row))
        count += 1
    return count


WRITERS = {"json": write_jsonl, "csv": write_csv}


def csv_line(table: Table, row: tuple) -> list[str]:
    return [csv_cell(column, value) for column, value in zip(table.columns, row)]


def encoded_rows(table: Table, rows: Iterable[tuple], formats: Iterable[str] = PUBLISHED_FORMATS) -> dict[str, bytes]:
    """``rows`` in each of ``formats`` at once (one pass over the rows), as UTF-8: byte for byte
    what :data:`WRITERS` write for them (without the CSV header, :func:`csv_header`)."""
    rows = list(rows)
    out: dict[str, bytes] = {}
    for fmt in formats:
        if fmt == "json":
            out[fmt] = "".join(json_line(table, row) for row in rows).encode("utf-8")
        else:
            buffer = io.StringIO(newline="")
            csv.writer(buffer, lineterminator="\n").writerows(csv_line(table, row) for row in rows)
            out[fmt] = buffer.getvalue().encode("utf-8")
    return out


def csv_header(table: Table) -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\n").writerow(table.column_names)
    return buffer.getvalue().encode("utf-8")


def schema_path(table: Table, prefix: str = PUBLISH_DIR) -> str:
    return f"{prefix}/schema/{table.name}.schema.json"


def published_file(archive: Archive, table: Table, fmt: str, prefix: str = PUBLISH_DIR,
                   events: Events | None = None) -> tuple[str, str]:
    """``(path relative to docs/, text)`` of one table in one format."""
    buffer = io.StringIO(newline="")
    WRITERS[fmt](table, table.rows(archive, archive.events if events is None else events), buffer)
    return f"{prefix}/{file_name(table, fmt)}", buffer.getvalue()


def export_files(archive: Archive, formats: Iterable[str] = PUBLISHED_FORMATS, prefix: str = PUBLISH_DIR,
                 events: Events | None = None) -> Iterator[tuple[str, str]]:
    """``(path relative to docs/, text)`` of every table as JSON Lines and CSV, then the
    tables' JSON Schemas (``data/schema/``): the data published with the site (MkDocs copies
    files that are not Markdown). One file's text at a time is in memory."""
    for fmt in formats:
        for table in TABLES:
            yield published_file(archive, table, fmt, prefix, events)
    for name, text in schema_files():
        yield f"{prefix}/schema/{name}", text
