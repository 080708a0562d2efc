"""Organisation candidates from ALL-CAPS abbreviations the registry lacks (``CDU``, ``UEFA``),
and the many capitalised abbreviations that name no organisation: units, technology, state
codes, sports country codes in results tables, parts of club and company names."""

from __future__ import annotations

import functools
import itertools
import operator
import re

from babel.core import get_global

from ..lang.lexicon import NOT_NAME_START
from ..lang.propernoun import is_common_word, is_proper_noun
from ..lang.sentences import starts_sentence
from .matcher import END, HYPHEN_AFTER, START, TEXT, Token
from .orgthings import (defined_as_thing, event_before, joined_code, measure_or_code, numbered_thing, stock_code,
                        wire_furniture, work_compound)
from .sentences import Coverage

FUNCTION_WORDS = NOT_NAME_START
_TEXT = operator.itemgetter(TEXT)  # a token's text
_ENDS_IN_S = operator.methodcaller("endswith", "s")

# Capitalised abbreviations that are no organisation: units, things, titles, grammar.
NOT_ORGANISATIONS = frozenset(
    "DNA RNA CEO CFO COO TV PC PDF USB CD DVD GPS SMS MMS KO OK PS KW KM CM MM KG MB GB TB HIV AIDS SARS "
    "COVID BIP BSP GDP GNP FOB CIF MWST ABS LKW PKW WC DJ MC MP VIP ID IQ AM PM UV UKW AKW EM WM OB II III IV VI VII VIII IX "
    "XI XII XIII XIV XV XVI XVII XVIII XIX XX NR CO NO ISBN ISSN PMID DOI URL HTML HTTP PLZ ROM RAM CPU KB IT "
    "LED FCKW ATP NADPH MW KWH EBIT GPL MBA BA MA BSC MSC PHD NS TÜV "
    # technology, units and time zones (Der Standard's web pages), states written as codes
    "WLAN LAN LTE NFC OLED AMOLED LCD VR AR HD UHD SSD HDD GHZ MHZ SIM PIN APP MEZ MESZ CET UTC GMT PR XL XXL "
    "PST PDT EST EDT CEST GSM GPRS UMTS "
    "US USA UK BRD DDR UDSSR NÖ OÖ NRW RLP "
    # common nouns written as abbreviations (a camp, a price, a kind of body, of camera, of train)
    "KZ UVP NGO DSLR VHS LIDAR TGV SUV ETF EVU GVO WG MRT CT EKG SOS GAU AHS MVP DDT PCB TNT "
    # stock indexes and game situations of a results line (shorthanded, empty net)
    "DAX ATX CAC FTSE SMI MDAX TECDAX SH EN "
    # data formats and computing terms
    "API SDK GIF JPEG PNG MP RAW DRAM NLP RFID ISIN IBAN BIC SQL XML JSON KI AI".split()
)
# The short prefix of a club's or company's name ("FC Valencia", "SK Rapid Wien"), and the legal
# form after one ("Energie Steiermark AG"): part of a longer name, not a body of its own.
_NAME_PREFIXES = frozenset("FC SC SV SK AS AC AFC SSC SSV TSV VfB VfL BSC KSV ASK ATSV USV WSG FK HC EC EHC".split())
_LEGAL_FORMS = frozenset("AG SE SA NV BV KG OG GMBH PLC INC LTD NL CV PTY BHD SPA OY LP LLC".split())


def _part_of_name(text: str, token: Token) -> bool:
    after = text[token[END]:token[END] + 2]
    before = text[max(0, token[START] - 2):token[START]]
    if token[TEXT] in _NAME_PREFIXES and after[:1] == " " and after[1:2].isupper():
        return True
    if token[TEXT] in _NAME_PREFIXES and _NAME_BEFORE.search(text, max(0, token[START] - 30), token[START]):
        return True  # "der Hamburger SV", "Brentford FC": the prefix after the club's name
    return token[TEXT] in _LEGAL_FORMS and before[-1:] in (" ", "-") and (before[:1].isalpha() or before[:1] == ")")


_NAME_BEFORE = re.compile(r"[A-ZÄÖÜ][\w'’-]+ $")


