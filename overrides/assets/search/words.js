/* archive-gen: does a page hold a query word? (used by ./pagefind.js)
 *
 * Pagefind indexes the stem of each word and finds a query word by the index words that start
 * with the query word's stem; when a bundle has none, it takes the bundle's longest index word
 * that begins the stem instead ("Nord" for "Nordkorea"). holds(text, word, language) tells the
 * two apart on a page's text: does one of its words share with the query word at least its stem,
 * less a margin? For German the stem is Snowball's German stemmer (the classic rules; Pagefind
 * 1.5.2 stems with a newer Snowball, which also removes "-erin", "-et", "-ln" … and reads "ue" as
 * "ü": hence the margin of STEM_MARGIN letters and "ue", "ae", "oe" read as "u", "a", "o" on both
 * sides); for other languages (no stemmer here) a word must share half of the query word. A word
 * that Pagefind fell back to is shorter than the stem, mostly by more than the margin.
 */
export const STEM_MARGIN = 4;

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
  return forms.some(function (form) { return commonPrefix(form, word) >= need; });
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
  function longest(list) {
    var found = "";
    list.forEach(function (s) { if (s.length > found.length && ends(s)) found = s; });
    return found;
  }
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

/** Where the region after the first non-vowel that follows a vowel begins (from ``from``). */
function regionStart(w, from) {
  for (var i = from + 1; i < w.length; i++) {
    if (!VOWEL.test(w[i]) && VOWEL.test(w[i - 1])) return i + 1;
  }
  return w.length;
}
