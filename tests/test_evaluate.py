"""benchmarks/evaluate.py: the scoring functions on small hand-made gold and predictions, the
three dataset evaluations on tiny files through the real annotator, and one run on a slice
of the real corpora."""

from __future__ import annotations

import json
import sys

import pytest

from archive_gen.annotate import Annotator
from archive_gen.ingest import wire
from archive_gen.errors import Diagnostics
from archive_gen.model import Actor, Registry, Source

from conftest import REPO, shared_file

sys.path.insert(0, str(REPO / "benchmarks"))
import evaluate as ev  # noqa: E402


def registry() -> Registry:
    actors = [
        Actor("angela-merkel", "Angela Merkel", "person", aliases=("Merkel",)),
        Actor("ronald-reagan", "Ronald Reagan", "person", aliases=("Reagan",)),
        Actor("nordkorea", "Nordkorea", "state", adjectives=("nordkoreanisch",), demonyms=("Nordkoreaner",)),
        Actor("deutschland", "Deutschland", "state", aliases=("Germany",), adjectives=("deutsch",)),
        Actor("vereinigte-staaten", "Vereinigte Staaten", "state", aliases=("USA", "United States")),
        Actor("berlin", "Berlin", "place"),
        Actor("nato", "Nato", "organization", aliases=("NATO",)),
    ]
    sources = [Source("dpa", "dpa", aliases=("dpa", "Deutsche Presse-Agentur"))]
    return Registry(actors={a.id: a for a in actors}, sources={s.id: s for s in sources})


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return Annotator(registry())


# ---------------------------------------------------------------------------- counting


def test_score_rates():
    s = ev.Score(gold=4, pred=5, gold_hit=3, pred_hit=2)
    assert s.precision == pytest.approx(0.4)
    assert s.recall == pytest.approx(0.75)
    assert s.f1 == pytest.approx(2 * 0.4 * 0.75 / 1.15)
    assert ev.Score().precision is None and ev.Score().f1 is None
    assert ev.Score(gold=2, pred=3).f1 == 0.0


def test_score_spans_exact_partial_and_neutral():
    gold = [(0, 13, "PER"), (20, 30, "ORG"), (40, 45, "LOC")]
    preds = [
        (0, 13, "PER"),  # exact hit
        (20, 25, "ORG"),  # boundary error: wrong exactly, right partially
        (40, 45, "ORG"),  # right span, wrong kind: wrong either way
        (60, 66, "LOC"),  # inside a neutral span (e.g. ORGpart): not counted
        (70, 75, "LOC"),  # nothing there: a false positive
    ]
    neutral = [(58, 68)]
    exact = ev.score_spans(gold, preds, neutral)
    assert (exact["PER"].pred, exact["PER"].pred_hit, exact["PER"].gold_hit) == (1, 1, 1)
    assert (exact["ORG"].gold, exact["ORG"].gold_hit, exact["ORG"].pred, exact["ORG"].pred_hit) == (1, 0, 2, 0)
    assert (exact["LOC"].gold, exact["LOC"].gold_hit, exact["LOC"].pred) == (1, 0, 1)
    partial = ev.score_spans(gold, preds, neutral, partial=True)
    assert (partial["ORG"].gold_hit, partial["ORG"].pred_hit, partial["ORG"].pred) == (1, 1, 2)
    # a prediction that overlaps a neutral span but sticks out of it is counted
    assert ev.score_spans([], [(55, 66, "LOC")], neutral)["LOC"].pred == 1


def test_bio_spans():
    tags = ["B-PER", "I-PER", "O", "I-LOC", "B-LOC", "B-LOCderiv", "I-LOCderiv", "B-ORGpart"]
    assert ev.bio_spans(tags) == [(0, 1, "PER"), (3, 3, "LOC"), (4, 4, "LOC"), (5, 6, "LOCderiv"), (7, 7, "ORGpart")]


def test_detokenize_keeps_token_offsets():
    tokens = ["Er", "sagte", ":", '"', "Ja", '"', ".", "(", "dpa", ")"]
    text, offsets = ev.detokenize(tokens)
    assert text == 'Er sagte: "Ja". (dpa)'
    assert [text[a:b] for a, b in offsets] == tokens


def test_align_when_the_reader_changed_the_text():
    tokens = ["Berlin", "–", "Merkel", "kommt"]
    built, offsets = ev.detokenize(tokens)
    aligned = ev.align(tokens, offsets, built, "Merkel kommt")
    assert aligned == [None, None, (0, 6), (7, 12)]


