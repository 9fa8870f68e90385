"""Search as readers type it (issue 19): no lost query, folding of letters, readers' text only.

- A query typed at any moment after a page starts loading is answered, every time: over
  http in a loop of fresh loads and reloads (also with the index response delayed), and
  from the unzipped offline edition (file://).
- Folding in the index and in the query alike: ё = е; the Kazakh letters = their
  Russian-keyboard look-alikes (қ к, ғ г, ұ ү у, ә а, ө о, і и, ң н, һ х), in every
  language's index; highlighting still marks the words as printed.
- The index holds readers' text only: no label of a button, a filter or a generated table's
  header, no interface string of Material, no pilcrow, and no two words run together where
  two blocks of the page meet.
"""

from __future__ import annotations

import json
import re
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from browser_support import offline_context, search, serve

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

import lxml.html  # noqa: E402

from sourcekit.labels import load_labels  # noqa: E402
from sourcekit.languages import current  # noqa: E402

PREFIX = {code: current().prefix(code) for code in current().codes}

pytestmark = [pytest.mark.build]
browser_test = pytest.mark.browser

RESULTS = ".md-search-result__item a"
FIELD = "input.md-search__input"


@pytest.fixture(scope="module")
def base_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def offline_out(offline_edition: Path) -> Path:
    """The folder where ``make offline`` put the zip (and the site it packed)."""
    return offline_edition


