"""`archive-gen actors suggest` and `actors add` on a copy of the sample archive, as an editor
would run them: suggest, add the best name, rebuild, and the name is linked."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from archive_gen import front_matter


def run(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "archive_gen", *args, "--config", str(project / "mkdocs.yml")],
        capture_output=True, text=True, timeout=300,
    )


def write_article(project: Path, name: str, body: str) -> Path:
    path = project / "content" / "articles" / "test" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    return path


def test_suggest_ranks_names_seen_in_more_articles_first(project):
    for n in range(3):
        write_article(project, f"a{n}.md", f"---\ntitle: Bericht {n}\ndate: 2024-05-0{n + 1}\n---\n\n"
                                           f"Die Sprecherin Halina Wróblewska sagte am Montag {n} Sätze.\n")
    write_article(project, "b.md", "---\ntitle: Einmal\ndate: 2024-05-09\n---\n\nBürgermeister Ewald Pichlmayr kam.\n")
    result = run(project, "actors", "suggest", "--format", "json", "--limit", "0")
    assert result.returncode == 0, result.stderr
    ranked = json.loads(result.stdout)
    names = [r["name"] for r in ranked]
    assert names.index("Halina Wróblewska") < names.index("Ewald Pichlmayr")
    top = ranked[names.index("Halina Wróblewska")]
    assert top["articles"] == 3 and top["kind"] == "person" and top["id"] == "halina-wroblewska"
    example = top["examples"][0]
    assert example["file"].endswith(".md") and example["line"] == 6
    assert "Halina Wróblewska" in example["sentence"]


def test_suggest_text_names_file_line_and_the_add_command(project):
    write_article(project, "c.md", "---\ntitle: T\ndate: 2024-05-01\n---\n\nDer Minister Teodor Vasilescu reiste ab.\n")
    result = run(project, "actors", "suggest", "--min-articles", "1")
    assert result.returncode == 0, result.stderr
    assert "Teodor Vasilescu  [person]" in result.stdout
    assert "content/articles/test/c.md:6: Der Minister Teodor Vasilescu reiste ab." in result.stdout
    assert 'archive-gen actors add "Teodor Vasilescu" --kind person' in result.stdout


def test_add_writes_a_stub_that_the_next_build_links(project):
    article = write_article(project, "d.md", "---\ntitle: T\ndate: 2024-05-01\n---\n\n"
                                             "Die Ministerin Teodora Vasilescu reiste ab. Vasilescu kam zurück.\n")
    result = run(project, "actors", "add", "Teodora Vasilescu", "--alias", "Vasilescu", "--description", "Ministerin.")
    assert result.returncode == 0, result.stderr
    stub = project / "content" / "actors" / "teodora-vasilescu.md"
    split = front_matter.split(stub.read_text(encoding="utf-8"), str(stub))
    assert split.meta == {"name": "Teodora Vasilescu", "kind": "person", "aliases": ["Vasilescu"]}
    assert split.body.strip() == "Ministerin."

    suggested = json.loads(run(project, "actors", "suggest", "--format", "json", "--limit", "0").stdout)
    assert "Teodora Vasilescu" not in [s["name"] for s in suggested]
    extracted = subprocess.run(
        [sys.executable, "-m", "archive_gen", "extract", str(article), "--format", "json",
         "--config", str(project / "mkdocs.yml")], capture_output=True, text=True, timeout=120)
    record = json.loads(extracted.stdout)
    assert "teodora-vasilescu" in [a["id"] for a in record["actors"]]


def test_add_never_overwrites_an_editor_entry(project):
    existing = sorted((project / "content" / "actors").glob("*.md"))[0]
    before = existing.read_bytes()
    result = run(project, "actors", "add", "Someone Else", "--id", existing.stem)
    assert result.returncode == 1
    assert f"{existing.stem}.md:1: error: actor '{existing.stem}' exists already" in result.stderr
    assert existing.read_bytes() == before


def test_add_rejects_a_bad_id(project):
    result = run(project, "actors", "add", "X", "--id", "../evil")
    assert result.returncode == 1 and "not a valid id" in result.stderr
    assert not (project / "content" / "evil.md").exists()
