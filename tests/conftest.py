"""Shared fixtures: a throw-away copy of the sample archive, a real MkDocs build of it,
and the location of the shared corpora."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true", help="rewrite the golden files from the current output")


@pytest.fixture
def update_goldens(request) -> bool:
    return request.config.getoption("--update-goldens")


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "corpus").is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{SHARED} is missing: CI must have the shared corpora beside the repository")
        pytest.skip(f"{SHARED} not found")
    return SHARED


def copy_project(target: Path) -> Path:
    """The repository's archive (mkdocs.yml, overrides, content) in a fresh directory."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(REPO / "overrides", target / "overrides")
    shutil.copytree(REPO / "content", target / "content")
    return target


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "archive")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The sample archive, generated and rendered once with ``build --strict``."""
    from archive_gen.cli import main

    root = copy_project(tmp_path_factory.mktemp("built") / "archive")
    code = main(["build", "--strict", "-q", "--config", str(root / "mkdocs.yml")])
    assert code == 0, "the sample archive must build with --strict"
    return root


def seed_article_path(root: Path) -> Path:
    """The seed (raw wire text) inside a copied archive."""
    found = sorted((root / "content" / "articles").rglob("*.txt"))
    assert found, "the sample archive must contain the raw wire seed article"
    return found[0]
