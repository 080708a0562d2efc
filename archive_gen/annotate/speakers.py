"""Who may speak in an article, for quote and claim attribution: the persons, bodies and
sources it names (linked mentions and person candidates), looked up by position, role word or
surname. ``quotes.py`` decides which of them said what."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from ..lang.propernoun import is_proper_noun
from .candidates import is_role
from .speechcues import SPEECH_VERB

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
    registry_genitive: bool = False  # a registry name matched in the genitive ("Badawis", "Putins")


def _in_genitive(surface: str, actor: str, how: str, full_words: set) -> bool:
    """A registry name matched in the genitive: so the matcher says, or a short form ending in
    "s" whose full name, written in the text, has the word without it ("Badawis" after "Raif
    Badawi"; not "Tsipras" after "Alexis Tsipras")."""
    if how != "short":
        return how == "genitive"
    return surface.endswith("s") and (actor, surface[:-1]) in full_words and (actor, surface) not in full_words


class Context:
    """Everything quote and claim attribution looks up in one article."""

    def __init__(self, text, sentences, mentions, kinds, source_mentions, candidates=()):
        self.text = text
        self.sentences = sentences or [(0, len(text))]
        self.starts = [s for s, _ in self.sentences]
        # "die russische Agentur Interfax": an adjective names no speaker, it describes one.
        full_words = {(m.id, w) for m in mentions if m.how == "name" for w in text[m.start:m.end].split()}
        entities = [Entity(m.id, m.start, m.end, actor_class(kinds.get(m.id, "")),
                           registry_genitive=_in_genitive(text[m.start:m.end], m.id, m.how, full_words))
                    for m in mentions if m.how not in ("adjective",)]
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

    def quotes_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """The quote spans that open in [start, end)."""
        return self._quote_spans[bisect.bisect_left(self._quote_starts, start):bisect.bisect_left(self._quote_starts, end)]

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
        """The person the text introduced with this role before ``before``; None when it
        introduced two ("ÖFB-Teamchef Marcel Koller", "der moldauische Teamchef Alexandru
        Curtianu": "erklärte der Teamchef" may be either: where unsure, nobody)."""
        stem = role_stem(word)
        matches = [person for offset, role, person in self.roles if offset < before and (role.startswith(stem) or stem.startswith(role))]
        if len({m.id or self.text[m.start:m.end].split()[-1][:4] for m in matches}) > 1:
            return None  # two surnames, not one spelt twice ("Bischof Zsifkokvics", "Bischof Ägidius Zsifkovics")
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
                (MEMBER_OF.fullmatch(self.text, self.entities[i].end, entity.start) or  # "Mikl-Leitner (ÖVP) erklärte"
                 self.text[self.entities[i].end:entity.start].strip() == "(" and self.text[entity.end:entity.end + 1] == ")"):
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
    path: str = field(default="", compare=False)  # which rule decided: precision is measured per path

    def __bool__(self) -> bool:
        return bool(self.speaker or self.speaker_name or self.via)

    def by(self, path: str) -> Who:
        """This attribution, marked as decided by ``path`` (when it names someone and no inner
        rule marked it already)."""
        return replace(self, path=path) if self and not self.path else self


NOBODY = Who()  # no attribution: one shared value, since a Who is frozen

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
    return NOBODY  # by_role would take "Außenminister Donald Rumsfeld" for the Iranian one


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
        return NOBODY
    verbs = [v for v in SPEECH_VERB.finditer(ctx.text, opening.end(), quote_at) if not ctx.in_quote(v.start())]
    if len(verbs) != 1:
        return NOBODY
    named = ctx.entities_in(opening.end(), verbs[0].start(), ("person", "body", "source"))
    if named and named[0].start == opening.end() and 0 <= verbs[0].start() - named[-1].end <= 2:
        return who_of(named[-1])
    return NOBODY


# A spokesperson speaks for a body: "Ein Sprecher von Tesla teilte mit", "so ein Sprecher des
# CERN", "Ein CERN-Sprecher sagte". Other roles (Chef, Leiter) are persons in their own right.
_SPOKESPERSON = re.compile(r"(?:[\w-]*-)?(?:[Ss]precher(?:in)?|[Vv]ertreter(?:in)?|spokes(?:man|woman|person))")
_FOR_BODY = re.compile(r"\s+(?:des|der|von|vom|of)(?:\s+(?:der|dem|den|the))?\s+")


def is_spokesperson(role: str) -> bool:
    """A spokesperson's role ("Sprecher", "CERN-Sprecherin", "spokesman") speaks for a body."""
    return _SPOKESPERSON.fullmatch(role) is not None


def spoken_for(ctx: Context, role_start: int, role_end: int) -> Who:
    """The body a spokesperson speaks for, named right after the role or before its hyphen."""
    if not _SPOKESPERSON.fullmatch(ctx.text, role_start, role_end):
        return NOBODY
    bodies = ("body", "source")
    inside = [e for e in ctx.entities_in(role_start, role_end, bodies) if ctx.text[e.end:e.end + 1] == "-"]
    if inside:
        return who_of(inside[0])
    link = _FOR_BODY.match(ctx.text, role_end)
    named = ctx.entities_in(link.end(), link.end() + 1, bodies) if link else []
    if named:
        return who_of(named[0])
    written = _BODY_NAME.match(ctx.text, link.end()) if link else None
    if written is None or any(is_role(w) for w in written.group(1).split()) or \
            ctx.entities_in(written.start(1), written.end(1), ("person", "state", "place")) or \
            not is_proper_noun(written.group(1).split()[-1]):
        return NOBODY
    return Who(speaker_name=written.group(1)).by("spokesperson: body as written")


# The body a spokesperson speaks for when no entity of ours names it: one or two capitalised
# words whose last HanTa calls a proper noun ("Ein Sprecher von Tesla", "ein Sprecher der
# Downing Street"); not a common noun ("ein Sprecher der Polizei": which police is unsaid).
_BODY_NAME = re.compile(r"((?:[A-ZÄÖÜ][\w-]*\s+)?[A-ZÄÖÜ][\w-]*)(?=\s*[,.;:(]|\s+[a-zäöüß„]|\s*$)")


# A sentence that points back to the quote before it and names who said it: "„Ja, es gibt
# Zumutungen“. Das musste Bundesfinanzminister Peer Steinbrück … einräumen."
_POINTS_BACK = re.compile(r"\s*(?:Das|Dies|So|Diese Worte|These words|That)\s+[a-zäöüß]")


# "Mit diesen Worten wandte sich … an": the words are speech by their noun, whatever the verb.
_WITH_THESE_WORDS = re.compile(r"\s*(?:Mit diesen|Mit den|With these)\s+(?:Worten|Sätzen|words)\b")


def named_next(ctx: Context, sentence: int) -> Who:
    """The one person of ``sentence`` when it opens by pointing back and has a speech verb, or
    opens with "Mit diesen Worten"."""
    start, end = ctx.sentences[sentence]
    if not _WITH_THESE_WORDS.match(ctx.text, start, end) and (not _POINTS_BACK.match(ctx.text, start, end) or not any(
            not ctx.in_quote(v.start()) for v in SPEECH_VERB.finditer(ctx.text, start, end))):
        return NOBODY
    people = {(e.id, e.name): e for e in ctx.entities_in(start, end, ("person",)) if not ctx.genitive(e)}
    return who_of(next(iter(people.values()))) if len(people) == 1 else NOBODY


# Verbs of seeing and holding that frame a view, with their subject after the verb (German
# puts the verb second): "In dem Verfahren … sieht Osterloh einen „Angriff gegen die
# Belegschaft“". Not speech verbs: "sieht sich", "hält … an" name no view in other shapes.
_STANCE = re.compile(r"\b(?:sieht|sah|hält|hielt|wertet|wertete|bewertet|bewertete)\s+")


def stance_holder(ctx: Context, s_start: int, quote_at: int) -> Who:
    """The person or body right after a verb of viewing that stands before the quote in its
    clause (no sentence mark, no other person or body between)."""
    verbs = [v for v in _STANCE.finditer(ctx.text, s_start, quote_at) if not ctx.in_quote(v.start())]
    if not verbs or re.search(r"[.;:!?]", ctx.text[verbs[-1].end():quote_at]):
        return NOBODY
    named = ctx.entities_in(verbs[-1].end(), quote_at, ("person", "body", "source"))
    if not named:  # Der Linken-Chef Bernd Riexinger hält das für „…“
        return _holder_before(ctx, s_start, verbs[-1])
    if not named or named[0].start != verbs[-1].end() or len(named) > 1:
        return NOBODY
    return who_of(named[0])


def _holder_before(ctx: Context, s_start: int, verb: re.Match) -> Who:
    """The one person opening the sentence right before a verb of viewing (no comma between):
    "Der Linken-Chef Bernd Riexinger hält das für „grob fahrlässig“"."""
    people = ctx.entities_in(s_start, verb.start(), ("person",))
    if len(people) != 1 or verb.start() - people[0].end > 1 or "," in ctx.text[s_start:verb.start()]:
        return NOBODY
    front = ctx.text[s_start:people[0].start].split()
    if not all(w in ("Der", "Die", "Auch") or is_role(w.split("-")[-1]) or w[:1].islower() for w in front):
        return NOBODY
    return who_of(people[0])


# A quote inside a relative clause whose verb comes last: "Kritik kommt vom Berliner
# Fahrgastverband IGEB, der diese Maßnahme als „Kapitulation“ vor den Randalierern sieht",
# "…, who called it “a disaster”": the relative pronoun is the subject, the name before it speaks.
_RELATIVE = re.compile(r",\s+(?:der|die|welcher|welche|who)\s+")
_VIEW_VERB = re.compile(r"\b(?:sieht|sah|hält|hielt|wertet|wertete|bewertet|bewertete|betrachtet|betrachtete)\b")


def relative_speaker(ctx: Context, s_start: int, quote_at: int) -> Who:
    """The person or body right before ``, der`` when the quote stands in that clause (no comma
    or colon between) and the clause's verb, after the quote, is a speech or viewing verb."""
    openings = list(_RELATIVE.finditer(ctx.text, s_start, quote_at))
    opening = openings[-1] if openings else None
    if opening is None or re.search(r"[,;:.!?]", ctx.text[opening.end():quote_at]):
        return NOBODY
    i = bisect.bisect_left(ctx.quote_spans, (quote_at, -1))
    if i >= len(ctx.quote_spans) or ctx.quote_spans[i][0] != quote_at:
        return NOBODY
    after = ctx.quote_spans[i][1]
    clause_end = re.compile(r"[,;:.!?]").search(ctx.text, after)
    tail = (after, clause_end.start() if clause_end else len(ctx.text))
    if not (SPEECH_VERB.search(ctx.text, *tail) or _VIEW_VERB.search(ctx.text, *tail) or
            SPEECH_VERB.search(ctx.text, opening.end(), quote_at)):
        return NOBODY
    named = [e for e in ctx.entities_in(s_start, opening.start() + 1, ("person", "body", "source")) if e.end == opening.start()]
    return who_of(named[-1]) if named else NOBODY
