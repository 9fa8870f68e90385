"""Untrusted text is text: payloads in every kind of input never become markup, a request
to another host, or a published e-mail address.

Three tiers: property-based tests of the escapers and of a reader rendered from random text;
one build of an attacker's copy of the project (``poison.py``) whose every file is read back;
and the same pages in headless Chromium, watching for dialogs, injected elements and requests.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import copy_project, run_mkdocs_build
from poison import EMAIL, NEW_SLUG, VISIBLE, poison
from sourcekit.escape import html_text, markdown_text, yaml_string

# The Markdown extensions of mkdocs.yml that could turn text into markup.
EXTENSIONS = ["attr_list", "md_in_html", "admonition", "pymdownx.details", "toc"]
_RESOURCE_ATTRIBUTES = {"src", "srcset", "data", "poster", "background", "xlink:href"}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data"}
_DANGEROUS_SCHEME = re.compile(r"^\s*(javascript|vbscript|data):", re.IGNORECASE)
_REMOTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)


def unsafe_markup(html: str) -> list[str]:
    """Everything in ``html`` that would run script or load from another host: event-handler
    or ``autofocus`` attributes, ``javascript:``/``data:`` URLs, remote resources, and inline
    scripts that call ``alert``. Links (``<a href="https://…">``) are not requests."""
    found: list[str] = []
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            name = name.lower()
            if name.startswith("on") or name == "autofocus":
                found.append(f"<{element.name} {name}>")
            if name in _URL_ATTRIBUTES and _DANGEROUS_SCHEME.match(text):
                found.append(f"<{element.name} {name}={text[:40]!r}>")
            if name in _RESOURCE_ATTRIBUTES and _REMOTE.match(text):
                found.append(f"<{element.name} {name}={text[:40]!r}> loads from another host")
            if element.name == "link" and name == "href" and _REMOTE.match(text) and "alternate" not in element.get("rel", []) and "canonical" not in element.get("rel", []):
                found.append(f"<link href={text[:40]!r}> loads from another host")
        if element.name == "script" and "alert(" in (element.string or ""):
            found.append("<script> with alert()")
        if element.name in ("iframe", "object", "embed", "base"):
            found.append(f"<{element.name}>")
    return found


def test_the_checker_finds_what_it_looks_for() -> None:
    bad = (
        '<h2 autofocus onfocus="x">t</h2><img src=x onerror=alert(1)><a href="javascript:alert(1)">a</a>'
        '<img src="http://evil.example/p.png"><script>alert(1)</script><svg onload="x"></svg>'
        '<a href=" DATA:text/html,x">d</a>'
    )
    found = unsafe_markup(bad)
    assert len(found) == 8, found
    assert unsafe_markup('<a href="https://example.org/">link</a><img src="../assets/x.svg"><script src="a.js"></script>') == []


# --- Tier 1: the escapers, and a page rendered from random text -------------------------

def _pieces(tokens: list[str], *, min_size: int = 0, max_size: int) -> st.SearchStrategy[str]:
    """Text made of characters and fragments of markup, in any order."""
    return st.lists(st.sampled_from(tokens), min_size=min_size, max_size=max_size).map("".join)


_MARKUP_TEXT = _pieces(
    list("<>&\"'`*_[](){}#!:=/\\-.|~^+ \n\tabcxyzқөя1\u00a0") + ["javascript:", "{: ", "onload=", "<script>", "](", "![", "&amp;"],
    min_size=1,
    max_size=40,
).filter(lambda text: text.strip())  # titles and headings are never empty (the schema says so)


def _converted(markdown_source: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS).convert(markdown_source)


def _text_of(html: str) -> str:
    return BeautifulSoup(html, "html.parser").get_text()


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(_MARKUP_TEXT)
def test_markdown_text_renders_exactly_the_text_and_no_markup(text: str) -> None:
    for source in (f"## {markdown_text(text)}", f"- **{markdown_text(text)}**", markdown_text(text)):
        html = _converted(source)
        soup = BeautifulSoup(html, "html.parser")
        tags = {element.name for element in soup.find_all(True)}
        assert tags <= {"h2", "ul", "li", "strong", "p"}, (text, html)
        assert all(not element.attrs or set(element.attrs) == {"id"} for element in soup.find_all(True)), (text, html)
        assert _text_of(html).strip() == re.sub(r"\s+", " ", text).strip(), (text, html)


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_html_text_and_yaml_string_round_trip(text: str) -> None:
    import yaml

    import html

    escaped = html_text(text)
    assert html.unescape(escaped) == text
    assert not set("<>\"'") & set(escaped) and "&" not in escaped.replace("&amp;", "").replace("&lt;", "").replace("&gt;", "").replace("&#34;", "").replace("&#39;", "")
    flat = re.sub(r"\s+", " ", text).strip()
    assert yaml.safe_load(f"title: {yaml_string(text)}")["title"] == flat
    assert "\n" not in yaml_string(text)


_SEED_LINE = _pieces(
    list("<>&\"'`*_[](){}#!:=/\\-. abcdefghij ABC қөү")
    + [" javascript:alert(1)", "{: onclick=x }", "<img src=x onerror=y>", "![i](http://evil.example/p.png)", "[@x#p-000000]", " a@b.kz ", "**", "1. "],
    min_size=1,
    max_size=30,
).filter(lambda line: line.strip())


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_SEED_LINE, min_size=1, max_size=6), st.booleans())
def test_a_reader_rendered_from_random_text_has_no_markup_of_its_text(lines: list[str], as_markdown: bool) -> None:
    """Any seed text goes through segment → annotate → render → Markdown → HTML as text."""
    from sourcekit.annotate import annotate
    from sourcekit.catalogue import CatalogueEntry, Name, Title
    from sourcekit.clean import CleaningRules
    from sourcekit.corrections import apply_corrections
    from sourcekit.labels import load_labels
    from sourcekit.pipeline import Document
    from sourcekit.privacy import withhold_emails
    from sourcekit.render import PartLinks, render_reader
    from sourcekit.segment import segment

    text = ("## Heading " + lines[0] + "\n\n" if as_markdown else "") + "\n\n".join(lines) + "\n"
    blocks = segment(text, rules=CleaningRules(keep_hyphen=frozenset()))
    try:
        annotated, _problems = annotate(apply_corrections(blocks, [], path=Path("c.yml")), seed_path=Path("seed.txt"))
    except Exception as error:  # a citation marker without a reference: refused, which is fine
        assert "has no matching reference" in str(error)
        return
    # Titles and authors come from YAML, which withholds addresses when it is read (tier 2).
    titles = {language: Title(text=withhold_emails(lines[0]), origin="source") for language in ("en", "kk", "ru")}
    entry = CatalogueEntry(
        slug="random", file="r.txt", type="manuscript", original_language="en", titles=titles,
        authors=(Name(family=withhold_emails(lines[-1])),), affiliation=None, supervisor=None, year=None, notes="", line=1,
    )
    document = Document(entry=entry, blocks=tuple(annotated), corrections=(), translations={"en": {}, "kk": {}, "ru": {}})
    from sourcekit.parts import split_parts

    count = len(split_parts(document))
    links = PartLinks(part=1, reader=tuple(f"p{n}/" for n in range(1, count + 1)), parallel=tuple(f"q{n}/" for n in range(1, count + 1)))
    page = render_reader(document, "en", load_labels(), links=links)
    body = page.split("---", 2)[2]
    html = _converted(body)
    assert unsafe_markup(html) == [], (text, html)
    soup = BeautifulSoup(html, "html.parser")
    links_out = [a.get("href", "") for a in soup.find_all("a")]
    assert all(not href.lower().startswith(("javascript:", "data:")) for href in links_out)
    assert not soup.find_all("img"), html
    assert "a@b.kz" not in html


def test_markdown_seeds_link_only_to_web_addresses() -> None:
    """The safe subset of a Markdown seed: ``[label](https://…)`` is a link; any other target
    stays text, and so does the same syntax in a plain-text seed."""
    from sourcekit.annotate import annotate
    from sourcekit.clean import CleaningRules
    from sourcekit.corrections import apply_corrections
    from sourcekit.segment import segment

    def segments(text: str, fmt: str | None = None) -> list[tuple[str, str, str | None]]:
        blocks = segment(text, rules=CleaningRules(keep_hyphen=frozenset()), fmt=fmt)
        annotated, _problems = annotate(apply_corrections(blocks, [], path=Path("c.yml")), seed_path=Path("s.md"))
        return [(s.kind, s.text, s.href) for item in annotated for s in item.segments]

    markdown = segments(
        "## A title\n\nA sentence long enough to be a paragraph of its own, with [a report](https://example.org/r?x=1), "
        "[a trap](javascript:alert(1)), [data](data:text/html,x) and [mail](https://user@evil.example/x).\n"
    )
    links = [(text, href) for kind, text, href in markdown if kind == "url"]
    assert links == [("a report", "https://example.org/r?x=1")]
    # Parsed as Markdown, a link to anything but a web address keeps only its label, as text.
    texts = " ".join(text for kind, text, _ in markdown if kind == "text")
    assert "a trap" in texts and "data" in texts and "javascript:" not in texts
    assert ("email", "user@evil.example", None) in markdown
    plain = segments("A plain text seed long enough to be a paragraph, with [a report](https://example.org/r) in it.\n", "pdf_text")
    assert [(text, href) for kind, text, href in plain if kind == "url"] == [("https://example.org/r", "https://example.org/r")]


# --- Tier 2: an attacker's project, built -------------------------------------------------


@pytest.fixture(scope="module")
def poisoned_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project with payloads in every input, built with ``--strict``."""
    root = tmp_path_factory.mktemp("poisoned")
    project = copy_project(root / "project")
    poison(project)
    site = root / "site"
    result = run_mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    return site


@pytest.mark.build
def test_no_payload_becomes_markup_on_any_page(poisoned_site: Path) -> None:
    problems = {}
    for path in sorted(poisoned_site.rglob("*.html")):
        found = unsafe_markup(path.read_text(encoding="utf-8"))
        if found:
            problems[path.relative_to(poisoned_site).as_posix()] = sorted(set(found))
    assert problems == {}


@pytest.mark.build
def test_payloads_are_shown_as_text_where_they_were_put(poisoned_site: Path) -> None:
    for prefix in ("", "kk/", "ru/"):
        reader = (poisoned_site / prefix / "sources" / NEW_SLUG / "index.html").read_text(encoding="utf-8")
        soup = BeautifulSoup(reader, "html.parser")
        assert VISIBLE in soup.find("title").get_text()
        assert VISIBLE in soup.find("h1").get_text()
        assert '{: autofocus onfocus="alert(document.domain)"' in soup.get_text()
        assert "[@new-silk-road-soft-power#p-983d47]" in soup.get_text(), "a citation in seed text stays text"
    theme = BeautifulSoup((poisoned_site / "themes" / "soft-power" / "index.html").read_text(encoding="utf-8"), "html.parser")
    previews = [small.get_text() for small in theme.select("small.sk-preview")]
    cited = [text for text in previews if "This sentence hides markup: click" in text]
    assert cited, "the cited text is shown, its javascript: link reduced to the label"
    assert all("<script>" in text for text in cited), "HTML in the cited text is shown as written"


@pytest.mark.build
def test_no_e_mail_address_is_published_anywhere(poisoned_site: Path) -> None:
    leaks = [
        path.relative_to(poisoned_site).as_posix()
        for path in poisoned_site.rglob("*")
        if path.is_file() and path.suffix in (".html", ".json", ".js", ".csv", ".xml", ".txt", ".svg") and EMAIL in path.read_text(encoding="utf-8", errors="replace")
    ]
    assert leaks == []


# --- Tier 3: the same pages in a browser ---------------------------------------------------

PAGES = (
    "",
    "kk/",
    "ru/",
    f"sources/{NEW_SLUG}/",
    f"kk/sources/{NEW_SLUG}/",
    f"ru/sources/{NEW_SLUG}/",
    f"sources/parallel/{NEW_SLUG}/",
    "sources/china-soft-power-central-asia/",
    "kk/sources/china-soft-power-central-asia/",
    "ru/sources/",
    "themes/soft-power/",
    "kk/themes/kazakhstan/",
    "ru/themes/confucius-institutes/",
    "classroom/belt-and-road/",
    "ru/classroom/soft-power/",
    "glossary/",
    "kk/timeline/",
    "data/",
)


@pytest.fixture(scope="module")
def poisoned_url(poisoned_site: Path) -> Iterator[str]:
    from browser_support import serve

    with serve(poisoned_site) as url:
        yield url


@pytest.mark.build
@pytest.mark.browser
def test_payloads_do_nothing_in_a_browser(browser, poisoned_url: str) -> None:  # noqa: ANN001
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs: list[str] = []
    remote: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: None if request.url.startswith((poisoned_url, "data:", "blob:")) else remote.append(request.url))
    injected = {}
    try:
        for path in PAGES:
            page.goto(poisoned_url + path)
            page.wait_for_load_state("load")
            # Focus every element that could take it: an injected onfocus would fire.
            page.keyboard.press("Tab")
            page.keyboard.press("Tab")
            for link in page.locator("small.sk-preview").all()[:3]:
                link.evaluate("element => element.parentElement.querySelector('a').focus()")
            count = page.evaluate(
                """() => [...document.querySelectorAll('*')].filter(element =>
                    [...element.attributes].some(attribute => /^on/i.test(attribute.name) || attribute.name === 'autofocus')
                    || (element.tagName === 'A' && /^\\s*(javascript|data):/i.test(element.getAttribute('href') || ''))
                    || (element.tagName === 'IMG' && /evil|^x$/.test(element.getAttribute('src') || ''))
                  ).length"""
            )
            if count:
                injected[path] = count
    finally:
        context.close()
    assert dialogs == []
    assert injected == {}
    assert remote == [], "no page may request anything from another host"


