"""Config.display_path: the string fast path names a file exactly as the pathlib walk does."""

import os
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from archive_gen.config import Config

_PART = st.text(st.characters(blacklist_characters="/\0", blacklist_categories=("Cs",)), min_size=1, max_size=8) \
    .filter(lambda part: part not in (".", ".."))


def _walked(config: Config, path: Path) -> str:
    """What display_path gave before its fast path: relative_to, on one printable line."""
    from archive_gen.errors import printable
    absolute = Path(os.path.abspath(path))
    return printable(os.fsencode(absolute.relative_to(config.project_dir).as_posix()).decode("utf-8", "backslashreplace"))


def _config(tmp_path: Path) -> Config:
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n")
    (tmp_path / "content").mkdir(exist_ok=True)
    return Config.load(tmp_path / "mkdocs.yml")


@settings(max_examples=200, deadline=None)
@given(parts=st.lists(_PART, min_size=1, max_size=4))
def test_inside_the_project_the_fast_path_agrees(tmp_path_factory, parts):
    config = _config(tmp_path_factory.mktemp("p"))
    path = config.project_dir.joinpath(*parts)
    assert config.display_path(path) == _walked(config, path)


def test_outside_the_project_and_a_sibling_with_the_same_prefix(tmp_path):
    config = _config(tmp_path / "archive")
    sibling = tmp_path / "archive-old" / "content" / "a.md"  # shares the prefix "…/archive"
    assert config.display_path(sibling) == str(sibling)
    assert config.display_path(config.project_dir / "content" / "a.md") == "content/a.md"


_RAW_PART = st.sampled_from(["", ".", "..", ".hidden", "a", "ä", "x\x1by", "b\u2028", "c d", "e\x85"]) | _PART


@settings(max_examples=60, deadline=None)
@given(parts=st.lists(_RAW_PART, min_size=1, max_size=5), trailing=st.booleans())
def test_a_path_as_written_is_named_as_its_normal_form_is(tmp_path_factory, parts, trailing):
    """A path as written (``//``, a ``.`` or ``..`` part, a trailing ``/``, a character printable()
    escapes) is named as the pathlib walk names its normal form: no string shortcut may skip a step."""
    config = _config(tmp_path_factory.mktemp("p"))
    written = os.path.join(str(config.project_dir), *parts) + ("/" if trailing else "")
    if not os.path.abspath(written).startswith(os.path.join(str(config.project_dir), "")):
        return  # ".." left the project: another case (test_outside_the_project…)
    assert config.display_path(written) == _walked(config, Path(written))


@pytest.mark.parametrize("written", ["content/a/./b.md", "content//b.md", "content/x/../b.md", "content/b/",
                                     "content/b/.", "content/.drafts/b.md", "content/x\x1by.md", "content/ä.md",
                                     "content/b\u2028.md", "content/e\x85.md", "content/b.md"])
def test_each_kind_of_path_a_shortcut_must_leave_alone(tmp_path, written):
    """Each kind of path the hypothesis test may miss (session 18 tried a shortcut before abspath:
    dropping any one of its checks fails one of these)."""
    config = _config(tmp_path)
    path = os.path.join(str(config.project_dir), written)
    assert config.display_path(path) == _walked(config, Path(path))
