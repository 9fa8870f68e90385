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
