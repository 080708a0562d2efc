"""The name-start test before the candidate cues skips tokens, never a candidate."""

import csv
import json
from itertools import islice

import pytest
from hypothesis import given, settings, strategies as st

from archive_gen.annotate import candidates
from archive_gen.annotate.matcher import TEXT, tokenize
from archive_gen.annotate.namestart import may_start_name, name_starts

from speaker_samples import annotate, annotator_of

CUES = frozenset({"Frau", "sagte"})
SAID = frozenset({"sagte"})

# One text per kind of cue: role, title, speech verb before and after, given name, initial,
# apposition, two proper nouns, a particle, an Arabic particle, English "said".
TEXTS = [
    "Wien – Innenminister Kickl kam. Frau Wiegemann blieb. Das sagte Seidling gestern.",
    "Seidling sagte: „Wir kommen.“ Gavriil Grigorov fotografierte, A. Wiegemann schrieb.",
    "Der türkische Verkehrsminister, Binali Yildirim, warnte. Lothar Nicht, Ordnungsdezernent der Stadt, kam.",
    "Mitt Romney sprach lange. Dann strich Romney heraus, dass Ursula von der Leyen und Baschar al-Assad fehlten.",
    "Sathit Wongnongtoey sagte am Montag, die Regierung habe Maßnahmen beschlossen. Die Regierung tagte.",
    "WASHINGTON, Feb 26 - Treasury Secretary James Baker said the dollar fell, Mr. Volcker told reporters.",
]


def test_most_capitalised_words_start_no_name():
    tokens = tokenize("Die Regierung hat Maßnahmen beschlossen, die Frau Huber lobt.")
    starts = [t[TEXT] for k, t in enumerate(tokens) if t[TEXT][:1].isupper() and may_start_name(tokens, k, CUES, SAID)]
    assert starts == ["Die", "Frau", "Huber"]  # not "Regierung", "Maßnahmen": no cue before, lowercase after


def _every_capitalised_token(tokens, words, *cues):
    """No pre-test: every capitalised token is tried (what the candidate scan did before it)."""
    return [k for k, word in enumerate(words) if word[:1].isupper()]


@pytest.mark.parametrize("text", TEXTS)
def test_the_candidates_are_the_same_without_the_test(text, monkeypatch):
    annotator = annotator_of([])
    found = annotate(annotator, text).candidates
    monkeypatch.setattr(candidates, "name_starts", _every_capitalised_token)
    assert annotate(annotator, text).candidates == found
    assert found  # each text has candidates to lose


@pytest.mark.corpus
def test_the_candidates_are_the_same_without_the_test_on_real_articles(shared, monkeypatch):
    rows = csv.reader(open(shared / "corpus" / "derstandard-10kgnad.csv", encoding="utf-8"), delimiter=";", quotechar="'")
    texts = [text for index, (_, text) in enumerate(islice(rows, 400)) if index % 5]  # the dev rows only
    with open(shared / "corpus" / "reuters21578.jsonl", encoding="utf-8") as handle:  # TEST (TRAIN is held out)
        texts += list(islice((r["body"] for r in map(json.loads, handle) if r.get("lewissplit") == "TEST" and r.get("body")), 400))
    annotator = annotator_of([])
    found = [annotate(annotator, text).candidates for text in texts]
    monkeypatch.setattr(candidates, "name_starts", _every_capitalised_token)
    assert [annotate(annotator, text).candidates for text in texts] == found


# Words of every kind the test looks at: capitalised and lowercase words, particles, the cue
# words before and after a name, roles (also lowercase and as a compound's tail), initials.
_WORDS = ["Die", "Regierung", "Huber", "Frau", "sagte", "von", "der", "al", "Präsident", "Sprecherin", "spokesman",
          "A", "W", "US", "tagte", "und", "Kim", "Jong", "un", "oberste", "Ä", "ärgerte", "ß", "1", "_x"]
_GAPS = [" ", ". ", ", ", "-", "\n\n", "\n", "  ", ": „", "“ "]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_GAPS), st.sampled_from(_WORDS)), max_size=40),
       st.sampled_from([CUES, frozenset(), frozenset({"Präsident", "so"})]), st.sampled_from([SAID, frozenset(), frozenset({"von", "Huber"})]))
def test_name_starts_is_may_start_name_at_every_capitalised_token(pairs, cue_before, cue_after):
    """The one-pass form over the words and gaps picks exactly the tokens the per-token test does."""
    tokens = tokenize("".join(gap + word for gap, word in pairs))
    direct = [k for k, t in enumerate(tokens) if t[TEXT][:1].isupper() and may_start_name(tokens, k, cue_before, cue_after)]
    assert name_starts(tokens, [t[TEXT] for t in tokens], cue_before, cue_after) == direct
