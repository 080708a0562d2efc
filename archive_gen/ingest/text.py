"""Bytes → text, the one place that decides how a content file is decoded.

UTF-8 is the rule. Files saved on Windows in cp1252 (Austrian umlauts: ``Gr\\xfc\\xdfe``) are
common enough to read anyway, with a warning naming the line of the first byte that is not
UTF-8, so an editor can re-save the file. NUL bytes mean a binary file (or UTF-16), which we
refuse rather than turn into garbage. Line ends become ``\\n`` so that line numbers agree
with what editors see.
"""

from __future__ import annotations

import codecs

from ..errors import ContentError, Diagnostic, ReadError, Severity

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


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
    notes: tuple[Diagnostic, ...] = ()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise ReadError(
                path,
                _line_of(data, exc.start),
                f"file is neither UTF-8 nor Windows-1252 (byte 0x{data[exc.start]:02x})",
                "save the file as UTF-8",
            ) from None
        notes = (
            Diagnostic(
                path,
                _line_of(data, exc.start),
                Severity.WARNING,
                f"file is not valid UTF-8 (byte 0x{data[exc.start]:02x}); read as Windows-1252",
                "save the file as UTF-8",
            ),
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ContentError(path, 1, "empty article", "the file holds no text")
    return text, notes


def _line_of(data: bytes, offset: int) -> int:
    """1-based line of a byte offset; counts CRLF, LF and lone CR as one line end each."""
    head = data[:offset]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1
