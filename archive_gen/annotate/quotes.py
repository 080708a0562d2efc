"""Who said what, through whom: direct quotes and reported claims.

A quote is text in „…“, "…", »…« or “…”. Its speaker comes from its sentence, in this order:

1. a speech verb next to a name: ``sagte Kim``, ``Kim sagte``, ``said Baker``, ``…, so Kim``,
   ``wie Andre Schiele von der ESA sagte`` (the person, not the body after ``von der``); a
   headline's ``Löw: "…"`` (the person the text names with that surname);
2. a speech verb with a pronoun (``unterstrich er``, ``he said``): the speaker of the quote
   just before, else the person or body named last before it (``Die Agentur KCNA … schrieb
   sie`` → KCNA);
3. a speech verb with a role (``sagte der Machthaber``): the person the text introduced with
   that role (``Machthaber Kim Jong-un``);
4. an impersonal ``hieß es`` / ``it said``: whoever the quote just before came from;
5. otherwise the first person of the sentence outside the quote (``Kim hat … "…" versprochen``).

A claim is a sentence attributed with ``nach Angaben``, ``laut``, ``zufolge``, ``according to``,
or reported speech with a named speaker (``Er unterstütze …, sagte Kim``). Whatever the
attribution names becomes ``via`` when it is a source (agency, outlet) and ``speaker`` when it is
an actor (a person, a government, the White House).
"""

from __future__ import annotations

import bisect
import re

from ..model import Claim, Mention, Quote
from .candidates import is_role
from .quotenames import is_quoted_name, one_noun_after, quote_end, short_title
from .speechcues import CROSS_REFERENCE, CUE_AFTER, CUE_BEFORE, CUE_REACH, SPEECH_VERB, adjacent
from .rolephrase import english_body, opening_body, quote_phrase
from .speechnouns import framing_owner
from .reported import NAMED_SUBJECT, continued, possessive_continued, previous_speaker, pronoun_antecedent, reported
from .speakers import (NOBODY, Context, Who, addressee, contrast_speaker, named_next, opening_pronoun, spoken_for,
                       relative_speaker, stance_holder, unnamed_role_before, who_of)
from .verbsubject import colon_subject, introduced, is_person, next_to_verb, passive, previous_subject, quoted_object, quoting, role_holder, sentence_subject
from .unnamed import bracket_speaker, colon_speaker, document_of, headline_name, view_of, introducing_name, lone_speaker, name_after, named_body, opening_lone_name, opinion_holder
from .claimants import unknown_cue

# A quote may hold a quote („Wir haben … für bedeutende „Small-Business-Unternehmen“ … gehabt“):
# an inner „…“ opened before any closing mark is part of the outer one.
_QUOTE = re.compile(r"„((?:[^“”\"„]|„[^“”\"„]{1,100}[“”]){2,600})[“”\"]|\"([^\"]{2,600})\"|»([^«»]{2,600})«|“([^”“]{2,600})”")
_IMPERSONAL = re.compile(r"\b(?:hieß es|heißt es|hieß es weiter|it said|the statement said|it added)\b")
_PRONOUN = re.compile(r"\s+(er|sie)\b")  # "unterstrich er"; English "said they …" opens a clause
_PRONOUN_BEFORE = re.compile(r"\b(he|she|they|er|sie)\s+$")  # "he said"
# A sentence that opens with a role as its subject, up to the verb: "Der Hauptgeschäftsführer
# des BPI nannte sie …" (the pronoun after the verb is its object).
_ROLE_SUBJECT = re.compile(r"\s*(?:Der|Die|Ein|Eine)\s+(?:[a-zäöüß][\w-]*\s+)*([\w-]+)(?:\s+(?:des|der|von|vom)\s+[^,;:.„“\"]{1,60})?\s*")
_SUBJECT_AT = re.compile(r"\s*(?:[^.;:„“\"]{1,80},\s*[a-zäöüß]+\s+)?(?:[A-ZÄÖÜ][\w-]*\s+)?")  # what may precede a subject
_ROLE_AFTER = re.compile(r"\s+(?:der|die|the|ein|eine|a)\s+([\w-]+)")
_AFTER_COMMA = re.compile(r",\s*$")
_LOWER_AFTER = re.compile(r"\s+[a-z]")


