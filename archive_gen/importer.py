"""Import: raw articles in, curated Markdown files in ``content/articles/`` out, for review.

``archive-gen import FILE|DIR`` reads each source with the real readers, annotates it with the
real annotator over the project's registry, and writes
``content/articles/<yyyy>/<mm>/<slug>.md``: front matter with everything extracted, in the
fixed key order of :data:`archive_gen.schema.ARTICLE_KEY_ORDER`, then the text as Markdown.
It never overwrites a file and never deletes one.

**Machine values become the editor's values, on purpose.** The extracted ``title``, ``date``,
``actors``, ``places``, ``topics``, ``sources`` and ``authors`` are written as ordinary front
matter, not under a separate ``machine:`` key. Import exists so that a person reviews them:
the pull request shows the lists, the editor deletes a wrong actor, adds a missed one, shortens
the title, and after the merge they are the article's confirmed values, which win over
extraction on every build, exactly as if the editor had typed them. Hiding them under another
key would mean the reviewed file does not say what the site shows, and confirming a value would
mean copying it. What stays re-extractable:

- everything not written down (mentions and their positions, quotes, claims, captions) is
  extracted from the text on every build;
- an empty list is not written, so an article where nothing was found still picks up actors
  and topics added to the registry later;
- running ``archive-gen import`` on the same source again *is* the re-extraction: it compares
  the file with what extraction says today (say, an actor added to the registry since) and
  prints the difference as a unified diff, leaving the file untouched; the editor takes over
  what they want. ``imported_from`` and ``source_hash`` tie the file to its source for that.

``candidates`` (names the registry does not know) are written for the reviewer: add the real
ones with ``archive-gen actors add``, then delete the list. ``imported_from`` is the source's
path relative to the project; ``source_hash`` is ``sha256:`` of the source's words (case and
spacing folded, as ``archive-gen check`` compares texts), the same for the raw file and the
imported one.

**The body** is the source's text, block by block, as the Markdown reader reads it back:
paragraphs one per line, subheads as ``## …``, captions as the caption followed by its credit
(``… empfangen. IMAGO/Gavriil Grigorov``: the reader finds credits by their form, as in wire
text), credit lines alone, the sign-off where it stood. The reader keeps inline Markdown as
literal text and the writer escapes it on the page, so ``*``, ``_`` or ``[`` are not escaped
here (a backslash would show up on the page); only a paragraph that would read as a heading is
indented so that it stays a paragraph. Every written file is read back and compared with the
source; a difference is reported with its line.

**Re-import and duplicates.** A source already imported (a file whose ``imported_from`` names
it) is compared, never rewritten: ``unchanged`` or ``would change`` with the diff. A source
whose text (or title and date) an article of the archive already has is a ``duplicate``, named
with that article, and not written. Slugs come from the title (``paths.slugify``) and are unique
in the whole archive (``-2``, ``-3`` … as the build assigns them); sources are processed in
path order, so the same archive and sources always give the same files.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import front_matter, schema
from .annotate import Annotator
from .annotate.dates import resolve_date
from .annotate.titles import lead_title
from .config import Config
from .errors import ContentError, Diagnostic, Diagnostics, Severity, printable
from .ingest import markdown as markdown_reader
from .ingest import read_source, supported
from .ingest.credits import split_credit
from .ingest.signoff import find_signoff
from .write import extracted_meta
from .ingest.wire import _HEADING  # the reader's own rule for what is a heading line
from .model import Article, Block, SourceDoc
from .paths import is_slug, slugify
from .registry import load_registry

PROVENANCE_KEYS = ("imported_from", "source_hash")
_WORD = re.compile(r"\w+")
_INDENT = "    "  # four spaces: not a heading to the reader, and stripped when read back


# --------------------------------------------------------------------------- the report


@dataclass(frozen=True)
class Imported:
    """A source that was (or, in a dry run, would be) written to ``target``."""

    source: str  # as shown: relative to the project when possible
    target: str


@dataclass(frozen=True)
class Changed:
    """A source imported before whose file differs from a fresh import; the file was kept."""

    source: str
    target: str
    line: int  # first line of ``target`` that differs
    diff: str  # unified diff: the file as it is → what the import would write


@dataclass(frozen=True)
class Duplicate:
    """A source the archive already has; not written."""

    source: str
    existing: str
    reason: str  # "same text" | "same title and date"
    existing_source: str | None = None  # what the existing article was imported from


@dataclass
class ImportReport:
    created: list[Imported] = field(default_factory=list)
    unchanged: list[Imported] = field(default_factory=list)
    would_change: list[Changed] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    failed: list[Diagnostic] = field(default_factory=list)  # also added to the caller's Diagnostics
    warnings: list[Diagnostic] = field(default_factory=list)  # likewise
    dry_run: bool = False


def format_report(report: ImportReport) -> str:
    """The report as ``path:line: what: message (hint: …)`` lines, diffs under their line,
    and a summary line; everything an editor needs, in source order within each group."""
    lines: list[str] = []
    created = "would import" if report.dry_run else "imported"
    for item in report.created:
        lines.append(printable(f"{item.target}:1: {created}: from {item.source}"))
    for item in report.unchanged:
        lines.append(printable(f"{item.source}:1: unchanged: already imported as {item.target}"))
    for item in report.would_change:
        lines.append(printable(f"{item.target}:{item.line}: would change: a fresh import of {item.source} differs; "
                               "the file was left as it is (hint: take over from the diff what you want, by hand)"))
        lines.extend(printable(line) for line in item.diff.splitlines())  # no escape sequence reaches a terminal
    for item in report.duplicates:
        also = f", imported from {item.existing_source}" if item.existing_source else ""
        lines.append(printable(f"{item.source}:1: duplicate: {item.reason} as {item.existing}{also}; not imported "
                               "(hint: nothing to do if it is the same article; if it is another one, give it its "
                               "own title)"))
    lines.extend(str(d) for d in sorted(report.warnings))
    lines.extend(str(d) for d in sorted(report.failed))
    counts = [f"{len(report.created)} {created}", f"{len(report.unchanged)} unchanged",
              f"{len(report.would_change)} would change", f"{len(report.duplicates)} duplicate(s)",
              f"{len(report.failed)} failed"]
    lines.append("archive-gen: " + ", ".join(counts))
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- importing


def import_sources(paths: list[Path], config: Config, diags: Diagnostics, *, dry_run: bool = False) -> ImportReport:
    """Import files and folders of raw articles into ``config.content_dir/articles``.

    Problems (unreadable sources, a broken registry) go to ``diags`` as well as the report, so
    ``diags.failed()`` is the command's exit status; would-change and duplicates are outcomes,
    not errors."""
    report = ImportReport(dry_run=dry_run)
    registry_diags = Diagnostics()
    registry = load_registry(config.content_dir, registry_diags, config.display_path)
    for problem in registry_diags.errors:  # the import itself works, with an incomplete registry
        _warn(report, diags, replace(problem, severity=Severity.WARNING,
                                     message=f"left out of this import's registry: {problem.message}"))
    annotator = Annotator(registry, config.language)
    sources = _expand(paths, config, report, diags)
    archive = _Archive.scan(config, exclude={_real(p) for p in sources})
    for source in sources:
        _import_one(source, config, annotator, archive, report, diags, dry_run)
    return report


def _import_one(source: Path, config: Config, annotator: Annotator, archive: "_Archive",
                report: ImportReport, diags: Diagnostics, dry_run: bool) -> None:
    origin = origin_of(source, config)
    articles_dir = config.content_dir / "articles"
    inside = _is_inside(source, articles_dir)
    if inside and source.suffix.lower() in (".md", ".markdown"):
        _warn(report, diags, Diagnostic(origin, 1, Severity.WARNING,
                                        "already a Markdown article of the archive; nothing to import",
                                        "edit it where it is; import reads raw articles from outside content/"))
        return
    notes = Diagnostics()
    try:
        doc = read_source(source, origin, config.max_file_bytes)
        article = annotator.annotate(doc, notes)
    except ContentError as exc:
        _fail(report, diags, exc.diagnostic())
        return
    except Exception as exc:  # a bug must not cost the other sources
        _fail(report, diags, Diagnostic(origin, 1, Severity.ERROR, f"internal error: {type(exc).__name__}: {exc}",
                                        "this is a bug in archive-gen; the file was not imported"))
        return
    for note in notes:
        _warn(report, diags, note)

    digest = text_hash(doc.text)
    text = render(article, origin, digest)
    key = _title_key(article.title, article.date)

    own = archive.imported_from(origin, digest, key)
    if own is not None:
        old = _read_text(own.path)
        if old == text:
            report.unchanged.append(Imported(origin, own.shown))
        else:
            diff, line = unified_diff(old, text, own.shown, f"import of {origin}")
            report.would_change.append(Changed(origin, own.shown, line, diff))
        return
    same = archive.by_hash.get(digest)
    reason = "same text"
    if same is None:
        same, reason = archive.by_title.get(key), "same title and date"
    if same is not None:
        report.duplicates.append(Duplicate(origin, same.shown, reason, same.imported_from))
        return

    slug = _wanted_slug(doc, article)
    while True:
        slug = archive.free_slug(slug)
        target = articles_dir / f"{article.date.year:04d}" / f"{article.date.month:02d}" / f"{slug}.md"
        shown = config.display_path(target)
        if dry_run or _create(target, text):
            break
        archive.taken.add(slug)  # a file the scan did not count (hidden, unsupported): next slug
    problem = reads_back(text, doc, shown)
    if problem:
        _warn(report, diags, Diagnostic(shown, problem[0], Severity.WARNING,
                                        f"the Markdown does not read back like the source: {problem[1]}",
                                        "check this part of the file against the source before committing"))
    if inside:
        _warn(report, diags, Diagnostic(origin, 1, Severity.WARNING, f"the source is itself an article of the "
                                        f"archive; {shown} now has the same text",
                                        f"remove the source after review (git rm {origin})"))
    archive.add(_Known(target, shown, frozenset({digest}), key, origin, slug))
    report.created.append(Imported(origin, shown))


def _fail(report: ImportReport, diags: Diagnostics, diagnostic: Diagnostic) -> None:
    report.failed.append(diagnostic)
    diags.add(diagnostic)


def _warn(report: ImportReport, diags: Diagnostics, diagnostic: Diagnostic) -> None:
    report.warnings.append(diagnostic)
    diags.add(diagnostic)


def _create(target: Path, text: str) -> bool:
    """Write a new file; False when one is already there (never overwrite, not even in a race)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(target, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        return False
    return True


# --------------------------------------------------------------------------- what is written


def render(article: Article, origin: str, digest: str) -> str:
    """The imported file's text: front matter in the fixed key order, then the body."""
    return front_matter.dumps(article_meta(article, origin, digest), markdown_body(article.doc))


def article_meta(article: Article, origin: str, digest: str) -> dict[str, Any]:
    """Everything extracted, plus the source's own front matter that extraction did not
    produce (licence, URL …: kept as written), plus where it came from."""
    meta: dict[str, Any] = {
        **extracted_meta(article, source_names=True),
        "candidates": [{"name": c.name, "kind": c.kind, "evidence": c.evidence} for c in article.candidates],
        # New imports wait for an editor: the published build leaves them out until
        # someone reviews the extracted lists and sets ``status: published``.
        "status": article.doc.meta.get("status") or "review",
    }
    for key, value in article.doc.meta.items():
        if key not in meta and key not in PROVENANCE_KEYS and key != "slug":
            meta[key] = value
    meta = {k: v for k, v in meta.items() if v not in (None, "", [], {})}
    order = {key: number for number, key in enumerate(schema.ARTICLE_KEY_ORDER)}
    ordered = sorted((k for k in meta if k not in PROVENANCE_KEYS),
                     key=lambda k: (k not in order, order.get(k, 0)))  # unknown keys keep their order, last
    result = {k: meta[k] for k in ordered}
    result["imported_from"] = origin
    result["source_hash"] = digest
    return result


def markdown_body(doc: SourceDoc) -> str:
    """The source's blocks as Markdown that :mod:`archive_gen.ingest.markdown` reads back
    into the same blocks, sign-off and dateline."""
    parts: list[str] = []
    after = _signoff_position(doc)
    for number, block in enumerate(doc.blocks):
        parts.append(_block_markdown(block))
        if number == after and doc.signoff is not None:
            raw = doc.signoff.raw
            found = find_signoff(f"{block.text} {raw}", 1) if block.kind == "paragraph" else None
            if found is not None and found[0] == block.text and found[1].raw == raw:
                parts[-1] += " " + raw  # where wire text has it: closing the last paragraph
            else:
                parts.append(raw)  # "Reuter" is a sign-off only on a line of its own
    return "\n\n".join(parts)


def _signoff_position(doc: SourceDoc) -> int | None:
    """Index of the block the sign-off followed (the last one that starts before it)."""
    if doc.signoff is None or not doc.blocks:
        return None
    before = [i for i, b in enumerate(doc.blocks) if b.line <= doc.signoff.line]
    return before[-1] if before else len(doc.blocks) - 1


def _block_markdown(block: Block) -> str:
    if block.kind == "subhead":
        heading = f"## {block.text}"
        # "## Tor #" would lose its "#" as a closing sequence: leave such a subhead to the
        # reader's subhead rule (short, no final punctuation), which found it in the first place
        return heading if _HEADING.fullmatch(heading).group(1) == block.text else block.text  # type: ignore[union-attr]
    if block.kind == "caption" and block.credit:
        return _caption(block.text, block.credit)
    if block.kind == "credit":
        return block.credit or block.text
    return _INDENT + block.text if _HEADING.fullmatch(block.text) else block.text


def _caption(text: str, credit: str) -> str:
    """Caption and credit in the first form the reader splits back into exactly these two."""
    forms = (f"{text} {credit}", f"{text} – {credit}", f"{text} ({credit})")
    return next((form for form in forms if split_credit(form) == (text, credit)), forms[0])


def reads_back(text: str, doc: SourceDoc, shown: str) -> tuple[int, str] | None:
    """``(line, what differs)`` when the written Markdown does not read back as ``doc``."""
    try:
        back = markdown_reader.parse(text, shown)
    except ContentError as exc:
        return exc.line, exc.message
    for number, (want, got) in enumerate(zip(doc.blocks, back.blocks), start=1):
        if (want.kind, want.text, want.credit) != (got.kind, got.text, got.credit):
            return got.line, f"part {number} reads as a {got.kind} '{_short(got.text)}', the source has a {want.kind} '{_short(want.text)}'"
    if len(doc.blocks) != len(back.blocks):
        return 1, f"{len(back.blocks)} parts instead of {len(doc.blocks)}"
    if (doc.signoff and doc.signoff.raw) != (back.signoff and back.signoff.raw):
        return back.signoff.line if back.signoff else 1, "the sign-off is not found again"
    if (doc.dateline and doc.dateline.place) != (back.dateline and back.dateline.place):
        return 1, "the dateline is not found again"
    return None


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "…"


def text_hash(text: str) -> str:
    """``sha256:`` of an article's words, case and spacing folded: the fingerprint with which
    ``archive-gen check`` finds the same text twice (:func:`archive_gen.check.text_fingerprint`),
    so what import lets in, check does not flag."""
    words = _WORD.findall(text.lower())
    return "sha256:" + hashlib.sha256(" ".join(words).encode("utf-8", "surrogatepass")).hexdigest()


def unified_diff(old: str, new: str, old_name: str, new_name: str) -> tuple[str, int]:
    """A unified diff and the first line of ``old`` that differs."""
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    first = next((i1 + 1 for tag, i1, _, _, _ in difflib.SequenceMatcher(None, old_lines, new_lines,
                                                                           autojunk=False).get_opcodes()
                  if tag != "equal"), 1)
    return "".join(difflib.unified_diff(old_lines, new_lines, old_name, new_name)), first


# --------------------------------------------------------------------------- sources and the archive


def origin_of(path: Path, config: Config) -> str:
    """A source's path relative to the project (``../incoming/a.txt`` too): how it is named in
    messages and in ``imported_from``."""
    absolute = os.path.abspath(path)
    try:
        return Path(os.path.relpath(absolute, config.project_dir)).as_posix()
    except ValueError:  # another drive on Windows
        return Path(absolute).as_posix()


def _expand(paths: list[Path], config: Config, report: ImportReport, diags: Diagnostics) -> list[Path]:
    """Files as given, folders walked (hidden entries skipped); each source once, in path order."""
    found: dict[str, Path] = {}
    for path in map(Path, paths):
        if not path.is_dir():
            found.setdefault(_real(path), path)
            continue
        for dirpath, dirnames, filenames in os.walk(path):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if name.startswith("."):
                    continue
                file = Path(dirpath) / name
                if supported(file):
                    found.setdefault(_real(file), file)
                else:
                    _warn(report, diags, Diagnostic(origin_of(file, config), 1, Severity.WARNING,
                                                    f"not an article source ('{file.suffix or name}'); skipped",
                                                    "articles are .txt (wire text) or .md (Markdown with front matter)"))
    return sorted(found.values(), key=lambda p: origin_of(p, config))


def _real(path: Path) -> str:
    return os.path.realpath(path)


def _is_inside(path: Path, folder: Path) -> bool:
    real, root = _real(path), _real(folder)
    return os.path.commonpath([real, root]) == root


def _read_text(path: Path) -> str:
    """An existing file as text with ``\\n`` line ends (a Windows editor's CRLF is no change)."""
    text = path.read_bytes().decode("utf-8", "replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _title_key(title: str, date: dt.date) -> tuple[str, dt.date]:
    return " ".join(title.split()).casefold(), date


def _wanted_slug(doc: SourceDoc, article: Article) -> str:
    wanted = doc.meta.get("slug")
    return wanted if isinstance(wanted, str) and is_slug(wanted) else slugify(article.title)


@dataclass(frozen=True)
class _Known:
    """What duplicate detection needs to know of one article already in the archive."""

    path: Path
    shown: str
    hashes: frozenset[str]  # the recorded source_hash and the hash of its text today
    title: tuple[str, dt.date] | None
    imported_from: str | None
    slug: str


@dataclass
class _Archive:
    """The articles in ``content/articles``, indexed by text, title and date, origin, slug.

    Read with the readers only (no registry, no annotation): a quick pass even at 10⁵ files."""

    by_hash: dict[str, _Known] = field(default_factory=dict)
    by_title: dict[tuple[str, dt.date], _Known] = field(default_factory=dict)
    by_origin: dict[str, list[_Known]] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)

    @classmethod
    def scan(cls, config: Config, exclude: set[str]) -> "_Archive":
        from .build import source_files

        archive = cls()
        for path in source_files(config, Diagnostics()):  # their problems are check's business
            if _real(path) in exclude:
                continue
            known = _read_known(path, config)
            if known is not None:
                archive.add(known)
        return archive

    def add(self, known: _Known) -> None:
        for digest in sorted(known.hashes):
            self.by_hash.setdefault(digest, known)
        if known.title is not None:
            self.by_title.setdefault(known.title, known)
        if known.imported_from:
            self.by_origin.setdefault(known.imported_from, []).append(known)
        self.taken.add(known.slug)

    def imported_from(self, origin: str, digest: str, title: tuple[str, dt.date]) -> _Known | None:
        """The file an earlier import of ``origin`` wrote: same origin, and the same text (or,
        when the source was updated since, the same title and date)."""
        candidates = self.by_origin.get(origin, [])
        return (next((k for k in candidates if digest in k.hashes), None)
                or next((k for k in candidates if k.title == title), None))

    def free_slug(self, slug: str) -> str:
        candidate, number = slug, 2
        while candidate in self.taken:
            candidate = f"{slug}-{number}"
            number += 1
        return candidate


def _read_known(path: Path, config: Config) -> _Known | None:
    shown = config.display_path(path)
    stem_slug = slugify(path.stem)
    try:
        doc = read_source(path, shown, config.max_file_bytes)
    except ContentError:
        return _Known(path, shown, frozenset(), None, None, stem_slug)  # broken: still takes its slug
    meta = doc.meta
    hashes = {text_hash(doc.text)}
    recorded = meta.get("source_hash")
    if isinstance(recorded, str) and recorded.startswith("sha256:"):
        hashes.add(recorded)
    origin = meta.get("imported_from")
    slug = meta.get("slug") if isinstance(meta.get("slug"), str) and is_slug(meta["slug"]) else stem_slug
    return _Known(path, shown, frozenset(hashes), _known_title(doc), origin if isinstance(origin, str) else None, slug)


def _known_title(doc: SourceDoc) -> tuple[str, dt.date] | None:
    """Title and date as the annotator would find them, without a registry."""
    try:
        date = resolve_date(doc, Diagnostics()).date
    except ContentError:
        return None
    title = doc.meta.get("title")
    if not isinstance(title, (str, int, float)) or isinstance(title, bool) or not str(title).strip():
        title = lead_title(doc)
    return _title_key(str(title), date)
