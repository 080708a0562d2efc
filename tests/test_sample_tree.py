"""The sample archive's whole output, pinned: a digest of every generated file.

A change to any page (docs/ Markdown or site/ HTML) shows up here as a list of the files it
touched; when it is intended, ``pytest --update-goldens`` rewrites the list and the review
sees which pages changed. Files whose bytes depend on the day of the build (MkDocs writes
today's date into the sitemap) are left out. The search bundle is included: its filter
files, which Pagefind writes in a random order, are rewritten sorted (publish/stablefilters.py).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from conftest import REPO

GOLDEN = REPO / "tests" / "golden" / "sample-tree.sha256"
DATED = ("site/sitemap.xml", "site/sitemap.xml.gz")


def digests(root: Path) -> list[str]:
    lines = []
    for top in ("docs", "site"):
        for path in sorted((root / top).rglob("*")):
            rel = path.relative_to(root).as_posix()
            if path.is_file() and rel not in DATED and not path.name.startswith(".archive-gen"):
                lines.append(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {rel}")
    return lines


def test_the_sample_archive_builds_the_pinned_tree(built_site, update_goldens):
    actual = digests(built_site)
    if update_goldens:
        GOLDEN.write_text("\n".join(actual) + "\n", encoding="utf-8")
    expected = GOLDEN.read_text(encoding="utf-8").splitlines()
    changed = sorted(set(actual) ^ set(expected))
    assert not changed, ("these generated files differ from tests/golden/sample-tree.sha256 "
                         "(pytest --update-goldens after reviewing them):\n" +
                         "\n".join(sorted({line.split("  ", 1)[1] for line in changed})[:40]))
    assert len(actual) > 600
