"""Speed-ups of annotation that must compute exactly what the direct form did (session 13).

Each test compares the fast form with the plain computation it replaced, on varied input."""

import collections
import itertools
import pickle

from hypothesis import given, settings, strategies as st

from archive_gen.annotate import language
from archive_gen.annotate.matcher import TEXT, AliasIndex, tokenize

# Letters, digits of several scripts, underscores, punctuation, all kinds of whitespace, and
# characters that are word characters but no letters ("²", "½", "Ⅻ").
_CHARS = st.sampled_from(list("abcXYZäöüßÄÖÜéſıİΣσς") + list("0123456789٣²½Ⅻ_") + list(".,;:!?()„“\"'’-–/&")
                         + [" ", "\n", "\t", "\u00a0", "\u2003", "\u3000", "\x1c", "\x85"])
_TEXTS = st.lists(st.one_of(_CHARS, st.sampled_from(["der ", "Die ", "the ", "THE ", "und,", "(das", "G7 ", "is_"])),
                  max_size=80).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_language_words_are_the_regex_words(text):
    assert collections.Counter(language._words(text)) == collections.Counter(language._WORD.findall(text))


def _detect_directly(text: str, default: str = "de") -> str:
    words = language._WORD.findall(text[:5000].lower())
    counts = {lang: sum(map(vocabulary.__contains__, words)) for lang, vocabulary in language._FUNCTION_WORDS.items()}
    best = max(sorted(counts), key=lambda lang: counts[lang])
    return best if counts[best] >= 3 else default


@settings(max_examples=300, deadline=None)
@given(_TEXTS, st.sampled_from(["de", "en"]))
def test_detect_is_the_direct_count(text, default):
    assert language.detect(text, default) == _detect_directly(text, default)


def test_detect_counts_words_beyond_whitespace_and_digits():
    assert language.detect("the,the;the(the)", "de") == "en"
    assert language.detect("der1die2das3 und", "en") == "de"  # digits end a word as spaces do
    assert language.detect("the_the_the", "de") == "en"  # and so do underscores
    assert language.detect("the² the² the²", "de") == "de"  # "²" is a word character: "the²" is no "the"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Kim", "Jong-un", "Kim Jong-un", "Nato", "Nato-Chef", "U.S.", "George W. Bush",
                                 "Ex-Präsident", "van der Bellen", "Bellen"]), max_size=6, unique=True),
       st.lists(st.sampled_from(["Kim", "Jong", "un", "Nato", "Chef", "U", "S", "George", "W", "Bush", "Ex",
                                 "Präsident", "van", "der", "Bellen", "sagte", "die"]), max_size=30),
       st.lists(st.sampled_from([" ", "-", ". ", ", ", "\n\n"]), min_size=30, max_size=30))
def test_scan_skips_exactly_the_tokens_that_start_no_form(names, words, gaps):
    """``scan`` passes the trie's heads to ``compress`` as they are: a node is never empty."""
    index = AliasIndex()
    for k, name in enumerate(names):
        index.add_name(name, f"id{k}")
    assert all(_non_empty(node) for node in index._trie.values())
    text = "".join(itertools.chain.from_iterable(zip(gaps, words)))
    tokens = tokenize(text)
    direct = [k for k, token in enumerate(tokens) if index._trie.get(token[TEXT]) is not None]
    assert [k for k in itertools.compress(range(len(tokens)), map(index._trie.get, (t[TEXT] for t in tokens)))] == direct
    list(index.scan(tokens))  # runs


def _non_empty(node) -> bool:
    return bool(node) and all(_non_empty(child) for key, child in node.items() if isinstance(child, dict))


_NAMES = ["Gavriil Grigorov", "Silvana Koch-Mehrin", "Ayaan Hirsi Ali", "Hirsi Ali", "Ali", "Stoiber", "Anna Koch",
          "Jo Lu", "Max Mustermanns"]
_WORDS = ["Grigorov", "Grigorovs", "Koch", "Mehrin", "Kochs", "Ali", "Alis", "Hirsi", "Stoiber", "Stoibers", "die",
          "Die", "im", "sagte", "Lu", "Lus", "Mustermanns", "Mustermann", "Grigorovx", "Alix", "Koch-Mehrins"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_NAMES), st.sampled_from(["first name", "role: CSU-Chef", "list"]),
                          st.integers(0, 40)), max_size=5),
       st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40),
       st.lists(st.sampled_from([" ", "-", ", ", " (", ". "]), min_size=40, max_size=40))
def test_surnames_alone_looks_at_every_token_it_needs(cands, words, gaps):
    """The surnames are looked for among the words that are one, or one with an "s" added, or
    that a hyphen joins to the next: the same spans as when every token is looked at."""
    from types import SimpleNamespace

    from archive_gen.annotate import surnames
    from archive_gen.annotate.sentences import Coverage

    text = "".join(itertools.chain.from_iterable(zip(gaps, words)))
    tokens = tokenize(text)

    def run(module_itertools):
        found = {name: (cue, [(start, start + 1)]) for name, cue, start in cands}
        taken = Coverage(len(text), [span for _, spans in found.values() for span in spans])
        original = surnames.itertools
        surnames.itertools = module_itertools
        try:
            surnames.surnames_alone(text, tokens, found, taken)
        finally:
            surnames.itertools = original
        return found, bytes(taken._taken)

    every_token = SimpleNamespace(count=itertools.count, compress=lambda data, selectors: range(len(tokens)))
    assert run(itertools) == run(every_token)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["a", "b.txt", ".", "..", "", ".hidden", "x.", "x.tar.gz", "ä ö.md", "..a", "a..b",
                                 " ", "\\\\x.y"]), max_size=6).map("/".join))
def test_file_stem_is_the_path_objects_stem(path):
    from pathlib import PurePosixPath

    from archive_gen.paths import file_stem

    assert file_stem(path) == PurePosixPath(path).stem


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_tokens_are_plain_tuples_of_the_words_with_their_gaps_in_the_documented_order(text):
    """``tokenize`` builds each token in C as an exact tuple (session 16: the interpreter indexes
    those fastest); its items, read through the field names, are what a loop over the words
    gives, in the order ``matcher`` documents, and they survive pickling."""
    from archive_gen.annotate.matcher import END, GAP, HYPHEN_AFTER, HYPHEN_BEFORE, START, TEXT, TOKEN_RE, gap_class

    assert (TEXT, START, END, HYPHEN_BEFORE, HYPHEN_AFTER, GAP) == tuple(range(6))
    tokens = tokenize(text)
    words = list(TOKEN_RE.finditer(text))
    assert len(tokens) == len(words)
    for k, (token, word) in enumerate(zip(tokens, words)):
        before = text[words[k - 1].end():word.start()] if k else ""
        after = text[word.end():words[k + 1].start()] if k + 1 < len(words) else ""
        assert type(token) is tuple
        assert token[TEXT] == word.group() and token[GAP] == gap_class(before)
        assert (token[START], token[END]) == word.span()
        assert (token[HYPHEN_BEFORE], token[HYPHEN_AFTER]) == (before == "-", after == "-")
        assert token == (word.group(), word.start(), word.end(), before == "-", after == "-", gap_class(before))
    assert pickle.loads(pickle.dumps(tokens)) == tokens
