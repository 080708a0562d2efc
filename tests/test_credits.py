"""Photo credits are recognised by form; body text never becomes a caption."""

from __future__ import annotations

import csv
import json
import re

import pytest

from archive_gen.ingest.credits import credit_segments, split_credit

from conftest import shared_file

# (paragraph, caption, credit). The first group is from the seed article
# (seeds/000_4d51e86498f00da2.txt), the rest are common forms in Austrian papers.
CAPTIONS = [
    (
        "Russlands Präsident Wladimir Putin wurde in Nordkorea von Machthaber Kim Jong-un und mit "
        "militärischen Ehren empfangen. IMAGO/Gavriil Grigorov",
        "Russlands Präsident Wladimir Putin wurde in Nordkorea von Machthaber Kim Jong-un und mit "
        "militärischen Ehren empfangen.",
        "IMAGO/Gavriil Grigorov",
    ),
    (
        "Auch nordkoreanische Kinder wurden für die Propagandainszenierung der beiden Staaten "
        "eingespannt. AFP/POOL/GAVRIIL GRIGOROV",
        "Auch nordkoreanische Kinder wurden für die Propagandainszenierung der beiden Staaten eingespannt.",
        "AFP/POOL/GAVRIIL GRIGOROV",
    ),
    (
        "Ausgelassene Freude sollte die Inszenierung präsentieren. EPA/GAVRIIL GRIGOROV / SPUTNIK /",
        "Ausgelassene Freude sollte die Inszenierung präsentieren.",
        "EPA/GAVRIIL GRIGOROV / SPUTNIK /",
    ),
    (
        "In Südkorea sieht man die Zusammenkunft der beiden Führer mit beträchtlicher Sorge. AP/Ahn Young-joon",
        "In Südkorea sieht man die Zusammenkunft der beiden Führer mit beträchtlicher Sorge.",
        "AP/Ahn Young-joon",
    ),
    ("Der Kanzler im Parlament. Foto: APA/HELMUT FOHRINGER", "Der Kanzler im Parlament.", "Foto: APA/HELMUT FOHRINGER"),
    ("Die Hofburg am Abend. REUTERS/Leonhard Foeger", "Die Hofburg am Abend.", "REUTERS/Leonhard Foeger"),
    ("Proteste in Ottawa. APA/AFP/JOHN MACDOUGALL", "Proteste in Ottawa.", "APA/AFP/JOHN MACDOUGALL"),
    ("Wahlkampf in Iowa. AFP/Getty Images/Scott Olson", "Wahlkampf in Iowa.", "AFP/Getty Images/Scott Olson"),
    ("Ein Konvoi in der Hauptstadt. AFP", "Ein Konvoi in der Hauptstadt.", "AFP"),
    ("Die Menge jubelt. Foto: Reuters", "Die Menge jubelt.", "Foto: Reuters"),
    ("Die Menge jubelt Foto: Reuters", "Die Menge jubelt", "Foto: Reuters"),
    ("Der Minister bei der Pressekonferenz (Foto: APA/Fohringer)", "Der Minister bei der Pressekonferenz", "Foto: APA/Fohringer"),
    ("Der Minister – Bild: APA/dpa/Bernd von Jutrczenka", "Der Minister", "Bild: APA/dpa/Bernd von Jutrczenka"),
    ("Der Sieger auf dem Podest. Fotos: apa/hans klaus techt", "Der Sieger auf dem Podest.", "Fotos: apa/hans klaus techt"),
    ("Der Präsident im Garten. AP/J. Scott Applewhite", "Der Präsident im Garten.", "AP/J. Scott Applewhite"),
    # no final full stop: the credit still starts at the agency code
    ("Kinder in Pjöngjang AFP/POOL/GAVRIIL GRIGOROV", "Kinder in Pjöngjang", "AFP/POOL/GAVRIIL GRIGOROV"),
    ('Er sagte: "Wir bleiben." IMAGO/Gavriil Grigorov', 'Er sagte: "Wir bleiben."', "IMAGO/Gavriil Grigorov"),
]

CREDIT_LINES = ["AFP", "Foto: Reuters", "Foto: privat", "APA/HELMUT FOHRINGER", "Bild: APA/dpa/Bernd von Jutrczenka"]

