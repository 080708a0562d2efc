#!/usr/bin/env python3
"""Annotation throughput against registry size: articles per second on one core.

    python benchmarks/bench_annotate.py                 # German corpus, 3 repeats
    python benchmarks/bench_annotate.py --corpus en --repeat 5
    python benchmarks/bench_annotate.py --long          # one article, growing: time must grow linearly
    python benchmarks/bench_annotate.py --sentences     # our sentence splitter against syntok and pysbd
    python benchmarks/bench_annotate.py --ab /tmp/base  # CPU time against another tree, alternating
    python benchmarks/bench_annotate.py --sample        # where the time goes (sampling profiler)

Issue 3 asks for >= 500 articles/s/core on the German corpus with a registry of >= 5,000
aliases, and for matching to be one pass over the text whatever the registry's size. The run
reads the real corpus texts once (``make_corpus.base_records`` → the real readers), then times
``Annotator.annotate`` alone over all of them, in one process (one core), for three registries:

project     the sample archive's registry (content/ + the built-in starter registry)
x10         the same plus synthetic persons, ten times as many aliases
x50         fifty times as many aliases

and, as a baseline in the same run, tokenizing the same texts (the floor any matcher pays).
The machine is shared and noisy: the table reports medians of ``--repeat`` runs, measured
round-robin, and ratios to the baseline and to the project registry of the same run. Results
go to stdout and ``benchmarks/results/annotate.md``.

``--ab TREE`` compares this tree's code with another's (e.g. ``git archive`` of the commit
before a speed-up, unpacked) in CPU time, which other jobs on the machine inflate far less
than wall time: ``--rounds`` alternating rounds, each a fresh process per tree
(``annotate_identity.py cpu``) that annotates the corpus twice: the first pass with cold
caches, as a build's worker does, the second with warm ones, as the repeats above.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from archive_gen.annotate import Annotator  # noqa: E402
from archive_gen.annotate.actors import build_index  # noqa: E402
from archive_gen.annotate.candidates import first_names  # noqa: E402
from archive_gen.annotate.matcher import tokenize  # noqa: E402
from archive_gen.errors import Diagnostics  # noqa: E402
from archive_gen.ingest import read_source  # noqa: E402
from archive_gen.model import Actor, Registry  # noqa: E402
from archive_gen.registry import load_registry  # noqa: E402
from make_corpus import base_records  # noqa: E402
from sample_profile import Sampler  # noqa: E402

TODAY = dt.date(2026, 1, 1)


def read_docs(corpus: str) -> list:
    """Every distinct corpus text through the real readers (not timed)."""
    docs = []
    with tempfile.TemporaryDirectory() as tmp:
        for record in base_records(corpus):
            path = Path(tmp) / f"{record.key}{record.suffix}"
            path.write_text(record.body, encoding="utf-8")
            try:
                docs.append(read_source(path, path.name))
            except Exception:  # bad records are bad input; the build reports them, we skip them
                continue
    return docs


def scaled(registry: Registry, factor: int, seed: int = 7) -> Registry:
    """The registry plus synthetic persons (given name + invented surname, with an alias),
    so that it has about ``factor`` times as many aliases. Invented surnames never occur in
    the corpus, so the work per article can only change through the registry's size."""
    if factor <= 1:
        return registry
    rng = random.Random(seed)
    given = sorted(first_names())
    syllables = ["zor", "vak", "quen", "trub", "ilm", "xet", "pog", "wum", "frel", "dax"]
    base = alias_count(registry)
    actors = dict(registry.actors)
    n = 0
    while alias_count(Registry(actors=actors)) < base * factor:
        surname = "".join(rng.choice(syllables) for _ in range(3)).capitalize()
        name = f"{rng.choice(given)} {surname}"
        actors[f"synthetic-{n}"] = Actor(f"synthetic-{n}", name, "person", aliases=(f"{surname}",))
        n += 1
    return replace(registry, actors=actors)


def alias_count(registry: Registry) -> int:
    return sum(1 + len(a.aliases) + len(a.adjectives) + len(a.demonyms) for a in registry.actors.values())


def time_annotate(annotator: Annotator, docs: list) -> float:
    gc.collect()
    start = time.perf_counter()
    for doc in docs:
        annotator.annotate(doc, Diagnostics(), today=TODAY)
    return time.perf_counter() - start


