"""Issue 12, round 13: candidates on a third fresh dev sample. Real sentences of the dev part
(Der Standard dev rows, Wikinews train, Reuters TEST; ``benchmarks/README.md``, "Round 13"), some
shortened. The tests of removed or changed names fail on ``main``; the guards pass on both and
keep the right names the rules could take (a role before the kind's phrase, a nickname in
quotation marks, a double surname, "Frau X.", a company with a ticker)."""

from __future__ import annotations

import pytest
from speaker_samples import annotate, annotator_of, organisations, persons

from archive_gen.annotate import Annotator


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return annotator_of([])


@pytest.mark.parametrize("text, name", [
    ("Bei einem Raketenangriff auf die Stadt Marat Numan im Nordwesten Syriens wurden zwei Krankenhäuser getroffen.",
     "Marat Numan"),
    ("Die Kämpfer wollen die Ortschaft Tal Rifaat, die südlich von Azaz liegt, einnehmen.", "Tal Rifaat"),
    ("Das Pariser Blatt Le Canard enchaîné fragt sich auf der Titelseite, ob Präsident Hollande so weit gehe.",
     "Le Canard"),
    ("Das sei unvorstellbar, sagte Ibrahima Fall am Sonntag dem Rundfunksender Radio France Internationale.",
     "France Internationale"),
    ("Sie feierten die Errungenschaft mit Jubel auf dem Plaza Italia de Santiago in der Hauptstadt.",
     "Italia de Santiago"),
])
def test_a_kind_noun_before_a_name_says_it_is_no_person(annotator, text, name):  # kindnouns.py
    assert name not in persons(annotate(annotator, text))


def test_a_role_before_the_kinds_phrase_makes_the_name_its_holder(annotator):  # guard (Wikinews train)
    text = "Das sagte der Direktor der peruanischen Zivilluftfahrtbehörde Roberto Rodriguez am Montag."
    assert "Roberto Rodriguez" in persons(annotate(annotator, text))


@pytest.mark.parametrize("text, name", [
    ("Nachdem Österreich im Vorjahr keine Awards abräumen konnte, gewinnt die österreichische Agentur Silber. "
     "Für den österreichischen Auftraggeber Ikea Österreich gewinnt die deutsche DDB Group aus Hamburg.",
     "Ikea Österreich"),
    ("Das Team bestreitet sein zweites Gruppenspiel am 11. Januar gegen Titelverteidiger Spanien.", "Spanien"),
])
def test_a_country_is_no_person(annotator, text, name):
    assert name not in persons(annotate(annotator, text))


def test_a_name_alone_in_quotation_marks_is_a_title(annotator):
    text = ('Die ZDF-Miniserie mit Komiker Bastian Pastewka soll das deutsche "Breaking Bad" werden. Im '
            "Mittelpunkt steht Familie Lehmann, die in Bad Nauheim ein schlichtes Eigenheim bewohnt.")
    found = persons(annotate(annotator, text))
    assert "Breaking Bad" not in found and "Bastian Pastewka" in found


def test_a_nickname_announced_stays(annotator):  # guard (Wikinews train)
    text = 'Ein Fundamentalist mit dem Beinamen "Abu Tarbush" bekundete unterdessen sein Bedauern.'
    assert "Abu Tarbush" in persons(annotate(annotator, text))


def test_a_genitive_opens_no_pair(annotator):  # the bare name stands in the article too
    text = ("Auf Beckenbauers Vita fallen die Schatten der Korruption. Sollte es sich bewahrheiten, dass Franz "
            "Beckenbauer den Kauf der WM 2006 eingefädelt hat, fällt ein Schatten auf eine makellose Vita.")
    found = persons(annotate(annotator, text))
    assert "Beckenbauers Vita" not in found and "Franz Beckenbauer" in found


@pytest.mark.parametrize("text, name, wrong", [
    ("Dann können sie verlieren, sagt Defensive-Line-Spieler Schaffer.", "Schaffer",
     "Defensive-Line-Spieler Schaffer"),
    ("Gegen den Chef der tschechischen Anti-Islam-Bewegung Martin Konvička wird ermittelt.", "Martin Konvička",
     "Anti-Islam-Bewegung Martin Konvička"),
])
def test_an_office_compound_is_no_part_of_the_name(annotator, text, name, wrong):
    found = persons(annotate(annotator, text))
    assert name in found and wrong not in found


