"""The raw wire-text reader: ``date 2024-06 Lead …`` then paragraphs, captions, a sign-off.

The format, as wire services and Der Standard deliver it:

- an optional first line ``date YYYY-MM[-DD]`` (``date:`` too), which may run straight on
  into the lead;
- paragraphs separated by blank lines (lines of one paragraph are joined with a space);
- captions: paragraphs ending with a photo credit (``… empfangen. IMAGO/Gavriil Grigorov``),
  credit lines (``AFP``), short subheads without final punctuation;
- a sign-off ``(red, APA, 19.6.2024)`` closing the last paragraph;
- a dateline ``Wien – `` / ``WASHINGTON, Feb 26 - `` near the start (Der Standard runs title
  and lead into the text, so it may follow the first sentence).

The block logic (:func:`parse_body`) is shared with the Markdown reader, which adds ATX
headings. Everything here is pure: text in, :class:`SourceDoc` out; only
:class:`ContentError` escapes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from ..errors import ContentError, Diagnostic, Severity
from ..lang import normalize_newlines
from ..lang.lexicon import NOT_PLACE_START, PLACE_PARTICLES, month_pattern
from ..lang.sentences import sentence_ends
from ..model import Block, BlockKind, Dateline, SignOff, SourceDoc
from .credits import split_credit
from .signoff import MAX_YEAR, MIN_YEAR, date_problem, find_inner_signoff, find_signoff

FORMAT = "wire"

# The header line: "date 2024-06", " date: 2024-06-19", case-insensitive; what follows on
# the same line is the lead.
_HEADER = re.compile(r"\s*date(?:\s*:\s*|\s+)(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?=\s|$)", re.IGNORECASE)

# An ATX heading in Markdown: up to three spaces, 1–6 '#', a space, text, optional closing #s.
_HEADING = re.compile(r" {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*")

# A subhead may not end with these (after closing quotes/brackets are set aside).
_SENTENCE_FINAL = frozenset(".!?:;,…–—-")
_CLOSERS = "\"'“”„»«’)]"
# Lines starting like a list, a quote, a table row or a parenthesis are not subheads.
_NOT_SUBHEAD_START = tuple("-*+>|(")
MAX_SUBHEAD_CHARS = 120

# --------------------------------------------------------------------------- datelines

# How far into the first paragraph a dateline may start (title and lead run in first).
MAX_DATELINE_OFFSET = 300
# A place word: a letter, then letters, digits, dots ("St."), hyphens, apostrophes.
_PW = r"[^\W\d_][\w.'’-]*"
# A place of up to four words ("Halle an der Saale"; _plausible_place checks the case),
# up to four places joined by "/" ("Berlin/Brüssel", "Iowa City / Wien"), an optional
# aside ("Breslau (Wroclaw)"), then an en/em dash or a spaced hyphen.
_PLACE = rf"{_PW}(?:[ ]+{_PW}){{0,3}}"
_GERMAN_DATELINE = re.compile(
    rf"(?P<place>{_PLACE}(?:\s*/\s*{_PLACE}){{0,3}})"
    rf"(?P<aside>\s*\([^()]{{1,40}}\))?\s+(?:[–—]|--?)\s+(?=\S)"
)
# The Reuters form: "WASHINGTON, Feb 26 - ", "SAN JOSE, Calif., March 2 -", "London, March 12 -":
# a place of 1–3 capitalised words, an optional state or country, an English month and day.
_EN_MONTH = month_pattern("en")
_ENGLISH_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Za-z.'’-]+(?: [A-Z][A-Za-z.'’-]+){0,2}),"
    r"(?:\s+[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?,)?"
    rf"\s+(?i:(?:{_EN_MONTH})[a-z]*)\.?\s+\d{{1,2}}\s+--?\s+(?=\S)"
)


@dataclass(frozen=True)
class _Para:
    """One paragraph: its joined text and where each joined line starts."""

    text: str
    line_starts: tuple[tuple[int, int], ...]  # (offset in text, 1-based file line)
    heading: bool = False

    @property
    def line(self) -> int:
        return self.line_starts[0][1]

    def line_at(self, offset: int) -> int:
        """The file line of a character offset in ``text``."""
        line = self.line_starts[0][1]
        for start, number in self.line_starts:
            if start > offset:
                break
            line = number
        return line


# --------------------------------------------------------------------------- public


def parse(text: str, path: str) -> SourceDoc:
    """Read raw wire text (already decoded); raises :class:`ContentError` when it is unusable."""
    return parse_body(text, path, fmt=FORMAT, first_line=1, header=True, headings=False)


def parse_body(
    body: str,
    path: str,
    *,
    fmt: str,
    first_line: int = 1,
    header: bool = True,
    headings: bool = False,
) -> SourceDoc:
    """Split an article body into blocks, sign-off and dateline.

    ``first_line`` is the file line of the body's first line (Markdown bodies start after
    the front matter); ``header`` looks for a ``date`` line; ``headings`` turns ATX
    headings (``## …``) into subheads.
    """
    body = normalize_newlines(body.lstrip("\ufeff"))
    lines = body.split("\n")
    notes: list[Diagnostic] = []

    header_date: str | None = None
    header_line = first_line
    if header:
        header_date, header_line, lines = _read_header(lines, path, first_line, notes)

    paras = _paragraphs(lines, first_line, headings)
    signoff, paras = _take_signoff(paras, path, notes)

    blocks: list[Block] = []
    sources: list[_Para] = []  # the paragraph each block came from, for line numbers
    for para in paras:
        blocks.append(_block(para, first=not blocks))
        sources.append(para)
    if not blocks:
        raise ContentError(
            path,
            header_line,
            "empty article",
            "the file has no article text" + (" after the date line" if header_date else ""),
        )
    placed = SourceDoc.place_blocks(blocks)
    return SourceDoc(
        path=path,
        format=fmt,
        blocks=placed,
        header_date=header_date,
        header_line=header_line,
        signoff=signoff,
        dateline=_dateline(placed, sources),
        notes=tuple(notes),
    )


def atx_heading(line: str) -> str | None:
    """The text of a Markdown ATX heading line (``## Zwischentitel ##`` → ``Zwischentitel``),
    ``""`` for an empty heading (``##``), None when the line is no heading."""
    match = _HEADING.fullmatch(line)
    if match is None:
        return None
    return (match.group(1) or "").strip()


def find_dateline(text: str) -> tuple[str, int, int] | None:
    """``(place, start, end)`` of a dateline near the start of ``text``, or None.

    Conservative: only an en dash or a spaced hyphen after 1–3 capitalised words per place
    (``Berlin/Brüssel – ``), or an ALL-CAPS place with ``, Mon DD -`` (Reuters), at the start
    of the text or of one of its sentences within the first 300 characters.
    """
    # a sentence may start right after the dateline's place: look one character further
    starts = [0] + [following for _, following in sentence_ends(text, 0, MAX_DATELINE_OFFSET + 2)]
    for start in starts:
        if start > MAX_DATELINE_OFFSET:
            break
        match = _ENGLISH_DATELINE.match(text, start)
        if match is None:
            match = _GERMAN_DATELINE.match(text, start)
            if match is None or not _plausible_place(match.group("place")):
                continue
            following = text[match.end() : match.end() + 1]
            if not (following.isupper() or following.isdigit() or following in "\"„“»'"):
                continue
        place = match.group("place")
        return place, match.start("place"), match.start("place") + len(place)
    return None


# --------------------------------------------------------------------------- steps


def _read_header(
    lines: list[str], path: str, first_line: int, notes: list[Diagnostic]
) -> tuple[str | None, int, list[str]]:
    """Find ``date YYYY-MM[-DD]`` on the first non-blank line; remove it from the text."""
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        match = _HEADER.match(line)
        number = first_line + index
        if match is None:
            return None, number, lines
        rest = line[match.end() :]
        lines = lines[:index] + [rest] + lines[index + 1 :]
        year, month = int(match.group(1)), int(match.group(2))
        day = int(match.group(3)) if match.group(3) else None
        if _valid_date(year, month, day):
            value = f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
            return value, number, lines
        notes.append(
            Diagnostic(
                path,
                number,
                Severity.WARNING,
                f"invalid date in header line: '{match.group(0).strip()}'",
                "write 'date YYYY-MM' or 'date YYYY-MM-DD' with a real month and day",
            )
        )
        return None, number, lines
    return None, first_line, lines


def _valid_date(year: int, month: int, day: int | None) -> bool:
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        return False
    try:
        dt.date(year, month, day or 1)
    except ValueError:
        return False
    return True


def _paragraphs(lines: list[str], first_line: int, headings: bool) -> list[_Para]:
    """Group non-blank lines into paragraphs; with ``headings``, an ATX heading stands alone."""
    paras: list[_Para] = []
    current: list[tuple[int, str]] = []

    def flush() -> None:
        if current:
            paras.append(_join(current))
            current.clear()

    for index, raw in enumerate(lines):
        number = first_line + index
        stripped = raw.strip()
        if not stripped:
            flush()
            continue
        title = atx_heading(raw) if headings else None
        if title is not None:
            flush()
            if title:
                paras.append(_Para(title, ((0, number),), heading=True))
            continue
        current.append((number, stripped))
    flush()
    return paras


def _join(lines: list[tuple[int, str]]) -> _Para:
    starts: list[tuple[int, int]] = []
    offset = 0
    for number, text in lines:
        starts.append((offset, number))
        offset += len(text) + 1
    return _Para(" ".join(text for _, text in lines), tuple(starts))


def _take_signoff(
    paras: list[_Para], path: str, notes: list[Diagnostic]
) -> tuple[SignOff | None, list[_Para]]:
    """Remove the sign-off from the last paragraph (or, failing that, a dated one earlier;
    or, failing that, a dated one standing inside the last paragraph).

    Der Standard sometimes appends a box (results, a product's price) after the sign-off;
    a dated sign-off closing an earlier paragraph is still the article's sign-off, and so is
    one before the box when the text has lost its paragraph breaks.
    """
    candidates = [i for i, p in enumerate(paras) if not p.heading]
    found = _trailing_signoff(paras, candidates) or _inner_signoff(paras, candidates)
    if found is None:
        return None, paras
    index, before, signoff, after = found
    para = paras[index]
    signoff = replace(signoff, line=para.line_at(para.text.rfind(signoff.raw)))
    problem = date_problem(signoff)
    if problem:
        notes.append(Diagnostic(path, signoff.line, Severity.WARNING, problem, "check the day, month and year"))
    rest = paras[:index]
    if before:
        rest.append(_Para(before, tuple(s for s in para.line_starts if s[0] < len(before))))
    if after:
        rest.append(_tail(para, len(para.text) - len(after)))
    return signoff, rest + paras[index + 1 :]


def _trailing_signoff(paras: list[_Para], candidates: list[int]) -> tuple[int, str, SignOff, str] | None:
    for rank, index in enumerate(reversed(candidates)):
        found = find_signoff(paras[index].text, paras[index].line)
        if found is not None and (rank == 0 or found[1].date is not None):
            return index, found[0], found[1], ""
    return None


def _inner_signoff(paras: list[_Para], candidates: list[int]) -> tuple[int, str, SignOff, str] | None:
    """A dated sign-off inside the last paragraph only: there a box was run on after it (text
    without paragraph breaks); earlier, a dated parenthesis is more likely a citation."""
    if not candidates:
        return None
    index = candidates[-1]
    found = find_inner_signoff(paras[index].text, paras[index].line)
    return (index, *found) if found is not None else None


def _tail(para: _Para, start: int) -> _Para:
    """The rest of a paragraph from ``start`` on, as a paragraph of its own."""
    starts = [(offset - start, line) for offset, line in para.line_starts if offset > start]
    return _Para(para.text[start:], ((0, para.line_at(start)), *starts))


def _block(para: _Para, first: bool) -> Block:
    """Classify one paragraph: subhead (heading), caption, credit line, subhead or paragraph."""
    if para.heading:
        return Block("subhead", para.text, para.line)
    credit = split_credit(para.text)
    if credit is not None:
        caption, printed = credit
        if caption:
            return Block("caption", caption, para.line, credit=printed)
        return Block("credit", printed, para.line, credit=printed)
    kind: BlockKind = "subhead" if not first and _looks_like_subhead(para.text) else "paragraph"
    return Block(kind, para.text, para.line)


def _looks_like_subhead(text: str) -> bool:
    """Short, no sentence-final punctuation, starts like a title: a subhead."""
    text = text.strip()
    if not text or len(text) > MAX_SUBHEAD_CHARS or text.startswith(_NOT_SUBHEAD_START):
        return False
    if text[0].islower() or not any(ch.isalpha() for ch in text):
        return False
    core = text.rstrip(_CLOSERS)
    return bool(core) and core[-1] not in _SENTENCE_FINAL


def _dateline(blocks: tuple[Block, ...], sources: list[_Para]) -> Dateline | None:
    """The dateline of the first paragraph (after a leading subhead at most)."""
    for block, para in zip(blocks[:2], sources):
        if block.kind != "paragraph":
            continue
        found = find_dateline(block.text)
        if found is None:
            return None
        place, start, end = found
        return Dateline(place, para.line_at(start), block.start + start, block.start + end)
    return None


def _plausible_place(place: str) -> bool:
    """Every part capitalised (particles aside), no sentence-opening function word first."""
    for part in re.split(r"\s*/\s*", place):
        words = part.split()
        if not words or words[0] in NOT_PLACE_START:
            return False
        if any(len(w) > 30 or any(ch.isdigit() for ch in w) for w in words):
            return False
        if not words[0][0].isupper() or not words[-1][0].isupper():
            return False
        if not all(w[0].isupper() or w in PLACE_PARTICLES for w in words):
            return False
        if sum(1 for w in words if w[0].isupper()) > 3:
            return False
        # a dot ends only abbreviations ("St. Pölten"); "Pölten. St. Pölten" spans a sentence end
        if any(w.endswith(".") and len(w) > 3 for w in words) or words[-1].endswith("."):
            return False
    return True
