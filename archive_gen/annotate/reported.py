"""Reported speech that carries a speaker on: subjunctive sentences after a quote or a speech
verb ("Damit seien „…“"), and the speaker of the latest quote a pronoun continues. Apart from
``quotes.py``, which decides the speaker of each quote from its own sentence."""

from __future__ import annotations

import re

from ..model import Quote
from .nounphrase import in_prepositional_phrase
from .speakers import NOBODY, Context, Entity, Who, who_of
from .speechcues import SPEECH_VERB
from .unnamed import named_body, unknown_claimant

# A noun right before a speech verb is its subject: "Ein Sprecher von Tesla teilte mit".
_NOUN_SUBJECT = re.compile(r"\b(?:Der|Die|Ein|Eine)\s+[A-ZÄÖÜ][\w-]*(?:\s+(?:des|der|von|vom)\s+[A-ZÄÖÜ][\w-]*)?\s+$")


def reported_between(ctx: Context, said: int, sentence: int) -> bool:
    """The sentences between the one where a quote ended and ``sentence`` are at most two of
    reported speech (subjunctive, nobody named): "Die Gefahr einer Pandemie sei real. … „Aber
    das Virus hat …“" still quotes the same speaker."""
    between = range(said + 1, sentence)
    if len(between) > 2:
        return False
    for j in between:
        start, end = ctx.sentences[j]
        if not _SUBJUNCTIVE.search(ctx.text, start, end) or \
                (_who_may_speak(ctx, start, end) and not pronoun_subject(ctx, j)):
            return False
    return True


# The subjunctive verb's subject is a pronoun, so the names in the sentence are its objects:
# "Die Entscheidung wolle er der NATO überlassen." (still the speaker of the quote before).
_PRONOUN_SUBJECT = re.compile(r"\s*(?:[A-ZÄÖÜ]?[a-zäöüß]+\s+){0,3}?(?:sei|habe|hätte|wolle|werde|könne|müsse|solle|"
                              r"dürfe|wisse|sehe|halte)\s+(?:er|sie)\b")


def pronoun_subject(ctx: Context, sentence: int) -> bool:
    """The sentence is reported speech whose subject is a pronoun: the names in it are objects."""
    start, end = ctx.sentences[sentence]
    return _PRONOUN_SUBJECT.match(ctx.text, start, end) is not None


# A name after a preposition is no subject: "Auch habe sich durch die „veränderte Statik“
# innerhalb der großen Koalition die Grundlage … geändert" (von and durch are left out: they may
# name the agent of a passive, "Es wurde von Demjanjuks Sohn die Mutmaßung geäußert").
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|im|ins|an|am|auf|für|mit|zu|zur|zum|bei|beim|gegen|innerhalb|"
                                 r"außerhalb|über|unter|nach|vor|aus|um|seit|ohne|zwischen|wegen)\s+"
                                 r"(?:(?:der|die|das|den|dem|des|eine|einer|einem|eines|ein)\s+)?(?:[a-zäöüß][\w-]*\s+){0,2}$")


def _who_may_speak(ctx: Context, start: int, end: int) -> bool:
    """A person, body or source named in [start, end), not after a preposition."""
    return any(not _PREPOSITION_BEFORE.search(ctx.text, max(start, e.start - 50), e.start)
               for e in ctx.entities_in(start, end, ("person", "body", "source")))


# A sentence opening with a pronoun and a verb in -e that is no past tense in -te: "Es drohe",
# "Er wolle" (the indicative would be "droht", "will").
_SUBJUNCTIVE_OPENING = re.compile(r"\s*(?:Es|Er|Sie|Dies|Das|Man)\s+[a-zäöüß]+(?<!t)e\b")
_SUBJUNCTIVE = re.compile(r"\b(?:sei|seien|habe|hätten?|werde|würden?|könne|müsse|gebe|stehe|liege|solle|dürfe|"
                          r"wolle|zeige|gehe|bleibe|komme|brauche|wisse|gelte|fehle|halte|sehe|lasse|mache)\b")


REPORTED_REACH = 4  # sentences back over which reported speech that names nobody runs on


