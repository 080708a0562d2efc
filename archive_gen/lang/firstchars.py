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

import re

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
