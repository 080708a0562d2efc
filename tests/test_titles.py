"""Derived headlines are whole sentences or whole clauses, never cut inside a clause.

Fixtures are excerpts of real articles, each with its source named: Der Standard from
derstandard-10kgnad.csv (10kGNAD, row number), Reuters-21578 (newid) and the seed article.
"""

from __future__ import annotations

import csv

import pytest

from archive_gen.annotate.titles import MAX_TITLE, derive_headline, derive_title, has_verb, lead_title, needs_editor_title
from archive_gen.ingest import wire

from conftest import shared_file

# Der Standard row 2: the first sentence is short enough: taken whole, verb and all.
GPA = ('Die Gewerkschaft GPA-djp lanciert den "All-in-Rechner" und findet, dass die Vertragsform auf die '
       "Führungsebene beschränkt gehört. Wien – Die Gewerkschaft GPA-djp sieht Handlungsbedarf.")
# Der Standard row 157: cut after the main clause, not inside it.
BECKENBAUER = ("Franz Beckenbauer, die Lichtgestalt des deutschen Fußballs, über die Finsternis hereingebrochen ist, "
               "sucht rund um den WM-Skandal Gespräche, bekommt sie aber nicht. München – Franz Beckenbauer hat in "
               "der Affäre um die Vergabe der Fußball-WM 2006 erstmals öffentlich Stellung bezogen.")
# Der Standard row 44: a relative clause may go, the main clause stays whole.
ALTAUSSEE = ('Nazi-Zuflucht, aber auch Ort des Widerstands: Die "politische Landschaft" rund um Altaussee ist '
             "Thema eines Projekts, dessen künstlerische Eingriffe auf dem Berg und im Tal tief schlummernde "
             "Geschichte wecken. Amüsiert hatte man beim Frühstück im Hotel den Tautropfen entdeckt.")
# Der Standard row 505: the "dass" clause is what the main clause says: no cut, a long title.
GEDANKENSPIEL = ("Mit einem Gedankenspiel führen US-amerikanische Forscher vor Augen, dass auch in der Lebenswelt "
                 "des Menschen Prozesse ablaufen können, die denen in der Natur gleichkommen. Iowa City / Wien – In "
                 "der Biologie sind die Verhältnisse klar.")
# Reuters-21578 newid 12: commas inside numbers are no clause ends.
OHIO = ("Ohio Mattress Co said its first quarter, ending February 28, profits may be below the 2.4 mln dlrs, "
        "or 15 cts a share, earned in the first quarter of fiscal 1986. The company said any decline would be due "
        "to expenses.")


def test_a_short_first_sentence_is_the_title():
    headline = derive_headline(GPA)
    assert headline.text == ('Die Gewerkschaft GPA-djp lanciert den "All-in-Rechner" und findet, dass die '
                             "Vertragsform auf die Führungsebene beschränkt gehört")
    assert headline.problem is None


def test_a_long_sentence_is_cut_after_a_whole_main_clause():
    headline = derive_headline(BECKENBAUER)
    assert headline.text == ("Franz Beckenbauer, die Lichtgestalt des deutschen Fußballs, über die Finsternis "
                             "hereingebrochen ist, sucht rund um den WM-Skandal Gespräche")
    assert headline.shortened and headline.problem


def test_a_relative_clause_may_be_left_out():
    assert derive_title(ALTAUSSEE) == ('Nazi-Zuflucht, aber auch Ort des Widerstands: Die "politische Landschaft" '
                                       "rund um Altaussee ist Thema eines Projekts")


def test_never_cut_before_the_clause_a_verb_needs():
    headline = derive_headline(GEDANKENSPIEL)
    assert headline.long and not headline.shortened
    assert headline.text.endswith("die denen in der Natur gleichkommen")
    assert "derived title is a long sentence" in headline.problem


def test_english_commas_in_numbers_are_no_clause_ends():
    headline = derive_headline(OHIO, language="en")
    assert headline.text == ("Ohio Mattress Co said its first quarter, ending February 28, profits may be below "
                             "the 2.4 mln dlrs, or 15 cts a share")
    assert not headline.text.endswith(("2", "4"))


def test_seed_article_title_is_its_whole_first_sentence():
    text = shared_file("seeds", "000_4d51e86498f00da2.txt").read_text(encoding="utf-8")
    doc = wire.parse(text, "seed.txt")
    assert lead_title(doc).endswith("seines Landes im Angriffskrieg Moskaus gegen die Ukraine versprochen")
    assert needs_editor_title(doc)  # 192 characters: an editor should write a headline


@pytest.mark.parametrize("clause, verb", [
    ("Schäuble schließt Ausscheiden Griechenlands aus Eurozone nicht aus", True),
    ("Forscher entdecken neue Art", True),
    ("Kim hat seinem russischen Kollegen Putin Unterstützung versprochen", True),
    ("Laut Informationen aus Apples Zulieferkette", False),
    ("Der nordkoreanische Machthaber Kim Jong-un", False),
])
def test_has_verb(clause, verb):
    assert has_verb(clause) is verb


@pytest.mark.corpus
def test_der_standard_titles_are_never_cut_inside_a_clause():
    with shared_file("corpus", "derstandard-10kgnad.csv").open(encoding="utf-8", newline="") as handle:
        texts = [row[1] for row in csv.reader(handle, delimiter=";", quotechar="'") if len(row) > 1]
    headlines = [derive_headline(t) for t in texts]
    whole = sum(1 for h in headlines if not h.shortened)
    shortened = sum(1 for h in headlines if h.shortened)
    print(f"\nderstandard: {whole} whole first sentences, {shortened} cut after a clause, "
          f"{sum(h.long for h in headlines)} long (> {MAX_TITLE})")
    assert not any(h.text.endswith("…") for h in headlines)
    assert whole >= 490 and shortened + whole == len(texts) == 514
    assert sum(h.problem is not None for h in headlines) <= 25
