/*
 * search-lang-worker.js - the site's search engine, speaking Material's worker protocol.
 *
 * Material's page script starts this worker (search-lang.js points __config.search here),
 * posts SETUP ({type: 0, data: {config, docs}}) when search is first used, then QUERY
 * ({type: 2, data: "text"}) on every keystroke, and renders the RESULT ({type: 3, data:
 * {items}}) as usual: results grouped by page, the page first, its sections and paragraphs
 * under it, the words marked. Nothing of Material's own worker (lunr) is loaded.
 *
 * The index is built at build time (hooks/sourcekit/search_engine.py) for one language:
 *  - config.sk is the language's manifest: pages [location, title, first document], the
 *    first document of each chunk, the shard keys, the separator, a version;
 *  - over http, the shard of each word of the query (search/<lang>/t<i>.json: the terms
 *    that start with the word's first two letters, with postings) and then the chunks of
 *    the results shown (search/<lang>/d<i>.json) are fetched and kept;
 *  - from file:// (the offline edition) search_index.js holds every language, shards and
 *    chunks inlined, in config.sk[<lang>]: nothing is fetched.
 *
 * Matching, for every word of the query (folded and split as at build time):
 *  - exact: the term itself; prefix: terms that start with it (two letters or more);
 *  - typo (words of five letters or more): terms with a beginning one edit away from the
 *    word (a letter replaced, added, dropped, or two swapped), in the same shard;
 * Ranking: documents with more of the query's words first; then more words matched without
 * a typo; then the build-time weight (BM25 over title and text). Results are grouped by page.
 *
 * Runs in two hosts:
 *  - a real Web Worker (http);
 *  - the iframe-worker shim (file://): the script runs in a hidden iframe, and "?<timestamp>"
 *    is appended to its URL (after the fragment that carries the options).
 *
 * Options come in the URL fragment (see search-lang.js): lang, search (the URL of search/).
 */
