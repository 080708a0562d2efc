"""A fast, exact path for the Markdown archive-gen itself writes: MkDocs' ``Page.render`` without
Python-Markdown for pages that are only our own subset (:mod:`.fastparse`), with the same results.

Python-Markdown is most of MkDocs' CPU per page (a fresh ``Markdown`` per page, then per element
and per link), on Markdown we wrote ourselves in a few known shapes. A page :func:`.fastparse.parse`
accepts is turned into the HTML, table of contents, title, anchors and anchor links Python-
Markdown and MkDocs would make of it; links are resolved by MkDocs' own code
(``_RelativePathTreeprocessor``: its ``path_to_url`` for anything unusual, with its log messages,
its resolution cached per folder for the usual relative ``.md`` link). Anything else — an
editor's emphasis, code, tables, other extensions in ``mkdocs.yml`` — goes to Python-Markdown,
unchanged. docs/ stays plain Markdown that any renderer reads; this is only a shortcut through
MkDocs' render, exact or absent.

``ARCHIVE_GEN_FASTMD``: ``on`` (default), ``off`` (Python-Markdown for every page), ``verify``
(both for every page; any difference raises :class:`FastMarkdownMismatch`, naming the page).
"""

from __future__ import annotations

import html
import logging
import os
import posixpath
from urllib.parse import urlsplit, urlunsplit

from markdown.extensions.toc import nest_toc_tokens, slugify, strip_tags, unique
from markdown.serializers import _escape_attrib_html as escape_attribute
from mkdocs.structure.pages import _RelativePathTreeprocessor as RelativePaths
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data
from mkdocs.utils.rendering import _strip_tags as title_text

from .anchorids import anchor_ids
from .fastparse import Parsed, parse

__all__ = ["FastMarkdownMismatch", "MODE_VARIABLE", "content_of", "patched_render", "render"]

MODE_VARIABLE = "ARCHIVE_GEN_FASTMD"
EXTENSIONS = frozenset({"toc", "tables", "fenced_code", "attr_list"})  # MkDocs' three and ours
_TOC_OPTIONS = ({}, {"permalink": False})
_PAGES_LOG = logging.getLogger("mkdocs.structure.pages")


class FastMarkdownMismatch(RuntimeError):
    """The fast path and Python-Markdown disagree on a page (``ARCHIVE_GEN_FASTMD=verify``)."""


def supported(config) -> bool:
    """Only MkDocs' own extensions and ``attr_list``, ``toc`` with its defaults (``permalink: false``)."""
    extensions = config["markdown_extensions"]
    configs = config["mdx_configs"] or {}
    return (all(isinstance(name, str) for name in extensions) and set(extensions) == EXTENSIONS
            and len(extensions) == len(EXTENSIONS) and set(configs) <= {"toc"}
            and configs.get("toc", {}) in _TOC_OPTIONS)


class _Links:
    """One page's links, resolved as MkDocs' ``_RelativePathTreeprocessor.path_to_url`` does: by it,
    or for a relative link to a page by its first step (the target, cached per folder) and
    ``get_relative_url`` (cached per target and folder where the page's own name cannot matter).
    ``quiet``: never MkDocs' own resolution, which may log: None for a link it would have to make
    (an external link or one to an anchor of the page stays as it is, as there)."""

    cache: tuple[object, dict, dict] | None = None  # (the build's Files, targets, relative URLs)

    def __init__(self, file, config, files, quiet: bool = False) -> None:
        if _Links.cache is None or _Links.cache[0] is not files:
            _Links.cache = (files, {}, {})
        _, self.targets, self.relative = _Links.cache
        self.processor = None if quiet else RelativePaths(file, files, config)
        self.file, self.files = file, files
        self.src_dir = posixpath.dirname(file.src_uri)
        self.url = file.url
        self.parent = posixpath.dirname(self.url[:-1]) if self.url.endswith("/") else None

    def href(self, dest: str) -> str | None:
        path, _, anchor = dest.partition("#")
        if not path.endswith(".md") or ":" in path or path.startswith("/") or "%" in path:
            return self._other(dest)
        key = (self.src_dir, path)
        target = self.targets.get(key)
        if target is None:
            target = self.files.get_file_from_path(RelativePaths._target_uri(self.file.src_uri, path))
            if target is None or target.inclusion.is_excluded():
                return self._other(dest)  # its warnings, as MkDocs logs them
            self.targets[key] = target
        if anchor and self.processor is not None:
            self.processor.links_to_anchors.setdefault(target, {}).setdefault(anchor, dest)
        return urlunsplit(("", "", self.relative_url(target.url), "", anchor))

    def _other(self, dest: str) -> str | None:
        if self.processor is not None:
            return self.processor.path_to_url(dest)
        scheme, netloc, path, _, _ = urlsplit(dest)
        return dest if scheme or netloc or not (path or dest.startswith(("/", "\\"))) else None

    def relative_url(self, target: str) -> str:
        if self.parent is None or ("/" + target + "/").startswith("/" + self.url):
            return get_relative_url(target, self.url)
        key = (target, self.parent)
        url = self.relative.get(key)
        if url is None:
            url = self.relative[key] = get_relative_url(target, self.url)
        return url


