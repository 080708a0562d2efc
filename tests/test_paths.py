import posixpath

import pytest
from hypothesis import given, strategies as st

from archive_gen import paths


def test_slugify_german_and_fallback():
    assert paths.slugify("Kim Jong-un") == "kim-jong-un"
    assert paths.slugify("Pjöngjang") == "pjoengjang"
    assert paths.slugify("Weißes Haus") == "weisses-haus"
    assert paths.slugify("../../etc/passwd") == "etc-passwd"
    assert paths.slugify("Владимир Путин") == "vladimir-putin"  # other scripts are transliterated
    assert paths.slugify("Αλέξης Τσίπρας") == "alexes-tsipras"
    assert paths.slugify("Şanlıurfa") == "sanliurfa"
    assert paths.slugify("1,3 Millionen") == "1-3-millionen"  # not 13
    assert paths.slugify("🚀").startswith("x-")  # nothing to transliterate: a stable hash
    long = paths.slugify("Wort " * 40)
    assert len(long) <= paths.MAX_SLUG_LENGTH and long.endswith("wort"), "cut at a word, never inside one"


def test_slug_pool_gives_numbered_slugs_in_order():
    pool = paths.SlugPool({"kim"})
    assert [pool.claim("kim"), pool.claim("kim"), pool.claim("putin")] == ["kim-2", "kim-3", "putin"]


@given(st.text())
def test_slug_is_always_safe_and_stable(text):
    slug = paths.slugify(text)
    assert paths.is_slug(slug)
    assert slug == paths.slugify(text)
    assert "/" not in slug and ".." not in slug


def test_relative_links_between_pages():
    assert paths.link("articles/2024/06/x.md", "actors/kim-jong-un.md") == "../../../actors/kim-jong-un.md"
    assert paths.link("actors/kim-jong-un.md", "actors/wladimir-putin.md") == "wladimir-putin.md"
    assert paths.link("index.md", "timeline/index.md") == "timeline/index.md"


def test_unique_slugs_are_distinct_and_stable():
    wanted = [("a.txt", "x"), ("b.txt", "x"), ("c.txt", "x-2"), ("d.txt", "x")]
    result = paths.unique_slugs(wanted)
    assert len(set(result.values())) == 4
    assert result == paths.unique_slugs(wanted)
    assert result["a.txt"] == "x"


@pytest.mark.parametrize("name, slug", [
    ("../../etc/passwd", "etc-passwd"),
    ("a/b\\c:d", "a-b-c-d"),
    ("Titel\x1b[2J\x07mit Steuerzeichen", "titel-2j-mit-steuerzeichen"),
    ("Grüße 🚀 aus Wien", "gruesse-aus-wien"),
    ("C:\\Windows\\System32", "c-windows-system32"),
])
def test_hostile_names_give_plain_slugs(name, slug):
    assert paths.slugify(name) == slug


def test_long_and_symbol_only_names():
    long = paths.slugify("Überlänge " * 50)
    assert len(long) <= paths.MAX_SLUG_LENGTH and long.startswith("ueberlaenge-") and not long.endswith("-")
    emoji = paths.slugify("🚀🔥")
    assert emoji.startswith("x-") and emoji == paths.slugify("🚀🔥") != paths.slugify("🔥🚀")
    assert not paths.is_slug("../x") and not paths.is_slug("a" * 500) and not paths.is_slug("a\\b")


_PART = st.sampled_from(["a", "b", "actors", "2019", "08", "kim.md", "index.md", "..", ".", ""])


@given(st.lists(_PART, min_size=1, max_size=5), st.lists(_PART, max_size=4))
def test_relative_is_relpath(target_parts, start_parts):
    """The fast relative link is relpath's answer for every path, odd ones included."""
    target, start = "/".join(target_parts), "/".join(start_parts) or "."
    try:
        expected = posixpath.relpath(target, start)
    except ValueError:
        with pytest.raises(ValueError):
            paths.relative(target, start)
        return
    assert paths.relative(target, start) == expected