def find_quotes(text, sentences, mentions: list[Mention], kinds: dict[str, str], source_mentions: list[Mention],
                candidates=(), paths: list[str] | None = None, context: Context | None = None) -> list[Quote]:
    """The article's quotes with their speakers; ``paths``, when given, receives the rule that
    decided each one ("" for none): the benchmark measures precision per rule. ``context``: the
    article's :class:`Context` when the caller made it already (for the claims too)."""
    ctx = Context(text, sentences, mentions, kinds, source_mentions, candidates) if context is None else context
    every_quote = list(_QUOTE.finditer(text))  # one pass of the regex for both lists
    matches = [m for m in every_quote if not is_quoted_name(ctx, m)]
    ctx.quote_spans = [(m.start(), m.end()) for m in every_quote]
    quotes: list[Quote] = []
    for match in matches:
        group = next(g for g in range(1, 5) if match.group(g) is not None)
        q_start, q_end = match.start(group), match.end(group)
        i = ctx.sentence_of(match.start())
        s_start, s_end = ctx.sentences[i]
        # a quote of several sentences: its speech verb follows the last ("…“, sagte Brown.)
        s_end = max(s_end, ctx.sentences[ctx.sentence_of(max(match.end() - 1, 0))][1])
        who = _attribute(ctx, s_start, s_end, quotes, i, match.start()) or continued(ctx, quotes, match.start(), i)
        via = who.via or _via(ctx, s_start, s_end)
        if via is None and i + 1 < len(ctx.sentences):  # "… ", sagte Kim. Das berichtete Interfax.
            n_start, n_end = ctx.sentences[i + 1]
            other = {e.id or e.name for e in ctx.entities_in(n_start, n_end, ("person",))}
            if CUE_AFTER.search(text, n_start, n_end) and (not other or other == {who.speaker or who.speaker_name}):
                via = _via(ctx, n_start, n_end)
        if paths is not None:
            paths.append(who.path if (who.speaker or who.speaker_name) else "")
        quotes.append(Quote(text[q_start:q_end], q_start, q_end, speaker=who.speaker,
                            speaker_name=who.speaker_name, via=via))
    return quotes


SPEAKER_REACH = 100  # characters after a speech verb in which its subject may stand


