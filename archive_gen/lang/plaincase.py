"""Text in which ``str.lower()`` can stand in for ``re.IGNORECASE``.

A lowercase pattern matched as it is against ``text.lower()`` is about twice as fast as the
same pattern with ``re.IGNORECASE`` against ``text``, but the two differ for a few characters:
the regex engine compares simple lower cases and adds some equivalences (``s`` ~ ``ſ``,
``i`` ~ ``ı``), ``str.lower()`` uses the full mapping (``İ`` → ``i̇``, two characters) and
lowers a Greek sigma by its context. Over the characters below, Latin text with its
punctuation and currency signs, they agree: ``str.lower()`` maps each to one character, keeps
whether it is a word character, and a lowercase pattern character matches it ignoring case
exactly when it equals its lower case (every pair is checked in ``tests/test_lang_plaincase.py``).
"""

from __future__ import annotations

import re

# Basic Latin to Latin Extended-A without İ, ı and ſ; general punctuation; currency signs.
PLAIN_RANGES = (("\x00", "\u012f"), ("\u0132", "\u017e"), ("\u2000", "\u206f"), ("\u20a0", "\u20cf"))
_OTHER = re.compile("[^" + "".join(f"{re.escape(a)}-{re.escape(b)}" for a, b in PLAIN_RANGES) + "]")


def lowers_plainly(text: str) -> bool:
    """Whether a lowercase pattern finds in ``text.lower()`` what it finds in ``text`` with
    ``re.IGNORECASE``: the same matches, at the same offsets, in lower case."""
    return _OTHER.search(text) is None
