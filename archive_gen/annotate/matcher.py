"""One-pass name matching: every alias of every registry entry against a text.

Text and aliases are cut into word tokens the same way; all surface forms of an alias
(as written, genitive ``-s``, adjective and demonym endings, ALL-CAPS for places) go into one
trie of tokens (a dictionary per level). Matching walks the text's tokens once and follows the
trie from each token as far as it goes, taking the longest form: linear in the text and
independent of the registry's size (most tokens stop at the first dictionary lookup).

German morphology lives here as small grammar tables, not as lists of names.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
from dataclasses import dataclass
from typing import Iterable

TOKEN_RE = re.compile(r"\w+", re.UNICODE)

ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")
DEMONYM_ENDINGS = ("", "in", "innen", "n", "s", "en", "nen")
# Prefixes that may stand before a name in a hyphenated compound: "Ex-Präsident", "Anti-Putin".
_FORMS = "\0forms"  # trie key for the forms ending at a node; never a token (tokens are \w+)
COMPOUND_PREFIXES = frozenset({"ex", "anti", "pro", "nicht", "post", "prä", "pre", "non", "neo", "pan"})


# A token is a plain tuple of six fields, in this order; readers index it with these names
# (``token[TEXT]``, ``token[GAP]``) or unpack it. Not a named tuple or a tuple subclass: every
# article makes hundreds of tokens and the rules read their fields millions of times, and the
# interpreter specialises indexing an exact tuple (a named tuple's field, or even ``token[0]`` on a
# subclass, takes its generic path: about three times the cost), and ``zip`` builds them in C.
#   TEXT           str: the word
#   START, END     int: its offsets in the text
#   HYPHEN_BEFORE  bool: joined to the previous token by "-": "Kim-Il-sung", "Nato-Chef"
#   HYPHEN_AFTER   bool: joined to the next one
#   GAP            str: what separates it from the previous token, normalised (see gap_class)
TEXT, START, END, HYPHEN_BEFORE, HYPHEN_AFTER, GAP = range(6)
Token = tuple[str, int, int, bool, bool, str]  # (text, start, end, hyphen_before, hyphen_after, gap)


@functools.lru_cache(maxsize=4096)
def gap_class(gap: str) -> str:
    """Separators that may stand between the words of one name, normalised so that a form
    matches its text: a space or a hyphen (``Kim Jong-un`` = ``Kim Jong Un``); otherwise the
    punctuation itself (``George W. Bush``, ``L'Aquila``, ``U.S.``). A paragraph break never
    stands inside a name."""
    if "\n\n" in gap:
        return "\n\n"
    if gap == "-" or gap.isspace():
        return " "
    return " ".join(gap.replace("’", "'").split(" ")).replace("\n", " ")


class _GapClasses(dict):
    """gap → :func:`gap_class` of it, filled as gaps are met: a plain dictionary lookup per token
    costs about half an ``lru_cache`` call. Few distinct gaps occur; the size is bounded anyway."""

    def __missing__(self, gap: str) -> str:
        if len(self) >= 4096:
            self.clear()
        value = self[gap] = gap_class(gap)
        return value


_GAP_CLASS = _GapClasses().__getitem__
_PARTS_RE = re.compile(r"(\w+)", re.UNICODE)  # split() on it: gap, word, gap, word, …, gap
_TEXT = operator.itemgetter(TEXT)  # a token's text, for C-level map()


def tokenize(text: str) -> list[Token]:
    """The words of ``text``; the first word's gap is empty (whatever precedes it).

    Built column by column with C-level ``map``s, not in a Python loop: every article is
    tokenised, and this is most of a build's tokens. (``operator.eq`` with ``repeat``, not a
    bound ``"-".__eq__``: a slot wrapper packs its argument in a tuple per call.)"""
    parts = _PARTS_RE.split(text)
    words = parts[1::2]
    after = parts[2:-1:2]  # the gap after each word but the last
    before = ["", *after]
    offsets = [0, *itertools.accumulate(map(len, parts))]
    hyphens = list(map(operator.eq, after, itertools.repeat("-")))  # a word joined to the next one by "-"
    return list(zip(words, offsets[1::2], offsets[2::2], [False, *hyphens], [*hyphens, False], map(_GAP_CLASS, before)))


def after_gap(tokens: list[Token], gap: str) -> Iterable[int]:
    """Indexes of the tokens that ``gap`` precedes (``", "``: where an apposition may stand),
    picked in C."""
    return itertools.compress(itertools.count(), map(operator.eq, map(_GAP, tokens), itertools.repeat(gap)))


_GAP = operator.itemgetter(GAP)  # a token's gap


Key = tuple[str, ...]  # first word, then each further word prefixed by its gap class


def form_key(text: str) -> Key:
    """The lookup key of a name: ``George W. Bush`` → ("George", " W", ". Bush")."""
    return _key([(t[GAP], t[TEXT]) for t in tokenize(text)])


def _key(pairs: list[tuple[str, str]]) -> Key:
    return tuple(word if i == 0 else gap + word for i, (gap, word) in enumerate(pairs))


def _pairs(text: str) -> list[tuple[str, str]]:
    return [(t[GAP], t[TEXT]) for t in tokenize(text)]


@dataclass(frozen=True)
class Form:
    """One surface form of one entry: what it points to and how it was derived."""

    target: str  # registry id
    how: str  # "name" | "genitive" | "adjective" | "demonym" | "short"


class AliasIndex:
    """Surface forms → entries. Forms shared by different entries are ambiguous."""

    def __init__(self) -> None:
        self._forms: dict[Key, list[Form]] = {}
        self._trie: dict = {}  # word -> {gap + word -> …, _FORMS: [Form, …]}

    def add(self, surface: str | Key, target: str, how: str) -> None:
        key = form_key(surface) if isinstance(surface, str) else surface
        if not key:
            return
        forms = self._forms.get(key)
        if forms is None:
            node = self._trie
            for part in key:
                node = node.setdefault(part, {})
            forms = node[_FORMS] = self._forms[key] = []
        if not any(f.target == target for f in forms):
            forms.append(Form(target, how))

    def add_name(self, name: str, target: str, *, upper: bool = False) -> None:
        """A proper name: as written and in the genitive (``Putins``, ``Nordkoreas``)."""
        pairs = _pairs(name)
        if not pairs:
            return
        self.add(_key(pairs), target, "name")
        last = pairs[-1][1]
        if last[-1:].lower() not in ("s", "x", "z", "ß") and not last.isupper():
            self.add(_key(pairs[:-1] + [(pairs[-1][0], last + "s")]), target, "genitive")
        if upper and len(name) >= 4 and not name.isupper():
            self.add(_key([(gap, word.upper()) for gap, word in pairs]), target, "name")

    def add_adjective(self, stem: str, target: str) -> None:
        pairs = _pairs(stem.lower())
        if not pairs:
            return
        for ending in ADJECTIVE_ENDINGS:
            form = pairs[:-1] + [(pairs[-1][0], pairs[-1][1] + ending)]
            self.add(_key(form), target, "adjective")
            self.add(_key([(gap, word[:1].upper() + word[1:]) for gap, word in form]), target, "adjective")
            if len(form) > 1:  # "US-amerikanische", "Costa-ricanische": only the first part capitalised
                head = form[0][1]
                for first in {head[:1].upper() + head[1:], head.upper() if len(head) <= 3 else None} - {None}:
                    self.add(_key([(form[0][0], first), *form[1:]]), target, "adjective")

    def add_demonym(self, demonym: str, target: str) -> None:
        pairs = _pairs(demonym)
        if not pairs:
            return
        for ending in DEMONYM_ENDINGS:
            self.add(_key(pairs[:-1] + [(pairs[-1][0], pairs[-1][1] + ending)]), target, "demonym")

    def lookup(self, key: Key) -> list[Form]:
        return self._forms.get(key, [])

    def __len__(self) -> int:
        return len(self._forms)

    def scan(self, tokens: list[Token], allow_compound_prefix: bool = True) -> Iterable[tuple[int, int, list[Form]]]:
        """Longest forms starting at each token, left to right, never overlapping.

        Yields (first token index, last token index, forms). A form must stand as a whole
        word: not the tail of a hyphenated compound (``Kim-Il-sung-Platz`` is no mention of a
        "Kim"), unless the compound starts with a prefix such as ``Ex-``. A form may be the
        head of a compound (``Nato-Generalsekretär``) when ``allow_compound_prefix``.
        """
        n = len(tokens)
        heads = list(map(self._trie.get, map(_TEXT, tokens)))  # most tokens start no name: skip them in C
        i = 0
        for start in itertools.compress(range(n), heads):  # a trie node is never empty: None is the only false head
            if start < i:
                continue  # inside the form found last
            i, node = start, heads[start]
            found, j = None, i
            while True:
                if _FORMS in node:
                    found = (j, node[_FORMS])
                if j + 1 >= n:
                    break
                node = node.get(tokens[j + 1][GAP] + tokens[j + 1][TEXT])  # same words, same separators
                if node is None:
                    break
                j += 1
            if found is None:
                i += 1
                continue
            last, forms = found
            first = i
            i = last + 1
            tail_of_compound = tokens[first][HYPHEN_BEFORE] and tokens[first - 1][TEXT].lower() not in COMPOUND_PREFIXES
            head_of_compound = tokens[last][HYPHEN_AFTER]
            if tail_of_compound or (head_of_compound and not allow_compound_prefix):
                continue
            yield first, last, forms
