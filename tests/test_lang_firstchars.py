"""A first-character look-ahead must never change what a pattern matches."""

import random
import re

from archive_gen.annotate.speechcues import CUE_AFTER, CUE_BEFORE, SPEECH_VERB
import pytest

from archive_gen.lang.firstchars import by_first_char, with_first_chars


def _matches(pattern, text, *bounds):
    return [(m.span(), m.groups()) for m in pattern.finditer(text, *bounds)]


def test_a_word_alternation_gets_the_look_ahead_of_its_first_letters():
    fast = with_first_chars(re.compile(r"\b(?:sagt\w*|[Ll]aut)\b|,\s*so\b"))
    assert fast.pattern.startswith("(?=[,Lls])")
    assert _matches(fast, "Er sagte, so Kim, laut Bericht; Laute, Sagte") == [((3, 8), ()), ((8, 12), ()), ((18, 22), ())]


def test_patterns_it_cannot_help_stay_as_they_are():
    for source, flags in [(r"\w+sagt", 0), (r"\b(?:a|b?)", 0), (r"„([^“]+)“", 0), (r"\b(?:sagt|laut)", re.I),
                          (r"(?:a|b)c", 0), (r"\b[^x]", 0)]:
        pattern = re.compile(source, flags)
        assert with_first_chars(pattern) is pattern, source


def test_the_speech_cues_match_as_written_on_random_text_and_ranges():
    rng = random.Random(12)
    pieces = ["sagte", "Sagte", " ", ", ", "so", "nach Angaben", "Laut", "zufolge", "teilte", " mit", "führte",
              " aus", "Kim", "ä", "-", ".", "\n", "meinte", "berichtete", "der Meinung", "x", "ß", "1"]
    for cue in (SPEECH_VERB, CUE_AFTER, CUE_BEFORE):
        plain = re.compile(cue.pattern.split("])(?:", 1)[1][:-1], cue.flags)  # the pattern as written
        assert plain.pattern != cue.pattern
        for _ in range(3000):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
            start = rng.randint(0, len(text))
            end = rng.randint(start, len(text))
            assert _matches(cue, text) == _matches(plain, text), text
            assert _matches(cue, text, start, end) == _matches(plain, text, start, end), (text, start, end)


def test_alternatives_grouped_by_first_letter_match_as_the_flat_list():
    flat = r"sagt\w*|gesagt|sprach|sagte(?=\s+[^\s.;:|]+\s+mit)|teilte\w* mit|said|gab\w*(?=(?:\s+\S+){0,2}\s+an\b)"
    grouped = by_first_char(flat)
    assert grouped.startswith("s(?:agt\\w*|prach|agte")  # one group per letter, the order kept
    rng = random.Random(3)
    pieces = ["sagte", "sagt", "said", " ", "mit", "teilten", "gab", " an", "gesagt", "sprach", "x", ".", "|"]
    plain, fast = re.compile(rf"\b(?:{flat})\b"), re.compile(rf"\b(?:{grouped})\b")
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert _matches(fast, text) == _matches(plain, text), text


def test_an_alternative_without_a_leading_letter_is_refused():
    with pytest.raises(ValueError):
        by_first_char(r"sagt|\bgesagt")
