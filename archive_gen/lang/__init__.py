"""Language knowledge in one place: word lists, month names, sentence ends, line ends.

A leaf package: it imports nothing else from archive_gen, so ingest and annotate can both use
it. :mod:`.lexicon` holds the per-language word sets (German and English) and the month and
weekday names from Babel's CLDR data; :mod:`.sentences` is the one sentence splitter;
:func:`normalize_newlines` is the one rule for line ends.
"""

from __future__ import annotations


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so offsets and line numbers agree with what editors see."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
