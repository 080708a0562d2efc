"""The sign-off grammar: real sign-offs parse, ordinary parentheses do not."""

from __future__ import annotations

import csv
import datetime as dt
import re

import pytest

from archive_gen.ingest import wire
from archive_gen.model import SignOff
from archive_gen.ingest.signoff import (
    WIRE_CODES,
    date_problem,
    find_inner_signoff,
    find_signoff,
    parse_date,
    parse_signoff,
)

from conftest import shared_file

D = dt.date
# The item separators of the grammar, to find date-shaped items in any parenthesis.
_ITEM_SEPARATOR = re.compile(r"\s*(?:[,;/]|[–—]|\s-\s)\s*")


def has_date_item(text: str) -> bool:
    """True when some item of a parenthesis looks like a numeric date."""
    inner = text.strip().strip("()")
    return any(parse_date(item)[1] for item in _ITEM_SEPARATOR.split(inner))

# (sign-off as printed, date, agencies, authors, editor codes, place)
# Taken from derstandard-10kgnad.csv (10kGNAD, Der Standard 2015–16) and from the seed article.
REAL_SIGNOFFS = [
    ("(APA, 16.8.2015)", D(2015, 8, 16), ("APA",), (), (), None),
    ("(APA/dpa, 8.8.2015)", D(2015, 8, 8), ("APA", "dpa"), (), (), None),
    ("(red, 31. 7. 2015)", D(2015, 7, 31), (), (), ("red",), None),
    ("(APA; 15.8.2015)", D(2015, 8, 15), ("APA",), (), (), None),
    ("(Maria Sterkl, 19.10.2015)", D(2015, 10, 19), (), ("Maria Sterkl",), (), None),
    ("(APA/sid/red – 11.7. 2015)", D(2015, 7, 11), ("APA", "sid"), (), ("red",), None),
    ("(APA/red – 8.8. 2015)", D(2015, 8, 8), ("APA",), (), ("red",), None),
    ("(Thomas Mayer aus Brüssel, 14.12.2015)", D(2015, 12, 14), (), ("Thomas Mayer",), (), "Brüssel"),
    (
        "(Birgit Baumann aus Garmisch-Partenkirchen, 6.6.2015)",
        D(2015, 6, 6),
        (),
        ("Birgit Baumann",),
        (),
        "Garmisch-Partenkirchen",
    ),
    (
        "(Text: Maria Sterkl, Video: Maria von Usslar, 1.10.2015)",
        D(2015, 10, 1),
        (),
        ("Maria Sterkl", "Maria von Usslar"),
        (),
        None,
    ),
    ("(Reuters, APA, red)", None, ("Reuters", "APA"), (), ("red",), None),
    ("(nim, krud, mika, jub, mro)", None, (), (), ("nim", "krud", "mika", "jub", "mro"), None),
    ("(APA)", None, ("APA",), (), (), None),
    ("(red, 13.02.16)", D(2016, 2, 13), (), (), ("red",), None),
    ("(7.8.2015)", D(2015, 8, 7), (), (), (), None),
    ("(Conrad Seidl, DER STANDARD, 5.8.2015)", D(2015, 8, 5), (), ("Conrad Seidl",), (), None),
    (
        "(Katharina Mittelstaedt, Wolfgang Weisgram, 26.4.2016)",
        D(2016, 4, 26),
        (),
        ("Katharina Mittelstaedt", "Wolfgang Weisgram"),
        (),
        None,
    ),
    ("(Markus Bernath; 01.11.2015)", D(2015, 11, 1), (), ("Markus Bernath",), (), None),
    ("(Colette M. Schmidt, 24.10.2015)", D(2015, 10, 24), (), ("Colette M. Schmidt",), (), None),
    ("(Sandra Čapljak, 5.6.2015)", D(2015, 6, 5), (), ("Sandra Čapljak",), (), None),
    ("(stu., 9.9.2015)", D(2015, 9, 9), (), (), ("stu.",), None),
    ("(ste, kub, 2.11.2015)", D(2015, 11, 2), (), (), ("ste", "kub"), None),
    ("(APA, Reuters, 2.8.2015)", D(2015, 8, 2), ("APA", "Reuters"), (), (), None),
    ("(red, APA, 19.6.2024)", D(2024, 6, 19), ("APA",), (), ("red",), None),  # the seed
]

