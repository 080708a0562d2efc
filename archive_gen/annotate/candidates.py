"""Names the registry does not know yet, found through role words and speech verbs.

They are kept with the sentence that shows them (evidence) and listed for editors; they are
never linked until an editor adds them to the registry.
"""

from __future__ import annotations

import re

from ..model import Candidate

_NAME = r"(?P<name>[A-ZÄÖÜ][\w'’-]+(?:\s+(?:von|van|de|der|al|bin|da|di|le)?\s*[A-ZÄÖÜ][\w'’-]+){1,2})"
# Role words, also as the tail of a compound ("US-Außenminister", "Regierungssprecherin").
_ROLE = (
    r"\b[\w-]*(?:[Pp]räsident|[Mm]inister|[Kk]anzler|[Ss]ekretär|[Ss]precher|[Mm]achthaber|[Cc]hef|"
    r"[Vv]orsitzende|[Bb]otschafter|[Gg]ouverneur|[Bb]ürgermeister|[Dd]iktator|[Kk]önig|[Pp]remier|"
    r"President|Minister|Secretary|Chancellor|spokes(?:man|woman|person)|Governor|Senator|Mayor|Ambassador)"
    r"(?:in|innen|en|s)?"
)
_ROLE_NAME = re.compile(_ROLE + r"\s+" + _NAME)
_VERB_NAME = re.compile(r"\b(?:sagte|erklärte|betonte|said|told)\s+" + _NAME)
# Capitalised words that follow a role word but are not names.
_NOT_NAMES = frozenset("Der Die Das Den Dem Des Ein Eine Am Im In Und The A An And Of".split())


def find_candidates(text: str, covered: list[tuple[int, int]], sentences: list[tuple[int, int]]) -> list[Candidate]:
    found: dict[str, Candidate] = {}
    for regex in (_ROLE_NAME, _VERB_NAME):
        for match in regex.finditer(text):
            start, end = match.span("name")
            name = match.group("name")
            if name.split()[0] in _NOT_NAMES or any(s < end and start < e for s, e in covered):
                continue
            evidence = next((text[s:e] for s, e in sentences if s <= start < e), text[max(0, start - 80):end + 80])
            found.setdefault(name, Candidate(name, "person", " ".join(evidence.split())))
    return list(found.values())
