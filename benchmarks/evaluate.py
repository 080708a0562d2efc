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

  * Split (issue 12): the dataset's ``split`` field; "test" is held out and reported on its own
    row (the quote-speaker target), "train" + "dev" is the part whose errors may be read.

Whole articles (``benchmarks/gold/articles.json``, issue 12)
  * 33 held-out articles (Der Standard rows with index % 5 == 0, Wikinews test split, Reuters
    TRAIN split; the split is in ``scoring/articles.py``), annotated by hand: every person
    named, the organisations and places named, and a judgment of each linked actor. Scored per
    article and entity by ``scoring/wholearticle.py`` (rules in its docstring): persons found
    (linked persons + person candidates, lenient name match), person and organisation
    candidates (strict: the candidate's name is a gold name), linked actors (the gold's
    judgment; an unjudged id falls back to the name rule and is counted).
  * 40 dev articles (``"part": "dev"``: Der Standard rows with index % 5 != 0) are annotated
    the same way and scored apart ("dev part" rows); ``--errors`` lists only their errors.
  * Candidates, held-out samples (round 9, ``scoring/heldoutcandidates.py``): one verdict per
    corpus and distinct organisation / person candidate on held-out articles; printed as totals
    with a 95 % Wilson interval, names without a verdict apart. The verdicts are held out:
    nobody tuning rules prints or reads them.
  * Candidates, dev sample 2 (round 11, ``scoring/orgcandidates.py``, samples ``GERMEVAL_ORGS``
    and ``GERMEVAL_PERSONS``): one verdict per distinct organisation / person candidate on the
    GermEval 2014 dev sentences (``gold/org_candidates_2.json``, ``person_candidates_de_2.json``);
    dev: its errors may be read.
  * Candidates, dev sample 3 (round 13, ``scoring/sample3.py``): the same on Der Standard dev
    rows 150–249, the last 60 Wikinews train articles and Reuters TEST 600–800
    (``gold/person_candidates_de_3.json``, ``…_en_3``, ``org_candidates_de_3.json``, ``…_en_3``); dev.

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
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# The code under test: the working tree, or (``--rev``) a commit extracted into a temporary
# directory, which the re-run of this script gets through this variable.
CODE = Path(os.environ.get("EVALUATE_CODE") or REPO)
sys.path.insert(0, str(CODE))

# The datasets import archive_gen: only after CODE is on the path. Names the tests and
# bench_annotate.py use are re-exported here.
from archive_gen.annotate import Annotator  # noqa: E402
from archive_gen.errors import Diagnostics  # noqa: E402
from archive_gen.ingest import wire  # noqa: E402
from archive_gen.model import Registry  # noqa: E402
from archive_gen.registry import load_registry  # noqa: E402
from scoring.common import (  # noqa: E402,F401
    CORPUS, DATASETS, DERSTANDARD, GERMEVAL, KINDS, REUTERS, TARGETS, WIKINEWS, CountryLexicon, Score, predictions,
    score_spans,
)
from scoring.derstandard import HELD_OUT, StandardResult, evaluate_derstandard  # noqa: E402
from scoring.wholearticle import GOLD as ARTICLES_GOLD, WholeResult, evaluate_articles  # noqa: E402,F401
from scoring.speakersample import ROUND11, ROUND12, ROUND13, ROUND14, evaluate_speaker_sample  # noqa: E402
from scoring.orgcandidates import GERMEVAL_ORGS, GERMEVAL_PERSONS, ORGS_EN2, PERSONS_EN, PERSONS_EN2, OrgResult, evaluate_org_candidates  # noqa: E402
from scoring.sample3 import SAMPLES as SAMPLE3  # noqa: E402
from scoring.heldoutcandidates import ORGANISATIONS as HELD_OUT_ORGS, PERSONS as HELD_OUT_PERSONS, wilson  # noqa: E402
from scoring.germeval import (  # noqa: E402,F401
    GermEvalResult, align, bio_spans, detokenize, evaluate_germeval, read_germeval,
)
from scoring.reuters import ReutersResult, evaluate_reuters, label_form, person_matches  # noqa: E402,F401
from scoring.wikinews import (  # noqa: E402,F401
    WikinewsResult, claim_match, evaluate_wikinews, name_tokens, named_speaker, quote_match, same_quote_layer, sample_ids,
    speaker_matches,
)


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


