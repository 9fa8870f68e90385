"""Browser tests in headless Debian Chromium: what only a browser shows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from browser_support import search, serve

pytestmark = [pytest.mark.browser, pytest.mark.build]



@pytest.fixture(scope="module")
def base_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


@pytest.fixture
def page(browser, base_url: str):  # noqa: ANN001, ANN201 - playwright objects
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.external_requests = []  # type: ignore[attr-defined]

    def record(request) -> None:  # noqa: ANN001
        if not request.url.startswith((base_url, "data:", "blob:")):
            page.external_requests.append(request.url)  # type: ignore[attr-defined]

    page.on("request", record)
    yield page
    assert page.external_requests == [], "pages must not load anything from another host"  # type: ignore[attr-defined]
    context.close()


def test_language_switch_on_the_source_reader_lands_on_the_same_reader(page, base_url: str) -> None:  # noqa: ANN001
    page.goto(base_url + "sources/new-silk-road-soft-power/")
    for label, path, heading in [
        ("Қазақша", "/kk/sources/new-silk-road-soft-power/", "Жаңа Жібек жолы"),
        ("Русский", "/ru/sources/new-silk-road-soft-power/", "Новый Шёлковый путь"),
        ("English", "/sources/new-silk-road-soft-power/", "New Silk Road"),
    ]:
        page.locator(".md-header__option .md-select").hover()
        page.locator(".md-select__link", has_text=label).click()
        page.wait_for_load_state()
        assert urlparse(page.url).path == path
        assert page.locator("h1").inner_text().startswith(heading)
        assert page.locator("html").get_attribute("lang") == (path.split("/")[1] if path.count("/") > 3 else "en")



def test_kazakh_search_returns_kazakh_pages_only(page, base_url: str) -> None:  # noqa: ANN001
    page.goto(base_url + "kk/sources/new-silk-road-soft-power/")
    for query in ("мәдениет", "Конфуций", "жұмсақ"):
        hrefs = search(page, query)
        assert hrefs, query
        assert all(urlparse(href).path.startswith("/kk/") for href in hrefs), (query, hrefs)


def test_russian_and_english_search_stay_in_their_language(page, base_url: str) -> None:  # noqa: ANN001
    page.goto(base_url + "ru/")
    hrefs = search(page, "Конфуция")
    assert hrefs and all(urlparse(href).path.startswith("/ru/") for href in hrefs), hrefs
    page.goto(base_url)
    for query in ("2004", "13.2", "Confucius"):
        hrefs = search(page, query)
        assert hrefs and not any(urlparse(href).path.startswith(("/kk/", "/ru/")) for href in hrefs), (query, hrefs)


def test_show_original_on_a_phone(browser, base_url: str) -> None:  # noqa: ANN001
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base_url + "kk/sources/new-silk-road-soft-power/#p-784d07")
    block = page.locator("#p-784d07")
    assert "Аударма" in block.locator(".sk-label").inner_text()
    original = block.locator("details.sk-original")
    assert not original.evaluate("element => element.open")
    original.locator("summary").tap()
    assert original.evaluate("element => element.open")
    assert "In modern globalization" in original.locator("p").inner_text()
    box = block.bounding_box()
    assert box and box["width"] <= 390
    context.close()


def test_parallel_view_aligns_languages_and_stacks_on_a_phone(browser, base_url: str) -> None:  # noqa: ANN001
    for width, columns in ((1280, 3), (390, 1)):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(base_url + "ru/sources/parallel/new-silk-road-soft-power/")
        row = page.locator("#p-784d07")
        cells = row.locator(".sk-cell")
        assert cells.count() == 3
        assert [cells.nth(i).get_attribute("lang") for i in range(3)] == ["en", "kk", "ru"]
        lefts = {round(cells.nth(i).bounding_box()["x"]) for i in range(3)}
        assert len(lefts) == columns, (width, lefts)
        assert "перевод" in cells.nth(2).locator(".sk-cell-label").inner_text().lower()
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, "no horizontal scrolling"
        context.close()


def test_citation_preview_with_mouse_keyboard_and_touch(browser, base_url: str) -> None:  # noqa: ANN001
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url + "kk/themes/confucius-institutes/")
    citation = page.locator(".sk-citation").first
    preview = citation.locator(".sk-preview")
    assert not preview.is_visible()
    citation.locator("a.sk-cite-link").hover()
    assert preview.is_visible()
    assert "¶ p-" in preview.inner_text()
    page.mouse.move(0, 0)
    assert not preview.is_visible()
    # Keyboard: tab onto the first citation link; its preview shows while it has focus.
    page.locator("a.sk-cite-link").first.focus()
    assert preview.is_visible()
    page.keyboard.press("Escape")
    assert not preview.is_visible()
    context.close()
    # Touch: the first tap shows the preview, the second follows the link to the paragraph.
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base_url + "ru/themes/soft-power/")
    link = page.locator("a.sk-cite-link").first
    href = link.get_attribute("href")
    link.tap()
    assert page.locator(".sk-citation").first.locator(".sk-preview").is_visible()
    assert "/ru/themes/soft-power/" in page.url
    with page.expect_navigation():
        link.tap()
    assert "/ru/sources/" in page.url and page.url.endswith(href.split("#")[1])
    context.close()


def test_timeline_filters_by_theme_without_javascript(browser, base_url: str) -> None:  # noqa: ANN001
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "ru/timeline/")
    items = page.locator(".sk-timeline > li")
    total = items.count()
    assert total >= 10
    page.locator('label[for="sk-tl-belt-and-road"]').click()
    visible = [items.nth(i).is_visible() for i in range(total)]
    assert 0 < sum(visible) < total
    for i in range(total):
        assert visible[i] == ("t-belt-and-road" in (items.nth(i).get_attribute("class") or ""))
    page.locator('label[for="sk-tl-all"]').click()
    assert all(items.nth(i).is_visible() for i in range(total))
    context.close()


@pytest.mark.parametrize("path", ["themes/soft-power/", "kk/classroom/kazakhstan/", "ru/sources/new-silk-road-soft-power/"])
def test_pages_print_cleanly_on_a4(browser, base_url: str, path: str, tmp_path: Path) -> None:  # noqa: ANN001
    context = browser.new_context(viewport={"width": 794, "height": 1123})
    page = context.new_page()
    page.goto(base_url + path)
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search", ".md-footer"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator("h1").is_visible()
    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf), format="A4")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(__import__("re").findall(rb"/Type\s*/Page[^s]", data))
    assert pages >= 1
    # External links show their target in print.
    external = page.locator(".md-content a[href^='http']")
    if external.count():
        after = external.first.evaluate("a => getComputedStyle(a, '::after').content")
        assert "attr(href)" in after or "http" in after
    context.close()


def test_cite_this_page_shows_the_full_address_online(page, base_url: str) -> None:  # noqa: ANN001
    page.goto(base_url + "kk/themes/belt-and-road/")
    box = page.locator(".sk-cite-page")
    assert "APA" in box.inner_text() and "МЕМСТ" in box.inner_text()
    assert base_url + "kk/themes/belt-and-road/" in box.locator(".sk-page-url").first.inner_text()
    assert "қаралған күні" in box.inner_text()


@pytest.mark.parametrize("prefix", ["", "kk/", "ru/"])
def test_the_record_of_a_text_downloads_on_a_phone(browser, base_url: str, prefix: str, tmp_path: Path) -> None:  # noqa: ANN001
    """On a 390 px phone, "Cite the original text" fits the screen and its BibTeX, RIS and CSL-JSON
    links download files that a reference manager's parser reads."""
    import json

    import pybtex.database
    import rispy

    context = browser.new_context(viewport={"width": 390, "height": 800}, accept_downloads=True)
    page = context.new_page()
    page.goto(base_url + prefix + "sources/china-soft-power-central-asia/")
    section = page.locator(".sk-cite-page")
    section.scroll_into_view_if_needed()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    links = section.locator(".sk-cite-downloads a")
    assert links.all_inner_texts() == ["BibTeX", "RIS", "CSL-JSON"]
    box = links.first.bounding_box()
    assert box and box["height"] >= 24
    saved = {}
    for index, name in enumerate(("bib", "ris", "json")):
        with page.expect_download() as download:
            links.nth(index).click()
        saved[name] = tmp_path / download.value.suggested_filename
        download.value.save_as(saved[name])
    assert list(pybtex.database.parse_file(str(saved["bib"]), "bibtex").entries) == ["china-soft-power-central-asia"]
    (record,) = rispy.loads(saved["ris"].read_text(encoding="utf-8"))
    assert record["authors"] == ["Eskermesova, Nuraiym Nurlybekovna"] and record["type_of_reference"] == "UNPB"
    (item,) = json.loads(saved["json"].read_text(encoding="utf-8"))
    assert item["author"] == [{"family": "Eskermesova", "given": "Nuraiym Nurlybekovna"}] and item["type"] == "manuscript"
    context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_charts_and_map_fit_phone_and_desktop(browser, base_url: str, width: int) -> None:  # noqa: ANN001
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(base_url + "ru/data/")
    figures = page.locator("figure.sk-chart svg")
    assert figures.count() >= 5
    for index in range(figures.count()):
        box = figures.nth(index).bounding_box()
        assert box and box["width"] > 200 and box["x"] >= 0 and box["x"] + box["width"] <= width + 1
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    figures.last.scroll_into_view_if_needed()
    page.screenshot(path=str(Path(__file__).parent.parent / ".pytest_cache" / f"data-{width}.png"))
    context.close()


