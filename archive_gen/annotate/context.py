"""An article's country, and which of several actors sharing a name it means (issue 12).

Austrian, German and Swiss news use the same words for different things: "Die Grünen" are the
Austrian Greens in Der Standard and Bündnis 90/Die Grünen in a dpa story from Berlin;
"Bundesrat" is a parliament's second chamber in Vienna and Berlin and the government in Bern.
The registry gives such a form to every actor that uses it (the starter registry's
``shared_forms()``), the matcher leaves it unlinked, and this module decides by context:

1. :func:`article_country` — the country an article is written from and for, by the strongest
   evidence there is: the editor's ``country:``, the dateline's place (``Wien –`` → at), the
   wire agency's home (APA → at) unless the text clearly names another state of the
   German-speaking countries more often, the state the text names most. Without enough
   evidence it returns None: the form stays unlinked, never guessed.
2. :func:`choose_by_context` — among the actors that share a form, the one of that country;
   None when no single one is.
3. :func:`country_before` — a state named right before the form ("der deutsche
   Bundeskanzler", "Österreichs Kanzler") says more than the article's country; pass it to
   :func:`choose_by_context` as ``local``.

Country codes are ISO 3166-1 alpha-2; any case is accepted, lowercase is returned. Pure
functions: no I/O, no registry; the caller passes the countries it knows (the starter's
``place_countries()``, ``agency_countries()``, ``state_countries()``, ``dach_countries()``,
``starter_countries()``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

# The German-speaking countries whose institutions share names.
DACH = frozenset({"at", "de", "ch"})

# "Clearly more often": another state beats the agency's home only when the text names it at
# least this often and more than twice as often as the home.
CLEAR_MIN = 2
CLEAR_FACTOR = 2

StateMentions = Mapping[str, int] | Iterable[tuple[str, int]]


def _code(value: str | None) -> str | None:
    if not value:
        return None
    code = value.strip().lower()
    return code if len(code) == 2 and code.isalpha() else None


def _counts(state_mentions: StateMentions | None) -> Counter[str]:
    counts: Counter[str] = Counter()
    if not state_mentions:
        return counts
    pairs = state_mentions.items() if isinstance(state_mentions, Mapping) else state_mentions
    for country, count in pairs:
        code = _code(country)
        if code and count > 0:
            counts[code] += count
    return counts


def count_states(mention_ids: Iterable[str], state_country: Mapping[str, str]) -> Counter[str]:
    """Mentions by country: the ids of an article's linked actor mentions (one per mention:
    names, genitives, adjectives and demonyms alike) and a map from actor id to country. Pass
    the states (the starter's ``state_countries()``) and the parties and institutions of the
    German-speaking countries (``dach_countries()``): "die Salzburger ÖVP und die Grünen"
    speaks of Austria though it names no state. Actors the map lacks do not count."""
    counts: Counter[str] = Counter()
    for actor_id in mention_ids:
        code = _code(state_country.get(actor_id))
        if code:
            counts[code] += 1
    return counts


def _named_most(counts: Counter[str]) -> str | None:
    """The state named most, if it leads: named more often than every other, and at least
    twice unless it is the only state named."""
    ranked = counts.most_common(2)
    if not ranked:
        return None
    top, top_count = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if top_count > second and (top_count >= 2 or second == 0):
        return top
    return None


def article_country(dateline_place_country: str | None,
                    wire_agency_countries: Iterable[str | None],
                    state_mentions: StateMentions | None,
                    editor_country: str | None = None,
                    default: str | None = None) -> str | None:
    """The country an article is in context of, or None when the evidence is too weak.

    In order: the editor's ``country:`` front matter; the country of the dateline's place
    (``Wien –`` → "at"); the home of the wire agencies of the sign-off (APA → "at"), when they
    agree and the text names no other German-speaking state clearly more often (at least twice
    and more than twice as often as the agency's home); the state the text names most
    (``state_mentions``: country code → mentions, e.g. :func:`count_states`), when it leads;
    ``default`` (a site-wide setting); else None.
    """
    for decided in (editor_country, dateline_place_country):
        code = _code(decided)
        if code:
            return code
    counts = _counts(state_mentions)
    homes = {code for code in map(_code, wire_agency_countries or ()) if code}
    if len(homes) == 1:
        home = next(iter(homes))
        own = counts[home]
        rival = max((n for code, n in counts.items() if code in DACH and code != home), default=0)
        if not (rival >= CLEAR_MIN and rival > CLEAR_FACTOR * own):
            return home
    return _named_most(counts) or _code(default)


def choose_by_context(candidate_ids: Iterable[str], country_of: Mapping[str, str],
                      country: str | None, *, local: str | None = None) -> str | None:
    """Among actors that share a form, the one whose country is the context, or None.

    ``country_of`` maps actor ids to their countries (the starter's ``starter_countries()``,
    later the registry's ``Actor.country``); ``country`` is :func:`article_country`. A state
    named right before the form (``local``, see :func:`country_before`) wins over the article's
    country: "der deutsche Bundeskanzler" in an Austrian article is Germany's, "der türkische
    Innenminister" is no candidate's and stays unlinked. None when no country is known, or when
    no single candidate (or more than one) belongs to it.
    """
    wanted = _code(local) or _code(country)
    if wanted is None:
        return None
    matches = list(dict.fromkeys(c for c in candidate_ids if _code(country_of.get(c)) == wanted))
    return matches[0] if len(matches) == 1 else None


def states_by_end(state_spans: Iterable[tuple[int, int, str]]) -> dict[int, str]:
    """(start, end, country) of an article's state mentions → {end offset: country}, for
    :func:`country_before` (built once per article, so each lookup is constant time)."""
    by_end: dict[int, str] = {}
    for _, end, country in state_spans:
        code = _code(country)
        if code:
            by_end[end] = code
    return by_end


def country_before(text: str, start: int, by_end: Mapping[int, str]) -> str | None:
    """The country of a state mention that ends right before offset ``start``, separated only
    by one space (``deutsche Bundeskanzler``, ``Österreichs Kanzler``, ``Swiss President``), or
    None."""
    if start >= 1 and text[start - 1] in " \u00a0":
        return by_end.get(start - 1)
    return None


class SharedForms:
    """Decides, for one article, which actor a form several countries share means.

    Built per article from what the article says about itself (the editor's ``country:``,
    the dateline's place, the wire agencies) and the archive's default; :meth:`bind` adds
    what the text names (its sure mentions) and returns the chooser the matcher calls for
    each shared form it could not settle on its own."""

    def __init__(self, country_of: Mapping[str, str], evidence_of: Mapping[str, str], *,
                 editor_country: str | None = None, dateline_country: str | None = None,
                 agency_countries: Iterable[str | None] = (), default: str | None = None) -> None:
        """``country_of``: every actor's country (the owners of shared forms among them);
        ``evidence_of``: the actors whose mention says which country a text is about (states,
        and the parties and institutions of one country)."""
        self.country_of, self.evidence_of = country_of, evidence_of
        self.editor_country, self.dateline_country = editor_country, dateline_country
        self.agency_countries, self.default = tuple(agency_countries), default

    def bind(self, text: str, sure: Iterable[tuple[int, int, str]]):
        """``sure``: (start, end, actor id) of the mentions the matcher is sure of."""
        sure = list(sure)
        counts = count_states((actor for _, _, actor in sure), self.evidence_of)
        country = article_country(self.dateline_country, self.agency_countries, counts,
                                  editor_country=self.editor_country, default=self.default)
        by_end = states_by_end((s, e, self.evidence_of[a]) for s, e, a in sure if a in self.evidence_of)

        def choose(start: int, candidate_ids: Iterable[str], holder_named: bool = False) -> str | None:
            """``holder_named``: a person's name follows the form ("Kanzlerin Angela Merkel"):
            the office is that person's, whose country the article's does not tell; only a
            state named right before ("die deutsche Kanzlerin Angela Merkel") decides."""
            local = country_before(text, start, by_end)
            if holder_named and local is None:
                return None
            return choose_by_context(candidate_ids, self.country_of, country, local=local)
        return choose
