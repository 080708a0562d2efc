"""What an abbreviation or a company-like name names when it is no organisation (issue 12,
round 7): a stock ticker, a code joined to another code, a thing an expansion defines (a treaty,
a study, a law, a summit, a station, a collider), an event of a year, and the tail of a longer
company name. Each test runs only where its cue stands (a ``<``, a bracket, a hyphen, an
organisation suffix), so ordinary text costs nothing."""

from __future__ import annotations

import re

from ..lang.lexicon import MONTHS_AND_DAYS, NOT_NAME_START
from ..lang.propernoun import is_proper_noun
from .matcher import END, HYPHEN_AFTER, HYPHEN_BEFORE, START, TEXT, Token

# Reuters marks a company's stock ticker "<NSAN.T>", "<IBM>" after its name, and writes an
# exchange after a full stop ("<FIAT.MI>"): a code, not a name. "<MTU> of West Germany", a name in
# angle brackets after "and" or a comma, stays.
_TICKER_AFTER = re.compile(r"(?:\.[A-Z]{1,3})?>")
_NAME_THEN_SPACE = re.compile(r"[\w.)]\s$")
_CONNECTOR_BEFORE = re.compile(r"(?:\band|\bor|\bund|,)\s$")


def stock_code(text: str, token: Token) -> bool:
    """``NSAN`` of ``Nissan Motor Co Ltd <NSAN.T>``, ``T``/``MI`` after the full stop."""
    before = text[token[START] - 1:token[START]]
    if before == "." and text[token[END]:token[END] + 1] == ">" and "<" in text[max(0, token[START] - 8):token[START]]:
        return True  # the exchange: "<FIAT.MI>"
    if before != "<" or not _TICKER_AFTER.match(text, token[END]):
        return False
    window = text[max(0, token[START] - 12):token[START] - 1]
    return bool(_NAME_THEN_SPACE.search(window)) and not _CONNECTOR_BEFORE.search(window)


def joined_code(text: str, token: Token, tokens_before: str) -> bool:
    """The second part of a hyphenated code: ``GE`` of ``PRO-GE``, ``CDMA`` of ``W-CDMA``; the
    whole is one name, its tail alone none. ``tokens_before`` is the letter before the hyphen."""
    return token[HYPHEN_BEFORE] and tokens_before[-1:].isupper()  # not "Landes-SPD", "Schatten-CIA"


# A compound whose head is a work, a law or a programme ("PISA-Studie", "PHC-Gesetz",
# "TTIP-Abkommen"): the abbreviation may name its maker ("IFES-Studie", "VW-Gesetz"), so such an
# occurrence is no evidence either way; the abbreviation stays a candidate only where the
# article also writes it alone.
_WORK_HEADS = ("studie", "studien", "gesetz", "gesetzes", "novelle", "abkommen", "abkommens", "vertrag", "vertrags",
               "programm", "programms", "projekt", "projekts", "gewinner", "sieger", "saison", "finale")
_COMPOUND_HEAD = re.compile(r"-(?:[\w]+-)*(\w+)")


def work_compound(text: str, token: Token) -> bool:
    """``PISA`` in ``laut PISA-Studie``: the first part of a compound for a work or a law."""
    if not token[HYPHEN_AFTER]:
        return False
    rest = _COMPOUND_HEAD.match(text, token[END])
    if rest is None or not rest.group(1).lower().endswith(_WORK_HEADS):
        return False
    defined = _BRACKET_WORD.match(text, rest.end())  # "IFES-Studie (Institut für …)": the maker's name
    return defined is None or not defined.group(1).lower().endswith(BODY_HEADS)


_BRACKET_WORD = re.compile(r" \((\w+)")


# The head of an expansion that defines a thing, not a body: a treaty, a study, a law, a
# timetable, a business line, a summit, a station, a collider, a plant, a need ("das EU-USA-
# Abkommen für Freihandel und Investitionen (TTIP)", "der Integrale Taktfahrplan (ITF)", "Large
# Hadron Collider (LHC)", "Nuclear Security Summit (NSS)", "Müllverbrennungsanlage (MVA)").
THING_DEFINITION_HEADS = ("abkommen", "vertrag", "verträge", "studie", "gesetz", "gesetzes", "geschäft", "fahrplan",
                          "programm", "summit", "gipfel", "konferenz", "collider", "beschleuniger", "station",
                          "anlage", "bedarf", "förderbedarf", "agreement", "treaty", "messe", "cup", "cups",
                          "turnier", "meisterschaft", "wettbewerb", "verfahren", "index", "projekt", "system",
                          "systems", "satellite", "vehicle", "array", "fieber", "nachweis", "nachweises",
                          "ergebnis", "gewinn", "umsatz")
