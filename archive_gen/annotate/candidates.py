"""Names the registry does not know yet: persons found through cues, kept as candidates.

Cues, strongest first: a role word before the name (``Präsident``, ``Sprecherin``,
``spokesman``), a title (``Frau``, ``Dr.``, ``Mr.``), a speech verb next to it (``sagte X``,
``X said``), a known first name (``Gavriil Grigorov``). First names come from Jörg Michael's
name dictionary as shipped by the *gender-guesser* package (≈48,000 names from 54 countries):
maintained data, not a list typed for this project. Words that are also first names but are
mostly grammar (``Am``, ``Sie``, ``The``, ``Will``, months) are excluded by the tables below,
which describe German and English, not any article.

Candidates are kept with the sentence that shows them (evidence) and every place they occur
(including the bare surname after the full name); they are never linked until an editor adds
them to the registry (``archive-gen actors add``).
"""

from __future__ import annotations

import collections
import operator
import re
from importlib import metadata

from ..lang.lexicon import (
    ARABIC_PARTICLES,
    ARTICLES,
    ARTICLE_PARTICLES,
    GIVEN_NAME_PARTICLES,
    MONTHS_AND_DAYS,
    NOT_NAME_START,
)
from ..lang.propernoun import is_common_word, is_proper_noun, is_unknown_word
from ..lang.sentences import starts_sentence
from ..model import Candidate
from .acronyms import find_acronyms
from .kindnouns import no_person
from .matcher import END, GAP, HYPHEN_AFTER, HYPHEN_BEFORE, START, TEXT, Token, after_gap, tokenize
from .orgevidence import with_evidence
from .orgthings import company_tail
from .personcues import BODY_ENDS, english_candidate
from .nameparts import noun_after_surname, office_compound, particle_goes_on, role_is_predicate
from .namestart import name_starts
from .namewords import (CLAUSE_OPENERS, CLUB_SUFFIXES, GENITIVE, NOBLE_TITLES, GivenNames, cast_names,
                        common_noun_in_context, inside_other_name, listed_names, marker_before_name, with_unaccented)
from .roles import is_role, role_ends_before, role_follows
from .sentences import Coverage, sentence_at
from .surnames import NOUN_MARKERS, merge, surnames_alone

# Name particles (see lang.lexicon): a particle follows a given name ("Ursula von der Leyen");
# after a surname it starts a phrase ("Rainer Bunge von der Hochschule"). Articles ("der",
# "den") only after another particle: "Kim Jong-un der Kollegen" is no name.
PARTICLES = GIVEN_NAME_PARTICLES
INNER_PARTICLES = ARTICLE_PARTICLES
# Words that open sentences or stand capitalised in German and English but never start a name.
FUNCTION_WORDS = NOT_NAME_START
_TITLES = frozenset({"Herr", "Herrn", "Frau", "Dr", "Prof", "Mr", "Mrs", "Ms", "Sir", "Dame", "Lord"}) | NOBLE_TITLES
_SPEECH_BEFORE = frozenset({"sagte", "erklärte", "betonte", "sagt", "erklärt", "meinte", "schrieb", "so",
                            "said", "told", "says", "added", "wrote"})
_SPEECH_AFTER_DE = frozenset({"sagte", "erklärte", "betonte", "meinte", "schrieb", "kritisierte", "warnte"})
_SPEECH_AFTER_EN = frozenset({"said", "says", "told", "added", "wrote", "stated"})
_LONE_NAME_CUES = _TITLES | _SPEECH_BEFORE  # the words before a one-word name, with roles
_DETERMINERS = ARTICLES
MAX_NAME_TOKENS = 4
_ROMAN = re.compile(r"(?:X{0,3})(?:IX|IV|V?I{0,3})")
# The last word of a company or body, not of a person: "Marathon Oil Co", "Deutsche Bank AG".
ORG_SUFFIXES = frozenset(
    "Inc Co Corp Corporation Ltd Limited Plc PLC LLC LP AG GmbH SE SA NV BV Group Holding Holdings Bank "
    "Partnership Association Institute Institut University Universität Foundation Stiftung Company Partners "
    "Fund Trust Agency Ministry Council Committee Party Partei Verband Verein".split()
) | CLUB_SUFFIXES
_BODY_SUFFIXES = ORG_SUFFIXES | BODY_ENDS
# Rare dictionary entries are mostly words ("Art", "Titel", "Lupe"); real given names in the
# news are common somewhere.
MIN_FREQUENCY = 3


