"""Passage notes: the editors' ``annotations:``, anchored in the text by quote.

An entry names its passage as a W3C Web Annotation ``TextQuoteSelector`` does: the ``exact``
words, and a ``prefix`` / ``suffix`` to say which one when they occur more than once. The
anchor is found again on every build, never stored as an offset, so it survives edits
elsewhere in the text. Matching is exact up to whitespace (a line break or a run of spaces is
one space) and the form of quotation marks (``"``, „ “ ” « » are one mark: the page prints the
text's straight quotes as „…“, and an editor copies from the page).

One occurrence anchors the note; several are told apart by how much of ``prefix`` and
``suffix`` they share with the text around them (the best one wins; a tie is ambiguous). A
note whose passage is gone or ambiguous stays on the page, listed as no longer anchored, and
is reported: ``path:line: warning: annotation "…" no longer matches``.

:func:`web_annotation` gives a note as W3C Web Annotation JSON-LD (for the open-data export).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Callable, Iterable

from ..errors import Diagnostics
from ..model import Article, Note, Registry, SourceDoc

KEY = "annotations"
CONTEXT = "http://www.w3.org/ns/anno.jsonld"
MAX_OCCURRENCES = 1000  # more than this many and the passage says nothing about where it is
SELECTOR_CONTEXT = 32  # characters of prefix / suffix written into an exported selector
_URL = re.compile(r"^https?://\S+$")
_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({c: '"' for c in "„“”«»‟″"} | {c: "'" for c in "‚‘’‹›′"})

Suggest = Callable[[str], str]  # an unknown id -> "did you mean …?" or ""
Names = Callable[[str], Iterable[str]]  # a note's text -> ids of the actors it names


class NormalText:
    """A text with whitespace runs as one space and one form of quotation marks, and where
    each of its characters came from in the original."""

    def __init__(self, text: str) -> None:
        chars, origin = [], []
        for match in re.finditer(r"\s+|\S+", text):
            if match.group()[0].isspace():
                chars.append(" ")
                origin.append(match.start())
            else:
                chars.append(match.group())
                origin.extend(range(match.start(), match.end()))
        self.text = "".join(chars).translate(_QUOTES)
        self.origin = origin

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the original text of the normalised ``[start, end)``."""
        return self.origin[start], self.origin[end - 1] + 1


def normalise(text: str) -> str:
    """A quote as the matcher compares it: trimmed, whitespace runs as one space, one quotation mark."""
    return _SPACE.sub(" ", text).strip().translate(_QUOTES)


def find(text: NormalText, exact: str, prefix: str = "", suffix: str = "") -> tuple[int, int] | str:
    """The passage's normalised span, or why there is none: ``"gone"`` or ``"ambiguous"``."""
    exact = normalise(exact)
    starts, at = [], text.text.find(exact) if exact else -1
    while at >= 0 and len(starts) <= MAX_OCCURRENCES:
        starts.append(at)
        at = text.text.find(exact, at + 1)
    if not starts:
        return "gone"
    if len(starts) > 1:
        scores = [_context_score(text.text, s, s + len(exact), prefix, suffix) for s in starts]
        best = max(scores)
        if best == 0 or scores.count(best) > 1 or len(starts) > MAX_OCCURRENCES:
            return "ambiguous"
        starts = [starts[scores.index(best)]]
    return starts[0], starts[0] + len(exact)


def _context_score(text: str, start: int, end: int, prefix: str, suffix: str) -> int:
    """How many characters (spaces aside) of ``prefix`` end right before the passage, plus
    how many of ``suffix`` start right after it."""
    score = 0
    want = normalise(prefix).replace(" ", "")
    if want:
        have = text[max(0, start - 2 * len(want) - 8):start].replace(" ", "")
        score += _common(have[::-1], want[::-1])
    want = normalise(suffix).replace(" ", "")
    if want:
        score += _common(text[end:end + 2 * len(want) + 8].replace(" ", ""), want)
    return score


