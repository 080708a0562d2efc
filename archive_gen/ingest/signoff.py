"""The sign-off grammar: the closing ``(red, APA, 19.6.2024)`` of a wire article.

A sign-off is a parenthesis at the very end of an article, made of *items* separated by
``,`` ``;`` ``/`` or a spaced dash. Each item must be one of:

    date          16.8.2015 · 31. 7. 2015 · 13.02.16 · 2015-08-16 · 16. August 2015
    agency        an ALL-CAPS token (APA, AFP) or a wire code (dpa, sid, Reuters)
    outlet        several ALL-CAPS words (DER STANDARD) or a domain (derStandard.at)
    editor code   a short lowercase token, maybe with a dot (red, wh, stu.)
    person        two or more capitalised words (Maria Sterkl, Colette M. Schmidt),
                  optionally ``aus <Ort>`` (Thomas Mayer aus Brüssel → place)
    labelled      ``Text: Maria Sterkl`` / ``Video: APA`` (the value is classified again)
    name          one capitalised word (Bloomberg): taken as an agency, but weak evidence

A parenthesis with an unclassifiable item is not a sign-off, and neither is one that only
holds names or persons: ``(Rückenbeschwerden)``, ``(ESP)``, ``(Hans Müller)`` are ordinary
text. The grammar decides by form; which agency an item names is the annotator's business.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..lang.lexicon import NAME_PARTICLES, month_numbers
from ..model import SignOff

# Lowercase (or mixed-case) codes of wire services as they appear in sign-offs and credits.
# A grammar constant: these tokens are agencies by convention, whatever their case.
WIRE_CODES = frozenset(
    {
        "afp", "ansa", "ap", "apa", "ats", "bloomberg", "ddp", "dapd", "dpa", "efe", "epa",
        "epd", "kap", "kna", "ots", "reuters", "sda", "sid", "tass", "upi", "xinhua",
    }
)  # fmt: skip

# Short lowercase abbreviations that look like editor codes but are ordinary text: "(sic)".
_NOT_EDITOR_CODES = frozenset({"ca", "etc", "ff", "sic", "ua", "usw", "bzw", "vgl", "zb", "uvm"})

# Labels that introduce a contributor inside a sign-off: "(Text: X, Video: Y, 1.10.2015)".
_LABELS = frozenset(
    {
        "text", "texte", "video", "videos", "foto", "fotos", "bild", "bilder", "grafik",
        "interview", "recherche", "mitarbeit", "protokoll", "übersetzung", "kamera", "schnitt",
        "audio", "ton", "moderation", "illustration", "redaktion", "produktion",
    }
)  # fmt: skip

# German month names and abbreviations from CLDR ("jänner", "sept", "feber" added by hand).
_MONTHS = month_numbers("de")

# Earliest and latest year a sign-off date may plausibly carry; "30.9.3015" is a typo.
MIN_YEAR, MAX_YEAR = 1900, 2100

# --------------------------------------------------------------------------- patterns

# Item separators: , ; / and a dash (en/em dash anywhere, a hyphen only when spaced:
# "APA/sid/red – 11.7. 2015"; "Garmisch-Partenkirchen" keeps its hyphen).
_SEPARATOR = re.compile(r"\s*(?:[,;/]|[–—]|\s-\s)\s*")

# d.m.yyyy with optional spaces after the dots, 2- or 4-digit year: "31. 7. 2015", "13.02.16".
_DMY = re.compile(r"(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{2}|\d{4})")
# Anything shaped like a numeric date, valid or not ("30.9.3015", "31.2.2015").
_DATE_LIKE = re.compile(r"\d{1,2}\.\s*\d{1,2}\.\s*\d{1,4}")
# ISO dates, as machine-made sign-offs write them.
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
# "16. August 2015", "3. Jänner 16", "16. Aug. 2015".
_DMONTHY = re.compile(r"(\d{1,2})\.\s*([^\W\d_]+)\.?\s+(\d{2}|\d{4})")

# A word of a personal name: capitalised, may hold hyphens, apostrophes ("O'Brien") and
# letters of any script; or an initial with a dot ("M.").
_NAME_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*\.?")
# An ALL-CAPS token (letters, maybe hyphenated): "APA", "AFP", "APA-OTS".
_CAPS_TOKEN = re.compile(r"[^\W\d_]{2,}(?:-[^\W\d_]+)*")
# An editor code: 2–5 lowercase letters, maybe with a dot ("red", "stu.").
_EDITOR_CODE = re.compile(r"[a-zäöüß]{2,5}\.?")
# A domain-like outlet: "derStandard.at".
_DOMAIN = re.compile(r"[A-Za-z][\w-]*\.(?:at|de|ch|com|net|org|eu|info)")
# A date glued to the word before it: "APA 4.9.2015".
_GLUED_DATE = re.compile(r"([^\W\d_][\w./-]*)\s+(\d{1,2}\.\s*\d{1,2}\.\s*\d{2,4})")
# "Label: value" inside a sign-off item.
_LABELLED = re.compile(r"([^\W\d_]+)\s*:\s*(.+)")
# "Person aus Ort": the reporter's place of filing.
_FROM_PLACE = re.compile(r"(.+?)\s+aus\s+(.+)")
# Several persons in one item: "Maria Sterkl und Irene Brickner".
_AND = re.compile(r"\s+(?:und|&)\s+")

# The trailing parenthesis of a paragraph: closed, maybe followed by a stray dot, or left
# unclosed at the very end ("(Renate Graber, 23.11.2015" – cut off in the source).
_TRAILING_CLOSED = re.compile(r"\(([^()]{1,200})\)\s*\.?\s*$")
_TRAILING_OPEN = re.compile(r"\(([^()]{1,200})$")


# --------------------------------------------------------------------------- items


@dataclass
class _Found:
    """What the items of one parenthesis turned out to be (filled item by item)."""

    date: dt.date | None = None
    date_like: bool = False  # a date-shaped item was seen, valid or not
    agencies: list[str] = field(default_factory=list)  # ALL-CAPS tokens, wire codes, single names
    outlets: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    editor_codes: list[str] = field(default_factory=list)
    place: str | None = None
    labelled: bool = False

    @property
    def strong(self) -> bool:
        """True when some item is typical of a sign-off rather than of ordinary text."""
        return bool(
            self.date_like
            or self.editor_codes
            or self.outlets
            or self.place
            or self.labelled
            or any(a.lower() in WIRE_CODES for a in self.agencies)
        )


def parse_date(item: str) -> tuple[dt.date | None, bool]:
    """``(date, date_like)`` for one item: ``date_like`` is True for "30.9.3015" too."""
    item = item.strip()
    match = _DMY.fullmatch(item) or _ISO.fullmatch(item)
    if match:
        a, b, c = (int(g) for g in match.groups())
        day, month, year = (c, b, a) if match.re is _ISO else (a, b, c)
        return _make_date(year, month, day), True
    match = _DMONTHY.fullmatch(item)
    if match and match.group(2).lower() in _MONTHS:
        return _make_date(int(match.group(3)), _MONTHS[match.group(2).lower()], int(match.group(1))), True
    return None, bool(_DATE_LIKE.fullmatch(item))


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    if year < 100:  # two-digit years: "13.02.16" is 2016, "3.4.98" is 1998
        year += 2000 if year < 70 else 1900
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def is_person(text: str) -> bool:
    """Two to six name words, the first and last capitalised, particles between."""
    words = text.split()
    if not 2 <= len(words) <= 6:
        return False
    if not all(_NAME_WORD.fullmatch(w) for w in words):
        return False
    if not (words[0][0].isupper() and words[-1][0].isupper()):
        return False
    if words[-1].endswith(".") and len(words[-1]) > 2:  # "Hans Müller." is a sentence end
        return False
    if all(w.isupper() and len(w) > 1 for w in words):  # "DER STANDARD" is an outlet
        return False
    return all(w[0].isupper() or w in NAME_PARTICLES for w in words)


def _is_place(text: str) -> bool:
    """One to four capitalised words (hyphens allowed), particles between: "Den Haag"."""
    words = text.split()
    if not 1 <= len(words) <= 4 or not all(_NAME_WORD.fullmatch(w) for w in words):
        return False
    return words[0][0].isupper() and all(w[0].isupper() or w in NAME_PARTICLES for w in words)


def _classify(item: str, found: _Found) -> bool:
    """Record one item in ``found``; False when it fits no rule of the grammar."""
    date, date_like = parse_date(item)
    if date_like:
        found.date_like = True
        found.date = found.date or date
        return True
    if item.lower() in WIRE_CODES:
        found.agencies.append(item)
        return True
    if _CAPS_TOKEN.fullmatch(item) and item.isupper():
        found.agencies.append(item)
        return True
    words = item.split()
    if len(words) >= 2 and all(_CAPS_TOKEN.fullmatch(w) and w.isupper() for w in words):
        found.outlets.append(item)
        return True
    if _DOMAIN.fullmatch(item):
        found.outlets.append(item)
        return True
    if _EDITOR_CODE.fullmatch(item) and item.rstrip(".") not in _NOT_EDITOR_CODES:
        found.editor_codes.append(item)
        return True
    if len(words) == 1 and _NAME_WORD.fullmatch(item) and item[0].isupper() and not item.endswith("."):
        found.agencies.append(item)  # "Bloomberg": counts only next to stronger items
        return True
    labelled = _LABELLED.fullmatch(item)
    if labelled and labelled.group(1).lower() in _LABELS:
        found.labelled = True
        return all(_classify_contributor(v, found) for v in _AND.split(labelled.group(2).strip()))
    from_place = _FROM_PLACE.fullmatch(item)
    if from_place and is_person(from_place.group(1)) and _is_place(from_place.group(2)):
        found.authors.append(from_place.group(1))
        found.place = found.place or from_place.group(2)
        return True
    persons = _AND.split(item)
    if all(is_person(p) for p in persons):
        found.authors.extend(persons)
        return True
    return False


def _classify_contributor(value: str, found: _Found) -> bool:
    """The value after ``Text:``/``Video:``: a person, an agency or an editor code."""
    if is_person(value):
        found.authors.append(value)
        return True
    if value.lower() in WIRE_CODES or (_CAPS_TOKEN.fullmatch(value) and value.isupper()):
        found.agencies.append(value)
        return True
    if _EDITOR_CODE.fullmatch(value):
        found.editor_codes.append(value)
        return True
    return False


def _items(inner: str) -> list[str]:
    """The items of a parenthesis; a date glued to the item before it is one item of its own:
    ``(APA 4.9.2015)``."""
    items = []
    for item in _SEPARATOR.split(inner.strip()):
        glued = _GLUED_DATE.fullmatch(item)
        items.extend(glued.groups() if glued else [item])
    return [i for i in items if i]


def _analyse(inner: str) -> _Found | None:
    """Classify every item; None unless all fit and one of them is typical of a sign-off.

    Next to an author, a single capitalised word is the paper's section, not an agency:
    ``(Wolfgang Weisgram, Album, 14.2.2016)``.
    """
    items = _items(inner)
    found = _Found()
    if not items or not all(_classify(item, found) for item in items):
        return None
    if found.authors:
        found.agencies = [a for a in found.agencies if a.isupper() or a.lower() in WIRE_CODES]
    return found if found.strong else None


# --------------------------------------------------------------------------- public


def parse_signoff(text: str, line: int = 1) -> SignOff | None:
    """Parse ``(red, APA, 19.6.2024)`` (parentheses optional); None when it is not a sign-off.

    An impossible date ("30.9.3015") still makes a sign-off, with ``date`` None; see
    :func:`date_problem` to report it.
    """
    raw = text.strip()
    inner = raw[1:] if raw.startswith("(") else raw
    inner = inner[:-1] if inner.endswith(")") else inner
    if not inner.strip() or "(" in inner or ")" in inner:
        return None
    found = _analyse(inner)
    if found is None:
        return None
    return SignOff(
        raw=raw,
        line=line,
        date=found.date,
        agencies=tuple(dict.fromkeys(found.agencies)),
        authors=tuple(dict.fromkeys(found.authors)),
        editor_codes=tuple(dict.fromkeys(found.editor_codes)),
        place=found.place,
    )


# Reuters' own sign-off: the agency's name alone after the last sentence ("… it said. Reuter").
_TRAILING_BARE = re.compile(r"(?:^|(?<=[.!?\"”)])\s+)(?P<code>[A-Za-z]{2,8})\s*$")


_BARE_CODES = WIRE_CODES | {"reuter"}


def find_signoff(paragraph: str, line: int = 1) -> tuple[str, SignOff] | None:
    """Split a paragraph's trailing sign-off off: ``(text_before, signoff)`` or None.

    An unclosed parenthesis at the very end counts only when it carries a valid date:
    "(Renate Graber, 23.11.2015" is a cut-off sign-off, "(Hans" is not.
    """
    text = paragraph.rstrip()
    # The code can only be the last word (up to 8 letters): look at it before the search, which
    # tries every position of the paragraph.
    last = text[-9:].split()
    bare = _TRAILING_BARE.search(text) if last and last[-1].lower() in _BARE_CODES else None
    if bare is not None and bare.group("code").lower() in _BARE_CODES:
        code = bare.group("code")
        agency = "Reuters" if code.lower() == "reuter" else code
        return text[: bare.start("code")].rstrip(), SignOff(raw=code, line=line, agencies=(agency,))
    match = _TRAILING_CLOSED.search(text)
    closed = match is not None
    if match is None:
        match = _TRAILING_OPEN.search(text)
        if match is None:
            return None
    signoff = parse_signoff(match.group(0).rstrip(". \t") if closed else match.group(0), line)
    if signoff is None or (not closed and signoff.date is None):
        return None
    return text[: match.start()].rstrip(), signoff


# A parenthesis inside a paragraph, after a sentence's end: where a flattened article's
# sign-off stands before an appended box ("… Ende. (APA, 5.9.2015) Fußball-Ergebnisse: …").
_INNER = re.compile(r"(?<=[.!?…\"“”»)])\s+(\([^()]{1,200}\))(?=\s|$)")


def find_inner_signoff(paragraph: str, line: int = 1) -> tuple[str, SignOff, str] | None:
    """``(text_before, signoff, text_after)`` for the last dated sign-off that stands as its own
    unit inside a paragraph: after a sentence's end, before more text. None when there is none."""
    if "(" not in paragraph:  # most paragraphs: the search below would try every position
        return None
    for match in reversed(list(_INNER.finditer(paragraph))):
        signoff = parse_signoff(match.group(1), line)
        if signoff is not None and signoff.date is not None and paragraph[match.end():].strip():
            return paragraph[: match.start()].rstrip(), signoff, paragraph[match.end():].strip()
    return None


def date_problem(signoff: SignOff) -> str | None:
    """A message when the sign-off has a date-shaped item that is not a real date."""
    if signoff.date is not None:
        return None
    inner = signoff.raw.strip("() \t")
    for item in _SEPARATOR.split(inner):
        date, date_like = parse_date(item)
        if date_like and date is None:
            return f"sign-off date '{item.strip()}' is not a valid date"
    return None

