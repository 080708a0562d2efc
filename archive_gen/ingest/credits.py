"""Photo and video credits: ``… empfangen. IMAGO/Gavriil Grigorov``, ``Foto: APA/HELMUT FOHRINGER``.

A credit is recognised by its *form*, never by a list of names: segments separated by ``/``,
each a short run of name-like words (capitalised or ALL-CAPS, name particles between, no
digits, no sentence punctuation), standing after the caption's last sentence. A labelled
credit (``Foto:``, ``Bild:``, ``Video:`` …) may be looser, because the label says what it is.
Ingest knows no registry: a later stage decides which segments are agencies and which are
photographers.

Body text ends with sentence punctuation, so its "tail" is empty and it never becomes a
caption. The ambiguous cases are short paragraphs without punctuation (subheads such as
``CDU/CSU``); for those a credit needs stronger evidence: a photographer's full name
(a segment of several words) or a wire code (``APA``, ``dpa``).
"""

from __future__ import annotations

import re

from ..lang.firstchars import with_first_chars
from ..lang.lexicon import NAME_PARTICLES
from ..lang.sentences import BREAK
from .signoff import WIRE_CODES

# Codes that may stand alone as a whole credit line ("AFP" under an embedded video).
# A grammar constant: wire codes plus the big photo agencies' short names.
_STANDALONE_CODES = WIRE_CODES | frozenset({"imago", "getty", "apa-fotoservice", "picturedesk"})

# Labels that introduce a credit; stripped by credit_segments.
_LABEL_WORDS = r"Fotos?|Bild(?:er)?|Photos?|Videos?|Grafik|Illustration|Screenshot"
# A label with its colon, e.g. "Foto: ", matched case-sensitively (labels are capitalised).
# Tried only where a label word can begin (lang.firstchars): every paragraph is searched.
_LABEL = with_first_chars(re.compile(rf"(?<![^\s(\[–—-])(?:{_LABEL_WORDS})\s*:\s*"))
# A label at the start of a credit, for stripping.
_LEADING_LABEL = re.compile(rf"^\s*(?:{_LABEL_WORDS})\s*:\s*", re.IGNORECASE)

# What may stand right before a label without further evidence: start, sentence end,
# an opening bracket or a dash used as a separator ("Kanzler im Parlament – Foto: APA").
_LABEL_CONTEXT = re.compile(r"(?:^|[.!?…][\"'“”„»«’)\]]*\s+|[(\[]\s*|\s[–—-]\s*)$")
# Sentence punctuation or quotes inside a labelled credit mean it is running text.
_NOT_IN_LABELLED = re.compile(r"[.!?…]\s|[\"“”„»«:;!?]|[.,]$")

# One word of a credit segment: letters with inner hyphens/apostrophes ("Young-joon",
# "O'Neill"); an initial ("J."); or a domain ("picturedesk.com").
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*")
_INITIAL = re.compile(r"[^\W\d_]\.")
_DOMAIN = re.compile(r"[^\W\d_][\w-]*(?:\.[a-z]{2,6})+")

_SPACE = re.compile(r"\s+")
# A gap of tabs or 3+ spaces is table layout ("Oct/Dec      Jan/Dec"), not a printed credit.
_GAP = re.compile(r"\t| {3,}")

MAX_SEGMENT_WORDS = 5
MAX_CREDIT_CHARS = 100
MAX_CAPTION_CHARS = 5000  # longer paragraphs are body text, whatever they end with


def credit_segments(credit: str) -> tuple[str, ...]:
    """The parts of a credit between slashes, label stripped, for mapping to agencies later.

    ``"EPA/GAVRIIL GRIGOROV / SPUTNIK /"`` → ``("EPA", "GAVRIIL GRIGOROV", "SPUTNIK")``.
    """
    body = _LEADING_LABEL.sub("", credit, count=1)
    return tuple(s.strip() for s in body.split("/") if s.strip())


def split_credit(paragraph: str) -> tuple[str, str] | None:
    """``(caption_text, credit)`` when the paragraph ends with a credit, else None.

    ``caption_text`` is empty when the paragraph is nothing but a credit.
    """
    text = paragraph.strip()
    if not text or len(text) > MAX_CAPTION_CHARS:
        return None
    return _split_labelled(text) or _split_unlabelled(text)


# --------------------------------------------------------------------------- labelled


def _split_labelled(text: str) -> tuple[str, str] | None:
    if ":" not in text:  # every label has its colon; most paragraphs have none
        return None
    for match in _LABEL.finditer(text):
        value = text[match.end() :]
        before = text[: match.start()]
        bracketed = before.rstrip().endswith(("(", "["))
        if bracketed:
            if not value.endswith((")", "]")):
                continue
            value = value[:-1].rstrip()
        if not _labelled_value_ok(value):
            continue
        if not _LABEL_CONTEXT.search(before) and not _strong_value(value):
            continue
        caption = before.rstrip()
        if bracketed:
            caption = caption[:-1]
        caption = caption.rstrip(" –—-").rstrip()
        credit = text[match.start() : match.end()] + value
        return caption, credit.strip()
    return None


