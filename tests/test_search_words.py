"""The search shim's word test (``overrides/assets/search/words.js``) in Chromium: does a page's
text hold a query word as Pagefind finds it (by its stem), or only a shorter word that Pagefind
fell back to? English: its stemmer is Snowball's, and no page holding a form of the query word's
stem is judged to lack it."""
from __future__ import annotations

import json
import re
from collections import defaultdict
from itertools import islice
from pathlib import Path

import pytest

from conftest import serve_directory

pytestmark = pytest.mark.browser

SEARCH_ASSETS = Path(__file__).resolve().parent.parent / "overrides" / "assets" / "search"


@pytest.fixture
def words(page):
    """A page that has imported words.js as ``window.words``."""
    with serve_directory(SEARCH_ASSETS) as base:
        page.goto(base + "/")
        page.evaluate("async (url) => { window.words = await import(url); }", base + "/words.js")
        yield page


def _english_words(shared: Path, articles: int = 400) -> list[str]:
    """The lower-case words of the first English Reuters TEST articles (TRAIN is held out)."""
    with open(shared / "corpus" / "reuters21578.jsonl", encoding="utf-8") as handle:
        bodies = islice((r["body"] for r in map(json.loads, handle) if r.get("lewissplit") == "TEST" and r.get("body")),
                        articles)
        return sorted({word for body in bodies for word in re.findall(r"[a-z]+", body.lower())})


@pytest.mark.corpus
def test_the_english_stemmer_is_snowballs(words, shared):
    snowball = pytest.importorskip("snowballstemmer").stemmer("english")
    vocabulary = _english_words(shared)
    expected = {word: snowball.stemWord(word) for word in vocabulary}
    got = words.evaluate("(list) => Object.fromEntries(list.map((w) => [w, window.words.englishStem(w)]))", vocabulary)
    differ = {word: (expected[word], got[word]) for word in vocabulary if got[word] != expected[word]}
    assert len(vocabulary) > 3000
    assert not differ, f"{len(differ)} of {len(vocabulary)} differ, e.g. {list(differ.items())[:10]}"


@pytest.mark.corpus
def test_an_english_page_holds_every_form_of_the_query_words_stem(words, shared):
    """"running" is found on a page saying "runs", "companies" on one saying "company": a shard
    whose best result holds a form with the query word's stem is never dropped."""
    snowball = pytest.importorskip("snowballstemmer").stemmer("english")
    forms = defaultdict(list)
    for word in _english_words(shared):
        forms[snowball.stemWord(word)].append(word)
    pairs = [(query, other) for group in forms.values() if len(group) > 1 for query in group for other in group
             if query != other]
    assert len(pairs) > 1000
    missed = words.evaluate(
        "(pairs) => pairs.filter(([q, w]) => !window.words.holds('The report: ' + w + '.', q, 'en'))", pairs)
    assert not missed, f"{len(missed)} of {len(pairs)} forms not held, e.g. {missed[:10]}"


@pytest.mark.parametrize("text, query, language", [
    ("The governor said so.", "governorship", "en"),   # a shorter word Pagefind falls back to
    ("The inter-bank rate fell.", "international", "en"),
    ("im Norden Malis", "nordkorea", "de"),
])
def test_a_word_that_only_begins_the_stem_is_not_held(words, text, query, language):
    assert words.evaluate("([t, q, l]) => window.words.holds(t, q, l)", [text, query, language]) is False


@pytest.mark.parametrize("text, query", [
    ("Oil prices were hoping to rise.", "hope"), ("The companies agreed.", "company"),
    ("He stopped the talks.", "stopping"), ("The Prime Minister's office", "ministers"),
])
def test_english_inflections_are_held(words, text, query):
    assert words.evaluate("([t, q]) => window.words.holds(t, q, 'en')", [text, query]) is True


def test_the_word_test_stems_in_the_indexs_language_not_the_pages(words):
    """All pages are indexed in the site's language: on an English article of a German site, the
    search's word test must follow German stemming (shards.json names it)."""
    words.evaluate("document.documentElement.lang = 'en'")
    got = words.evaluate("""async () => {
        const shim = await import(new URL('pagefind.js', location.href).href);
        shim.use({}, [], 'main', 'de');
        const indexed = shim.stemmingLanguage();
        shim.use({}, [], 'main');
        return [indexed, shim.stemmingLanguage()];
    }""")
    assert got == ["de", "en"]
