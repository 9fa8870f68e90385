/*
 * search-lang.js - per-language search for Material for MkDocs + mkdocs-static-i18n.
 *
 * Loaded by overrides/main.html right after Material's <script id="__config">
 * and before Material's bundle. It rewrites the "search" entry of that config
 * so that Material starts workers/search-lang-worker.js (the site's own search
 * engine, which speaks Material's worker protocol) instead of its own worker. The options for the wrapper are passed in the URL fragment, because
 * a fragment survives both `new Worker(url)` and the iframe-worker shim used
 * from file:// (which appends "?<timestamp>" to the URL).
 *
 * Options: lang     - the page's language (its index is the only one read)
 *          search   - absolute URL of the site's search/ folder (shards and chunks)
 *          prefix   - location prefix of the current language ("" for the
 *                     default language at the site root, "kk/", "ru/", ...)
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var el = document.getElementById("__config");
  if (!script || !el) return;
  try {
    var config = JSON.parse(el.textContent);
    var wrapper = script.getAttribute("data-worker");
    if (typeof config.search !== "string" || !wrapper) return;
    if (config.search.indexOf("search-lang-worker") !== -1) return; /* done */
    var base = new URL(config.base, location.href).href;
    if (base.slice(-1) !== "/") base += "/";
    var options = {
      lang: script.getAttribute("data-lang") || "",
      search: new URL("search/", base).href,
      prefix: JSON.parse(script.getAttribute("data-prefix") || '""')
    };
    config.search = wrapper + "#" + encodeURIComponent(JSON.stringify(options));
    el.textContent = JSON.stringify(config);
  } catch (err) {
    /* leave Material's configuration untouched: search stays multilingual */
    if (window.console) console.warn("search-lang:", err);
  }
})();

/*
 * Load the search index on demand, and only this language's part of it.
 *
 * Material requests search/search_index.json as soon as a page loads; on a weak
 * connection that costs more than the page itself. Over http the request is held back
 * until the reader reaches for search (focus on the search field, a click on the search
 * icon, or Material's keyboard shortcuts), and it asks for
 * search/search_index.<lang>.json, which holds this language's documents only.
 * From file:// (the offline edition) nothing changes: there is no network to spare.
 */
(function () {
  "use strict";
  if (!/^https?:$/.test(location.protocol)) return;
  var script = document.currentScript;
  var lang = script && script.getAttribute("data-lang");
  var wanted = new Promise(function (resolve) {
    function go() { resolve(); }
    function isField(el) { return !!(el && el.classList && el.classList.contains("md-search__input")); }
    if (/[?&]q=/.test(location.search)) return go();
    /* This script is deferred: the reader may have focused the field, or typed into it,
       before it ran; those events are gone, so look at the field itself once. */
    var field = document.querySelector("input.md-search__input");
    if (isField(document.activeElement) || (field && field.value)) return go();
    document.addEventListener("focusin", function (ev) { if (isField(ev.target)) go(); }, true);
    document.addEventListener("input", function (ev) { if (isField(ev.target)) go(); }, true);
    document.addEventListener("click", function (ev) {
      if (ev.target && ev.target.closest && ev.target.closest('label[for="__search"], .md-search')) go();
    }, true);
    document.addEventListener("keydown", function (ev) {
      if (isField(ev.target) || ["/", "s", "f", "S", "F"].indexOf(ev.key) !== -1) go();
    }, true);
  });
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    var target = String(url);
    if (/search\/search_index\.json$/.test(target)) {
      this.__skDeferred = true;
      if (lang) args[1] = target.replace(/search_index\.json$/, "search_index." + lang + ".json");
    }
    return open.apply(this, args);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (!request.__skDeferred) return send.apply(request, args);
    wanted.then(function () { send.apply(request, args); });
  };
})();

/*
 * No lost query.
 *
 * Material reads the search field on "keyup" (and on focus, and once when the index is
 * ready) and sends a query to the worker only after the worker said READY. Text that
 * arrives without a keyup (a paste, an IME or a phone keyboard, voice input, text typed
 * before Material's deferred bundle ran) was not read until one more keystroke, and a
 * query typed while the index loaded could be left unanswered. So:
 *  - every "input" event of the field is also announced as a "keyup" (Material ignores
 *    a value it has already seen, so nothing is searched twice);
 *  - when the search worker reports READY, the field is read again the same way, and if
 *    the query in the box is still not the one last sent to the worker, it is sent.
 * The worker is wrapped as it is created (new Worker(url) in Material's bundle, which
 * runs after this script; from file:// "Worker" is already the iframe-worker shim).
 */
