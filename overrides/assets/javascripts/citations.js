/* Citation previews on touch screens: the first tap shows the preview, the second follows
   the link. Hover and keyboard focus work with CSS alone; Escape closes an open preview. */
(function () {
  "use strict";
  var coarse = window.matchMedia && window.matchMedia("(pointer: coarse)").matches;
  function closeAll(except) {
    document.querySelectorAll(".sk-citation.sk-open").forEach(function (el) {
      if (el !== except) el.classList.remove("sk-open");
    });
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.sk-cite-link");
    if (!link) { closeAll(null); return; }
    var citation = link.parentElement;
    if (coarse && !citation.classList.contains("sk-open")) {
      event.preventDefault();
      closeAll(citation);
      citation.classList.add("sk-open");
    }
  });
  /* "Cite this page": show the full address when the page is read online. */
  if (/^https?:$/.test(location.protocol)) {
    var here = location.href.split("#")[0].split("?")[0];
    document.querySelectorAll(".sk-page-url").forEach(function (el) { el.textContent = here; });
  }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      closeAll(null);
      if (document.activeElement && document.activeElement.classList.contains("sk-cite-link")) document.activeElement.blur();
    }
  });
})();
