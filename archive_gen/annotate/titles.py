"""A short, sensible title for sources that have none (raw wire text).

The first sentence of the lead, without a dateline; when it is long, its first clause; when
that is still long, whole words up to a limit without a dangling article or conjunction.
Never a raw 200-character prefix. An editor's ``title:`` always wins.
"""

from __future__ import annotations

import re

from ..lang.lexicon import DANGLING as _DANGLING
from ..lang.sentences import first_sentence

MAX_TITLE = 90
MIN_CLAUSE = 30
NAME_MARGIN = 8  # a name begun before the limit may run this far past it
# Headline-like breaks only: a comma often opens a subordinate clause ("…, dass …").
_DATELINE_REST = re.compile(r"[^–—\n]{0,30}?\s(?:[–—]|--?)\s+")
_CLAUSE_BREAK = re.compile(r"\s*(?:[;:]|\s[–—-]\s)\s*")


def derive_title(lead: str, dateline: tuple[int, int] | None = None) -> str:
    """``dateline`` is the (start, end) of a place name that opens the lead (``Wien – …``)."""
    if dateline and dateline[0] == 0:
        rest = lead[dateline[1]:]
        dash = _DATELINE_REST.match(rest)  # ", Del., Feb 26 - " after the place name
        lead = rest[dash.end():] if dash else rest.lstrip(" –—-,")
    text = " ".join(lead.split())
    sentence = first_sentence(text).rstrip(".!?:; ")
    if len(sentence) <= MAX_TITLE:
        return sentence
    clause = _CLAUSE_BREAK.split(sentence, maxsplit=1)[0].strip()
    if MIN_CLAUSE <= len(clause) <= MAX_TITLE:
        return clause
    words, length = [], 0
    all_words = sentence.split()
    for i, word in enumerate(all_words):
        # Finish a name that is already begun ("… Wladimir Putin"), within a small margin.
        in_name = bool(words) and word[:1].isupper() and words[-1][:1].isupper() and len(words) > 1
        limit = MAX_TITLE + NAME_MARGIN if in_name else MAX_TITLE - 2
        if length + len(word) + 1 > limit:
            if words and in_name:
                while len(words) > 1 and words[-1][:1].isupper() and words[-2][:1].isupper():
                    words.pop()  # never leave half a name behind
                if words[-1][:1].isupper():
                    words.pop()
            break
        words.append(word)
        length += len(word) + 1
    while len(words) > 3 and words[-1].lower().strip("\"„“»«") in _DANGLING:
        words.pop()
    return " ".join(words).rstrip(",;:") + " …"


def lead_title(doc) -> str:
    """The title derived from a document's lead paragraph (its dateline left out): what a
    source without ``title:`` is called, for the annotator and for ``import`` alike."""
    lead = next((b for b in doc.blocks if b.kind == "paragraph"), None)
    dateline = (doc.dateline.start, doc.dateline.end) if doc.dateline and lead and lead.start == 0 else None
    rest = "\n\n".join(b.text for b in doc.blocks if b.kind != "credit")  # no lead: never a credit line
    return derive_title(lead.text if lead else rest, dateline)
