#!/usr/bin/env python3
"""Annotation quality: score the annotator against real gold data (precision, recall, F1).

    python benchmarks/evaluate.py [--registry DIR] [--limit N] [--json OUT] [--errors OUT] [--rev REV]

Every document goes through the real pipeline: text → ``wire.parse`` / ``markdown.parse``
(as in ``tests/test_corpus_annotate.py``) → ``Annotator.annotate``; the scores compare the
resulting ``Article`` with the gold labels. The registry is whatever ``load_registry`` gives
for ``--registry`` (default: the project's ``content/``). Nothing here is tuned to the
evaluation sets; names the registry does not know count as misses.

Scoring design
==============

Counting. For every row, P = predictions that match gold / predictions counted,
R = gold items matched by a prediction / gold items, F1 their harmonic mean. "exact" means the
same characters; "partial" means the spans share at least one character (token overlap).

GermEval 2014 (``germeval2014-dev.tsv``, German news and Wikipedia sentences)
  * Unit: one sentence = one document. No two consecutive sentences of the file share a URL
    (the 2,200 sentences come from 2,183 pages, never adjacent), so there is no document
    context to rebuild; short forms that need an earlier full name ("Kim" after "Kim
    Jong-un") cannot be found here and count as misses.
  * Text: the tokens joined by single spaces, without a space before closing punctuation or
    after opening brackets/quotes; the document is ``wire.parse("date <sentence date>\\n" +
    text)``. Gold token offsets are aligned to ``doc.text`` (a token the reader dropped, e.g.
    a sign-off, cannot be predicted and stays a miss).
  * Gold: outer-level BIO spans labelled PER, ORG, LOC and LOCderiv. Everything else GermEval
    marks is *neutral*: outer OTH, the ``*part`` tags (``Nato-Generalsekretär`` ORGpart),
    PERderiv/ORGderiv/OTHderiv, and every inner-level span (``Deutsche`` in ``Deutsche Bank``).
    A prediction that is not a true positive and lies entirely inside a neutral span is not
    counted at all (neither right nor wrong): GermEval deliberately does not score those.
  * Predictions: linked actor mentions by actor kind (person → PER; state/place → LOC, or
    LOCderiv when the mention matched an adjective or demonym form; every other kind:
    organization, group, party … → ORG), registry source mentions (agencies, outlets → ORG),
    and candidates (person → PER, place → LOC, organization/group/party → ORG) at the places
    the annotator gives (``Candidate.spans``; for a candidate without spans, each whole-word
    occurrence of its name), except where a linked mention already stands.
  * Target 1, linked-actor precision: a linked actor mention is right when it overlaps an
    outer-level gold span of a compatible class: person ↔ PER/PERpart/PERderiv, state/place ↔
    LOC/LOCderiv/LOCpart (LOC and LOCderiv are interchangeable here: the link goes to the same
    country either way), other kinds ↔ ORG/ORGpart/ORGderiv and also LOC/LOCpart (GermEval tags
    an institution used as a place as LOC: "in die EU", "der Kreml"; the link is still right).
    Anything else is wrong, including a mention inside an OTH or an ORG name ("Deutsche" of
    "Deutsche Bank" linked to Germany, "Swiss" of "Swiss Life") and one where GermEval marks
    nothing ("Nahen Osten", "Bundeswehr": unannotated gold shows up here, see ``--errors``).
    How many of the wrong ones sit on an inner-level span of a compatible class is printed.
  * Target 2, persons found: the PER row, partial match: linked persons + person candidates.
  * Target 3, countries incl. adjectives: recall of gold LOC/LOCderiv spans that denote a
    country, counting one as found when a linked state/place mention overlaps it. Whether a
    gold span is a country is decided from the gold text alone, by sources that do not depend
    on the annotator's output: (a) Babel's CLDR territory names (German and English; two-letter
    codes, without pseudo and supranational codes), exact after case/umlaut folding, with a
    genitive ``-s`` or German adjective inflection removed (``Vereinigten`` → ``Vereinigte``);
    (b) the registry's states: names and aliases like (a), adjective stems with the endings
    -e/-en/-er/-es/-em (German ``…sch`` stems only), demonyms with -in/-innen/-n/-s/-en;
    (c) for LOCderiv only, a derivation rule on the one-word German names of (a) and (b): the
    name loses its ending (-land, -ien, -istan, -ei, -en, -a …: Deutsch|land, Argentin|ien,
    Kub|a), and the word is that stem plus at most four linking letters and an adjective or
    demonym suffix (deutsch, Argentin|ier, keni|an|isch, Schweiz|er, Finn|en). (b) depends on
    the registry, so an adjective of a country the registry lacks and (c) cannot derive (an
    irregular one: griechisch, zypriotisch, irisch) is left out of this row's gold, never
    counted as found; the LOCderiv spans not counted as countries are listed with ``--errors``
    so the classification can be checked.

German Wikinews quotes (``wikinews-de.jsonl``)
  * Documents: each record as the Markdown file it would become (front matter title and date,
    ``markdown.parse``). Records whose Wikinews id is one of the sample archive's articles
    (``<registry>/articles/**/*.md``, ``source_url`` ``curid=…``) are skipped: the registry was
    built from them. A record the pipeline rejects (the one ``0001-01-01`` date) is skipped.
  * Gold in scope: quotes whose speaker is *named*: the speaker phrase contains an acronym
    (``SPD``, ``BBC``) or a capitalised word that somewhere in the article follows another
    capitalised word that is no function word (``Angela Merkel``, ``Human Rights Watch``). So a
    bare ``Gall`` counts when the article introduced ``Ingrid Gall``, while ``Die Polizei``,
    ``Er``, ``Beobachter`` or ``der Papst`` (a role word before ``Papst Benedikt``) do not.
    Names with a particle (``von der Leyen``) are missed by this rule and left out.
  * Row "direct quotes": the annotator's ``Quote`` objects (text in quotation marks) against
    gold quotes of type ``Direct``. Row "all quote types": ``Quote`` and ``Claim`` objects
    (reported statements, ``nach Angaben …``, ``…, sagte X``) against every gold type.
  * Matching: a ``Quote`` belongs to a gold quote when at least 60% of its word tokens (and two
    or more, unless it is one word) are in the gold quote; a ``Claim`` (a whole sentence) when
    at least 60% of the gold quote's tokens are in the sentence. Of several, the most similar
    gold quote wins (Dice coefficient of the token bags), so a direct quote nested in an
    annotated indirect report goes to the direct one.
  * Speaker: a ``Quote`` is attributed to its ``speaker`` (a registry actor: its name and
    aliases) or else its ``speaker_name``; its ``via`` is the channel, not a speaker. A ``Claim``
    is attributed to its ``speaker``, or else to its ``via`` source (``Laut BBC …``: the source
    is who the statement comes from). Right when the surname (last capitalised word) of our
    speaker's name or of one of its aliases is a word of the gold speaker phrase (``Merkel`` in
    ``Bundeskanzlerin Angela Merkel``; a shared first name is not enough; umlauts folded).
  * P = right / (our attributed items on named-speaker gold quotes + our attributed items on no
    gold quote at all); attributions on gold quotes with an unnamed speaker (``er``) cannot be
    checked and are not counted. R = named-speaker gold quotes with a right attribution /
    named-speaker gold quotes.

Reuters-21578 (``reuters21578.jsonl``, English), document level
  * Documents: the stories of the TEST split (ModLewis) that have a body and people or place
    labels; ``wire.parse("date …\\n" + dateline + body)``, paragraphs split at the indents as
    ``benchmarks/make_corpus.py`` does.
  * people (stories with people labels): our persons = linked person actors (name and
    aliases) + person candidates. A person matches a label (``reagan``, ``james-baker``,
    ``perez-de-cuellar``) when the label, folded, is the tail of the name (``Javier Perez de
    Cuellar``), or both begin and end with the same word (``James A. Baker``), or the name is
    a bare surname.
  * places (stories with place labels): our places = linked actors of kind state (Reuters'
    place labels are countries), compared through the actor's name and aliases folded to the
    label form (``United States`` → ``united-states``, ``USA`` → ``usa``). A label no registry
    form folds to (``west-germany``, ``uk`` without a "UK" alias) is a miss.
  * Labels come from a closed list. A prediction that matches no label of its story and also
    no label anywhere in the corpus cannot be right or wrong and is not counted (the notes say how
    many; the "every prediction counted" rows count them as wrong, a lower bound of P); one
    whose name is in the label set but not in the story is wrong.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

REPO = Path(__file__).resolve().parents[1]
# The code under test: the working tree, or (``--rev``) a commit extracted into a temporary
# directory, which the re-run of this script gets through this variable.
CODE = Path(os.environ.get("EVALUATE_CODE") or REPO)
sys.path.insert(0, str(CODE))

from archive_gen import front_matter  # noqa: E402
from archive_gen.annotate import Annotator  # noqa: E402
from archive_gen.errors import ContentError, Diagnostics  # noqa: E402
from archive_gen.ingest import markdown, wire  # noqa: E402
from archive_gen.model import Article, Registry  # noqa: E402
from archive_gen.registry import load_registry  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"
GERMEVAL = "germeval2014-dev.tsv"
WIKINEWS = "wikinews-de.jsonl"
REUTERS = "reuters21578.jsonl"
DERSTANDARD = "derstandard-10kgnad.csv"
DATASETS = ("germeval", "wikinews", "reuters", "derstandard")

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


# ---------------------------------------------------------------------------- GermEval

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

        def show(span: Span) -> str:
            return text[span[0]:span[1]]

        # target 1: linked actors (and, apart, linked sources)
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
                gold_here = [f"{show(g[:2])}/{g[2]}" for g in outer if overlaps((p.start, p.end), g[:2])]
                result.errors[f"wrong {p.origin}"].append(
                    {"text": show((p.start, p.end)), "target": p.target, "how": p.how,
                     "gold": gold_here, "inner": on_inner, "sentence": text})
        # per-kind misses and false positives (partial), for the error analysis
        for g in gold:
            if not any(p.kind == g[2] and overlaps((p.start, p.end), g[:2]) for p in preds):
                other = [f"{show((p.start, p.end))}/{p.kind}" for p in preds if overlaps((p.start, p.end), g[:2])]
                result.errors[f"missed {g[2]}"].append({"text": show(g[:2]), "predicted": other, "sentence": text})
        for p in preds:
            if any(p.kind == g[2] and overlaps((p.start, p.end), g[:2]) for g in gold):
                continue
            if any(inside((p.start, p.end), n) for n in neutral):
                continue
            gold_here = [f"{show(g[:2])}/{g[2]}" for g in outer if overlaps((p.start, p.end), g[:2])]
            result.errors[f"false {p.kind}"].append(
                {"text": show((p.start, p.end)), "origin": p.origin, "target": p.target, "how": p.how,
                 "gold": gold_here, "sentence": text})
        # target 3: countries, adjectives included
        linked_places = [(p.start, p.end) for p in preds
                         if p.origin == "linked" and p.actor_kind in ("state", "place")]
        for g in gold:
            if g[2] not in ("LOC", "LOCderiv"):
                continue
            why = countries.classify(show(g[:2]), g[2])
            if why is None:
                if g[2] == "LOCderiv":
                    result.errors["LOCderiv not counted as country"].append({"text": show(g[:2])})
                continue
            result.country_sources[why] += 1
            result.countries.gold += 1
            found = any(overlaps(g[:2], s) for s in linked_places)
            result.countries.gold_hit += found
            if not found:
                result.errors["missed country"].append({"text": show(g[:2]), "label": g[2], "why": why,
                                                        "sentence": text})
    return result


# ---------------------------------------------------------------------------- Wikinews quotes

# Words that are no names even when capitalised (sentence starts, pronouns, determiners).
FUNCTION_WORDS = frozenset(
    """der die das den dem des ein eine einen einem einer eines er sie es ihr ihm ihn ihnen wir ich
    man dieser diese dieses diesem diesen jener jene jenes sein seine seiner seinem seinen ihre
    ihrer ihrem ihren und oder aber auch nach laut von vom zu zum zur in im an am auf aus bei mit
    für über unter gegen demnach danach dabei dazu damit darin wonach dem wie so als wenn dass
    ob nun doch noch schon nicht kein keine alle viele andere anderen beide beiden mehrere""".split()
)
MIN_QUOTE_SHARE = 0.6
MIN_SHARED_TOKENS = 2


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word.casefold() not in FUNCTION_WORDS


def _acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 2 and word[:1].isupper()


def name_tokens(article_text: str) -> frozenset[str]:
    """Capitalised words that follow another capitalised non-function word after one space:
    the later words of multi-word names (``Merkel`` of ``Angela Merkel``, ``Welle`` of
    ``Deutsche Welle``). A role word before a name (``Papst Benedikt``) is a first word, so a
    bare ``der Papst`` does not count as named."""
    found = set()
    for match in re.finditer(r"(?=\b(\w+) (\w+)\b)", article_text):
        a, b = match.group(1), match.group(2)
        if _capitalised(a) and _capitalised(b):
            found.add(b)
    return frozenset(found)


def named_speaker(speaker: str, article_names: frozenset[str]) -> bool:
    for word in words(speaker):
        if _acronym(word) or (_capitalised(word) and word in article_names):
            return True
    return False


def speaker_words(text: str) -> set[str]:
    """Capitalised words of 3+ letters, folded, with and without a genitive -s."""
    found = set()
    for w in words(text):
        if len(w) >= 3 and _capitalised(w):
            found.add(fold(w, "ae"))
            if w.endswith("s") and len(w) > 3:
                found.add(fold(w[:-1], "ae"))
    return found


def surname(name: str) -> str | None:
    """The last capitalised word of a name: ``Angela Merkel`` → ``merkel``, ``SPD`` → ``spd``."""
    for w in reversed(words(name)):
        if len(w) >= 3 and _capitalised(w):
            return fold(w, "ae")
    return None


def speaker_matches(ours: Iterable[str], gold_speaker: str) -> bool:
    """Our speaker's surname (of its name or any alias) is a word of the gold speaker phrase:
    ``Angela Merkel`` ~ ``Bundeskanzlerin Merkel``; ``Willy Brandt`` ≁ ``Willy Bogner``."""
    gold = speaker_words(gold_speaker)
    return any(surname(name) in gold for name in ours)


def quote_match(ours: str, golds: list[str]) -> int | None:
    """Index of the gold quote our quote belongs to, or None."""
    mine = collections.Counter(w.casefold() for w in words(ours))
    total = sum(mine.values())
    if not total:
        return None
    best, best_dice = None, 0.0
    for i, gold in enumerate(golds):
        theirs = collections.Counter(w.casefold() for w in words(gold))
        shared = sum((mine & theirs).values())
        if shared < min(MIN_SHARED_TOKENS, total) or shared / total < MIN_QUOTE_SHARE:
            continue
        dice = 2 * shared / (total + sum(theirs.values()))
        if dice > best_dice:  # the closest gold quote: a direct quote, not the report around it
            best, best_dice = i, dice
    return best


def sample_ids(content: Path) -> frozenset[int]:
    """Wikinews ids of the sample archive's articles (the registry was built from them)."""
    ids = set()
    for path in sorted((content / "articles").rglob("*.md")):
        match = re.search(r"curid=(\d+)", path.read_text(encoding="utf-8", errors="replace")[:2000])
        if match:
            ids.add(int(match.group(1)))
    return frozenset(ids)


