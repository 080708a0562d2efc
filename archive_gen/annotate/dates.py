"""The article's date, its precision and where it came from.

Precedence: the editor's front matter, then the sign-off's day when it agrees with the
header, then the header (``date 2024-06`` → month precision). A sign-off that contradicts the
header is reported; the header wins because the collector wrote it on purpose.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..errors import ContentError, Diagnostics
from ..front_matter import coerce_date
from ..model import SourceDoc

EARLIEST = dt.date(1800, 1, 1)
_HEADER_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
PRECISIONS = ("day", "month", "year")


@dataclass(frozen=True)
class Dated:
    date: dt.date
    precision: str
    source: str


def parse_partial(value: str) -> Dated | None:
    """``2024``, ``2024-06`` or ``2024-06-19`` → a date with its precision."""
    m = _HEADER_RE.match(value.strip())
    if not m:
        return None
    year, month, day = m.group(1), m.group(2), m.group(3)
    try:
        date = dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    precision = "day" if day else "month" if month else "year"
    return Dated(date, precision, "header")


def resolve_date(doc: SourceDoc, diags: Diagnostics, today: dt.date | None = None) -> Dated:
    today = today or dt.date.today()
    dated = _choose(doc, diags)
    if dated is None:
        raise ContentError(doc.path, doc.header_line, "the article has no date",
                           "add a first line 'date YYYY-MM-DD' or 'date: YYYY-MM-DD' to the front matter")
    line = doc.meta_lines.get("date", doc.header_line)
    if dated.date < EARLIEST:
        raise ContentError(doc.path, line, f"implausible date {dated.date.isoformat()}",
                           "write the real publication date as YYYY-MM-DD")
    if dated.date > today + dt.timedelta(days=1):
        diags.warning(doc.path, line, f"date {dated.date.isoformat()} is in the future", "check the year")
    return dated


def _choose(doc: SourceDoc, diags: Diagnostics) -> Dated | None:
    if "date" in doc.meta:
        raw = doc.meta["date"]
        line = doc.meta_lines.get("date", 1)
        date = coerce_date(raw)
        partial = parse_partial(raw) if isinstance(raw, str) and date is None else None
        if date is not None:
            precision = doc.meta.get("date_precision", "day")
            if precision not in PRECISIONS:
                diags.warning(doc.path, doc.meta_lines.get("date_precision", line),
                              f"date_precision '{precision}' is not one of day, month, year",
                              "write date_precision: day, month or year (day is used)")
                precision = "day"
            return Dated(date, precision, "front matter")
        if partial is not None:
            return Dated(partial.date, partial.precision, "front matter")
        raise ContentError(doc.path, line, f"'date: {raw}' is not a date", "write it as YYYY-MM-DD, e.g. 2024-06-19")

    header = parse_partial(doc.header_date) if doc.header_date else None
    signed = doc.signoff.date if doc.signoff else None
    if signed and header:
        if _agrees(signed, header):
            return Dated(signed, "day", "sign-off")
        diags.warning(doc.path, doc.signoff.line,
                      f"sign-off date {signed.isoformat()} does not match the header date {doc.header_date}",
                      "correct one of them; the header date is used")
        return header
    if signed:
        return Dated(signed, "day", "sign-off")
    return header


def _agrees(day: dt.date, header: Dated) -> bool:
    if header.precision == "day":
        return day == header.date
    if header.precision == "month":
        return (day.year, day.month) == (header.date.year, header.date.month)
    return day.year == header.date.year
