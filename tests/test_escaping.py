"""Article text is rendered as text: no HTML, no Markdown structure, no script."""

import html
import re

import markdown
import pytest
from hypothesis import given, settings, strategies as st

from archive_gen.render.escape import md_escape, safe_markdown


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


def test_a_line_of_hyphens_stays_text():
    """'---' alone in a paragraph would be a thematic break (<hr>)."""
    for text in ["---", "----", "-- x", "--- Ende ---"]:
        assert rendered_text(md_escape(text)) == text


def test_control_characters_are_dropped_and_surrogates_replaced():
    assert md_escape("a\x1b[2Jb\x07c") == "a\\[2Jbc"
    assert md_escape("Datei\udcff.md") == "Datei\ufffd.md"


@pytest.mark.parametrize("source, href", [
    ("[a](javascript:alert(1))", "#"),
    ("[a](JaVaScRiPt:alert(1))", "#"),
    ("[a](java\nscript:alert(1))", "#"),  # browsers drop the line break: it would be javascript:
    ("[a](java\tscript:alert(1))", "#"),
    ("[a](\x01javascript:alert(1))", "#"),
    ("[a]( vbscript:x)", "#"),
    ("![a](data:image/svg+xml,<svg onload=alert(1)>)", None),
    ("[a][r]\n\n[r]: javascript:alert(1)", "#"),
    ("]([](javascript:)", "#"),  # a target inside a target (found by Hypothesis)
    ("[x]([y](data:text/html,x) z)", None),
    ("[a][r]\n\n  [r]:\n    data:text/html,x", "#"),
    ("[a](https://example.org/a_(b))", "https://example.org/a_(b)"),
    ("[a](http://example.org)", "http://example.org"),
    ("[a](mailto:redaktion@example.org)", "mailto:redaktion@example.org"),
    ("[a](../actors/kim-jong-un.md)", "../actors/kim-jong-un.md"),
    ("[a](#abschnitt)", "#abschnitt"),
])
def test_editor_links_only_to_allowed_schemes(source, href):
    out = markdown.markdown(str(safe_markdown(source)), extensions=["attr_list"])
    if href is None:
        assert "data:" not in out and "onload" not in out, out
        assert 'src="#"' in out or source.startswith("[")
    else:
        assert f'href="{html.escape(href)}"' in out, out


def test_editor_markdown_has_no_attribute_lists_or_template_syntax():
    out = markdown.markdown(str(safe_markdown("Absatz\n{: onclick=\"alert(1)\" }\n\n# Titel {: #x onclick=y }\n\n"
                                              "{{ config.site_name }} {% include 'x' %}")),
                            extensions=["attr_list", "toc"])
    assert not re.search(r"<[^>]*\sonclick=", out), out
    assert '<h1 id="x"' not in out
    assert "{{ config.site_name }}" in html.unescape(out) and "{% include 'x' %}" in html.unescape(out)