@dataclass
class WikinewsResult:
    direct: Score = field(default_factory=Score)  # Quote objects vs named-speaker Direct quotes
    all_types: Score = field(default_factory=Score)  # quotes + claims vs every named-speaker quote
    unnamed_attributed: int = 0  # our attributions on gold quotes with an unnamed speaker
    docs: int = 0
    skipped_sample: int = 0
    skipped_rejected: int = 0
    seconds: float = 0.0
    errors: dict[str, list] = field(default_factory=lambda: collections.defaultdict(list))


def wikinews_doc(record: dict):
    text = front_matter.dumps({"title": record["title"], "date": record["date"]}, record["text"])
    return markdown.parse(text, f"wikinews/{record['wikinews_id']}.md")


def claim_match(sentence: str, golds: list[str]) -> int | None:
    """Index of the gold quote a claim (a whole sentence) reports: at least 60% of the gold
    quote's tokens are in the sentence; the most similar one wins. None when there is none."""
    mine = collections.Counter(w.casefold() for w in words(sentence))
    total = sum(mine.values())
    best, best_dice = None, 0.0
    for i, gold in enumerate(golds):
        theirs = collections.Counter(w.casefold() for w in words(gold))
        size = sum(theirs.values())
        shared = sum((mine & theirs).values())
        if not size or shared < min(MIN_SHARED_TOKENS, size) or shared / size < MIN_QUOTE_SHARE:
            continue
        dice = 2 * shared / (total + size)
        if dice > best_dice:
            best, best_dice = i, dice
    return best


