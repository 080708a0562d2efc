"""Import: raw articles in, curated Markdown files in ``content/articles/`` out, for review.

``archive-gen import FILE|DIR`` reads each source with the real readers, annotates it with the
real annotator over the project's registry, and writes
``content/articles/<yyyy>/<mm>/<slug>.md``: front matter with everything extracted, in the
fixed key order of :data:`archive_gen.fields.ARTICLE_KEY_ORDER`, then the text as Markdown.
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
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .. import fields, front_matter
from ..annotate import Annotator
from ..annotate.notes import KEY as NOTES_KEY
from ..annotate.notes import problem_hint, short_quote
from ..config import Config
from ..errors import ContentError, Diagnostic, Diagnostics, Severity, printable
from ..ingest import read_source, sidecar_of, supported
from ..model import Article, SourceDoc
from ..paths import is_slug, slugify
from ..registry import load_registry
from ..render import extracted_meta
from .fingerprint import text_hash
from .known import Known, KnownArticles, title_key
from .markdown_out import carry_notes, markdown_body, reads_back

PROVENANCE_KEYS = ("imported_from", "source_hash")


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
    archive = KnownArticles.scan(config, exclude={_real(p) for p in sources})
    for source in sources:
        _import_one(source, config, annotator, archive, report, diags, dry_run)
    return report


def _import_one(source: Path, config: Config, annotator: Annotator, archive: "KnownArticles",
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
    text, orphans = render(article, origin, digest)
    key = title_key(article.title, article.date)

    if _seen_before(archive, report, origin, digest, key, text):
        return
    slug = _wanted_slug(doc, article)
    while True:
        slug = archive.slugs.claim(slug)
        target = articles_dir / f"{article.date.year:04d}" / f"{article.date.month:02d}" / f"{slug}.md"
        shown = config.display_path(target)
        if dry_run or _create(target, text):
            break
        # a file the scan did not count (hidden, unsupported): next slug
    problem = reads_back(text, doc, shown)
    if problem:
        _warn(report, diags, Diagnostic(shown, problem[0], Severity.WARNING,
                                        f"the Markdown does not read back like the source: {problem[1]}",
                                        "check this part of the file against the source before committing"))
    for line, exact, problem in _orphan_lines(text, shown, orphans):
        _warn(report, diags, Diagnostic(shown, line, Severity.WARNING,
                                        f'annotation "{short_quote(exact)}" no longer matches; carried over as written',
                                        problem_hint(problem)))
    if inside:
        _warn(report, diags, Diagnostic(origin, 1, Severity.WARNING, f"the source is itself an article of the "
                                        f"archive; {shown} now has the same text",
                                        f"remove the source after review (git rm {origin})"))
    archive.add(Known(target, shown, frozenset({digest}), key, origin, slug))
    report.created.append(Imported(origin, shown))


def _seen_before(archive: KnownArticles, report: ImportReport, origin: str, digest: str,
                 key: tuple[str, dt.date], text: str) -> bool:
    """A source imported before (unchanged, or would change) or one the archive has (duplicate)."""
    own = archive.imported_from(origin, digest, key)
    if own is not None:
        old = _read_text(own.path)
        if old == text:
            report.unchanged.append(Imported(origin, own.shown))
        else:
            diff, line = unified_diff(old, text, own.shown, f"import of {origin}")
            report.would_change.append(Changed(origin, own.shown, line, diff))
        return True
    same = archive.by_hash.get(digest)
    reason = "same text"
    if same is None:
        same, reason = archive.by_title.get(key), "same title and date"
    if same is not None:
        report.duplicates.append(Duplicate(origin, same.shown, reason, same.imported_from))
        return True
    return False


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


def render(article: Article, origin: str, digest: str) -> tuple[str, list[tuple[int, str, str]]]:
    """The imported file's text: front matter in the fixed key order, then the body; and the
    passage notes that anchor neither in the source nor in this text (see :func:`carry_notes`)."""
    body = markdown_body(article.doc)
    meta = article_meta(article, origin, digest)
    notes, orphans = carry_notes(article.doc, body, origin)
    if notes is not None:
        meta[NOTES_KEY] = notes
    return front_matter.dumps(meta, body), orphans


def _orphan_lines(text: str, shown: str, orphans: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """Each orphan with the line of its entry in the written file."""
    if not orphans:
        return []
    lines = front_matter.split(text, shown).meta_lines
    return [(lines.get(f"{NOTES_KEY}#{number}", lines.get(NOTES_KEY, 1)), exact, problem)
            for number, exact, problem in orphans]


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
    order = {key: number for number, key in enumerate(fields.ARTICLE_KEY_ORDER)}
    ordered = sorted((k for k in meta if k not in PROVENANCE_KEYS),
                     key=lambda k: (k not in order, order.get(k, 0)))  # unknown keys keep their order, last
    result = {k: meta[k] for k in ordered}
    result["imported_from"] = origin
    result["source_hash"] = digest
    return result


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
                elif sidecar_of(file.with_suffix(".txt")) == file:
                    continue  # the editors' metadata of the wire file beside it: read with it
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


def _wanted_slug(doc: SourceDoc, article: Article) -> str:
    wanted = doc.meta.get("slug")
    return wanted if isinstance(wanted, str) and is_slug(wanted) else slugify(article.title)
