"""A statistical proper-noun cue for capitalised words the rules cannot place (issue 12).

German capitalises every noun, so "Mitt Romney" and "Neue Regeln" look alike to the rules
when the first word is no given name in the dictionary. The Hanover Tagger (HanTa, LGPL-3.0,
its German model ships inside the wheel: nothing is downloaded) tells a proper noun (NE) from
a common noun (NN) by the word's shape and its lexicon. It costs about 0.3-1 ms per unknown
word, so callers ask only about the few words where the rules are unsure; answers are cached.
"""

from __future__ import annotations

import functools


@functools.cache
def _tagger():
    """The German HanTa model (about 0.2 s to load, once per process); None without HanTa."""
    try:
        from HanTa import HanoverTagger
    except ImportError:  # the dependency is declared; without it the rules alone decide
        return None
    return HanoverTagger.HanoverTagger("morphmodel_ger.pgz")


@functools.lru_cache(maxsize=65536)
def _best(word: str) -> tuple[str, float] | None:
    """HanTa's most likely (tag, log score) for ``word`` on its own, asked once per word: the
    three questions below share it (an unknown word costs 0.3-1 ms, a lexicon word far less)."""
    tagger = _tagger()
    if tagger is None:
        return None
    tags = tagger.tag_word(word)
    return (tags[0][0], float(tags[0][1])) if tags else None


def is_proper_noun(word: str) -> bool:
    """True when HanTa's most likely tag for ``word`` on its own is NE (proper noun)."""
    if not word[:1].isupper():
        return False
    best = _best(word)
    return best is not None and best[0] == "NE"


UNKNOWN_SCORE = -20.0  # HanTa's log score: lexicon words score about -8 to -16, unseen ones below -25


def is_unknown_word(word: str) -> bool:
    """True when HanTa's lexicon lacks ``word`` (its best analysis is a guess from the shape):
    "Gülsen" of "Gülsen Celebi", not "Tage" or "Experten"."""
    if _tagger() is None:
        return False
    best = _best(word)
    return best is None or best[1] < UNKNOWN_SCORE


COMMON_NOUN_SCORE = -13.0  # frequent lexicon nouns (Risiko -9.9, Hilfe -8.8), not rare ones or names


def is_common_word(word: str) -> bool:
    """True for a frequent common noun or an adjective of HanTa's lexicon, given capitalised:
    "Risiko" (of "RISIKO"), "Wiedergutmachung", "Vierter"; not "Nasa", "Graz", "Juniors"."""
    best = _best(word)
    if best is None:
        return False
    tag, score = best
    return score > UNKNOWN_SCORE and (tag.startswith("ADJ") or (tag == "NN" and score > COMMON_NOUN_SCORE))
