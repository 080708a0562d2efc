"""The raw wire-text reader: header, blocks, captions, sign-off, dateline, line numbers."""

from __future__ import annotations

import csv
import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive_gen.errors import ContentError, Severity
from archive_gen.ingest import wire
from archive_gen.ingest.wire import find_dateline
from archive_gen.model import SourceDoc

from conftest import shared_file

# An excerpt of seeds/000_4d51e86498f00da2.txt (one line per paragraph, as in the file).
EXCERPT = """\
 date 2024-06 Der nordkoreanische Machthaber Kim Jong-un hat seinem russischen Kollegen Wladimir Putin die "bedingungslose Unterstützung" seines Landes versprochen.

Russlands Präsident Wladimir Putin wurde in Nordkorea von Machthaber Kim Jong-un und mit militärischen Ehren empfangen. IMAGO/Gavriil Grigorov

Nach Angaben aus dem Weißen Haus gehen die USA davon aus, dass auch die Lieferung von Raketen vereinbart wurde.

Putin kündigt "Grundlagendokument" zwischen Russland und Nordkorea an

AFP

Neben mehreren gemeinsamen Mahlzeiten waren auch eine Kranzniederlegung und ein Konzertbesuch angekündigt.

Auch Russlands staatliche gelenkte Bildagentur Sputnik stellte Bilder zur Verfügung. EPA/GAVRIIL GRIGOROV / SPUTNIK /

Putins Besuch in Nordkorea zeige die sehr enge Verbindung, sagte Stoltenberg am Dienstag in Washington. (red, APA, 19.6.2024)"""


def _kinds(doc: SourceDoc) -> list[str]:
    return [b.kind for b in doc.blocks]


def _check_offsets(doc: SourceDoc) -> None:
    """Every block's offsets point at its text; the dateline at its place."""
    for block in doc.blocks:
        assert doc.text[block.start : block.end] == block.text
    if doc.dateline:
        assert doc.text[doc.dateline.start : doc.dateline.end] == doc.dateline.place


def test_excerpt_blocks():
    doc = wire.parse(EXCERPT, "content/articles/kim.txt")
    assert doc.path == "content/articles/kim.txt" and doc.format == "wire"
    assert (doc.header_date, doc.header_line) == ("2024-06", 1)
    assert _kinds(doc) == ["paragraph", "caption", "paragraph", "subhead", "credit", "paragraph", "caption", "paragraph"]
    assert [b.line for b in doc.blocks] == [1, 3, 5, 7, 9, 11, 13, 15]
    assert doc.blocks[0].text.startswith("Der nordkoreanische Machthaber")
    assert doc.blocks[1].credit == "IMAGO/Gavriil Grigorov"
    assert doc.blocks[1].text.endswith("militärischen Ehren empfangen.")
    assert (doc.blocks[4].text, doc.blocks[4].credit) == ("AFP", "AFP")
    assert doc.blocks[6].credit == "EPA/GAVRIIL GRIGOROV / SPUTNIK /"
    assert doc.blocks[-1].text.endswith("in Washington.")
    assert doc.signoff.raw == "(red, APA, 19.6.2024)"
    assert doc.signoff.line == 15
    assert doc.dateline is None
    assert doc.notes == ()
    _check_offsets(doc)


@pytest.mark.corpus
def test_seed_article():
    seed = shared_file("seeds", "000_4d51e86498f00da2.txt")
    doc = wire.parse(seed.read_text(encoding="utf-8"), "seed.txt")
    assert doc.header_date == "2024-06"
    captions = [b for b in doc.blocks if b.kind == "caption"]
    assert len(captions) == 10
    assert [c.credit for c in captions] == [
        "IMAGO/Gavriil Grigorov",
        "AFP/POOL/GAVRIIL GRIGOROV",
        "IMAGO/Gavriil Grigorov",
        "IMAGO/Gavriil Grigorov",
        "IMAGO/Gavriil Grigorov",
        "IMAGO/Gavriil Grigorov",
        "EPA/GAVRIIL GRIGOROV / SPUTNIK /",
        "AFP/POOL/GAVRIIL GRIGOROV",
        "AP/Ahn Young-joon",
        "EPA/GAVRIIL GRIGOROV / SPUTNIK /",
    ]
    assert all(not c.text.endswith(c.credit) for c in captions)
    subheads = [b.text for b in doc.blocks if b.kind == "subhead"]
    assert subheads == ['Putin kündigt "Grundlagendokument" zwischen Russland und Nordkorea an']
    credits = [b for b in doc.blocks if b.kind == "credit"]
    assert [(c.text, c.credit, c.line) for c in credits] == [("AFP", "AFP", 21)]
    assert doc.signoff.date == dt.date(2024, 6, 19)
    assert doc.signoff.agencies == ("APA",)
    assert doc.signoff.editor_codes == ("red",)
    assert doc.signoff.line == 47
    assert doc.blocks[-1].text.endswith("am Dienstag in Washington.")
    assert doc.notes == ()
    _check_offsets(doc)


