"""Speakers named by a role or a body, not by a name (issue 12, round 9): "Der Einsatzleiter
der Polizei in Dortmund erklärte dazu: „…“", "begründete der brasilianische Präsident seine
Position", "Das Auswärtige Amt der Bundesrepublik Deutschland empfiehlt", "A spokesman for the
ministry said". When no entity and no candidate names the subject of a speech verb, the noun
phrase itself is the speaker, as written: that is how a reader (and the Wikinews gold) names
who spoke. ``quotes.py`` asks only after every entity-based rule found nobody."""

from __future__ import annotations

import re

from ..lang.lexicon import NOT_NAME_START
from .roles import is_role
from .quotenames import one_noun_after
from .speakers import NOBODY, Context, Entity, Who, is_spokesperson, who_of
from .speechcues import SPEECH_VERB

_DET = r"(?:[Dd]er|[Dd]ie|[Dd]as|[Ee]in|[Ee]ine|[Tt]he|[Aa]n?)"
# an adjective: brasilianische, innenpolitische, 84-jährige; no preposition or conjunction
_LINK = r"(?!(?:of|for|at|in|on|and|who|von|vom|im|aus|bei|und|des|der)\b)"
_LOWER = rf"{_LINK}[a-zäöüß0-9][\w-]*"
_CAP = r"[A-ZÄÖÜ][\w-]*"
# after the head: a genitive, or a "von"/"in"/"aus" phrase ending in capitalised words ("der
# Polizei in Dortmund", "des Senders Sky News aus Leicestershire"), or a bare genitive
# ("Der Vertreter Libyens"); English "of"/"for" with lowercase words ("for the ministry")
_COMPLEMENT = (rf"\s+(?:des|der|von|vom|in|im|aus|bei|beim)\s+(?:(?:der|dem|den|des|die)\s+)?(?:{_LOWER}\s+){{0,2}}"
               rf"{_CAP}(?:\s+{_CAP}){{0,2}}|\s+[A-ZÄÖÜ][\w-]*s(?=[\s,.;:])|\s+(?:of|for|at)\s+(?:the\s+)?(?:[\w.&'-]+\s+){{0,7}}[\w.&'-]*\w")
# no determiner: a plural group, a capitalised adjective and a noun ("Weiße Farmer berichteten")
_BARE_PLURAL = r"(?=[A-ZÄÖÜ][a-zäöüß]+e\s+[A-ZÄÖÜ][a-zäöüß]+\b)[A-ZÄÖÜ][a-zäöüß]+e\s+"
# a determiner, adjectives, maybe a capitalised adjective of a name ("Das Auswärtige Amt"), the
# head noun (English: a lowercase noun after "The company's"), up to two complements; then the
# phrase ends (a lowercase word, a sign, the end): "der Präsident Journalisten" is no phrase
_PHRASE = re.compile(rf"\s*((?:{_DET}\s+|{_BARE_PLURAL})(?:\w+'s\s+)?(?:{_LOWER}\s+){{0,3}}(?:{_CAP}e[nrs]?\s+)?({_LINK}[\w-]+)((?:{_COMPLEMENT}){{0,2}}))"
                     r"(?=\s*[,.;:!?“”\"„]|\s+[a-zäöüß]|\s*$)")
# before the verb: the phrase opens the sentence ("Auch", "Wie" may stand first), maybe two
# lowercase words between ("hat gestern erklärt")
_OPENING = re.compile(r"\s*[„\"]?(?:(?:Auch|Wie|wie|So|Nun)\s+)?")
_TO_VERB = re.compile(r"\s*(?:[a-zäöüß]+\s+){0,2}")
# what may stand before a verb whose subject follows it (German puts the verb second): a closed
# quote and a comma, a prepositional phrase, one function word, a subordinate clause
_PREPOSITION = re.compile(r"\s*(?:In|Im|Auf|Am|An|Bei|Beim|Nach|Vor|Mit|Gegenüber|Über|Zu|Zum|Zur|Seit|Während|"
                          r"Unter|Aus|Vom|Von)\s+[^,;:„“\"]{1,80}\s+$")