def _common_word(word: str) -> bool:
    """``DIE``, ``MANN`` in a play's speaker lines, ``RISIKO`` in a heading: an ordinary word in
    capitals (a long one: a frequent noun or an adjective of HanTa's lexicon)."""
    return word.lower() in _LOWER_FUNCTION_WORDS or word.capitalize() in _SHOUTED_NOUNS or \
        (len(word) >= 5 and is_common_word(word.capitalize()))


_LOWER_FUNCTION_WORDS = frozenset(w.lower() for w in FUNCTION_WORDS)
_SHOUTED_NOUNS = frozenset("Mann Frau Kind Ende Neu Live Update Video Foto Bild Info Sale Top".split())


def find_acronyms(text: str, tokens: list[Token], taken: Coverage) -> dict[str, tuple[str, list[tuple[int, int]]]]:
    """ALL-CAPS abbreviations the registry lacks (``CDU``, ``UEFA``): organisation candidates.
    Not in a text or line that is mostly capitals (a headline, a credit)."""
    found: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    lines: dict[int, bool] = {}
    codes = _coded_names(text)
    plurals: set[str] = set()  # "SUVs": filled at the first abbreviation that gets this far
    things: set[str] = set()
    for token in itertools.compress(tokens, map(str.isupper, map(_TEXT, tokens))):  # all-caps words, picked in C
        word = token[TEXT]
        if not (2 <= len(word) <= 6 and word.isalpha() and word.isupper()) or word in NOT_ORGANISATIONS:
            continue
        if taken.overlaps(token[START], token[END]) or _shouting(text, token[START], lines):
            continue
        if _country_code(text, token) or _common_word(word) or _product_code(text, token) or \
                _table_code(text, token, codes) or _common_noun(text, token, tokens, plurals) or \
                _after_proper_noun(text, token) or stock_code(text, token) or \
                joined_code(text, token, text[max(0, token[START] - 2):token[START] - 1]) or work_compound(text, token) or \
                wire_furniture(text, token) or numbered_thing(text, token) or measure_or_code(text, token) or \
                _listed_with_things(text, token):
            continue
        if _names_a_thing(text, token) or defined_as_thing(text, token) or event_before(text, token):  # "SD-Karte": a thing wherever the article names it
            things.add(word)
            continue
        if _part_of_name(text, token):
            club = _club_end(text, token) if word in _NAME_PREFIXES else None
            if club and not taken.overlaps(token[START], club):  # "FC Valencia": the club
                name = " ".join(text[token[START]:club].split())
                found.setdefault(name, ("club", []))[1].append((token[START], club))
            continue
        pair = _PAIR.match(text, token[END])
        if pair is not None and pair.group(1) not in NOT_ORGANISATIONS and not _common_word(pair.group(1)):
            name = f"{word} {pair.group(1)}"  # "BZ WBK", "IG BCE": two abbreviations in a row are one name
            found.setdefault(name, ("acronym", []))[1].append((token[START], pair.end()))
        elif not _NAME_GOES_ON.match(text, token[END]):  # not "JP" of "JP Morgan"
            found.setdefault(word, ("acronym", []))[1].append((token[START], token[END]))
    for word in things.intersection(found):
        del found[word]
    return found


# The words of a club's name after its prefix: capitalised, up to three ("SK Rapid Wien").
_CLUB_REST = re.compile(r"(?: (?:St\.|[A-ZÄÖÜ][\w'’.-]*\w)){1,3}")  # also "FC St. Pauli"


def _club_end(text: str, token: Token) -> int | None:
    """Where the club's name ends: not at an ordinary noun or adjective after two or more name
    words ("gegen die SV Ried Wiedergutmachung", "der 1. FC Köln Vierter")."""
    club = _CLUB_REST.match(text, token[END])
    if club is None:
        return None
    words = club.group().split()
    if len(words) >= 2 and is_common_word(words[-1]):
        return club.end() - len(words[-1]) - 1
    return club.end()