def _attribute(ctx: Context, s_start: int, s_end: int, earlier: list[Quote], sentence: int,
               quote_at: int | None = None) -> Who:
    """Who a quote or claim in the sentence [s_start, s_end) comes from."""
    text = ctx.text
    speaking = ("person", "body", "source")
    if quote_at is not None and (framed := _framed(ctx, s_start, quote_at)
                                 or possessive_continued(ctx, s_start, quote_at, earlier, sentence).by("possessive")):
        return framed  # tagged inside
    if quoted := _quoted(ctx, s_start, s_end, quote_at):  # "zitiert die SZ den Vorstand Jens Bischof"
        return quoted
    verbs = _speech_verbs(ctx, s_start, s_end, quote_at)  # not "zitieren" in the active: its subject quotes another
    for verb in verbs:
        if (named := next_to_verb(ctx, s_start, s_end, verb, quote_at)) is not None:
            return named
        if lone := lone_speaker(ctx, s_start, verb):  # Thaksin begründete …; „…“, stellte Celebi fest
            return lone.by("lone name at verb")
        pronoun = _PRONOUN.match(text, verb.end()) or _PRONOUN_BEFORE.search(text, max(s_start, verb.start() - 6), verb.start())
        if not pronoun and (named := _subject_after_comma(ctx, s_start, s_end, verb)):  # Er müsse …, sagte der … Samaras
            return NOBODY if one_noun_after(ctx, quote_at, verb.end()) else named
        pronoun = pronoun or opening_pronoun(ctx, s_start, verb.start())
        if (subject := _ROLE_SUBJECT.fullmatch(text, s_start, verb.start())) and is_role(subject.group(1)):  # Der … des BPI nannte sie
            entity = ctx.by_role(subject.group(1), verb.start())  # else the body spoken for, else the phrase
            return (who_of(entity) if entity else spoken_for(ctx, subject.start(1), subject.end(1))).by("role subject") or \
                quote_phrase(ctx, s_start, verb, quote_at)
        if pronoun:  # unterstrich er: the speaker of the speech before; schrieb sie, he said
            if (unnamed := unnamed_role_before(ctx, sentence)) is not None:  # "Der … Vize-Außenminister …. Er sagte"
                return unnamed
            previous = previous_speaker(ctx, earlier, sentence, pronoun.group(1).lower())
            if previous:
                return previous.by("pronoun: previous speaker")
            prior = previous_subject(ctx, sentence, verb.start(), pronoun.group(1).lower())  # "a diplomat said. He said": nobody
            if prior is not None:
                return Who(prior.speaker, prior.speaker_name, prior.via, "pronoun: subject before" if prior else "")
            entity = pronoun_antecedent(ctx, s_start, verb, pronoun)
            if entity is not None:
                return who_of(entity).by("pronoun: last name")
            continue
        if named := _role_after(ctx, verb, s_end).by("role after verb"):
            return NOBODY if one_noun_after(ctx, quote_at, verb.end()) else named
        if named := named_body(ctx, s_start, verb).by("body at verb") or quote_phrase(ctx, s_start, verb, quote_at) \
                or english_body(ctx, s_start, verb, quote_at).by("English body as written"):
            return named
    if (document := document_of(ctx, s_start, s_end)) and quote_at is not None:
        return document.by("document")  # „…“, heißt es in einer Pressemitteilung des CCC
    if _IMPERSONAL.search(text, s_start, s_end) and earlier:
        last = earlier[-1]
        if ctx.sentence_of(last.start) >= sentence - 3 and (last.speaker or last.speaker_name or last.via):
            return Who(last.speaker, last.speaker_name, last.via, "impersonal")
    if verbs and not any(NAMED_SUBJECT.match(text, v.end()) or _PRONOUN.match(text, v.end()) or passive(text, s_start, v) for v in verbs):
        # not when the verb's subject is someone we do not know ("„…“, schrieb die Hoover Institution") or a pronoun ("…, sagt er")
        if not one_noun_after(ctx, quote_at, s_start) and not short_title(ctx, s_start, quote_at) and \
                (subject := sentence_subject(ctx, s_start, s_end, verbs)):
            return subject.by("first person of sentence")
    if quote_at is not None:  # Nach Auffassung des Vorsitzenden Hartmut Perschau sei es „…“
        return (_cue_target(ctx, s_start, s_end)[1].by("cue")  # and the unknown body it names ("cue: unknown body")
                or view_of(ctx, s_start, quote_at)
                or stance_holder(ctx, s_start, quote_at).by("subject after a verb of viewing")
                or reported(ctx, s_start, s_end, earlier, sentence).by("reported speech")
                or _standalone(ctx, s_start, s_end, sentence).by("quote alone"))
    return NOBODY


