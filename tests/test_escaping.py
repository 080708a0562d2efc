"""Article text is rendered as text: no HTML, no Markdown structure, no script."""

import html
import re

import markdown
from hypothesis import given, settings, strategies as st

from archive_gen.write import md_escape, safe_markdown


def rendered_text(md: str) -> str:
    out = markdown.markdown(md, extensions=["attr_list"])
    inner = re.sub(r"^<p>|</p>$", "", out.strip())
    assert "<" not in inner.replace("<br />", ""), out
    return html.unescape(inner)


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=80))
def test_escaped_text_renders_back_to_itself(text):
    expected = " ".join(text.split())
    if not expected:
        return
    assert rendered_text(md_escape(text)) == expected


def test_markup_and_script_payloads_are_inert():
    for payload in ["<script>alert(1)</script>", '<img src=x onerror="alert(1)">', "# Heading", "- item",
                    "1. item", "[x](javascript:alert(1))", "**bold** _it_ `code`", "{ .class }", "<!-- open"]:
        assert rendered_text(md_escape(payload)) == payload


def test_editor_markdown_keeps_markdown_but_not_html():
    out = markdown.markdown(str(safe_markdown("**fett** <script>x</script> [a](javascript:alert(1))")))
    assert "<strong>fett</strong>" in out
    assert "<script>" not in out and "javascript:" not in out
