"""``archive-gen events suggest``: articles that seem to report one event, grouped, with evidence.

Two articles are linked when they are close in time (within ``window`` days) and their texts
are alike (MinHash estimate of the Jaccard similarity of their sets of words, datasketch),
or somewhat alike and naming the same rare actor or place. Only words that say which story it
is count: a word in more than :data:`MAX_DF_SHARE` of the articles (at least :data:`DF_FLOOR`)
is left out, so that a desk's template ("raised its posted prices … effective …") or the words
of a whole beat do not make two different stories alike (measured in benchmarks/README.md). Only articles within the date window
are compared (articles sorted by date, a sliding window): the work grows with the articles
times the articles per window, never quadratically in the archive. Linked articles form groups
(connected components); each link is shown with its evidence (days apart, text similarity,
shared actors and places, ``file:line``), for an editor to confirm by writing ``event:``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

from pathlib import Path

from .. import front_matter
from ..errors import ConfigError, ContentError
from ..index.events import FOLDER, event_of, parse_date
from ..model import Article
from ..paths import RESERVED_TERM_IDS, is_slug, slugify

WINDOW_DAYS = 2
NUM_PERM = 128
SIMILAR = 0.40  # linked on text alone
RELATED = 0.15  # linked with a shared rare actor or place
MAX_DF_SHARE = 0.05  # a word in more of the articles than this share says nothing about the story
DF_FLOOR = 5  # … but a word in up to this many articles always counts (small archives, big stories)
RARE_SHARE = 0.02  # an actor or place in more than this share of the articles is not rare
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Item:
    """What the suggester needs of an article."""

    key: str  # slug
    where: str  # file:line
    date: dt.date
    entities: frozenset[str]
    text: str
    event: str | None = None  # the editor's event, when the article has one


@dataclass(frozen=True)
class Link:
    a: int
    b: int
    days: int
    similarity: float
    shared: tuple[str, ...]  # actors and places both name
    rare: tuple[str, ...] = ()  # of those, the rare ones (what may link less similar texts)


@dataclass
class Group:
    items: list[Item]
    links: list[Link] = field(default_factory=list)

    def record(self, items: Sequence[Item]) -> dict:
        return {
            "articles": [{"slug": i.key, "date": i.date.isoformat(), "file": i.where, "event": i.event}
                         for i in self.items],
            "evidence": [{"a": items[l.a].where, "b": items[l.b].where, "days": l.days,
                          "similarity": round(l.similarity, 2), "shared": list(l.shared),
                          "rare": list(l.rare)} for l in self.links],
        }


def item_of(article: Article) -> Item:
    line = article.doc.blocks[0].line if article.doc.blocks else 1
    return Item(article.slug, f"{article.source_file}:{line}", article.date,
                frozenset((*article.actors, *article.places)), f"{article.title}\n{article.doc.text}", event_of(article))


def shingles(text: str) -> set[bytes]:
    """The words that say something: lowercased, longer than three letters, not numbers.
    (Word sets, not n-grams: a follow-up retells the story in other sentences.)"""
    return {w.lower().encode("utf-8") for w in _WORD.findall(text) if len(w) > 3 and not w.isdigit()}


def telling_words(items: Sequence[Item]) -> list[set[bytes]]:
    """Each item's :func:`shingles` without the words too many items use (one pass to count)."""
    sets = [shingles(item.text) for item in items]
    frequency: dict[bytes, int] = {}
    for words in sets:
        for word in words:
            frequency[word] = frequency.get(word, 0) + 1
    limit = max(DF_FLOOR, MAX_DF_SHARE * len(items))
    return [{w for w in words if frequency[w] <= limit} for words in sets]


def signatures(items: Sequence[Item], num_perm: int = NUM_PERM):
    """One MinHash signature per item (of its telling words), as rows of a numpy array."""
    try:
        import numpy
        from datasketch import MinHash
    except ImportError as exc:
        raise ConfigError("events suggest needs datasketch: pip install 'archive-gen[events]'") from exc
    rows = []
    for words in telling_words(items):
        minhash = MinHash(num_perm=num_perm, seed=1)
        minhash.update_batch(sorted(words))
        rows.append(minhash.hashvalues)
    return numpy.array(rows) if rows else numpy.zeros((0, num_perm))


def rare_entities(items: Sequence[Item]) -> Callable[[str], bool]:
    """Whether an entity is named by few items: a shared rare name links two stories even when
    their words differ (a shared head of state does not)."""
    frequency: dict[str, int] = {}
    for item in items:
        for entity in item.entities:
            frequency[entity] = frequency.get(entity, 0) + 1
    limit = max(2, RARE_SHARE * len(items))
    return lambda entity: frequency[entity] <= limit


