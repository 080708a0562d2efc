"""The Markdown reader: YAML front matter, then a body split into blocks like wire text.

Front matter is the editor's word and goes to ``SourceDoc.meta`` untouched (with the line of
each key); :mod:`archive_gen.front_matter` owns the YAML. The body is split by the same code
as raw wire text (captions, credit lines, subheads, sign-off, dateline), plus ATX headings
(``## Zwischentitel``) as subheads. Inline Markdown stays literal text: rendering is the
writer's job, and offsets must stay those of the text the editor wrote.
"""

from __future__ import annotations

from dataclasses import replace

from .. import front_matter
from ..errors import ContentError
from ..lang import normalize_newlines
from ..model import SourceDoc
from .wire import parse_body

FORMAT = "markdown"


def parse(text: str, path: str) -> SourceDoc:
    """Read a Markdown article (already decoded); raises :class:`ContentError` subclasses."""
    text = normalize_newlines(text.lstrip("\ufeff"))
    parts = front_matter.split(text, path)
    if not parts.body.strip():
        raise ContentError(
            path,
            min(parts.body_line, max(1, len(text.splitlines()))),  # stay inside the file
            "empty article",
            "write the article text below the front matter",
        )
    doc = parse_body(
        parts.body, path, fmt=FORMAT, first_line=parts.body_line, header=False, headings=True
    )
    return replace(doc, meta=parts.meta, meta_lines=parts.meta_lines)
