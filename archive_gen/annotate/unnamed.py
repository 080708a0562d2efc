"""Speakers the annotator did not find as entities (issue 12, fifth round): a lone name as a
speech verb's subject, a named body the registry lacks, the person an opinion or a
characterisation frames. Each is given as written (``Who.speaker_name``), or as the entity a
frame points to; ``quotes.py`` asks them only after the entity-based rules found nobody."""

from __future__ import annotations

import re

from ..lang.lexicon import NOT_NAME_START
from ..lang.propernoun import is_proper_noun, is_unknown_word
from .candidates import is_role
from .quotenames import quote_end
from .speakers import NOBODY, Context, Who, who_of
from .speechcues import CUE_AFTER, SPEECH_VERB


# A name nobody found as an entity, in a slot only a speaker fills (issue 12): opening the
# sentence right before a singular speech verb ("Thaksin begründete seinen Schritt mit den
# Worten: „…“", "Gülsen Celebi gab an, dass …"), or after a quote and its verb ("„…“, stellte
# Celebi fest", "„…“, wird Panetta zitiert"). German capitalises nouns, so HanTa decides: the
# last word is a proper noun (NE), any word before it one too or unknown to its lexicon.
_NAME = r"[A-ZÄÖÜ][\w'’-]+(?:\s+[A-ZÄÖÜ][\w'’-]+)?"
_OPENING_NAME = re.compile(rf"\s*[„\"]?({_NAME})\s+")
_NAME_AFTER = re.compile(rf"\s*({_NAME})(?=\s*[,.;:]|\s+[a-zäöüß]|\s*$)")
_ARTICLE_BEFORE = re.compile(r"\b(?:der|die|das|den|dem|des|ein|eine|einer|eines|the|a|an)\s+$")


_ANY_KIND = ("person", "body", "source", "state", "place")


def _lone_name(ctx: Context, name: re.Match, group: int = 1) -> bool:
    """A name no entity covers (a state or place named so is no lone name: "Serbien sprach dem
    Kosovo zu"), no role, that HanTa calls a proper noun."""
    parts = name.group(group).split()
    return not is_role(parts[0]) and (len(parts) > 1 or parts[0].lower() not in NOT_NAME_START) and not ctx.entities_in(name.start(group), name.end(group), _ANY_KIND) and \
        is_proper_noun(parts[-1]) and all(is_proper_noun(w) or is_unknown_word(w) for w in parts[:-1])


# A participle that is never a finite verb has no subject before it: "Anders gesagt: …",
# "Anders ausgedrückt: …" (a sentence adverb, not a person named Anders).
_PARTICIPLE = re.compile(r"gesagt|ausgedrückt")


def opening_name(ctx: Context, s_start: int, verb: re.Match) -> Who:
    """A name alone opening the sentence before a speech verb in the singular ("Thaksin
    begründete"; not "Experten meinten", "Beobachter meint": HanTa knows those nouns)."""
    opening = _OPENING_NAME.fullmatch(ctx.text, s_start, verb.start())
    if opening is None or verb.group().split()[0].endswith("en") or _PARTICIPLE.fullmatch(verb.group()) or \
            not _lone_name(ctx, opening):
        return NOBODY
    return Who(speaker_name=opening.group(1))


_QUOTE_COMMA = re.compile(r"[“\"»]\s*,\s*$")


# A role phrase opening the sentence, then the name in commas before the verb: "Der Direktor
# des Hilfswerks, Anthony Lake, sagte: „…“", "The director of the agency, Anthony Lake, said".
_ROLE_APPOSITION = re.compile(rf"\s*(?:Der|Die|Ein|Eine|The|A|An)\s+([^,;:„“\"()]{{1,80}}),\s+({_NAME}),\s*")


def apposition_name(ctx: Context, s_start: int, verb: re.Match) -> Who:
    """The name in commas after an opening role phrase (a role word among its words; English
    writes "director" in lower case), before a speech verb in the singular."""
    found = _ROLE_APPOSITION.fullmatch(ctx.text, s_start, verb.start())
    if found is None or verb.group().split()[0].endswith("en") or \
            not any(is_role(w) or is_role(w.capitalize()) for w in found.group(1).split()) or not _lone_name(ctx, found, 2):
        return NOBODY
    return Who(speaker_name=found.group(2))


