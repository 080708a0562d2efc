"""The theme's compiled templates are kept across builds (``publish.compiled``): a later build
compiles none of the templates an earlier one compiled, and an edited template is compiled
again, also when the earlier build ran in the same process."""

from __future__ import annotations

import jinja2
import pytest

from archive_gen.config import Config
from archive_gen.errors import Diagnostics
from archive_gen.output.cache import Store
from archive_gen.pipeline import build_site
from archive_gen.publish import compiled
from archive_gen.render.context import COMPILED

from conftest import copy_project
from test_incremental import add_article

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::DeprecationWarning")]


def build(root) -> None:
    diags = Diagnostics()
    build_site(Config.load(root / "mkdocs.yml", quiet=True), diags, jobs=1)
    assert not diags.failed(), list(diags)


@pytest.fixture
def theme_compilations(monkeypatch):
    """The theme templates compiled from now on (the package's own templates are not counted)."""
    names: list[str] = []
    compile_ = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, *args, **kwargs):
        if filename and "archive_gen" not in filename:
            names.append(name)
        return compile_(self, source, name, filename, *args, **kwargs)
    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return names


def forget_in_memory(monkeypatch) -> None:
    """As in a new process: nothing compiled yet."""
    monkeypatch.setattr(COMPILED, "code", {})


def test_a_later_build_compiles_no_theme_template(tmp_path, monkeypatch, theme_compilations):
    root = copy_project(tmp_path / "archive")
    forget_in_memory(monkeypatch)
    build(root)
    first = len(theme_compilations)
    assert first > 10  # Material's main template and its partials
    pack = Store(root / ".archive-gen-cache", "templates")
    assert isinstance(pack.get(compiled.ENTRY), tuple)

    forget_in_memory(monkeypatch)
    add_article(root, "Kopie1")
    build(root)
    assert theme_compilations[first:] == []


def test_an_edited_override_is_compiled_again(tmp_path, monkeypatch, theme_compilations):
    root = copy_project(tmp_path / "archive")
    build(root)
    footer = root / "overrides" / "partials" / "footer.html"
    footer.write_text('<p class="ag-marker">neu übersetzt</p>\n' + footer.read_text(encoding="utf-8"), encoding="utf-8")
    for fresh_process in (False, True):
        if fresh_process:
            forget_in_memory(monkeypatch)
            footer.write_text(footer.read_text(encoding="utf-8").replace("neu übersetzt", "wieder neu"),
                              encoding="utf-8")
        before = len(theme_compilations)
        add_article(root, f"Kopie{int(fresh_process)}")
        build(root)
        assert "partials/footer.html" in theme_compilations[before:]
        index = (root / "site" / "index.html").read_text(encoding="utf-8")
        assert ("wieder neu" if fresh_process else "neu übersetzt") in index


def test_a_pack_of_other_versions_is_not_used(tmp_path, monkeypatch, theme_compilations):
    root = copy_project(tmp_path / "archive")
    build(root)
    pack = Store(root / ".archive-gen-cache", "templates")
    versions, code = pack.get(compiled.ENTRY)
    pack.put(compiled.ENTRY, ("jinja2 0.0 python (2, 7, 0)", code))
    pack.save()
    forget_in_memory(monkeypatch)
    before = len(theme_compilations)
    add_article(root, "Kopie2")
    build(root)
    assert len(theme_compilations) > before
    assert Store(root / ".archive-gen-cache", "templates").get(compiled.ENTRY)[0] == versions
