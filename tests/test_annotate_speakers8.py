"""Issue 12, eighth round: quote speakers by grammatical shape. Each test uses the real
sentences of a dev article (German Wikinews train + dev, CC BY 2.5) and fails without its rule,
except the guards, which check that a rule does not overreach."""

from __future__ import annotations

import pytest
from speaker_samples import annotate, annotator_of, speaker

from archive_gen.annotate import Annotator
from archive_gen.annotate.roles import is_role
from archive_gen.model import Actor

ACTORS = [Actor("nicolas-sarkozy", "Nicolas Sarkozy", "person"), Actor("frankreich", "Frankreich", "state"),
          Actor("cdu", "CDU", "party"), Actor("cottbus", "Cottbus", "place")]


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return annotator_of(ACTORS)


# ------------------------------------------------------------------ a name, then a role apposition

def test_a_name_before_a_role_apposition_speaks_whatever_its_surname_means(annotator):  # Wikinews 48563
    a = annotate(annotator, "Der Sturm soll am Abend die Stadt erreichen. Lothar Nicht, Ordnungsdezernent der Stadt "
                            "Cottbus, sprach von einer „Gefahr für Leib und Leben“.")
    assert speaker(a, "Gefahr für Leib") == "Lothar Nicht"


def test_english_a_name_before_a_role_apposition(annotator):
    a = annotate(annotator, "Jane Roe, the director of the agency, said “we will not give up”.")
    assert speaker(a, "we will not give up") == "Jane Roe"


def test_guard_two_capitalised_words_before_a_non_role_apposition(annotator):
    a = annotate(annotator, "Neue Wege, die Schule der Zukunft, sprach von einer „Gefahr für Leib und Leben“.")
    assert speaker(a, "Gefahr für Leib") is None


def test_guard_a_function_word_opening_is_no_given_name(annotator):
    a = annotate(annotator, "Die Stadt, Ordnungsdezernent hin oder her, sprach von einer „Gefahr für Leib und Leben“.")
    assert speaker(a, "Gefahr für Leib") is None


def test_new_role_words():
    assert is_role("Ordnungsdezernent") and is_role("Rechtsanwältin") and is_role("Referenten")
    assert not is_role("Referendum")


# ------------------------------------------------------------------ characterisations

def test_a_naming_noun_frames_the_quote_like_als(annotator):  # Wikinews 15510
    a = annotate(annotator, "Der Innenminister Frankreichs, Nicolas Sarkozy, verteidigte die Bezeichnung „Gesindel“, "
                            "mit der er die Aufständigen titulierte.")
    assert speaker(a, "Gesindel") == "nicolas-sarkozy"


def test_an_opening_person_with_a_role_apposition_characterises(annotator):  # Wikinews 8561
    a = annotate(annotator, "Kurt von Figura, Präsident der Universität Göttingen und derzeitiger Vorsitzender der "
                            "Landeshochschulkonferenz, begrüßte den Beschluss der Landesregierung als „wesentlichen "
                            "Schritt für den Erhalt der Wettbewerbsfähigkeit“.")
    assert speaker(a, "wesentlichen Schritt") == "Kurt von Figura"


def test_guard_a_naming_noun_without_an_opening_subject(annotator):
    a = annotate(annotator, "Die Bezeichnung „Gesindel“ stammt aus einer Rede, die Nicolas Sarkozy hielt.")
    assert speaker(a, "Gesindel") is None


# ------------------------------------------------------------------ a spokesperson's body as written

def test_a_spokespersons_body_as_written(annotator):  # Wikinews 31283
    a = annotate(annotator, "Als Antwort auf den Brief sagte ein Sprecher der Downing Street: „Wir weisen jede "
                            "Andeutung entschieden zurück.“")
    assert speaker(a, "Wir weisen") == "Downing Street"


def test_guard_a_spokesperson_of_a_common_noun_body(annotator):
    a = annotate(annotator, "Als Antwort auf den Brief sagte ein Sprecher der Polizei: „Wir weisen jede Andeutung "
                            "entschieden zurück.“")
    assert speaker(a, "Wir weisen") is None


# ------------------------------------------------------------------ cues and reported speech

def test_nach_meinung_is_a_cue_and_a_states_genitive_may_precede_the_role(annotator):  # Wikinews 38180
    a = annotate(annotator, "Nach Ansicht von Niedersachsens Ministerpräsident Christian Wulff (CDU) ist mit der "
                            "Empfehlung von Generalanwalt Colomer jedoch noch keine Vorentscheidung gefallen. „Es ist "
                            "nur eine gutachterliche Stellungnahme.“ Nach Meinung von Mike Brown, Professor am "
                            "Institut, sei das „eine Überraschung“.")
    assert speaker(a, "gutachterliche Stellungnahme") == "Christian Wulff"
    assert speaker(a, "eine Überraschung") == "Mike Brown"


def test_stellung_nehmen_is_speech_and_reported_speech_goes_on(annotator):  # Wikinews 50016
    a = annotate(annotator, "Am Rande einer Sitzung des Landtages in Hannover nahm jetzt auch der Ministerpräsident "
                            "des Landes Niedersachsen, Christian Wulff (CDU), zu der Frage Stellung. Jeder Pädagoge "
                            "könne „das Konto jetzt einlösen, er kann es später einlösen“.")
    assert speaker(a, "das Konto jetzt") == "Christian Wulff"


def test_reported_speech_runs_on_over_a_second_subjunctive_sentence(annotator):  # Wikinews 53153
    a = annotate(annotator, "Sollten sie doch davon Kenntnis erhalten, so gebe es keine wirksame Möglichkeit, sich "
                            "dagegen zu wehren, schreibt der AK Vorratsdatenspeicherung auf seiner Website. Europäern "
                            "werde ferner verweigert, unabhängige Gerichte anzurufen. Die Geheimklauseln aus dem "
                            "Dokument seien „alamierend“.")
    assert speaker(a, "alamierend") == "AK Vorratsdatenspeicherung"


def test_guard_reported_speech_stops_at_a_sentence_that_names_someone(annotator):
    a = annotate(annotator, "Sollten sie doch davon Kenntnis erhalten, so gebe es keine Möglichkeit, schreibt der AK "
                            "Vorratsdatenspeicherung auf seiner Website. Die CDU habe das Gesetz gelobt. Die "
                            "Geheimklauseln aus dem Dokument seien „alarmierend und undemokratisch“.")
    assert speaker(a, "alarmierend") != "AK Vorratsdatenspeicherung"


def test_a_view_named_by_its_holders_genitive(annotator):  # Wikinews 54188
    a = annotate(annotator, "Bundesinnenminister Wolfgang Schäuble (CDU) will das Verfahren im Bundesrat ändern. Nach "
                            "Schäubles Idee soll „im Zweifel die Mehrheit der abgegebenen Stimmen im Bundesrat "
                            "entscheidend“ sein.")
    assert speaker(a, "im Zweifel") in ("Wolfgang Schäuble", "Schäuble")


def test_guard_a_genitive_without_a_view_noun(annotator):
    a = annotate(annotator, "Nach Schäubles Rede soll „im Zweifel die Mehrheit der abgegebenen Stimmen im Bundesrat "
                            "entscheidend“ sein.")
    assert speaker(a, "im Zweifel") is None