_LOADED: dict[str, frozenset[str]] = {}  # the given names of this process, once loaded or primed


def first_names() -> frozenset[str]:
    """Given names from the gender-guesser dictionary, minus grammar words (parsed once per
    process unless :func:`prime_first_names` handed them over from a cache)."""
    if "names" not in _LOADED:
        _LOADED["names"] = load_first_names()
    return _LOADED["names"]


def prime_first_names(names: frozenset[str]) -> None:
    """Use ``names`` (an earlier :func:`load_first_names` result, e.g. from the build cache):
    parsing the dictionary costs about a second, unpickling the result milliseconds."""
    _LOADED["names"] = names if isinstance(names, GivenNames) else GivenNames(names)


def first_names_version() -> str:
    """What :func:`load_first_names` depends on besides this module's code: the dictionary's."""
    try:
        installed = metadata.version("gender-guesser")
    except metadata.PackageNotFoundError:
        installed = "none"
    return f"gender-guesser {installed} min {MIN_FREQUENCY} unaccented, folded"


def load_first_names() -> frozenset[str]:
    """Parse the gender-guesser dictionary (slow: prefer :func:`first_names`)."""
    try:
        from gender_guesser.detector import Detector
    except ImportError:  # the dependency is declared; without it only the other cues work
        return frozenset()
    names = Detector(case_sensitive=True).names
    return GivenNames(with_unaccented(frozenset(
        name for name, by_gender in names.items()
        if _frequency(by_gender) >= MIN_FREQUENCY and " " not in name and name[:1].isupper() and name.lower() not in FUNCTION_WORDS
        and name.lower() not in MONTHS_AND_DAYS
    )))


def _frequency(by_gender: dict[str, str]) -> int:
    """The dictionary's frequency class (1 = rare … 13 = very common) in the country where
    the name is most common."""
    return max((int(c, 16) for values in by_gender.values() for c in values if c.strip()), default=0)


def _is_word(token: Token) -> bool:
    """A capitalised word that may be part of a name (not an acronym, not grammar)."""
    text = token[TEXT]
    return (
        text[:1].isupper() and not text.isdigit() and not (len(text) > 1 and text.isupper())
        and text.lower() not in FUNCTION_WORDS and text.lower() not in MONTHS_AND_DAYS
    )


# German noun endings: "der Präsident Maßnahmen …" names no one called Maßnahmen.
_NOUN_ENDINGS = ("ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "nahme", "nahmen",
                 "tion", "tionen", "ität", "itäten", "ismus", "nisse", "tum", "ments")


def _is_initial(tokens: list[Token], i: int) -> bool:
    """``A.`` in ``A. Wiegemann`` (even though "A" is also an English article)."""
    text = tokens[i][TEXT]
    return len(text) == 1 and text.isupper() and i + 1 < len(tokens) and tokens[i + 1][GAP] == ". "


