"""Counting, text helpers, predictions and the country lexicon shared by the datasets."""

from __future__ import annotations

import collections
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from archive_gen.model import Article, Registry

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus"
GERMEVAL = "germeval2014-dev.tsv"
WIKINEWS = "wikinews-de.jsonl"
REUTERS = "reuters21578.jsonl"
DERSTANDARD = "derstandard-10kgnad.csv"
DATASETS = ("germeval", "wikinews", "reuters", "derstandard", "articles")

KINDS = ("PER", "ORG", "LOC", "LOCderiv")
TARGETS = {"linked_precision": 0.95, "persons": 0.85, "countries_recall": 0.95}

# ---------------------------------------------------------------------------- counting


@dataclass
class Score:
    """Counts for one row: gold items, predictions counted, and how many of each matched."""

    gold: int = 0
    pred: int = 0
    gold_hit: int = 0
    pred_hit: int = 0

    def add(self, other: "Score") -> None:
        self.gold += other.gold
        self.pred += other.pred
        self.gold_hit += other.gold_hit
        self.pred_hit += other.pred_hit

    @property
    def precision(self) -> float | None:
        return self.pred_hit / self.pred if self.pred else None

    @property
    def recall(self) -> float | None:
        return self.gold_hit / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"gold": self.gold, "predicted": self.pred, "gold_matched": self.gold_hit,
                "predicted_matched": self.pred_hit, "precision": _round(self.precision),
                "recall": _round(self.recall), "f1": _round(self.f1)}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


Span = tuple[int, int]


@dataclass(frozen=True)
class Pred:
    """A predicted span: kind (PER/ORG/LOC/LOCderiv) and where it came from."""

    start: int
    end: int
    kind: str
    origin: str  # "linked" | "source" | "candidate"
    target: str = ""  # actor/source id, or the candidate's name
    actor_kind: str = ""  # registry kind for linked actors
    how: str = ""


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def inside(a: Span, b: Span) -> bool:
    return b[0] <= a[0] and a[1] <= b[1]


def score_spans(gold: Iterable[tuple[int, int, str]], preds: Iterable[tuple[int, int, str]],
                neutral: Iterable[Span] = (), partial: bool = False) -> dict[str, Score]:
    """Per-kind span scores of one document.

    exact: a prediction matches a gold span of its kind with the same offsets; partial: one
    it overlaps. A prediction that matches nothing and lies inside a neutral span is not
    counted.
    """
    gold = sorted(set(gold))
    preds = sorted(set(preds))
    neutral = list(neutral)
    scores: dict[str, Score] = collections.defaultdict(Score)

    def hit(p: tuple[int, int, str], g: tuple[int, int, str]) -> bool:
        if p[2] != g[2]:
            return False
        return overlaps(p[:2], g[:2]) if partial else p[:2] == g[:2]

    for g in gold:
        s = scores[g[2]]
        s.gold += 1
        s.gold_hit += any(hit(p, g) for p in preds)
    for p in preds:
        matched = any(hit(p, g) for g in gold)
        if not matched and any(inside(p[:2], n) for n in neutral):
            continue
        s = scores[p[2]]
        s.pred += 1
        s.pred_hit += matched
    return dict(scores)


def add_scores(total: dict[str, Score], part: dict[str, Score]) -> None:
    for kind, score in part.items():
        total.setdefault(kind, Score()).add(score)


# ---------------------------------------------------------------------------- text helpers

_UMLAUT = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
WORD_RE = re.compile(r"\w+")


def fold(text: str, umlaut: str = "a") -> str:
    """Lowercase, umlauts folded (``a``: ä → a; ``ae``: ä → ae), other accents removed,
    every run of non-letters one space."""
    text = text.casefold().translate(_UMLAUT if umlaut == "a" else _TRANSLIT)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(re.findall(r"[^\W_]+", text))


def occurrences(text: str, name: str) -> Iterator[Span]:
    """Whole-word occurrences of ``name`` in ``text``."""
    for match in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
        yield match.start(), match.end()


# ---------------------------------------------------------------------------- predictions


def kind_of_actor(actor_kind: str, how: str) -> str:
    if actor_kind == "person":
        return "PER"
    if actor_kind in ("state", "place"):
        return "LOCderiv" if how in ("adjective", "demonym") else "LOC"
    return "ORG"


CANDIDATE_KINDS = {"person": "PER", "place": "LOC", "state": "LOC", "organization": "ORG",
                   "org": "ORG", "group": "ORG", "party": "ORG"}


def predictions(article: Article, registry: Registry) -> list[Pred]:
    """Linked actor mentions, source mentions and located candidates of one article."""
    preds = []
    for m in article.mentions:
        actor_kind = registry.actors[m.id].kind
        preds.append(Pred(m.start, m.end, kind_of_actor(actor_kind, m.how), "linked", m.id, actor_kind, m.how))
    for m in article.source_mentions:
        preds.append(Pred(m.start, m.end, "ORG", "source", m.id, "source", m.how))
    covered = [(p.start, p.end) for p in preds]
    text = article.doc.text
    found: list[Pred] = []
    for c in sorted(article.candidates, key=lambda c: (-len(c.name), c.name)):  # longest name first
        kind = CANDIDATE_KINDS.get(c.kind)
        if kind is None:
            continue
        spans = tuple(getattr(c, "spans", ()) or ()) or tuple(occurrences(text, c.name))
        for span in spans:
            if any(overlaps(span, o) for o in covered):
                continue
            found.append(Pred(span[0], span[1], kind, "candidate", c.name, c.kind))
            covered.append(span)
    return sorted(preds + found, key=lambda p: (p.start, p.end, p.kind, p.target))


