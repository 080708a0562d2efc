"""The UI's words: English message ids, translated by gettext catalogs (``locales/<lang>.po``).

Templates print labels by key (``t.actors``); :data:`MESSAGES` maps each key to its English
text (and a context where one English word has two translations: "Photo" is "Bild" as a
source role and "Foto" before a credit). A UI in another language is a new ``.po`` file, not
a code change; a language without a catalog gets the English words. Catalogs are read with
Babel, which reads ``.po`` directly, so no compile step is needed.
"""

from __future__ import annotations

import functools
from importlib import resources

from babel.messages.pofile import read_po

MESSAGES: dict[str, tuple[str | None, str]] = {
    "date": (None, "Date"),
    "actors": (None, "Actors"),
    "places": (None, "Places"),
    "topics": (None, "Topics"),
    "sources": (None, "Sources"),
    "articles": (None, "Articles"),
    "timeline": (None, "Timeline"),
    "home": (None, "Home"),
    "quotes": (None, "Quotes"),
    "claims": (None, "Claims and statements"),
    "cooccurring": (None, "Named together with"),
    "wire": (None, "Wire"),
    "cited": (None, "Cited"),
    "photo": ("source role", "Photo"),
    "photo_credit": ("caption credit", "Photo"),
    "credits": (None, "Sources and credits"),
    "authors": (None, "Authors"),
    "source_file": (None, "Source file"),
    "license": (None, "Licence"),
    "via": (None, "via"),
    "page": (None, "Page"),
    "next": (None, "Next"),
    "previous": (None, "Previous"),
    "latest": (None, "Latest articles"),
    "count": (None, "articles"),
    "no_articles": (None, "No articles yet."),
    "description": (None, "Description"),
    "in": (None, "in"),
    "person": (None, "People"),
    "organization": (None, "Organisations"),
    "state": (None, "States"),
    "place": (None, "Places"),
    "group": (None, "Groups"),
    "agency": (None, "Agencies"),
    "photo_agency": (None, "Photo agencies"),
    "kind_person": (None, "Person"),
    "kind_organization": (None, "Organisation"),
    "kind_state": (None, "State"),
    "kind_place": (None, "Place"),
    "kind_group": (None, "Group"),
    "kind_agency": (None, "Agency"),
    "kind_outlet": (None, "Outlet"),
    "kind_photo": (None, "Photo agency"),
    "outlet": (None, "Outlets"),
    "photographers": (None, "Photographers"),
    "overview": (None, "Overview"),
    "original": (None, "Original"),
    "said": (None, "said"),
    "signoff": (None, "Sign-off"),
    "years": (None, "Years"),
    "archive_stats": (None, "{articles} articles, {actors} actors, {sources} sources"),
    "updated": (None, "Last changed"),
    "corrections": (None, "Corrections"),
    "corrected": (None, "Corrected on"),
    "draft": (None, "Draft"),
    "review": (None, "In review"),
    "unpublished": (None, "Not published: visible in the preview only, until an editor sets the status to “published”."),
    "prov_machine": (None, "found automatically"),
    "prov_editor": (None, "set by the editors"),
    "prov_machine_edited": (None, "found automatically, edited by the editors"),
    "machine_title": (None, "Headline taken from the first sentence; the editors have not written one yet."),
    "reading_time": (None, "{minutes} min read"),
    "related": (None, "Related articles"),
    "older": (None, "Older"),
    "newer": (None, "Newer"),
    "cite": (None, "Cite this article"),
    "not_in_archive": (None, "not in the archive"),
    "media_credit": (None, "Photo or video"),
    "cited_short": ("source role, short", "cited"),
    "photos": (None, "Photos"),
    "by": (None, "By"),
    "all_machine": (None, "Actors, places and topics were found automatically."),
    "quote_open": ("opening quotation mark", "“"),
    "quote_close": ("closing quotation mark", "”"),
    "in_archive": (None, "In: {site}"),
    "rights": (None, "Rights"),
    "no_day": (None, "Day not known"),
    "state_of_place": (None, "State"),
    "filter": (None, "Filter the list"),
    "index_summary": (None, "{count} entries with articles"),
    "by_count": (None, "by number of articles"),
    "by_name": (None, "A–Z"),
    "activity": (None, "Articles about {name} over time"),
    "network": (None, "Named together with {name}"),
    "shared": (None, "articles in common"),
    "feed": (None, "Atom feed"),
    "feed_title": (None, "{site}: {name}"),
    "latest_month": (None, "Most present in {month}"),
    "per_month": (None, "Articles per month"),
    "term_summary": (None, "{count} articles, {first} – {last}"),
    "shared_articles": (None, "{count} shared, latest"),
    "articles_in_month": (None, "{count} articles this month"),
    "notes": (None, "Notes"),
    "note_marker": (None, "Note {number}"),
    "note_back": (None, "Back to the passage"),
    "note_sources": (None, "Sources"),
    "notes_orphaned": (None, "No longer anchored: the passage these notes refer to is no longer in the text, or occurs more than once."),
    "annotated_in": (None, "Annotated in"),
    "events": (None, "Events"),
    "event": (None, "Event"),
    "reports": (None, "Reports"),
    "reports_count": (None, "{count} reports"),
    "reports_count_one": (None, "1 report"),
    "in_reports": (None, "in {count} of {total} reports"),
    "no_reports": (None, "No reports yet."),
    "event_actors": (None, "Actors in the reports"),
    "event_statements": (None, "Who said what, in which report"),
    "event_statements_intro": (None, "The quotes and claims of all reports, by speaker: a statement that several reports carry is listed once, with each of them; one that only one report carries stands alone."),
    "reported_by": (None, "reported by"),
    "events_summary": (None, "{count} events, newest first"),
    "no_events": (None, "No events yet."),
    "open_data": (None, "Open data"),
    "data_intro": (None, "The whole archive as tables, for research: JSON Lines and CSV, one file per table, each with its JSON Schema. The files are written again with every build of the site, from the same content as its pages."),
    "data_no_rights": (None, "no licence named: the rights stay with the source"),
    "data_schema": (None, "Schema"),
    "data_licences": (None, "Licences of the content"),
    "data_licences_intro": (None, "The texts remain under the licence of their source; name it when you reuse them."),
    "data_article_licence": (None, "Articles with their own licence (column “license” of articles)"),
}


def available(language: str) -> bool:
    """Is there a UI in this language (English, or a catalog)?"""
    return language == "en" or resources.files(__package__).joinpath("locales", f"{language}.po").is_file()


@functools.cache
def _translations(language: str) -> dict[tuple[str | None, str], str]:
    if language == "en" or not available(language):
        return {}
    with resources.files(__package__).joinpath("locales", f"{language}.po").open("rb") as handle:
        catalog = read_po(handle, locale=language)
    return {(message.context, message.id): message.string for message in catalog
            if message.id and isinstance(message.id, str) and message.string}


def labels(language: str) -> dict[str, str]:
    """Every UI label in ``language`` (English where the catalog has no translation)."""
    translated = _translations(language)
    return {key: translated.get(message, message[1]) for key, message in MESSAGES.items()}


def ui_language(language: str) -> str:
    """The language the UI is shown in: ``language`` when there is a catalog, else English."""
    return language if available(language) else "en"
