"""Helpers for the browser tests: a static server on loopback and headless Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str | None:
    """Debian's Chromium, or ``None``. In CI a missing browser is a failure, not a skip."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    if os.environ.get("CI"):
        pytest.fail("CI=true but Chromium is missing: browser tests must run in CI (apt-get install chromium)")
    pytest.skip("Chromium not found on this developer machine: browser tests skipped (apt-get install chromium)")
    return None


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature of the base
        pass


class _NotFoundHandler(_QuietHandler):
    """As a static host does: for any path that has no file, status 404 and the nearest
    ``404.html`` above that path (``kk/404.html`` for a missing ``/kk/…``, as Cloudflare Pages
    does; the root one elsewhere, as GitHub Pages does everywhere)."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        root = Path(self.directory).resolve()
        folder = Path(self.translate_path(self.path)).resolve()
        candidates = [folder, *folder.parents] if folder.is_relative_to(root) else [root]
        page = next((place / "404.html" for place in candidates if place.is_relative_to(root) and (place / "404.html").is_file()), None)
        if code != 404 or page is None:
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class _QuietServer(http.server.ThreadingHTTPServer):
    """A server that says nothing when the browser drops a connection it no longer needs (a
    page closed while a file was being sent): that is not an error of the site."""

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(directory: Path, *, not_found_page: bool = False) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 at a free port; yield the base URL. With
    ``not_found_page``, a missing path gets the nearest ``404.html`` (status 404), as on a host."""
    handler = functools.partial(_NotFoundHandler if not_found_page else _QuietHandler, directory=str(directory))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# Material shows its placeholder ("Type to start searching") once the search index is ready.
SEARCH_READY = """() => { const meta = document.querySelector('.md-search-result__meta');
    const words = JSON.parse(document.getElementById('__config').textContent).translations;
    return meta !== null && meta.textContent.trim() === words['search.result.placeholder']; }"""


def search(page, query: str) -> list[str]:  # noqa: ANN001 - a playwright Page
    """Type ``query`` into Material's search and return the result links once the search
    worker's last answer to it is drawn.

    The query is typed once the index is ready, so that it is asked once: a query typed
    before (tests/test_search.py types some on purpose) may be asked twice, and the list be
    marked final after the first answer. search-lang.js marks the list
    ``data-sk-final="true"`` when the last answer to a query has been drawn; the mark of an
    earlier query is removed first. The same query again is not asked again (Material asks
    only when the text changes), and its mark stays.
    """
    field = page.locator("input.md-search__input")
    field.click()  # opens search, and loads the index if it is not loaded
    if not field.input_value():
        page.wait_for_function(SEARCH_READY)
    if field.input_value() != query:
        page.evaluate("() => document.querySelector('.md-search-result')?.removeAttribute('data-sk-final')")
    field.fill(query)
    field.press("End")  # Material reads the query on keyup; Playwright may insert text without key events
    page.locator('.md-search-result[data-sk-final="true"]').wait_for(state="attached")
    return page.locator(".md-search-result__item a").evaluate_all("links => links.map(link => link.href)")


@contextmanager
def offline_context(browser):  # noqa: ANN001, ANN201 - a playwright Browser and BrowserContext
    """A browser context for ``file://`` pages in which every request to the network fails;
    on leaving, the test fails if any was tried."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    blocked: list[str] = []

    def route(route_) -> None:  # noqa: ANN001
        if route_.request.url.startswith(("file:", "data:", "blob:", "about:")):
            route_.continue_()
        else:
            blocked.append(route_.request.url)
            route_.abort()

    context.route("**/*", route)
    try:
        yield context
    finally:
        context.close()
    assert blocked == [], f"requests to the network: {blocked}"