def attributed_names(registry: Registry, speaker: str | None, via: str | None,
                     speaker_name: str | None = None) -> tuple[str, list[str]]:
    """(shown id, names) of whom we attribute a statement to: the speaker (an actor or source id),
    else ``via``, else the name as written; ("", []) when nobody."""
    for ident in (speaker, via):
        if not ident:
            continue
        entry = registry.actors.get(ident) or registry.sources.get(ident)
        if entry is not None:
            return ident, [entry.name, *entry.aliases]
        return ident, [ident]
    if speaker_name:
        return speaker_name, [speaker_name]
    return "", []


def evaluate_wikinews(path: Path, annotator: Annotator, exclude: frozenset[int],
                      limit: int | None = None) -> WikinewsResult:
    registry = annotator.registry
    result = WikinewsResult()
    with path.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines]
    for record in records:
        if limit is not None and result.docs >= limit:
            break
        if record["wikinews_id"] in exclude:
            result.skipped_sample += 1
            continue
        start = time.perf_counter()
        try:
            article = annotator.annotate(wikinews_doc(record), Diagnostics())
        except ContentError:
            result.skipped_rejected += 1
            continue
        result.seconds += time.perf_counter() - start
        result.docs += 1
        names = name_tokens(record["text"])
        golds = record["quotes"]
        named = [named_speaker(q["speaker"], names) for q in golds]
        texts = [q["quote"] for q in golds]
        rid = record["wikinews_id"]
        # (is a direct quote, text, gold index or None, shown speaker, names)
        ours = []
        for q in article.quotes:
            # a quote's via is the channel it came through, not a claim about who said it
            shown, attributed = attributed_names(registry, q.speaker, None, getattr(q, "speaker_name", None))
            ours.append((True, q.text, quote_match(q.text, texts), shown, attributed))
        for c in getattr(article, "claims", ()):
            shown, attributed = attributed_names(registry, c.speaker, c.via)
            ours.append((False, c.text, claim_match(c.text, texts), shown, attributed))
        right_direct: set[int] = set()
        right_any: set[int] = set()
        for is_quote, text, i, shown, attributed in ours:
            if not attributed:
                continue
            if i is None:
                result.all_types.pred += 1
                result.direct.pred += is_quote
                result.errors["attributed quote not in gold" if is_quote else "attributed claim not in gold"].append(
                    {"id": rid, "text": text[:160], "ours": shown})
                continue
            if not named[i]:
                result.unnamed_attributed += 1
                continue
            ok = speaker_matches(attributed, golds[i]["speaker"])
            result.all_types.pred += 1
            result.all_types.pred_hit += ok
            if is_quote and golds[i]["type"] == "Direct":
                result.direct.pred += 1
                result.direct.pred_hit += ok
            if ok:
                right_any.add(i)
                if is_quote:
                    right_direct.add(i)
            else:
                result.errors["wrong speaker" + ("" if is_quote else " (claim)")].append(
                    {"id": rid, "text": text[:160], "ours": shown, "gold": golds[i]["speaker"],
                     "type": golds[i]["type"]})
        for i, gold in enumerate(golds):
            if not named[i]:
                continue
            result.all_types.gold += 1
            result.all_types.gold_hit += i in right_any
            if gold["type"] != "Direct":
                continue
            result.direct.gold += 1
            result.direct.gold_hit += i in right_direct
            if i not in right_direct:
                found = [o for o in ours if o[0] and o[2] == i]
                why = ("no quote found" if not found else
                       "no speaker" if not any(o[4] for o in found) else "wrong speaker")
                result.errors[f"missed named speaker: {why}"].append(
                    {"id": rid, "quote": gold["quote"][:160], "gold": gold["speaker"], "cue": gold["cue"],
                     "ours": sorted({o[3] for o in found})})
    return result


