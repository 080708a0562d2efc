#!/usr/bin/env python3
"""Check the sample archive's content/ with the real pipeline and print what it covers.

Validation is the build's own: ``archive_gen.pipeline.collect`` loads the registry and annotates
every article; each diagnostic is printed, and any error makes the exit code 1. The report
comes from the real cross-link graph (``archive_gen.index.build_archive``): the date span,
the registry, which actors, places, sources and topics the articles carry, and the names the
annotator found but could not link (``candidates``) in two or more articles: names the
registry may be missing (some are false positives; read them).

    tests/tools/check_sample.py
"""

from __future__ import annotations

import argparse
import collections
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from archive_gen.pipeline import collect  # noqa: E402
from archive_gen.config import Config  # noqa: E402
from archive_gen.errors import Diagnostics  # noqa: E402
from archive_gen.index import build_archive  # noqa: E402


def most_first(counts: dict[str, int]) -> list[str]:
    return sorted(counts, key=lambda key: (-counts[key], key))


def wrap(text: str, indent: str = "  ") -> str:
    return textwrap.fill(text, 100, initial_indent=indent, subsequent_indent=" " * len(indent),
                         break_on_hyphens=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=REPO / "content")
    args = parser.parse_args(argv)

    config = Config.load(REPO / "mkdocs.yml", content_dir=args.content)
    diags = Diagnostics()
    registry, articles = collect(config, diags)
    archive = build_archive(articles, registry)

    dates = [a.date for a in archive.articles]
    span = f", {min(dates)} – {max(dates)} ({max(dates).year - min(dates).year + 1} years)" if dates else ""
    print(f"articles: {len(archive.articles)}{span}")
    kinds = collections.Counter(a.kind for a in registry.actors.values())
    print(f"registry: actors {len(registry.actors)} {dict(sorted(kinds.items()))}, "
          f"sources {len(registry.sources)}, topics {len(registry.topics)}")

    graph = {**archive.by_actor, **archive.by_place}  # places are actors of kind "place"
    named = {aid: len(graph.get(aid, ())) for aid in registry.actors}
    print("\nactor → articles (places included), most first")
    for count in sorted({n for n in named.values() if n}, reverse=True):
        ids = ", ".join(a for a in most_first(named) if named[a] == count)
        print(wrap(ids, f"  {count:3}  "))
    print(f"actors in ≥ 3 articles: {sum(n >= 3 for n in named.values())}")
    print(f"actors in 0 articles ({sum(n == 0 for n in named.values())}): "
          f"{', '.join(sorted(a for a, n in named.items() if not n)) or '-'}")

    sources = {sid: len(archive.by_source.get(sid, ())) for sid in registry.sources}
    print("\nsource → articles")
    print(wrap(", ".join(f"{sid}:{sources[sid]}" for sid in most_first(sources))))
    unregistered = sorted(set(archive.by_source) - set(registry.sources))
    if unregistered:
        print(f"  sources not in the registry: {', '.join(unregistered)}")
    topics = {tid: len(archive.by_topic.get(tid, ())) for tid in registry.topics}
    print("topic → articles")
    print(wrap(", ".join(f"{tid}:{topics[tid]}" for tid in most_first(topics))))
    untagged = sorted(a.slug for a in archive.articles if not a.topics)
    print(wrap(f"articles without a topic ({len(untagged)}): {', '.join(untagged) or '-'}"))

    seen: dict[str, set[str]] = collections.defaultdict(set)
    for article in archive.articles:
        for candidate in article.candidates:
            seen[candidate.name].add(article.slug)
    missing = {name: len(slugs) for name, slugs in seen.items() if len(slugs) >= 2}
    print(f"\nnames the registry may be missing (unlinked in ≥ 2 articles): {len(missing)} of {len(seen)}")
    for name in most_first(missing):
        print(f"  {missing[name]:3}  {name}")

    print(f"\n{len(diags.errors)} error(s), {len(diags.warnings)} warning(s)")
    for diagnostic in diags:
        print(f"  {diagnostic}")
    return 1 if diags.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
