"""German Wikinews quotes: named speakers of direct quotes and claims."""

from __future__ import annotations

import collections
import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from archive_gen import front_matter
from archive_gen.annotate import Annotator
from archive_gen.errors import ContentError, Diagnostics
from archive_gen.ingest import markdown
from archive_gen.model import Registry

from .common import Score, WORD_RE, fold


# Words that are no names even when capitalised (sentence starts, pronouns, determiners).
FUNCTION_WORDS = frozenset(
    """der die das den dem des ein eine einen einem einer eines er sie es ihr ihm ihn ihnen wir ich
    man dieser diese dieses diesem diesen jener jene jenes sein seine seiner seinem seinen ihre
    ihrer ihrem ihren und oder aber auch nach laut von vom zu zum zur in im an am auf aus bei mit
    für über unter gegen demnach danach dabei dazu damit darin wonach dem wie so als wenn dass
    ob nun doch noch schon nicht kein keine alle viele andere anderen beide beiden mehrere""".split()
)
MIN_QUOTE_SHARE = 0.6
MIN_SHARED_TOKENS = 2


# The dataset's own split: "test" is held out (only scored); "train" and "dev" are the part whose
# errors may be read while the rules are improved.
HELD_OUT_SPLIT = "test"


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word.casefold() not in FUNCTION_WORDS


def _acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 2 and word[:1].isupper()


def name_tokens(article_text: str) -> frozenset[str]:
    """Capitalised words that follow another capitalised non-function word after one space:
    the later words of multi-word names (``Merkel`` of ``Angela Merkel``, ``Welle`` of
    ``Deutsche Welle``). A role word before a name (``Papst Benedikt``) is a first word, so a
    bare ``der Papst`` does not count as named."""
    found = set()
    for match in re.finditer(r"(?=\b(\w+) (\w+)\b)", article_text):
        a, b = match.group(1), match.group(2)
        if _capitalised(a) and _capitalised(b):
            found.add(b)
    return frozenset(found)


def named_speaker(speaker: str, article_names: frozenset[str]) -> bool:
    for word in words(speaker):
        if _acronym(word) or (_capitalised(word) and word in article_names):
            return True
    return False


def speaker_words(text: str) -> set[str]:
    """Capitalised words of 3+ letters, folded, with and without a genitive -s."""
    found = set()
    for w in words(text):
        if len(w) >= 3 and _capitalised(w):
            found.add(fold(w, "ae"))
            if w.endswith("s") and len(w) > 3:
                found.add(fold(w[:-1], "ae"))
    return found


def surname(name: str) -> str | None:
    """The last capitalised word of a name: ``Angela Merkel`` → ``merkel``, ``SPD`` → ``spd``."""
    for w in reversed(words(name)):
        if len(w) >= 3 and _capitalised(w):
            return fold(w, "ae")
    return None


def speaker_matches(ours: Iterable[str], gold_speaker: str) -> bool:
    """Our speaker's surname (of its name or any alias) is a word of the gold speaker phrase:
    ``Angela Merkel`` ~ ``Bundeskanzlerin Merkel``; ``Willy Brandt`` ≁ ``Willy Bogner``."""
    gold = speaker_words(gold_speaker)
    return any(surname(name) in gold for name in ours)


def quote_match(ours: str, golds: list[str]) -> int | None:
    """Index of the gold quote our quote belongs to, or None."""
    mine = collections.Counter(w.casefold() for w in words(ours))
    total = sum(mine.values())
    if not total:
        return None
    best, best_dice = None, 0.0
    for i, gold in enumerate(golds):
        theirs = collections.Counter(w.casefold() for w in words(gold))
        shared = sum((mine & theirs).values())
        if shared < min(MIN_SHARED_TOKENS, total) or shared / total < MIN_QUOTE_SHARE:
            continue
        dice = 2 * shared / (total + sum(theirs.values()))
        if dice > best_dice:  # the closest gold quote: a direct quote, not the report around it
            best, best_dice = i, dice
    return best