# ---------------------------------------------------------------------------- Reuters


def label_form(name: str) -> str:
    """A name as Reuters writes its labels: ``Pérez de Cuéllar`` → ``perez-de-cuellar``."""
    return fold(name, "ae").replace(" ", "-")


def person_matches(name: str, label: str) -> bool:
    """``Javier Perez de Cuellar`` ~ ``perez-de-cuellar``; ``James A. Baker`` ~ ``james-baker``;
    a bare ``Baker`` ~ any ``…-baker``; ``Howard Baker`` ≁ ``james-baker``."""
    ours, theirs = label_form(name).split("-"), label.split("-")
    if not ours or not theirs or ours[-1] != theirs[-1]:
        return False
    return len(ours) == 1 or ours[-len(theirs):] == theirs or ours[0] == theirs[0]


@dataclass
class ReutersResult:
    people: Score = field(default_factory=Score)
    places: Score = field(default_factory=Score)
    people_unlabelled: int = 0  # predictions outside the corpus' label set
    places_unlabelled: int = 0
    docs: int = 0
    seconds: float = 0.0
    errors: dict[str, list] = field(default_factory=lambda: collections.defaultdict(list))


def reuters_doc(record: dict):
    """Raw wire text: the date line, then the dateline and the body. Reuters bodies are
    hard-wrapped and start each paragraph with an indent (split as benchmarks/make_corpus.py does)."""
    date = dt.datetime.strptime(record["date"].split()[0], "%d-%b-%Y").date()
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s{3,}|\n\s*\n", record["body"].strip())]
    body = "\n\n".join(p for p in paragraphs if p)
    dateline = " ".join((record.get("dateline") or "").split())
    text = f"{dateline} {body}" if dateline else body
    return wire.parse(f"date {date.isoformat()}\n{text}", f"reuters/{record['newid']}.txt")


