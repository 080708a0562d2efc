"""Annotation in context (issue 12): an article's country decides between actors that share a
name ("Die Grünen": Austria's, Germany's or Switzerland's Greens)."""

from __future__ import annotations

from collections import Counter

import pytest

from archive_gen.annotate.actors import build_index, find_mentions
from archive_gen.annotate.context import (
    article_country, choose_by_context, count_states, country_before, states_by_end,
)
from archive_gen.annotate.matcher import END, START, tokenize
from archive_gen.starter import (
    agency_countries, dach_countries, place_countries, starter_countries, starter_registry, state_countries,
)

ACTORS, _ = starter_registry()
INDEX = build_index(ACTORS)
COUNTRY_OF = starter_countries()
PLACES, STATES, AGENCIES = place_countries(), state_countries(), agency_countries()
EVIDENCE = {**STATES, **dach_countries()}  # what count_states weighs: states and DACH institutions
AT_GREENS, DE_GREENS, CH_GREENS = "die-gruenen-die-gruene-alternative", "buendnis-90-die-gruenen", "gruene-schweiz"
GREENS = [DE_GREENS, AT_GREENS, CH_GREENS]


# ---------------------------------------------------------------------------- article_country


def test_the_editor_wins():
    assert article_country("de", ["de"], Counter(de=9), editor_country="AT") == "at"


def test_then_the_dateline():
    assert article_country("at", ["de"], Counter(de=5)) == "at"
    assert article_country(PLACES["berlin"], [AGENCIES["apa"]], Counter(at=3)) == "de"


def test_then_the_agency_unless_another_dach_state_is_named_clearly_more_often():
    assert article_country(None, ["at"], Counter()) == "at"
    assert article_country(None, ["at"], Counter(de=1)) == "at"  # once is not clearly more often
    assert article_country(None, ["at"], Counter(de=3, at=2)) == "at"
    assert article_country(None, ["at"], Counter(de=3)) == "de"
    assert article_country(None, ["at"], Counter(de=5, at=2)) == "de"
    assert article_country(None, ["de"], Counter(af=7)) == "de"  # dpa from Kabul: Germany's Greens
    assert article_country(None, ["at", "at"], [("de", 1)]) == "at"


def test_agencies_of_different_countries_are_no_evidence():
    assert article_country(None, ["at", "de"], Counter()) is None
    assert article_country(None, ["at", "de"], Counter(ch=2)) == "ch"


def test_then_the_state_named_most():
    assert article_country(None, [], Counter(de=3, at=1)) == "de"
    assert article_country(None, [], [("ch", 1)]) == "ch"  # the only state named
    assert article_country(None, [], Counter(de=1, at=1)) is None  # a tie
    assert article_country(None, [], Counter(de=1, at=1, ch=1)) is None
    assert article_country(None, [], Counter(de=2, at=2)) is None
    assert article_country(None, [], Counter(de=1, fr=1)) is None  # one each: too weak


def test_then_the_default_else_nothing():
    assert article_country(None, [], Counter(), default="at") == "at"
    assert article_country(None, [], Counter(de=1, at=1), default="ch") == "ch"
    assert article_country(None, [], None) is None
    assert article_country(None, [None, ""], {}, None, None) is None


def test_codes_are_normalised_and_junk_is_ignored():
    assert article_country(" AT ", [], None) == "at"
    assert article_country("Wien", ["xyz"], {"DE": 2, "": 5, "at": 0}) == "de"


# ---------------------------------------------------------------------------- choose_by_context


def test_choose_by_context():
    assert choose_by_context(GREENS, COUNTRY_OF, "at") == AT_GREENS
    assert choose_by_context(GREENS, COUNTRY_OF, "DE") == DE_GREENS
    assert choose_by_context(GREENS, COUNTRY_OF, "ch") == CH_GREENS
    assert choose_by_context(GREENS, COUNTRY_OF, "fr") is None
    assert choose_by_context(GREENS, COUNTRY_OF, None) is None
    assert choose_by_context(["a", "b"], {"a": "at", "b": "at"}, "at") is None  # two of one country
    assert choose_by_context(["a", "a"], {"a": "at"}, "at") == "a"
    assert choose_by_context([], COUNTRY_OF, "at") is None


def test_a_state_named_at_the_form_wins():
    chancellors = ["bundeskanzler-deutschland", "bundeskanzler-oesterreich"]
    assert choose_by_context(chancellors, COUNTRY_OF, "at", local="de") == "bundeskanzler-deutschland"
    assert choose_by_context(chancellors, COUNTRY_OF, "at", local="tr") is None
    assert choose_by_context(chancellors, COUNTRY_OF, "at", local=None) == "bundeskanzler-oesterreich"