def _framed(ctx: Context, s_start: int, quote_at: int) -> Who:
    """A speaker the words around a quote name without a speech verb deciding: a name before a
    colon, a headline's ``Löw:``, a while-clause, an introduction, an inversion, an opinion."""
    text = ctx.text
    colon = [e for e in ctx.entities_in(s_start, quote_at, ("person", "body", "source"))  # not "sagte gegenüber der Agentur dpa:"
             if re.fullmatch(r"\s*(?:\([^()]{1,40}\))?\s*:\s*", text[e.end:quote_at]) and not addressee(ctx, e)]
    if colon:  # Der Vorsitzende Konrad Freiberg: „…“
        return who_of(colon[-1]).by("name before colon")
    # the headline may follow another headline's part after a dash: "Parlament stimmt … – Tsipras: „…“"
    dash = max(text.rfind(" – ", s_start, quote_at), text.rfind(" - ", s_start, quote_at))
    headline = _HEADLINE_SPEAKER.fullmatch(text, s_start if dash < 0 else dash + 3, quote_at)
    person = ctx.person_named(headline.group(1)) if headline else None
    if person is not None:  # Löw: "Brauchen keinen Hrubesch"
        return who_of(person).by("headline")
    if headline and (named := headline_name(ctx, headline)):  # Güllner: „…“ (a name we do not know)
        return named.by("headline")
    return (contrast_speaker(ctx, s_start, quote_at).by("while-clause") or introduced(ctx, s_start, quote_at).by("colon: one person")
            or introducing_name(ctx, s_start, quote_at).by("colon: lone name")
            or _inverted(ctx, quote_at).by("inversion") or opinion_holder(ctx, s_start, quote_at).by("opinion für")
            or relative_speaker(ctx, s_start, quote_at).by("relative clause")
            or bracket_speaker(ctx, quote_at).by("name in brackets after")
            or framing_owner(ctx, s_start, quote_at))


def _role_after(ctx: Context, verb: re.Match, s_end: int) -> Who:
    """The speaker a role after the speech verb names: "sagte der Machthaber" (the person the
    text introduced with that role), "meinte der Trainer der Frankfurter, Michael Skibbe"."""
    text = ctx.text
    role = _ROLE_AFTER.match(text, verb.end())
    if role and is_role(role.group(1)):  # sagte der Machthaber
        named = [e for e in ctx.entities_in(verb.end(), min(s_end, verb.end() + SPEAKER_REACH), ("person",))
                 if text[e.start - 1] != "("]  # "schreibt der US-Kultregisseur (Inglourious Basterds)": a work
        if named and adjacent(text, verb.end(), named[0].start):
            return who_of(named[0])
        entity = ctx.by_role(role.group(1), verb.start())
        if entity is not None:
            return who_of(entity)
        if spoken := spoken_for(ctx, role.start(1), role.end(1)):  # so ein Sprecher des CERN
            return spoken
    # so der zuständige Gewerkschaftsvorstand Uwe Foullong; sagte der Vorsitzende Richter Klaus Tolksdorf
    later = [e for e in ctx.entities_in(verb.end(), min(s_end, verb.end() + SPEAKER_REACH), ("person",))
             if text[e.start - 1] != "(" and not ctx.genitive(e)]  # not "in Tom Rostons Buch"
    gap = text[verb.end():later[0].start] if later else ""
    if later and (re.match(r"\s+(?:(?:dies|das|auch)\s+)?(?:der|die|the)\s", gap) or (gap.split() and is_role(gap.split()[0]))) \
            and not re.search(r"[.;:!?]", text[verb.end():later[0].start]) and not _clause_verb(text, verb.end(), later[0].start) \
            and not _IN_PREPOSITION.search(gap) and not _GENITIVE_ARTICLE.search(gap):  # "sagt der von Matthias Prückler … verteidigte 31-Jährige"
        return who_of(later[0])
    return NOBODY


def _subject_after_comma(ctx: Context, s_start: int, s_end: int, verb: re.Match) -> Who:
    """"Er müsse …, sagte der frühere Regierungschef Antonis Samaras": after a comma the verb's
    subject follows it, when it names someone; the opening pronoun is the reported clause's."""
    if not _AFTER_COMMA.search(ctx.text, max(s_start, verb.start() - 3), verb.start()) or \
            not opening_pronoun(ctx, s_start, verb.start()):
        return NOBODY
    return _role_after(ctx, verb, s_end).by("role after verb")


