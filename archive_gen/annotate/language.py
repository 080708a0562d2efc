"""Which language an article is in, from its most frequent function words.

Good enough to tell German from English wire text; an editor's ``language:`` always wins.
"""

from __future__ import annotations

import itertools
import operator
import re

from ..lang.lexicon import DETECTION_WORDS as _FUNCTION_WORDS

_WORD = re.compile(r"[^\W\d_]+")
_ANY_FUNCTION_WORD = frozenset().union(*_FUNCTION_WORDS.values())


def detect(text: str, default: str = "de") -> str:
    words = list(filter(_ANY_FUNCTION_WORD.__contains__, _words(text[:5000].lower())))  # most words are none
    counts = {lang: sum(map(vocabulary.__contains__, words)) for lang, vocabulary in _FUNCTION_WORDS.items()}
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