HEADER = "| kind | gold | predicted | P | R | F1 | notes |\n| --- | ---: | ---: | ---: | ---: | ---: | --- |"
Section = tuple[list[str], list[tuple[str, bool, str]], dict]  # table lines, targets, JSON data


def germeval_report(ge: GermEvalResult) -> Section:
    lines = [f"### GermEval 2014 dev ({ge.docs:,} sentences)\n", HEADER]
    for kind in KINDS:
        lines.append(row(f"{kind} exact", ge.exact.get(kind, Score())))
        lines.append(row(f"{kind} partial", ge.partial.get(kind, Score())))
    lines.append(row("all exact", total(ge.exact)))
    lines.append(row("all partial", total(ge.partial)))
    lines.append(row("linked actors (target 1)", ge.linked,
                     f"{ge.linked.pred - ge.linked.pred_hit} wrong, {ge.linked_inner} of them on an inner-level entity"))
    lines.append(row("linked sources", ge.sources))
    srcs = ", ".join(f"{k} {v}" for k, v in sorted(ge.country_sources.items()))
    lines += [row("countries incl. adjectives (target 3)", ge.countries, f"gold by {srcs}"), ""]
    per = ge.partial.get("PER", Score())
    targets = [
        ("linked-actor precision ≥ 0.95 (GermEval)", (ge.linked.precision or 0) >= TARGETS["linked_precision"],
         fmt(ge.linked.precision)),
        ("persons found recall ≥ 0.85 at precision ≥ 0.85 (GermEval PER partial)",
         (per.recall or 0) >= TARGETS["persons"] and (per.precision or 0) >= TARGETS["persons"],
         f"R {fmt(per.recall)}, P {fmt(per.precision)}"),
        ("countries incl. adjective-only mentions recall ≥ 0.95 (GermEval)",
         (ge.countries.recall or 0) >= TARGETS["countries_recall"], fmt(ge.countries.recall)),
    ]
    data = {
        "documents": ge.docs,
        "exact": {k: ge.exact.get(k, Score()).as_dict() for k in KINDS} | {"all": total(ge.exact).as_dict()},
        "partial": {k: ge.partial.get(k, Score()).as_dict() for k in KINDS} | {"all": total(ge.partial).as_dict()},
        "linked_actors": ge.linked.as_dict() | {"wrong_on_inner_entity": ge.linked_inner},
        "linked_sources": ge.sources.as_dict(),
        "countries": ge.countries.as_dict() | {"gold_by": dict(sorted(ge.country_sources.items()))},
    }
    return lines, targets, data


def wikinews_report(wn: WikinewsResult) -> Section:
    lines = [f"### German Wikinews quotes ({wn.docs:,} articles; skipped {wn.skipped_sample} sample-archive "
             f"and {wn.skipped_rejected} rejected)\n", HEADER,
             row("named speaker, direct quotes", wn.direct,
                 f"{wn.unnamed_attributed} attributions on unnamed-speaker quotes not counted"),
             row("named speaker, all quote types (quotes + claims)", wn.all_types),
             row("named speaker, direct quotes, dev part (train + dev splits)", wn.dev),
             row("named speaker, direct quotes, held out (test split)", wn.held_out), ""]
    p, r = wn.held_out.precision or 0.0, wn.held_out.recall or 0.0
    targets = [("named quote speakers P ≥ 0.90, R ≥ 0.70 (Wikinews test split, direct quotes)",
                p >= 0.90 and r >= 0.70, f"P {fmt(p)}, R {fmt(r)}")]
    data = {
        "documents": wn.docs, "skipped_sample": wn.skipped_sample, "skipped_rejected": wn.skipped_rejected,
        "direct": wn.direct.as_dict(), "all_types": wn.all_types.as_dict(),
        "unnamed_attributed": wn.unnamed_attributed, "held_out": wn.held_out.as_dict(), "dev": wn.dev.as_dict(),
    }
    return lines, targets, data


def reuters_report(rt: ReutersResult) -> Section:
    lines = [f"### Reuters-21578 TEST split, English, document level ({rt.docs:,} stories)\n", HEADER,
             row("people", rt.people, f"{rt.people_unlabelled} outside the label set not counted"),
             row("people, every prediction counted", lower_bound(rt.people, rt.people_unlabelled), "P is a lower bound"),
             row("places (countries)", rt.places, f"{rt.places_unlabelled} outside the label set not counted"),
             row("places, every prediction counted", lower_bound(rt.places, rt.places_unlabelled), "P is a lower bound"),
             ""]
    data = {
        "documents": rt.docs, "people": rt.people.as_dict(), "places": rt.places.as_dict(),
        "people_every_prediction": lower_bound(rt.people, rt.people_unlabelled).as_dict(),
        "places_every_prediction": lower_bound(rt.places, rt.places_unlabelled).as_dict(),
        "people_outside_label_set": rt.people_unlabelled, "places_outside_label_set": rt.places_unlabelled,
    }
    return lines, [], data