def _standalone(ctx: Context, s_start: int, s_end: int, sentence: int) -> Who:
    """A sentence that is only a quote, after a sentence where one person speaks without
    quoting ("John Kline, …, sagte zu den Anschuldigungen, dass … . „Das war direktes Feuer …“"):
    the quote gives that person's words."""
    outside = [(a, b) for a, b in ctx.quote_spans if a < s_end and b > s_start]
    rest, at = [], s_start
    for a, b in outside:
        rest.append(ctx.text[at:max(at, a)])
        at = max(at, b)
    rest.append(ctx.text[at:s_end])
    if not outside or re.search(r"\w", "".join(rest)):
        return NOBODY
    if sentence + 1 < len(ctx.sentences) and (after := named_next(ctx, sentence + 1)):
        return after.by("points back")  # „Ja, es gibt Zumutungen“. Das musste Peer Steinbrück einräumen.
    if sentence == 0:
        return NOBODY
    p_start, p_end = ctx.sentences[sentence - 1]
    if any(a < p_end and b > p_start for a, b in ctx.quote_spans):
        return NOBODY
    if (held := _cue_target(ctx, p_start, p_end)[1]) and any(
            e.kind == "person" and (e.id, e.name) == (held.speaker, held.speaker_name) for e in ctx.entities_in(p_start, p_end, ("person",))):
        return held.by("quote alone: view before")  # Nach Ansicht von … Wulff ist … gefallen. „Es ist nur …“
    people = {(e.id, e.name): e for e in ctx.entities_in(p_start, p_end, ("person",)) if not ctx.genitive(e)}
    if not people and (body := opening_body(ctx, sentence) or opening_lone_name(ctx, p_start, p_end)):
        return body.by("quote alone: body before")  # Die SPD will am Kurs … festhalten. „Wir wollen …“
    if len(people) != 1:
        return NOBODY
    person = next(iter(people.values()))
    # the one person speaks there, or is the subject: opening it ("Sadiq Khan, …, verurteilte …")
    # or right after its first verb ("Um … zu gewinnen, will Oettinger …")
    if not SPEECH_VERB.search(ctx.text, p_start, p_end) and not _SUBJECT_AT.fullmatch(ctx.text, p_start, person.start):
        return NOBODY
    return who_of(person).by("quote alone: person before")


_SO_AFTER_STOP = re.compile(r"\s*so\b")
_SO_AFTER_DASH = re.compile(r"\s*[–-]\s*so\b")  # "„…“ – so Riexinger."


def _quoted(ctx: Context, s_start: int, s_end: int, quote_at: int | None) -> Who:
    """Who speaks where "zitieren" (active) reports: the one quoted ("zitiert ndr.de
    Polizeisprecher Ralf Meyer"), else an outlet or body that quotes ("Die Zeitung Express
    zitierte …"), never a person who quotes ("hatte Schwan … zitiert") or is summoned."""
    if ctx.text.find("zitiert", s_start, s_end) < 0:
        return NOBODY
    for verb in SPEECH_VERB.finditer(ctx.text, s_start, s_end):
        if ctx.in_quote(verb.start()) or not quoting(ctx.text, s_start, s_end, verb):
            continue
        if quoted := quoted_object(ctx, verb, s_end):
            return quoted
        named = next_to_verb(ctx, s_start, s_end, verb, quote_at)
        if named := (named if named and not is_person(ctx, named) else named_body(ctx, s_start, verb).by("body at verb")):
            return named
    return NOBODY


def _speech_verbs(ctx: Context, s_start: int, s_end: int, quote_at: int | None) -> list[re.Match]:
    """The sentence's speech verbs outside quotes, but "zitieren" in the active (``_quoted``);
    for a quote, nearest first ("Klose nannte … „überzogen“, Löw bezeichnete … als
    „übertrieben“": each quote is its nearest verb's)."""
    verbs = [v for v in SPEECH_VERB.finditer(ctx.text, s_start, s_end)
             if not ctx.in_quote(v.start()) and not quoting(ctx.text, s_start, s_end, v)]
    # "„… lästig.“ so das Fazit der Betreiber": "so" after a quote that ends with its full stop
    verbs += [so for _, b in ctx.quotes_in(s_start, s_end) if ctx.text[b - 2:b - 1] in ".!?"
              and (so := _SO_AFTER_STOP.match(ctx.text, b, s_end)) or (so := _SO_AFTER_DASH.match(ctx.text, b, s_end))]
    if quote_at is not None and len(verbs) > 1:
        verbs.sort(key=lambda v: _distance(ctx, v, quote_at))
    return verbs


