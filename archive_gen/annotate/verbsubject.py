"""Whether a name next to a speech verb is its subject: the grammar checks that keep the
object, the addressee, a name inside a prepositional phrase or the body in a speaker's role
from being taken for the speaker (issue 12, round 10: read on Der Standard and Reuters dev
articles, where these were most of the wrong speakers). Where unsure they give nobody."""

from __future__ import annotations

import re

from .candidates import is_role
from .quotenames import one_noun_after, short_title
from .rolephrase import genitive_owner
from .speakers import NOBODY, Context, Entity, Who, addressee, is_spokesperson, who_of
from .nounphrase import DETERMINERS, NP_ADVERBS, PREPOSITIONS, SUBORDINATORS, noun_phrase, noun_phrase_only
from .speechcues import SPEECH_VERB

# What may stand between a speaker and the speech verb: an apposition in commas, a party.
_APPOSITION = re.compile(r"\s*(?:,[^,.;:„“\"]{1,120}(?:,|\)(?=\s+[a-zäöüß]))|\([^()]{1,60}\),?)\s*")  # "Henning Scherf (SPD), warnte"
_ADVERBS = re.compile(r"(?:\s+(?:immer|wieder|auch|noch|bereits|schon|erneut|mehrfach|zuvor|nun|jetzt|dann|später|zudem|ebenfalls|stets|zuletzt|damals))+\s+")  # "Dingfelder immer wieder betont"

# English speech verbs: their subject stands before them ("Dealers said the Bundesbank …"); a
# name after one is the speaker only in an inversion after a quote or comma ("…," said Kim).
_ENGLISH_VERB = re.compile(r"said|says|told|stated|warned|announced|promised|added|wrote|declared|insisted|urged|"
                           r"reported|explained|argued|noted|replied|commented|asked|called|claimed|recommended|asserted")
# Verbs whose name after them is their object in any order: "asked the SEC", "told Reuters".
_TRANSITIVE = re.compile(r"told|asked|urged|called|warned|promised|recommended")
_INVERTED = re.compile(r"(?:[,\"”“]|'')\s*$")


def english(verb: re.Match) -> bool:
    return _ENGLISH_VERB.fullmatch(verb.group()) is not None


def inverted(ctx: Context, s_start: int, verb: re.Match) -> bool:
    """An English verb after a quote or a comma: its subject may follow it."""
    return not _TRANSITIVE.fullmatch(verb.group()) and \
        _INVERTED.search(ctx.text, max(s_start, verb.start() - 4), verb.start()) is not None


# A German subject pronoun or "man" right after the verb: "Abgesehen von … der EU erhofft er
# sich", "In der Causa Fritz Grünbaum empfahl man": the name before is no subject.
_SUBJECT_AFTER = re.compile(r"\s+(?:er|man)\b")
# A preposition before a name makes it no subject: "In der SZ beklagte Beckenbauer", "Gegen
# Fabio Fognini kündigt sich …", "an Rauball und Koch schrieb" (von/bei: a member's body, kept).
_IN_PHRASE = re.compile(r"(?:^|\s)(?:[Ii]n|[Ii]m|[Aa]uf|[Nn]ach|[Vv]or|[Ff]ür|[Üü]ber|[Uu]nter|[Gg]egen|[Dd]urch|[Ss]eit|"
                        r"[Uu]m|[Aa]n|[Aa]m|against|on)\s+(?:(?:der|die|das|dem|den|des|the)\s+)?"
                        r"(?:[A-ZÄÖÜ][\w-]+\s+(?:und|and)\s+)?$")


# A body in an English apposition's role after a person's name: "Garo Armen, an analyst with
# Dean Witter Reynolds, said" (the analyst speaks; "A market analyst at Siam Commercial Bank said"
# names nobody else, so the bank stays).
_ROLE_AT_BODY = re.compile(r"[A-Z][\w.'-]*,\s+(?:a|an|the)\s+[^,;:\"]{1,50}\s(?:with|at)\s+(?:the\s+)?$")