# --------------------------------------------------------------------------- header


@pytest.mark.parametrize(
    "text, date, lead",
    [
        ("date 2024-06 Lead beginnt hier.", "2024-06", "Lead beginnt hier."),
        ("   date 2024-06-19\n\nLead.", "2024-06-19", "Lead."),
        ("date: 2024-6\nLead.", "2024-06", "Lead."),
        ("Date 2024-06-19 Lead.", "2024-06-19", "Lead."),
        ("\n\ndate 2024-06\nLead.", "2024-06", "Lead."),
    ],
)
def test_header_forms(text, date, lead):
    doc = wire.parse(text, "a.txt")
    assert doc.header_date == date
    assert doc.blocks[0].text == lead


def test_header_line_when_header_follows_blank_lines():
    doc = wire.parse("\n\ndate 2024-06\nLead.", "a.txt")
    assert doc.header_line == 3 and doc.blocks[0].line == 4


def test_no_header_is_fine():
    doc = wire.parse("Der Lead.\n\nMehr Text.", "a.txt")
    assert doc.header_date is None and doc.notes == ()
    assert doc.blocks[0].text == "Der Lead."


def test_date_word_inside_text_is_not_a_header():
    doc = wire.parse("Das update 2024-06 kam spät.", "a.txt")
    assert doc.header_date is None


@pytest.mark.parametrize("header", ["date 2024-13", "date 2024-02-30", "date 0024-01"])
def test_invalid_header_date_warns(header):
    doc = wire.parse(f"{header} Der Lead.", "a.txt")
    assert doc.header_date is None
    assert doc.blocks[0].text == "Der Lead."
    (note,) = doc.notes
    assert (note.path, note.line, note.severity) == ("a.txt", 1, Severity.WARNING)
    assert header in note.message


# --------------------------------------------------------------------------- paragraphs


def test_multiline_paragraphs_join_with_a_space_and_keep_their_first_line():
    text = "date 2024-06\nErste Zeile\nzweite Zeile.\n\n\n\nNächster Absatz\n  eingerückt.\n"
    doc = wire.parse(text, "a.txt")
    assert [(b.text, b.line) for b in doc.blocks] == [
        ("Erste Zeile zweite Zeile.", 2),
        ("Nächster Absatz eingerückt.", 7),
    ]


def test_crlf_and_cr_line_ends():
    doc = wire.parse("date 2024-06\r\nLead.\r\n\r\nZweiter.\rDritte Zeile.", "a.txt")
    assert [(b.text, b.line) for b in doc.blocks] == [("Lead.", 2), ("Zweiter. Dritte Zeile.", 4)]


def test_first_block_is_never_a_subhead():
    doc = wire.parse("Ein Titel ohne Punkt\n\nDer Text.", "a.txt")
    assert _kinds(doc) == ["paragraph", "paragraph"]


@pytest.mark.parametrize(
    "paragraph, kind",
    [
        ("Was bedeutet das für Österreich", "subhead"),
        ('Putin kündigt "Grundlagendokument" an', "subhead"),
        ("Kim Jong-un (links)", "subhead"),
        ("Ein kurzer Satz.", "paragraph"),
        ("Wie geht es weiter?", "paragraph"),
        ("Er sagte:", "paragraph"),
        ("- ein Listenpunkt", "paragraph"),
        ("(itu)", "paragraph"),
        ("kleingeschrieben ohne Punkt", "paragraph"),
        ("12:3", "paragraph"),
        ("Sehr lang " * 15, "paragraph"),
    ],
)
def test_subhead_rule(paragraph, kind):
    doc = wire.parse(f"Der Lead.\n\n{paragraph}\n\nWeiter im Text.", "a.txt")
    assert doc.blocks[1].kind == kind


def test_credit_line_and_caption_anywhere():
    doc = wire.parse("Lead.\n\nFoto: Reuters\n\nDie Menge jubelt. AFP\n\nText.", "a.txt")
    assert [(b.kind, b.text, b.credit) for b in doc.blocks] == [
        ("paragraph", "Lead.", None),
        ("credit", "Foto: Reuters", "Foto: Reuters"),
        ("caption", "Die Menge jubelt.", "AFP"),
        ("paragraph", "Text.", None),
    ]


# --------------------------------------------------------------------------- sign-off


