/* archive-gen: the Pagefind search API as Pagefind UI sees it, with filter values on demand.
 *
 * Pagefind UI (loaded by search.js) imports "<bundlePath>pagefind.js" and asks for every
 * filter's values as soon as it starts: every filter file of every shard, about a third of what
 * a first search downloaded at 10,000 articles. Here the UI's bundlePath is this folder: this
 * module hands every call to the main shard's own pagefind.js (search.js passes it in with
 * use()), except filters(), which answers with the filter names only (no values: Pagefind UI
 * lists the names, closed) until search.js calls loadFilters(), when a reader opens a filter.
 *
 * preload() fetches only the words a reader has finished typing. Pagefind UI preloads the query
 * at every keystroke, and a word being typed passes through the index chunks of each of its
 * prefixes ("b", "bu", "bun" … "d", "de", "deu" …: at 10,000 articles "Bundeskanzler
 * (Deutschland)" fetched 11 chunks of two shards, 234 KB, for 4 it searched); the search itself,
 * once typing pauses, loads the last word's chunk.
 *
 * search() drops the results of a shard that does not hold a query word. When no word of a
 * shard (Pagefind bundle) starts with a query word's stem, Pagefind 1.5 matches the shard's
 * longest word that begins the stem instead (its PR #315; issues #599, #793; no option turns it
 * off): a shard without "nordkorea" lists its pages with "Nord", "Putinverehrer" (in no shard)
 * the pages naming Putin.
 * That happens per shard and query word, so one page decides for its shard: each shard is
 * tagged with a filter of its own (Pagefind's mergeFilter, SHARD_FILTER, never shown), the
 * shard's best result is looked up and its text (its fragment, which the UI would load anyway
 * for a top result) checked for every query word (./words.js); the shards that fail are then
 * left out by that filter, so that the results, their count and the filter counts are those of
 * the shards that hold the words. A shard's verdict for a query is kept (filters do not change it).
 */
import { holds, queryWords } from "./words.js";

export const SHARD_FILTER = "ag-shard";
let engine = null;
let names = [];
let loaded = null;
let mainShard = "";
let language = "";
const verdicts = new Map(); // shard + "\n" + query words -> Promise<boolean>: it holds them all

/** The main shard's pagefind.js module, the names of the filters the index has, the main
 * shard's name (the others' come with mergeIndex) and the language the index was stemmed in
 * (all pages are indexed in the site's language: an English article's page searches a German
 * index on a German site). */
export function use(module, filterNames, main, indexLanguage) {
  engine = module;
  names = Array.isArray(filterNames) ? filterNames.map(String) : [];
  mainShard = String(main || "");
  language = String(indexLanguage || (typeof document !== "undefined" && document.documentElement.lang) || "");
  verdicts.clear();
}

/** The language whose stemming the word test follows. */
export function stemmingLanguage() { return language; }

/** Load every shard's filter values (once); resolves when they are there. */
export function loadFilters() {
  if (!loaded) loaded = engine.filters().then(withoutShards);
  return loaded;
}

export function filters() {
  if (loaded) return loaded;
  var empty = {};
  names.forEach(function (name) { empty[name] = {}; });
  return Promise.resolve(empty);
}

export function options(value) {
  return engine.options(Object.assign({}, value, { mergeFilter: tagged(mainShard) }));
}
export function mergeIndex(url, value) {
  var name = String(url).replace(/\/+$/, "").split("/").pop();
  return engine.mergeIndex(url, Object.assign({}, value, { mergeFilter: tagged(name) }));
}
export function search(term, value) {
  return engine.search(term, value).then(function (response) { return holding(term, value, response); });
}
export function preload(term, value) {
  var done = finishedWords(term);
  return done ? engine.preload(done, value) : Promise.resolve();
}

/** The words of a query followed by a space: "Kim Jo" -> "Kim", "Nordk" -> "". */
export function finishedWords(term) {
  var text = String(term || "");
  return /\s$/.test(text) ? text.trim() : text.replace(/\S+$/, "").trim();
}
export function debouncedSearch(term, value, wait) {
  return engine.debouncedSearch(term, value, wait).then(function (response) {
    return response && holding(term, value, response);
  });
}
export function init(language) { return engine.init(language); }
export function destroy() { return engine.destroy(); }
export function createInstance(value) { return engine.createInstance(value); }

function tagged(shard) {
  var tag = {};
  tag[SHARD_FILTER] = shard;
  return tag;
}

/** The filter counts without the shard filter. */
function withoutShards(filters) {
  var rest = Object.assign({}, filters || {});
  delete rest[SHARD_FILTER];
  return rest;
}

function inShards(value, shards) {
  var filters = Object.assign({}, (value && value.filters) || {});
  filters[SHARD_FILTER] = { any: shards };
  return Object.assign({}, value || {}, { filters: filters });
}

/** ``response`` without the results of the shards that do not hold every query word. */
async function holding(term, value, response) {
  var words = queryWords(term || "");
  var counts = ((response && response.filters) || {})[SHARD_FILTER] || {};
  var shards = Object.keys(counts).filter(function (shard) { return counts[shard] > 0; });
  if (!words.length || !shards.length) return strip(response);
  var held = await Promise.all(shards.map(function (shard) { return holdsAll(shard, term, words, value); }));
  var failing = shards.filter(function (_, i) { return !held[i]; });
  if (!failing.length) return strip(response);
  var keep = Object.keys(allShards(response)).filter(function (shard) { return failing.indexOf(shard) < 0; });
  if (!keep.length) return strip(nothing(response));
  return strip(await engine.search(term, inShards(value, keep)));
}

function allShards(response) {
  return Object.assign({}, ((response.totalFilters || {})[SHARD_FILTER]) || {},
                       ((response.filters || {})[SHARD_FILTER]) || {});
}

/** Does the shard hold every query word? Its best result's text decides (see the top). */
function holdsAll(shard, term, words, value) {
  var key = shard + "\n" + words.join(" ");
  if (!verdicts.has(key)) {
    var verdict = engine.search(term, inShards({ filters: (value && value.filters) || {} }, [shard]))
      .then(function (response) {
        var best = response && response.results[0];
        if (!best) return null; // nothing to judge by (under these filters): ask again later
        return best.data().then(function (page) {
          var text = (page.meta && page.meta.title ? page.meta.title + " " : "") + (page.content || "");
          return words.every(function (word) { return holds(text, word, language); });
        });
      });
    verdicts.set(key, verdict);
    verdict.then(function (held) { if (held === null) verdicts.delete(key); },
                 function () { verdicts.delete(key); });
  }
  return verdicts.get(key).then(function (held) { return held !== false; });
}

function nothing(response) {
  var zero = {};
  Object.keys(response.filters || {}).forEach(function (name) {
    zero[name] = {};
    Object.keys(response.filters[name]).forEach(function (v) { zero[name][v] = 0; });
  });
  return Object.assign({}, response, { results: [], unfilteredResultCount: 0, filters: zero });
}

function strip(response) {
  if (!response) return response;
  return Object.assign({}, response, { filters: withoutShards(response.filters),
                                       totalFilters: withoutShards(response.totalFilters) });
}
