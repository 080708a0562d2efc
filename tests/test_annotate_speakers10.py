"""Issue 12, tenth round: who is the subject of the speech verb. Each test uses real sentences of
dev articles the rules were read on (Der Standard rows with index % 5 != 0, CC BY-NC-SA 4.0;
Reuters-21578 TEST stories, research use; German Wikinews train split, CC BY 2.5) and fails
without its rule, except the guards, which pass before and after: they check that a rule does
not overreach."""

from __future__ import annotations

import pytest
from speaker_samples import annotate, annotator_of, claimant, speaker

from archive_gen.annotate import Annotator
from archive_gen.model import Actor

ACTORS = [Actor("oegb", "Österreichischer Gewerkschaftsbund", "organization", aliases=("ÖGB",)),
          Actor("oevp", "Österreichische Volkspartei", "party", aliases=("ÖVP",)),
          Actor("spd", "SPD", "party"), Actor("cdu", "CDU", "party"),
          Actor("bundesbank", "Deutsche Bundesbank", "organization", aliases=("Bundesbank",)),
          Actor("weltbank", "Weltbank", "organization", aliases=("World Bank",)),
          Actor("sz", "Süddeutsche Zeitung", "organization", aliases=("SZ",))]


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return annotator_of(ACTORS)


# ------------------------------------------------------------------ a body inside the speaker's role

def test_a_body_before_the_role_qualifies_the_person_after_it(annotator):  # Der Standard 106, Reuters 14843
    a = annotate(annotator, "Die Sozialpartner reagierten wenig erfreut. Eine Frist hat noch nie eine Lösung "
                            "gebracht, sagte ÖGB-Chef Erich Foglar am Montag in Bad Ischl.\n\n"
                            "\"They've made bold moves to put everything in place. Now it's largely out of their "
                            "hands,\" said Kleinwort Benson Ltd financial analyst Simon Smithson.")
    assert claimant(a, "Eine Frist") == "Erich Foglar"
    assert speaker(a, "bold moves") == "Simon Smithson"


def test_a_party_in_brackets_after_the_person_is_not_the_subject(annotator):  # Der Standard 54
    a = annotate(annotator, "Innenministerin Johanna Mikl-Leitner (ÖVP) erklärte, dass Österreich die "
                            "Tageskontingente beibehalten werde.")
    assert claimant(a, "Tageskontingente") == "Johanna Mikl-Leitner"


# ------------------------------------------------------------------ English: the subject stands before the verb

def test_english_a_name_after_said_is_the_reported_clause_s_subject(annotator):  # Reuters 14824, 14849, 14921
    a = annotate(annotator, "Prime Minister Branko Mikulic announced the measures in parliament. The diplomats "
                            "said Mikulic's attempt to create a market economy is inevitable.\n\n"
                            "Dealers said the Bundesbank is keen to prevent too much liquidity accruing in the "
                            "market.\n\nMeanwhile, Ramon Diaz, the head of a government panel, said Andres Soriano "
                            "was not eligible to buy the shares.")
    assert claimant(a, "The diplomats said") is None
    assert claimant(a, "Dealers said") is None
    assert claimant(a, "not eligible") == "Ramon Diaz"


def test_english_a_pronoun_after_an_unnamed_speaker_names_nobody(annotator):  # Reuters 14824, 14857
    a = annotate(annotator, "Prime Minister Branko Mikulic announced the measures in parliament.\n\n"
                            "\"If an overdose is taken too abruptly, it may have adverse effects on the system,\" a "
                            "Western diplomat said. He said if the law was applied too strictly it would provoke "
                            "a new wave of strikes.")
    assert claimant(a, "He said if the law") is None


def test_english_an_inverted_subject_after_a_comma_speaks(annotator):  # Reuters 14917
    a = annotate(annotator, "The fund will be launched next month, Arab Malaysian Merchant Bank Bhd (AMBB) said. "
                            "The fund will be jointly sponsored by the merchant bank and the International Fund "
                            "Corporation of the World Bank, said AMBB in a statement.")
    assert claimant(a, "jointly sponsored") == "AMBB"


# ------------------------------------------------------------------ German: pronouns, prepositions

def test_a_pronoun_after_the_verb_is_its_subject_not_the_name_after_it(annotator):  # Der Standard 163
    a = annotate(annotator, "Sicherheitsforscher Matt Jakubowski hat herausgefunden, wie man das System der Puppe "
                            "hacken kann. So konnte er nach eigenen Angaben auf gespeicherte Audiodateien zugreifen, "
                            "sagte er NBC.")
    assert claimant(a, "Audiodateien") != "NBC"


def test_a_name_in_a_prepositional_phrase_before_the_verb_is_no_subject(annotator):  # Der Standard 156
    a = annotate(annotator, "Franz Beckenbauer hat sich erneut zu Wort gemeldet. In der SZ beklagte Beckenbauer, "
                            "dass weder Koch noch Rauball ihm persönlich geantwortet hätten.")
    assert claimant(a, "In der SZ") == "Franz Beckenbauer"


