"""Citations like a research library: catalogue records, APA and GOST by citeproc-py with the
official CSL styles, Highwire Press meta tags, and BibTeX, RIS and CSL-JSON downloads.

The four fixture records are invented (names, titles and journals of our own). The expected
strings were checked by hand against the APA 7th edition reference examples (journal article
with DOI, non-English title with a bracketed translation, report by a publisher, up to 20
authors listed) and GOST R 7.0.5-2008 (author heading with initials after the family name,
"//" before the container, "Т."/"№"/"С." in Russian, "и др." after the first of four or more
authors), as the official styles apply them.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

import codecs

import pybtex.database
import pytest
import rispy
from sourcekit.bibliography import csl_item, format_entry, highwire_tags, page_citations, source_citations
from sourcekit.catalogue import CatalogueEntry, Name, Publication, Title, load_catalogue
from sourcekit.errors import InputError
from sourcekit.exports import bibtex, csl_json, ris

from conftest import run_mkdocs_build

ROOT = Path(__file__).resolve().parents[1]


def _entry(slug: str, type_: str, lang: str, titles: dict, authors: tuple, year: int | None, publication: Publication, genre: dict | None = None) -> CatalogueEntry:
    return CatalogueEntry(
        slug=slug,
        file=f"{slug}.txt",
        type=type_,
        original_language=lang,
        titles={code: Title(text=text, origin=origin) for code, (text, origin) in titles.items()},
        authors=authors,
        affiliation=None,
        supervisor=None,
        year=year,
        notes="",
        line=1,
        genre=genre,
        publication=publication,
    )


ONE = _entry(
    "one", "article-journal", "en",
    {"en": ("Soft power and its limits", "source"), "kk": ("Жұмсақ күш және оның шектері", "editors"), "ru": ("Мягкая сила и её пределы", "editors")},
    (Name(family="Doe", given="Jane"),), 2021,
    Publication(container_title="Journal of Eurasian Studies", volume="12", issue="2", pages="101-118", doi="10.1000/jes.2021.12.2.101"),
)
TWO = _entry(
    "two", "article-journal", "ru",
    {"en": ("Chinese educational exchanges in Kazakhstan", "editors"), "kk": ("Қытайдың Қазақстандағы білім беру алмасулары", "editors"), "ru": ("Образовательные обмены Китая в Казахстане", "source")},
    (Name(family="Иванов", given="Алексей Борисович"), Name(family="Петрова", given="Мария Сергеевна")), 2019,
    Publication(container_title="Вестник евразийских исследований", volume="3", issue="88", pages="45-60"),
)
THREE = _entry(
    "three", "report", "en",
    {"en": ("Confucius Institutes in Central Asia", "source"), "kk": ("Орталық Азиядағы Конфуций институттары", "editors"), "ru": ("Институты Конфуция в Центральной Азии", "editors")},
    (Name(family="Ахметова", given="Айгерім"), Name(family="Li", given="Wei"), Name(family="Smith", given="John A.")), 2020,
    Publication(publisher="Central Asia Policy Institute", publisher_place="Almaty", url="https://example.org/reports/ci-2020"),
)
EIGHT = _entry(
    "eight", "paper-conference", "kk",
    {"en": ("The Belt and Road in regional media", "editors"), "kk": ("«Белдеу және жол» аймақтық БАҚ-та", "source"), "ru": ("«Пояс и путь» в региональных СМИ", "editors")},
    tuple(
        Name(family=family, given=given)
        for family, given in [("Әбілқасымов", "Ерлан"), ("Omarova", "Dana"), ("Сергеева", "Ольга"), ("Chen", "Yu"), ("Жақыпов", "Нұрлан"), ("Brown", "Emily"), ("Тоқтаров", "Асқар"), ("Ким", "Виктор")]
    ),
    2018,
    Publication(container_title="Қазақстан және Орталық Азия: конференция материалдары", pages="5-12", publisher="Ғылым", publisher_place="Алматы"),
)
EIGHT_NAMES = "Әбілқасымов, Е., Omarova, D., Сергеева, О., Chen, Y., Жақыпов, Н., Brown, E., Тоқтаров, А., &amp; Ким, В. (2018)."

EXPECTED = {
    ("one", "en"): (
        "Doe, J. (2021). Soft power and its limits. <i>Journal of Eurasian Studies</i>, <i>12</i>(2), 101–118. https://doi.org/10.1000/jes.2021.12.2.101",
        "Doe J. Soft power and its limits // Journal of Eurasian Studies. 2021. Vol. 12, № 2. P. 101–118.",
    ),
    ("one", "ru"): (
        "Doe, J. (2021). Soft power and its limits [Мягкая сила и её пределы]. <i>Journal of Eurasian Studies</i>, <i>12</i>(2), 101–118. https://doi.org/10.1000/jes.2021.12.2.101",
        "Doe J. Soft power and its limits // Journal of Eurasian Studies. 2021. Т. 12, № 2. С. 101–118.",
    ),
    ("one", "kk"): (
        "Doe, J. (2021). Soft power and its limits [Жұмсақ күш және оның шектері]. <i>Journal of Eurasian Studies</i>, <i>12</i>(2), 101–118. https://doi.org/10.1000/jes.2021.12.2.101",
        "Doe J. Soft power and its limits // Journal of Eurasian Studies. 2021. Т. 12, № 2. Б. 101–118.",
    ),
    ("two", "en"): (
        "Иванов, А. Б., &amp; Петрова, М. С. (2019). Образовательные обмены Китая в Казахстане [Chinese educational exchanges in Kazakhstan]. <i>Вестник евразийских исследований</i>, <i>3</i>(88), 45–60.",
        "Иванов А.Б., Петрова М.С. Образовательные обмены Китая в Казахстане // Вестник евразийских исследований. 2019. Vol. 3, № 88. P. 45–60.",
    ),
    ("two", "ru"): (
        "Иванов, А. Б., &amp; Петрова, М. С. (2019). Образовательные обмены Китая в Казахстане. <i>Вестник евразийских исследований</i>, <i>3</i>(88), 45–60.",
        "Иванов А.Б., Петрова М.С. Образовательные обмены Китая в Казахстане // Вестник евразийских исследований. 2019. Т. 3, № 88. С. 45–60.",
    ),
    ("three", "en"): (
        "Ахметова, А., Li, W., &amp; Smith, J. A. (2020). <i>Confucius Institutes in Central Asia</i>. Central Asia Policy Institute. https://example.org/reports/ci-2020",
        "Ахметова А., Li W., Smith J.A. Confucius Institutes in Central Asia. Almaty: Central Asia Policy Institute, 2020.",
    ),
    ("three", "ru"): (
        "Ахметова, А., Li, W., &amp; Smith, J. A. (2020). <i>Confucius Institutes in Central Asia [Институты Конфуция в Центральной Азии]</i>. Central Asia Policy Institute. https://example.org/reports/ci-2020",
        "Ахметова А., Li W., Smith J.A. Confucius Institutes in Central Asia. Almaty: Central Asia Policy Institute, 2020.",
    ),
    ("eight", "en"): (
        EIGHT_NAMES + " «Белдеу және жол» аймақтық БАҚ-та [The Belt and Road in regional media]. <i>Қазақстан және Орталық Азия: конференция материалдары</i>, 5–12.",
        "Әбілқасымов Е. et al. «Белдеу және жол» аймақтық БАҚ-та // Қазақстан және Орталық Азия: конференция материалдары. Алматы: Ғылым, 2018. P. 5–12.",
    ),
    ("eight", "ru"): (
        EIGHT_NAMES + " «Белдеу және жол» аймақтық БАҚ-та [«Пояс и путь» в региональных СМИ]. <i>Қазақстан және Орталық Азия: конференция материалдары</i>, 5–12.",
        "Әбілқасымов Е. и др. «Белдеу және жол» аймақтық БАҚ-та // Қазақстан және Орталық Азия: конференция материалдары. Алматы: Ғылым, 2018. С. 5–12.",
    ),
    ("eight", "kk"): (
        EIGHT_NAMES + " «Белдеу және жол» аймақтық БАҚ-та. <i>Қазақстан және Орталық Азия: конференция материалдары</i>, 5–12.",
        "Әбілқасымов Е. т.б. «Белдеу және жол» аймақтық БАҚ-та // Қазақстан және Орталық Азия: конференция материалдары. Алматы: Ғылым, 2018. Б. 5–12.",
    ),
}
ENTRIES = {entry.slug: entry for entry in (ONE, TWO, THREE, EIGHT)}


@pytest.mark.slow
@pytest.mark.parametrize(("slug", "lang"), sorted(EXPECTED))
def test_apa_and_gost_for_one_two_three_and_eight_authors(slug: str, lang: str) -> None:
    """Every author, the title as printed (with the translation into the page's language in
    brackets in APA), and the style's terms in the page's language."""
    formatted = source_citations(ENTRIES[slug], lang=lang)
    assert (str(formatted.apa), str(formatted.gost)) == EXPECTED[slug, lang]


def test_a_work_without_authors_is_cited_by_its_title_once() -> None:
    """APA puts the title in the author's place; it is not printed a second time (CSL's rule
    for substituted variables, which citeproc-py 0.11 misses for a macro)."""
    item = {"id": "x", "type": "article-journal", "title": "An unsigned article", "container-title": "A Weekly", "language": "en"}
    apa = format_entry(item, style="apa", lang="en")
    assert apa.count("An unsigned article") == 1 and apa.startswith("An unsigned article")
    for lang in ("en", "kk", "ru"):
        assert str(format_entry(item, style="gost", lang=lang)).count("An unsigned article") == 1


def test_no_date_is_said_in_the_page_language() -> None:
    item = {"id": "x", "type": "manuscript", "title": "Notes", "author": [{"family": "Doe", "given": "Jane"}], "language": "en"}
    assert "(n.d.)" in format_entry(item, style="apa", lang="en")
    assert "(б. д.)" in format_entry(item, style="apa", lang="ru")
    assert "(ж.ж.)" in format_entry(item, style="apa", lang="kk")


PAYLOAD = '<script>alert(1)</script> <img src=x onerror=alert(2)> & "quoted" \ue000'


def test_every_text_of_a_record_is_escaped() -> None:
    """citeproc-py's HTML formatter escapes its own words only: names, titles, containers and
    addresses reach the page as text."""
    item = {
        "id": "x", "type": "article-journal", "title": PAYLOAD, "container-title": PAYLOAD, "language": "en",
        "author": [{"family": PAYLOAD, "given": "A"}, {"literal": PAYLOAD}], "URL": "https://e.org/?a=1&b=<2>", "publisher": PAYLOAD,
    }
    for style in ("apa", "gost"):
        for lang in ("en", "kk", "ru"):
            out = str(format_entry(item, style=style, lang=lang))
            assert "<script" not in out and "<img" not in out and "\ue000" not in out
            assert set(re.findall(r"</?([a-z]+)", out)) <= {"i"}, out
            assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
            assert "alert(1)" in html.unescape(out)


def test_the_page_citation_keeps_the_build_date_and_the_address() -> None:
    """"Cite this page": a web page by the editors, with the build date and the public address."""
    def cite(lang: str):
        return page_citations(title="Soft power", editors="Editors of the site", site_name="A site", url="https://example.org/themes/x/", date="2026-12-01", lang=lang)

    en, ru, kk = cite("en"), cite("ru"), cite("kk")
    assert str(en.apa) == "Editors of the site. (2026, December 1). <i>Soft power</i>. A Site. https://example.org/themes/x/"
    assert str(en.gost) == "Editors of the site. Soft power [Electronic resource] // A site. 2026. URL: https://example.org/themes/x/ (accessed: 01.12.2026)."
    assert str(ru.gost) == "Editors of the site. Soft power [Электронный ресурс] // A site. 2026. URL: https://example.org/themes/x/ (дата обращения: 01.12.2026)."
    assert "(2026)" in ru.apa and "(2026)" in kk.apa  # APA's "2026, December 1" has no Russian or Kazakh form
    assert "01.12.2026" in kk.gost and "https://example.org/themes/x/" in kk.gost


# --- the catalogue ---------------------------------------------------------------------

BASE = """sources:
  - slug: a-text
    file: a.txt
    type: {type}
    original_language: ru
    title:
      en: {{text: A text, origin: editors}}
      kk: {{text: Мәтін, origin: editors}}
      ru: {{text: Текст, origin: source}}
    authors:
{authors}
    affiliation: unknown
    year: 2019
{extra}"""


def _catalogue(tmp_path: Path, *, type_: str = "article-journal", authors: str = "      - {family: Иванов, given: А. Б.}", extra: str = "") -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir(exist_ok=True)
    (seeds / "a.txt").write_text("Текст.\n", encoding="utf-8")
    path = seeds / "catalogue.yml"
    path.write_text(BASE.format(type=type_, authors=authors, extra=extra), encoding="utf-8")
    return path


def test_a_full_record_is_read(tmp_path: Path) -> None:
    extra = (
        "    container_title: Вестник\n    volume: 3\n    issue: 2(88)\n    pages: 45-60\n    doi: 10.1234/abc.5\n"
        "    url: https://example.org/a\n    publisher: Наука\n    publisher_place: Алматы\n    accessed: 2022-03-20\n"
        "    genre: {en: Policy brief, kk: Талдамалық жазба, ru: Аналитическая записка}\n"
    )
    authors = "      - {family: Иванов, given: Алексей, latin: {family: Ivanov, given: Aleksei}}\n      - literal: Институт"
    (entry,) = load_catalogue(_catalogue(tmp_path, type_="report", authors=authors, extra=extra))
    assert entry.authors == (Name(family="Иванов", given="Алексей", latin=Name(family="Ivanov", given="Aleksei")), Name(literal="Институт"))
    assert entry.publication == Publication(
        container_title="Вестник", volume="3", issue="2(88)", pages="45-60", doi="10.1234/abc.5", url="https://example.org/a",
        publisher="Наука", publisher_place="Алматы", accessed="2022-03-20",
    )
    assert csl_item(entry)["author"] == [{"family": "Иванов", "given": "Алексей"}, {"literal": "Институт"}]


@pytest.mark.parametrize(
    ("authors", "extra", "type_", "message"),
    [
        ("      - Ivanov A. B.", "", "article-journal", "must be a name"),
        ("      - {given: Алексей}", "", "article-journal", "needs 'family'"),
        ("      - {family: Иванов, middle: Б.}", "", "article-journal", "unknown key 'middle'"),
        ("      - {family: Иванов}", "", "journal_article", "must be one of article-journal"),
        ("      - {family: Иванов}", "    doi: https://doi.org/10.1/x\n", "article-journal", "a DOI such as 10.1234/abc"),
        ("      - {family: Иванов}", "    url: javascript:alert(1)\n", "article-journal", "an http:// or https:// address"),
        ("      - {family: Иванов}", "    pages: many\n", "article-journal", "a page or a range"),
        ("      - {family: Иванов}", "    accessed: 2022-13-01\n", "article-journal", "a real date"),
        ("      - {family: Иванов}", "    journal: Вестник\n", "article-journal", "unknown key 'journal'"),
    ],
)
def test_a_bad_record_is_refused_with_its_line(tmp_path: Path, authors: str, extra: str, type_: str, message: str) -> None:
    with pytest.raises(InputError) as error:
        load_catalogue(_catalogue(tmp_path, type_=type_, authors=authors, extra=extra))
    assert message in error.value.message and error.value.line and error.value.line > 1, error.value


def test_the_two_seeds_say_only_what_their_texts_say() -> None:
    article, paper = load_catalogue(ROOT / "seeds" / "catalogue.yml")
    assert article.type == "article-journal" and article.authors is None and article.publication == Publication()
    assert paper.type == "manuscript" and paper.genre and paper.publication == Publication()
    assert paper.authors == (Name(family="Eskermesova", given="Nuraiym Nurlybekovna", cyrillic=Name(family="Ескермесова")),)
    raw = (ROOT / "seeds" / "002_69c31a2c818111c0.txt").read_text(encoding="utf-8")
    assert "Eskermesova Nuraiym Nurlybekovna" in raw and "Bolysbekova M.K." in raw


def test_the_title_cited_is_the_one_printed_in_the_page_language() -> None:
    """The journal article prints Kazakh and Russian titles: Russian pages cite the Russian one."""
    article = load_catalogue(ROOT / "seeds" / "catalogue.yml")[0]
    assert csl_item(article, lang="ru")["title"] == article.titles["ru"].text
    assert csl_item(article, lang="kk")["title"] == article.titles["kk"].as_printed
    assert str(source_citations(article, lang="ru").gost).startswith(article.titles["ru"].text)


# --- downloads -----------------------------------------------------------------------------

def _latex(value: str) -> str:
    return codecs.decode(value, "ulatex")


@pytest.mark.parametrize("entry", [ONE, TWO, THREE, EIGHT], ids=lambda entry: entry.slug)
def test_each_download_parses_back_to_the_catalogue(entry: CatalogueEntry) -> None:
    item = csl_item(entry)
    names = [f"{name.family}, {name.given}" for name in entry.authors]
    (bib,) = pybtex.database.parse_string(bibtex([entry]), "bibtex").entries.values()
    assert _latex(bib.fields["title"]) == item["title"] and bib.fields["year"] == str(entry.year)
    assert [_latex(str(person)) for person in bib.persons["author"]] == names
    assert bib.fields["pages"] == entry.publication.pages.replace("-", "--") if entry.publication.pages else "pages" not in bib.fields
    (record,) = rispy.loads(ris([entry]))
    assert record["title"] == item["title"] and record["authors"] == names and record["year"] == str(entry.year)
    assert record.get("secondary_title") == entry.publication.container_title
    assert record.get("publisher") == entry.publication.publisher and record.get("urls", [None])[0] == entry.publication.url
    assert json.loads(csl_json([entry])) == [item]


def test_downloads_keep_markup_characters_as_text() -> None:
    entry = _entry("x", "article-journal", "en", {code: ("A & B {C} <i>", "source") for code in ("en", "kk", "ru")}, (Name(literal="Lab & Co"),), None, Publication(container_title="J. {of} X"))
    (bib,) = pybtex.database.parse_string(bibtex([entry]), "bibtex").entries.values()
    assert _latex(bib.fields["title"]) == "A & B {C} <i>"
    (record,) = rispy.loads(ris([entry]))
    assert record["title"] == "A & B {C} <i>" and record["authors"] == ["Lab & Co"]


def test_highwire_tags_name_every_author_and_the_container() -> None:
    tags = highwire_tags(ONE, public_url="https://example.org/sources/one/")
    assert tags == [
        ("citation_title", "Soft power and its limits"),
        ("citation_author", "Doe, Jane"),
        ("citation_publication_date", "2021"),
        ("citation_journal_title", "Journal of Eurasian Studies"),
        ("citation_volume", "12"),
        ("citation_issue", "2"),
        ("citation_doi", "10.1000/jes.2021.12.2.101"),
        ("citation_firstpage", "101"),
        ("citation_lastpage", "118"),
        ("citation_language", "en"),
        ("citation_public_url", "https://example.org/sources/one/"),
    ]
    assert [value for name, value in highwire_tags(EIGHT, public_url=None) if name == "citation_author"][-1] == "Ким, Виктор"
    assert ("citation_technical_report_institution", "Central Asia Policy Institute") in highwire_tags(THREE, public_url=None)


# --- the built site --------------------------------------------------------------------------

def _meta(page: str) -> list[tuple[str, str]]:
    return [(name, html.unescape(content)) for name, content in re.findall(r'<meta name="(citation_[a-z_]+)" content="([^"]*)">', page)]


@pytest.mark.build
@pytest.mark.parametrize("prefix", ["", "kk/", "ru/"])
def test_readers_carry_the_record_and_theme_pages_a_web_page(built_site: Path, prefix: str) -> None:
    """Zotero and Google Scholar read the same record of a text on every page of its reader, in
    every language; a theme page is a web page by the editors, in the page's language."""
    for entry in load_catalogue(ROOT / "seeds" / "catalogue.yml"):
        readers = sorted((built_site / prefix / "sources" / entry.slug).glob("**/index.html"))
        readers = [path for path in readers if "parallel" not in path.parts]
        assert readers, entry.slug
        for path in readers:
            tags = _meta(path.read_text(encoding="utf-8"))
            assert tags == highwire_tags(entry, public_url=None), path
    theme = _meta((built_site / prefix / "themes" / "soft-power" / "index.html").read_text(encoding="utf-8"))
    lang = prefix.rstrip("/") or "en"
    assert [name for name, _ in theme] == ["citation_title", "citation_author", "citation_date", "citation_language"]
    assert dict(theme)["citation_language"] == lang and re.fullmatch(r"\d{4}/\d{2}/\d{2}", dict(theme)["citation_date"])
    assert not _meta((built_site / prefix / "glossary" / "index.html").read_text(encoding="utf-8"))


