"""German index order (DIN 5007-1) and the A–Z jump bar."""

from __future__ import annotations

from hypothesis import given, strategies as st

from archive_gen.render.collate import DIGITS, OTHER, by_initial, fold, initial, initial_key, sort_key


def ordered(names):
    return sorted(names, key=sort_key)


def test_umlauts_file_under_their_base_letter():
    names = ["Zypern", "Österreich", "Ärzte ohne Grenzen", "Ägypten", "Afghanistan", "Oman", "Usbekistan", "Überlingen"]
    assert ordered(names) == ["Afghanistan", "Ägypten", "Ärzte ohne Grenzen", "Oman", "Österreich",
                              "Überlingen", "Usbekistan", "Zypern"]


def test_sharp_s_is_ss_and_the_original_string_breaks_the_tie():
    assert fold("Straße") == fold("Strasse") == "strasse"
    assert ordered(["Straße", "Strasse", "Strassburg"]) == ["Strassburg", "Strasse", "Straße"]
    assert ordered(["Straße", "Strasse"]) == ordered(["Strasse", "Straße"])


def test_case_does_not_decide_but_ties_are_still_ordered():
    assert ordered(["bush", "Blair", "Bush"]) == ["Blair", "Bush", "bush"]
    assert sort_key("Bush", "a") < sort_key("Bush", "b"), "the id is the last tie-breaker"


def test_leading_quotes_do_not_decide_where_a_name_files():
    assert ordered(["„Zeit“", "Abendblatt"]) == ["Abendblatt", "„Zeit“"]
    assert initial("„Zeit“") == "Z"


def test_initials_for_the_jump_bar():
    assert [initial(n) for n in ["Ägypten", "Österreich", "Ärzte ohne Grenzen", "Zypern", "Straße"]] == list("AOAZS")
    assert initial("1. FC Köln") == DIGITS
    assert initial("Владимир Путин") == OTHER
    assert initial("") == DIGITS
    assert initial("Łódź") == "L" and initial("Øresund") == "O"


def test_buckets_come_in_jump_bar_order():
    groups = by_initial(["Zypern", "Ägypten", "Владимир", "3M", "Afghanistan"], name_of=str)
    assert [letter for letter, _ in groups] == [DIGITS, "A", "Z", OTHER]
    assert groups[1][1] == ["Afghanistan", "Ägypten"]
    assert sorted([OTHER, "B", DIGITS, "A"], key=initial_key) == [DIGITS, "A", "B", OTHER]


def test_latin_sorts_before_other_scripts():
    assert ordered(["Владимир", "Zypern", "Ägypten"]) == ["Ägypten", "Zypern", "Владимир"]


@given(st.lists(st.tuples(st.text(max_size=8), st.text(max_size=3)), max_size=20))
def test_the_order_is_total_and_independent_of_input_order(items):
    keys = [sort_key(name, item_id) for name, item_id in items]
    assert sorted(keys) == sorted(reversed(keys))
    distinct = set(items)
    assert len({sort_key(n, i) for n, i in distinct}) == len(distinct), "different entries never tie"
    for name, _ in items:
        assert len(initial(name)) == 1