(function () {
  "use strict";

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var hosted = typeof document !== "undefined" && document.currentScript;
  var own = hosted ? document.currentScript.src : self.location.href;
  var hash = own.indexOf("#") === -1 ? "" : own.slice(own.indexOf("#") + 1);
  hash = hash.replace(/\?\d*$/, ""); /* iframe-worker appends ?<timestamp> */
  var options = {};
  try {
    options = JSON.parse(decodeURIComponent(hash));
  } catch (err) {
    console.warn("search-lang-worker: no options");
  }

  /*
   * Folding: the index and the query alike. ё = е; the Kazakh letters = their
   * Russian-keyboard look-alikes (қ к, ғ г, ұ ү у, ә а, ө о, і и, ң н, һ х). One letter for
   * one, so positions do not move. The same table is in hooks/sourcekit/search_engine.py
   * and in ../search-lang.js (highlighting on the page a result opens).
   */
  var FOLD = { "ё": "е", "қ": "к", "ғ": "г", "ұ": "у", "ү": "у", "ә": "а", "ө": "о", "і": "и", "ң": "н", "һ": "х" };
  var FOLDABLE = /[ёқғұүәөіңһ]/g;
  function fold(text) {
    return text.toLowerCase().replace(FOLDABLE, function (c) { return FOLD[c]; });
  }
  var EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
  var KEY_LENGTH = 2, TYPO_LENGTH = 5, EXACT = 1, PREFIX = 0.9, TYPO = 0.45;
  var SHOWN = 5; /* result groups (pages) whose best document is loaded before the first answer:
                    about a phone's screen; Material draws 10, the next ones by title until the next answer */
  var FIRST = 1; /* documents of each of those groups in the first answer (one request each at most) */
  var TOP = 3; /* documents of a group shown open (the others are under "N more on this page") */

  /* Words of a text with their positions: [[start, end, folded term], ...] */
  function words(text, separator) {
    var out = [], folded = fold(text), at = 0, m;
    separator.lastIndex = 0;
    function add(start, end) {
      var part = folded.slice(start, end);
      var lead = part.length - part.replace(/^[^\p{L}\p{N}]+/u, "").length;
      var term = part.replace(EDGES, "");
      if (term) out.push([start + lead, start + lead + term.length, term]);
    }
    while ((m = separator.exec(folded)) !== null) {
      if (m[0] === "") { separator.lastIndex++; continue; }
      add(at, m.index);
      at = m.index + m[0].length;
    }
    add(at, folded.length);
    return out;
  }

  /* Whether b is one edit (or none) away from a: replace, insert, delete, swap two */
  function withinOne(a, b) {
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
    if (i === la || i === lb) return true;
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true;
      return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }
  /* The beginning of the term that is one edit away from the word, or "" */
  function typoOf(word, term) {
    var n = word.length;
    for (var len = n - 1; len <= n + 1; len++)
      if (len <= term.length && withinOne(word, term.slice(0, len))) return term.slice(0, len);
    return "";
  }

  /* ------------------------------------------------------------------ the index */

  var index = null; /* {manifest, separator, shards: Map key->Promise, chunks: Map i->Promise} */

  function setup(config) {
    var sk = config && config.sk;
    if (sk && !sk.keys && options.lang && sk[options.lang]) sk = sk[options.lang]; /* file://: every language */
    if (!sk || !sk.keys) throw new Error("search-lang-worker: no index for this language");
    var keys = {};
    sk.keys.forEach(function (key, i) { keys[key] = i; });
    index = {
      manifest: sk,
      keys: keys,
      separator: new RegExp(sk.separator, "gu"),
      shards: {},
      chunks: {}
    };
  }

  function load(kind, number) {
    var m = index.manifest;
    var cache = kind === "t" ? index.shards : index.chunks;
    if (!cache[number]) {
      if (m.shards && kind === "t") cache[number] = Promise.resolve(m.shards[number]);
      else if (m.chunk_data && kind === "d") cache[number] = Promise.resolve(m.chunk_data[number]);
      else {
        var url = new URL(options.lang + "/" + kind + number + ".json?v=" + m.version, options.search).href;
        cache[number] = fetch(url).then(function (response) {
          if (!response.ok) throw new Error(url + ": " + response.status);
          return response.json();
        });
        cache[number].catch(function () { delete cache[number]; });
      }
    }
    return cache[number];
  }

  function shardOf(word) {
    var key = word.slice(0, KEY_LENGTH);
    return Object.prototype.hasOwnProperty.call(index.keys, key) ? index.keys[key] : -1;
  }

  /* The page (its number in manifest.pages) of a document */
  function pageOf(doc) {
    var pages = index.manifest.pages, lo = 0, hi = pages.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (pages[mid][2] <= doc) lo = mid; else hi = mid - 1;
    }
    return lo;
  }
  function chunkOf(doc) {
    var starts = index.manifest.chunks, lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= doc) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /* ------------------------------------------------------------------ searching */

  /* The words of a query, folded, each once, in order */
  function queryWords(query) {
    var seen = {};
    return words(query, index.separator).map(function (w) { return w[2]; })
      .filter(function (w) { if (seen[w]) return false; seen[w] = true; return true; });
  }

  /* Match one word in its shard: {terms: {term: kind}, docs: Map doc -> [score, kind, as]}, where
     kind is 2 for the word or a term that starts with it, 1 for a typo, and ``as`` is what
     the page that opens should mark: the word, or the beginning of the term it misspells */
  function match(word, shard) {
    var found = { terms: {}, docs: new Map() };
    if (!shard) return found;
    var list = shard.t, typo = word.length >= TYPO_LENGTH;
    for (var i = 0; i < list.length; i++) {
      var term = list[i], factor, kind, as = word;
      if (term === word) { factor = EXACT; kind = 2; }
      else if (word.length >= KEY_LENGTH && term.lastIndexOf(word, 0) === 0) { factor = PREFIX; kind = 2; }
      else if (typo && (as = typoOf(word, term))) { factor = TYPO; kind = 1; }
      else continue;
      found.terms[term] = kind;
      var postings = shard.p[i], doc = 0;
      for (var j = 0; j < postings.length; j += 2) {
        doc += postings[j];
        var score = postings[j + 1] * factor, best = found.docs.get(doc);
        if (!best || best[1] < kind || (best[1] === kind && best[0] < score)) found.docs.set(doc, [score, kind, as]);
      }
    }
    return found;
  }

  function rank(wordsOfQuery, matches) {
    var docs = new Map();
    matches.forEach(function (found, w) {
      found.docs.forEach(function (hit, doc) {
        var entry = docs.get(doc);
        if (!entry) docs.set(doc, entry = { doc: doc, all: 0, exact: 0, score: 0, hits: {} });
        entry.all += 1;
        if (hit[1] === 2) entry.exact += 1;
        entry.score += hit[0];
        entry.hits[w] = hit;
      });
    });
    var list = Array.from(docs.values());
    list.sort(function (a, b) { return b.all - a.all || b.exact - a.exact || b.score - a.score || a.doc - b.doc; });
    return list;
  }

  function group(ranked) {
    var groups = new Map();
    ranked.forEach(function (entry) {
      var page = pageOf(entry.doc);
      var g = groups.get(page);
      if (!g) groups.set(page, g = { page: page, entries: [] });
      g.entries.push(entry);
    });
    return Array.from(groups.values()); /* in the order of each page's best document */
  }

  /* ------------------------------------------------------------------ rendering */

  function escape(text) {
    return text.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;" }[c]; });
  }
  /* Text with the matched words marked; with ``around``, only a stretch around the first */
  function marked(text, wanted, around) {
    var list = words(text, index.separator).filter(function (w) { return wanted[w[2]]; });
    if (!list.length) return around ? "" : escape(text);
    var start = 0, end = text.length;
    if (around) {
      start = Math.max(0, list[0][0] - around);
      var space = text.lastIndexOf(" ", list[0][0]);
      if (start > 0 && space > start) start = text.indexOf(" ", start) + 1;
      end = Math.min(text.length, start + 2.5 * around);
      var cut = text.indexOf(" ", end);
      end = end < text.length && cut !== -1 ? cut : text.length;
    }
    var out = start > 0 ? "… " : "", at = start;
    list.forEach(function (w) {
      if (w[0] < start || w[1] > end) return;
      out += escape(text.slice(at, w[0])) + "<mark>" + escape(text.slice(w[0], w[1])) + "</mark>";
      at = w[1];
    });
    return out + escape(text.slice(at, end)) + (end < text.length ? " …" : "");
  }
  /* Up to two lines of a document's text that hold matched words, around the first match */
  function teaser(text, wanted) {
    var lines = text.split("\n"), out = [];
    for (var i = 0; i < lines.length && out.length < 2; i++) {
      var part = marked(lines[i], wanted, 100);
      if (part) out.push("<p>" + part + "</p>");
    }
    return out.join("");
  }

  function item(entry, words_, data, page, shownWords) {
    var m = index.manifest, pageInfo = m.pages[page];
    var wanted = {}, terms = {};
    words_.forEach(function (w) {
      var hit = entry && entry.hits[w];
      if (!hit) { terms[w] = false; return; }
      if (hit[1] === 2) terms[w] = true; else terms[hit[2]] = true; /* a typo: the word as printed */
    });
    Object.keys(shownWords).forEach(function (t) { wanted[t] = true; });
    var location, title, text = "";
    if (data) {
      location = pageInfo[0] + data[0];
      title = data[1];
      text = teaser(data[2], wanted);
    } else {
      location = pageInfo[0];
      title = pageInfo[1];
    }
    return { location: location, title: marked(title, wanted, 0), text: text, score: 0, terms: entry ? terms : {} };
  }

  var latest = 0;
  var LATER = 150; /* milliseconds between the first answer and the work for the next one */
  var MORE = 50; /* result groups whose texts are loaded after the first answer */
  function search(query, seq, more) {
    var list = queryWords(query);
    if (!list.length) return Promise.resolve({ items: [] });
    var needed = {};
    list.forEach(function (w) { var s = shardOf(w); if (s !== -1) needed[s] = true; });
    var numbers = Object.keys(needed);
    return Promise.all(numbers.map(function (n) { return load("t", n); })).then(function (loaded) {
      var shards = {};
      numbers.forEach(function (n, i) { shards[n] = loaded[i]; });
      var matches = new Map(), shownWords = {};
      list.forEach(function (w) {
        var found = match(w, shards[shardOf(w)]);
        matches.set(w, found);
        Object.keys(found.terms).forEach(function (t) { shownWords[t] = true; });
      });
      var groups = group(rank(list, matches));
      /* the chunks of the documents shown: at first the best document of each of the first
         groups, then every document of the first MORE groups */
      var chunkNumbers = {}, shown = more ? MORE : SHOWN;
      groups.slice(0, shown).forEach(function (g) {
        (more ? g.entries : g.entries.slice(0, FIRST)).forEach(function (e) { chunkNumbers[chunkOf(e.doc)] = true; });
      });
      var wantedChunks = Object.keys(chunkNumbers);
      return Promise.all(wantedChunks.map(function (n) { return load("d", n); })).then(function (chunks) {
        if (seq !== latest) return null; /* a newer query is on its way */
        var byNumber = {};
        wantedChunks.forEach(function (n, i) { byNumber[n] = chunks[i]; });
        return { items: groups.map(function (g, rankOfGroup) {
          return render(g, list, byNumber, shownWords, rankOfGroup >= shown ? 0 : more ? Infinity : FIRST);
        }), more: !more && (groups.length > SHOWN || groups.some(function (g) { return g.entries.length > FIRST; })) };
      });
    });
  }

  function docData(doc, byNumber) {
    var n = chunkOf(doc), chunk = byNumber[n];
    return chunk ? chunk[doc - index.manifest.chunks[n]] : null;
  }

  /*
   * One group as Material renders it: an array of items, the page (location without "#")
   * among them. Material shows the page, then the items whose score equals the first item's
   * score, and folds the others under "N more on this page". The scores sent are ranks: the
   * best few documents of a page that hold as many words as its best share the top score.
   * ``count`` documents of the group are sent with their text (0: the page alone).
   */
  function render(g, list, byNumber, shownWords, count) {
    var pageNumber = g.page, pageInfo = index.manifest.pages[pageNumber], first = pageInfo[2];
    var best = g.entries[0], items = [], pageItem = null, n = g.entries.length;
    if (!count) {
      /* not shown at first: the page alone, with the words its best document matched */
      var only = item(best, list, null, pageNumber, shownWords);
      only.score = 1;
      return [only];
    }
    g.entries.forEach(function (entry, i) {
      var data = i < count ? docData(entry.doc, byNumber) : null;
      if (!data && entry.doc !== first) return; /* sent with the next answer */
      var it = item(entry, list, data, pageNumber, shownWords);
      var top = i < TOP && entry.all === best.all && entry.exact === best.exact;
      it.score = top ? n + 1 : n - i;
      if (entry.doc === first) pageItem = it; else items.push(it);
    });
    if (pageItem && pageItem.score === n + 1) items.unshift(pageItem);
    else if (pageItem) items.push(pageItem);
    else {
      var page = item(null, list, null, pageNumber, shownWords);
      page.score = 0;
      items.push(page);
    }
    return items;
  }

  /* ------------------------------------------------------------------ messages */

  function answer(data) { postMessage({ type: RESULT, data: data }); }

  self.addEventListener("message", function (ev) {
    var message = ev.data;
    if (!message) return;
    if (message.type === SETUP) {
      try {
        setup(message.data && message.data.config);
        postMessage({ type: READY });
      } catch (err) {
        console.warn(err);
      }
    } else if (message.type === QUERY) {
      if (!index) return;
      var seq = ++latest, query = String(message.data || "");
      search(query, seq, false).then(function (data) {
        if (!data || seq !== latest) return null;
        var more = data.more;
        delete data.more;
        if (!more) data.final = true; /* the last answer to this query (search-lang.js marks it) */
        data.query = query; /* which query this answers: the page marks only the latest's */
        answer(data);
        /* then the next groups, with their texts and paragraphs, in the same order */
        if (!more) return null;
        /* a moment later, so that the first answer is drawn before this work starts (from
           file:// the worker shares the page's thread) */
        return new Promise(function (resolve) { setTimeout(resolve, LATER); }).then(function () {
          return seq === latest ? search(query, seq, true) : null;
        }).then(function (all) {
          if (all && seq === latest) { delete all.more; all.final = true; all.query = query; answer(all); }
        });
      }).catch(function (err) {
        console.warn("search-lang-worker:", err);
        if (seq === latest) answer({ items: [], final: true, query: query });
      });
    }
  });
  self.searchFold = fold; /* for tests */
})();
