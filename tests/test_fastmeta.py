"""MkDocs' front matter read by the fast reader: the same ``(markdown, meta)`` as MkDocs' own
``get_data`` (libyaml + PyYAML's constructor), or left to it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils import meta as mkdocs_meta

from archive_gen import front_matter
from archive_gen.cli import main
from archive_gen.publish import fastmeta
from archive_gen.render import frontyaml

from test_frontyaml import _KEYS, _TEXT, _VALUE


def same(text: str) -> bool:
    """The fast reader's mapping is libyaml's (types included), or it declines; True when taken."""
    found = fastmeta.read(text)
    if found is None:
        return False
    expected = yaml.load(text, Loader=yaml.CSafeLoader)
    assert fastmeta._types(found) == fastmeta._types(expected)
    return True


_PLAIN_TEXT = st.text(alphabet="abcXYZ äß-.,'/:#0123 ", min_size=1, max_size=12)
_SCALARS = _PLAIN_TEXT | st.dates() | st.integers() | st.booleans() | st.none()
_REAL = st.dictionaries(st.sampled_from(["title", "date", "actors", "provenance", "sources", "on", "y"]),
                        _SCALARS | st.lists(_SCALARS, max_size=3) | st.dictionaries(st.sampled_from(["a", "b"]), _SCALARS)
                        | st.lists(st.dictionaries(st.sampled_from(["name", "url"]), _SCALARS, min_size=1), max_size=2),
                        min_size=1, max_size=5)


@settings(max_examples=400, deadline=None)
@given(_REAL | st.dictionaries(_KEYS, _VALUE, min_size=1, max_size=5))
def test_front_matter_as_written_reads_the_same(meta):
    """As the render stage writes it (:mod:`.render.frontyaml`, else PyYAML's dumper)."""
    for text in {frontyaml.dump(meta), front_matter.dump_yaml(meta)} - {None}:
        same(text)


# Hand-written front matter: YAML's significant characters where our writer never puts them
_PIECES = st.sampled_from(["a", "Zeit", ": ", ":", " ", "  ", "#", " #", "'", "''", "\"", "[", "]", "{", "}", ", ", ",",
                           "- ", "-", "?", "&a", "*a", "!x", "|", ">", "%", "@", "`", "~", "0", "012", "1_0", "0x1",
                           "-1", "+1", "1.5", ".5", "1e3", "2024-06-19", "2024-02-30", "2024-6-1", "2024-06-19 10:00",
                           "<<", "=", "\t", "\r", "\x85", "\u2028", "\ufeff", "\xa0", "ä", "😀", "\x07", "---", "...",
                           "null", "on", "Yes", "\n", "\n  "])
_WORDS = st.lists(st.text(alphabet="abc xyzä", min_size=1, max_size=4) | _PIECES | _TEXT, max_size=4).map("".join)
_LINE = st.tuples(st.sampled_from(["title", "a", "null", "on", "x_1", "Yes", "<<", "-", "a b", ""]),
                  st.sampled_from([": ", ":", ":  ", ": [", ": {", ":\n- {", ": '"]), _WORDS,
                  st.sampled_from(["", "]", "}", "'", ", b]", ", b: c}"])).map("".join)
_HAND = st.lists(_LINE, min_size=1, max_size=4).map("\n".join).map(lambda text: text + "\n") | \
    st.lists(_PIECES | _TEXT, max_size=14).map("".join).map(lambda text: text + "\n")


@settings(max_examples=600, deadline=None)
@given(_HAND)
def test_hand_written_front_matter_reads_the_same_or_is_declined(text):
    try:
        expected = yaml.load(text, Loader=yaml.CSafeLoader)
    except Exception:  # MkDocs' get_data takes any error as no front matter
        assert fastmeta.read(text) is None
        return
    found = fastmeta.read(text)
    assert found is None or fastmeta._types(found) == fastmeta._types(expected)


def test_our_shapes_are_taken():
    texts = ["title: Angela Merkel\ndate: 2009-06-25\nn: 3\nflag: true\nnone: null\n",
             "actors: [cdu, 'a, b', 'it''s']\nprovenance: {actors: machine, title: 'x: y'}\n",
             "sources:\n- {name: dpa, url: 'https://x.org/?a=1#b'}\n- {name: AFP}\nlicense: CC BY 2.5\n",
             "{title: Angela Merkel, feed: actors/angela-merkel.xml}\n"]
    for text in texts:
        assert same(text), text
    assert fastmeta.read(texts[0])["date"] == dt.date(2009, 6, 25)


def test_get_data_is_mkdocs_own_for_every_page_shape():
    doc = "---\ntitle: T\nactors: [a]\n---\n\n\n# T\n\nText\n"
    assert fastmeta.get_data(doc) == mkdocs_meta.get_data(doc) == ("# T\n\nText\n", {"title": "T", "actors": ["a"]})
    for other in ["# No front matter\n", "---\n- a list\n---\nx\n", "---\n: bad\n---\nx\n", "Title: MultiMarkdown\n\nx\n",
                  "---\ntitle: \"double\"\n---\nx\n"]:
        assert fastmeta.get_data(other) == mkdocs_meta.get_data(other)


def test_verify_and_off(monkeypatch):
    calls = []

    def original(doc):
        calls.append(doc)
        return "body", {"title": 1}  # not what the page holds: verify must notice

    patched = fastmeta.fast_get_data(original)
    doc = "---\ntitle: '1'\n---\nbody"
    monkeypatch.setenv(fastmeta.MODE_VARIABLE, "off")
    assert patched(doc) == ("body", {"title": 1}) and len(calls) == 1
    monkeypatch.setenv(fastmeta.MODE_VARIABLE, "on")
    assert patched(doc) == ("body", {"title": "1"}) and len(calls) == 1
    monkeypatch.setenv(fastmeta.MODE_VARIABLE, "verify")
    with pytest.raises(fastmeta.FastMetaMismatch):
        patched(doc)


@pytest.mark.slow
def test_every_sample_page_reads_the_same(project):
    """Every page of the sample's docs/: MkDocs' result, and all of them taken by the fast reader."""
    assert main(["generate", "-q", "--config", str(project / "mkdocs.yml")]) == 0
    docs = [path.read_text(encoding="utf-8-sig") for path in sorted(Path(project / "docs").rglob("*.md"))]
    taken = 0
    for doc in docs:
        fast, slow = fastmeta.get_data(doc), mkdocs_meta.get_data(doc)
        assert fast == slow and fastmeta._types(fast[1]) == fastmeta._types(slow[1])
        found = mkdocs_meta.YAML_RE.match(doc)
        taken += bool(found) and fastmeta.read(found.group(1)) is not None
    assert len(docs) > 300 and taken >= 0.95 * len(docs)
