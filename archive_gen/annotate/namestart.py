"""Where a cued name can start: a cheap necessary condition of the candidate cues.

The cues of ``candidates._cued_name`` are tried at every capitalised token, and most of those
are German nouns that start no name. The test here skips them before the cues are tried. It
assumes two things of the cues, not their details:

- a name of one word has its cue beside it: a word before it (a role, a title, a speech verb:
  ``cue_before``, with :func:`~.roles.is_role`) or a speech verb after it (``cue_after``);
  a new cue for a lone word must come with its word here;
- a longer name goes on at the next token as ``candidates._name_at`` joins names: after a
  space or an initial's full stop, a capital, a hyphen or a particle (``von``, ``al``).

:func:`may_start_name` says it for one token; :func:`name_starts` says it for all capitalised
tokens of a text in one pass over plain lists of the tokens' words and gaps (cheaper than two
subscripts per token), and is what the candidate scan uses.
"""

from __future__ import annotations

import functools
import itertools
import operator

from ..lang.lexicon import ARABIC_PARTICLES, GIVEN_NAME_PARTICLES
from .matcher import GAP, HYPHEN_BEFORE, TEXT, Token
from .roles import is_role

_NAME_GAPS = (" ", ". ")
_PARTICLES = GIVEN_NAME_PARTICLES | ARABIC_PARTICLES
_GAP = operator.itemgetter(GAP)  # a token's gap


def may_start_name(tokens: list[Token], k: int, cue_before: frozenset[str], cue_after: frozenset[str]) -> bool:
    """Whether a cue may find a name at ``tokens[k]`` (False: it cannot)."""
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    if nxt is not None and nxt[GAP] in _NAME_GAPS and (nxt[TEXT][:1].isupper() or nxt[HYPHEN_BEFORE]
                                                      or nxt[TEXT] in _PARTICLES or nxt[TEXT] in cue_after):
        return True
    prev = tokens[k - 1][TEXT] if k else ""
    return prev in cue_before or is_role(prev)


def name_starts(tokens: list[Token], words: list[str], cue_before: frozenset[str], cue_after: frozenset[str]) -> list[int]:
    """The indexes ``k`` of the capitalised tokens where :func:`may_start_name` holds, in order.
    ``words`` are the tokens' texts (``[t[TEXT] for t in tokens]``, which the caller has made)."""
    gaps = list(map(_GAP, tokens))
    goes_on = _goes_on(cue_after)
    last = len(words) - 1
    starts = []
    for k in itertools.compress(itertools.count(), map(str.isupper, map(operator.itemgetter(0), words))):
        if k < last:
            gap = gaps[k + 1]
            if gap == " " or gap == ". ":
                nxt = words[k + 1]
                if nxt[0].isupper() or nxt in goes_on or tokens[k + 1][HYPHEN_BEFORE]:
                    starts.append(k)
                    continue
        if k and (words[k - 1] in cue_before or is_role(words[k - 1])):
            starts.append(k)
    return starts


@functools.lru_cache(maxsize=8)
def _goes_on(cue_after: frozenset[str]) -> frozenset[str]:
    """The lowercase words after which a name may go on: particles and the speech verbs after it."""
    return _PARTICLES | cue_after
