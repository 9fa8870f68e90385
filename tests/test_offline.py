"""The offline edition: a reproducible zip that works from file:// with no network at all."""

from __future__ import annotations

import hashlib
import os
import sys
import zipfile
from pathlib import Path
from urllib.parse import urlparse

import pytest

from browser_support import offline_context, search
from conftest import OFFLINE_ZIP, make_offline


ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.build
ZIP = OFFLINE_ZIP


@pytest.fixture(scope="module")
def offline_zip(offline_edition: Path) -> Path:
    return offline_edition / ZIP


@pytest.fixture(scope="module")
def unzipped(offline_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(target)
    return target / "soft-power-central-asia"


def test_two_offline_builds_give_identical_zips(offline_zip: Path, tmp_path: Path) -> None:
    again = make_offline(tmp_path / "offline-b")
    assert hashlib.sha256(offline_zip.read_bytes()).digest() == hashlib.sha256(again.read_bytes()).digest()
    checksum = (offline_zip.parent / f"{ZIP}.sha256").read_text(encoding="utf-8").split()
    assert checksum == [hashlib.sha256(offline_zip.read_bytes()).hexdigest(), ZIP]


def test_zip_is_small_and_carries_only_what_is_used(offline_zip: Path) -> None:
    assert offline_zip.stat().st_size <= 2 * 1024 * 1024
    names = zipfile.ZipFile(offline_zip).namelist()
    assert "soft-power-central-asia/index.html" in names
    assert "soft-power-central-asia/search/search_index.js" in names
    assert not any("/lunr/" in name or name.endswith(".map") for name in names)


def test_the_bibliography_downloads_travel_with_the_offline_edition(unzipped: Path) -> None:
    """"Cite the original text" links its BibTeX, RIS and CSL-JSON files, which are in the zip."""
    import re

    for prefix in ("", "kk/", "ru/"):
        page = unzipped / prefix / "sources" / "new-silk-road-soft-power.html"
        hrefs = re.findall(r'<a href="([^"]+)" download type=', page.read_text(encoding="utf-8"))
        assert len(hrefs) == 3 and all((page.parent / href).resolve().is_file() for href in hrefs), (prefix, hrefs)
    assert all((unzipped / "data" / f"bibliography.{extension}").is_file() for extension in ("bib", "ris", "json"))


def test_home_page_states_edition_and_date(unzipped: Path) -> None:
    html = (unzipped / "index.html").read_text(encoding="utf-8")
    assert "Offline edition 0.1.0, built on 14\u00a0November 2023" in html
    assert "2023 жылғы 14\u00a0қараша" in (unzipped / "kk" / "index.html").read_text(encoding="utf-8")



@pytest.fixture
def file_page(browser):  # noqa: ANN001, ANN201
    with offline_context(browser) as context:
        yield context.new_page()



@pytest.mark.browser
@pytest.mark.parametrize(
    ("start", "query", "prefix"),
    [("index.html", "Confucius", ""), ("kk/index.html", "мәдениет", "kk/"), ("ru/index.html", "Конфуция", "ru/")],
)
def test_offline_search_in_each_language(file_page, unzipped: Path, start: str, query: str, prefix: str) -> None:  # noqa: ANN001
    file_page.goto((unzipped / start).as_uri())
    hrefs = search(file_page, query)
    assert hrefs
    root = unzipped.as_uri() + "/"
    for href in hrefs:
        relative = href[len(root):]
        assert relative.startswith(prefix) and (prefix or not relative.startswith(("kk/", "ru/"))), href


@pytest.mark.browser
def test_offline_language_switch_on_a_deep_page(file_page, unzipped: Path) -> None:  # noqa: ANN001
    file_page.goto((unzipped / "themes" / "confucius-institutes.html").as_uri())
    for label, path in [("Қазақша", "kk/themes/confucius-institutes.html"), ("Русский", "ru/themes/confucius-institutes.html")]:
        file_page.locator(".md-header__option .md-select").hover()
        file_page.locator(".md-select__link", has_text=label).click()
        file_page.wait_for_load_state()
        assert urlparse(file_page.url).path.endswith(path)
    file_page.locator(".md-header__option .md-select").hover()
    file_page.locator(".md-select__link", has_text="English").click()
    file_page.wait_for_load_state()
    assert urlparse(file_page.url).path.endswith("/soft-power-central-asia/themes/confucius-institutes.html")
    # The home page switches too, to the other language's index.html (not a folder listing).
    file_page.goto((unzipped / "index.html").as_uri())
    file_page.locator(".md-header__option .md-select").hover()
    file_page.locator(".md-select__link", has_text="Қазақша").click()
    file_page.wait_for_load_state()
    assert urlparse(file_page.url).path.endswith("/kk/index.html")


@pytest.mark.browser
def test_offline_language_switch_keeps_the_paragraph(file_page, unzipped: Path) -> None:  # noqa: ANN001
    """From file:// too, the language switcher lands on the same paragraph (ids are the same in
    every language); a paragraph well down the page, read from the page itself."""
    from playwright.sync_api import expect

    start = (unzipped / "sources" / "new-silk-road-soft-power" / "part-3.html").as_uri()
    file_page.goto(start)
    paragraph = file_page.evaluate(
        """() => [...document.querySelectorAll('.sk-block[id^="p-"]')]
            .find(p => p.getBoundingClientRect().top + scrollY > 2 * innerHeight).id"""
    )
    file_page.goto(start + "#" + paragraph)
    for lang, path in (("kk", "kk/sources/new-silk-road-soft-power/part-3.html"), ("en", "sources/new-silk-road-soft-power/part-3.html")):
        file_page.locator(".md-header__option .md-select").hover()
        with file_page.expect_navigation():
            file_page.locator(f".md-select__link[hreflang={lang}]").click()
        url = urlparse(file_page.url)
        assert url.path.endswith("/soft-power-central-asia/" + path) and url.fragment == paragraph, file_page.url
        expect(file_page.locator("#" + paragraph)).to_be_in_viewport()


def test_zim_archive_opens_and_lists_its_articles(zim_archive: Path) -> None:
    from libzim.reader import Archive
    from libzim.search import Query, Searcher

    archive = Archive(str(zim_archive))
    assert archive.main_entry.get_item().path == "index.html"
    site_files = [path for path in (zim_archive.parent / "offline-site").rglob("*") if path.is_file()]
    assert archive.entry_count >= len([path for path in site_files if path.suffix == ".html"])
    for path in ("index.html", "kk/themes/kazakhstan.html", "ru/sources/new-silk-road-soft-power.html", "search/search_index.js", "data/bibliography.ris"):
        assert archive.has_entry_by_path(path), path
    assert "Қытай" in bytes(archive.get_entry_by_path("kk/index.html").get_item().content).decode("utf-8")
    assert archive.get_metadata("Language") == b"eng,kaz,rus"
    assert archive.get_metadata("Title") == "China's soft power in Central Asia".encode()
    assert {"Description", "Date", "Illustration_48x48@1"} <= set(archive.metadata_keys)
    results = Searcher(archive).search(Query().set_query("Confucius"))
    assert results.getEstimatedMatches() > 0


@pytest.mark.browser
def test_offline_quiz_reveals_the_answer(file_page, unzipped: Path) -> None:  # noqa: ANN001
    file_page.goto((unzipped / "kk" / "classroom" / "soft-power.html").as_uri())
    answer = file_page.locator("details.sk-quiz-answer").first
    assert not answer.locator("p").first.is_visible()
    answer.locator("summary").click()
    assert answer.locator("p").first.is_visible()
    assert "Жауабы" in answer.inner_text()
    assert answer.locator("a[href*='sources/']").count() >= 1


def test_offline_build_cites_the_public_address_from_site_url() -> None:
    """scripts/offline.py builds without SITE_URL (the edition's pages are files) and passes it on
    as PUBLIC_SITE_URL, which "Cite this page" gives (hooks/mkdocs_sourcekit/publishing.py)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from offline import offline_environment

    env = offline_environment({"SITE_URL": "https://example.org/soft-power/", "PATH": "/bin"})
    assert env == {"OFFLINE": "true", "PUBLIC_SITE_URL": "https://example.org/soft-power/", "PATH": "/bin"}
    assert offline_environment({"PATH": "/bin"}) == {"OFFLINE": "true", "PATH": "/bin"}

    from types import SimpleNamespace

    from mkdocs_sourcekit.publishing import public_address

    os.environ.pop("PUBLIC_SITE_URL", None)
    offline = SimpleNamespace(site_url=None, use_directory_urls=False)
    assert public_address("kk/themes/kazakhstan.html", offline) is None
    os.environ["PUBLIC_SITE_URL"] = "https://example.org/soft-power/"
    try:
        assert public_address("kk/themes/kazakhstan.html", offline) == "https://example.org/soft-power/kk/themes/kazakhstan/"
        assert public_address("kk/index.html", offline) == "https://example.org/soft-power/kk/"
        assert public_address("index.html", offline) == "https://example.org/soft-power/"
        assert public_address("sources/x/part-2.html", offline) == "https://example.org/soft-power/sources/x/part-2/"
    finally:
        del os.environ["PUBLIC_SITE_URL"]
    online = SimpleNamespace(site_url="https://example.org/soft-power/", use_directory_urls=True)
    assert public_address("ru/themes/kazakhstan/", online) == "https://example.org/soft-power/ru/themes/kazakhstan/"


@pytest.mark.browser
@pytest.mark.parametrize("prefix", ["", "kk/", "ru/"])
def test_offline_cite_this_page_gives_no_file_path(file_page, unzipped: Path, prefix: str) -> None:  # noqa: ANN001
    """Built without a public address, the offline edition's citation has no address at all (no
    file:// path, no bare relative path) and says so; the date of access is the reader's today."""
    import datetime

    file_page.goto((unzipped / prefix / "themes" / "kazakhstan.html").as_uri())
    box = file_page.locator(".sk-cite-page")
    text = box.inner_text()
    assert "file:" not in text and "themes/kazakhstan" not in text and ".html" not in text, text
    assert box.locator(".sk-cite-no-address").is_visible()
    assert box.locator(".sk-access-date").inner_text() in {
        (datetime.date.today() + datetime.timedelta(days=shift)).strftime("%d.%m.%Y") for shift in (-1, 0)
    }


@pytest.mark.browser
@pytest.mark.parametrize(("prefix", "query"), [("", "Confucius"), ("kk/", "Конфуций"), ("ru/", "Конфуция")])
def test_offline_404_page_links_and_searches(file_page, unzipped: Path, prefix: str, query: str) -> None:  # noqa: ANN001
    """Each language's 404 page, opened from file://, links to files that exist and searches."""
    from urllib.parse import unquote

    file_page.goto((unzipped / prefix / "404.html").as_uri())
    assert file_page.locator("html").get_attribute("lang") == (prefix.rstrip("/") or "en")
    hrefs = file_page.locator("article a[href]").evaluate_all("links => links.map(link => link.href)")
    assert len(hrefs) >= 8
    for href in hrefs:
        assert href.startswith("file://") and Path(unquote(urlparse(href).path)).is_file(), href
    file_page.locator("#sk-404-query").fill(query)
    file_page.locator("#sk-404-query").press("Enter")
    file_page.wait_for_url("**/index.html?q=*")
    results = file_page.locator(".md-search-result__item a")
    results.first.wait_for()
    root = unzipped.as_uri() + "/"
    links = results.evaluate_all("links => links.map(link => link.href)")
    assert links and all(link[len(root):].startswith(prefix) for link in links), links
    assert prefix or not any(link[len(root):].startswith(("kk/", "ru/")) for link in links), links
