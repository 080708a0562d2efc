"""Regexes with the same matches, tried only where a match can begin.

The regex engine tries a pattern such as ``\\b(?:sagt\\w*|erklärt\\w*|…)`` in full at every
character of a sentence; that is most of what the speech-verb and attribution cues cost. When
every match must begin with one of a few characters, a look-ahead for them in front,
``(?=[seg…])``, rejects the other positions at once, with exactly the same matches (the
pattern cannot match where its first character is not in the set). The set is read from the
pattern's parse tree, so it follows whatever the word lists say; when it cannot be known (a
pattern that may match the empty string or begin with ``\\w``), or when the engine skips ahead
by itself (a pattern that begins with a literal or a class), the pattern is used as it is.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from collections.abc import Iterator
from dataclasses import dataclass

try:  # the stdlib's own parser of regex syntax; without it, patterns stay as they are
    from re import _constants as _ops, _parser as _syntax
except ImportError:  # pragma: no cover (Python 3.11+ has both)
    _ops = _syntax = None

MAX_CHARS = 64  # a look-ahead for more characters than this filters too little to pay


def with_first_chars(pattern: re.Pattern) -> re.Pattern:
    """``pattern`` with a look-ahead for the characters a match can begin with, or itself."""
    if _syntax is None or not isinstance(pattern.pattern, str) or pattern.flags & re.IGNORECASE:
        return pattern  # ignoring case, the look-ahead costs more than it saves
    try:
        items = _syntax.parse(pattern.pattern, pattern.flags)
        if _engine_skips(items):
            return pattern
        chars = _first_chars(items)
        if not chars or len(chars) > MAX_CHARS:
            return pattern
        ahead = "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])"
        return re.compile(f"{ahead}(?:{pattern.pattern})", pattern.flags)
    except (re.error, TypeError, ValueError, AttributeError):  # inline flags, an unknown tree
        return pattern


def _engine_skips(items) -> bool:
    """Whether the engine itself skips to the first character: a pattern that begins with a
    literal, a class, or alternatives that each begin with a literal (as ``re`` compiles it)."""
    while items and items[0][0] is _ops.SUBPATTERN:
        items = items[0][1][3]
    if not items:
        return False
    op, arg = items[0]
    if op is _ops.BRANCH:
        return all(alternative and alternative[0][0] is _ops.LITERAL for alternative in arg[1])
    return op in (_ops.LITERAL, _ops.IN)


def _first_chars(items) -> set[str] | None:
    """The characters the first consumed character can be, or None when unknown."""
    for op, arg in items:
        if op in (_ops.AT, _ops.ASSERT, _ops.ASSERT_NOT):  # \b, ^, look-arounds: zero-width
            continue
        if op is _ops.LITERAL:
            return {chr(arg)}
        if op is _ops.IN:
            return _class_chars(arg)
        if op is _ops.BRANCH:
            chars: set[str] = set()
            for alternative in arg[1]:
                first = _first_chars(alternative)
                if first is None:
                    return None
                chars |= first
            return chars
        if op is _ops.SUBPATTERN and not arg[1] and not arg[2]:  # a group without flags of its own
            return _first_chars(arg[3])
        return None  # repeats, categories, backreferences …: not worth knowing
    return None  # the pattern may match the empty string


def _class_chars(items) -> set[str] | None:
    chars: set[str] = set()
    for op, arg in items:
        if op is _ops.LITERAL:
            chars.add(chr(arg))
        elif op is _ops.RANGE and arg[1] - arg[0] < MAX_CHARS:
            chars.update(map(chr, range(arg[0], arg[1] + 1)))
        else:  # a negated class, \w, a wide range
            return None
    return chars


def by_first_char(alternation: str) -> str:
    """``a|b|…`` with its alternatives grouped by their first character: ``s(?:agt\\w*|prach)|…``.

    The engine tries a branch's alternatives one after another; grouped, only those that begin
    with the character at hand are tried. The matches are the same: alternatives that begin
    with different literal characters cannot match at the same place, and within a group the
    order stays. Each alternative must begin with a letter (checked)."""
    groups: dict[str, list[str]] = {}
    for alternative in _top_level_alternatives(alternation):
        if not alternative[:1].isalpha():
            raise ValueError(f"alternative without a leading letter: {alternative!r}")
        groups.setdefault(alternative[0], []).append(alternative[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


def _top_level_alternatives(alternation: str) -> list[str]:
    """``alternation`` split at each ``|`` outside groups, classes and escapes."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(alternation):
        char = alternation[i]
        if char == "\\":
            i += 1
        elif char == "[":
            i = alternation.index("]", i + 2)  # "[]…]" and "[^]…]" are not used here
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(alternation[start:i])
            start = i + 1
        i += 1
    parts.append(alternation[start:])
    return parts