def test_a_name_after_a_preposition_after_the_role_is_no_speaker(annotator):  # Der Standard 7
    a = annotate(annotator, "Er hatte den Eindruck, dass Frau S. zu diesem Mann wollte, sagt der von Matthias "
                            "Prückler verteidigte 31-Jährige.")
    assert claimant(a, "Eindruck") is None


# ------------------------------------------------------------------ the first person only as a clause's subject

def test_the_first_person_of_a_sentence_speaks_only_as_a_clause_s_subject(annotator):  # Der Standard 1, 164
    a = annotate(annotator, "PSG sollte gewarnt sein, die Blues sind seit der Trennung von Jose Mourinho "
                            "erstarkt.\n\nWie die Organisation am Donnerstag mitteilte, wurde der Tunesier Abu "
                            "al-Hija am Mittwochabend tödlich getroffen.")
    assert claimant(a, "Blues") is None
    assert claimant(a, "Tunesier") is None


def test_guard_the_first_person_after_the_speech_verb_or_in_a_relative_clause_speaks(annotator):
    # Der Standard 3; Wikinews train (Schröder, Aubin)
    a = annotate(annotator, "Wir haben unser Ziel nicht erreicht. Ich übernehme die Verantwortung, sagte Mexikos "
                            "Trainer Miguel Herrera.\n\nDamit wird die Marke unterschritten, die Gerhard Schröder in "
                            "seiner ersten Legislaturperiode zum eigenen Erfolgskriterium erklärt hatte: „Ich rechne "
                            "damit, dass es uns gelingt.“\n\n„Gegenüber seinem Führungspersonal ist er die eiserne "
                            "Hand in einem eisernen Handschuh“, so charakterisierte ihn der Gewerkschaftsfunktionär "
                            "Bernard Aubin von der CFTC.")
    assert claimant(a, "Verantwortung") == "Miguel Herrera"
    assert speaker(a, "Ich rechne damit") == "Gerhard Schröder"
    assert speaker(a, "eiserne Hand") == "Bernard Aubin"


def test_guard_a_party_in_brackets_before_a_comma_keeps_its_person(annotator):  # Wikinews train
    a = annotate(annotator, "Der frühere Bürgermeister und Justizsenator, Henning Scherf (SPD), warnte die CDU vor "
                            "einem „populistischen Wahlkampf“.")
    assert speaker(a, "populistischen Wahlkampf") == "Henning Scherf"


# ------------------------------------------------------------------ ", so" and a bracketed work

def test_so_after_a_comma_is_a_cue_only_before_its_subject(annotator):  # Der Standard 69, 43
    a = annotate(annotator, "Obwohl auch das Karriere-Ende von Mardy Fish von vielen Emotionen begleitet war, so "
                            "zeigte doch der Schweizer Jungstar Belinda Bencic die meisten Gefühlsausbrüche.\n\n"
                            "Hans Pucher sei aufmerksam geworden, so wird es von Hauer-Frischmuth in einem Interview "
                            "überliefert.")
    assert claimant(a, "Gefühlsausbrüche") is None
    assert claimant(a, "aufmerksam geworden") != "Hans Pucher"


def test_guard_so_before_its_subject_still_attributes(annotator):  # Der Standard 17, 32
    a = annotate(annotator, "Der Forscher Erez Shmueli hat die Studie geleitet. Wir sind sehr schlecht darin, zu "
                            "beurteilen, wer unsere Freunde sind, so Shmueli.")
    assert claimant(a, "sehr schlecht") == "Erez Shmueli"


def test_a_work_in_brackets_after_the_role_is_no_speaker(annotator):  # Der Standard 27
    a = annotate(annotator, "Einer hält weiter an VHS-Kassetten und DVDs fest: Quentin Tarantino. Ich kann mit "
                            "Streaming nichts anfangen, schreibt der US-Kultregisseur (Inglourious Basterds) in Tom "
                            "Rostons Buch I Lost It At The Video Store.")
    assert claimant(a, "Streaming") not in ("Inglourious Basterds", "Tom Rostons")


def test_guard_a_pronoun_after_an_object_keeps_its_speaker(annotator):  # sample archive (Wikinews 2011)
    a = annotate(annotator, "Die Veröffentlichung führte seitens des Bruders des Präsidenten, Jarosław Kaczyński, zu "
                            "einer heftigen Reaktion. Er nannte die Schlussfolgerungen des Berichts eine "
                            "„Verhöhnung Polens“. Er sprach von einer einseitigen Schuldzuweisung an Polen.\n\n"
                            "Zum gleichen Thema äußerte sich heute auch US-Präsident George W. Bush.")
    assert claimant(a, "einseitigen Schuldzuweisung") == "Jarosław Kaczyński"
    assert claimant(a, "Zum gleichen Thema") == "George W. Bush"