_CLAUSE_FIRST = re.compile(r"\s*(?:Als|Obwohl|Nachdem|Weil|Da|Wenn|Während|Bevor|Dass|Ob)\s+[^;:„“\"]{1,160},\s*$")
_QUOTE_BEFORE = re.compile(r"[“\"»”]\s*,?\s*(?:so\s+)?$")


def _front_allows_subject_after(text: str, s_start: int, verb_start: int) -> bool:
    front = text[s_start:verb_start]
    if _QUOTE_BEFORE.search(front) or _PREPOSITION.fullmatch(front) or _CLAUSE_FIRST.fullmatch(front):
        return True
    words = front.split()
    return len(words) == 1 and words[0].lower() in NOT_NAME_START


def _subject_phrase(ctx: Context, s_start: int, verb: re.Match) -> re.Match | None:
    """The phrase opening the sentence right before the verb, else the one right after it when
    what stands before the verb is no subject."""
    text = ctx.text
    found = _PHRASE.match(text, _OPENING.match(text, s_start, verb.start()).end(), verb.start())
    gap = _TO_VERB.fullmatch(text, found.end(), verb.start()) if found is not None else None
    if gap is not None and (not gap.group().strip() or not re.match(r"(?:[Tt]he|[Aa]n?)\s", found.group(1))):
        return found  # English puts nothing between the subject and "said"
    if not _front_allows_subject_after(text, s_start, verb.start()):
        return None
    found = _PHRASE.match(text, verb.end())
    if found is not None and re.match(r"der\s", found.group(1)) and found.group(2).endswith("in"):
        return None  # "sagte der Ministerin": a dative, not the subject
    if found is not None and re.match(r"(?:the|an?)\s", found.group(1)) and re.match(r"\s+(?!who\b)[a-z]", text[found.end():]):
        return None  # "said the United States did not want": the subject of the clause said
    return found


def phrase_speaker(ctx: Context, s_start: int, verb: re.Match, one_word_quote: bool = False) -> Who:
    """The role or body phrase that is the speech verb's subject, as written. The phrase names
    someone: its head is a role word, or capitalised words specify it ("der Polizei in
    Dortmund", "Auswärtige Amt"); not "Die Regierung erklärte". After the verb, not for a
    quote of one capitalised word (a name or a title as often as speech)."""
    text = ctx.text
    found = _subject_phrase(ctx, s_start, verb)
    if found is None or ctx.entities_in(found.start(1), found.end(1), ("person",)) or ctx.in_quote(found.start(1)) or \
            (one_word_quote and found.start(1) > verb.start()):
        return NOBODY
    words = found.group(1).split()
    if not re.fullmatch(_DET, words[0]):  # a bare plural group opens the sentence before a plural verb
        if found.start(1) != _OPENING.match(text, s_start).end() or not verb.group().split()[0].endswith("en") or \
                words[0].lower() in NOT_NAME_START:
            return NOBODY
        words = ["", *words]  # the adjective is no determiner: it names the group with the noun
    capitalised = [w for w in words[1:] if w[:1].isupper() and w.lower() not in NOT_NAME_START]
    named = bool(found.group(3)) and any(w[:1].isupper() for w in found.group(3).split()) or len(capitalised) >= 2
    # a role alone ("sagte ein Sprecher", "der Minister") names nobody: an adjective or a complement must specify it
    if not (named or len(words) > 2 and any(is_role(w) or is_role(w.capitalize()) for w in words[1:])):
        return NOBODY
    if not re.fullmatch(r"[A-ZÄÖÜa-zäöüß][\w'-]*", found.group(2)) or found.group(2).lower() in NOT_NAME_START:
        return NOBODY
    phrase = " ".join(words).strip()
    return Who(speaker_name=phrase[:1].lower() + phrase[1:] if words[0] else phrase)  # "der …" wherever it stands


