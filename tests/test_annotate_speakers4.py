"""Issue 12, fourth round: quote speakers from errors of the dev part (Wikinews train + dev).
Each test uses the real sentences of a dev article (German Wikinews, CC BY 2.5) and fails
without its rule."""

from __future__ import annotations

import pytest
from speaker_samples import annotate, annotator_of, organisations, persons, speaker

from archive_gen.annotate import Annotator
from archive_gen.model import Actor

ACTORS = [Actor("spd", "SPD", "organization"), Actor("cdu", "CDU", "organization")]


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return annotator_of(ACTORS)


def quoted(article) -> list[str]:
    return [q.text for q in article.quotes]


# ------------------------------------------------------------------ bodies

def test_a_body_the_registry_lacks_speaks_as_a_candidate(annotator):  # Wikinews 22959
    a = annotate(annotator, "Derzeit beschäftigt die CCE rund 9.000 Arbeitnehmer. Die CCE bestätigte die "
                            "Aussage der Gewerkschaft nicht und nannte sie „reine Spekulation“.")
    assert speaker(a, "Spekulation") == "CCE"


def test_a_body_inside_a_compound_role_does_not_speak_for_the_person(annotator):  # Wikinews 35600
    a = annotate(annotator, "Als Beispiele nennt VW die Modelle Touareg und Phaeton. „In absehbarer Zeit“, "
                            "so VW-Finanzvorstand Hans Dieter Pötsch, wird VW „auch ein Fahrzeug entwickeln“.")
    assert speaker(a, "absehbarer") == "Hans Dieter Pötsch"


def test_a_spokesperson_speaks_for_the_body_after_the_role(annotator):  # Wikinews 52987
    a = annotate(annotator, "Der Teilchenbeschleuniger des CERN musste abgeschaltet werden. Das Kühlsystem war "
                            "wegen „Probleme[n] mit der Elektrizität“ ausgefallen, so ein Sprecher des CERN.")
    assert speaker(a, "Elektrizität") == "CERN"


def test_another_role_of_a_body_is_not_its_spokesperson(annotator):
    a = annotate(annotator, "Der Teilchenbeschleuniger des CERN musste abgeschaltet werden. Das Kühlsystem war "
                            "wegen „Problemen mit der Elektrizität“ ausgefallen, so ein Techniker des CERN.")
    assert speaker(a, "Elektrizität") is None


# ------------------------------------------------------------------ two persons in a sentence

def test_a_name_after_zu_is_whom_the_words_were_addressed_to(annotator):  # Wikinews 63107
    a = annotate(annotator, "In der Halbzeitpause soll es zu einer Verbalattacke zwischen dem französischen "
                            "Trainer Raymond Domenech und dem Stürmer Nicolas Anelka gekommen sein. Wie die "
                            "Sportzeitung berichtete, soll Anelka zu Domenech gesagt haben: „Hau ab.“")
    assert speaker(a, "Hau ab") == "Nicolas Anelka"


def test_a_quote_in_a_while_clause_is_its_subjects(annotator):  # Wikinews 83589
    a = annotate(annotator, "Die Halbzeitshow bestreiten Jennifer Lopez und Shakira. Während Shakira erklärte, "
                            "wahnsinnig aufgeregt zu sein, „größer wird es nicht“, räumte Jennifer Lopez ein, "
                            "davon geträumt zu haben.")
    assert speaker(a, "größer") == "Shakira"


def test_a_person_in_the_genitive_is_spoken_of_not_speaking(annotator):  # Wikinews 13440
    a = annotate(annotator, "Mit Befremden reagierte die CDU auf die Forderung des CSU-Vorsitzenden Edmund "
                            "Stoiber, auf die SPD zuzugehen. Den Unmut der CDU über Stoibers Äußerungen brachte die "
                            "gesundheitspolitische Sprecherin der Unionsfraktion im Bundestag, Annette Widmann-Mauz, "
                            "zum Ausdruck: „Es gibt keinen Grund, Positionen aufzugeben.“")
    assert speaker(a, "keinen Grund") == "Annette Widmann-Mauz"


# ------------------------------------------------------------------ reported speech, names in quotes

