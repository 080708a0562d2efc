"""The articles already in ``content/articles``, as ``import`` needs to know them: by text,
by title and date, by the source they were imported from, and the slugs they hold.

Read with the readers only (no registry, no annotation): a quick pass even at 10⁵ files.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from .. import fields
from ..annotate import resolve_title
from ..annotate.dates import resolve_date
from ..config import Config
from ..errors import ContentError, Diagnostics
from ..ingest import read_source
from ..ingest.discover import source_files
from ..model import SourceDoc
from ..paths import SlugPool, is_slug, slugify
from .fingerprint import text_hash


def title_key(title: str, date: dt.date) -> tuple[str, dt.date]:
    return " ".join(title.split()).casefold(), date


@dataclass(frozen=True)
class Known:
    """What duplicate detection needs to know of one article already in the archive."""

    path: Path
    shown: str
    hashes: frozenset[str]  # the recorded source_hash and the hash of its text today
    title: tuple[str, dt.date] | None
    imported_from: str | None
    slug: str


@dataclass
class KnownArticles:
    """The articles in ``content/articles``, indexed by text, title and date, origin, slug.

    Read with the readers only (no registry, no annotation): a quick pass even at 10⁵ files."""

    by_hash: dict[str, Known] = field(default_factory=dict)
    by_title: dict[tuple[str, dt.date], Known] = field(default_factory=dict)
    by_origin: dict[str, list[Known]] = field(default_factory=dict)
    slugs: SlugPool = field(default_factory=SlugPool)

    @classmethod
    def scan(cls, config: Config, exclude: set[str]) -> "KnownArticles":
        archive = cls()
        for path in source_files(config.content_dir, Diagnostics(), config.display_path):  # problems: check's business
            if os.path.realpath(path) in exclude:
                continue
            known = _read_known(path, config)
            if known is not None:
                archive.add(known)
        return archive

    def add(self, known: Known) -> None:
        for digest in sorted(known.hashes):
            self.by_hash.setdefault(digest, known)
        if known.title is not None:
            self.by_title.setdefault(known.title, known)
        if known.imported_from:
            self.by_origin.setdefault(known.imported_from, []).append(known)
        self.slugs.taken.add(known.slug)

    def imported_from(self, origin: str, digest: str, title: tuple[str, dt.date]) -> Known | None:
        """The file an earlier import of ``origin`` wrote: same origin, and the same text (or,
        when the source was updated since, the same title and date)."""
        candidates = self.by_origin.get(origin, [])
        return (next((k for k in candidates if digest in k.hashes), None)
                or next((k for k in candidates if k.title == title), None))


def _read_known(path: Path, config: Config) -> Known | None:
    shown = config.display_path(path)
    stem_slug = slugify(path.stem)
    try:
        doc = read_source(path, shown, config.max_file_bytes)
    except ContentError:
        return Known(path, shown, frozenset(), None, None, stem_slug)  # broken: still takes its slug
    meta = doc.meta
    hashes = {text_hash(doc.text)}
    recorded = meta.get("source_hash")
    if isinstance(recorded, str) and recorded.startswith("sha256:"):
        hashes.add(recorded)
    origin = meta.get("imported_from")
    slug = meta.get("slug") if isinstance(meta.get("slug"), str) and is_slug(meta["slug"]) else stem_slug
    return Known(path, shown, frozenset(hashes), _known_title(doc), origin if isinstance(origin, str) else None, slug)


def _known_title(doc: SourceDoc) -> tuple[str, dt.date] | None:
    """Title and date as the annotator would find them, without a registry."""
    try:
        date = resolve_date(doc, Diagnostics()).date
    except ContentError:
        return None
    return title_key(resolve_title(doc, fields.read(doc.meta, "article").values), date)