# Heads that make the expansion a body: then the abbreviation is a body whatever else it says
# ("Institut für Wärme und Öltechnik (IWO)", "Bundesamts für Eich- und Vermessungswesen (BEV)").
BODY_HEADS = ("institut", "instituts", "amt", "amts", "amtes", "zentrum", "zentrums", "verband", "verbands",
              "verbandes", "partei", "bund", "bundes", "behörde", "gesellschaft", "gewerkschaft", "kommission",
              "rat", "rats", "rates", "ministerium", "ministeriums", "fonds", "bank", "universität", "hochschule",
              "stiftung", "vereinigung", "organisation", "organization", "agency", "authority", "council",
              "commission", "association", "union", "mission", "netzwerk", "network", "gruppe", "group", "front",
              "konzern", "unternehmen", "kammer", "gericht", "gerichts", "hub", "haus", "hauses", "miliz", "armee",
              "einheit", "polizei", "büro", "office", "team", "club", "klub", "verein", "vereins", "company",
              "corporation", "party", "bureau", "survey", "department", "ministry", "committee", "fund",
              "exchange", "board", "court", "institute")
_EXPANSION = re.compile(r"([^()\n.;:!?,]{1,90}) \($")
_WORD = re.compile(r"[\w-]+")
# A preposition after the head of a German or English expansion: "Institut für Wärme und
# Öltechnik", "Abkommen für Freihandel", "Bank of Japan". A genitive ("Gipfel der … Staaten-
# gemeinschaft (CSN)") is no such step: the abbreviation names the genitive's noun.
_HEAD_PREPOSITIONS = frozenset("für for of on zur zum von vor".split())  # "Ergebnis vor Steuern (EGT)"
# "Oberstufe für ihre Trägerrakete „Geosynchronous Satellite Launch Vehicle“ (GSLV)": after a
# determiner the phrase in brackets is its own noun phrase, not the tail of the one before.
_DETERMINERS_AFTER = frozenset("ihre ihren seine seinen die den das eine einen their its the a an".split())
_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")  # "erneuerbare", "empirische"
_LOWER_FUNCTION = frozenset("the a an and or of der die das des den dem und oder ein eine einen einem einer".split())


def defined_as_thing(text: str, token: Token) -> bool:
    """An abbreviation in brackets after an expansion whose head names a thing, not a body
    ("Large Hadron Collider (LHC)"), or after an English expansion all in lowercase ("crude palm
    oil (CPO)", "methyl tertiary butyl ether (MTBE)": a body's name is capitalised)."""
    if text[token[START] - 1:token[START]] != "(":
        return False
    found = _EXPANSION.search(text, max(0, token[START] - 92), token[START])
    if found is None:
        return False
    words = _WORD.findall(found.group(1))[-8:]
    lower = 0  # the lowercase words that end the expansion
    while lower < len(words) and words[-1 - lower].islower() and words[-1 - lower] not in _LOWER_FUNCTION:
        lower += 1
    if lower >= 2 and words[-1].isascii() and words[-1].isalpha() and not words[-1].endswith(BODY_HEADS):
        return True  # not "Tokyo stock exchange (TSE)": a body's noun
    head = None
    for k in range(len(words) - 1, -1, -1):  # back over the noun phrase before the bracket
        word = words[k]
        if word[:1].isupper():
            head = head or word
        elif word in _HEAD_PREPOSITIONS:
            if head is not None and k and words[k - 1][:1].isupper() and words[k + 1] not in _DETERMINERS_AFTER:
                head = words[k - 1]  # "Abkommen für Freihandel und Investitionen"
            break
        elif not (word in ("und", "and") or (word not in _LOWER_FUNCTION and word.endswith(_ADJECTIVE_ENDINGS))):
            break  # "mit der Technischen Universität Nanyang (NTU)": the phrase starts after "der"
    if head is None:
        return False
    head = head.lower()
    return head.endswith(THING_DEFINITION_HEADS) and not head.endswith(BODY_HEADS)


# Wire furniture in capitals: the dateline's place ("WEST BERLIN, April 8 - ", also with a state
# or a country between: "MOUNTAIN VIEW, Calif., April 8 -", "MILWAUKEE, WIS., April 8 -"), a
# label opening a line ("NOTE: Company went public …") and the agency's signature that ends the
# story ("… debit REUTER").
_DATELINE = re.compile(r"[A-Z][A-Z .'-]*, (?:[A-Z][\w.]*(?: [A-Z][\w.]*)?, )?[A-Z][a-z]+\.? \d{1,2} [-–]")
_LABEL = re.compile(r"(?:NOTE|NOTES|CORRECTION|CORRECTED|UPDATE|REPEAT|FLASH|EDITOR'S NOTE):")


