"""Why an abbreviation is an organisation: the evidence around it, and the policy that decides
whether that is enough (issue 12, round 12).

Word lists of things that are *not* bodies, fitted to samples, did not generalise ("PSA-Test",
"ECM-Lösungen", "GNU" have no cue at all). So an abbreviation becomes an organisation candidate
only with positive evidence in its article, measured per class on two dev samples
(``benchmarks/README.md``, "Round 12"):

- ``expansion``: its letters spelt out in two or more words beside it, "Bundesamt für Gesundheit (BAG)";
- ``article``: a determiner, perhaps with adjectives, right before it, "die rechtsgerichtete MHP";
- ``role``: a role of a person, "Chef der X", "SAGA-Sprecher", "Gewerkschaftschef X";
- ``body``: a noun for a kind of body before it or before its bracket, "Chemiekonzern BASF",
  "Gewerkschaft der Seeleute (PNO)";
- ``speaker``: the subject of an English speech verb, "AVX said";
- ``affiliation``: in brackets after a person, "Kanzler Kurz (ÖVP)", "Ayaan Hirsi Ali (VVD)".

Each alone was right ≥ 0.90 of the time on both samples; a repeated mention, a preposition
("beim ASUS") or a compound ("PSA-Test") was not, and a second weak class did not lift them.
"""

from __future__ import annotations

import re

from .roles import is_role

# A kind of body: a noun (or a compound's head) that names companies, parties, authorities,
# media, teams. Kinds, not names: the nouns a writer puts before a body's abbreviation.
_BODY = re.compile(
    r"(?:konzerns?|bank|unternehmens?|firma|partei|verbands?|polizei|behörden?|gewerkschaft|vereins?|klubs?|clubs?|"
    r"senders?|agentur|instituts?|herstellers?|gruppe|ministeriums?|amt|amts|amtes|fraktion|zentrale|kasse|stiftung|"
    r"organisation|bewegung|miliz|armee|gesellschaft|airline|fluglinie|company|firm|group|agency|party|union|"
    r"carrier|maker|producer|utility|subsidiary|broker|insurer|interessent|marke|league|liga|team|mannschaft|"
    r"rivale|bündnis|allianz|kommission|rat|gerichts?|zeitung|blatt|magazin|radio|fonds|journal|bahn|haus|"
    r"einheit|börse|entwickler|gruppierung|betriebe|dienstleister|universität|tochter|fernsehen|rundfunk|"
    r"anbieter|betreiber|holding|versicherer|kette|lobby|netzwerk|initiative|dienst|gemeinschaft|kommando|truppen?|"
    r"federation|authority|versorger|shop|label|verlag|sender)(?:s|n|en)?$", re.I)
# A member of a body in a compound after it: "DEA-Agent", "BND-Mitarbeiter", "IDF-Fallschirmjäger".
_MEMBER = re.compile(r"(?:mitarbeiter|agent|mitglied|anhänger|spieler|athlet|offizier|kämpfer|abgeordnete|politiker|"
                     r"funktionär|angestellte|beamte|soldat|jäger|terrorist|goalie|neuzugang)(?:in|innen|en|n|s|e|er)?$", re.I)
# A list a determiner or a body's noun opens: "die DKP und MLPD", "Parteien: NPD, DVU und …".
_LIST_OPENER = re.compile(r"(?:^|\s)([Dd]ie|[Dd]er|[Tt]he|[A-ZÄÖÜ][\w-]*):? (?:[^\s,]+(?:, | und | and | oder | or ))+$")
# A body's level before a hyphen: "Landes-SPD", "Bundes-SPÖ".
_LEVEL = re.compile(r"(?:Landes|Bundes|Kreis|Stadt|Orts|Bezirks|Gemeinde|Regional|Jugend)-$")
_CODE_AFTER = re.compile(r" [A-Z0-9]+-\w")
_APPOSITION = re.compile(r"\b([a-z]+), $")  # English: "the French export credit agency, COFACE,"
_DETERMINER = re.compile(
    r"(?:^|[\s(„\"/])(?:[Dd]er|[Dd]ie|[Dd]as|[Dd]es|[Dd]em|[Dd]en|[Tt]he|einer|eines|seiner|ihrer|seine|ihre|unsere)"
    r"(?: [a-zäöüß][\w-]*(?:e|en|er|es))* $")  # "der SPÖ", "die rechtsgerichtete MHP", "der italienischen KP"
_ROLE_OF = re.compile(r"([\w-]+)\s+(?:der|des|von|vom|bei|beim|of the|of|from the|at the|at)\s$")  # "Chef der X"
_ROLE_AFTER = re.compile(r" ([a-z]+)\b")  # English: "GAF chairman Samuel Heyman"
_AFFILIATION = re.compile(r"([\w-]+) [A-ZÄÖÜ][\w-]* \($")  # "Kanzler Kurz (ÖVP)", "Ayaan Hirsi Ali (VVD)"
_WORD_BEFORE = re.compile(r"([\w-]+) $")
_SAID = re.compile(r" (?:also |has |had )?(?:said|says|told|reported|announced|added)\b")
_COMPOUND_HEAD = re.compile(r"-(\w+)")
_WORDS = re.compile(r"[\w'’]+")
_PLAIN = str.maketrans("ÄÖÜäöü", "AOUaou")  # "Institut für Wärme und Öltechnik (IWO)"
SUFFICIENT = frozenset({"expansion", "article", "role", "body", "speaker", "affiliation"})


