"""Role words before a person's name (``Präsident``, ``US-Außenministerin``, ``Politologe``,
``spokesman``): a cue for candidates and for whom a speech verb's role points to."""

from __future__ import annotations

import functools
import re

from .matcher import GAP, HYPHEN_BEFORE, TEXT, Token

# Role words, also as the tail of a compound ("US-Außenminister", "Regierungssprecherin").
_ROLE_STEMS = (
    r"[Pp]räsident|[Mm]inister|[Kk]anzler|[Ss]ekretär|[Ss]precher|[Mm]achthaber|[Cc]hef|[Vv]orsitzende|"
    r"[Bb]otschafter|[Gg]ouverneur|[Bb]ürgermeister|[Dd]iktator|[Kk]önig|[Pp]remier|[Aa]nwalt|[Rr]ichter|"
    r"[Aa]bgeordnete|[Ss]enator|[Dd]irektor|[Ff]ührer|[Gg]eneral|[Tt]rainer|[Aa]utor|[Ss]chriftsteller|"
    r"[Ss]ängerin|[Ss]änger|[Ss]chauspieler|[Ss]pieler|[Ee]xperte|[Ff]orscher|[Pp]rofessor|[Bb]ischof|[Pp]apst|"
    r"[Vv]ertreter|[Ll]eiter|[Kk]ommissar|[Bb]eauftragte|[Gg]eschäftsführer|[Vv]erteidiger|[Ee]rmittler|"
    r"[Mm]oderator|[Rr]eporter|[Kk]orrespondent|[Kk]andidat|[Rr]egisseur|[Kk]ünstler|[Ww]issenschaftler|"
    r"[Öö]konom|[Aa]nalyst|[Aa]stronaut|[Kk]apitän|[Ss]türmer|[Tt]orhüter|[Mm]anager|[Ss]printer|[Ff]ahrer|"
    r"[Aa]nkläger|[Pp]olitologe?|[Ss]oziologe?|[Pp]sychologe?|[Hh]istoriker|[Jj]urist|[Kk]abarettist|"
    r"[Kk]omponist|[Dd]irigent|[Aa]rchitekt|[Uu]nternehmer|[Oo]bmann|[Ll]andesrat|[Ll]andesrätin|"
    r"[Dd]ezernent|[Rr]eferent|[Aa]nwältin|[Rr]edakteur|[Aa]dmiral|[Kk]ommandeur|[Oo]berst|[Hh]auptmann|[Ll]eutnant|[Pp]olitiker|[Aa]ktivist|[Jj]ournalist|"
    r"President|Minister|Secretary|Chancellor|spokes(?:man|woman|person)|Governor|Senator|Mayor|Ambassador|"
    r"Chairman|Director|Judge|General|Prime Minister|leader|chief|analyst|economist|official"
)
_ROLE_RE = re.compile(r"(?:^|(?<=[\s\-(]))[\w-]*(?:" + _ROLE_STEMS + r")(?:in|innen|en|s|n)?$")


@functools.lru_cache(maxsize=65536)
def is_role(word: str) -> bool:
    """``Präsident``, ``US-Außenministerin``, ``Regierungssprecher``, ``spokesman``; not the
    adjective ``oberste`` ("des Obersten Gerichtshofs")."""
    return _ROLE_RE.search(word) is not None and word.lower() not in _NOT_ROLES


_NOT_ROLES = frozenset("oberste obersten oberster oberstes".split())


def role_ends_before(tokens: list[Token], i: int) -> bool:
    """A role phrase ends at the comma before ``tokens[i]``: "Der türkische Verkehrsminister,
    Binali …", "Der Sprecher des Welternährungsprogramms, Tomson …" (a genitive may follow the
    role, up to five words, all joined by spaces)."""
    for r in range(i - 1, max(i - 6, 0) - 1, -1):
        if is_role(tokens[r][TEXT]):
            return True
        if tokens[r][GAP] not in (" ",) or r == 0:
            return False
    return False


def role_follows(tokens: list[Token], i: int) -> bool:
    """A role in commas after two to four capitalised words: "Lothar Nicht, Ordnungsdezernent
    der Stadt", "Houcine Abassi, der Generalsekretär des …"; not "Bayern München, Trainer
    Hansi Flick" (the role's own name follows)."""
    for j in range(i + 2, min(i + 5, len(tokens) - 2)):
        if tokens[j][GAP] == ", ":
            k = j + 1 if tokens[j][TEXT].lower() in ("der", "die", "ein", "eine") else j
            return (is_role(tokens[k][TEXT]) and tokens[k][GAP] in (", ", " ")
                    and tokens[k + 1][TEXT][:1].islower())
        if tokens[j][GAP] != " " and not tokens[j][HYPHEN_BEFORE]:
            return False
    return False