def not_subject_before(ctx: Context, entity: Entity, verb: re.Match) -> bool:
    """The name right before the verb is not its subject; nor before ", so", whose subject
    always follows it ("Die … Reformorientierung sehe ich … bei der FPÖ, so der Verhandler")."""
    return verb.group().startswith(",") or _SUBJECT_AFTER.match(ctx.text, verb.end()) is not None or \
        _IN_PHRASE.search(ctx.text, max(0, entity.start - 40), entity.start) is not None or \
        _ROLE_AT_BODY.search(ctx.text, max(0, entity.start - 80), entity.start) is not None


def inversion_after(ctx: Context, entity: Entity, verb: re.Match, after: list[Entity]) -> bool:
    """A comma between the name and the verb, and a name right after the verb: the verb's
    subject is the later one ("Ein Brief Der SZ, die …, sagte Beckenbauer"; "…, said AMBB");
    not after a determiner ("Henning Scherf (SPD), warnte die CDU": its object)."""
    return bool(after) and "," in ctx.text[entity.end:verb.start()] and not ctx.text[verb.end():after[0].start].strip()


# What may follow an inverted subject in its clause: "…, said Lawrence Mills, director-general",
# "…, so Shmueli.", "said AMBB in a statement"; not "said Soriano was not eligible".
_CLAUSE_GOES_ON = re.compile(r"\s*(?:[,.;:!?()\"“”–-]|$|(?:am|im|in|bei|gegenüber|zum|zur|weiter|nach|auf|vor|"
                             r"at|on|to|in|from|after|before|when|yesterday|today|last|this|on)\b)")


def ends_inversion(ctx: Context, verb: re.Match, entity: Entity) -> bool:
    """An English or "so" inversion: the subject after the verb ends its clause."""
    if not (english(verb) or verb.group().lstrip(", ").startswith("so")):
        return True
    return _CLAUSE_GOES_ON.match(ctx.text, role_holder(ctx, entity).end) is not None


# Between a body and the person whose role it qualifies: "ÖGB-Chef Erich Foglar",
# "Kleinwort Benson Ltd financial analyst Simon Smithson", "Sumitomo Bank Ltd's chief economist".
_ROLE_GAP = re.compile(r"(?:'s|’s)?(?:-([\w-]+))?((?:\s+[\w-]+){0,3}?)\s+")


# A role of the body with a complement, then the holder's name in commas: "der AU-Sondergesandte
# für Burundi, Ibrahima Fall", "der UN-Hochkommissar für Menschenrechte, Said Raad Al-Hussein".
_ROLE_COMPLEMENT = re.compile(r"-([\w-]+)\s+(?:für|for|of|des|der|bei|in|im)\s+[^,;:.()„“\"]{1,60},\s+")


def role_holder(ctx: Context, entity: Entity, reach: int = 60) -> Entity:
    """The person a body only qualifies: the role after the body (joined by a hyphen, or the
    words after it, or a role with a complement and the name in commas) ends right before a
    person's name; else the entity itself. A name taken for a person may qualify a role too
    ("meinte Puls 4-Info-Direktorin Corinna Milborn": the station's director speaks)."""
    people = ctx.entities_in(entity.end, entity.end + reach, ("person",))
    if not people:
        return entity
    complement = _ROLE_COMPLEMENT.fullmatch(ctx.text, entity.end, people[0].start)
    if complement is not None and is_role(complement.group(1).split("-")[-1]):
        return people[0]
    gap = _ROLE_GAP.fullmatch(ctx.text, entity.end, people[0].start)
    if gap is None:
        return entity
    words = (gap.group(2) or "").split()
    last = words[-1] if words else gap.group(1) or ""
    # German roles are capitalised ("sagte UEFA Präsident Michel Platini"): only the words before the role may not be
    if not last or not _role_word(last.split("-")[-1]) or any(w[:1].isupper() for w in words[:-1]):
        return entity
    return people[0]


