"""A starter registry built from maintained data, so that a new archive links countries,
capitals, international organisations and news agencies before any editor has written a file.

Where the names come from:

- **Countries and territories**: every ISO 3166-1 code that CLDR knows (plus XK, Kosovo), with
  the German and English names of CLDR through Babel (``Locale('de').territories``). CLDR has
  no adjectives or demonyms, so ``countries.tsv`` adds them (and the kind, the Wikidata id and
  the names German news use where CLDR's differs: "Demokratische Republik Kongo" for
  "Kongo-Kinshasa").
- **Cities**: CLDR's exemplar cities of the time zones, in German and English (Wien/Vienna,
  Moskau/Moscow), merged with ``cities.tsv``: every capital and the big cities that have no
  time zone of their own.
- **Organisations** and **agencies**: ``organisations.tsv`` and ``agencies.tsv``; no library
  keeps these.
- **The German-speaking press** (issue 12): ``dach.tsv`` has the parties, parliaments,
  governments, top offices and institutions of Austria, Germany and Switzerland, each with its
  country; ``outlets.tsv`` their newspapers and broadcasters (sources of kind "outlet").
  Forms these countries share ("Die Grünen", "Bundesrat", "Bundeskanzler", "FDP") are aliases
  of every entry that uses them: the matcher leaves them unlinked, and
  :mod:`archive_gen.annotate.context` chooses by the article's country.

Every entry that belongs to one country knows it: :func:`starter_countries` (actors: states,
territories, cities, the DACH institutions), :func:`place_countries` (places only, for
datelines), :func:`state_countries` (states and territories, for counting the states a text
names), :func:`dach_countries` (the dach.tsv entries, evidence of an article's country beside
the states), :func:`agency_countries` and :func:`source_countries` (agencies and outlets).
Codes are ISO 3166-1 alpha-2 in lowercase ("at", "de", "ch"; "xk" for Kosovo).
:func:`shared_forms` lists the forms several entries share on purpose.

Ids are slugs of the German name, the same slugs the editors' files use, so an editor file
(``content/actors/russland.md``) replaces the starter entry with the same id as a whole.

The result is deterministic (sorted, no dependence on dict order of the data) and built once
per process; :func:`starter_registry` hands out fresh dicts of the cached frozen entries.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources

from babel import Locale
from babel.core import get_global
from babel.dates import get_timezone_location

from ..model import Actor, Source
from ..paths import slugify

__all__ = [
    "starter_registry", "country_codes", "starter_countries", "place_countries", "state_countries",
    "dach_countries", "agency_countries", "source_countries", "shared_forms", "STOP_PLACE_NAMES",
]

# CLDR territory codes with two letters that are not countries or territories of ISO 3166-1:
# exceptional reservations (AC Ascension, CP Clipperton, CQ Sark, DG Diego Garcia, EA Ceuta and
# Melilla, IC Canary Islands, TA Tristan da Cunha), groupings (EU, EZ eurozone, UN, QO outlying
# Oceania), pseudo-locales (XA, XB) and ZZ "unknown". XK (Kosovo) is user-assigned in ISO but
# a state that news name every day: kept. Numeric codes (001 world, 150 Europe …) are regions.
NOT_COUNTRIES = frozenset({"AC", "CP", "CQ", "DG", "EA", "IC", "TA", "EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})

# Place names that are never used as names of a starter place, because in running text they are
# mostly something else. The time-zone cities of CLDR are not chosen for news, so this list is
# mostly about them; cities.tsv leaves these out as well (a test checks it).
STOP_PLACE_NAMES = frozenset({
    # common English words
    "Resolute", "Oral", "Wake", "Center", "Phoenix", "Nome",
    # common German words
    "Essen", "Halle", "Hof", "Zug", "Bergen", "Wels", "Münster", "Kanton", "Medina", "Brand", "Lauf",
    # first names and surnames more often than places
    "Regina", "Victoria", "Stanley", "Darwin", "Dawson", "Lindeman", "Macquarie", "Mendoza",
    "Georgetown",  # the Washington district and university more often than Guyana's capital
    # other things: a pepper (and a car), a dog breed, a people, an English county, a town and a
    # noble house in Germany, the Gambia's demonym "Gambier"
    "Cayenne", "Chihuahua", "Menominee", "Norfolk", "Nassau", "Gambier", "Thule", "Chatham",
    # places of the same name in several countries, none clearly first in news
    "Córdoba", "La Rioja", "San Juan", "San Luis", "Merida", "Mérida", "Santarém", "Canton",
    "St. John’s", "St. John's", "St. George’s", "St. George's", "St. Thomas", "St. Vincent",
    "Saint-Pierre", "Cocos", "Midway",
    "Santiago",  # de Chile, de Cuba, de Compostela, de los Caballeros
    # an odd exemplar ("Lower Prince’s Quarter") that nobody writes
    "Lower Prince’s Quarter",
})

_PACKAGE = __name__
_LIST = "|"


# --------------------------------------------------------------------------- tables


def _rows(name: str) -> list[dict[str, str]]:
    """The rows of a package TSV file: ``#`` lines are comments, the first other line names
    the columns."""
    text = resources.files(_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    header: list[str] | None = None
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        if len(cells) != len(header):
            raise ValueError(f"{name}:{number}: {len(cells)} columns, expected {len(header)}")
        rows.append({key: value.strip() for key, value in zip(header, cells)})
    return rows


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(_LIST) if part.strip()]


def _clean(name: str) -> str:
    """CLDR text as written in news: CLDR hyphenates "Reykjavík" with soft hyphens (U+00AD)."""
    return " ".join(name.replace("\u00ad", "").split())


def _unique(names) -> list[str]:
    return list(dict.fromkeys(n for n in names if n))


# German adjective+noun names are written in the nominative; after an article they take the
# weak ending -en: "die Vereinigten Staaten", "im Vereinigten Königreich", "der Europäischen
# Union". Only the adjectives at the start of a name change ("Organisation Amerikanischer
# Staaten" keeps its genitive).
_ADJECTIVE_WORD = re.compile(r"[A-ZÄÖÜ]\w*?(?:isch|t|al|ig|lich|er|är)(e|es|er)")


def german_weak_form(name: str) -> str | None:
    """``Vereinigte Arabische Emirate`` → ``Vereinigten Arabischen Emirate``, else None."""
    words = name.split(" ")
    changed = False
    for i, word in enumerate(words[:-1]):
        match = _ADJECTIVE_WORD.fullmatch(word)
        if not match or not words[i + 1][:1].isupper():
            break
        words[i] = word[: match.start(1)] + "en"
        changed = True
    return " ".join(words) if changed else None


def _with_weak_forms(names: list[str]) -> list[str]:
    return _unique(form for name in names for form in (name, german_weak_form(name)))


def _english_variants(name: str) -> list[str]:
    """CLDR writes "Antigua & Barbuda" and "St. Lucia"; news also write "and" and "Saint"."""
    forms = [name, name.replace(" & ", " and ")]
    forms += ["Saint " + f[4:] for f in forms if f.startswith("St. ")]
    return _unique(forms)


# --------------------------------------------------------------------------- countries


def country_codes() -> list[str]:
    """The ISO 3166-1 alpha-2 codes (and XK) that CLDR names, sorted."""
    return sorted(code for code in Locale("en").territories
                  if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES)


@dataclass
class _Entry:
    """An actor while it is assembled: names in order of preference, first one is the name."""

    kind: str
    names: list[str]
    path: str
    code: str = ""
    wikidata: str | None = None
    adjectives: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    country: str = ""  # ISO 3166-1 alpha-2, lowercase; empty for entries of no one country

    def actor(self) -> Actor:
        name, *aliases = _unique(self.names)
        return Actor(
            id=slugify(name), name=name, kind=self.kind,  # type: ignore[arg-type]
            aliases=tuple(aliases),
            adjectives=tuple(_unique(a.lower() for a in self.adjectives)),
            demonyms=tuple(_unique(self.demonyms)),
            wikidata=self.wikidata or None,
            path=self.path,
        )


def _countries(de: Locale, en: Locale) -> dict[str, _Entry]:
    table = {row["code"]: row for row in _rows("countries.tsv")}
    entries: dict[str, _Entry] = {}
    for code in sorted(set(country_codes()) | set(table)):
        row = table.get(code, {})
        cldr_de = _clean(de.territories.get(code, ""))
        cldr_en = _clean(en.territories.get(code, ""))
        dropped = set(_split(row.get("drop", "")))
        english = [n for n in _unique([row.get("name_en") or cldr_en, cldr_en]) if n not in dropped]
        names = [row.get("name_de") or cldr_de, *english, cldr_de, *_split(row.get("aliases", ""))]
        names = [form for name in names if name not in dropped
                 for form in (_english_variants(name) if name in english else [name])]
        names = _with_weak_forms(_unique(names))
        entries[code] = _Entry(
            kind=row.get("kind") or "place",  # a code CLDR added after this table: a place until an editor says more
            names=names,
            path="archive_gen/starter/countries.tsv",
            code=code,
            wikidata=row.get("wikidata") or None,
            adjectives=_split(row.get("adjectives_de", "")),
            demonyms=_split(row.get("demonyms_de", "")) + _split(row.get("forms_en", "")),
            country=code.lower(),
        )
    return entries


# --------------------------------------------------------------------------- cities


def _zone_cities(de: Locale, en: Locale, codes: set[str]) -> list[tuple[str, str, str]]:
    """(country code, German name, English name) of CLDR's exemplar city of each time zone."""
    cities = []
    for zone, code in sorted(get_global("zone_territories").items()):
        if code not in codes or zone.startswith(("Etc/", "Antarctica/")):
            continue  # research stations and "GMT+3" are not places of the news
        city_de = _clean(get_timezone_location(zone, de, return_city=True))
        city_en = _clean(get_timezone_location(zone, en, return_city=True))
        if "," in city_de + city_en:
            continue  # "Knox, Indiana", "Center, North Dakota": villages named with their state
        cities.append((code, city_de, city_en))
    return cities