def evaluate_reuters(path: Path, annotator: Annotator, limit: int | None = None) -> ReutersResult:
    registry = annotator.registry
    result = ReutersResult()
    records = []
    all_people: set[str] = set()
    all_places: set[str] = set()
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            all_people.update(record["people"])
            all_places.update(record["places"])
            if record["lewissplit"] == "TEST" and (record["people"] or record["places"]) and record.get("body"):
                records.append(record)
    for record in records[:limit]:
        start = time.perf_counter()
        try:
            article = annotator.annotate(reuters_doc(record), Diagnostics())
        except ContentError:
            continue
        result.seconds += time.perf_counter() - start
        result.docs += 1
        persons: dict[str, tuple[str, tuple[str, ...]]] = {}  # shown name -> (origin, names to match)
        for m in article.mentions:
            actor = registry.actors[m.id]
            if actor.kind == "person":
                persons.setdefault(actor.name, (m.id, (actor.name, *actor.aliases)))
        for c in article.candidates:
            if c.kind == "person":
                persons.setdefault(c.name, ("candidate", (c.name,)))

        def matches(names: tuple[str, ...], labels: Iterable[str]) -> bool:
            return any(person_matches(n, label) for n in names for label in labels)

        if record["people"]:
            gold = record["people"]
            for label in gold:
                result.people.gold += 1
                found = any(matches(names, (label,)) for _, names in persons.values())
                result.people.gold_hit += found
                if not found:
                    result.errors["missed person"].append({"id": record["newid"], "label": label,
                                                           "ours": sorted(persons)})
            for name, (origin, names) in sorted(persons.items()):
                if matches(names, gold):
                    result.people.pred += 1
                    result.people.pred_hit += 1
                elif matches(names, all_people):
                    result.people.pred += 1
                    result.errors["false person"].append({"id": record["newid"], "name": name, "origin": origin,
                                                          "gold": gold})
                else:
                    result.people_unlabelled += 1
                    result.errors["person outside label set"].append({"name": name, "origin": origin})
        if record["places"]:
            gold = record["places"]
            states = sorted({m.id for m in article.mentions if registry.actors[m.id].kind == "state"})
            forms = {s: {label_form(n) for n in (registry.actors[s].name, *registry.actors[s].aliases)}
                     for s in states}
            for label in gold:
                result.places.gold += 1
                found = any(label in f for f in forms.values())
                result.places.gold_hit += found
                if not found:
                    known = any(label in {label_form(n) for n in (a.name, *a.aliases)}
                                for a in registry.actors.values() if a.kind == "state")
                    result.errors["missed place" if known else "missed place (label unknown to registry)"].append(
                        {"id": record["newid"], "label": label, "ours": states})
            for s in states:
                if forms[s] & set(gold):
                    result.places.pred += 1
                    result.places.pred_hit += 1
                elif forms[s] & all_places:
                    result.places.pred += 1
                    evidence = [m.text for m in article.mentions if m.id == s][:3]
                    result.errors["false place"].append({"id": record["newid"], "state": s, "text": evidence,
                                                         "gold": gold})
                else:
                    result.places_unlabelled += 1
                    result.errors["place outside label set"].append({"state": s})
    return result


# ---------------------------------------------------------------------------- report


def fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def row(name: str, s: Score, note: str = "") -> str:
    gold = f"{s.gold:,}" if s.gold or s.pred == 0 else "–"  # "–": a precision-only row
    pred = f"{s.pred:,}" if s.pred or s.gold == 0 else "–"  # a recall-only row
    return (f"| {name} | {gold} | {pred} | {fmt(s.precision)} | {fmt(s.recall)} | {fmt(s.f1)} |"
            + (f" {note} |" if note else " |"))