def test_signoff_alone_in_last_paragraph_drops_the_block():
    doc = wire.parse("Lead.\n\nLetzter Satz.\n\n(APA, 16.8.2015)\n", "a.txt")
    assert [b.text for b in doc.blocks] == ["Lead.", "Letzter Satz."]
    assert doc.signoff.line == 5 and doc.signoff.date == dt.date(2015, 8, 16)


def test_signoff_line_inside_a_multiline_paragraph():
    doc = wire.parse("Lead.\n\nLetzter Satz,\nder weitergeht.\n(Maria Sterkl, 19.10.2015)", "a.txt")
    assert doc.blocks[-1].text == "Letzter Satz, der weitergeht."
    assert doc.signoff.line == 5 and doc.signoff.authors == ("Maria Sterkl",)


def test_impossible_signoff_date_is_a_warning():
    # derstandard-10kgnad.csv: "(APA, 30.9.3015)"
    doc = wire.parse("Lead.\n\nSchluss. (APA, 30.9.3015)", "a.txt")
    assert doc.signoff is not None and doc.signoff.date is None
    (note,) = doc.notes
    assert (note.line, note.severity) == (3, Severity.WARNING)
    assert "30.9.3015" in note.message


def test_non_signoff_parenthesis_stays_in_the_text():
    doc = wire.parse("Lead.\n\nDer Ausgleich fiel spät (48.)", "a.txt")
    assert doc.signoff is None and doc.blocks[-1].text == "Der Ausgleich fiel spät (48.)"


def test_dated_signoff_before_an_appended_box():
    # derstandard-10kgnad.csv: "(Rainer Sigl, 9.3.2016) Factorio ist im Early Access … erschienen."
    text = "Lead.\n\nFazit des Tests. (Rainer Sigl, 9.3.2016)\n\nFactorio ist im Early Access erschienen. UVP: 20 Euro"
    doc = wire.parse(text, "a.txt")
    assert doc.signoff.authors == ("Rainer Sigl",) and doc.signoff.line == 3
    assert [b.text for b in doc.blocks] == [
        "Lead.",
        "Fazit des Tests.",
        "Factorio ist im Early Access erschienen. UVP: 20 Euro",
    ]


def test_undated_signoff_only_in_the_last_paragraph():
    doc = wire.parse("Lead. (APA)\n\nSchluss.", "a.txt")
    assert doc.signoff is None and doc.blocks[0].text == "Lead. (APA)"


# --------------------------------------------------------------------------- dateline


@pytest.mark.parametrize(
    "text, place",
    [
        ("Wien – Die Gewerkschaft GPA-djp sieht Handlungsbedarf.", "Wien"),
        # derstandard-10kgnad.csv: title and lead run into the text
        (
            'Die Gewerkschaft lanciert den "All-in-Rechner" und findet, dass die Vertragsform auf die '
            "Führungsebene beschränkt gehört. Wien – Die Gewerkschaft GPA-djp sieht Handlungsbedarf.",
            "Wien",
        ),
        ("Zahl der Toten steigt. Berlin/Brüssel – In Deutschland verschärft sich die Debatte.", "Berlin/Brüssel"),
        ("Ein Titel. Rio de Janeiro – Der Weltranglisten-19. gewann.", "Rio de Janeiro"),
        ("Ein Titel. St. Pölten – Noch vor dem Beschluss.", "St. Pölten"),
        ("Ein Titel. Iowa City / Wien – In der Biologie.", "Iowa City / Wien"),
        ("Ein Titel. Breslau (Wroclaw) – Noch wird gestritten.", "Breslau"),
        ("Ein Titel. Wien - Was arbeitsamen Radioredakteuren blüht.", "Wien"),
        ('Er sagte: "Nie wieder". Berlin – Die Polizei bestätigt.', "Berlin"),
        # reuters21578.jsonl: the dateline field followed by the body
        ("WASHINGTON, Feb 26 - The U.S. Agriculture Department said.", "WASHINGTON"),
        ("SAN JOSE, Calif., March 2 - Shares rose.", "SAN JOSE"),
        ("London, March 12 - The Bank of England said.", "London"),
    ],
)
def test_datelines(text, place):
    found = find_dateline(text)
    assert found is not None
    assert found[0] == place and text[found[1] : found[2]] == place


@pytest.mark.parametrize(
    "text",
    [
        "Franzosen verteidigen 2:1-Führung – Kritische Stimmen zu Schweden.",
        "Facebook, Google, Microsoft – alle arbeiten an Virtual Reality.",
        "Neben Google und Verizon – Time-Verlag ebenfalls interessiert.",
        "Wegen Irreführung der Verbraucher – Kein Preisvergleichsportal.",
        "Finanzministerrat am 6. Oktober – Vestager plant Neues.",
        "Der Vorschlag kam. Die Grünen – allen voran Glawischnig – lehnten ab.",
        "Er zog nach St. Petersburg. Dort – so heißt es – lebt er.",
        "Wien ist schön.",
        "x" * 400 + ". Wien – Zu spät im Text.",
    ],
)
def test_not_datelines(text):
    assert find_dateline(text) is None