@pytest.fixture(scope="module")
def unzipped(offline_out: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("unzipped-search")
    with zipfile.ZipFile(next(offline_out.glob("*.zip"))) as archive:
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


def search_final(page, query: str) -> list[str]:  # noqa: ANN001
    """Search ``query`` and return the result links once the worker's last answer is drawn.

    The worker answers twice when there is more to show (the best results first, then every
    paragraph of the first 50 pages); search-lang.js marks the list when the last has come.
    """
    return search(page, query)  # which waits for that mark


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


@pytest.mark.slowest  # about 40 s: 30 loads
@browser_test
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


@pytest.mark.slowest  # about 26 s: 8 loads, each index 1.5 s late
@browser_test
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


@browser_test
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


@browser_test
@pytest.mark.parametrize(("start", "typed", "printed"), FOLDS)
def test_folded_query_finds_what_is_printed(context, base_url: str, start: str, typed: str, printed: str) -> None:  # noqa: ANN001
    page = context.new_page()
    page.goto(base_url + start)
    found = search_final(page, typed)
    count = page.locator(".md-search-result__meta").inner_text()
    marks = result_marks(page)
    page.goto(base_url + start)
    assert found == search_final(page, printed), "the same results, typed either way"
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
    search_final(page, query)
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


@browser_test
def test_the_opened_result_highlights_the_printed_words(context, base_url: str) -> None:  # noqa: ANN001
    page = context.new_page()
    page.goto(base_url + "ru/")
    marks = open_highlighted_result(page, "Шелкового пути")
    assert any(mark.lower() == "шёлкового" for mark in marks), marks
    page.goto(base_url + "kk/")
    marks = open_highlighted_result(page, "жумсак куш")
    assert any(mark.lower() == "жұмсақ" for mark in marks) and any(mark.lower() == "күш" for mark in marks), marks


@browser_test
def test_folding_offline(file_context, unzipped: Path) -> None:  # noqa: ANN001
    page = file_context.new_page()
    page.goto((unzipped / "kk" / "index.html").as_uri())
    found = search_final(page, "казакстан")
    assert found and all("/kk/" in href for href in found)
    assert any(mark.startswith("қазақстан") for mark in result_marks(page))
    page.goto((unzipped / "ru" / "index.html").as_uri())
    assert search_final(page, "Шелкового пути")
    assert any(mark.startswith("шёлкового") for mark in result_marks(page))
    marks = open_highlighted_result(page, "Шелкового пути")
    assert any(mark.lower() == "шёлкового" for mark in marks), marks


# --- Readers' text only (no browser) -----------------------------------------------------

# Labels of buttons, filters, summaries and the header cells of generated tables, and other
# interface text of the generated pages (hooks/data/labels.yml). Keys missing from the file
# (renamed by a later edit) are skipped; the test needs most of them.
INTERFACE_LABELS = [
    "reader.show_original", "reader.other_abstracts", "classroom.show_answer", "chart.table",
    "reader.previous_part", "reader.next_part", "reader.first_part", "reader.last_part", "reader.parts_contents",
    "reader.parts_nav", "parallel.back", "timeline.filter", "timeline.all",
    "figures.figure", "figures.value", "figures.date", "figures.place", "figures.value_when",
    "data.dataset", "data.format", "data.file", "map.country", "map.count",
    "reader.about", "citepage.title", "citepage.source_title", "reader.cited_on", "reader.unknown",
]
# Material's strings that a page's content could carry (copy buttons, source dates, comments)
MATERIAL_KEYS = [
    "clipboard.copy", "clipboard.copied", "source.file.contributors", "source.file.date.created",
    "source.file.date.updated", "meta.comments", "meta.source", "action.edit", "action.view", "toc", "top",
    "search.result.more.one", "search.result.term.missing", "footer.next", "footer.previous",
]
LANGUAGE_NAMES = {"en": "English", "kk": "қазақ тілі", "ru": "русский"}


def interface_strings(lang: str) -> set[str]:
    """Every interface string of ``lang`` that must never be a run of its own in the index."""
    labels = load_labels()
    strings = {"¶"}
    found = 0
    for key in INTERFACE_LABELS:
        try:
            strings.add(labels.get(key, lang))
            found += 1
        except (KeyError, ValueError):
            continue
    assert found >= len(INTERFACE_LABELS) - 4, "labels.yml no longer has the interface labels this test knows"
    columns = " | ".join(labels.get(f"parallel.column.{other}", lang) for other in ("en", "kk", "ru"))
    strings.add(labels.get("reader.parallel_link", lang, columns=columns))
    for other in ("en", "kk", "ru"):
        language = labels.get(f"language.{other}", lang)
        strings |= {labels.get("reader.translation_label", lang, language=language), labels.get("reader.original_label", lang, language=language)}
    material = ROOT / ".venv" / "lib"
    partial = next(material.glob(f"python3*/site-packages/material/templates/partials/languages/{lang}.html"), None)
    if lang == "kk":
        partial = ROOT / "overrides" / "partials" / "languages" / "kk.html"
    assert partial is not None and partial.is_file(), f"Material's {lang} strings"
    pairs = dict(re.findall(r'"([\w.]+)": "([^"]*)"', partial.read_text(encoding="utf-8")))
    strings |= {pairs[key] for key in MATERIAL_KEYS if key in pairs}
    return {" ".join(s.split()) for s in strings if s.strip()}


def index_runs(text: str) -> list[str]:
    """The runs of an index text: pieces between tags or line breaks, spaces collapsed."""
    return [" ".join(run.split()) for run in re.split(r"<[^>]+>|\n", text) if run.strip()]


def glued_pairs(page: Path) -> set[str]:
    """Words that would run together where two blocks of ``page`` meet with no space between.

    For every pair of sibling elements in the article that are blocks (any element but the
    inline ones, and the spans the stylesheet shows as blocks) and touch with no whitespace,
    whose texts end and start with a letter or digit: the last word of the first and the
    first word of the second, written together ("Көрсеткіш" + "Мәні" = "КөрсеткішМәні").
    """
    from sourcekit.search_docs import BLOCK_CLASSES, INLINE

    root = lxml.html.document_fromstring(page.read_text(encoding="utf-8"))
    pairs = set()

    def block(el) -> bool:  # noqa: ANN001
        return isinstance(el.tag, str) and (el.tag not in INLINE or bool(set((el.get("class") or "").split()) & BLOCK_CLASSES))

    for article in root.xpath("//article"):
        for el in article.iter():
            prev = el.getprevious()
            if prev is None or not (block(el) or block(prev)) or (prev.tail or "") != "":
                continue
            left = re.search(r"(\w+)$", prev.text_content().rstrip("\n") if prev.text_content().endswith("\n") else prev.text_content())
            right = re.match(r"(\w+)", el.text_content())
            if not left or not right or prev.text_content()[-1:].isspace() or el.text_content()[:1].isspace():
                continue
            a, b = left.group(1), right.group(1)
            # two words, each of two characters at least, not two numbers (cells of digits)
            if len(a) > 1 and len(b) > 1 and not (a.isdigit() and b.isdigit()):
                pairs.add(a + b)
    return pairs


def built_pages(site: Path, docs: list[dict]) -> list[Path]:
    from mkdocs_sourcekit.search_index import page_file

    return sorted({page_file(site, doc["location"]) for doc in docs if "#" not in doc["location"]})


def interface_problems(site: Path) -> list[str]:
    """Interface text and run-together words found in the site's search index."""
    from mkdocs_sourcekit.search_index import language_of

    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    problems = []
    for lang in PREFIX:
        interface = interface_strings(lang)
        mine = [doc for doc in docs if language_of(doc["location"]) == lang]
        for doc in mine:
            for run in index_runs(doc["text"]):
                if run in interface:
                    problems.append(f"{doc['location']}: interface text {run!r}")
        text = "\n".join(re.sub(r"<[^>]+>", "\n", doc["text"]) for doc in mine)
        for page in built_pages(site, mine):
            for glued in sorted(glued_pairs(page)):
                if re.search(r"(?<!\w)" + re.escape(glued), text):
                    problems.append(f"{page.relative_to(site)}: words run together {glued!r}")
    return problems


def test_the_index_holds_readers_text_only(built_site: Path) -> None:
    """No label, no Material string, no pilcrow as a run of its own; no two blocks' words glued.

    Before the index was rebuilt from the pages (issue 19, item 5) this listed, among others,
    «КөрсеткішМәні» (a generated table's header cells), the side-by-side button's label and «¶».
    """
    problems = interface_problems(built_site)
    assert problems == [], f"{len(problems)} problems, the first: {problems[:15]}"


# --- Typos, ranking, landing (issue 19, items 3 and 4) ----------------------------------

TYPOS = [
    # (page, as typed with one edit, the word as folded in the index, what is printed)
    ("", "Kazakstan", "kazakhstan"),  # a letter dropped
    ("kk/", "Конфуцый", "конфуций"),  # a letter replaced
    ("kk/", "ынтымақтастқ", "ынтымактастык"),  # a letter dropped, in a Kazakh word
    ("ru/", "Конфуцыя", "конфуция"),  # a letter replaced
    ("ru/", "Казахтсан", "казахстан"),  # two letters swapped
]


def fold(text: str) -> str:
    return text.lower().translate(str.maketrans("ёқғұүәөіңһ", "екгууаоинх"))


def marked_words(page) -> list[str]:  # noqa: ANN001
    return [fold(text) for text in page.locator(".md-search-result mark").all_inner_texts()]


def render_every_result(page) -> None:  # noqa: ANN001
    """Scroll the results until Material has drawn every group it counts ("N matching documents")."""
    items = page.locator(".md-search-result__item")
    wrap = page.locator(".md-search__scrollwrap")
    for _attempt in range(60):
        meta = re.search(r"\d+", page.locator(".md-search-result__meta").inner_text())
        total = int(meta.group()) if meta else 1
        drawn = items.count()
        if drawn >= total:
            return
        # Material draws four more each time the list is scrolled to its end (from elsewhere)
        wrap.evaluate(
            """el => new Promise(done => { el.scrollTop = 0; requestAnimationFrame(() => requestAnimationFrame(() => {
                 el.scrollTo(0, el.scrollHeight); done(); })); })"""
        )
        expect(items).not_to_have_count(drawn, timeout=5000)
    pytest.fail("the results list never showed every group")


def group_terms(page) -> list[list[str]]:  # noqa: ANN001
    """For each result group (a page), the ?h= terms of each of its links (every group drawn)."""
    render_every_result(page)
    return page.locator(".md-search-result__item").evaluate_all(
        """items => items.map(item => Array.from(item.querySelectorAll("a.md-search-result__link"))
              .map(a => (new URL(a.href).searchParams.get("h") || "").split(" ").filter(Boolean)))"""
    )


def check_typo(page, root: str, start: str, typed: str, folded: str) -> None:  # noqa: ANN001
    """``typed`` finds pages of the language at ``start`` (under ``root``, the site's address)
    only, marks a word beginning like ``folded``, and carries the word as printed."""
    found = search_final(page, typed)
    assert found, f"{typed!r} finds nothing"
    for href in found:
        # (``start in path or not start`` held for every English result, whatever its language)
        assert href.startswith(root), href
        place = href[len(root) :]
        assert place.startswith(start) and (start or not place.startswith(("kk/", "ru/"))), href
    assert any(word.startswith(folded[:-1]) for word in marked_words(page)), marked_words(page)[:10]
    # the address of a result carries the word as printed, so that the page marks it
    assert any(fold(parse_qs(urlparse(href).query).get("h", [""])[0]).startswith(folded[: len(typed) - 1]) for href in found)


@browser_test
@pytest.mark.parametrize(("start", "typed", "folded"), TYPOS)
def test_one_typo_in_a_long_word_still_finds_it(context, base_url: str, start: str, typed: str, folded: str) -> None:  # noqa: ANN001
    page = context.new_page()
    page.goto(base_url + start)
    check_typo(page, base_url, start, typed, folded)


def coverage(groups: list[list[list[str]]]) -> list[int]:
    """The most query words that one document of each group holds (its links' highlight terms)."""
    return [max((len(terms) for terms in links), default=0) for links in groups]


RANKING = [("", "Kyrgyzstan Confucius"), ("kk/", "Қырғызстан Конфуций"), ("ru/", "Кыргызстан Конфуция")]


@browser_test
@pytest.mark.parametrize(("start", "query"), RANKING)
def test_results_holding_every_word_come_first(context, base_url: str, start: str, query: str) -> None:  # noqa: ANN001
    page = context.new_page()
    page.goto(base_url + start)
    search_final(page, query)
    groups = group_terms(page)
    counts = coverage(groups)
    assert counts[0] == 2, f"the first result holds both words: {counts}"
    assert 1 in counts, f"the test needs results with one word too: {counts}"
    assert counts == sorted(counts, reverse=True), f"a result with one word before one with both: {counts}"
    # Material draws a group's page first, then its best documents: one of the first two holds both
    assert 2 in [len(terms) for terms in groups[0][:2]], f"the first documents shown hold both words: {groups[0][:3]}"


@browser_test
@pytest.mark.parametrize(("start", "query", "typo"), [("", "centre", "cente"), ("ru/", "Астане", "астан")])
def test_an_exact_word_ranks_above_a_typo(context, base_url: str, start: str, query: str, typo: str) -> None:  # noqa: ANN001
    page = context.new_page()
    page.goto(base_url + start)
    search_final(page, query)
    word = fold(query)
    kinds = []
    for links in group_terms(page):
        terms = [fold(term) for linked in links for term in linked]
        kinds.append("exact" if any(term.startswith(word) for term in terms) else "typo" if any(term.startswith(typo) for term in terms) else "?")
    assert "exact" in kinds and "typo" in kinds, kinds
    assert kinds.index("typo") > max(i for i, kind in enumerate(kinds) if kind == "exact"), kinds


def open_paragraph_result(page, query: str) -> str:  # noqa: ANN001
    """Search ``query``, click the first result that opens a paragraph (#p-…); return its id."""
    search_final(page, query)
    link = page.locator('a.md-search-result__link[href*="#p-"]').first
    href = link.get_attribute("href") or ""
    assert "#p-" in href, "a paragraph among the results"
    link.click()
    page.wait_for_url(re.compile(r"#p-[0-9a-f]+$"))
    anchor = urlparse(page.url).fragment
    paragraph = page.locator(f"#{anchor}")
    expect(paragraph).to_be_in_viewport()
    expect(paragraph.locator("mark[data-md-highlight]").first).to_be_visible()
    return anchor


@browser_test
@pytest.mark.parametrize(("start", "query"), [("kk/", "Димаш"), ("ru/", "Нурлы жол"), ("", "Confucius Classroom")])
def test_a_result_opens_its_paragraph_with_the_words_marked(context, base_url: str, start: str, query: str) -> None:  # noqa: ANN001
    page = context.new_page()
    page.goto(base_url + start)
    anchor = open_paragraph_result(page, query)
    assert anchor.startswith("p-")


@browser_test
def test_typos_ranking_and_landing_offline(file_context, unzipped: Path) -> None:  # noqa: ANN001
    page = file_context.new_page()
    page.goto((unzipped / "index.html").as_uri())
    check_typo(page, unzipped.as_uri() + "/", "", "Kazakstan", "kazakhstan")
    page.goto((unzipped / "kk" / "index.html").as_uri())
    search_final(page, "Қырғызстан Конфуций")
    counts = coverage(group_terms(page))
    assert counts[0] == 2 and counts == sorted(counts, reverse=True), counts
    page.goto((unzipped / "ru" / "index.html").as_uri())
    open_paragraph_result(page, "Нурлы жол")


def test_the_shards_and_chunks_hold_every_document(built_site: Path) -> None:
    """Each language's manifest, shards and chunks: the same documents as search_index.json, in order."""
    import html

    from mkdocs_sourcekit.search_index import language_of

    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    for lang in PREFIX:
        manifest = json.loads((built_site / "search" / f"search_index.{lang}.json").read_text(encoding="utf-8"))["config"]["sk"]
        folder = built_site / "search" / lang
        rows = [row for number in range(len(manifest["chunks"])) for row in json.loads((folder / f"d{number}.json").read_text(encoding="utf-8"))]
        mine = [doc for doc in docs if language_of(doc["location"]) == lang]
        assert len(rows) == len(mine) == manifest["docs"] > 50
        pages = {first: location for location, _title, first in manifest["pages"]}
        page = ""
        for number, (row, doc) in enumerate(zip(rows, mine)):
            page = pages.get(number, page)
            assert page + row[0] == doc["location"] and html.escape(row[1], quote=False) == doc["title"]
            assert "".join(f"<p>{html.escape(line, quote=False)}</p>" for line in row[2].split("\n") if line) == doc["text"]
        for number, key in enumerate(manifest["keys"]):
            shard = json.loads((folder / f"t{number}.json").read_text(encoding="utf-8"))
            assert shard["t"] == sorted(shard["t"]) and all(term.startswith(key) for term in shard["t"])
            assert all(sum(postings[0::2]) < manifest["docs"] for postings in shard["p"])


def test_kiwix_search_folds_what_the_zim_reader_can(zim_archive: Path) -> None:
    """In the ZIM edition, Kiwix's own search (libzim): ё = е by itself, Kazakh letters by the
    folded words that scripts/zim.py adds, hidden, to each page. (No typos there, no endings.)"""
    from libzim.reader import Archive
    from libzim.search import Query, Searcher

    searcher = Searcher(Archive(str(zim_archive)))

    def found(query: str) -> set[str]:
        return set(searcher.search(Query().set_query(query)).getResults(0, 200))

    printed, typed = found("Қазақстан"), found("казакстан")
    assert printed and any(path.startswith("kk/") for path in typed)
    assert printed <= typed, "a word typed without the Kazakh letters finds every page that prints it"
    assert found("жумсак") >= found("жұмсақ") != set()
    assert found("шелковый") == found("шёлковый") != set(), "ё = е"
