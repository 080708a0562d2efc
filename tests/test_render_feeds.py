"""Atom feeds (RFC 4287): well-formed, the required elements, unique ids, no wall clock."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings, strategies as st

from archive_gen.render.feeds import atom_feed, clean, entry_summary, entry_updated, timestamp

from render_samples import CORRECTED, SITE, article, sample_archive, url_of

A = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$")
FEED = SITE + "feed.xml"


def feed(articles, **kw):
    options = dict(feed_url=FEED, site_url=SITE, title="Nachrichtenarchiv", language="de", link_of=url_of,
                   source_names={"apa": "APA", "interfax": "Interfax"})
    return atom_feed(articles, **{**options, **kw})


def assert_valid_atom(text: str) -> ET.Element:
    """The RFC 4287 rules a feed reader relies on (§4.1.1, §4.1.2, §3.3)."""
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>\n')
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == A + "feed"
    for name in ("id", "title", "updated"):
        assert len(root.findall(A + name)) == 1, f"feed needs exactly one {name}"
    assert RFC3339.match(root.findtext(A + "updated"))
    rels = [link.get("rel") for link in root.findall(A + "link")]
    assert rels.count("self") == 1 and rels.count("alternate") == 1
    feed_has_author = root.find(A + "author") is not None
    ids = []
    for entry in root.findall(A + "entry"):
        for name in ("id", "title", "updated"):
            assert len(entry.findall(A + name)) == 1, f"entry needs exactly one {name}"
        assert RFC3339.match(entry.findtext(A + "updated"))
        assert [link for link in entry.findall(A + "link") if link.get("rel", "alternate") == "alternate"]
        assert feed_has_author or entry.find(A + "author") is not None
        ids.append(entry.findtext(A + "id"))
    assert len(ids) == len(set(ids)), "entry ids must be unique"
    return root


def test_archive_feed_has_the_required_elements():
    root = assert_valid_atom(feed([article()]))
    (entry,) = root.findall(A + "entry")
    assert root.findtext(A + "id") == FEED
    assert entry.findtext(A + "id") == url_of(article())
    assert entry.findtext(A + "title") == "Kim empfängt Putin"
    assert entry.findtext(A + "published") == "2024-06-19T00:00:00Z"
    assert entry.findtext(A + "summary") == "Kim Jong-un hat Wladimir Putin empfangen."
    assert entry.find(A + "link").get("href") == url_of(article())
    assert entry.get("{http://www.w3.org/XML/1998/namespace}lang") == "de"
    assert [a.findtext(A + "name") for a in entry.findall(A + "author")] == ["APA"], "no by-line: the agency"
    assert [c.findtext(A + "name") for c in entry.findall(A + "contributor")] == ["Interfax"]


def test_authors_come_first_when_the_article_has_a_by_line():
    entry = assert_valid_atom(feed([article(authors=("Maria Sterkl",))])).find(A + "entry")
    assert [a.findtext(A + "name") for a in entry.findall(A + "author")] == ["Maria Sterkl"]
    assert [c.findtext(A + "name") for c in entry.findall(A + "contributor")] == ["APA", "Interfax"]


def test_updated_is_the_newest_entry_not_the_clock():
    old = article("alt", date=dt.date(2020, 1, 2))
    new = article("neu", date=dt.date(2024, 6, 19), corrections=(CORRECTED,))
    root = assert_valid_atom(feed([old, new]))
    assert root.findtext(A + "updated") == "2024-06-21T00:00:00Z", "a correction is an update"
    assert [e.findtext(A + "id") for e in root.findall(A + "entry")] == [url_of(new), url_of(old)]
    assert feed([old, new]) == feed([new, old]), "same input, same bytes, whatever the order"
    given_time = dt.datetime(2024, 7, 1, 12, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert assert_valid_atom(feed([old], updated=given_time)).findtext(A + "updated") == "2024-07-01T10:30:00Z"


def test_only_the_newest_entries_are_kept():
    articles = [article(f"a-{i:03d}", date=dt.date(2020, 1, 1) + dt.timedelta(days=i)) for i in range(60)]
    root = assert_valid_atom(feed(articles, limit=50))
    ids = [e.findtext(A + "id") for e in root.findall(A + "entry")]
    assert len(ids) == 50 and ids[0].endswith("/a-059/") and ids[-1].endswith("/a-010/")


def test_term_feed_points_at_its_term_page():
    root = assert_valid_atom(feed([article()], feed_url=SITE + "actors/kim-jong-un.xml", title="Kim Jong-un",
                                  alternate_url=SITE + "actors/kim-jong-un/", site_name="Nachrichtenarchiv"))
    links = {link.get("rel"): link.get("href") for link in root.findall(A + "link")}
    assert links == {"self": SITE + "actors/kim-jong-un.xml", "alternate": SITE + "actors/kim-jong-un/"}
    assert root.find(A + "author").findtext(A + "name") == "Nachrichtenarchiv"


def test_an_empty_feed_is_still_valid_and_dated_without_a_clock():
    root = assert_valid_atom(feed([]))
    assert root.findtext(A + "updated") == "1970-01-01T00:00:00Z"


def test_duplicate_urls_are_refused():
    with pytest.raises(ValueError):
        feed([article("a"), article("b")], link_of=lambda a: SITE)


def test_hostile_text_is_escaped_and_control_characters_dropped():
    nasty = "</title><script>alert(1)</script> ]]> &amp; \x00\x1b\ufffe \ud800 Ende"
    root = assert_valid_atom(feed([article(title=nasty, paragraphs=(nasty,))]))
    entry = root.find(A + "entry")
    assert entry.findtext(A + "title") == clean(nasty)
    assert "<script>" in entry.findtext(A + "title"), "the text survives as text"
    assert root.find(".//" + "script") is None


def test_long_first_paragraphs_are_shortened_at_a_word():
    long = "Wort " * 300
    summary = assert_valid_atom(feed([article(paragraphs=(long,))])).find(A + "entry").findtext(A + "summary")
    assert len(summary) <= 602 and summary.endswith("Wort …")


@given(st.text(max_size=30), st.text(max_size=30))
def test_any_title_and_text_give_a_well_formed_feed(title, text):
    root = assert_valid_atom(feed([article(title=title, paragraphs=(text,))], title=title))
    assert root.find(A + "entry").findtext(A + "title") == clean(title)


def test_sample_archive_feed_is_valid():
    archive = sample_archive()
    root = assert_valid_atom(feed(archive.articles, source_names={s.id: s.name for s in archive.registry.sources.values()}))
    assert len(root.findall(A + "entry")) == min(50, len(archive.articles))


def _tree_feed(articles, *, feed_url, site_url, title, language, link_of, source_names, alternate_url=None,
               site_name=None, limit=50):
    """The feed as ElementTree builds and writes it: the reference for the string-built feed's bytes."""
    def sub(parent, tag, text=None, **attrs):
        element = ET.SubElement(parent, tag, {k.rstrip("_"): clean(v) for k, v in attrs.items()})
        if text is not None:
            element.text = clean(text)
        return element

    chosen = sorted(articles, key=lambda a: a.sort_key)[:limit]
    feed = ET.Element("feed", {"xmlns": "http://www.w3.org/2005/Atom"})
    feed.set(XML_LANG, clean(language))
    sub(feed, "id", feed_url)
    sub(feed, "title", title, type="text")
    sub(feed, "updated", timestamp(max((entry_updated(a) for a in chosen), default=dt.date(1970, 1, 1))))
    sub(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    sub(feed, "link", rel="alternate", type="text/html", href=alternate_url or site_url)
    sub(sub(feed, "author"), "name", site_name or title)
    sub(feed, "generator", "archive-gen")
    for a in chosen:
        entry = sub(feed, "entry")
        entry.set(XML_LANG, clean(a.language))
        sub(entry, "id", link_of(a))
        sub(entry, "title", a.title, type="text")
        sub(entry, "updated", timestamp(entry_updated(a)))
        sub(entry, "published", timestamp(a.date))
        sub(entry, "link", rel="alternate", type="text/html", href=link_of(a))
        wires = [source_names.get(i, i) for i in dict.fromkeys(r.id for r in a.sources if r.role == "wire")]
        cited = [source_names.get(i, i) for i in dict.fromkeys(r.id for r in a.sources if r.role == "cited")]
        for name in a.authors or wires:
            sub(sub(entry, "author"), "name", name)
        for name in (wires if a.authors else []) + cited:
            sub(sub(entry, "contributor"), "name", name)
        if entry_summary(a):
            sub(entry, "summary", entry_summary(a), type="text")
    ET.indent(feed, space="  ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_ANY = st.text(st.characters(blacklist_categories=("Cs",)) | st.sampled_from('&<>"\'\r\n\t\x00 \ud800'), max_size=20)


