"""The theme renders what many pages share once per folder of pages (overrides/main.html,
partials/ag-shared.html): every page must still be byte for byte what it is when each page
renders every part itself, including the pages whose own folder holds a link of those parts
(a page of the navigation below it, the footer's imprint page) and the pages of the navigation.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import material
import pytest

REPO = Path(__file__).resolve().parents[1]
MAIN = REPO / "overrides" / "main.html"
SHARING = "{% if mkdocs_version and page and page.url is string and page.url %}"

PAGES = {
    "index.md": "# Start\n\nText.\n",
    "about.md": "# Über\n\n## Kontakt\n\nText.\n",
    "topics/index.md": "# Themen\n\n- [A](a.md)\n",
    "topics/a.md": "# A\n\n## Abschnitt\n\n[B](b.md), [Themen](index.md)\n",
    "topics/b.md": "---\ntitle: \"<b>B</b> & Co\"\n---\n# B\n",
    # not in the navigation, but a page of it lies in this page's folder
    "notes.md": "# Notizen\n",
    "notes/inside.md": "# Innen\n",
    # the footer's imprint page, not in the navigation; its footer links to itself
    "legal.md": "# Impressum\n",
    "deep/a/b/c.md": "# Tief\n",
    "deep/a/b/d.md": "---\nhide: [navigation, toc]\n---\n# Versteckt\n\n## Eins\n",
}
CONFIG = """site_name: Probe
site_url: https://example.org/probe/
use_directory_urls: {directory_urls}
theme:
  name: material
  language: de
  custom_dir: overrides
  font: false
  features: [navigation.tabs, navigation.top]
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      toggle: {{icon: material/weather-night, name: Dunkel}}
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      toggle: {{icon: material/weather-sunny, name: Hell}}
extra:
  imprint: {{text: Impressum, url: legal/}}
  licence: Texte frei
plugins: []
extra_javascript: [assets/javascripts/notes.js]
markdown_extensions: [attr_list, toc]
nav:
  - Start: index.md
  - Über: about.md
  - Themen: topics/index.md
  - Innen: notes/inside.md
"""


def _block(text: str, name: str) -> str:
    start = text.index("{% block " + name + " %}")
    return text[start:text.index("{% endblock %}", start) + len("{% endblock %}")]


def test_the_site_nav_block_is_materials_apart_from_the_shared_navigation():
    """main.html copies Material's block to keep its navigation once per folder: a Material
    upgrade that changes the block must be noticed (copy it again)."""
    base = (Path(material.__file__).parent / "templates" / "base.html").read_text(encoding="utf-8")
    ours = _block(MAIN.read_text(encoding="utf-8"), "site_nav")
    ours = ours.replace("{% if mkdocs_version %}", "", 1).replace("{% else %}{{ super() }}{% endif %}{% endblock %}", "{% endblock %}")
    include = '{% include "partials/nav.html" %}'
    shared = re.compile(r"\{% if ag and ag\.key %\}.*?\{% else %\}(" + re.escape(include) + r")\{% endif %\}")
    assert shared.subn(r"\1", ours) == (_block(base, "site_nav"), 1)


def _build(root: Path, site: Path) -> dict[str, bytes]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    build(load_config(str(root / "mkdocs.yml"), site_dir=str(site)))
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*.html"))}


@pytest.mark.slow
@pytest.mark.parametrize("directory_urls", [True, False])
def test_every_page_is_the_same_as_when_each_page_renders_every_part(tmp_path, directory_urls):
    pages = {}
    for name, sharing in (("shared", True), ("own", False)):
        root = tmp_path / name
        shutil.copytree(REPO / "overrides", root / "overrides")
        if not sharing:
            main = root / "overrides" / "main.html"
            text = main.read_text(encoding="utf-8")
            assert SHARING in text
            main.write_text(text.replace(SHARING, "{% if false %}"), encoding="utf-8")
        (root / "mkdocs.yml").write_text(CONFIG.format(directory_urls=str(directory_urls).lower()), encoding="utf-8")
        for rel, text in PAGES.items():
            (root / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / "docs" / rel).write_text(text, encoding="utf-8")
        pages[name] = _build(root, tmp_path / f"site-{name}")
    assert len(pages["shared"]) == len(PAGES) + 1  # and 404.html
    assert pages["shared"].keys() == pages["own"].keys()
    differ = [rel for rel in pages["own"] if pages["shared"][rel] != pages["own"][rel]]
    assert differ == []
    # the cases the sharing must tell apart really differ in their links
    suffix = "/index.html" if directory_urls else ".html"
    legal, notes = (pages["own"][f"{n}{suffix}"].decode() for n in ("legal", "notes"))
    imprint = re.compile(r'class="ag-footer__imprint"><a href="([^"]*)"')
    if directory_urls:  # legal/ links to itself, notes/ to its neighbour folder
        assert imprint.search(legal).group(1) != imprint.search(notes).group(1)
    assert "&lt;b&gt;B&lt;/b&gt; &amp; Co" in pages["own"][f"topics/b{suffix}"].decode()
