"""Search as readers type it (issue 19): no lost query, and folding of letters.

- A query typed at any moment after a page starts loading is answered, every time: over
  http in a loop of fresh loads and reloads (also with the index response delayed), and
  from the unzipped offline edition (file://).
- Folding in the index and in the query alike: ё = е; the Kazakh letters = their
  Russian-keyboard look-alikes (қ к, ғ г, ұ ү у, ә а, ө о, і и, ң н, һ х), in every
  language's index; highlighting still marks the words as printed.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from browser_support import offline_context, search, serve
from test_offline import make_offline

pytestmark = [pytest.mark.browser, pytest.mark.build]

RESULTS = ".md-search-result__item a"
FIELD = "input.md-search__input"


@pytest.fixture(scope="module")
def base_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def unzipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = make_offline(tmp_path_factory.mktemp("offline-search"))
    target = tmp_path_factory.mktemp("unzipped-search")
    with zipfile.ZipFile(out) as archive:
        archive.extractall(target)
    return target / "soft-power-central-asia"


@pytest.fixture
def context(browser):  # noqa: ANN001, ANN201 - a playwright BrowserContext
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture
def file_context(browser):  # noqa: ANN001, ANN201
    """A context for file:// pages in which every request to the network fails (and is counted)."""
    with offline_context(browser) as context:
        yield context


def type_at_once(page, query: str, way: int) -> None:  # noqa: ANN001
    """Type ``query`` as soon as the field exists, in one of three ways.

    0: focus, then the text arrives with no key event at all (a paste, an IME, a phone
       keyboard; Playwright inserts non-ASCII text like that);
    1: a click, the text, then one key (End);
    2: a click, then the text letter by letter.
    """
    field = page.locator(FIELD)
    if way == 0:
        field.wait_for(state="visible")  # a field not yet drawn cannot take focus
        field.focus()
        page.keyboard.insert_text(query)
    elif way == 1:
        field.click()
        page.keyboard.insert_text(query)
        page.keyboard.press("End")
    else:
        field.click()
        page.keyboard.type(query)


def answered(page, query: str) -> bool:  # noqa: ANN001
    """The field holds ``query`` and results for it are listed."""
    if page.locator(FIELD).input_value() != query:
        pytest.fail("the text did not reach the search field (the test's typing, not search)")
    try:
        page.locator(RESULTS).first.wait_for(timeout=10000)
    except Exception:  # noqa: BLE001 - a lost query: no result ever came
        return False
    return True


def test_a_query_typed_at_once_is_answered_over_http_every_time(context, base_url: str) -> None:  # noqa: ANN001
    """30 fresh loads and reloads of /kk/, typing right after the response starts."""
    lost = []
    page = context.new_page()
    for run in range(30):
        wait_until = ("commit", "domcontentloaded")[run % 2]
        if run % 5 == 4:
            page.reload(wait_until=wait_until)
        else:
            page.close()
            page = context.new_page()
            page.goto(base_url + "kk/", wait_until=wait_until)
        type_at_once(page, "Конфуций", run % 3)
        if not answered(page, "Конфуций"):
            lost.append(run)
    assert lost == [], f"queries lost in runs {lost} of 30"


def slow(page, delivered: list[str]):  # noqa: ANN001, ANN201
    """A route handler: the index comes 1.5 s late (a weak connection)."""

    def handler(route) -> None:  # noqa: ANN001
        page.wait_for_timeout(1500)
        delivered.append(route.request.url)
        route.continue_()

    return handler


def test_a_query_typed_while_the_index_is_slow_is_answered(browser, base_url: str) -> None:  # noqa: ANN001
    """The index response takes 1.5 s (a weak connection); the query typed meanwhile is answered."""
    lost = []
    for run in range(8):
        context = browser.new_context()
        page = context.new_page()
        delivered: list[str] = []
        page.route("**/search/search_index*", slow(page, delivered))
        lang, query = (("kk/", "Конфуций"), ("ru/", "Конфуция"), ("", "Confucius"))[run % 3]
        page.goto(base_url + lang, wait_until=("commit", "domcontentloaded")[run % 2])
        type_at_once(page, query, run % 3)
        if not answered(page, query):
            lost.append(run)
        assert delivered and all(url.endswith(f"search_index.{lang[:2] or 'en'}.json") for url in delivered), (run, lost)
        context.close()
    assert lost == [], f"queries lost in runs {lost} of 8"


