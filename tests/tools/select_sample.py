#!/usr/bin/env python3
"""Select the sample archive's Wikinews articles from the corpus, reproducibly.

The sample archive should show actors with several articles each and a timeline that spans
years, so the articles are chosen by the registry actors they share with the seed article
(Putin in North Korea, June 2024) and with each other:

1. Every corpus record is annotated by the real pipeline (``archive_gen.annotate``) as the
   Markdown file it would become; records the annotator rejects (no usable date, e.g.
   0001-01-01; no text) are skipped. An article's actors are its ``actors`` and ``places``,
   counted by its mentions. The seed's actors are those of the annotated seed file.
2. Only articles whose title or first block names a seed actor (not just a seed place) are
   candidates: they are *about* something the seed is about. The title is annotated on its
   own (it is front matter, not part of the text).
3. An actor's weight is its inverse document frequency in the corpus, ``ln(N / (1 + df))``,
   halved for places: sharing Putin or North Korea says more than sharing the USA.
4. Articles are picked greedily. An article scores the weight of each seed actor it names
   times its mentions (at most ``MENTION_CAP``), plus ``LINK_WEIGHT`` times the weight of
   each other person, organisation or group already named by an article picked before, so
   later picks connect to earlier ones (states and places are named too casually to count).
   The highest score wins; ties go to more actors, then the earlier date, then the lower
   Wikinews id. Picking stops at ``--count`` articles or when no article reaches
   ``MIN_SCORE``.

Because the registry is an input, adding actors can change the choice; rerun with
``--dry-run`` after registry edits and compare.

The output depends only on the corpus, the seed and the registry: the same inputs give the
same files. The script owns ``content/articles/wikinews/``: files there that are not
selected any more are removed.

    tests/tools/select_sample.py            # write the articles
    tests/tools/select_sample.py --dry-run  # only print the choice
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import math
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from archive_gen import front_matter  # noqa: E402
from archive_gen.annotate import Annotator  # noqa: E402
from archive_gen.errors import ContentError, Diagnostics  # noqa: E402
from archive_gen.ingest import markdown, read_source  # noqa: E402
from archive_gen.model import Article  # noqa: E402
from archive_gen.paths import slugify  # noqa: E402  (paths.py decides every slug)
from archive_gen.registry import load_registry  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "wikinews-de.jsonl"
DEFAULT_SEED = REPO.parent / "shared" / "seeds" / "000_4d51e86498f00da2.txt"
SLUG_LENGTH = 60
PLACE_FACTOR = 0.5
MENTION_CAP = 3
LINK_WEIGHT = 0.25
LINK_KINDS = frozenset({"person", "organization", "group"})  # states and places link too easily
MIN_SCORE = 6.0
LICENSE = "CC BY 2.5"
ATTRIBUTION = "Wikinews-Autoren, de.wikinews.org"


@dataclass(frozen=True)
class Candidate:
    wikinews_id: int
    title: str
    date: dt.date
    text: str
    actors: frozenset[str]  # the article's actors and places
    lead_actors: frozenset[str]  # named in the title or the first block
    mentions: tuple[tuple[str, int], ...]  # (actor id, number of mentions), sorted by id


# ------------------------------------------------------------------ annotation


def annotate(annotator: Annotator, title: str, date: object, body: str, name: str) -> Article:
    """A corpus record as the Markdown file it becomes, through the real pipeline."""
    source = front_matter.dumps({"title": title, "date": date}, body)
    return annotator.annotate(markdown.parse(source, name), Diagnostics())


def named(article: Article) -> frozenset[str]:
    return frozenset((*article.actors, *article.places))


def load_candidates(corpus: Path, annotator: Annotator) -> list[Candidate]:
    candidates = []
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            title, body = record["title"].strip(), body_text(record.get("text") or "")
            name = f"wikinews/{record['wikinews_id']}.md"
            try:
                article = annotate(annotator, title, record.get("date"), body, name)
                in_title = named(annotate(annotator, title, record.get("date"), title, name))
            except ContentError:
                continue  # no usable date or no text
            actors = named(article)
            counts = collections.Counter(m.id for m in article.mentions)  # a dateline place may have none
            first = article.doc.blocks[0]
            lead = {m.id for m in article.mentions if first.start <= m.start < first.end}
            candidates.append(Candidate(
                record["wikinews_id"], title, article.date, record["text"], actors,
                frozenset(lead | in_title),
                tuple(sorted((aid, max(1, counts[aid])) for aid in actors))))
    return candidates


# ------------------------------------------------------------------ selection


def actor_weights(candidates: list[Candidate], places: frozenset[str]) -> dict[str, float]:
    """Inverse document frequency over the usable corpus, halved for places."""
    df: dict[str, int] = {}
    for c in candidates:
        for aid in c.actors:
            df[aid] = df.get(aid, 0) + 1
    n = len(candidates)
    return {aid: math.log(n / (1 + k)) * (PLACE_FACTOR if aid in places else 1.0)
            for aid, k in df.items()}


def select(candidates: list[Candidate], seed_actors: frozenset[str], kinds: dict[str, str],
           count: int) -> list[tuple[Candidate, float]]:
    """Greedy pick; returns (article, score at the time it was picked) in pick order."""
    places = frozenset(aid for aid, kind in kinds.items() if kind == "place")
    linkable = frozenset(aid for aid, kind in kinds.items() if kind in LINK_KINDS)
    weight = actor_weights(candidates, places)
    pool = [c for c in candidates if (c.lead_actors & seed_actors) - places]
    chosen: list[tuple[Candidate, float]] = []
    covered: set[str] = set(seed_actors)

    def score(c: Candidate) -> float:
        mentions = dict(c.mentions)
        seed = sum(weight[a] * min(mentions[a], MENTION_CAP) for a in sorted(c.actors & seed_actors))
        linked = LINK_WEIGHT * sum(weight[a] for a in sorted((c.actors & covered & linkable) - seed_actors))
        return round(seed + linked, 6)  # rounded so float noise never decides a tie

    while pool and len(chosen) < count:
        best = min(pool, key=lambda c: (-score(c), -len(c.actors), c.date, c.wikinews_id))
        best_score = score(best)
        if best_score < MIN_SCORE:
            break
        chosen.append((best, best_score))
        covered |= best.actors
        pool.remove(best)
    return chosen


# ------------------------------------------------------------------ output


def body_text(text: str) -> str:
    """Paragraphs separated by one blank line; no stray indentation (Markdown code blocks)."""
    lines = [line.strip() for line in text.splitlines()]
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return body + "\n"


def article_file(c: Candidate) -> str:
    meta = {
        "title": c.title,
        "date": c.date,
        "language": "de",
        "source_url": f"https://de.wikinews.org/wiki/?curid={c.wikinews_id}",
        "license": LICENSE,
        "attribution": ATTRIBUTION,
    }
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1_000_000)
    return f"---\n{front}---\n{body_text(c.text)}"


def target_paths(chosen: list[Candidate], out_dir: Path) -> dict[int, Path]:
    """Wikinews id → file; a slug taken twice in a year gets the id appended (lower id keeps it)."""
    paths: dict[int, Path] = {}
    taken: set[Path] = set()
    for c in sorted(chosen, key=lambda c: c.wikinews_id):
        slug = slugify(c.title, max_length=SLUG_LENGTH)
        path = out_dir / f"{c.date.year:04d}" / f"{slug}.md"
        if path in taken:
            path = path.with_name(f"{slugify(c.title, max_length=SLUG_LENGTH - 8)}-{c.wikinews_id}.md")
        taken.add(path)
        paths[c.wikinews_id] = path
    return paths


def write_articles(chosen: list[Candidate], out_dir: Path) -> tuple[int, int]:
    paths = target_paths(chosen, out_dir)
    written = 0
    for c in chosen:
        path, content = paths[c.wikinews_id], article_file(c)
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
            written += 1
    keep = set(paths.values())
    removed = 0
    for stale in sorted(out_dir.glob("*/*.md")):
        if stale not in keep:
            stale.unlink()
            removed += 1
    for year_dir in sorted(out_dir.glob("*")):
        if year_dir.is_dir() and not any(year_dir.iterdir()):
            year_dir.rmdir()
    return written, removed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--seed", type=Path, default=DEFAULT_SEED)
    parser.add_argument("--content", type=Path, default=REPO / "content")
    parser.add_argument("--count", type=int, default=30)
    parser.add_argument("--dry-run", action="store_true", help="print the choice, write nothing")
    args = parser.parse_args(argv)

    diags = Diagnostics()
    registry = load_registry(args.content, diags)
    for d in diags.errors:
        print(d, file=sys.stderr)
    annotator = Annotator(registry)
    kinds = {aid: actor.kind for aid, actor in registry.actors.items()}
    seed_actors = named(annotator.annotate(read_source(args.seed, str(args.seed)), Diagnostics()))
    candidates = load_candidates(args.corpus, annotator)
    chosen = select(candidates, seed_actors, kinds, args.count)

    print(f"seed actors ({len(seed_actors)}): {', '.join(sorted(seed_actors))}")
    print(f"usable records: {len(candidates)}; selected: {len(chosen)}")
    for rank, (c, score) in enumerate(chosen, 1):
        print(f"{rank:3} {score:6.2f}  {c.date}  {c.wikinews_id:6}  {c.title[:70]}")
    articles = [c for c, _ in chosen]
    if articles:
        print(f"dates: {min(c.date for c in articles)} – {max(c.date for c in articles)}")
    if not args.dry_run:
        written, removed = write_articles(articles, args.content / "articles" / "wikinews")
        print(f"wrote {written} file(s), removed {removed} stale file(s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
