"""The front matter of generated pages and imported files: one shape, one key order."""

from __future__ import annotations

from typing import Any

from .. import front_matter
from ..model import Article
from . import frontyaml
from .escape import plain


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
        **article.extra,
    }
    return {k: v for k, v in meta.items() if v not in (None, "", [], {})}


def page_file(meta: dict[str, Any], body: str) -> str:
    """A page: front matter (every text made plain, see :func:`~.escape.plain`) and body."""
    head = frontyaml.dump(meta) if meta else None  # printable text only: plain already
    if head is None:
        return front_matter.dumps(_plain_values(meta), body)
    return f"---\n{head}---\n\n{body.rstrip()}\n"


def _plain_values(value: Any) -> Any:
    if isinstance(value, str):
        return plain(value)
    if isinstance(value, dict):
        return {plain(k): _plain_values(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain_values(v) for v in value]
    return value
