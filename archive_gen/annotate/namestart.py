"""Where a cued name can start: a cheap necessary condition of the candidate cues.

The cues of ``candidates._cued_name`` are tried at every capitalised token, and most of those
are German nouns that start no name. The test here skips them before the cues are tried. It
assumes two things of the cues, not their details:

- a name of one word has its cue beside it: a word before it (a role, a title, a speech verb:
  ``cue_before``, with :func:`~.roles.is_role`) or a speech verb after it (``cue_after``);
  a new cue for a lone word must come with its word here;
- a longer name goes on at the next token as ``candidates._name_at`` joins names: after a
  space or an initial's full stop, a capital, a hyphen or a particle (``von``, ``al``).
"""

from __future__ import annotations

from ..lang.lexicon import ARABIC_PARTICLES, GIVEN_NAME_PARTICLES
from .matcher import Token
from .roles import is_role

_NAME_GAPS = (" ", ". ")
_PARTICLES = GIVEN_NAME_PARTICLES | ARABIC_PARTICLES


def may_start_name(tokens: list[Token], k: int, cue_before: frozenset[str], cue_after: frozenset[str]) -> bool:
    """Whether a cue may find a name at ``tokens[k]`` (False: it cannot)."""
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    if nxt is not None and nxt.gap in _NAME_GAPS and (nxt.text[:1].isupper() or nxt.hyphen_before
                                                      or nxt.text in _PARTICLES or nxt.text in cue_after):
        return True
    prev = tokens[k - 1].text if k else ""
    return prev in cue_before or is_role(prev)