def _distance(ctx: Context, verb: re.Match, quote_at: int) -> int:
    """Characters between a speech verb and the quote that opens at ``quote_at``: with two
    speakers in one sentence, each speaks the quote nearest their verb."""
    i = bisect.bisect_left(ctx.quote_spans, (quote_at, -1))
    end = ctx.quote_spans[i][1] if i < len(ctx.quote_spans) else quote_at
    return quote_at - verb.end() if verb.end() <= quote_at else max(0, verb.start() - end)


# After a closing quotation mark: a comma, maybe "so", one or two lowercase words (a verb, an
# adverb), then the speaker: "„…“, strich Romney heraus", "„…“, so urteilte Romney".
# Longer alternative first: ", so urteilte Romney" must not stop at ", so " (", so Ketterer" still matches).
_INVERSION = re.compile(r"\s*,\s*(?:(?:so\s+)?(?:[a-zäöüß]+\s+){1,2}((?:[a-zäöüß]+\s+))?|so\s+)")


def _inverted(ctx: Context, quote_at: int) -> Who:
    end = quote_end(ctx, quote_at)
    after = _INVERSION.match(ctx.text, end) if end is not None else None
    # a third word only with a speech verb among them: "…“, sagt deshalb auch Tina Theune-Meyer", not "…“, ob ein neues NPD-Verbot"
    if after is None or after.group(1) and not SPEECH_VERB.search(ctx.text, end, after.end()):
        return NOBODY
    if one_noun_after(ctx, quote_at, 0):  # „Spiegel“, dass Thorsten Feldmann …
        return NOBODY
    named = ctx.entities_in(after.end(), after.end() + 1, ("person", "body", "source"))
    return who_of(role_holder(ctx, named[0])) if named else name_after(ctx, end, after.end())  # "sagte der CSU-Politiker Straubinger"


# A name alone before the colon that opens a quote: a headline's speaker ("Löw: …").
_HEADLINE_SPEAKER = re.compile(r"\s*([A-ZÄÖÜ][\w'’-]+)\s*:\s*")


# A name right after "des" is a genitive attribute, never the subject: "berichtete die Taten des
# Don Silves" ("so der Chef des Verwaltungsrats Ulrich Müller": the name follows a noun, stays).
_GENITIVE_ARTICLE = re.compile(r"\b(?:des|eines)\s+$")
_IN_PREPOSITION = re.compile(r"\b(?:von|vom|mit|für|gegen|durch|über|in|im|auf|bei|aus|nach|vor|unter)\s+(?:(?:der|dem|den|des)\s+)?(?:[A-ZÄÖÜ][\w-]*\s+)?$")


# A finite verb between a speech verb and a name means the name belongs to another clause.
_FINITE = re.compile(r"\b(?:ist|sind|war|waren|hat|haben|hatte|hatten|wird|werden|wurde|wurden|sei|seien|habe|"
                     r"is|are|was|were|has|have|had|will|would)\b")


def _clause_verb(text: str, start: int, end: int) -> bool:
    return _FINITE.search(text, start, end) is not None or "„" in text[start:end] or '"' in text[start:end]


def _via(ctx: Context, start: int, end: int) -> str | None:
    """The source an attribution in [start, end) names: ``nach Angaben der … Interfax``."""
    for cue in CUE_AFTER.finditer(ctx.text, start, end):
        named = ctx.entities_in(cue.end(), min(end, cue.end() + CUE_REACH), ("source",))
        if named:
            return named[0].id
    if SPEECH_VERB.search(ctx.text, start, end) or CUE_BEFORE.search(ctx.text, start, end):
        named = ctx.entities_in(start, end, ("source",))
        if named:
            return named[0].id
    return None


