/* archive-gen: passage notes as pop-overs (a "toggletip" / disclosure, WAI-ARIA APG).

   The page works without this script: each numbered marker after a passage is a link
   (role doc-noteref) to its note in the "Anmerkungen" list, which links back, and the
   marker's title holds the note's text (its accessible description).

   With it, activating a marker (click, tap, Enter or Space) opens the note right after the
   marker, in the reading and tab order: the marker says aria-expanded and aria-controls,
   the pop-over is role="note" and is the marker's description (aria-describedby), its links
   are reachable with Tab. Escape, a click elsewhere, focus leaving marker and pop-over, or
   activating the marker again close it; Escape returns focus to the marker. The pop-over's
   content is a copy of the list item (the archive's escaped HTML, nothing built from text
   here); modified clicks (new tab …) still follow the link. Material's tooltip look comes
   from notes.css with the theme's CSS variables, so both palettes and other themes work. */
(function () {
  "use strict";
  var MARGIN = 12; // px between the pop-over and the edge of the window
  var GAP = 6;     // px between the marker and the pop-over
  var current = null;

  var copyOf = function (item) {
    var inner = document.createElement("span");
    inner.className = "ag-note-pop__inner";
    Array.prototype.forEach.call(item.children, function (child, i) {
      if (i === 0 && child.querySelector(".ag-note-target")) return; // the quoted passage: it is right there
      if (child.tagName === "UL" || child.tagName === "OL") return;
      var copy = child.cloneNode(true);
      Array.prototype.forEach.call(copy.querySelectorAll("[id]"), function (el) { el.removeAttribute("id"); });
      copy.removeAttribute("id");
      inner.appendChild(copy);
    });
    return inner;
  };

  var place = function (ref, pop) {
    var width = document.documentElement.clientWidth;
    var height = document.documentElement.clientHeight;
    var anchor = ref.getBoundingClientRect();
    var box = pop.getBoundingClientRect();
    var origin = pop.offsetParent ? pop.offsetParent.getBoundingClientRect() : { left: 0, top: 0 };
    var left = anchor.left + anchor.width / 2 - box.width / 2;
    left = Math.max(MARGIN, Math.min(left, width - MARGIN - box.width));
    var top = anchor.bottom + GAP;
    var above = anchor.top - GAP - box.height;
    if (top + box.height > height - MARGIN && above >= MARGIN) top = above;
    pop.style.left = left - origin.left + "px";
    pop.style.top = top - origin.top + "px";
    pop.style.setProperty("--ag-note-pop-arrow", anchor.left + anchor.width / 2 - left + "px");
    pop.classList.toggle("ag-note-pop--above", top === above);
  };

  var close = function (refocus) {
    if (!current) return;
    var ref = current.ref;
    current.pop.hidden = true;
    current.pop.classList.remove("ag-note-pop--active");
    ref.setAttribute("aria-expanded", "false");
    current = null;
    if (refocus) ref.focus();
  };

  var open = function (ref, pop) {
    close(false);
    pop.hidden = false;
    pop.style.left = pop.style.top = "0px";
    place(ref, pop);
    pop.classList.add("ag-note-pop--active");
    ref.setAttribute("aria-expanded", "true");
    current = { ref: ref, pop: pop };
  };

  var setup = function () {
    if (current && !document.contains(current.ref)) current = null; // a page swapped in by instant loading
    Array.prototype.forEach.call(document.querySelectorAll('sup.ag-note-ref > a[role="doc-noteref"]'), function (ref) {
      if (ref.hasAttribute("aria-controls")) return; // set up already
      var target = document.getElementById(decodeURIComponent(ref.hash.slice(1)));
      var item = target && target.closest("li");
      if (!item) return;
      var pop = document.createElement("span");
      pop.className = "ag-note-pop";
      pop.id = "ag-note-pop-" + ref.parentNode.id.replace(/^ag-note-ref-/, "");
      pop.setAttribute("role", "note");
      pop.setAttribute("aria-label", ref.getAttribute("aria-label") || ref.textContent);
      pop.hidden = true;
      pop.appendChild(copyOf(item));
      ref.parentNode.insertAdjacentElement("afterend", pop);
      ref.removeAttribute("title"); // the pop-over says it now; no second, native tooltip
      ref.setAttribute("aria-expanded", "false");
      ref.setAttribute("aria-controls", pop.id);
      ref.setAttribute("aria-describedby", pop.id);
      ref.addEventListener("click", function (event) {
        if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        if (current && current.ref === ref) close(false);
        else open(ref, pop);
      });
      ref.addEventListener("keydown", function (event) {
        if (event.key === " ") { event.preventDefault(); ref.click(); }
      });
    });
  };

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && current) {
      var inside = current.pop.contains(document.activeElement) || current.ref === document.activeElement;
      close(inside);
    }
  });
  // pointerdown, not click: a tap on plain text gives no click in mobile browsers
  document.addEventListener("pointerdown", function (event) {
    if (current && !current.pop.contains(event.target) && !current.ref.contains(event.target)) close(false);
  });
  document.addEventListener("focusin", function (event) {
    if (current && !current.pop.contains(event.target) && current.ref !== event.target) close(false);
  });
  window.addEventListener("resize", function () { if (current) place(current.ref, current.pop); });

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
  // Material's (and Zensical's) instant loading swaps pages without a new load: they announce
  // each page on document$
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(setup);
})();