def _name_at(tokens: list[Token], i: int, *, min_tokens: int) -> int | None:
    """Index of the last token of a name that starts at ``tokens[i]``, or None.

    A name is capitalised words joined by spaces, hyphens (``Jong-un``) or initials'
    full stops (``George W. Bush``), with lowercase particles inside (``von der Leyen``).
    """
    if i >= len(tokens) or tokens[i][HYPHEN_BEFORE] or is_role(tokens[i][TEXT]):
        return None
    if not _is_word(tokens[i]) and not _is_initial(tokens, i):
        return None
    last, j = i, i + 1
    while j < len(tokens) and j - i < MAX_NAME_TOKENS + 2:
        token = tokens[j]
        if token[GAP] not in (" ", ". ") or "\n" in token[GAP]:
            break
        if token[HYPHEN_BEFORE] and token[TEXT][:1].isalpha():  # Jong-un, Kramp-Karrenbauer
            if j == i + 1 and tokens[i][TEXT] in first_names() and token[TEXT] not in first_names():
                return None  # a given name joins only given names: Hans-Peter, not "Bu-Sorghum"
            if office_compound(tokens, j, first_names(), _is_word):
                return None  # "Mibrag-Betriebsrat Mario Gierl": the office is a cue, the name follows
            last, j = j, j + 1
            continue
        if token[TEXT] in ARABIC_PARTICLES and token[HYPHEN_AFTER]:  # al-Assad
            j += 1
            continue
        # "Alexander Van der Bellen": a capitalised particle, when an article particle follows
        particle = token[TEXT] in PARTICLES or (token[TEXT].lower() in PARTICLES and j + 1 < len(tokens)
                                               and tokens[j + 1][TEXT] in INNER_PARTICLES)
        if token[TEXT] in ARABIC_PARTICLES or (particle and (
                tokens[j - 1][TEXT] in first_names() or len(tokens[j - 1][TEXT]) == 1 or particle_goes_on(tokens, i, j))):
            k = j + 1
            if k < len(tokens) and tokens[k][TEXT] in INNER_PARTICLES and tokens[k][GAP] == " ":
                k += 1
            if k < len(tokens) and _is_word(tokens[k]) and tokens[k][GAP] == " ":
                if len(tokens[k][TEXT]) >= 8 and tokens[k][TEXT].endswith(_NOUN_ENDINGS):
                    return None  # "Rein von der Hardwareausstattung her": a noun after the particle
                if (k > j + 1 or token[TEXT] == "zu") and is_common_word(tokens[k][TEXT]):
                    break  # "Tasha zu Dank", "Hasan E. von der Nationalgarde": a preposition's noun
                j = k
                continue
        if is_role(token[TEXT]):  # "Odessas Gouverneur Michail …": the role ends the phrase
            break
        if _is_word(token) and (token[GAP] == " " or len(tokens[j - 1][TEXT]) == 1):
            if noun_after_surname(tokens, i, j, first_names(), ORG_SUFFIXES):
                break  # "Miguel Riopa Grund für …", "Janet Branagan Bemerkungen": a noun after the surname
            if GENITIVE.search(tokens[j - 1][TEXT]) and tokens[j - 1][TEXT] not in first_names():
                if j - 1 == i:
                    return None  # "sagt Vorarlbergs Kinder- und Jugendanwalt …": a genitive opens no name
                break  # "in Tom Rostons Buch": the genitive ends the name (not "Dos Santos", "Gonzáles")
            last, j = j, j + 1
            continue
        break
    words = 1 + sum(1 for t in tokens[i + 1:last + 1] if not t[HYPHEN_BEFORE])  # "Hans-Peter" is one word
    if words == 1 and tokens[last][TEXT].lower().endswith(_NOUN_ENDINGS):
        return None
    return last if words >= min_tokens else None


