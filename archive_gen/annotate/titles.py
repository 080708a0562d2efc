"""A headline for sources that have none (raw wire text): a whole sentence, never a torso.

The first sentence of the lead, without a dateline, when it is at most :data:`MAX_TITLE`
characters long. A longer sentence is cut only where a clause ends: at ``;``, at a spaced
dash, at ``:`` or at a comma, and only when the part kept is a clause that is complete with
its verb and does not open with a subordinating word, and the part after the cut is not a
subordinate clause (``…, dass …``) nor the object of a speech verb. When no such cut exists,
the whole sentence is the headline: a long headline is better than one that drops its verb
("Schäuble schließt Ausscheiden Griechenlands aus Eurozone nicht …" said the opposite).

A derived headline is a machine's: :class:`Headline` says whether it had to be shortened or
is long, and :func:`needs_editor_title` tells the import and the editor's review when an
editor should write one. An editor's ``title:`` always wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang.lexicon import (
    DEPENDENT_OPENERS,
    FINITE_VERBS,
    NOT_VERBS,
    PREPOSITIONS,
    RELATIVE_PRONOUNS,
    SPEECH_VERBS,
    SUBORDINATORS,
)
from ..lang.sentences import first_sentence
from .language import detect

MAX_TITLE = 160  # the longest headline taken whole (496 of 514 Der Standard first sentences)
MIN_CLAUSE = 30  # a shorter clause says too little to stand alone
MIN_CLAUSE_WORDS = 4
# "Wien – ", ", Del., Feb 26 - " after the dateline's place name.
_DATELINE_REST = re.compile(r"[^–—\n]{0,30}?\s(?:[–—]|--?)\s+")
# Where a clause may end: ; and : (not inside a number: "2:1"), a spaced dash, a comma.
_CUT = re.compile(r"(?:[;:](?!\d)|\s[–—-](?=\s)|,(?=\s))")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_GERMAN_VERB_ENDINGS = ("t", "te", "ten", "en", "ern", "eln")
_NOT_VERB_ENDINGS = ("heit", "keit", "schaft", "st")


@dataclass(frozen=True)
class Headline:
    """A derived headline: its text and what an editor should know about it."""

    text: str
    shortened: bool = False  # the first clause(s) of a longer first sentence
    long: bool = False  # the whole first sentence, longer than MAX_TITLE

    @property
    def problem(self) -> str | None:
        """Why an editor should write a title, or None when the derived one will do."""
        if self.shortened:
            return "derived title is the first clause of a long sentence"
        if self.long:
            return f"derived title is a long sentence ({len(self.text)} characters)"
        return None


def has_verb(clause: str, language: str = "de") -> bool:
    """Whether a clause holds a finite verb, by word lists and endings.

    Beyond the listed verbs, a lowercase word ending like a verb counts: in German ``schließt``,
    ``entdecken`` (but not ``russischen Kollegen``: -en before a capitalised word is an
    adjective's ending); in English ``reported`` (English plurals and verbs share the -s).
    """
    words = _WORD.findall(clause)
    for i, word in enumerate(words):
        if not word.islower():
            continue
        if word in FINITE_VERBS:
            return True
        if len(word) < 4 or word in NOT_VERBS or word in SUBORDINATORS or word.endswith(_NOT_VERB_ENDINGS):
            continue
        following = words[i + 1] if i + 1 < len(words) else ""
        if language == "en":
            if word.endswith("ed"):
                return True
        elif word.endswith(("t", "te")) or (word.endswith(_GERMAN_VERB_ENDINGS) and not following[:1].isupper()):
            return True
    return False


def _bare(word: str) -> str:
    return word.lower().strip("\"„“»«'()")


def _subordinate(segment: str) -> bool:
    """A comma-separated segment that opens like a subordinate clause: ``dass …``, ``die …``,
    ``über die …`` (a preposition, then a relative pronoun)."""
    words = [_bare(w) for w in segment.split()[:2]]
    if not words:
        return True
    return words[0] in SUBORDINATORS or (len(words) == 2 and words[0] in PREPOSITIONS and words[1] in RELATIVE_PRONOUNS)


def _needed(rest: str) -> bool:
    """Whether the clause after a comma completes the one before it: its object (``…, dass …``,
    ``…, die Steuern zu senken``), its condition (``…, wenn …``), a comparison (``…, als …``)."""
    words = rest.split(",")[0].split()
    if not words or _bare(words[0]) in DEPENDENT_OPENERS:
        return True
    return len(words) >= 2 and (_bare(words[-2]) == "zu" or "zu" in _bare(words[-1])[2:-3])


def _complete_clause(kept: str, rest: str, cut: str, language: str) -> bool:
    """Whether ``kept`` can stand as the headline when cut off before ``rest`` at ``cut``: it
    holds a main clause with its verb, does not end on a speech verb, closes its quotes,
    and what follows a comma is neither something it needs nor the rest of a list."""
    words = kept.split()
    if len(kept) < MIN_CLAUSE or len(words) < MIN_CLAUSE_WORDS:
        return False
    if _bare(words[-1]) in SPEECH_VERBS:  # "…, sagte er:" needs what was said
        return False
    if kept.count("„") > kept.count("“") or kept.count('"') % 2:
        return False  # never inside a quotation
    if not any(has_verb(segment, language) and not _subordinate(segment) for segment in kept.split(",")):
        return False
    if cut == ",":
        return bool(rest) and has_verb(rest.split(",")[0], language) and not _needed(rest)
    return True


def shorten(sentence: str, language: str = "de") -> str | None:
    """The longest run of whole clauses at the start of ``sentence`` within MAX_TITLE, or None."""
    best = None
    for match in _CUT.finditer(sentence):
        kept = sentence[: match.start()].rstrip()
        if len(kept) > MAX_TITLE:
            break
        rest = sentence[match.end():].strip()
        if _complete_clause(kept, rest, match.group().strip(), language):
            best = kept
    return best


def derive_headline(lead: str, dateline: tuple[int, int] | None = None, language: str | None = None) -> Headline:
    """The headline of a lead; ``dateline`` is the (start, end) of a place name that opens it;
    ``language`` (detected from the lead when None) decides how verbs are recognised."""
    if dateline and dateline[0] == 0:
        rest = lead[dateline[1]:]
        dash = _DATELINE_REST.match(rest)  # ", Del., Feb 26 - " after the place name
        lead = rest[dash.end():] if dash else rest.lstrip(" –—-,")
    text = " ".join(lead.split())
    sentence = first_sentence(text).rstrip(".:; ")
    if len(sentence) <= MAX_TITLE:
        return Headline(sentence)
    clause = shorten(sentence, language or detect(text))
    if clause is not None:
        return Headline(clause.rstrip(",;:– "), shortened=True)
    return Headline(sentence, long=True)


def derive_title(lead: str, dateline: tuple[int, int] | None = None) -> str:
    """The text of :func:`derive_headline`."""
    return derive_headline(lead, dateline).text


def lead_headline(doc) -> Headline:
    """The headline derived from a document's lead paragraph (its dateline left out)."""
    lead = next((b for b in doc.blocks if b.kind == "paragraph"), None)
    dateline = (doc.dateline.start, doc.dateline.end) if doc.dateline and lead and lead.start == 0 else None
    if lead is not None:
        return derive_headline(lead.text, dateline)
    return derive_headline("\n\n".join(b.text for b in doc.blocks if b.kind != "credit"), dateline)  # never a credit line


def lead_title(doc) -> str:
    """The title derived from a document's lead paragraph (its dateline left out): what a
    source without ``title:`` is called, for the annotator and for ``import`` alike."""
    return lead_headline(doc).text


def needs_editor_title(doc) -> str | None:
    """Why an editor should write a ``title:`` for ``doc``, or None: never when the source has
    one, else when the derived headline had to be shortened or is long."""
    if (getattr(doc, "meta", None) or {}).get("title"):
        return None
    return lead_headline(doc).problem
