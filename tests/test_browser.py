"""Browser tests in headless Debian Chromium: what only a browser shows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from browser_support import search, serve
from playwright.sync_api import expect

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


# --- citation previews, the language switch and the menu (issue 17) --------------------------

# The opacity a reader sees: the element's own times its ancestors'.
SEEN_OPACITY = """element => { let seen = 1; for (let node = element; node; node = node.parentElement)
    seen *= parseFloat(getComputedStyle(node).opacity); return seen; }"""
# The element drawn at the middle and near the corners of this one is this one (nothing over it,
# no frame clipping it).
ON_TOP = """element => { const box = element.getBoundingClientRect();
    return [[.5, .5], [.1, .1], [.9, .1], [.1, .9], [.9, .9]].every(([x, y]) => {
        const hit = document.elementFromPoint(box.left + box.width * x, box.top + box.height * y);
        return hit !== null && element.contains(hit); }); }"""


PHONE_390 = {"width": 390, "height": 844}


def inside(box: dict, width: int, height: int) -> bool:
    return box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= width and box["y"] + box["height"] <= height


@pytest.mark.parametrize("prefix", ["", "kk/", "ru/"])
def test_citation_preview_on_a_phone_is_an_opaque_sheet_on_the_first_tap(browser, base_url: str, prefix: str) -> None:  # noqa: ANN001
    """At 390 px a tap on [n], in the text or in a table, shows the preview at once: opaque, whole
    on the screen and on top; Escape or a tap elsewhere closes it; a second tap follows the link."""
    context = browser.new_context(viewport=PHONE_390, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base_url + prefix + "themes/confucius-institutes/")
    here = page.url
    for where in ("article p", "article table"):
        citation = page.locator(f"{where} .sk-citation").nth(2)
        link, preview = citation.locator("a.sk-cite-link"), citation.locator(".sk-preview")
        link.scroll_into_view_if_needed()
        box = link.bounding_box()
        assert box and box["width"] >= 24 and box["height"] >= 24, (where, box)
        link.tap()
        expect(preview).to_be_visible()
        assert page.url == here, "the first tap shows the preview and stays on the page"
        assert preview.evaluate(SEEN_OPACITY) == 1
        sheet = preview.bounding_box()
        assert sheet and inside(sheet, 390, 844), (where, sheet)
        assert preview.evaluate(ON_TOP), where
        assert "¶ p-" in preview.inner_text()
        page.keyboard.press("Escape")
        expect(preview).to_be_hidden()
        link.tap()
        expect(preview).to_be_visible()
        page.locator("article h1").tap()
        expect(preview).to_be_hidden()
    # In a table too, the second tap follows the link to the cited paragraph.
    link = page.locator("article table .sk-citation a.sk-cite-link").nth(2)
    target = link.get_attribute("href").split("#")[1]
    link.tap()
    with page.expect_navigation():
        link.tap()
    assert page.url.endswith("#" + target)
    expect(page.locator("#" + target)).to_be_in_viewport()
    context.close()


def test_citation_preview_on_a_desktop_with_mouse_and_keyboard(page, base_url: str) -> None:  # noqa: ANN001
    """At 1280 px hover and keyboard focus show the preview beside its link, opaque and whole
    (in a table's last row as well, where the table's frame used to clip it); Escape hides it
    and leaves the focus where it was."""
    page.goto(base_url + "ru/themes/confucius-institutes/")
    for citation in (page.locator("article p .sk-citation").nth(2), page.locator("article table .sk-citation").last):
        link, preview = citation.locator("a.sk-cite-link"), citation.locator(".sk-preview")
        link.scroll_into_view_if_needed()
        link.hover()
        expect(preview).to_be_visible()
        assert preview.evaluate(SEEN_OPACITY) == 1
        box = preview.bounding_box()
        assert box and inside(box, 1280, 900), box
        assert preview.evaluate(ON_TOP)
        page.mouse.move(0, 450)
        expect(preview).to_be_hidden()
        link.focus()
        expect(preview).to_be_visible()
        assert preview.evaluate(ON_TOP)
        page.keyboard.press("Escape")
        expect(preview).to_be_hidden()
        assert link.evaluate("link => document.activeElement === link"), "Escape leaves the focus on the link"
        link.blur()
    assert page.locator(".sk-preview").first.get_attribute("role") == "tooltip"
    described = page.locator("a.sk-cite-link").first.get_attribute("aria-describedby")
    assert described and page.locator(f"#{described}").count() == 1, "the link is described by its preview"


READER_PART = "sources/new-silk-road-soft-power/part-3/"
# A paragraph well down the page (landing at the top would not show it).
DEEP_PARAGRAPH = """() => [...document.querySelectorAll('.sk-block[id^="p-"]')]
    .find(p => p.getBoundingClientRect().top + scrollY > 2 * innerHeight).id"""


def choose_language(page, label_lang: str) -> None:  # noqa: ANN001
    page.locator(".md-header__option .md-select").hover()
    with page.expect_navigation():
        page.locator(f".md-select__link[hreflang={label_lang}]").click()
    page.wait_for_load_state()


def test_language_switch_keeps_the_paragraph(page, base_url: str) -> None:  # noqa: ANN001
    page.goto(base_url + READER_PART)
    paragraph = page.evaluate(DEEP_PARAGRAPH)
    page.goto(base_url + READER_PART + "#" + paragraph)
    expect(page.locator("#" + paragraph)).to_be_in_viewport()
    for lang, path in (("kk", "/kk/" + READER_PART), ("ru", "/ru/" + READER_PART), ("en", "/" + READER_PART)):
        choose_language(page, lang)
        url = urlparse(page.url)
        assert (url.path, url.fragment) == (path, paragraph)
        assert page.locator("html").get_attribute("lang") == lang
        expect(page.locator("#" + paragraph)).to_be_in_viewport()


def test_language_switch_keeps_a_heading_and_the_place_scrolled_to(page, base_url: str) -> None:  # noqa: ANN001
    """A heading's id differs between languages: the other page lands on its heading at the same
    place. A reader who scrolled without following a link lands where they were reading."""
    page.goto(base_url + READER_PART)
    headings = page.locator("article h2[id]")
    heading = headings.nth(1).get_attribute("id")
    page.goto(base_url + "kk/" + READER_PART)
    page.goto(base_url + READER_PART + "#" + heading)
    page.locator(".md-select__link[hreflang=ru]").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    target = page.locator(":target")
    expect(target).to_be_in_viewport()
    assert target.evaluate("element => element.tagName") == "H2"
    assert target.get_attribute("id") == page.locator("article h2[id]").nth(1).get_attribute("id") != heading
    assert urlparse(page.url).path == "/ru/" + READER_PART
    # Scrolled to a paragraph, no fragment in the address.
    page.goto(base_url + READER_PART)
    paragraph = page.evaluate(DEEP_PARAGRAPH)
    page.evaluate("id => window.scrollTo(0, document.getElementById(id).getBoundingClientRect().top + scrollY - 40)", paragraph)
    page.locator(".md-select__link[hreflang=kk]").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlparse(page.url).fragment == paragraph
    expect(page.locator("#" + paragraph)).to_be_in_viewport()


def test_language_switch_without_javascript_still_switches(browser, base_url: str) -> None:  # noqa: ANN001
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url + READER_PART + "#p-d4c447")
    choose_language(page, "kk")
    assert urlparse(page.url).path == "/kk/" + READER_PART
    context.close()


# The menu's current item and the sticky title above it (their boxes, in the page).
MENU = """() => { const side = document.querySelector('.md-sidebar--primary');
    const item = [...side.querySelectorAll('.md-nav__link--active')].find(link => link.offsetHeight);
    const title = side.querySelector('.md-nav--primary > .md-nav__title');
    const frame = side.querySelector('.md-sidebar__scrollwrap').getBoundingClientRect();
    const box = item.getBoundingClientRect();
    return {item: [box.top, box.bottom], title: title.getBoundingClientRect().bottom, frame: [frame.top, frame.bottom],
            sticky: getComputedStyle(title).position === 'sticky'}; }"""
MENU_CLEAR = f"""() => {{ const m = ({MENU})(); return m.sticky && m.item[0] >= m.title && m.item[1] <= m.frame[1]; }}"""


@pytest.mark.parametrize("path", ["classroom/belt-and-road/", "sources/", "kk/classroom/soft-power/"])
@pytest.mark.parametrize("height", [900, 600, 420])
def test_the_current_page_in_the_menu_is_below_its_sticky_title(browser, base_url: str, path: str, height: int) -> None:  # noqa: ANN001
    context = browser.new_context(viewport={"width": 1280, "height": height})
    page = context.new_page()
    page.goto(base_url + path)
    page.wait_for_function(MENU_CLEAR, timeout=5000)
    # A browser that brings an item into view at the menu's top edge (keyboard focus in
    # Firefox or Safari) leaves it below the title too.
    page.evaluate("""() => [...document.querySelectorAll('.md-sidebar--primary .md-nav__link--active')]
        .find(link => link.offsetHeight).scrollIntoView({block: 'start'})""")
    assert page.evaluate(MENU_CLEAR), page.evaluate(MENU)
    context.close()


@pytest.mark.parametrize("viewport", [PHONE_390, {"width": 844, "height": 390}])
@pytest.mark.parametrize("path", ["classroom/belt-and-road/", "kk/classroom/soft-power/", "data/"])
def test_the_phone_drawer_shows_the_current_page(browser, base_url: str, viewport: dict, path: str) -> None:  # noqa: ANN001
    context = browser.new_context(viewport=viewport, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base_url + path)
    page.locator("label.md-header__button[for=__drawer]").tap()
    current = page.locator(".md-sidebar--primary .md-nav__link--active:visible").first
    expect(current).to_be_in_viewport(ratio=1)
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
    # each chart, and the map's frame (the map itself is wider than a phone and scrolls in it)
    figures = page.locator("figure.sk-chart svg.sk-chart-svg, figure.sk-map .sk-map-frame")
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
    page.wait_for_load_state("networkidle")  # all that the page loads on its own has come
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


# --- charts, map, timeline and key figures on a phone (issue 17) -----------------------------

PHONE = {"width": 390, "height": 844}
# The rendered size of each SVG text: its font size times the scale of its drawing.
SVG_TEXT_SIZES = """svg => { const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return [...svg.querySelectorAll('text')].map(t => [t.textContent, parseFloat(getComputedStyle(t).fontSize) * scale]); }"""
# Every pair of map marks that overlap: names (text) against names, and names against the
# circles of other marks (a count's digits sit in their own circle; a name beside its own dot).
MAP_OVERLAPS = """svg => {
    const marks = [];
    svg.querySelectorAll('text').forEach(t => marks.push({what: t.textContent, box: t.getBoundingClientRect(), text: true,
        group: t.closest('g')}));
    svg.querySelectorAll('circle').forEach(c => marks.push({what: 'circle of ' + (c.closest('g').textContent || '?'),
        box: c.getBoundingClientRect(), text: false, group: c.closest('g')}));
    const found = [];
    for (let i = 0; i < marks.length; i++) for (let j = i + 1; j < marks.length; j++) {
        const a = marks[i], b = marks[j];
        if (!a.text && !b.text) continue;
        if (a.group && a.group === b.group && (a.group.matches('.sk-count') )) continue;
        const x = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const y = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        if (x > 0.5 && y > 0.5) found.push([a.what, b.what, Math.round(x), Math.round(y)]);
    }
    return found; }"""


@pytest.mark.parametrize("prefix", ["", "kk/", "ru/"])
def test_map_labels_read_on_a_phone_without_touching(browser, base_url: str, prefix: str) -> None:  # noqa: ANN001
    """At 390 px every map label is 12 px or more and no two touch; the map scrolls in its own
    frame, which says so; Turkmenistan, shaded but not counted by the sources, says why."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + prefix + "themes/belt-and-road/")
    svg = page.locator("svg.sk-map-svg")
    sizes = svg.evaluate(SVG_TEXT_SIZES)
    assert len(sizes) >= 15 and min(size for _, size in sizes) >= 12, sorted(sizes, key=lambda item: item[1])[:3]
    assert svg.evaluate(MAP_OVERLAPS) == []
    frame = page.locator(".sk-map-frame")
    assert frame.evaluate("frame => frame.scrollWidth > frame.clientWidth"), "the map scrolls sideways in its frame"
    assert page.locator(".sk-map-hint").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "the page itself does not scroll sideways"
    turkmenistan = svg.locator('g.sk-count[data-country="turkmenistan"]')
    assert turkmenistan.count() == 1
    mark = turkmenistan.locator("text").text_content()
    note = page.locator('figure.sk-map figcaption .sk-map-note[data-country="turkmenistan"]')
    assert mark.isdigit() or (note.is_visible() and mark in note.inner_text() and len(note.inner_text()) > 10)
    context.close()


