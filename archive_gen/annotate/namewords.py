"""Word shapes around a person's name that the candidate rules ask about (issue 12, round 4):
where a clause's subject may stand, a genitive that ends a name, and the words that make a
capitalised pair part of a place, a club or another longer name rather than a person."""

import re
import unicodedata

from ..lang.propernoun import is_common_word, is_unknown_word

# Conjunctions that open a clause whose subject may come next: "Während Shakira erklärte, …".
CLAUSE_OPENERS = frozenset("Während während Wie wie Als als Nachdem nachdem Obwohl obwohl Weil weil dass Da".split())
RELATIVE = re.compile(r", (?:der|die|den|dem)")  # "…, die Gerhard Schröder … erklärt hatte": a pronoun
GENITIVE = re.compile(r"\w{2}[^aeiouäöüys\W]s$")  # "Rostons", "Spielbergs"; not "Boss", "Torres", "Dos"
# Clubs, leagues and venues: "Manchester United", "Crystal Palace", "Premier League".
CLUB_SUFFIXES = frozenset("United City Palace Hotspur Albion Rovers Athletic Wanderers League Liga Cinema Theater "
                          "Theatre".split())
# The first word of a place or of a longer name, never of a person: "San Juan", "New Beverly Cinema".
NAME_PREFIXES = frozenset("San Santa Santo São Saint Sankt St Los Las New West East North South Fort Port".split())
# Titles of nobility before a given name: "Prinz William", "Queen Elizabeth II.".
NOBLE_TITLES = frozenset("Prinz Prinzessin Prince Princess Queen King Fürst Fürstin Herzog Herzogin Erzherzog "
                         "Erzherzogin Kronprinz Kronprinzessin Großherzog Duke Duchess".split())


def inside_other_name(tokens, first: int, last: int, org_suffixes: frozenset[str]) -> bool:
    """The name ``tokens[first..last]`` is part of a place's or an organisation's name."""
    prev = tokens[first - 1] if first else None
    return (tokens[first].text in NAME_PREFIXES or (last == first and tokens[first].text in org_suffixes)
            or (prev is not None and prev.text in NAME_PREFIXES and tokens[first].gap == " "))


# One name between two persons of a list: "Manfred Weber, Eugen Freund, Giorgos Chondros, Peter
# Brezinschek …": two or three capitalised words, a comma before, a comma or "und" after.
_LIST_ITEM = re.compile(r", ((?:[A-ZÄÖÜ][\w'’-]+ ){1,2}[A-ZÄÖÜ][\w'’-]+)(?:, | und | and )")


def listed_names(text: str, persons: list[tuple[int, int]], taken) -> list[tuple[int, int]]:
    """Spans of names listed between two persons the rules found (a given name the dictionary
    lacks); marks them in ``taken``."""
    found = []
    for (_, end), (start, _) in zip(persons, persons[1:]):
        item = _LIST_ITEM.match(text, end)
        if item is not None and item.end() == start and not taken.overlaps(item.start(1), item.end(1)):
            taken.add(item.start(1), item.end(1))
            found.append((item.start(1), item.end(1)))
    return found


def with_unaccented(names: frozenset[str]) -> frozenset[str]:
    """Given names also as written without their accents ("Sebastien", "Jose"): the press and
    wire copy often drop them. Only letters with combining marks change ("Akın" stays)."""
    extra = set()
    for name in names:
        if not name.isascii():
            plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
            if plain.isascii() and len(plain) == len(name):
                extra.add(plain)
    return names | extra


def common_noun_in_context(tokens, j: int) -> bool:
    """The word after a given name is a common noun here, not a surname: a frequent noun before a
    genitive article ("Wieso genau Nissan Ziel der Attacken wurde"), or a compound HanTa does not
    know whose head is a frequent noun ("die Sammlung Alter Musikinstrumente": -instrumente)."""
    word = tokens[j].text
    if j + 1 < len(tokens) and tokens[j + 1].text in ("der", "des") and tokens[j + 1].gap == " " \
            and is_common_word(word):
        return True
    return len(word) >= 10 and word.isalpha() and is_unknown_word(word) and any(
        is_common_word(word[k:].capitalize()) for k in range(2, len(word) - 7))