def _labelled_value_ok(value: str) -> bool:
    """A short run of words and slashes with no sentence punctuation: ``APA/Hans Techt``, ``privat``."""
    if not value or len(value) > MAX_CREDIT_CHARS or _NOT_IN_LABELLED.search(value):
        return False
    if any(ch.isdigit() for ch in value) and not re.search(r"[^\W\d_]", value):
        return False
    segments = [s.split() for s in value.split("/")]
    if not segments[0]:
        return False
    # Each segment is name-like ("APA", "Bernd von Jutrczenka") or all lowercase ("privat",
    # "hans klaus techt"); a mixed-case phrase is a description: "Bild: Nächtliche Szene vor dem Haus".
    return all(
        not words or _is_segment(words) or (len(words) <= MAX_SEGMENT_WORDS and " ".join(words).islower())
        for words in segments
    )


def _strong_value(value: str) -> bool:
    """Evidence that a label preceded by a plain word still starts a credit."""
    segments = credit_segments(value)
    return len(segments) >= 2 or any(s.isupper() or s.lower() in WIRE_CODES for s in segments)


# --------------------------------------------------------------------------- unlabelled


def _split_unlabelled(text: str) -> tuple[str, str] | None:
    """The earliest start from which the rest of the paragraph is a credit by form."""
    # Candidate starts: the paragraph's start, after each sentence end, and after any space
    # (the last only for forms that cannot be running text: "… Pjöngjang AFP/POOL/X Y").
    # Only the last MAX_CREDIT_CHARS can hold a credit, so long paragraphs stay linear.
    if not _may_end_credit(text):
        return None  # most paragraphs: body text ends with a word no credit ends with
    first = max(0, len(text) - MAX_CREDIT_CHARS - 1)
    starts: list[tuple[int, str]] = [(0, "line")] if first == 0 else []
    starts += [(m.end(), "sentence") for m in BREAK.finditer(text, first)]
    starts += [(m.end(), "space") for m in _SPACE.finditer(text, first)]
    seen: set[int] = set()
    for start, how in sorted(starts, key=lambda s: (s[0], s[1] != "sentence")):
        if start in seen or start >= len(text):
            continue
        seen.add(start)
        tail = text[start:]
        if len(tail) > MAX_CREDIT_CHARS:
            continue
        caption = text[:start].rstrip()
        if caption and not any(ch.islower() for ch in caption):
            continue  # an ALL-CAPS headline ("SALES FOR MAJOR U.S. RETAILERS") is no caption
        if _is_credit(tail, how if caption else "line"):
            return caption, tail.strip()
    return None


def _may_end_credit(text: str) -> bool:
    """Whether the paragraph's last word could end a credit: every tail tried above ends
    with it (tails start after whitespace), and the last word of a valid segment is a valid
    segment alone (see :func:`_is_segment`). One cheap test instead of one per tail."""
    body = text.rstrip()
    while body.endswith("/"):  # "… / SPUTNIK /": trailing slashes end no segment
        body = body[:-1].rstrip()
    words = body.rsplit("/", 1)[-1].split()
    return bool(words) and _is_segment(words[-1:])


def _is_credit(tail: str, how: str) -> bool:
    """Whether ``tail`` has the form of a credit, given what precedes it.

    ``how``: "line" (nothing precedes: a credit line), "sentence" (a sentence ends before it)
    or "space" (a caption without final punctuation).
    """
    if _GAP.search(tail.strip()):
        return False
    raw = [s.strip() for s in tail.split("/")]
    while raw and not raw[-1]:  # "EPA/GAVRIIL GRIGOROV / SPUTNIK /": trailing slash
        raw.pop()
    if not raw or "" in raw:
        return False
    segments = [s.split() for s in raw]
    if not all(_is_segment(words) for words in segments):
        return False
    caps = [all(w.isupper() and len(w) > 1 for w in words if w not in NAME_PARTICLES) for words in segments]
    multiword = [len([w for w in words if w not in NAME_PARTICLES]) >= 2 for words in segments]
    codes = [len(words) == 1 and words[0].lower() in _STANDALONE_CODES for words in segments]
    if len(segments) == 1:
        word = segments[0]
        if len(word) != 1:
            return False
        if how == "sentence":  # "… Hauptstadt. AFP"
            return word[0].isupper() and 2 <= len(word[0]) <= 12 and _WORD.fullmatch(word[0]) is not None
        return how == "line" and codes[0]
    if how == "sentence":
        return any(caps) or any(multiword) or any(codes)
    if how == "space":
        # the first segment must be one ALL-CAPS word, and a full name must follow
        return len(segments[0]) == 1 and caps[0] and any(multiword)
    # a whole line: an agency code first ("APA/HELMUT FOHRINGER"), then a full name or a code
    return len(segments[0]) == 1 and (caps[0] or codes[0]) and (any(multiword) or any(codes))


def _is_segment(words: list[str]) -> bool:
    """1–5 name-like words; particles only inside; no digits, no sentence punctuation."""
    if not 1 <= len(words) <= MAX_SEGMENT_WORDS:
        return False
    for i, word in enumerate(words):
        if word in NAME_PARTICLES and 0 < i < len(words) - 1:
            continue
        if len(words) == 1 and word.lower() in WIRE_CODES:  # "APA/dpa/…"
            continue
        if _INITIAL.fullmatch(word) and i < len(words) - 1 and word[0].isupper():
            continue
        if _DOMAIN.fullmatch(word) and len(words) == 1:
            continue
        if not (_WORD.fullmatch(word) and word[0].isupper()):
            return False
    return True
