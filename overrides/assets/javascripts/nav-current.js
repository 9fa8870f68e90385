/* The menu shows the current page. On a wide screen Material scrolls the menu to the current
   page and keeps the site's name on top of it (a sticky title): the menu scrolls so that the
   current page is below that title, and keeps its height as scroll padding, so that an item
   scrolled into view (keyboard focus) is not hidden under it either. In the phone's drawer
   the list that holds the current page scrolls to it when it is out of sight (a phone held
   sideways). */
(function () {
  "use strict";
  var wide = window.matchMedia("(min-width: 76.25em)");
  var sidebar = document.querySelector(".md-sidebar--primary");
  if (!sidebar) return;
  var GAP = 12; // the title's shadow, and some air

  function scroller(element) {
    for (var node = element.parentElement; node && node !== sidebar; node = node.parentElement) {
      var overflow = getComputedStyle(node).overflowY;
      if ((overflow === "auto" || overflow === "scroll") && node.scrollHeight > node.clientHeight) return node;
    }
    return null;
  }
  /* The current page's item as it is shown (a link, or in the drawer the label that opens the
     page's contents); in the drawer a section's own page is the title of the section's panel,
     which lies over its link: that link is left alone. */
  function current() {
    var links = sidebar.querySelectorAll(".md-nav__link--active");
    for (var i = links.length - 1; i >= 0; i--) {
      var link = links[i], item = link.closest(".md-nav__item");
      if (!link.offsetHeight) continue;
      var toggle = item && item.querySelector(":scope > .md-nav__toggle");
      if (!wide.matches && toggle && toggle.checked) continue;
      return link;
    }
    return null;
  }
  function stickyBottom(box) {
    var titles = sidebar.querySelectorAll(".md-nav__title");
    var bottom = box.top;
    for (var i = 0; i < titles.length; i++) {
      if (!titles[i].offsetHeight || getComputedStyle(titles[i]).position !== "sticky") continue;
      bottom = Math.max(bottom, titles[i].getBoundingClientRect().bottom);
    }
    return bottom;
  }
  function reveal() {
    var link = current();
    var box = link && scroller(link);
    if (!box) return;
    var frame = box.getBoundingClientRect();
    var covered = stickyBottom(frame);
    var padding = Math.max(0, Math.ceil(covered - frame.top)) + (covered > frame.top ? GAP : 0);
    box.style.scrollPaddingTop = padding ? padding + "px" : "";
    var item = link.getBoundingClientRect();
    var limit = frame.top + padding;
    if (item.top < limit) box.scrollTop -= limit - item.top;
    else if (item.bottom > frame.bottom - GAP) box.scrollTop += Math.min(item.bottom - frame.bottom + GAP, item.top - limit);
  }
  /* After Material has scrolled the menu on load (at its first animation frame). */
  function later() { requestAnimationFrame(function () { requestAnimationFrame(reveal); }); }
  if (document.readyState === "complete") later();
  else window.addEventListener("load", later);
  var drawer = document.getElementById("__drawer");
  if (drawer) drawer.addEventListener("change", function () { if (drawer.checked) reveal(); });
  wide.addEventListener("change", later);
})();
