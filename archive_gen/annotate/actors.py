"""Actor mentions: registry names, their inflected forms, and surname-only references."""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Iterable

from babel import Locale

from ..lang.lexicon import GERMAN_ARTICLES, MONTHS_AND_DAYS, PLACE_PREPOSITIONS, ROMANCE_PARTICLES
from ..lang.lexicon import NOT_NAME_START as FUNCTION_WORDS
from ..lang.sentences import starts_sentence
from .context import SharedForms
from ..model import Actor, Mention
from .candidates import first_names
from .matcher import END, GAP, HYPHEN_AFTER, HYPHEN_BEFORE, START, TEXT, AliasIndex, Token, tokenize
from .sentences import Coverage

# Countries' English names that are not also their German ones (CLDR): "Austria", "Germany".
# German puts no article before them, so "der Austria" is the club of that name, not the state.
ENGLISH_ONLY_NAMES = frozenset(Locale("en").territories.values()) - frozenset(Locale("de").territories.values())

# Lowercase name particles never stand alone as a short form ("von", "de", "al").
MIN_SHORT_FORM = 3


def build_index(actors: dict[str, Actor]) -> AliasIndex:
    """All registry forms of all actors. Places and states also match in ALL CAPS
    (English datelines: ``WASHINGTON, Feb 26 -``)."""
    index = AliasIndex()
    for actor in sorted(actors.values(), key=lambda a: a.id):
        upper = actor.kind in ("state", "place")
        for name in (actor.name, *actor.aliases):
            index.add_name(name, actor.id, upper=upper)
        for stem in actor.adjectives:
            index.add_adjective(stem, actor.id)
        for demonym in actor.demonyms:
            index.add_demonym(demonym, actor.id)
    return index


def find_mentions(text: str, tokens: list[Token], index: AliasIndex, actors: dict[str, Actor],
                  language: str = "de", shared: SharedForms | None = None) -> list[Mention]:
    """Every actor mention in ``text``, in text order.

    A form shared by two actors is linked only when exactly one of them is named
    unambiguously elsewhere in the text, or when ``shared`` (the article's country context)
    picks one; otherwise it stays unlinked, never guessed.
    """
    sure: list[tuple[int, int, str, str]] = []  # (start, end, actor, how)
    ambiguous: list[tuple[int, int, dict[str, str]]] = []
    for first, last, forms in index.scan(tokens):
        start, end = tokens[first][START], tokens[last][END]
        by_target = {f.target: f.how for f in sorted(forms, key=lambda f: f.target)}
        if len(by_target) == 1:
            (target, how), = by_target.items()
            sure.append((start, end, target, how))
        else:
            ambiguous.append((start, end, by_target))
    named = {actor for _, _, actor, _ in sure}
    unsettled = []
    for start, end, by_target in ambiguous:
        known = [t for t in by_target if t in named]
        if len(known) == 1:
            sure.append((start, end, known[0], by_target[known[0]]))
        else:
            unsettled.append((start, end, by_target))
    if shared is not None and unsettled:  # "Die Grünen": whose, by the article's country
        choose = shared.bind(text, [(start, end, actor) for start, end, actor, _ in sure])
        for start, end, by_target in unsettled:
            chosen = choose(start, tuple(by_target), _holder_named(text, end))
            if chosen is not None:
                sure.append((start, end, chosen, by_target[chosen]))

    sure.extend(_short_forms(tokens, sure, actors))
    sure.sort()
    ends = {e for _, e, _, _ in sure}
    german = language == "de"
    in_names = _place_pairs(text, sure, actors)
    surnames = _surnames(tokens, sure, actors)
    sure = [m for m in sure if m not in in_names
            and not (text[m[0]:m[1]] in surnames and not _place_cue(tokens, m[0]))
            and not _part_of_other_name(text, tokens, m, actors, ends, german) and not _adjective_noun(text, m)]
    return [Mention(actor, start, end, text[start:end], how) for start, end, actor, how in sure]


# "im Grünen", "ins Grüne" (the countryside): a noun made of an adjective after a contracted
# singular article is no party, which is plural ("die Grünen", "bei den Grünen").
_CONTRACTED = re.compile(r"(?:^|\s)(?:im|ins)\s$")


def _adjective_noun(text: str, mention: tuple[int, int, str, str]) -> bool:
    start, end = mention[0], mention[1]
    return text[end - 1:end] in ("e", "n") and " " not in text[start:end] and \
        _CONTRACTED.search(text, max(0, start - 5), start) is not None


# A person's name after an office: "Kanzlerin Angela Merkel", "Innenminister Herbert Kickl".
_HOLDER = re.compile(r" (?:[A-ZÄÖÜ][\w'’-]+ ){1,2}[A-ZÄÖÜ][\w'’-]+")


