"""The seed wire article end to end: what extract reports, and the page it becomes (golden)."""

from __future__ import annotations

import json

from archive_gen.pipeline import generate
from archive_gen.cli import main
from archive_gen.config import Config
from archive_gen.errors import Diagnostics

from conftest import REPO, seed_article_path, shared_file

GOLDEN = REPO / "tests" / "golden" / "seed-article.md"


def extract(capsys, path) -> dict:
    assert main(["extract", str(path), "--format", "json", "--config", str(REPO / "mkdocs.yml")]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1, "one JSON object per article"
    return json.loads(lines[0])


def test_extract_reports_date_actors_sources_and_captions(capsys):
    record = extract(capsys, seed_article_path(REPO))
    assert (record["date"], record["date_precision"]) == ("2024-06-19", "day")
    actor_ids = {a["id"] for a in record["actors"]}
    assert {"kim-jong-un", "wladimir-putin", "jens-stoltenberg", "antony-blinken"} <= actor_ids
    for actor in record["actors"]:
        assert actor["mentions"], actor["id"]
        for m in actor["mentions"]:
            assert m["end"] > m["start"] >= 0

    photographers = {p for c in record["captions"] for p in c["photographers"]}
    assert photographers, "the captions name photographers"
    actor_names = {a["name"] for a in record["actors"]} | {a["name"] for a in record["places"]}
    assert not photographers & actor_names, "photographers are credits, never actors"

    roles = {(s["id"], s["role"]) for s in record["sources"]}
    assert ("apa", "wire") in roles
    assert {("interfax", "cited"), ("tass", "cited"), ("kcna", "cited")} <= roles
    assert ("afp", "cited") not in roles, "a bare credit line is a credit, not a citation"

    assert len(record["captions"]) == 10
    assert all(c["credit"] for c in record["captions"])
    # the sample's copy has its editors' headline (the sidecar beside the wire text) …
    assert record["title"] == "Kim sichert Putin Unterstützung zu"
    # … the raw seed has none: its derived title is the lead's whole first sentence, never a torso
    raw = extract(capsys, shared_file("seeds", "000_4d51e86498f00da2.txt"))
    assert raw["title"].startswith("Der nordkoreanische Machthaber Kim Jong-un hat")
    assert raw["title"].endswith("gegen die Ukraine versprochen") and "…" not in raw["title"]


def test_extract_offsets_point_at_the_mention_text(capsys):
    from archive_gen.ingest import read_source

    path = seed_article_path(REPO)
    record = extract(capsys, path)
    text = read_source(path, str(path)).text
    for actor in record["actors"]:
        for m in actor["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]


def test_seed_quote_carries_speaker_and_source(capsys):
    record = extract(capsys, seed_article_path(REPO))
    quote = next(q for q in record["quotes"] if q["text"] == "bedingungslose Unterstützung")
    assert (quote["speaker"], quote["via"]) == ("kim-jong-un", "interfax")


def test_seed_claims_carry_their_sources(capsys):
    """Issue 3's done-when: reported claims are attributed to the body or agency they come from."""
    record = extract(capsys, seed_article_path(REPO))
    claims = {(c["speaker"], c["via"]) for c in record["claims"]}
    white_house = next(c for c in record["claims"] if c["text"].startswith("Nach Angaben aus dem Weißen Haus"))
    assert (white_house["speaker"], white_house["via"], white_house["cue"]) == ("weisses-haus", None, "Nach Angaben")
    assert ("kim-jong-un", "interfax") in claims and ("kim-jong-un", "tass") in claims


def test_seed_page_matches_golden(project, update_goldens):
    config = Config.load(project / "mkdocs.yml")
    generate(config, Diagnostics())
    pages = [p for p in (config.docs_dir / "articles").rglob("*.md") if "kim-sichert" in p.name]
    assert len(pages) == 1
    actual = pages[0].read_text(encoding="utf-8")
    if update_goldens:
        GOLDEN.write_text(actual, encoding="utf-8")
    assert actual == GOLDEN.read_text(encoding="utf-8"), "run pytest --update-goldens and review the diff"
