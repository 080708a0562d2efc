"""A noun for a kind of place or body right before a name says what the name names (issue 12,
round 13). German puts the kind in apposition before a proper name: "die Stadt Marat Numan",
"die Ortschaft Tal Rifaat", "der Zeitung Le Monde", "dem Rundfunksender Radio France
Internationale", "auf dem Plaza Italia de Santiago". A name after such a noun is no person,
whatever given name it opens with. The nouns are closed classes of kinds (places, media,
companies, parties, teams), not names; nouns that also stand for a person ("Rat", "Tochter",
"Rivale", "Entwickler", "Betreiber") are left out, since a person's name follows them."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..lang.germanwords import COUNTRIES_DE
from .roles import is_role

# A compound's head naming a place or a body: the last letters of the word before the name.
_KIND_HEAD = re.compile(
    r"(?:stadt|städtchen|ortschaft|gemeinde|provinz|platz|plaza|insel|stadion|viertel|"
    r"zeitung|blatt|magazin|sender|radio|rundfunk|fernsehen|agentur|portal|website|"
    r"konzern|firma|unternehmen|hersteller|verlag|partei|verband|verein|klub|club|bank|label|"
    r"holding|stiftung|institut|universität|behörde|ministerium|gewerkschaft|liga|mannschaft|band)"
    r"(?:s|es|n|en|e)?$", re.I)
# Whole words only (as compounds' heads they end other words: "Sport", "Düsseldorf").
_KIND_WORDS = frozenset("Ort Dorf Region Fluss Berg".split())
_TITLE_BEFORE = re.compile(r"\b(?:Frau|Herr|Herrn|Dr\.?) $")
_OPENING = frozenset('"„“»«‚')
_CLOSING = frozenset('"“”«»‘')
# Words that announce a name in quotation marks: "mit dem Beinamen "Abu Tarbush"", "genannt "…"".
_NAME_ANNOUNCED = re.compile(r"(?:[Bb]einamen?|[Ss]pitznamen?|[Kk]ünstlernamen?|[Nn]amen?|genannt|alias) $")
_WORD_BEFORE = re.compile(r"([A-ZÄÖÜ][\wäöüß-]*) $")
# A role before the kind's phrase makes the name its holder: "Direktor der Luftfahrtbehörde Roberto
# Rodriguez", "Bürgermeister der freien Hansestadt Jens Böhrnsen".
_ROLE_OF_KIND = re.compile(r"([\wäöüß-]+) (?:der|des|vom|von der|von)(?: [a-zäöüß][\wäöüß-]*)* $")


def no_person(text: str, start: int, name: str, given_names: frozenset[str], others: Iterable[str] = ()) -> bool:
    """Is the German person candidate ``name`` (first at ``text[start:]``) a place or a body by
    the noun before it, or a country's name: alone ("Titelverteidiger Spanien": a team) or after
    a word that is no given name ("Ikea Österreich": a company's branch; not "Michael Jordan")?
    Or two words, the first no given name, each ending another name of the article (``others``):
    two persons side by side ("hatte Nishikori Berdych geschlagen" with Kei Nishikori and Tomas
    Berdych; not "Maria Großbauer")?"""
    words = name.split()
    if len(words) == 2 and words[0] not in given_names \
            and all(any(o.endswith(" " + w) and o != name for o in others) for w in words):
        return True
    if len(name.rstrip(".")) == 1 and not _TITLE_BEFORE.search(text, max(0, start - 8), start):
        return True  # "Direktor B.N. Suresh": a letter alone is no name (but "Frau X.")
    if text[start - 1:start] in _OPENING and text[start + len(name):start + len(name) + 1] in _CLOSING \
            and not _NAME_ANNOUNCED.search(text, max(0, start - 20), start - 1):
        return True  # "das deutsche "Breaking Bad"": a name alone in quotation marks is a title
    if words[-1] in COUNTRIES_DE and (len(words) == 1 or words[0] not in given_names):
        return True
    return kind_noun_before(text, start)


def kind_noun_before(text: str, start: int) -> bool:
    """Does a capitalised noun for a kind of place or body stand right before ``text[start:]``,
    not as the complement of a role ("Direktor der Behörde X": X holds the role)?"""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is None:
        return False
    word = before.group(1)
    if word not in _KIND_WORDS and _KIND_HEAD.search(word) is None:
        return False
    holder = _ROLE_OF_KIND.search(text, max(0, before.start() - 60), before.start())
    return holder is None or not is_role(holder.group(1))
