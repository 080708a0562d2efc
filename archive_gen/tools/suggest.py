"""Editors' registry tools: which unknown names deserve an entry, and writing that entry.

``actors suggest`` ranks the candidates of all articles: a name seen in many articles, with
strong cues (a role word, a speech verb), is worth an entry before a name seen once.
``actors add`` writes the stub; the next build links every mention of it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path

from .. import front_matter
from ..errors import ContentError
from ..model import Article, Registry
from ..paths import is_slug, slugify

# Cues ranked by how much they say about a name being a person.
CUE_WEIGHT = {"role": 3, "title": 3, "speech verb": 2, "first name": 1, "initial": 1, "acronym": 1}


@dataclass
class Suggestion:
    name: str
    kind: str
    articles: list[str] = field(default_factory=list)  # source files
    mentions: int = 0
    cues: dict[str, int] = field(default_factory=dict)
    examples: list[tuple[str, int, str]] = field(default_factory=list)  # (path, line, sentence)

    @property
    def score(self) -> tuple:
        strength = sum(CUE_WEIGHT.get(cue, 1) * n for cue, n in self.cues.items())
        return (-len(self.articles), -strength, -self.mentions, self.name)

    def record(self) -> dict:
        return {
            "name": self.name, "kind": self.kind, "id": slugify(self.name), "articles": len(self.articles),
            "mentions": self.mentions, "cues": dict(sorted(self.cues.items())),
            "examples": [{"file": path, "line": line, "sentence": sentence} for path, line, sentence in self.examples],
        }


def suggest(articles: list[Article], registry: Registry, *, min_articles: int = 1, examples: int = 2) -> list[Suggestion]:
    """Candidates across the archive, best first. Names the registry already knows (an editor
    added them since) are left out."""
    known = {name for actor in registry.actors.values() for name in (actor.name, *actor.aliases)}
    known |= set(registry.actors)
    found: dict[tuple[str, str], Suggestion] = {}
    for article in articles:
        for cand in article.candidates:
            if cand.name in known or slugify(cand.name) in registry.actors:
                continue
            entry = found.setdefault((cand.kind, cand.name), Suggestion(cand.name, cand.kind))
            if article.source_file not in entry.articles:
                entry.articles.append(article.source_file)
            entry.mentions += max(len(cand.spans), 1)
            cue = cand.cue.split(":")[0] or "other"
            entry.cues[cue] = entry.cues.get(cue, 0) + 1
            if len(entry.examples) < examples:
                entry.examples.append((article.source_file, _line_of(article, cand.spans), cand.evidence))
    ranked = [s for s in found.values() if len(s.articles) >= min_articles]
    return sorted(ranked, key=lambda s: s.score)


def _line_of(article: Article, spans: tuple[tuple[int, int], ...]) -> int:
    """The source line of a candidate's first mention (its block's first line)."""
    blocks = article.doc.blocks
    if not spans or not blocks:
        return 1
    starts = [b.start for b in blocks]
    block = blocks[max(bisect.bisect_right(starts, spans[0][0]) - 1, 0)]
    return block.line


def format_text(suggestions: list[Suggestion]) -> str:
    lines = []
    for s in suggestions:
        cues = ", ".join(f"{cue} ×{n}" for cue, n in sorted(s.cues.items()))
        lines.append(f"{s.name}  [{s.kind}]  {len(s.articles)} article(s), {s.mentions} mention(s); {cues}")
        for path, line, sentence in s.examples:
            lines.append(f"    {path}:{line}: {sentence}")
        lines.append(f"    add: archive-gen actors add \"{s.name}\" --kind {s.kind}")
    return "\n".join(lines)


def add_actor(content_dir: Path, name: str, kind: str, *, actor_id: str | None = None,
              aliases: tuple[str, ...] = (), description: str = "") -> Path:
    """Write ``content/actors/<id>.md``. Never overwrites: an existing entry is the editor's."""
    name = " ".join(name.split())
    if not name:
        raise ContentError("actors", 1, "the name is empty", "give the actor's name, e.g. \"Jens Stoltenberg\"")
    actor_id = actor_id or slugify(name)
    if not is_slug(actor_id):
        raise ContentError("actors", 1, f"'{actor_id}' is not a valid id", "use lowercase ascii letters, digits and hyphens")
    path = content_dir / "actors" / f"{actor_id}.md"
    if path.exists():
        raise ContentError(str(path), 1, f"actor '{actor_id}' exists already", "edit the file, or choose another --id")
    meta: dict = {"name": name, "kind": kind}
    if aliases:
        meta["aliases"] = list(dict.fromkeys(a for a in aliases if a.strip() and a != name))
    path.parent.mkdir(parents=True, exist_ok=True)
    body = description.strip() or "Beschreibung folgt. / Description to follow."
    path.write_text(front_matter.dumps(meta, body + "\n"), encoding="utf-8")
    return path
