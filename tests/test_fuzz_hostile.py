"""Property tests (Hypothesis): random bytes, text and front-matter structures through the
readers, the front-matter layer, the whole read-and-annotate step and the Markdown escapers.
The only exceptions allowed are ContentError and its subclasses: never an uncaught one."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from archive_gen import front_matter
from archive_gen.annotate import Annotator
from archive_gen.pipeline import read_article
from archive_gen.config import Config
from archive_gen.errors import ContentError, Diagnostics, FrontMatterError
from archive_gen.ingest import markdown as markdown_reader
from archive_gen.ingest import read_source, wire
from archive_gen.ingest.text import decode
from archive_gen.registry import load_registry
from archive_gen.render.escape import md_escape, safe_markdown

from conftest import REPO

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Byte fragments that matter to the decoder: BOMs, CR/LF, NUL, UTF-8 lead and continuation
# bytes, cp1252's holes, umlauts in both encodings, escape sequences.
_BYTES = st.lists(st.one_of(
    st.binary(max_size=8),
    st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\r\n", b"\r", b"\n", b"\x00", b"\xc3\xbc", b"\xfc", b"\x81",
                     b"\x8d", b"\xe2\x80", b"\x1b[2J", b"\x0c", b"date 2024-06 ", b"---\n", b"title: x\n"]),
), max_size=30).map(b"".join)

# Text fragments that matter to the readers and to YAML.
_TEXT = st.lists(st.one_of(
    st.text(max_size=10),
    st.sampled_from(["---\n", "\n", "\n\n", "\r", "date 2024-06-19 ", "date: 2024-02-30\n", "title: ", "&a ", "*a ",
                     "!!python/object/apply:os.system [ls]", "[", "]", "{", "}", ": ", "- ", "  ", "<<: ", "? ", "'", '"',
                     "|\n", "(red, APA, 31.2.2024)", "IMAGO/Max Muster", "Wien – ", "\ufeff", "\t", "#"]),
), max_size=40).map("".join)

_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
)
_STRUCTURES = st.recursive(
    _SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(min_size=1, max_size=8), inner, max_size=4),
    max_leaves=12,
)


@FUZZ
@given(_BYTES)
def test_random_bytes_decode_or_raise_content_error(data):
    try:
        text, notes = decode(data, "fuzz.txt")
    except ContentError as exc:
        assert exc.path == "fuzz.txt" and exc.line >= 1 and exc.hint
        return
    assert text.strip() and "\r" not in text and "\x00" not in text
    assert not re.search(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", text)
    assert all(n.path == "fuzz.txt" and n.hint for n in notes)


@FUZZ
@given(_BYTES, st.sampled_from([".txt", ".md", ".markdown"]))
def test_random_files_read_or_raise_content_error(data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            doc = read_source(path, f"content/articles/fuzz{suffix}", max_bytes=64)
        except ContentError as exc:
            assert exc.line >= 1 and exc.hint
            return
    for block in doc.blocks:
        assert doc.text[block.start:block.end] == block.text


@FUZZ
@given(_TEXT)
def test_random_text_through_both_readers(text):
    for parse in (wire.parse, markdown_reader.parse):
        try:
            doc = parse(text, "fuzz")
        except ContentError as exc:
            assert exc.line >= 1
            continue
        assert all(doc.text[b.start:b.end] == b.text for b in doc.blocks)


@FUZZ
@given(st.dictionaries(st.text(min_size=1, max_size=8), _STRUCTURES, max_size=6), _TEXT)
def test_front_matter_structures_round_trip(meta, body):
    """Whatever safe YAML another tool writes is read exactly as PyYAML's safe loader reads
    it (or, nested too deeply, refused with a FrontMatterError)."""
    dumped = yaml.safe_dump(meta, allow_unicode=True)
    text = "---\n" + dumped + "---\n" + body
    try:
        split = front_matter.split(text, "fuzz.md")
    except FrontMatterError as exc:
        assert "nested" in exc.message
        return
    expected = yaml.safe_load(dumped)
    assert split.meta == expected
    items = {f"{k}#{n}" for k, v in expected.items() if isinstance(v, list) for n, x in enumerate(v, start=1)
             if isinstance(x, dict)}
    assert set(split.meta_lines) == set(expected) | items  # every top-level key, and each entry of a list ("key#n")


@FUZZ
@given(_TEXT)
def test_random_front_matter_raises_only_front_matter_errors(yaml_text):
    try:
        split = front_matter.split(f"---\n{yaml_text}\n---\nText.\n", "fuzz.md")
    except FrontMatterError as exc:
        assert exc.line >= 1 and exc.hint
        return
    assert isinstance(split.meta, dict) and all(isinstance(k, str) for k in split.meta)


@pytest.fixture(scope="module")
def annotator():
    config = Config.load(REPO / "mkdocs.yml")
    return Annotator(load_registry(config.content_dir, Diagnostics()), config.language)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXT, suffix=st.sampled_from([".txt", ".md"]))
def test_read_and_annotate_never_fails_internally(annotator, text, suffix):
    """The whole read step on random input: an article or a content error, never a bug."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz{suffix}"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        diags = Diagnostics()
        read_article(annotator, path, f"content/articles/fuzz{suffix}", diags, 10 * 1024 * 1024)
    assert not [str(d) for d in diags if "internal error" in d.message]


# ---------------------------------------------------------------------------- escapers

_MARKDOWN = st.lists(st.one_of(
    st.text(max_size=6),
    st.sampled_from(["[a](", "](", ")", "[x]: ", "[x]", "\n", "\n\n", "javascript:", "JaVaScRiPt:", "data:", "vbscript:",
                     "java\nscript:", "java\tscript:", "\x01", " ", "<", ">", "&", "#", "{:", "}", "onclick=", "alert(1)",
                     "<script>", "<img src=x onerror=alert(1)>", "\\", "`", "*", "_", "!", "![i](", "http://x", "mailto:a@b"]),
), max_size=30).map("".join)
_SAFE_TAGS = {"p", "a", "img", "em", "strong", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
              "blockquote", "hr", "br", "div"}


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def _unsafe(html: str) -> list[str]:
    parser = _Elements()
    parser.feed(html)
    found = []
    for tag, attrs in parser.tags:
        if tag not in _SAFE_TAGS:
            found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                found.append(f"{tag} {name}")
            if name in ("href", "src"):
                url = re.sub(r"[\x00-\x20]", "", value or "").lower()
                scheme = re.match(r"([a-z][a-z0-9+.-]*):", url)
                if scheme and scheme.group(1) not in ("http", "https", "mailto"):
                    found.append(f"{tag} {name}={value!r}")
    return found


@settings(max_examples=400, deadline=None)
@given(_MARKDOWN)
def test_editor_markdown_never_yields_script(text):
    """Descriptions and pages: whatever an editor writes, the HTML has no raw tags, no event
    handlers and no link to a scheme outside http, https and mailto."""
    html = markdown.markdown(str(safe_markdown(text)), extensions=["attr_list", "toc"])
    assert _unsafe(html) == [], html


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_escaped_text_with_control_characters_renders_as_its_visible_text(text):
    visible = " ".join(re.sub(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]", "", text).split())
    assume(visible)
    html = markdown.markdown(md_escape(text), extensions=["attr_list", "toc"])
    assert html.startswith("<p>") and _unsafe(html) == [], html
