"""What every page renderer shares: templates, the UI's words, dates, links, paging."""

from __future__ import annotations

import datetime as dt
import functools
import posixpath
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

import jinja2
from babel.dates import format_date, format_skeleton
from markupsafe import Markup

from .. import paths
from ..index.events import events_by_month, events_by_term
from ..model import Archive, Article
from . import i18n
from .escape import finalize, md_escape, safe_url


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept for the process: ``serve`` makes a new environment for every
    rebuild, and compiling the templates cost more than rendering an edit's pages. Keyed by
    the template's name and file (Jinja's bucket key); Jinja checks each entry against the
    template's source checksum and its own bytecode format, so an edited template is compiled
    again. MkDocs' theme environments use it too, and the build keeps it across runs in the
    project's cache (:mod:`archive_gen.publish.compiled`)."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}
        self.added = 0  # templates compiled (or compiled again) since the process began

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()
        self.added += 1


COMPILED = CompiledTemplates()
FOLDERS_KEPT = 4  # folders whose links are kept (see linker)
LABELS_KEPT = 100_000  # link texts kept as Markdown (titles, names): then forgotten, memory stays bounded


@functools.lru_cache(maxsize=65536)
def _formatted(date: dt.date, precision: str, locale: str) -> str:
    """A date as the reader's locale writes it. Cached: Babel's formatting costs ~0.1 ms and
    a build prints the same few thousand dates hundreds of thousands of times."""
    if precision == "year":
        return str(date.year)
    if precision == "month":
        return format_skeleton("yMMMM", date, locale=locale)
    if precision == "weekday":
        return format_date(date, "full", locale=locale)
    return format_date(date, "long", locale=locale)


@dataclass(frozen=True)
class Settings:
    language: str = "de"
    page_size: int = 50
    updated: dict[str, Any] = field(default_factory=dict)  # source file -> date of its last commit (git)
    drafts: bool = False  # unpublished articles are on the site (the preview): mark them
    site_name: str = ""
    site_url: str = ""  # with a closing slash, or "": permanent links and feeds need it
    licence: str = ""  # the site's licence (structured data of articles without their own)
    directory_urls: bool = True

    @classmethod
    def of(cls, config: Any, **overrides: Any) -> "Settings":
        """The render settings of a :class:`~archive_gen.config.Config`."""
        return cls(language=config.language, page_size=config.page_size, drafts=config.drafts,
                   site_name=config.site_name, site_url=config.site_url, licence=config.licence,
                   directory_urls=config.directory_urls, **overrides)


