"""A claim's cue words are those of the cue that names its claimant (issue 12): a sentence may hold
two cues, and when the claimant is someone the registry does not know, the label shown with the
claim named the last cue the scan saw ("berichtete") instead of the one naming them ("zufolge").
The sentences are written for this test."""

from __future__ import annotations

import pytest
from speaker_samples import annotate, annotator_of

from archive_gen.annotate import Annotator


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return annotator_of([])


def _claim(article, fragment: str):
    return next(c for c in article.claims if fragment in c.text)


@pytest.mark.parametrize("text, fragment, cue, claimant", [
    # two cues: the claimant is named by the first ("berichtete" was shown)
    ("Der Zeitung Haaretz zufolge wurde der Vertrag verlängert, berichtete das Radio.", "Vertrag", "zufolge",
     "Zeitung Haaretz"),
    ("Heidegger zufolge ist das Sein ein Rätsel, so berichtete das Blatt.", "Rätsel", "zufolge", "Heidegger"),
    # guards: one cue names them, another cue follows or none does
    ("Laut IGWV sind die Preise gestiegen, berichtete das Radio am Montag.", "Preise", "Laut", "IGWV"),
    ("Dem „Kurier“ zufolge plant die Stadt eine zweite Brücke über den Fluss.", "Brücke", "zufolge", "Kurier"),
])
def test_cue_of_unknown_claimant(annotator, text, fragment, cue, claimant):
    claim = _claim(annotate(annotator, "Die Stadt plant weiter.\n\n" + text), fragment)
    assert claim.speaker_name == claimant
    assert claim.cue == cue
