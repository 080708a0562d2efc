"""Quotation marks around a name, not around speech: „Neues Deutschland“, „Aktion Deutschland
hilft“. The quote finder skips these, so no speaker is credited with a newspaper's title."""

import bisect
import re

from ..lang.propernoun import is_proper_noun, is_unknown_word

# The noun before a quoted name: „Neues Deutschland“ after "der Zeitung" is a title, not speech.
_TITLE_NOUN = re.compile(r"(?:[Zz]eitung|[Zz]eitschrift|[Mm]agazin|[Bb]latt|[Ss]ender|[Ff]ilm|[Bb]uch|[Rr]oman|"
                         r"[Tt]itel|[Ss]endung|[Ss]erie|[Aa]lbum|[Ll]ied|[Ss]ong|[Ii]nitiative|[Aa]ktion|[Kk]ampagne|"
                         r"[Pp]rojekt|[Oo]rganisation|[Vv]erein|[Gg]ruppe|[Pp]artei|[Bb]ewegung|[Pp]rogramm|[Ww]ebsite|"
                         r"[Pp]ortal|[Aa]gentur|[Kk]ollektiv|[Mm]otto|[Nn]ame[ns]?|[Ss]chiff|[Uu]nternehmen|[Mm]odell(?:e|en)?|"
                         r"[Mm]arke|[Ss]orte|namens|named|dubbed|nicknamed|(?<=,\s)called)\s*:?\s*$")  # "the product, called "Amadeus,""
# After the closing mark: an abbreviation in brackets („Allianz zur Europäischen Integration“ (AIE))
# or the rest of a compound („Bild“-Zeitung) makes the quoted words a name.
_NAME_AFTER = re.compile(r"\s*\([A-ZÄÖÜ][A-ZÄÖÜ0-9]{1,6}\)|-[A-ZÄÖÜa-zäöü]")
# Around the quoted words an attribution cue that only a name takes: "Dem „Spiegel“ zufolge",
# "laut „Reuters“" (speech is never quoted there).
_CUE_AROUND = re.compile(r"\s+zufolge\b")
_LAUT_BEFORE = re.compile(r"\b[Ll]aut\s+$")
# Every word capitalised (German lowercase links like "und", "im" mean a phrase: „Wolf im
# Schafspelz“, „Unbesiegbarkeit und Dauerhaftigkeit“), or a foreign name's particle.
_NAME_WORD = re.compile(r"(?:[A-ZÄÖÜ0-9][\w'’′.&-]*|de|da|del|do|of|the|and|la|le|el)")


def is_quoted_name(ctx, match: re.Match) -> bool:
    """Quotation marks around a name (a paper, a film, a campaign), not around speech: the
    text is two to five capitalised words, or a name the article links, or a title noun
    stands before it. One capitalised word alone may be speech („Gesindel“), so it needs the
    noun or the link."""
    group = next(g for g in range(1, 5) if match.group(g) is not None)
    start, end = match.start(group), match.end(group)
    words = ctx.text[start:end].split()
    if len(words) > 5 or not words:
        return False
    if any(e.start <= start and e.end >= end for e in ctx.entities_in(max(0, start - 60), end, ("body", "source"))):
        return True
    if _TITLE_NOUN.search(ctx.text, max(0, match.start() - 40), match.start()) and (words[0][:1].isupper() or words[0][:1].isdigit()):
        return True
    if words[0][:1].isupper() and (_NAME_AFTER.match(ctx.text, match.end()) or _CUE_AROUND.match(ctx.text, match.end())
                                   or _LAUT_BEFORE.search(ctx.text, max(0, match.start() - 6), match.start())):
        return True
    if len(words) == 1 and (_bare_name(ctx.text, words[0], match) or _CODE_NAME.fullmatch(words[0])):
        return True
    # after a genitive or dative article a name may hold "von" ("Ein Sprecher der „Polizei von DeLand“")
    particle = _LINK_WORD if _ARTICLE_BEFORE.search(ctx.text, max(0, match.start() - 5), match.start()) else _NAME_WORD
    return 2 <= len(words) and words[0][:1].isupper() and \
        all(_NAME_WORD.fullmatch(w.strip(",")) or particle.fullmatch(w) for w in words)


# One word of letters and digits: a product's or a company's name („Ener1“, „Power8“), not speech.
_CODE_NAME = re.compile(r"[A-ZÄÖÜ][A-Za-zÄÖÜäöüß]*[0-9][\w-]*")
_ARTICLE_BEFORE = re.compile(r"\b(?:der|des|dem|den)\s+$")
_LINK_WORD = re.compile(r"von|vom|zu|für")


def _bare_name(text: str, word: str, match: re.Match) -> bool:
    """One quoted word that the article also writes bare, and HanTa calls a proper noun or does
    not know: a name ("die Gentech-Kartoffel Amflora" makes „Amflora“ a name); not „Gesindel“."""
    if not word[:1].isupper() or not word.isalnum():  # „Ener1“
        return False
    bare = re.compile(rf"(?<![„\"»“\w-]){re.escape(word)}(?![“\"«\w-])")
    return any(not (match.start() <= m.start() < match.end()) for m in bare.finditer(text)) and \
        (is_proper_noun(word) or is_unknown_word(word))


def quote_end(ctx, quote_at: int) -> int | None:
    """The end of the quote that opens at ``quote_at`` (``ctx.quote_spans``); None when none does."""
    i = bisect.bisect_left(ctx.quote_spans, (quote_at, -1))
    if i < len(ctx.quote_spans) and ctx.quote_spans[i][0] == quote_at:
        return ctx.quote_spans[i][1]
    return None


# Quotes that rules guessing a speaker from the sentence's shape should not credit.

def one_noun_after(ctx, quote_at: int | None, speaker_end: int) -> bool:
    """The quote is one capitalised word standing after ``speaker_end``: a name, a title or a
    noun in scare quotes („Phaeton“, „EVAC-Ambulanz“, „Austausch“), which rules that guess a
    speaker from the sentence's shape get wrong three times in four on the dev part; rules where
    the grammar makes it the speaker's word ("Wiefelspütz nannte den Bericht eine
    „Zeitungsente“", before the verb) do not ask."""
    end = quote_end(ctx, quote_at) if quote_at is not None and quote_at >= speaker_end else None
    if end is None:
        return False
    inner = ctx.text[quote_at + 1:end - 1].strip()
    return bool(inner) and inner[:1].isupper() and not any(c.isspace() for c in inner)


def short_title(ctx, s_start: int, quote_at: int | None) -> bool:
    """Two or three quoted words, the first capitalised, no punctuation, inside the sentence (not
    opening it as speech does: "„In absehbarer Zeit“, so …"): a name or a title („BILD am
    Sonntag“, „Deus caritas est“, „Aktion Deutschland hilft“) as often as speech, so the two
    paths that guess from the sentence's shape (5 wrong, 1 right on dev) do not credit it."""
    end = quote_end(ctx, quote_at) if quote_at is not None and ctx.text[s_start:quote_at].strip() else None
    if end is None:
        return False
    words = ctx.text[quote_at + 1:end - 1].split()
    return 2 <= len(words) <= 3 and words[0][:1].isupper() and not re.search(r"[,.;:!?]", " ".join(words))
