/* archive-gen: the filter box of the index pages (actors, places, topics, sources).
   Without JavaScript the box stays hidden and the A–Z lists work as they are. */
(function () {
  "use strict";
  var fold = function (s) {
    return s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/ß/g, "ss").toLowerCase();
  };
  var setup = function () {
    var box = document.querySelector("input.ag-filter");
    if (!box) return;
    box.hidden = false;
    var groups = Array.prototype.map.call(document.querySelectorAll("h2.ag-letter"), function (h) {
      return { heading: h, list: h.nextElementSibling };
    });
    box.addEventListener("input", function () {
      var wanted = fold(box.value.trim());
      groups.forEach(function (g) {
        if (!g.list) return;
        var shown = 0;
        Array.prototype.forEach.call(g.list.children, function (li) {
          var hit = !wanted || fold(li.textContent).indexOf(wanted) !== -1;
          li.hidden = !hit;
          if (hit) shown += 1;
        });
        g.heading.hidden = g.list.hidden = shown === 0;
      });
    });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
