"""Who an attribution cue names when the registry does not know them (issue 12): "laut CIBJO",
"nach Informationen der Berliner Zeitung", "Dem „Spiegel“ zufolge", "Heidegger zufolge". The
name is given as written (``Who.speaker_name``), for quotes and claims alike; only names count
(two capitalised words, an acronym, a word quoted or a proper noun to HanTa), never a common
noun ("laut Experten", "Dem Bericht zufolge")."""

from __future__ import annotations

import re

from ..lang.lexicon import NOT_NAME_START
from ..lang.propernoun import is_proper_noun, is_unknown_word
from .candidates import is_role
from .speakers import NOBODY, Context, Who
from .speechcues import CUE_AFTER
from .unnamed import ANY_KIND, OF_BODY, a_name


# An attribution cue before a body the registry lacks: "Laut Polizei habe es …", "nach Angaben
# der Staatsanwaltschaft Krefeld „…“", "laut einer Pressemitteilung des BMI" (the body whose
# document it is). Up to three capitalised words; no role ("laut einem Sprecher": unnamed).
_CLAIMANT = re.compile(r"\s+(?:(?:der|des|dem|den|die|einer|einem|eines)\s+)?((?:[A-ZÄÖÜ][\w-]*\s+){0,2}[A-ZÄÖÜ][\w-]*)"
                       r"(?=\s+[a-zäöüß„]|\s*[,.;:(]|\s*$)")


def unknown_cue(ctx: Context, s_start: int, s_end: int) -> tuple[str, Who]:
    """(the words of the cue that names them, whom it names) when a cue of the sentence names no
    entity of ours, or ("", nobody). The words are that cue's, not another cue's of the sentence
    ("Der Zeitung Haaretz zufolge …, berichtete …": "zufolge")."""
    cue, found = _claimant_and_cue(ctx, s_start, s_end)
    return (cue, found.by("cue: unknown body")) if found else ("", NOBODY)


# Words without which neither ``CUE_AFTER`` nor "zufolge" can match: claims ask every sentence.
_CUE_WORDS = ("aut", "ach ", "ccording to", "iting", "berichtete", "meldete", "mitteilte", "zufolge")


def unknown_claimant(ctx: Context, s_start: int, s_end: int) -> Who:
    """The body an attribution cue names when it is no entity of ours, as written."""
    return _claimant_and_cue(ctx, s_start, s_end)[1]


def _claimant_and_cue(ctx: Context, s_start: int, s_end: int) -> tuple[str, Who]:
    """(the cue's words, the unknown body it names), or ("", nobody)."""
    if not any(ctx.text.find(word, s_start, s_end) >= 0 for word in _CUE_WORDS):  # most sentences: no regex
        return "", NOBODY
    for cue in CUE_AFTER.finditer(ctx.text, s_start, s_end):
        if ctx.in_quote(cue.start()):
            continue
        named = _CLAIMANT.match(ctx.text, cue.end(), s_end)
        if named is None or _RELATIVE_LAUT.match(ctx.text, max(s_start, cue.start() - 2), cue.end() + 7) or \
                ctx.entities_in(cue.end(), named.end(), ("person", "body", "source", "state", "place")):
            return "", NOBODY
        of_body = OF_BODY.match(ctx.text, named.end(), s_end)
        name = _claimant_name(of_body.group(1) if of_body else named.group(1))
        if any(is_role(w) for w in (named.group(1) + " " + name).split()) or ctx.in_quote(named.start(1)) \
                or not a_name(ctx.text, name) or _ACRONYM_PLURAL.fullmatch(name):
            return "", NOBODY
        return " ".join(cue.group().split()), Who(speaker_name=name)
    found = _zufolge_claimant(ctx, s_start, s_end)
    return ("zufolge" if found else ""), found


# Before "zufolge": a body or outlet after its article, maybe in quotation marks ("Dem „Spiegel“
# zufolge", "Der Berliner Zeitung zufolge"), or a lone name ("Heidegger zufolge"; not "Experten
# zufolge", "Berichten zufolge": HanTa knows those nouns).
_ZUFOLGE = re.compile(r"(?:\b(?:[Dd]em|[Dd]er|[Dd]en)\s+([„\"»]?)((?:[A-ZÄÖÜ][\w-]*\s+){0,2}[A-ZÄÖÜ][\w-]*)[“\"«]?"
                      r"|(?<![\w-])([A-ZÄÖÜ][\w'’-]+))\s+zufolge\b")


def _zufolge_claimant(ctx: Context, s_start: int, s_end: int) -> Who:
    if ctx.text.find("zufolge", s_start, s_end) < 0:  # the regex only where it can match
        return NOBODY
    for cue in _ZUFOLGE.finditer(ctx.text, s_start, s_end):
        group = 2 if cue.group(2) else 3
        name = cue.group(group) if cue.group(1) else _claimant_name(cue.group(group))
        if ctx.in_quote(cue.start(group)) or ctx.entities_in(cue.start(group), cue.end(group), ANY_KIND) or \
                any(is_role(w) for w in name.split()) or name.split()[0].lower() in NOT_NAME_START:
            continue
        if (cue.group(1) or " " in name or name.isupper() or is_proper_noun(name)) \
                and not _ACRONYM_PLURAL.fullmatch(name):  # "Dem Bericht der Zeitung zufolge": a noun, no name
            return Who(speaker_name=name)
    return NOBODY


_RELATIVE_LAUT = re.compile(r",\s*laut\s+(?:dem|der|denen)\s")  # "ein Gutachten, laut dem Kevin … misshandelt worden war"
_ACRONYM_PLURAL = re.compile(r"[A-ZÄÖÜ]{2,}s")  # "laut NGOs": a kind of body, none named
_ADJECTIVE_END = re.compile(r"\w+(?:e|er|en|es|em)")


def _claimant_name(name: str) -> str:
    """The name without a common noun that only follows it: "laut Aussendung der Uni Ausdruck
    einer …" (HanTa knows "Ausdruck"), "nach Informationen des STANDARD Abrechnungen …"; a noun
    after an adjective stays the name's head ("laut Wiener Linien")."""
    *head, last = name.split()
    if head and not (is_proper_noun(last) or is_unknown_word(last)) and \
            (head[-1].isupper() or not _ADJECTIVE_END.fullmatch(head[-1])):
        return " ".join(head)
    return name
