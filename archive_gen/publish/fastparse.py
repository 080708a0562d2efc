"""The Markdown subset archive-gen's render stage writes, parsed into the HTML Python-Markdown
makes of it (with MkDocs' extensions ``toc``, ``tables``, ``fenced_code``, ``attr_list``), or
None for anything else.

Accepted, and nothing more: blocks separated by blank lines; a one-line ATX heading with an
optional ``{ .class #id }`` list; a paragraph whose last line may be such a list; a block of
``- `` items (a list right after a list: Python-Markdown's loose items); a raw ``<script>`` or
``<figure>`` block. Inline: text, backslash escapes, entities, ``**strong**``,
``[label](dest)`` with an optional ``{ … }`` right after it, ``<https://…>``. Anything that
could mean more in Python-Markdown (emphasis, code, tables, images, HTML, references, hard
breaks, block markers in odd places, tabs, trailing spaces …) makes the whole page None: the
caller renders it with Python-Markdown instead. Links are returned as :class:`Link` pieces, so
that their targets are resolved only once the whole page is known to be ours (MkDocs logs
while it resolves).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Heading", "Link", "LinkOpen", "Parsed", "parse"]

ESCAPABLE = "\\`*_{}[]()>#+-.!|"  # Python-Markdown's escapable characters, with tables' "|"
_TOKEN = re.compile(r"""
    \\(?P<esc>[\\`*_{}\[\]()>#+\-.!|])
  | (?P<ent>&(?:\#[0-9]+|\#x[0-9a-fA-F]+|[a-zA-Z0-9]+);)
  | \[(?P<label>(?:\\[\\`*_{}\[\]()>#+\-.!|]|[^\\\[\]\n`*_{}<])+)\]
    \((?P<dest>[A-Za-z0-9._~/\#:?=+,;@-]+)\)(?:\{(?P<attrs>\ (?:[.\#][A-Za-z0-9_-]+\ )+)\})?
  | (?P<strong>\*\*)
  | (?P<br>\ \ \n)
  | <(?P<auto>https?://[A-Za-z0-9._~/\#:%?=+,;@!$-]+)>
  | (?P<bad>[\\`*_{}\[\]<]|!\[)
""", re.VERBOSE)
_LABEL_TOKEN = re.compile(r"\\(?P<esc>.)|(?P<ent>&(?:\#[0-9]+|\#x[0-9a-fA-F]+|[a-zA-Z0-9]+);)|(?P<amp>&)")
_ATTRS = re.compile(r"\{ ((?:[.#][A-Za-z0-9_-]+ )+)\}")
_HEADING = re.compile(r"(#{1,6}) (?![ #])(.*?)(?: +\{ ((?:[.#][A-Za-z0-9_-]+ )+)\})?")
_ITEM_START = re.compile(r"[-+#>= ]|\*(?!\*[^ *])|\d+[.)](?: |$)|$")  # what must not start an item's or a paragraph's text
_LINE_BAD = re.compile(r"[-+*#>= ~`<|{:]|\d+\.(?: |$)")  # nor a paragraph's further line
_SEPARATOR = re.compile(r"[-|: ]+")  # a line of these under one with "|": the tables extension's table
_RAW = re.compile(r"<(script|figure)[ >]")
_OUT_ESCAPE = {">": "&gt;"}


@dataclass(slots=True)
class Link:
    """A link whose ``href`` MkDocs decides (its ``path_to_url``), once the page is accepted."""

    dest: str
    href: str = ""


@dataclass(slots=True)
class Heading:
    level: int
    pieces: list  # inner HTML: strings and Links
    attrs: list[tuple[str, str]]  # as attr_list sets them: ("class", …), ("id", …)
    at: int  # index of its opening tag's piece in Parsed.pieces (the id goes in there)


@dataclass(slots=True)
class Parsed:
    pieces: list = field(default_factory=list)  # strings and Links, in document order
    headings: list[Heading] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)  # ids set by attribute lists (toc keeps clear of them)
    links: list[Link] = field(default_factory=list)


def parse(text: str) -> Parsed | None:
    """The page's HTML pieces, or None when the page is not (only) our subset."""
    if "\t" in text or "\r" in text or "\x02" in text or "\x03" in text or not text.strip():
        return None
    out = Parsed()
    previous = None  # the kind of the last top-level element: "list", or anything else
    for block in _blocks(text.split("\n")):
        if block is None:
            return None
        if block[0].startswith("#"):  # a heading line ends its block's part before it
            while block and block[0].startswith("#"):
                if not _heading(block[0], out):
                    return None
                block, previous = block[1:], "heading"
            if block and block[0].startswith("<"):  # raw HTML not after a blank line: not ours
                return None
        if not block:
            continue
        first = block[0]
        if _RAW.match(first):
            if not _raw_block(block, out):
                return None
            previous = "raw"
        elif first.startswith("- "):
            if not _list(block, out, previous == "list"):
                return None
            previous = "list"
        elif not _paragraph(block, out):
            return None
        else:
            previous = "p"
    return out


def _blocks(lines: list[str]):
    block: list[str] = []
    for line in lines:
        if line and line.isspace():  # Python-Markdown empties such a line, even inside raw HTML
            yield None
        elif line:
            block.append(line)
        elif block:
            yield block
            block = []
    if block:
        yield block


def _raw_block(block: list[str], out: Parsed) -> bool:
    """One raw element, alone in its block, closed at the block's end: Python-Markdown keeps it
    as it is (with a line break after it)."""
    tag = _RAW.match(block[0]).group(1)
    raw = "\n".join(block)
    if not raw.endswith(f"</{tag}>") or raw.count(f"<{tag}") != 1 or raw.count(f"</{tag}") != 1:
        return False
    out.pieces.append(raw + "\n\n")
    return True


def _heading(line: str, out: Parsed) -> bool:
    match = _HEADING.fullmatch(line)
    if match is None or line.endswith(" ") or match.group(2).endswith("#") or not match.group(2):
        return False
    pieces = _inline(match.group(2), out)
    if pieces is None:
        return False
    attrs = _attrs(match.group(3), out) if match.group(3) else []
    level = len(match.group(1))
    out.headings.append(Heading(level, pieces, attrs, len(out.pieces)))
    out.pieces.append(None)  # the opening tag, made once the id is known
    out.pieces.extend(pieces)
    out.pieces.append(f"</h{level}>\n")
    return True


def _paragraph(block: list[str], out: Parsed) -> bool:
    attrs = []
    if len(block) > 1 and (match := _ATTRS.fullmatch(block[-1])) is not None:
        attrs = _attrs(match.group(1), out)
        block = block[:-1]
    if _ITEM_START.match(block[0]) or any(_LINE_BAD.match(line) for line in block[1:]) \
            or any(line.endswith(" ") and (line.endswith("   ") or not line.endswith("  ")) for line in block) \
            or block[-1].endswith(" "):  # two spaces make a line break, except at the end
        return False
    pieces = _inline("\n".join(block), out)
    if pieces is None:
        return False
    out.pieces.append(f"<p{_attr_html(attrs)}>")
    out.pieces.extend(pieces)
    out.pieces.append("</p>\n")
    return True


def _list(block: list[str], out: Parsed, after_list: bool) -> bool:
    """``- `` items; a list block right after another list block continues it, and then, as in
    Python-Markdown, the previous last item and this block's first one are wrapped in ``<p>``."""
    items = []
    if any(_SEPARATOR.fullmatch(line) for line in block[1:]):
        return False
    for line in block:
        if not line.startswith("- ") or _ITEM_START.match(line, 2) or line.endswith(" "):
            return False
        pieces = _inline(line[2:], out)
        if pieces is None:
            return False
        items.append(pieces)
    pieces = out.pieces
    if after_list:
        pieces.pop()  # "</ul>\n"
        start = _last_item_start(pieces)
        if pieces[start] == "<li>":
            pieces[start] = "<li>\n<p>"
            pieces[-1] = "</p>\n</li>\n"
        pieces.append("<li>\n<p>")
        pieces.extend(items[0])
        pieces.append("</p>\n</li>\n")
        items = items[1:]
    else:
        pieces.append("<ul>\n")
    for item in items:
        pieces.append("<li>")
        pieces.extend(item)
        pieces.append("</li>\n")
    pieces.append("</ul>\n")
    return True


def _last_item_start(pieces: list) -> int:
    for at in range(len(pieces) - 1, -1, -1):
        if pieces[at] == "<li>" or pieces[at] == "<li>\n<p>":
            return at
    raise AssertionError("a list without items")


def _attrs(spec: str, out: Parsed) -> list[tuple[str, str]]:
    classes, attrs = [], []
    for word in spec.split():
        if word[0] == ".":
            classes.append(word[1:])
        else:
            attrs = [(k, v) for k, v in attrs if k != "id"] + [("id", word[1:])]
    if classes:
        attrs.append(("class", " ".join(classes)))
    for key, value in attrs:
        if key == "id":
            out.ids.add(value)
    return attrs


def _attr_html(attrs: list[tuple[str, str]]) -> str:
    return "".join(f' {key}="{value}"' for key, value in sorted(attrs))


def _inline(text: str, out: Parsed) -> list | None:
    """Inline text as HTML pieces (strings and Links), or None."""
    pieces: list = []
    pos, strong = 0, -1
    for match in _TOKEN.finditer(text):
        if match.start() > pos:
            pieces.append(_text(text[pos:match.start()]))
        pos = match.end()
        kind = match.lastgroup if match.group("label") is None else "label"
        if kind == "esc":
            pieces.append(_OUT_ESCAPE.get(match.group("esc"), match.group("esc")))
        elif kind == "ent":
            pieces.append(match.group("ent"))
        elif kind == "label":
            label = _label(match.group("label"))
            if label is None:
                return None
            link = Link(match.group("dest"))
            out.links.append(link)
            attrs = _attrs(match.group("attrs"), out) if match.group("attrs") else []
            pieces.append(LinkOpen(link, attrs))
            pieces.append(label)
            pieces.append("</a>")
        elif kind == "strong":
            if strong < 0:
                if text[pos:pos + 1] in ("", " ", "\n", "*"):
                    return None
                strong = len(pieces)
                pieces.append("<strong>")
            else:
                if text[match.start() - 1] in (" ", "\n") or text[pos:pos + 1] == "*":
                    return None
                pieces.append("</strong>")
                strong = -1
        elif kind == "br":
            pieces.append("<br />\n")
        elif kind == "auto":
            url = match.group("auto")
            pieces.append(f'<a href="{url}">{url}</a>')
        else:
            return None
    if strong >= 0:
        return None
    if pos < len(text):
        pieces.append(_text(text[pos:]))
    return pieces


class LinkOpen:
    """The opening tag of a link: its ``href`` is known later."""

    __slots__ = ("link", "attrs")

    def __init__(self, link: Link, attrs: list[tuple[str, str]]) -> None:
        self.link, self.attrs = link, attrs


def _label(label: str) -> str | None:
    """A link's text: escapes and entities only (anything else was refused by the token)."""
    if "\\" not in label and "&" not in label:
        return label.replace(">", "&gt;")
    parts, pos = [], 0
    for match in _LABEL_TOKEN.finditer(label):
        parts.append(label[pos:match.start()].replace(">", "&gt;"))
        pos = match.end()
        if match.group("esc") is not None:
            if match.group("esc") not in ESCAPABLE:
                return None
            parts.append(_OUT_ESCAPE.get(match.group("esc"), match.group("esc")))
        elif match.group("ent") is not None:
            parts.append(match.group("ent"))
        else:
            parts.append("&amp;")
    parts.append(label[pos:].replace(">", "&gt;"))
    return "".join(parts)


def _text(text: str) -> str:
    """Plain text between tokens: ``&`` that starts no entity and ``>`` escaped as Python-Markdown's
    serializer does (``<`` never gets here)."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text