# Parentheses that end a paragraph in real text but are no sign-offs (derstandard-10kgnad.csv).
NOT_SIGNOFFS = [
    "(48.)",  # a minute in a football report
    "(51.)",
    "(Rückenbeschwerden)",  # a reason in a squad list
    "(alle angeschlagen)",
    "(ESP)",  # a country code in tennis results
    "(GER)",
    "(ESP, GER)",
    "(Hans Müller)",  # a person alone is a mention, not a sign-off
    "(sic)",
    "(Anm. d. Red.)",
    "(Tag nach dem Referendum; Anm.)",
    "(1:0)",
    "(ÖVP)",
    "(Totes Gebirge: Ernst Kaltenbrunners Alpeninszenierung des Endes, Werner Liersch in der "
    "Berliner Zeitung, 23.4.2005)",  # a literature reference with a date
    "()",
    "( , ; )",
]


@pytest.mark.parametrize("raw, date, agencies, authors, codes, place", REAL_SIGNOFFS)
def test_real_signoffs_parse(raw, date, agencies, authors, codes, place):
    signoff = parse_signoff(raw, line=7)
    assert signoff is not None
    assert (signoff.raw, signoff.line, signoff.date) == (raw, 7, date)
    assert signoff.agencies == agencies
    assert signoff.authors == authors
    assert signoff.editor_codes == codes
    assert signoff.place == place


@pytest.mark.parametrize("raw", NOT_SIGNOFFS)
def test_ordinary_parentheses_are_rejected(raw):
    assert parse_signoff(raw) is None
    assert find_signoff(f"Der Satz davor. {raw}") is None


def test_parentheses_are_optional_for_parse_signoff():
    assert parse_signoff("red, APA, 19.6.2024") == SignOff(
        raw="red, APA, 19.6.2024", line=1, date=D(2024, 6, 19), agencies=("APA",), editor_codes=("red",)
    )


def test_impossible_year_keeps_signoff_without_date():
    # derstandard-10kgnad.csv: "(APA, 30.9.3015)", a typo for 2015
    signoff = parse_signoff("(APA, 30.9.3015)")
    assert signoff is not None and signoff.date is None and signoff.agencies == ("APA",)
    assert date_problem(signoff) == "sign-off date '30.9.3015' is not a valid date"


def test_impossible_day_keeps_signoff_and_reports_it():
    signoff = parse_signoff("(red, 31.2.2016)")
    assert signoff is not None and signoff.date is None
    assert "31.2.2016" in date_problem(signoff)


def test_date_problem_is_none_for_valid_or_undated_signoffs():
    assert date_problem(parse_signoff("(APA, 16.8.2015)")) is None
    assert date_problem(parse_signoff("(Reuters, APA, red)")) is None


@pytest.mark.parametrize(
    "item, expected",
    [
        ("16.8.2015", D(2015, 8, 16)),
        ("31. 7. 2015", D(2015, 7, 31)),
        ("11.7. 2015", D(2015, 7, 11)),
        ("13.02.16", D(2016, 2, 13)),
        ("3.4.98", D(1998, 4, 3)),
        ("2015-08-16", D(2015, 8, 16)),
        ("16. August 2015", D(2015, 8, 16)),
        ("3. Jänner 2016", D(2016, 1, 3)),
    ],
)
def test_date_items(item, expected):
    assert parse_date(item) == (expected, True)


def test_date_like_but_invalid_items():
    assert parse_date("30.9.3015") == (None, True)
    assert parse_date("48.") == (None, False)
    assert parse_date("APA") == (None, False)


def test_find_signoff_splits_text_before():
    text = "Putins Besuch zeige die enge Verbindung, sagte Stoltenberg. (red, APA, 19.6.2024)"
    before, signoff = find_signoff(text, line=3)
    assert before == "Putins Besuch zeige die enge Verbindung, sagte Stoltenberg."
    assert signoff.raw == "(red, APA, 19.6.2024)" and signoff.line == 3


def test_find_signoff_accepts_a_stray_dot_after_the_parenthesis():
    before, signoff = find_signoff("Ende. (APA, 1.2.2016).")
    assert before == "Ende." and signoff.raw == "(APA, 1.2.2016)"