def same_quote_layer(i: int | None, golds: list[dict], attributed: Iterable[str]) -> int | None:
    """The gold entry of quote ``i`` whose speaker is ours, among entries with the same words.

    The gold lists a quote once per layer of attribution ("RIA Novosti zitiert Kirchner mit
    den Worten: „…“" is one entry for the agency and one for Kirchner, with the same text);
    matching by text alone took the first, so a right speaker of the second layer counted as
    wrong. Our quote has one speaker, so it still hits one layer at most."""
    if i is None:
        return None
    attributed = list(attributed)
    text = golds[i]["quote"].strip()
    for j, gold in enumerate(golds):
        if gold["quote"].strip() == text and speaker_matches(attributed, gold["speaker"]):
            return j
    return i


def sample_ids(content: Path) -> frozenset[int]:
    """Wikinews ids of the sample archive's articles (the registry was built from them)."""
    ids = set()
    for path in sorted((content / "articles").rglob("*.md")):
        match = re.search(r"curid=(\d+)", path.read_text(encoding="utf-8", errors="replace")[:2000])
        if match:
            ids.add(int(match.group(1)))
    return frozenset(ids)


@dataclass
class WikinewsResult:
    direct: Score = field(default_factory=Score)  # Quote objects vs named-speaker Direct quotes
    all_types: Score = field(default_factory=Score)  # quotes + claims vs every named-speaker quote
    held_out: Score = field(default_factory=Score)  # "direct" on the dataset's test split only
    dev: Score = field(default_factory=Score)  # "direct" on train + dev: the part whose errors are read
    unnamed_attributed: int = 0  # our attributions on gold quotes with an unnamed speaker
    docs: int = 0
    skipped_sample: int = 0
    skipped_rejected: int = 0
    seconds: float = 0.0
    errors: dict[str, list] = field(default_factory=lambda: collections.defaultdict(list))


def wikinews_doc(record: dict):
    text = front_matter.dumps({"title": record["title"], "date": record["date"]}, record["text"])
    return markdown.parse(text, f"wikinews/{record['wikinews_id']}.md")


def claim_match(sentence: str, golds: list[str]) -> int | None:
    """Index of the gold quote a claim (a whole sentence) reports: at least 60% of the gold
    quote's tokens are in the sentence; the most similar one wins. None when there is none."""
    mine = collections.Counter(w.casefold() for w in words(sentence))
    total = sum(mine.values())
    best, best_dice = None, 0.0
    for i, gold in enumerate(golds):
        theirs = collections.Counter(w.casefold() for w in words(gold))
        size = sum(theirs.values())
        shared = sum((mine & theirs).values())
        if not size or shared < min(MIN_SHARED_TOKENS, size) or shared / size < MIN_QUOTE_SHARE:
            continue
        dice = 2 * shared / (total + size)
        if dice > best_dice:
            best, best_dice = i, dice
    return best


def attributed_names(registry: Registry, speaker: str | None, via: str | None,
                     speaker_name: str | None = None) -> tuple[str, list[str]]:
    """(shown id, names) of whom we attribute a statement to: the speaker (an actor or source id),
    else ``via``, else the name as written; ("", []) when nobody."""
    for ident in (speaker, via):
        if not ident:
            continue
        entry = registry.actors.get(ident) or registry.sources.get(ident)
        if entry is not None:
            return ident, [entry.name, *entry.aliases]
        return ident, [ident]
    if speaker_name:
        return speaker_name, [speaker_name]
    return "", []