def test_a_double_surname_stays_whole(annotator):  # guard
    text = "Auch Hammerschmids Vorgängerin Gabriele Heinisch-Hosek hatte sich für einen Sozialindex eingesetzt."
    assert "Gabriele Heinisch-Hosek" in persons(annotate(annotator, text))


def test_a_letter_alone_is_no_name(annotator):
    text = "Laut dem Direktor B.N. Suresh soll in drei Monaten der erste Bodentest stattfinden."
    assert "B" not in persons(annotate(annotator, text))


def test_a_letter_after_a_title_stays(annotator):  # guard (Wikinews train)
    text = "Bedenken Sie aber auch, dass Frau X. möglicherweise Opfer einer schweren Straftat war."
    assert "X" in persons(annotate(annotator, text))


def test_a_noble_rank_opening_a_name_takes_its_von(annotator):
    text = "Es jährte sich der Anschlag der Verschwörergruppe um Oberst Graf Schenk von Stauffenberg auf Adolf Hitler."
    found = persons(annotate(annotator, text))
    assert "Graf Schenk von Stauffenberg" in found and "Graf Schenk" not in found


@pytest.mark.parametrize("text, name", [
    ("But Dean Witter Reynolds Inc analyst Clarence Morrison sees some short-term potential, he said.",
     "Dean Witter Reynolds"),
    ("Standard Elektrik Lorenz Finanz BV is issuing a 40 mln dlr eurobond, lead manager Hambros Bank Ltd said.",
     "Lorenz Finanz"),
    ("Avions Marcel Dassault-Breguet Aviation <AVMD.PA> has offered the ministry a new design, it said.",
     "Marcel Dassault-Breguet Aviation"),
    ("The offering is led by Sears, Roebuck and Co Inc's <S> Dean Witter Reynolds unit, the company said.",
     "Dean Witter Reynolds"),
    ("The company said it has sold its Peter Pan Restaurant in Urbana, Md., for 1,100,000 dlrs.",
     "Peter Pan Restaurant"),
])
def test_an_english_company_or_venue_is_no_person(annotator, text, name):  # Reuters TEST 600-800
    assert name not in persons(annotate(annotator, text))


def test_a_company_with_a_ticker_stays_an_organisation(annotator):  # guard (Reuters TEST)
    text = "LOWELL, Mass., April 9 - Wang Laboratories <WAN> said it signed an agreement with a software maker."
    assert "Wang Laboratories" in organisations(annotate(annotator, text))


@pytest.mark.parametrize("text, name", [
    ("BOSTON, April 9 - Stop and Shop Cos Inc said its sales rose 4.9 pct.", "Shop Cos Inc"),
    ("CAMBRIDGE, Mass., April 9 - Health and Rehabilitation Properties Trust said it declared a dividend.",
     "Rehabilitation Properties Trust"),
])
def test_the_tail_of_a_name_with_and_is_no_organisation(annotator, text, name):
    assert name not in organisations(annotate(annotator, text))


def test_two_surnames_side_by_side_are_no_name(annotator):  # both end other names of the article
    text = ("Federer spielt gegen Kei Nishikori nur noch um den Gruppensieg. Wenn er seine Partie gegen Tomas "
            "Berdych gewinnt, reicht es. Am Nachmittag hatte Nishikori Berdych 7:5,3:6,6:3 geschlagen. Berdych "
            "ist damit ausgeschieden.")
    found = persons(annotate(annotator, text))
    assert "Nishikori Berdych" not in found and {"Kei Nishikori", "Tomas Berdych"} <= found


def test_a_given_name_and_a_family_name_stay(annotator):  # guard: "Casa Maria" and "Andreas Großbauer"
    text = ("Der Opernball wird von Maria Großbauer organisiert. Ihr Mann, der Philharmoniker-Vorstand Andreas "
            "Großbauer, spielt im Orchester. Sie hat sich 2011 mit der Agentur Casa Maria selbstständig gemacht.")
    assert "Maria Großbauer" in persons(annotate(annotator, text))
