/* The light/dark toggle in the header (partials/palette.html). The palette was applied
   before the page was drawn by window.__skPalette (partials/javascripts/palette.html);
   this applies and stores the reader's switch: a click on the toggle, the arrow keys,
   or Enter as in Material. Transitions are off for the frame of the switch. */
(function () {
  "use strict";
  var form = document.querySelector("[data-sk-palette]");
  if (!form || !window.__skPalette) return;
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input"));
  form.addEventListener("change", function (event) {
    var index = inputs.indexOf(event.target);
    if (index < 0) return;
    document.body.setAttribute("data-md-color-switching", "");
    var input = window.__skPalette(index);
    var color = {};
    ["media", "scheme", "primary", "accent"].forEach(function (key) { color[key] = input.getAttribute("data-md-color-" + key); });
    __md_set("__palette", { index: index, color: color });
    requestAnimationFrame(function () { document.body.removeAttribute("data-md-color-switching"); });
  });
  form.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    var next = inputs[(inputs.indexOf(document.activeElement) + 1) % inputs.length];
    event.preventDefault();
    next.click();
    next.focus();
  });
})();
