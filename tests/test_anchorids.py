"""The anchors a page's raw HTML sets, read without html.parser, are MkDocs' handler's, or left to it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from archive_gen.cli import main
from archive_gen.publish.anchorids import _scanned, anchor_ids, handler_ids

# Pieces of raw HTML and text that decide how html.parser reads a page: tags of every shape,
# quoting, raw-text elements, comments, declarations, autolinks, entities, odd white space
_PIECES = st.sampled_from([
    '<svg id="a">', "</svg>", '<rect x="1" id="r&amp;1"/>', '<a name="n">', '<A NAME="m">', '<b name="x">',
    '<g ID="up">', '<p id="">', "<br/>", "<br />", "</a>", "</ a>", "</>", "<!-- x -->", "<!x>", "<?x?>",
    '<script type="application/ld+json">', "</script>", "</SCRIPT >", "<style>", "</style>",
    "<https://example.org/?id=1>", "<https://x.org/id/2>", "<https://x.org/a/name=3>", "<a/name=z>",
    "<mailto:x@y.org>", "<script/x>", "<a id=bare>", "<a id='q'>", '<a id="x>y">', '<a id="x" disabled>',
    "<a\xa0id=\"nb\">", "<a\vid=\"vt\">", '<a\tid="t">', "<a\nid=\"nl\">", "<`a id=\"bt\">", '<a id="`">',
    "< a>", "a < b", "<", ">", "&", "&amp;", "\\<b id=\"e\">", "\n", " ", "x", "id", "name=", '"', "'", "=",
])
_PAGE = st.lists(_PIECES | st.text(alphabet="<>/=\"' aidnme!?-x\n&;", max_size=6), max_size=12).map("".join)


@settings(max_examples=600, deadline=None)
@given(_PAGE)
def test_hostile_raw_html_gives_the_handlers_ids(markdown):
    assert anchor_ids(markdown) == handler_ids(markdown)
    scanned = _scanned(markdown)
    assert scanned is None or scanned == handler_ids(markdown)


def test_our_shapes_are_read_without_the_handler():
    page = ('# T\n\nText <https://de.wikinews.org/wiki/?curid=1> & a < b.\n\n'
            '<script type="application/ld+json">{"@id": "x"}</script>\n\n'
            '<figure class="ag-chart"><svg id="ag-activity-1-t" viewBox="0 0 1 1"><title id="t&amp;2">x</title>'
            '<rect x="0" y="0"/></svg></figure>\n\n<a name="here"></a><b name="not"></b>\n')
    assert _scanned(page) == {"ag-activity-1-t", "t&2", "here"} == handler_ids(page)


def test_anything_else_is_left_to_the_handler():
    for page in ["<!-- <a id='x'> -->", "<a id=x>", "<script><a id=\"x\"></script>", '<a id="x" disabled>',
                 "<style>", "</ x>"]:
        assert _scanned(page) is None
        assert anchor_ids(page) == handler_ids(page)


@pytest.mark.slow
def test_every_sample_page_gives_the_handlers_ids(project):
    """Every page of the sample's docs/: the same ids, and (almost) all read without the handler."""
    assert main(["generate", "-q", "--config", str(project / "mkdocs.yml")]) == 0
    pages = [get_data(path.read_text(encoding="utf-8-sig"))[0] for path in sorted(Path(project / "docs").rglob("*.md"))]
    scanned = [_scanned(markdown) for markdown in pages]
    assert len(pages) > 300 and sum(found is not None for found in scanned) >= 0.95 * len(pages)
    assert any(scanned)  # term pages' charts have ids
    for markdown, found in zip(pages, scanned):
        assert anchor_ids(markdown) == handler_ids(markdown)
        assert found is None or found == handler_ids(markdown)