def _role_word(word: str) -> bool:
    """A role, also as an adjectival noun without its article: "CSU-Fraktionsvorsitzender",
    "Abgeordneter" (the role lexicon holds "Fraktionsvorsitzende")."""
    return is_role(word) or word.endswith("er") and is_role(word[:-1])


_IN_ROLE = re.compile(r"-([\w-]+)")


def in_role(ctx: Context, entity: Entity) -> bool:
    """A body that only qualifies a role joined to it by a hyphen ("EU-Abgeordnete", "UN-Chef"):
    the role's holders speak, not the body; a spokesperson speaks for it."""
    if entity.kind == "person":
        return False
    role = _IN_ROLE.match(ctx.text, entity.end)
    return role is not None and is_role(role.group(1).split("-")[-1]) and not is_spokesperson(role.group(1))


# Where a clause opens: the sentence start, a comma, a colon, a dash, "wie", "so", "as".
# An auxiliary opens the subject's place too: "hatte Leitl zuvor … gesagt", "haben die Klubobleute
# Klaus Schneeberger … verkündet"; so does "so" with its verb: "so erinnert sich Straubinger",
# "so charakterisierte ihn der Gewerkschaftsfunktionär Bernard Aubin".
_OPENER = re.compile(r"(?:^|[,:;]|\s[–-]|\b(?:[Ww]ie|as|As)\b|\b(hat|hatte|habe|haben|hatten|soll|sollen|will|wollen)\b|"
                     r"\b[Ss]o(?:\s+[a-zäöüß]+(?:\s+(?:sich|ihn|ihm|ihr|ihnen|uns))?)?)\s*")


def sentence_subject(ctx: Context, s_start: int, s_end: int, verbs: list[re.Match]) -> Who:
    """The first person of the sentence who can be a speech verb's subject: opening a clause
    (or after an auxiliary) with only its noun phrase before it, or right after a speech verb
    (in English only an inverted one), not in the genitive or before a possessive."""
    text = ctx.text
    if any(unnamed_before(ctx, s_start, v) or unnamed_front(ctx, s_start, v) for v in verbs):
        return NOBODY  # "…, automotive industry sources said": the subject is nobody we can name
    for person in ctx.entities_in(s_start, s_end, ("person",)):
        if ctx.genitive(person) or re.match(r"'s|’s", text[person.end:person.end + 2]):
            continue
        before = text[s_start:person.start]
        openers = [(m.end(), bool(m.group(1))) for m in _OPENER.finditer(before)]
        openers += [(v.end() - s_start, False) for v in verbs
                    if v.end() <= person.start and (not english(v) or inverted(ctx, s_start, v))]
        start, auxiliary = max(openers, default=(0, False))
        words = before[start:].split()
        if len(before) - start > 80 or "," in before[start:] or not noun_phrase(words):
            continue
        # after an auxiliary or a relative pronoun ("…, die Gerhard Schröder … erklärt hatte") the
        # speech verb must follow: "soll Anelka zu Domenech gesagt haben", not "soll Davutoğlu … zusammenstellen"
        relative = start and before[start - 2:start].strip() == "," and (
            len(words) == 1 and words[0] in DETERMINERS or words[:1] in (["dessen"], ["deren"]))  # "…, dessen Inhalt Putin … bekanntgab"
        if (auxiliary or relative) and not any(v.start() > person.end for v in verbs):
            continue
        return who_of(person)
    return NOBODY


# Words before an English speech verb that leave its subject open: "Kato has said", "but said".
_NOT_A_SUBJECT = re.compile(r"\b(?:has|have|had|also|but|and|then|later|today|yesterday|earlier|previously|recently|"
                            r"he|she|they|it|we|i|who|which|that)\s+$", re.IGNORECASE)


