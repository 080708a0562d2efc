"""The only place that decides slugs, page paths and links between pages.

Every generated page has a path relative to ``docs/`` ending in ``.md``; links between pages
are relative ``.md`` links, so ``mkdocs build --strict`` reports a broken one, and the same
``docs/`` works under any base URL and with other renderers.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import unicodedata

# German first; other scripts fall back to their decomposed ASCII letters.
_TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS",
     "æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "Oe", "đ": "d", "Đ": "D",
     "ł": "l", "Ł": "L", "þ": "th", "Þ": "Th"}
)
_NON_SLUG = re.compile(r"[^a-z0-9]+")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_SLUG_LENGTH = 80


def slugify(text: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """A lowercase ASCII slug: ``Kim Jong-un`` → ``kim-jong-un``, ``Pjöngjang`` → ``pjoengjang``.

    Never empty: text with no Latin letters or digits gets a short stable hash instead.
    """
    ascii_text = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATION))
    ascii_text = ascii_text.encode("ascii", "ignore").decode("ascii").lower()
    slug = _NON_SLUG.sub("-", ascii_text).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    if not slug:
        slug = "x-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return slug


def is_slug(text: str) -> bool:
    return bool(SLUG_RE.match(text)) and len(text) <= MAX_SLUG_LENGTH * 2


# ------------------------------------------------------------------ page paths (docs-relative)

TAXONOMIES = ("actors", "places", "topics", "sources")


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


def link(from_page: str, to_page: str) -> str:
    """Relative link from one docs page to another, e.g. ``../../actors/kim-jong-un.md``."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def unique_slugs(wanted: list[tuple[str, str]]) -> dict[str, str]:
    """Map keys to distinct slugs. ``wanted`` is (key, slug) pairs; order decides who keeps
    the plain slug, so callers pass them in a stable order (e.g. by source path)."""
    taken: set[str] = set()
    result: dict[str, str] = {}
    for key, slug in wanted:
        candidate, n = slug, 2
        while candidate in taken:
            candidate = f"{slug}-{n}"
            n += 1
        taken.add(candidate)
        result[key] = candidate
    return result
