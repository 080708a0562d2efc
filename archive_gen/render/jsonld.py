"""schema.org structured data (JSON-LD) for article and term pages.

Search engines, library tools and archive crawlers read who and what a page is about
from it: an article is a ``NewsArticle`` whose ``mentions`` point at Wikidata through
``sameAs``; a term page describes one ``Person``, ``Organization``, ``Country`` or
``Place``. Only what the archive knows is said: a date known to the month is published
as ``2024-06``, photos have credits and captions but no URL (they are not archived).

Two ways onto the page. Preferred: the dict as ``jsonld:`` in the page's front matter;
``overrides/main.html`` prints it into ``<head>`` with Jinja's ``tojson`` (HTML-safe), and
MkDocs' search does not index it. Or :func:`script_tag` in the Markdown body (any renderer
passes it through, but MkDocs' search then indexes the JSON as page text). Both escape
``<``, ``>`` and ``&`` as JSON escapes (``\\u003c`` …), so no value (a title
``</script><script>…``, a ``<!--``) can end the script element or open a comment, and the
JSON still parses to the same values.
"""

from __future__ import annotations

import json
import re
from typing import Any, Callable, Iterable

from ..model import Actor, Article, Event, Registry, Source, Topic
from .escape import is_clean_line

CONTEXT = "https://schema.org"
WIKIDATA = "https://www.wikidata.org/wiki/"

# Actor kinds → schema.org types. A state is a Country (an AdministrativeArea, a Place);
# a group (a movement, a militia, an ethnic group acting together) is an Organization.
ACTOR_TYPES = {"person": "Person", "organization": "Organization", "state": "Country",
               "place": "Place", "group": "Organization"}
SOURCE_TYPES = {"agency": "NewsMediaOrganization", "outlet": "NewsMediaOrganization", "photo": "Organization"}

_WIKIDATA_ID = re.compile(r"^Q[1-9][0-9]*$")
_HTTP_URL = re.compile(r"^https?://[^\s<>\"'`\\]+$")
_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_WHITESPACE = re.compile(r"\s+")
_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                  "\u2028": "\\u2028", "\u2029": "\\u2029"}
_SCRIPT_UNSAFE_CHAR = re.compile("[<>&\u2028\u2029]")
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))  # json.dumps' encoder, made once

TermUrl = Callable[[str, str], str]  # (taxonomy, id) -> absolute URL of the term page


def text(value: Any) -> str:
    """A value as one line of plain text: controls and lone surrogates dropped."""
    text = str(value)
    if is_clean_line(text):  # nothing for the regexes to do (most values)
        return text.strip()
    return _WHITESPACE.sub(" ", _INVISIBLE.sub("", text)).strip()


def iso_date(date: Any, precision: str = "day") -> str:
    """ISO 8601 reduced to what is known: ``2024-06-19``, ``2024-06`` or ``2024``."""
    if precision == "year":
        return f"{date.year:04d}"
    if precision == "month":
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()


def wikidata_url(qid: str | None) -> str | None:
    """``Q423`` → its Wikidata page; anything that is not a Q-id → None."""
    return WIKIDATA + qid if qid and _WIKIDATA_ID.match(qid) else None