def test_reported_speech_in_more_subjunctive_forms_continues_the_speaker(annotator):  # Wikinews 53657
    a = annotate(annotator, "„Ich halte Studiengebühren für richtig“, äußerte sich Annette Schavan gegenüber "
                            "der Presse. Die Beiträge stärkten die Weiterentwicklung der Hochschulen. Die Studie "
                            "zeige in Wahrheit, „dass die Gebühren kaum vom Studium abschrecken“.")
    assert speaker(a, "abschrecken") == "Annette Schavan"


def test_quoted_words_before_their_abbreviation_are_a_name(annotator):  # Wikinews 64897
    a = annotate(annotator, "Das Bündnis aus Liberaldemokraten und Liberalen, das sich selbst „Allianz zur "
                            "Europäischen Integration“ (AIE) nennt, kam auf 57 Sitze, sagte Vlad Filat.")
    assert not any("Allianz" in q for q in quoted(a))


def test_a_quoted_model_name_is_no_speech(annotator):  # Wikinews 35600
    a = annotate(annotator, "Als Beispiele nennt der Vorstand Hans Dieter Pötsch die Modelle „Touareg“ und "
                            "den „Phaeton“.")
    assert "Touareg" not in quoted(a)


def test_the_next_sentence_may_name_who_said_a_quote(annotator):  # Wikinews 32592
    a = annotate(annotator, "„Ja, es gibt Zumutungen“. Das musste Bundesfinanzminister Peer Steinbrück zu Beginn "
                            "der mehrtägigen Debatte über den Haushaltsentwurf 2007 einräumen.")
    assert speaker(a, "Zumutungen") == "Peer Steinbrück"


def test_the_next_sentence_names_nobody_when_it_does_not_point_back(annotator):
    a = annotate(annotator, "„Ja, es gibt Zumutungen“. Zu Beginn der Debatte hatte Peer Steinbrück "
                            "den Haushaltsentwurf eingebracht.")
    assert speaker(a, "Zumutungen") is None


def test_a_given_name_after_a_relative_pronoun_starts_a_name(annotator):  # Wikinews 45882
    a = annotate(annotator, "Damit wird nun die Marke unterschritten, die Gerhard Schröder in seiner ersten "
                            "Legislaturperiode zum eigenen Erfolgskriterium erklärt hatte: „Ich rechne damit, "
                            "dass es uns gelingt.“")
    assert speaker(a, "rechne") == "Gerhard Schröder"


def test_a_cue_reaches_a_person_past_academic_titles(annotator):  # Wikinews 40269
    a = annotate(annotator, "Man kann damit laut Klinikdirektor Prof. Dr. Matthias W. Beckmann „jetzt Paaren "
                            "helfen, deren Behandlung vor 30 Jahren kaum denkbar war“.")
    assert speaker(a, "Paaren") == "Matthias W. Beckmann"


# ------------------------------------------------------------------ persons inside other names (Der Standard dev rows)


def test_clubs_and_leagues_are_no_persons(annotator):  # Der Standard row 6
    a = annotate(annotator, "West Ham United hat sich unterdessen an Rekordmeister Manchester United vorbei auf den "
                            "fünften Tabellenplatz geschoben. Newcastle United setzte sich mit 1:0 (0:0) gegen Crystal "
                            "Palace im Kellerduell durch. Am Sonntag kann Christian Fuchs mit Leicester City erstmals "
                            "den Titel in der Premier League fixieren.")
    assert persons(a) == {"Christian Fuchs"}
    assert "Crystal Palace" in {c.name for c in a.candidates if c.kind == "organization"}


def test_a_place_or_venue_with_a_given_name_inside_is_no_person(annotator):  # rows 27, 38
    a = annotate(annotator, "New York/San Juan – Das hoch verschuldete US-Territorium bemüht sich um Aufschub. "
                            "Quentin Tarantino besitzt in Los Angeles zudem das New Beverly Cinema, das analoge Filme "
                            "vorführt.")
    assert persons(a) == {"Quentin Tarantino"}


