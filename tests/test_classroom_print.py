"""Classroom kits on paper, and the teachers' pages (issue 17).

A kit printed by Chromium on A4 is a handout of at most four pages: the quiz's answers are
nowhere before the answer key, which is alone on the last page; the citation numbers printed
on it are explained by the list of cited paragraphs; no bare paragraph ID is printed. The kit
has a "Print" button in each language, hidden on paper. Each theme page links to its kit,
and no theme page has two sections of the same name. The answers are read from the kits'
data in seeds/classroom/, never written here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup

from browser_support import serve
from playwright.sync_api import expect
from sourcekit.labels import load_labels

pytestmark = pytest.mark.build
ROOT = Path(__file__).resolve().parents[1]
KITS = sorted(path.stem for path in (ROOT / "seeds" / "classroom").glob("*.yml"))
LANGUAGES = ("en", "kk", "ru")
MAX_PAGES = 4


def prefix(lang: str) -> str:
    return "" if lang == "en" else f"{lang}/"


def squeeze(text: str) -> str:
    """``text`` as compared across a PDF's line breaks: NFKC (ligatures), no whitespace."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).replace("\u00ad", ""))


def kit_data(theme: str) -> dict:
    return yaml.safe_load((ROOT / "seeds" / "classroom" / f"{theme}.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def base_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


def printed_pages(browser, base_url: str, path: str, pdf: Path) -> list[str]:  # noqa: ANN001
    """The text of each page of the page ``path`` printed to an A4 PDF by Chromium."""
    from pdfminer.high_level import extract_text
    from pdfminer.pdfpage import PDFPage

    context = browser.new_context()
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda request: request.url.startswith((base_url, "data:")) or outside.append(request.url))
    page.goto(base_url + path)
    page.pdf(path=str(pdf), format="A4")
    context.close()
    assert outside == [], "a kit loads nothing from another host"
    with pdf.open("rb") as handle:
        count = sum(1 for _ in PDFPage.get_pages(handle))
    return [extract_text(str(pdf), page_numbers=[number]) for number in range(count)]


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("theme", KITS)
def test_a_printed_kit_keeps_its_answers_for_the_last_page(
    browser, base_url: str, theme: str, lang: str, tmp_path: Path  # noqa: ANN001
) -> None:
    labels = load_labels()
    pages = printed_pages(browser, base_url, f"{prefix(lang)}classroom/{theme}/", tmp_path / "kit.pdf")
    assert 2 <= len(pages) <= MAX_PAGES, f"{len(pages)} A4 pages"
    key = squeeze(labels.get("classroom.answer_key", lang))
    last, before = squeeze(pages[-1]), squeeze("".join(pages[:-1]))
    assert last.startswith(key), "the answer key opens the last page: " + pages[-1][:120]
    assert key not in before
    assert squeeze(labels.get("classroom.answer", lang) + ":") not in before
    letters = labels.get("classroom.letters", lang)
    for number, item in enumerate(kit_data(theme)["quiz"], start=1):
        answer = squeeze(f"{number}. {letters[item['answer']]}) {item['options'][lang][item['answer']]}")
        explanation = squeeze(item["explanation"][lang])
        assert answer in last, (number, answer)
        assert explanation in last, (number, item["explanation"][lang])
        # Not the explanation as a whole: a discussion question may share a phrase with it.
        assert explanation not in before, (number, item["explanation"][lang])


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_citations_on_paper_say_what_they_cite(browser, base_url: str, lang: str, tmp_path: Path) -> None:  # noqa: ANN001
    """Every [n] printed in the handout is in the list of cited paragraphs, with its source's
    name; no "¶ p-…" ID is printed; the key figures (table, charts, map) are left out, with a
    note that says where they are."""
    labels = load_labels()
    text = "".join(printed_pages(browser, base_url, f"{prefix(lang)}classroom/belt-and-road/", tmp_path / "kit.pdf"))
    body, _, rest = text.partition(labels.get("classroom.cited", lang))
    assert rest, "the handout lists the cited paragraphs"
    cited_list = rest.partition(labels.get("classroom.answer_key", lang))[0]
    numbers = set(re.findall(r"\[(\d+)\]", body))
    assert numbers, "the handout prints citation numbers"
    assert numbers <= set(re.findall(r"\[(\d+)\]", cited_list)), sorted(numbers)
    assert labels.get("type.article-journal", lang) in cited_list
    assert not re.search(r"p-[0-9a-f]{6}", text) and "¶" not in text
    heading = re.escape(labels.get("theme.key_figures", lang))
    assert not re.search(rf"^\s*{heading}\s*$", text, re.MULTILINE), "no key figures heading"
    map_title = yaml.safe_load((ROOT / "seeds" / "charts.yml").read_text(encoding="utf-8"))["map"]["title"][lang]
    assert squeeze(map_title) not in squeeze(text), "no map"
    assert squeeze(labels.get("classroom.figures_not_printed", lang)) in squeeze(text)


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_kit_has_a_print_button_that_paper_does_not_show(browser, base_url: str, lang: str) -> None:  # noqa: ANN001
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{base_url}{prefix(lang)}classroom/belt-and-road/")
    button = page.get_by_role("button", name=load_labels().get("classroom.print", lang), exact=True)
    expect(button).to_be_visible()
    page.evaluate("() => { window.skPrinted = 0; window.print = () => { window.skPrinted += 1; }; }")
    button.click()
    assert page.evaluate("() => window.skPrinted") == 1
    page.emulate_media(media="print")
    expect(button).to_be_hidden()
    context.close()


@pytest.mark.browser
def test_the_print_button_works_from_file(browser, built_site: Path) -> None:  # noqa: ANN001
    context = browser.new_context()
    page = context.new_page()
    page.goto((built_site / "kk" / "classroom" / "soft-power" / "index.html").as_uri())
    button = page.get_by_role("button", name=load_labels().get("classroom.print", "kk"), exact=True)
    expect(button).to_be_visible()
    page.evaluate("() => { window.skPrinted = 0; window.print = () => { window.skPrinted += 1; }; }")
    button.click()
    assert page.evaluate("() => window.skPrinted") == 1
    context.close()


def published_zip() -> str:
    """Where the publishing workflow puts the offline zip, relative to the site's root."""
    workflow = (ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    copied = re.search(r"cp dist/(\S+\.zip) .* site/(\S+?)/?$", workflow, re.MULTILINE)
    assert copied, "the workflow copies the zip into the site"
    return f"{copied.group(2)}/{copied.group(1)}"


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_teachers_page_offers_the_zip_only_where_it_is_published(
    browser, base_url: str, built_site: Path, lang: str  # noqa: ANN001
) -> None:
    """The build does not hold the zip (the publishing workflow puts it beside the site): the
    download button shows where the file answers, and stays hidden where it does not and from
    file://."""
    url = f"{base_url}{prefix(lang)}classroom/"
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    box = page.locator("[data-sk-download]")
    assert box.get_attribute("data-sk-download") == published_zip()
    page.wait_for_load_state("networkidle")
    expect(box).to_be_hidden()  # this build has no download folder
    page.route(f"{base_url}{published_zip()}", lambda route: route.fulfill(status=200, body=b"PK"))
    page.reload()
    expect(box).to_be_visible()
    assert box.locator("a").get_attribute("href") == urljoin(base_url, published_zip())
    page.unroute(f"{base_url}{published_zip()}")
    page.goto((built_site / prefix(lang) / "classroom" / "index.html").as_uri())
    page.wait_for_load_state("load")
    expect(page.locator("[data-sk-download]")).to_be_hidden()
    context.close()


def article(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_teachers_page_gives_no_shell_commands(built_site: Path, lang: str) -> None:
    text = article(built_site / prefix(lang) / "classroom" / "index.html").get_text(" ")
    for command in ("sha256sum", "shasum", "certutil", "unzip "):
        assert command not in text, command
    # It names the theme pages' section as they do.
    assert load_labels().get("theme.differences", lang) in text


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("theme", KITS)
def test_a_theme_page_links_to_its_kit_and_names_each_section_once(built_site: Path, theme: str, lang: str) -> None:
    page = built_site / prefix(lang) / "themes" / theme / "index.html"
    content = article(page)
    hrefs = [link["href"] for link in content.select("a[href]") if not link["href"].startswith(("#", "http"))]
    targets = {(page.parent / href).resolve() for href in hrefs}
    assert (built_site / prefix(lang) / "classroom" / theme).resolve() in targets
    headings = [heading.get_text(" ", strip=True).rstrip("¶").strip().casefold() for heading in content.select("h2")]
    assert len(headings) >= 4
    assert len(set(headings)) == len(headings), headings