# The mirror shape: a name opening the sentence, then a role phrase in commas before the verb:
# "Lothar Nicht, Ordnungsdezernent der Stadt Cottbus, sprach von …", "Jane Roe, the director of
# the agency, said". The apposition's role word makes the two words before it a person's given
# name and surname, whatever the surname means as a word ("Nicht"), so HanTa is not asked.
_NAME_APPOSITION = re.compile(r"\s*([A-ZÄÖÜ][\w'’-]+\s+[A-ZÄÖÜ][\w'’-]+),\s+(?:(?:der|die|the|a|an)\s+)?"
                              r"(?:[a-zäöüß][\w-]*\s+)?([\w-]+)[^,;:„“\"()]{0,80},\s*")


def name_apposition(ctx: Context, s_start: int, verb: re.Match) -> Who:
    """Two capitalised words opening the sentence, a role phrase in commas after them, then a
    speech verb in the singular; no entity in the name, its first word no function word."""
    found = _NAME_APPOSITION.fullmatch(ctx.text, s_start, verb.start())
    if found is None or verb.group().split()[0].endswith("en") or \
            found.group(1).split()[0].lower() in NOT_NAME_START or \
            not (is_role(found.group(2)) or is_role(found.group(2).capitalize())) or \
            ctx.entities_in(found.start(1), found.end(1), _ANY_KIND):
        return NOBODY
    return Who(speaker_name=found.group(1))


# A lone name opening a sentence that introduces a quote with a colon, its verb an auxiliary
# or any lowercase finite verb, a speech verb later in the clause: "Paolo hatte die Ausführung
# mit den Worten abgelehnt: „…“".
_OPENING_NAME_VERB = re.compile(rf"\s*({_NAME})\s+[a-zäöüß]")


def introducing_name(ctx: Context, s_start: int, quote_at: int) -> Who:
    """The lone name opening the sentence when the clause before the colon has a speech verb
    and names no entity."""
    opening = _OPENING_NAME_VERB.match(ctx.text, s_start, quote_at)
    if opening is None or opening.group(1).split()[0].lower() in NOT_NAME_START or \
            not re.search(r":\s*$", ctx.text[max(s_start, quote_at - 3):quote_at]) or \
            not SPEECH_VERB.search(ctx.text, opening.end(1), quote_at) or \
            ctx.entities_in(s_start, quote_at, ("person", "body", "source")) or not _lone_name(ctx, opening):
        return NOBODY
    return Who(speaker_name=opening.group(1))


# A view named by its holder's genitive before the noun: "Nach Schäubles Idee soll „im Zweifel
# die Mehrheit …“ sein", "Nach Merkels Ansicht", "In Obamas Worten", "According to Obama's view".
_GENITIVE_VIEW = re.compile(r"\b(?:[Nn]ach|[Ii]n|[Ll]aut|[Aa]ccording to)\s+([A-ZÄÖÜ][\w-]*(?:s|’s|'s))\s+(?:Ansicht|Auffassung|"
                            r"Meinung|Worten|Einschätzung|Idee|Vorstellung|Darstellung|Überzeugung|Plänen|view|words)\b")


def genitive_view(ctx: Context, s_start: int, quote_at: int) -> Who:
    """The one person whose genitive names the view the sentence gives before the quote."""
    views = [v for v in _GENITIVE_VIEW.finditer(ctx.text, s_start, quote_at) if not ctx.in_quote(v.start())]
    people = {(e.id, e.name): e for v in views for e in ctx.entities_in(v.start(1), v.end(1), ("person",))}
    return who_of(next(iter(people.values()))) if len(people) == 1 else NOBODY


def view_of(ctx: Context, s_start: int, quote_at: int) -> Who:
    """Whose view the words around the quote frame: a characterisation, a genitive view."""
    return characterised_by(ctx, s_start, quote_at).by("characterised als") or \
        genitive_view(ctx, s_start, quote_at).by("genitive view")


def lone_speaker(ctx: Context, s_start: int, verb: re.Match) -> Who:
    """A lone name as the subject of ``verb``: opening the sentence, or right after the verb
    when a quote and a comma stand before it, or in commas after an opening role phrase."""
    if lone := opening_name(ctx, s_start, verb) or apposition_name(ctx, s_start, verb).by("apposition name") \
            or name_apposition(ctx, s_start, verb).by("name, role apposition"):
        return lone
    if _QUOTE_COMMA.search(ctx.text, s_start, verb.start()):
        return name_after(ctx, verb.start(), verb.end())
    return NOBODY