def total(scores: dict[str, Score]) -> Score:
    out = Score()
    for kind in KINDS:
        out.add(scores.get(kind, Score()))
    return out


def lower_bound(score: Score, uncounted: int) -> Score:
    """The score with every uncounted prediction taken as wrong."""
    return Score(score.gold, score.pred + uncounted, score.gold_hit, score.pred_hit)


def check(ok: bool) -> str:
    return "✓" if ok else "✗"


def report(results: dict, registry: Registry, registry_dir: Path) -> tuple[str, dict]:
    lines: list[str] = []
    data: dict = {"registry": str(registry_dir), "registry_actors": len(registry.actors), "datasets": {}}
    header = "| kind | gold | predicted | P | R | F1 | notes |\n| --- | ---: | ---: | ---: | ---: | ---: | --- |"
    targets: list[tuple[str, bool, str]] = []
    ge: GermEvalResult | None = results.get("germeval")
    if ge is not None:
        lines.append(f"### GermEval 2014 dev ({ge.docs:,} sentences)\n")
        lines.append(header)
        for kind in KINDS:
            e, p = ge.exact.get(kind, Score()), ge.partial.get(kind, Score())
            lines.append(row(f"{kind} exact", e))
            lines.append(row(f"{kind} partial", p))
        lines.append(row("all exact", total(ge.exact)))
        lines.append(row("all partial", total(ge.partial)))
        lines.append(row("linked actors (target 1)", ge.linked,
                         f"{ge.linked.pred - ge.linked.pred_hit} wrong, {ge.linked_inner} of them on an inner-level entity"))
        lines.append(row("linked sources", ge.sources))
        srcs = ", ".join(f"{k} {v}" for k, v in sorted(ge.country_sources.items()))
        lines.append(row("countries incl. adjectives (target 3)", ge.countries, f"gold by {srcs}"))
        lines.append("")
        per = ge.partial.get("PER", Score())
        targets += [
            ("linked-actor precision ≥ 0.95 (GermEval)", (ge.linked.precision or 0) >= TARGETS["linked_precision"],
             fmt(ge.linked.precision)),
            ("persons found recall ≥ 0.85 at precision ≥ 0.85 (GermEval PER partial)",
             (per.recall or 0) >= TARGETS["persons"] and (per.precision or 0) >= TARGETS["persons"],
             f"R {fmt(per.recall)}, P {fmt(per.precision)}"),
            ("countries incl. adjective-only mentions recall ≥ 0.95 (GermEval)",
             (ge.countries.recall or 0) >= TARGETS["countries_recall"], fmt(ge.countries.recall)),
        ]
        data["datasets"]["germeval"] = {
            "documents": ge.docs,
            "exact": {k: ge.exact.get(k, Score()).as_dict() for k in KINDS} | {"all": total(ge.exact).as_dict()},
            "partial": {k: ge.partial.get(k, Score()).as_dict() for k in KINDS} | {"all": total(ge.partial).as_dict()},
            "linked_actors": ge.linked.as_dict() | {"wrong_on_inner_entity": ge.linked_inner},
            "linked_sources": ge.sources.as_dict(),
            "countries": ge.countries.as_dict() | {"gold_by": dict(sorted(ge.country_sources.items()))},
        }
    wn: WikinewsResult | None = results.get("wikinews")
    if wn is not None:
        lines.append(f"### German Wikinews quotes ({wn.docs:,} articles; skipped {wn.skipped_sample} sample-archive "
                     f"and {wn.skipped_rejected} rejected)\n")
        lines.append(header)
        lines.append(row("named speaker, direct quotes", wn.direct,
                         f"{wn.unnamed_attributed} attributions on unnamed-speaker quotes not counted"))
        lines.append(row("named speaker, all quote types (quotes + claims)", wn.all_types))
        lines.append("")
        data["datasets"]["wikinews"] = {
            "documents": wn.docs, "skipped_sample": wn.skipped_sample, "skipped_rejected": wn.skipped_rejected,
            "direct": wn.direct.as_dict(), "all_types": wn.all_types.as_dict(),
            "unnamed_attributed": wn.unnamed_attributed,
        }
    rt: ReutersResult | None = results.get("reuters")
    if rt is not None:
        lines.append(f"### Reuters-21578 TEST split, English, document level ({rt.docs:,} stories)\n")
        lines.append(header)
        lines.append(row("people", rt.people, f"{rt.people_unlabelled} outside the label set not counted"))
        lines.append(row("people, every prediction counted", lower_bound(rt.people, rt.people_unlabelled),
                         "P is a lower bound"))
        lines.append(row("places (countries)", rt.places, f"{rt.places_unlabelled} outside the label set not counted"))
        lines.append(row("places, every prediction counted", lower_bound(rt.places, rt.places_unlabelled),
                         "P is a lower bound"))
        lines.append("")
        data["datasets"]["reuters"] = {
            "documents": rt.docs, "people": rt.people.as_dict(), "places": rt.places.as_dict(),
            "people_every_prediction": lower_bound(rt.people, rt.people_unlabelled).as_dict(),
            "places_every_prediction": lower_bound(rt.places, rt.places_unlabelled).as_dict(),
            "people_outside_label_set": rt.people_unlabelled, "places_outside_label_set": rt.places_unlabelled,
        }
    ds: StandardResult | None = results.get("derstandard")
    if ds is not None:
        ds_lines, ds_targets, data["datasets"]["derstandard"] = derstandard_report(ds)
        lines += ds_lines
        targets += ds_targets
    if targets:
        lines.append("### Targets\n")
        lines.append("| target | value | met |\n| --- | --- | --- |")
        for name, ok, value in targets:
            lines.append(f"| {name} | {value} | {check(ok)} |")
        lines.append("")
        data["targets"] = {name: {"value": value, "met": ok} for name, ok, value in targets}
    return "\n".join(lines), data


