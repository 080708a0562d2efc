"""Write: the archive graph in, Markdown pages out.

``render_pages`` is pure: archive → (docs path, file text) pairs, one page at a time.
``write_tree`` is the only I/O:
it writes only files whose bytes changed (each atomically, via a temporary file and rename),
and removes pages whose source is gone, so reruns are cheap and ``mkdocs serve`` reloads
only what changed.

Escaping is the default: every value a template prints goes through :func:`md_escape`
unless it is ``Markup`` built here (links, rendered bodies). Article text can therefore
never inject HTML, scripts or Markdown structure into a page.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import jinja2
from babel.dates import format_date, format_skeleton
from markupsafe import Markup

from . import front_matter, paths
from .errors import ConfigError
from .model import Archive, Article, Block, Claim, Quote, SourceRef

MARKER = ".archive-gen"  # marks a docs directory as generated: only such a one is cleaned

# ---------------------------------------------------------------------------- escaping

_WHITESPACE = re.compile(r"\s+")
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]{}])")
_LINE_START_MARK = re.compile(r"^(\s*)(#|[+-](?=\s|$))")  # headings, list items
_LINE_START_NUMBER = re.compile(r"^(\s*\d+)([.)])(?=\s|$)")  # ordered lists
_SAFE_URL = re.compile(r"^https?://[^\s<>()\[\]\"'`\\]+$")
_JS_LINK = re.compile(r"\]\(\s*(?:javascript|vbscript|data):\S*", re.IGNORECASE)


def md_escape(value: Any, inline: bool = False) -> str:
    """Plain text → Markdown that renders as exactly that text (no HTML, no markup).

    ``inline``: a piece inside a line; its edge spaces are kept and line-start markers
    (``# ``, ``- ``, ``1. ``) are not special there. Templates print values inline; a value
    that starts a line goes through the ``line`` filter.
    """
    text = _WHITESPACE.sub(" ", str(value))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    return text if inline else _escape_line_start(text.strip())


def _escape_line_start(text: str) -> str:
    text = _LINE_START_MARK.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    return _LINE_START_NUMBER.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def safe_markdown(text: str) -> Markup:
    """Editor-written Markdown (descriptions, pages): Markdown stays, raw HTML and script
    links do not (``<`` is escaped, ``javascript:`` links are disabled)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    text = text.replace("{{", "&#123;&#123;").replace("{%", "&#123;%")
    return Markup(_JS_LINK.sub("](#)", text))


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
    },
}

TAXONOMY_OF = {"actors": "by_actor", "places": "by_place", "topics": "by_topic", "sources": "by_source"}


# ---------------------------------------------------------------------------- rendering


@dataclass(frozen=True)
class Settings:
    language: str = "de"
    page_size: int = 50


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
        link = self.linker(page)
        body = self._render(
            "article.md.j2", page,
            a=article,
            body=Markup("\n\n".join(self.render_block(b, article, link) for b in article.doc.blocks)),
            sources=self._grouped_sources(article.sources),
            quotes=[self._quote(q, link) for q in article.quotes if q.speaker or q.via],
            claims=[self._quote(c, link) for c in article.claims],
        )
        return front_matter.dumps(meta, body)

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
            "speaker": link(self.term_name(taxonomy, speaker), paths.term_page(taxonomy, speaker)) if speaker else None,
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
                yield page, front_matter.dumps({"title": self.term_name(taxonomy, term_id)}, body)
        groups = self._index_groups(taxonomy, entries, index)
        page = paths.taxonomy_index(taxonomy)
        yield page, front_matter.dumps(
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
                yield page, front_matter.dumps({"title": title}, body)
        page = paths.timeline_index()
        rows = [
            {"year": year, "total": sum(n for _, n in months),
             "months": [(self.format_date(dt.date(year, m, 1), "month"), paths.timeline_month(year, m), n) for m, n in months]}
            for year, months in sorted(years.items(), reverse=True)
        ]
        yield page, front_matter.dumps({"title": self.labels["timeline"]}, self._render("timeline.md.j2", page, years=rows))

    def custom_pages(self) -> Iterator[tuple[str, str]]:
        reg = self.archive.registry
        for page_id, custom in sorted(reg.pages.items()):
            page = paths.custom_page(page_id)
            if page == paths.home_page():
                continue
            yield page, front_matter.dumps({"title": custom.title}, self._render("page.md.j2", page, title=custom.title, body=safe_markdown(custom.body)))
        home = reg.pages.get("index") or reg.pages.get("home")
        page = paths.home_page()
        stats = self.labels["archive_stats"].format(
            articles=len(self.archive.articles), actors=len(self.archive.by_actor), sources=len(self.archive.by_source))
        yield page, front_matter.dumps(
            {"title": home.title if home else self.labels["home"]},
            self._render("home.md.j2", page, title=home.title if home else self.labels["home"],
                         intro=safe_markdown(home.body) if home else Markup(""), stats=stats,
                         latest=self.archive.articles[:10],
                         top_actors=sorted(self.archive.by_actor.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:12]),
        )


def _chunks(items: tuple[str, ...], size: int):
    if not items:
        yield ()
        return
    for i in range(0, len(items), size):
        yield items[i:i + size]


def article_path(article: Article) -> str:
    return paths.article_page(article.date.year, article.date.month, article.slug)


def article_front_matter(article: Article) -> dict[str, Any]:
    """Front matter in the fixed key order of DESIGN.md §3; empty values are left out."""
    meta: dict[str, Any] = {
        "title": article.title,
        "date": article.date,
        "date_precision": article.date_precision,
        "language": article.language,
        "actors": list(article.actors),
        "places": list(article.places),
        "topics": list(article.topics),
        "sources": [
            {k: v for k, v in (("id", r.id), ("role", r.role), ("credit", r.credit)) if v}
            for r in article.sources
        ],
        "authors": list(article.authors),
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


def write_tree(pages: Iterable[tuple[str, str]], docs_dir: Path) -> WriteStats:
    """Make ``docs_dir`` hold exactly ``pages``: write changed files, remove stale ones."""
    docs_dir.mkdir(parents=True, exist_ok=True)
    marker = docs_dir / MARKER
    if not marker.exists():
        if any(docs_dir.iterdir()):
            raise ConfigError(f"{docs_dir}: not empty and not generated by archive-gen; "
                              f"refusing to overwrite it (empty it or choose another --docs)")
        marker.write_text("Generated by archive-gen: every file here is rewritten on each build.\n", encoding="utf-8")
    written = unchanged = removed = 0
    wanted = {marker}
    for rel, text in pages:
        target = docs_dir / rel
        if target in wanted:
            raise ValueError(f"two pages for {rel}")  # paths.py must make every page path unique
        wanted.add(target)
        data = text.encode("utf-8")
        try:
            if target.read_bytes() == data:
                unchanged += 1
                continue
        except OSError:
            pass
        target.parent.mkdir(parents=True, exist_ok=True)
        _atomic_write(target, data)
        written += 1
    for path in sorted(docs_dir.rglob("*"), reverse=True):
        if path.is_dir():
            if not any(path.iterdir()):
                path.rmdir()
        elif path not in wanted:
            path.unlink()
            removed += 1
    return WriteStats(written, unchanged, removed)


def _atomic_write(target: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=target.suffix)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