# Before a common noun, not before a body's name: "ein SUV", "eine WG", "keinen ETF".
_INDEFINITE = re.compile(r"(?:^|\s)(?:[Ee]in|[Ee]ine|[Ee]inen|[Ee]inem|[Ee]iner|[Ee]ines|[Kk]ein|[Kk]eine|[Kk]einen|"
                         r"[Jj]ede|[Jj]eder|[Jj]edes|[Mm]ehrere|[Vv]iele|[Ww]enige|[Zz]wei|[Dd]rei|[Vv]ier|[Ff]ünf|[Ss]echs|"
                         r"[Ss]ieben|[Aa]cht|[Nn]eun|[Zz]ehn|[Ee]lf|[Zz]wölf)\s$")  # the number words: "sieben RBI"


def _common_noun(text: str, token: Token, tokens: list[Token], plurals: set[str]) -> bool:
    """An abbreviation used as a noun: after an indefinite article or a number word ("ein
    SUV"), or with a plural ending somewhere in the text ("SUVs", "APIs"); an organisation is
    one of a kind. Not before a hyphen: "ein FBI-Agent" is an agent of the FBI."""
    if token[HYPHEN_AFTER]:
        return False
    if _INDEFINITE.search(text, max(0, token[START] - 10), token[START]):
        return True
    if not plurals:
        plurals.update(word[:-1] for word in filter(_ENDS_IN_S, map(_TEXT, tokens)) if word[:2].isupper())  # in C first
        plurals.add("")  # computed, even when empty
    return token[TEXT] in plurals


# The head of a thing, not of a body: a format, a mode, a standard, a law, a fair ("SD-Karte",
# "HDR-Modus", "SSH-Protokoll", "ELENA-Verfahren", "WWDC-Event"; "die optische Bildstabilisierung
# (OIS)", "ein globales Vertriebssystem (GDS)"). Not heads that name a body's people or parts
# ("FBI-Agent", "RBB-Sender", "IFES-Studie"), a maker's products ("AMD-Chips", "BMW-Modell") or
# what is named after a body ("VW-Gesetz", "CEE-Geschäft").
_THING_HEADS = ("modus", "karte", "karten", "kabel", "kabels", "protokoll", "protokolls", "speicher", "speichern",
                "system", "systeme", "systemen", "systems", "code", "codes", "format", "formats", "standard",
                "standards", "technik", "technologie", "technologien", "anschluss",
                "kennzeichen", "event", "events", "messe", "stabilisierung", "fahrplan",
                "bedarf", "verfahren", "schnittstelle", "verschlüsselung", "datei", "dateien",
                # connections, servers, addresses, processors, pathogens, tools, bikes (round 9)
                "verbindung", "verbindungen", "server", "servers", "adresse", "adressen", "prozessor", "prozessors",
                "prozessoren", "erreger", "werkzeug", "werkzeuge", "rad", "räder", "konsum", "konsums", "virus", "viren")
_COMPOUND_REST = re.compile(r"-[\w-]*\w")
_WORD_BEFORE_BRACKET = re.compile(r"(?<![\w-])(?:[a-zäöü]+e[mnrs]?|das|ein) (\w+) \($")  # "die optische …", "ein …"


def _names_a_thing(text: str, token: Token) -> bool:
    """The abbreviation of a technical term: the first part of a compound whose head is a
    thing's ("SD-Karte"), or defined in brackets after a noun with such a head ("… (OIS)")."""
    quoted = text[token[END]:token[END] + 2] in ('"-', "“-", "”-")  # „TU“-Kennzeichen
    if token[HYPHEN_AFTER] or quoted:
        rest = _COMPOUND_REST.match(text, token[END] + quoted)
        return rest is not None and rest.group().rsplit("-", 1)[-1].lower().endswith(_THING_HEADS)
    if text[token[START] - 1:token[START]] == "(":
        word = _WORD_BEFORE_BRACKET.search(text, max(0, token[START] - 40), token[START])
        return word is not None and word.group(1).lower().endswith(_THING_HEADS)
    return False


# Abbreviations in one list are of one kind: "GSM, GPRS, EDGE, UMTS und W-CDMA" (standards),
# "für PC, PS4 und XBO" (platforms). A neighbour that is a known term or a model code makes the
# abbreviation one too; state codes do not ("USA und NATO").
_STATE_CODES = frozenset("US USA UK BRD DDR UDSSR NÖ OÖ NRW RLP".split())
_NEIGHBOUR_BEFORE = re.compile(r"(?:^|[\s(])([A-Z][A-Z0-9-]*[A-Z0-9])(?:, | und | oder | and | or | bzw\. )$")
_NEIGHBOUR_AFTER = re.compile(r"(?:, | und | oder | and | or | bzw\. )([A-Z][A-Z0-9-]*[A-Z0-9])(?=[\s,.;:)]|$)")


