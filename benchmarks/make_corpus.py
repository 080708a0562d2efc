#!/usr/bin/env python3
"""Build a synthetic-but-real archive of N articles for benchmarks.

The articles are real news texts from ``shared/corpus/`` (next to the repository), repeated
with new ids and file names until there are N of them; the registry (actors, topics, sources,
pages), ``mkdocs.yml`` and ``overrides/`` are copied from this repository. The result is a
complete archive project that ``archive-gen build`` can run in::

    <dest>/mkdocs.yml
    <dest>/overrides/…
    <dest>/content/actors|topics|sources|pages/…      copied from the repository
    <dest>/content/articles/<yyyy>/<id>.md|.txt       the N articles

Corpora (``--corpus``):

``de`` (default)
    German Wikinews (``wikinews-de.jsonl``) as Markdown with front matter (title, date,
    source_url, licence), interleaved with Der Standard (``derstandard-10kgnad.csv``) as raw
    wire text ``.txt`` with a first line ``date YYYY-MM``. Der Standard rows carry no date:
    the month comes from the sign-off when there is one (``(APA, 16.8.2015)``), otherwise it
    cycles through 2015-01 … 2016-12 by row number. Wikinews records with an implausible date
    (``0001-01-01``) are skipped. 997 + 514 = 1,511 distinct texts; copies beyond that get a
    round suffix in their id (``wn11059-r02``).
``en``
    Reuters-21578 (``reuters21578.jsonl``) as Markdown with front matter (title, date,
    ``language: en``); records without a body are skipped.

Deterministic: the same N and corpus give the same bytes (see :func:`tree_digest`).

    python benchmarks/make_corpus.py 2000 /tmp/archive-2000          # build it
    python benchmarks/make_corpus.py 2000 /tmp/archive-2000 --digest # …and print its digest
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS_DIR = SHARED / "corpus"
REGISTRY_PARTS = ("actors", "topics", "sources", "pages")
EARLIEST = dt.date(1800, 1, 1)  # archive_gen rejects older dates; such records are bad input

# The date in a Der Standard sign-off: "(APA, 16.8.2015)", "(red, 13.02.16)", "(APA/red – 8.8. 2015)",
# even an unclosed "(Renate Graber, 23.11.2015". Years outside the corpus' range are typos.
_SIGNOFF_DATE = re.compile(r"\([^()]*?(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})\)?\s*$")
_CORPUS_YEARS = range(2014, 2018)


@dataclass(frozen=True)
class Record:
    """One distinct source text, ready to be written as an article file (any number of times)."""

    key: str  # stable id within its corpus: "wn11059", "ds0042", "rt00017"
    suffix: str  # ".md" or ".txt"
    year: int
    body: str  # complete file text except for nothing: front matter / header included


# ------------------------------------------------------------------ corpora → records


def _markdown(meta: dict, text: str) -> str:
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=False, width=10_000)
    return f"---\n{head}---\n{text.strip()}\n"


def wikinews_records(path: Path) -> list[Record]:
    records = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            try:
                date = dt.date.fromisoformat(item.get("date") or "")
            except ValueError:
                continue
            text = (item.get("text") or "").strip()
            title = " ".join((item.get("title") or "").split())
            if date < EARLIEST or not text or not title:
                continue
            meta = {
                "title": title,
                "date": date,
                "source_url": f"https://de.wikinews.org/wiki/?curid={item['wikinews_id']}",
                "license": "CC BY 2.5",
                "attribution": "Wikinews-Autoren, de.wikinews.org",
            }
            records.append(Record(f"wn{item['wikinews_id']}", ".md", date.year, _markdown(meta, text)))
    return records


def standard_records(path: Path) -> list[Record]:
    records = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row_number, row in enumerate(csv.reader(handle, delimiter=";", quotechar="'")):
            if len(row) != 2 or not row[1].strip():
                continue
            text = row[1].strip()
            year, month = _standard_month(text, row_number)
            records.append(Record(f"ds{row_number:04d}", ".txt", year, f"date {year:04d}-{month:02d}\n{text}\n"))
    return records


def _standard_month(text: str, row_number: int) -> tuple[int, int]:
    """The sign-off's month when the text has a dated sign-off, else 2015-01 … 2016-12 cycling."""
    match = _SIGNOFF_DATE.search(text)
    if match:
        year = int(match.group(3)) + (2000 if len(match.group(3)) == 2 else 0)
        try:
            date = dt.date(year, int(match.group(2)), int(match.group(1)))
        except ValueError:
            date = None
        if date is not None and date.year in _CORPUS_YEARS:
            return date.year, date.month
    return 2015 + (row_number // 12) % 2, row_number % 12 + 1


def reuters_records(path: Path) -> list[Record]:
    records = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            body = (item.get("body") or "").strip()
            title = " ".join((item.get("title") or "").split())
            try:
                date = dt.datetime.strptime((item.get("date") or "").split()[0], "%d-%b-%Y").date()
            except (ValueError, IndexError):
                continue
            if not body or not title:
                continue
            # Reuters bodies are hard-wrapped; paragraphs start with an indent.
            paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s{3,}|\n\s*\n", body)]
            text = "\n\n".join(p for p in paragraphs if p)
            dateline = " ".join((item.get("dateline") or "").split())
            if dateline:  # the wire's own line: "WASHINGTON, Feb 26 - Showers continued …"
                text = f"{dateline} {text}"
            meta = {"title": title, "date": date, "language": "en"}  # as the wire sent it (ALL CAPS)
            records.append(Record(f"rt{item['newid']:05d}", ".md", date.year, _markdown(meta, text)))
    return records


def interleave(*sources: list[Record]) -> list[Record]:
    """Merge lists proportionally (each keeps its order), so any prefix mixes all of them."""
    keyed = [((i + 0.5) / len(src), n, rec) for n, src in enumerate(sources) for i, rec in enumerate(src)]
    return [rec for _, _, rec in sorted(keyed, key=lambda item: (item[0], item[1]))]


def base_records(corpus: str, corpus_dir: Path = CORPUS_DIR) -> list[Record]:
    if corpus == "de":
        return interleave(
            wikinews_records(corpus_dir / "wikinews-de.jsonl"),
            standard_records(corpus_dir / "derstandard-10kgnad.csv"),
        )
    if corpus == "en":
        return reuters_records(corpus_dir / "reuters21578.jsonl")
    raise ValueError(f"unknown corpus {corpus!r} (de or en)")


# ------------------------------------------------------------------ the archive


def make_corpus(dest: Path, n: int, corpus: str = "de", corpus_dir: Path = CORPUS_DIR, repo: Path = REPO) -> Path:
    """Write an archive project of ``n`` articles into ``dest`` (must be absent or empty).

    ``repo`` is where the registry, ``mkdocs.yml`` and ``overrides/`` come from: this
    repository, or a snapshot of it (``bench_build.py --rev``)."""
    dest = Path(dest)
    if dest.exists() and any(dest.iterdir()):
        raise SystemExit(f"{dest}: exists and is not empty")
    base = base_records(corpus, corpus_dir)
    if not base:
        raise SystemExit(f"no usable records in corpus {corpus!r} under {corpus_dir}")
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(repo / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(repo / "overrides", dest / "overrides")
    for part in REGISTRY_PARTS:
        source = repo / "content" / part
        if source.is_dir():
            shutil.copytree(source, dest / "content" / part)
    articles = dest / "content" / "articles"
    for number in range(n):
        record = base[number % len(base)]
        round_ = number // len(base)
        name = record.key if round_ == 0 else f"{record.key}-r{round_:02d}"
        target = articles / f"{record.year:04d}" / f"{name}{record.suffix}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(record.body.encode("utf-8"))
    return dest


def tree_digest(root: Path) -> str:
    """SHA-256 over every file's relative path and bytes: equal digests, equal trees."""
    digest = hashlib.sha256()
    for path in sorted(p for p in Path(root).rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("dest", type=Path, help="directory to create (absent or empty)")
    parser.add_argument("--corpus", choices=("de", "en"), default="de", help="de: Wikinews + Der Standard; en: Reuters")
    parser.add_argument("--digest", action="store_true", help="print the SHA-256 of the tree written")
    args = parser.parse_args(argv)
    dest = make_corpus(args.dest, args.n, args.corpus)
    print(f"{args.n} articles ({args.corpus}) in {dest}", file=sys.stderr)
    if args.digest:
        print(tree_digest(dest))
    return 0


if __name__ == "__main__":
    sys.exit(main())
