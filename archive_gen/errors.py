"""Errors and diagnostics.

Content problems are *collected*, not raised (errors, warnings, and notes that only point an
editor at something worth a look): one broken article must not take the archive
down. Each problem becomes a :class:`Diagnostic` that names the file and line, and the
command prints them all together at the end. Exceptions are for problems that stop a stage
for one input (caught and turned into a diagnostic by the caller) or for the whole run.

    ArchiveGenError               anything this package raises on purpose
     ├── ConfigError              settings or paths that make the whole run impossible
     ├── ContentError             one content file cannot be used (path, line, hint)
     │    ├── ReadError           bytes that cannot be read or decoded
     │    └── FrontMatterError    YAML front matter that is broken or has the wrong shape
     ├── GenerateError            writing docs/ failed (a bug, or the disk); docs/ is left as it was
     └── RenderError              MkDocs failed to render the generated Markdown

Everything printed comes from outside (file names, YAML values), so :func:`printable` shows
control characters, line breaks and undecodable bytes as escapes: a report line is one line,
and a file name cannot send escape sequences to the terminal.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from pathlib import PurePath

# C0/C1 controls, DEL, lone surrogates (undecodable file-name bytes), line/paragraph separators.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")


def printable(text: object) -> str:
    """``text`` on one line, with every control character shown as an escape (``\\x1b``)."""
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], str(text))


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"  # worth an editor's look, never a failure (not even under --strict)

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem in one file, printed as ``path:line: severity: message (hint)``."""

    path: str
    line: int
    severity: Severity
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{printable(self.path)}:{self.line}: {self.severity}: {printable(self.message)}"
        return f"{text} (hint: {printable(self.hint)})" if self.hint else text


class ArchiveGenError(Exception):
    """Base class of every error this package raises on purpose."""


class ConfigError(ArchiveGenError):
    """The run cannot start: a missing directory, an unreadable mkdocs.yml, a bad option."""


class GenerateError(ArchiveGenError):
    """Generating docs/ failed as a whole (not one article); the previous docs/ is kept."""


class RenderError(ArchiveGenError):
    """MkDocs could not render the generated pages."""


class ContentError(ArchiveGenError):
    """One content file cannot be used as it is."""

    def __init__(self, path: str | PurePath, line: int, message: str, hint: str = "") -> None:
        self.path = str(path)
        self.line = max(int(line), 1)
        self.message = message
        self.hint = hint
        super().__init__(f"{printable(self.path)}:{self.line}: {printable(message)}")

    def diagnostic(self, severity: Severity = Severity.ERROR) -> Diagnostic:
        return Diagnostic(self.path, self.line, severity, self.message, self.hint)


class ReadError(ContentError):
    """The file's bytes cannot be read or decoded as text."""


class FrontMatterError(ContentError):
    """YAML front matter is syntactically broken or has the wrong shape."""


class Diagnostics:
    """Collects diagnostics from every stage; sorted output keeps reports stable."""

    def __init__(self) -> None:
        self._items: list[Diagnostic] = []

    def add(self, diagnostic: Diagnostic) -> None:
        self._items.append(diagnostic)

    def error(self, path: str | PurePath, line: int, message: str, hint: str = "") -> None:
        self.add(Diagnostic(str(path), max(line, 1), Severity.ERROR, message, hint))

    def warning(self, path: str | PurePath, line: int, message: str, hint: str = "") -> None:
        self.add(Diagnostic(str(path), max(line, 1), Severity.WARNING, message, hint))

    def note(self, path: str | PurePath, line: int, message: str, hint: str = "") -> None:
        self.add(Diagnostic(str(path), max(line, 1), Severity.NOTE, message, hint))

    def __iter__(self):
        return iter(sorted(set(self._items), key=_sort_key))

    def __len__(self) -> int:
        return len(set(self._items))

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self if d.severity is Severity.WARNING]

    @property
    def notes(self) -> list[Diagnostic]:
        return [d for d in self if d.severity is Severity.NOTE]

    def failed(self, strict: bool = False) -> bool:
        """True when the run must exit non-zero: errors, or any warning under ``--strict``."""
        return bool(self.errors) or (strict and bool(self.warnings))


def _sort_key(d: Diagnostic) -> tuple:
    return (d.path, d.line, d.severity.value, d.message, d.hint)
