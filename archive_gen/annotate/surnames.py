"""Later mentions of a candidate: the bare surname after the full name, a genitive, one
candidate per person (split from candidates.py, which reached the 400-line limit)."""

from __future__ import annotations

import itertools
import operator

from ..lang.lexicon import ARTICLES
from ..model import Candidate
from .matcher import END, HYPHEN_AFTER, HYPHEN_BEFORE, START, TEXT, Token
from .sentences import Coverage

# Words before a noun, not before a name: "im Sinne", "unter der Lupe", "the Hunter College".
NOUN_MARKERS = ARTICLES | frozenset("als im am zum zur vom beim ins ans jede jeder jedes diese dieser dieses".split())


_TEXT = operator.itemgetter(TEXT)  # a token's text, for C-level map()
_HYPHEN_AFTER = operator.itemgetter(HYPHEN_AFTER)


def surnames_alone(text: str, tokens: list[Token], found: dict, taken: Coverage) -> None:
    """``Grigorov`` after ``Gavriil Grigorov``: the bare surname of a multi-word candidate,
    after its first full mention, when no other candidate shares it."""
    owners: dict[str, list[str]] = {}
    for name, (cue, _) in found.items():
        parts = name.split()
        # one word named through a role, a title or a speech verb ("der CSU-Vorsitzende
        # Stoiber") is a surname too: "Stoiber hatte … betont" is the same person
        if len(parts[-1]) >= 3 and (len(parts) >= 2 or cue.startswith(_PERSON_CUES)):
            owners.setdefault(parts[-1], []).append(name)
    for surname, names in owners.items():  # "Hirsi Ali" inside "Ayaan Hirsi Ali": one person
        longest = max(names, key=len)
        if all(longest.endswith(" " + n) or n == longest for n in names):
            owners[surname] = [longest]
    if not owners:
        return
    # Most words are no surname, not even in the genitive: only the others are looked at
    # (the test runs in C, over all tokens). A word that is neither a surname nor one with
    # an "s" added, nor joined to the next by a hyphen, is passed over by the loop's tests.
    looked_for = {*owners, *(surname + "s" for surname in owners)}
    named = map(looked_for.__contains__, map(_TEXT, tokens))
    for k in itertools.compress(itertools.count(), map(operator.or_, named, map(_HYPHEN_AFTER, tokens))):
        token = tokens[k]
        if k and tokens[k - 1][TEXT].lower() in NOUN_MARKERS:  # "die Menschen" is a noun
            continue
        word, end = token[TEXT], token[END]
        if token[HYPHEN_AFTER] and not token[HYPHEN_BEFORE]:  # "Koch-Mehrin": a double surname
            word, end = _hyphenated(text, tokens, k)
        elif token[HYPHEN_BEFORE] or token[HYPHEN_AFTER]:
            continue
        stem = word[:-1] if word.endswith("s") and word[:-1] in owners else word
        names = owners.get(stem)
        if not names or len(names) != 1:
            continue
        name = names[0]
        if token[START] <= found[name][1][0][0] or taken.overlaps(token[START], end):
            continue
        found[name][1].append((token[START], end))
        taken.add(token[START], end)


_PERSON_CUES = ("role:", "title:", "speech verb:")


def _hyphenated(text: str, tokens: list[Token], k: int) -> tuple[str, int]:
    """The whole hyphenated word that starts at token ``k``, and where it ends."""
    last = k
    while last + 1 < len(tokens) and tokens[last][HYPHEN_AFTER]:
        last += 1
    return text[tokens[k][START]:tokens[last][END]], tokens[last][END]


def merge(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per person: ``Grigorovs`` and ``Grigorov`` (genitive), ``Lawrow`` found
    by ``sagte Lawrow`` and ``Sergej Lawrow`` (surname of exactly one longer name)."""
    by_name = {c.name: c for c in candidates}
    surnames: dict[str, list[str]] = {}
    for cand in candidates:
        parts = cand.name.split()
        if len(parts) >= 2:
            surnames.setdefault(parts[-1], []).append(cand.name)

    def owner(name: str) -> str | None:
        for form in (name, name[:-1] if name.endswith("s") else None):
            if form is None:
                continue
            if form != name and form in by_name:
                return form
            longer = surnames.get(form, [])
            if " " not in name and len(longer) == 1:
                return longer[0]
        return None

    spans: dict[str, list[tuple[int, int]]] = {c.name: list(c.spans) for c in candidates}
    for cand in candidates:
        target = owner(cand.name)
        if target is not None and target != cand.name and owner(target) is None:
            spans[target].extend(spans.pop(cand.name))
    return [
        Candidate(c.name, c.kind, c.evidence, c.cue, tuple(sorted(spans[c.name])))
        for c in candidates if c.name in spans
    ]