class RenderContext:
    """The template environment and the lookups that pages need, built once per archive."""

    def __init__(self, archive: Archive, settings: Settings) -> None:
        self.archive = archive
        self.settings = settings
        self.locale = i18n.ui_language(settings.language)
        self.labels = i18n.labels(self.locale)
        self.env = jinja2.Environment(
            loader=jinja2.PackageLoader("archive_gen.render", "templates"),
            autoescape=False,
            finalize=finalize,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
            auto_reload=False,  # the package's templates do not change during a build: no stat per page
            bytecode_cache=COMPILED,
        )
        self.env.filters["date"] = self.format_date
        self.env.filters["line"] = lambda value: Markup(md_escape(value))
        self._month_pages: dict[str, int] | None = None
        self.feed_entries: dict[str, str] = {}  # an article's Atom entry by URL: the same in every feed
        self.actor_nodes: dict[str, dict[str, Any]] = {}  # an actor's JSON-LD node: the same in every article
        # links: the hrefs and listed articles of the folder whose pages are being rendered, link
        # texts as Markdown (titles and names, linked from many pages)
        self._folders: dict[str, tuple[dict[str, str], dict[str, Markup], dict[str, str] | None]] = {}
        # hrefs out of a folder's section (``articles/2015/03`` → ``actors/kim.md``) depend only on
        # the section and the depth (``../../../actors/kim.md``): shared by the folders that have both
        self._across: dict[tuple[str, int], dict[str, str]] = {}
        self._labels: dict[str, str] = {}

    @functools.cached_property
    def states(self) -> dict[str, Any]:
        """Country code → the state actor of that country (for "a place links to its state")."""
        found: dict[str, Any] = {}
        for actor in sorted(self.archive.registry.actors.values(), key=lambda a: (a.origin != "editor", a.id)):
            if actor.kind == "state" and actor.country:
                found.setdefault(actor.country, actor)
        return found

    @functools.cached_property
    def term_events(self) -> dict[tuple[str, str], tuple[str, ...]]:
        """(taxonomy, term id) → the events whose reports name the term, newest first."""
        return events_by_term(self.archive)

    @functools.cached_property
    def month_events(self) -> dict[tuple[int, int], tuple[str, ...]]:
        """(year, month) → the events with a report in that month, newest first."""
        return events_by_month(self.archive)

    def state_of(self, country: str) -> Any:
        return self.states.get(country)

    @functools.cached_property
    def source_names(self) -> dict[str, str]:
        """Source id → the name shown (for the feeds' authors and contributors)."""
        return {term.id: term.name for term in self.archive.taxonomies["sources"].terms.values()}

    def term_name(self, taxonomy: str, term_id: str) -> str:
        return self.archive.term_name(taxonomy, term_id)

    def format_date(self, article_or_date: Any, precision: str = "day") -> str:
        if isinstance(article_or_date, Article):
            date, precision = article_or_date.date, article_or_date.date_precision
        else:
            date = article_or_date
        return _formatted(date, precision, self.locale)

    def long_date(self, date: dt.date) -> str:
        return _formatted(date, "day", self.locale)

    safe_url = staticmethod(safe_url)

    @staticmethod
    def article_path(article: Article) -> str:
        return paths.article_page(article.date.year, article.date.month, article.slug)

    def linker(self, page: str) -> "Linker":
        """``link(text, target page, anchor, css="a b")`` → a relative Markdown link."""
        folder = posixpath.dirname(page)
        # Pages come folder by folder (a term's later pages between its folder's first pages):
        # the hrefs and listed articles of the last few folders are kept.
        kept = self._folders.pop(folder, None) or ({}, {}, self._shared_hrefs(folder))
        self._folders[folder] = kept
        if len(self._folders) > FOLDERS_KEPT:
            del self._folders[next(iter(self._folders))]
        if len(self._labels) > LABELS_KEPT:
            self._labels.clear()
        return Linker(self, page, kept[0], kept[1], self._labels, kept[2])

    def _shared_hrefs(self, folder: str) -> dict[str, str] | None:
        """The hrefs out of ``folder``'s section, shared with the folders of its section and depth."""
        parts = folder.split("/") if folder else []
        if not paths.is_plain(parts):
            return None
        shared = self._across.setdefault((parts[0] if parts else "", len(parts)), {})
        if len(shared) > LABELS_KEPT:
            shared.clear()
        return shared

    def chip_kind(self, taxonomy: str, term_id: str) -> str:
        """What a chip's dot shows: the actor's kind, or topic / source."""
        if taxonomy in ("actors", "places"):
            actor = self.archive.registry.actors.get(term_id)
            return actor.kind if actor is not None else "person"
        return taxonomy.removesuffix("s")

    def absolute(self, page: str) -> str:
        """The permanent URL of a page or file; a site-relative one without ``site_url``."""
        if self.settings.site_url:
            return paths.absolute_url(self.settings.site_url, page, self.settings.directory_urls)
        return "/" + (paths.page_url(page, self.settings.directory_urls) if page.endswith(".md") else page)

    def href(self, from_page: str, to_page: str) -> str:
        """A link for raw HTML (charts), which no renderer rewrites."""
        return paths.html_href(from_page, to_page, self.settings.directory_urls)

    def chronik_target(self, article: Article) -> tuple[str, str]:
        """(page, anchor) of the article's day in the Chronik: its month page (the page of it
        that lists the article), at the day; a month or a year where that is all we know."""
        if article.date_precision == "year":
            return paths.timeline_index(), str(article.date.year)
        page = paths.timeline_month(article.date.year, article.date.month, self.month_page_of(article.slug))
        return page, (article.date.isoformat() if article.date_precision == "day" else "")

    def month_page_of(self, slug: str) -> int:
        if self._month_pages is None:
            size = self.settings.page_size
            self._month_pages = {s: i // size + 1 for slugs in self.archive.by_month.values()
                                 for i, s in enumerate(slugs)}
        return self._month_pages.get(slug, 1)

    def render(self, template: str, page: str, link: Linker | None = None, **context: Any) -> str:
        return self.env.get_template(template).render(
            t=self.labels, link=link or self.linker(page), page=page, r=self, paths=paths, **context
        )

    @staticmethod
    def pager(page_of: Callable[[int], str], number: int, total: int) -> dict[str, str | None]:
        return {
            "previous": page_of(number - 1) if number > 1 else None,
            "next": page_of(number + 1) if number < total else None,
        }


class Linker:
    """Links from one page: ``link(text, target page, anchor, css="a b")`` is a relative Markdown
    link, ``link.article(article)`` an article as lists print it. The pages of a folder share
    their hrefs and listed articles (term pages list the same articles many times)."""

    __slots__ = ("ctx", "page", "hrefs", "listed", "labels", "across", "section")

    def __init__(self, ctx: RenderContext, page: str, hrefs: dict[str, str], listed: dict[str, Markup],
                 labels: dict[str, str], across: dict[str, str] | None = None) -> None:
        self.ctx, self.page, self.hrefs, self.listed, self.labels = ctx, page, hrefs, listed, labels
        self.across, self.section = across, page.split("/", 1)[0] + "/" if "/" in page else ""

    def __call__(self, text: Any, target: str, anchor: str = "", css: str = "") -> Markup:
        href = self.hrefs.get(target)
        if href is None:
            href = self._href(target)
        label = self.labels.get(text) if isinstance(text, str) else None
        if label is None:
            label = md_escape(text)
            if isinstance(text, str):
                self.labels[text] = label
        if anchor:
            href = f"{href}#{anchor}"
        classes = "".join(f" .{c}" for c in css.split()) if css else ""
        return Markup(f"[{label}]({href}){{{classes} }}" if classes else f"[{label}]({href})")

    def _href(self, target: str) -> str:
        across = self.across
        href = across.get(target) if across is not None else None
        if href is None:
            href = paths.link(self.page, target)
            if across is not None and not (self.section and target.startswith(self.section)) \
                    and paths.is_plain(target.split("/")):
                across[target] = href  # out of the section: the same from every folder of its depth
        self.hrefs[target] = href
        return href

    def article(self, article: Article) -> Markup:
        """``date: [title](page)``, the date as a template prints it."""
        item = self.listed.get(article.slug)
        if item is None:
            item = self.listed[article.slug] = Markup(
                f"{finalize(self.ctx.format_date(article))}: {self(article.title, self.ctx.article_path(article))}")
        return item


def chunks(items: tuple[str, ...], size: int) -> Iterator[tuple[str, ...]]:
    """``items`` in pages of ``size``; one empty page when there are none."""
    if not items:
        yield ()
        return
    for i in range(0, len(items), size):
        yield items[i:i + size]


def page_count(items: tuple[str, ...], size: int) -> int:
    return max(1, -(-len(items) // size))