def test_unclosed_signoff_at_the_very_end():
    # derstandard-10kgnad.csv: an article cut off before the closing parenthesis
    before, signoff = find_signoff("… im Aufsichtsrat. (Renate Graber, 23.11.2015")
    assert before == "… im Aufsichtsrat."
    assert signoff.date == D(2015, 11, 23) and signoff.authors == ("Renate Graber",)


def test_unclosed_parenthesis_without_date_is_text():
    assert find_signoff("Das war es (Hans Müller") is None
    assert find_signoff("Das war es (APA") is None


def test_signoff_must_be_trailing():
    assert find_signoff("(APA, 16.8.2015) Danach folgt noch Text.") is None


def test_person_list_with_und():
    signoff = parse_signoff("(Maria Sterkl und Irene Brickner, 3.4.2015)")
    assert signoff.authors == ("Maria Sterkl", "Irene Brickner")


def test_wire_codes_are_lowercase_constants():
    assert all(code == code.lower() for code in WIRE_CODES)


# --------------------------------------------------------------------------- corpus

_TRAILING = re.compile(r"\(([^()]*)\)?\s*$")
_NUMERIC_DATE = re.compile(r"(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{2,4})")
_AGENCY_LIKE = re.compile(r"\b(?:[A-Z]{2,}|" + "|".join(sorted(WIRE_CODES)) + r")\b")


def _expected_date(parenthesis: str) -> dt.date | None:
    """The date a human reads in the parenthesis, computed independently of the grammar."""
    match = _NUMERIC_DATE.search(parenthesis)
    day, month, year = (int(g) for g in match.groups())
    year += 2000 if year < 100 else 0
    if not 1900 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _derstandard_texts() -> list[str]:
    with shared_file("corpus", "derstandard-10kgnad.csv").open(encoding="utf-8", newline="") as handle:
        return [row[1] for row in csv.reader(handle, delimiter=";", quotechar="'") if len(row) > 1]


@pytest.mark.corpus
def test_corpus_trailing_parentheses():
    texts = _derstandard_texts()
    assert len(texts) == 514
    trailing = [m.group(0).strip() for t in texts if (m := _TRAILING.search(t.rstrip()))]

    dated = [p for p in trailing if has_date_item(p)]
    for parenthesis in dated:
        signoff = parse_signoff(parenthesis)
        assert signoff is not None, parenthesis
        assert signoff.date == _expected_date(parenthesis), parenthesis

    for known in ("(48.)", "(51.)", "(Rückenbeschwerden)", "(alle angeschlagen)"):
        assert known in trailing
        assert parse_signoff(known) is None

    relevant = [p for p in trailing if has_date_item(p) or _AGENCY_LIKE.search(p)]
    parsed = [p for p in relevant if parse_signoff(p) is not None]
    coverage = len(parsed) / len(relevant)
    print(
        f"\nderstandard: {len(texts)} articles, {len(trailing)} trailing parentheses, "
        f"{len(dated)} dated, {len(parsed)}/{len(relevant)} with an agency or date parse "
        f"({coverage:.1%})"
    )
    assert len(relevant) >= 35
    assert coverage >= 0.95


@pytest.mark.corpus
def test_corpus_whole_articles_end_in_signoffs():
    """find_signoff on every article text: each hit is a parseable tail, each date real."""
    texts = _derstandard_texts()
    found = [f for t in texts if (f := find_signoff(t)) is not None]
    assert len(found) >= 40
    for before, signoff in found:
        assert before and not before.endswith(" ")
        assert signoff.date is not None or date_problem(signoff) or not has_date_item(signoff.raw)


@pytest.mark.corpus
def test_corpus_dated_parentheses_anywhere():
    """Mid-text sign-offs (before appended result tables) parse too; citations do not."""
    texts = _derstandard_texts()
    found = [m.group(0) for t in texts for m in re.finditer(r"\([^()]{1,200}\)", t)]
    dated = [p for p in found if has_date_item(p)]
    rejected = [p for p in dated if parse_signoff(p) is None]
    parsed = len(dated) - len(rejected)
    print(f"\nderstandard: {parsed}/{len(dated)} dated parentheses parse; rejected: {rejected}")
    assert all("Zeitung" in p for p in rejected)  # only the literature reference
    assert parsed >= 50


