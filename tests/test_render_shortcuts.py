"""The render's shortcuts give what the plain computation gives (session 13, ``gen100k2``).

Each shortcut (a cache, a faster formulation) is checked against the computation it replaces on
random input: the links a page prints, the hrefs of raw HTML, the typographic quotes, the
printed texts and the JSON-LD's script escapes; the article page's Markdown built in Python
against the template it stands for.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
from types import SimpleNamespace

import jinja2

from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from archive_gen import paths
from archive_gen.render import articlemd
from archive_gen.render.article import typographic
from archive_gen.render.articlemd import article_markdown
from archive_gen.render.context import RenderContext, Settings
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



# The article page's Markdown in Python (session 18, ``gen18``) against the shipped template.
HOSTILE = st.lists(st.sampled_from([*"ab Zé日本ä\"'<>&*_`#-+1.)[]{}\\\n\t|!\u2028", "<script>", "</script>", "  ",
                                     "19. ", "---", "Kim Jong-un"]), max_size=8).map("".join)
PRINTED = st.one_of(st.none(), HOSTILE, HOSTILE.map(Markup), st.integers(-20, 20))
TRUTHY = st.one_of(st.none(), st.just(""), HOSTILE, HOSTILE.map(Markup), st.booleans())
URL = st.one_of(st.none(), HOSTILE, st.sampled_from(["https://example.org/a?b=1", " http://x.de/ ", "javascript:x()"]))
DAY = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))
SLUG = st.text(alphabet="abc-1", min_size=1, max_size=6)
NEIGHBOUR = st.one_of(st.none(), st.builds(SimpleNamespace, title=HOSTILE, date=DAY, slug=SLUG))
QUOTE = st.fixed_dictionaries({"text": HOSTILE, "speaker": PRINTED, "via": PRINTED})
SOURCE_ITEM = st.fixed_dictionaries({"id": SLUG, "name": HOSTILE, "credits": st.lists(HOSTILE, max_size=3)})
SOURCE_GROUP = st.fixed_dictionaries({"role": st.sampled_from(["wire", "cited", "photo"]),
                                      "items": st.lists(SOURCE_ITEM, min_size=1, max_size=4)})
ARTICLE = st.builds(
    SimpleNamespace, title=HOSTILE, status=st.sampled_from(["published", "draft", "review"]),
    provenance=st.dictionaries(st.sampled_from(["title", "actors"]), st.sampled_from(["machine", "editor"])),
    extra=st.fixed_dictionaries({}, optional={"summary": PRINTED, "source_url": URL}),
    doc=st.builds(SimpleNamespace, signoff=st.one_of(st.none(), st.builds(SimpleNamespace, raw=HOSTILE))))
ARTICLE_VALUES = st.fixed_dictionaries({
    "a": ARTICLE, "meta_line": PRINTED, "chips": TRUTHY, "provenance": TRUTHY, "event": TRUTHY, "body": PRINTED,
    "sources": st.lists(SOURCE_GROUP, max_size=3), "quotes": st.lists(QUOTE, max_size=3),
    "claims": st.lists(QUOTE, max_size=3),
    "notes": st.fixed_dictionaries({"anchored": st.lists(PRINTED, max_size=3), "orphans": st.lists(PRINTED, max_size=3)}),
    "updated": TRUTHY, "corrections": st.lists(st.tuples(PRINTED, PRINTED), max_size=2),
    "related": st.lists(PRINTED, max_size=12), "older": NEIGHBOUR, "newer": NEIGHBOUR, "rights": TRUTHY,
    "citation": PRINTED, "structured": PRINTED})


@settings(max_examples=400, deadline=None)
@given(ARTICLE_VALUES, st.sampled_from(["de", "en"]))
def test_article_markdown_is_the_templates(values, language):
    """Every branch of ``article.md.j2`` (empty and long lists, hostile text, Markup and
    other types) prints the same bytes from :func:`article_markdown` as from Jinja."""
    values["unpublished"] = values["a"].status != "published"  # as article_page says it (a label per other status)
    ctx = RenderContext(None, Settings(language=language))
    page = "articles/2015/03/kim.md"
    by_jinja = ctx.render(articlemd.TEMPLATE, page, ctx.linker(page), **values)
    assert article_markdown(ctx.labels, ctx.linker(page), ctx, **values) == by_jinja


def test_the_shipped_article_template_is_the_one_in_python():
    """The shortcut is taken for the package's template; a changed one is rendered by Jinja."""
    ctx = RenderContext(None, Settings())
    assert ctx.article_in_python
    source = ctx.env.loader.get_source(ctx.env, articlemd.TEMPLATE)[0]
    edited = RenderContext(None, Settings())
    edited.env.loader = jinja2.DictLoader({articlemd.TEMPLATE: source.replace("{ .ag-cite }", "{ .my-cite }")})
    assert not edited.article_in_python
    assert articlemd.is_shipped(jinja2.Environment(loader=jinja2.DictLoader({articlemd.TEMPLATE: source})))
