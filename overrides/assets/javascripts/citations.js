/* Citation previews (partials/sourcekit/cite.html). CSS shows a preview on hover, keyboard
   focus or tap (and alone does so without this script). This script
   - places it inside the viewport next to its link, below it or above it where there is more
     room (fixed, so that a table's scrolling frame does not clip it); on a narrow screen CSS
     makes it a sheet at the bottom of the screen, and the page scrolls if the sheet would cover
     the link;
   - on a touch screen, shows it at the first tap on [n]; a second tap, or a tap on the preview,
     follows the link to the paragraph; a tap elsewhere closes it;
   - closes it with Escape without moving the keyboard focus (it shows again when the pointer or
     the focus comes back). */
(function () {
  "use strict";
  var narrow = window.matchMedia("(max-width: 44.984375em)");
  var coarse = window.matchMedia("(pointer: coarse)");
  var MARGIN = 8;
  var touch = false; // the last pointer to go down was a finger or a pen
  var shown = null; // the citation whose preview was placed last
  function citationOf(node) { return node && node.closest ? node.closest(".sk-citation") : null; }
  function previewOf(citation) { return citation.querySelector(".sk-preview"); }
  function linkOf(citation) { return citation.querySelector("a.sk-cite-link"); }
  function headerBottom() {
    var header = document.querySelector(".md-header");
    return header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
  }
  function place(citation, again) {
    var preview = previewOf(citation), link = linkOf(citation);
    if (!preview || !link) return;
    shown = citation;
    if (narrow.matches) {
      preview.classList.remove("sk-placed");
      return;
    }
    preview.classList.add("sk-placed");
    var width = preview.offsetWidth, height = preview.offsetHeight;
    if (!width) { // not shown yet: once more at the next frame
      if (!again) requestAnimationFrame(function () { place(citation, true); });
      return;
    }
    var box = link.getBoundingClientRect();
    var viewWidth = document.documentElement.clientWidth, viewHeight = window.innerHeight;
    var top = headerBottom() + MARGIN, below = viewHeight - MARGIN - box.bottom, above = box.top - top;
    var y = height <= below || below >= above ? box.bottom : box.top - height;
    var x = box.left - 16;
    x = Math.max(MARGIN, Math.min(x, viewWidth - MARGIN - width));
    y = Math.max(top, Math.min(y, viewHeight - MARGIN - height));
    preview.style.setProperty("--sk-x", Math.round(x) + "px");
    preview.style.setProperty("--sk-y", Math.round(y) + "px");
  }
  function keepLinkAboveSheet(citation) {
    if (!narrow.matches) return;
    var sheet = previewOf(citation).getBoundingClientRect(), box = linkOf(citation).getBoundingClientRect();
    if (sheet.height && box.bottom > sheet.top - MARGIN) window.scrollBy(0, box.bottom - sheet.top + 3 * MARGIN);
  }
  function closeAll(except) {
    document.querySelectorAll(".sk-citation.sk-open").forEach(function (el) {
      if (el !== except) el.classList.remove("sk-open");
    });
  }
  function open(citation) {
    closeAll(citation);
    citation.classList.remove("sk-dismissed");
    citation.classList.add("sk-open");
    place(citation);
    keepLinkAboveSheet(citation);
  }
  /* After a touch, only an opened preview shows (CSS: .sk-touch): one shown by the touch's
     hover or focus could lie over the link by the time the tap's click arrives. */
  document.addEventListener("pointerdown", function (event) {
    touch = event.pointerType === "touch" || event.pointerType === "pen";
    document.documentElement.classList.toggle("sk-touch", touch);
  }, true);
  document.addEventListener("pointerover", function (event) {
    var citation = citationOf(event.target);
    if (citation && event.pointerType === "mouse") place(citation);
  });
  document.addEventListener("pointerout", function (event) {
    var citation = citationOf(event.target);
    if (citation && !citation.contains(event.relatedTarget) && !citation.contains(document.activeElement)) {
      citation.classList.remove("sk-dismissed");
    }
  });
  document.addEventListener("focusin", function (event) {
    var citation = citationOf(event.target);
    if (citation) {
      citation.classList.remove("sk-dismissed");
      place(citation);
    }
  });
  document.addEventListener("focusout", function (event) {
    var citation = citationOf(event.target);
    if (citation && !citation.contains(event.relatedTarget) && !citation.matches(":hover")) {
      citation.classList.remove("sk-dismissed");
    }
  });
  document.addEventListener("click", function (event) {
    var citation = citationOf(event.target);
    if (!citation) { closeAll(null); return; }
    var link = linkOf(citation);
    if (event.target.closest("a.sk-cite-link")) {
      if ((touch || coarse.matches) && !citation.classList.contains("sk-open")) {
        event.preventDefault();
        open(citation);
      }
      return;
    }
    /* A click on the preview follows its link, unless it selected some of its text. */
    var selection = window.getSelection && window.getSelection();
    if (link && event.target.closest(".sk-preview") && (!selection || selection.isCollapsed)) {
      citation.classList.add("sk-open");
      link.click();
    }
  });
  function replace() {
    if (shown && previewOf(shown).offsetWidth) place(shown);
  }
  window.addEventListener("scroll", replace, { capture: true, passive: true });
  window.addEventListener("resize", replace);
  /* "Cite this page": a path becomes the full address when the page is read online (a
     published address, data-public, is kept: the offline edition and a preview cite it too);
     the date of access is the reader's today, as GOST writes it (dd.mm.yyyy), and the note
     says so. */
  if (/^https?:$/.test(location.protocol)) {
    var here = location.href.split("#")[0].split("?")[0];
    document.querySelectorAll(".sk-page-url:not([data-public])").forEach(function (el) { el.textContent = here; });
  }
  var dates = document.querySelectorAll(".sk-access-date");
  if (dates.length) {
    var now = new Date();
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    var today = two(now.getDate()) + "." + two(now.getMonth() + 1) + "." + now.getFullYear();
    dates.forEach(function (el) { el.textContent = today; });
    document.querySelectorAll(".sk-cite-page [data-note-today]").forEach(function (el) {
      el.textContent = el.getAttribute("data-note-today");
    });
  }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Tab") document.documentElement.classList.remove("sk-touch");
    if (event.key !== "Escape") return;
    document.querySelectorAll(".sk-citation").forEach(function (citation) {
      if (citation.classList.contains("sk-open") || citation.matches(":hover") || citation.contains(document.activeElement)) {
        citation.classList.remove("sk-open");
        citation.classList.add("sk-dismissed");
      }
    });
  });
})();
