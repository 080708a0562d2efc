"""Sentence spans, shared by quote attribution and candidate evidence."""

from __future__ import annotations

import re

from ..model import Block

# End of sentence: . ! ? (optionally followed by a closing quote) before whitespace and an
# uppercase letter or opening quote; not after a single letter or a digit ("U.S.", "19. Juni").
_END = re.compile(r"(?<!\b[A-Za-z])(?<!\d)[.!?][\"“”»«']?(?=\s+[\"„»“A-ZÄÖÜ])")


def sentence_spans(blocks: tuple[Block, ...]) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of all blocks, in text order."""
    spans = []
    for block in blocks:
        start = 0
        for match in _END.finditer(block.text):
            spans.append((block.start + start, block.start + match.end()))
            start = match.end()
            while start < len(block.text) and block.text[start].isspace():
                start += 1
        if start < len(block.text):
            spans.append((block.start + start, block.end))
    return spans
