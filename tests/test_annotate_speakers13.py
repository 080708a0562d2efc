"""Issue 12, thirteenth round: a fourth fresh sample (the last 40 Der Standard dev rows that hold
quotation marks, "sagte" or ", so"; the next 50 Reuters-21578 TEST stories), judged before any
rule changed. Each test uses real sentences of those dev articles or of the other dev material
the rules were checked on (Der Standard rows with index % 5 != 0, CC BY-NC-SA 4.0; Reuters-21578
TEST, research use; German Wikinews train split, CC BY 2.5) and fails without its rule, except
the guards, which pass before and after: they check that a rule does not overreach."""

from __future__ import annotations

import pytest
from speaker_samples import annotate, annotator_of, claimant, speaker

from archive_gen.annotate import Annotator
from archive_gen.model import Actor

ACTORS = [Actor("raif-badawi", "Raif Badawi", "person"),
          Actor("ensaf-haidar", "Ensaf Haidar", "person"),
          Actor("alexis-tsipras", "Alexis Tsipras", "person"),
          Actor("angela-merkel", "Angela Merkel", "person"),
          Actor("donald-trump", "Donald Trump", "person"),
          Actor("benjamin-netanyahu", "Benjamin Netanyahu", "person")]


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return annotator_of(ACTORS)


# ------------------------------------------------------------------ a genitive after the verb

BADAWI = ("Der Oberste Gerichtshof Saudi-Arabiens hat die Verurteilung des Bloggers Raif Badawi zu tausend "
          "Stockhieben und zehn Jahren Gefängnis bestätigt. Die letztinstanzliche Entscheidung des Gerichts sei "
          "unwiderruflich, sagte Badawis nach Kanada geflüchtete Ehefrau Ensaf Haidar am Sonntag der "
          "Nachrichtenagentur AFP.")


def test_a_genitive_after_the_verb_gives_the_person_its_noun_names(annotator):  # Der Standard 452
    assert claimant(annotate(annotator, BADAWI), "unwiderruflich") == "ensaf-haidar"  # was: Badawi, the husband


def test_a_genitive_after_the_verb_with_no_one_named_gives_nobody(annotator):  # Wikinews train 83739
    a = annotate(annotator, "Donald Trump ordnete den Angriff an. In seiner Stellungnahme befand der israelische "
                            "Premierminister Benjamin Netanyahu den US-Luftangriff als gerechtfertigt und nannte "
                            "Trumps Angriffsauftrag „schnell, kraftvoll und entschieden“.")
    assert speaker(a, "kraftvoll") != "donald-trump"  # Trump's order is spoken of, Netanyahu speaks


def test_guard_a_spokesperson_in_the_genitive_speaks_for_its_owner(annotator):
    a = annotate(annotator, "Angela Merkel war am Sonntag in Berlin. Die Entscheidung sei unwiderruflich, sagte "
                            "Merkels Sprecher am Sonntag.")  # round 12: a person's spokesperson speaks for the person
    assert claimant(a, "unwiderruflich") == "angela-merkel"


def test_guard_a_short_name_that_ends_in_s_is_no_genitive(annotator):
    a = annotate(annotator, "Alexis Tsipras traf am Montag die Gläubiger. Die Gespräche seien gut verlaufen, "
                            "sagte Tsipras am Abend in Athen.")
    assert claimant(a, "gut verlaufen") == "alexis-tsipras"


# ------------------------------------------------------------------ English: a body in a person's apposition

def test_a_body_in_a_named_persons_apposition_does_not_speak(annotator):  # Reuters 15063
    a = annotate(annotator, "Garo Armen, an analyst with Dean Witter Reynolds, said chemical makers have also "
                            "benefitted by increasing demand for plastics as prices become more competitive with "
                            "aluminum, wood and steel products.")
    assert claimant(a, "chemical makers") in (None, "Garo Armen")  # was: Dean Witter Reynolds


def test_guard_an_unnamed_analyst_at_a_body_keeps_the_body(annotator):  # Reuters 14853 (round 10: right)
    a = annotate(annotator, "A market analyst at Siam Commercial Bank said bank lending at such rates amount to "
                            "about 15 pct of all loans extended by the industry.")
    assert claimant(a, "bank lending") == "Siam Commercial Bank"


# ------------------------------------------------------------------ "Anders gesagt:" names nobody

@pytest.mark.parametrize("sentence", [
    "Anders gesagt: Gedacht hat er vielleicht schon immer so, nur gesagt hat er es nie.",  # Der Standard 487
    "Anders ausgedrückt: Nur die Hälfte derer, die wir als Freund bezeichnen, würde uns dieselbe Ehre erweisen.",  # 17
])
def test_a_participle_of_saying_has_no_name_before_it(annotator, sentence):
    a = annotate(annotator, "Er ortet keinen Sinneswandel, meint der Experte. " + sentence)
    assert claimant(a, sentence[:20]) is None  # was: "Anders"


# ------------------------------------------------------------------ English: a body's short form

@pytest.mark.parametrize("text, fragment, body", [
    ("NEW ORLEANS, La., April 8 - Freeport-McMoRan Inc said it has decided to begin accruing a portion of its "
     "estimate. Freeport said this is expected to reduce monthly payments by about two cts per unit.",
     "reduce monthly", "Freeport"),  # Reuters 15071
    ("DAYTON, Ohio, April 8 - Reynolds and Reynolds said that it filed a coutersuit in the U.S. District Court. "
     "Reynolds also said Advanced interfered with its plans to enter the market.", "interfered", "Reynolds"),  # 15076
    ("MELBOURNE, April 8 - The Victorian Corporate Affairs Commission, CAC, said it had suspended the futures "
     "trading licence of G H Shintoh (Australia) Ltd. The one month suspension followed consultation with the "
     "Sydney Futures Exchange, the CAC said.", "one month suspension", "CAC"),  # Reuters 15080
])
def test_one_word_before_said_is_the_short_form_of_a_body_named_before(annotator, text, fragment, body):
    assert claimant(annotate(annotator, text), fragment) == body  # was: nobody


def test_guard_one_word_before_said_that_no_body_began_stays_unnamed(annotator):
    a = annotate(annotator, "NEW YORK, April 8 - The company said sales rose. Chairman said the outlook was good.")
    assert claimant(a, "outlook") is None


def test_guard_a_product_name_in_quotes_is_no_statement_of_the_short_form(annotator):  # Reuters 15005
    a = annotate(annotator, "NEW YORK, April 8 - Entourage International Inc said its loss narrowed. Entourage also "
                            "said it has started marketing a solid perfume packaged in a lipstick tube called "
                            "\"Amadeus,\" retailing at 15 dlrs.")
    assert speaker(a, "Amadeus") is None