def time_tokenize(docs: list) -> float:
    gc.collect()
    start = time.perf_counter()
    for doc in docs:
        tokenize(doc.text)
    return time.perf_counter() - start


LONG_UNIT = "„Ja“, sagte Wladimir Putin laut APA. Außenminister Hans Muster traf Kim Jong-un. "


def long_article(repeat: int) -> str:
    """How annotation time grows with one article's length (a hostile feed may send a 10 MB
    article): a paragraph dense with names, quotes and candidates, repeated. Each ×4 in length
    should cost about ×4 in time; a quadratic step would show ×16."""
    registry = load_registry(HERE.parent / "content", Diagnostics())
    annotator = Annotator(registry)
    from archive_gen.ingest import wire

    annotator.annotate(wire.parse("date 2024-01-01 " + LONG_UNIT * 50, "warm.txt"), Diagnostics(), today=TODAY)
    rows = ["| repeats | characters | seconds (median) | × time per × length |", "| ---: | ---: | ---: | ---: |"]
    previous = None
    for n in (500, 2000, 8000, 32000):
        doc = wire.parse("date 2024-01-01 " + LONG_UNIT * n, "long.txt")
        times = []
        for _ in range(repeat):
            gc.collect()
            start = time.perf_counter()
            annotator.annotate(doc, Diagnostics(), today=TODAY)
            times.append(time.perf_counter() - start)
        median = statistics.median(times)
        ratio = f"{(median / previous[1]) / (len(doc.text) / previous[0]):.2f}" if previous else ""
        rows.append(f"| {n:,} | {len(doc.text):,} | {median:.2f} | {ratio} |")
        previous = (len(doc.text), median)
    return "\n".join(rows)


# Sentences with a known right split: the hard cases of German and English wire text.
SPLIT_CASES = [
    ("Am 19. Juni kam er. Dann ging er.", ["Am 19. Juni kam er.", "Dann ging er."]),
    ("Die U.S. Army kam. Sie blieb.", ["Die U.S. Army kam.", "Sie blieb."]),
    ("Das gilt z. B. in Wien. Nicht in Graz.", ["Das gilt z. B. in Wien.", "Nicht in Graz."]),
    ("Er sagte: „Wir kommen.“ Dann ging er.", ["Er sagte: „Wir kommen.“", "Dann ging er."]),
    ('He said: "We will come." Then he left.', ['He said: "We will come."', "Then he left."]),
    ("Dr. Müller kam. Er blieb.", ["Dr. Müller kam.", "Er blieb."]),
    ("Das war im Jahr 2015. Wien – Die Stadt wächst.", ["Das war im Jahr 2015.", "Wien – Die Stadt wächst."]),
    ("Es kostet 407 Mio. Euro. Das ist viel.", ["Es kostet 407 Mio. Euro.", "Das ist viel."]),
    ("Sie lief in der 296. Folge. Dann war Schluss.", ["Sie lief in der 296. Folge.", "Dann war Schluss."]),
    ("Angela M. Merkel kam. Sie sprach.", ["Angela M. Merkel kam.", "Sie sprach."]),
    ("The U.S. economy grew 2.1 pct in 1986. Exports rose.", ["The U.S. economy grew 2.1 pct in 1986.", "Exports rose."]),
    ("Er kam nach St. Pölten. Dort blieb er.", ["Er kam nach St. Pölten.", "Dort blieb er."]),
]


def _splitters() -> dict:
    """Name → function(text, language) -> list of sentence strings; the maintained ones if installed."""
    from archive_gen.lang.sentences import split

    found = {"archive-gen regex": lambda text, lang: [text[s:e] for s, e in split(text)]}
    try:
        import syntok.segmenter as syntok

        def syntok_split(text: str, lang: str) -> list[str]:
            return ["".join(t.spacing + t.value for t in sentence).strip()
                    for paragraph in syntok.analyze(text) for sentence in paragraph]
        found["syntok"] = syntok_split
    except ImportError:
        pass
    try:
        import pysbd

        segmenters = {lang: pysbd.Segmenter(language=lang, clean=False) for lang in ("de", "en")}
        found["pysbd"] = lambda text, lang: [s.strip() for s in segmenters[lang].segment(text) if s.strip()]
    except ImportError:
        pass
    return found