def wire_furniture(text: str, token: Token) -> bool:
    if len(text) - token[END] < 4 and not text[token[END]:].strip():
        return True  # the last word of the text, nothing after it
    line = text.rfind("\n", 0, token[START]) + 1
    if token[START] == line and _LABEL.match(text, line):
        return True
    return token[START] - line < 40 and (dateline := _DATELINE.match(text, line)) is not None \
        and token[END] <= dateline.end()


# A thing numbered with a Roman numeral: "ALG I Empfänger", "ALG II".
_ROMAN_AFTER = re.compile(r" (?:I|II|III|IV)(?=[ ,;:)]|$)")


def numbered_thing(text: str, token: Token) -> bool:
    return bool(_ROMAN_AFTER.match(text, token[END]))


# An event of a year ("zur diesjährigen CES", "the annual WWDC"), or an abbreviation right
# after a noun for an event or a thing ("seiner Entwicklerkonferenz WWDC", "Teilchenbeschleuniger
# LHC"): a body is not held yearly, and "Partei AKP", "Großbank VTB" have body nouns.
_EVENT_BEFORE = re.compile(r"(?:(?:diesjährig|letztjährig|vorjährig|nächstjährig|heurig)e[nmrs]?|annual|this year's|"
                           r"last year's|([A-ZÄÖÜ][\w-]+)(?: (?:namens|mit (?:dem )?Namen|genannt|called|named))?) [„“\"]?$")
# The head of the noun before: an event, a facility, a vehicle, a system, a portal or a programme
# ("Entwicklerkonferenz WWDC", "Raumstation ISS", "Handelssystem XETRA", "Forschungsreaktors
# ITER", "des Kometen ISON", "Mobiltelefonprogramme NINA"), never a body ("Partei AKP").
_THING_BEFORE_HEADS = ("konferenz", "messe", "gipfel", "beschleuniger", "station", "studie", "turnier", "hafen",
                       "portal", "portals", "suchmaschine", "konsole", "system", "systems", "reaktor", "reaktors",
                       "komet", "kometen", "satellit", "satelliten", "sonde", "rakete", "programm", "programme",
                       "projekt", "projekts")  # also with a name after "namens": "IT-Projekts namens SASPF"


def event_before(text: str, token: Token) -> bool:
    found = _EVENT_BEFORE.search(text, max(0, token[START] - 40), token[START])
    if found is None:
        return False
    if found.group(1) is None:
        return True
    # "des Virtual-Reality-Systems HTC Vive": the maker of a thing named after it
    return found.group(1).lower().endswith(_THING_BEFORE_HEADS) and not _NAME_AFTER.match(text, token[END])


_NAME_AFTER = re.compile(r" [A-ZÄÖÜ][a-zäöüß]")


# The tail of a longer company name cut off by a word the name rules stop at: "Hattori Seiko Co
# Ltd", "IBJ International Ltd", "Industrial Bank of Japan Ltd", "Allen and Co Inc",
# "Sean Daniel Company". Whole or nothing: the tail alone is no candidate.
_JOINED_BEFORE = re.compile(r"(?:\b(?:of|&|de|di|du)|[A-Z]{2,}|[A-ZÄÖÜ][\w'’.-]*\w)\s$")


def company_tail(text: str, start: int, end: int, name: str, suffixes: frozenset[str], english: bool = False) -> bool:
    """Is ``name`` (``text[start:end]``, ending in an organisation suffix) the tail of a longer
    name? A name of suffix words only ("Co Ltd"), one the text goes on with "of" ("Industrial Bank
    of Japan Ltd"), or one right after a connector, an acronym or a proper noun (HanTa: "Sean",
    "Hattori"; "Unternehmensberater Alix Partners" stays), not at a sentence's start. In English
    text (``english``) any capitalised word but a month or a day: English writes common nouns in
    lowercase ("Moody's Investors Service Inc", "North Star Uranium Inc")."""
    if all(w.rstrip(".") in suffixes for w in name.split()) or _GOES_ON.match(text, end):
        return True
    if text[start - 1:start] in ("/", "-") or (len(name.split()) == 2 and _AND_BEFORE.search(text, max(0, start - 40), start)):
        return True  # "Data I/O Corp"; "Oil and Gas Ltd", "Telephone and Telegraph Co" (not "GM and Ford Motor Co")
    before = _JOINED_BEFORE.search(text, max(0, start - 40), start)
    if before is None:
        return False
    word = before.group().strip()
    if not word[:1].isupper() or word.isupper():
        return True  # a connector or an acronym
    if text[max(0, before.start() - 6):before.start()].rstrip()[-1:] in (".", "!", "?", ":", "\"", "“", "„", ""):
        return False  # the name's own first word at a sentence start
    if english and not word.endswith(("'s", "’s")) and word.lower() not in MONTHS_AND_DAYS \
            and word.lower() not in NOT_NAME_START:
        return True  # not "Boeing Co's Boeing Commercial Airplane Co": a genitive ends the name before
    return is_proper_noun(word)


