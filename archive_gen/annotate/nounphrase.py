"""What a speaker's noun phrase may hold, and what opens a clause or a prepositional phrase:
the word classes the subject rules of ``verbsubject.py`` and the pronoun rule of ``reported.py``
share (kept apart so that each of those modules stays about one kind of decision)."""

from __future__ import annotations

import re

from .candidates import is_role

# Words a subject's noun phrase may hold before the name: determiners, adverbs after a verb,
# coordination inside a role ("Kinder- und Jugendanwalt", "Mines and Energy Minister").
DETERMINERS = frozenset("der die das des dem den ein eine einer eines dessen deren the a an".split())
NP_ADVERBS = frozenset("auch etwa doch jedoch aber nun dann zudem ebenfalls sich also so heute gestern morgen "
                       "bereits erneut noch wieder jetzt damals zuvor später dazu".split())  # "äußerte sich heute auch US-Präsident …"
_JOINS = frozenset("und and of für for".split())
_FINITE = re.compile(r"(?:ist|sind|war|waren|wird|werden|wurde|wurden|sei|seien|soll|sollen|will|wollen|kann|können|"
                     r"muss|müssen|is|are|was|were|will|would|has|have|had|been|being)")
PREPOSITIONS = frozenset("von vom zu zum zur mit bei beim um für gegen nach seit aus in im an am auf über unter "
                         "durch vor ohne neben hinter zwischen trotz wegen außer "  # "Ohne Abwehrchef Angelo Barletta wird der VfL …"
                         "to for with by from against at on in without".split())
# Words that open a subordinate clause, whose verb stands last: its subject is no main clause's.
SUBORDINATORS = frozenset("nachdem als wenn dass weil obwohl während ob sobald bevor seit".split())
INFLECTED = re.compile(r"[a-zäöüß]+(?:e|en|er|es|em)")  # an adjective before a name: "früherer", "ehemalige"


def noun_phrase_only(words: list[str]) -> bool:
    """Only what a subject's noun phrase holds: determiners, adverbs, roles, capitalised words,
    inflected adjectives; no verb ("Die Titelseite zeigt Staatspräsident …"), no comma."""
    return all(not w.endswith(",") and (w[:1].isupper() or w.lower() in DETERMINERS or w in NP_ADVERBS or is_role(w)
                                        or INFLECTED.fullmatch(w)) for w in words)


def noun_phrase(words: list[str]) -> bool:
    """Whether the words before a name can open its noun phrase ("Mexikos Trainer", "der
    moldauische Regierungschef", "Industrial Bank of Japan Ltd senior economist")."""
    determiner = False
    for i, word in enumerate(words):
        bare = word.rstrip(",").removesuffix("'s")
        lower = bare.lower()
        if lower in PREPOSITIONS and not (lower in _JOINS and i and words[i - 1][:1].isupper()) or _FINITE.fullmatch(lower):
            return False
        if bare[:1].isupper() or lower in DETERMINERS or lower in NP_ADVERBS or is_role(bare):
            determiner = determiner or lower in DETERMINERS
            continue
        if lower in _JOINS and i and (words[i - 1][:1].isupper() or words[i - 1].endswith("-")):
            continue
        if not determiner and not (i + 1 < len(words) and is_role(words[i + 1])):
            return False
    return True


def in_prepositional_phrase(words: list[str]) -> bool:
    """The words before a name open a prepositional phrase it ends: a preposition, then only
    what a noun phrase holds ("mit", "auf Bushs Parteikollegen")."""
    for word in reversed(words):
        lower = word.lower()
        if lower in PREPOSITIONS:
            return True
        if word.endswith((",", ":", ";")) or not (word[:1].isupper() or lower in DETERMINERS or INFLECTED.fullmatch(word)):
            return False
    return False