@settings(deadline=None)
@given(title=_ANY, text=_ANY, author=_ANY, source=_ANY, language=_ANY, site=_ANY, url=_ANY,
       count=st.integers(0, 3))
def test_the_feed_is_the_bytes_elementtree_writes(title, text, author, source, language, site, url, count):
    """Written as strings (each entry made once per build), the feed stays ElementTree's, byte for byte."""
    articles = [article(f"a-{i}", title=title, language=language, paragraphs=(text,),
                        authors=(author,) if i % 2 else (), date=dt.date(2020, 1, 1 + i)) for i in range(count)]
    options = dict(feed_url=FEED + url, site_url=SITE, title=site, language=language,
                   link_of=lambda a: url_of(a) + url, source_names={"apa": source, "interfax": "Interfax"},
                   alternate_url=url or None, site_name=site or None)
    entries: dict[str, str] = {}
    assert atom_feed(articles, **options, entries=entries) == _tree_feed(articles, **options)
    assert atom_feed(articles[1:], **options, entries=entries) == _tree_feed(articles[1:], **options), \
        "kept entries are the entries"


def test_the_sample_archive_feed_is_the_bytes_elementtree_writes():
    archive = sample_archive()
    options = dict(feed_url=FEED, site_url=SITE, title="Archiv", language="de", link_of=url_of,
                   source_names={s.id: s.name for s in archive.registry.sources.values()})
    assert atom_feed(archive.articles, **options) == _tree_feed(archive.articles, **options)
