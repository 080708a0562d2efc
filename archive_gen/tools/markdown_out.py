"""The body of an imported file: the source's blocks as Markdown that reads back the same.

Paragraphs one per line, subheads as ``## …``, captions as the caption followed by its credit
(the reader finds credits by their form, as in wire text), credit lines alone, the sign-off
where it stood. Inline Markdown stays literal: only a paragraph that would read as a heading
is indented so that it stays a paragraph. :func:`reads_back` proves the round trip.
"""

from __future__ import annotations

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