# ---------------------------------------------------------------------------- countries

# Two-letter CLDR codes that are no country: pseudo-locales, unions, unknown, uninhabited
# or administrative special areas.
NOT_COUNTRIES = frozenset("EU EZ UN QO XA XB ZZ AQ AC CP DG EA IC TA UM".split())
ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")
DEMONYM_ENDINGS = ("", "in", "innen", "n", "s", "en", "nen")
# The end of a country name that its German derivations drop: Deutsch|land → deutsch,
# Argentin|ien → Argentinier, Türk|ei → türkisch, Afghan|istan → afghanisch, Kub|a → kubanisch.
NAME_ENDINGS = (("istan", 5), ("stan", 4), ("land", 4), ("ien", 3), ("ei", 2), ("en", 2), ("ia", 2),
                ("rn", 1), ("a", 1), ("e", 1), ("i", 1), ("o", 1))
MIN_STEM = 3
# What follows the stem in a derived word: a short linking part, then an adjective or demonym
# suffix and its inflection (chin|es|isch, keni|an|isch, argentin|ier, schweiz|er, pol|e).
DERIVED_REST = re.compile(r"[a-z]{0,4}?(?:isch|er|e|ote|in)(?:e|en|er|es|em|in|innen|n|s)?")


def name_stem(name: str) -> str:
    for ending, drop in NAME_ENDINGS:
        if name.endswith(ending):
            return name[:-drop]
    return name


def deinflect(words: list[str]) -> list[str]:
    """German adjective inflection off each word: ``vereinigten`` → ``vereinigte``."""
    out = []
    for w in words:
        if len(w) > 4 and w[-2:] in ("en", "er", "es", "em"):
            w = w[:-1]
        out.append(w)
    return out


class CountryLexicon:
    """Decides whether a gold span names a country (see the module docstring, target 3)."""

    def __init__(self, registry: Registry):
        from babel import Locale

        self.names: dict[str, str] = {}  # folded name -> source ("cldr" | "registry")
        german: set[str] = set()
        for locale in ("de", "en"):
            for code, name in sorted(Locale.parse(locale).territories.items()):
                if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES:
                    self.names.setdefault(fold(name), "cldr")
                    if locale == "de":
                        german.add(fold(name))
        self.derived: dict[str, str] = {}  # folded adjective/demonym form -> "registry"
        for actor in sorted(registry.actors.values(), key=lambda a: a.id):
            if actor.kind != "state":
                continue
            for name in (actor.name, *actor.aliases):
                self.names.setdefault(fold(name), "registry")
            for stem in actor.adjectives:  # German endings on German stems only ("indian" + "er" is no form)
                for ending in ADJECTIVE_ENDINGS if stem.endswith("sch") else ("",):
                    self.derived.setdefault(fold(stem + ending), "registry")
            for demonym in actor.demonyms:
                for ending in DEMONYM_ENDINGS:
                    self.derived.setdefault(fold(demonym + ending), "registry")
        german |= {n for n, source in self.names.items() if source == "registry"}
        for name, source in list(self.names.items()):  # "vereinigtes konigreich" → "vereinigte …"
            words = name.split()
            self.names.setdefault(" ".join(deinflect(words[:-1]) + words[-1:]), source)
        # stems of one-word German names (CLDR German and the registry) for the derivation rule;
        # True when the name lost an ending ("deutsch" of Deutschland is derived as it stands)
        self.stems: dict[str, bool] = {}
        for name in sorted(n for n in german if " " not in n):
            stem = name_stem(name)
            if len(stem) >= MIN_STEM:
                self.stems[stem] = self.stems.get(stem, False) or stem != name

    def classify(self, text: str, label: str = "LOCderiv") -> str | None:
        """Why ``text`` names a country ("cldr", "registry", "derived"), or None. The
        derivation rule applies to derived forms (LOCderiv) only, never to names (LOC)."""
        folded = fold(text)
        if not folded:
            return None
        words = folded.split()
        variants = []
        # adjectives before the noun uninflected (Vereinigten Staaten), then the genitive off
        # the end (Nordkoreas, Griechenlandes, Vereinigten Königreichs)
        for base in dict.fromkeys((folded, " ".join(deinflect(words[:-1]) + words[-1:]))):
            variants.append(base)
            variants += [base[: -len(g)] for g in ("s", "es") if base.endswith(g)]
        for v in variants:
            if v in self.names:
                return self.names[v]
            if v in self.derived:
                return self.derived[v]
        if label != "LOCderiv":
            return None
        for word in words:  # "kroatisch-bosniakischen": each part
            for stem, shortened in self.stems.items():
                if word.startswith(stem):
                    rest = word[len(stem):]
                    if (not rest and shortened) or (rest and DERIVED_REST.fullmatch(rest)):
                        return "derived"
        return None