class Windows:
    """One text's searches for a few patterns over many windows of it (sentences, the words
    between a quote and its verb), each search begun where a match can first begin, or skipped.

    The speech cues are searched window by window, dozens of times per article, and the engine
    tries them at every character of every window. Where a match can begin is read off the
    pattern once (:func:`beginnings`): at a word start whose word begins with one of its first
    words (``sagt``, ``erklärt`` …), or where a rarer other beginning stands (``, so``). The
    words are the text's tokens, which the caller has already. The matches are the same: ``pos``
    only says where a search begins (``\\b`` and look-behinds still see the text before it), and
    no match can begin before the first such place."""

    def __init__(self, text: str, words: list[str], word_starts: list[int]) -> None:
        """``words``: the text's ``\\w+`` runs, in order; ``word_starts``: their offsets."""
        self.text, self.words, self.word_starts = text, words, word_starts
        self._starts: dict[int, list[int] | None] = {}  # by id(pattern): a pattern's hash hashes its code
        self._keys: dict[int, list[str]] = {}  # the words' first n characters, by n

    def search(self, pattern: re.Pattern, pos: int, endpos: int) -> re.Match | None:
        begin = self._begin(pattern, pos, endpos)
        return None if begin is None else pattern.search(self.text, begin, endpos)

    def finditer(self, pattern: re.Pattern, pos: int, endpos: int) -> Iterator[re.Match]:
        begin = self._begin(pattern, pos, endpos)
        return iter(()) if begin is None else pattern.finditer(self.text, begin, endpos)

    def _begin(self, pattern: re.Pattern, pos: int, endpos: int) -> int | None:
        """The first place in [pos, endpos) where a match can begin, or None."""
        starts = self._starts.get(id(pattern), False)
        if starts is False:
            starts = self._starts[id(pattern)] = self._find(beginnings(pattern))
        if starts is None:  # beginnings unknown: the whole window
            return pos
        k = bisect.bisect_left(starts, pos)
        return starts[k] if k < len(starts) and starts[k] < endpos else None

    def _find(self, begins: Beginnings | None) -> list[int] | None:
        if begins is None:
            return None
        found = []
        if begins.words:
            keys = self._keys.get(begins.size)
            if keys is None:
                keys = self._keys[begins.size] = list(map(operator.itemgetter(slice(0, begins.size)), self.words))
            # in C, word by word: the few words whose key is a cue's, then those that begin with a cue word
            hits = list(itertools.compress(itertools.count(), map(begins.words.__contains__, keys)))
            cue_words = map(begins.words.__getitem__, map(keys.__getitem__, hits))
            found = list(itertools.compress(map(self.word_starts.__getitem__, hits),
                                            map(str.startswith, map(self.words.__getitem__, hits), cue_words)))
        if begins.other is not None:
            found = sorted([*found, *(m.start() for m in begins.other.finditer(self.text))])
        return found


KEY_SIZE = 3  # a word's first three characters tell most words that begin no cue


@dataclass(frozen=True)
class Beginnings:
    """Where a pattern's matches can begin: at a word start whose word begins with one of
    ``words``' prefixes (keyed by their first ``size`` characters), or where ``other`` matches."""

    size: int
    words: dict[str, tuple[str, ...]]
    other: re.Pattern | None


@functools.lru_cache(maxsize=64)
def beginnings(pattern: re.Pattern) -> Beginnings | None:
    """The places where ``pattern`` can begin a match in any window of a text (and maybe a few
    more), or None when they cannot be read off it. An alternative after ``\\b`` that begins
    with a word character begins at a word start, with the literal word characters it begins
    with; any other begins with one character, and what follows must match the literals,
    classes and repeats that the alternative goes on with (``,(?=\\s*so)``)."""
    if _syntax is None or not isinstance(pattern.pattern, str) or pattern.flags & ~re.UNICODE:
        return None
    try:
        items = _syntax.parse(pattern.pattern, pattern.flags)
        heads = _heads(list(items), False) if items.getwidth()[0] > 0 else None  # an empty match begins anywhere
    except (re.error, TypeError, ValueError, AttributeError, RecursionError):
        return None
    if heads is None:
        return None
    words: list[str] = []
    other: dict[str, list[str]] = {}
    for char, boundary, rest, literals in heads:
        if boundary and _WORD.fullmatch(char):
            words += (char + literal for literal in literals)
        else:
            other.setdefault(char, []).append(rest)
    size = min(KEY_SIZE, *map(len, words)) if words else KEY_SIZE  # one key size: the words cut once for all patterns
    by_key: dict[str, set[str]] = {}
    for word in words:
        by_key.setdefault(word[:size], set()).add(word)
    others = "|".join(re.escape(c) + (f"(?={'|'.join(dict.fromkeys(rests))})" if all(rests) else "")
                      for c, rests in other.items())
    return Beginnings(size, {key: tuple(sorted(prefixes)) for key, prefixes in by_key.items()},
                      re.compile(others) if others else None)