(function () {
  "use strict";
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  function isField(el) { return !!(el && el.classList && el.classList.contains("md-search__input")); }
  function field() { return document.querySelector("input.md-search__input"); }
  function announce(el) {
    var ev;
    try { ev = new KeyboardEvent("keyup", { bubbles: true }); } catch (err) { return; }
    ev.__skSynthetic = true;
    el.dispatchEvent(ev);
  }
  document.addEventListener("input", function (ev) {
    if (isField(ev.target)) announce(ev.target);
  }, true);

  var Native = window.Worker;
  if (typeof Native !== "function") return;
  function Wrapped(url, opts) {
    var worker = arguments.length > 1 ? new Native(url, opts) : new Native(url);
    if (String(url).indexOf("search-lang-worker") !== -1) watch(worker);
    return worker;
  }
  Wrapped.prototype = Native.prototype;
  window.Worker = Wrapped;

  function watch(worker) {
    var ready = false;
    var last = null; /* the last query sent to the worker after it was ready */
    var post = worker.postMessage;
    worker.postMessage = function (message) {
      if (message && message.type === SETUP) ready = false;
      if (message && message.type === QUERY) {
        last = message.data;
        var list = document.querySelector(".md-search-result");
        if (list) list.removeAttribute("data-sk-final");
      }
      return post.apply(worker, arguments);
    };
    worker.addEventListener("message", function (ev) {
      if (ev.data && ev.data.type === RESULT) {
        /* the worker may answer twice (the best results first): the last answer is marked,
           and only if it answers the query sent last (an earlier query's answer may arrive
           after a newer query was sent, when the field was read again at READY) */
        var data = ev.data.data;
        var final = !!(data && data.final) && (data.query === undefined || data.query === last);
        setTimeout(function () {
          var list = document.querySelector(".md-search-result");
          if (list) list.setAttribute("data-sk-final", String(final));
        }, 0);
        return;
      }
      if (!ev.data || ev.data.type !== READY) return;
      ready = true;
      last = null;
      /* after Material's own listeners have handled READY */
      setTimeout(function () {
        var el = field();
        if (!el || !ready) return;
        announce(el);
        var value = el.value;
        if (value && value.trim() && last !== value) worker.postMessage({ type: QUERY, data: value });
      }, 0);
    });
  }
})();

/*
 * Highlighting after a search result is opened (?h=… in the address), aware of folding.
 *
 * The search worker folds letters (ё = е; Kazakh қ ғ ұ ү ә ө і ң һ = к г у у а о и н х),
 * so the terms it puts in ?h= are folded ("шелк") while the page prints "шёлк". This
 * marks, in the page's content, every word that starts with a term once both are folded,
 * as printed; it replaces Material's highlighter, which compares letters as they are and
 * needs the search index (which over http is not loaded until the reader uses search).
 * The same table is in workers/search-lang-worker.js.
 */
(function () {
  "use strict";
  var FOLD = { "ё": "е", "Ё": "Е", "қ": "к", "Қ": "К", "ғ": "г", "Ғ": "Г", "ұ": "у", "Ұ": "У",
    "ү": "у", "Ү": "У", "ә": "а", "Ә": "А", "ө": "о", "Ө": "О", "і": "и", "І": "И",
    "ң": "н", "Ң": "Н", "һ": "х", "Һ": "Х" };
  function fold(text) { return text.replace(/[ёЁқҚғҒұҰүҮәӘөӨіІңҢһҺ]/g, function (c) { return FOLD[c]; }); }
  var url;
  try { url = new URL(location.href); } catch (err) { return; }
  var h = url.searchParams.get("h");
  if (h === null) return;
  /* Material must not highlight again (its highlighter would also add marks) */
  url.searchParams.delete("h");
  try { history.replaceState(history.state, "", url.href); } catch (err) { /* file:// in some browsers */ }
  var terms = fold(h).split(/[\s*+\-:~^]+/).filter(Boolean)
    .map(function (t) { return t.replace(/[|\\{}()[\]^$+*?.-]/g, "\\$&"); });
  if (!terms.length) return;
  var match;
  try {
    match = new RegExp("(^|[^\\p{L}\\p{N}])(" + terms.join("|") + ")", "giu");
  } catch (err) { return; }
  function run() {
    var root = document.querySelector("[data-md-component=content]") || document.querySelector("article");
    if (!root) return;
    var it = document.createNodeIterator(root, NodeFilter.SHOW_TEXT);
    var hits = [];
    for (var node = it.nextNode(); node; node = it.nextNode()) {
      var parent = node.parentElement;
      if (!parent || !parent.offsetHeight || parent.closest("script, style, mark")) continue;
      var folded = fold(node.textContent);
      var ranges = [];
      match.lastIndex = 0;
      var m;
      while ((m = match.exec(folded)) !== null) {
        var start = m.index + m[1].length;
        ranges.push([start, start + m[2].length]);
        if (match.lastIndex === m.index) match.lastIndex++;
      }
      if (ranges.length) hits.push([node, ranges]);
    }
    hits.forEach(function (hit) {
      var node = hit[0], text = node.textContent, at = 0;
      var parts = document.createDocumentFragment();
      hit[1].forEach(function (r) {
        if (r[0] > at) parts.appendChild(document.createTextNode(text.slice(at, r[0])));
        var mark = document.createElement("mark");
        mark.setAttribute("data-md-highlight", "");
        mark.textContent = text.slice(r[0], r[1]);
        parts.appendChild(mark);
        at = r[1];
      });
      if (at < text.length) parts.appendChild(document.createTextNode(text.slice(at)));
      node.parentNode.replaceChild(parts, node);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
})();
