"""Sentence spans, shared by quote attribution and candidate evidence."""

from __future__ import annotations

import bisect

from ..lang.sentences import sentence_ends
from ..model import Block


def sentence_spans(blocks: tuple[Block, ...]) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of all blocks, in text order."""
    spans = []
    for block in blocks:
        start = 0
        for stop, following in sentence_ends(block.text):
            spans.append((block.start + start, block.start + stop))
            start = following
        if start < len(block.text):
            spans.append((block.start + start, block.end))
    return spans


class Coverage:
    """Which characters of a text are taken by a span already: constant-time overlap tests,
    so annotation stays linear in the text however many names it holds."""

    def __init__(self, length: int, spans=()) -> None:
        self._taken = bytearray(length + 1)
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        self._taken[start:end] = b"\x01" * max(0, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        return 1 in self._taken[start:end]


def sentence_at(sentences: list[tuple[int, int]], starts: list[int], offset: int) -> tuple[int, int] | None:
    """The sentence (start, end) holding ``offset``; ``starts`` are the sentences' starts."""
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and sentences[i][0] <= offset < sentences[i][1]:
        return sentences[i]
    return None