def unnamed_before(ctx: Context, start: int, verb: re.Match) -> bool:
    """An English speech verb whose subject right before it is a common noun: "a Western
    diplomat said", "industry sources said", "Dealers said" (no entity ends there)."""
    if not english(verb) or inverted(ctx, start, verb):
        return False
    window = ctx.text[max(start, verb.start() - 25):verb.start()]
    if not re.search(r"(?:\b[a-z]{3,}|^\s*[A-Z][a-z]+)\s+$", window) or _NOT_A_SUBJECT.search(window):
        return False
    return not any(verb.start() - e.end <= 2 for e in ctx.entities_in(max(start, verb.start() - 60), verb.start(),
                                                                       ("person", "body", "source")))


_NO_NOUN = frozenset("das dies dieses es er sie man wir ich ihr".split())
_SPEAKING = ("person", "body", "source")  # the entity kinds that can speak


def unnamed_front(ctx: Context, s_start: int, verb: re.Match) -> bool:
    """A German speech verb in second place after a noun phrase that names nobody, its clause
    ending in a comma before anyone is named: "Arabische Medien berichteten am Montag, Ölminister
    Ali al-Nuaimi habe …" (the media speak; the minister is spoken of). Not "Das sagte Kim", nor a
    subordinate clause ("Wie die Sportzeitung berichtete, soll Anelka … gesagt haben")."""
    if english(verb) or verb.group().startswith(","):
        return False
    words = ctx.text[s_start:verb.start()].split()
    if not words or words[0].lower() in SUBORDINATORS or words[0].lower() == "wie" or len(words) > 5 or not words[-1][:1].isupper() or words[-1].lower() in _NO_NOUN or \
            not noun_phrase(words) or ctx.entities_in(s_start, verb.start(), _SPEAKING):
        return False
    comma = ctx.text.find(",", verb.end(), verb.end() + 40)
    return comma >= 0 and not ctx.entities_in(verb.end(), comma, _SPEAKING)



def _opens_sentence(ctx: Context, entity: Entity) -> bool:
    """The entity is its sentence's subject at its opening ("Tirols Landeschef Günther Platter …")."""
    before = ctx.text[ctx.sentences[ctx.sentence_of(entity.start)][0]:entity.start]
    return "," not in before and noun_phrase(before.split())


def speech_verbs_before(ctx: Context, start: int, end: int) -> list[re.Match]:
    return [v for v in SPEECH_VERB.finditer(ctx.text, start, end) if not ctx.in_quote(v.start())]


# "sagte ein Sprecher", "so der zuständige Minister": a role after the verb, unnamed.
_ROLE_AFTER_VERB = re.compile(r"\s+(?:der|die|ein|eine)\s+(?:[a-zäöüß][\w-]*\s+)*([\w-]+)")


_SUBORDINATE = re.compile(r"\s*(?:wie|dass|ob|weil|wenn|als|da|how|that|whether)\b")