def _cities(de: Locale, en: Locale, countries: dict[str, _Entry]) -> list[_Entry]:
    path = "archive_gen/starter/cities.tsv"
    entries: list[_Entry] = []
    for row in _rows("cities.tsv"):
        names = _with_weak_forms(_unique([row["name_de"], *_english_variants(row["name_en"]), *_split(row["aliases"])]))
        entries.append(_Entry("place", names, path, row["code"], row["wikidata"] or None, country=row["code"].lower()))

    country_names = {name for entry in countries.values() for name in entry.names}
    by_name: dict[str, set[int]] = {}
    for i, entry in enumerate(entries):
        for name in entry.names:
            by_name.setdefault(name, set()).add(i)
    for code, city_de, city_en in _zone_cities(de, en, set(countries)):
        names = _unique([city_de, city_en])
        if any(n in STOP_PLACE_NAMES or n in country_names for n in names):
            continue  # "Kuwait", "Monaco", "Bermuda": the zone is named after the country itself
        known = {i for n in names for i in by_name.get(n, ())}
        same_country = [i for i in sorted(known) if entries[i].code == code]
        if same_country:  # Wien/Vienna is in the table already: CLDR's names become aliases
            entries[same_country[0]].names = _unique(entries[same_country[0]].names + names)
        elif not known:
            entries.append(_Entry("place", names, "babel: CLDR time-zone exemplar cities", code, country=code.lower()))
            for n in names:
                by_name.setdefault(n, set()).add(len(entries) - 1)
    return entries


