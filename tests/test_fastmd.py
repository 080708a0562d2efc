"""The fast Markdown path (``publish/fastmd.py``) gives exactly what MkDocs' ``Page.render`` with
Python-Markdown gives — content, table of contents, title, anchors, links to anchors, log
messages — or declines the page; and it is taken for the pages archive-gen writes."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page

from archive_gen.cli import main
from archive_gen.publish import fastmd
from archive_gen.render.escape import finalize, md_escape

from conftest import REPO, copy_project, shared_file

ORIGINAL = Page.render  # the tests' own reference: MkDocs' render with Python-Markdown
TERMS = ("actors", "places", "topics", "sources")


def mkdocs_pages(root: Path):
    """The config, files and read pages of a generated project, as MkDocs' build has them."""
    config = load_config(str(root / "mkdocs.yml"))
    files = get_files(config)
    get_navigation(files, config)
    pages = [file.page for file in files.documentation_pages()]
    for page in pages:
        page.read_source(config)
    return config, files, pages


def compare_all(root: Path) -> tuple[Counter, Counter]:
    """Every page both ways (``verify`` raises on a difference); pages and fast pages by folder."""
    config, files, pages = mkdocs_pages(root)
    total, fast = Counter(), Counter()
    for page in pages:
        kind = page.file.src_uri.split("/")[0]
        total[kind] += 1
        fastmd.verify(page, config, files, ORIGINAL)
        fast[kind] += fastmd.render(page, config, files)
    return total, fast


def generate(root: Path) -> None:
    assert main(["generate", "-q", "--config", str(root / "mkdocs.yml")]) == 0


def test_every_sample_page_is_the_same_or_declined(project):
    generate(project)
    total, fast = compare_all(project)
    assert sum(total.values()) > 300
    assert fast["articles"] >= 0.95 * total["articles"]
    assert sum(fast[k] for k in TERMS) >= 0.95 * sum(total[k] for k in TERMS)


@pytest.mark.slow
@pytest.mark.parametrize("corpus", ["de", "en"])
def test_every_corpus_page_is_the_same_or_declined(tmp_path, corpus):
    """A generated project of 300 real articles (``make_corpus.py``: German Wikinews and Der
    Standard, or Reuters-21578), every page; the fast path taken for ≥ 95 % of articles and
    term pages (else it would be a no-op)."""
    shared_file("corpus", "wikinews-de.jsonl" if corpus == "de" else "reuters21578.jsonl")
    root = tmp_path / corpus
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "make_corpus.py"), "300", str(root),
                    "--corpus", corpus], check=True, capture_output=True)
    generate(root)
    total, fast = compare_all(root)
    assert total["articles"] == 300
    assert fast["articles"] >= 0.95 * total["articles"]
    assert sum(fast[k] for k in TERMS) >= 0.95 * sum(total[k] for k in TERMS)


@pytest.fixture(scope="module")
def mini(tmp_path_factory):
    """A small docs/ with our settings: a page to render among pages it links to."""
    root = tmp_path_factory.mktemp("fastmd")
    for page in ("index.md", "a/b/page.md", "a/x.md", "t/y.md", "t/index.md"):
        (root / "docs" / page).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / page).write_text("# x\n", encoding="utf-8")
    settings_text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: t\ndocs_dir: docs\nplugins: []\n" + settings_text[
        settings_text.index("markdown_extensions:"):settings_text.index("# Articles and term")]
        + settings_text[settings_text.index("validation:"):], encoding="utf-8")
    config = load_config(str(root / "mkdocs.yml"))
    files = get_files(config)
    get_navigation(files, config)
    return config, files, files.get_file_from_path("a/b/page.md").page


def render_both(mini, markdown: str, caplog=None) -> bool:
    config, files, page = mini
    page.markdown, page.meta = markdown, {}
    fastmd.verify(page, config, files, ORIGINAL)
    return fastmd.render(page, config, files)


def writer_page(title: str, text: str, label: str, heading: str, item: str) -> str:
    """Values placed as the render stage's templates place them (``finalize`` inline, ``md_escape``
    for a heading or a link's label)."""
    link = f"[{md_escape(label)}](../x.md#frag)" if md_escape(label) else "x"
    return (f"# {md_escape(title) or 'T'}\n\n{finalize(text) or 'x'} {link}{{ .ag-chip }}\n{{ .ag-meta }}\n\n"
            f"## {md_escape(heading) or 'H'} {{ .ag-section }}\n\n- **{md_escape(item) or 'I'}:** {link}\n"
            f"- {finalize(text) or 'x'} · [{md_escape(label) or 'L'}](../../t/index.md)\n\n"
            f"**{md_escape(item) or 'I'}** <https://example.org/?a=1>\n\n"
            f"{finalize(item) or 'x'}  \n{finalize(text) or 'x'}\n\n"
            '<script type="application/ld+json">{"a":"\\u003c/script>"}</script>\n')


