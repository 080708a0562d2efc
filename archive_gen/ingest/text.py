"""Bytes → text, the one place that decides how a content file is decoded.

UTF-8 is the rule. Files saved on Windows in cp1252 (Austrian umlauts: ``Gr\\xfc\\xdfe``) are
common enough to read anyway, with a warning naming the line of the first byte that is not
UTF-8, so an editor can re-save the file. A UTF-8 file with a few broken bytes (a truncated
copy-paste) stays UTF-8: only the broken bytes become ``\ufffd``, the umlauts around them
are not turned into mojibake. NUL bytes mean a binary file (or UTF-16), which we refuse
rather than turn into garbage. Other control characters (escape sequences, bells, form feeds
from old wire feeds) are invisible in a page and only do harm in a terminal: they are removed,
with a warning. Line ends become ``\\n`` so that line numbers agree with what editors see.
"""

from __future__ import annotations

import codecs
import re

from ..errors import ContentError, Diagnostic, ReadError, Severity
from ..lang import normalize_newlines

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Control characters other than tab and line ends (C0, DEL, C1); NUL is refused earlier.
CONTROL = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def decode(data: bytes, path: str) -> tuple[str, tuple[Diagnostic, ...]]:
    """Decode a content file; return ``(text, notes)`` or raise ReadError/ContentError."""
    if data.startswith(_UTF16_BOMS):
        raise ReadError(path, 1, "file is UTF-16 encoded", "save the file as UTF-8")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ReadError(
            path,
            _line_of(data, nul),
            "file contains NUL bytes (binary file?)",
            "only plain-text articles (.txt, .md) can be read; save the file as UTF-8 text",
        )
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    notes: list[Diagnostic] = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, byte = _line_of(data, exc.start), data[exc.start]
        repaired = data.decode("utf-8", "replace")
        if any(ord(c) > 0x7F and c != "\ufffd" for c in repaired):  # real UTF-8 with broken bytes
            text = repaired
            notes.append(Diagnostic(
                path, line, Severity.WARNING,
                f"invalid UTF-8 (byte 0x{byte:02x}); {repaired.count(chr(0xFFFD))} broken character(s) "
                "shown as \ufffd", "fix the broken characters and save the file as UTF-8"))
        else:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                raise ReadError(
                    path, line, f"file is neither UTF-8 nor Windows-1252 (byte 0x{byte:02x})",
                    "save the file as UTF-8",
                ) from None
            notes.append(Diagnostic(
                path, line, Severity.WARNING,
                f"file is not valid UTF-8 (byte 0x{byte:02x}); read as Windows-1252", "save the file as UTF-8"))
    text = normalize_newlines(text)
    control = CONTROL.search(text)
    if control:
        count = len(CONTROL.findall(text))
        notes.append(Diagnostic(
            path, text.count("\n", 0, control.start()) + 1, Severity.WARNING,
            f"{count} control character(s) removed (first: U+{ord(control.group()):04X})",
            "remove escape sequences and other invisible characters from the file"))
        text = CONTROL.sub("", text)
    if not text.strip():
        raise ContentError(path, 1, "empty article", "the file holds no text")
    return text, tuple(notes)


def _line_of(data: bytes, offset: int) -> int:
    """1-based line of a byte offset; counts CRLF, LF and lone CR as one line end each."""
    head = data[:offset]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1