def _corpus_paragraphs() -> dict[str, list[str]]:
    import csv
    import json

    corpus = HERE.parent.parent / "shared" / "corpus"
    with (corpus / "derstandard-10kgnad.csv").open(encoding="utf-8", newline="") as handle:
        standard = [row[1] for row in csv.reader(handle, delimiter=";", quotechar="'") if len(row) > 1]
    with (corpus / "wikinews-de.jsonl").open(encoding="utf-8") as handle:
        wikinews = [json.loads(line)["text"] for line in handle]
    with (corpus / "reuters21578.jsonl").open(encoding="utf-8") as handle:
        reuters = [" ".join(r["body"].split()) for line in handle if (r := json.loads(line)).get("body")][:2000]
    return {"derstandard (de)": standard, "wikinews (de)": wikinews, "reuters (en, 2,000)": reuters}


def germeval_pairs() -> list[tuple[str, str]]:
    """Two consecutive GermEval 2014 sentences (gold boundaries: one sentence per record), both
    ending in . ! ? and the second starting with a capital: joined, a splitter must cut between."""
    from evaluate import detokenize, read_germeval

    path = HERE.parent.parent / "shared" / "corpus" / "germeval2014-dev.tsv"
    texts = [detokenize(s.tokens)[0] for s in read_germeval(path)]
    return [(a, b) for a, b in zip(texts[::2], texts[1::2])
            if a.rstrip("\"“”»«'")[-1:] in ".!?" and b[:1].isupper() and len(a) > 20 and len(b) > 20]


def _pair_score(split, pairs: list[tuple[str, str]]) -> float:
    """Share of pairs cut exactly between the two sentences (not inside one, not missed)."""
    return sum(split(f"{a} {b}", "de") == [a, b] for a, b in pairs) / len(pairs)


def compare_splitters() -> str:
    """Cases right, GermEval boundaries, sentences and time per corpus for each splitter."""
    splitters = _splitters()
    corpora = _corpus_paragraphs()
    pairs = germeval_pairs()
    lines = [f"| splitter | hard cases right | GermEval pairs ({len(pairs)}) cut right | "
             + " | ".join(f"{name}: sentences, s" for name in corpora) + " |",
             "| --- | ---: | ---: |" + " ---: |" * len(corpora)]
    for name, split in splitters.items():
        right = sum(split(text, "en" if text.isascii() else "de") == expected for text, expected in SPLIT_CASES)
        cells = [f"{_pair_score(split, pairs):.1%}"]
        for corpus, texts in corpora.items():
            lang = "en" if "(en" in corpus else "de"
            start = time.perf_counter()
            count = sum(len(split(text, lang)) for text in texts)
            cells.append(f"{count:,}, {time.perf_counter() - start:.2f}")
        lines.append(f"| {name} | {right}/{len(SPLIT_CASES)} | " + " | ".join(cells) + " |")
    wrong = {name: [t for t, e in SPLIT_CASES if split(t, "en" if t.isascii() else "de") != e]
             for name, split in splitters.items()}
    lines += ["", *(f"- {name} misses: {', '.join(repr(t[:30]) for t in texts) or 'none'}"
                    for name, texts in wrong.items())]
    return "\n".join(lines)


def cpu_ab(other: Path, corpus: str, rounds: int) -> str:
    """Articles per CPU-second of this tree and ``other``, alternating fresh processes."""
    trees = {"this tree": HERE.parent, str(other): other.resolve()}
    passes: dict[str, list[list[float]]] = {name: [[], []] for name in trees}
    articles = 0
    for _ in range(rounds):
        for name, tree in trees.items():
            out = subprocess.run([sys.executable, str(HERE / "annotate_identity.py"), "cpu", "--code", str(tree),
                                  "--corpus", corpus, "--repeat", "2"], check=True, capture_output=True, text=True)
            result = json.loads(out.stdout.splitlines()[-1])
            articles = result["articles"]
            for k, seconds in enumerate(result["cpu_seconds"]):
                passes[name][k].append(articles / seconds)
    this, that = (passes[name] for name in trees)
    lines = [f"# Annotation, articles per CPU-second ({corpus}, {articles} articles, median of {rounds} alternating rounds)",
             "", "| code | first pass (cold caches) | second pass (warm) | all rounds, first pass |",
             "| --- | ---: | ---: | --- |"]
    for name, (cold, warm) in passes.items():
        lines.append(f"| {name} | {statistics.median(cold):,.0f} | {statistics.median(warm):,.0f} | "
                     f"{', '.join(f'{v:,.0f}' for v in cold)} |")
    lines.append(f"| ratio | {statistics.median(this[0]) / statistics.median(that[0]):.2f} | "
                 f"{statistics.median(this[1]) / statistics.median(that[1]):.2f} | |")
    return "\n".join(lines)


