"""``archive-gen extract``: what the annotator finds in source files, as JSON or text."""

from __future__ import annotations

from typing import Any

from ..model import Article, Registry


def extract_record(article: Article, registry: Registry) -> dict[str, Any]:
    """The JSON shape of DESIGN.md §3: front-matter fields plus what the page is made of."""
    def actor_record(actor_id: str) -> dict[str, Any]:
        actor = registry.actors[actor_id]
        return {
            "id": actor.id, "name": actor.name, "kind": actor.kind,
            "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in article.mentions if m.id == actor_id],
        }

    def source_record(ref) -> dict[str, Any]:
        entry = registry.sources.get(ref.id)
        record = {"id": ref.id, "name": entry.name if entry else (ref.name or ref.id), "role": ref.role}
        if ref.credit:
            record["credit"] = ref.credit
        return record

    doc = article.doc
    return {
        "title": article.title,
        "date": article.date.isoformat(),
        "date_precision": article.date_precision,
        "date_source": article.date_source,
        "language": article.language,
        "actors": [actor_record(a) for a in article.actors],
        "candidates": [{"name": c.name, "kind": c.kind, "evidence": c.evidence, "cue": c.cue}
                       for c in article.candidates],
        "places": [actor_record(p) for p in article.places],
        "topics": [{"id": t, "name": registry.topics[t].name} for t in article.topics],
        "sources": [source_record(r) for r in article.sources],
        "authors": list(article.authors),
        "captions": [{"text": c.text, "credit": c.credit, "photographers": list(c.photographers),
                      "start": c.start, "end": c.end} for c in article.captions],
        "quotes": [{"text": q.text, "speaker": q.speaker, "speaker_name": q.speaker_name, "via": q.via,
                    "start": q.start, "end": q.end} for q in article.quotes],
        "claims": [{"text": c.text, "cue": c.cue, "speaker": c.speaker, "speaker_name": c.speaker_name,
                    "via": c.via, "start": c.start, "end": c.end} for c in article.claims],
        "dateline": doc.dateline.place if doc.dateline else None,
        "signoff": doc.signoff.raw if doc.signoff else None,
        "source_file": article.source_file,
    }


def extract_text(article: Article, registry: Registry) -> str:
    record = extract_record(article, registry)
    lines = [
        f"{article.source_file}: {record['title']}",
        f"  date: {record['date']} ({record['date_precision']}, from {record['date_source']}), language: {record['language']}",
        "  actors: " + ", ".join(f"{a['name']} ×{len(a['mentions'])}" for a in record["actors"]),
        "  places: " + ", ".join(p["name"] for p in record["places"]),
        "  topics: " + ", ".join(t["name"] for t in record["topics"]),
        "  sources: " + ", ".join(f"{s['name']} ({s['role']})" for s in record["sources"]),
        f"  captions: {len(record['captions'])}, quotes: {len(record['quotes'])}, candidates: "
        + ", ".join(c["name"] for c in record["candidates"]),
    ]
    return "\n".join(lines)
