import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from archive_gen import front_matter
from archive_gen.errors import FrontMatterError


def test_line_numbers_are_file_lines():
    split = front_matter.split("---\ntitle: A\ndate: 2024-06-19\n---\nText\n", "a.md")
    assert split.meta == {"title": "A", "date": dt.date(2024, 6, 19)}
    assert split.meta_lines == {"title": 2, "date": 3}
    assert split.body.strip() == "Text"


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("---\na: 1\na: 2\n---\n", 3, "duplicate key"),
        ("---\na: &x [1]\nb: *x\n---\n", 2, "anchors"),
        ("---\nx: !!python/object/apply:os.system [ls]\n---\n", 2, "tag '!!python/object/apply:os.system'"),
        ("---\ntitle: T\nx: !!python/name:os.system\n---\n", 3, "not allowed"),
        ("---\nx: !!binary aGFsbG8=\n---\n", 2, "tag '!!binary'"),
        ("---\nx: !!set {a, b}\n---\n", 2, "tag '!!set'"),
        ("---\nx: !lokal 1\n---\n", 2, "tag '!lokal'"),
        ("---\ndate: 2024-02-30\n---\n", 2, "not a date that exists"),
        ("---\ntitle: T\ndate: 2023-02-29 12:00:00\n---\n", 3, "not a date that exists"),
        ("---\nx: " + "[" * 50 + "]" * 50 + "\n---\n", 2, "nested more than"),
        ("---\n\n\ntitle: [unclosed\n---\n", 5, "invalid YAML"),  # blank lines after '---'
        ("---\nouter:\n  a: 1\n  a: 2\n---\n", 4, "duplicate key 'a'"),
        ("---\ntitle: [unclosed\n---\n", 3, "invalid YAML"),
        ("---\n- a list\n---\n", 2, "mapping"),
        ("---\ntitle: open\n", 1, "not closed"),
    ],
)
def test_hostile_front_matter_is_an_error_with_its_line(text, line, words):
    with pytest.raises(FrontMatterError) as info:
        front_matter.split(text, "bad.md")
    assert info.value.line == line
    assert words in info.value.message
    assert str(info.value).startswith(f"bad.md:{line}:")


def test_dump_keeps_key_order_and_flow_lists():
    text = front_matter.dumps({"title": "Z", "actors": ["b", "a"], "sources": [{"id": "apa", "role": "wire"}]}, "Body")
    assert text == "---\ntitle: Z\nactors: [b, a]\nsources:\n- {id: apa, role: wire}\n---\n\nBody\n"
    again = front_matter.split(text, "x.md")
    assert again.meta == {"title": "Z", "actors": ["b", "a"], "sources": [{"id": "apa", "role": "wire"}]}


_FRAGMENT = st.sampled_from([
    "title: ", "date: ", "actors: ", "- ", "  ", "\n", "[", "]", "{", "}", ", ", ": ", "'", '"', "#",
    "Kim Jong-un", "Pjöngjang", "2024-06-19", "2024-02-30", "12", "1.5", "true", "null", "~",
    "!!str ", "!!python/object ", "&a ", "*a", "? ", "|", ">", "\t", "\x85", "\u2028", "\x07", "é",
])


def _outcome(source):
    try:
        return front_matter.load_yaml(source, "a.md", first_line=3)
    except FrontMatterError as exc:
        return str(exc)


@pytest.mark.parametrize("source", ["title: |#\n", "title: >-#\n", "title: |2# x\n"])
def test_a_block_scalar_header_touching_a_comment_is_an_error_on_both_paths(source):
    """libyaml reads "|#" as an empty string; PyYAML refuses it (a comment needs a space
    before it). Found by the differential test below: both paths must refuse it."""
    fast = _outcome(source)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(front_matter, "_CStrictLoader", None)
        assert _outcome(source) == fast
    assert isinstance(fast, str) and fast.startswith("a.md:3: invalid YAML")


@settings(max_examples=500, deadline=None)
@given(st.lists(_FRAGMENT, max_size=30).map("".join))
def test_libyaml_path_gives_what_the_strict_python_loader_gives(source):
    """Clean front matter is parsed by libyaml: values, key lines and errors must be exactly
    those of the pure-Python strict loader, for any text."""
    fast = _outcome(source)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(front_matter, "_CStrictLoader", None)
        assert _outcome(source) == fast