def previous_subject(ctx: Context, sentence: int, verb_at: int, pronoun: str) -> Who | None:
    """Whom a pronoun subject continues: the subject of the speech verb before (this sentence
    and two back; past verbs whose subject is itself a pronoun). NOBODY when that subject is
    someone we cannot name ("a Western diplomat said. He said …", "traders said. … they
    added"); None when there is no such verb or nothing tells (then the last name decides)."""
    first = ctx.sentences[max(sentence - 2, 0)][0]
    text = ctx.text
    for verb in reversed([v for v in speech_verbs_before(ctx, first, verb_at) if v.end() < verb_at][-3:]):
        start = ctx.sentences[ctx.sentence_of(verb.start())][0]
        if ctx.sentence_of(verb.start()) == sentence and _SUBORDINATE.match(text, text.rfind(",", start, verb.start()) + 1):
            continue  # a verb of the words reported ("Ich verstehe nicht, wie … empfiehlt, …, sagte er")
        named = next_to_verb(ctx, start, ctx.sentences[ctx.sentence_of(verb.start())][1], verb, None)
        if named:
            return named if pronoun not in ("er", "he") or is_person(ctx, named) else None
        if re.search(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ee]r|[Ss]ie)\s+$", text[max(first, verb.start() - 6):verb.start()]) or \
                re.match(r"\s+(?:er|sie)\b", text[verb.end():verb.end() + 5]):
            continue  # "he said": look further back
        role = _ROLE_AFTER_VERB.match(text, verb.end())
        if unnamed_before(ctx, start, verb) or not english(verb) and role and is_role(role.group(1)):
            # "a Western diplomat said", "Dealers said", "sagte ein Sprecher"; unless someone is named since
            kinds = ("person",) if pronoun in ("er", "he") else ("person", "body", "source")
            since = ctx.entities_in(ctx.sentences[ctx.sentence_of(verb.start())][1], verb_at, kinds)
            return None if any(_opens_sentence(ctx, e) for e in since) else NOBODY
        return None
    return None


def next_to_verb(ctx: Context, s_start: int, s_end: int, verb: re.Match, quote_at: int | None) -> Who | None:
    """The name right before the speech verb, else right after it; None when neither speaks."""
    text, speaking = ctx.text, ("person", "body", "source")
    # "sagte er NBC": the pronoun is the subject; "Dealers said the Bundesbank": English subjects come first
    after = [e for e in ctx.entities_in(verb.end(), min(s_end, verb.end() + 6), speaking)
             if not _PRONOUN_WORD.search(text, verb.end(), e.start) and ends_inversion(ctx, verb, e)] \
        if not english(verb) or inverted(ctx, s_start, verb) else []
    # "Kim sagte" first: in "Merkel nannte Wulff „…“" the name after the verb is its object.
    before = [e for e in ctx.entities_in(s_start, verb.start(), speaking)
              if (0 <= verb.start() - e.end <= 2 or _APPOSITION.fullmatch(text, e.end, verb.start())
                  or _ADVERBS.fullmatch(text, e.end, verb.start())) and not addressee(ctx, e)
              and not not_subject_before(ctx, e, verb)]
    if before and not inversion_after(ctx, before[-1], verb, after):  # Kim sagte; John Kline, ein …, sagte; Edathy (SPD) nannte
        return who_of(ctx.person_of(before[-1])).by("name before verb")
    if after:  # sagte Kim; not "sagte Hugo Salcedo, Kopf einer Gruppe, die … „WM-Tauglichkeit“ …"
        if (after[0].registry_genitive or ctx.genitive(after[0])) and not english(verb):  # sagte Badawis … Ehefrau Ensaf Haidar
            return genitive_owner(ctx, after[0], s_end)
        holder = role_holder(ctx, after[0])  # sagte ÖGB-Chef Erich Foglar
        if one_noun_after(ctx, quote_at, after[0].end) or short_title(ctx, s_start, quote_at) or \
                holder is after[0] and verb.group().endswith("en") and in_role(ctx, holder):
            return NOBODY  # "sagten EU-Abgeordnete": members speak, not the body ("betonte der UN-Chef" stays)
        return who_of(holder).by("name after verb")
    return None


def is_person(ctx: Context, who: Who) -> bool:
    return (ctx.kinds.get(who.speaker) == "person") if who.speaker else bool(who.speaker_name)


# Between a verb and a name: a subject pronoun ("sagte er NBC") or a preposition ("sprach von
# Rubio als Leichtgewicht"): the name is no subject.
_PRONOUN_WORD = re.compile(r"\b(?:er|sie|es|man|he|she|they|it|von|vom|über|mit|zu|gegen|für|an|auf|with|about|to|of)\b")


