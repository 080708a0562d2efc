"""schema.org JSON-LD: NewsArticle for articles, entities for term pages, safe in <script>."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser

import markdown
from hypothesis import given, strategies as st

from archive_gen.render.jsonld import article_jsonld, dumps, iso_date, script_tag, term_jsonld

from render_samples import CORRECTED, SITE, article, registry, sample_archive, term_url, url_of

HOSTILE = "</script><script>alert(1)</script><!-- & \u2028"


def ld(a, **kw):
    return article_jsonld(a, registry=registry(), url=url_of(a), site_url=SITE, site_name="Nachrichtenarchiv",
                          term_url=term_url, **kw)


class ScriptCollector(HTMLParser):
    """What an HTML parser (as a browser would) sees: elements and script contents."""

    def __init__(self):
        super().__init__()
        self.tags, self.scripts, self.comments = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        if self.lasttag == "script":
            self.scripts.append(data)

    def handle_comment(self, data):
        self.comments.append(data)


def parse_script(html: str) -> tuple[list[str], list[str], list[str]]:
    collector = ScriptCollector()
    collector.feed(html)
    collector.close()
    return collector.tags, collector.scripts, collector.comments


def test_news_article_has_the_required_properties():
    data = ld(article())
    assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
    assert data["headline"] == "Kim empfängt Putin"
    assert data["datePublished"] == "2024-06-19"
    assert data["inLanguage"] == "de"
    assert data["url"] == data["mainEntityOfPage"] == url_of(article())
    assert data["description"] == "Kim Jong-un hat Wladimir Putin empfangen."
    assert data["sourceOrganization"] == {"@type": "NewsMediaOrganization", "name": "APA",
                                          "url": term_url("sources", "apa"), "sameAs": "https://apa.at"}
    assert data["copyrightHolder"]["name"] == "APA", "wire text belongs to the agency"
    assert data["publisher"] == {"@type": "Organization", "name": "Nachrichtenarchiv", "url": SITE}
    assert data["about"] == [{"@type": "Thing", "name": "Diplomatie", "url": term_url("topics", "diplomatie")}]


def test_date_precision_is_kept():
    assert ld(article(precision="month"))["datePublished"] == "2024-06"
    assert ld(article(precision="year"))["datePublished"] == "2024"
    assert iso_date(dt.date(812, 1, 5), "year") == "0812"


def test_mentions_link_to_wikidata_only_with_a_valid_qid():
    mentions = {m["name"]: m for m in ld(article())["mentions"]}
    assert mentions["Kim Jong-un"]["@type"] == "Person"
    assert mentions["Kim Jong-un"]["sameAs"] == "https://www.wikidata.org/wiki/Q56226"
    assert mentions["Nordkorea"]["@type"] == "Country"
    assert mentions["Pjöngjang"] == {"@type": "Place", "name": "Pjöngjang", "url": term_url("places", "pjoengjang"),
                                     "sameAs": "https://www.wikidata.org/wiki/Q18808"}
    assert "sameAs" not in mentions["Nato"], "a malformed Wikidata id is not published"
    assert "unbekannt" not in json.dumps(mentions), "ids the registry lacks are left out"


def test_photos_are_credited_without_an_url():
    (image,) = ld(article())["image"]
    assert image == {"@type": "ImageObject", "caption": "Kim und Putin in Pjöngjang.",
                     "creditText": "IMAGO/Gavriil Grigorov",
                     "creator": {"@type": "Person", "name": "Gavriil Grigorov"},
                     "copyrightHolder": {"@type": "Organization", "name": "IMAGO"}}


def test_editor_licence_attribution_and_corrections():
    a = article(extra={"license": "CC BY 2.5", "attribution": "Wikinews-Autoren",
                       "source_url": "https://de.wikinews.org/wiki/?curid=1", "summary": "Kurz."},
                corrections=(CORRECTED,))
    data = ld(a, licence="Alle Rechte vorbehalten")
    assert data["license"] == "CC BY 2.5"
    assert data["copyrightHolder"] == {"@type": "Organization", "name": "Wikinews-Autoren"}
    assert data["isBasedOn"] == "https://de.wikinews.org/wiki/?curid=1"
    assert data["description"] == "Kurz."
    assert data["dateModified"] == "2024-06-21"
    assert data["correction"] == [{"@type": "CorrectionComment", "datePublished": "2024-06-21",
                                   "text": "Die Agentur war TASS."}]
    assert ld(article(), licence="Alle Rechte vorbehalten")["license"] == "Alle Rechte vorbehalten"
    assert "isBasedOn" not in ld(article(extra={"source_url": "javascript:alert(1)"}))


def test_term_pages_describe_the_entity():
    reg = registry()
    kinds = {a.id: term_jsonld(a, url=term_url("actors", a.id))["@type"] for a in reg.actors.values()}
    assert kinds == {"kim-jong-un": "Person", "nordkorea": "Country", "pjoengjang": "Place",
                     "nato": "Organization", "taliban": "Organization"}
    kim = term_jsonld(reg.actors["kim-jong-un"], url=term_url("actors", "kim-jong-un"))
    assert kim["@context"] == "https://schema.org"
    assert kim["sameAs"] == "https://www.wikidata.org/wiki/Q56226" and kim["alternateName"] == "Kim"
    assert term_jsonld(reg.sources["imago"], url="u")["@type"] == "Organization"
    assert term_jsonld(reg.topics["diplomatie"], url="u") == {"@context": "https://schema.org", "@type": "Thing",
                                                              "name": "Diplomatie", "url": "u"}


def test_a_hostile_title_stays_inside_the_script():
    html = script_tag(ld(article(title=HOSTILE, paragraphs=(HOSTILE,))))
    tags, scripts, comments = parse_script(html)
    assert tags == ["script"] and comments == [], "no element or comment escaped the script"
    assert len(scripts) == 1
    assert not re.search(r"[<>&]", scripts[0])
    data = json.loads(scripts[0])
    assert data["headline"] == "</script><script>alert(1)</script><!-- &", "the value itself survives"


def test_the_script_passes_through_markdown_unchanged():
    tag = script_tag(ld(article(title=HOSTILE + " *nicht kursiv* _x_ [y](z)")))
    html = markdown.markdown(f"# Titel\n\n{tag}\n\nText.")
    assert tag in html


@given(st.text(max_size=40))
def test_any_text_round_trips_and_never_breaks_out(title):
    out = dumps({"headline": title})
    assert not re.search(r"[<>&\u2028\u2029]", out)
    assert json.loads(out)["headline"] == title


def test_output_is_deterministic_and_one_line():
    first, second = script_tag(ld(article())), script_tag(ld(article()))
    assert first == second and "\n" not in first


def test_every_sample_article_gives_valid_structured_data():
    archive = sample_archive()
    for a in archive.articles:
        data = json.loads(dumps(article_jsonld(a, registry=archive.registry, url=url_of(a), site_url=SITE,
                                               site_name="Nachrichtenarchiv", term_url=term_url)))
        assert data["headline"] and data["datePublished"] and data["inLanguage"] in ("de", "en")
