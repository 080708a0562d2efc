"""The words that attribute speech: speech verbs, attribution cues ("nach Angaben", "laut",
"zufolge") and the words that may stand between a cue and whom it names. Kept apart from the
attribution logic in ``quotes.py`` so that the word lists can grow without it."""

import re

from ..lang.firstchars import by_first_char, with_first_chars
from .candidates import is_role

# Speech verbs, lowercase as they stand in a sentence ("Sprache" is no "sprach").
_SPEECH_VERBS = (
    # not "sagt seine Reise ab" (absagen: called off)
    r"sagt\w*(?!(?:\s+[^\s.,;:]+){1,16}\s+ab(?=\s*[.,;:]|\s+und\b))|gesagt|erklärt\w*|betont\w*|versprach\w*|versproch\w*|verspricht|kündigt\w*|angekündigt|"
    r"bekräftigt\w*|warnt\w*|gewarnt|forderte\w*|fordert|gefordert|schrieb\w*|schreibt|meinte\w*|"
    r"sprach|sprachen|bezeichnet\w*|teilte\w* mit|teilten|mitgeteilt|räumte\w* ein|kritisiert\w*|"
    r"nannte\w*|kommentiert\w*|charakterisiert\w*|gab\w* an|bestreit\w*|bestritt\w*|widersprach\w*|"
    r"verkündet\w*|äußert\w*|fügte\w*|fügt|ergänzt\w*(?!\s+sich)|erläutert\w*|antwortet\w*|entgegnet\w*|"
    r"appelliert\w*|unterstrich\w*|versichert\w*|mahnt\w*|lobt\w*|zitiert\w*|mit den Worten|"
    r"stellte\w* fest|stellt fest|festgestellt|schildert\w*|beschreib\w*(?!\s+zu\b)|beschrieb\w*|nennt|urteilt\w*|beurteilt\w*|"
    r"begründet\w*|gibt an|geht davon aus|ging\w* davon aus|resümiert\w*|bilanziert\w*|kommentiert|"
    r"berichtete\w*|meldete\w*|riet\w*|rät|bezweifelt\w*|hofft\w*|erhofft\w*|zeigte\w* sich|zeigt sich|"
    r"wörtlich|lautete\w*|meint|ausdrückt\w*|ausgedrückt|führte\w*(?=(?:\s+\S+){0,2}\s+aus\b)|"
    r"der Meinung|der Ansicht|sicherte\w*(?!\s+sich\b)|beklagt\w*|bedauert\w*|"
    r"glaubt\w*|verwies\w*|wies\w* darauf hin|bekanntgegeben|bekannt gegeben|gab\w* bekannt|gibt bekannt|"
    r"einräum\w*|eingeräumt|prangert\w* an|prangerte\w*|"
    r"nahm\w*(?=(?:\s+[^\s.;:]+){0,16}\s+Stellung\b)|übt\w*(?=(?:\s+[^\s.;:]+){0,12}\s+Kritik\b)|nimmt(?=(?:\s+[^\s.;:]+){0,16}\s+Stellung\b)|Stellung genommen|"
    # separable verbs: the particle far behind ("teilte in einer ersten Reaktion mit"), or joined
    # in a subordinate clause ("wie der Richter ausführte", "wie Paech dazu feststellt")
    r"teilte\w*(?=(?:\s+[^\s.;:]+){0,6}\s+mit\b)|stellt\w*(?=(?:\s+[^\s.;:]+){1,5}\s+fest\b)|mitteilte\w*|ausführte\w*|ausgeführt|feststellt\w*|"
    r"hinzufügte\w*|hinzugefügt|bekanntgab\w*|zugab\w*|behauptet\w*|empfiehlt|empfahl\w*|schätzte\w* ein|schätzt ein|"
    r"said|says|told|stated|warned|announced|promised|added|wrote|declared|insisted|urged|reported|"
    r"explained|argued|noted|replied|commented|asked|called|claimed|recommended|asserted"
)
SPEECH_VERB = re.compile(
    r"\b(?:" + by_first_char(_SPEECH_VERBS) + r")\b"
    # ", so Kim", ", so die LLI"; not ", so zeigte doch …" nor ", so wird es von … überliefert" (a verb follows)
    r"|,\s*so\b(?!\s+[a-zäöüß]+\b(?<!\bder)(?<!\bdie)(?<!\bdas)(?<!\bein)(?<!\beine))"
)
# Attribution cues and where their object stands.
CUE_AFTER = re.compile(
    r"\b(?:[Nn]ach (?:den Worten|Worten|Angaben|Informationen|Darstellung|Aussagen|Berichten|Einschätzung|"
    r"Ansicht|Auffassung|Meinung|"
    r"Erkenntnissen|Schätzungen)|[Ll]aut|[Aa]ccording to|[Cc]iting|[Ww]ie\b(?=[^.]{0,80}\b(?:berichtete|meldete|mitteilte)))"
)
CUE_BEFORE = re.compile(r"\b(?:zufolge|said|reported|berichtete\w*|meldete\w*|teilte\w* mit|mitteilte)\b")
CUE_REACH = 90  # characters between a cue and the name it attributes to


# Words that may stand between a cue and its claimant: articles, prepositions, adjectives
# ("nach Angaben der staatlichen russischen Nachrichtenagentur Interfax").
LINK_WORDS = re.compile(r"(?:\s+(?:der|des|dem|den|die|von|vom|aus|aus dem|aus der|eines|einer|the|of|from|Prof\.|Dr\.|"
                        r"[a-zäöüß][\w-]*(?:en|er|e|es|em)|[A-ZÄÖÜ][\w-]*(?:agentur|behörde|ministerium|"
                        r"regierung|sprecher\w*|zeitung|sender|kreise\w*|quellen|agency|officials?)))*\s*")


_GENITIVE_BEFORE_ROLE = re.compile(r"\s+[A-ZÄÖÜ][\w-]*s$")
_TITLES = re.compile(r"(?:\s+(?:Prof|Dr|Dipl|Ing|Mag)\.)+\s+$")


def adjacent(text: str, start: int, end: int, before: bool = False) -> bool:
    gap = _TITLES.sub(" ", text[start:end])  # "laut Klinikdirektor Prof. Dr. Matthias W. Beckmann"
    if before:  # "Dem Bericht von Reuters zufolge"
        return re.fullmatch(r"\s*", gap) is not None
    if LINK_WORDS.fullmatch(gap) is not None:
        return True
    # "Nach Auffassung des CDU-Fraktionsvorsitzenden Hartmut Perschau": link words, then a
    # role word, maybe an apposition in commas around its body
    # ("der innenpolitischen Sprecherin der FDP-Bundesfraktion, Gisela Piltz": any word may be the role)
    for role in re.finditer(r"\s([\w-]+)(?=(\s[^,.;:„“\"]{0,60},)?\s*$)", gap):
        # a state's genitive may stand before the role ("von Niedersachsens Ministerpräsident")
        head = _GENITIVE_BEFORE_ROLE.sub("", gap[:role.start()])
        if is_role(role.group(1)) and LINK_WORDS.fullmatch(head):
            return True
    return False


# The same matches, tried only where a match can begin (lang.firstchars): a third less time.
SPEECH_VERB, CUE_AFTER, CUE_BEFORE = (with_first_chars(p) for p in (SPEECH_VERB, CUE_AFTER, CUE_BEFORE))