_WORD = re.compile(r"\w+")


def _heads(items: list, boundary: bool) -> list[tuple[str, bool, str, str]] | None:
    """Every way a match of ``items`` can begin: (its first character, whether ``\\b`` stands
    before it, a regex that what follows it must match, the literal words that may follow it),
    or None when unknown."""
    for index, (op, arg) in enumerate(items):
        if op is _ops.AT:  # zero-width: leaving a condition out only finds more places
            boundary = boundary or arg is _ops.AT_BOUNDARY
            continue
        if op in (_ops.ASSERT, _ops.ASSERT_NOT):
            continue
        rest = items[index + 1:]
        if op is _ops.LITERAL:
            return [(chr(arg), boundary, _render(rest), _prefixes(rest))]
        if op is _ops.IN:
            chars = _class_chars(arg)
            if not chars or len(chars) > MAX_CHARS:
                return None
            return [(c, boundary, _render(rest), _prefixes(rest)) for c in sorted(chars)]
        if op is _ops.BRANCH:
            heads = []
            for alternative in arg[1]:
                found = _heads([*alternative, *rest], boundary)
                if found is None:
                    return None
                heads += found
            return heads
        if op is _ops.SUBPATTERN and not arg[1] and not arg[2]:
            return _heads([*arg[3], *rest], boundary)
        return None
    return None  # only zero-width items: the pattern may match the empty string


def _prefixes(items: list) -> list[str]:
    """The words a match of ``items`` begins with, as far as they are literal: the word
    characters up to the first item that is no literal (branches and small classes each way)."""
    for index, (op, arg) in enumerate(items):
        rest = items[index + 1:]
        if op is _ops.LITERAL:
            return [chr(arg) + p for p in _prefixes(rest)] if _WORD.fullmatch(chr(arg)) else [""]
        if op is _ops.BRANCH:
            return [p for alternative in arg[1] for p in _prefixes([*alternative, *rest])]
        if op is _ops.SUBPATTERN and not arg[1] and not arg[2]:
            return _prefixes([*arg[3], *rest])
        break
    return [""]


_CATEGORIES = {"CATEGORY_SPACE": r"\s", "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w",
               "CATEGORY_NOT_WORD": r"\W", "CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D"}


def _render(items) -> str:
    """A regex for a beginning of ``items``: every text they match starts with a match of it.
    Literals, classes and their repeats as they are, zero-width items left out; it stops at the
    first item of another kind, and after a branch (each alternative's beginning)."""
    parts = []
    for op, arg in items:
        if op in (_ops.AT, _ops.ASSERT, _ops.ASSERT_NOT):
            continue
        if op in (_ops.BRANCH, _ops.SUBPATTERN):
            alternatives = arg[1] if op is _ops.BRANCH else ([arg[3]] if not arg[1] and not arg[2] else [])
            rendered = [_render(alternative) for alternative in alternatives]
            if rendered and all(rendered):
                parts.append("(?:" + "|".join(rendered) + ")")
            break
        one = _render_one(op, arg)
        if one is None and op in (_ops.MAX_REPEAT, _ops.MIN_REPEAT) and len(arg[2]) == 1:
            inner = _render_one(*arg[2][0])
            if inner is not None:
                one = f"(?:{inner}){{{arg[0]},{'' if arg[1] is _ops.MAXREPEAT else arg[1]}}}"
        if one is None:
            break
        parts.append(one)
    return "".join(parts)


def _render_one(op, arg) -> str | None:
    """A literal or a class as a regex, or None."""
    if op is _ops.LITERAL:
        return re.escape(chr(arg))
    if op is not _ops.IN:
        return None
    parts = []
    for kind, value in arg:
        if kind is _ops.NEGATE:
            parts.append("^")
        elif kind is _ops.LITERAL:
            parts.append(re.escape(chr(value)))
        elif kind is _ops.RANGE:
            parts.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
        elif kind is _ops.CATEGORY and str(value) in _CATEGORIES:
            parts.append(_CATEGORIES[str(value)])
        else:
            return None
    return "[" + "".join(parts) + "]"
