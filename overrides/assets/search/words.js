/* archive-gen: does a page hold a query word? (used by ./pagefind.js)
 *
 * Pagefind indexes the stem of each word and finds a query word by the index words that start
 * with the query word's stem; when a bundle has none, it takes the bundle's longest index word
 * that begins the stem instead ("Nord" for "Nordkorea"). holds(text, word, language) tells the
 * two apart on a page's text: does one of its words share with the query word at least its stem,
 * less a margin? German: Snowball's German stemmer (the classic rules; Pagefind 1.5.2 stems with
 * a newer Snowball, which also removes "-erin", "-et", "-ln" … and reads "ue" as "ü": hence the
 * margin of STEM_MARGIN letters and "ue", "ae", "oe" read as "u", "a", "o" on both sides).
 * English: Snowball's English stemmer: a word whose stem starts with the query word's stem, or
 * that shares the part of the stem the query word spells ("compan" of "companies": "compani"),
 * less EN_STEM_MARGIN letters for stemmer versions that cut one step more ("intern" of
 * "international"). Other languages (no stemmer here): a word must share half
 * of the query word. A word that Pagefind fell back to is shorter than the stem, mostly by more
 * than the margin.
 */
export const STEM_MARGIN = 4;
export const EN_STEM_MARGIN = 2;

/** Lower case, no diacritics (as Pagefind's query), "ß" as "ss" (as the stemmer). */
export function normalize(text) {
  return String(text).toLocaleLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/ß/g, "ss");
}

/** A query's words as Pagefind searches them: punctuation dropped ("Jong-un" -> "jongun"). */
export function queryWords(term) {
  return normalize(term).replace(/\p{P}/gu, "").split(/\s+/).filter(Boolean);
}

/** The forms under which Pagefind indexes a text's words: each word without punctuation and,
 * for a word with punctuation inside, its parts ("Jong-un." -> "jongun", "jong", "un"). */
function indexForms(text) {
  var forms = [];
  normalize(text).split(/\s+/).forEach(function (word) {
    var joined = word.replace(/\p{P}/gu, "");
    if (joined) forms.push(joined);
    var parts = word.split(/\p{P}+/u).filter(Boolean);
    if (parts.length > 1) forms.push.apply(forms, parts);
  });
  return forms;
}

/** Does ``text`` hold a word that Pagefind finds for the query word ``word`` (queryWords)? */
export function holds(text, word, language) {
  var forms = indexForms(text);
  var need = Math.min(word.length, Math.max(3, Math.ceil(word.length / 2)));
  if (/^de\b/i.test(language || "")) {
    word = umlauts(word);
    forms = forms.map(umlauts);
    need = Math.max(Math.min(word.length, 3), germanStem(word).length - STEM_MARGIN);
  }
  var stem = null; // English: a form whose stem starts with the word's stem is held as well
  if (/^en\b/i.test(language || "")) {
    stem = englishStem(word);
    var spelt = commonPrefix(word, stem);
    need = Math.max(Math.min(spelt, 3), spelt - EN_STEM_MARGIN);
  }
  return forms.some(function (form) {
    return commonPrefix(form, word) >= need || (stem !== null && englishStem(form).startsWith(stem));
  });
}

/** "ue", "ae", "oe" as the vowel without its umlaut ("Duesseldorf" as "Dusseldorf"). */
function umlauts(word) {
  return word.replace(/ae/g, "a").replace(/oe/g, "o").replace(/([^q])ue/g, "$1u").replace(/^ue/, "u");
}

