/* archive-gen: the header search (overrides/partials/search.html).
 *
 * Opens a dialog with Pagefind's default UI. Pagefind's files (site/pagefind/, written by
 * archive_gen.publish.search.index_site) are loaded on the first opening only, relative to the
 * site root that MkDocs gives each page as base_url: the site works under any sub-path.
 * The index is sharded (one Pagefind bundle per year of articles, one for the other pages):
 * pagefind/shards.json names the main bundle, whose UI is loaded, and the bundles merged into
 * it (Pagefind's mergeIndex: one WebAssembly file, results and filters merged).
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
  var loading = null;

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
      return loadUi(main).then(function () {
        /* global PagefindUI */
        new PagefindUI(Object.assign({
          element: "#ag-search-ui",
          bundlePath: main.pathname,
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