# --------------------------------------------------------------------------- organisations, agencies


def _organisations() -> list[_Entry]:
    return [
        _Entry("organization",
               _with_weak_forms(_unique([row["name_de"], row["name_en"], *_split(row["aliases"])])),
               "archive_gen/starter/organisations.tsv", wikidata=row["wikidata"] or None)
        for row in _rows("organisations.tsv")
    ]


COUNTRY_CODE = re.compile(r"[a-z]{2}")


def _dach() -> list[_Entry]:
    """Parties, parliaments, offices and institutions of Austria, Germany and Switzerland."""
    entries = []
    for number, row in enumerate(_rows("dach.tsv"), 1):
        if not COUNTRY_CODE.fullmatch(row["country"]):
            raise ValueError(f"dach.tsv: row {number}: country {row['country']!r} is no lowercase ISO code")
        names = _with_weak_forms(_unique([row["name_de"], row["name_en"], *_split(row["aliases"])]))
        entries.append(_Entry(row["kind"], names, "archive_gen/starter/dach.tsv",
                              wikidata=row["wikidata"] or None, country=row["country"]))
    return entries


def _sources() -> tuple[dict[str, Source], dict[str, str]]:
    """News and photo agencies (agencies.tsv) and outlets (outlets.tsv), and their countries."""
    sources: dict[str, Source] = {}
    countries: dict[str, str] = {}
    tables = [("agencies.tsv", None), ("outlets.tsv", "outlet")]
    for table, kind in tables:
        for row in _rows(table):
            if row["id"] in sources:
                raise ValueError(f"{table}: id '{row['id']}' twice")
            names = _unique([row["name"], *_split(row["aliases"])])
            sources[row["id"]] = Source(
                id=row["id"], name=names[0], kind=kind or row["kind"], aliases=tuple(names[1:]),
                url=row["url"] or None, path=f"archive_gen/starter/{table}",
            )
            if row["country"]:
                if not COUNTRY_CODE.fullmatch(row["country"]):
                    raise ValueError(f"{table}: {row['id']}: country {row['country']!r} is no lowercase ISO code")
                countries[row["id"]] = row["country"]
    return dict(sorted(sources.items())), dict(sorted(countries.items()))


