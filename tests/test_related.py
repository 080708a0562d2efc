"""Related articles kept between builds: ranking only what a change reaches gives the full lists.

Random archives (seeded), each changed step by step (articles added, edited: terms, date or
slug, removed); after every step the kept computation must equal a fresh one, also through a
pickled state (the build keeps it in a pack). A small ``MAX_ARTICLES_PER_TERM`` makes terms
cross the "too frequent to count" line often, in both directions.
"""

from __future__ import annotations

import datetime as dt
import pickle
import random
from dataclasses import dataclass, replace

import pytest

from archive_gen.index import related as rel
from archive_gen.index.related import Related, related_articles


@dataclass(frozen=True)
class Item:
    """What ranking reads of an article: slug, date, actors, places, topics."""

    slug: str
    date: dt.date
    actors: tuple[str, ...]
    places: tuple[str, ...]
    topics: tuple[str, ...]

    @property
    def sort_key(self) -> tuple:
        return (-self.date.toordinal(), self.slug)


def _item(rng: random.Random, slug: str) -> Item:
    def pick(pool: str, most: int) -> tuple[str, ...]:
        weights = [1 / (n + 1) for n in range(12)]  # a few frequent terms, many rare ones
        picked = (f"{pool}{rng.choices(range(12), weights)[0]}" for _ in range(rng.randint(0, most)))
        return tuple(dict.fromkeys(picked))
    return Item(slug, dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 20)), pick("a", 4), pick("p", 2), pick("t", 3))


def _ordered(items: dict[str, Item]) -> tuple[Item, ...]:
    return tuple(sorted(items.values(), key=lambda a: a.sort_key))


def _change(rng: random.Random, items: dict[str, Item], serial: list[int]) -> None:
    """One random change: add, remove, or edit (terms, date, or slug) a few articles."""
    for _ in range(rng.randint(1, 3)):
        what = rng.choice(["add", "remove", "terms", "date", "slug"] if items else ["add"])
        serial[0] += 1
        if what == "add":
            slug = f"n{serial[0]}"
            items[slug] = _item(rng, slug)
            continue
        slug = rng.choice(sorted(items))
        if what == "remove":
            del items[slug]
        elif what == "terms":
            items[slug] = replace(_item(rng, slug), date=items[slug].date)
        elif what == "date":
            items[slug] = replace(items[slug], date=items[slug].date + dt.timedelta(days=rng.choice([-3, -1, 1, 2])))
        else:
            items[f"r{serial[0]}"] = replace(items.pop(slug), slug=f"r{serial[0]}")


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("most", [6, 100])
def test_kept_lists_equal_a_full_computation_after_every_change(monkeypatch, seed, most):
    monkeypatch.setattr(rel, "MAX_ARTICLES_PER_TERM", most)
    rng = random.Random(seed)
    items = {f"s{n}": _item(rng, f"s{n}") for n in range(rng.randint(0, 40))}
    serial = [0]
    kept = Related()
    assert kept(_ordered(items)) == related_articles(_ordered(items))
    reached = []
    for step in range(25):
        _change(rng, items, serial)
        ordered = _ordered(items)
        if step % 5 == 4:  # the state as a build keeps it: pickled in a pack, read by the next process
            kept = Related(state=pickle.loads(pickle.dumps(kept.state)))
        got = kept(ordered)
        full = related_articles(ordered)
        assert got == full
        assert list(got) == list(full), "the same order of slugs too"
        reached.append(kept.ranked)
    assert min(reached) < len(items) or not items, "some change must leave some lists alone"


def test_nothing_changed_ranks_nothing_and_a_new_article_ranks_only_its_neighbours():
    rng = random.Random(7)
    items = {f"s{n}": _item(rng, f"s{n}") for n in range(300)}
    kept = Related()
    kept(_ordered(items))
    assert kept.ranked == 300
    kept(_ordered(items))
    assert kept.ranked == 0
    items["new"] = Item("new", dt.date(2024, 2, 1), ("a11",), (), ())  # a rare actor
    assert kept(_ordered(items)) == related_articles(_ordered(items))
    assert 1 <= kept.ranked < 300 // 4


def test_a_state_for_another_limit_is_not_used():
    rng = random.Random(3)
    items = {f"s{n}": _item(rng, f"s{n}") for n in range(50)}
    kept = Related(limit=3)
    kept(_ordered(items))
    other = Related(limit=5, state=kept.state)
    assert other(_ordered(items)) == related_articles(_ordered(items), 5)
    assert other.ranked == 50
