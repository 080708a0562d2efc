"""Bytes → text, and the reader registry (the only I/O in ingest)."""

from __future__ import annotations

import codecs
import os
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


# --------------------------------------------------------------------------- hostile bytes


def test_broken_bytes_in_utf8_do_not_turn_umlauts_into_mojibake():
    text, (note,) = decode("Grüße\nkaputt: ".encode() + b"\xe2\x80 \xff\n", "a.txt")
    assert text.startswith("Grüße\nkaputt: ") and text.count("\ufffd") == 2
    assert (note.line, note.severity) == (2, Severity.WARNING) and "invalid UTF-8 (byte 0xe2)" in note.message


def test_latin1_umlauts_are_read_as_windows_1252():
    text, (note,) = decode("Grüße aus Österreich, Straße".encode("latin-1"), "a.txt")
    assert text == "Grüße aus Österreich, Straße" and "Windows-1252" in note.message


def test_control_characters_are_removed_with_a_warning_on_their_line():
    text, (note,) = decode(b"eins\r\nzwei \x1b[31mrot\x07\x7f\r\ndrei\x0c", "a.txt")
    assert text == "eins\nzwei [31mrot\ndrei"
    assert note.line == 2 and note.message == "4 control character(s) removed (first: U+001B)" and note.hint


def test_only_control_characters_is_an_empty_article():
    with pytest.raises(ContentError) as info:
        decode(b"\x1b\x07\x0c\n", "a.txt")
    assert info.value.message == "empty article"


@pytest.mark.parametrize("size, ok", [(10, True), (11, False)])
def test_size_limit_is_checked_before_reading(tmp_path, size, ok):
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * size)
    if ok:
        assert read_source(path, "a.txt", max_bytes=10).blocks
    else:
        with pytest.raises(ReadError) as info:
            read_source(path, "a.txt", max_bytes=10)
        assert info.value.message == "file is too large (11 bytes; the limit is 10 bytes)"
        assert "max_file_bytes" in info.value.hint


def test_pipes_and_directories_are_not_opened(tmp_path):
    """Opening a FIFO would block the build until someone writes to it."""
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    with pytest.raises(ReadError, match="not a regular file"):
        read_source(pipe, "pipe.txt")
    folder = tmp_path / "ordner.md"
    folder.mkdir()
    with pytest.raises(ReadError, match="it is a directory"):
        read_source(folder, "ordner.md")


def test_symlink_loop_and_broken_link(tmp_path):
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    (tmp_path / "broken.txt").symlink_to("missing.txt")
    with pytest.raises(ReadError, match="symbolic link loop"):
        read_source(tmp_path / "loop.txt", "loop.txt")
    with pytest.raises(ReadError, match="broken symbolic link"):
        read_source(tmp_path / "broken.txt", "broken.txt")


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="Linux' memory maps")
def test_many_files_read_cost_no_memory_map_each(tmp_path):
    """A 100,000-article archive keeps every file's bytes until annotated: a 10 MB read buffer
    per file left one memory map each, and Linux ends a process at 65,530 of them."""
    from archive_gen.ingest import read_bytes

    paths = []
    for n in range(1500):
        path = tmp_path / f"a{n}.txt"
        path.write_bytes(b"date 2024-06\n\nText %d\n" % n)
        paths.append(path)

    def maps() -> int:
        return len(Path("/proc/self/maps").read_text().splitlines())

    before = maps()
    kept = [read_bytes(path, path.name, 10 * 1024 * 1024) for path in paths]
    assert maps() - before < 100
    assert kept[7] == b"date 2024-06\n\nText 7\n"


def test_a_file_that_grows_after_the_stat_is_still_bounded(tmp_path, monkeypatch):
    from archive_gen.ingest import read_bytes

    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 5)
    real_stat = os.stat

    def stale_stat(target, *args, **kwargs):  # the size before the file grew
        info = real_stat(target, *args, **kwargs)
        return os.stat_result((*info[:6], 5, *info[7:])) if Path(target) == path else info

    path.write_bytes(b"x" * 8)
    monkeypatch.setattr(os, "stat", stale_stat)
    assert read_bytes(path, "a.txt", max_bytes=10) == b"x" * 8
    path.write_bytes(b"x" * 12)
    with pytest.raises(ReadError):
        read_bytes(path, "a.txt", max_bytes=10)