def org_evidence(text: str, name: str, spans: tuple[tuple[int, int], ...] | list[tuple[int, int]],
                 given_names: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The evidence classes an abbreviation has in its article, sorted (``repeated`` recorded
    too: it is no evidence alone, but editors see how often the article names it)."""
    found: set[str] = {"repeated"} if len(spans) >= 2 else set()
    letters = name.split()[0]
    for start, end in spans:
        before, after = text[max(0, start - 80):start], text[end:end + 80]
        found |= _around(letters, before, after)
        person = _AFFILIATION.search(before)
        if person is not None and (person.group(1) in given_names or is_role(person.group(1))):
            found.add("affiliation")  # "Kanzler Kurz (ÖVP)": a person's party or employer in brackets
    return tuple(sorted(found))


def enough(evidence: tuple[str, ...]) -> bool:
    """One class that alone was right ≥ 0.90 on both dev samples."""
    return not SUFFICIENT.isdisjoint(evidence)


def with_evidence(text: str, found: dict[str, tuple[str, list[tuple[int, int]]]], given_names: frozenset[str],
                  persons: list[tuple[int, int]] = ()) -> dict[str, tuple[str, list[tuple[int, int]]]]:
    """The abbreviations of ``found`` (name -> cue, spans) with enough evidence, their cue naming
    it ("acronym: article, expansion"); clubs pass as they are (their prefix is the evidence).
    ``persons``: the article's persons, whose bracket names their party or employer."""
    after_person = {end + 2 for _, end in persons}  # "Christian Kern (SPÖ)"
    kept = {}
    for name, (cue, spans) in found.items():
        if cue != "acronym":
            kept[name] = (cue, spans)
            continue
        classes = org_evidence(text, name, spans, given_names)
        if any(start in after_person and text[start - 2:start] == " (" for start, _ in spans):
            classes = tuple(sorted({*classes, "affiliation"}))
        if enough(classes):
            kept[name] = ("acronym: " + ", ".join(classes), spans)
    return kept


def _around(letters: str, before: str, after: str) -> set[str]:
    found: set[str] = set()
    if before.endswith("(") and after.startswith(")") and _spelt_out(letters, before[:-1]):
        found.add("expansion")  # "Bundesamt für Gesundheit (BAG)"
    elif after.startswith(" (") and ")" in after and after[2:3].isupper() and _spelt_out(letters, after[2:after.index(")")]):
        found.add("expansion")  # "BIEM (Bureau International …)"
    role = _ROLE_OF.search(before)
    if role is not None and is_role(role.group(1)):
        found.add("role")  # "Chef der X", "Vorstandschef von EADS", "Geschäftsführerin des KAV-Berlin"
    opening = before.rfind("(")
    if before.endswith(", ") and opening >= 0 and _spelt_out(letters, before[opening + 1:-2]):
        found.add("expansion")  # "(National Environment Management Authority, NEMA)"
    if before.endswith("<"):
        found.add("body")  # Reuters marks a company in angle brackets: "<MTU> of West Germany"
    if before.endswith("(") and any(w[:1].isupper() and _BODY.search(w) for w in _WORDS.findall(before[-70:])[-3:]):
        found.add("body")  # "die Gewerkschaft der Seeleute (PNO)"
    if _LEVEL.search(before):
        found.add("body")
    if after.startswith("-"):
        head = _COMPOUND_HEAD.match(after)
        if head is not None and (is_role(head.group(1)) or _MEMBER.search(head.group(1))):
            found.add("role")  # "SAGA-Sprecher", "DLR-Forscher", "DEA-Agent"
        bracket = after.find(" (", 0, 40)
        if head is not None and bracket == head.end() and ")" in after[bracket:] and \
                _spelt_out(letters, after[bracket + 2:after.index(")", bracket)]):
            found.add("expansion")  # "eine IFES-Studie (Institut für empirische Sozialforschung)"
        return found
    if _DETERMINER.search(before) and not _CODE_AFTER.match(after):
        found.add("article")  # not "dem EW IV-Wagen ähnlichen": a model's code
    listed = _LIST_OPENER.search(before)
    if listed is not None and (listed.group(1).lower() in ("die", "der", "the") or _BODY.search(listed.group(1))):
        found.add("article" if listed.group(1).islower() or len(listed.group(1)) == 3 else "body")
    apposition = _APPOSITION.search(before)
    if apposition is not None and _BODY.search(apposition.group(1)):
        found.add("body")
    after_word = _ROLE_AFTER.match(after)
    if after_word is not None and is_role(after_word.group(1)):
        found.add("role")  # "GAF chairman Samuel Heyman"
    word = _WORD_BEFORE.search(before)
    if word is not None and word.group(1)[:1].isupper():
        if _BODY.search(word.group(1)):
            found.add("body")  # "Chemiekonzern BASF", "Interessent BAIC"
        elif is_role(word.group(1)):
            found.add("role")
    if _SAID.match(after):
        found.add("speaker")  # "AVX said"
    return found


def _spelt_out(letters: str, words_text: str) -> bool:
    """The abbreviation's letters in order in two or more of the last ten words, the first
    letter a word's capital initial: "Institut für Wärme und Öltechnik" (IWO); not one word,
    "Jagdgeschwadern (JG)" (a unit's kind), nor "Schlusskursbasis (XETRA)"."""
    words = _WORDS.findall(words_text.translate(_PLAIN))[-10:]
    low = letters.lower().translate(_PLAIN)
    for i, word in enumerate(words):
        if not word[:1].isupper() or word[0].lower() != low[0] or len(words) - i < 2:
            continue
        rest, pos = " ".join(words[i:]).lower(), 1
        for ch in low[1:]:
            pos = rest.find(ch, pos) + 1
            if not pos:
                break
        else:
            return True
    return False
