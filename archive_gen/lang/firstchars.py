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
import itertools
import operator
import re
from collections.abc import Iterator

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
    patterns once (:class:`Beginnings`): at a word start whose word begins with one of their
    first words (``sagt``, ``erklärt`` …), or where a rarer other beginning stands (``, so``);
    the words are the text's tokens, which the caller has already. The matches are the same:
    ``pos`` only says where a search begins (``\\b`` and look-behinds still see the text before
    it), and no match can begin before the first such place."""

    def __init__(self, text: str, beginnings: Beginnings, words: list[str], word_starts: list[int]) -> None:
        """``words``: the text's ``\\w+`` runs, in order; ``word_starts``: their offsets."""
        self.text, self.beginnings = text, beginnings
        self._words, self._word_starts = words, word_starts
        self._starts: dict[int, list[int]] | None = None  # by id(pattern), found at the first search

    def search(self, pattern: re.Pattern, pos: int, endpos: int) -> re.Match | None:
        begin = self._begin(pattern, pos, endpos)
        return None if begin is None else pattern.search(self.text, begin, endpos)

    def finditer(self, pattern: re.Pattern, pos: int, endpos: int) -> Iterator[re.Match]:
        begin = self._begin(pattern, pos, endpos)
        return iter(()) if begin is None else pattern.finditer(self.text, begin, endpos)

    def _begin(self, pattern: re.Pattern, pos: int, endpos: int) -> int | None:
        """The first place in [pos, endpos) where a match can begin, or None."""
        if self._starts is None:
            self._starts = self.beginnings.find(self.text, self._words, self._word_starts)
        starts = self._starts.get(id(pattern))
        if starts is None:  # a pattern whose beginnings are unknown: the whole window
            return pos
        k = bisect.bisect_left(starts, pos)
        return starts[k] if k < len(starts) and starts[k] < endpos else None


KEY_SIZE = 3  # a word's first three characters tell most words that begin no cue word


class Beginnings:
    """Where the matches of each of a few patterns can begin, read off the patterns once: at a
    word start whose word begins with one of the literal words an alternative after ``\\b``
    begins with (``sagt``, ``nach``, ``zufolge``), or where another alternative's first
    character stands with what must follow it (``,(?=\\s*so)``). A pattern whose beginnings
    cannot be read (or that may match the empty string) is left out: it is searched as it is."""

    def __init__(self, *patterns: re.Pattern) -> None:
        self.patterns = patterns
        words: list[tuple[int, str]] = []  # (pattern number, literal first word)
        self._others: list[tuple[int, re.Pattern]] = []
        self._known: list[int] = []
        for number, pattern in enumerate(patterns):
            heads = _read(pattern)
            if heads is None:
                continue
            self._known.append(number)
            other: dict[str, list[str]] = {}
            for char, boundary, rest, literals in heads:
                if boundary and _WORD.fullmatch(char):
                    words += ((number, char + literal) for literal in literals)
                else:
                    other.setdefault(char, []).append(rest)
            if other:
                self._others.append((number, re.compile("|".join(
                    re.escape(c) + (f"(?={'|'.join(dict.fromkeys(rests))})" if all(rests) else "")
                    for c, rests in other.items()))))
        self._size = min(KEY_SIZE, *(len(word) for _, word in words)) if words else KEY_SIZE
        table: dict[str, dict[int, set[str]]] = {}
        for number, word in words:
            table.setdefault(word[:self._size], {}).setdefault(number, set()).add(word)
        # key -> ((pattern number, the words of that pattern with this key), …)
        self._table = {key: tuple((n, tuple(sorted(ws))) for n, ws in by.items()) for key, by in table.items()}
        self._key = operator.itemgetter(slice(0, self._size))

    def windows(self, text: str, words: list[str], word_starts: list[int]) -> Windows:
        return Windows(text, self, words, word_starts)

    def find(self, text: str, words: list[str], word_starts: list[int]) -> dict[int, list[int]]:
        """{id(pattern): the sorted offsets where its matches can begin} for the patterns
        whose beginnings are known: one pass over the words for all of them."""
        found: dict[int, list[int]] = {number: [] for number in self._known}
        keys = list(map(self._key, words))
        for k in itertools.compress(itertools.count(), map(self._table.__contains__, keys)):  # few words: in C
            word = words[k]
            for number, cue_words in self._table[keys[k]]:
                if word.startswith(cue_words):
                    found[number].append(word_starts[k])
        for number, other in self._others:
            found[number] = sorted([*found[number], *(m.start() for m in other.finditer(text))])
        return {id(self.patterns[number]): starts for number, starts in found.items()}


def _read(pattern: re.Pattern) -> list[tuple[str, bool, str, list[str]]] | None:
    """:func:`_heads` of ``pattern``, or None when it cannot be read."""
    if _syntax is None or not isinstance(pattern.pattern, str) or pattern.flags & ~re.UNICODE:
        return None
    try:
        items = _syntax.parse(pattern.pattern, pattern.flags)
        return _heads(list(items), False) if items.getwidth()[0] > 0 else None  # an empty match begins anywhere
    except (re.error, TypeError, ValueError, AttributeError, RecursionError):
        return None


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