def evaluate_wikinews(path: Path, annotator: Annotator, exclude: frozenset[int],
                      limit: int | None = None) -> WikinewsResult:
    registry = annotator.registry
    result = WikinewsResult()
    with path.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines]
    for record in records:
        if limit is not None and result.docs >= limit:
            break
        if record["wikinews_id"] in exclude:
            result.skipped_sample += 1
            continue
        start = time.perf_counter()
        try:
            article = annotator.annotate(wikinews_doc(record), Diagnostics())
        except ContentError:
            result.skipped_rejected += 1
            continue
        result.seconds += time.perf_counter() - start
        result.docs += 1
        golds = record["quotes"]
        names = name_tokens(record["text"])
        named = [named_speaker(q["speaker"], names) for q in golds]
        ours = _attributions(article, registry, golds)
        before = Score(**vars(result.direct))
        kept = {cls: len(items) for cls, items in result.errors.items()}
        right_direct, right_any = _score_ours(result, ours, golds, named, record["wikinews_id"])
        _score_golds(result, ours, golds, named, right_direct, right_any, record["wikinews_id"])
        part = result.held_out if record.get("split") == HELD_OUT_SPLIT else result.dev
        if part is result.held_out:  # held-out errors are scored, never listed: nobody reads them
            for cls in list(result.errors):
                del result.errors[cls][kept.get(cls, 0):]
        part.add(Score(*(getattr(result.direct, k) - getattr(before, k)
                         for k in ("gold", "pred", "gold_hit", "pred_hit"))))
    return result


def _attributions(article, registry: Registry, golds: list[dict]) -> list[tuple]:
    """(is a direct quote, text, gold index or None, shown speaker, names) of our quotes and claims."""
    texts = [g["quote"] for g in golds]
    ours = []
    for q in article.quotes:
        # a quote's via is the channel it came through, not a claim about who said it
        shown, attributed = attributed_names(registry, q.speaker, None, getattr(q, "speaker_name", None))
        i = same_quote_layer(quote_match(q.text, texts), golds, attributed)
        ours.append((True, q.text, i, shown, attributed))
    for c in getattr(article, "claims", ()):
        shown, attributed = attributed_names(registry, c.speaker, c.via)
        i = same_quote_layer(claim_match(c.text, texts), golds, attributed)
        ours.append((False, c.text, i, shown, attributed))
    return ours


def _score_ours(result: WikinewsResult, ours, golds, named, rid) -> tuple[set[int], set[int]]:
    """Precision side: each attribution of ours against its gold quote; the gold indexes right."""
    right_direct: set[int] = set()
    right_any: set[int] = set()
    for is_quote, text, i, shown, attributed in ours:
        if not attributed:
            continue
        if i is None:
            result.all_types.pred += 1
            result.direct.pred += is_quote
            result.errors["attributed quote not in gold" if is_quote else "attributed claim not in gold"].append(
                {"id": rid, "text": text[:160], "ours": shown})
            continue
        if not named[i]:
            result.unnamed_attributed += 1
            continue
        ok = speaker_matches(attributed, golds[i]["speaker"])
        result.all_types.pred += 1
        result.all_types.pred_hit += ok
        if is_quote and golds[i]["type"] == "Direct":
            result.direct.pred += 1
            result.direct.pred_hit += ok
        if ok:
            right_any.add(i)
            if is_quote:
                right_direct.add(i)
        else:
            result.errors["wrong speaker" + ("" if is_quote else " (claim)")].append(
                {"id": rid, "text": text[:160], "ours": shown, "gold": golds[i]["speaker"], "type": golds[i]["type"]})
    return right_direct, right_any


def _score_golds(result: WikinewsResult, ours, golds, named, right_direct, right_any, rid) -> None:
    """Recall side: every gold quote with a named speaker, and why a direct one was missed."""
    for i, gold in enumerate(golds):
        if not named[i]:
            continue
        result.all_types.gold += 1
        result.all_types.gold_hit += i in right_any
        if gold["type"] != "Direct":
            continue
        result.direct.gold += 1
        result.direct.gold_hit += i in right_direct
        if i not in right_direct:
            found = [o for o in ours if o[0] and o[2] == i]
            why = ("no quote found" if not found else
                   "no speaker" if not any(o[4] for o in found) else "wrong speaker")
            result.errors[f"missed named speaker: {why}"].append(
                {"id": rid, "quote": gold["quote"][:160], "gold": gold["speaker"], "cue": gold["cue"],
                 "ours": sorted({o[3] for o in found})})