def _common(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def anchor_notes(doc: SourceDoc, entries: list[dict[str, Any]], registry: Registry, diags: Diagnostics,
                 names: Names | None = None, suggest: Suggest | None = None) -> tuple[Note, ...]:
    """The article's notes from its checked ``annotations:`` entries: anchored ones numbered in
    reading order, then the orphans (each reported). ``names`` finds actors named in a note."""
    if not entries:
        return ()
    text = NormalText(doc.text)
    where = doc.meta_path or doc.path
    lines = _entry_lines(doc, entries)
    notes = []
    for entry, line in zip(entries, lines):
        note = _note(entry, line, registry, diags, where, names, suggest)
        found = find(text, note.exact, note.prefix, note.suffix)
        if isinstance(found, str):
            diags.warning(where, line, f'annotation "{short_quote(note.exact)}" no longer matches', problem_hint(found))
            note = replace(note, problem=found)
        else:
            note = replace(note, start=text.span(*found)[0], end=text.span(*found)[1])
        notes.append(note)
    anchored = sorted((n for n in notes if n.anchored), key=lambda n: (n.start, n.end))
    ordered = [*anchored, *(n for n in notes if not n.anchored)]
    return tuple(replace(n, number=i) for i, n in enumerate(ordered, start=1))


def _note(entry: dict[str, Any], line: int, registry: Registry, diags: Diagnostics, where: str,
          names: Names | None, suggest: Suggest | None) -> Note:
    sources = tuple(str(s) for s in entry.get("sources", ()))
    actors, source_ids = [], []
    for ref in sources:
        if _URL.match(ref):
            continue
        if ref in registry.actors:
            actors.append(ref)
        elif ref in registry.sources:
            source_ids.append(ref)
        else:
            hint = (suggest(ref) if suggest else "") or "write a web address (https://…) or the id of an actor or source"
            diags.warning(where, line, f"unknown id '{ref}' in the sources of annotation \"{short_quote(entry['exact'])}\"", hint)
    if names is not None:
        actors.extend(names(entry["note"]))
    date = entry.get("date")
    return Note(exact=entry["exact"], note=entry["note"], author=entry.get("author", ""),
                date=date, prefix=entry.get("prefix", ""), suffix=entry.get("suffix", ""),
                sources=sources, actors=tuple(dict.fromkeys(actors)), source_ids=tuple(dict.fromkeys(source_ids)),
                line=line)


def _entry_lines(doc: SourceDoc, entries: list[dict[str, Any]]) -> list[int]:
    """The line of each checked entry: the field table leaves out broken entries, so each is
    matched to the next raw entry with its ``exact``."""
    raw = doc.meta.get(KEY)
    raw = raw if isinstance(raw, list) else []
    fallback = doc.meta_lines.get(KEY, 1)
    lines, position = [], 0
    for entry in entries:
        for number in range(position, len(raw)):
            item = raw[number]
            if isinstance(item, dict) and normalise(str(item.get("exact", ""))) == normalise(entry["exact"]):
                lines.append(doc.meta_lines.get(f"{KEY}#{number + 1}", fallback))
                position = number + 1
                break
        else:
            lines.append(fallback)
    return lines


def short_quote(text: str, limit: int = 60) -> str:
    """A quote as messages name it: one line, cut at ``limit`` characters."""
    text = normalise(text)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def problem_hint(problem: str) -> str:
    """What to do about a note whose passage is ``"gone"`` or ``"ambiguous"``."""
    if problem == "ambiguous":
        return ("the passage occurs more than once: add 'prefix' or 'suffix' (a few words before or after it) "
                "to say which")
    return "the passage is not in the text any more: quote it again in 'exact', or delete the note"


# --------------------------------------------------------------------------- moving to another text

REANCHOR_CONTEXT = (8, 16, 32, 64)  # characters of prefix / suffix tried, fewest first


def reanchor(entry: dict[str, Any], source: NormalText, target: NormalText) -> tuple[dict[str, Any], str]:
    """An ``annotations:`` entry for ``target`` (an imported copy of ``source``): as it is when
    it anchors there; else quoted as ``source`` has the passage, with as little ``prefix`` /
    ``suffix`` from around it as tells it apart; else as it is, with why: ``"gone"`` or
    ``"ambiguous"`` (in the source already, or in the copy)."""
    exact, prefix, suffix = (str(entry.get(k, "")) for k in ("exact", "prefix", "suffix"))
    if not isinstance(find(target, exact, prefix, suffix), str):
        return entry, ""
    found = find(source, exact, prefix, suffix)
    if isinstance(found, str):
        return entry, found
    start, end = found
    passage = source.text[start:end]
    problem = "gone"
    for width in REANCHOR_CONTEXT:
        before = source.text[max(0, start - width):start].strip()
        after = source.text[end:end + width].strip()
        moved = find(target, passage, before, after)
        if not isinstance(moved, str):
            fresh: dict[str, Any] = {}
            for key, value in entry.items():  # the editor's order; the context right after the quote
                if key == "exact":
                    fresh[key] = exact if normalise(exact) == passage else passage
                    fresh.update((k, v) for k, v in (("prefix", before), ("suffix", after)) if v)
                elif key not in ("prefix", "suffix"):
                    fresh[key] = value
            return fresh, ""
        problem = moved
    return entry, problem


# --------------------------------------------------------------------------- export


def web_annotation(article: Article, note: Note, url: str,
                   term_url: Callable[[str, str], str] | None = None) -> dict[str, Any]:
    """One note as a W3C Web Annotation (JSON-LD): the note as a Markdown ``TextualBody``,
    its sources as linked resources, and the article page (``url``) as the target with a
    ``TextQuoteSelector`` (the passage as the text has it now, with context). ``term_url``
    gives the address of an actor's or source's page (``("actors", id)``)."""
    body: list[dict[str, Any]] = [{"type": "TextualBody", "value": note.note, "format": "text/markdown",
                                   "language": article.language, "purpose": "commenting"}]
    for ref in note.sources:
        if _URL.match(ref):
            body.append({"type": "SpecificResource", "source": ref, "purpose": "linking"})
    if term_url is not None:
        for actor in note.actors:
            body.append({"type": "SpecificResource", "source": term_url("actors", actor), "purpose": "identifying"})
        for source in note.source_ids:
            body.append({"type": "SpecificResource", "source": term_url("sources", source), "purpose": "linking"})
    annotation: dict[str, Any] = {
        "@context": CONTEXT,
        "id": f"{url}#ag-note-{note.number}",
        "type": "Annotation",
        "motivation": "commenting",
        "body": body,
        "target": {"source": url, "selector": quote_selector(article, note)},
    }
    if note.author:
        annotation["creator"] = {"type": "Person", "name": note.author}
    if note.date is not None:
        annotation["created"] = note.date.isoformat()
    return annotation


def quote_selector(article: Article, note: Note) -> dict[str, str]:
    """The note's ``TextQuoteSelector``: from the text where it is anchored, else as the editor wrote it."""
    if note.start is None or note.end is None:
        found = {"exact": note.exact, "prefix": note.prefix, "suffix": note.suffix}
    else:
        text = article.doc.text
        found = {"exact": _SPACE.sub(" ", text[note.start:note.end]),
                 "prefix": _SPACE.sub(" ", text[max(0, note.start - SELECTOR_CONTEXT):note.start]).lstrip(),
                 "suffix": _SPACE.sub(" ", text[note.end:note.end + SELECTOR_CONTEXT]).rstrip()}
    return {"type": "TextQuoteSelector", **{k: v for k, v in found.items() if v}}
