"""The one sentence splitter: German ordinals, abbreviations, initials, quotes, years."""

from __future__ import annotations

import pytest

from archive_gen.lang import normalize_newlines
from archive_gen.lang.sentences import BREAK, first_sentence, sentence_ends, split, starts_sentence


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Am 19. Juni kam er. Dann ging er.", ["Am 19. Juni kam er.", "Dann ging er."]),
        ("Die U.S. Army kam. Sie blieb.", ["Die U.S. Army kam.", "Sie blieb."]),
        ("Das gilt z. B. in Wien. Nicht in Graz.", ["Das gilt z. B. in Wien.", "Nicht in Graz."]),
        ("Er sagte: „Wir kommen.“ Dann ging er.", ["Er sagte: „Wir kommen.“", "Dann ging er."]),
        ("Dr. Müller kam. Er blieb.", ["Dr. Müller kam.", "Er blieb."]),
        # derstandard-10kgnad.csv: the run-in title ends with a year before the dateline
        ("Das war im Jahr 2015. Wien – Die Stadt wächst.", ["Das war im Jahr 2015.", "Wien – Die Stadt wächst."]),
        ("Es kostet 407 Mio. Euro. Das ist viel.", ["Es kostet 407 Mio. Euro.", "Das ist viel."]),
        ("Sie lief in der 296. Folge. Dann war Schluss.", ["Sie lief in der 296. Folge.", "Dann war Schluss."]),
        ("Was er mag. Dann ging er.", ["Was er mag.", "Dann ging er."]),  # "mag." is a verb, "Mag." a title
        ("Er kam nach St. Pölten. Dort blieb er.", ["Er kam nach St. Pölten.", "Dort blieb er."]),
        ("Warum? Weil es regnet… Und dann!", ["Warum?", "Weil es regnet…", "Und dann!"]),
        ("Er kam. Łódź liegt in Polen.", ["Er kam.", "Łódź liegt in Polen."]),
        ("Er kam. dann ging er.", ["Er kam. dann ging er."]),  # no capital: no end
        # Wikinews dev: an article or a subject pronoun never follows an ordinal
        ("Die Preise des Modells 3. Ein Sprecher von Tesla sagte das.",
         ["Die Preise des Modells 3.", "Ein Sprecher von Tesla sagte das."]),
        ("Sie wurde Platz 3. Er wurde 4.", ["Sie wurde Platz 3.", "Er wurde 4."]),
        ("They sold Model 3. The price fell.", ["They sold Model 3.", "The price fell."]),
        ("Er spielt in der 3. A-Klasse mit.", ["Er spielt in der 3. A-Klasse mit."]),
        ("Am 3. Dezember kam er.", ["Am 3. Dezember kam er."]),
    ],
)
def test_sentences(text, expected):
    assert sentences(text) == expected


def test_sentence_ends_give_the_end_and_the_next_start():
    text = "Eins. Zwei."
    assert list(sentence_ends(text)) == [(5, 6)]
    assert first_sentence(text) == "Eins."
    assert first_sentence("Ohne Ende") == "Ohne Ende"


def test_break_is_every_place_a_sentence_may_end():
    assert [m.end() for m in BREAK.finditer("Am 5. Juli. dpa")] == [6, 12]


@pytest.mark.parametrize("text, offset, expected", [
    ("Er kam. „Berlin", 9, True), ("Er kam in Berlin", 10, False), ("Berlin", 0, True), ("A\nBerlin", 2, True),
])
def test_starts_sentence_looks_back_over_spaces_and_quotes_only(text, offset, expected):
    assert starts_sentence(text, offset) is expected


def test_newlines_are_normalised_once():
    assert normalize_newlines("a\r\nb\rc\n") == "a\nb\nc\n"