def test_a_query_typed_before_the_index_loads_is_answered(browser, base_url: str) -> None:  # noqa: ANN001
    """The index loads when search gets focus; a query typed at once still gets results."""
    context = browser.new_context()
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))

    def slow_index(route) -> None:  # noqa: ANN001 - a weak connection: the index takes a while
        page.wait_for_timeout(1500)
        route.continue_()

    page.route("**/search/search_index.*.json", slow_index)
    page.goto(base_url + "kk/")
    page.wait_for_timeout(500)
    assert not any("search_index" in url for url in requested), "the index waits until search is used"
    field = page.locator("input.md-search__input")
    field.click()
    field.fill("Конфуций")
    field.press("End")
    page.locator(".md-search-result__item a").first.wait_for(timeout=10000)
    assert any(url.endswith("search/search_index.kk.json") for url in requested)
    assert not any(url.endswith("search/search_index.json") for url in requested)
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_colour_toggle_follows_the_system_then_the_reader(browser, base_url: str, scheme: str) -> None:  # noqa: ANN001
    """The toggle is ours (partials/javascripts/palette.html), not Material's palette component."""
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base_url + "kk/themes/confucius-institutes/")
    assert page.locator('[data-md-component="palette"]').count() == 0, "Material's palette component must not be mounted"

    def state() -> tuple[str, list[bool], str, str]:
        return page.evaluate(
            """() => [document.body.dataset.mdColorScheme,
                      [...document.querySelectorAll('[data-sk-palette] label')].map(label => label.hidden),
                      document.querySelector('meta[name=color-scheme]').content,
                      document.querySelector('meta[name=theme-color]').content]"""
        )

    first, other = ("default", "slate") if scheme == "light" else ("slate", "default")
    scheme_of = {"default": "light", "slate": "dark"}
    assert state()[0] == first and state()[2] == scheme_of[first]
    assert state()[1].count(False) == 1, "exactly one toggle is shown"
    assert state()[3].startswith("#") and len(state()[3]) == 7
    page.locator("[data-sk-palette] label:not([hidden])").click()
    assert state()[0] == other and state()[2] == scheme_of[other]
    page.goto(base_url + "ru/sources/new-silk-road-soft-power/")
    assert state()[0] == other, "the reader's choice is kept on the next page"
    page.focus("[data-sk-palette] input:checked")
    page.keyboard.press("Enter")
    assert state()[0] == first
    assert page.evaluate("document.activeElement.matches('[data-sk-palette] input:checked')"), "focus stays on the toggle"
    assert errors == []
    context.close()


