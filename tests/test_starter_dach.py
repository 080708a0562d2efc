"""The starter registry for the German-speaking press (issue 12): parties, parliaments, offices,
institutions and outlets of Austria, Germany and Switzerland, each with its country.

Forms these countries share ("Die Grünen", "Bundesrat", "FDP") are aliases of every entry that
uses them, so the matcher leaves them unlinked and the article's country decides
(archive_gen/annotate/context.py). The table below is every such form: a new shared alias must
be added here on purpose.
"""

from __future__ import annotations

import collections
import re

import pytest

from archive_gen.annotate.actors import build_index, find_mentions
from archive_gen.annotate.matcher import tokenize
from archive_gen.annotate.sources import build_index as build_source_index
from archive_gen.annotate.sources import find_mentions as find_source_mentions
from archive_gen.paths import is_slug
from archive_gen.fields import ACTOR_KINDS, SOURCE_KINDS
from archive_gen.starter import (
    _rows, agency_countries, place_countries, shared_forms, source_countries, starter_countries,
    starter_registry, state_countries,
)

ACTORS, SOURCES = starter_registry()
INDEX = build_index(ACTORS)
COUNTRIES = starter_countries()
DACH = {actor_id: actor for actor_id, actor in ACTORS.items() if actor.path.endswith("dach.tsv")}

AT_GREENS, DE_GREENS, CH_GREENS = "die-gruenen-die-gruene-alternative", "buendnis-90-die-gruenen", "gruene-schweiz"
GREENS = (DE_GREENS, AT_GREENS, CH_GREENS)
SOCIAL_DEMOCRATS = ("sp-schweiz", "spd", "spoe")
PEOPLES_PARTIES = ("oevp", "suedtiroler-volkspartei", "svp")
CHANCELLORS = ("bundeskanzler-deutschland", "bundeskanzler-oesterreich")
PRESIDENTS = ("bundespraesident-deutschland", "bundespraesident-oesterreich", "bundespraesident-schweiz")
BUNDESRAT = ("bundesrat-deutschland", "bundesrat-oesterreich", "bundesrat-schweiz")
NATIONALRAT = ("nationalrat-oesterreich", "nationalrat-schweiz")
CHANCELLERIES = ("bundeskanzleramt-deutschland", "bundeskanzleramt-oesterreich")
VICE_CHANCELLORS = ("vizekanzler-deutschland", "vizekanzler-oesterreich")
INTERIOR = ("bundesministerium-des-innern", "innenministerium-oesterreich")
FINANCE = ("bundesministerium-der-finanzen", "finanzministerium-oesterreich")
AUDIT = ("bundesrechnungshof", "rechnungshof-oesterreich")

# Every form that several starter entries share, with its owners: all of them are entries of
# different countries (the test below checks it), never two entries of one country.
SHARED: dict[str, tuple[str, ...]] = {
    # parties
    # not "Grüne": its genitive "Grünes" is the adjective at a sentence start ("Grünes Licht für …")
    "Die Grünen": GREENS, "Grünen": GREENS, "Greens": GREENS,
    "Sozialdemokraten": SOCIAL_DEMOCRATS, "Social Democrats": SOCIAL_DEMOCRATS,
    "Volkspartei": PEOPLES_PARTIES,
    "SVP": ("suedtiroler-volkspartei", "svp"),  # Swiss and South Tyrolean
    "FDP": ("fdp", "fdp-die-liberalen"),
    # parliaments and governments
    "Nationalrat": NATIONALRAT, "Nationalrates": NATIONALRAT,
    "Bundesrat": BUNDESRAT, "Bundesrates": BUNDESRAT,  # CH: the government; AT, DE: the second chamber
    "Bundesversammlung": ("bundesversammlung-deutschland", "bundesversammlung-schweiz"),
    "Bundesregierung": ("bundesregierung-deutschland", "bundesregierung-oesterreich"),
    # offices
    "Bundeskanzler": CHANCELLORS, "Bundeskanzlerin": CHANCELLORS, "Kanzler": CHANCELLORS, "Kanzlerin": CHANCELLORS,
    "Bundeskanzleramt": CHANCELLERIES, "Kanzleramt": CHANCELLERIES,
    "Vizekanzler": VICE_CHANCELLORS, "Vizekanzlerin": VICE_CHANCELLORS,
    "Bundespräsident": PRESIDENTS, "Bundespräsidentin": PRESIDENTS,
    "Innenministerium": INTERIOR, "Innenminister": INTERIOR, "Innenministerin": INTERIOR,  # not "BMI": the body-mass index
    # not "Finanzminister": in Der Standard as often Greece's, Britain's or any country's as Austria's
    "BMF": FINANCE,
    # institutions
    "BKA": ("bundeskanzleramt-oesterreich", "bundeskriminalamt-deutschland"),  # AT: the chancellery; DE: federal police office
    "Bundeskriminalamt": ("bundeskriminalamt-deutschland", "bundeskriminalamt-oesterreich"),
    "Rechnungshof": AUDIT, "Rechnungshofs": AUDIT, "Rechnungshofes": AUDIT,
    "Nationalbank": ("oesterreichische-nationalbank", "schweizerische-nationalbank"),
    "Gewerkschaftsbund": ("deutscher-gewerkschaftsbund", "oesterreichischer-gewerkschaftsbund", "schweizerischer-gewerkschaftsbund"),
}