def find_candidates(text: str, covered: list[tuple[int, int]], sentences: list[tuple[int, int]],
                    tokens: list[Token] | None = None, linked_persons: list[tuple[int, int]] = ()) -> list[Candidate]:
    """Unknown persons in ``text``, in order of first appearance. ``covered`` are spans already
    linked to the registry: a candidate never overlaps them. ``linked_persons``, the registry's
    persons among them, are neighbours in a list like the persons found here."""
    tokens = tokenize(text) if tokens is None else tokens
    words = list(map(operator.itemgetter(TEXT), tokens))  # each token's text
    counts = collections.Counter(words)
    english_verbs = not _SPEECH_AFTER_EN.isdisjoint(counts)
    english = english_verbs or counts["the"] + counts["The"] > max(1, counts["der"] + counts["die"] + counts["Die"])
    commas = frozenset(after_gap(tokens, ", "))  # where an apposition may stand
    names = first_names()
    found: dict[str, tuple[str, list[tuple[int, int]]]] = {}  # name -> (cue, spans)

    taken = Coverage(len(text), covered)

    def keep(first: int, last: int, cue: str) -> None:
        start, end = tokens[first][START], tokens[last][END]
        if taken.overlaps(start, end):
            return
        name = " ".join(text[start:end].split())
        if name not in found:
            found[name] = (cue, [])
        found[name][1].append((start, end))
        taken.add(start, end)

    i = 0  # every cue needs a capital: only capitalised tokens are tried, most not even those (namestart.py)
    for k in name_starts(tokens, words, _LONE_NAME_CUES, _SPEECH_AFTER_DE):
        last, cue = _cued_name(text, tokens, k, names, english_verbs, counts, commas) if k >= i else (None, "")
        if last is not None:
            keep(k, last, cue)
            i = last + 1

    persons = sorted([*(span for _, spans in found.values() for span in spans), *linked_persons])
    for start, end in listed_names(text, persons, taken, names):
        found.setdefault(" ".join(text[start:end].split()), ("list", []))[1].append((start, end))
    for start, end in cast_names(text, names, taken):
        found.setdefault(" ".join(text[start:end].split()), ("cast", []))[1].append((start, end))
    surnames_alone(text, tokens, found, taken)
    acronyms = with_evidence(text, find_acronyms(text, tokens, taken), names, persons)  # orgevidence.py
    starts, result = [s for s, _ in sentences], []
    for name, (cue, spans) in [*found.items(), *acronyms.items()]:
        spans.sort()
        start = spans[0][0]
        sentence = sentence_at(sentences, starts, start)
        evidence = text[sentence[0]:sentence[1]] if sentence else text[max(0, start - 80):start + 80]
        organization = cue.startswith(("acronym", "club")) or name.split()[-1].rstrip(".") in ORG_SUFFIXES
        if english:  # English: "Salomon Brothers said", "Freeport said", "AA by Standard and Poor's"
            name, spans, kind = english_candidate(text, name, cue, spans, names, _TITLES, found, organization)
            if kind is None:
                continue
            organization = kind == "organization"
        elif not organization and no_person(text, start, name, names, found):
            continue  # "die Stadt Marat Numan", "Ikea Österreich" (round 13)
        if organization and not cue.startswith(("acronym", "club")) and company_tail(text, *spans[0], name, _BODY_SUFFIXES if english_verbs else ORG_SUFFIXES,
                                                                                     english=english_verbs):
            continue  # "Seiko Co Ltd" of "Hattori Seiko Co Ltd": the whole name or nothing
        result.append(Candidate(name, "organization" if organization else "person", " ".join(evidence.split()), cue, tuple(spans)))
    return merge(result)