def report(results: dict, registry: Registry, registry_dir: Path) -> tuple[str, dict]:
    """The Markdown tables of every dataset run, then the targets; and the same as JSON data."""
    lines: list[str] = []
    data: dict = {"registry": str(registry_dir), "registry_actors": len(registry.actors), "datasets": {}}
    targets: list[tuple[str, bool, str]] = []
    sections = {"germeval": germeval_report, "wikinews": wikinews_report, "reuters": reuters_report,
                "derstandard": derstandard_report, "articles": articles_report}
    for name in DATASETS:
        if results.get(name) is not None:
            part_lines, part_targets, data["datasets"][name] = sections[name](results[name])
            lines += part_lines
            targets += part_targets
    if targets:
        lines.append("### Targets\n")
        lines.append("| target | value | met |\n| --- | --- | --- |")
        for name, ok, value in targets:
            lines.append(f"| {name} | {value} | {check(ok)} |")
        lines.append("")
        data["targets"] = {name: {"value": value, "met": ok} for name, ok, value in targets}
    return "\n".join(lines), data


def derstandard_report(ds: StandardResult) -> Section:
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
            "titles": {k: ds.titles[k] for k in ("sentence", "clause", "long", "cut inside a clause")}}
    return lines, targets, data


def articles_report(wa: WholeResult) -> Section:
    corpora = ", ".join(f"{k} {v}" for k, v in sorted(wa.per_corpus.items()))
    lines = [f"### Whole articles, hand-annotated held-out sample ({wa.docs} articles: {corpora})\n", HEADER,
             row("persons found (linked or candidates)", wa.persons),
             row("person candidates", wa.person_candidates),
             row("organisation candidates", wa.org_candidates),
             row("linked actors (one per article and id)", wa.linked, f"{wa.unjudged} not judged by the gold")]
    if wa.dev is not None and wa.dev.docs:  # the dev entries: rules may be learnt from them
        dv = wa.dev
        lines += [row(f"dev part ({dv.docs} articles): persons found", dv.persons),
                  row("dev part: person candidates", dv.person_candidates),
                  row("dev part: organisation candidates", dv.org_candidates),
                  row("dev part: linked actors", dv.linked, f"{dv.unjudged} not judged by the gold")]
    lines.append("")
    per, pc, oc, ln = wa.persons, wa.person_candidates, wa.org_candidates, wa.linked
    targets = [
        ("linked actors precision ≥ 0.97 (whole articles)", (ln.precision or 0) >= 0.97,
         f"{fmt(ln.precision)} ({ln.pred_hit}/{ln.pred})"),
        ("persons found recall ≥ 0.92 at precision ≥ 0.92 (whole articles)",
         (per.recall or 0) >= 0.92 and (per.precision or 0) >= 0.92,
         f"R {fmt(per.recall)} ({per.gold_hit}/{per.gold}), P {fmt(per.precision)} ({per.pred_hit}/{per.pred})"),
        ("person candidates precision ≥ 0.90 (whole articles)", (pc.precision or 0) >= 0.90,
         f"{fmt(pc.precision)} ({pc.pred_hit}/{pc.pred})"),
        ("organisation candidates precision ≥ 0.90 (whole articles)", (oc.precision or 0) >= 0.90,
         f"{fmt(oc.precision)} ({oc.pred_hit}/{oc.pred})"),
    ]
    data = {"documents": wa.docs, "per_corpus": dict(sorted(wa.per_corpus.items())), "persons": per.as_dict(),
            "person_candidates": pc.as_dict(), "org_candidates": oc.as_dict(), "linked": ln.as_dict(),
            "unjudged_links": wa.unjudged}
    if wa.dev is not None and wa.dev.docs:
        data["dev"] = {"documents": wa.dev.docs, "persons": wa.dev.persons.as_dict(),
                       "person_candidates": wa.dev.person_candidates.as_dict(),
                       "org_candidates": wa.dev.org_candidates.as_dict(), "linked": wa.dev.linked.as_dict()}
    return lines, targets, data