# ---------------------------------------------------------------------------- predictions


def test_predictions_by_kind(annotator):
    doc = wire.parse("date 2024-06-01\nAngela Merkel traf nordkoreanische Diplomaten in Berlin und bei der Nato, "
                     "berichtete die Deutsche Presse-Agentur.", "t.txt")
    article = annotator.annotate(doc, Diagnostics())
    got = {(doc.text[p.start:p.end], p.kind, p.origin) for p in ev.predictions(article, annotator.registry)}
    assert {("Angela Merkel", "PER", "linked"), ("nordkoreanische", "LOCderiv", "linked"),
            ("Berlin", "LOC", "linked"), ("Nato", "ORG", "linked"),
            ("Deutsche Presse-Agentur", "ORG", "source")} <= got
    assert not any(kind == "LOC" and text == "nordkoreanische" for text, kind, _ in got)


def test_candidates_become_person_spans(annotator):
    doc = wire.parse("date 2024-06-01\nDer Präsident Hans Obermeier sprach lange. Danach ging Obermeier.", "t.txt")
    article = annotator.annotate(doc, Diagnostics())
    spans = [(doc.text[p.start:p.end], p.kind) for p in ev.predictions(article, annotator.registry) if p.origin == "candidate"]
    assert ("Hans Obermeier", "PER") in spans


# ---------------------------------------------------------------------------- countries


def test_country_lexicon():
    lex = ev.CountryLexicon(registry())
    assert lex.classify("Nordkoreas", "LOC") == "cldr"  # genitive of a CLDR name
    assert lex.classify("Griechenlandes", "LOC") == "cldr"
    assert lex.classify("Vereinigten Staaten", "LOC") == "cldr"  # adjective inflection
    assert lex.classify("Vereinigten Königreichs", "LOC") == "cldr"
    assert lex.classify("USA", "LOC") == "registry"
    assert lex.classify("nordkoreanischen", "LOCderiv") == "registry"
    assert lex.classify("Nordkoreanerinnen", "LOCderiv") == "registry"
    assert lex.classify("kenianischen", "LOCderiv") == "derived"  # Keni|a → keni|an|isch|en
    assert lex.classify("Argentinier", "LOCderiv") == "derived"
    assert lex.classify("Schweizer", "LOCderiv") == "derived"
    for not_country in ("Berliner", "Frankfurter", "römischen", "europäischen", "südamerikanischen", "bayrische"):
        assert lex.classify(not_country, "LOCderiv") is None, not_country
    assert lex.classify("Europa", "LOC") is None  # a region code, not a country
    assert lex.classify("Argentan", "LOC") is None  # names never go through the derivation rule


# ---------------------------------------------------------------------------- quotes


ARTICLE = ("Bundeskanzlerin Angela Merkel kam nach Brüssel. „Wir bleiben“, sagte Merkel. "
           "Die Polizei sperrte die Straße. Papst Benedikt betete.")


def test_named_speaker():
    names = ev.name_tokens(ARTICLE)
    assert ev.named_speaker("Merkel", names)
    assert ev.named_speaker("Bundeskanzlerin Angela Merkel", names)
    assert ev.named_speaker("Die SPD", names)  # an acronym
    assert not ev.named_speaker("er", names)
    assert not ev.named_speaker("", names)
    assert not ev.named_speaker("Die Polizei", names)
    assert not ev.named_speaker("der Papst", names)  # the role word before a name


def test_speaker_matches():
    assert ev.speaker_matches(["Angela Merkel", "Merkel"], "Bundeskanzlerin Angela Merkel (CDU)")
    assert ev.speaker_matches(["Hans-Gert Pöttering"], "Pöttering")
    assert not ev.speaker_matches(["Guido Westerwelle"], "Angela Merkel")
    assert ev.speaker_matches(["SPD"], "Die SPD-Fraktion")
    assert ev.speaker_matches(["Angela Merkel"], "Merkels Sprecher")  # genitive
    assert not ev.speaker_matches(["Willy Brandt"], "Willy Bogner")  # a first name is not enough
    assert not ev.speaker_matches(["Die"], "Die Polizei")  # function words never match


