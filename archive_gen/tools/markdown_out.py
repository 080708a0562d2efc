"""The body of an imported file: the source's blocks as Markdown that reads back the same.

Paragraphs one per line, subheads as ``## …``, captions as the caption followed by its credit
(the reader finds credits by their form, as in wire text), credit lines alone, the sign-off
where it stood. Inline Markdown stays literal: only a paragraph that would read as a heading
is indented so that it stays a paragraph. :func:`reads_back` proves the round trip.

The editors' passage notes (``annotations:``, from a wire file's sidecar) go with the text:
:func:`carry_notes` anchors each one in the written body, quoting the passage anew (with a
little context) where the quote as written does not find it there; one that anchors neither
in the source nor in the copy is carried over as written and reported, never dropped.
"""

from __future__ import annotations

from typing import Any

from ..annotate.notes import KEY as NOTES_KEY
from ..annotate.notes import NormalText, reanchor
from ..errors import ContentError
from ..ingest import markdown as markdown_reader
from ..ingest.credits import split_credit
from ..ingest.signoff import find_signoff
from ..ingest.wire import atx_heading
from ..model import Block, SourceDoc

_INDENT = "    "  # four spaces: not a heading to the reader, and stripped when read back


def markdown_body(doc: SourceDoc) -> str:
    """The source's blocks as Markdown that :mod:`archive_gen.ingest.markdown` reads back
    into the same blocks, sign-off and dateline."""
    parts: list[str] = []
    after = _signoff_position(doc)
    for number, block in enumerate(doc.blocks):
        parts.append(_block_markdown(block))
        if number == after and doc.signoff is not None:
            raw = doc.signoff.raw
            found = find_signoff(f"{block.text} {raw}", 1) if block.kind == "paragraph" else None
            if found is not None and found[0] == block.text and found[1].raw == raw:
                parts[-1] += " " + raw  # where wire text has it: closing the last paragraph
            else:
                parts.append(raw)  # "Reuter" is a sign-off only on a line of its own
    return "\n\n".join(parts)


def _signoff_position(doc: SourceDoc) -> int | None:
    """Index of the block the sign-off followed (the last one that starts before it)."""
    if doc.signoff is None or not doc.blocks:
        return None
    before = [i for i, b in enumerate(doc.blocks) if b.line <= doc.signoff.line]
    return before[-1] if before else len(doc.blocks) - 1


def _block_markdown(block: Block) -> str:
    if block.kind == "subhead":
        heading = f"## {block.text}"
        # "## Tor #" would lose its "#" as a closing sequence: leave such a subhead to the
        # reader's subhead rule (short, no final punctuation), which found it in the first place
        return heading if atx_heading(heading) == block.text else block.text
    if block.kind == "caption" and block.credit:
        return _caption(block.text, block.credit)
    if block.kind == "credit":
        return block.credit or block.text
    return _INDENT + block.text if atx_heading(block.text) is not None else block.text


def _caption(text: str, credit: str) -> str:
    """Caption and credit in the first form the reader splits back into exactly these two."""
    forms = (f"{text} {credit}", f"{text} – {credit}", f"{text} ({credit})")
    return next((form for form in forms if split_credit(form) == (text, credit)), forms[0])


def carry_notes(doc: SourceDoc, body: str, shown: str) -> tuple[list[Any] | None, list[tuple[int, str, str]]]:
    """The source's ``annotations:`` entries for the imported file with ``body`` (``None``:
    the source has none), and the notes that anchor nowhere: ``(entry number, exact, "gone" or
    "ambiguous")``. Entries that are not notes at all are carried over untouched: the field
    table reports them on every build."""
    raw = doc.meta.get(NOTES_KEY)
    if not isinstance(raw, list):
        return None, []
    source = NormalText(doc.text)
    try:
        target = NormalText(markdown_reader.parse(body, shown).text)
    except ContentError:
        target = NormalText("")
    entries, orphans = [], []
    for number, entry in enumerate(raw, start=1):
        if isinstance(entry, dict) and isinstance(entry.get("exact"), str) and entry["exact"].strip():
            entry, problem = reanchor(entry, source, target)
            if problem:
                orphans.append((number, entry["exact"], problem))
        entries.append(entry)
    return entries, orphans


def reads_back(text: str, doc: SourceDoc, shown: str) -> tuple[int, str] | None:
    """``(line, what differs)`` when the written Markdown does not read back as ``doc``."""
    try:
        back = markdown_reader.parse(text, shown)
    except ContentError as exc:
        return exc.line, exc.message
    for number, (want, got) in enumerate(zip(doc.blocks, back.blocks), start=1):
        if (want.kind, want.text, want.credit) != (got.kind, got.text, got.credit):
            return got.line, f"part {number} reads as a {got.kind} '{_short(got.text)}', the source has a {want.kind} '{_short(want.text)}'"
    if len(doc.blocks) != len(back.blocks):
        return 1, f"{len(back.blocks)} parts instead of {len(doc.blocks)}"
    if (doc.signoff and doc.signoff.raw) != (back.signoff and back.signoff.raw):
        return back.signoff.line if back.signoff else 1, "the sign-off is not found again"
    if (doc.dateline and doc.dateline.place) != (back.dateline and back.dateline.place):
        return 1, "the dateline is not found again"
    return None


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "…"
