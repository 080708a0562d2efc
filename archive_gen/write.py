"""Write: the archive graph in, Markdown pages out.

``render_pages`` is pure: archive → (docs path, file text) pairs, one page at a time.
``stage_tree`` / ``write_tree`` are the only I/O: the new docs/ is built beside the old one
(a hidden sibling directory) and swapped in with two renames only when every page was
written, so a failed or interrupted run leaves the previous docs/ as it was. Pages whose
bytes did not change are hard links to the old files (same inode, same mtime), so reruns
stay cheap and ``mkdocs serve`` finds nothing to rebuild.

Escaping is the default: every value a template prints goes through :func:`md_escape`
unless it is ``Markup`` built here (links, rendered bodies). Article text can therefore
never inject HTML, scripts or Markdown structure into a page. Editor Markdown (registry
descriptions, hand-written pages) goes through :func:`safe_markdown`: Markdown stays, raw
HTML, attribute lists and links to anything but http(s)/mailto/relative targets do not.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import secrets
import shutil
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Callable, Iterable, Iterator

import jinja2
from babel.dates import format_date, format_skeleton
from markupsafe import Markup

from . import front_matter, paths
from .errors import ConfigError, GenerateError
from .model import Archive, Article, Block, Claim, Quote, SourceRef

MARKER = ".archive-gen"  # marks a docs directory as generated: only such a one is cleaned

# ---------------------------------------------------------------------------- escaping

_WHITESPACE = re.compile(r"\s+")
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]{}])")
# headings, list items, a thematic break ("---": a line of hyphens would become <hr>)
_LINE_START_MARK = re.compile(r"^(\s*)(#|[+-](?=\s|$)|-(?=-))")
_LINE_START_NUMBER = re.compile(r"^(\s*\d+)([.)])(?=\s|$)")  # ordered lists
_SAFE_URL = re.compile(r"^https?://[^\s<>()\[\]\"'`\\]+$")
# Invisible characters that only do harm: C0/C1 controls except whitespace, DEL; lone
# surrogates (undecodable file-name bytes) cannot even be written as UTF-8.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Link targets in editor Markdown: inline links and images "](dest …)", reference definitions
# "[id]: dest". Everything up to ")" counts, whitespace included: browsers drop tabs and line
# breaks inside a URL ("java\nscript:" is "javascript:"), so the check must not stop there.
_INLINE_TARGET = re.compile(r"(\]\()([^)]*)")
_REFERENCE_TARGET = re.compile(r"^([ ]{0,3}\[[^\[\]]*\]:[ \t]*\n?[ \t]*)(\S+)", re.MULTILINE)
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):", re.IGNORECASE)
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # a backslash escape in Markdown source


def plain(value: Any) -> str:
    """Text with control characters removed and undecodable characters replaced."""
    return _SURROGATE.sub("\ufffd", _CONTROL.sub("", str(value)))


def md_escape(value: Any, inline: bool = False) -> str:
    """Plain text → Markdown that renders as exactly that text (no HTML, no markup).

    ``inline``: a piece inside a line; its edge spaces are kept and line-start markers
    (``# ``, ``- ``, ``1. ``) are not special there. Templates print values inline; a value
    that starts a line goes through the ``line`` filter.
    """
    text = _WHITESPACE.sub(" ", plain(value))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    return text if inline else _escape_line_start(text.strip())


def _escape_line_start(text: str) -> str:
    text = _LINE_START_MARK.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    return _LINE_START_NUMBER.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def safe_markdown(text: str) -> Markup:
    """Editor-written Markdown (descriptions, pages): Markdown stays; raw HTML does not
    (``<`` and ``&`` are escaped: no tags, comments or entities), nor do attribute lists
    (``{: onclick=…}``) or template syntax (every ``{`` is escaped), nor links to anything
    but http(s), mailto and relative targets (an allow-list: ``javascript:``, ``data:`` …
    become ``#``)."""
    text = plain(text).replace("&", "&amp;").replace("<", "&lt;").replace("{", "&#123;")
    text = _INLINE_TARGET.sub(_safe_target, text)
    return Markup(_REFERENCE_TARGET.sub(_safe_target, text))


def _safe_target(match: re.Match) -> str:
    target = _WHITESPACE.sub("", _MD_ESCAPE.sub(r"\1", match.group(2)))
    scheme = _SCHEME.match(target)
    if scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
        return match.group(1) + "#"
    return match.group(0)


def _finalize(value: Any) -> Any:
    if value is None:
        return ""
    # Printed values may follow "- " (a list item) or start a line: escape a leading list or
    # heading marker ("19. Juni" must not become an ordered list), keep the edge spaces.
    return value if isinstance(value, Markup) else _escape_line_start(md_escape(value, inline=True))


# ---------------------------------------------------------------------------- labels

LABELS: dict[str, dict[str, str]] = {
    "de": {
        "date": "Datum", "actors": "Akteure", "places": "Orte", "topics": "Themen", "sources": "Quellen",
        "articles": "Artikel", "timeline": "Chronik", "home": "Start", "quotes": "Zitate", "claims": "Angaben und Aussagen",
        "cooccurring": "Gemeinsam genannt mit", "wire": "Agentur", "cited": "Zitiert", "photo": "Bild",
        "photo_credit": "Foto", "credits": "Quellen und Bildnachweise", "authors": "Autorinnen und Autoren",
        "source_file": "Quelldatei", "license": "Lizenz", "via": "laut", "page": "Seite",
        "next": "Weiter", "previous": "Zurück", "latest": "Neueste Artikel", "count": "Artikel",
        "no_articles": "Noch keine Artikel.", "description": "Beschreibung", "in": "in",
        "person": "Personen", "organization": "Organisationen", "state": "Staaten", "place": "Orte",
        "group": "Gruppen", "agency": "Agenturen", "photo_agency": "Bildagenturen",
        "kind_person": "Person", "kind_organization": "Organisation", "kind_state": "Staat",
        "kind_place": "Ort", "kind_group": "Gruppe", "kind_agency": "Agentur", "kind_outlet": "Medium",
        "kind_photo": "Bildagentur", "outlet": "Medien", "photographers": "Fotografen",
        "overview": "Überblick", "original": "Original", "said": "sagte", "signoff": "Zeichen",
        "years": "Jahre", "archive_stats": "{articles} Artikel, {actors} Akteure, {sources} Quellen",
        "updated": "Zuletzt geändert", "corrections": "Korrekturen", "corrected": "Korrigiert am",
        "draft": "Entwurf", "review": "In Prüfung",
        "unpublished": "Nicht veröffentlicht: nur in der Vorschau sichtbar, bis die Redaktion den Status auf „published“ setzt.",
        "prov_machine": "automatisch erkannt", "prov_editor": "von der Redaktion",
        "prov_machine_edited": "automatisch erkannt, von der Redaktion bearbeitet",
    },
    "en": {
        "date": "Date", "actors": "Actors", "places": "Places", "topics": "Topics", "sources": "Sources",
        "articles": "Articles", "timeline": "Timeline", "home": "Home", "quotes": "Quotes", "claims": "Claims and statements",
        "cooccurring": "Named together with", "wire": "Wire", "cited": "Cited", "photo": "Photo",
        "photo_credit": "Photo", "credits": "Sources and credits", "authors": "Authors",
        "source_file": "Source file", "license": "Licence", "via": "via", "page": "Page",
        "next": "Next", "previous": "Previous", "latest": "Latest articles", "count": "articles",
        "no_articles": "No articles yet.", "description": "Description", "in": "in",
        "person": "People", "organization": "Organisations", "state": "States", "place": "Places",
        "group": "Groups", "agency": "Agencies", "photo_agency": "Photo agencies",
        "kind_person": "Person", "kind_organization": "Organisation", "kind_state": "State",
        "kind_place": "Place", "kind_group": "Group", "kind_agency": "Agency", "kind_outlet": "Outlet",
        "kind_photo": "Photo agency", "outlet": "Outlets", "photographers": "Photographers",
        "overview": "Overview", "original": "Original", "said": "said", "signoff": "Sign-off",
        "years": "Years", "archive_stats": "{articles} articles, {actors} actors, {sources} sources",
        "updated": "Last changed", "corrections": "Corrections", "corrected": "Corrected on",
        "draft": "Draft", "review": "In review",
        "unpublished": "Not published: visible in the preview only, until an editor sets the status to “published”.",
        "prov_machine": "found automatically", "prov_editor": "set by the editors",
        "prov_machine_edited": "found automatically, edited by the editors",
    },
}

TAXONOMY_OF = {"actors": "by_actor", "places": "by_place", "topics": "by_topic", "sources": "by_source"}


# ---------------------------------------------------------------------------- rendering


@dataclass(frozen=True)
class Settings:
    language: str = "de"
    page_size: int = 50
    updated: dict[str, Any] = field(default_factory=dict)  # source file -> date of its last commit (git)
    drafts: bool = False  # unpublished articles are on the site (the preview): mark them


class PageRenderer:
    """Renders every page of an archive; holds the template environment and lookups."""

    def __init__(self, archive: Archive, settings: Settings) -> None:
        self.archive = archive
        self.settings = settings
        self.locale = settings.language if settings.language in LABELS else "en"
        self.labels = LABELS[self.locale]
        self.env = jinja2.Environment(
            loader=jinja2.PackageLoader("archive_gen", "templates"),
            autoescape=False,
            finalize=_finalize,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
        )
        self.env.filters["date"] = self.format_date
        # Sources the registry does not know keep the name they were written with.
        self._unregistered_sources = {
            ref.id: ref.name for article in archive.articles for ref in article.sources if ref.name
        }
        self.env.filters["line"] = lambda value: Markup(md_escape(value))

    # ------------------------------------------------------------------ names and links

    def term_name(self, taxonomy: str, term_id: str) -> str:
        reg = self.archive.registry
        entry = {"actors": reg.actors, "places": reg.actors, "topics": reg.topics, "sources": reg.sources}[taxonomy].get(term_id)
        if entry is not None:
            return entry.name
        if taxonomy == "sources":
            return self._unregistered_sources.get(term_id, term_id)
        return term_id

    def format_date(self, article_or_date: Any, precision: str = "day") -> str:
        if isinstance(article_or_date, Article):
            date, precision = article_or_date.date, article_or_date.date_precision
        else:
            date = article_or_date
        if precision == "year":
            return str(date.year)
        if precision == "month":
            return format_skeleton("yMMMM", date, locale=self.locale)
        return format_date(date, "long", locale=self.locale)

    @staticmethod
    def safe_url(value: Any) -> Markup | None:
        """Only plain http(s) URLs become links; anything else is dropped."""
        if isinstance(value, str) and _SAFE_URL.match(value.strip()):
            return Markup(value.strip())
        return None

    @staticmethod
    def article_path(article: Article) -> str:
        return article_path(article)

    def linker(self, page: str) -> Callable[..., Markup]:
        def link(text: Any, target: str, anchor: str = "") -> Markup:
            href = paths.link(page, target) + (f"#{anchor}" if anchor else "")
            return Markup(f"[{md_escape(text)}]({href})")
        return link

    def _render(self, template: str, page: str, **context: Any) -> str:
        link = self.linker(page)
        body = self.env.get_template(template).render(
            t=self.labels, link=link, page=page, r=self, paths=paths, **context
        )
        return body

    # ------------------------------------------------------------------ pages

    def pages(self) -> Iterator[tuple[str, str]]:
        """Every page as (docs path, text), one at a time: memory stays at the graph's size."""
        for article in self.archive.articles:
            page = article_path(article)
            yield page, self.article_page(article, page)
        for taxonomy in TAXONOMY_OF:
            yield from self.taxonomy_pages(taxonomy)
        yield from self.timeline_pages()
        yield from self.custom_pages()

    def article_page(self, article: Article, page: str) -> str:
        meta = article_front_matter(article)
        updated = self.settings.updated.get(article.source_file)
        if updated is not None:
            meta["updated"] = updated
        link = self.linker(page)
        body = self._render(
            "article.md.j2", page,
            a=article,
            body=Markup("\n\n".join(self.render_block(b, article, link) for b in article.doc.blocks)),
            sources=self._grouped_sources(article.sources),
            quotes=[self._quote(q, link) for q in article.quotes if q.speaker or q.speaker_name or q.via],
            claims=[self._quote(c, link) for c in article.claims],
            updated=format_date(updated, "long", locale=self.locale) if updated else None,
            corrections=[(format_date(c.date, "long", locale=self.locale), c.text) for c in article.corrections],
            unpublished=article.status != "published",
            provenance={key: self.labels[f"prov_{value.replace(', ', '_')}"] for key, value in article.provenance.items()},
        )
        return _dumps(meta, body)

    def render_block(self, block: Block, article: Article, link) -> str:
        text = self.linked_text(block, article, link)
        if block.kind == "subhead":
            return f"## {text}"
        if block.kind == "caption":
            credit = f" — {md_escape(self.labels['photo_credit'])}: {md_escape(block.credit)}" if block.credit else ""
            return f"*{text}*{credit}\n{{ .ag-caption }}"
        if block.kind == "credit":
            return f"{md_escape(block.credit or block.text)}\n{{ .ag-credit }}"
        return text

    def linked_text(self, block: Block, article: Article, link) -> str:
        """Block text with each actor, place and source mention linked to its page."""
        targets = [(m, self._taxonomy_of_actor(m.id)) for m in article.mentions]
        targets += [(m, "sources") for m in article.source_mentions]
        pieces, pos, linked = [], block.start, set()
        for m, taxonomy in sorted(targets, key=lambda item: (item[0].start, item[0].end)):
            if m.start < pos or m.end > block.end or (taxonomy, m.id) in linked:
                continue  # one link per entry and paragraph: readable, still one click away
            linked.add((taxonomy, m.id))
            pieces.append(md_escape(block.text[pos - block.start:m.start - block.start], inline=True))
            pieces.append(str(link(m.text, paths.term_page(taxonomy, m.id))))
            pos = m.end
        pieces.append(md_escape(block.text[pos - block.start:], inline=True))
        return _escape_line_start("".join(pieces).strip())

    def _taxonomy_of_actor(self, actor_id: str) -> str:
        return "places" if self.archive.registry.actors[actor_id].kind == "place" else "actors"

    def _quote(self, quote: Quote | Claim, link) -> dict[str, Any]:
        """A quote or claim with its speaker and source linked (the text itself stays text)."""
        speaker = quote.speaker
        taxonomy = self._taxonomy_of_actor(speaker) if speaker in self.archive.registry.actors else "actors"
        return {
            "text": quote.text,
            "speaker": (link(self.term_name(taxonomy, speaker), paths.term_page(taxonomy, speaker)) if speaker
                        else quote.speaker_name),
            "via": link(self.term_name("sources", quote.via), paths.term_page("sources", quote.via)) if quote.via else None,
        }

    def _grouped_sources(self, refs: tuple[SourceRef, ...]) -> list[dict[str, Any]]:
        groups: dict[str, dict[str, Any]] = {}
        for ref in refs:
            group = groups.setdefault(ref.role, {"role": ref.role, "items": {}})
            item = group["items"].setdefault(ref.id, {"id": ref.id, "name": self.term_name("sources", ref.id) if not ref.name else ref.name, "credits": []})
            if ref.credit and ref.credit not in item["credits"]:
                item["credits"].append(ref.credit)
        order = {"wire": 0, "cited": 1, "photo": 2}
        return [{"role": g["role"], "items": list(g["items"].values())} for g in sorted(groups.values(), key=lambda g: order[g["role"]])]

    def taxonomy_pages(self, taxonomy: str) -> Iterator[tuple[str, str]]:
        reg = self.archive.registry
        index: dict[str, tuple[str, ...]] = getattr(self.archive, TAXONOMY_OF[taxonomy])
        # Editors' entries always have a page; built-in starter entries only once an article names them.
        if taxonomy == "actors":
            entries = {a.id: a for a in reg.actors.values() if a.kind != "place" and (a.path or a.id in index)}
        elif taxonomy == "places":
            entries = {a.id: a for a in reg.actors.values() if a.kind == "place" and (a.path or a.id in index)}
        elif taxonomy == "topics":
            entries = dict(reg.topics)
        else:
            entries = {s.id: s for s in reg.sources.values() if s.path or s.id in index}
        term_ids = sorted(set(entries) | set(index))
        for term_id in term_ids:
            slugs = index.get(term_id, ())
            for number, chunk in enumerate(_chunks(slugs, self.settings.page_size), start=1):
                page = paths.term_page(taxonomy, term_id, number)
                total_pages = max(1, -(-len(slugs) // self.settings.page_size))
                body = self._render(
                    "term.md.j2", page,
                    taxonomy=taxonomy, term_id=term_id, entry=entries.get(term_id),
                    name=self.term_name(taxonomy, term_id),
                    description=safe_markdown(getattr(entries.get(term_id), "description", "") or ""),
                    articles=[self.archive.article(s) for s in chunk], total=len(slugs),
                    number=number, total_pages=total_pages,
                    pager=self._pager(lambda n: paths.term_page(taxonomy, term_id, n), number, total_pages),
                    cooccurring=self.archive.cooccurrence.get(term_id, ())[:20] if taxonomy == "actors" and number == 1 else (),
                    quotes=self.archive.quotes_by_actor.get(term_id, ())[:20] if taxonomy == "actors" and number == 1 else (),
                    claims=self._claims(taxonomy, term_id) if number == 1 else (),
                )
                yield page, _dumps({"title": self.term_name(taxonomy, term_id)}, body)
        groups = self._index_groups(taxonomy, entries, index)
        page = paths.taxonomy_index(taxonomy)
        yield page, _dumps(
            {"title": self.labels[taxonomy]},
            self._render("taxonomy_index.md.j2", page, taxonomy=taxonomy, groups=groups),
        )

    def _claims(self, taxonomy: str, term_id: str) -> tuple:
        """What this actor said (or this source reported), newest first, at most 20."""
        if taxonomy in ("actors", "places"):
            return self.archive.claims_by_actor.get(term_id, ())[:20]
        if taxonomy == "sources":
            return self.archive.claims_by_source.get(term_id, ())[:20]
        return ()

    def _index_groups(self, taxonomy: str, entries: dict[str, Any], index: dict[str, tuple[str, ...]]):
        """Index entries grouped by kind (persons, states …), alphabetical within a group."""
        grouped: dict[str, list[tuple[str, str, int]]] = {}
        for term_id in sorted(set(entries) | set(index)):
            kind = getattr(entries.get(term_id), "kind", "") if taxonomy in ("actors", "sources") else ""
            grouped.setdefault(kind, []).append((self.term_name(taxonomy, term_id), term_id, len(index.get(term_id, ()))))
        order = ["person", "state", "organization", "group", "agency", "outlet", "photo", ""]
        return [
            {"kind": kind, "label": self.labels.get("photo_agency" if kind == "photo" else kind, ""),
             "terms": sorted(items, key=lambda item: (item[0].casefold(), item[1]))}
            for kind, items in sorted(grouped.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order else 99, kv[0]))
        ]

    def _pager(self, page_of: Callable[[int], str], number: int, total: int) -> dict[str, str | None]:
        return {
            "previous": page_of(number - 1) if number > 1 else None,
            "next": page_of(number + 1) if number < total else None,
        }

    def timeline_pages(self) -> Iterator[tuple[str, str]]:
        years: dict[int, list[tuple[int, int]]] = {}
        for (year, month), slugs in sorted(self.archive.by_month.items(), reverse=True):
            years.setdefault(year, []).append((month, len(slugs)))
            total_pages = max(1, -(-len(slugs) // self.settings.page_size))
            for number, chunk in enumerate(_chunks(slugs, self.settings.page_size), start=1):
                page = paths.timeline_month(year, month, number)
                title = self.format_date(dt.date(year, month, 1), "month")
                body = self._render(
                    "month.md.j2", page, title=title, articles=[self.archive.article(s) for s in chunk],
                    number=number, total_pages=total_pages,
                    pager=self._pager(lambda n, y=year, m=month: paths.timeline_month(y, m, n), number, total_pages),
                )
                yield page, _dumps({"title": title}, body)
        page = paths.timeline_index()
        rows = [
            {"year": year, "total": sum(n for _, n in months),
             "months": [(self.format_date(dt.date(year, m, 1), "month"), paths.timeline_month(year, m), n) for m, n in months]}
            for year, months in sorted(years.items(), reverse=True)
        ]
        yield page, _dumps({"title": self.labels["timeline"]}, self._render("timeline.md.j2", page, years=rows))

    def custom_pages(self) -> Iterator[tuple[str, str]]:
        reg = self.archive.registry
        for page_id, custom in sorted(reg.pages.items()):
            page = paths.custom_page(page_id)
            if page == paths.home_page():
                continue
            yield page, _dumps({"title": custom.title}, self._render("page.md.j2", page, title=custom.title, body=safe_markdown(custom.body)))
        home = reg.pages.get("index") or reg.pages.get("home")
        page = paths.home_page()
        stats = self.labels["archive_stats"].format(
            articles=len(self.archive.articles), actors=len(self.archive.by_actor), sources=len(self.archive.by_source))
        yield page, _dumps(
            {"title": home.title if home else self.labels["home"]},
            self._render("home.md.j2", page, title=home.title if home else self.labels["home"],
                         intro=safe_markdown(home.body) if home else Markup(""), stats=stats,
                         latest=self.archive.articles[:10],
                         top_actors=sorted(self.archive.by_actor.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:12]),
        )


def _dumps(meta: dict[str, Any], body: str) -> str:
    """A page: front matter (every text made plain, see :func:`plain`) and body."""
    return front_matter.dumps(_plain_values(meta), body)


def _plain_values(value: Any) -> Any:
    if isinstance(value, str):
        return plain(value)
    if isinstance(value, dict):
        return {plain(k): _plain_values(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain_values(v) for v in value]
    return value


def _chunks(items: tuple[str, ...], size: int):
    if not items:
        yield ()
        return
    for i in range(0, len(items), size):
        yield items[i:i + size]


def article_path(article: Article) -> str:
    return paths.article_page(article.date.year, article.date.month, article.slug)


def extracted_meta(article: Article, *, source_names: bool = False) -> dict[str, Any]:
    """What an article is about, in the fixed key order of DESIGN.md §3: shared by the
    generated pages and by ``import`` (which also keeps the names of unknown sources)."""
    source_keys = ("id", "role", "credit", "name") if source_names else ("id", "role", "credit")
    return {
        "title": article.title,
        "date": article.date,
        "date_precision": article.date_precision,
        "language": article.language,
        "actors": list(article.actors),
        "places": list(article.places),
        "topics": list(article.topics),
        "sources": [{k: getattr(r, k) for k in source_keys if getattr(r, k)} for r in article.sources],
        "authors": list(article.authors),
    }


def article_front_matter(article: Article) -> dict[str, Any]:
    """The generated page's front matter; empty values are left out."""
    meta: dict[str, Any] = {
        **extracted_meta(article),
        "provenance": dict(article.provenance),
        "corrections": [{"date": c.date, "text": c.text} for c in article.corrections],
        "review_status": article.status if article.status != "published" else None,  # not "status": Material reads that
        "source_file": article.source_file,
        **{k: v for k, v in article.extra.items()},
    }
    return {k: v for k, v in meta.items() if v not in (None, "", [], {})}


def render_pages(archive: Archive, settings: Settings) -> Iterator[tuple[str, str]]:
    return PageRenderer(archive, settings).pages()


# ---------------------------------------------------------------------------- the file tree


@dataclass(frozen=True)
class WriteStats:
    written: int
    unchanged: int
    removed: int


@dataclass
class StagedTree:
    """A complete new tree beside ``target``, not yet visible: :meth:`commit` swaps it in,
    :meth:`discard` throws it away. Either way the staging directory is gone afterwards."""

    target: Path
    staging: Path
    stats: WriteStats
    done: bool = field(default=False, repr=False)

    def commit(self) -> None:
        if not self.done:
            self.done = True
            replace_dir(self.staging, self.target)

    def discard(self) -> None:
        if not self.done:
            self.done = True
            shutil.rmtree(self.staging, ignore_errors=True)


def write_tree(pages: Iterable[tuple[str, str]], docs_dir: Path) -> WriteStats:
    """Make ``docs_dir`` hold exactly ``pages``, all at once (see :func:`stage_tree`)."""
    staged = stage_tree(pages, docs_dir)
    staged.commit()
    return staged.stats


def stage_tree(pages: Iterable[tuple[str, str]], docs_dir: Path) -> StagedTree:
    """Write ``pages`` into a new hidden sibling of ``docs_dir``; nothing in docs_dir changes.

    A page whose bytes equal the current file becomes a hard link to it (a copy with the
    same mtime where links are not possible). If anything fails, or the run is interrupted,
    the staging directory is removed and the exception goes on. ``docs_dir`` is only ever
    replaced when it is empty or carries archive-gen's marker file.
    """
    docs_dir = Path(docs_dir)
    _check_replaceable(docs_dir)
    remove_leftovers(docs_dir)
    staging = make_staging_dir(docs_dir)
    try:
        (staging / MARKER).write_text(
            "Generated by archive-gen: every file here is rewritten on each build.\n", encoding="utf-8")
        written = unchanged = 0
        wanted: set[str] = {MARKER}
        for rel, text in pages:
            parts = PurePosixPath(rel).parts
            if not rel or PurePosixPath(rel).is_absolute() or ".." in parts or "\\" in rel:
                raise GenerateError(f"page path {rel!r} leaves docs/")  # paths.py must prevent this
            if rel in wanted:
                raise GenerateError(f"two pages for {rel}")  # paths.py must make every page path unique
            wanted.add(rel)
            data = text.encode("utf-8")
            target, current = staging / rel, docs_dir / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            if _same_bytes(current, data):
                _link_or_copy(current, target)
                unchanged += 1
            else:
                target.write_bytes(data)
                written += 1
        removed = sum(1 for rel in _files(docs_dir) if rel not in wanted)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return StagedTree(docs_dir, staging, WriteStats(written, unchanged, removed))


def _check_replaceable(docs_dir: Path) -> None:
    if docs_dir.is_symlink() or (docs_dir.exists() and not docs_dir.is_dir()):
        raise ConfigError(f"{docs_dir}: not a directory; refusing to replace it (choose another --docs)")
    if docs_dir.is_dir() and not (docs_dir / MARKER).exists() and any(docs_dir.iterdir()):
        raise ConfigError(f"{docs_dir}: not empty and not generated by archive-gen; "
                          f"refusing to overwrite it (empty it or choose another --docs)")


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _files(root: Path) -> Iterator[str]:
    if root.is_dir():
        for path in root.rglob("*"):
            if not path.is_dir():
                yield path.relative_to(root).as_posix()


# ---------------------------------------------------------------------------- directory swap

# ".docs.staging-<pid>-<random>", ".site.old-<pid>-<random>": the pid tells a run that is
# still going (another archive-gen on the same project) from one that died.
_LEFTOVER = re.compile(r"\.(?P<name>.+)\.(?:staging|old)-(?P<pid>[0-9]+)-[a-z0-9_]{8}")


def make_staging_dir(target: Path) -> Path:
    """An empty hidden directory beside ``target`` (same file system, so it can be renamed
    into place), with the permissions ``target`` has, or a new directory would get."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.staging-{os.getpid()}-", dir=target.parent))
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o777 & ~umask
    os.chmod(staging, mode)
    return staging


def replace_dir(new: Path, target: Path, keep_hidden: bool = False) -> None:
    """Put the directory ``new`` where ``target`` is: rename the old one aside, rename the
    new one in, delete the old one. Only between the two renames is ``target`` missing; a
    crash there leaves both trees beside it for :func:`remove_leftovers`.

    ``keep_hidden``: move the old tree's hidden top-level entries (``site/.git`` of a
    deployment checkout, which MkDocs leaves alone too) into the new one first.
    """
    old = None
    moved: list[str] = []
    if target.exists() or target.is_symlink():
        if keep_hidden and target.is_dir():
            for entry in sorted(os.listdir(target)):
                if entry.startswith(".") and entry != MARKER and not (new / entry).exists():
                    os.rename(target / entry, new / entry)
                    moved.append(entry)
        old = target.with_name(f".{target.name}.old-{os.getpid()}-{secrets.token_hex(4)}")
        try:
            os.rename(target, old)
        except BaseException:
            for entry in moved:
                os.rename(new / entry, target / entry)
            raise
    try:
        os.rename(new, target)
    except BaseException:
        if old is not None:
            os.rename(old, target)
            for entry in moved:
                os.rename(new / entry, target / entry)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def remove_leftovers(target: Path) -> None:
    """Delete staging and old trees of ``target`` that an interrupted run left behind
    (those of runs still going are left alone)."""
    try:
        entries = os.listdir(target.parent)
    except OSError:
        return
    for entry in entries:
        match = _LEFTOVER.fullmatch(entry)
        if match and match.group("name") == target.name and not _running(int(match.group("pid"))):
            path = target.parent / entry
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return False  # this process: nothing of it is in progress while it starts a new tree
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True
    return True
