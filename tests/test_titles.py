"""What the pages are called: the browser tab, the menu, and what a reader is never shown."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from sourcekit.catalogue import load_catalogue

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.build
PREFIXES = ("", "kk/", "ru/")


def _title(page: Path) -> str:
    return html.unescape(re.search(r"<title>(.*?)</title>", page.read_text(encoding="utf-8"), re.DOTALL).group(1)).strip()


def _menu(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    return text[text.index('class="md-nav md-nav--primary"') : text.index('class="md-sidebar md-sidebar--secondary"')]


@pytest.mark.parametrize("prefix", PREFIXES)
def test_every_tab_tells_its_page_apart(built_site: Path, prefix: str) -> None:
    """No two pages of a language share a tab title, and none says the same thing twice
    (the student paper's Russian title is the site's own name)."""
    pages = sorted(path for path in (built_site / prefix).rglob("index.html") if prefix or not path.relative_to(built_site).parts[0] in ("kk", "ru"))
    titles = {path: _title(path) for path in pages}
    assert len(set(titles.values())) == len(titles), sorted(titles.values())
    for path, title in titles.items():
        assert not re.fullmatch(r"(.+) [-–·] \1", title), (path, title)
    paper = built_site / prefix / "sources" / "china-soft-power-central-asia" / "index.html"
    parallel = built_site / prefix / "sources" / "parallel" / "china-soft-power-central-asia" / "index.html"
    view = {"": ("source text", "parallel text"), "kk/": ("дереккөз мәтіні", "қатар мәтін"), "ru/": ("текст источника", "параллельный текст")}[prefix]
    assert f" – {view[0]} · " in titles[paper] and f" – {view[1]} · " in titles[parallel], (titles[paper], titles[parallel])
    assert " · " not in titles[built_site / prefix / "index.html"], "a home page's tab is the site's name"


@pytest.mark.parametrize("prefix", PREFIXES)
def test_the_menu_lists_each_source_once_with_its_views(built_site: Path, prefix: str) -> None:
    menu = _menu(built_site / prefix / "sources" / "china-soft-power-central-asia" / "index.html")
    names = [" ".join(re.sub(r"<[^>]+>", " ", name).split()) for name in re.findall(r'<span class="md-ellipsis">(.*?)</span>', menu, re.DOTALL)]
    for entry in load_catalogue(ROOT / "seeds" / "catalogue.yml"):
        lang = prefix.rstrip("/") or "en"
        title = html.unescape(entry.titles[lang].text)
        assert [html.unescape(name) for name in names].count(title) == 1, (entry.slug, names)
    assert not any(name.endswith(("parallel text", "қатар мәтін", "параллельный текст")) for name in names), names


def test_no_page_shows_the_file_name_of_a_seed(built_site: Path) -> None:
    files = [entry.file for entry in load_catalogue(ROOT / "seeds" / "catalogue.yml")]
    shown = [
        (str(path.relative_to(built_site)), name)
        for path in built_site.rglob("*.html")
        for name in files
        if name in path.read_text(encoding="utf-8")
    ]
    assert shown == []
