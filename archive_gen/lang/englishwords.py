"""Closed classes of English words that the candidate rules ask about (issue 12, round 11):
country names (CLDR, through Babel), military and political title abbreviations, compass
points, and the head nouns of places. None is fitted to an article: each is a class of words
a grammar or an atlas lists."""

from __future__ import annotations

from babel import Locale

# One-word English country names from CLDR ("Canada", "Brazil"): "Statistics Canada",
# "Harcourt Canada" name a body or a company's branch, not a person.
COUNTRIES = frozenset(name for code, name in Locale("en").territories.items()
                      if code.isalpha() and " " not in name and name.isalpha())
# Abbreviated ranks and offices that stand before a name, never inside one ("Staff Sgt.").
RANK_ABBREVIATIONS = frozenset("Sgt Cpl Pvt Lt Capt Maj Col Gen Adm Cmdr Brig Rep Sen Gov Supt Insp".split())
# The head nouns of a place or a venue: "Madison Square Garden", "Hudson Bay", "Far East".
PLACE_HEADS = frozenset("Square Garden Gardens Street Avenue Road Park Plaza Bay Gulf Sea Ocean Lake Valley Coast "
                        "Island Islands Beach River Mountain Mountains Canyon Harbor Harbour East West North South "
                        "Pacific Atlantic".split())
# Subordinating conjunctions open a clause, never a name: "Though Koehler was known …".
CONJUNCTIONS = frozenset("although though because unless whereas whether until once".split())
# Of those, the ones no person's surname is: a street, a square, a valley.
# Round 13: the head nouns of a venue, a building or a business place ("Peter Pan Restaurant"):
# after a name's first word they name the place, not a person (no surname among them).
VENUE_HEADS = frozenset("Restaurant Restaurants Hotel Hotels Hospital Stadium Airport Museum Theatre Theater Cinema "
                        "Casino Mall Inn Motel Cafe".split())
STREET_HEADS = frozenset("Square Street Avenue Road Plaza Harbor Harbour Canyon Valley Mountains Islands Gardens".split())
