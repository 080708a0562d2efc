"""Name matching: German inflection, compounds, ambiguity, surname-only references."""

from archive_gen.annotate.actors import build_index, find_mentions
from archive_gen.annotate.matcher import tokenize
from archive_gen.model import Actor

ACTORS = {
    a.id: a
    for a in [
        Actor("wladimir-putin", "Wladimir Putin", "person", aliases=("Putin", "Vladimir Putin")),
        Actor("kim-jong-un", "Kim Jong-un", "person"),
        Actor("kim-yo-jong", "Kim Yo-jong", "person"),
        Actor("nordkorea", "Nordkorea", "state", aliases=("North Korea",), adjectives=("nordkoreanisch", "north korean"),
              demonyms=("Nordkoreaner",)),
        Actor("russland", "Russland", "state", aliases=("Russia",), adjectives=("russisch",)),
        Actor("nato", "NATO", "organization", aliases=("Nato",)),
        Actor("washington", "Washington", "place"),
        Actor("george-w-bush", "George W. Bush", "person"),
        Actor("l-aquila", "L'Aquila", "place"),
        Actor("usa", "Vereinigte Staaten", "state", aliases=("U.S.", "USA")),
        Actor("georgia", "Georgia", "state"),
        Actor("georgia-us", "Georgia", "place"),
    ]
}
INDEX = build_index(ACTORS)


def mentions(text):
    return [(m.id, m.text) for m in find_mentions(text, tokenize(text), INDEX, ACTORS)]


def test_genitive_adjective_and_demonym_forms_link_to_the_state():
    found = mentions("Nordkoreas Machthaber traf die russischen Gäste; viele Nordkoreanerinnen jubelten, nordkoreanische Kinder auch.")
    assert ("nordkorea", "Nordkoreas") in found
    assert ("russland", "russischen") in found
    assert ("nordkorea", "Nordkoreanerinnen") in found
    assert ("nordkorea", "nordkoreanische") in found


def test_sentence_initial_capitalised_adjective():
    assert mentions("Russische Truppen rückten vor.") == [("russland", "Russische")]


def test_compound_head_links_but_compound_tail_does_not():
    assert mentions("Nato-Generalsekretär Jens sprach.") == [("nato", "Nato")]
    # "Kim" alone is no alias; after the full name it is, but never as part of a compound.
    found = mentions("Kim Jong-un empfing Gäste auf dem Kim-Il-sung-Platz. Kim lächelte.")
    assert found == [("kim-jong-un", "Kim Jong-un"), ("kim-jong-un", "Kim")]


def test_surname_only_needs_a_full_mention_first():
    assert mentions("Putin kam. Später sprach Wladimir Putin.")[0] == ("wladimir-putin", "Putin")  # alias
    assert mentions("Kim sprach lange.") == []  # no full name, no link


def test_short_form_shared_by_two_named_persons_stays_unlinked():
    found = mentions("Kim Jong-un und Kim Yo-jong kamen. Kim sagte nichts.")
    assert ("kim-jong-un", "Kim") not in found and ("kim-yo-jong", "Kim") not in found
    assert len(found) == 2


def test_ambiguous_alias_is_never_guessed():
    assert mentions("In Georgia wurde gewählt.") == []


def test_places_match_in_capitals_for_english_datelines():
    assert mentions("WASHINGTON, Feb 26 - North Korea said") == [("washington", "WASHINGTON"), ("nordkorea", "North Korea")]


def test_names_do_not_run_across_punctuation():
    assert mentions("Er sagte: Wladimir. Putin kam.") == [("wladimir-putin", "Putin")]


def test_names_with_inner_punctuation_match_exactly():
    found = mentions("Präsident George W. Bush besuchte L’Aquila; U.S. officials said so.")
    assert found == [("george-w-bush", "George W. Bush"), ("l-aquila", "L’Aquila"), ("usa", "U.S")]
    assert mentions("George W Bush") == [], "the separator is part of the name"


def test_space_and_hyphen_are_interchangeable_inside_a_name():
    assert mentions("Kim-Jong-un reiste ab.") == [("kim-jong-un", "Kim-Jong-un")]


def test_token_gaps_are_normalised_as_gap_class_says_however_many_distinct_gaps():
    from archive_gen.annotate.matcher import GAP, gap_class, tokenize
    gaps = [f" {'.' * (n % 7)}{',' * (n // 7 % 9)}{chr(0x2010 + n % 5) * (n // 63 % 3)}\n" * (1 + n // 189) for n in range(5000)]
    text = "".join(f"w{n}{gap}" for n, gap in enumerate(gaps))
    tokens = tokenize(text)
    assert [t[GAP] for t in tokens[1:]] == [gap_class(gap) for gap in gaps[:-1]]