def _cued_name(text: str, tokens: list[Token], i: int, names: frozenset[str],
               english_verbs: bool, counts: dict[str, int] | None = None,
               commas: frozenset[int] = frozenset()) -> tuple[int | None, str]:
    """(last token, cue) of a person's name starting at ``tokens[i]`` that a cue shows, or (None, "")."""
    token = tokens[i]
    if not token[TEXT][:1].isupper():  # every cue below needs a capital here (most tokens: return at once)
        return None, ""
    last = None
    cue = ""
    prev = tokens[i - 1] if i else None
    if prev is not None and prev[GAP] != "\n\n" and is_role(prev[TEXT]) and token[GAP] == " ":
        last, cue = _name_at(tokens, i, min_tokens=1), f"role: {prev[TEXT]}"
    if last is None and prev is not None and prev[TEXT] in _TITLES and token[GAP] in (" ", ". "):
        last, cue = _name_at(tokens, i, min_tokens=1), f"title: {prev[TEXT]}"
    if (last is None and prev is not None and prev[TEXT] in _SPEECH_BEFORE and token[GAP] == " "
            and not (i >= 2 and tokens[i - 2][TEXT].lower() in _DETERMINERS)):  # "das erklärte Ziel"
        last, cue = _name_at(tokens, i, min_tokens=2 if prev[TEXT] == "so" else 1), f"speech verb: {prev[TEXT]}"
    if last is None and token[TEXT] in names and not (prev is not None and prev[TEXT].lower() in NOUN_MARKERS
                                                     and not marker_before_name(tokens, i, names)):
        last, cue = _name_at(tokens, i, min_tokens=2), "first name"  # not "eine Art Menschen"
        if last is not None and (not _second_name_cue(tokens, i) or last == i + 1 and common_noun_in_context(tokens, i + 1)):
            last = None  # "für Tage von der Debatte", "Rosa Flamingos": a given name that is also a word
    if last is None and len(token[TEXT]) == 1 and _is_initial(tokens, i) and not _sentence_start(text, token[START]):
        last, cue = _name_at(tokens, i, min_tokens=2), "initial"  # "A. Wiegemann"
    if last is None and i + 1 < len(tokens) and tokens[i + 1][TEXT] in _SPEECH_AFTER_DE and tokens[i + 1][GAP] == " " \
            and (_sentence_start(text, token[START]) or (prev is not None and prev[TEXT] in CLAUSE_OPENERS)) \
            and _is_word(token) and not token[HYPHEN_AFTER] and not token[TEXT].endswith(_NOUN_ENDINGS) and is_proper_noun(token[TEXT]):
        last, cue = i, f"speech verb: {tokens[i + 1][TEXT]}"  # "Seidling sagte: „…“", not "Experten sagten"
    if last is None and i + 2 < len(tokens) and tokens[i + 2][TEXT] in _SPEECH_AFTER_DE and tokens[i + 2][GAP] == " " \
            and _unknown_pair_speaks(text, tokens, i):
        last, cue = i + 1, f"speech verb: {tokens[i + 2][TEXT]}"  # "Sathit Wongnongtoey sagte": no given name we know
    if last is None and token[GAP] == ", " and role_ends_before(tokens, i):
        last, cue = _appositive_name(tokens, i), "role: apposition"
    if last is None and commas and (i + 2 in commas or i + 3 in commas or i + 4 in commas) \
            and _is_word(token) and role_follows(tokens, i) and (token[TEXT] in names or is_proper_noun(token[TEXT])):
        last, cue = _name_at(tokens, i, min_tokens=2), "role: apposition"  # not "Ingenieur Sébastien Evrard, …"
        if last is not None and tokens[last + 1][GAP] != ", ":
            last = None
    if last is None and counts is not None and not (prev is not None and prev[TEXT].lower() in NOUN_MARKERS) \
            and _proper_pair(tokens, i, names, counts):  # the cheap test first: the pair may ask HanTa
        last, cue = i + 1, "proper nouns"  # "Mitt Romney": a given name the dictionary lacks
    if last is not None and last + 1 < len(tokens) and _ROMAN.fullmatch(tokens[last + 1][TEXT]) \
            and tokens[last + 1][GAP] == " " and text[tokens[last + 1][END]:tokens[last + 1][END] + 1] == ".":
        last += 1  # "Elisabeth II.", "Benedikt XVI."
    if last is None and english_verbs:
        after = _name_at(tokens, i, min_tokens=1)
        nxt = tokens[after + 1] if after is not None and after + 1 < len(tokens) else None
        # English only: "James Baker said". German capitalises nouns ("Die Regierung sagte");
        # a lone capitalised word before "said" is as often a company ("Chrysler said").
        if (nxt is not None and nxt[GAP] == " " and nxt[TEXT] in _SPEECH_AFTER_EN and after > i
                and not _sentence_start(text, token[START])):
            last, cue = after, f"speech verb: {nxt[TEXT]}"
    if last is not None and (last + 1 < len(tokens) and is_role(tokens[last + 1][TEXT]) and tokens[last + 1][GAP] == " "
                             and not role_is_predicate(tokens, last + 1) or inside_other_name(tokens, i, last, ORG_SUFFIXES)):
        last = None  # "sagte Odessas Gouverneur …": a genitive before a role; "San Juan", "Premier League"
    return last, cue


def _second_name_cue(tokens: list[Token], i: int) -> bool:
    """A given name that is also a common noun or an adjective ("Tage", "Mark", "rosa": HanTa's
    lexicon) names a person only before a word HanTa calls a proper noun or does not know
    ("Mark Rylance", "Matt Brammeier"); the other cues (role, title, speech verb) stand apart."""
    word = tokens[i][TEXT]
    if not (is_common_word(word) or (not is_unknown_word(word) and is_common_word(word.lower()))):
        return True  # the lower case is asked only of lexicon words: an unknown word costs HanTa a guess
    after = tokens[i + 1][TEXT]
    return is_proper_noun(after) or is_unknown_word(after)


