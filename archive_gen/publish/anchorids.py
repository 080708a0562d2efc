"""The anchors a page's raw HTML sets, as MkDocs' ``_HTMLHandler`` finds them, without
``html.parser`` walking every tag: for the fast Markdown path (:mod:`.fastmd`).

MkDocs feeds a page's whole Markdown to an ``html.parser`` handler that keeps every start tag's
``id`` (and an ``a``'s ``name``). On our pages that is ~0.09 ms an article (the JSON-LD
``<script>``, the autolinks) and 1–2.5 ms a term page (its SVG charts: a Python call per tag).
Here every place ``html.parser`` could see markup (a ``<`` before a letter, ``/``, ``!`` or ``?``)
must be one of three shapes whose parse ends at their ``>`` whatever surrounds them:

* a plain start tag: ASCII name, ``name="value"`` attributes (no ``<``, ``>``, backtick), ``/>``
  allowed: its ids are read here (values unescaped as ``html.parser`` does);
* an end tag ``</name>``;
* a start tag without quotes or white space (an autolink ``<https://…>``): fed alone to MkDocs'
  own handler (its attributes are ``html.parser``'s business).

A ``<script>`` or ``<style>`` (``html.parser`` reads what follows as text, not tags) must be
followed by its own end tag as the next markup. Anything else (comments, declarations, other
quoting, bare attributes): None, and the caller runs MkDocs' handler over the page.
``tests/test_anchorids.py`` compares both on the sample's and generated pages and on hostile text.
"""

from __future__ import annotations

import html
import re

from mkdocs.structure.pages import _HTMLHandler as AnchorHandler

__all__ = ["AnchorHandler", "anchor_ids", "handler_ids"]

_MARKUP = re.compile(r"<[A-Za-z/!?]")  # where html.parser may see a tag, comment or declaration
_SPACE = "[ \t\n\r\f]"  # html.parser ends a tag name only at these
_PLAIN = re.compile(rf'<([A-Za-z][A-Za-z0-9-]*)((?:{_SPACE}+[A-Za-z_:][-A-Za-z0-9_:.]*="[^"<>`]*")*){_SPACE}*/?>')
_END = re.compile(rf"</([A-Za-z][A-Za-z0-9-]*){_SPACE}*>")
_BARE = re.compile(r"<[A-Za-z][^\s<>\"'`\x00]*>")  # no quotes, no white space: ends at its '>'
_ATTRIBUTE = re.compile(r'([A-Za-z_:][-A-Za-z0-9_:.]*)="([^"]*)"')
_RAW_TEXT = frozenset(AnchorHandler.CDATA_CONTENT_ELEMENTS)  # ("script", "style")


def handler_ids(markdown: str) -> set:
    """MkDocs' own answer: its handler over the whole page."""
    handler = AnchorHandler()
    handler.feed(markdown)
    handler.close()
    return handler.present_anchor_ids


def anchor_ids(markdown: str) -> set:
    """The ids MkDocs' handler finds in ``markdown``: read here when every tag is of a shape
    above, else by the handler."""
    found = _scanned(markdown)
    return handler_ids(markdown) if found is None else found


def _scanned(markdown: str) -> set | None:
    ids: set = set()
    closing = None  # the end tag that must come next (after <script> or <style>)
    bare = None
    at = 0
    for opening in _MARKUP.finditer(markdown):
        start = opening.start()
        if start < at:  # inside the previous tag: never (no shape holds a '<'), but never assumed
            return None
        tag = _PLAIN.match(markdown, start)
        if tag is not None:
            name = tag.group(1).lower()
            if closing is not None:
                return None
            for key, value in _ATTRIBUTE.findall(tag.group(2)) if "=" in tag.group(2) else ():
                key = key.lower()
                if key == "id" or (key == "name" and name == "a"):
                    ids.add(html.unescape(value) if value else value)
            if name in _RAW_TEXT:
                closing = name
        elif (end := _END.match(markdown, start)) is not None:
            tag = end
            if closing is not None and end.group(1).lower() != closing:
                return None
            closing = None
        elif (tag := _BARE.match(markdown, start)) is not None and closing is None:
            bare = bare or AnchorHandler()
            bare.feed(tag.group())
            if bare.cdata_elem is not None or bare.rawdata:
                return None
        else:
            return None
        at = tag.end()
    if closing is not None:
        return None
    return ids | bare.present_anchor_ids if bare is not None else ids