HOSTILE = st.lists(st.one_of(
    st.text(alphabet="*_[]()<>&\\`{}#|!-.1 =~:\"'\n", max_size=6),
    st.sampled_from(["&amp;", "&lt;", "&#123;", "&#x41;", "</script>", "1. ", "- ", "# ", "C#", "  ",
                     "ä", "ß", "\u00a0", "😀", "\u200b", "→", "„", "“", "&nbsp;", "**", "{ .x }"]),
    st.text(max_size=4)), max_size=8).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=HOSTILE, text=HOSTILE, label=HOSTILE, heading=HOSTILE, item=HOSTILE)
def test_hostile_text_as_our_writer_escapes_it_is_the_same_or_declined(mini, title, text, label, heading, item):
    render_both(mini, writer_page(title, text, label, heading, item))


def test_escaped_markup_characters_keep_the_fast_path(mini):
    hostile = "a*b_c [x] <y> & z \\ `q` {w} #1 |p| !x &amp; </script> 1. Juni"
    assert render_both(mini, writer_page(hostile, hostile, hostile, hostile, hostile))
    assert render_both(mini, writer_page("- a", "# b", "1. c", "> d", "+ e"))


@pytest.mark.parametrize("markdown", [
    "Text with *emphasis*.", "`code`", "a | b\n--- | ---\n1 | 2", "- a\n    - nested", "1. one",
    "> quote", "<div>raw</div>", "![image](x.png)", "[ref][x]\n\n[x]: ../x.md", "    code", "Title\n===",
    "line  ", "~~~\ncode\n~~~", "a\n\n<figure>\n\n</figure>",
])
def test_anything_else_goes_to_python_markdown(mini, markdown):
    assert not render_both(mini, markdown)


def test_links_resolved_and_validated_as_mkdocs_does(mini, caplog):
    markdown = ("See [x](../x.md#top), [y](../../t/y.md), [gone](../missing.md), [dir](../../t/),"
                " [self](#here), [ext](https://example.org/a) and [up](../../index.md).")
    with caplog.at_level(logging.INFO, logger="mkdocs.structure.pages"):
        assert render_both(mini, markdown)
    _, files, page = mini
    assert '<a href="../../x/#top">x</a>' in page.content
    assert "contains a link '../missing.md'" in caplog.text  # MkDocs' own warning, logged once per render
    assert set(page.links_to_anchors[files.get_file_from_path("a/x.md")]) == {"top"}


def test_other_extensions_in_mkdocs_yml_mean_python_markdown(mini, monkeypatch):
    config, files, page = mini
    page.markdown = "Plain text."
    assert fastmd.render(page, config, files)
    monkeypatch.setitem(config, "markdown_extensions", [*config["markdown_extensions"], "admonition"])
    assert not fastmd.render(page, config, files)
    monkeypatch.setitem(config, "markdown_extensions", [e for e in config["markdown_extensions"] if e != "admonition"])
    monkeypatch.setitem(config, "mdx_configs", {"toc": {"permalink": True}})
    assert not fastmd.render(page, config, files)


def test_verify_names_the_page_that_differs(mini, monkeypatch):
    config, files, page = mini
    page.markdown = "A [link](../x.md)."
    monkeypatch.setattr(fastmd, "escape_attribute", lambda value: value + "?")
    with pytest.raises(fastmd.FastMarkdownMismatch, match="a/b/page.md: .* content"):
        fastmd.verify(page, config, files, ORIGINAL)


def test_the_switch_off_means_python_markdown_only(mini, monkeypatch):
    config, files, page = mini
    page.markdown = "Plain [text](../x.md)."
    calls = []
    patched = fastmd.patched_render(lambda *args: calls.append(args))
    monkeypatch.setenv(fastmd.MODE_VARIABLE, "off")
    patched(page, config, files)
    assert len(calls) == 1
    monkeypatch.setenv(fastmd.MODE_VARIABLE, "on")
    patched(page, config, files)
    assert len(calls) == 1 and page.content == '<p>Plain <a href="../../x/">text</a>.</p>'


@pytest.mark.slow
def test_sample_site_builds_identically_under_verify(tmp_path, monkeypatch):
    """A real build with every page rendered both ways (any difference fails the build), and
    the same files as a build with the fast path off."""
    sites = {}
    for mode in ("verify", "off"):
        root = copy_project(tmp_path / mode)
        monkeypatch.setenv(fastmd.MODE_VARIABLE, mode)
        assert main(["build", "-q", "--config", str(root / "mkdocs.yml")]) == 0
        sites[mode] = {p.relative_to(root / "site").as_posix(): p.read_bytes()
                       for p in sorted((root / "site").rglob("*.html"))}
    assert len(sites["off"]) > 300 and sites["verify"] == sites["off"]
    assert os.environ[fastmd.MODE_VARIABLE] == "off"