def held_out_candidate_row(name: str, result: OrgResult) -> str:
    """One row of the held-out candidate samples: P with its 95 % Wilson interval, per corpus,
    and the names without a verdict (the code changed since the sample was judged) apart."""
    judged = result.right + result.wrong
    interval = wilson(result.right, judged)
    low_high = f"{interval[0]:.3f}–{interval[1]:.3f}" if interval else "–"
    corpora = ", ".join(f"{c} {r}/{r + w}" for c, (r, w) in sorted(result.per_corpus.items()))
    return f"| {name} | {fmt(result.precision)} ({result.right}/{judged}) | {low_high} | {corpora} | {len(result.unjudged)} |"


def held_out_candidates(corpus_dir: Path, annotator) -> dict:
    """Print the held-out candidate samples (totals only: their names are held out) and return them."""
    print("\n### Candidates, held-out samples (scoring/heldoutcandidates.py)\n")
    print("| kind | P (right/judged) | 95 % Wilson | per corpus | unjudged |\n| --- | --- | --- | --- | ---: |")
    data = {}
    for key, name, sample in (("organisations", "organisation candidates, held-out sample", HELD_OUT_ORGS),
                              ("persons", "person candidates, held-out sample", HELD_OUT_PERSONS)):
        result = evaluate_org_candidates(corpus_dir, annotator, sample=sample)
        print(held_out_candidate_row(name, result))
        data[key] = {"right": result.right, "wrong": result.wrong, "unjudged": len(result.unjudged),
                     "per_corpus": {c: {"right": r, "wrong": w} for c, (r, w) in sorted(result.per_corpus.items())}}
    print()
    return data


def dev_sample_2(corpus_dir: Path, annotator) -> dict:
    """Print dev sample 2 (round 11: the GermEval dev sentences' candidates, judged; dev, its
    errors may be read) and return its counts."""
    return dev_sample(corpus_dir, annotator, "dev sample 2 (GermEval dev sentences; gold/org_candidates_2.json, "
                      "person_candidates_de_2.json)",
                      (("organisations", "organisation candidates, dev sample 2", GERMEVAL_ORGS),
                       ("persons", "German person candidates, dev sample 2", GERMEVAL_PERSONS)))


def dev_sample_3(corpus_dir: Path, annotator) -> dict:
    """Print dev sample 3 (round 13: Der Standard dev rows 150–249, the last 60 Wikinews train
    articles, Reuters TEST 600–800; scoring/sample3.py; dev) and return its counts (precision;
    yield is read against the judged right names of main in the README)."""
    return dev_sample(corpus_dir, annotator, "dev sample 3 (scoring/sample3.py; gold/*_3.json)",
                      (("persons_de", "German person candidates, dev sample 3", SAMPLE3["persons_de"]),
                       ("persons_en", "English person candidates, dev sample 3", SAMPLE3["persons_en"]),
                       ("orgs_de", "German organisation candidates, dev sample 3 (re-judged)", SAMPLE3["orgs_de"]),
                       ("orgs_en", "English organisation candidates, dev sample 3", SAMPLE3["orgs_en"])))