# --- No request to another host can fire, even from Material's own bundle ------------------


@pytest.mark.build
@pytest.mark.browser
def test_material_cannot_fetch_its_cdn_scripts(browser, built_site: Path) -> None:  # noqa: ANN001
    """Material loads a ResizeObserver polyfill from a CDN where the browser has none, and
    mermaid where a page has a diagram. The pages' Content-Security-Policy stops both: here
    ResizeObserver is removed before the page's scripts run, and a diagram is added."""
    from browser_support import serve

    for path in sorted(built_site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        if "<head>" in html and path.name != "map-land-svg.html":
            assert 'http-equiv="Content-Security-Policy"' in html, path
            assert 'class="mermaid"' not in html, path
    with serve(built_site) as base_url:
        context = browser.new_context()
        context.add_init_script(
            """delete window.ResizeObserver;
            window.__violations = [];
            document.addEventListener('securitypolicyviolation', event => window.__violations.push(event.blockedURI));
            // A diagram in the article, added as soon as the article is parsed (before the
            // deferred bundle runs), as a page with a mermaid block would have it.
            new MutationObserver((records, observer) => {
              const article = document.querySelector('article');
              if (!article || document.querySelector('pre.mermaid')) return;
              const diagram = document.createElement('pre');
              diagram.className = 'mermaid';
              diagram.textContent = 'graph LR; A-->B';
              article.appendChild(diagram);
              observer.disconnect();
            }).observe(document, {childList: true, subtree: true});"""
        )
        page = context.new_page()
        sent: list[str] = []
        page.on("requestfinished", lambda request: None if request.url.startswith(base_url) else sent.append(request.url))
        try:
            page.goto(base_url + "themes/soft-power/")
            page.wait_for_load_state("load")
            page.wait_for_function("window.__violations.length >= 2")  # the polyfill and mermaid, refused
            violations = page.evaluate("window.__violations")
        finally:
            context.close()
    assert sent == []
    assert sum("unpkg.com" in url for url in violations) == 2, violations  # the polyfill and mermaid
