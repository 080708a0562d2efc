"""The fingerprint of an article's text: how ``import`` and ``check`` agree on a duplicate."""

from __future__ import annotations

import hashlib
import re

_WORD = re.compile(r"\w+")


def text_hash(text: str) -> str:
    """``sha256:`` of an article's words, case and spacing folded: the fingerprint with which
    ``archive-gen check`` finds the same text twice (:func:`archive_gen.tools.check.find_duplicates`),
    so what import lets in, check does not flag."""
    words = _WORD.findall(text.lower())
    return "sha256:" + hashlib.sha256(" ".join(words).encode("utf-8", "surrogatepass")).hexdigest()