def dev_sample(corpus_dir: Path, annotator, title: str, samples: tuple) -> dict:
    """Print one dev candidate sample's rows (P, Wilson interval, per corpus, unjudged) and return its counts."""
    print(f"\n### Candidates, {title}\n")
    print("| kind | P (right/judged) | 95 % Wilson | per corpus | unjudged |\n| --- | --- | --- | --- | ---: |")
    data = {}
    for key, name, sample in samples:
        result = evaluate_org_candidates(corpus_dir, annotator, sample=sample)
        print(held_out_candidate_row(name, result))
        data[key] = {"right": result.right, "wrong": result.wrong, "unjudged": len(result.unjudged)}
    print()
    return data


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
    if "articles" in chosen:
        results["articles"] = evaluate_articles(args.corpus, annotator, ARTICLES_GOLD, args.limit)
    elapsed = time.perf_counter() - started

    table, data = report(results, registry, args.registry)
    speed, speed_data = speed_line(results)
    code = describe_code()
    print(f"Code: {code}")
    print(f"Registry: {args.registry} ({len(registry.actors)} actors, {len(registry.sources)} sources)"
          + (f"; limit {args.limit} per dataset" if args.limit else "") + "\n")
    print(table)
    print(speed + f". Total {elapsed:.1f} s.")
    if "wikinews" in chosen and not args.limit:  # speakers on fresh dev material (gold/speakers_dev.json)
        sp = evaluate_speaker_sample(args.corpus, annotator)
        kinds = ", ".join(f"{k} {r}/{r + w}" for k, (r, w) in sorted(sp.per_kind.items()))
        print(f"Speakers, dev sample of Der Standard and Reuters TEST (scoring/speakersample.py): P {sp.precision:.3f} "
              f"({sp.right}/{sp.right + sp.wrong} judged; {kinds}); {len(sp.unjudged)} without a verdict")
        data["speakers_dev_sample"] = {"right": sp.right, "wrong": sp.wrong, "unjudged": len(sp.unjudged),
                                       "per_kind": {k: {"right": r, "wrong": w} for k, (r, w) in sorted(sp.per_kind.items())}}
        s2 = evaluate_speaker_sample(args.corpus, annotator, sample=ROUND11)  # the second fresh sample: P and R
        print(f"Speakers, dev sample 2 (round 11: later Der Standard rows with speech, later Reuters TEST): P {s2.precision:.3f} "
              f"({s2.right}/{s2.right + s2.wrong} judged; {len(s2.unjudged)} without a verdict), "
              f"R {s2.recall:.3f} ({s2.found}/{s2.statements} named statements)")
        data["speakers_dev_sample_2"] = {"right": s2.right, "wrong": s2.wrong, "unjudged": len(s2.unjudged),
                                         "found": s2.found, "statements": s2.statements}
        for number, sample, label in ((3, ROUND12, "round 12: the next Der Standard rows with speech, the next Reuters TEST"),
                                      (4, ROUND13, "round 13: the last Der Standard rows with speech, the next Reuters TEST"),
                                      (5, ROUND14, "round 14: GermEval dev sentences with speech, the next Reuters TEST")):
            sn = evaluate_speaker_sample(args.corpus, annotator, sample=sample)  # each judged before its round's rules
            print(f"Speakers, dev sample {number} ({label}): "
                  f"P {sn.precision:.3f} ({sn.right}/{sn.right + sn.wrong} judged; {len(sn.unjudged)} without a verdict), "
                  f"R {sn.recall:.3f} ({sn.found}/{sn.statements} named statements)")
            data[f"speakers_dev_sample_{number}"] = {"right": sn.right, "wrong": sn.wrong, "unjudged": len(sn.unjudged),
                                                     "found": sn.found, "statements": sn.statements}
    if "articles" in chosen and not args.limit:  # dev organisation candidates (gold/org_candidates.json)
        oc = evaluate_org_candidates(args.corpus, annotator)
        print(f"Organisation candidates, dev sample (scoring/orgcandidates.py): P {oc.precision:.3f} "
              f"({oc.right}/{oc.right + oc.wrong} judged); {len(oc.unjudged)} without a verdict")
        data["org_candidates_dev"] = {"right": oc.right, "wrong": oc.wrong, "unjudged": len(oc.unjudged)}
        pe = evaluate_org_candidates(args.corpus, annotator, sample=PERSONS_EN)
        print(f"Person candidates, English dev sample (gold/person_candidates_en.json): P {pe.precision:.3f} "
              f"({pe.right}/{pe.right + pe.wrong} judged); {len(pe.unjudged)} without a verdict")
        data["person_candidates_en_dev"] = {"right": pe.right, "wrong": pe.wrong, "unjudged": len(pe.unjudged)}
        data["candidates_dev_2"] = dev_sample_2(args.corpus, annotator)
        data["candidates_dev_3"] = dev_sample_3(args.corpus, annotator)
        for key, label, sample in (("person_candidates_en2", "Person", PERSONS_EN2),
                                   ("org_candidates_en2", "Organisation", ORGS_EN2)):
            e2 = evaluate_org_candidates(args.corpus, annotator, sample=sample)
            print(f"{label} candidates, English dev sample 2 (Reuters TEST 300–600, round 11): P {e2.precision:.3f} "
                  f"({e2.right}/{e2.right + e2.wrong} judged); {len(e2.unjudged)} without a verdict")
            data[key] = {"right": e2.right, "wrong": e2.wrong, "unjudged": len(e2.unjudged)}
        data["candidates_held_out"] = held_out_candidates(args.corpus, annotator)
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
