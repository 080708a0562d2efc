"""English person candidates that name a company or a body (issue 12, round 10).

English news puts a company where a person would stand ("Freeport said", "lead manager Salomon
Brothers", "Georgia Power said"): the speech verb and the role cues that find persons find them
too. English writes common nouns in lowercase, so a capitalised company word inside a name
(``Airlines``, ``Securities``, ``Brothers``) is the name's own and says what it names; a lone word
with only a speech verb for a cue is a person only when a person pronoun (he, she) refers to it
before ``it``/``its`` does. A heading before a given name ("Secretary of State for Trade and
Industry Paul Channon") is cut off. German articles never reach these rules (English speech
verbs only)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..lang.englishwords import CONJUNCTIONS, COUNTRIES, PLACE_HEADS, RANK_ABBREVIATIONS, STREET_HEADS, VENUE_HEADS
from .englishorgs import english_org_wrong
from .roles import is_role

# The last word of an English company or body: the whole name is an organisation.
BODY_ENDS = frozenset(
    "Bank Banque Bancorp Securities Brothers Airlines Airways Markets Capital Properties International "
    "Industries Financial Savings Motors Telecom Power Refining Communications Center Centre Department "
    "Commission Democrats Republicans Network Electric Trust Group Holdings Partners Associates Services "
    "Systems Technologies Chemical Chemicals Petroleum Energy Resources Insurance Investments Textile "
    "Textiles Digital Exchange Association Union Council Committee Ministry Board Authority Institute "
    "University Foundation Federation Steel Mining Lines Railway Railroad Telephone Telegraph Utilities "
    # round 11: the head nouns of a body or a firm's unit ("Chevrolet Motor Division", "Lawrence Berkeley
    # Laboratory", "Liberal-Social Democratic Alliance", "Madison Square Garden Productions")
    "Division Factory Laboratory Laboratories Productions Electronics Alliance Industrie Agency Administration "
    "Bureau Office Society Organization Organisation Party Service".split())
# Words no person's name contains in English news: a thing, a place's head word, a body's part.
NO_PERSON_WORDS = BODY_ENDS | frozenset(
    "Agreement Treaty Day Island Beach River Spa Oil Metals Clerks Pilots Appropriations Gulf Corp "
    "Corporation Inc Ltd Plc Co Company".split())
# Cues that stand for a person by themselves: a title, a role word naming a person's office.
_TITLE_CUES = ("title:",)
# The first pronoun after a lone name tells person from body: "Dow would top what it earned".
_PRONOUN = re.compile(r"\b(he|she|his|her|him|it|its)\b")
_PERSON_PRONOUNS = frozenset({"he", "she", "his", "her", "him"})
_PRONOUN_REACH = 300
# A firm named after its founders goes on after the person's name: "Samuel Montagu and Sons Ltd".
_FIRM_GOES_ON = re.compile(r" (?:and|&) (?:Co|Cos|Company|Sons?|Associates|Partners|Brothers)\b")
# Round 13: a legal form or a Reuters ticker right after the name: the name is a company's or a part
# of one ("Dean Witter Reynolds Inc analyst", "Standard Elektrik Lorenz Finanz BV", "Avions Marcel
# Dassault-Breguet Aviation <AVMD.PA>").
_LEGAL_FORM_AFTER = re.compile(r" (?:Inc|Corp|Corporation|Co|Cos|Company|Ltd|Limited|Plc|PLC|LLC|BV|NV|AG|SA|SpA|GmbH)"
                               r"(?![\w-])| <[A-Z0-9.]+>| (?:unit|units|subsidiary|subsidiaries|division|affiliate)\b")
_NAME_GOES_ON = re.compile(r" (?:and|&) [A-Z]\w+(?: [A-Z]\w+)?\s(?:Co|Corp|Inc|Ltd|Plc|Company|Association|Bank)\b")
# Bond syndicates: "lead manager Amro", "co-lead managers Credit Suisse": a bank, not a person.
_LEAD_MANAGER = re.compile(r"\blead[ -]managers?\W*$", re.IGNORECASE)
# Headings before a minister's name: "Under Secretary of Agriculture Daniel Amstutz".
_HEADINGS = BODY_ENDS | frozenset(
    "Industry Agriculture Commerce Trade Treasury State Defence Defense Finance Interior Affairs Health "
    "Justice Transport Transportation Education Labor Labour Economy Development".split())


def english_candidate(text: str, name: str, cue: str, spans: list[tuple[int, int]], names: frozenset[str],
                      titles: frozenset[str], others: Iterable[str],
                      organization: bool = False) -> tuple[str, list[tuple[int, int]], str | None]:
    """(name, spans, kind) of an English person candidate: its heading cut off, then
    :func:`english_kind`; a lone word that ends another candidate's name ("Martin S. Ackerman")
    is that person's surname. An ``organization`` candidate is only checked by
    :func:`~.englishorgs.english_org_wrong` (round 11)."""
    if organization:
        return name, spans, None if english_org_wrong(text, name, *spans[0]) else "organization"
    name, spans = trim_heading(text, name, spans, names, titles)
    if " " not in name and any(other.endswith(" " + name) for other in others):
        return name, spans, "person"
    kind = english_kind(text, name, cue, spans[0])
    return name, spans, kind if kind != "person" else second_look(text, name, cue, spans[0], names, titles)


def english_kind(text: str, name: str, cue: str, first: tuple[int, int]) -> str | None:
    """``"person"``, ``"organization"`` or None (neither) for an English person candidate
    (``first``: its first span): a company word makes a body (an organisation when the name ends
    with it), a lone word cued only by a speech verb needs a person pronoun after it."""
    if text[first[0] - 1:first[0]] == "<" or _FIRM_GOES_ON.match(text, first[1]):
        return None  # Reuters' company brackets "<James Capel and Co>"; "Don Bybee and Associates"
    if _LEAD_MANAGER.search(text, max(0, first[0] - 20), first[0]):
        return None
    if cue.startswith(_TITLE_CUES):
        return "person"  # "Mr Power", "Dr. West"
    words = name.split()
    if all(len(w.rstrip(".")) == 1 for w in words):
        return None  # "U. S."
    if any(w.rstrip(".") in NO_PERSON_WORDS for w in words):
        whole = words[-1].rstrip(".") in BODY_ENDS and len(words) > 1 and not _NAME_GOES_ON.match(text, first[1])
        return "organization" if whole else None  # not "Sun Refining" of "Sun Refining and Marketing Co"
    if _LEGAL_FORM_AFTER.match(text, first[1]):
        return None  # "Dean Witter Reynolds Inc analyst": a company's name, or a part of one
    if len(words) == 1 and cue.startswith("speech verb"):
        found = _PRONOUN.search(text, first[1], first[1] + _PRONOUN_REACH)
        return "person" if found is not None and found.group(1) in _PERSON_PRONOUNS else None
    return "person"


# A legal form written with full stops after a name cut at its first letter: "El Aguila S.A.", "N.V.".
_DOTTED_LEGAL_FORM = re.compile(r"\.(?:A|p\.A|V|G)\.")
_NAME_CUT = re.compile(r"(?:['’]|\. )[A-Z][a-z]")
_INITIAL_CUT = re.compile(r"\b([A-Z][a-z]+) $")
_ARTICLE_BEFORE = re.compile(r"\b[Tt]he $")


def second_look(text: str, name: str, cue: str, first: tuple[int, int], names: frozenset[str],
                titles: frozenset[str]) -> str | None:
    """Round 11: ``"person"``, ``"organization"`` or None for an English person candidate that
    :func:`english_kind` kept, by the shape of the name and the grammar around it: a rank
    abbreviation ("Staff Sgt"), a conjunction or an -ing form opening it ("Though Koehler",
    "Joining Schroders"), a street or place head ("Madison Square Garden", "Far East"), a country
    after a word that is no given name ("Statistics Canada": a body), "the" before it ("the
    Louisiana Democrat said"), and a name before or after a speech verb that starts with no given
    name, which needs a person pronoun after it as a lone word does ("Kidder Peabody said")."""
    words = name.split()
    bare = [w.rstrip(".") for w in words]
    if len(bare[-1]) == 1 and (_DOTTED_LEGAL_FORM.match(text, first[1]) or _NAME_CUT.match(text, first[1])):
        return None  # "Aguila S" of "El Aguila S.A.", "James J. O" of "O'Maller", "Lloyd I" of "Lloyd I. Miller"
    cut = _INITIAL_CUT.search(text, max(0, first[0] - 20), first[0]) if len(bare[0]) == 1 < len(words[0]) else None
    if cut is not None and cut.group(1) in names:
        return None  # "A. Alexander" of "Robert A. Alexander"
    if not RANK_ABBREVIATIONS.isdisjoint(bare) or not STREET_HEADS.isdisjoint(bare[1:]) or not VENUE_HEADS.isdisjoint(bare[1:]):
        return None
    if words[0].lower() in CONJUNCTIONS or (words[0].endswith("ing") and words[0] not in names):
        return None
    given = words[0] in names or len(bare[0]) == 1 or bare[0] in titles or _ASIAN_GIVEN.search(name) is not None \
        or _office_before(text, first[0])  # "Sir Francis Tombs", "Park Sin-bom", "chairman Sheldon Gilgore"
    if not given and len(words) > 1 and bare[-1] in PLACE_HEADS:
        return None  # "Hudson Bay", "Far East"; not "Oliver North"
    if not given and len(words) > 1 and bare[-1] in COUNTRIES:
        return "organization"
    if cue.startswith(_TITLE_CUES) or cue.startswith("role"):
        return "person"
    if _ARTICLE_BEFORE.search(text, max(0, first[0] - 4), first[0]):
        return None
    if not given and cue.startswith("speech verb"):
        found = _PRONOUN.search(text, first[1], first[1] + _PRONOUN_REACH)
        return "person" if found is not None and found.group(1) in _PERSON_PRONOUNS else None
    return "person"


# A hyphenated given name with a lowercase second syllable: "Park Sin-bom", "Kim Jong-un".
_ASIAN_GIVEN = re.compile(r" [A-Z][a-z]+-[a-z]+\b")
_WORD_BEFORE = re.compile(r"\b([a-z]+) $")


def _office_before(text: str, start: int) -> bool:
    """An office written in lowercase right before the name: "Searle chairman Sheldon Gilgore"."""
    found = _WORD_BEFORE.search(text, max(0, start - 20), start)
    return found is not None and is_role(found.group(1).capitalize())


# Agent nouns name an office before a given name: "Treasurer", "Representative", "Adviser".
_AGENT = ("er", "or", "ive", "ist", "ant", "ent")
_OF_BEFORE = re.compile(r"\b(?:of|of the|for)\s$")


def trim_heading(text: str, name: str, spans: list[tuple[int, int]], names: frozenset[str],
                 titles: frozenset[str]) -> tuple[str, list[tuple[int, int]]]:
    """"Industry Paul Channon" → "Paul Channon": words before a known given name that are no given
    name themselves are a heading or a title's tail, not the person's (three words or more)."""
    words = name.split()
    if len(words) < 3 or words[0] in names or words[0].rstrip(".") in titles or words[-1] in NO_PERSON_WORDS:
        return name, spans  # not "Federal Home Loan Bank Board"
    cut = next((k for k in range(1, len(words) - 1) if words[k] in names), None)
    if cut is None or not (words[cut - 1] in _HEADINGS or is_role(words[cut - 1]) or words[cut - 1].endswith(_AGENT)
                           or _OF_BEFORE.search(text, max(0, spans[0][0] - 8), spans[0][0])):
        return name, spans  # round 11: an agent noun ("Treasurer Paul Keating"), "of the Exchequer Nigel Lawson"
    trimmed = []
    for start, end in spans:
        offset = text.find(words[cut], start, end)
        if offset < 0 and words[0] in text[start:end]:
            return name, spans
        trimmed.append((start if offset < 0 else offset, end))  # a bare surname's span stays as it is
    return " ".join(words[cut:]), trimmed
