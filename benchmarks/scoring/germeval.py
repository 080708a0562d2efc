"""GermEval 2014: entity spans per sentence (see evaluate.py for the scoring design)."""

from __future__ import annotations

import collections
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from archive_gen.annotate import Annotator
from archive_gen.errors import Diagnostics
from archive_gen.ingest import wire

from .common import CountryLexicon, KINDS, Score, Span, add_scores, inside, overlaps, predictions, score_spans


GOLD_KINDS = frozenset(KINDS)
COMPATIBLE = {  # registry kind class -> gold labels a linked mention may rightly overlap
    "PER": frozenset({"PER", "PERpart", "PERderiv"}),
    "LOC": frozenset({"LOC", "LOCderiv", "LOCpart"}),
    # GermEval tags an institution used as a place as LOC ("in die EU", "der Kreml"): the link
    # to the institution is still right.
    "ORG": frozenset({"ORG", "ORGpart", "ORGderiv", "LOC", "LOCpart"}),
}
_NO_SPACE_BEFORE = frozenset(".,;:!?)]}%…“«")
_NO_SPACE_AFTER = frozenset("([{„»")


@dataclass
class Sentence:
    url: str
    date: str
    tokens: list[str] = field(default_factory=list)
    outer: list[str] = field(default_factory=list)
    inner: list[str] = field(default_factory=list)


def read_germeval(path: Path) -> list[Sentence]:
    sentences: list[Sentence] = []
    current: Sentence | None = None
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            line = line.rstrip("\n")
            if line.startswith("#\t"):
                parts = line.split("\t")
                date = parts[2].strip("[]") if len(parts) > 2 else ""
                current = Sentence(parts[1] if len(parts) > 1 else "", date)
                sentences.append(current)
            elif line.strip() and current is not None:
                _, token, outer, inner = line.split("\t")[:4]
                current.tokens.append(token)
                current.outer.append(outer)
                current.inner.append(inner)
    return sentences


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(first token, last token, label) of each B-/I- span; a stray I- starts a span."""
    spans: list[tuple[int, int, str]] = []
    for i, tag in enumerate(tags):
        if tag == "O" or "-" not in tag:
            continue
        prefix, label = tag.split("-", 1)
        if prefix == "I" and spans and spans[-1][1] == i - 1 and spans[-1][2] == label:
            spans[-1] = (spans[-1][0], i, label)
        else:
            spans.append((i, i, label))
    return spans


def detokenize(tokens: list[str]) -> tuple[str, list[Span]]:
    """A readable sentence from tokens, and each token's (start, end) in it."""
    parts: list[str] = []
    offsets: list[Span] = []
    pos = 0
    open_quote = False
    prev = ""
    for token in tokens:
        space = bool(parts)
        if token in _NO_SPACE_BEFORE or prev in _NO_SPACE_AFTER:
            space = False
        if token == '"':
            if open_quote:
                space = False
            open_quote = not open_quote
        elif prev == '"' and open_quote:
            space = False
        if space:
            parts.append(" ")
            pos += 1
        parts.append(token)
        offsets.append((pos, pos + len(token)))
        pos += len(token)
        prev = token
    return "".join(parts), offsets


def align(tokens: list[str], offsets: list[Span], built: str, text: str) -> list[Span | None]:
    """Token offsets in ``text`` (the parsed document) for tokens placed in ``built``."""
    if built == text:
        return list(offsets)
    result: list[Span | None] = []
    pos = 0
    for token in tokens:
        found = text.find(token, pos)
        if found < 0 or found - pos > 40:
            result.append(None)
            continue
        result.append((found, found + len(token)))
        pos = found + len(token)
    return result


def germeval_doc(sentence: Sentence, index: int):
    text, offsets = detokenize(sentence.tokens)
    date = sentence.date if re.fullmatch(r"\d{4}-\d{2}-\d{2}", sentence.date) else "2009-01-01"
    doc = wire.parse(f"date {date}\n{text}", f"germeval/{index:04d}.txt")
    return doc, align(sentence.tokens, offsets, text, doc.text)


def char_spans(spans: list[tuple[int, int, str]], tokens: list[Span | None]) -> list[tuple[int, int, str]]:
    out = []
    for first, last, label in spans:
        a, b = tokens[first], tokens[last]
        if a is None or b is None:
            placed = [t for t in tokens[first:last + 1] if t is not None]
            if not placed:
                continue
            a, b = placed[0], placed[-1]
        out.append((a[0], b[1], label))
    return out


@dataclass
class GermEvalResult:
    exact: dict[str, Score] = field(default_factory=dict)
    partial: dict[str, Score] = field(default_factory=dict)
    linked: Score = field(default_factory=Score)  # target 1 (only pred / pred_hit used)
    linked_inner: int = 0  # wrong links that sit on a compatible inner-level span
    sources: Score = field(default_factory=Score)  # registry sources, same rule as target 1
    countries: Score = field(default_factory=Score)  # target 3 (only gold / gold_hit used)
    country_sources: collections.Counter = field(default_factory=collections.Counter)
    docs: int = 0
    seconds: float = 0.0
    errors: dict[str, list] = field(default_factory=lambda: collections.defaultdict(list))