def test_a_genitive_ends_a_name(annotator):  # Der Standard row 27
    a = annotate(annotator, "Ich kann mit Streaming nichts anfangen, schreibt der Regisseur in Tom Rostons Buch "
                            "I Lost It At The Video Store.")
    assert "Tom Rostons" in persons(a) and not any("Buch" in p for p in persons(a))


def test_a_surname_ending_in_a_vowel_and_s_is_no_genitive(annotator):
    a = annotate(annotator, "Der Präsident José Eduardo Dos Santos trat nach 38 Jahren von der Macht zurück.")
    assert "José Eduardo Dos Santos" in persons(a)


def test_a_title_of_nobility_cues_a_given_name(annotator):  # Der Standard row 52
    a = annotate(annotator, "Prinz William (32) enthüllte am Montag ein Denkmal. An der Feier nahmen Queen "
                            "Elizabeth II. (89) und ihr Mann Prinz Philip (94) teil.")
    assert {"William", "Philip", "Elizabeth II"} <= persons(a)


def test_a_genitive_opens_no_name(annotator):  # Der Standard row 41
    a = annotate(annotator, "Alles andere entspreche nicht der gängigen Verwaltungspraxis, sagt Vorarlbergs Kinder- "
                            "und Jugendanwalt Michael Rauch.")
    assert persons(a) == {"Michael Rauch"}


def test_an_abbreviation_before_a_name_word_is_part_of_that_name(annotator):  # Der Standard rows 77, 142
    a = annotate(annotator, "Experten der US-Großbank JP Morgan warnen vor italienischen Finanzwerten, eine Initiative "
                            "der TU Wien auch. Die EZB ist besorgt.")
    assert not {"JP", "TU"} & organisations(a)


def test_type_codes_and_state_abbreviations_are_no_organisations(annotator):  # rows 57, 73
    a = annotate(annotator, "Die Brennweite des EF-M 15-45mm 1:3,5-6,3 IS STM liegt zwischen 24 und 70 Millimeter. "
                            "Das gab Stöger laut einer Aussendung der AK-NÖ zu bedenken.")
    assert not {"STM", "NÖ"} & organisations(a)


def test_im_gruenen_is_the_countryside_not_the_party():  # Der Standard row 74
    greens = Actor("gruene", "Die Grünen", "organization", aliases=("Grünen",))
    a = annotate(annotator_of([greens]),
                 "Er wollte doch nur ein ungestörtes Wochenende im Grünen verbringen. Die Grünen protestierten.")
    assert [m.start for m in a.mentions if m.id == "gruene"] == [a.doc.text.index("Die Grünen")]


def test_nationality_codes_after_names_are_no_organisations(annotator):  # Der Standard rows 108, 348
    a = annotate(annotator, "Novak schaffte einen Auftaktsieg gegen Gerard Granollers (ESP), er unterlag Tobias Kamke "
                            "(GER) in zwei Sätzen. Das Duo besiegte Robin Haase/Henri Kontinen (NED/FIN) 5:7, 6:3.")
    assert not {"ESP", "GER", "NED", "FIN"} & organisations(a)


def test_an_abbreviation_in_brackets_after_its_own_name_stays_an_organisation(annotator):
    a = annotate(annotator, "Das teilte die Bundeswettbewerbsbehörde (BWB) mit. Im Finale schlug Hirscher (AUT) "
                            "den Norweger Kristoffersen (NOR).")
    assert "BWB" in organisations(a)


def test_a_club_prefix_after_the_clubs_name_and_a_legal_form_after_a_hyphen_are_no_bodies(annotator):  # rows 86, 131
    a = annotate(annotator, "Der Hamburger SV verlor. Brentford FC ist fixiert. Die Klage gegen die "
                            "Rechtsschutz-Versicherungs-AG wurde abgewiesen.")
    assert not {"SV", "FC", "AG"} & organisations(a)


def test_stock_indexes_are_no_organisations(annotator):  # Der Standard row 199
    a = annotate(annotator, "Der ATX fiel 15,43 Punkte. Europas Börsen: DAX/Frankfurt -0,25 Prozent, FTSE/London "
                            "-0,84 Prozent.")
    assert not {"ATX", "DAX", "FTSE"} & organisations(a)


