"""German-aware ordering for index pages and the letter of the A–Z jump bar.

Index pages list names as a German reader looks them up (DIN 5007-1, "dictionary"
order): umlauts file under their base letter (Ägypten beside Afghanistan, Österreich
under O), ``ß`` as ``ss``, case does not matter. The key is a total order: two names
that fold alike (Straße, Strasse) are told apart by the original string, then by id, so
a listing never reshuffles between builds.

Why a small key function and not PyICU or pyuca: ICU's German collation gives the same
primary order, but PyICU needs the ICU C++ library at build time, and its output
changes with the ICU version installed, so the same archive could render different
bytes on two machines. pyuca (the Unicode Collation Algorithm in Python, unmaintained
since 2017) sorts by the root collation, not by DIN 5007, and ships a 2 MB table. For
names in Latin script (the archive's registry) folding accents away is all DIN 5007-1
asks; other scripts sort after Latin, grouped by script through their code points.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")

DIGITS = "#"  # jump-bar bucket for names that start with a digit or a symbol
OTHER = "…"  # jump-bar bucket for names in non-Latin scripts (Cyrillic, Arabic, CJK …)

# Letters NFKD does not decompose into a base letter plus marks.
_FOLD = str.maketrans({
    "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o",
    "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "ł": "l", "Ł": "l", "þ": "th", "Þ": "th",
    "ı": "i", "ħ": "h", "Ħ": "h",
})
# Quotes, brackets and other marks in front of a name do not decide where it files.
_LEADING_NOISE = re.compile(r"^[\W_]+", re.UNICODE)
_SPACES = re.compile(r"\s+")


def fold(name: str) -> str:
    """The name as it files: without accents and case, ``ß`` → ``ss``, leading marks dropped."""
    text = unicodedata.normalize("NFKD", name.translate(_FOLD))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _SPACES.sub(" ", text.casefold().translate(_FOLD)).strip()
    stripped = _LEADING_NOISE.sub("", text)
    return stripped or text


def sort_key(name: str, item_id: str = "") -> tuple[str, str, str]:
    """Key for ``sorted``: DIN 5007-1 order, then the original string, then the id."""
    return (fold(name), name, item_id)


def initial(name: str) -> str:
    """The jump-bar letter a name files under: ``A``–``Z``; :data:`DIGITS` for digits and
    symbols; :data:`OTHER` for letters of other scripts. Ägypten → ``A``, 1. FC → ``#``."""
    folded = fold(name)
    if not folded:
        return DIGITS
    first = folded[0]
    if "a" <= first <= "z":
        return first.upper()
    if first.isalpha():
        return OTHER
    return DIGITS


def initial_key(letter: str) -> tuple[int, str]:
    """Order of the jump-bar buckets: ``#`` first, then A–Z, then other scripts."""
    return (0 if letter == DIGITS else 2 if letter == OTHER else 1, letter)


def by_initial(items: Iterable[T], name_of: Callable[[T], str],
               id_of: Callable[[T], str] = lambda _: "") -> list[tuple[str, list[T]]]:
    """Items in index order, grouped by their jump-bar letter: ``[("A", [...]), …]``."""
    ordered = sorted(items, key=lambda item: sort_key(name_of(item), id_of(item)))
    groups: dict[str, list[T]] = {}
    for item in ordered:
        groups.setdefault(initial(name_of(item)), []).append(item)
    return sorted(groups.items(), key=lambda kv: initial_key(kv[0]))
