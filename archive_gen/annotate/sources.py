"""Who reported, who is cited, who took the pictures.

- wire: the agencies of the sign-off ``(red, APA, 19.6.2024)``;
- cited: agencies and outlets named in the text (``nach Angaben der … Interfax``);
- photo: agencies in the photo and video credits. Photographers are kept with their
  caption as credits and never become actors.
"""

from __future__ import annotations

from ..ingest.credits import credit_segments
from ..model import Block, Caption, Mention, Source, SourceDoc, SourceRef
from ..paths import slugify
from .matcher import END, START, AliasIndex, Token, form_key

# Credit segments that are neither agency nor photographer.
CREDIT_MARKERS = frozenset({"pool", "handout", "ho", "archiv", "archive", "file", "picturedesk.com"})


def build_index(sources: dict[str, Source]) -> AliasIndex:
    index = AliasIndex()
    for source in sorted(sources.values(), key=lambda s: s.id):
        for name in (source.name, *source.aliases):
            index.add_name(name, source.id)
    return index


def resolve(name: str, index: AliasIndex) -> str | None:
    """The registry id for a source written as ``name``, if exactly one source has it."""
    for candidate in (name, name.upper(), name.title()):
        targets = {f.target for f in index.lookup(form_key(candidate))}
        if len(targets) == 1:
            return next(iter(targets))
    return None


def wire_sources(doc: SourceDoc, index: AliasIndex) -> list[SourceRef]:
    if doc.signoff is None:
        return []
    refs = []
    for agency in doc.signoff.agencies:
        known = resolve(agency, index)
        refs.append(SourceRef(known or slugify(agency), "wire", name=None if known else agency))
    return refs


def find_mentions(text: str, tokens: list[Token], index: AliasIndex) -> list[Mention]:
    """Agencies and outlets named in the text (``Nachrichtenagentur Interfax``)."""
    found = []
    for first, last, forms in index.scan(tokens):
        targets = {f.target for f in forms}
        if len(targets) == 1:
            start, end = tokens[first][START], tokens[last][END]
            found.append(Mention(next(iter(targets)), start, end, text[start:end]))
    return found


def captions_and_credits(blocks: tuple[Block, ...], index: AliasIndex) -> tuple[list[Caption], list[SourceRef]]:
    """Captions with their photographers and agencies, and the photo sources they give."""
    captions: list[Caption] = []
    refs: list[SourceRef] = []
    for block in blocks:
        if block.kind not in ("caption", "credit") or not block.credit:
            continue
        agencies, photographers = classify_credit(block.credit, index)
        for source_id, unknown_name in agencies:
            refs.append(SourceRef(source_id, "photo", credit=block.credit, name=unknown_name))
        if block.kind == "caption":
            captions.append(Caption(block.text, block.credit, block.start, block.end,
                                    tuple(photographers), tuple(a for a, _ in agencies)))
    return captions, refs


def classify_credit(credit: str, index: AliasIndex) -> tuple[list[tuple[str, str | None]], list[str]]:
    """Split ``AFP/POOL/GAVRIIL GRIGOROV`` into agencies [(afp, None)] and photographers.

    A segment the registry knows is an agency; a marker like POOL is dropped; a segment of
    two or more words is a person; a single unknown word is an agency we have no entry for.
    """
    agencies: list[tuple[str, str | None]] = []
    photographers: list[str] = []
    for segment in credit_segments(credit):
        known = resolve(segment, index)
        if known:
            agencies.append((known, None))
        elif segment.lower() in CREDIT_MARKERS:
            continue
        elif len(segment.split()) >= 2:
            photographers.append(_person_case(segment))
        else:
            agencies.append((slugify(segment), segment))
    unique = list(dict.fromkeys(agencies))
    return unique, list(dict.fromkeys(photographers))


def _person_case(name: str) -> str:
    """``GAVRIIL GRIGOROV`` → ``Gavriil Grigorov``; mixed-case names stay as written."""
    return name.title() if name.isupper() else name
