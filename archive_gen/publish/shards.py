"""Which Pagefind bundle (shard) each indexed page goes to (:mod:`.search` indexes them).

Pagefind cannot add to an index: it indexes every page it is given (about 16 s for one index
of 10,000 articles on two cores). Split into shards, a new article costs the indexing of its
shard only, and the search UI merges the shards (Pagefind's ``mergeIndex``). But each merged
shard costs a reader's first search the word-index chunk of every query word (Pagefind's fixed
chunk size, ~20-25 KB gzip) and ranks with its own word statistics (BM25): so few, large shards
(benchmarks/README.md, "Search": the measurements behind ``SHARD_PAGES``).
"""

from __future__ import annotations

import html
import re

__all__ = ["ALL_SHARD", "RECENT_PAGES", "SHARD_PAGES", "TERMS_APART", "TERMS_SHARD", "Closing", "filter_names",
           "month_of", "shard_plan", "split"]

TERMS_SHARD = "terms"  # the term pages' shard, when they have one of their own (TERMS_APART)
ALL_SHARD = "all"  # the one shard of an archive smaller than SHARD_PAGES pages
# A shard closes once it holds SHARD_PAGES article pages (whole months, oldest first). Each
# merged shard costs a first search the word-index chunk of every query word: at 10,000
# articles two shards keep it under 400 KB gzip, four do not; 8,000 keeps two shards up to
# 16,000 articles, and a new article re-indexes the newest shard only (at 10,000: 2,731 of
# 10,797 pages). Measured in benchmarks/README.md, "Session 4".
SHARD_PAGES = 8_000
# The newest months' own small shard (shard_plan; 0 = none), which also holds the term pages
# (split's main shard): a new article of the newest months re-indexes it alone (~1,100 pages at
# 10,000 articles instead of ~2,700; Pagefind's CPU per +1 article 0.28 of without it). A small
# shard lacks many words, and for a word a shard lacks Pagefind 1.5 lists the shard's pages with
# a shorter word that begins it (its issues #599, #793): the search module drops those
# (overrides/assets/search/pagefind.js), so the results are those of two shards (benchmarks/
# README.md, "Session 14: a small newest search shard" and "Session 15: … shorter-word matches").
RECENT_PAGES = 300
TERMS_APART = False  # False: term pages join the newest shard (one shard fewer to load)
_FILTER = re.compile(r'data-pagefind-filter="([^"\[]+)\[')
_EMPTY = '<!doctype html><html lang="{language}"><head><meta charset="utf-8"></head><body></body></html>'


def month_of(rel: str) -> str | None:
    """``yyyy-mm`` of an article page (``articles/<yyyy>/<mm>/…``), None for other pages."""
    parts = rel.split("/")
    if len(parts) > 3 and parts[0] == "articles" and parts[1].isdigit() and parts[2].isdigit():
        return f"{parts[1]}-{parts[2]}"
    return None


def shard_plan(months: dict[str, int], shard_pages: int, recent_pages: int = 0) -> dict[str, str]:
    """Which shard each month's article pages go to: consecutive months, oldest first, a shard
    closing once it holds ``shard_pages`` pages; a shard is named after its first month, the
    only one is ``all``. With ``recent_pages``, the newest months of the newest shard that
    hold at most that many pages (at least the newest month) are a shard of their own when
    the newest shard holds more: a new article of the newest months re-indexes that one.

    Only the page counts decide, so a clean build and a rebuild shard alike. New articles of
    the newest months join the newest shard and move no boundary; more pages in an older month
    move a boundary only when they make an earlier month close its shard."""
    plan: dict[str, str] = {}
    name, count = "", 0
    for month in sorted(months):
        if not name:
            name, count = month, 0
        plan[month] = name
        count += months[month]
        if count >= shard_pages:
            name = ""
    if recent_pages and plan:
        _split_recent(plan, months, recent_pages)
    if len(set(plan.values())) <= 1:
        plan = dict.fromkeys(plan, ALL_SHARD)
    return plan


class Closing:
    """:func:`shard_plan` as the months arrive, oldest first, each with its final page count:
    :meth:`add` returns the months of a shard that this month closed. Such a shard is final
    (later months never change it) unless it is the newest, which only a later month tells."""

    def __init__(self, shard_pages: int) -> None:
        self.shard_pages, self.months, self.count = shard_pages, [], 0

    def add(self, month: str, pages: int) -> list[str]:
        self.months.append(month)
        self.count += pages
        if self.count < self.shard_pages:
            return []
        closed, self.months, self.count = self.months, [], 0
        return closed


def _split_recent(plan: dict[str, str], months: dict[str, int], recent_pages: int) -> None:
    newest = sorted((m for m in plan if plan[m] == plan[max(plan)]), reverse=True)
    recent, count = [], 0
    for month in newest:
        if recent and count + months[month] > recent_pages:
            break
        recent.append(month)
        count += months[month]
    if len(recent) < len(newest):
        plan.update(dict.fromkeys(recent, recent[-1]))


def split(documents: list[tuple[str, str]], language: str, shard_pages: int,
          terms_apart: bool, recent_pages: int = 0) -> tuple[dict[str, list[tuple[str, str]]], str]:
    """The documents by shard (see :func:`shard_plan`), and the main shard: the newest, which
    also holds the term pages unless ``terms_apart``. It always exists, with an empty page
    when it has nothing to index (Pagefind still writes its bundle)."""
    months: dict[str, int] = {}
    for rel, _ in documents:
        month = month_of(rel)
        if month:
            months[month] = months.get(month, 0) + 1
    plan = shard_plan(months, shard_pages, recent_pages)
    main = TERMS_SHARD if terms_apart and plan else max(plan.values(), default=ALL_SHARD)
    shards: dict[str, list[tuple[str, str]]] = {main: []}
    for rel, document in documents:
        month = month_of(rel)
        shards.setdefault(plan[month] if month else main, []).append((rel, document))
    if not shards[main]:
        shards[main] = [("index.html", _EMPTY.format(language=language))]
    return shards, main


def filter_names(documents: list[tuple[str, str]]) -> list[str]:
    """The filters the stand-ins use, sorted: search.js lists them before their values load."""
    found = {html.unescape(name) for _, document in documents
             for name in _FILTER.findall(document[:document.find("<body>")])}
    return sorted(found)
