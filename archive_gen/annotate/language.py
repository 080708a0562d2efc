"""Which language an article is in, from its most frequent function words.

Good enough to tell German from English wire text; an editor's ``language:`` always wins.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re

from ..lang.lexicon import DETECTION_WORDS as _FUNCTION_WORDS
from ..lang.plaincase import lowers_plainly
from .matcher import END, START, TEXT, Token

_WORD = re.compile(r"[^\W\d_]+")
_ANY_FUNCTION_WORD = frozenset().union(*_FUNCTION_WORDS.values())
WINDOW = 5000  # characters read: the opening's function words decide


def detect(text: str, default: str = "de") -> str:
    words = list(filter(_ANY_FUNCTION_WORD.__contains__, _words(text[:WINDOW].lower())))  # most words are none
    counts = {lang: sum(map(vocabulary.__contains__, words)) for lang, vocabulary in _FUNCTION_WORDS.items()}
    return _decide(counts, default)


def detect_tokens(text: str, tokens: list[Token], default: str = "de") -> str:
    """:func:`detect` of ``text`` from its tokens (``matcher.tokenize``): the same answer
    without another pass over the text. Over plain text (``lang.plaincase``: each character
    lowers to one, keeping whether it is a letter) a token of letters only is one run of
    letters of the lowered text, and a function word exactly when it is one of the word's
    spellings in :data:`_SPELLINGS`; only the other tokens (``G7``, ``2015er``) are split."""
    n = len(tokens)
    if n and tokens[-1][END] > WINDOW:
        n = bisect.bisect_right(tokens, WINDOW, key=_END)  # the tokens that end inside the window
    window = text[:WINDOW]
    if not lowers_plainly(window):
        return detect(text, default)
    words = list(map(_TEXT, tokens[:n]))
    runs = list(map(_SPELLINGS.__getitem__, filter(_SPELLINGS.__contains__, words)))
    rest = " ".join(itertools.compress(words, map(operator.not_, map(str.isalpha, words))))
    if n < len(tokens) and tokens[n][START] < WINDOW:  # a word the window cuts
        rest += " " + window[tokens[n][START]:]
    if rest:
        runs += filter(_ANY_FUNCTION_WORD.__contains__, _WORD.findall(rest.lower()))
    counts = {lang: sum(map(vocabulary.__contains__, runs)) for lang, vocabulary in _FUNCTION_WORDS.items()}
    return _decide(counts, default)


def _spellings(word: str) -> list[str]:
    """Every way to write ``word`` in upper and lower case: ``der``, ``Der``, ``dEr``, … ``DER``."""
    cases = ({c, c.upper()} if len(c.upper()) == 1 and c.upper().lower() == c else {c} for c in word)
    return ["".join(chars) for chars in itertools.product(*cases)]


# Each spelling of each function word, to its lower case.
_SPELLINGS = {spelling: word for word in sorted(_ANY_FUNCTION_WORD) for spelling in _spellings(word)}
_TEXT = operator.itemgetter(TEXT)
_END = operator.itemgetter(END)


def _decide(counts: dict[str, int], default: str) -> str:
    best = max(sorted(counts), key=lambda lang: counts[lang])
    return best if counts[best] >= 3 else default


def _words(text: str) -> list[str]:
    """What ``_WORD.findall(text)`` finds, in another order (only counts matter here), for
    less: a run of letters never spans whitespace, and a chunk between spaces
    that is all letters is one run; only the other chunks (``Haus,``, ``(der``, ``G7``) go
    through the regex, in one call."""
    chunks = text.split()
    letters_only = list(map(str.isalpha, chunks))
    rest = " ".join(itertools.compress(chunks, map(operator.not_, letters_only)))
    return [*itertools.compress(chunks, letters_only), *_WORD.findall(rest)]
