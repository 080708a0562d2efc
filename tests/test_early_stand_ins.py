"""A page's search stand-in made from its Markdown, before MkDocs renders it, is the stand-in its
written HTML gives (``standins.stand_in_of_content`` of ``fastmd.content_of`` against
``standins.stand_in`` of the page MkDocs wrote), or it is not made (the page keeps today's path);
and a +1 build starts its search shard's Pagefind before MkDocs reads a page, with the same site."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page

from archive_gen.publish import fastmd, standins
from archive_gen.render.escape import finalize, md_escape

from conftest import REPO, copy_project, shared_file

ORIGINAL = Page.render  # MkDocs' render with Python-Markdown, the reference
NAMES = standins.FILTER_NAMES["de"]
TERMS = ("actors", "places", "topics", "sources")


def both_ways(root: Path) -> tuple[Counter, Counter]:
    """Every indexed page of a built project: the stand-in from its Markdown (when made) must be
    the one from its HTML in site/. Pages and pages made from Markdown, by kind."""
    config = load_config(str(root / "mkdocs.yml"))
    files = get_files(config)
    total, made = Counter(), Counter()
    for file in files.documentation_pages():
        kind = standins.kind_of(file.dest_uri)
        if kind is None:
            continue
        html = (root / "site" / file.dest_uri).read_text(encoding="utf-8")
        expected = standins.stand_in(html, file.dest_uri, kind, "de", NAMES) or None
        content = fastmd.content_of(file, config, files)
        early = standins.stand_in_of_content(content, file.dest_uri, kind, "de", NAMES) if content else None
        total[kind] += 1
        if early is not None:
            assert early == expected, f"{file.dest_uri}: the stand-in from the Markdown differs"
            made[kind] += 1
    return total, made


def assert_mostly_made(total: Counter, made: Counter) -> None:
    assert made["articles"] >= 0.95 * total["articles"] > 0
    assert sum(made[k] for k in TERMS) >= 0.95 * sum(total[k] for k in TERMS) > 0


def test_every_sample_page_gives_its_stand_in_from_the_markdown(built_site):
    total, made = both_ways(built_site)
    assert total["articles"] >= 30
    assert_mostly_made(total, made)


@pytest.mark.slow
@pytest.mark.parametrize("corpus", ["de", "en"])
def test_every_corpus_page_gives_its_stand_in_from_the_markdown(tmp_path, corpus):
    """A built project of 300 real articles (``make_corpus.py``: German Wikinews and Der Standard,
    or Reuters-21578), every article and term page."""
    from archive_gen.cli import main

    shared_file("corpus", "wikinews-de.jsonl" if corpus == "de" else "reuters21578.jsonl")
    root = tmp_path / corpus
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "make_corpus.py"), "300", str(root),
                    "--corpus", corpus], check=True, capture_output=True)
    assert main(["build", "-q", "--config", str(root / "mkdocs.yml")]) == 0
    total, made = both_ways(root)
    assert total["articles"] == 300
    assert_mostly_made(total, made)


# ---------------------------------------------------------------------------- hostile text


@pytest.fixture(scope="module")
def theme(tmp_path_factory):
    """Our mkdocs.yml and overrides/ with a few pages an article links to: MkDocs' config, files,
    navigation and template environment, as its build has them."""
    root = tmp_path_factory.mktemp("early")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "overrides", root / "overrides")
    for page in ("index.md", "about.md", "actors/kim.md", "places/wien.md", "topics/krieg.md",
                 "sources/apa.md", "timeline/2024/06.md", "articles/2024/06/a.md"):
        (root / "docs" / page).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / page).write_text("# x\n", encoding="utf-8")
    config = load_config(str(root / "mkdocs.yml"))
    files = get_files(config)
    nav = get_navigation(files, config)
    return root, config, files, nav, config.theme.get_env()


def article(title: str, text: str, name: str, heading: str) -> str:
    """An article page as the render stage writes one (values escaped as its templates escape them)."""
    label = md_escape(name) or "N"
    return (f"---\ntitle: t\n---\n\n# {md_escape(title) or 'T'}\n\n"
            f"[Juni 2024](../../../timeline/2024/06.md) · 1 Min. Lesezeit\n{{ .ag-meta }}\n\n"
            f"[{label}](../../../actors/kim.md){{ .ag-chip .ag-chip--person }} "
            f"[Wien](../../../places/wien.md){{ .ag-chip .ag-chip--place }}\n{{ .ag-chips }}\n\n"
            f"{finalize(text) or 'x'} [{label}](../../../actors/kim.md) <https://example.org/?a=1>\n\n"
            f"## {md_escape(heading) or 'H'} {{ .ag-section }}\n\n"
            f"- **{label}:** {finalize(text) or 'x'} ([APA](../../../sources/apa.md))\n"
            f"- [{label}](../../../topics/krieg.md)\n")


HOSTILE = st.lists(st.one_of(
    st.text(alphabet="*_[]()<>&\\`{}#|!-.1 =~:\"'\n", max_size=6),
    st.sampled_from(["&amp;", "&lt;", "&#123;", "</article>", "<h1>", "</script>", "1. ", "- ", "# ", "  ",
                     "ä", "ß", "\u00a0", "😀", "„", "&nbsp;", "**", "{ .x }", 'class="ag-section"']),
    st.text(max_size=4)), max_size=8).map("".join)


def written_and_early(theme, markdown: str) -> tuple[str | None, str | None]:
    """The stand-in of the page MkDocs writes (Python-Markdown, the theme's templates) and the one
    made from its Markdown (None: not made)."""
    root, config, files, nav, env = theme
    file = files.get_file_from_path("articles/2024/06/a.md")
    Path(file.abs_src_path).write_text(markdown, encoding="utf-8")
    content = fastmd.content_of(file, config, files)
    early = standins.stand_in_of_content(content, file.dest_uri, "articles", "de", NAMES) if content else None
    page = Page(None, file, config)
    page.read_source(config)
    ORIGINAL(page, config, files)  # Python-Markdown
    mkdocs_build._build_page(page, config, files.documentation_pages(), nav, env)
    html = Path(file.abs_dest_path).read_text(encoding="utf-8")
    return standins.stand_in(html, file.dest_uri, "articles", "de", NAMES) or None, early


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=HOSTILE, text=HOSTILE, name=HOSTILE, heading=HOSTILE)
@example(title="", text="", name="]:", heading="")  # "- [\\]:](url)" once read as a reference definition
@example(title="a]: b", text="x]: y", name="n]: m", heading="]:")
def test_hostile_text_gives_the_written_pages_stand_in_or_none(theme, title, text, name, heading):
    written, early = written_and_early(theme, article(title, text, name, heading))
    assert early is None or early == written


def test_our_pages_are_made_from_the_markdown_and_filter_by_term_names(theme):
    written, early = written_and_early(theme, article("Kim & <Putin>", "Ein *Text* mit {x}.", "Kim Jong-un", "Quellen"))
    assert early is not None and early == written
    assert 'data-pagefind-filter="Akteur[content]" content="Kim Jong-un"' in early
    assert 'data-pagefind-filter="Quelle[content]" content="APA"' in early


@pytest.mark.parametrize("markdown", [
    "---\ntitle: t\n---\n\nKein Titel, nur Text.\n",  # no h1: the theme adds the title
    "# T\n\nA [missing](../../../actors/nobody.md) page.\n",  # MkDocs warns about that link
    "# T\n\nAn [absolute](/actors/kim/) link.\n",
    "# T\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n",  # not our subset
])
def test_what_the_fast_path_or_quiet_links_cannot_make_is_not_made(theme, markdown):
    written, early = written_and_early(theme, markdown)
    assert early is None


def test_the_switch_off_means_no_stand_in_from_markdown(theme, monkeypatch):
    monkeypatch.setenv(fastmd.MODE_VARIABLE, "off")
    _, early = written_and_early(theme, article("T", "x", "Kim", "H"))
    assert early is None