def test_map_fits_a_desktop_without_scrolling(page, base_url: str) -> None:  # noqa: ANN001
    page.goto(base_url + "themes/belt-and-road/")
    frame = page.locator(".sk-map-frame")
    assert frame.evaluate("frame => frame.scrollWidth <= frame.clientWidth")
    assert not page.locator(".sk-map-hint").is_visible()
    assert page.locator("svg.sk-map-svg").evaluate(MAP_OVERLAPS) == []
    assert min(size for _, size in page.locator("svg.sk-map-svg").evaluate(SVG_TEXT_SIZES)) >= 12


@pytest.mark.parametrize(
    ("prefix", "first_of_may"), [("", "1 May 2010"), ("kk/", "2010 жылғы 1 мамыр"), ("ru/", "1 мая 2010 г.")]
)
@pytest.mark.parametrize("width", [390, 1280])
def test_timeline_dates_in_the_page_language_beside_or_above_their_text(browser, base_url: str, prefix: str, first_of_may: str, width: int) -> None:  # noqa: ANN001
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(base_url + prefix + "timeline/")
    assert page.locator('.sk-timeline time[datetime="2010-05-01"]').inner_text().replace("\u00a0", " ") == first_of_may
    boxes = page.locator(".sk-timeline > li").evaluate_all(
        """items => items.map(li => { const t = li.querySelector(':scope > time').getBoundingClientRect();
            const s = li.querySelector(':scope > span').getBoundingClientRect();
            return {iso: li.querySelector('time').getAttribute('datetime'), shown: li.querySelector('time').textContent,
                    t: [t.left, t.top, t.right, t.bottom], s: [s.left, s.top, s.right, s.bottom]}; })"""
    )
    assert len(boxes) >= 10
    for item in boxes:
        t, s = item["t"], item["s"]
        assert __import__("re").fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", item["iso"])
        assert "-" not in item["shown"] and item["iso"][:4] in item["shown"]
        if width == 390:
            assert t[3] <= s[1] + 0.5, item  # the date sits above its text
        else:
            assert t[2] <= s[0] + 0.5, item  # the date has its own column
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


