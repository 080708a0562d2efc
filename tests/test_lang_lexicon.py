"""Language word sets: month names from CLDR with the variants wire text uses."""

from __future__ import annotations

from archive_gen.lang import lexicon


def test_german_months_come_from_cldr_with_austrian_forms():
    months = lexicon.month_numbers("de")
    assert months["januar"] == months["jänner"] == months["jän"] == 1
    assert months["feber"] == 2 and months["sept"] == 9 and months["dez"] == 12
    assert "march" not in months


def test_english_month_pattern_for_reuters_datelines():
    assert lexicon.month_pattern("en") == "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"


def test_months_and_days_of_both_languages_start_no_name():
    for word in ("jänner", "sonnabend", "montag", "march", "sunday"):
        assert word in lexicon.MONTHS_AND_DAYS


def test_word_sets_are_per_language_and_united():
    assert "der" in lexicon.NOT_NAME_START and "the" in lexicon.NOT_NAME_START
    assert "und" in lexicon.DANGLING and "and" in lexicon.DANGLING
    assert "Der" in lexicon.NOT_PLACE_START and "The" in lexicon.NOT_PLACE_START
    assert {"von", "de", "al"} <= lexicon.NAME_PARTICLES
    assert "am" in lexicon.PLACE_PARTICLES  # "Frankfurt am Main"


def test_abbreviations_keep_their_case():
    assert "Mag" in lexicon.ABBREVIATIONS and "mag" not in lexicon.ABBREVIATIONS
    assert "bzw" in lexicon.ABBREVIATIONS and "Vgl" in lexicon.ABBREVIATIONS