def test_country_before():
    text = "Der deutsche Bundeskanzler traf Österreichs Kanzler und den Bundeskanzler."
    by_end = states_by_end([(4, 12, "de"), (32, 43, "at")])
    assert country_before(text, text.index("Bundeskanzler"), by_end) == "de"
    assert country_before(text, text.index("Kanzler und"), by_end) == "at"
    assert country_before(text, text.rindex("Bundeskanzler"), by_end) is None
    assert country_before(text, 0, by_end) is None


def test_count_states():
    counts = count_states(["oesterreich", "wien", "oesterreich", "deutschland", "nato"], STATES)
    assert counts == Counter(at=2, de=1)
    assert count_states(["oevp", "spd", "oevp", "wien"], EVIDENCE) == Counter(at=2, de=1)


# ---------------------------------------------------------------------------- the examples


def _link(text: str, dateline_place: str | None, agencies: list[str]) -> dict[str, str]:
    """What the annotator will do: the matcher's sure mentions, and the shared forms it left
    unlinked resolved by the article's country."""
    tokens = tokenize(text)
    sure = find_mentions(text, tokens, INDEX, ACTORS)
    country = article_country(
        PLACES.get(dateline_place) if dateline_place else None,
        [AGENCIES.get(a) for a in agencies],
        count_states((m.id for m in sure), EVIDENCE),
    )
    by_end = states_by_end((m.start, m.end, STATES[m.id]) for m in sure if m.id in STATES)
    linked = {m.text: m.id for m in sure}
    covered = {(m.start, m.end) for m in sure}
    for first, last, forms in INDEX.scan(tokens):
        start, end = tokens[first][START], tokens[last][END]
        owners = sorted({f.target for f in forms})
        if len(owners) > 1 and (start, end) not in covered:
            chosen = choose_by_context(owners, COUNTRY_OF, country, local=country_before(text, start, by_end))
            if chosen:
                linked[text[start:end]] = chosen
    return linked


HEADLINE = "Die Grünen-Chefin über Versagen im Flüchtlingsthema"


def test_an_apa_article_from_vienna_means_the_austrian_greens():
    assert _link(HEADLINE, "wien", ["apa"]) == {"Die Grünen": AT_GREENS}


def test_a_dpa_article_from_berlin_means_buendnis_90_die_gruenen():
    assert _link(HEADLINE, "berlin", ["dpa"]) == {"Die Grünen": DE_GREENS}


def test_a_keystone_sda_article_means_the_swiss_greens():
    assert _link(HEADLINE, None, ["keystone-sda"]) == {"Die Grünen": CH_GREENS}


def test_without_context_it_stays_unlinked():
    assert _link(HEADLINE, None, []) == {}


def test_a_party_of_one_country_is_evidence():
    """Der Standard without dateline or agency: the ÖVP named beside them makes them Austria's."""
    text = "Die diversen Parteistrategen der Salzburger ÖVP und der Grünen haben alle Hände voll zu tun."
    assert _link(text, None, []) == {"ÖVP": "oevp", "Grünen": AT_GREENS}


def test_the_text_can_outweigh_the_agency():
    text = ("Die Grünen in Deutschland verlieren. In Deutschland und in Berlin fragt man sich, "
            "was die deutschen Wähler wollen. " + HEADLINE)
    assert _link(text, None, ["apa"])["Die Grünen"] == DE_GREENS


def test_a_state_before_the_office_decides():
    """In an APA article from Vienna, "der deutsche Bundeskanzler" is Germany's and the bare
    "Bundeskanzler" Austria's."""
    text = "Der deutsche Bundeskanzler traf in Wien den Bundeskanzler."
    tokens = tokenize(text)
    sure = find_mentions(text, tokens, INDEX, ACTORS)
    by_end = states_by_end((m.start, m.end, STATES[m.id]) for m in sure if m.id in STATES)
    chosen = []
    for first, last, forms in INDEX.scan(tokens):
        owners = sorted({f.target for f in forms})
        if len(owners) > 1:
            start = tokens[first][START]
            chosen.append(choose_by_context(owners, COUNTRY_OF, "at", local=country_before(text, start, by_end)))
    assert chosen == ["bundeskanzler-deutschland", "bundeskanzler-oesterreich"]


@pytest.mark.parametrize("place, country", [("wien", "at"), ("graz", "at"), ("berlin", "de"), ("zuerich", "ch")])
def test_datelines_have_countries(place, country):
    assert PLACES[place] == country
