"""Atom feeds (RFC 4287) of the newest articles: the whole archive, or one term.

Readers follow an actor, a topic or an agency in their feed reader instead of
revisiting its page. The feed is built with :mod:`xml.etree.ElementTree`, which escapes
every text and attribute; characters XML 1.0 cannot carry at all (C0 controls, lone
surrogates) are dropped first, so any article text gives a well-formed document.

Deterministic: no wall clock. The feed's ``updated`` is the newest entry's date (or the
caller's), entries are ordered by :attr:`Article.sort_key`, ids are the entries'
permanent URLs (what ``link_of`` returns), so the same archive gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from typing import Callable, Iterable, Mapping

from ..model import Article
from .escape import is_clean_line

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
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


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k.rstrip("_"): clean(v) for k, v in attrs.items()})
    if text is not None:
        element.text = clean(text)
    return element


def _person(parent: ET.Element, tag: str, name: str) -> None:
    _sub(_sub(parent, tag), "name", name)


def _entry(feed: ET.Element, article: Article, url: str, source_names: Mapping[str, str]) -> None:
    entry = _sub(feed, "entry")
    entry.set(XML_LANG, clean(article.language))
    _sub(entry, "id", url)
    _sub(entry, "title", article.title, type="text")
    _sub(entry, "updated", timestamp(entry_updated(article)))
    _sub(entry, "published", timestamp(article.date))
    _sub(entry, "link", rel="alternate", type="text/html", href=url)
    # By-line authors, else the wire agencies; agencies the article cites are contributors.
    wires = [source_names.get(i, i) for i in dict.fromkeys(r.id for r in article.sources if r.role == "wire")]
    cited = [source_names.get(i, i) for i in dict.fromkeys(r.id for r in article.sources if r.role == "cited")]
    for name in article.authors or wires:
        _person(entry, "author", name)
    for name in (wires if article.authors else []) + cited:
        _person(entry, "contributor", name)
    text = entry_summary(article)
    if text:
        _sub(entry, "summary", text, type="text")


def atom_feed(articles: Iterable[Article], *, feed_url: str, site_url: str, title: str,
              updated: dt.date | dt.datetime | None = None, language: str,
              link_of: Callable[[Article], str], site_name: str | None = None,
              alternate_url: str | None = None, source_names: Mapping[str, str] | None = None,
              limit: int = DEFAULT_LIMIT) -> str:
    """An Atom document of the newest ``limit`` articles.

    ``link_of``: an article's absolute, permanent URL (also its entry id).
    ``updated``: defaults to the newest entry's date. ``alternate_url``: the HTML page the
    feed belongs to (a term page; default ``site_url``). ``site_name``: the feed's author,
    which covers entries without a by-line or agency (RFC 4287 §4.1.1).
    ``source_names``: source id → display name, for agencies as authors/contributors.
    """
    chosen = sorted(articles, key=lambda a: a.sort_key)[:limit]
    urls = [link_of(a) for a in chosen]
    if len(set(urls)) != len(urls):
        raise ValueError("two articles have the same URL: entry ids must be unique")
    newest = max((entry_updated(a) for a in chosen), default=EPOCH)
    feed = ET.Element("feed", {"xmlns": ATOM})
    feed.set(XML_LANG, clean(language))
    _sub(feed, "id", feed_url)
    _sub(feed, "title", title, type="text")
    _sub(feed, "updated", timestamp(updated if updated is not None else newest))
    _sub(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    _sub(feed, "link", rel="alternate", type="text/html", href=alternate_url or site_url)
    _person(feed, "author", site_name or title)
    _sub(feed, "generator", "archive-gen")
    for article, url in zip(chosen, urls):
        _entry(feed, article, url, source_names or {})
    ET.indent(feed, space="  ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
