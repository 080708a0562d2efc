"""Topics by keyword rules: a topic applies when its keywords occur often enough.

Keywords are lowercase word prefixes (``sanktion`` matches ``Sanktionen`` and
``sanktionierte``), matched at word starts, including the parts of hyphenated words. All
keywords of all topics form one regular expression: one pass over the text, over its lower
case when that gives the same matches (``lang.plaincase``): about half the time.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from ..lang.plaincase import lowers_plainly
from ..model import Topic


class TopicRules:
    def __init__(self, topics: dict[str, Topic]) -> None:
        self._owners: dict[str, list[str]] = {}
        for topic in sorted(topics.values(), key=lambda t: t.id):
            for keyword in topic.keywords:
                self._owners.setdefault(keyword.lower(), []).append(topic.id)
        self._min_hits = {t.id: t.min_hits for t in topics.values()}
        alternatives = sorted(self._owners, key=lambda k: (-len(k), k))
        source = r"(?<!\w)(?:" + (_trie_pattern(alternatives) or "|".join(map(re.escape, alternatives))) + ")"
        self._regex = re.compile(source, re.IGNORECASE) if alternatives else None
        # the same pattern for lowercased text, when every keyword is plain (see lang.plaincase)
        self._lower_regex = re.compile(source) if alternatives and lowers_plainly("".join(alternatives)) else None

    def assign(self, text: str) -> list[str]:
        """Topic ids, most hits first, then by id."""
        if self._regex is None:
            return []
        if self._lower_regex is not None and lowers_plainly(text):
            keywords = self._lower_regex.findall(text.lower())
        else:
            keywords = [match.group().lower() for match in self._regex.finditer(text)]
        hits: Counter[str] = Counter()
        for keyword in keywords:
            for topic_id in self._owners.get(keyword, ()):
                hits[topic_id] += 1
        chosen = [t for t, n in hits.items() if n >= self._min_hits[t]]
        return sorted(chosen, key=lambda t: (-hits[t], t))


def _trie_pattern(keywords: list[str]) -> str | None:
    """The keywords as one regular expression factored by common prefixes (``sanktion(?:en)?``),
    which the regex engine tries about four times faster than a flat alternation, with the same
    matches: at each branch at most one way on can match, and a longer keyword is tried before
    a shorter one ends, so each match is the longest keyword there, as in the alternation sorted
    longest first. None when two branches could match the same letter (``s`` and ``ſ`` ignoring
    case): then the longest match could lie in the second branch, and only the flat form is right."""
    trie: dict = {}
    for word in keywords:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str | None:
        chars = sorted(c for c in node if c)
        if any(re.fullmatch(re.escape(a), b, re.IGNORECASE) for a, b in itertools.combinations(chars, 2)):
            return None
        branches = [re.escape(c) + tail for c in chars if (tail := emit(node[c])) is not None]
        if len(branches) < len(chars):
            return None
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)
