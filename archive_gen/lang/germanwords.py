"""Closed classes of German words that the candidate rules ask about (issue 12, round 13): the
one-word German country names of CLDR, through Babel, as the English list of round 11."""

from __future__ import annotations

from babel import Locale

# "Österreich", "Spanien": "Ikea Österreich" names a company's branch, "Titelverteidiger
# Spanien" a team; neither is a person.
COUNTRIES_DE = frozenset(name for code, name in Locale("de").territories.items()
                   if code.isalpha() and " " not in name and name.isalpha())
