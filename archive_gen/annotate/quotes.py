"""Direct quotes and who said them, through which source.

A quote is text in „…“, "…", »…« or “…”. Its speaker is the person named with a speech verb
in the same sentence (``sagte Kim``; else the sentence's first person, the subject of
``Kim hat … "…" versprochen``). The source it came through is named in that sentence or in
the next one when that sentence continues the report (``…, sagte Kim nach Angaben der
Nachrichtenagentur Interfax``). Issue "annotation that holds" deepens this.
"""

from __future__ import annotations

import bisect
import re

from ..model import Mention, Quote

_QUOTE = re.compile(r"„([^“”\"„]{2,600})[“”\"]|\"([^\"]{2,600})\"|»([^«»]{2,600})«|“([^”“]{2,600})”")
_SPEECH_VERB = re.compile(
    r"\b(?:sagt\w*|gesagt|erklärt\w*|betont\w*|versprach\w*|versproch\w*|verspricht|kündigt\w*|angekündigt|"
    r"bekräftigt\w*|warnt\w*|gewarnt|forderte\w*|fordert|gefordert|schrieb\w*|schreibt|meinte\w*|"
    r"sprach\w*|bezeichnet\w*|hieß es|heißt es|teilte\w* mit|said|says|told|stated|warned|"
    r"announced|promised|added|wrote)\b",
    re.IGNORECASE,
)
_ATTRIBUTION = re.compile(
    r"\b(?:nach Angaben|laut|zufolge|berichtet\w*|meldet\w*|zitiert\w*|according to|reported|quoted)\b",
    re.IGNORECASE,
)


def find_quotes(
    text: str,
    sentences: list[tuple[int, int]],
    mentions: list[Mention],
    person_ids: set[str],
    source_mentions: list[Mention],
) -> list[Quote]:
    starts = [s for s, _ in sentences]
    quotes = []
    for match in _QUOTE.finditer(text):
        group = next(g for g in range(1, 5) if match.group(g) is not None)
        q_start, q_end = match.start(group), match.end(group)
        i = max(bisect.bisect_right(starts, match.start()) - 1, 0)
        s_start, s_end = sentences[i] if sentences else (0, len(text))
        speaker = _speaker(text, s_start, s_end, q_start, q_end, mentions, person_ids)
        via = _via(text, s_start, s_end, source_mentions)
        if via is None and i + 1 < len(sentences):
            n_start, n_end = sentences[i + 1]
            other_people = {m.id for m in mentions if n_start <= m.start < n_end and m.id in person_ids}
            if _ATTRIBUTION.search(text, n_start, n_end) and (not other_people or other_people == {speaker}):
                via = _via(text, n_start, n_end, source_mentions)
        quotes.append(Quote(text[q_start:q_end], q_start, q_end, speaker=speaker, via=via))
    return quotes


def _speaker(text, s_start, s_end, q_start, q_end, mentions, person_ids) -> str | None:
    verb = _SPEECH_VERB.search(text, s_start, s_end)
    if verb is None:
        return None
    people = [m for m in mentions if s_start <= m.start < s_end and m.id in person_ids
              and not (q_start <= m.start < q_end)]
    if not people:
        return None
    after_verb = [m for m in people if 0 <= m.start - verb.end() <= 5]  # "sagte Kim"
    return (after_verb or people)[0].id


def _via(text, start, end, source_mentions) -> str | None:
    if not _ATTRIBUTION.search(text, start, end) and not _SPEECH_VERB.search(text, start, end):
        return None
    for mention in source_mentions:
        if start <= mention.start < end:
            return mention.id
    return None