def links(items: Sequence[Item], window: int = WINDOW_DAYS, similar: float = SIMILAR,
          related: float = RELATED) -> list[Link]:
    """Links between items (sorted by date) within ``window`` days of each other."""
    sigs = signatures(items)
    is_rare = rare_entities(items)
    found = []
    end = 0
    for i, item in enumerate(items):
        end = max(end, i + 1)
        while end < len(items) and (items[end].date - item.date).days <= window:
            end += 1
        if end == i + 1:
            continue
        similarity = (sigs[i + 1:end] == sigs[i]).mean(axis=1)
        for offset, sim in enumerate(similarity.tolist()):
            j = i + 1 + offset
            if sim < related or (item.event is not None and item.event == items[j].event):
                continue  # not alike, or an editor grouped them already
            shared = tuple(sorted(item.entities & items[j].entities))
            rare = tuple(e for e in shared if is_rare(e))
            if sim >= similar or rare:
                found.append(Link(i, j, (items[j].date - item.date).days, sim, shared, rare))
    return found


def groups(items: Sequence[Item], found: Iterable[Link]) -> list[Group]:
    """Connected components of the links, oldest first; each with its links."""
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    found = list(found)
    for link in found:
        parent[root(link.a)] = root(link.b)
    members: dict[int, list[int]] = {}
    for i in range(len(items)):
        members.setdefault(root(i), []).append(i)
    by_root: dict[int, Group] = {}
    for r, indices in members.items():
        if len(indices) > 1:
            by_root[r] = Group([items[i] for i in sorted(indices)])
    for link in found:
        by_root[root(link.a)].links.append(link)
    return sorted(by_root.values(), key=lambda g: (g.items[0].date, g.items[0].key))


def suggest(articles: Iterable[Article], window: int = WINDOW_DAYS) -> tuple[list[Item], list[Group]]:
    items = sorted((item_of(a) for a in articles), key=lambda i: (i.date, i.key))
    return items, groups(items, links(items, window))


def format_text(items: Sequence[Item], found: Sequence[Group]) -> str:
    lines = []
    for number, group in enumerate(found, start=1):
        first, last = group.items[0].date, group.items[-1].date
        lines.append(f"event {number}: {len(group.items)} articles, {first.isoformat()}"
                     + (f" – {last.isoformat()}" if last != first else ""))
        for item in group.items:
            lines.append(f"    {item.where}: {item.key}" + (f" (event: {item.event})" if item.event else ""))
        for link in group.links:
            shared = ", ".join(f"{e} (rare)" if e in link.rare else e for e in link.shared) or "none"
            lines.append(f"    evidence: {items[link.a].key} ↔ {items[link.b].key}: {link.days} day(s) apart, "
                         f"text similarity {link.similarity:.2f}, shared actors/places: {shared}")
    return "\n".join(lines)


def add_event(content_dir: Path, title: str, date: str, *, event_id: str | None = None, place: str | None = None,
              description: str = "") -> Path:
    """Write ``content/events/<id>.md`` (what an editor confirms of a suggestion). Never
    overwrites: an existing event is the editor's. The reports then name it with ``event: <id>``."""
    title = " ".join(title.split())
    if not title:
        raise ContentError(FOLDER, 1, "the title is empty", "say what happened, e.g. \"Putin besucht Pjöngjang\"")
    when = parse_date(date)
    if when is None:
        raise ContentError(FOLDER, 1, f"'{date}' is not a date", "write YYYY-MM-DD, or YYYY-MM / YYYY")
    event_id = event_id or slugify(title)
    if not is_slug(event_id) or event_id in RESERVED_TERM_IDS:
        raise ContentError(FOLDER, 1, f"'{event_id}' is not a valid event id", "use lowercase letters, digits, hyphens")
    if place is not None and not is_slug(place):
        raise ContentError(FOLDER, 1, f"'{place}' is not a place id", "give the registry id of a place, e.g. pjoengjang")
    path = content_dir / FOLDER / f"{event_id}.md"
    meta: dict = {"title": title, "date": date.strip()}
    if place:
        meta["place"] = place
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as out:  # "x": fails when it exists, even in a race
            out.write(front_matter.dumps(meta, (description.strip() or "Beschreibung folgt.") + "\n"))
    except FileExistsError:
        raise ContentError(str(path), 1, f"event '{event_id}' exists already", "edit the file, or choose another --id")
    return path