def name_after(ctx: Context, quote_end: int, at: int) -> Who:
    """A name alone after a closing quote, a comma and lowercase words with a speech verb among
    them or right after the name ("„…“, stellte Celebi fest"; not "„…“, so die Polizei")."""
    name = _NAME_AFTER.match(ctx.text, at)
    if name is None or _ARTICLE_BEFORE.search(ctx.text, quote_end, at):
        return NOBODY
    # the verb may begin up to 15 characters after the name; its particle may stand further on ("stellt Wulff … fest")
    verb = SPEECH_VERB.search(ctx.text, quote_end, min(len(ctx.text), name.end() + 80))
    if verb is None or verb.start() > name.end() + 15 or not _lone_name(ctx, name):
        return NOBODY
    return Who(speaker_name=name.group(1))


# An opinion framed by "Für": "Für den Theologen Hans Küng sei der Rücktritt „…“", "Für
# Bildungssenator Willi Lemke (SPD) hält die Beschäftigung … als „…“": the person right after
# the opening "Für" (maybe past a role) and right before the verb holds the view quoted.
_FOR = re.compile(r"\s*Für\s+")
# before the person: an article, adjectives and one noun ("den brasilianischen Gesundheitsminister")
_FOR_GAP = re.compile(r"(?:(?:den|dem|die|der|das)\s+)?(?:[a-zäöüß][\w-]*\s+){0,3}(?:[A-ZÄÖÜ][\w-]*\s+)?")
_OPINION_VERB = re.compile(r"\s*(?:\([^()]{1,40}\))?\s+(?:ist|sei|war|wäre|sind|seien|waren|bleibt|bleibe|"
                           r"hält|halte|gilt|gelte|steht|stehe)\b")


# An article right before the quote makes it a term inside a noun phrase, not the judgment:
# "Für Anja Hajduk ist dann auch die „Zeit der Ehrlichkeit“ der Regierungspolitik vorbei".
_ARTICLE_THEN_QUOTE = re.compile(r"\b(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer)\s+$")


def opinion_holder(ctx: Context, s_start: int, quote_at: int) -> Who:
    opening = _FOR.match(ctx.text, s_start, quote_at)
    if opening is None or _ARTICLE_THEN_QUOTE.search(ctx.text, max(s_start, quote_at - 8), quote_at):
        return NOBODY
    people = ctx.entities_in(opening.end(), quote_at, ("person",))
    if not people or not _FOR_GAP.fullmatch(ctx.text, opening.end(), people[0].start) or \
            not _OPINION_VERB.match(ctx.text, people[0].end, quote_at):
        return NOBODY
    return who_of(people[0])


# An attribution cue before a body the registry lacks: "Laut Polizei habe es …", "nach Angaben
# der Staatsanwaltschaft Krefeld „…“", "laut einer Pressemitteilung des BMI" (the body whose
# document it is). Up to three capitalised words; no role ("laut einem Sprecher": unnamed).
_CLAIMANT = re.compile(r"\s+(?:(?:der|des|dem|den|die|einer|einem|eines)\s+)?((?:[A-ZÄÖÜ][\w-]*\s+){0,2}[A-ZÄÖÜ][\w-]*)"
                       r"(?=\s+[a-zäöüß„]|\s*[,.;:(]|\s*$)")
_OF_BODY = re.compile(r"\s+(?:des|der)\s+(?:[a-zäöüß][\w-]*\s+){0,2}((?:[A-ZÄÖÜ][\w-]*\s+){0,2}[A-ZÄÖÜ][\w-]*)"
                      r"(?=\s+[a-zäöüß„]|\s*[,.;:(]|\s*$)")


def unknown_claimant(ctx: Context, s_start: int, s_end: int) -> Who:
    """The body an attribution cue names when it is no entity of ours, as written."""
    for cue in CUE_AFTER.finditer(ctx.text, s_start, s_end):
        if ctx.in_quote(cue.start()):
            continue
        named = _CLAIMANT.match(ctx.text, cue.end(), s_end)
        if named is None or ctx.entities_in(cue.end(), named.end(), ("person", "body", "source", "state", "place")):
            return NOBODY
        of_body = _OF_BODY.match(ctx.text, named.end(), s_end)
        name = of_body.group(1) if of_body else named.group(1)
        if any(is_role(w) for w in (named.group(1) + " " + name).split()) or ctx.in_quote(named.start(1)) \
                or not a_name(ctx.text, name):
            return NOBODY
        return Who(speaker_name=name)
    return NOBODY


def a_name(text: str, words: str) -> bool:
    """Two capitalised words ("Berliner Polizei", "Staatsanwaltschaft Krefeld"), an acronym
    ("BMI"), or a word the article also writes after another capitalised word ("Polizei" where
    "Berliner Polizei" stands): a name, not a generic "Website" or "Gericht"."""
    if " " in words or re.fullmatch(r"[A-ZÄÖÜ]{2,}\w*", words):
        return True
    return any(m.group(1).lower() not in NOT_NAME_START
               for m in re.finditer(rf"\b([A-ZÄÖÜ][\w-]+) {re.escape(words)}\b", text))