def mentions(text: str) -> list[tuple[str, str]]:
    return [(m.id, m.text) for m in find_mentions(text, tokenize(text), INDEX, ACTORS)]


# ---------------------------------------------------------------------------- shape


def test_entries_are_valid_with_a_country():
    rows = _rows("dach.tsv")
    assert len(DACH) == len(rows), "one entry per row, ids unique"
    for actor_id, actor in DACH.items():
        assert is_slug(actor_id) and actor.kind in ACTOR_KINDS, actor
        assert actor.wikidata is None or re.fullmatch(r"Q[1-9][0-9]*", actor.wikidata), actor
        assert COUNTRIES[actor_id] in {"at", "de", "ch"} or actor_id == "suedtiroler-volkspartei", actor
    assert COUNTRIES["suedtiroler-volkspartei"] == "it"


def test_counts_per_country():
    counts = collections.Counter(COUNTRIES[actor_id] for actor_id in DACH)
    outlets = collections.Counter(source_countries()[s.id] for s in SOURCES.values() if s.kind == "outlet")
    print(f"\nDACH entries: {dict(counts)}; outlets: {dict(outlets)}")
    assert counts["at"] >= 30 and counts["de"] >= 30 and counts["ch"] >= 15
    assert outlets["at"] >= 10 and outlets["de"] >= 10 and outlets["ch"] >= 5


def test_the_parties_are_there():
    for actor_id in ("oevp", "spoe", "fpoe", AT_GREENS, "neos", "kpoe", "bzoe", "team-stronach", "liste-pilz",
                     "cdu", "csu", "spd", DE_GREENS, "fdp", "die-linke", "afd", "bsw",
                     "svp", "sp-schweiz", "fdp-die-liberalen", "die-mitte-schweiz", CH_GREENS, "gruenliberale-partei"):
        assert actor_id in DACH, actor_id
    assert {a: COUNTRIES[a] for a in GREENS} == {AT_GREENS: "at", DE_GREENS: "de", CH_GREENS: "ch"}


def test_shared_forms_are_exactly_the_intended_ones():
    assert shared_forms() == {form: tuple(sorted(owners)) for form, owners in sorted(SHARED.items())}
    for form, owners in SHARED.items():
        countries = [COUNTRIES[owner] for owner in owners]
        assert len(set(countries)) == len(countries), f"{form!r}: two owners of one country {owners}"


def test_every_entry_has_a_form_of_its_own():
    """So that an article naming it in full ("Bündnis 90/Die Grünen") resolves the shared forms."""
    shared = set(SHARED)
    for actor in DACH.values():
        own = [name for name in (actor.name, *actor.aliases) if name not in shared]
        assert own, actor.id


def test_wikidata_ids_are_the_checked_ones():
    """Only ids checked against Wikidata; the rest stay empty until an editor adds them."""
    assert {a.id: a.wikidata for a in DACH.values() if a.wikidata} == {
        "cdu": "Q49762", "csu": "Q49763", "spd": "Q49768", DE_GREENS: "Q49766", "fdp": "Q13124",
        "die-linke": "Q49764", "afd": "Q6721203", "deutscher-bundestag": "Q154797",
    }


# ---------------------------------------------------------------------------- matching


