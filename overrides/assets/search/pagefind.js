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
 */
let engine = null;
let names = [];
let loaded = null;

/** The main shard's pagefind.js module, and the names of the filters the index has. */
export function use(module, filterNames) {
  engine = module;
  names = Array.isArray(filterNames) ? filterNames.map(String) : [];
}

/** Load every shard's filter values (once); resolves when they are there. */
export function loadFilters() {
  if (!loaded) loaded = engine.filters();
  return loaded;
}

export function filters() {
  if (loaded) return loaded;
  var empty = {};
  names.forEach(function (name) { empty[name] = {}; });
  return Promise.resolve(empty);
}

export function options(value) { return engine.options(value); }
export function mergeIndex(url, value) { return engine.mergeIndex(url, value); }
export function search(term, value) { return engine.search(term, value); }
export function preload(term, value) {
  var done = finishedWords(term);
  return done ? engine.preload(done, value) : Promise.resolve();
}

/** The words of a query followed by a space: "Kim Jo" -> "Kim", "Nordk" -> "". */
export function finishedWords(term) {
  var text = String(term || "");
  return /\s$/.test(text) ? text.trim() : text.replace(/\S+$/, "").trim();
}
export function debouncedSearch(term, value, wait) { return engine.debouncedSearch(term, value, wait); }
export function init(language) { return engine.init(language); }
export function destroy() { return engine.destroy(); }
export function createInstance(value) { return engine.createInstance(value); }
