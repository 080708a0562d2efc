"""Generated front matter written as strings is PyYAML's, byte for byte, or left to PyYAML."""

from __future__ import annotations

import datetime as dt

import yaml
from hypothesis import given, settings, strategies as st

from archive_gen import front_matter
from archive_gen.render import frontyaml
from archive_gen.render.meta import page_file

# Characters that decide YAML's quoting, among ordinary ones and any other (astral, controls, breaks)
_SIGNIFICANT = st.sampled_from(list("-?:,[]{}#&*!|>'\"%@`.~=< \t\n\r\x85\u2028\ufeff\xa0Ny0123")) | \
    st.sampled_from(["---", "...", ": ", " #", "null", "yes", "No", "on", "true", "1.5", "0x1f", "2024-06-19", "1e3"])
_TEXT = st.lists(_SIGNIFICANT | st.characters(blacklist_categories=("Cs",)) | st.sampled_from(["ä", "😀", "„"]),
                 max_size=8).map("".join)
_SCALAR = _TEXT | st.none() | st.booleans() | st.integers() | st.dates() | st.floats(allow_nan=False)
_KEYS = st.sampled_from(["title", "date", "actors", "feed", "y", "null", "on", "source_url", "Über", "a b", "_x"]) | _TEXT
_FLAT = st.lists(_SCALAR, max_size=3) | st.dictionaries(_KEYS, _SCALAR, max_size=3)
_VALUE = _SCALAR | _FLAT | st.lists(st.dictionaries(_KEYS, _SCALAR, max_size=3), max_size=2) | \
    st.lists(_FLAT | _SCALAR, max_size=2) | st.tuples(_TEXT)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(_KEYS, _VALUE, min_size=1, max_size=5))
def test_whatever_is_written_here_is_what_pyyaml_writes(meta):
    written = frontyaml.dump(meta)
    if written is not None:
        assert written == front_matter.dump_yaml(meta)


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(_KEYS, _VALUE, min_size=1, max_size=5), _TEXT)
def test_a_page_file_is_the_same_either_way(meta, body):
    try:
        expected = front_matter.dumps(_plain(meta), body)
    except yaml.YAMLError:
        return
    assert page_file(meta, body) == expected


def _plain(value):
    from archive_gen.render.escape import plain
    if isinstance(value, str):
        return plain(value)
    if isinstance(value, dict):
        return {plain(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


_PIECES = [*"-?:,[]{}#&*!|>'\"%@`.~=< \t\nNya0ä😀", "---", "...", "null", "yes", "1.5", "2024-06-19", "x"]


def _contexts(text):
    """``text`` as a block value, in a flow sequence, in a flow mapping of its own, in a list of mappings."""
    return [{"title": text, "list": [text, "b"]}, {"title": text, "n": 1}, {"list": [{"id": text}], "x": "y"}]


def test_every_short_combination_of_yaml_significant_characters():
    for a in _PIECES:
        for b in _PIECES:
            for meta in _contexts(a + b) + _contexts(a + " " + b) + _contexts("Wort" + a + b):
                written = frontyaml.dump(meta)
                assert written is None or written == front_matter.dump_yaml(meta), meta


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_any_text_in_every_context(text):
    for meta in _contexts(text) + _contexts("Wort " + text) + _contexts(text + " Wort"):
        written = frontyaml.dump(meta)
        assert written is None or written == front_matter.dump_yaml(meta), meta


def test_the_shapes_of_generated_pages_are_written_here():
    """Not a fallback in disguise: article and term front matter, quoted where YAML needs it."""
    article = {
        "description": "Kim sagt: „Wir stehen zusammen.“ #Gipfel", "title": "Wahl: Wer gewinnt?",
        "date": dt.date(2024, 6, 19), "date_precision": "day", "language": "no",
        "actors": ["kim-jong-un", "nordkorea"], "sources": [{"id": "apa", "role": "wire"}, {"id": "afp", "role": "photo",
                                                                                              "credit": "AFP/POOL"}],
        "provenance": {"actors": "machine", "title": "editor"}, "corrections": [{"date": dt.date(2024, 6, 21), "text": "Die Agentur war TASS."}],
        "source_url": "https://de.wikinews.org/wiki/?curid=1", "count": 3, "flag": True,
    }
    written = frontyaml.dump(article)
    assert written == front_matter.dump_yaml(article)
    assert "title: 'Wahl: Wer gewinnt?'\n" in written and "language: 'no'\n" in written
    assert "sources:\n- {id: apa, role: wire}\n" in written
    term = {"title": "Putin, Wladimir [Russland]", "feed": "actors/putin.xml"}
    assert frontyaml.dump(term) == front_matter.dump_yaml(term) == "{title: 'Putin, Wladimir [Russland]', feed: actors/putin.xml}\n"


def test_what_is_not_written_here_goes_to_pyyaml():
    for meta in ({"title": "zwei\nZeilen"}, {"title": " Rand"}, {"x": 1.5}, {"title": "\x00"}, {"yes": "a"},
                 {"list": [[1]]}, {"emoji": "😀"}):
        assert frontyaml.dump(meta) is None, meta
