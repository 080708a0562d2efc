"""The front-matter schema: generated from the one field table, shipped in schema/, never drifting.

The committed JSON Schemas must equal what the code generates, must accept every front matter
in the sample archive, and must reject what the readers reject; the Python validator built on
the same table must agree with them value for value.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os

import pytest
from hypothesis import given, settings, strategies as st

from archive_gen import fields, front_matter, schemas

from conftest import REPO

SCHEMA_DIR = REPO / "schema"


def _jsonschema():
    try:
        import jsonschema
    except ImportError:  # a test dependency: required in CI, optional on a bare checkout
        if os.environ.get("CI"):
            pytest.fail("jsonschema is missing: it is a test dependency (pip install -e '.[test]')")
        pytest.skip("jsonschema is not installed")
    return jsonschema


@functools.cache
def _validators():
    jsonschema = _jsonschema()
    result = {}
    for kind in fields.FIELDS:
        document = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(document)
        result[kind] = jsonschema.Draft202012Validator(document)
    return result


@pytest.fixture
def validators():
    """One validator per kind, built from the committed files (not from the code)."""
    return _validators()


def load(text: str) -> dict:
    return front_matter.split(text, "test.md").meta


def errors(validator, meta: dict) -> list[str]:
    return sorted(e.message for e in validator.iter_errors(schemas.to_json(meta)))


# --------------------------------------------------------------------------- no drift


def test_committed_schema_files_equal_the_generated_ones(tmp_path):
    for kind in fields.FIELDS:
        committed = SCHEMA_DIR / f"{kind}.schema.json"
        assert committed.is_file(), f"{committed} is missing: run 'python -m archive_gen.schemas schema'"
        assert committed.read_text(encoding="utf-8") == schemas.schema_text(kind), (
            f"{committed} is stale: run 'python -m archive_gen.schemas schema' and commit the result")
    shipped = sorted(p.name for p in SCHEMA_DIR.glob("*.schema.json"))
    assert shipped == sorted(f"{kind}.schema.json" for kind in fields.FIELDS), "no orphaned schema files"


def test_write_schemas_writes_every_kind_and_leaves_current_files_alone(tmp_path):
    paths = schemas.write_schemas(tmp_path / "out")
    assert [p.name for p in paths] == [f"{k}.schema.json" for k in fields.FIELDS]
    assert all(p.read_text(encoding="utf-8") == schemas.schema_text(p.name.split(".")[0]) for p in paths)
    before = {p: p.stat().st_mtime_ns for p in paths}
    os.utime(paths[0], ns=(1, 1))  # an old mtime would change if the file were rewritten
    schemas.write_schemas(tmp_path / "out")
    assert paths[0].stat().st_mtime_ns == 1
    assert all(p.stat().st_mtime_ns == before[p] for p in paths[1:])


def test_the_table_is_what_the_readers_know():
    """The importer, the writer and the readers share the article key order and key sets."""
    assert fields.ARTICLE_KEY_ORDER[:10] == ("title", "date", "date_precision", "language", "actors", "places",
                                             "topics", "sources", "authors", "candidates")
    assert {"status", "corrections", "actors_exclude", "imported_from", "source_hash"} <= fields.known_keys("article")
    assert fields.pass_through_keys() == ("summary", "source_url", "license", "attribution")
    assert fields.field("article", "status").choices == ("draft", "review", "published")
    assert fields.field("actor", "kind").choices == ("person", "organization", "state", "place", "group")


# --------------------------------------------------------------------------- the sample archive


def test_every_front_matter_in_content_is_valid(validators):
    checked = 0
    for kind, folder in fields.FOLDERS.items():
        pattern = "**/*.md" if kind == "article" else "*.md"
        for path in sorted((REPO / "content" / folder).glob(pattern)):
            meta = front_matter.split(path.read_text(encoding="utf-8"), str(path)).meta
            assert errors(validators[kind], meta) == [], path
            assert fields.validate(meta, kind) == [], path
            checked += 1
    assert checked > 100, "the sample archive has articles, actors, sources, topics and pages"


# --------------------------------------------------------------------------- rejections


@pytest.mark.parametrize("yaml_text, key, words", [
    ("date: gestern\n", "date", "YYYY-MM-DD"),
    ("actors: 5\n", "actors", "must be a list"),
    ("actors: [Wladimir Putin]\n", "actors", "unknown id 'Wladimir Putin'"),
    ("status: pending\n", "status", "draft, review, published"),
    ("date_precision: week\n", "date_precision", "day, month, year"),
    ("titel: Tippfehler\n", "titel", "did you mean 'title'"),
    ("sources: [{id: apa, role: author}]\n", "sources", "wire, cited, photo"),
    ("sources: [{role: wire}]\n", "sources", "missing 'id'"),
    ("corrections: [{date: 2024-06-20}]\n", "corrections", "missing 'text'"),
    ("corrections: {date: 2024-06-20, text: x}\n", "corrections", "must be a list"),
    ("source_url: javascript:alert(1)\n", "source_url", "https://"),
    ("title: ''\n", "title", "must be text"),
    ("source_hash: abc\n", "source_hash", "sha256:"),
])
def test_wrong_article_values_are_rejected_by_both(validators, yaml_text, key, words):
    meta = load(f"---\n{yaml_text}---\nText.\n")
    assert errors(validators["article"], meta), f"JSON Schema accepted {yaml_text!r}"
    problems = fields.validate(meta, "article")
    assert [k for k, _ in problems] == [key], problems
    assert words in problems[0][1]


@pytest.mark.parametrize("kind, yaml_text, key", [
    ("actor", "kind: person\n", "name"),  # name is required
    ("actor", "name: X\nkind: animal\n", "kind"),
    ("actor", "name: X\nwikidata: 7747\n", "wikidata"),
    ("topic", "name: X\nmin_hits: 0\n", "min_hits"),
    ("topic", "name: X\nmin_hits: zwei\n", "min_hits"),
    ("source", "name: X\nkind: blog\n", "kind"),
    ("source", "name: X\nurl: ftp://example.org\n", "url"),
])
def test_wrong_registry_values_are_rejected_by_both(validators, kind, yaml_text, key):
    meta = load(f"---\n{yaml_text}---\nBeschreibung.\n")
    assert errors(validators[kind], meta)
    assert [k for k, _ in fields.validate(meta, kind)] == [key]


def test_values_the_readers_accept_are_accepted(validators):
    meta = load("---\ntitle: 1984\ndate: 2024-06\ndate_precision: month\nactors: kim-jong-un\nplaces:\n"
                "authors: Maria Sterkl\nstatus: review\ncorrections: [{date: 2024-06-20, text: Name korrigiert.}]\n"
                "sources: [{id: imago, role: photo, credit: IMAGO/Gavriil Grigorov}]\n"
                "source_hash: sha256:" + "0" * 64 + "\n---\nText.\n")
    assert errors(validators["article"], meta) == []
    assert fields.validate(meta, "article") == []


# --------------------------------------------------------------------------- one table, two validators

_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 3), st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12), st.sampled_from(["de", "kim-jong-un", "Q7747", "wire", "draft", "month", "person",
                                           "https://example.org/a", "sha256:" + "a" * 64, "", " "]),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.sampled_from(["id", "role", "credit", "name", "date", "text", "x"]),
                                            inner, max_size=3)),
    max_leaves=6,
)


@settings(max_examples=400, deadline=None)
@given(kind=st.sampled_from(sorted(fields.FIELDS)), data=st.data())
def test_python_validator_and_json_schema_agree(kind, data):
    """Whatever the value, :func:`fields.validate` and the shipped schema give the same verdict."""
    names = [f.name for f in fields.FIELDS[kind]]
    keys = data.draw(st.lists(st.sampled_from([*names, "unknown"]), max_size=4, unique=True))
    meta = {key: data.draw(_VALUES) for key in keys}
    # Strings that look like dates but name no day (2024-02-30) pass a pattern: only Python knows.
    if any(isinstance(v, str) and v[:4].isdigit() for v in meta.values()):
        return
    assert (fields.validate(meta, kind) == []) == (errors(_validators()[kind], meta) == []), meta