function commonPrefix(a, b) {
  var n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

// ---------------------------------------------------------------- Snowball's German stemmer
// (snowballstem.org/algorithms/german/stemmer.html, the classic rules)
var VOWEL = /[aeiouyäöü]/;
var S_ENDING = /[bdfghklmnrt]/;
var ST_ENDING = /[bdfghklmnt]/;

/** The stem of a lower-case German word without diacritics ("ß" already "ss"). */
export function germanStem(word) {
  var w = word.replace(/ß/g, "ss");
  // u and y between vowels are consonants (marked upper case)
  var chars = w.split("");
  for (var i = 1; i < chars.length - 1; i++) {
    if ((chars[i] === "u" || chars[i] === "y") && VOWEL.test(chars[i - 1]) && VOWEL.test(chars[i + 1])) {
      chars[i] = chars[i].toUpperCase();
    }
  }
  w = chars.join("");
  var p1 = regionStart(w, 0);
  var p2 = regionStart(w, p1);
  if (p1 < 3) p1 = 3;

  function ends(suffix) { return w.endsWith(suffix); }
  function startOf(suffix) { return w.length - suffix.length; }
  function longest(list) { return longestSuffix(w, list); }
  function cut(n) { w = w.slice(0, w.length - n); }

  // step 1
  var s1 = longest(["em", "ern", "er", "e", "en", "es", "s"]);
  if (s1 && startOf(s1) >= p1) {
    if (s1 === "s") {
      if (S_ENDING.test(w.charAt(w.length - 2))) cut(1);
    } else {
      cut(s1.length);
      if ((s1 === "e" || s1 === "en" || s1 === "es") && ends("niss")) cut(1);
    }
  }
  // step 2
  var s2 = longest(["en", "er", "est", "st"]);
  if (s2 && startOf(s2) >= p1) {
    if (s2 === "st") {
      if (ST_ENDING.test(w.charAt(w.length - 3)) && w.length - 3 >= 3) cut(2);
    } else {
      cut(s2.length);
    }
  }
  // step 3
  var s3 = longest(["end", "ung", "ig", "ik", "isch", "lich", "heit", "keit"]);
  if (s3 && startOf(s3) >= p2) {
    if (s3 === "end" || s3 === "ung") {
      cut(s3.length);
      if (ends("ig") && startOf("ig") >= p2 && w.charAt(w.length - 3) !== "e") cut(2);
    } else if (s3 === "ig" || s3 === "ik" || s3 === "isch") {
      if (w.charAt(startOf(s3) - 1) !== "e") cut(s3.length);
    } else if (s3 === "lich" || s3 === "heit") {
      cut(s3.length);
      var before = longest(["er", "en"]);
      if (before && startOf(before) >= p1) cut(2);
    } else {
      cut(4);
      var inner = longest(["lich", "ig"]);
      if (inner && startOf(inner) >= p2) cut(inner.length);
    }
  }
  return w.toLowerCase().replace(/ä/g, "a").replace(/ö/g, "o").replace(/ü/g, "u");
}

/** Where the region after the first non-vowel that follows a vowel begins (from ``from``;
 * Snowball's R1 and R2), by the ``vowel`` pattern (German's by default). */
function regionStart(w, from, vowel) {
  var v = vowel || VOWEL;
  for (var i = from + 1; i < w.length; i++) {
    if (!v.test(w[i]) && v.test(w[i - 1])) return i + 1;
  }
  return w.length;
}

/** The longest of ``suffixes`` that ``w`` ends with, or "". */
function longestSuffix(w, suffixes) {
  var found = "";
  suffixes.forEach(function (s) { if (s.length > found.length && w.endsWith(s)) found = s; });
  return found;
}

// ---------------------------------------------------------------- Snowball's English stemmer
// (snowballstem.org/algorithms/english/stemmer.html, "Porter2" as Snowball 3 has it; Pagefind
// stems "en" pages with Snowball's English stemmer)
var EN_VOWEL = /[aeiouy]/;
var EN_DOUBLE = ["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"];
var EN_LI_ENDING = /[cdeghkmnrt]/;
var EN_EXCEPTIONS = {
  skis: "ski", skies: "sky", idly: "idl", gently: "gentl", ugly: "ugli", early: "earli", only: "onli",
  singly: "singl", sky: "sky", news: "news", howe: "howe", atlas: "atlas", cosmos: "cosmos",
  bias: "bias", andes: "andes",
};
var EN_REGION_PREFIX = /^(gener|commun|arsen|past|univers|later|emerg|organ|inter)/;
var EN_ING_INVARIANT = /^(inn|out|cann|herr|earr|even)$/;
var EN_STEP2 = { // suffix -> replacement ("ogi" and "li" have conditions, see the step)
  ational: "ate", tional: "tion", enci: "ence", anci: "ance", abli: "able", entli: "ent", ization: "ize",
  izer: "ize", ation: "ate", ator: "ate", alism: "al", aliti: "al", alli: "al", fulness: "ful", ousli: "ous",
  ousness: "ous", iveness: "ive", iviti: "ive", biliti: "ble", bli: "ble", ogist: "og", ogi: "og",
  fulli: "ful", lessli: "less", li: "",
};
var EN_STEP3 = { ational: "ate", tional: "tion", alize: "al", icate: "ic", iciti: "ic", ical: "ic", ful: "", ness: "",
  ative: "" };
var EN_STEP4 = ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate",
  "iti", "ous", "ive", "ize", "ion"];

