"""MkDocs' ``Page`` set up with less work (:mod:`archive_gen.publish.pageinit`): the canonical URL
and the build date are exactly what MkDocs' own code gives, and a build with the fast paths gives
the same site as one without."""

from __future__ import annotations

import datetime
import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings, strategies as st
from mkdocs.structure.pages import Page

from archive_gen.publish import pageinit

from conftest import copy_project
from test_incremental import build, tree

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

BASES = ["https://example.org/archiv/", "https://example.org/archiv", "http://example.org", "https://example.org/",
         "https://Example.org:8080/a/b/", "https://example.org/a/./b/", "https://example.org/a/../b/",
         "https://example.org/a//b/", "https://example.org/a;x/", "https://example.org/a?q=1", "https://example.org/#f",
         "HTTPS://example.org/", "ftp://example.org/x/", "https://user@example.org/", "https://example.org/%20x/",
         " https://example.org/", "https://example.org/ä/", "mailto:a@example.org", "https://[::1]/x/"]
URL_PARTS = st.sampled_from(["a", "b-c", "2024", "ä", "x y", ".", "..", "...", "", "/", "//", "?", "#", ";", ":",
                             "%2F", "a.html", "\t", "\n", "\\", "[", "]", "@", "~", "\x7f", "\u3000", "index/", "./"])


def _outcome(method, base: str | None, url: str) -> tuple:
    """(canonical URL, absolute URL), or the error raised (a URL urllib rejects)."""
    page = SimpleNamespace(url=url)
    try:
        method(page, base)
    except ValueError as error:
        return ("error", str(error))
    return page.canonical_url, page.abs_url


def _original(base: str | None, url: str) -> tuple:
    return _outcome(Page._set_canonical_url, base, url)


def _fast(base: str | None, url: str) -> tuple:
    return _outcome(pageinit.canonical_url(Page._set_canonical_url), base, url)


@settings(max_examples=600, deadline=None)
@given(base=st.sampled_from(BASES + [None, ""]), url=st.lists(URL_PARTS, max_size=6).map("".join))
def test_the_canonical_url_is_mkdocs_own(base, url):
    assert _fast(base, url) == _original(base, url)


def test_a_plain_page_url_takes_the_fast_path():
    """The shortcut is taken for our pages' URLs (else it would save nothing)."""
    calls = []
    fast = pageinit.canonical_url(lambda page, base: calls.append(base))
    for url in ("", "articles/2024/05/some-title/", "akteure/angela-merkel/", "ä/ö/"):
        page = SimpleNamespace(url=url)
        fast(page, "https://example.org/archiv")
        assert (page.canonical_url, page.abs_url) == _original("https://example.org/archiv", url)
    assert calls == []


def test_the_build_date_follows_the_day_and_source_date_epoch(monkeypatch):
    """Kept within one UTC day; a new day, or another SOURCE_DATE_EPOCH, makes it again."""
    clock = [datetime.datetime(2026, 12, 1, 23, 59, 58, tzinfo=datetime.timezone.utc).timestamp()]
    monkeypatch.setattr(pageinit.time, "time", lambda: clock[0])

    def made() -> str:  # what MkDocs' get_build_date gives at the clock's time
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        when = int(epoch) if epoch is not None else clock[0]
        return datetime.datetime.fromtimestamp(when, datetime.timezone.utc).strftime("%Y-%m-%d")

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    once = pageinit.build_date(made)
    seen = []
    for step in (0, 1, 1, 1, 86400):
        clock[0] += step
        seen.append((once(), made()))
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
        seen.append((once(), made()))
        monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert [a for a, _ in seen] == [b for _, b in seen]
    assert {a for a, _ in seen} == {"2026-12-01", "2026-12-02", "2026-12-03", "2023-11-14"}


@pytest.mark.slow
def test_a_build_with_the_fast_paths_is_a_build_without(tmp_path, monkeypatch):
    """The whole sample (its site_url has a path) with and without them: the same site/."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    sites = {}
    for setting in ("on", "off"):
        monkeypatch.setenv("ARCHIVE_GEN_PAGEINIT", setting)
        root = copy_project(tmp_path / setting)
        build(root)
        sites[setting] = tree(root / "site")
        shutil.rmtree(root / "docs")
    assert sites["on"] == sites["off"]
    assert any(b"https://example.org/archiv/" in data for rel, data in sites["on"].items() if rel.endswith(".html"))