@pytest.mark.parametrize(
    ("start", "query"), [("index.html", "Confucius"), ("kk/index.html", "мәдениет"), ("ru/index.html", "Конфуция")]
)
def test_a_query_typed_at_once_is_answered_offline(file_context, unzipped: Path, start: str, query: str) -> None:  # noqa: ANN001
    """From file://, at once after the load starts and after the page has settled, in three ways."""
    lost = []
    for run in range(4):
        page = file_context.new_page()
        page.goto((unzipped / start).as_uri(), wait_until=("commit", "domcontentloaded", "load", "load")[run])
        if run == 3:
            page.locator(".md-search__form").wait_for()
            page.wait_for_load_state("networkidle")
        type_at_once(page, query, run % 3)
        if not answered(page, query):
            lost.append(run)
        page.close()
    assert lost == [], f"queries lost in runs {lost} of 4"


FOLDS = [
    # (page, as typed, as printed): one Kazakh or Russian letter at least in each
    ("kk/", "казакстан", "қазақстан"),  # қ
    ("kk/", "жылгы", "жылғы"),  # ғ
    ("kk/", "жумыс", "жұмыс"),  # ұ
    ("kk/", "жумсак куш", "жұмсақ күш"),  # ұ ү қ
    ("kk/", "мадени", "мәдени"),  # ә
    ("kk/", "озбекстан", "өзбекстан"),  # ө
    ("kk/", "жибек", "жібек"),  # і
    ("kk/", "кытайдын", "қытайдың"),  # ң
    ("kk/", "жахандык", "жаһандық"),  # һ
    ("ru/", "шелк", "шёлк"),  # ё
    ("ru/", "Шелкового пути", "Шёлкового пути"),  # ё, a phrase
    ("ru/", "кудайберген", "құдайберген"),  # a Kazakh name on a Russian page
    ("ru/", "уримши", "үрімші"),
    ("", "жумсак куш", "жұмсақ күш"),  # Kazakh words on English pages
]


def result_marks(page) -> list[str]:  # noqa: ANN001
    return [text.lower() for text in page.locator(".md-search-result mark").all_inner_texts()]


@pytest.mark.parametrize(("start", "typed", "printed"), FOLDS)
def test_folded_query_finds_what_is_printed(context, base_url: str, start: str, typed: str, printed: str) -> None:  # noqa: ANN001
    page = context.new_page()
    page.goto(base_url + start)
    found = search(page, typed)
    count = page.locator(".md-search-result__meta").inner_text()
    marks = result_marks(page)
    page.goto(base_url + start)
    assert found == search(page, printed), "the same results, typed either way"
    assert count == page.locator(".md-search-result__meta").inner_text()
    assert found
    for href in found:
        path = urlparse(href).path
        assert path.startswith("/" + start) and (start or not path.startswith(("/kk/", "/ru/"))), href
    words = printed.lower().split()
    assert any(mark.startswith(word) for mark in marks for word in words), (
        f"the words are highlighted as printed: {marks[:10]}"
    )


def open_highlighted_result(page, query: str) -> list[str]:  # noqa: ANN001
    """Search ``query``, open the first result that carries highlight terms, return the page's marks."""
    search(page, query)
    links = page.locator(RESULTS)
    for index in range(links.count()):
        href = links.nth(index).get_attribute("href") or ""
        if parse_qs(urlparse(href).query).get("h", [""])[0].strip():
            links.nth(index).click()
            break
    else:
        pytest.fail(f"no result of {query!r} carries terms to highlight")
    page.wait_for_load_state()
    marks = page.locator("article mark[data-md-highlight]")
    marks.first.wait_for()
    assert "h=" not in page.url, "the terms are taken out of the address, Material does not mark again"
    return marks.all_inner_texts()


def test_the_opened_result_highlights_the_printed_words(context, base_url: str) -> None:  # noqa: ANN001
    page = context.new_page()
    page.goto(base_url + "ru/")
    marks = open_highlighted_result(page, "Шелкового пути")
    assert any(mark.lower() == "шёлкового" for mark in marks), marks
    page.goto(base_url + "kk/")
    marks = open_highlighted_result(page, "жумсак куш")
    assert any(mark.lower() == "жұмсақ" for mark in marks) and any(mark.lower() == "күш" for mark in marks), marks


def test_folding_offline(file_context, unzipped: Path) -> None:  # noqa: ANN001
    page = file_context.new_page()
    page.goto((unzipped / "kk" / "index.html").as_uri())
    found = search(page, "казакстан")
    assert found and all("/kk/" in href for href in found)
    assert any(mark.startswith("қазақстан") for mark in result_marks(page))
    page.goto((unzipped / "ru" / "index.html").as_uri())
    assert search(page, "Шелкового пути")
    assert any(mark.startswith("шёлкового") for mark in result_marks(page))
    marks = open_highlighted_result(page, "Шелкового пути")
    assert any(mark.lower() == "шёлкового" for mark in marks), marks