@pytest.mark.parametrize("text, target", [
    ("Die ÖVP und die SPÖ", "oevp"),
    ("Die FPÖ legte zu", "fpoe"),
    ("die Freiheitlichen", "fpoe"),
    ("NEOS-Chefin Beate Meinl-Reisinger", "neos"),
    ("der Grünen Alternative", AT_GREENS),
    ("die CDU/CSU", "cdu"),
    ("die AfD", "afd"),
    ("das Bündnis Sahra Wagenknecht", "bsw"),
    ("Bündnis 90/Die Grünen", DE_GREENS),
    ("die Grünliberalen", "gruenliberale-partei"),
    ("FDP.Die Liberalen", "fdp-die-liberalen"),
    ("im Deutschen Bundestag", "deutscher-bundestag"),
    ("im Ständerat", "staenderat"),
    ("der Verfassungsgerichtshof", "verfassungsgerichtshof"),
    ("der VfGH", "verfassungsgerichtshof"),
    ("die WKStA ermittelt", "wirtschafts-und-korruptionsstaatsanwaltschaft"),
    ("die OeNB", "oesterreichische-nationalbank"),
    ("die Bundesbank", "deutsche-bundesbank"),
    ("die SNB", "schweizerische-nationalbank"),
    ("das Bundesheer", "bundesheer"),
    ("die Schweizer Armee", "schweizer-armee"),
    ("das AMS", "arbeitsmarktservice"),
    ("der ÖGB", "oesterreichischer-gewerkschaftsbund"),
    ("Bundesinnenministerin Nancy Faeser", "bundesministerium-des-innern"),
    ("the Swiss Federal Council", "bundesrat-schweiz"),
])
def test_forms_match_through_the_real_matcher(text, target):
    assert target in {t for t, _ in mentions(text)}, mentions(text)


@pytest.mark.parametrize("text", [
    "Die Grünen-Chefin über Versagen im Flüchtlingsthema",
    "Der Bundeskanzler sprach im Nationalrat.",
    "Die FDP und die Sozialdemokraten",
    "Der Bundesrat hat entschieden.",
])
def test_shared_forms_alone_stay_unlinked(text):
    assert mentions(text) == []


def test_a_full_name_resolves_the_shared_form():
    text = "Bündnis 90/Die Grünen legten zu. Die Grünen-Chefin sagte …"
    assert mentions(text) == [(DE_GREENS, "Bündnis 90/Die Grünen"), (DE_GREENS, "Die Grünen")]


def test_outlets_are_sources_with_a_country():
    index = build_source_index(SOURCES)
    text = "Wie die Kronen Zeitung und der ORF berichteten, schrieb auch die NZZ und die Frankfurter Allgemeine Zeitung."
    found = {m.id for m in find_source_mentions(text, tokenize(text), index)}
    assert found == {"kronen-zeitung", "orf", "neue-zuercher-zeitung", "frankfurter-allgemeine-zeitung"}
    for source in SOURCES.values():
        assert source.kind in SOURCE_KINDS
    text = "Die Zeit drängt. Ein Blick zurück: im Spiegel, auf dem Bild, in der Presse."
    assert find_source_mentions(text, tokenize(text), index) == []


# ---------------------------------------------------------------------------- countries


def test_agency_countries():
    agencies = agency_countries()
    assert {agencies[a] for a in ("apa", "kathpress")} == {"at"}
    assert agencies["dpa"] == "de" and agencies["keystone-sda"] == "ch" and agencies["reuters"] == "gb"
    assert agencies["afp"] == "fr" and agencies["ap"] == "us" and agencies["tass"] == "ru"
    assert set(agencies) <= {s.id for s in SOURCES.values() if s.kind != "outlet"}
    assert all(re.fullmatch(r"[a-z]{2}", code) for code in source_countries().values())
    assert source_countries()["der-standard"] == "at" and "der-standard" not in agencies


def test_place_and_state_countries():
    places = place_countries()
    assert {places[p] for p in ("wien", "graz", "linz", "salzburg", "innsbruck")} == {"at"}
    assert {places[p] for p in ("berlin", "muenchen", "hamburg", "bonn")} == {"de"}
    assert {places[p] for p in ("zuerich", "bern", "genf", "basel")} == {"ch"}
    assert all(ACTORS[p].kind == "place" for p in places)
    states = state_countries()
    assert states["oesterreich"] == "at" and states["deutschland"] == "de" and states["schweiz"] == "ch"
    assert states["kosovo"] == "xk" and len(states) >= 249
    assert set(states) | set(places) | set(DACH) == set(COUNTRIES)
