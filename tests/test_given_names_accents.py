"""A given name written with accents the name dictionary lacks (issue 12, persons found): the
dictionary has "Nestor" but not "Néstor", so "Néstor Kirchner sagte …" gave no person at all.
The sentences are written for these tests."""

from __future__ import annotations

import pickle

import pytest
from speaker_samples import annotate, annotator_of, persons

from archive_gen.annotate import Annotator
from archive_gen.annotate.namewords import GivenNames


def test_accents_folded_but_not_umlauts():
    names = GivenNames({"Nestor", "Jurgen", "Simon"})
    assert "Néstor" in names and "Simón" in names and "Nestor" in names
    assert "Jürgen" not in names  # the umlaut is a letter of its own in German
    assert "Néstorr" not in names and "Kirchner" not in names and 3 not in names
    assert pickle.loads(pickle.dumps(names)) == names and "Néstor" in pickle.loads(pickle.dumps(names))


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return annotator_of([])


@pytest.mark.parametrize("text, person", [
    ("Néstor Kirchner sagte am Montag, es gebe keine Krise.", "Néstor Kirchner"),
    ("Das Treffen mit Simón Bolívar verlief nach Angaben beider Seiten gut.", "Simón Bolívar"),
])
def test_accented_given_name_found(annotator, text, person):
    assert person in persons(annotate(annotator, "Die Stadt plant weiter.\n\n" + text))


def test_umlaut_word_is_no_folded_given_name(annotator):
    # "Über" without its umlaut would be "Uber"; an umlaut is never dropped for the lookup
    article = annotate(annotator, "Die Stadt plant weiter.\n\nÜber Kirchner sagte der Minister nichts.")
    assert not any(name.startswith("Über") for name in persons(article))
