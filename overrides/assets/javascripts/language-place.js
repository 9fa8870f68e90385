/* The language switcher keeps the reader's place. Its links (partials/alternate.html, made
   relative by hooks/mkdocs_sourcekit/i18n.py) lead to the same page in the other language; this script adds
   the place on that page:
   - the fragment of the address when what it names is on screen, or else the paragraph (or
     heading) at the top of the screen once the reader has scrolled;
   - paragraphs and the other anchors the templates write (p-…, term-…, ref-…, corr-…) have the same
     id in every language and are kept as they are; a heading's id is a slug of its words, so
     it travels as its position ("#sk-heading-3-of-7"), which the other page turns back into its
     own heading's id (when it has as many headings; else it stays at the top).
   Material would send a language link to the top of the other page: target="_self" keeps its
   handler away (it leaves links with a target alone). Without JavaScript the links still lead
   to the other language, at the top of the page. Works over http and from file://. */
(function () {
  "use strict";
  var IN = ".md-content .md-typeset ";
  var HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"].map(function (h) { return IN + h + "[id]"; }).join(", ");
  var PLACES = [HEADINGS].concat(["p-", "term-", "ref-", "corr-"].map(function (p) { return IN + "[id^='" + p + "']"; })).join(", ");
  var TOKEN = /^#sk-heading-(\d+)-of-(\d+)$/;

  function headings() { return Array.prototype.slice.call(document.querySelectorAll(HEADINGS)); }
  function top() {
    var header = document.querySelector(".md-header");
    return header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
  }
  function onScreen(element) {
    var box = element.getBoundingClientRect();
    return box.height > 0 && box.bottom > 0 && box.top < window.innerHeight;
  }
  function named(hash) {
    if (!hash || hash.length < 2) return null;
    try { return document.getElementById(decodeURIComponent(hash.slice(1))); } catch (err) { return null; }
  }
  /* The fragment for the other language ("" for none). */
  function fragmentOf(element) {
    if (!element || !element.id) return "";
    if (/^H[1-6]$/.test(element.tagName)) {
      var all = headings(), index = all.indexOf(element);
      return index < 0 ? "" : "#sk-heading-" + (index + 1) + "-of-" + all.length;
    }
    return "#" + encodeURIComponent(element.id);
  }
  function place() {
    var target = named(location.hash);
    if (target && onScreen(target)) return fragmentOf(target);
    if (window.scrollY < 1) return "";
    var limit = top(), places = document.querySelectorAll(PLACES);
    for (var i = 0; i < places.length; i++) {
      var box = places[i].getBoundingClientRect();
      if (box.height > 0 && box.bottom > limit + 1) {
        /* the page's title still on screen: the top of the page */
        return box.top < window.innerHeight && places[i] !== headings()[0] ? fragmentOf(places[i]) : "";
      }
    }
    return "";
  }
  function update(link) {
    link.href = link.href.split("#")[0] + place();
  }

  document.querySelectorAll(".md-select__link[hreflang]").forEach(function (link) {
    link.target = "_self";
    ["pointerdown", "focus", "click", "contextmenu"].forEach(function (type) {
      link.addEventListener(type, function () { update(link); });
    });
  });

  /* Arrived from another language at a heading given by its position. */
  var token = TOKEN.exec(location.hash);
  if (token) {
    var all = headings(), index = Number(token[1]) - 1;
    var heading = Number(token[2]) === all.length ? all[index] : null;
    var here = location.href.split("#")[0];
    /* A fragment navigation (no reload): the heading becomes :target, below the header. */
    if (heading) location.replace(here + "#" + encodeURIComponent(heading.id));
    else history.replaceState(history.state, "", here);
  }
})();
