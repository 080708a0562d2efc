"""Topics by keyword rules: a topic applies when its keywords occur often enough.

Keywords are lowercase word prefixes (``sanktion`` matches ``Sanktionen`` and
``sanktionierte``), matched at word starts, including the parts of hyphenated words. All
keywords of all topics form one regular expression: one pass over the text.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import Topic


class TopicRules:
    def __init__(self, topics: dict[str, Topic]) -> None:
        self._owners: dict[str, list[str]] = {}
        for topic in sorted(topics.values(), key=lambda t: t.id):
            for keyword in topic.keywords:
                self._owners.setdefault(keyword.lower(), []).append(topic.id)
        self._min_hits = {t.id: t.min_hits for t in topics.values()}
        alternatives = sorted(self._owners, key=lambda k: (-len(k), k))
        self._regex = (
            re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, alternatives)) + ")", re.IGNORECASE)
            if alternatives else None
        )

    def assign(self, text: str) -> list[str]:
        """Topic ids, most hits first, then by id."""
        if self._regex is None:
            return []
        hits: Counter[str] = Counter()
        for match in self._regex.finditer(text):
            for topic_id in self._owners.get(match.group().lower(), ()):
                hits[topic_id] += 1
        chosen = [t for t, n in hits.items() if n >= self._min_hits[t]]
        return sorted(chosen, key=lambda t: (-hits[t], t))
