"""Search benchmark: transfer and time to the first results, per language, at ×1 and ×50.

    python scripts/bench_search.py [1,50]      (``make bench`` runs it; BENCH_SEARCH_RUNS=3)

Three ways to search the same documents (those of ``hooks/sourcekit/search_docs.py``) are
measured side by side, each in a fresh browser context (nothing cached), served with gzip:

- ``lunr in page``: what the site did before (Material's worker): the language's whole index
  (``search_index.<lang>.json`` as it was, Material's format) is fetched and lunr builds its
  index in the browser, then answers;
- ``lunr prebuilt``: lunr.py builds the same lunr index at build time (title and text, with
  the word positions Material needs to mark words); the browser loads it with
  ``lunr.Index.load`` and fetches the documents too, to show them;
- ``shards`` (chosen, the site as built): the manifest, the shard of each word and the chunks
  of the results shown (``hooks/sourcekit/search_engine.py``), by the site's own worker, up to
  Material's results list on the page.

Transfer is the gzipped bytes of the requests under ``search/`` completed when the first
results appear (Resource Timing's encodedBodySize, in the page and in the worker's iframe).
Time runs from the moment the query is in the field (for the site: focused and typed at
once, so the manifest's request is in it; also shown typed after opening search, once the
page is idle) or the search starts (for the other two) to the first results, with Chromium's CPU slowed 4× through
``Emulation.setCPUThrottlingRate`` (a mid-range phone). Chromium refuses that setting for a
worker ("only supported for pages"), so every worker here runs in the page's own thread
through the iframe-worker shim (the offline edition's way): all the search work is slowed.
The median of BENCH_SEARCH_RUNS runs is shown.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "hooks"))

import socketserver  # noqa: E402

from bench_more import replicate, timed_build  # noqa: E402
from conftest import copy_project  # noqa: E402
from gzip_server import serve_gzip  # noqa: E402
from sourcekit.languages import current  # noqa: E402

QUERIES = {"en": "Confucius Kazakhstan", "kk": "Қазақстан Конфуций", "ru": "Казахстан Конфуция"}
PREFIXES = {code: current().prefix(code) for code in current().codes}  # mkdocs.yml's languages
OPTIONS = ("lunr in page", "lunr prebuilt", "shards")
CHOSEN = "shards"
BUDGET_BYTES, BUDGET_MS = 150_000, 300
RUNS = int(os.environ.get("BENCH_SEARCH_RUNS", "3"))


# Bytes of the search/ requests completed so far, in the page and in its iframes (the workers)
SEARCH_BYTES = """function searchBytes() {
  const windows = [window, ...Array.from(document.querySelectorAll("iframe")).map(f => f.contentWindow)];
  return windows.reduce((sum, w) => sum + w.performance.getEntriesByType("resource")
    .filter(e => e.name.includes("/search/")).reduce((s, e) => s + e.encodedBodySize, 0), 0);
}"""

HARNESS = """<!doctype html><meta charset="utf-8"><title>search bench</title>
<script src="assets/javascripts/vendor/iframe-worker/shim.js"></script>
<script>
function exchange(worker, message, type) {
  return new Promise(function (resolve) {
    worker.addEventListener("message", function on(ev) {
      if (ev.data && ev.data.type === type) { worker.removeEventListener("message", on); resolve(ev.data); }
    });
    worker.postMessage(message);
  });
}
window.bench = async function (mode, lang, query, material) {
  var base = new URL(".", location.href).href;
  var t0 = performance.now(), found;
  var Host = window.IFrameWorker;
  if (mode === "lunr in page") {
    var worker = new Host(new URL(material, base).href);
    var data = await (await fetch(base + "search/bench/docs." + lang + ".json")).json();
    await exchange(worker, { type: 0, data: { config: data.config, docs: data.docs, options: { suggest: false } } }, 1);
    found = (await exchange(worker, { type: 2, data: query }, 3)).data.items.length;
  } else {
    var worker = new Host(new URL("search/bench/prebuilt-worker.js", base).href + "#" + encodeURIComponent(new URL(material, base).href));
    found = (await exchange(worker, { type: 9, lang: lang, query: query, base: base }, 10)).found;
  }
  return { ms: performance.now() - t0, found: found, bytes: searchBytes() };
};
""" + SEARCH_BYTES + """
</script>"""

PREBUILT_WORKER = """/* lunr.js (inside Material's worker) loading an index that lunr.py built */
var started = new Promise(function (resolve) {
  self.addEventListener("message", function (ev) {
    if (!ev.data || ev.data.type !== 9) return;
    ev.stopImmediatePropagation();
    resolve(ev.data);
  });
});
var material = decodeURIComponent((document.currentScript ? document.currentScript.src : location.href).split("#")[1].replace(/\\?\\d*$/, ""));
var loaded = importScripts(material); /* a promise in the iframe host */
Promise.all([started, loaded]).then(async function (all) {
  var job = all[0];
  var get = function (name) { return fetch(job.base + "search/bench/" + name + "." + job.lang + ".json").then(function (r) { return r.json(); }); };
  var parts = await Promise.all([get("lunr"), get("docs")]);
  var index = lunr.Index.load(parts[0]);
  var docs = new Map(parts[1].docs.map(function (d) { return [d.location, d]; }));
  var query = job.query.toLowerCase().split(/\\s+/).filter(Boolean).map(function (t) { return t + "*"; }).join(" ");
  var results = index.search(query).map(function (r) { return docs.get(r.ref); });
  postMessage({ type: 10, found: results.length });
});
"""


def prepare(site: Path) -> str:
    """Write the other two options' files into ``site``; return Material's worker URL (site-relative)."""
    from lunr.builder import Builder

    from mkdocs_sourcekit.search_index import language_of

    whole = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    folder = site / "search" / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    for lang in PREFIXES:
        docs = [doc for doc in whole["docs"] if language_of(doc["location"]) == lang]
        (folder / f"docs.{lang}.json").write_text(
            json.dumps({"config": whole["config"], "docs": docs}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
        builder = Builder()
        builder.pipeline.reset()
        builder.search_pipeline.reset()
        builder.metadata_whitelist = ["position"]
        builder.ref("location")
        builder.field("title", boost=1000)
        builder.field("text")
        for doc in docs:
            builder.add({"location": doc["location"], "title": doc["title"], "text": re.sub(r"<[^>]+>", " ", doc["text"])})
        serialized = builder.build().serialize()
        (folder / f"lunr.{lang}.json").write_text(json.dumps(serialized, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    (folder / "prebuilt-worker.js").write_text(PREBUILT_WORKER, encoding="utf-8")
    (site / "search-bench.html").write_text(HARNESS, encoding="utf-8")
    worker = next((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    return worker.relative_to(site).as_posix()


FORCE_SHIM = """
Object.defineProperty(window, "IFrameWorker", {
  configurable: true,
  get: function () { return window.__skIFrameWorker; },
  set: function (value) { window.__skIFrameWorker = value; window.Worker = value; }
});
"""

TYPE_QUERY = """query => new Promise(resolve => {
  """ + SEARCH_BYTES + """
  const list = document.querySelector(".md-search-result__list");
  const field = document.querySelector("input.md-search__input");
  const t0 = performance.now();
  const watch = new MutationObserver(() => {
    if (list.querySelector(".md-search-result__item")) { watch.disconnect(); resolve({ ms: performance.now() - t0, bytes: searchBytes() }); }
  });
  watch.observe(list, { childList: true, subtree: true });
  field.focus(); /* focused already when the reader types after opening search */
  field.value = query;
  field.dispatchEvent(new Event("input", { bubbles: true }));
})"""


def measure(browser, url: str, option: str, lang: str, material: str, rate: int = 4, *, focused: bool = False) -> tuple[int, float, int]:  # noqa: ANN001
    """One run in a fresh context, CPU slowed ``rate`` times: (bytes under search/, milliseconds, found).

    ``focused`` (the site only): the search field is focused first, as a reader opens search
    before typing, and the query is typed once the page is idle again (the manifest loaded).
    """
    context = browser.new_context()
    context.add_init_script(FORCE_SHIM)
    # the site's pages load the shim only from file://; here every page gets it, first
    context.add_init_script(path=str(ROOT / "overrides" / "assets" / "javascripts" / "vendor" / "iframe-worker" / "shim.js"))
    page = context.new_page()
    query = QUERIES[lang]
    if option == CHOSEN:
        page.goto(url + PREFIXES[lang], wait_until="load")
        page.wait_for_load_state("networkidle")
        session = context.new_cdp_session(page)
        session.send("Emulation.setCPUThrottlingRate", {"rate": rate})
        if focused:
            page.focus("input.md-search__input")
            page.wait_for_load_state("networkidle")
        result = page.evaluate(TYPE_QUERY, query)
        meta = re.search(r"\d+", page.locator(".md-search-result__meta").inner_text())
        found = int(meta.group()) if meta else 0
    else:
        page.goto(url + "search-bench.html", wait_until="load")
        session = context.new_cdp_session(page)
        session.send("Emulation.setCPUThrottlingRate", {"rate": rate})
        result = page.evaluate("([m, l, q, w]) => bench(m, l, q, w)", [option, lang, query, material])
        found = result["found"]
    page.wait_for_load_state("networkidle")  # the next answer's requests end before the context does
    context.close()
    # what the first results needed: the search/ responses completed by then (not the next answer's)
    return result["bytes"], result["ms"], found


def _quiet(handle_error):  # noqa: ANN001, ANN202
    """The server's handler of errors, silent for a client that went away (a closed context)."""

    def handle(self, request, client_address) -> None:  # noqa: ANN001
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            handle_error(self, request, client_address)

    return handle