# A passive: "Dass Innenminister Wolfgang Sobotka … will, wird teils vehement kritisiert": the
# sentence's persons are criticised, not speaking (the agent, if any, follows "von").
_PASSIVE_BEFORE = re.compile(r"\b(?:wird|wurde|werden|wurden)\b[^,.;:„“\"]{0,80}$")
_PASSIVE_AFTER = re.compile(r"\s*(?:[.,;:]|$|worden\b)")
# A participle with its passive auxiliary after it needs no "wird" before: "Ackermann, der …
# heftig kritisiert worden war, nahm … nicht teil", "…, was von der Opposition kritisiert wurde".
_PASSIVE_AUXILIARY = re.compile(r"\s+(?:worden|wurde|wurden|werden)\b")


# "zitieren" names the one quoted as its object ("zitiert die Süddeutsche Zeitung den Vorstand
# Jens Bischof", "hatte Schwan … aus Tonbandaufnahmen zitiert") or summons ("war ins … Außen-
# ministerium zitiert worden"): its subject speaks only when quoted with its words ("wird mit
# den Worten zitiert").
_QUOTED_PASSIVE = re.compile(r"\b(?:wird|wurde|werden|wurden)\b[^.;:„“\"]{0,120}$")
_WITH_WORDS = re.compile(r"\bmit\s+(?:den|diesen|folgenden)\s+Worten\b")


def quoting(text: str, s_start: int, s_end: int, verb: re.Match) -> bool:
    """A form of "zitieren" whose subject is not who speaks."""
    return verb.group().startswith("zitiert") and _WITH_WORDS.search(text, s_start, s_end) is None and \
        _QUOTED_PASSIVE.search(text, max(s_start, verb.start() - 120), verb.start()) is None  # "wird …, …, zitiert": quoted


def quoted_object(ctx: Context, verb: re.Match, s_end: int) -> Who:
    """The person "zitieren" quotes: the first one after it in its clause ("zitiert ndr.de
    Polizeisprecher Ralf Meyer"); nobody past a comma ("hatte Schwan … zitiert, die Kohl …")."""
    end = min(s_end, verb.end() + 100)
    clause_end = _CLAUSE_END.search(ctx.text, verb.end(), end)
    people = ctx.entities_in(verb.end(), clause_end.start() if clause_end else end, ("person",))
    if not people or ctx.genitive(people[0]) or _PREPOSITION_IN.search(ctx.text, verb.end(), people[0].start):
        return NOBODY  # "zitiert aus einem Mitschnitt … vom … Finanzminister Yanis Varoufakis": his words are the recording's
    return who_of(people[0]).by("object of zitieren")


_CLAUSE_END = re.compile(r"[,;:!?„“\"]|\.(?=\s|$)")  # not "ndr.de"
_PREPOSITION_IN = re.compile(r"\b(?:aus|von|vom|mit|über|in|im|nach|bei|from|of)\b")


def passive(text: str, s_start: int, verb: re.Match) -> bool:
    """A passive speech verb, whose subject is spoken about ("wird zitiert": quoted, speaks)."""
    if verb.group().startswith("zitiert"):
        return False
    return _PASSIVE_AUXILIARY.match(text, verb.end()) is not None or _PASSIVE_AFTER.match(text, verb.end()) is not None and \
        _PASSIVE_BEFORE.search(text, max(s_start, verb.start() - 80), verb.start()) is not None


