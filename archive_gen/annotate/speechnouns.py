"""Quotes framed by a speech noun and its owner (issue 12, round 9): "Auf den Vorwurf der CDU,
es handele sich um einen „sozialistischen Antrag“, …", "In einer Erklärung der
EU-Außenminister vom Dienstagabend hatte es geheißen: „…“". The noun says that someone spoke;
its genitive says who, whatever verb the sentence goes on with. And the agent of a passive
characterisation: "wird … vom Deutschen Wetterdienst als „sehr hoch“ eingestuft"."""

from __future__ import annotations

import re

from .quotenames import quote_end
from .speakers import NOBODY, Context, Who, who_of
from .speechcues import SPEECH_VERB
from .unnamed import a_name

_NOUN = (r"(?:Vorwurf|Vorwürfe[n]?|Kritik|Forderung|Aussage|Äußerung|Erklärung|Mitteilung|Pressemitteilung|"
         r"Behauptung|Warnung|Einschätzung|Vorschlag|Appell|Stellungnahme|Angaben|statement|claim|accusation|warning)")
# the noun with an article and adjectives, then its owner in the genitive ("der CDU", "des
# Ministers", "der EU-Außenminister"), or after "von"
_FRAME = re.compile(rf"\b(?:[Dd]en|[Dd]ie|[Dd]er|[Dd]em|[Ee]ine[mnr]?|[Tt]he|[Aa]n?)\s+(?:[a-zäöüß][\w-]*\s+){{0,2}}{_NOUN}"
                    rf"\s+(?:der|des|von|vom|of)\s+(?:(?:der|dem|the)\s+)?((?:[A-ZÄÖÜ][\w-]*\s+){{0,2}}[A-ZÄÖÜ][\w-]*)")
_NOUN_ALONE = re.compile(rf"{_NOUN}\s+(?:der|des|von|vom|of)\s")
# the quote stands in the clause the frame opens: a comma ("…der CDU, es handele sich um „…“"),
# or an impersonal "hatte es geheißen:" right before it
_CLAUSE = re.compile(r"(?:\s+vom\s+[A-ZÄÖÜ][\w-]*)?(?:,\s+[^.;:!?]{0,200}|\s+(?:hatte|hat|hieß|heißt)\s+es(?:\s+geheißen)?\s*:\s*)$")


def speech_noun_owner(ctx: Context, s_start: int, quote_at: int) -> Who:
    """The owner of the speech noun whose clause holds the quote: an entity, else the name as
    written (two capitalised words or a compound, not a bare common noun)."""
    if not _NOUN_ALONE.search(ctx.text, s_start, quote_at):  # the cheap question first
        return NOBODY
    frames = [f for f in _FRAME.finditer(ctx.text, s_start, quote_at) if not ctx.in_quote(f.start())]
    if not frames:
        return NOBODY
    frame = frames[-1]
    between = _outside_quotes(ctx, frame.end(), quote_at)
    if not _CLAUSE.search(between) or any(not ctx.in_quote(v.start()) for v in SPEECH_VERB.finditer(ctx.text, frame.end(), quote_at)):
        return NOBODY
    # "der EU-Außenminister": an entity before a hyphen only qualifies the owner
    named = [e for e in ctx.entities_in(frame.start(1), frame.end(1), ("person", "body", "source"))
             if ctx.text[e.end:e.end + 1] != "-"]
    if named:
        return who_of(named[0])
    name = frame.group(1)
    # a name: two capitalised words, or a compound after an acronym ("EU-Außenminister")
    return Who(speaker_name=name) if re.fullmatch(r"[A-ZÄÖÜ]{2,}-[\w-]+", name) or (" " in name and a_name(ctx.text, name)) else NOBODY


def _outside_quotes(ctx: Context, start: int, end: int) -> str:
    """The text of [start, end) with earlier quotes blanked (a clause may hold two quotes)."""
    text = ctx.text[start:end]
    for a, b in ctx.quote_spans:
        if a < end and b > start:
            lo, hi = max(a, start) - start, min(b, end) - start
            text = text[:lo] + "x" * (hi - lo) + text[hi:]
    return text


# A passive characterisation: the agent after "von"/"vom"/"durch", then "als" and the quote, a
# participle of judging after it in the clause.
_AGENT_AS = re.compile(r"\b(?:von|vom|durch)\s+(?:(?:der|dem|den)\s+)?((?:[A-ZÄÖÜ][\w-]*\s+){0,2}[A-ZÄÖÜ][\w-]*)"
                       r"\s+(?:[a-zäöüß]+\s+){0,2}als\s+[„\"»“]$")
_JUDGED = re.compile(r"[^.;:!?,„“\"]{0,40}?\b(?:bezeichnet|eingestuft|gewertet|bewertet|kritisiert|beschrieben|angesehen|"
                     r"gesehen|betrachtet|abgelehnt|begrüßt|gelobt|verurteilt|eingeschätzt|charakterisiert|dargestellt)\b")


def passive_agent(ctx: Context, s_start: int, quote_at: int) -> Who:
    """The agent of a passive that judges with the quote ("vom Deutschen Wetterdienst als „sehr
    hoch“ eingestuft"): an entity, else two capitalised words as written."""
    if ctx.text[max(0, quote_at - 4):quote_at] != "als ":  # the cheap question first
        return NOBODY
    agent = _AGENT_AS.search(ctx.text, max(s_start, quote_at - 120), quote_at + 1)
    end = quote_end(ctx, quote_at)
    if agent is None or end is None or not _JUDGED.match(ctx.text, end) or ctx.in_quote(agent.start()):
        return NOBODY
    named = ctx.entities_in(agent.start(1), agent.end(1), ("person", "body", "source"))
    if named:
        return who_of(named[0])
    name = agent.group(1)
    return Who(speaker_name=name) if " " in name and a_name(ctx.text, name) else NOBODY


def framing_owner(ctx: Context, s_start: int, quote_at: int) -> Who:
    """Whose words a speech noun or a passive characterisation frames, marked by its rule."""
    return speech_noun_owner(ctx, s_start, quote_at).by("speech noun's owner") or \
        passive_agent(ctx, s_start, quote_at).by("passive agent")
