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
    if len(text) <= max_length and SLUG_RE.match(text):
        return text  # already a slug (most file names): what the steps below would return
    safe = _DECIMAL.sub("-", text.encode("utf-8", "surrogatepass").decode("utf-8", "replace"))  # 1,3 ≠ 13
    slug = _transliterate(safe, replacements=_GERMAN)
    if len(slug) > max_length:  # cut at a word, never skip one (python-slugify's word_boundary does)
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    if not SLUG_RE.match(slug):
        slug = "x-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return slug


def file_stem(path: str) -> str:
    """``PurePosixPath(path).stem`` (the last part's name without its last suffix) without
    building a path object: every article's slug starts from it."""
    name = next((part for part in reversed(path.split("/")) if part not in ("", ".")), "")
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


def is_slug(text: str) -> bool:
    return bool(SLUG_RE.match(text)) and len(text) <= MAX_SLUG_LENGTH * 2


# ------------------------------------------------------------------ page paths (docs-relative)

TAXONOMIES = ("actors", "places", "topics", "sources")
# Page ids whose page would take the URL of a generated section (pages/actors.md → /actors/).
RESERVED_PAGE_IDS = frozenset({*TAXONOMIES, "timeline", "articles", "search", "assets", "feed", "events", "data"})
# Term ids whose page would take the place of a taxonomy's index page.
RESERVED_TERM_IDS = frozenset({"index", "index-by-count"})


def home_page() -> str:
    return "index.md"


def article_page(year: int, month: int, slug: str) -> str:
    return f"articles/{year:04d}/{month:02d}/{slug}.md"


def taxonomy_index(taxonomy: str) -> str:
    return f"{taxonomy}/index.md"


def taxonomy_index_by_count(taxonomy: str) -> str:
    return f"{taxonomy}/index-by-count.md"


def term_page(taxonomy: str, term_id: str, page: int = 1) -> str:
    """Page 1 of a term lives at ``actors/<id>.md``; later pages at ``actors/<id>/<n>.md``."""
    return f"{taxonomy}/{term_id}.md" if page == 1 else f"{taxonomy}/{term_id}/{page}.md"


def events_index() -> str:
    return "events/index.md"


def event_page(event_id: str) -> str:
    return f"events/{event_id}.md"


def timeline_index() -> str:
    return "timeline/index.md"


def timeline_month(year: int, month: int, page: int = 1) -> str:
    base = f"timeline/{year:04d}/{month:02d}"
    return f"{base}.md" if page == 1 else f"{base}/{page}.md"


def custom_page(page_id: str) -> str:
    return "index.md" if page_id in ("index", "home") else f"{page_id}.md"


def page_url(page: str, directory_urls: bool = True) -> str:
    """The site-relative URL a renderer gives a docs page (MkDocs' ``use_directory_urls``):
    ``actors/kim.md`` → ``actors/kim/``, ``actors/index.md`` → ``actors/``, ``index.md`` → ``""``.
    Needed where no renderer rewrites a ``.md`` link: raw HTML (charts), feeds, JSON-LD."""
    stem = page[:-3] if page.endswith(".md") else page
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


def html_href(from_page: str, to_page: str, directory_urls: bool = True) -> str:
    """A link for raw HTML from one docs page to another, relative to the rendered page:
    from ``actors/kim.md`` to ``actors/putin.md`` is ``../putin/``."""
    source, target = page_url(from_page, directory_urls), page_url(to_page, directory_urls)
    base = source if source.endswith("/") or not source else posixpath.dirname(source)
    rel = relative(target or ".", base.rstrip("/") or ".")
    return rel + "/" if target.endswith("/") or not target else rel


def absolute_url(site_url: str, page: str, directory_urls: bool = True) -> str:
    """The permanent URL of a docs page (or of a file such as ``feed.xml``) under ``site_url``."""
    path = page if not page.endswith(".md") else page_url(page, directory_urls)
    return site_url.rstrip("/") + "/" + path


def feed_path(taxonomy: str | None = None, term_id: str | None = None) -> str:
    """Atom feeds live beside the pages they follow: ``feed.xml``, ``actors/kim-jong-un.xml``."""
    return "feed.xml" if taxonomy is None else f"{taxonomy}/{term_id}.xml"


def link(from_page: str, to_page: str) -> str:
    """Relative link from one docs page to another, e.g. ``../../actors/kim-jong-un.md``."""
    return relative(to_page, posixpath.dirname(from_page) or ".")


def relative(target: str, start: str) -> str:
    """``posixpath.relpath`` for the site's own relative paths, by comparing components:
    relpath makes both absolute against the working directory first, and a build asks for
    hundreds of thousands of links. Anything unusual (absolute, ``.``/``..``, empty parts)
    goes to relpath itself, so the result is always relpath's."""
    to_parts, from_parts = target.split("/"), ([] if start == "." else start.split("/"))
    if not is_plain(to_parts) or not is_plain(from_parts):
        return posixpath.relpath(target, start)
    common = 0
    for a, b in zip(to_parts, from_parts):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(from_parts) - common) + to_parts[common:]) or "."


def is_plain(parts: list[str]) -> bool:
    """No empty, ``.`` or ``..`` part: a path :func:`relative` compares by its components."""
    return all(part and part != "." and part != ".." for part in parts)


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