def _listed_with_things(text: str, token: Token) -> bool:
    for found in (_NEIGHBOUR_BEFORE.search(text, max(0, token[START] - 16), token[START]),
                  _NEIGHBOUR_AFTER.match(text, token[END])):
        if found is not None and _a_term(found.group(1)):
            return True
    return False


def _a_term(word: str) -> bool:
    return (word in NOT_ORGANISATIONS and word not in _STATE_CODES) or (
        any(c.isdigit() for c in word) and word[:1].isalpha()) or "-" in word and word.split("-")[0] in NOT_ORGANISATIONS


def _after_proper_noun(text: str, token: Token) -> bool:
    """The last part of a longer name: a model after its maker ("einen gewöhnlichen Acura ILX"),
    a company's suffix ("der Privatfirma Walan ICC"), letters after a person ("Tim Hunt FRS"):
    right after a proper noun (HanTa), not a genitive ("Apples"), also at a sentence's start
    ("Mitsubishi UFJ lagen …"), but not after a function word there ("The DTI said")."""
    word = _PROPER_BEFORE.search(text, max(0, token[START] - 30), token[START])
    if word is None or word.group(1).endswith("s") or word.group(1).lower() in _LOWER_FUNCTION_WORDS:
        return False
    return is_proper_noun(word.group(1)) and not is_common_word(word.group(1))


_PROPER_BEFORE = re.compile(r"(?<![\w-])([A-ZÄÖÜ][a-zäöüßéèáó]+) $")


# A three-letter code in parentheses after a name, in a results table: "Stenmark (SWE) 86",
# "Thiem (AUT) – Federer (SUI) 6:4", "1. Kane (ENG)": a sports country code, not a body.
_CODE_CONTEXT = re.compile(r"\s*(?:\d|[–-]\s*[^\W\d_]+(?:\s+[^\W\d_]+)?\s*\([A-Z]{3}\)|$|\n)")
_RANK_BEFORE = re.compile(r"(?:^|\s)\d{1,3}\.\s+[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*){0,2}\s*$")


def _country_code(text: str, token: Token) -> bool:
    """``SWE`` in ``Stenmark (SWE) 862``: a code in parentheses inside a table of results."""
    if len(token[TEXT]) != 3 or text[token[START] - 1:token[START]] != "(" or text[token[END]:token[END] + 1] != ")":
        return False
    before = text[max(0, token[START] - 50):token[START] - 1]
    return bool(_CODE_CONTEXT.match(text, token[END] + 1) or _RANK_BEFORE.search(before))


# A model or type designation: "EOS M10", "XPS 13", "APS-C", "EF-M"; a game situation in a
# results line: "Rosen (52./PP)".
_MODEL_AFTER = re.compile(r"(?: [A-Z]*\d[\w-]*|-[A-Z]{1,2}\b|-[A-Z]{0,3}\d|(?: |-)[A-Z]{2,8} (?:\d+\b(?!(?:[.,]\d+)? ?%)|(?:II|III|IV)\b))")
# also "DC-9", "DMP-BD30", a series and a number after it: "EURO STOXX 50", "JAR-OPS 3", "COMPAQ PORTABLE III"
# (not a share's change: "und BZ WBK 1,4%", a bank)


def _product_code(text: str, token: Token) -> bool:
    return bool(_MODEL_AFTER.match(text, token[END])) or text[max(0, token[START] - 2):token[START]] == "./" \
        or bool(_CODE_BEFORE.search(text, max(0, token[START] - 6), token[START])) \
        or bool(_NUMBER_BEFORE.search(text, max(0, token[START] - 12), token[START])) \
        or (_ROMAN_NUMERAL.fullmatch(token[TEXT]) is not None and _NAME_BEFORE.search(text, max(0, token[START] - 30), token[START]) is not None)


