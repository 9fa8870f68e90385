"""One full --strict build into a temp dir; assertions on its tree, HTML and search index."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sourcekit.catalogue import load_catalogue
from sourcekit.languages import current
from sourcekit.parts import FRONT_KINDS, HEADING_KINDS, split_parts
from sourcekit.pipeline import ingest

pytestmark = pytest.mark.build
ROOT = Path(__file__).resolve().parents[1]
SLUGS = [entry.slug for entry in load_catalogue(ROOT / "seeds" / "catalogue.yml")]
DOCUMENTS = {document.entry.slug: document for document in ingest()}
PART_COUNTS = {slug: len(split_parts(document)) for slug, document in DOCUMENTS.items()}
LANGUAGES = current().codes  # the checkout's mkdocs.yml: en, kk, ru
PREFIX = {code: current().prefix(code) for code in LANGUAGES}
THEMES = ["soft-power", "confucius-institutes", "belt-and-road", "kazakhstan"]
PAGES = (
    ["", "sources/", "glossary/", "timeline/", "data/", "classroom/"]
    + [f"classroom/{theme}/" for theme in THEMES]
    + [f"themes/{theme}/" for theme in THEMES]
    + [f"sources/{slug}/" for slug in SLUGS]
    + [f"sources/parallel/{slug}/" for slug in SLUGS]
    + [f"sources/{slug}/part-{n}/" for slug in SLUGS for n in range(2, PART_COUNTS[slug] + 1)]
    + [f"sources/parallel/{slug}/part-{n}/" for slug in SLUGS for n in range(2, PART_COUNTS[slug] + 1)]
)


def page_path(site: Path, lang: str, page: str) -> Path:
    return site / PREFIX[lang] / page / "index.html"


def test_output_tree_has_every_page_in_every_language(built_site: Path) -> None:
    html = sorted(path.relative_to(built_site).as_posix() for path in built_site.rglob("*.html"))
    expected = sorted([f"{PREFIX[lang]}404.html" for lang in LANGUAGES] + [f"{PREFIX[lang]}{page}index.html" for lang in LANGUAGES for page in PAGES])
    assert html == expected


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_html_lang_and_alternates(built_site: Path, lang: str, page: str) -> None:
    path = page_path(built_site, lang, page)
    html = path.read_text(encoding="utf-8")
    assert re.search(rf'<html lang="{lang}"', html)
    # Without SITE_URL the site does not know its address: no hreflang links (they must be
    # absolute); the language switcher leads to the same page in each language.
    assert '<link rel="alternate" hreflang' not in html
    alternates: dict[str, str] = {}
    for tag in re.findall(r'<a [^>]*class="md-select__link"[^>]*>', html):
        hreflang = re.search(r'hreflang="([\w-]+)"', tag)
        href = re.search(r'href="([^"]+)"', tag)
        if hreflang and href:
            assert hreflang.group(1) not in alternates, f"hreflang {hreflang.group(1)} listed twice"
            alternates[hreflang.group(1)] = href.group(1)
    assert set(LANGUAGES) <= set(alternates), alternates
    for other in LANGUAGES:
        target = (path.parent / alternates[other]).resolve() / "index.html"
        assert target == page_path(built_site, other, page).resolve(), (other, alternates[other])
    if "x-default" in alternates:
        assert (path.parent / alternates["x-default"]).resolve() == page_path(built_site, "en", page).parent.resolve()


def test_cyrillic_headings_get_readable_anchors(built_site: Path) -> None:
    html = page_path(built_site, "kk", "").read_text(encoding="utf-8")
    ids = re.findall(r'<h2 id="([^"]+)"', html)
    assert ids and all(re.search(r"[а-яәіңғүұқөһ]", anchor) for anchor in ids), ids
    assert not any(re.fullmatch(r"_\d+", anchor) for anchor in ids)


def test_reader_shows_paragraphs_corrections_and_references(built_site: Path) -> None:
    slug = "new-silk-road-soft-power"
    pages = [f"sources/{slug}/"] + [f"sources/{slug}/part-{n}/" for n in range(2, PART_COUNTS[slug] + 1)]
    article = "".join(page_path(built_site, "en", page).read_text(encoding="utf-8") for page in pages)
    assert article.count('class="sk-pilcrow"') >= 55
    assert 'id="corr-1"' in article and 'href="#corr-1"' in article
    assert "wayendorsementof" in article  # the original reading stays visible beside the correction
    paper = page_path(built_site, "kk", "sources/china-soft-power-central-asia/").read_text(encoding="utf-8")
    for number in range(1, 6):
        assert f'href="#ref-{number}"' in paper and f'id="ref-{number}"' in paper
    assert "@bk.ru" not in paper and "Nurai_n" not in paper


@pytest.mark.parametrize("lang", LANGUAGES)
def test_parts_of_a_long_source_link_to_each_other(built_site: Path, lang: str) -> None:
    slug = "new-silk-road-soft-power"
    count = PART_COUNTS[slug]
    assert count > 1
    for view in ("sources", "sources/parallel"):
        pages = [f"{view}/{slug}/"] + [f"{view}/{slug}/part-{n}/" for n in range(2, count + 1)]
        first = page_path(built_site, lang, pages[0]).parent.resolve()
        seen: set[str] = set()
        for number, page in enumerate(pages, start=1):
            path = page_path(built_site, lang, page)
            html = path.read_text(encoding="utf-8")

            def target(href: str, path: Path = path) -> Path:
                return (path.parent / href.split("#")[0]).resolve() if href.split("#")[0] else path.parent.resolve()

            # Part 1 of each view lists every part, once; the others do not.
            lists = re.findall(r'<nav class="sk-parts".*?</nav>', html, re.S)
            if number == 1:
                assert len(lists) == 1 and lists[0].count("<li>") == count and lists[0].count('aria-current="page"') == 1
                hrefs = re.findall(r'href="([^"]+)"', lists[0])
                assert {target(href) for href in hrefs} == {page_path(built_site, lang, other).parent.resolve() for other in pages[1:]}
            else:
                assert not lists, f"{page}: only part 1 lists every part"
            # Every part has a pager of a few links: the list of parts, its neighbours and the ends.
            pagers = re.findall(r'<nav class="sk-part-pager".*?</nav>', html, re.S)
            assert len(pagers) == (1 if number == 1 else 2)
            for pager in pagers:
                status = re.search(r'class="sk-part-status"><strong>([^<]*)</strong>', pager).group(1)
                assert set(re.findall(r"\d+", status)) == {str(number), str(count)}, status  # "part n of N"
                links = dict((kind, target(href)) for kind, href in re.findall(r'class="sk-part-(\w+)" href="([^"]+)"', pager))
                contents = re.search(r'<a href="([^"]+)">', pager).group(1)
                assert contents.endswith("#sk-parts") and target(contents) == first
                expected = {"prev": number - 1, "next": number + 1, "first": 1 if number > 2 else None, "last": count if number < count - 1 else None}
                expected = {kind: n for kind, n in expected.items() if n is not None and 1 <= n <= count}
                assert links == {kind: page_path(built_site, lang, pages[n - 1]).parent.resolve() for kind, n in expected.items()}
            ids = set(re.findall(r'class="sk-(?:block|row) [^"]*" id="(p-[0-9a-f]+)"', html))
            assert ids and not ids & seen, f"{page}: a paragraph shown in two parts"
            seen |= ids
            # Each correction mark points at this part's own list (the reader) or the same part of the reader.
            reader = page_path(built_site, lang, f"sources/{slug}/" + ("" if number == 1 else f"part-{number}/")).parent
            for href in re.findall(r'class="sk-corr-mark" href="([^"]*)#corr-', html):
                assert (path.parent / href).resolve() == reader.resolve(), (page, href)
        paragraphs = {item.block.block_id for item in DOCUMENTS[slug].blocks if item.block.kind not in HEADING_KINDS + FRONT_KINDS}
        assert paragraphs <= seen, f"{view}: paragraphs shown in no part: {sorted(paragraphs - seen)}"


def test_no_page_loads_anything_from_another_host(built_site: Path) -> None:
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        external = re.findall(r'<(?:script|link|img|iframe|source)\b[^>]*(?:src|href)="(https?:)?//[^"]*"', html)
        external = [tag for tag in re.findall(r'<(?:script|img|iframe|source)\b[^>]*\bsrc="((?:https?:)?//[^"]+)"', html)]
        external += [
            href
            for rel, href in re.findall(r'<link\b[^>]*rel="([^"]+)"[^>]*href="((?:https?:)?//[^"]+)"', html)
            if rel not in ("canonical", "alternate")
        ]
        assert not external, (path, external)
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_search_index_holds_every_language(built_site: Path) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["pipeline"] == []
    docs = index["docs"]

    def texts(lang: str) -> str:
        prefix = PREFIX[lang]
        chosen = [d for d in docs if (d["location"].startswith(prefix) if prefix else not d["location"].startswith(("kk/", "ru/")))]
        return " ".join(d["title"] + " " + d["text"] for d in chosen)

    kazakh, russian, english = texts("kk"), texts("ru"), texts("en")
    assert "мәдениет" in kazakh
    assert "Конфуций" in kazakh
    assert "Дереккөздер" in kazakh and "Дереккөздер" not in russian + english
    assert "Источники" in russian and "Источники" not in kazakh + english
    assert "13.2" in english and "2004" in english
    assert "Nurai_n" not in kazakh + russian + english


def test_two_builds_with_the_same_source_date_epoch_are_identical(built_site: Path, tmp_path: Path) -> None:
    from conftest import run_mkdocs_build

    again = tmp_path / "again"
    result = run_mkdocs_build(ROOT, again)
    assert result.returncode == 0, result.stderr

    def tree(site: Path) -> dict[str, bytes]:
        return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}

    first, second = tree(built_site), tree(again)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_404_page_is_the_default_language(built_site: Path) -> None:
    html = (built_site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in html
    assert 'href="/ru/' not in html.split('class="md-header__option"')[0]


NOT_FOUND_TITLES = {"en": "Page not found", "kk": "Бет табылмады", "ru": "Страница не найдена"}


def _article_links(html: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', html.split("<article", 1)[1].split("</article>", 1)[0])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_404_page_of_each_language_links_relative_to_its_place(built_site: Path, lang: str) -> None:
    """Without SITE_URL every link and asset of kk/404.html is relative to kk/ (file://, a folder)."""
    page = built_site / PREFIX[lang] / "404.html"
    html = page.read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in html and f"<h1>{NOT_FOUND_TITLES[lang]}</h1>" in html
    assert not re.search(r'(?:href|src)="/(?!/)', html), "a root-absolute link"
    links = _article_links(html)
    assert len(links) >= 8
    for href in links:
        target = (page.parent / href).resolve()
        assert (target / "index.html").is_file(), href


PUBLISHED = "https://example.org/soft-power/"


@pytest.fixture(scope="module")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built as for publishing below a path (SITE_URL set)."""
    import os
    import subprocess
    import sys

    site = tmp_path_factory.mktemp("published") / "site"
    env = dict(os.environ, SITE_URL=PUBLISHED, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1700000000")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.mark.parametrize("lang", LANGUAGES)
def test_published_pages_have_absolute_hreflang_and_cite_their_address(published_site: Path, lang: str) -> None:
    html = page_path(published_site, lang, "themes/kazakhstan/").read_text(encoding="utf-8")
    links = dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))
    expected = {other: f"{PUBLISHED}{PREFIX[other]}themes/kazakhstan/" for other in LANGUAGES}
    assert links == {**expected, "x-default": expected["en"]}
    address = f"{PUBLISHED}{PREFIX[lang]}themes/kazakhstan/"
    assert f'<span class="sk-page-url" data-public>{address}</span>' in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_published_404_pages_link_from_the_site_path(published_site: Path, lang: str) -> None:
    """A host returns 404.html for any missing path: with SITE_URL its links start at the site's path."""
    html = (published_site / PREFIX[lang] / "404.html").read_text(encoding="utf-8")
    assert f"<h1>{NOT_FOUND_TITLES[lang]}</h1>" in html
    assert 'createElement("base")' not in html
    links = _article_links(html)
    assert len(links) >= 8
    for href in links:
        assert href.startswith("/soft-power/"), href
        assert (published_site / href.removeprefix("/soft-power/") / "index.html").is_file(), href


def test_scripts_of_the_body_run_deferred_in_their_order() -> None:
    from sourcekit.scripts import defer_scripts

    html = (
        '<html><head><script src="shim.js"></script><script>inline()</script></head><body>'
        '<script>var a=1</script><script src="a.js" data-x="1"></script><script async src="b.js"></script>'
        '<script type="module" src="m.js"></script><script src="c.js"></script></body></html>'
    )
    out = defer_scripts(html)
    assert '<script src="shim.js">' in out, "scripts in <head> keep running in place"
    assert "<script>var a=1</script>" in out and "<script>inline()</script>" in out
    assert '<script defer src="a.js" data-x="1">' in out and '<script defer src="c.js">' in out
    assert '<script async src="b.js">' in out and '<script type="module" src="m.js">' in out
    assert out.index("a.js") < out.index("c.js")


def test_built_pages_defer_material_and_our_scripts(built_site: Path) -> None:
    html = page_path(built_site, "kk", "themes/soft-power/").read_text(encoding="utf-8")
    body = html[html.index("</head>") :]
    external = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", body)
    assert any("bundle." in tag for tag in external) and any("citations.js" in tag for tag in external)
    assert all(" defer" in tag for tag in external), external
    assert "iframe-worker" not in html, "the file:// shim is for the offline edition only"


def test_no_template_source_is_published(built_site: Path) -> None:
    assert not (built_site / "partials").exists(), sorted(str(p) for p in (built_site / "partials").rglob("*"))
    land = (built_site / "assets" / "maps" / "central-asia.svg").read_text(encoding="utf-8")
    assert land.startswith("<svg") and "{{" not in land and "<path" in land