# ---------------------------------------------------------------------------- Der Standard (issue 12)

HELD_OUT = 5  # rows whose index % 5 == 0 were not looked at while writing the sign-off rules
_DATED_PARENTHESIS = re.compile(r"\([^()]{1,200}\)")


@dataclass
class StandardResult:
    """Issue 12 on Der Standard (10kGNAD): sign-offs in text without paragraph breaks, and
    issue 10: derived titles."""

    docs: int = 0
    seconds: float = 0.0
    signoffs: Score = field(default_factory=Score)  # gold: rows with a date-shaped parenthesis
    held_out: Score = field(default_factory=Score)
    titles: collections.Counter = field(default_factory=collections.Counter)
    errors: dict[str, list] = field(default_factory=lambda: collections.defaultdict(list))


def _date_shaped(parenthesis: str) -> bool:
    from archive_gen.ingest.signoff import parse_date

    return any(parse_date(item)[1] for item in re.split(r"\s*(?:[,;/]|[–—]|\s-\s)\s*|\s+(?=\d)", parenthesis.strip("()")))


def evaluate_derstandard(path: Path, limit: int | None = None) -> StandardResult:
    """Each article flattened (paragraph breaks removed); a row with a dated parenthesis (some
    item shaped like a date: the gold, independent of the grammar) should yield a sign-off.
    Titles: whole first sentence, cut after a clause, or a long whole sentence; never a cut word."""
    from archive_gen.annotate.titles import lead_headline

    import csv

    result = StandardResult()
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [row[1] for row in csv.reader(handle, delimiter=";", quotechar="'") if len(row) > 1]
    started = time.perf_counter()
    for index, text in enumerate(rows[:limit]):
        result.docs += 1
        flat = " ".join(text.split())
        doc = wire.parse(flat, f"derstandard-{index}.txt")
        headline = lead_headline(doc)
        result.titles["clause" if headline.shortened else "long" if headline.long else "sentence"] += 1
        result.titles["cut inside a clause"] += headline.text.endswith("…")
        if not any(_date_shaped(m.group(0)) for m in _DATED_PARENTHESIS.finditer(flat)):
            continue
        found = doc.signoff is not None
        for score in (result.signoffs, result.held_out) if index % HELD_OUT == 0 else (result.signoffs,):
            score.gold += 1
            score.gold_hit += found
            score.pred += found
            score.pred_hit += found
        if not found:
            result.errors["missed sign-off"].append({"text": flat[-160:], "row": index})
    result.seconds = time.perf_counter() - started
    return result


def derstandard_report(ds: StandardResult) -> tuple[list[str], list[tuple[str, bool, str]], dict]:
    lines = [f"### Der Standard, text without paragraph breaks ({ds.docs:,} articles; issues 10 and 12)\n",
             "| measure | value |\n| --- | --- |",
             f"| dated sign-offs found | {ds.signoffs.gold_hit}/{ds.signoffs.gold} |",
             f"| … held out (row index % {HELD_OUT} == 0) | {ds.held_out.gold_hit}/{ds.held_out.gold} |",
             f"| derived titles: whole first sentence / cut after a clause / long whole sentence | "
             f"{ds.titles['sentence']} / {ds.titles['clause']} / {ds.titles['long']} |",
             f"| derived titles cut inside a clause (\"…\") | {ds.titles['cut inside a clause']} |", ""]
    recall = ds.signoffs.recall or 0.0
    held = ds.held_out.recall
    targets = [("dated sign-offs found in flattened text ≥ 0.95 (Der Standard; held out)",
                recall >= 0.95 and (held is None or held >= 0.95), f"{fmt(recall)}; {fmt(held)}")]
    data = {"documents": ds.docs, "signoffs": ds.signoffs.as_dict(), "signoffs_held_out": ds.held_out.as_dict(),
            "titles": dict(sorted(ds.titles.items()))}
    return lines, targets, data


def speed_line(results: dict) -> tuple[str, dict]:
    parts, data = [], {}
    for name in DATASETS:
        r = results.get(name)
        if r is None or not r.docs:
            continue
        rate = r.docs / r.seconds if r.seconds else float("inf")
        parts.append(f"{name} {r.docs:,} docs in {r.seconds:.1f} s ({rate:,.0f} docs/s)")
        data[name] = {"documents": r.docs, "seconds": round(r.seconds, 3), "docs_per_second": round(rate, 1)}
    return "Annotation time (parse + annotate): " + "; ".join(parts), data


