"""MkDocs' ``Page`` set up with less work: every build makes one per page (~11,700 at 10,000
articles, reused pages included: the navigation makes them all), and two of its steps are general
machinery for what is, on our pages, string concatenation.

* The canonical URL: ``urljoin(site_url, page.url)`` and ``urlsplit`` of that (~0.6 CPU s a
  build). When the base is a plain ``http(s)://host/path/`` and the page URL a plain relative path
  (no scheme, query, fragment, parameters, empty, ``.`` or ``..`` segment), the join is ``base +
  url`` and its path ``base path + url``; anything else goes to MkDocs' own method.
* The build date (``datetime.now`` and ``strftime`` per page): the same string until the UTC
  day changes, so it is kept with the day's bounds and ``SOURCE_DATE_EPOCH`` it was made for.

Both give exactly what MkDocs' code gives (``tests/test_pageinit.py`` compares them on generated
URLs, and real builds with them on and off).
"""

from __future__ import annotations

import os
import re
import time
from urllib.parse import urlsplit

_PLAIN_BASE = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]+)?/(?:[A-Za-z0-9_~!$&'()*+,=@%-][A-Za-z0-9._~!$&'()*+,=@%-]*/)*")
_SEGMENT = r"[^\x00-\x20\x7f-\x9f/?#;:\\\[\]]+"
_PLAIN_URL = re.compile(rf"(?:{_SEGMENT}/)*(?:{_SEGMENT})?")
_DAY = 86400


def _plain_url(url: str) -> bool:
    """True when ``urljoin`` would only append ``url`` to a plain base."""
    return _PLAIN_URL.fullmatch(url) is not None and all(part not in (".", "..") for part in url.split("/"))


def _plain_base(base: str) -> bool:
    return _PLAIN_BASE.fullmatch(base) is not None and all(part not in (".", "..") for part in base.split("/")[3:])


def canonical_url(set_canonical_url):
    """``Page._set_canonical_url`` with the fast path for plain URLs (MkDocs' method otherwise)."""
    bases: dict[str, str | None] = {}  # site_url -> its path when plain, else None

    def fast(page, base: str | None) -> None:
        if base:
            base = base if base.endswith("/") else base + "/"
            path = bases.get(base, "")
            if path == "":
                path = bases[base] = urlsplit(base).path if _plain_base(base) else None
            url = page.url
            if path is not None and _plain_url(url):
                page.canonical_url, page.abs_url = base + url, path + url
                return
        set_canonical_url(page, base)
    return fast


def build_date(get_build_date):
    """``get_build_date`` computed once per UTC day (and ``SOURCE_DATE_EPOCH``), not once per page."""
    kept: list = [None, 0.0, 0.0, ""]  # SOURCE_DATE_EPOCH, day start, day end, the date

    def once() -> str:
        epoch, now = os.environ.get("SOURCE_DATE_EPOCH"), time.time()
        if kept[0] != epoch or epoch is None and not kept[1] <= now < kept[2]:
            date = get_build_date()
            start = now // _DAY * _DAY
            kept[:] = [epoch, start, start + _DAY, date]
            if epoch is None and time.time() >= kept[2]:  # the day changed while the date was made
                kept[1:3] = [0.0, 0.0]
        return kept[3]
    return once


def page_hooks() -> list[tuple]:
    """(owner, name, replacement) for MkDocs' ``Page`` while it builds (``ARCHIVE_GEN_PAGEINIT=off``: none)."""
    from mkdocs.structure import pages

    if os.environ.get("ARCHIVE_GEN_PAGEINIT") == "off":
        return []
    return [(pages.Page, "_set_canonical_url", canonical_url(pages.Page._set_canonical_url)),
            (pages, "get_build_date", build_date(pages.get_build_date))]