def _holder_named(text: str, end: int) -> bool:
    match = _HOLDER.match(text, end)
    return match is not None and match.group().split()[0] in first_names()


# "/Contra scandal", "/Contra-Affäre": a capitalised word joined by a slash, then a hyphen or a
# lowercase word: the two make one name used as an attribute, not a list of places.
_SLASHED = re.compile(r"/[A-ZÄÖÜ][\w'’]+(?=-\w| [a-zäöüß])")


def _slashed_name(text: str, end: int, mention_ends: set[int]) -> bool:
    match = _SLASHED.match(text, end)
    return match is not None and match.end() not in mention_ends


# Words that begin the name of a club, school or paper named after a place: "Borussia Dortmund",
# "VfL Osnabrück", "Hochschule Hannover", "Financial Times Deutschland". The place inside such
# a name is not what the text talks about.
ORG_NAME_HEADS = frozenset(
    "FC SC SV VfL VfB TSV TuS SpVgg SSV FSV BSC SG HSV THW KSC MSV RB AS AC SS US CF CD SD "
    "Borussia Eintracht Fortuna Hertha Alemannia Arminia Dynamo Dinamo Lokomotive Inter Real Atlético Sporting "
    "Olympique Olympiacos Union Hochschule Universität University Museum Oper Theater Klinik Flughafen "
    "FK SK ASK SKN WAC LASK".split()
)
# …and words that end such a name: "Zenda Zeitung", "Financial Times Deutschland" is caught by
# "Times" before it, "Kuwait Airways", "Manchester United".
ORG_NAME_TAILS = frozenset(
    "Zeitung Times Post Herald Tribune Journal Rundschau Nachrichten Kurier Allgemeine Airport Airways Airlines "
    "Bank University College Institute United Spurs Stock Exchange Group".split()
)
# Compound tails that make the place an attribute of a thing: "US-Dollar", "Taiwan-Dollar".
CURRENCY_TAILS = frozenset(
    "Dollar Dollars Pfund Yen Rubel Franken Yuan Won Peso Pesos Rupie Rupien Krone Kronen Dinar Lira Real Rand Euro".split()
)


def _place_pairs(text: str, found: list[tuple[int, int, str, str]], actors: dict[str, Actor]) -> set:
    """Two place or state names in a row, one space apart, make one name: "Austria Wien",
    "Austria Salzburg" (clubs); running text separates places ("Wien, Österreich")."""
    pairs = set()
    places = [m for m in found if actors[m[2]].kind in ("state", "place") and m[3] == "name"]
    for left, right in zip(places, places[1:]):
        if text[left[1]:right[0]] == " " and left[2] != right[2]:
            pairs.update((left, right))
    return pairs


def _surnames(tokens: list[Token], found: list[tuple[int, int, str, str]], actors: dict[str, Actor]) -> set[str]:
    """Place or state forms that follow a given name: a person's surname ("sagte Oskar Deutsch"),
    and so are their later bare mentions ("bedauerte Deutsch")."""
    names = first_names()
    surnames = set()
    for start, end, actor_id, _ in found:
        if actors[actor_id].kind not in ("state", "place"):
            continue
        first = _token_at(tokens, start)
        if first is None or first == 0 or tokens[first][GAP] != " " or tokens[first][HYPHEN_BEFORE]:
            continue
        before = tokens[first - 1]
        if before[TEXT] in names and before[TEXT][:1].isupper() and not before[HYPHEN_BEFORE]:
            surnames.add(tokens[first][TEXT] if first == _token_at(tokens, end - 1) else None)
    surnames.discard(None)
    return surnames


def _place_cue(tokens: list[Token], start: int) -> bool:
    """A preposition or a place noun before a name: "nach Zenda", "die Hauptstadt Zenda"."""
    i = _token_at(tokens, start)
    if not i:
        return False
    before = tokens[i - 1][TEXT]
    return before.lower() in PLACE_PREPOSITIONS or before in PLACE_NOUNS


def _english_team(tokens: list[Token], i: int) -> bool:
    """Two or more capitalised ASCII words after a place, the last a plural: "Toronto Maple Leafs"."""
    run = []
    while i < len(tokens) and tokens[i][GAP] == " " and _name_word(tokens[i]) and tokens[i][TEXT].isascii():
        run.append(tokens[i][TEXT])
        i += 1
    return len(run) >= 2 and run[-1].endswith("s") and not run[-1].endswith("ss")


