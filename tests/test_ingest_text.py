"""Bytes → text, and the reader registry (the only I/O in ingest)."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from archive_gen.errors import ContentError, ReadError, Severity
from archive_gen.ingest import READERS, markdown, read_source, supported, wire
from archive_gen.ingest.text import decode


def test_utf8():
    assert decode("Grüße aus Wien".encode(), "a.txt") == ("Grüße aus Wien", ())


def test_utf8_bom_is_stripped():
    text, notes = decode(codecs.BOM_UTF8 + "date 2024-06 Lead".encode(), "a.txt")
    assert text == "date 2024-06 Lead" and notes == ()


def test_cp1252_fallback_warns_with_the_line_of_the_first_bad_byte():
    data = "Zeile eins\r\nZeile zwei\r\nGrüße – aus Österreich".encode("cp1252")
    text, (note,) = decode(data, "a.txt")
    assert text == "Zeile eins\nZeile zwei\nGrüße – aus Österreich"
    assert (note.path, note.line, note.severity) == ("a.txt", 3, Severity.WARNING)
    assert "0xfc" in note.message and note.hint


def test_bytes_that_are_neither_utf8_nor_cp1252():
    with pytest.raises(ReadError) as info:
        decode(b"ok\n\x81\x8d", "a.txt")
    assert info.value.line == 2 and "UTF-8" in info.value.hint


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"a\r\nb\r\n", "a\nb\n"),
        (b"a\rb\r", "a\nb\n"),
        (b"a\r\n\rb", "a\n\nb"),
    ],
)
def test_line_ends_become_lf(data, expected):
    assert decode(data, "a.txt")[0] == expected


def test_nul_bytes_mean_a_binary_file():
    with pytest.raises(ReadError) as info:
        decode(b"line one\nline two\x00\x01", "a.txt")
    assert (info.value.path, info.value.line) == ("a.txt", 2)
    assert "NUL" in info.value.message and info.value.hint


def test_utf16_gets_its_own_message():
    with pytest.raises(ReadError) as info:
        decode("Grüße".encode("utf-16"), "a.txt")
    assert "UTF-16" in info.value.message


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", codecs.BOM_UTF8])
def test_empty_files(data):
    with pytest.raises(ContentError) as info:
        decode(data, "a.txt")
    assert info.value.message == "empty article" and not isinstance(info.value, ReadError)


# --------------------------------------------------------------------------- registry


def test_readers_by_suffix():
    assert READERS == {".txt": wire.parse, ".md": markdown.parse, ".markdown": markdown.parse}
    assert supported(Path("a.txt")) and supported("b.MD") and supported("c.markdown")
    assert not supported("d.docx") and not supported("README")


def test_read_source_wire(tmp_path):
    path = tmp_path / "kim.txt"
    path.write_bytes("date 2024-06 Lead.\r\n\r\nSchluss. (red, APA, 19.6.2024)".encode())
    doc = read_source(path, "content/articles/kim.txt")
    assert doc.path == "content/articles/kim.txt" and doc.format == "wire"
    assert doc.header_date == "2024-06" and doc.signoff.line == 3


def test_read_source_markdown_suffixes(tmp_path):
    for name in ("a.md", "b.markdown", "C.MD"):
        path = tmp_path / name
        path.write_text("---\ntitle: T\n---\nText.\n", encoding="utf-8")
        assert read_source(path, name).format == "markdown"


def test_read_source_merges_decoding_notes_first(tmp_path):
    path = tmp_path / "win.txt"
    path.write_bytes("date 2024-13 Grüße.\r\n".encode("cp1252"))
    doc = read_source(path, "win.txt")
    assert [n.line for n in doc.notes] == [1, 1]
    assert "Windows-1252" in doc.notes[0].message and "2024-13" in doc.notes[1].message


def test_read_source_unknown_suffix(tmp_path):
    path = tmp_path / "a.docx"
    path.write_bytes(b"PK")
    with pytest.raises(ContentError) as info:
        read_source(path, "content/articles/a.docx")
    assert info.value.path == "content/articles/a.docx" and info.value.line == 1
    assert "'.docx'" in info.value.message and ".md" in info.value.hint


def test_read_source_missing_file(tmp_path):
    with pytest.raises(ReadError) as info:
        read_source(tmp_path / "missing.txt", "missing.txt")
    assert info.value.path == "missing.txt" and info.value.hint


def test_read_source_binary_file(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(ReadError):
        read_source(path, "image.txt")
