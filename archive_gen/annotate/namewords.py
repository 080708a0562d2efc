"""Word shapes around a person's name that the candidate rules ask about (issue 12, round 4):
where a clause's subject may stand, a genitive that ends a name, and the words that make a
capitalised pair part of a place, a club or another longer name rather than a person."""

import functools
import re
import unicodedata

from ..lang.propernoun import is_common_word, is_proper_noun, is_unknown_word
from .matcher import GAP, TEXT

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
    return (tokens[first][TEXT] in NAME_PREFIXES or (last == first and tokens[first][TEXT] in org_suffixes)
            or (prev is not None and prev[TEXT] in NAME_PREFIXES and tokens[first][GAP] == " ")
            or (prev is not None and prev[TEXT] in PLACE_NOUNS and tokens[last][TEXT] in CLUB_SUFFIXES))


# Nouns for a settlement before a name ending in a club word: "der ehemaligen Stadt Victoria City"
# is a place, no club.
PLACE_NOUNS = frozenset("Stadt Hauptstadt Ort Gemeinde Dorf Vorort Stadtteil town city village suburb".split())


# One name between two persons of a list: "Manfred Weber, Eugen Freund, Giorgos Chondros, Peter
# Brezinschek …": two or three capitalised words, a comma before, a comma or "und" after; each
# may carry a match minute in brackets ("Alessandro Florenzi (42.), …").
_MINUTE = r"(?: \(\d{1,3}\.(?: ?\+ ?\d{1,2}\.?)?(?:/[A-Za-zÄÖÜäöü.]+)?\))?"
_LIST_ITEM = re.compile(_MINUTE + r", ((?:[A-ZÄÖÜ][\w'’-]+ ){1,2}[A-ZÄÖÜ][\w'’-]+)" + _MINUTE + "(?:, | und | and )")

# The last name of such a list, after "und": "Bruce Dern, Jennifer Jason Leigh und Demian Bichir gehören".
_LIST_TAIL = re.compile(_MINUTE + r" (?:und|and) ((?:[A-ZÄÖÜ][\w'’-]+ ){1,2}[A-ZÄÖÜ][\w'’-]+)(?=[.,;:!?]| [^\W\d_A-ZÄÖÜ])")
# A scorer after a scorer: "Alessandro Florenzi (42.) und Sadiq Umar (89.) erzielten die Tore": a
# person with a match minute, then "und" or a comma and two or three words with a minute of their own.
_SCORER_AFTER = re.compile(r" \(\d{1,3}\.(?: ?\+ ?\d{1,2}\.?)?\)(?:, | und | and )((?:[A-ZÄÖÜ][\w'’-]+ ){1,2}[A-ZÄÖÜ][\w'’-]+)"
                           r" \(\d{1,3}\.")


