/*
 * search-lang-worker.js - wrapper around Material for MkDocs' search worker.
 *
 * mkdocs-static-i18n writes one search index for all languages. Material's
 * page script loads it (search/search_index.json over http, or
 * search/search_index.js from file://) and posts it to the worker in a
 * SETUP message ({type: 0, data: {config, docs, options}}). This wrapper
 * registers its "message" listener before loading Material's worker, so it
 * sees the SETUP message first and keeps only the documents of the current
 * language; Material's listener then indexes the filtered list.
 *
 * Runs in two hosts:
 *  - a real Web Worker (http): importScripts() is synchronous;
 *  - the iframe-worker shim (file://, Material's offline plugin): the script
 *    runs inside a hidden iframe, importScripts() is asynchronous and returns
 *    a Promise, and "?<timestamp>" is appended to the script URL. Messages
 *    that arrive before Material's worker has loaded are queued and replayed.
 *
 * This file must stay in assets/javascripts/workers/: Material's worker loads
 * lunr language files from "../lunr" relative to the worker script URL.
 */
(function () {
  "use strict";

  var hosted = typeof document !== "undefined" && document.currentScript;
  var own = hosted ? document.currentScript.src : self.location.href;

  /* Options from the URL fragment (see search-lang.js) */
  var hash = own.indexOf("#") === -1 ? "" : own.slice(own.indexOf("#") + 1);
  hash = hash.replace(/\?\d*$/, ""); /* iframe-worker appends ?<timestamp> */
  var options = {};
  try {
    options = JSON.parse(decodeURIComponent(hash));
  } catch (err) {
    console.warn("search-lang-worker: no options, index left unfiltered");
  }

  var prefix = typeof options.prefix === "string" ? options.prefix : null;
  var prefixes = Array.isArray(options.prefixes) ? options.prefixes : [];

  /* Language prefix of a location: the longest matching prefix */
  function variants(p) {
    var v = [p];
    try {
      var e = encodeURI(p);
      if (e !== p) v.push(e);
    } catch (err) { /* keep the raw prefix */ }
    return v;
  }
  var table = [];
  prefixes.forEach(function (p) {
    variants(p).forEach(function (v) { table.push([v, p]); });
  });
  function languageOf(location) {
    var best = null;
    for (var i = 0; i < table.length; i++) {
      var v = table[i][0];
      if (location.slice(0, v.length) === v && (best === null || v.length > best[0].length))
        best = table[i];
    }
    return best ? best[1] : null;
  }

  function filter(message) {
    if (prefix === null || !message || message.type !== 0) return;
    var data = message.data;
    if (!data || !Array.isArray(data.docs)) return;
    var docs = data.docs.filter(function (doc) {
      return doc && typeof doc.location === "string" && languageOf(doc.location) === prefix;
    });
    if (docs.length) {
      data.docs = docs;
    } else {
      console.warn("search-lang-worker: no documents for prefix '" + prefix + "', index left unfiltered");
    }
  }

  /*
   * Folding: the index and the query alike, so that what readers type on a Russian
   * keyboard finds what is printed. ё = е; the Kazakh letters = their Russian-keyboard
   * look-alikes (қ к, ғ г, ұ ү у, ә а, ө о, і и, ң н, һ х). One letter for one letter,
   * so positions do not move: the index gets folded terms, while Material highlights the
   * words in the results at their positions in the text as printed. The same table is
   * in ../search-lang.js (highlighting on the page a result opens).
   */
  var FOLD = { "ё": "е", "Ё": "Е", "қ": "к", "Қ": "К", "ғ": "г", "Ғ": "Г", "ұ": "у", "Ұ": "У",
    "ү": "у", "Ү": "У", "ә": "а", "Ә": "А", "ө": "о", "Ө": "О", "і": "и", "І": "И",
    "ң": "н", "Ң": "Н", "һ": "х", "Һ": "Х" };
  var FOLDABLE = /[ёЁқҚғҒұҰүҮәӘөӨіІңҢһҺ]/g;
  function fold(text) {
    return text.replace(FOLDABLE, function (c) { return FOLD[c]; });
  }
  self.searchFold = fold; /* for tests and for the page's twin */

  /* Every term that lunr indexes passes through a pipeline (empty here: no stemmer, no
     trimmer); fold the tokens there. Material's query terms carry a trailing "*", which
     makes lunr skip the pipeline, so the query is folded as a whole (foldQuery). */
  function foldPipeline() {
    var lunr = self.lunr;
    if (!lunr || !lunr.Pipeline || lunr.Pipeline.prototype.__skFold) return;
    var run = lunr.Pipeline.prototype.run;
    lunr.Pipeline.prototype.run = function (tokens) {
      for (var i = 0; i < tokens.length; i++) {
        var token = tokens[i];
        if (token && typeof token.update === "function") token.update(fold);
      }
      return run.call(this, tokens);
    };
    lunr.Pipeline.prototype.__skFold = true;
  }
  function foldQuery(message) {
    if (message && message.type === 2 && typeof message.data === "string") message.data = fold(message.data);
  }

  /* Material's worker is loaded on the first message (the index arrives only when the
     reader reaches for search); messages are queued until it is ready, then replayed. */
  var ready = false;
  var loading = false;
  var queue = [];
  self.addEventListener("message", function (ev) {
    filter(ev.data); /* in place: Material's listener gets the same object */
    foldQuery(ev.data);
    if (!ready) {
      ev.stopImmediatePropagation();
      queue.push(ev.data);
      load();
    }
  });
  function flush() {
    foldPipeline();
    ready = true;
    var pending = queue;
    queue = [];
    pending.forEach(function (data) {
      self.dispatchEvent(new MessageEvent("message", { data: data }));
    });
  }

  var url = options.worker || "";
  if (!url) throw new Error("search-lang-worker: Material worker URL missing");
  function load() {
    if (loading) return;
    loading = true;
    var result = importScripts(new URL(url, own.split("#")[0]).href);
    if (result && typeof result.then === "function") result.then(flush);
    else flush();
  }
})();
