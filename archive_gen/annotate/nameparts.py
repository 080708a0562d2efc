"""Where a person's name candidate begins and ends (issue 12, round 11): the words next to a name
that belong to it (the particles of Romance and noble names) and those that do not (a common
noun after the surname, an office compound before the given name). German writes every noun
with a capital, so a run of capitalised words is no name by itself."""

from __future__ import annotations

from collections.abc import Callable

from ..lang.propernoun import is_common_word
from .matcher import GAP, HYPHEN_BEFORE, TEXT, Token
from .namewords import NOBLE_TITLES
from .roles import is_role

# Particles of Romance names that are no German word, so they go on a name after a surname too:
# "Fernando Collor de Mello", "Don Silves de la Selva" ("von", "da", "du" only after a given name).
FOREIGN_PARTICLES = frozenset("de di del della do dos".split())
# A rank of nobility inside a name is followed by its "von": "Claus Schenk Graf von Stauffenberg",
# "Franz Freiherr Gedult von Jungenfeld".
NOBLE_RANKS = NOBLE_TITLES | frozenset("Graf Gräfin Freiherr Freifrau Freiin Baron Baronin Reichsgraf Reichsfreiherr "
                                       "Ritter Edler Edle".split())


def particle_goes_on(tokens: list[Token], i: int, j: int) -> bool:
    """Does the particle ``tokens[j]`` continue the name begun at ``tokens[i]`` although no given
    name stands right before it? A Romance particle, or a noble rank inside the name or opening
    it ("Graf Schenk von Stauffenberg", round 13)."""
    return tokens[j][TEXT] in FOREIGN_PARTICLES or any(t[TEXT] in NOBLE_RANKS for t in tokens[i:j])


def noun_after_surname(tokens: list[Token], i: int, j: int, names: frozenset[str], body_words: frozenset[str]) -> bool:
    """A common noun (HanTa's lexicon) after two name words, the last no given name, is no part
    of the name: "Miguel Riopa Grund für …", "Janet Branagan Bemerkungen"; not "Fritz Rudolf
    Körper" (a given name before it), "Nasser" (also a given name), "Civic Party" (a body's end)."""
    word, before = tokens[j][TEXT], tokens[j - 1][TEXT]
    return sum(not t[HYPHEN_BEFORE] for t in tokens[i:j]) >= 2 and before[:1].isupper() and not before.isupper() \
        and before not in names and word not in names and word not in body_words and is_common_word(word)


def office_compound(tokens: list[Token], j: int, names: frozenset[str], is_word: Callable[[Token], bool]) -> bool:
    """``Betriebsrat`` of ``Mibrag-Betriebsrat Mario Gierl``, ``Manager`` of ``Borussia-Manager
    Peter Pander``: a compound whose head is a role or a common noun, with a name after it."""
    head, after = tokens[j][TEXT], tokens[j + 1] if j + 1 < len(tokens) else None
    return after is not None and after[GAP] == " " and is_word(after) and not after[HYPHEN_BEFORE] \
        and (is_role(head) or is_common_word(head)) and head not in names


# A copula after a role word makes the role a predicate, not the start of a phrase: "dass Hillary
# Clinton Präsidentin wird" (but "sagte Odessas Gouverneur Michail …": the role opens a name).
_COPULAS = frozenset("wird werden wurde wurden würde ist sind war waren bleibt blieb sei werde geworden bleiben".split())


def role_is_predicate(tokens: list[Token], role: int) -> bool:
    """Is the role word ``tokens[role]`` followed by a copula ("… Präsidentin wird")?"""
    nxt = tokens[role + 1] if role + 1 < len(tokens) else None
    return nxt is not None and nxt[GAP] == " " and nxt[TEXT] in _COPULAS
