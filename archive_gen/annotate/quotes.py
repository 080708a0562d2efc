"""Who said what, through whom: direct quotes and reported claims.

A quote is text in „…“, "…", »…« or “…”. Its speaker comes from its sentence, in this order:

1. a speech verb next to a name: ``sagte Kim``, ``Kim sagte``, ``said Baker``, ``…, so Kim``;
2. a speech verb with a pronoun (``schrieb sie``, ``he said``): the person or body named last
   before it (``Die Agentur KCNA … schrieb sie`` → KCNA);
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
from dataclasses import dataclass

from ..model import Claim, Mention, Quote
from .candidates import is_role

_QUOTE = re.compile(r"„([^“”\"„]{2,600})[“”\"]|\"([^\"]{2,600})\"|»([^«»]{2,600})«|“([^”“]{2,600})”")
# Speech verbs, lowercase as they stand in a sentence ("Sprache" is no "sprach").
_SPEECH_VERB = re.compile(
    r"\b(?:sagt\w*|gesagt|erklärt\w*|betont\w*|versprach\w*|versproch\w*|verspricht|kündigt\w*|angekündigt|"
    r"bekräftigt\w*|warnt\w*|gewarnt|forderte\w*|fordert|gefordert|schrieb\w*|schreibt|meinte\w*|"
    r"sprach|sprachen|bezeichnet\w*|teilte\w* mit|mitgeteilt|räumte\w* ein|kritisiert\w*|"
    r"berichtete\w*|meldete\w*|"
    r"said|says|told|stated|warned|announced|promised|added|wrote|declared|insisted|urged|reported)\b"
    r"|,\s*so\b"
)
_IMPERSONAL = re.compile(r"\b(?:hieß es|heißt es|hieß es weiter|it said|the statement said|it added)\b")
_PRONOUN = re.compile(r"\s+(er|sie|he|she|they|it)\b")
_PRONOUN_BEFORE = re.compile(r"\b(he|she|they|er|sie)\s+$")  # "he said"
_ROLE_AFTER = re.compile(r"\s+(?:der|die|the)\s+([\w-]+)")
# Attribution cues and where their object stands.
_CUE_AFTER = re.compile(
    r"\b(?:[Nn]ach (?:Angaben|Informationen|Darstellung|Aussagen|Berichten|Einschätzung|Ansicht|Auffassung|"
    r"Erkenntnissen|Schätzungen)|[Ll]aut|[Aa]ccording to|[Cc]iting|[Ww]ie\b(?=[^.]{0,80}\b(?:berichtete|meldete|mitteilte)))"
)
_CUE_BEFORE = re.compile(r"\b(?:zufolge|said|reported|berichtete\w*|meldete\w*|teilte\w* mit|mitteilte)\b")
CUE_REACH = 90  # characters between a cue and the name it attributes to


@dataclass(frozen=True)
class _Entity:
    id: str
    start: int
    end: int
    kind: str  # person | body | state | place | source


class _Context:
    """Everything quote and claim attribution looks up in one article."""

    def __init__(self, text, sentences, mentions, kinds, source_mentions):
        self.text = text
        self.sentences = sentences or [(0, len(text))]
        self.starts = [s for s, _ in self.sentences]
        # "die russische Agentur Interfax": an adjective names no speaker, it describes one.
        entities = [_Entity(m.id, m.start, m.end, _kind(kinds.get(m.id, ""))) for m in mentions
                    if m.how not in ("adjective",)]
        entities += [_Entity(m.id, m.start, m.end, "source") for m in source_mentions]
        self.entities = sorted(entities, key=lambda e: (e.start, e.end))
        self.quote_spans: list[tuple[int, int]] = []
        self.roles = self._roles()

    def sentence_of(self, offset: int) -> int:
        return max(bisect.bisect_right(self.starts, offset) - 1, 0)

    def in_quote(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.quote_spans)

    def entities_in(self, start: int, end: int, kinds: tuple[str, ...]) -> list[_Entity]:
        return [e for e in self.entities if start <= e.start < end and e.kind in kinds and not self.in_quote(e.start)]

    def _roles(self) -> list[tuple[int, str, str]]:
        """(offset, role stem, person) for every ``Role Name`` apposition: ``Machthaber Kim Jong-un``."""
        found = []
        for e in self.entities:
            if e.kind != "person":
                continue
            before = self.text[max(0, e.start - 40):e.start].split()
            if before and is_role(before[-1]):
                found.append((e.start, _role_stem(before[-1]), e.id))
        return found

    def by_role(self, word: str, before: int) -> str | None:
        stem = _role_stem(word)
        matches = [person for offset, role, person in self.roles if offset < before and (role.startswith(stem) or stem.startswith(role))]
        return matches[-1] if matches else None

    def antecedent(self, pronoun: str, before: int) -> _Entity | None:
        """The person or body a pronoun points back to: the last one named before it, at most
        two sentences back, never inside a quote."""
        first = self.sentences[max(self.sentence_of(before) - 2, 0)][0]
        kinds = ("person",) if pronoun in ("er", "he") else ("person", "body", "source")
        named = self.entities_in(first, before, kinds)
        return named[-1] if named else None


def _kind(actor_kind: str) -> str:
    if actor_kind == "person":
        return "person"
    if actor_kind in ("state", "place"):
        return actor_kind
    return "body"


def _role_stem(word: str) -> str:
    """``Nato-Generalsekretär`` → ``generalsekretär``; ``Machthabers`` → ``machthaber``."""
    word = word.split("-")[-1].lower()
    for ending in ("innen", "in", "en", "s", "n"):
        if word.endswith(ending) and len(word) - len(ending) >= 5:
            return word[: -len(ending)]
    return word


def find_quotes(text, sentences, mentions: list[Mention], kinds: dict[str, str], source_mentions: list[Mention]) -> list[Quote]:
    ctx = _Context(text, sentences, mentions, kinds, source_mentions)
    matches = list(_QUOTE.finditer(text))
    ctx.quote_spans = [(m.start(), m.end()) for m in matches]
    quotes: list[Quote] = []
    for match in matches:
        group = next(g for g in range(1, 5) if match.group(g) is not None)
        q_start, q_end = match.start(group), match.end(group)
        i = ctx.sentence_of(match.start())
        s_start, s_end = ctx.sentences[i]
        speaker, via = _attribute(ctx, s_start, s_end, quotes, i)
        if via is None:
            via = _via(ctx, s_start, s_end)
        if via is None and i + 1 < len(ctx.sentences):  # "… ", sagte Kim. Das berichtete Interfax.
            n_start, n_end = ctx.sentences[i + 1]
            other = {e.id for e in ctx.entities_in(n_start, n_end, ("person",))}
            if _CUE_AFTER.search(text, n_start, n_end) and (not other or other == {speaker}):
                via = _via(ctx, n_start, n_end)
        quotes.append(Quote(text[q_start:q_end], q_start, q_end, speaker=speaker, via=via))
    return quotes


def _attribute(ctx: _Context, s_start: int, s_end: int, earlier: list[Quote], sentence: int) -> tuple[str | None, str | None]:
    """(speaker actor id, via source id) of a quote or claim in the sentence [s_start, s_end)."""
    text = ctx.text
    verbs = [v for v in _SPEECH_VERB.finditer(text, s_start, s_end) if not ctx.in_quote(v.start())]
    for verb in verbs:
        after = ctx.entities_in(verb.end(), verb.end() + 6, ("person", "body", "source"))
        if after:  # sagte Kim
            return _as_pair(after[0])
        before = [e for e in ctx.entities_in(s_start, verb.start(), ("person", "body", "source"))
                  if 0 <= verb.start() - e.end <= 2]
        if before:  # Kim sagte
            return _as_pair(before[-1])
        pronoun = _PRONOUN.match(text, verb.end()) or _PRONOUN_BEFORE.search(text, max(s_start, verb.start() - 6), verb.start())
        if pronoun:  # schrieb sie, he said
            entity = ctx.antecedent(pronoun.group(1).lower(), verb.start())
            if entity is not None:
                return _as_pair(entity)
        role = _ROLE_AFTER.match(text, verb.end())
        if role and is_role(role.group(1)):  # sagte der Machthaber
            person = ctx.by_role(role.group(1), verb.start())
            if person is not None:
                return person, None
    if _IMPERSONAL.search(text, s_start, s_end) and earlier:
        last = earlier[-1]
        if ctx.sentence_of(last.start) >= sentence - 3 and (last.speaker or last.via):
            return last.speaker, last.via
    if verbs:
        people = ctx.entities_in(s_start, s_end, ("person",))
        if people:
            return people[0].id, None
    return None, None


def _as_pair(entity: _Entity) -> tuple[str | None, str | None]:
    return (None, entity.id) if entity.kind == "source" else (entity.id, None)


def _via(ctx: _Context, start: int, end: int) -> str | None:
    """The source an attribution in [start, end) names: ``nach Angaben der … Interfax``."""
    for cue in _CUE_AFTER.finditer(ctx.text, start, end):
        named = ctx.entities_in(cue.end(), min(end, cue.end() + CUE_REACH), ("source",))
        if named:
            return named[0].id
    if _SPEECH_VERB.search(ctx.text, start, end) or _CUE_BEFORE.search(ctx.text, start, end):
        named = ctx.entities_in(start, end, ("source",))
        if named:
            return named[0].id
    return None


def find_claims(text, sentences, mentions: list[Mention], kinds: dict[str, str], source_mentions: list[Mention],
                quotes: list[Quote]) -> list[Claim]:
    """Sentences that report what someone else says, with who and through whom."""
    ctx = _Context(text, sentences, mentions, kinds, source_mentions)
    ctx.quote_spans = [(q.start, q.end) for q in quotes]
    claims = []
    for i, (start, end) in enumerate(ctx.sentences):
        speaker = via = None
        cue_text = ""
        for cue in _CUE_AFTER.finditer(text, start, end):
            if ctx.in_quote(cue.start()):
                continue
            named = ctx.entities_in(cue.end(), min(end, cue.end() + CUE_REACH), ("source", "body", "state", "person"))
            if named:
                cue_text = " ".join(cue.group().split())
                entity = named[0]
                if entity.kind == "source":
                    via = via or entity.id
                else:
                    speaker = speaker or entity.id
                break
        for cue in _CUE_BEFORE.finditer(text, start, end):
            if cue.group() != "zufolge" or ctx.in_quote(cue.start()):
                continue
            named = ctx.entities_in(max(start, cue.start() - CUE_REACH), cue.start(), ("source", "body", "state", "person"))
            if named:
                cue_text = cue_text or "zufolge"
                entity = named[-1]
                if entity.kind == "source":
                    via = via or entity.id
                else:
                    speaker = speaker or entity.id
        has_quote = any(start <= q.start < end for q in quotes)
        if not has_quote:
            verb = next((v for v in _SPEECH_VERB.finditer(text, start, end)), None)
            if verb is not None:
                said_by, said_via = _attribute(ctx, start, end, [], i)
                if said_by or said_via:
                    cue_text = cue_text or " ".join(verb.group().lstrip(",").split())
                    speaker = speaker or said_by
                    via = via or said_via
        if speaker or via:
            claims.append(Claim(" ".join(text[start:end].split()), start, end, cue_text, speaker, via))
    return claims
