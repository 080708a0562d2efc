"""The archive as open data: tables (:mod:`.tables`) and their JSON Lines / CSV files (:mod:`.writers`).

Below ``render`` and ``pipeline``, so that the build publishes the same files that
``archive-gen export`` writes (``tools/export.py`` is only the command, plus Parquet).

    tables.py    one column list and one row generator per table; the JSON Schemas
    writers.py   JSON Lines and CSV, deterministic and streamed; the files the site publishes
    publish.py   those files streamed into the staged docs/, reused when what they show is unchanged
"""

from __future__ import annotations

from .publish import data_key, publish_data, published_paths
from .tables import TABLES, TABLES_BY_NAME, Column, Events, Table, schema_files, schema_text, write_schemas
from .writers import (PUBLISH_DIR, PUBLISHED_FORMATS, SUFFIX, WRITERS, csv_cell, export_files, file_name,
                      json_line, published_file, schema_path, write_csv, write_jsonl)

__all__ = ["PUBLISH_DIR", "PUBLISHED_FORMATS", "SUFFIX", "TABLES", "TABLES_BY_NAME", "WRITERS", "Column", "Events",
           "data_key", "publish_data", "published_paths",
           "Table", "csv_cell", "export_files", "file_name", "json_line", "published_file", "schema_files", "schema_path", "schema_text",
           "write_csv", "write_jsonl", "write_schemas"]
