"""Shared fixtures: a throw-away copy of the sample archive, a real MkDocs build of it,
and the location of the shared corpora."""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true", help="rewrite the golden files from the current output")
    parser.addoption("--all", action="store_true",
                     help="also the slow tests: real builds, the browser, the preview server, the corpora (CI runs all)")


# Slow: what builds a real site, drives a browser or a server, or reads a whole corpus. The
# default run (the development loop) leaves them out; `--all` and CI run everything.
SLOW_MARKERS = ("slow", "browser", "corpus")
SLOW_FIXTURES = ("built_site",)
# Modules of end-to-end tests: each builds real sites, runs the CLI or a server.
SLOW_MODULES = frozenset({
    "test_incremental", "test_serve", "test_workflow", "test_hostile_build", "test_injection", "test_determinism",
    "test_bad_input", "test_hostile_input", "test_check", "test_corpus_annotate", "test_evaluate", "test_importer",
    "test_export", "test_events", "test_actors_cli", "test_gitdates", "test_automation", "test_site",
    "test_renderers", "test_spareseal",
})


def pytest_collection_modifyitems(config, items):
    for item in items:
        if (any(m in item.keywords for m in SLOW_MARKERS[1:]) or set(SLOW_FIXTURES) & set(item.fixturenames)
                or item.module.__name__.rsplit(".", 1)[-1] in SLOW_MODULES):
            item.add_marker(pytest.mark.slow)
    if config.getoption("--all") or config.getoption("markexpr"):
        return
    kept = [item for item in items if "slow" not in item.keywords]
    config.hook.pytest_deselected(items=[item for item in items if "slow" in item.keywords])
    items[:] = kept


@pytest.fixture
def update_goldens(request) -> bool:
    return request.config.getoption("--update-goldens")


def shared_file(*parts: str) -> Path:
    """A file below ../shared: skipped locally when missing, a failure under CI."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing: CI must have the shared corpora beside the repository")
        pytest.skip(f"{path} not found")
    return path


@pytest.fixture(scope="session")
def shared() -> Path:
    return shared_file("corpus").parent


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


# ---------------------------------------------------------------------------- browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
TIMEOUT_MS = 20_000  # any single wait (page load, search worker, navigation)


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must run the browser tests)")
    pytest.skip(reason)


class _QuietHandler(SimpleHTTPRequestHandler):
    prefix = ""  # served below this path only, as a GitHub Pages project site is

    def log_message(self, format, *args):  # noqa: A002 - http.server's signature
        pass

    def send_head(self):
        path = urlsplit(self.path).path
        if self.prefix and not (path == self.prefix or path.startswith(self.prefix + "/")):
            self.send_error(404)
            return None
        self.path = self.path[len(self.prefix):] or "/"
        return super().send_head()


@contextlib.contextmanager
def serve_directory(directory: Path, prefix: str = ""):
    """A static directory over HTTP on a free loopback port, at ``prefix`` (e.g. ``/archiv``;
    anything outside it is a 404); yields the base URL (without a closing slash)."""
    handler = functools.partial(type("Handler", (_QuietHandler,), {"prefix": prefix}), directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-http", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright (it never downloads a browser of its own)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright (python) is not installed")
    if not Path(CHROMIUM).exists():
        _unavailable(f"{CHROMIUM} not found")
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, timeout=60_000)
    except Exception as exc:  # noqa: BLE001 - any launch failure means "no browser here"
        playwright.stop()
        _unavailable(f"cannot launch {CHROMIUM}: {exc}")
    try:
        yield chromium
    finally:
        chromium.close()
        playwright.stop()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()