socketserver.BaseServer.handle_error = _quiet(socketserver.BaseServer.handle_error)


def bench_site(site: Path, label: str, browser) -> list[tuple]:  # noqa: ANN001
    material = prepare(site)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    rows = []
    with serve_gzip(site, port):
        url = f"http://127.0.0.1:{port}/"
        for lang in PREFIXES:
            for option in OPTIONS:
                runs = [measure(browser, url, option, lang, material) for _ in range(RUNS)]
                transfer = int(statistics.median(run[0] for run in runs))
                milliseconds = statistics.median(run[1] for run in runs)
                rows.append((label, lang, option, transfer, milliseconds, runs[0][2]))
                verdict = ""
                if option == CHOSEN:
                    verdict = "ok" if transfer <= BUDGET_BYTES and milliseconds <= BUDGET_MS else "OVER"
                    focused = statistics.median(measure(browser, url, option, lang, material, focused=True)[1] for _ in range(RUNS))
                    plain = statistics.median(measure(browser, url, option, lang, material, rate=1)[1] for _ in range(RUNS))
                    verdict += f" (typed after opening search: {focused:.0f} ms; CPU not slowed: {plain:.0f} ms)"
                print(f"{label:4} {lang:3} {option:14} {transfer:10,d} B {milliseconds:8.0f} ms {runs[0][2]:6d}  {verdict}", flush=True)
    return rows