# --------------------------------------------------------------------------- the registry


@dataclass(frozen=True)
class _Built:
    actors: tuple[tuple[str, Actor], ...]
    sources: tuple[tuple[str, Source], ...]
    countries: tuple[tuple[str, str], ...]  # actor id -> ISO code (lowercase)
    source_countries: tuple[tuple[str, str], ...]  # source id -> ISO code (lowercase)


@functools.cache
def build() -> _Built:
    de, en = Locale("de"), Locale("en")
    countries = _countries(de, en)
    entries = [*countries.values(), *_cities(de, en, countries), *_organisations(), *_dach()]
    actors: dict[str, Actor] = {}
    country_of: dict[str, str] = {}
    for entry in entries:
        actor = entry.actor()
        if actor.id in actors:
            raise ValueError(f"starter registry: id '{actor.id}' for both {actors[actor.id].name!r} and {actor.name!r}")
        actors[actor.id] = actor
        if entry.country:
            country_of[actor.id] = entry.country
    sources, source_countries = _sources()
    return _Built(tuple(sorted(actors.items())), tuple(sources.items()),
                  tuple(sorted(country_of.items())), tuple(source_countries.items()))


def starter_registry() -> tuple[dict[str, Actor], dict[str, Source]]:
    """Starter actors (states, territories, places, organisations) and sources (agencies,
    outlets), by id. Built once per process; every call returns new dicts, so callers may
    change them."""
    built = build()
    return dict(built.actors), dict(built.sources)


from .countries import (agency_countries, dach_countries, place_countries, shared_forms,  # noqa: E402
                        source_countries, starter_countries, state_countries)
