"""Issue 15's "Done when", end to end, as an editor does it: with ``archive-gen serve`` running,
add a note to a passage of the seed article, see it inline in the preview (the marked passage,
the marker's pop-over in Chromium, the note in the list), change a word elsewhere in the
paragraph and still see it, delete the passage and get
``path:line: warning: annotation "…" no longer matches`` (from the preview and from
``archive-gen check``), the note still listed, as no longer anchored."""

from __future__ import annotations

import re
import subprocess
import sys
import uuid

import pytest

from conftest import seed_article_path
from test_serve import CHANGE_DEADLINE, START_DEADLINE, Server, _get, _seed_url_path

pytestmark = pytest.mark.browser


def _paragraph_with(text: str, words: int = 4) -> tuple[str, str]:
    """A passage of ``words`` words from the middle of the seed's longest body paragraph, and
    another word of that paragraph (outside the passage) to change."""
    paragraphs = [p for p in text.split("\n") if len(p) > 200 and p.rstrip().endswith(".") and "(" not in p]
    tokens = max(paragraphs, key=len).split()
    middle = len(tokens) // 2
    passage = " ".join(tokens[middle:middle + words])
    other = next(t for t in tokens[2:middle - 1] if t.isalpha() and len(t) > 4 and text.count(t) == 1)
    assert text.count(passage) == 1, passage
    return passage.strip(".,"), other


def test_an_editor_adds_a_note_sees_it_in_the_preview_keeps_it_through_an_edit_and_is_warned_when_it_is_gone(
        project, page):
    seed = seed_article_path(project)
    sidecar = seed.with_suffix(".yml")
    original = seed.read_text(encoding="utf-8")
    passage, other = _paragraph_with(original)
    token = "Notiz" + uuid.uuid4().hex[:8]
    server = Server(project, project.parent / "serve.log")
    try:
        server.wait_for("docs/ to be generated", lambda: any((project / "docs" / "articles").rglob("*.md")),
                        START_DEADLINE)
        url = server.base + _seed_url_path(project, seed)
        server.wait_for(f"{url} to answer", lambda: _get(url)[0] == 200, START_DEADLINE)

        # 1. the editor adds a note to a passage, in the sidecar of the raw wire text
        sidecar.write_text(sidecar.read_text(encoding="utf-8").replace(
            "annotations:\n", f"annotations:\n- exact: {passage}\n  note: Eine Anmerkung ({token}).\n"
                              "  author: Test\n  date: 2024-07-01\n", 1), encoding="utf-8")
        marked = f'<mark class="ag-note-passage">{passage}</mark>'
        html = server.wait_for("the note in the preview", lambda: (h := _get(url)[1]) and marked in h and token in h and h,
                               CHANGE_DEADLINE)
        number = re.search(re.escape(marked) + r'<sup class="ag-note-ref" id="ag-note-ref-(\d+)"', html).group(1)
        page.goto(url, wait_until="load")
        marker = page.get_by_role("link", name=f"Anmerkung {number}")
        marker.click()
        pop = page.locator("#" + marker.get_attribute("aria-controls"))
        assert pop.is_visible() and token in pop.inner_text(), "inline, in the marker's pop-over"

        # 2. a word elsewhere in the paragraph changes: the note stays on its passage
        replacement = "Geänderterweise"
        seed.write_text(original.replace(other, replacement, 1), encoding="utf-8")
        html = server.wait_for("the edit in the preview", lambda: (h := _get(url)[1]) and replacement in h and h,
                               CHANGE_DEADLINE)
        assert marked in html and token in html
        assert 'annotation "' + passage not in server.log()

        # 3. the passage is deleted: warned about, with the line of its entry, and still listed
        seed.write_text(original.replace(other, replacement, 1).replace(passage, "", 1), encoding="utf-8")
        server.wait_for("the orphan in the preview", lambda: marked not in (h := _get(url)[1]) and token in h,
                        CHANGE_DEADLINE)
        shown = sidecar.relative_to(project).as_posix()
        line = next(i for i, row in enumerate(sidecar.read_text(encoding="utf-8").splitlines(), start=1)
                    if row == f"- exact: {passage}")
        warning = f'{shown}:{line}: warning: annotation "{passage}" no longer matches'
        server.wait_for("the warning in the preview's log", lambda: warning in server.log(), CHANGE_DEADLINE)
    finally:
        server.stop()
    check = subprocess.run([sys.executable, "-m", "archive_gen", "check", "--config", str(project / "mkdocs.yml")],
                           capture_output=True, text=True, timeout=300)
    assert warning in check.stderr, check.stderr
    assert "Traceback" not in server.log()