def sampled_profile(corpus: str, repeat: int) -> str:
    """Warm annotation (one pass first, not sampled) under the sampling profiler: the honest
    split of the time, where cProfile inflates code made of many small calls."""
    docs = read_docs(corpus)[:3000]
    annotator = Annotator(load_registry(HERE.parent / "content", Diagnostics()), corpus)
    for doc in docs:
        annotator.annotate(doc, Diagnostics(), today=TODAY)
    with Sampler() as sampler:
        for _ in range(repeat):
            for doc in docs:
                annotator.annotate(doc, Diagnostics(), today=TODAY)
    return f"# Where warm annotation's CPU time goes ({corpus}, {len(docs)} articles × {repeat})\n\n" + sampler.report()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=("de", "en"), default="de")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--long", action="store_true", help="time one growing article instead of the corpus")
    parser.add_argument("--sentences", action="store_true", help="compare sentence splitters on the corpora")
    parser.add_argument("--ab", type=Path, metavar="TREE", help="CPU time against the code of another tree")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds for --ab")
    parser.add_argument("--sample", action="store_true", help="where warm annotation's CPU time goes (sampled)")
    args = parser.parse_args(argv)
    if args.sample:
        print(sampled_profile(args.corpus, args.repeat))
        return 0
    if args.ab:
        report = cpu_ab(args.ab, args.corpus, args.rounds)
        print(report)
        (HERE / "results").mkdir(exist_ok=True)
        (HERE / "results" / f"annotate-ab-{args.corpus}.md").write_text(report + "\n", encoding="utf-8")
        return 0
    if args.sentences:
        print(compare_splitters())
        return 0
    if args.long:
        report = "# Annotation time against article length\n\n" + long_article(args.repeat)
        print(report)
        (HERE / "results").mkdir(exist_ok=True)
        (HERE / "results" / "annotate-long.md").write_text(report + "\n", encoding="utf-8")
        return 0

    docs = read_docs(args.corpus)
    if args.corpus == "en":
        docs = docs[:3000]
    base_registry = load_registry(HERE.parent / "content", Diagnostics())
    rows = []
    annotators = {}
    for factor in args.factors:
        registry = scaled(base_registry, factor)
        start = time.perf_counter()
        annotator = Annotator(registry)
        setup = time.perf_counter() - start
        annotators[factor] = annotator
        rows.append({"factor": factor, "aliases": alias_count(registry), "forms": len(build_index(registry.actors)),
                     "setup": setup, "times": []})
    baseline = []
    annotators[args.factors[0]].annotate(docs[0], Diagnostics(), today=TODAY)  # warm caches (first names)
    for _ in range(args.repeat):
        baseline.append(time_tokenize(docs))
        for row in rows:
            row["times"].append(time_annotate(annotators[row["factor"]], docs))

    n = len(docs)
    base_median = statistics.median(baseline)
    first = statistics.median(rows[0]["times"])
    lines = [
        f"# Annotation throughput ({args.corpus}, {n} articles, median of {args.repeat}, one core)",
        "",
        "| registry | aliases | surface forms | index build s | articles/s | × tokenize-only time | × project registry time |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| (baseline: tokenize only) | | | | {n / base_median:,.0f} | 1.00 | |",
    ]
    for row in rows:
        median = statistics.median(row["times"])
        label = "project" if row["factor"] == 1 else f"×{row['factor']} (synthetic persons)"
        lines.append(f"| {label} | {row['aliases']:,} | {row['forms']:,} | {row['setup']:.2f} | {n / median:,.0f} | "
                     f"{median / base_median:.1f} | {median / first:.2f} |")
    report = "\n".join(lines)
    print(report)
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / f"annotate-{args.corpus}.md").write_text(report + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