def test_dateline_offsets_in_the_document():
    text = "date 2024-06\n\nEin Titel. Wien – Die Regierung hat\nbeschlossen."
    doc = wire.parse(text, "a.txt")
    assert doc.dateline.place == "Wien"
    assert doc.dateline.line == 3
    assert (doc.dateline.start, doc.dateline.end) == (11, 15)
    _check_offsets(doc)


def test_hash_lines_are_text_in_wire_files():
    doc = wire.parse("Lead.\n\n# Kein Heading\n\nText.", "a.txt")
    assert doc.blocks[1].text == "# Kein Heading"


def test_dateline_on_a_later_line_of_the_first_paragraph():
    doc = wire.parse("Ein langer Titel ohne Punkt\nund der Lead endet hier. Wien – Der Text.", "a.txt")
    assert doc.dateline.place == "Wien" and doc.dateline.line == 2
    _check_offsets(doc)


# --------------------------------------------------------------------------- failures


@pytest.mark.parametrize("text", ["", "   \n\n  ", "date 2024-06", "date 2024-06\n\n(APA, 1.2.2016)"])
def test_empty_article(text):
    with pytest.raises(ContentError) as info:
        wire.parse(text, "a.txt")
    assert info.value.path == "a.txt" and info.value.line >= 1
    assert "empty article" in info.value.message and info.value.hint


def test_parse_is_deterministic():
    assert wire.parse(EXCERPT, "a.txt") == wire.parse(EXCERPT, "a.txt")


_FRAGMENTS = st.sampled_from(
    [
        "date 2024-06 ", "date 2024-13 ", "date: ", "\n", "\n\n", "\r\n", "\r", " ", "(", ")", "/", " / ",
        "–", " – ", " - ", ".", ". ", "APA", "AFP", "red", "Wien", "Foto: ", "IMAGO/Gavriil Grigorov",
        "(APA, 16.8.2015)", "(red, 30.9.3015)", "(Maria Sterkl, 19.10.2015", "19.6.2024", "#", "## ",
        "Der Text", "ü", "\ufeff", "\t", ":", ",", ";", "\u2028", "\x85", "ǅ", "İ",
    ]
)  # fmt: skip


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), st.lists(st.one_of(_FRAGMENTS, st.text(max_size=12)), max_size=40).map("".join)))
def test_random_text_never_raises_anything_but_content_error(text):
    try:
        doc = wire.parse(text, "fuzz.txt")
    except ContentError:
        return
    assert doc.blocks
    for block in doc.blocks:
        assert block.text and block.line >= 1
    _check_offsets(doc)


# --------------------------------------------------------------------------- corpus


@pytest.mark.corpus
def test_derstandard_articles_parse():
    """Every Der Standard article parses; datelines and sign-offs are found where printed."""
    path = shared_file("corpus", "derstandard-10kgnad.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        texts = [r[1] for r in csv.reader(handle, delimiter=";", quotechar="'") if len(r) > 1]
    docs = [wire.parse(t, f"derstandard/{i}.txt") for i, t in enumerate(texts)]
    datelines = [d.dateline.place for d in docs if d.dateline]
    signoffs = [d.signoff for d in docs if d.signoff]
    print(f"\nderstandard: {len(datelines)}/{len(docs)} datelines, {len(signoffs)} sign-offs")
    assert len(datelines) >= 300 and datelines.count("Wien") >= 50
    assert len(signoffs) >= 40
    for doc in docs:
        _check_offsets(doc)


@pytest.mark.corpus
def test_reuters_datelines():
    path = shared_file("corpus", "reuters21578.jsonl")
    total = hits = 0
    for number, line in enumerate(path.open(encoding="utf-8")):
        if number % 5:
            continue
        record = json.loads(line)
        if not record["dateline"] or not record["body"]:
            continue
        total += 1
        found = find_dateline(f"{record['dateline']} {record['body']}")
        hits += found is not None and found[0] == record["dateline"].split(",")[0].strip()
    print(f"\nreuters: {hits}/{total} datelines")
    assert hits / total >= 0.95


@pytest.mark.parametrize(
    "line, heading",
    [("## Zwischentitel", "Zwischentitel"), ("### Titel ###", "Titel"), ("   # Eins", "Eins"), ("##", ""),
     ("#Kein Titel", None), ("    # Code", None), ("Text", None)],
)
def test_atx_heading(line, heading):
    from archive_gen.ingest.wire import atx_heading

    assert atx_heading(line) == heading