def reported(ctx: Context, s_start: int, s_end: int, earlier: list[Quote], sentence: int) -> Who:
    """Reported speech that goes on (subjunctive, nobody named): "Damit seien „der Kurs …
    nicht mehr so klar“" continues the speaker of the sentence before, who spoke with a speech
    verb and is the one person named there, or of the quote just before."""
    if not (_SUBJUNCTIVE.search(ctx.text, s_start, s_end) or _SUBJUNCTIVE_OPENING.match(ctx.text, s_start)) or \
            _own_verb(ctx, s_start, s_end):
        return NOBODY
    if _who_may_speak(ctx, s_start, s_end):
        return _only_the_speaker(ctx, s_start, s_end, earlier, sentence)
    # the speaker of the sentence before, or of the one before a sentence of reported speech
    # that names nobody ("…, so der AK Vorratsdatenspeicherung. Europäern werde ferner
    # verweigert, … . Die Geheimklauseln … seien „…“"): indirect speech runs on
    for back in range(1, REPORTED_REACH + 1):
        if sentence - back < 0:
            break
        if back >= 2:
            m_start, m_end = ctx.sentences[sentence - back + 1]
            if not _SUBJUNCTIVE.search(ctx.text, m_start, m_end) or _who_may_speak(ctx, m_start, m_end) or \
                    any(a < m_end and b > m_start for a, b in ctx.quote_spans):
                break
        said = _one_speaker(ctx, *ctx.sentences[sentence - back])
        if not said and back >= 2:  # "Laut Polizei habe es … gegeben. Dabei sei … . Dies hätten die Beamten „…“ verhindert."
            said = unknown_claimant(ctx, *ctx.sentences[sentence - back]).by("reported speech after a cue")
        if said:
            return said if back == 1 else said.by("reported speech, two back" if back == 2 else "reported speech, three or more back")
        if back == 1 and _who_may_speak(ctx, *ctx.sentences[sentence - 1]):
            break
    return previous_speaker(ctx, earlier, sentence, "sie")


def _only_the_speaker(ctx: Context, s_start: int, s_end: int, earlier: list[Quote], sentence: int) -> Who:
    """Reported speech that names nobody but the speaker of the quote before, at most two
    sentences back: "Obwohl Steinbrück … mit Steuermehreinnahmen … rechnet, sei man von einer
    „Entschuldung weit entfernt“" (Steinbrück's quote stood in the sentence before)."""
    last = previous_speaker(ctx, earlier, sentence, "sie")
    named = {(e.id, None if e.id else e.name) for e in ctx.entities_in(s_start, s_end, ("person", "body", "source"))}
    if not last or named != {(last.speaker, None if last.speaker else last.speaker_name)}:
        return NOBODY
    return last.by("reported speech, speaker named")


def _one_speaker(ctx: Context, p_start: int, p_end: int) -> Who:
    """The one person (else the one body) named in a sentence with a speech verb."""
    people = {(e.id, e.name): e for e in ctx.entities_in(p_start, p_end, ("person",)) if not ctx.genitive(e)}
    # nobody else: a body that spoke there ("Der BGH widersprach allerdings der Ansicht, …")
    people = people or {(e.id, e.name): e for e in ctx.entities_in(p_start, p_end, ("body",))
                        if not _PREPOSITION_BEFORE.search(ctx.text, max(p_start, e.start - 50), e.start)}
    verbs = SPEECH_VERB.finditer(ctx.text, p_start, p_end)
    verbs = [v for v in verbs if not ctx.in_quote(v.start())]
    if len(people) == 1 and verbs:
        return who_of(next(iter(people.values())))
    bodies = [] if people or ctx.entities_in(p_start, p_end, ("body", "source")) else \
        [b for v in verbs if (b := named_body(ctx, p_start, v))]  # "…, schreibt der AK Vorratsdatenspeicherung auf seiner Website."
    return bodies[0] if len(bodies) == 1 else NOBODY


def _own_verb(ctx: Context, s_start: int, s_end: int) -> bool:
    """A speech verb after a noun as its subject: "Ein Sprecher von Tesla teilte mit: …"
    names a speaker we do not know, not the one of the sentence before."""
    return any(not ctx.in_quote(v.start()) and _NOUN_SUBJECT.search(ctx.text, max(s_start, v.start() - 60), v.start())
               for v in SPEECH_VERB.finditer(ctx.text, s_start, s_end))


def previous_speaker(ctx: Context, earlier: list[Quote], sentence: int, pronoun: str) -> Who:
    """The speaker of the latest quote at most two sentences back: who ``er`` continues."""
    if not earlier or ctx.sentence_of(earlier[-1].start) < sentence - 2:
        return NOBODY
    last = earlier[-1]
    if pronoun in ("er", "he") and last.speaker is not None and ctx.kinds.get(last.speaker) != "person":
        return NOBODY
    return Who(last.speaker, last.speaker_name, last.via) if (last.speaker or last.speaker_name) else NOBODY


