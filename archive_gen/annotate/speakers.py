"""Who may speak in an article, for quote and claim attribution: the persons, bodies and
sources it names (linked mentions and person candidates), looked up by position, role word or
surname. ``quotes.py`` decides which of them said what."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..lang.lexicon import NOT_NAME_START
from ..lang.propernoun import is_proper_noun, is_unknown_word
from .candidates import is_role
from .speechcues import CUE_AFTER, SPEECH_VERB

# "Andre Schiele von der ESA": a person, then the body they speak for.
MEMBER_OF = re.compile(r"\s+(?:von|vom|bei|beim|of|from|at)(?:\s+(?:der|dem|des|den|the))?\s+")


# Candidates that may speak: persons, and bodies the registry lacks ("Die CCE … nannte sie „…“").
_CANDIDATE_CLASS = {"person": "person", "organization": "body", "group": "body", "party": "body"}


@dataclass(frozen=True)
class Entity:
    id: str | None  # registry id; None for a candidate (a person the registry lacks)
    start: int
    end: int
    kind: str  # person | body | state | place | source
    name: str | None = None  # a candidate's name


class Context:
    """Everything quote and claim attribution looks up in one article."""

    def __init__(self, text, sentences, mentions, kinds, source_mentions, candidates=()):
        self.text = text
        self.sentences = sentences or [(0, len(text))]
        self.starts = [s for s, _ in self.sentences]
        # "die russische Agentur Interfax": an adjective names no speaker, it describes one.
        entities = [Entity(m.id, m.start, m.end, actor_class(kinds.get(m.id, ""))) for m in mentions
                    if m.how not in ("adjective",)]
        entities += [Entity(m.id, m.start, m.end, "source") for m in source_mentions]
        entities += [Entity(None, start, end, _CANDIDATE_CLASS[c.kind], c.name) for c in candidates
                     if c.kind in _CANDIDATE_CLASS for start, end in c.spans
                     if c.kind == "person" or text[end:end + 1] != "-"]  # "VW-Chef": the person speaks
        self.entities = sorted(entities, key=lambda e: (e.start, e.end))
        self.kinds = {e.id: e.kind for e in self.entities if e.id}
        self.entity_starts = [e.start for e in self.entities]
        self.quote_spans = []
        self.roles = self._roles()

    def sentence_of(self, offset: int) -> int:
        return max(bisect.bisect_right(self.starts, offset) - 1, 0)

    @property
    def quote_spans(self) -> list[tuple[int, int]]:
        return self._quote_spans

    @quote_spans.setter
    def quote_spans(self, spans: list[tuple[int, int]]) -> None:
        self._quote_spans = sorted(spans)
        self._quote_starts = [s for s, _ in self._quote_spans]

    def in_quote(self, offset: int) -> bool:
        i = bisect.bisect_right(self._quote_starts, offset) - 1
        return i >= 0 and self._quote_spans[i][0] <= offset < self._quote_spans[i][1]

    def entities_in(self, start: int, end: int, kinds: tuple[str, ...]) -> list[Entity]:
        """Entities starting in [start, end), by binary search: linear overall, not quadratic."""
        first = bisect.bisect_left(self.entity_starts, start)
        last = bisect.bisect_left(self.entity_starts, end)
        return [e for e in self.entities[first:last] if e.kind in kinds and not self.in_quote(e.start)]

    def _roles(self) -> list[tuple[int, str, Entity]]:
        """(offset, role stem, person) for every ``Role Name`` apposition: ``Machthaber Kim Jong-un``."""
        found = []
        for e in self.entities:
            if e.kind != "person":
                continue
            before = self.text[max(0, e.start - 40):e.start].split()
            if before and is_role(before[-1]):
                found.append((e.start, role_stem(before[-1]), e))
        return found

    def by_role(self, word: str, before: int) -> Entity | None:
        stem = role_stem(word)
        matches = [person for offset, role, person in self.roles if offset < before and (role.startswith(stem) or stem.startswith(role))]
        return matches[-1] if matches else None


    def person_of(self, entity: Entity) -> Entity:
        """The person right before a body they speak for (``Andre Schiele von der ESA``), else
        the entity itself."""
        if entity.kind == "person":
            return entity
        i = bisect.bisect_left(self.entity_starts, entity.start) - 1
        while i >= 0 and self.entities[i].end > entity.start:
            i -= 1
        if i >= 0 and self.entities[i].kind == "person" and \
                MEMBER_OF.fullmatch(self.text, self.entities[i].end, entity.start):
            return self.entities[i]
        return entity

    def person_named(self, surname: str) -> Entity | None:
        """The one person of the text whose name ends with ``surname`` (a headline's ``Löw``)."""
        found = {(e.id, e.name): e for e in self.entities
                 if e.kind == "person" and self.text[e.start:e.end].split()[-1] == surname
                 and " " in self.text[e.start:e.end]}
        return next(iter(found.values())) if len(found) == 1 else None

    def genitive(self, entity: Entity) -> bool:
        """A candidate named in the genitive ("zum Rücktritt Hartmanns"): the one spoken of, unless
        it is whose words they are ("die ersten Worte Armstrongs")."""
        return bool(entity.name) and self.text[entity.end - 1:entity.end] == "s" and not entity.name.endswith("s") \
            and not self.text[max(0, entity.start - 7):entity.start].endswith(("Worte ", "Worten "))

    def antecedent(self, pronoun: str, before: int) -> Entity | None:
        """The person or body a pronoun points back to: the last one named before it, at most
        two sentences back, never inside a quote."""
        first = self.sentences[max(self.sentence_of(before) - 2, 0)][0]
        kinds = ("person",) if pronoun in ("er", "he") else ("person", "body", "source")
        named = self.entities_in(first, before, kinds)
        return named[-1] if named else None


def actor_class(actor_kind: str) -> str:
    if actor_kind == "person":
        return "person"
    if actor_kind in ("state", "place"):
        return actor_kind
    return "body"


def role_stem(word: str) -> str:
    """``Nato-Generalsekretär`` → ``generalsekretär``; ``Machthabers`` → ``machthaber``."""
    word = word.split("-")[-1].lower()
    for ending in ("innen", "in", "en", "s", "n"):
        if word.endswith(ending) and len(word) - len(ending) >= 5:
            return word[: -len(ending)]
    return word


@dataclass(frozen=True)
class Who:
    """Who a statement comes from: a registry actor, or a candidate's name, and the source."""

    speaker: str | None = None
    speaker_name: str | None = None
    via: str | None = None

    def __bool__(self) -> bool:
        return bool(self.speaker or self.speaker_name or self.via)


def who_of(entity: Entity) -> Who:
    if entity.kind == "source":
        return Who(via=entity.id)
    return Who(speaker=entity.id, speaker_name=None if entity.id else entity.name)


# A sentence that opens with a subject pronoun: "Er halte … für vertretbar und bezeichnete …
# als „maßvoll“": the pronoun is the speech verb's subject when nobody is named before the verb.
_OPENING_PRONOUN = re.compile(r"\s*[„\"]?(Er|Sie|He|She)\s+[a-zäöüß]")


def opening_pronoun(ctx: Context, s_start: int, verb_at: int) -> re.Match | None:
    """The subject pronoun that opens the sentence, when nobody is named before the verb."""
    opening = _OPENING_PRONOUN.match(ctx.text, s_start)
    if opening is None or ctx.entities_in(s_start, verb_at, ("person", "body", "source")) or \
            ctx.in_quote(opening.start(1)):
        return None
    return re.match(r"(\w+)", opening.group(1))


def unnamed_role_before(ctx: Context, sentence: int) -> Who | None:
    """The sentence before opens with a role and no name ("Der iranische Vize-Außenminister
    betrachtet …"): a pronoun now points to that unnamed holder, not to a person named earlier:
    nobody we can name; None when there is no such sentence."""
    if sentence == 0:
        return None
    p_start, p_end = ctx.sentences[sentence - 1]
    opening = _ROLE_OPENING.match(ctx.text, p_start, p_end)
    if opening is None or not is_role(opening.group(1)) or \
            ctx.entities_in(opening.start(1), opening.end(1) + 40, ("person",)):
        return None
    return Who()  # by_role would take "Außenminister Donald Rumsfeld" for the Iranian one


_ROLE_OPENING = re.compile(r"\s*(?:Der|Die)\s+(?:[a-zäöüß][\w-]*\s+)*([\w-]+)\s+[a-zäöüß]")


# A preposition before a name makes it whom the words are addressed to: "soll Anelka zu
# Domenech gesagt haben", "sagte er gegenüber dem Minister Müller".
_ADDRESSED = re.compile(r"\b(?:zu|zum|zur|gegenüber|an|mit|to)\s+(?:(?:dem|der|den|the)\s+)?(?:[A-ZÄÖÜ][\w-]+\s+)?$")


def addressee(ctx: Context, entity: Entity) -> bool:
    return _ADDRESSED.search(ctx.text, max(0, entity.start - 45), entity.start) is not None


_WHILE = re.compile(r"\s*(?:Während|Wohingegen|Whereas|While)\s+")


def contrast_speaker(ctx: Context, s_start: int, quote_at: int) -> Who:
    """Two speakers in one sentence: "Während Shakira erklärte, …, „…“, räumte Jennifer Lopez
    ein": a quote inside the while-clause (no other speech verb before it) is its subject's."""
    opening = _WHILE.match(ctx.text, s_start, quote_at)
    if opening is None:
        return Who()
    verbs = [v for v in SPEECH_VERB.finditer(ctx.text, opening.end(), quote_at) if not ctx.in_quote(v.start())]
    if len(verbs) != 1:
        return Who()
    named = ctx.entities_in(opening.end(), verbs[0].start(), ("person", "body", "source"))
    if named and named[0].start == opening.end() and 0 <= verbs[0].start() - named[-1].end <= 2:
        return who_of(named[-1])
    return Who()


# A spokesperson speaks for a body: "Ein Sprecher von Tesla teilte mit", "so ein Sprecher des
# CERN", "Ein CERN-Sprecher sagte". Other roles (Chef, Leiter) are persons in their own right.
_SPOKESPERSON = re.compile(r"(?:[\w-]*-)?(?:[Ss]precher(?:in)?|[Vv]ertreter(?:in)?|spokes(?:man|woman|person))")
_FOR_BODY = re.compile(r"\s+(?:des|der|von|vom|of)(?:\s+(?:der|dem|den|the))?\s+")


def spoken_for(ctx: Context, role_start: int, role_end: int) -> Who:
    """The body a spokesperson speaks for, named right after the role or before its hyphen."""
    if not _SPOKESPERSON.fullmatch(ctx.text, role_start, role_end):
        return Who()
    bodies = ("body", "source")
    inside = [e for e in ctx.entities_in(role_start, role_end, bodies) if ctx.text[e.end:e.end + 1] == "-"]
    if inside:
        return who_of(inside[0])
    link = _FOR_BODY.match(ctx.text, role_end)
    named = ctx.entities_in(link.end(), link.end() + 1, bodies) if link else []
    return who_of(named[0]) if named else Who()


# A sentence that points back to the quote before it and names who said it: "„Ja, es gibt
# Zumutungen“. Das musste Bundesfinanzminister Peer Steinbrück … einräumen."
_POINTS_BACK = re.compile(r"\s*(?:Das|Dies|So|Diese Worte|These words|That)\s+[a-zäöüß]")


def named_next(ctx: Context, sentence: int) -> Who:
    """The one person of ``sentence`` when it opens by pointing back and has a speech verb."""
    start, end = ctx.sentences[sentence]
    if not _POINTS_BACK.match(ctx.text, start, end):
        return Who()
    if not any(not ctx.in_quote(v.start()) for v in SPEECH_VERB.finditer(ctx.text, start, end)):
        return Who()
    people = {(e.id, e.name): e for e in ctx.entities_in(start, end, ("person",)) if not ctx.genitive(e)}
    return who_of(next(iter(people.values()))) if len(people) == 1 else Who()



# A name nobody found as an entity, in a slot only a speaker fills (issue 12): opening the
# sentence right before a singular speech verb ("Thaksin begründete seinen Schritt mit den
# Worten: „…“", "Gülsen Celebi gab an, dass …"), or after a quote and its verb ("„…“, stellte
# Celebi fest", "„…“, wird Panetta zitiert"). German capitalises nouns, so HanTa decides: the
# last word is a proper noun (NE), any word before it one too or unknown to its lexicon.
_NAME = r"[A-ZÄÖÜ][\w'’-]+(?:\s+[A-ZÄÖÜ][\w'’-]+)?"
_OPENING_NAME = re.compile(rf"\s*[„\"]?({_NAME})\s+")
_NAME_AFTER = re.compile(rf"\s*({_NAME})(?=\s*[,.;:]|\s+[a-zäöüß]|\s*$)")
_ARTICLE_BEFORE = re.compile(r"\b(?:der|die|das|den|dem|des|ein|eine|einer|eines|the|a|an)\s+$")


def _lone_name(words: str) -> bool:
    parts = words.split()
    return not is_role(parts[0]) and is_proper_noun(parts[-1]) and \
        all(is_proper_noun(w) or is_unknown_word(w) for w in parts[:-1])


def opening_name(ctx: Context, s_start: int, verb: re.Match) -> Who:
    """A name alone opening the sentence before a speech verb in the singular ("Thaksin
    begründete"; not "Experten meinten", "Beobachter meint": HanTa knows those nouns)."""
    opening = _OPENING_NAME.fullmatch(ctx.text, s_start, verb.start())
    if opening is None or verb.group().split()[0].endswith("en") or not _lone_name(opening.group(1)):
        return Who()
    return Who(speaker_name=opening.group(1))


_QUOTE_COMMA = re.compile(r"[“\"»]\s*,\s*$")


def lone_speaker(ctx: Context, s_start: int, verb: re.Match) -> Who:
    """A lone name as the subject of ``verb``: opening the sentence, or right after the verb
    when a quote and a comma stand before it."""
    if lone := opening_name(ctx, s_start, verb):
        return lone
    if _QUOTE_COMMA.search(ctx.text, s_start, verb.start()):
        return name_after(ctx, verb.start(), verb.end())
    return Who()


def name_after(ctx: Context, quote_end: int, at: int) -> Who:
    """A name alone after a closing quote, a comma and lowercase words with a speech verb among
    them or right after the name ("„…“, stellte Celebi fest"; not "„…“, so die Polizei")."""
    name = _NAME_AFTER.match(ctx.text, at)
    if name is None or _ARTICLE_BEFORE.search(ctx.text, quote_end, at) or \
            not SPEECH_VERB.search(ctx.text, quote_end, min(len(ctx.text), name.end() + 15)) or \
            not _lone_name(name.group(1)):
        return Who()
    return Who(speaker_name=name.group(1))


# An opinion framed by "Für": "Für den Theologen Hans Küng sei der Rücktritt „…“", "Für
# Bildungssenator Willi Lemke (SPD) hält die Beschäftigung … als „…“": the person right after
# the opening "Für" (maybe past a role) and right before the verb holds the view quoted.
_FOR = re.compile(r"\s*Für\s+")
# before the person: an article, adjectives and one noun ("den brasilianischen Gesundheitsminister")
_FOR_GAP = re.compile(r"(?:(?:den|dem|die|der|das)\s+)?(?:[a-zäöüß][\w-]*\s+){0,3}(?:[A-ZÄÖÜ][\w-]*\s+)?")
_OPINION_VERB = re.compile(r"\s*(?:\([^()]{1,40}\))?\s+(?:ist|sei|war|wäre|sind|seien|waren|bleibt|bleibe|"
                           r"hält|halte|gilt|gelte|steht|stehe)\b")


def opinion_holder(ctx: Context, s_start: int, quote_at: int) -> Who:
    opening = _FOR.match(ctx.text, s_start, quote_at)
    if opening is None:
        return Who()
    people = ctx.entities_in(opening.end(), quote_at, ("person",))
    if not people or not _FOR_GAP.fullmatch(ctx.text, opening.end(), people[0].start) or \
            not _OPINION_VERB.match(ctx.text, people[0].end, quote_at):
        return Who()
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
            return Who()
        of_body = _OF_BODY.match(ctx.text, named.end(), s_end)
        name = of_body.group(1) if of_body else named.group(1)
        if any(is_role(w) for w in (named.group(1) + " " + name).split()) or ctx.in_quote(named.start(1)) \
                or not _a_name(ctx.text, name):
            return Who()
        return Who(speaker_name=name)
    return Who()


def _a_name(text: str, words: str) -> bool:
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
        return Who()
    name = body.group(1)
    if any(is_role(w) for w in name.split()) or ctx.entities_in(body.start(1), body.end(1), ("person",)) or \
            ctx.in_quote(body.start(1)) or not _a_name(ctx.text, name):
        return Who()
    return Who(speaker_name=name)


# A characterisation: "Der österreichische Bundeskanzler Wolfgang Schüssel würdigte Ligeti als
# „großen Österreicher …“", "Die bayerische Justizministerin Beate Merk wies dies … als
# „Unverschämtheit“ zurück": the words after "als" are the subject's, and the subject is the
# person opening the sentence (maybe after an article and a role) right before a verb.
_AS_QUOTE = re.compile(r"\bals\s+[„\"»“]$")
_OPENING_SUBJECT = re.compile(r"\s*(?:(?:Der|Die)\s+(?:[a-zäöüß][\w-]*\s+){0,3}[A-ZÄÖÜ][\w-]*\s+)?")
_VERB_NEXT = re.compile(r"\s+[a-zäöüß]")


def characterised_by(ctx: Context, s_start: int, quote_at: int) -> Who:
    if not _AS_QUOTE.search(ctx.text, max(s_start, quote_at - 6), quote_at + 1):
        return Who()
    people = ctx.entities_in(s_start, quote_at, ("person",))
    if not people or not _OPENING_SUBJECT.fullmatch(ctx.text, s_start, people[0].start) or \
            not _VERB_NEXT.match(ctx.text, people[0].end):
        return Who()
    return who_of(people[0])