def test_quote_and_claim_matching():
    golds = ["Die „unter Druck stehenden Soldaten“ hätten Zivilisten getötet",
             "„unter Druck stehenden Soldaten“", "„Gesindel“"]
    assert ev.quote_match("unter Druck stehenden Soldaten", golds) == 1  # the direct quote, not the report
    assert ev.quote_match("Gesindel", golds) == 2  # a one-word quote
    assert ev.quote_match("ganz etwas anderes hier", golds) is None
    assert ev.claim_match("Laut Polizei hätten die unter Druck stehenden Soldaten Zivilisten getötet.", golds) == 0
    assert ev.claim_match("Das Wetter war schön.", golds) is None


def test_a_quote_listed_once_per_layer_matches_the_layer_of_our_speaker():
    """RIA Novosti quoting Kirchner is one gold entry per layer with the same words."""
    golds = [{"speaker": "RIA Novosti", "quote": "„Wir bleiben hier“"},
             {"speaker": "Néstor Kirchner", "quote": "„Wir bleiben hier“ "},
             {"speaker": "Angela Merkel", "quote": "„Wir gehen“"}]
    assert ev.same_quote_layer(0, golds, ["Néstor Kirchner"]) == 1
    assert ev.same_quote_layer(0, golds, ["RIA Novosti"]) == 0
    assert ev.same_quote_layer(0, golds, ["Angela Merkel"]) == 0  # another quote's speaker: still wrong
    assert ev.same_quote_layer(2, golds, ["Néstor Kirchner"]) == 2
    assert ev.same_quote_layer(None, golds, ["Néstor Kirchner"]) is None


def test_evaluate_wikinews(tmp_path, annotator):
    text = ARTICLE + " Er sagte: „Das ist gut.“"
    records = [
        {"split": "dev", "wikinews_id": 1, "title": "Merkel", "date": "2010-05-01", "text": text, "quotes": [
            {"speaker": "Merkel", "type": "Direct", "cue": "sagte", "quote": "„Wir bleiben“"},
            {"speaker": "Er", "type": "Direct", "cue": "sagte", "quote": "„Das ist gut.“"},
            {"speaker": "Bundeskanzlerin Angela Merkel", "type": "Indirect", "cue": "", "quote": "sie komme"},
        ]},
        {"split": "dev", "wikinews_id": 2, "title": "Excluded", "date": "2010-05-02", "text": text, "quotes": [
            {"speaker": "Merkel", "type": "Direct", "cue": "sagte", "quote": "„Wir bleiben“"}]},
        {"split": "dev", "wikinews_id": 3, "title": "Bad", "date": "0001-01-01", "text": text, "quotes": []},
    ]
    path = tmp_path / "wn.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    result = ev.evaluate_wikinews(path, annotator, exclude=frozenset({2}))
    assert (result.docs, result.skipped_sample, result.skipped_rejected) == (1, 1, 1)
    assert (result.direct.gold, result.direct.gold_hit) == (1, 1)  # "Er" is not a named speaker
    assert result.direct.precision == 1.0
    assert result.all_types.gold == 2  # the indirect one counts here (and is missed)
    assert result.all_types.gold_hit == 1


# ---------------------------------------------------------------------------- GermEval


GERMEVAL = """#\thttp://example.org/a\t[2009-10-01]
1\tAngela\tB-PER\tO
2\tMerkel\tI-PER\tO
3\tbesuchte\tO\tO
4\tNordkorea\tB-LOC\tO
5\tund\tO\tO
6\tKenia\tB-LOC\tO
7\t.\tO\tO

#\thttp://example.org/b\t[2009-10-02]
1\tDie\tO\tO
2\tnordkoreanische\tB-LOCderiv\tO
3\tRegierung\tO\tO
4\tlobte\tO\tO
5\tdie\tO\tO
6\tDeutsche\tB-ORG\tB-LOCderiv
7\tBank\tI-ORG\tO
8\tund\tO\tO
9\tden\tO\tO
10\tNato-Gipfel\tB-ORGpart\tO
11\t.\tO\tO
"""