def _url(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and _HTTP_URL.match(value.strip()) else None


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    """Drop empty values; a one-element list becomes the element (schema.org allows both)."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, list) and len(value) == 1:
            value = value[0]
        if value not in (None, "", [], {}):
            out[key] = value
    return out


def actor_node(actor: Actor, url: str | None = None) -> dict[str, Any]:
    """A ``Person``/``Organization``/``Country``/``Place`` for an actor (no @context)."""
    same_as = wikidata_url(actor.wikidata)
    return _compact({"@type": ACTOR_TYPES.get(actor.kind, "Thing"), "name": text(actor.name),
                     "url": url, "sameAs": same_as,
                     "alternateName": sorted({text(a) for a in actor.aliases} - {text(actor.name), ""})})


def source_node(source: Source, url: str | None = None) -> dict[str, Any]:
    """A news agency, outlet or photo agency as an organisation."""
    return _compact({"@type": SOURCE_TYPES.get(source.kind, "Organization"), "name": text(source.name),
                     "url": url or _url(source.url), "sameAs": _url(source.url) if url else None})


def topic_node(topic: Topic, url: str | None = None) -> dict[str, Any]:
    return _compact({"@type": "Thing", "name": text(topic.name), "url": url})


def term_jsonld(entry: Actor | Source | Topic, *, url: str) -> dict[str, Any]:
    """The structured data of a term page: the entity itself, with ``@context``."""
    if isinstance(entry, Actor):
        node = actor_node(entry, url)
    elif isinstance(entry, Source):
        node = source_node(entry, url)
    else:
        node = topic_node(entry, url)
    return {"@context": CONTEXT, **node}


def summary(article: Article) -> str:
    """The editor's ``summary`` when given, else the first paragraph of the text."""
    given = article.extra.get("summary")
    if isinstance(given, str) and given.strip():
        return text(given)
    return next((text(b.text) for b in article.doc.blocks if b.kind == "paragraph" and b.text.strip()), "")


def _source_name(registry: Registry, article: Article, source_id: str) -> str:
    entry = registry.sources.get(source_id)
    if entry is not None:
        return text(entry.name)
    return next((text(r.name) for r in article.sources if r.id == source_id and r.name), source_id)


def _wire_nodes(article: Article, registry: Registry, term_url: TermUrl | None) -> list[dict[str, Any]]:
    nodes, seen = [], set()
    for ref in article.sources:
        if ref.role == "wire" and ref.id not in seen:
            seen.add(ref.id)
            entry = registry.sources.get(ref.id)
            url = term_url("sources", ref.id) if term_url else None
            nodes.append(source_node(entry, url) if entry else
                         _compact({"@type": "Organization", "name": _source_name(registry, article, ref.id)}))
    return nodes


def _image_nodes(article: Article, registry: Registry) -> list[dict[str, Any]]:
    """Captions with their credits: the photos are not archived, so there is no URL."""
    images = []
    for caption in article.captions:
        holders = [_compact({"@type": "Organization", "name": _source_name(registry, article, agency)})
                   for agency in caption.agencies]
        images.append(_compact({
            "@type": "ImageObject", "caption": text(caption.text),
            "creditText": text(caption.credit) if caption.credit else None,
            "creator": [{"@type": "Person", "name": text(p)} for p in caption.photographers],
            "copyrightHolder": holders,
        }))
    return images


def _mention_nodes(ids: Iterable[str], registry: Registry, term_url: TermUrl | None,
                   kept: dict[str, dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """The actors' nodes; ``kept``: nodes by actor id, shared by the articles of one build."""
    nodes = []
    for actor_id in ids:
        node = kept.get(actor_id) if kept is not None else None
        if node is None:
            actor = registry.actors.get(actor_id)
            if actor is None:
                continue
            taxonomy = "places" if actor.kind == "place" else "actors"
            node = actor_node(actor, term_url(taxonomy, actor_id) if term_url else None)
            if kept is not None:
                kept[actor_id] = node
        nodes.append(node)
    return nodes


def _note_nodes(article: Article, url: str, registry: Registry, term_url: TermUrl | None) -> list[dict[str, Any]]:
    """The editors' passage notes as schema.org ``Comment`` items. Each ``@id`` is the note's
    anchor on the page, which is also the ``id`` of its W3C Web Annotation in the open-data
    export (that one carries the quoted passage); the note stays Markdown, as written."""
    nodes = []
    for note in article.notes:
        cited = [ref for ref in (_url(s) for s in note.sources) if ref]
        if term_url is not None:
            cited += [term_url("sources", source) for source in note.source_ids]
        node_id = f"{url}#ag-note-{note.number}"
        nodes.append(_compact({
            "@type": "Comment", "@id": node_id, "url": node_id,
            "text": text(note.note), "encodingFormat": "text/markdown",
            "author": {"@type": "Person", "name": text(note.author)} if text(note.author) else None,
            "dateCreated": note.date.isoformat() if note.date else None,
            "mentions": [{k: v for k, v in node.items() if k != "alternateName"}  # in full under the article's
                         for node in _mention_nodes(note.actors, registry, term_url)],
            "citation": list(dict.fromkeys(cited)),
        }))
    return nodes


def article_jsonld(article: Article, *, registry: Registry, url: str, site_url: str, site_name: str,
                   licence: str | None = None, term_url: TermUrl | None = None,
                   kept: dict[str, dict[str, Any]] | None = None, described: str | None = None) -> dict[str, Any]:
    """The ``NewsArticle`` of an article page (``url``: the page's absolute URL; ``described``: its
    :func:`summary` when the caller has it;
    ``licence``: the site's licence, used when the article has no ``license`` of its own;
    ``kept``: the actors' nodes, kept between the articles of one build: the same registry
    and ``term_url``)."""
    publisher = _compact({"@type": "Organization", "name": text(site_name), "url": _url(site_url)})
    wires = _wire_nodes(article, registry, term_url)
    attribution = article.extra.get("attribution")
    holder = ([{"@type": "Organization", "name": text(attribution)}] if isinstance(attribution, str) and attribution.strip()
              else wires or [publisher])
    own_licence = article.extra.get("license")
    topics = [topic_node(registry.topics[t], term_url("topics", t) if term_url else None)
              for t in article.topics if t in registry.topics]
    data = {
        "@context": CONTEXT, "@type": "NewsArticle",
        "headline": text(article.title), "url": url, "mainEntityOfPage": url,
        "datePublished": iso_date(article.date, article.date_precision),
        "dateModified": max(c.date for c in article.corrections).isoformat() if article.corrections else None,
        "inLanguage": text(article.language), "description": summary(article) if described is None else described,
        "author": [{"@type": "Person", "name": text(a)} for a in article.authors],
        "sourceOrganization": wires, "publisher": publisher, "copyrightHolder": holder,
        "license": text(own_licence) if isinstance(own_licence, str) and own_licence.strip() else (licence and text(licence)),
        "isBasedOn": _url(article.extra.get("source_url")),
        "about": topics,
        "mentions": _mention_nodes(list(article.actors) + list(article.places), registry, term_url, kept),
        "image": _image_nodes(article, registry),
        "comment": _note_nodes(article, url, registry, term_url),
        "commentCount": len(article.notes) or None,
        "correction": [{"@type": "CorrectionComment", "datePublished": c.date.isoformat(), "text": text(c.text)}
                       for c in sorted(article.corrections, key=lambda c: (c.date, c.text))],
    }
    compacted = _compact(data)
    for key in ("about", "mentions", "image", "correction", "author", "comment"):  # lists stay lists for consumers
        if key in compacted and not isinstance(compacted[key], list):
            compacted[key] = [compacted[key]]
    return compacted


def event_jsonld(event: Event, reports: Iterable[tuple[Article, str]], *, url: str,
                 place_name: str | None = None) -> dict[str, Any]:
    """The ``Event`` of an event page; ``subjectOf``: its reports (article, absolute URL)."""
    return _compact({
        "@context": CONTEXT, "@type": "Event", "name": text(event.title), "url": url,
        "startDate": iso_date(event.date, event.date_precision),
        "location": _compact({"@type": "Place", "name": text(place_name)}) if place_name else None,
        "description": text(event.description) if event.description else None,
        "subjectOf": [_compact({"@type": "NewsArticle", "headline": text(a.title), "url": report_url,
                                "datePublished": iso_date(a.date, a.date_precision)}) for a, report_url in reports],
    })


def dumps(data: dict[str, Any]) -> str:
    """JSON text safe inside ``<script>``: ``<``, ``>``, ``&``, U+2028/9 as ``\\u`` escapes."""
    return _SCRIPT_UNSAFE_CHAR.sub(lambda m: _SCRIPT_UNSAFE[m.group()], _JSON.encode(data))


def script_tag(data: dict[str, Any]) -> str:
    """The ``<script type="application/ld+json">`` element, on one line."""
    return f'<script type="application/ld+json">{dumps(data)}</script>'