def introduced(ctx: Context, s_start: int, quote_at: int) -> Who:
    """A quote after a colon whose clause names one person: "Stoiber begründete seinen Rückzug
    mit den Worten: „…“", "Koppelin wörtlich: „…“"."""
    if not re.search(r":\s*$", ctx.text[max(s_start, quote_at - 3):quote_at]):
        return NOBODY
    people = {(e.id, e.name): e for e in ctx.entities_in(s_start, quote_at, ("person",))
              if not ctx.genitive(e) and ctx.text[e.end:e.end + 2] not in ("'s", "’s")}  # "on Cojuangco's court petition"
    if len(people) != 1:
        return NOBODY
    person = next(iter(people.values()))
    # "Dabei griff sie den Präsidenten Mahmud Ahmadinedschad an: „…“": a subject pronoun, or
    # the person as an object (den, dem, einen, einem before it), and the person is not who speaks
    before = ctx.text[max(s_start, person.start - 50):person.start]
    if re.search(r"\b(?:er|sie|Er|Sie)\b", ctx.text[s_start:person.start]) or \
            re.search(r"\b(?:den|dem|einen|einem)\b[^,.;:]{0,40}$", before) or \
            _PRONOUN_SPEAKS.search(ctx.text, person.end, quote_at):  # "Asked if … Hu Yaobang …, he said:"
        return NOBODY
    return who_of(person)


# A subject pronoun right before a speech verb, after the one person named: the pronoun speaks.
_PRONOUN_SPEAKS = re.compile(r"\b(?:he|she|they|He|She|They)\s+(?:said|added|replied|told|stated)\b|"
                             r"\b(?:sagte|meinte|erklärte|antwortete|betonte|fügte)\s+(?:er|sie)\b")


# A colon that opens a statement: a capital, a digit, a quotation mark or a bracket after it.
_STATEMENT_COLON = re.compile(r":\s+(?=[A-ZÄÖÜ0-9„\"»(])")
# What marks the words after it as someone's: the first or second person, the subjunctive of
# reported speech, a question ("Ich halte …", "Uns Spielern ist …", "Können wir …?"); not
# narration ("An seinem linken Arm hat der Direktor …"), not the readers addressed ("Nutzen Sie
# dieses Forum …").
_SPEAKER_VOICE = re.compile(r"(?i:\b(?:ich|wir|mir|mich|uns|unser\w*|mein\w*|sei|seien|habe|hätte|könne|müsse|werde|solle|dürfe|wolle)\b)"
                            r"|[?!]")
def colon_subject(ctx: Context, s_start: int, s_end: int) -> Who:
    """A sentence without quotation marks whose clause before a colon has one person, as its
    subject, and whose words after the colon are someone's (``_SPEAKER_VOICE``): the person
    speaks them (Der Standard strips the marks). The person opens the sentence ("Andreas
    Koller, Sprecher …: Ich halte …", "Rock leitete den Abend … ein: Wenn Sie …") or follows
    the verb in second place ("Vorsichtig gab sich auch Stürmer Marc Janko: Uns Spielern …");
    not an object ("Die Titelseite zeigt Staatspräsident … Erdogan mit der Aufschrift: …"), not
    in a subordinate clause ("Nachdem Michael Schumacher …, sah es … aus: …")."""
    colon = _STATEMENT_COLON.search(ctx.text, s_start, s_end)
    if colon is None or not _SPEAKER_VOICE.search(ctx.text, colon.end(), s_end) or \
            not (who := introduced(ctx, s_start, colon.end())) or not (who.speaker or " " in who.speaker_name):
        return NOBODY  # a lone word is no name here ("Gemein freilich: …")
    person = next(e for e in ctx.entities_in(s_start, colon.start(), ("person",))
                  if (e.id, e.name) == (who.speaker, None if who.speaker else who.speaker_name))
    words = ctx.text[s_start:person.start].split()
    if words and words[0].lower() in SUBORDINATORS:
        return NOBODY
    if noun_phrase_only(words):
        return who.by("colon: subject")
    # after one word that is no determiner nor a name, or a prepositional phrase, and the verb
    verb = next((i for i, w in enumerate(words) if i and w[:1].islower() and w.lower() not in DETERMINERS), None)
    if verb is None or words[0].lower() in DETERMINERS or (verb > 1 and words[0].lower() not in PREPOSITIONS) or \
            ctx.entities_in(s_start, person.start, ("person", "body", "source", "state")) or \
            not noun_phrase_only(words[verb + 1:]):
        return NOBODY
    return who.by("colon: subject after verb")