_NUMBER_BEFORE = re.compile(r"\d(?:[.,]\d+)? $")  # a unit or a version after a number: "14,6 PPG", "18.04 LTS"
_ROMAN_NUMERAL = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})|L?X{0,3}(?:IX|IV|V?I{0,3})|XL(?:IX|IV|V?I{0,3})")  # "Super Bowl LIV"


_CODE_BEFORE = re.compile(r"(?:^|\s)[A-Z]{2,4} $")  # "IS STM": a row of type codes (a lens)
# The first word of a longer name: "JP Morgan", "ING Diba" (a capitalised word in lowercase follows).
_NAME_GOES_ON = re.compile(r" [A-ZÄÖÜ](?:[a-zäöüß]+|[A-ZÄÖÜ]+ [A-ZÄÖÜ][a-zäöüß]+|[A-ZÄÖÜ]{1,4}(?= [a-zäöüß])|[A-ZÄÖÜ]{1,5}(?![\w/-]))\b")
# also "SG ACT Baunatal", "IG BCE rufen" (an abbreviation run on by another, then lowercase),
# "und BZ WBK 1,4%" (two abbreviations in a row are one name; not "CDU/CSU", "ÖVP-Chef")


_PAIR = re.compile(r" ([A-ZÄÖÜ]{2,5})(?![\w/-])(?! [A-ZÄÖÜ])")  # not a run of three: a heading


# "Ogier/Julien Ingrassia (FRA)": three capitals in parentheses right after a name.
_CODED_NAME = re.compile(r"([A-ZÄÖÜ][\w'’-]+)\s\(([A-Z]{3})\)")
_CODE_IN_PARENS = re.compile(r"\s\([A-Z]{3}[)/]")  # what every match of _CODED_NAME contains


def _coded_names(text: str) -> frozenset[str]:
    """The codes of a results list: three or more names with a code in parentheses whose first
    letter is not the name's (an organisation's own abbreviation usually shares it:
    "Bundeswettbewerbsbehörde (BWB)"), two or more different codes."""
    if not _CODE_IN_PARENS.search(text):  # most texts: no code at all, and the full pattern is slow
        return frozenset()
    pairs = [(m.group(1), m.group(2)) for m in _CODED_NAME.finditer(text)]
    foreign = [code for name, code in pairs if name[0].upper() != code[0]]
    listed = frozenset(foreign) if len(foreign) >= 3 and len(set(foreign)) >= 2 else frozenset()
    return listed | _nationality_codes(text)


def _table_code(text: str, token: Token, codes: frozenset[str]) -> bool:
    return token[TEXT] in codes and text[token[START] - 1:token[START]] in ("(", "/")


# A person's nationality after the name, as sports results give it: "Denis Istomin (UZB)",
# "Robin Haase/Henri Kontinen (NED/FIN)". Known by CLDR's ISO 3166 three-letter codes (Babel);
# once one is there, the other codes after names are of the same kind ("Tobias Kamke (GER)").
_NATIONALITY = re.compile(r"([A-ZÄÖÜ][\w'’-]+)\s\(([A-Z]{3}(?:/[A-Z]{3})*)\)")


@functools.cache
def _iso_alpha3() -> frozenset[str]:
    return frozenset(k for k in get_global("territory_aliases") if len(k) == 3 and k.isalpha() and k.isupper())


def _nationality_codes(text: str) -> frozenset[str]:
    groups = [(m.group(1), m.group(2).split("/")) for m in _NATIONALITY.finditer(text)]
    if not any(code in _iso_alpha3() for _, codes in groups for code in codes):
        return frozenset()
    return frozenset(code for name, codes in groups for code in codes if len(codes) > 1 or name[0] != code[0])


def _shouting(text: str, offset: int, seen: dict[int, bool] | None = None) -> bool:
    """Is the line around ``offset`` mostly capitals (an all-caps headline or credit)? ``seen``
    keeps each line's answer: a flattened article is one long line with many acronyms."""
    start = text.rfind("\n", 0, offset) + 1
    if seen is not None and start in seen:
        return seen[start]
    end = text.find("\n", offset)
    line = text[start:end if end >= 0 else len(text)]
    letters = list(filter(str.isalpha, line))
    answer = len(letters) > 12 and sum(map(str.isupper, letters)) > 0.6 * len(letters)
    if seen is not None:
        seen[start] = answer
    return answer
