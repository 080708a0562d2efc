"""Word sets of the languages archive-gen reads (German first, English too).

Each set says what it is for; the grammar modules (sign-offs, credits, datelines, titles,
candidates, mentions) import them from here instead of keeping their own copies. Month and
weekday names come from Babel's CLDR data (``de``, ``de_AT``, ``en``); the few variants CLDR
lacks are added by hand and marked as such.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from babel.dates import get_day_names, get_month_names

LANGUAGES = ("de", "en")
# CLDR locales per language: Austrian German has "Jänner" and "Jän.".
_LOCALES = {"de": ("de", "de_AT"), "en": ("en",)}
# Variants CLDR does not list but wire text uses: Austrian "Feber", the old "Sonnabend".
_EXTRA_MONTHS = {"de": {"feber": 2}, "en": {"sept": 9}}
_EXTRA_DAYS = {"de": ("sonnabend",), "en": ()}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --------------------------------------------------------------------------- months, days


@functools.cache
def month_numbers(language: str, abbreviated: bool = True) -> dict[str, int]:
    """Lowercase month name → month number (``"jänner": 1``, ``"sept": 9``); abbreviations
    without their dot unless ``abbreviated`` is False."""
    widths = ("wide", "abbreviated") if abbreviated else ("wide",)
    months: dict[str, int] = {}
    for locale in _LOCALES[language]:
        for width in widths:
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context=context, locale=locale).items():
                    months.setdefault(name.lower().rstrip("."), number)
    if abbreviated:
        months.update(_EXTRA_MONTHS[language])
    else:
        months.update({k: v for k, v in _EXTRA_MONTHS[language].items() if len(k) > 4})
    return months


@functools.cache
def day_names(language: str) -> frozenset[str]:
    """Lowercase weekday names (``montag``, ``sonnabend``, ``monday``)."""
    names = {n.lower() for loc in _LOCALES[language] for n in get_day_names("wide", locale=loc).values()}
    return frozenset(names | set(_EXTRA_DAYS[language]))


def month_pattern(language: str) -> str:
    """A regex alternative of the month abbreviations of ``language`` (``jan|feb|…``);
    a full name matches when followed by ``[a-z]*``."""
    abbreviations = sorted({n for n in month_numbers(language) if len(n) == 3}, key=lambda n: (month_numbers(language)[n], n))
    return "|".join(re.escape(n) for n in abbreviations)


def _union(sets: Iterable[frozenset[str]]) -> frozenset[str]:
    return frozenset().union(*sets)


# Month and weekday names in both languages: capitalised words that start no name.
MONTHS_AND_DAYS = _union(
    [frozenset(month_numbers(lang, abbreviated=False)) | day_names(lang) for lang in LANGUAGES]
)

# --------------------------------------------------------------------------- function words

# Words that open sentences or stand capitalised but never start a person's name.
_NOT_NAME_START = {
    "de": _words(
        """der die das dem den des ein eine einer einem einen eines und oder aber doch sondern denn
        nicht nur auch noch schon sehr mehr viel viele alle allen jeder jede jedes kein keine
        er sie es wir ihr ich du man wer was wie wo wann warum ob dass weil wenn als da so
        am im in an auf aus bei mit nach seit von vor zu zum zur über unter für gegen ohne um durch
        hat hatte haben ist war sind waren wird wurde werden sei seien kann könne soll solle will
        dies diese dieser dieses jene jener hier dort dann damit dabei dazu darauf laut trotz wegen
        neue neuen neuer erst erste ersten zwei drei vier fünf sechs sieben acht neun zehn
        andere anderen anderer weitere weiteren beide beiden mehrere einige wenige vielen
        bis nun jetzt heute gestern morgen immer wieder bereits etwa rund knapp fast
        mein meine meinem meinen meiner meines dein deine deinem deinen deiner sein seine seinem
        seinen seiner seines ihre ihrem ihren ihrer ihres unser unsere unserem unseren unserer
        euer eure
        herr frau sankt"""
    ),
    "en": _words(
        """the a an and or but not no nor of on at by for with from to into onto over under after
        before since during about as if so than then there here this that these those it its
        he she we they i you his her their our my who what when where why how which while
        will would shall should can could may might must has have had is was are were be been
        new old first last next more most many all any some each every other such only also
        mr mrs ms dr prof st saint mount lake cape port fort among neither either both two three four five"""
    ),
}
NOT_NAME_START = _union(_NOT_NAME_START.values())

# The most frequent function words: what tells a German text from an English one.
DETECTION_WORDS = {
    "de": _words("der die das und nicht ist mit von den sich des auf für eine ein im dem zu auch wurde hat sei"),
    "en": _words("the and of to in is that for with was said on it by as at from has be were"),
}

# Words a shortened headline must not end on (articles, conjunctions, prepositions, auxiliaries).
_DANGLING = {
    "de": _words(
        """der die das den dem des ein eine einen einem einer eines und oder aber mit von zu im in am an
        auf für bei nach seinem seinen seiner ihrem ihren ihrer hat haben ist sind wird wurde sich dass
        als wie"""
    ),
    "en": _words("the a an and or but of to in on at for with by from has have is are was were that as"),
}
DANGLING = _union(_DANGLING.values())

# Capitalised words that start sentences but never a place name (no dateline starts with them).
_NOT_PLACE_START = {
    "de": _words(
        """Der Die Das Den Dem Des Ein Eine Einen Einem Einer Eines Er Sie Es Wir Ihr Ich Man
        Und Aber Oder Doch Auch Nur Noch Schon So Wie Was Wer Wo Warum Mit Bei Von Vom Im In Am
        An Auf Aus Für Nach Vor Zu Zum Zur Über Unter Gegen Ohne Um Wegen Seit Bis Dass Dies
        Diese Dieser Dieses Alle Kein Keine Mehr Neue Neuer Neues Viele Laut Trotz Nun Jetzt
        Heute"""
    ),
    "en": _words("The A At On For Of"),
}
NOT_PLACE_START = _union(_NOT_PLACE_START.values())

# Articles: before a noun, not before a name ("das erklärte Ziel", "die Menschen").
_ARTICLES = {"de": _words("der die das den dem des ein eine einer einem einen eines"), "en": _words("the a an")}
ARTICLES = _union(_ARTICLES.values())
GERMAN_ARTICLES = _ARTICLES["de"]
# Prepositions that make the name after them a place: "nach Zenda", "in Wien", "from Paris".
PLACE_PREPOSITIONS = _words("in im nach aus von vom bei beim zu zum durch über um bis ab from to at into")

# --------------------------------------------------------------------------- clauses

# Finite verbs a headline clause is complete with: auxiliaries, modals and the commonest
# verbs of news text in the third person. Other verbs are recognised by their endings
# (see annotate.titles.has_verb).
_FINITE_VERBS = {
    "de": _words(
        """ist sind war waren wird werden wurde wurden sei seien wäre wären hat haben hatte hatten habe
        hätte hätten kann können konnte konnten könne soll sollen sollte sollten solle will wollen
        wollte wollten wolle muss müssen musste mussten müsse darf dürfen durfte mag gibt gab geht ging
        kommt kam steht stand liegt lag bleibt blieb sagt sagte sagten fordert forderte warnt warnte
        sieht sah lässt ließ nimmt nahm zieht zog schließt schloss trifft traf spricht sprach"""
    ),
    "en": _words(
        """is are was were be been will would can could may might must shall should has have had
        does did says said tells told sees saw gets got makes made takes took gives gave goes went
        plans plan expects expected"""
    ),
}
FINITE_VERBS = _union(_FINITE_VERBS.values())
# Lowercase words with a verb's ending that are no verbs ("nicht", "jetzt", "bereits").
NOT_VERBS = _words(
    """nicht jetzt bereits seit selbst erst fast meist zuletzt zunächst längst weit recht gut
    mit mittlerweile bisher bislang insgesamt derzeit zumindest mindestens höchstens stets
    damit dabei trotzdem jedoch allerdings schlecht direkt"""
)
# Words that open a subordinate clause (a relative pronoun, a conjunction). A clause opened by
# one is no main clause; after a preposition a relative pronoun still opens one ("über die").
_SUBORDINATORS = {
    "de": _words(
        """dass ob weil wenn falls als wie wo was wer der die das den dem deren dessen denen welche
        welcher welches welchen welchem um damit nachdem bevor obwohl obgleich während sodass
        seit seitdem sofern solange indem ohne statt anstatt so womit wobei wodurch wonach"""
    ),
    "en": _words("that which who whom whose because if when while although though as since after before so to"),
}
SUBORDINATORS = _union(_SUBORDINATORS.values())
RELATIVE_PRONOUNS = _words("der die das den dem deren dessen denen welche welcher welches welchen welchem which who whom whose")
# Subordinate clauses the clause before them needs: its object ("sagt, dass …"), its condition
# ("tritt zurück, wenn …"), the second half of a comparison ("mehr, als …").
DEPENDENT_OPENERS = _words("dass ob wenn falls sofern solange als wie so sodass that if unless whether than")
PREPOSITIONS = _words(
    """an auf aus bei durch für gegen in mit nach neben ohne seit über um unter von vor während wegen zu
    zwischen at by for from in of on to with"""
)
# Verbs that report speech: a clause ending in one ("…, sagte er") needs what was said.
SPEECH_VERBS = _words(
    """sagte sagt sagten erklärte erklärt betonte betont meinte meint schrieb schreibt berichtete
    berichtet hieß heißt said says told added wrote stated reported"""
)

# --------------------------------------------------------------------------- name particles

# Lowercase particles between a given name and a surname: "Ursula von der Leyen".
GIVEN_NAME_PARTICLES = _words("von van de del della di da dos du la le zu ter ten af")
# Articles that follow another particle inside a name: "von der", "de la".
ARTICLE_PARTICLES = _words("der den de la le")
# Arabic particles, never German or English words: "Osama bin Laden", "al-Assad".
ARABIC_PARTICLES = _words("al el bin ibn ben abu bint")
# Romance particles that make a place part of a longer name: "Prix de Rome" (not "des": German too).
ROMANCE_PARTICLES = _words("de du di del della da do dos")
# Particles inside a person's name in credits and sign-offs: "Bernd von Jutrczenka".
NAME_PARTICLES = _words("von van vom zu zur de der den del della di da du dos das la le ter ten y bin ibn al el")
# Lowercase connectors inside place names: "Rio de Janeiro", "Frankfurt am Main".
PLACE_PARTICLES = _words("de da do del am an der ob upon on sur la le")

# --------------------------------------------------------------------------- abbreviations

# Abbreviations whose full stop ends no sentence ("z. B.", "Dr.", "Mio."), as written (no dot).
# Not company suffixes: "… said Chrysler Corp. The company …" ends a sentence more often than not.
# titles and units are capitalised ("Mag." is a title, "mag." a verb ending a sentence),
# lowercase ones also stand capitalised at a sentence start ("Vgl."). Single letters ("U.S.",
# initials) and numbers ("19. Juni") are rules of the splitter, not entries here.
_TITLE_ABBREVIATIONS = _words(
    """Dr Prof Mag Dipl Ing Univ DI St Nr Str Abs Mio Mrd Tsd Jh Hl Mr Mrs Ms Jr Sr Gov Lt Col Sgt Rev
    Mill Hrsg Tel Jan Jän Feb Mar Apr Jun Jul Aug Sep Sept Okt Oct Nov Dez Dec"""
)
_LOWER_ABBREVIATIONS = _words("bzw ca vgl usw etc inkl exkl evtl ggf geb gest jun sen mio mrd tsd vs ff sog sogen")
ABBREVIATIONS = _TITLE_ABBREVIATIONS | _LOWER_ABBREVIATIONS | {w.capitalize() for w in _LOWER_ABBREVIATIONS}