def listed_names(text: str, persons: list[tuple[int, int]], taken, names: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of names listed between two persons the rules found (given names the dictionary
    lacks), one or several in a row ("Henry Kissinger, Zbignew Brzezinski, Wojtech Jaruzelski,
    Michail … Gorbatschow"), and the last after "und" when two persons stand in commas before it
    ("…, Jennifer Jason Leigh und Demian Bichir": a given name or a word HanTa's lexicon lacks, not
    "und Grüne Wien"); marks them in ``taken``."""
    found = []
    for (_, end), (start, _) in zip(persons, persons[1:]):
        items, at = [], end
        while (item := _LIST_ITEM.match(text, at)) is not None and len(items) < 4 and at != start:
            items.append(item.span(1))
            at = start if item.end() == start else item.end(1)
        if at != start or any(taken.overlaps(a, b) for a, b in items):
            continue
        for a, b in items:
            taken.add(a, b)
            found.append((a, b))
    for _, end in persons if " (" in text else ():
        scorer = _SCORER_AFTER.match(text, end)
        if scorer is not None and not taken.overlaps(*scorer.span(1)) and _person_like(scorer.group(1).split(), names):
            taken.add(*scorer.span(1))
            found.append(scorer.span(1))
    for (_, end), (start, last_end) in zip(persons, persons[1:]):
        tail = _LIST_TAIL.match(text, last_end) if _LIST_GAP.fullmatch(text, end, start) else None
        words = tail.group(1).split() if tail is not None else ()
        if words and not taken.overlaps(*tail.span(1)) and _person_like(words, names):
            taken.add(*tail.span(1))
            found.append(tail.span(1))
    return sorted(found)


_LIST_GAP = re.compile(_MINUTE + ", ")


def _person_like(words: list[str], names: frozenset[str]) -> bool:
    """A given name or a word HanTa's lexicon lacks first, a proper noun last (not "Grüne Wien")."""
    return (words[0] in names or is_unknown_word(words[0])) and is_proper_noun(words[-1])


# A role and its player in brackets, as film and series reviews write them: "Henni Sieland
# (Alwara Höfels)", "Ihr Ehemann Peter (Anian Zollner)".
_CAST = re.compile(r"([A-ZÄÖÜ][\w'’-]+) \(([A-ZÄÖÜ][\w'’-]+) ([A-ZÄÖÜ][\w'’-]+)\)")


def cast_names(text: str, names: frozenset[str], taken) -> list[tuple[int, int]]:
    """Spans of two-word names in brackets right after a given name or a person's surname the
    rules found: the player of a role. The first word a given name or a name HanTa's lexicon
    lacks, the second a name to HanTa: "(Die Kathedrale)", "(Bad Ischl)", "(New York)" stay out
    (a person's home town); marks them in ``taken``."""
    found = []
    for m in _CAST.finditer(text) if " (" in text else ():
        before, first, second = m.group(1, 2, 3)
        if not (before in names or taken.overlaps(m.start(1), m.end(1))) or first in NAME_PREFIXES \
                or taken.overlaps(m.start(2), m.end(3)):
            continue
        if (first in names or not first.isupper() and is_unknown_word(first) and is_proper_noun(first)) \
                and is_proper_noun(second) \
                and second not in names:
            taken.add(m.start(2), m.end(3))
            found.append((m.start(2), m.end(3)))
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


_KEPT_MARKS = frozenset("äöüÄÖÜ")  # German letters of their own: "Jürgen" is not "Jurgen"


@functools.lru_cache(maxsize=4096)
def _folded(word: str) -> str:
    """``word`` without accents other than the German umlauts ("Néstor" → "Nestor")."""
    return "".join(c if c in _KEPT_MARKS else "".join(d for d in unicodedata.normalize("NFKD", c)
                                                       if not unicodedata.combining(d)) for c in word)


class GivenNames(frozenset):
    """Given names that also know a name written with accents the dictionary lacks: it has
    "Nestor" but not "Néstor", "Jose" and "José" both (see :func:`with_unaccented`). A word
    not in the set is looked up once more without its accents; ASCII words need no second look."""

    __slots__ = ()

    def __contains__(self, word: object) -> bool:
        if frozenset.__contains__(self, word):
            return True
        if not isinstance(word, str) or word.isascii():
            return False
        folded = _folded(word)
        return folded != word and frozenset.__contains__(self, folded)


def common_noun_in_context(tokens, j: int) -> bool:
    """The word after a given name is a common noun here, not a surname: a frequent noun before a
    genitive article ("Wieso genau Nissan Ziel der Attacken wurde"), or a compound HanTa does not
    know whose head is a frequent noun ("die Sammlung Alter Musikinstrumente": -instrumente)."""
    word = tokens[j][TEXT]
    if j + 1 < len(tokens) and tokens[j + 1][TEXT] in ("der", "des") and tokens[j + 1][GAP] == " " \
            and is_common_word(word):
        return True
    return len(word) >= 10 and word.isalpha() and is_unknown_word(word) and any(
        is_common_word(word[k:].capitalize()) for k in range(2, len(word) - 7))


# English articles (HanTa knows German: "the Christian Democratic wing") and contractions of a
# preposition and an article, which open places and venues ("im Mare Tranquillitatis").
_NOT_BEFORE_NAMES = frozenset("the a im am zum zur vom beim ins ans".split())


def marker_before_name(tokens, i: int, names: frozenset[str]) -> bool:
    """A word that usually marks a noun stands before a person's given name here: a relative
    pronoun ("…, die Gerhard Schröder …"), the German preposition "an" ("an Dominic Thiem"), or
    a German article, pronoun or relative "dem" before a given name that is no common word and one word more
    that HanTa calls a name, itself no given name, with no capitalised word after it ("bei dem Heinz
    Fischer gegen …"; not "eine Art Menschen", "die Mona Lisa", "der John Hopkins Universität")."""
    prev = tokens[i - 1]
    if RELATIVE.fullmatch(prev[GAP] + prev[TEXT]) or prev[TEXT] == "an" and tokens[i][TEXT][:1] not in "AEIOU":
        return True
    if prev[TEXT].lower() in _NOT_BEFORE_NAMES or i + 2 >= len(tokens) or tokens[i + 1][GAP] != " " \
            or not tokens[i + 1][TEXT][:1].isupper() \
            or tokens[i + 1][TEXT] in names or tokens[i + 2][GAP] == " " and tokens[i + 2][TEXT][:1].isupper():
        return False
    word = tokens[i][TEXT]
    return not is_common_word(word) and not is_common_word(word.lower()) and is_proper_noun(tokens[i + 1][TEXT])