def render(page, config, files) -> bool:
    """Set what ``Page.render`` sets, when the page is ours to render; else False (nothing set)."""
    if not supported(config):
        return False
    parsed = parse(page.markdown)
    if parsed is None:
        return False
    links = _Links(page.file, config, files)
    page.content, tokens, title = _content(parsed, links)
    page.present_anchor_ids = parsed.ids | {token["id"] for token in tokens} | anchor_ids(page.markdown)
    page.toc = get_toc(nest_toc_tokens(tokens))  # takes the tokens out of the list
    page._title_from_render = title
    if _PAGES_LOG.getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = links.processor.links_to_anchors
    return True


def content_of(file, config, files) -> str | None:
    """The page's content (the HTML ``Page.render`` sets), read from its file now, before MkDocs
    reads it: for the search's stand-in of a page to render (:mod:`.beside`), made before MkDocs'
    navigation and render. None when the fast path would not take the page, or a link would need
    MkDocs' own resolution (which may log: the render logs it once, later)."""
    if os.environ.get(MODE_VARIABLE, "on") == "off" or not supported(config):
        return None
    try:
        markdown, _ = get_data(file.content_string)  # as Page.read_source reads it
    except (OSError, ValueError):
        return None
    parsed = parse(markdown)
    made = _content(parsed, _Links(file, config, files, quiet=True)) if parsed is not None else None
    return made[0] if made is not None else None


def _content(parsed: Parsed, links: _Links) -> tuple[str, list[dict], str | None] | None:
    """The page's HTML, the toc extension's tokens and MkDocs' title; None when a link has no
    ``href`` (only in a quiet :class:`_Links`)."""
    for link in parsed.links:
        href = links.href(link.dest)
        if href is None:
            return None
        link.href = escape_attribute(href)
    tokens, title = _headings(parsed)
    return "".join(_html(piece) for piece in parsed.pieces).strip(), tokens, title


def _headings(parsed: Parsed) -> tuple[list[dict], str | None]:
    """The toc extension's tokens (ids made unique against every id the page sets itself) and
    MkDocs' title (the first element, when it is an h1); each heading's opening tag put in."""
    used, counters, tokens, title = set(parsed.ids), {}, [], None
    for heading in parsed.headings:
        inner = "".join(_html(piece) for piece in heading.pieces).strip()
        name = strip_tags(inner)
        attrs = dict(heading.attrs)
        if "id" not in attrs:
            attrs["id"] = unique(slugify(html.unescape(name), "-"), used, counters)
        parsed.pieces[heading.at] = f"<h{heading.level}{_attributes(attrs.items())}>"
        tokens.append({"level": heading.level, "id": attrs["id"], "name": name, "html": inner,
                       "data-toc-label": ""})
        if heading.at == 0 and heading.level == 1:
            title = title_text(inner)
    return tokens, title


def _attributes(items) -> str:
    return "".join(f' {key}="{value}"' for key, value in sorted(items))


def _html(piece) -> str:
    if isinstance(piece, str):
        return piece
    return f"<a{_attributes([*piece.attrs, ('href', piece.link.href)])}>"


def patched_render(original):
    """``Page.render`` through the fast path (``ARCHIVE_GEN_FASTMD``); Python-Markdown when it
    does not apply."""

    def render_page(page, config, files) -> None:
        mode = os.environ.get(MODE_VARIABLE, "on")
        if mode == "off":
            original(page, config, files)
        elif mode == "verify":
            verify(page, config, files, original)
        elif not render(page, config, files):
            original(page, config, files)

    render_page.fastmd_original = original
    return render_page


class _Recorder(logging.Filter):
    def __init__(self, keep: bool) -> None:
        super().__init__()
        self.records, self.keep = [], keep

    def filter(self, record: logging.LogRecord) -> bool:
        self.records.append((record.levelno, record.getMessage()))
        return self.keep


def _results(page) -> tuple:
    def entries(items):
        return [(i.title, i.id, i.level, entries(i.children)) for i in items]
    return (page.content, entries(page.toc), page._title_from_render, page.present_anchor_ids,
            {f.src_uri: dict(v) for f, v in (page.links_to_anchors or {}).items()})


def verify(page, config, files, original) -> None:
    """Both ways; the fast one's log kept back (Python-Markdown's is the build's)."""
    fast_log, slow_log = _Recorder(keep=False), _Recorder(keep=True)
    _PAGES_LOG.addFilter(fast_log)
    try:
        page.links_to_anchors = None
        fast = _results(page) if render(page, config, files) else None
    finally:
        _PAGES_LOG.removeFilter(fast_log)
    _PAGES_LOG.addFilter(slow_log)
    try:
        original(page, config, files)
    finally:
        _PAGES_LOG.removeFilter(slow_log)
    if fast is not None and (fast != _results(page) or fast_log.records != slow_log.records):
        names = ("content", "toc", "title", "anchors", "links to anchors")
        which = [n for n, a, b in zip(names, fast, _results(page)) if a != b] or ["log messages"]
        raise FastMarkdownMismatch(f"{page.file.src_uri}: the fast Markdown path differs from "
                                   f"Python-Markdown in {', '.join(which)}")