def test_template_tables_look_like_markdown_tables_and_are_not_wrapped_twice(page, base_url: str) -> None:  # noqa: ANN001
    """Template tables come wrapped and classed (partials/sourcekit/table.html), so Material's
    script, which wraps table:not([class]), leaves them alone; sourcekit.css repeats its style."""
    page.goto(base_url + "data/")
    page.evaluate("document.querySelectorAll('details').forEach(details => details.open = true)")
    assert page.locator("table.sk-table").count() >= 2
    assert page.locator(".md-typeset__table .md-typeset__scrollwrap").count() == 0, "a table wrapped twice"
    assert page.evaluate(
        "[...document.querySelectorAll('article table:not(.sk-downloads)')]"
        ".every(table => table.parentElement.matches('.md-typeset__table') && table.parentElement.parentElement.matches('.md-typeset__scrollwrap'))"
    )
    style = """selector => { const cell = document.querySelector(selector); const s = getComputedStyle(cell);
        const t = getComputedStyle(cell.closest('table'));
        return [s.paddingTop, s.paddingLeft, s.borderTopWidth, s.borderTopStyle, s.verticalAlign, s.textAlign,
                t.borderTopWidth, t.borderRadius, t.fontSize, t.display, t.backgroundColor]; }"""
    markdown = page.evaluate(style, "article table:not([class]) td")
    ours = page.evaluate(style, "article table.sk-table td")
    assert ours == markdown
