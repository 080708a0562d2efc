"""Escaping: every value a page prints is text, never markup, unless it is built here.

Templates print values through :func:`finalize` (Jinja's ``finalize``): plain text becomes
Markdown that renders as exactly that text, so article text can never inject HTML, scripts
or Markdown structure into a page. Editor Markdown (registry descriptions, hand-written
pages) goes through :func:`safe_markdown`: Markdown stays, raw HTML, attribute lists and
links to anything but http(s)/mailto/relative targets do not.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from markupsafe import Markup


_WHITESPACE = re.compile(r"\s+")
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]{}])")
# headings, list items, a thematic break ("---": a line of hyphens would become <hr>)
_LINE_START_MARK = re.compile(r"^(\s*)(#|[+-](?=\s|$)|-(?=-))")
_LINE_START_NUMBER = re.compile(r"^(\s*\d+)([.)])(?=\s|$)")  # ordered lists
_SAFE_URL = re.compile(r"^https?://[^\s<>()\[\]\"'`\\]+$")
# Invisible characters that only do harm: C0/C1 controls except whitespace, DEL; lone
# surrogates (undecodable file-name bytes) cannot even be written as UTF-8.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Link targets in editor Markdown: inline links and images "](dest …)", reference definitions
# "[id]: dest". Everything up to ")" counts, whitespace included: browsers drop tabs and line
# breaks inside a URL ("java\nscript:" is "javascript:"), so the check must not stop there.
_INLINE_OPEN = re.compile(r"\]\(")
_REFERENCE_TARGET = re.compile(r"^([ ]{0,3}\[[^\[\]]*\]:[ \t]*\n?[ \t]*)(\S+)", re.MULTILINE)
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):", re.IGNORECASE)
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # a backslash escape in Markdown source


def plain(value: Any) -> str:
    """Text with control characters removed and undecodable characters replaced."""
    text = str(value)
    return text if text.isprintable() else _SURROGATE.sub("\ufffd", _CONTROL.sub("", text))


def is_clean_line(text: str) -> bool:
    """No control or undecodable character, no whitespace but single spaces: the cleaning
    regexes of the renderers would return it unchanged (``isprintable`` is False for every
    control, surrogate and non-space whitespace character). Most printed values are such
    text, and skipping the regexes for them is a good part of rendering a page."""
    return text.isprintable() and "  " not in text


def md_escape(value: Any, inline: bool = False) -> str:
    """Plain text → Markdown that renders as exactly that text (no HTML, no markup).

    ``inline``: a piece inside a line; its edge spaces are kept and line-start markers
    (``# ``, ``- ``, ``1. ``) are not special there. Templates print values inline; a value
    that starts a line goes through the ``line`` filter.
    """
    text = value if type(value) is str else str(value)
    if not text.isprintable():  # plain(), then the whitespace (a no-op on text that is then clean)
        text = _WHITESPACE.sub(" ", _SURROGATE.sub("\ufffd", _CONTROL.sub("", text)))
    elif "  " in text:
        text = _WHITESPACE.sub(" ", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if _INLINE_SPECIAL.search(text) is not None:
        text = _INLINE_SPECIAL.sub(r"\\\1", text)
        if "]:" in text:  # "[a\]: b](url)" alone on a line is a reference definition to Python-Markdown
            text = text.replace("]:", "]&#58;")
    return text if inline else escape_line_start(text.strip())


def escape_line_start(text: str) -> str:
    first = text[:1]
    if not first or (first not in "#+-" and not first.isspace() and not first.isdecimal()):
        return text  # neither pattern can match (most text)
    if _LINE_START_MARK.match(text) is not None:  # both patterns are anchored: one try each
        text = _LINE_START_MARK.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    if _LINE_START_NUMBER.match(text) is not None:
        text = _LINE_START_NUMBER.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    return text


def safe_markdown(text: str) -> Markup:
    """Editor-written Markdown (descriptions, pages): Markdown stays; raw HTML does not
    (``<`` and ``&`` are escaped: no tags, comments or entities), nor do attribute lists
    (``{: onclick=…}``) or template syntax (every ``{`` is escaped), nor links to anything
    but http(s), mailto and relative targets (an allow-list: ``javascript:``, ``data:`` …
    become ``#``)."""
    text = plain(text).replace("&", "&amp;").replace("<", "&lt;").replace("{", "&#123;")
    text = _safe_inline_targets(text)
    return Markup(_REFERENCE_TARGET.sub(_safe_reference, text))


def _safe_inline_targets(text: str) -> str:
    """Every "](" opens a possible target up to the next ")", and each is judged on its own:
    a target may hold another "](" ("]([](javascript:)"), and Markdown may take either."""
    unsafe: list[tuple[int, int]] = []
    for opening in _INLINE_OPEN.finditer(text):
        start = opening.end()
        end = text.find(")", start)
        end = len(text) if end < 0 else end
        if not _allowed(text[start:end]):
            if unsafe and unsafe[-1][1] == end:  # nested in an unsafe target: that one covers it
                continue
            unsafe.append((start, end))
    for start, end in reversed(unsafe):
        text = text[:start] + "#" + text[end:]
    return text


def _safe_reference(match: re.Match) -> str:
    return match.group(0) if _allowed(match.group(2)) else match.group(1) + "#"


def _allowed(target: str) -> bool:
    """No scheme (a relative link) or one of the allowed ones."""
    scheme = _SCHEME.match(_WHITESPACE.sub("", _MD_ESCAPE.sub(r"\1", target)))
    return not scheme or scheme.group(1).lower() in SAFE_SCHEMES


def finalize(value: Any) -> Any:
    if value is None:
        return ""
    if type(value) is str:
        return _printed(value)
    # Printed values may follow "- " (a list item) or start a line: escape a leading list or
    # heading marker ("19. Juni" must not become an ordered list), keep the edge spaces.
    return value if isinstance(value, Markup) else escape_line_start(md_escape(value, inline=True))


@functools.lru_cache(maxsize=65536)
def _printed(text: str) -> str:
    """:func:`finalize` of a text: labels, names and dates are printed on thousands of pages."""
    return escape_line_start(md_escape(text, inline=True))




def safe_url(value: Any) -> Markup | None:
    """Only plain http(s) URLs become links; anything else is dropped."""
    if isinstance(value, str) and _SAFE_URL.match(value.strip()):
        return Markup(value.strip())
    return None