def _appositive_name(tokens: list[Token], i: int) -> int | None:
    """The name of two or more words in the commas (or before the party's bracket) after a
    role: a person the given-name dictionary may not know ("Binali Yildirim", "Tomson Phiri")."""
    last = _name_at(tokens, i, min_tokens=2)
    if last is None and _foreign_given_name(tokens, i):
        last = _name_at(tokens, i + 1, min_tokens=1)  # "…, Can Dündar, warnte": an English word as given name
    if last is None or last + 1 < len(tokens) and tokens[last + 1][GAP] not in (", ", " (", ". "):
        return None  # the name ends at a comma, a bracket or the sentence's end ("…, Srgjan Kerim.")
    return last


def _unknown_pair_speaks(text: str, tokens: list[Token], i: int) -> bool:
    """Two capitalised words opening a sentence or a clause right before a speech verb, the first
    unknown to HanTa's lexicon (a given name the dictionary lacks), the second a proper noun:
    "Sathit Wongnongtoey sagte"; not "Die Regierung sagte", "Experten Russlands erklärten"."""
    first, second = tokens[i], tokens[i + 1]
    if second[GAP] != " " or not (_is_word(first) and _is_word(second)) or first[HYPHEN_AFTER] or second[HYPHEN_AFTER]:
        return False
    prev = tokens[i - 1] if i else None
    if not (_sentence_start(text, first[START]) or prev is not None and prev[TEXT] in CLAUSE_OPENERS):
        return False
    return (is_unknown_word(first[TEXT]) and is_proper_noun(first[TEXT]) and is_proper_noun(second[TEXT])
            and not is_role(second[TEXT]) and not GENITIVE.search(second[TEXT]))


def _foreign_given_name(tokens: list[Token], i: int) -> bool:
    """A capitalised function word inside the sentence, no article ("the", "die"), before a word
    HanTa calls a proper noun, where a role's apposition stands: a given name ("Can", "Sun")."""
    word = tokens[i][TEXT]
    return (word[:1].isupper() and word.lower() in FUNCTION_WORDS and word.lower() not in _DETERMINERS
            and word.lower() not in _ENGLISH_ARTICLES and i + 1 < len(tokens) and tokens[i + 1][GAP] == " "
            and _is_word(tokens[i + 1]) and is_proper_noun(tokens[i + 1][TEXT]))


_ENGLISH_ARTICLES = frozenset("the a an this that these those".split())


def _proper_pair(tokens: list[Token], i: int, names: frozenset[str], counts: dict[str, int]) -> bool:
    """Two capitalised words ("Mitt Romney", not "Mitt Romney Center"), the first no given name in the dictionary, the second also standing alone later
    ("… strich Romney heraus": news name a person again by surname; a club or a place named
    twice is named whole), both proper nouns to HanTa: asked only here, where no rule decides."""
    if i + 1 >= len(tokens) or not tokens[i][TEXT][:1].isupper() or not tokens[i + 1][TEXT][:1].isupper():
        return False  # most tokens: cheap checks first, the pair is asked for often
    first, second = tokens[i], tokens[i + 1]
    if first[TEXT] in names:
        return False
    if counts.get(second[TEXT], 0) + counts.get(second[TEXT] + "s", 0) <= counts.get(first[TEXT], 0) \
            or GENITIVE.search(first[TEXT]) and counts.get(first[TEXT][:-1]):  # "Beckenbauers Vita" (round 13)
        return False
    if second[GAP] != " " or second[HYPHEN_BEFORE] or first[HYPHEN_BEFORE] or first[HYPHEN_AFTER] or second[HYPHEN_AFTER]:
        return False
    if not (_is_word(first) and _is_word(second)) or is_role(second[TEXT]) or second[TEXT] in ORG_SUFFIXES:
        return False
    after = tokens[i + 2] if i + 2 < len(tokens) else None
    if after is not None and after[GAP] == " " and _is_word(after) and not (is_role(after[TEXT]) and role_is_predicate(tokens, i + 2)):
        return False  # "Mitt Romney Center"; not "dass Hillary Clinton Präsidentin wird"
    return is_proper_noun(first[TEXT]) and is_proper_noun(second[TEXT])


def _sentence_start(text: str, offset: int) -> bool:
    return starts_sentence(text, offset, skip=" \"'“„»")
