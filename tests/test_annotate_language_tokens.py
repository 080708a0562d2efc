"""Language detection from the tokens (session 17): it must find exactly what the pass over
the text (``language.detect``) found, which it replaced."""

import re

from hypothesis import given, settings, strategies as st

from archive_gen.annotate import language
from archive_gen.annotate.matcher import tokenize
from archive_gen.lang.plaincase import PLAIN_RANGES, lowers_plainly

_PLAIN = [chr(c) for a, b in PLAIN_RANGES for c in range(ord(a), ord(b) + 1)]


def test_plain_characters_lower_to_one_of_the_same_kind():
    """Why a token of letters is one run of letters of the lowered text, and why a token is a
    function word exactly when it is one of its spellings: over plain text each character
    lowers to one character, a letter to a letter, a word character to a word character, and
    only the two cases of a letter lower to that letter."""
    word = re.compile(r"\w")
    for c in _PLAIN:
        lower = c.lower()
        assert len(lower) == 1 and lower.isalpha() == c.isalpha() and bool(word.match(lower)) == bool(word.match(c))
    letters = {c for w in language._ANY_FUNCTION_WORD for c in w}
    assert all(c in (c.lower(), c.lower().upper()) for c in _PLAIN if c.lower() in letters)


def test_the_spellings_are_every_case_of_every_function_word():
    spellings = language._SPELLINGS
    assert set(spellings.values()) == language._ANY_FUNCTION_WORD
    assert all(s.lower() == w for s, w in spellings.items())
    assert {"der", "Der", "DER", "dEr", "FÜR", "fÜr", "THE", "tHe"} <= spellings.keys()
    assert len(spellings) == sum(2 ** len(w) for w in language._ANY_FUNCTION_WORD)


# Function words in every case, digits and underscores inside words, characters that lower to
# two (İ) or by their neighbours (Σ), which make a text the slow path reads, all kinds of gaps.
_PIECES = st.sampled_from(["der", "DER", "Die", "dIe", "the", "THE", "tHe", "und", "für", "FÜR", "fÜr", "is", "G7der",
                           "2der", "der_", "_the", "xİder", "İs", "ΣΑΣ", "Haus", "said", "was", "in", "ist", "½der",
                           "Ⅻthe", "Kder", "ßdas", "das2"])
_GAPS = st.sampled_from([" ", ", ", "-", "\n\n", "(", "„", " – ", "'", "’", ". ", "\u00a0", "/", "²", " → "])
_TEXTS = st.lists(st.tuples(_PIECES, _GAPS), max_size=60).map(lambda pairs: "".join(p + g for p, g in pairs))


@settings(max_examples=500, deadline=None)
@given(_TEXTS, st.sampled_from(["de", "en"]), st.integers(0, 5100))
def test_detect_tokens_is_detect(text, default, pad):
    assert language.detect_tokens(text, tokenize(text), default) == language.detect(text, default)
    longer = "x" * pad + " " + text  # the window of 5,000 characters cuts a word, or not
    assert language.detect_tokens(longer, tokenize(longer), default) == language.detect(longer, default)


def test_detect_tokens_reads_the_first_5000_characters():
    cut = "the " * 1249 + "xxxder und und und"  # "xxxder" is cut at character 5,000; the "und"s are after it
    assert lowers_plainly(cut)
    assert language.detect(cut, "de") == language.detect_tokens(cut, tokenize(cut), "de") == "en"
    assert language.detect_tokens("Der Hund und DIE Katze", tokenize("Der Hund und DIE Katze"), "en") == "de"
    assert language.detect_tokens("G7der 2der der_", tokenize("G7der 2der der_"), "en") == "de"  # inside other tokens
