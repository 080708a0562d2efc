#!/usr/bin/env python3
"""Check the sample archive's content/ and print what it covers.

Errors (exit code 1): front matter that does not load, missing or misordered keys, bad values,
an alias shared by two actors. The report: which actors, topics and sources the articles
name, the date span, and multi-word names that occur in two or more articles but match no
registry entry (candidates for the registry; some are false positives, read them).

Actor matching here is the same whole-word matching as ``select_sample.py`` (names, aliases,
genitive ``-s``, state adjectives and demonyms); it is a report, not the annotator.

    tests/tools/check_sample.py
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import re
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from archive_gen.paths import slugify  # noqa: E402
from select_sample import actor_patterns  # noqa: E402

ACTOR_KINDS = {"person", "organization", "state", "place", "group"}
SOURCE_KINDS = {"agency", "outlet", "photo"}
ACTOR_KEYS = ["name", "kind", "aliases", "adjectives", "demonyms", "wikidata"]
SOURCE_KEYS = ["name", "kind", "aliases", "url"]
TOPIC_KEYS = ["name", "keywords", "min_hits"]
ARTICLE_KEYS = ["title", "date", "language", "source_url", "license", "attribution"]
PAGE_KEYS = ["title"]
# Words that start a capitalised run but are not part of a name.
NOT_NAME = set("""Der Die Das Des Dem Den Ein Eine Einer Eines Im In Am An Auf Aus Bei Mit Nach Von Vor Zu Zum Zur
Für Über Unter Auch Als Wie Wenn Dass Sie Er Es Wir Ihr Man Nur Noch Doch Dabei Damit Danach Dies Diese Dieser
Dieses Laut Seit Bis Trotz Wegen Während Unterdessen Zudem Außerdem Allerdings Bereits Zuvor Später Heute Gestern
Am Beim Vom Ins Ob Und Oder Aber So Da Dort Hier Jetzt Nun Mehr Weitere Alle Einige Viele Präsident Präsidentin
Außenminister Außenministerin Bundeskanzlerin Ministerpräsident Ministerpräsidentin Generalsekretär Sprecher
Direktor Chef Staatspräsident Premierminister Machthaber Diktator General Major Hauptmann Bundesaußenminister
Bundeswirtschaftsminister Innenminister Informationsminister Verteidigungsminister Regierungssprecher""".split())
NAME_RUN = re.compile(r"\b[A-ZÄÖÜ][\w'’\-]*(?:\s+(?:von\s+|de\s+|al-|el-)?[A-ZÄÖÜ][\w'’\-]*)+")


class Report:
    def __init__(self) -> None:
        self.errors: list[str] = []

    def error(self, path: Path, message: str) -> None:
        self.errors.append(f"{path.relative_to(REPO)}: {message}")


def split_front_matter(path: Path, report: Report) -> tuple[dict | None, str]:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        report.error(path, "no front matter")
        return None, text
    try:
        _, block, body = text.split("---\n", 2)
    except ValueError:
        report.error(path, "front matter not closed")
        return None, text
    try:
        meta = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        report.error(path, f"YAML: {exc}")
        return None, body
    if not isinstance(meta, dict):
        report.error(path, "front matter is not a mapping")
        return None, body
    return meta, body


def check_keys(path: Path, meta: dict, allowed: list[str], required: list[str], report: Report) -> None:
    for key in required:
        if key not in meta:
            report.error(path, f"missing key {key!r}")
    unknown = [k for k in meta if k not in allowed]
    if unknown:
        report.error(path, f"unknown keys {unknown}")
    order = [k for k in allowed if k in meta]
    if [k for k in meta if k in allowed] != order:
        report.error(path, f"keys out of order: {list(meta)}, expected {order}")


def string_list(path: Path, meta: dict, key: str, report: Report) -> list[str]:
    value = meta.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        report.error(path, f"{key} must be a list of non-empty strings")
        return []
    if len(set(value)) != len(value):
        report.error(path, f"{key} lists a value twice")
    return value


def check_actors(folder: Path, report: Report) -> dict[str, dict]:
    actors = {}
    for path in sorted(folder.glob("*.md")):
        meta, body = split_front_matter(path, report)
        if meta is None:
            continue
        check_keys(path, meta, ACTOR_KEYS, ["name", "kind"], report)
        if meta.get("kind") not in ACTOR_KINDS:
            report.error(path, f"kind {meta.get('kind')!r} not in {sorted(ACTOR_KINDS)}")
        if slugify(str(meta.get("name", ""))) != path.stem:
            report.error(path, f"id {path.stem!r} is not the slug of the name ({slugify(str(meta.get('name')))!r})")
        string_list(path, meta, "aliases", report)
        for key in ("adjectives", "demonyms"):
            values = string_list(path, meta, key, report)
            if values and meta.get("kind") != "state":
                report.error(path, f"{key} only for states")
        if any(a != a.lower() for a in meta.get("adjectives") or []):
            report.error(path, "adjectives must be lowercase")
        if "wikidata" in meta and not re.fullmatch(r"Q[1-9]\d*", str(meta["wikidata"])):
            report.error(path, f"wikidata {meta['wikidata']!r} is not a Q-id")
        if not body.strip():
            report.error(path, "no description")
        actors[path.stem] = meta
    return actors


def check_sources(folder: Path, report: Report) -> dict[str, dict]:
    sources = {}
    for path in sorted(folder.glob("*.md")):
        meta, body = split_front_matter(path, report)
        if meta is None:
            continue
        check_keys(path, meta, SOURCE_KEYS, ["name", "kind", "aliases"], report)
        if meta.get("kind") not in SOURCE_KINDS:
            report.error(path, f"kind {meta.get('kind')!r} not in {sorted(SOURCE_KINDS)}")
        string_list(path, meta, "aliases", report)
        if "url" in meta and not str(meta["url"]).startswith(("http://", "https://")):
            report.error(path, "url must be http(s)")
        if not body.strip():
            report.error(path, "no description")
        sources[path.stem] = meta
    return sources


def check_topics(folder: Path, report: Report) -> dict[str, dict]:
    topics = {}
    for path in sorted(folder.glob("*.md")):
        meta, body = split_front_matter(path, report)
        if meta is None:
            continue
        check_keys(path, meta, TOPIC_KEYS, TOPIC_KEYS, report)
        keywords = string_list(path, meta, "keywords", report)
        bad = [k for k in keywords if k != k.lower() or not re.fullmatch(r"\w+", k)]
        if bad:
            report.error(path, f"keywords must be single lowercase words: {bad}")
        redundant = sorted({(a, b) for a in keywords for b in keywords if a != b and b.startswith(a)})
        if redundant:
            report.error(path, f"keyword already covered by a shorter prefix: {redundant}")
        if not isinstance(meta.get("min_hits"), int) or meta["min_hits"] < 1:
            report.error(path, "min_hits must be a positive integer")
        if not body.strip():
            report.error(path, "no description")
        topics[path.stem] = meta
    return topics


def check_articles(folder: Path, report: Report) -> dict[Path, tuple[dict, str]]:
    articles = {}
    for path in sorted(folder.rglob("*")):
        if path.suffix == ".txt":
            articles[path] = ({}, path.read_text(encoding="utf-8"))
        elif path.suffix == ".md":
            meta, body = split_front_matter(path, report)
            if meta is None:
                continue
            check_keys(path, meta, ARTICLE_KEYS, ARTICLE_KEYS, report)
            if not isinstance(meta.get("date"), dt.date):
                report.error(path, "date is not an ISO date")
            elif path.parent.name != f"{meta['date'].year:04d}":
                report.error(path, "folder is not the article's year")
            if len(path.stem) > 60:
                report.error(path, "slug longer than 60 characters")
            if not body.strip():
                report.error(path, "empty text")
            articles[path] = (meta, str(meta.get("title", "")) + "\n" + body)
    return articles


def check_pages(folder: Path, report: Report) -> None:
    for path in sorted(folder.glob("*.md")):
        meta, body = split_front_matter(path, report)
        if meta is None:
            continue
        check_keys(path, meta, PAGE_KEYS, PAGE_KEYS, report)
        if re.search(r"\]\((?!https?://)[^)]*\)", body):
            report.error(path, "internal link (not allowed in pages for now)")


def surface_forms(meta: dict) -> list[str]:
    return [meta["name"], *(meta.get("aliases") or [])]


def topic_hits(text: str, keywords: list[str]) -> int:
    """Words (and parts of hyphenated words) that start with a keyword; each word counts once."""
    words = []
    for token in re.findall(r"[\w\-]+", text.lower()):
        words.append(token)
        if "-" in token:
            words.extend(part for part in token.split("-") if part)
    return sum(1 for w in words if any(w.startswith(k) for k in keywords))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=REPO / "content")
    args = parser.parse_args(argv)
    content = args.content.resolve()
    report = Report()

    actors = check_actors(content / "actors", report)
    sources = check_sources(content / "sources", report)
    topics = check_topics(content / "topics", report)
    articles = check_articles(content / "articles", report)
    check_pages(content / "pages", report)

    # -------------------------------------------------------------- uniqueness
    owners: dict[str, list[str]] = collections.defaultdict(list)
    for aid, meta in actors.items():
        for form in dict.fromkeys(surface_forms(meta)):
            owners[form].append(aid)
    shared = {form: ids for form, ids in owners.items() if len(ids) > 1}
    for form, ids in sorted(shared.items()):
        report.errors.append(f"content/actors: alias {form!r} on {', '.join(ids)}")
    source_owners: dict[str, list[str]] = collections.defaultdict(list)
    for sid, meta in sources.items():
        for form in dict.fromkeys(surface_forms(meta)):
            source_owners[form].append(sid)
    for form, ids in sorted(source_owners.items()):
        if len(ids) > 1:
            report.errors.append(f"content/sources: alias {form!r} on {', '.join(ids)}")
    both = sorted(set(owners) & set(source_owners))
    ids_everywhere = collections.Counter([*actors, *sources, *topics])

    # -------------------------------------------------------------- coverage
    patterns = actor_patterns(content / "actors")
    per_actor: dict[str, list[str]] = collections.defaultdict(list)
    for path, (_, text) in articles.items():
        for aid, (_, pattern) in patterns.items():
            if pattern.search(text):
                per_actor[aid].append(path.stem)
    per_source = {sid: [p.stem for p, (_, text) in articles.items()
                        if any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", text) for f in surface_forms(meta))]
                  for sid, meta in sources.items()}
    per_topic = {tid: [p.stem for p, (_, text) in articles.items()
                       if topic_hits(text, meta["keywords"]) >= meta["min_hits"]]
                 for tid, meta in topics.items()}
    known = set(owners) | set(source_owners)
    runs: dict[str, set[str]] = collections.defaultdict(set)
    for path, (_, text) in articles.items():
        for match in NAME_RUN.finditer(text):
            words = match.group(0).split()
            while words and words[0] in NOT_NAME:
                words = words[1:]
            if len(words) < 2:
                continue
            name = " ".join(words)
            if not any(form in name or name in form for form in known):
                runs[name].add(path.stem)
    candidates = sorted(((n, len(p)) for n, p in runs.items() if len(p) >= 2), key=lambda x: (-x[1], x[0]))

    # -------------------------------------------------------------- print
    dates = [meta["date"] for meta, _ in articles.values() if isinstance(meta.get("date"), dt.date)]
    print(f"articles: {len(articles)} ({len(dates)} with front matter dates"
          f"{f', {min(dates)} – {max(dates)}' if dates else ''}; the seed is .txt)")
    print(f"registry: actors {len(actors)}, sources {len(sources)}, topics {len(topics)}")
    print(f"kinds: {dict(sorted(collections.Counter(m.get('kind') for m in actors.values()).items()))}")
    print(f"wikidata ids: {sum('wikidata' in m for m in actors.values())} of {len(actors)} actors")
    print("\nactor → articles naming it")
    for aid in sorted(actors, key=lambda a: (-len(per_actor[a]), a)):
        print(f"  {aid:45} {len(per_actor[aid]):3}")
    print(f"\nactors in ≥ 3 articles: {sum(len(per_actor[a]) >= 3 for a in actors)}; "
          f"in 0 articles: {', '.join(a for a in sorted(actors) if not per_actor[a]) or '-'}")
    print("\nsource → articles naming it")
    for sid in sorted(sources, key=lambda s: (-len(per_source[s]), s)):
        print(f"  {sid:25} {len(per_source[sid]):3}")
    print("\ntopic → articles (prefix keywords, min_hits)")
    for tid in sorted(topics):
        print(f"  {tid:20} {len(per_topic[tid]):3}  {', '.join(sorted(per_topic[tid]))[:150]}")
    untagged = sorted(p.stem for p in articles if not any(p.stem in v for v in per_topic.values()))
    print(f"  articles without a topic: {', '.join(untagged) or '-'}")
    print("\nalias uniqueness: " + ("no alias on two actors" if not shared else f"{len(shared)} shared"))
    if both:
        print(f"forms both an actor and a source: {both}")
    clashes = [i for i, n in ids_everywhere.items() if n > 1]
    print(f"ids used in more than one registry folder: {clashes or '-'}")
    print("\nnames in ≥ 2 articles that no registry entry covers (review by hand):")
    for name, n in candidates:
        print(f"  {n}  {name}")
    if report.errors:
        print(f"\n{len(report.errors)} error(s):")
        for line in report.errors:
            print(f"  {line}")
        return 1
    print("\nno errors")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
