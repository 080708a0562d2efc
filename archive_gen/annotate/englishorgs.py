"""English organisation candidates that name no organisation (issue 12, round 11): a credit
rating ("AA by Standard and Poor's", "BB senior debt", "CCC-plus"), wire furniture ("NOTE -",
the closing "REUTER..."), and a part of a longer company name ("EMI" of "Thorn-EMI", "HBO" of
"HBO and Co", "Coast Savings" of "Coast Savings and Loan Association"). Each test looks only
at the few characters around the candidate."""

from __future__ import annotations

import re

# A rating grade of Moody's or Standard and Poor's, and what stands after one: a modifier, the
# agency, the debt it grades.
_GRADE = re.compile(r"(?:A{1,3}|B{1,3}|C{1,3}|Aa{1,2}|Ba{1,2}|Caa?)")
_RATING_AFTER = re.compile(r"(?:-plus|-minus|[+-](?!\w))|/| (?:by (?:Moody|Standard|S and P|S&P)|senior|subordinated|"
                           r"debt|rating|ratings|long-term|short-term|commercial paper)\b")
_LABEL = re.compile(r"(?:NOTE|NOTES|CORRECTION) [-–]")
# The name goes on: "HBO and Co", "Coast Savings and Loan Association".
_NAME_GOES_ON = re.compile(r" (?:and|&) (?:Co\b|Cos\b|Company\b|(?:[A-Z]\w+\s){1,3}(?:Association|Co|Corp|Inc|Ltd|Plc|"
                           r"Company|Bank)\b)")


# Round 13: the name opens its sentence after other capitalised words and "and": the tail of one
# longer name ("Stop and Shop Cos Inc said", "Health and Rehabilitation Properties Trust said",
# "Morgan, Olmstead, Kennedy and Gardner Capital Corp said").
_CONJUNCT_BEFORE = re.compile(r"(?:^|\n|\d - |\d -- )(?!(?:The|A|An|But|And|In|On|At|For|Both|Its|Their) )((?:[A-Z][\w.'-]*,? ){1,4})(?:and|&) $")


def english_org_wrong(text: str, name: str, start: int, end: int) -> bool:
    """Is the English organisation candidate ``name`` at ``text[start:end]`` a rating, wire
    furniture or a part of a longer name?"""
    if _GRADE.fullmatch(name) and _RATING_AFTER.match(text, end):
        return True
    line = text.rfind("\n", 0, start) + 1
    if (line == start or text[line:start].isspace()) and _LABEL.match(text, start):
        return True
    if name.isupper() and len(text) - end < 12 and not any(c.isalnum() for c in text[end:].replace("^M", "")):
        return True  # the agency's signature closing the story: "REUTER..."
    if name.isupper() and text[start - 1:start] == "-" and text[start - 2:start - 1].isalpha():
        return True  # "<Thorn-EMI PLC>": the tail of a hyphenated name
    if _CONJUNCT_BEFORE.search(text, max(0, start - 60), start):
        return True
    return _NAME_GOES_ON.match(text, end) is not None