def write_errors(results: dict, out: Path, per_class: int) -> None:
    """Every error class with its count and the most frequent examples."""
    lines = []
    for name in DATASETS:
        r = results.get(name)
        if r is None:
            continue
        for cls in sorted(r.errors):
            items = r.errors[cls]
            lines.append(f"## {name}: {cls} ({len(items)})")
            key = (lambda e: e.get("text") or e.get("label") or e.get("name") or e.get("state") or e.get("gold") or "")
            counts = collections.Counter(str(key(e)) for e in items)
            lines.append("most frequent: " + ", ".join(f"{k} ×{v}" for k, v in counts.most_common(150)))
            for item in items[:per_class]:
                lines.append("  " + json.dumps(item, ensure_ascii=False, sort_keys=True))
            lines.append("")
    out.write_text("\n".join(lines), encoding="utf-8")


def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True, check=True).stdout


def describe_code() -> str:
    """Which code is measured: a commit, or the working tree and its uncommitted changes."""
    if "EVALUATE_CODE" in os.environ:
        return os.environ.get("EVALUATE_CODE_LABEL", str(CODE))
    try:
        head = _git("rev-parse", "--short", "HEAD").strip()
        dirty = [line[3:] for line in _git("status", "--porcelain", "--", "archive_gen", "content").splitlines()]
    except (OSError, subprocess.CalledProcessError):
        return "working tree (no git)"
    return f"working tree at {head}" + (f" + uncommitted changes in {', '.join(dirty)}" if dirty else " (clean)")


def run_at_rev(rev: str, argv: list[str]) -> int:
    """Extract ``archive_gen/`` and ``content/`` of a commit and run this script on them."""
    sha = _git("rev-parse", "--short", "--verify", f"{rev}^{{commit}}").strip()
    with tempfile.TemporaryDirectory(prefix="evaluate-") as tmp:
        archive = subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar", sha, "--", "archive_gen", "content"],
                                 capture_output=True, check=True).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        rest = [a for i, a in enumerate(argv) if a != "--rev" and (i == 0 or argv[i - 1] != "--rev")
                and not a.startswith("--rev=")]
        if not any(a == "--registry" or a.startswith("--registry=") for a in rest):
            rest += ["--registry", str(Path(tmp) / "content")]
        env = dict(os.environ, EVALUATE_CODE=tmp, EVALUATE_CODE_LABEL=f"commit {sha} (`{rev}`, extracted with git archive)")
        return subprocess.run([sys.executable, str(Path(__file__).resolve()), *rest], env=env).returncode


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--registry", type=Path, default=CODE / "content",
                        help="content directory with actors/ and sources/ (default: the project's content/)")
    parser.add_argument("--rev", help="evaluate this commit's code and registry (git archive) instead of the working tree")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="directory of the gold files")
    parser.add_argument("--limit", type=int, default=None, help="at most N documents per dataset")
    parser.add_argument("--only", choices=DATASETS, action="append", help="run only this dataset (repeatable)")
    parser.add_argument("--json", type=Path, default=None, help="also write the scores as JSON")
    parser.add_argument("--errors", type=Path, default=None, help="write false positives and misses, by class")
    parser.add_argument("--examples", type=int, default=25, help="examples per error class in --errors")
    args = parser.parse_args(argv)
    if args.rev:
        return run_at_rev(args.rev, argv)

    diags = Diagnostics()
    registry = load_registry(args.registry, diags)
    annotator = Annotator(registry, default_language="de")
    chosen = args.only or list(DATASETS)
    missing = [n for n, f in (("germeval", GERMEVAL), ("wikinews", WIKINEWS), ("reuters", REUTERS),
                              ("derstandard", DERSTANDARD))
               if n in chosen and not (args.corpus / f).exists()]
    if missing:
        print(f"missing gold files in {args.corpus}: {', '.join(missing)}", file=sys.stderr)
        return 2

    # warm-up outside the timers: lazy tables (e.g. the first-name dictionary) load on first use
    annotator.annotate(wire.parse("date 2024-01-01\nAngela Merkel sagte in Berlin: „Ja.“", "warm-up.txt"), Diagnostics())
    started = time.perf_counter()
    results: dict = {}
    if "germeval" in chosen:
        results["germeval"] = evaluate_germeval(args.corpus / GERMEVAL, annotator, CountryLexicon(registry), args.limit)
    if "wikinews" in chosen:
        results["wikinews"] = evaluate_wikinews(args.corpus / WIKINEWS, annotator, sample_ids(args.registry), args.limit)
    if "reuters" in chosen:
        results["reuters"] = evaluate_reuters(args.corpus / REUTERS, annotator, args.limit)
    if "derstandard" in chosen:
        results["derstandard"] = evaluate_derstandard(args.corpus / DERSTANDARD, args.limit)
    elapsed = time.perf_counter() - started

    table, data = report(results, registry, args.registry)
    speed, speed_data = speed_line(results)
    code = describe_code()
    print(f"Code: {code}")
    print(f"Registry: {args.registry} ({len(registry.actors)} actors, {len(registry.sources)} sources)"
          + (f"; limit {args.limit} per dataset" if args.limit else "") + "\n")
    print(table)
    print(speed + f". Total {elapsed:.1f} s.")
    if args.json:
        data["speed"] = speed_data
        data["code"] = code
        data["limit"] = args.limit
        args.json.write_text(json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    if args.errors:
        write_errors(results, args.errors, args.examples)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
