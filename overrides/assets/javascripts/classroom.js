/* The teachers' pages (docs/classroom/, partials/sourcekit/kit.html). Loaded by those pages
   only; it loads nothing from another host and works from file://.
   - A kit's "Print" button: shown only when this script runs; it opens the print dialog.
   - The offline edition's download link: the zip is published beside the site (in its
     download/ folder) by the publishing workflow, not by the build, so the link is shown
     only when the file is there: a HEAD request to this site, never from file://. */
(function () {
  "use strict";
  document.querySelectorAll("[data-sk-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
  var script = document.currentScript;
  var box = document.querySelector("[data-sk-download]");
  if (!box || !script || !/^https?:$/.test(window.location.protocol) || !window.fetch) return;
  // This script is assets/javascripts/classroom.js: the site's root is two folders up.
  var url = new URL("../../" + box.getAttribute("data-sk-download"), script.src);
  fetch(url, { method: "HEAD" }).then(function (response) {
    if (!response.ok) return;
    var link = box.querySelector("a");
    link.setAttribute("href", url.href);
    link.setAttribute("download", "");
    box.hidden = false;
  }).catch(function () {});
})();
