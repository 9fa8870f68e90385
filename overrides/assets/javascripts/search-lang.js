/*
 * search-lang.js - per-language search for Material for MkDocs + mkdocs-static-i18n.
 *
 * Loaded by overrides/main.html right after Material's <script id="__config">
 * and before Material's bundle. It rewrites the "search" entry of that config
 * so that Material starts workers/search-lang-worker.js instead of its own
 * worker. The options for the wrapper are passed in the URL fragment, because
 * a fragment survives both `new Worker(url)` and the iframe-worker shim used
 * from file:// (which appends "?<timestamp>" to the URL).
 *
 * Options: worker   - absolute URL of Material's own search worker
 *          prefix   - location prefix of the current language ("" for the
 *                     default language at the site root, "kk/", "ru/", ...)
 *          prefixes - prefixes of all built languages
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
    var options = {
      worker: new URL(config.search, document.baseURI).href,
      lang: script.getAttribute("data-lang") || "",
      prefix: JSON.parse(script.getAttribute("data-prefix") || '""'),
      prefixes: JSON.parse(script.getAttribute("data-prefixes") || "[]")
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
    if (/[?&]q=/.test(location.search)) return go();
    document.addEventListener("focusin", function (ev) {
      if (ev.target && ev.target.classList && ev.target.classList.contains("md-search__input")) go();
    });
    document.addEventListener("click", function (ev) {
      if (ev.target && ev.target.closest && ev.target.closest('label[for="__search"], .md-search')) go();
    });
    document.addEventListener("keydown", function (ev) {
      if (["/", "s", "f", "S", "F"].indexOf(ev.key) !== -1) go();
    });
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