@pytest.mark.parametrize("prefix", ["", "kk/", "ru/"])
def test_key_figures_fit_a_phone_and_say_not_stated_once(browser, base_url: str, prefix: str) -> None:  # noqa: ANN001
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + prefix + "themes/confucius-institutes/")
    table = page.locator(".sk-figures table")
    wrap = page.locator(".sk-figures .md-typeset__scrollwrap")
    # the table fits: neither it nor its scroll wrapper scrolls sideways
    assert wrap.evaluate("wrap => wrap.scrollWidth <= wrap.clientWidth") and table.evaluate("t => t.scrollWidth <= t.clientWidth")
    box = table.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390
    rows = table.locator("tbody tr").evaluate_all(
        "rows => rows.map(row => [...row.cells].map(cell => cell.innerText.trim()))"
    )
    assert len(rows) >= 10
    for cells in rows:
        assert len(cells) == len(set(cells)), cells  # no value said twice in a row
        value_lines = cells[1].split("\n")
        assert len(value_lines) == len(set(value_lines)), cells  # not "1990 | 1990" inside the cell either
    unknown = {"": "not stated in the text", "kk/": "мәтінде көрсетілмеген", "ru/": "в тексте не указано"}[prefix]
    assert unknown not in table.inner_text()
    assert page.locator(".sk-figures .sk-table-note").count() == 1
    context.close()