def _cue_target(ctx: Context, start: int, end: int) -> tuple[str, Who]:
    """What an attribution cue in [start, end) names: ``Nach Angaben aus dem Weißen Haus``,
    ``dem Bericht von Reuters zufolge``. Only the words right after (before ``zufolge``) the cue
    count: ``Nach Angaben Waxmans … die USA`` names Waxman, not the USA."""
    text = ctx.text
    claimants, cue = ("source", "body", "state", "person"), None
    for cue in CUE_AFTER.finditer(text, start, end):
        if ctx.in_quote(cue.start()):
            continue
        named = ctx.entities_in(cue.end(), min(end, cue.end() + CUE_REACH), claimants)
        # the first one the cue reaches: "Nach den Worten der Sprecherin der FDP-Fraktion,
        # Gisela Piltz, …" passes the party inside the role phrase and names Piltz
        reached = next((e for e in named if adjacent(text, cue.end(), e.start)), None)
        if reached is not None and not (reached.kind == "state" and cue.group()[0] in "Aa" and _LOWER_AFTER.match(text, reached.end)):
            # "Nach den Worten von EZB-Direktor Benoit Coeure": the director; not an adjective
            # ("According to Japanese newspaper reports": the reports, unnamed)
            return " ".join(cue.group().split()), who_of(role_holder(ctx, reached))
        if named or re.match(r"\s+[A-ZÄÖÜ]", text[cue.end():cue.end() + 3]):
            return unknown_cue(ctx, start, end)  # the cue names someone we do not know: as written, if a name
    if text.find("zufolge", start, end) < 0:  # the one cue below that counts: most sentences have none
        return unknown_cue(ctx, start, end) if cue is not None else ("", NOBODY)
    for cue in CUE_BEFORE.finditer(text, start, end):
        if cue.group() != "zufolge" or ctx.in_quote(cue.start()):
            continue
        named = ctx.entities_in(max(start, cue.start() - CUE_REACH), cue.start(), claimants)
        if named and adjacent(text, named[-1].end, cue.start(), before=True):
            return "zufolge", who_of(named[-1])
    return unknown_cue(ctx, start, end)


def find_claims(text, sentences, mentions: list[Mention], kinds: dict[str, str], source_mentions: list[Mention],
                quotes: list[Quote], candidates=(), context: Context | None = None) -> list[Claim]:
    """Sentences that report what someone else says, with who and through whom."""
    ctx = Context(text, sentences, mentions, kinds, source_mentions, candidates) if context is None else context
    ctx.quote_spans = [(q.start, q.end) for q in quotes]
    ordered = sorted(quotes, key=lambda q: q.start)
    quote_starts = [q.start for q in ordered]
    claims = []
    for i, (start, end) in enumerate(ctx.sentences):
        tail = CROSS_REFERENCE.search(text, start, end) if text.find(")", start, end) >= 0 else None  # rare: look first
        if tail:  # "… unterzeichnet. (Wikinews berichtete)": a cross-reference, not a source
            end = tail.start()
        if end <= start or not text[start:end].strip():
            continue
        cue_text, who = _cue_target(ctx, start, end)
        has_quote = bisect.bisect_left(quote_starts, start) < bisect.bisect_left(quote_starts, end)
        if not has_quote:
            verb = next((v for v in SPEECH_VERB.finditer(text, start, end) if not ctx.in_quote(v.start())), None)
            if verb is not None:  # "…, unterstrich er": the quote before tells who "er" is
                k = bisect.bisect_left(quote_starts, start)
                said = _attribute(ctx, start, end, ordered[max(0, k - 1):k], i)
                if said:
                    cue_text = cue_text or " ".join(verb.group().lstrip(",").split())
                    who = Who(who.speaker or said.speaker,
                               who.speaker_name or (None if who.speaker else said.speaker_name),
                               who.via or said.via)
        if not who and not has_quote and (who := colon_speaker(ctx, start, end) or colon_subject(ctx, start, end)):  # Behr: …
            cue_text = ":"
        if who:
            claims.append(Claim(" ".join(text[start:end].split()), start, end, cue_text,
                                who.speaker, who.via, who.speaker_name))
    return claims