# A body the registry lacks as a speech verb's subject, when it is a name: "„…“, schrieb die
# Hoover Institution", "Die Deutsche Presseagentur meldete", "schreibt der AK
# Vorratsdatenspeicherung". An article, capitalised words, no role ("sagte der Sprecher").
_BODY_WORDS = r"\s+((?:[A-ZÄÖÜ][\w-]*[ \t]+){0,2}[A-ZÄÖÜ][\w-]*)"
_BODY_BEFORE = re.compile(rf"\s*[„\"]?(?:Der|Die|Das|der|die|das){_BODY_WORDS}\s+")
_BODY_AFTER = re.compile(rf"\s+(?:der|die|das){_BODY_WORDS}(?=\s*[,;:]|\.(?:\s|$)|\s+[a-zäöüß]|\s*$)")


def named_body(ctx: Context, s_start: int, verb: re.Match) -> Who:
    """The body named by article and name right before (opening the sentence) or after a
    speech verb, as written."""
    body = _BODY_BEFORE.fullmatch(ctx.text, s_start, verb.start()) or _BODY_AFTER.match(ctx.text, verb.end())
    if body is None or not body.group(1)[:1].isupper():
        return NOBODY
    name = body.group(1)
    if any(is_role(w) for w in name.split()) or ctx.entities_in(body.start(1), body.end(1), ("person",)) or \
            ctx.in_quote(body.start(1)) or not a_name(ctx.text, name):
        return NOBODY
    return Who(speaker_name=name)


# A characterisation: "Der österreichische Bundeskanzler Wolfgang Schüssel würdigte Ligeti als
# „großen Österreicher …“", "Die bayerische Justizministerin Beate Merk wies dies … als
# „Unverschämtheit“ zurück": the words after "als" are the subject's, and the subject is the
# person opening the sentence (maybe after an article and a role) right before a verb.
# A naming noun before the quote frames it the same way: "Der Innenminister Frankreichs, Nicolas
# Sarkozy, verteidigte die Bezeichnung „Gesindel“", "used the term “…”".
_AS_QUOTE = re.compile(r"\b(?:als|Bezeichnung|Begriff|Ausdruck|as|term|word)\s+[„\"»“]$")
_OPENING_SUBJECT = re.compile(r"\s*(?:(?:Der|Die)\s+(?:[a-zäöüß][\w-]*\s+){0,3}[A-ZÄÖÜ][\w-]*\s+)?")
# the verb right after the person, or after an apposition in commas that opens with a role
# ("Kurt von Figura, Präsident der Universität Göttingen …, begrüßte den Beschluss … als „…“")
_VERB_NEXT = re.compile(r"\s+[a-zäöüß]|,\s+(?:(?:der|die|the)\s+)?(?:[a-zäöüß][\w-]*\s+)?([\w-]+)[^,;:.„“\"()]{0,120},\s+[a-zäöüß]")


def characterised_by(ctx: Context, s_start: int, quote_at: int) -> Who:
    if not _AS_QUOTE.search(ctx.text, max(s_start, quote_at - 14), quote_at + 1):
        return NOBODY
    people = ctx.entities_in(s_start, quote_at, ("person",))
    if not people:
        return NOBODY
    first = people[0]
    verb = _VERB_NEXT.match(ctx.text, first.end)
    if _OPENING_SUBJECT.fullmatch(ctx.text, s_start, first.start) and verb and \
            (verb.group(1) is None or is_role(verb.group(1)) or is_role(verb.group(1).capitalize())):
        return who_of(first)
    role = _ROLE_OPENING.match(ctx.text, s_start)
    if role is not None and (is_role(role.group(1)) or is_role(role.group(1)[:-1])) and \
            ctx.text[first.start - 2:first.start] == ", " and _COMMA_VERB.match(ctx.text, first.end):
        return who_of(first)  # "Der Vorsitzende der … ver.di, Nachfolgeorganisation der ÖTV, Frank Bsirske, würdigte"
    return NOBODY


# A role opening the sentence with the person in commas after it, right before the verb ("Der
# Vorsitzende …, Frank Bsirske, würdigte"; also an adjectival role in its strong form, "Vorsitzender").
_COMMA_VERB = re.compile(r",\s+[a-zäöüß]")
_ROLE_OPENING = re.compile(r"\s*(?:Der|Die)\s+(?:[a-zäöüß][\w-]*\s+){0,2}([A-ZÄÖÜ][\w-]*)")