def evaluate_germeval(path: Path, annotator: Annotator, countries: CountryLexicon,
                      limit: int | None = None) -> GermEvalResult:
    registry = annotator.registry
    result = GermEvalResult()
    sentences = read_germeval(path)[:limit]
    for index, sentence in enumerate(sentences):
        start = time.perf_counter()
        doc, tokens = germeval_doc(sentence, index)
        article = annotator.annotate(doc, Diagnostics())
        result.seconds += time.perf_counter() - start
        result.docs += 1
        text = doc.text
        outer = char_spans(bio_spans(sentence.outer), tokens)
        inner = char_spans(bio_spans(sentence.inner), tokens)
        gold = [g for g in outer if g[2] in GOLD_KINDS]
        neutral = [g[:2] for g in outer if g[2] not in GOLD_KINDS] + [g[:2] for g in inner]
        preds = predictions(article, registry)
        pred_spans = [(p.start, p.end, p.kind) for p in preds]
        add_scores(result.exact, score_spans(gold, pred_spans, neutral))
        add_scores(result.partial, score_spans(gold, pred_spans, neutral, partial=True))
        _score_linked(result, preds, outer, inner, text)
        _record_errors(result, preds, gold, outer, neutral, text)
        _score_countries(result, preds, gold, countries, text)
    return result


def _show(text: str, span: Span) -> str:
    return text[span[0]:span[1]]


def _score_linked(result: GermEvalResult, preds, outer, inner, text: str) -> None:
    """Target 1: linked actors (and, apart, linked sources) on a gold entity of a compatible class."""
    for p in preds:
        if p.origin not in ("linked", "source"):
            continue
        cls = p.kind[:3] if p.origin == "linked" else "ORG"
        right = any(g[2] in COMPATIBLE[cls] and overlaps((p.start, p.end), g[:2]) for g in outer)
        score = result.linked if p.origin == "linked" else result.sources
        score.pred += 1
        score.pred_hit += right
        if not right:
            on_inner = any(g[2] in COMPATIBLE[cls] and overlaps((p.start, p.end), g[:2]) for g in inner)
            result.linked_inner += on_inner and p.origin == "linked"
            gold_here = [f"{_show(text, g[:2])}/{g[2]}" for g in outer if overlaps((p.start, p.end), g[:2])]
            result.errors[f"wrong {p.origin}"].append(
                {"text": _show(text, (p.start, p.end)), "target": p.target, "how": p.how,
                 "gold": gold_here, "inner": on_inner, "sentence": text})


def _record_errors(result: GermEvalResult, preds, gold, outer, neutral, text: str) -> None:
    """Per-kind misses and false positives (partial), for the error analysis."""
    for g in gold:
        if not any(p.kind == g[2] and overlaps((p.start, p.end), g[:2]) for p in preds):
            other = [f"{_show(text, (p.start, p.end))}/{p.kind}" for p in preds if overlaps((p.start, p.end), g[:2])]
            result.errors[f"missed {g[2]}"].append({"text": _show(text, g[:2]), "predicted": other, "sentence": text})
    for p in preds:
        if any(p.kind == g[2] and overlaps((p.start, p.end), g[:2]) for g in gold):
            continue
        if any(inside((p.start, p.end), n) for n in neutral):
            continue
        gold_here = [f"{_show(text, g[:2])}/{g[2]}" for g in outer if overlaps((p.start, p.end), g[:2])]
        result.errors[f"false {p.kind}"].append(
            {"text": _show(text, (p.start, p.end)), "origin": p.origin, "target": p.target, "how": p.how,
             "gold": gold_here, "sentence": text})


def _score_countries(result: GermEvalResult, preds, gold, countries: CountryLexicon, text: str) -> None:
    """Target 3: countries, adjectives included."""
    linked_places = [(p.start, p.end) for p in preds if p.origin == "linked" and p.actor_kind in ("state", "place")]
    for g in gold:
        if g[2] not in ("LOC", "LOCderiv"):
            continue
        why = countries.classify(_show(text, g[:2]), g[2])
        if why is None:
            if g[2] == "LOCderiv":
                result.errors["LOCderiv not counted as country"].append({"text": _show(text, g[:2])})
            continue
        result.country_sources[why] += 1
        result.countries.gold += 1
        found = any(overlaps(g[:2], s) for s in linked_places)
        result.countries.gold_hit += found
        if not found:
            result.errors["missed country"].append({"text": _show(text, g[:2]), "label": g[2], "why": why,
                                                    "sentence": text})