@pytest.mark.build
@pytest.mark.parametrize("prefix", ["", "kk/", "ru/"])
def test_downloads_are_linked_from_each_reader_and_the_data_page(built_site: Path, prefix: str) -> None:
    entries = load_catalogue(ROOT / "seeds" / "catalogue.yml")
    for entry in entries:
        page = built_site / prefix / "sources" / entry.slug / "index.html"
        links = re.findall(r'<a href="([^"]+)" download type="[^"]+">(BibTeX|RIS|CSL-JSON)</a>', page.read_text(encoding="utf-8"))
        assert [name for _, name in links] == ["BibTeX", "RIS", "CSL-JSON"], page
        for href, _ in links:
            target = (page.parent / href).resolve()
            assert target.is_file() and target.stem == entry.slug, href
        bib = pybtex.database.parse_file(str(page.parent / links[0][0]), "bibtex")
        assert list(bib.entries) == [entry.slug]
    data = (built_site / prefix / "data" / "index.html").read_text(encoding="utf-8")
    for extension in ("bib", "ris", "json"):
        (href,) = re.findall(rf'href="([^"]*bibliography\.{extension})"', data)
        assert (built_site / prefix / "data" / href).resolve().is_file()
    whole = rispy.loads((built_site / "data" / "bibliography.ris").read_text(encoding="utf-8"))
    assert [record["id"] for record in whole] == [entry.slug for entry in entries]
    assert json.loads((built_site / "data" / "bibliography.json").read_text(encoding="utf-8")) == [csl_item(entry) for entry in entries]


@pytest.mark.build
def test_cite_the_original_names_every_author_in_each_language(built_site: Path) -> None:
    paper = load_catalogue(ROOT / "seeds" / "catalogue.yml")[1]
    for prefix, no_date in (("", "(n.d.)"), ("kk/", "(ж.ж.)"), ("ru/", "(б. д.)")):
        page = (built_site / prefix / "sources" / paper.slug / "index.html").read_text(encoding="utf-8")
        section = page[page.index('class="sk-cite-page"'):]
        if prefix:  # on a Kazakh or Russian page the English name and title are marked as English
            assert '<span lang="en">Eskermesova, N. N.</span>' in section
        section = re.sub(r"<[^>]*>", "", section)
        assert f"Eskermesova, N. N. {no_date}" in section and "Eskermesova N.N. " in section
        assert paper.genre[prefix.rstrip("/") or "en"] in section