def _part_of_other_name(text: str, tokens: list[Token], mention: tuple[int, int, str, str],
                        actors: dict[str, Actor], mention_ends: set[int] = frozenset(), german: bool = True) -> bool:
    """A state or place form that belongs to another name or word, not to the text itself."""
    start, end, actor_id, how = mention
    if actors[actor_id].kind not in ("state", "place"):
        return False
    first = _token_at(tokens, start)
    last = _token_at(tokens, end - 1)
    if first is None or last is None:
        return False
    before = tokens[first - 1] if first > 0 and tokens[first][GAP] != "\n\n" else None
    after = tokens[last + 1] if last + 1 < len(tokens) and tokens[last + 1][GAP] != "\n\n" else None
    if before is not None and (before[TEXT] in ORG_NAME_HEADS or before[TEXT] in ORG_NAME_TAILS) \
            and tokens[first][GAP] == " ":
        return True
    if after is not None and after[TEXT] in ORG_NAME_TAILS and after[GAP] == " ":
        return True
    if after is not None and tokens[last][HYPHEN_AFTER] and after[TEXT] in CURRENCY_TAILS:
        return True
    if how == "adjective" and text[start:start + 2].istitle() and after is not None and after[GAP] == " " \
            and after[TEXT][:1].isupper() and not _starts_sentence(text, start):
        return True  # "Deutsche Bank", "Deutsche Presse-Agentur": German adjectives are lowercase
    if before is not None and tokens[first][GAP] == " " and before[TEXT] in first_names() \
            and before[TEXT][:1].isupper() and not before[HYPHEN_BEFORE]:
        return True  # "George Washington", "Christiane Holländer": a surname, not the place
    if how == "name" and before is not None and tokens[first][GAP] == " " \
            and _name_word(before) and before[TEXT] not in PLACE_NOUNS and not _starts_sentence(text, before[START]) \
            and not before[HYPHEN_BEFORE] and before[END] not in mention_ends:
        return True  # "Juventus Turin", "TU Berlin", "Air Berlin": the place ends another name
    if german and how == "name" and before is not None and before[TEXT].lower() in GERMAN_ARTICLES \
            and tokens[first][GAP] == " " and text[start:end] in ENGLISH_ONLY_NAMES:
        return True  # "Die Umbenennung der Austria in SC Ostmark": a club, not Österreich
    if how == "name" and _slashed_name(text, end, mention_ends):
        return True  # "the Iran/Contra scandal", "Iran/Contra-Affäre": one name of an affair
    if how == "name" and _english_team(tokens, last + 1):
        return True  # "Toronto Maple Leafs", "Detroit Red Wings"
    if how == "genitive" and first >= 2 and all(
            tokens[k][GAP] == " " and _name_word(tokens[k]) and tokens[k][TEXT].isascii() for k in (first - 1, first)) \
            and _name_word(tokens[first - 2]) and not _starts_sentence(text, tokens[first - 2][START]) \
            and not (first >= 3 and tokens[first - 3][TEXT].lower() in GERMAN_ARTICLES):
        return True  # "Urban Heat Islands": an English plural ending a name, not Iceland's genitive
        # ("der Oberste Gerichtshof Kanadas" is a German noun phrase with its genitive)
    if how in ("name", "genitive") and after is not None and after[GAP] == " " and after[TEXT].isdigit() \
            and len(after[TEXT]) == 2 and (after[TEXT].startswith("0") or text[after[END]:after[END] + 1] != "."):
        return True  # "Mainz 05", "Hannover 96": a club
    if how == "demonym" and german and after is not None and after[GAP] == " " and after[TEXT][:1].isupper() \
            and text[start:end].endswith(ENGLISH_DEMONYM_ENDINGS):
        return True  # "Swiss Life", "Danish Refugee Council" in a German text: an English name
    if before is not None and before[TEXT] in ROMANCE_PARTICLES and tokens[first][GAP] == " ":
        return True  # "Prix de Rome", "Côte des Somalis": a French (Spanish, Italian) name
    if german and text[end:end + 3] in ("'s ", "’s "):
        return True  # "Germany's next Topmodel": English in a German text is a title
    if german and how == "name" and _capitalised_run(tokens, last + 1) >= 2:
        return True  # "Detroit Red Wings", "Kuwait National Airways": the place starts a longer name
    return False


# Endings of German nouns and plurals: "der USA Tausende Wildpferde" is German, not a name.
GERMAN_NOUN_ENDINGS = ("e", "en", "er", "ern", "ung", "heit", "keit", "schaft", "chen", "lein", "tät", "ion")


def _capitalised_run(tokens: list[Token], i: int) -> int:
    """How many capitalised name words follow at ``tokens[i]`` (joined by spaces)."""
    count = 0
    while i < len(tokens) and tokens[i][GAP] == " " and _name_word(tokens[i]) and not tokens[i][HYPHEN_BEFORE]:
        if count == 0 and (tokens[i][TEXT].lower().endswith(GERMAN_NOUN_ENDINGS) or not tokens[i][TEXT].isascii()):
            return 0
        count += 1
        i += 1
    return count


