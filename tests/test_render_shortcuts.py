"""The render's shortcuts give what the plain computation gives (session 13, ``gen100k2``).

Each shortcut (a cache, a faster formulation) is checked against the computation it replaces on
random input: the links a page prints, the hrefs of raw HTML, the typographic quotes, the
printed texts and the JSON-LD's script escapes.
"""

from __future__ import annotations

import json
import posixpath
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from archive_gen import paths
from archive_gen.render.article import typographic
from archive_gen.render.context import RenderContext
from archive_gen.render.escape import escape_line_start, finalize, md_escape
from archive_gen.render.jsonld import _SCRIPT_UNSAFE, dumps

PART = st.sampled_from(["actors", "articles", "2015", "03", "kim", "index", "a.b", "..", ".", ""])
PAGE = st.lists(PART, min_size=1, max_size=4).map(lambda parts: "/".join(parts) + ".md")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(PAGE, PAGE), min_size=1, max_size=20))
def test_links_from_pages_of_one_context_are_relpaths(pairs):
    """Hrefs shared by the folders of a section and depth are the ones each folder computes."""
    ctx = RenderContext.__new__(RenderContext)
    ctx._folders, ctx._across, ctx._labels = {}, {}, {}
    for page, target in pairs:
        link = ctx.linker(page)
        expected = posixpath.relpath(target, posixpath.dirname(page) or ".")
        assert link("x", target) == f"[x]({expected})"


@settings(max_examples=200, deadline=None)
@given(PAGE, PAGE, st.booleans())
def test_html_href_is_relpath_of_the_rendered_urls(page, target, directory_urls):
    source, goal = paths.page_url(page, directory_urls), paths.page_url(target, directory_urls)
    base = source if source.endswith("/") or not source else posixpath.dirname(source)
    rel = posixpath.relpath(goal or ".", base.rstrip("/") or ".")
    assert paths.html_href(page, target, directory_urls) == (rel + "/" if goal.endswith("/") or not goal else rel)


@given(st.text(alphabet='ab" „', max_size=20), st.sampled_from([("„", "“"), ("«", "»")]))
def test_typographic_quotes_alternate_over_the_straight_ones(text, quotes):
    if text.count('"') % 2:
        assert typographic(text, quotes) == text
        return
    expected, opening = [], True
    for ch in text:
        expected.append((quotes[0] if opening else quotes[1]) if ch == '"' else ch)
        opening = not opening if ch == '"' else opening
    assert typographic(text, quotes) == "".join(expected)


@given(st.text(max_size=30))
def test_printed_text_is_escaped_as_before(text):
    assert finalize(text) == escape_line_start(md_escape(text, inline=True))
    assert finalize(text) == finalize(text)  # the second from the cache


@given(st.dictionaries(st.text(max_size=5), st.text(alphabet="a<>&\u2028\u2029é", max_size=10), max_size=4))
def test_script_json_escapes_what_closes_a_script(data):
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    assert dumps(data) == re.sub("[<>&\u2028\u2029]", lambda m: _SCRIPT_UNSAFE[m.group()], raw)

