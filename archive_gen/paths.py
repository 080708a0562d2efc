"""The only place that decides slugs, page paths and links between pages.

Every generated page has a path relative to ``docs/`` ending in ``.md``; links between pages
are relative ``.md`` links, so ``mkdocs build --strict`` reports a broken one, and the same
``docs/`` works under any base URL and with other renderers.
"""

from __future__ import annotations

import hashlib
import posixpath
import re

from slugify import slugify as _transliterate

# German first (ä → ae, not a); everything else is transliterated by python-slugify
# (Unidecode's tables: Путин → putin, Τσίπρας → tsipras, 北京 → bei-jing).
_GERMAN = [["ä", "ae"], ["ö", "oe"], ["ü", "ue"], ["Ä", "Ae"], ["Ö", "Oe"], ["Ü", "Ue"], ["ß", "ss"], ["ẞ", "SS"]]
_DECIMAL = re.compile(r"(?<=\d)[,.](?=\d)")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_SLUG_LENGTH = 80


def slugify(text: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """A lowercase ASCII slug: ``Kim Jong-un`` → ``kim-jong-un``, ``Pjöngjang`` → ``pjoengjang``.

    Never empty: text with nothing to transliterate (emoji only) gets a short stable hash.
    """
    safe = _DECIMAL.sub("-", text.encode("utf-8", "surrogatepass").decode("utf-8", "replace"))  # 1,3 ≠ 13
    slug = _transliterate(safe, replacements=_GERMAN)
    if len(slug) > max_length:  # cut at a word, never skip one (python-slugify's word_boundary does)
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    if not SLUG_RE.match(slug):
        slug = "x-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return slug


def is_slug(text: str) -> bool:
    return bool(SLUG_RE.match(text)) and len(text) <= MAX_SLUG_LENGTH * 2


# ------------------------------------------------------------------ page paths (docs-relative)

TAXONOMIES = ("actors", "places", "topics", "sources")
# Page ids whose page would take the URL of a generated section (pages/actors.md → /actors/).
RESERVED_PAGE_IDS = frozenset({*TAXONOMIES, "timeline", "articles", "search", "assets"})


def home_page() -> str:
    return "index.md"


def article_page(year: int, month: int, slug: str) -> str:
    return f"articles/{year:04d}/{month:02d}/{slug}.md"


def taxonomy_index(taxonomy: str) -> str:
    return f"{taxonomy}/index.md"


def term_page(taxonomy: str, term_id: str, page: int = 1) -> str:
    """Page 1 of a term lives at ``actors/<id>.md``; later pages at ``actors/<id>/<n>.md``."""
    return f"{taxonomy}/{term_id}.md" if page == 1 else f"{taxonomy}/{term_id}/{page}.md"


def timeline_index() -> str:
    return "timeline/index.md"


def timeline_month(year: int, month: int, page: int = 1) -> str:
    base = f"timeline/{year:04d}/{month:02d}"
    return f"{base}.md" if page == 1 else f"{base}/{page}.md"


def custom_page(page_id: str) -> str:
    return "index.md" if page_id in ("index", "home") else f"{page_id}.md"


def page_url(page: str) -> str:
    """The address of a docs page below the site's root, as MkDocs serves it with directory
    URLs: ``articles/2024/06/kim.md`` → ``articles/2024/06/kim/``, ``index.md`` → ````."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def feed_path(taxonomy: str | None = None, term_id: str | None = None) -> str:
    """Atom feeds live beside the pages they follow: ``feed.xml``, ``actors/kim-jong-un.xml``."""
    return "feed.xml" if taxonomy is None else f"{taxonomy}/{term_id}.xml"


def link(from_page: str, to_page: str) -> str:
    """Relative link from one docs page to another, e.g. ``../../actors/kim-jong-un.md``."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


class SlugPool:
    """Hands out slugs nobody holds yet: ``kim`` , then ``kim-2``, ``kim-3`` … The one
    de-duplication rule, for the build's pages and for ``import``'s new files alike."""

    def __init__(self, taken=()) -> None:
        self.taken: set[str] = set(taken)

    def claim(self, slug: str) -> str:
        candidate, n = slug, 2
        while candidate in self.taken:
            candidate = f"{slug}-{n}"
            n += 1
        self.taken.add(candidate)
        return candidate


def unique_slugs(wanted: list[tuple[str, str]]) -> dict[str, str]:
    """Map keys to distinct slugs. ``wanted`` is (key, slug) pairs; order decides who keeps
    the plain slug, so callers pass them in a stable order (e.g. by source path)."""
    pool = SlugPool()
    return {key: pool.claim(slug) for key, slug in wanted}