NOT_CAPTIONS = [
    # the seed's subhead
    'Putin kündigt "Grundlagendokument" zwischen Russland und Nordkorea an',
    # body sentences end with punctuation: their tail is empty
    "Die Gewerkschaft GPA-djp sieht Handlungsbedarf bei All-in-Verträgen.",
    "Die Zusammenarbeit mit AFP/Reuters wurde ausgebaut.",
    # subheads and titles with slashes
    "CDU/CSU",
    "Streit um Koalition ÖVP/FPÖ",
    "Schwarz/Blau",
    "Bündnis 90/Die Grünen",
    # labels followed by prose
    "Das Bild: katastrophal",
    "Er zeigte das Foto: Ein Mann steht am Fenster.",
    "Bild: Nächtliche Szene vor dem Haus",  # wikinews-de.jsonl (MediaWiki image line)
    # ALL-CAPS headlines (reuters21578.jsonl)
    "FEBRUARY SALES FOR MAJOR U.S. RETAILERS",
    "SOYBEAN CAKE/MEAL",
    "                Oct/Dec            Jan/Dec",
    # sports results (derstandard-10kgnad.csv)
    "Steve Johnson/Sam Querrey mit 6:7,7:5,3:6.",
    "Ergebnis. Thiem/Melzer",
    "",
    "   ",
]


@pytest.mark.parametrize("paragraph, caption, credit", CAPTIONS)
def test_captions_split_off_their_credit(paragraph, caption, credit):
    assert split_credit(paragraph) == (caption, credit)


@pytest.mark.parametrize("paragraph", CREDIT_LINES)
def test_credit_lines(paragraph):
    assert split_credit(paragraph) == ("", paragraph)


@pytest.mark.parametrize("paragraph", NOT_CAPTIONS)
def test_not_captions(paragraph):
    assert split_credit(paragraph) is None


@pytest.mark.parametrize(
    "credit, segments",
    [
        ("EPA/GAVRIIL GRIGOROV / SPUTNIK /", ("EPA", "GAVRIIL GRIGOROV", "SPUTNIK")),
        ("IMAGO/Gavriil Grigorov", ("IMAGO", "Gavriil Grigorov")),
        ("AFP/Getty Images/Scott Olson", ("AFP", "Getty Images", "Scott Olson")),
        ("Foto: APA/HELMUT FOHRINGER", ("APA", "HELMUT FOHRINGER")),
        ("Fotos: Reuters", ("Reuters",)),
        ("Bild: APA", ("APA",)),
        ("Photo: AP/Ahn Young-joon", ("AP", "Ahn Young-joon")),
        ("Video: AFP", ("AFP",)),
        ("AFP", ("AFP",)),
        ("//", ()),
    ],
)
def test_credit_segments(credit, segments):
    assert credit_segments(credit) == segments


def test_split_credit_is_deterministic_and_keeps_text():
    paragraph = CAPTIONS[0][0]
    assert split_credit(paragraph) == split_credit(paragraph)
    caption, credit = split_credit(paragraph)
    assert paragraph == f"{caption} {credit}"


# --------------------------------------------------------------------------- corpus


def _paragraphs() -> dict[str, list[str]]:
    """Real paragraphs from the German corpora (and a sample of Reuters), by source."""
    paths = {
        "derstandard": shared_file("corpus", "derstandard-10kgnad.csv"),
        "wikinews": shared_file("corpus", "wikinews-de.jsonl"),
        "germeval": shared_file("corpus", "germeval2014-dev.tsv"),
        "reuters": shared_file("corpus", "reuters21578.jsonl"),
    }
    out: dict[str, list[str]] = {}
    with paths["derstandard"].open(encoding="utf-8", newline="") as handle:
        out["derstandard"] = [r[1] for r in csv.reader(handle, delimiter=";", quotechar="'") if len(r) > 1]
    out["wikinews"] = [
        p
        for line in paths["wikinews"].open(encoding="utf-8")
        for p in re.split(r"\n\s*\n", json.loads(line)["text"])
        if p.strip()
    ]
    sentences, tokens = [], []
    for line in paths["germeval"].open(encoding="utf-8"):
        if line.startswith("#"):
            continue
        if not line.strip():
            if tokens:
                sentences.append(" ".join(tokens))
                tokens = []
            continue
        tokens.append(line.split("\t")[1])
    out["germeval"] = sentences
    reuters = []
    for number, line in enumerate(paths["reuters"].open(encoding="utf-8")):
        if number % 10:  # every tenth story keeps the test fast
            continue
        body = json.loads(line)["body"] or ""
        # Reuters closes stories with a routing tag after the last sentence ("… said.\n REUTER",
        # "MORE", typos like "REUITER"): an agency tag in the same form as "… Hauptstadt. AFP",
        # which is a caption by design, so the tag is cut off here.
        reuters += [
            re.sub(r"(?<=[.!?\"'])\s+[A-Z]+\s*$", "", p) for p in re.split(r"\n    ", body) if p.strip()
        ]
    out["reuters"] = reuters
    return out


@pytest.mark.corpus
def test_false_caption_rate_on_real_text():
    report = []
    for source, paragraphs in _paragraphs().items():
        hits = [p for p in paragraphs if split_credit(p) is not None]
        report.append(f"{source}: {len(hits)}/{len(paragraphs)}")
        assert not hits, (source, hits[:5])
    print("\nfalse captions: " + ", ".join(report))