def quote_phrase(ctx: Context, s_start: int, verb: re.Match, quote_at: int | None) -> Who:
    """A role or body phrase as the verb's subject, as written, for a quote (not a one-word title)."""
    if quote_at is None:
        return NOBODY
    return phrase_speaker(ctx, s_start, verb, one_noun_after(ctx, quote_at, verb.end())).by("role phrase as written")


# A body opening the sentence as its subject, an article at most before it (a heading's label
# may stand first: "Europapolitik: Die SPD will am Kurs … festhalten."), a verb right after it.
_ARTICLE_ONLY = re.compile(r"\s*(?:[A-ZÄÖÜ][\w-]*:\s+)?(?:Der|Die|Das|The)?\s*")
_VERB_AFTER = re.compile(r"\s+(?!und\b|oder\b|sowie\b|and\b|or\b)[a-zäöüß]+\b")


def opening_body(ctx: Context, sentence: int) -> Who:
    """The body that opens the sentence before ``sentence`` as its subject (the names after it
    are its objects); not when the sentence after names a person with a speech verb, who may
    be the one quoted ("… verify." FTC Bureau … Director William MacLeod said)."""
    p_start, p_end = ctx.sentences[sentence - 1]
    named = ctx.entities_in(p_start, p_end, ("body", "source"))
    if not named or named[0].kind != "body" or not _ARTICLE_ONLY.fullmatch(ctx.text, p_start, named[0].start) or \
            not _VERB_AFTER.match(ctx.text, named[0].end) or _person_speaks(ctx, sentence + 1):
        return NOBODY
    return who_of(named[0])


def _person_speaks(ctx: Context, sentence: int) -> bool:
    if sentence >= len(ctx.sentences):
        return False
    start, end = ctx.sentences[sentence]
    verb = next((v for v in SPEECH_VERB.finditer(ctx.text, start, end) if not ctx.in_quote(v.start())), None)
    return verb is not None and bool(ctx.entities_in(start, verb.start(), ("person",)))


# An English body's name right before "said": capitalised words, "of"/"and"/"&" between them,
# maybe a company suffix: "Cincinnati Bell Inc said", "The Bank of England said", "the Central
# Bureau of Statistics said", "lead manager Credit Suisse said".
# Reuters marks some names "<Pancontinental Oil Ltd> said" and writes some suffixes lowercase
# ("Blocker Energy corp said": the name is the words before it).
_ENGLISH_NAME = re.compile(r"(?:^|(?<=\s)|(?<=<))((?:[A-Z][\w.&'-]*(?:\s+|(?=>))(?:(?:of|and|&|for)\s+)?){1,6})"
                           r"(?:(?:corp|inc|co|ltd)\.?\s+)?>?(?:\s+<[^<>]{1,12}>)?\s*(?:also\s+)?$")
_ENGLISH_SAID = frozenset("said says reported announced added stated".split())
_NOT_BEFORE_NAME = frozenset("at of for with from by in on to than".split())  # "analysts at Merrill Lynch said"


# A company's full name: capitalised words (joined by hyphens, "and", "of", "&") ending in a
# suffix, or an acronym given in commas or brackets after a name ("Commission, CAC, said").
_SUFFIX = r"(?:Inc|Corp|Co|Ltd|Plc|PLC|Corporation|Company|Bank|Group)\b"


def _body_named_before(text: str, s_start: int, word: str) -> bool:
    """A one-word English subject is the short form of a body named in full before its
    sentence: "Freeport said" after "Freeport-McMoRan Inc", "Reynolds also said" after
    "Reynolds and Reynolds", "Continental added" after "Continental Bank of Canada", "the CAC
    said" after "The Victorian Corporate Affairs Commission, CAC, said"."""
    if word.lower() in NOT_NAME_START or is_role(word):
        return False
    w = re.escape(word)
    full = rf"\b{w}(?:[-\s]+(?:(?:and|of|&)\s+)?[A-Z][\w.&'-]*)*[-\s]+{_SUFFIX}|\b{w}\s+(?:and|&)\s+{w}\b|" \
           rf"[A-Z][\w-]+\s+[A-Z][\w-]+\s*[,(]\s*{w}\s*[,)]"
    return re.search(full, text[:s_start]) is not None