def test_a_name_listed_between_two_persons_is_a_person(annotator):  # Der Standard row 59
    a = annotate(annotator, "Bei Ingrid Thurnher zu Gast waren Manfred Weber, Eugen Freund, Giorgos Chondros, Peter "
                            "Brezinschek, Ulrike Guérot und Christian Keuschnigg.")
    assert "Giorgos Chondros" in persons(a)


def test_a_listed_name_needs_persons_on_both_sides(annotator):
    a = annotate(annotator, "Zu Gast waren Manfred Weber, Giorgos Chondros, Rotes Kreuz und Caritas.")
    assert "Giorgos Chondros" not in persons(a)


# ------------------------------------------------------------------ separable verbs, reported speech, addressees

def test_a_separable_speech_verb_with_its_particle_far_behind(annotator):  # Wikinews 84153
    a = annotate(annotator, "Der Sprecher des Welternährungsprogramms, Tomson Phiri, teilte in einer ersten Reaktion "
                            "mit, dass die Verleihung ein „stolzer Moment“ sei.")
    assert speaker(a, "stolzer") == "Tomson Phiri"


def test_a_joined_separable_verb_in_a_subordinate_clause(annotator):  # Wikinews 61550
    a = annotate(annotator, "Wie der Vorsitzende Richter, Ottmar Breidling, ausführte, hätte es durch die Anschläge "
                            "„ein ungeheures Blutbad gegeben“.")
    assert speaker(a, "Blutbad") == "Ottmar Breidling"


def test_a_subjunctive_after_an_opening_pronoun_continues_reported_speech(annotator):  # Wikinews 45695
    a = annotate(annotator, "Renate Künast sagte, es müsse nun Schluss sein mit Schuldzuweisungen. Es drohe „eine "
                            "dramatische Erderwärmung von bis zu sechs Grad“.")
    assert speaker(a, "Erderwärmung") == "Renate Künast"


def test_a_past_tense_after_an_opening_pronoun_is_no_reported_speech(annotator):
    a = annotate(annotator, "Renate Künast sagte, es müsse nun Schluss sein mit Schuldzuweisungen. Es drohte später "
                            "„eine dramatische Erderwärmung von bis zu sechs Grad“.")
    assert speaker(a, "Erderwärmung") is None


def test_the_agency_told_before_the_colon_is_no_speaker(annotator):  # Wikinews 75225
    a = annotate(annotator, "Halima Jouini, Vorstandsmitglied der tunesischen Menschenrechtsliga, sagte dazu gegenüber "
                            "der Nachrichtenagentur AFP: „Frauen haben sich gegen den Diktator gestellt.“")
    assert speaker(a, "Diktator") == "Halima Jouini"


def test_model_codes_chemicals_and_longer_club_names(annotator):  # Wikinews 17214, 11969, 28924, 29847
    a = annotate(annotator, "Es handelt sich um eine Maschine des Typs DC-9. Gefunden wurde neben DDT auch Lindan. "
                            "Die Heimspiele des FC St. Pauli sind ausverkauft. Annika Mehlhorn, eine Schwimmerin der "
                            "SG ACT Baunatal, war mit ihm befreundet.")
    assert organisations(a) == {"FC St. Pauli"}


def test_a_given_name_written_without_its_accents(annotator):  # Der Standard rows 196, 306
    a = annotate(annotator, "In der Nachspielzeit stellte Joker Sebastien Thill den Sieg sicher. Der frühere "
                            "Vorsitzende Jean-Francois Copé wurde beschuldigt.")
    assert {"Sebastien Thill", "Jean-Francois Copé"} <= persons(a)


def test_units_versions_numerals_and_standards_are_no_organisations(annotator):  # Wikinews 41379, 81851, 83589, 75684
    a = annotate(annotator, "Er erreichte 14,6 PPG und 10,0 RPG. Erst Ubuntu 18.04 LTS behebt das. Die Halbzeitshow "
                            "der Super Bowl LIV findet in Miami statt. Es ist kompatibel mit GSM und UMTS, das Modell "
                            "DMP-BD30 auch. Laut Artikel 65 GG ist das so. Die Mission der NASA beginnt.")
    assert organisations(a) == {"NASA"}