def test_evaluate_germeval(tmp_path, annotator):
    path = tmp_path / "ge.tsv"
    path.write_text(GERMEVAL, encoding="utf-8")
    result = ev.evaluate_germeval(path, annotator, ev.CountryLexicon(annotator.registry))
    assert result.docs == 2
    per, loc, deriv, org = (result.exact[k] for k in ("PER", "LOC", "LOCderiv", "ORG"))
    assert (per.gold, per.gold_hit, per.pred, per.pred_hit) == (1, 1, 1, 1)
    assert (loc.gold, loc.gold_hit) == (2, 1)  # Kenia is not in the registry
    # "Deutsche" of Deutsche Bank lies on an inner-level LOCderiv: not counted per kind
    assert (deriv.gold, deriv.gold_hit, deriv.pred, deriv.pred_hit) == (1, 1, 1, 1)
    # Nato in "Nato-Gipfel" (ORGpart) is neutral; Deutsche Bank is missed
    assert (org.gold, org.gold_hit, org.pred) == (1, 0, 0)
    # linked: Angela Merkel, Nordkorea, nordkoreanische, Nato (ORGpart) right; the capitalised
    # adjective "Deutsche" before "Bank" is part of a name and not linked at all
    assert (result.linked.pred, result.linked.pred_hit, result.linked_inner) == (4, 4, 0)
    # countries: Nordkorea and nordkoreanische found, Kenia missed
    assert (result.countries.gold, result.countries.gold_hit) == (3, 2)


# ---------------------------------------------------------------------------- Reuters


def test_person_and_label_matching():
    assert ev.person_matches("James Baker", "james-baker")
    assert not ev.person_matches("Howard Baker", "james-baker")
    assert ev.person_matches("Baker", "james-baker")
    assert ev.person_matches("Javier Pérez de Cuéllar", "perez-de-cuellar")
    assert ev.person_matches("Karl Otto Pöhl", "poehl")
    assert not ev.person_matches("Reagan Administration", "reagan")
    assert ev.label_form("United States") == "united-states"


def test_evaluate_reuters(tmp_path, annotator):
    def record(newid, split, body, people, places):
        return {"newid": newid, "lewissplit": split, "date": "26-FEB-1987 15:01:01.79", "title": "T",
                "dateline": "WASHINGTON, Feb 26 -", "body": body, "topics": [], "places": places,
                "people": people, "orgs": [], "exchanges": []}

    records = [
        record(1, "TEST", "President Ronald Reagan said the United States and Germany would talk.\n",
               ["reagan"], ["usa", "japan"]),
        record(2, "TRAIN", "Reagan said nothing.\n", ["reagan"], ["usa", "west-germany"]),
        record(3, "TEST", "", ["reagan"], ["usa"]),  # no body: skipped
    ]
    path = tmp_path / "rt.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = ev.evaluate_reuters(path, annotator)
    assert result.docs == 1
    assert (result.people.gold, result.people.gold_hit, result.people.pred, result.people.pred_hit) == (1, 1, 1, 1)
    # usa found, japan missed; Germany ("germany") is in no story's labels: not counted
    assert (result.places.gold, result.places.gold_hit, result.places.pred, result.places.pred_hit) == (2, 1, 1, 1)
    assert result.places_unlabelled == 1
    assert ev.lower_bound(result.places, result.places_unlabelled).precision == 0.5


def test_candidate_samples_count_right_wrong_and_unjudged(tmp_path, annotator):
    from scoring.orgcandidates import Sample, evaluate_org_candidates
    from scoring.heldoutcandidates import wilson

    (tmp_path / "derstandard-10kgnad.csv").write_text(
        "Inland;'Die Gewerkschaft GPX und der Verband ZQK luden ein. Karl Lemberg sagte am Montag, die BVG sei "
        "dabei.'\nInland;'Der Wiener Verein ÖKV klagt. Hanna Roth sagte, es gehe voran.'\n", encoding="utf-8")
    gold = tmp_path / "gold.json"
    verdicts = [("GPX", True), ("ZQK", False), ("BVG", True), ("Karl Lemberg", True)]
    gold.write_text(json.dumps({"verdicts": [{"corpus": "derstandard", "name": n, "right": r} for n, r in verdicts]
                                + [{"corpus": "wikinews", "name": "ÖKV", "right": True}]}), encoding="utf-8")

    def keys(corpus_dir):
        return [("derstandard", "0"), ("derstandard", "1")]

    orgs = evaluate_org_candidates(tmp_path, annotator, sample=Sample(keys, ("organization",), gold))
    # ÖKV has a verdict only in another corpus: unjudged here, counted apart
    assert (orgs.right, orgs.wrong, list(orgs.unjudged)) == (2, 1, [("derstandard", "ÖKV")])
    assert orgs.wrong_names == [("derstandard", "ZQK")] and orgs.per_corpus == {"derstandard": [2, 1]}
    assert ev.held_out_candidate_row("orgs", orgs).startswith("| orgs | 0.667 (2/3) | 0.208–0.939 | derstandard 2/3 | 1 |")
    persons = evaluate_org_candidates(tmp_path, annotator, sample=Sample(keys, ("person",), gold))
    assert (persons.right, persons.wrong, list(persons.unjudged)) == (1, 0, [("derstandard", "Hanna Roth")])
    low, high = wilson(8, 10)
    assert round(low, 3) == 0.490 and round(high, 3) == 0.943 and wilson(0, 0) is None