/** The stem of a lower-case English word without diacritics. */
export function englishStem(word) {
  var w = word.replace(/^'/, "");
  if (EN_EXCEPTIONS.hasOwnProperty(w)) return EN_EXCEPTIONS[w];
  if (w.length < 3) return w;
  w = w.replace(/^y/, "Y").replace(/([aeiouy])y/g, "$1Y");
  var prefix = EN_REGION_PREFIX.exec(w);
  var p1 = prefix ? prefix[0].length : regionStart(w, 0, EN_VOWEL);
  var p2 = regionStart(w, p1, EN_VOWEL);
  var ends = function (s) { return w.endsWith(s); };
  var before = function (s) { return w.slice(0, w.length - s.length); };
  var inR1 = function (s) { return w.length - s.length >= p1; };

  // step 1a (with step 0's apostrophes)
  var s0 = longestSuffix(w, ["'s'", "'s", "'"]);
  if (s0) w = before(s0);
  if (ends("sses")) w = before("es");
  else if (ends("ied") || ends("ies")) w = before("ied") + (w.length > 4 ? "i" : "ie");
  else if (ends("us") || ends("ss")) { /* kept */ }
  else if (ends("s") && /[aeiouy]/.test(w.slice(0, -2))) w = before("s");
  // step 1b
  var suffix = longestSuffix(w, ["eed", "eedly", "ed", "edly", "ing", "ingly"]);
  if (suffix === "eed" || suffix === "eedly") {
    if (!/^(proc|exc|succ)$/.test(before(suffix)) && inR1(suffix)) w = before(suffix) + "ee";
  } else if (suffix === "ing" && /^[^aeiouy]y$/.test(before("ing"))) {
    w = before("ying") + "ie"; // dying, lying, tying
  } else if (suffix === "ing" && EN_ING_INVARIANT.test(before("ing"))) {
    /* inning, outing, canning, herring, earring, evening */
  } else if (suffix && /[aeiouy]/.test(before(suffix))) {
    w = before(suffix);
    if (ends("at") || ends("bl") || ends("iz")) w += "e";
    else if (EN_DOUBLE.indexOf(w.slice(-2)) >= 0) { if (!/^[aeo]..$/.test(w)) w = w.slice(0, -1); }
    else if (p1 === w.length && enShortSyllable(w)) w += "e";
  }
  // step 1c
  if (w.length > 2 && /[yY]$/.test(w) && !EN_VOWEL.test(w.charAt(w.length - 2))) w = w.slice(0, -1) + "i";
  // step 2
  var s2 = longestSuffix(w, Object.keys(EN_STEP2));
  if (s2 && inR1(s2)) {
    if (s2 === "ogi") { if (w.charAt(w.length - 4) === "l") w = before("ogi") + "og"; }
    else if (s2 === "li") { if (EN_LI_ENDING.test(w.charAt(w.length - 3))) w = before("li"); }
    else w = before(s2) + EN_STEP2[s2];
  }
  // step 3
  var s3 = longestSuffix(w, Object.keys(EN_STEP3));
  if (s3 && inR1(s3) && (s3 !== "ative" || w.length - 5 >= p2)) w = before(s3) + EN_STEP3[s3];
  // step 4
  var s4 = longestSuffix(w, EN_STEP4);
  if (s4 && w.length - s4.length >= p2 && (s4 !== "ion" || /[st]/.test(w.charAt(w.length - 4)))) {
    w = before(s4);
  }
  // step 5
  if (ends("e")) {
    if (w.length - 1 >= p2 || (w.length - 1 >= p1 && !enShortSyllable(w.slice(0, -1)))) w = w.slice(0, -1);
  } else if (ends("ll") && w.length - 1 >= p2) {
    w = w.slice(0, -1);
  }
  return w.replace(/Y/g, "y");
}

/** Does ``w`` end in a short syllable (a non-vowel, a vowel and a non-vowel other than w, x, Y;
 * or a vowel and a non-vowel as the whole word; or "past")? */
function enShortSyllable(w) {
  var n = w.length;
  var v = function (c) { return EN_VOWEL.test(c); };
  if (w.endsWith("past")) return true;
  if (n === 2) return v(w[0]) && !v(w[1]);
  return n >= 3 && !v(w[n - 3]) && v(w[n - 2]) && !v(w[n - 1]) && !/[wxY]/.test(w[n - 1]);
}