def main(factors: tuple[int, ...]) -> None:
    print("\n== Search: transfer and time to the first results (CPU 4× slower, gzip, nothing cached)", flush=True)
    print(f"queries: {QUERIES}; budget for the chosen option ({CHOSEN}): {BUDGET_BYTES:,d} B and {BUDGET_MS} ms; median of {RUNS}")
    print(f"load average of this machine now: {' '.join(f'{x:.1f}' for x in os.getloadavg())} ({os.cpu_count()} CPUs): times grow with it")
    if not Path("/usr/bin/chromium").exists():
        print("skipped: needs Debian's chromium")
        return
    from playwright.sync_api import sync_playwright

    print("found: result groups (pages) for the site and lunr in page, documents for lunr prebuilt")
    print(f"{'corpus':4} {'lang':3} {'option':14} {'transfer':>12} {'time':>11} {'found':>6}")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        for factor in factors:
            project = copy_project(Path(tmp) / f"x{factor}")
            if factor > 1:
                replicate(project, factor)
            site = Path(tmp) / f"site{factor}"
            seconds = timed_build(project, site)
            files = list((site / "search").rglob("*.json"))
            print(f"×{factor}: built in {seconds:.0f} s; search/ holds {len(files)} files, {sum(p.stat().st_size for p in files):,d} bytes", flush=True)
            bench_site(site, f"×{factor}", browser)
            shutil.rmtree(project, ignore_errors=True)
            shutil.rmtree(site, ignore_errors=True)
        browser.close()


if __name__ == "__main__":
    main(tuple(int(x) for x in (sys.argv[1] if len(sys.argv) > 1 else "1,50").split(",")))
