"""Which country each starter entry belongs to: the evidence and the owners the annotator
needs to decide between names several countries share (:mod:`archive_gen.annotate.context`)."""

from __future__ import annotations

from . import build


def starter_countries() -> dict[str, str]:
    """Starter actor id -> its country (ISO 3166-1 alpha-2, lowercase): a state or territory
    its own code ("oesterreich" -> "at"), a city its country ("wien" -> "at"), a party, office
    or institution of dach.tsv its country ("nationalrat-oesterreich" -> "at"). International
    organisations have none."""
    return dict(build().countries)


def place_countries() -> dict[str, str]:
    """Place id -> country, for the places of the starter registry (cities and dependent
    territories): the country of a dateline ("Wien –" -> "wien" -> "at")."""
    return _countries_where(lambda actor: actor.kind == "place")


def state_countries() -> dict[str, str]:
    """Actor id of a country of countries.tsv (states and territories) -> its ISO code, so that
    the mentions of a text can be counted by country ("Österreichs", "österreichische")."""
    return _countries_where(lambda actor: actor.path.endswith("countries.tsv"))


def dach_countries() -> dict[str, str]:
    """Id -> country of the parties, parliaments, offices and institutions of dach.tsv
    ("oevp" -> "at", "spd" -> "de"): an article that names the ÖVP is in an Austrian context,
    so these count beside the states when :func:`archive_gen.annotate.context.count_states`
    weighs the evidence."""
    return _countries_where(lambda actor: actor.path.endswith("dach.tsv"))


def _countries_where(wanted) -> dict[str, str]:
    actors = dict(build().actors)
    return {actor_id: code for actor_id, code in build().countries if wanted(actors[actor_id])}


def agency_countries() -> dict[str, str]:
    """Agency id -> its home country, for news and photo agencies (APA -> "at", dpa -> "de",
    Keystone-SDA -> "ch", Reuters -> "gb"): the wire agency of a sign-off hints at the country
    an article is written for."""
    kinds = dict((source_id, source.kind) for source_id, source in build().sources)
    return {source_id: code for source_id, code in build().source_countries if kinds[source_id] != "outlet"}


def source_countries() -> dict[str, str]:
    """Source id -> country for every starter source that has one: agencies and outlets."""
    return dict(build().source_countries)


def shared_forms() -> dict[str, tuple[str, ...]]:
    """Names and aliases that several starter actors share on purpose ("Die Grünen",
    "Bundesrat", "Bundeskanzler", "FDP"), with the ids that share them, sorted. The matcher
    leaves these unlinked unless the article names one owner in full; choose among the owners
    with :func:`archive_gen.annotate.context.choose_by_context`. A merge of the editors'
    registry over the starter must keep these forms on every owner."""
    owners: dict[str, set[str]] = {}
    for actor_id, actor in build().actors:
        for name in (actor.name, *actor.aliases):
            owners.setdefault(name, set()).add(actor_id)
    return {name: tuple(sorted(ids)) for name, ids in sorted(owners.items()) if len(ids) > 1}