def test_bare_agency_name_after_the_last_sentence_is_a_sign_off():
    """Reuters closes its stories with the agency's name on a line of its own."""
    before, signoff = find_signoff("Prices rose, traders said. Reuter")
    assert before == "Prices rose, traders said." and signoff.agencies == ("Reuters",)
    assert find_signoff("Das meldete die APA") is None  # no sentence end before it: text
    assert find_signoff("He said so. Banana") is None  # not a wire code


# --------------------------------------------------------------------------- issue 12: sign-offs anywhere


def test_date_glued_to_the_agency_is_an_item_of_its_own():
    signoff = parse_signoff("(APA 4.9.2015)")
    assert signoff is not None and signoff.agencies == ("APA",) and signoff.date == D(2015, 9, 4)


def test_a_section_name_next_to_an_author_is_no_agency():
    # derstandard.at style: "Album" is the paper's weekend section
    signoff = parse_signoff("(Wolfgang Weisgram, Album, 14.2.2016)")
    assert signoff is not None
    assert signoff.authors == ("Wolfgang Weisgram",) and signoff.agencies == ()
    assert signoff.date == D(2016, 2, 14)
    assert parse_signoff("(Bloomberg, 3.4.2015)").agencies == ("Bloomberg",)  # alone it is one


def test_a_sign_off_before_an_appended_box_in_text_without_paragraph_breaks():
    # derstandard-10kgnad.csv row 196 (EM qualification report with its results table)
    text = ("Im nächsten Spiel am 12. Oktober gegen die Schweiz genießen sie Heimvorteil. (APA, 5.9.2015) "
            "Fußball-Ergebnisse EM-Qualifikation: Gruppe C – 7. Runde: Ukraine – Weißrussland 3:1")
    before, signoff, after = find_inner_signoff(text)
    assert before.endswith("Heimvorteil.") and after.startswith("Fußball-Ergebnisse")
    assert signoff.date == D(2015, 9, 5)
    doc = wire.parse(text, "a.txt")
    assert doc.signoff.date == D(2015, 9, 5)
    assert [b.text[:18] for b in doc.blocks] == ["Im nächsten Spiel ", "Fußball-Ergebnisse"]


def test_a_citation_inside_a_sentence_is_no_sign_off():
    assert find_inner_signoff("Das berichtete die Zeitung (APA, 5.9.2015) am Montag. Dann mehr.") is None
    assert find_inner_signoff("Ende. (48.) Dann mehr.") is None


def test_the_seed_article_flattened_keeps_its_sign_off():
    text = shared_file("seeds", "000_4d51e86498f00da2.txt").read_text(encoding="utf-8")
    flat = " ".join(text.split())
    assert wire.parse(flat, "flat.txt").signoff.date == D(2024, 6, 19)


def _dated_signoff_rows() -> list[tuple[int, str]]:
    """Der Standard rows with a dated parenthesis the grammar reads as a sign-off."""
    rows = []
    for index, text in enumerate(_derstandard_texts()):
        parentheses = [m.group(0) for m in re.finditer(r"\([^()]{1,200}\)", text)]
        if any(has_date_item(p) and parse_signoff(p) is not None for p in parentheses):
            rows.append((index, text))
    return rows


@pytest.mark.corpus
def test_corpus_dated_sign_offs_are_found_in_flattened_text():
    """Dated sign-offs become the article's sign-off, also with paragraph breaks removed.
    The held-out part (rows whose index % 5 == 0) is checked apart; its misses were among the
    failures seen when the inner-sign-off rule was written (a generic rule, not one per row)."""
    rows = _dated_signoff_rows()
    for part, selected in (("held out", [r for r in rows if r[0] % 5 == 0]), ("rest", [r for r in rows if r[0] % 5])):
        found = sum(1 for _, text in selected if wire.parse(" ".join(text.split()), "a.txt").signoff is not None)
        print(f"\nderstandard {part}: {found}/{len(selected)} dated sign-offs found in flattened text")
        assert found >= 0.95 * len(selected)


def test_a_dated_citation_in_an_earlier_paragraph_is_no_sign_off():
    text = ("Die Behörde bestätigte das. (APA, 5.9.2015) Weitere Details folgten.\n\n"
            "Der zweite Absatz endet ohne Sign-off.")
    doc = wire.parse(text, "a.txt")
    assert doc.signoff is None
    assert "(APA, 5.9.2015)" in doc.blocks[0].text
