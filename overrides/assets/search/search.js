/* archive-gen: the header search (overrides/partials/search.html).
 *
 * Opens a dialog with Pagefind's default UI. Pagefind's files (site/pagefind/, written by
 * archive_gen.publish.search.index_site) are loaded on the first opening only, relative to the
 * site root that MkDocs gives each page as base_url: the site works under any sub-path.
 * The index may be sharded (consecutive months of articles per Pagefind bundle): pagefind/shards.json
 * names the main bundle, whose UI and engine are loaded, the bundles merged into it (Pagefind's
 * mergeIndex: one WebAssembly file, results and filters merged), the filter names and the
 * index's language (./pagefind.js checks results by its stemming, whatever the page's). Filter
 * values load when a reader opens a filter (./pagefind.js), not with the first search.
 * Keys: "/" opens the search, Escape closes it.
 */
(function () {
  "use strict";
  var root = document.querySelector("[data-ag-search]");
  if (!root) return;
  var dialog = root.querySelector(".ag-search__dialog");
  var opener = root.querySelector(".ag-search__open");
  var status = root.querySelector(".ag-search__status");
  // the site root, e.g. "/" or "/archive/" (pages carry a relative base_url such as "../..")
  var siteRoot = new URL((root.getAttribute("data-base") || ".") + "/", window.location.href);
  var bundles = new URL("pagefind/", siteRoot);
  var engineShim = new URL("assets/search/", siteRoot); // ./pagefind.js: what Pagefind UI imports
  var loading = null;
  var ui = null;
  var shim = null;

  // a fixed dialog inside the sticky header would be clipped: it lives in <body>
  document.body.appendChild(dialog);

  // Pagefind stores a page's text as text (it decodes "&lt;" to "<") and Pagefind UI puts the
  // excerpt in as HTML: escape it, keeping only Pagefind's <mark> highlights. Titles and
  // meta values are printed as text by Pagefind UI; filter values are made inert when indexing.
  function escapeHtml(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;");
  }
  function safeExcerpt(excerpt) {
    return escapeHtml(excerpt || "").replace(/&lt;(\/?)mark&gt;/g, "<$1mark>");
  }
  function processResult(result) {
    result.excerpt = safeExcerpt(result.excerpt);
    (result.sub_results || []).forEach(function (sub) { sub.excerpt = safeExcerpt(sub.excerpt); });
    return result;
  }

  function input() {
    return dialog.querySelector(".pagefind-ui__search-input");
  }

  // the same options for every shard: Pagefind ranks each shard's results, then sorts them all by score
  var options = {
    baseUrl: siteRoot.pathname,
    excerptLength: 30,
    // news articles are long, actor and place pages short: without this, every short
    // description naming a place outranks the articles about it
    ranking: { pageLength: 0.1, termFrequency: 0.3 }
  };
  function shardUrl(name) {
    if (!/^[A-Za-z0-9_-]+$/.test(String(name))) throw new Error("bad shard name");
    return new URL(name + "/", bundles);
  }

  function loadUi(bundle) {
    return new Promise(function (resolve, reject) {
      var css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = new URL("pagefind-ui.css", bundle).href;
      document.head.appendChild(css);
      var script = document.createElement("script");
      script.src = new URL("pagefind-ui.js", bundle).href;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("pagefind-ui.js could not be loaded")); };
      document.head.appendChild(script);
    });
  }

  function load() {
    if (loading) return loading;
    loading = fetch(new URL("shards.json", bundles).href).then(function (response) {
      if (!response.ok) throw new Error("pagefind/shards.json is missing");
      return response.json();
    }).then(function (shards) {
      var main = shardUrl(shards.main);
      var merge = (shards.merge || []).map(function (name) {
        return Object.assign({ bundlePath: shardUrl(name).pathname }, options);
      });
      return Promise.all([
        import(new URL("pagefind.js", main).href),
        import(new URL("pagefind.js", engineShim).href),
        loadUi(main)
      ]).then(function (modules) {
        shim = modules[1];
        shim.use(modules[0], shards.filters, shards.main, shards.language);
        /* global PagefindUI */
        ui = new PagefindUI(Object.assign({
          element: "#ag-search-ui",
          bundlePath: engineShim.pathname,
          showImages: false,
          showSubResults: false,
          processResult: processResult,
          mergeIndex: merge
        }, options));
      });
    }).catch(function () {
      status.textContent = root.getAttribute("data-unavailable");
      status.hidden = false;
      loading = null; // a later opening tries again
    });
    return loading;
  }

  // a reader opened a filter for the first time: load the values of all filters, then search
  // again (no value can be selected yet) so that Pagefind UI lists them with their counts
  var filtersAsked = false;
  dialog.addEventListener("toggle", function (event) {
    var block = event.target;
    if (filtersAsked || !shim || !block.open || !block.classList.contains("pagefind-ui__filter-block")) return;
    filtersAsked = true;
    shim.loadFilters().then(function () { ui.triggerFilters({}); }, function () { filtersAsked = false; });
  }, true);

  function open() {
    if (!dialog.hidden) return;
    dialog.hidden = false;
    opener.setAttribute("aria-expanded", "true");
    document.documentElement.classList.add("ag-search--open");
    load().then(function () {
      var box = input();
      if (box) box.focus();
    });
    var box = input();
    if (box) box.focus();
  }

  function close() {
    if (dialog.hidden) return;
    dialog.hidden = true;
    opener.setAttribute("aria-expanded", "false");
    document.documentElement.classList.remove("ag-search--open");
    opener.focus();
  }

  opener.addEventListener("click", open);
  dialog.addEventListener("click", function (event) {
    if (event.target.closest("[data-ag-search-close]")) close();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !dialog.hidden) {
      event.preventDefault();
      close();
      return;
    }
    if (event.key !== "/" || !dialog.hidden || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    event.preventDefault();
    open();
  }, true);
})();