# Nouns that stand before a place's name in German and English without making it another
# name: "die Hauptstadt Berlin", "im Bundesland Bayern", "the city of"…
PLACE_NOUNS = frozenset(
    "Stadt Hauptstadt Metropole Hafenstadt Grenzstadt Großstadt Kleinstadt Millionenstadt Gemeinde Ort Dorf "
    "Region Provinz Bundesland Bundesstaat Land Staat Republik Königreich Emirat Kanton Bezirk Kreis Landkreis "
    "Insel Halbinsel Raum Großraum Gebiet Regierungsbezirk Departement Oblast Teilrepublik Enklave Exklave "
    "Nachbarland Partnerland Gastland Heimatland Mitgliedsland Mitgliedstaat Nachbarstaat Westen Osten Norden Süden "
    "City State Republic Kingdom Province Region Island County".split()
)
ENGLISH_DEMONYM_ENDINGS = ("ish", "ss", "ese", "ian", "ch")


def _name_word(token: Token) -> bool:
    text = token[TEXT]
    return text[:1].isupper() and text.lower() not in FUNCTION_WORDS and text.lower() not in MONTHS_AND_DAYS


def _token_at(tokens: list[Token], offset: int) -> int | None:
    """The token that holds ``offset`` (a binary search in C: ~20 per article)."""
    lo = bisect.bisect_right(tokens, offset, key=_END)  # the first token that ends after offset
    return lo if lo < len(tokens) and tokens[lo][START] <= offset else None


_END = operator.itemgetter(END)


def _starts_sentence(text: str, offset: int) -> bool:
    return starts_sentence(text, offset, skip=" \"'„“»(")


def _short_form_index(persons, actors: dict[str, Actor]) -> AliasIndex:
    """The parts of the names of ``persons`` (``Kim``, ``Stoltenberg``) that only one of them has."""
    local = AliasIndex()
    owners: dict[str, set[str]] = {}
    for actor_id in persons:
        actor = actors[actor_id]
        for name in (actor.name, *actor.aliases):
            parts = name.split()
            if len(parts) < 2:
                continue
            for part in parts:
                if len(part) >= MIN_SHORT_FORM and part[:1].isupper():
                    owners.setdefault(part, set()).add(actor_id)
    for part, ids in sorted(owners.items()):
        if len(ids) == 1:
            local.add_name(part, next(iter(ids)))
    return local


def _short_forms(tokens: list[Token], found: list[tuple[int, int, str, str]], actors: dict[str, Actor]):
    """``Kim`` after ``Kim Jong-un``, ``Stoltenberg`` after ``Jens Stoltenberg``.

    Only for persons already named in full, only after that first full mention, and only
    when no other named person shares the short form.
    """
    first_full: dict[str, int] = {}
    for start, _, actor, _ in found:
        if actors[actor].kind == "person" and actor not in first_full:
            first_full[actor] = start
    if not first_full:
        return []
    local = _short_form_index(first_full, actors)
    covered = Coverage(tokens[-1][END] if tokens else 0, ((s, e) for s, e, _, _ in found))
    result = []
    for first, last, forms in local.scan(tokens, allow_compound_prefix=False):
        start, end = tokens[first][START], tokens[last][END]
        actor = forms[0].target
        if start <= first_full[actor] or covered.overlaps(start, end):
            continue
        result.append((start, end, actor, "short"))
    return result


def find_title_mentions(title: str, index: AliasIndex, actors: dict[str, Actor],
                        body_mentions: Iterable[Mention] = (), language: str = "de") -> list[Mention]:
    """Actor mentions in a headline, with offsets into ``title``: registry names as in the text,
    and bare surnames (``Putin``, ``Löw``) of persons the article's body names in full.

    Headlines name people by surname before the text introduces them, so a short form here
    counts when the body (``body_mentions``, from :func:`find_mentions`) names its person.
    """
    tokens = tokenize(title)
    mentions = find_mentions(title, tokens, index, actors, language)
    persons = sorted({m.id for m in body_mentions if m.id in actors and actors[m.id].kind == "person"})
    if not persons:
        return mentions
    taken = Coverage(len(title), ((m.start, m.end) for m in mentions))
    for first, last, forms in _short_form_index(persons, actors).scan(tokens, allow_compound_prefix=False):
        start, end = tokens[first][START], tokens[last][END]
        if not taken.overlaps(start, end):
            mentions.append(Mention(forms[0].target, start, end, title[start:end], "short"))
            taken.add(start, end)
    return sorted(mentions, key=lambda m: (m.start, m.end, m.id))