# ---------------------------------------------------------------------------- the command


@pytest.mark.corpus
def test_whole_article_scoring(annotator):
    from scoring.wholearticle import WholeResult, score_article

    doc = wire.parse("date 2024-05-02\nAngela Merkel traf Karl Lemberg am Montag in Berlin. Die BVG und "
                     "die Omnitec luden ein. Lemberg sagte, es gehe voran.", "t.txt")
    article = annotator.annotate(doc, Diagnostics())
    gold = {"corpus": "test", "key": "1", "persons": [["Angela Merkel"], ["Karl Lemberg"], ["Hanna Roth"]],
            "organisations": [["Omnitec"]], "places": ["Berlin"], "links": {"berlin": False}}
    result = WholeResult()
    score_article(article, annotator.registry, gold, result)
    # Merkel linked, Lemberg a candidate (found also by his bare surname), Roth missed
    assert (result.persons.gold, result.persons.gold_hit) == (3, 2)
    assert result.persons.pred == result.persons.pred_hit == 2
    # the gold's judgment wins over the name rule: Berlin is listed but judged wrong here
    assert result.linked.pred - result.linked.pred_hit == 1
    assert [e["id"] for e in result.errors["wrong linked actor"]] == ["berlin"]
    assert result.errors["person missed"] == [{"article": "test 1", "person": "Hanna Roth"}]
    # an organisation candidate is right only when the gold lists its name
    assert [e["name"] for e in result.errors["wrong organisation candidate"]] == ["BVG"]


def test_evaluate_on_real_corpora(tmp_path, capsys):
    corpus = shared_file("corpus", ev.GERMEVAL).parent
    out = tmp_path / "scores.json"
    errors = tmp_path / "errors.txt"
    code = ev.main(["--corpus", str(corpus), "--limit", "25", "--json", str(out), "--errors", str(errors)])
    assert code == 0
    printed = capsys.readouterr().out
    assert "### Targets" in printed and "docs/s" in printed
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {d: data["datasets"][d]["documents"] for d in ev.DATASETS} == {d: 25 for d in ev.DATASETS}
    germeval = data["datasets"]["germeval"]
    assert germeval["partial"]["all"]["gold"] > 10
    for row in (*germeval["exact"].values(), *germeval["partial"].values(), germeval["linked_actors"],
                data["datasets"]["reuters"]["places"]):
        for key in ("precision", "recall", "f1"):
            assert row[key] is None or 0.0 <= row[key] <= 1.0
    # three of issue 3; of issue 12: sign-offs, quote speakers and four on whole articles
    assert len(data["targets"]) == 9
    assert data["datasets"]["derstandard"]["titles"].get("cut inside a clause", 0) == 0
    assert errors.read_text(encoding="utf-8").startswith("## ")


def test_speaker_sample_recall_counts_a_statement_our_attribution_covers_with_its_speaker():
    """Round 11's recall: a gold statement is found when one of our quotes or claims spans its
    offset and its speaker's surname is a word of the truth; another speaker there is a miss."""
    from scoring.speakersample import SpeakerSampleResult, count_recall
    items = [{"corpus": "reuters", "key": "1", "start": 0, "end": 50, "ours": "shearson"},
             {"corpus": "reuters", "key": "1", "start": 60, "end": 90, "ours": "Hu Yaobang"}]
    statements = [{"corpus": "reuters", "key": "1", "start": 10, "truth": "Shearson Lehman Brothers"},
                  {"corpus": "reuters", "key": "1", "start": 70, "truth": "Jean-Maxime Leveque"},
                  {"corpus": "reuters", "key": "2", "start": 0, "truth": "Bank of Japan"}]
    result = SpeakerSampleResult()
    count_recall(result, statements, items, {"shearson": ["Shearson Lehman Brothers"]})
    assert (result.found, result.statements) == (1, 3)
    assert [m["ours"] for m in result.missed_items] == [["Hu Yaobang"], []]