def english_body(ctx: Context, s_start: int, verb: re.Match, quote_at: int | None = None) -> Who:
    """A body the registry and the candidates lack, as written, before an English "said": two
    or more capitalised words right before the verb, not after a preposition; not a person's
    words (a role alone or a pronoun opens no name)."""
    if verb.group() not in _ENGLISH_SAID:
        return NOBODY
    found = _ENGLISH_NAME.search(ctx.text, max(s_start, verb.start() - 80), verb.start())
    if found is None:
        return NOBODY
    if member := _member_before(ctx, s_start, found.start(1)):
        return member  # "Christopher Clark of the group's bankers Samuel Montagu and Sons Ltd said"
    words = found.group(1).split()
    while words and words[0].lower() in NOT_NAME_START:  # "The Bank of England", "But"
        words = words[1:]
    capitalised = [w for w in words if w[:1].isupper()]
    before = ctx.text[max(s_start, found.start(1) - 20):found.start(1)].split()
    if len(capitalised) == 1 and len(words) == 1 and _body_named_before(ctx.text, s_start, words[0]) and \
            not ctx.entities_in(found.start(1), verb.start(), ("person", "body", "source", "state", "place")) and \
            not one_noun_after(ctx, quote_at, verb.end()):  # not a product's name in quotes ("called „Amadeus“")
        return Who(speaker_name=words[0])  # "Freeport said" after "Freeport-McMoRan Inc"
    if len(capitalised) < 2 or words[-1].lower() in ("of", "and", "for", "&") or \
            (before and before[-1].lower() in _NOT_BEFORE_NAME) or any(is_role(w) for w in capitalised) or \
            ctx.entities_in(found.start(1), verb.start(), ("person", "body", "source")):
        return NOBODY
    places = ctx.entities_in(found.start(1), verb.start(), ("state", "place"))
    if places and sum(len(ctx.text[p.start:p.end].split()) for p in places) >= len(capitalised) - 1 and "of" not in words:
        return NOBODY  # "West Germany said", "The U.S. Has said", "U.S. Officials said"; "Bank of Japan" stays
    return Who(speaker_name=" ".join(words))


# A person, then "of" and at most a few words of their place in it ("the group's bankers"):
# the body named after is theirs, and they speak.
_OF_BODY = re.compile(r"\s+of\s+(?:the\s+)?(?:[a-z][\w'’]*\s+){0,3}$")


def _member_before(ctx: Context, s_start: int, body_at: int) -> Who:
    people = ctx.entities_in(max(s_start, body_at - 60), body_at, ("person",))
    if not people or _OF_BODY.fullmatch(ctx.text, people[-1].end, body_at) is None:
        return NOBODY
    return who_of(people[-1])


# Between a genitive after the verb and the person it qualifies: a noun phrase in one clause,
# its last word a capitalised noun right before the name ("nach Kanada geflüchtete Ehefrau").
_GENITIVE_NOUN_PHRASE = re.compile(r"(?:\s+[\w-]+){0,4}?\s+[A-ZÄÖÜ][\w-]*\s+")


def genitive_owner(ctx: Context, entity: Entity, s_end: int) -> Who:
    """A name in the genitive right after a German speech verb is no subject: it qualifies the
    noun after it, whose holder speaks when named ("sagte Badawis nach Kanada geflüchtete
    Ehefrau Ensaf Haidar", "sagte Merkels Sprecher Steffen Seibert"). Without a name, its
    spokesperson speaks for its owner ("sagte Merkels Sprecher"); anyone else for nobody named."""
    people = ctx.entities_in(entity.end, min(s_end, entity.end + 80), ("person",))
    if people and _GENITIVE_NOUN_PHRASE.fullmatch(ctx.text, entity.end, people[0].start):
        return who_of(people[0]).by("name after genitive")
    noun = re.match(r"\s+([\w-]+)", ctx.text[entity.end:s_end])
    return who_of(entity).by("name after verb") if noun and is_spokesperson(noun.group(1)) else NOBODY
