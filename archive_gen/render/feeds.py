"""Atom feeds (RFC 4287) of the newest articles: the whole archive, or one term.

Readers follow an actor, a topic or an agency in their feed reader instead of
revisiting its page. The feed is written as :mod:`xml.etree.ElementTree` writes it (the same
bytes, escaping every text and attribute), as strings: an article's entry is made once and
reused by every feed that lists it. Characters XML 1.0 cannot carry at all (C0 controls, lone
surrogates) are dropped first, so any article text gives a well-formed document.

Deterministic: no wall clock. The feed's ``updated`` is the newest entry's date (or the
caller's), entries are ordered by :attr:`Article.sort_key`, ids are the entries'
permanent URLs (what ``link_of`` returns), so the same archive gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Callable, Iterable, Mapping

from ..model import Article
from .escape import is_clean_line

ATOM = "http://www.w3.org/2005/Atom"
DEFAULT_LIMIT = 50
SUMMARY_LENGTH = 600  # characters; a feed entry teases, the page has the text
EPOCH = dt.date(1970, 1, 1)  # ``updated`` of a feed without entries, when the caller gives none

_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_WHITESPACE = re.compile(r"\s+")


def clean(value: object) -> str:
    """Text XML 1.0 can carry, on one line."""
    text = str(value)
    if is_clean_line(text):  # nothing for the regexes to do (most values)
        return text.strip()
    return _WHITESPACE.sub(" ", _NOT_XML.sub("", text)).strip()


def timestamp(value: dt.date | dt.datetime) -> str:
    """RFC 3339 date-time in UTC, as Atom requires: a day becomes its midnight."""
    if isinstance(value, dt.datetime):
        moment = value.astimezone(dt.timezone.utc) if value.tzinfo else value
        return moment.replace(tzinfo=None, microsecond=0).isoformat() + "Z"
    return f"{value.isoformat()}T00:00:00Z"


def shorten(text: str, limit: int = SUMMARY_LENGTH) -> str:
    """At most ``limit`` characters, cut at a word boundary with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] or text[:limit]
    return cut.rstrip(" ,;:–-") + " …"


def entry_summary(article: Article) -> str:
    """The editor's ``summary`` or the first paragraph, shortened."""
    given = article.extra.get("summary")
    if isinstance(given, str) and given.strip():
        return shorten(clean(given))
    first = next((b.text for b in article.doc.blocks if b.kind == "paragraph" and b.text.strip()), "")
    return shorten(clean(first))


def entry_updated(article: Article) -> dt.date:
    """The article's date, or the date of its latest correction when that is later."""
    return max([article.date, *(c.date for c in article.corrections)])


def _escaped(text: str) -> str:
    """Character data as ElementTree writes it."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attribute(text: str) -> str:
    """An attribute value as ElementTree writes it."""
    text = _escaped(text).replace('"', "&quot;")
    return text.replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#09;")


def _element(level: int, tag: str, text: str | None = None, **attrs: str) -> str:
    """One element without children, on its own line ``level`` deep (an empty one closes itself)."""
    head = "".join(f' {k.rstrip("_")}="{_attribute(clean(v))}"' for k, v in attrs.items())
    text = clean(text) if text is not None else ""
    return f"\n{'  ' * level}<{tag}{head}>{_escaped(text)}</{tag}>" if text else f"\n{'  ' * level}<{tag}{head} />"


def _person(level: int, tag: str, name: str) -> str:
    indent = "\n" + "  " * level
    return f"{indent}<{tag}>{_element(level + 1, 'name', name)}{indent}</{tag}>"


def entry_xml(article: Article, url: str, source_names: Mapping[str, str]) -> str:
    """An article's ``<entry>``, one level deep in its feed (the same in every feed: kept by callers)."""
    parts = [f'\n  <entry xml:lang="{_attribute(clean(article.language))}">', _element(2, "id", url),
             _element(2, "title", article.title, type="text"), _element(2, "updated", timestamp(entry_updated(article))),
             _element(2, "published", timestamp(article.date)),
             _element(2, "link", rel="alternate", type="text/html", href=url)]
    # By-line authors, else the wire agencies; agencies the article cites are contributors.
    wires = [source_names.get(i, i) for i in dict.fromkeys(r.id for r in article.sources if r.role == "wire")]
    cited = [source_names.get(i, i) for i in dict.fromkeys(r.id for r in article.sources if r.role == "cited")]
    parts += [_person(2, "author", name) for name in article.authors or wires]
    parts += [_person(2, "contributor", name) for name in (wires if article.authors else []) + cited]
    text = entry_summary(article)
    if text:
        parts.append(_element(2, "summary", text, type="text"))
    return "".join(parts) + "\n  </entry>"


def atom_feed(articles: Iterable[Article], *, feed_url: str, site_url: str, title: str,
              updated: dt.date | dt.datetime | None = None, language: str,
              link_of: Callable[[Article], str], site_name: str | None = None,
              alternate_url: str | None = None, source_names: Mapping[str, str] | None = None,
              limit: int = DEFAULT_LIMIT, entries: dict[str, str] | None = None) -> str:
    """An Atom document of the newest ``limit`` articles.

    ``link_of``: an article's absolute, permanent URL (also its entry id).
    ``updated``: defaults to the newest entry's date. ``alternate_url``: the HTML page the
    feed belongs to (a term page; default ``site_url``). ``site_name``: the feed's author,
    which covers entries without a by-line or agency (RFC 4287 §4.1.1).
    ``source_names``: source id → display name, for agencies as authors/contributors.
    ``entries``: entry texts by URL, kept between the feeds of one build (an article's entry
    is the same in every feed that lists it, when ``link_of`` and ``source_names`` are).
    """
    chosen = sorted(articles, key=lambda a: a.sort_key)[:limit]
    urls = [link_of(a) for a in chosen]
    if len(set(urls)) != len(urls):
        raise ValueError("two articles have the same URL: entry ids must be unique")
    newest = max((entry_updated(a) for a in chosen), default=EPOCH)
    if entries is None:
        entries = {}
    for article, url in zip(chosen, urls):
        if url not in entries:
            entries[url] = entry_xml(article, url, source_names or {})
    return "".join([
        f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="{_attribute(ATOM)}" xml:lang="{_attribute(clean(language))}">',
        _element(1, "id", feed_url), _element(1, "title", title, type="text"),
        _element(1, "updated", timestamp(updated if updated is not None else newest)),
        _element(1, "link", rel="self", type="application/atom+xml", href=feed_url),
        _element(1, "link", rel="alternate", type="text/html", href=alternate_url or site_url),
        _person(1, "author", site_name or title), _element(1, "generator", "archive-gen"),
        *(entries[url] for url in urls), "\n</feed>\n"])