# An impersonal "heißt es" with the document it is in: "„…“, heißt es in einer Pressemitteilung
# des CCC", "heißt es in dem LSVD-Schreiben": the body whose document it is speaks, not whoever
# was quoted before.
_IMPERSONAL_IN = re.compile(r"\b(?:hieß|heißt) es(?:\s+(?:weiter|auch|dazu|darin|zudem))?\s+(?:in|im)\s+"
                            r"(?:(?:einer|einem|eines|dem|der|den|des)\s+)?(?:[a-zäöüß][\w-]*\s+){0,2}([A-ZÄÖÜ][\w-]*)")


def document_of(ctx: Context, s_start: int, s_end: int) -> Who:
    found = _IMPERSONAL_IN.search(ctx.text, s_start, s_end)
    if found is None or ctx.in_quote(found.start()):
        return NOBODY
    speaking = ("person", "body", "source")
    inside = ctx.entities_in(found.start(1), found.end(1), speaking)  # "LSVD-Schreiben"
    if inside and ctx.text[inside[0].end:inside[0].end + 1] == "-":
        return who_of(inside[0])
    of_body = _OF_BODY.match(ctx.text, found.end(1), s_end)
    if of_body is None:
        head = found.group(1).split("-")[0]
        return Who(speaker_name=head) if "-" in found.group(1) and a_name(ctx.text, head) and head.isupper() else NOBODY
    named = ctx.entities_in(of_body.start(1), of_body.end(1), speaking)
    if named:
        return who_of(named[0])
    return Who(speaker_name=of_body.group(1)) if a_name(ctx.text, of_body.group(1)) else NOBODY


# Where a speaker's colon may open: the sentence start, after an earlier colon (an interview's
# question runs into its answer where paragraphs are lost), after a headline's dash.
_COLON_OPENERS = re.compile(r":\s+|\s[–-]\s+")
# After the person: a party or age in brackets, "zum STANDARD", "im STANDARD-Gespräch", the colon,
# then a statement's first word ("Markus Abwerzger: könnte … kommunizieren" is a verdict on him).
_COLON_AFTER = re.compile(r"\s*(?:\([^()]{1,40}\))?(?:\s+(?:zum|zur|im|gegenüber)\s+(?:der\s+|dem\s+)?[\w-]+)?\s*:\s+(?=[A-ZÄÖÜ0-9„\"»(.…]|\s*$)")


def colon_speaker(ctx: Context, s_start: int, s_end: int) -> Who:
    """The person before a colon speaks what follows it, when only role words stand before
    the name: an interview's answers ("Behr: Meines Wissens …", "Verteidiger Mario Sonnleitner:
    Wir haben …", "Kommunikationschef Matthias Euler-Rolle zum STANDARD: Uns liegt …"), a
    headline's "… – Merkel: Über Antrag …". Only persons: "Ajax: Cillessen – Tete" is a line-up."""
    text = ctx.text
    colon = text.find(":", s_start, s_end)
    if colon < 0:
        return NOBODY
    for person in ctx.entities_in(s_start, s_end, ("person",)):
        after = _COLON_AFTER.match(text, person.end, s_end)
        if after is None or ctx.genitive(person) or ctx.in_quote(person.start):
            continue
        opened = max((m.end() for m in _COLON_OPENERS.finditer(text, s_start, person.start)), default=s_start)
        words = text[opened:person.start].split()
        if all(is_role(w) for w in words):
            return who_of(person)
    return NOBODY


_BRACKET_OPEN = re.compile(r"\s*\(")


def bracket_speaker(ctx: Context, quote_at: int) -> Who:
    """A person in brackets right after the quote, alone there: the citation form "„Was wir
    brauchen, ist … Rückführungskultur.“ (Heinz-Christian Strache)"."""
    end = quote_end(ctx, quote_at)
    # a sentence quoted whole, not a title ("„Yesterday“ (Paul McCartney)")
    opening = _BRACKET_OPEN.match(ctx.text, end) if end is not None and ctx.text[end - 2:end - 1] in ".!?…" else None
    close = ctx.text.find(")", opening.end(), opening.end() + 60) if opening else -1
    if close < 0:
        return NOBODY
    named = ctx.entities_in(opening.end(), close, ("person",))
    if len(named) != 1 or named[0].start != opening.end() or ctx.text[named[0].end:close].strip():
        return NOBODY
    return who_of(named[0])