# A sentence that opens with a possessive and introduces a quote with a colon: "Seine
# Zuversicht gründet sich auf … Erfahrungen …: „…“", "Seine Begründung: „…“".
_POSSESSIVE_OPENING = re.compile(r"\s*(Seine|Ihre|His|Her)\s+\w")


def possessive_continued(ctx: Context, s_start: int, quote_at: int, earlier: list[Quote], sentence: int) -> Who:
    """The speaker of the quote before, whom the possessive points back to, when nobody else is
    named before the colon."""
    opening = _POSSESSIVE_OPENING.match(ctx.text, s_start, quote_at)
    if opening is None or not re.search(r":\s*$", ctx.text[max(s_start, quote_at - 3):quote_at]) or \
            ctx.entities_in(s_start, quote_at, ("person", "body", "source")):
        return NOBODY
    return previous_speaker(ctx, earlier, sentence, "er" if opening.group(1) in ("Seine", "His") else "sie")


# A subject of its own after the quote: "„…?“ schrieben die Hacker".
NAMED_SUBJECT = re.compile(r"\s+(?:der|die|das|ein|eine)\s+[A-ZÄÖÜ]")
# Nothing before the quote but the words that carry a statement on: "Und weiter: „…“".
_GOES_ON = re.compile(r"\s*(?:(?:(?:Und|und)\s+)?(?:weiter|Weiter|ferner|Ferner|außerdem|Außerdem|zudem|Zudem)\s*:\s*)?")


def continued(ctx: Context, earlier: list[Quote], quote_at: int, sentence: int) -> Who:
    """A quote that opens the sentence right after an attributed quote, with no other person
    named in between, goes on with the same speaker (news write a long statement in parts)."""
    if not earlier or not (earlier[-1].speaker or earlier[-1].speaker_name):
        return NOBODY
    last = earlier[-1]
    s_start = ctx.sentences[sentence][0]
    if not _GOES_ON.fullmatch(ctx.text, s_start, quote_at) or not reported_between(ctx, ctx.sentence_of(last.end), sentence):
        return NOBODY
    s_end = ctx.sentences[sentence][1]  # „…?“ schrieben die Hacker: a subject of its own
    if any(NAMED_SUBJECT.match(ctx.text, v.end()) for v in SPEECH_VERB.finditer(ctx.text, quote_at, s_end)):
        return NOBODY
    said = (last.speaker, last.speaker_name if not last.speaker else None)
    # after the speaker in their own sentence stand objects ("Als „verpasste Chance“ beurteilte
    # …, Volker Beck das Pontifikat Benedikt XVI. „Unter ihm …“"): only later names stop it
    own_start, own_end = ctx.sentences[ctx.sentence_of(last.end)]
    spoke = min((e.start for e in ctx.entities_in(own_start, own_end, ("person", "body", "source"))
                 if (e.id, e.name) == said), default=own_end)
    if any((e.id, e.name) != said and not spoke < e.start < own_end and not pronoun_subject(ctx, ctx.sentence_of(e.start))
           for e in ctx.entities_in(last.end, quote_at, ("person", "body", "source"))):
        return NOBODY
    return Who(last.speaker, last.speaker_name, last.via, "continued quote")


def pronoun_antecedent(ctx: Context, s_start: int, verb: re.Match, pronoun: re.Match) -> Entity | None:
    """Whom a pronoun subject points back to (the last name before it); not, for a pronoun after
    its verb, a name in a prepositional phrase of its own sentence: "Zusammen mit H. Dietz
    beschrieb er", "Auf die Frage, welche … auf Bushs Parteikollegen McCain …, antwortete er"
    (the one spoken of or with, not who speaks); "Auch … Christoph Leitl hält …, sagte er" and
    "Nicht so für Bürgermeister Stefan Schmuckenschlager: …, sagt er" (a colon opens his words) keep him."""
    entity = ctx.antecedent(pronoun.group(1).lower(), verb.start())
    if entity is not None and entity.start >= s_start and pronoun.start() >= verb.end() and \
            ":" not in ctx.text[entity.end:verb.start()] and \
            in_prepositional_phrase(ctx.text[max(s_start, entity.start - 80):entity.start].split()[-5:]):
        return None
    return entity
