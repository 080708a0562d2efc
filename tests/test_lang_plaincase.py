"""Where ``str.lower()`` stands in for ``re.IGNORECASE`` it must find exactly the same."""

import re

from hypothesis import given, settings, strategies as st

from archive_gen.annotate.topics import TopicRules
from archive_gen.lang.plaincase import PLAIN_RANGES, lowers_plainly
from archive_gen.model import Topic

PLAIN = [chr(c) for a, b in PLAIN_RANGES for c in range(ord(a), ord(b) + 1)]


def _word_char(char: str) -> bool:
    return re.fullmatch(r"\w", char) is not None


def test_each_plain_character_lowers_to_one_plain_character_of_the_same_class():
    for char in PLAIN:
        low = char.lower()
        assert len(low) == 1 and lowers_plainly(low) and low.lower() == low, repr(char)
        assert _word_char(low) == _word_char(char), repr(char)


def test_a_lowercase_character_matches_ignoring_case_exactly_what_lowers_to_it():
    for p in (c for c in PLAIN if c.lower() == c):
        literal = re.compile(re.escape(p), re.IGNORECASE)
        in_class = re.compile(f"[{re.escape(p)}\x01]", re.IGNORECASE)  # alternatives of one letter become a class
        for t in PLAIN:
            same = t.lower() == p
            assert bool(literal.fullmatch(t)) == same, (p, t)
            assert bool(in_class.fullmatch(t)) == (same or t == "\x01"), (p, t)


def test_the_characters_left_out_would_differ():
    assert re.fullmatch("s", "ſ", re.IGNORECASE) and "ſ".lower() != "s"
    assert re.fullmatch("i", "ı", re.IGNORECASE) and "ı".lower() != "i"
    assert len("İ".lower()) == 2
    assert "ΑΣ".lower()[-1] != "Σ".lower()  # Greek: a sigma lowers by its context
    assert not any(map(lowers_plainly, "ſıİΣΚ"))  # Κ: Greek, also outside


_LETTERS = "abcsißäöüSIÄÖÜẞ"  # ẞ is outside: an upper case whose lower case is ß


@settings(max_examples=300, deadline=None)
@given(keywords=st.lists(st.text(alphabet="abcsißäöü", min_size=1, max_size=4), min_size=1, max_size=6),
       text=st.text(alphabet=_LETTERS + " -.,\n1", max_size=80))
def test_topics_are_the_same_over_the_lower_case_as_ignoring_case(keywords, text):
    rules = TopicRules({"t": Topic("t", "T", tuple(keywords), min_hits=1),
                        "u": Topic("u", "U", tuple(keywords[:1]), min_hits=2)})
    # a trailing arrow is outside the plain characters: the rules then ignore case the slow way
    assert rules.assign(text) == rules.assign(text + " →")
    assert lowers_plainly(text) == ("ẞ" not in text)
