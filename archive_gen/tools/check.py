"""``archive-gen check``: everything a build would report, and what only the whole archive
shows (duplicates, links in hand-written pages that point nowhere), without writing a file.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from .. import paths
from ..config import Config
from ..errors import Diagnostic, Diagnostics, Severity
from ..annotate.titles import needs_editor_title
from ..index import build_archive
from ..index.events import load_events
from ..model import Archive, Article
from ..pipeline import Progress, collect
from ..dataset import published_paths
from ..render import Settings, render_pages
from .fingerprint import text_hash

# [text](target) and [text](target "title"); images too. Not inside code spans (good enough:
# hand-written pages are prose).
_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")


def check(config: Config, diags: Diagnostics, progress: Progress) -> list[Article]:
    """Read and annotate everything, then the checks across the archive; returns the articles."""
    registry, articles = collect(config, diags, progress)
    find_duplicates(articles, diags)
    machine_headlines(articles, diags)
    events = load_events(config.content_dir, diags, config.display_path, config.max_file_bytes)
    archive = build_archive(articles, registry, diags, events)
    generated = {page for page, _ in render_pages(archive, Settings.of(config))} | set(published_paths())
    check_page_links(archive, generated, diags, config.project_dir)
    return articles


def machine_headlines(articles: list[Article], diags: Diagnostics) -> None:
    """Articles whose headline was taken from the text and had to be shortened, or is long:
    a note (never a failure) that an editor should write one."""
    for article in sorted(articles, key=lambda a: a.source_file):
        reason = needs_editor_title(article.doc) if article.provenance.get("title") == "machine" else None
        if reason:
            where = article.doc.meta_path or article.source_file
            diags.note(where, 1, f"the headline was taken from the text ({reason}): \"{article.title}\"",
                       "write the editors' headline as title: in the front matter (x.yml beside a wire file)")


def find_duplicates(articles: list[Article], diags: Diagnostics) -> None:
    """Two sources with the same text, or the same title and date, are one article twice."""
    by_text: dict[str, Article] = {}
    by_title: dict[tuple[str, str], Article] = {}
    for article in sorted(articles, key=lambda a: a.source_file):
        for key, seen, what in (
            (text_hash(article.doc.text), by_text, "the same text"),
            ((article.title.casefold(), article.date.isoformat()), by_title, "the same title and date"),
        ):
            first = seen.setdefault(key, article)
            if first is not article:
                diags.warning(article.source_file, 1, f"duplicate: {what} as {first.source_file}",
                              "delete one of the two files, or change the title if they are different articles")
                break


def check_page_links(archive: Archive, generated: set[str], diags: Diagnostics, project_dir: Path) -> None:
    """Relative links in ``content/pages/`` must reach a generated page (``actors/index.md``)."""
    for page_id, page in sorted(archive.registry.pages.items()):
        docs_page = paths.custom_page(page_id)
        offset = _body_line_offset(project_dir / page.path) if page.path else 0
        for number, line in enumerate(page.body.splitlines(), start=1):
            for match in _LINK.finditer(line):
                target = match.group(1)
                if re.match(r"^[a-z][a-z0-9+.-]*:|^#|^/", target, re.IGNORECASE):
                    continue  # external, anchor or absolute: not ours to check
                path = target.split("#", 1)[0]
                if not path:
                    continue
                resolved = posixpath.normpath(posixpath.join(posixpath.dirname(docs_page), path))
                candidates = {resolved, resolved.rstrip("/") + "/index.md", resolved.rstrip("/") + ".md"}
                if not candidates & generated:
                    near = _nearest(resolved, generated)
                    diags.error(page.path or f"content/pages/{page_id}.md", offset + number,
                                f"broken link '{target}': no such page in the generated site",
                                f"did you mean '{posixpath.relpath(near, posixpath.dirname(docs_page) or '.')}'?"
                                if near else "link to a page that exists, e.g. actors/index.md")


def _body_line_offset(path: Path) -> int:
    """Lines before the body in the source file (front matter), so messages name file lines."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return 0
    lines = text.splitlines()
    if lines and lines[0].strip() == "---":
        for i, line in enumerate(lines[1:], start=1):
            if line.strip() == "---":
                return i + 1 + _leading_blank(lines[i + 1:])
    return 0


def _leading_blank(lines: list[str]) -> int:
    count = 0
    for line in lines:
        if line.strip():
            break
        count += 1
    return count


def _nearest(target: str, generated: set[str]) -> str | None:
    import difflib

    found = difflib.get_close_matches(target, sorted(generated), n=1, cutoff=0.6)
    return found[0] if found else None


def github_annotation(diagnostic: Diagnostic) -> str:
    """One diagnostic as a GitHub Actions workflow command: shown on the PR's changed lines."""
    level = {Severity.ERROR: "error", Severity.WARNING: "warning"}.get(diagnostic.severity, "notice")
    message = diagnostic.message + (f" ({diagnostic.hint})" if diagnostic.hint else "")
    return f"::{level} file={_escape_property(diagnostic.path)},line={diagnostic.line},title=archive-gen::{_escape_data(message)}"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")