def test_data_page_charts_on_a_phone(browser, base_url: str) -> None:  # noqa: ANN001
    """Titles above the charts; a rank drawn as a position, not a length; every bar visible;
    chart text 12 px or more; the downloads table fits and breaks file names only at dots."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + "data/")
    charts = page.locator("figure.sk-chart:not(.sk-map)")
    assert charts.count() >= 4
    bars = 0
    for index in range(charts.count()):
        figure = charts.nth(index)
        title, svg = figure.locator(":scope > .sk-chart-title"), figure.locator("svg.sk-chart-svg")
        assert title.inner_text() == svg.locator("title").text_content()
        assert title.bounding_box()["y"] + title.bounding_box()["height"] <= svg.bounding_box()["y"] + 0.5, "title above its chart"
        sizes = svg.evaluate(SVG_TEXT_SIZES)
        assert min(size for _, size in sizes) >= 12, sorted(sizes, key=lambda item: item[1])[:3]
        widths = svg.locator("g.sk-bar rect").evaluate_all("rects => rects.map(r => r.getBoundingClientRect().width)")
        values = [float(value) for value in svg.locator("g.sk-bar").evaluate_all("gs => gs.map(g => g.dataset.value)")]
        assert len(widths) == len(values), "one rect per bar"
        assert all(width >= 2 for width, value in zip(widths, values) if value > 0), (widths, values)
        bars += sum(value > 0 for value in values)
    assert bars >= 4, "the bar charts draw bars"
    rank = page.locator('svg.sk-chart-svg[data-chart="soft-power-30"]')
    assert rank.get_attribute("data-kind") == "rank"
    assert rank.locator("rect").count() == 0, "a rank is not drawn as a bar length"
    points = rank.locator("g.sk-point").evaluate_all(
        "gs => gs.map(g => [parseFloat(g.dataset.value), g.querySelector('circle').getBoundingClientRect().width,"
        " parseFloat(g.querySelector('circle').getAttribute('cx'))])"
    )
    assert len(points) == 3 and len({round(size, 2) for _, size, _ in points}) == 1, "every place is the same dot"
    assert [x for _, _, x in sorted(points)] == sorted(x for _, _, x in points), "a higher place sits further left"
    assert "1" in rank.locator(".sk-axis").text_content()
    downloads = page.locator("table.sk-downloads")
    downloads.scroll_into_view_if_needed()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    box = downloads.bounding_box()
    assert box and box["x"] + box["width"] <= 390
    assert downloads.evaluate("t => t.closest('.md-typeset__scrollwrap') !== null && t.classList.contains('sk-table')")
    # each piece of a file name between dots stays on one line
    pieces = downloads.locator("a.sk-file").evaluate_all(
        """links => links.flatMap(a => [...a.childNodes].filter(n => n.nodeType === 3).map(n => {
            const range = document.createRange(); range.selectNodeContents(n);
            return [n.textContent, new Set([...range.getClientRects()].map(r => Math.round(r.top))).size]; }))"""
    )
    assert pieces and all(lines == 1 for _, lines in pieces), pieces
    names = downloads.locator("a.sk-file").all_inner_texts()
    assert "facts.en.csv" in [name.replace("\n", "") for name in names]
    context.close()


KAZAKH_ALPHABET = "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ"


def test_kazakh_glossary_follows_the_kazakh_alphabet(page, base_url: str) -> None:  # noqa: ANN001
    """Қ after К (not after Я), quotation marks ignored, and a letter index of the letters that
    have terms, each leading to its first term."""
    page.goto(base_url + "kk/glossary/")
    terms = page.locator(".sk-glossary .sk-entry-name").evaluate_all("names => names.map(n => n.textContent.replace(/[«»\"“”]/g, ''))")
    initials = [term[0].upper() for term in terms if term[0].upper() in KAZAKH_ALPHABET]
    assert "Қ" in initials and "К" in initials
    positions = [KAZAKH_ALPHABET.index(letter) for letter in initials]
    assert positions == sorted(positions), initials
    assert initials.index("Қ") > len(initials) - 1 - initials[::-1].index("К"), "Қ-terms right after the К-terms"
    assert all(KAZAKH_ALPHABET.index(letter) > KAZAKH_ALPHABET.index("Қ") for letter in initials[initials.index("Қ"):] if letter != "Қ")
    letters = page.locator("nav.sk-letters a")
    shown = letters.all_inner_texts()
    assert shown[: len(dict.fromkeys(initials))] == list(dict.fromkeys(initials))
    letters.filter(has_text="Қ").click()
    first_q = page.locator(".sk-glossary h2.sk-entry-term").nth(initials.index("Қ"))
    expect(first_q).to_be_in_viewport()
    assert page.url.endswith("#" + first_q.get_attribute("id"))


@pytest.mark.parametrize(("prefix", "query", "term"), [("kk/", "Үрімші", "urumqi"), ("ru/", "Синофобия", "sinophobia"), ("", "Sinophobia", "sinophobia")])
def test_a_search_hit_on_a_term_opens_the_glossary_at_the_term(page, base_url: str, prefix: str, query: str, term: str) -> None:  # noqa: ANN001
    page.goto(base_url + prefix)
    hrefs = search(page, query)
    target = f"/{prefix}glossary/#term-{term}"
    assert any(urlparse(href).path + "#" + urlparse(href).fragment == target for href in hrefs), hrefs
    page.locator(f'.md-search-result__item a[href*="glossary/"][href$="#term-{term}"]').first.click()
    page.wait_for_url(f"**/{prefix}glossary/**")
    heading = page.locator(f"#term-{term}")
    expect(heading).to_be_in_viewport()
    assert page.evaluate("window.scrollY") > 1000, "the term is far down the page, not at its top"


@pytest.mark.parametrize(("prefix", "permalink", "made_with"), [("kk/", "Тұрақты сілтеме", "көмегімен жасалған"), ("ru/", "Постоянная ссылка", "Сделано с помощью")])
def test_kazakh_and_russian_pages_keep_to_their_language_around_the_text(page, base_url: str, prefix: str, permalink: str, made_with: str) -> None:  # noqa: ANN001
    for path in ("", "glossary/", "sources/china-soft-power-central-asia/", "classroom/belt-and-road/"):
        page.goto(base_url + prefix + path)
        titles = set(page.locator("a.headerlink").evaluate_all("links => links.map(link => link.title)"))
        assert titles == {permalink}, (path, titles)
        footer = page.locator(".md-copyright")
        assert made_with in footer.inner_text() and "Made with" not in footer.inner_text()
        assert footer.locator('a[lang="en"]').inner_text() == "Material for MkDocs"
        assert page.locator('meta[name="author"]').get_attribute("content") in ("Сайт редакциясы", "Редакция сайта")
        assert page.locator(".sk-card code").count() == 0, "no file name of the seeds on the page"


# --- 404 pages, citations on a phone, footer order (issue 17) --------------------------------

NOT_FOUND = {
    "en": ("Page not found", "Confucius"),
    "kk": ("Бет табылмады", "Конфуций"),
    "ru": ("Страница не найдена", "Конфуция"),
}
PREFIXES = {"en": "", "kk": "kk/", "ru": "ru/"}


def _not_found_page_works(page, base_url: str, lang: str) -> None:  # noqa: ANN001
    """The page shown is the 404 page of ``lang``, styled, every link of its text leads to a real
    page of the site, and its search field finds pages of its language."""
    title, query = NOT_FOUND[lang]
    prefix = PREFIXES[lang]
    assert page.locator("html").get_attribute("lang") == lang
    expect(page.locator("article h1")).to_have_text(title)
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky", "the stylesheet is loaded"
    hrefs = page.locator("article a[href]").evaluate_all("links => links.map(link => link.href)")
    assert len(hrefs) >= 8
    for href in hrefs:
        assert href.startswith(base_url), href
        response = page.request.get(href)
        assert response.status == 200, href
        assert "<h1>" + NOT_FOUND["en"][0] not in response.text(), href
    own = [href for href in hrefs if href.startswith(base_url + prefix)]
    assert len(own) >= 7, "home, four themes, sources and glossary in the page's language"
    field = page.locator("#sk-404-query")
    field.fill(query)
    field.press("Enter")
    page.wait_for_url("**/?q=*")
    assert urlparse(page.url).path == urlparse(base_url).path + prefix
    results = page.locator(".md-search-result__item a")
    results.first.wait_for()
    links = results.evaluate_all("links => links.map(link => link.href)")
    assert links and all(urlparse(link).path.startswith(urlparse(base_url).path + prefix) for link in links), links


@pytest.mark.parametrize("lang", ["en", "kk", "ru"])
def test_404_page_in_each_language(page, base_url: str, lang: str) -> None:  # noqa: ANN001
    page.goto(base_url + PREFIXES[lang] + "404.html")
    _not_found_page_works(page, base_url, lang)


@pytest.mark.parametrize("lang", ["en", "kk", "ru"])
def test_404_page_served_for_a_missing_deep_address(browser, built_site: Path, lang: str) -> None:  # noqa: ANN001
    """A host returns the 404 page at the missing address itself: its links and styles, relative
    to its own place in the files, must still lead to the site."""
    with serve(built_site, not_found_page=True) as url:
        context = browser.new_context(viewport={"width": 390, "height": 844})
        page = context.new_page()
        response = page.goto(url + PREFIXES[lang] + "themes/no-such-theme/a/b/")
        assert response is not None and response.status == 404
        _not_found_page_works(page, url, lang)
        context.close()


def test_cite_this_page_fits_a_phone_with_todays_date(browser, base_url: str) -> None:  # noqa: ANN001
    import datetime

    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    import re

    days = {datetime.date.today().strftime("%d.%m.%Y")}
    page.goto(base_url + "kk/themes/kazakhstan/")
    days.add(datetime.date.today().strftime("%d.%m.%Y"))  # the page may open just after midnight
    box = page.locator(".sk-cite-page")
    expect(box.locator(".sk-access-date")).to_have_text(re.compile("^(" + "|".join(re.escape(day) for day in days) + ")$"))
    assert "бүгінгі күн" in box.locator("[data-note-today]").inner_text()
    assert box.locator(".sk-page-url").first.inner_text() == base_url + "kk/themes/kazakhstan/"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "the page is wider than the phone"
    context.close()


def test_footer_next_follows_the_sidebar_on_every_page(page, base_url: str) -> None:  # noqa: ANN001
    """Walk the footer's "next" links from the Kazakh home page to the end: the pages come in the
    sidebar's order, each later part of a long text right after the part before it, and each
    page's "previous" link leads back."""
    import re

    later = re.compile(r"part-(\d+)/$")
    page.goto(base_url + "kk/")
    menu = page.locator("nav.md-nav--primary a.md-nav__link[href]").evaluate_all(
        "links => [...new Set(links.map(link => link.href.split('#')[0]))]"
    )
    assert len(menu) >= 15
    visited: list[str] = []
    url: str | None = base_url + "kk/"
    while url and len(visited) < 100:
        page.goto(url)
        previous = page.locator("a.md-footer__link--prev")
        if visited:
            assert previous.evaluate("link => link.href") == visited[-1], url
        else:
            assert previous.count() == 0
        visited.append(url)
        following = page.locator("a.md-footer__link--next")
        url = following.evaluate("link => link.href") if following.count() else None
    assert [address for address in visited if not later.search(address)] == menu
    for index, address in enumerate(visited):
        part = later.search(address)
        if part:
            number = int(part.group(1))
            before = address[: part.start()] + ("" if number == 2 else f"part-{number - 1}/")
            assert visited[index - 1] == before, address
    assert any(later.search(address) for address in visited), "the walk passes through the parts"