_GOES_ON = re.compile(r" of [A-Z]")
_AND_BEFORE = re.compile(r"[A-Z][a-z]+ (?:and|und) $")


# An abbreviation used as a measure or a grade, not a body (nor the first part of a name with
# a full stop inside, "SAT.1"): after a unit that follows a number
# ("450 dlrs a tonne FOB", "eight pct GNP growth", "3 Prozent BIP") or after "rated" ("rated
# AAA/AA"); a code spelt out after "für" in the abbreviation's own letters ("TL für Tulln-Land",
# a licence plate).
_MEASURE_BEFORE = re.compile(r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)) ?(?:[\w.,/-]+ ){0,2}?"
                             r"(?:pct|percent|Prozent|dlrs|dollars|tonnes?|tons?|barrels?|ounces?|bushels?|a tonne|"
                             r"per tonne|Euro|Mio\.|Mrd\.) $")
_RATED_BEFORE = re.compile(r"\b(?:rated|rating of|Rating von|Bonitätsnote) (?:[A-Z]{1,4}[+-]?/)?$")
_UTTERANCE_END = re.compile(r"[.!?]+[“”\"]")
_FIGURE_AFTER = re.compile(r" (?:(?:soll|sollte|wird|stieg|sank|fiel|lag|betrug|erhöhte sich|verringerte sich) (?:von|auf|um)|auf|um)"
                           r" (?:bis zu |rund |etwa |über |knapp )?"
                           r"\d[\d.,]* (?:Mio\.|Mrd\.|Millionen|Milliarden|Euro|Dollar)")
_SPELT_OUT_AFTER = re.compile(r" (?:für|for|steht für|stands for) ([A-ZÄÖÜ])")


# An English apposition to a common noun names a thing of that kind: "purchasers of the investment
# advisory service, VESTOR, can"; a body's noun keeps it ("the French export credit agency, COFACE,").
_THING_APPOSITION = re.compile(r"\b(?:the|a|an|its|their|his|her) (?:[a-z-]+ ){0,3}([a-z]+), $")


# An English abbreviation before a noun for a kind of thing: "ASIC devices", "LAK cell cancer
# immunotherapy", "MCI's PRISM family of services" (not "chips" or "products": a maker's).
_ENGLISH_THING_AFTER = re.compile(r" (?:devices?|cells?|family|format|standard|protocol|technology|software|"
                                  r"compounds?|vaccines?|grades?)\b")


def thing_apposition(text: str, token: Token) -> bool:
    if _ENGLISH_THING_AFTER.match(text, token[END]):
        return True
    found = _THING_APPOSITION.search(text, max(0, token[START] - 60), token[START])
    return found is not None and not found.group(1).endswith(BODY_HEADS) and text[token[END]:token[END] + 1] == ","


def measure_or_code(text: str, token: Token) -> bool:
    if text[token[END]:token[END] + 1] == "." and text[token[END] + 1:token[END] + 2].isalnum():
        return True  # the first part of a longer name: a channel "SAT.1", a web address "GGG.at"
    window = max(0, token[START] - 40)
    if _MEASURE_BEFORE.search(text, window, token[START]) or _RATED_BEFORE.search(text, window, token[START]):
        return True
    if text[token[START] - 1:token[START]] in ("„", "“", "\"") and _UTTERANCE_END.match(text, token[END]):
        return True  # „WOW.“: a word said, in quotation marks with its own full stop
    if thing_apposition(text, token) or _FIGURE_AFTER.match(text, token[END]):
        return True  # "2016 soll EGT auf bis zu 400 Mio. Euro … verdoppelt werden": a figure
    spelt = _SPELT_OUT_AFTER.match(text, token[END])
    return spelt is not None and spelt.group(1) == token[TEXT][0] and text[spelt.end():spelt.end() + 40].split(" ", 1)[0].count("-") > 0
