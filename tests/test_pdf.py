"""Texts straight from PDF: PDFs made for the tests (scripts/make_test_pdfs.py) against their truth.

Body paragraphs intact ≥ 95 %, headings ≥ 90 %, footnotes ≥ 90 %, the printed page of each
body paragraph right ≥ 98 %, no running head or page number left in the text; one test per
kind of bad PDF, each stopping with one line; a strict build with a PDF among the seeds.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import slow_fixture
import yaml

from ingest_truth import Score, entry_for, score
from sourcekit.clean import load_rules
from sourcekit.errors import InputError
from sourcekit.pipeline import Document, ingest_seed, read_seed
from sourcekit.report import full_report, lost_lines

PDFS = Path(__file__).parent / "data" / "pdf"
GOOD = sorted(path for path in PDFS.glob("*.pdf") if not path.name.startswith("bad_"))
RULES = load_rules()


def _same(found: str, expected: str) -> bool:
    return re.sub(r"\s+", " ", found).strip() == re.sub(r"\s+", " ", expected).strip()


def ingest_pdf(path: Path, tmp: Path) -> tuple[Document, dict]:
    truth = yaml.safe_load(path.with_suffix(".truth.yml").read_text(encoding="utf-8"))
    seeds = tmp / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, seeds / path.name)
    return ingest_seed(entry_for(seeds / path.name, truth), seeds_dir=seeds, rules=RULES, strict=False), truth


@pytest.fixture(scope="module")
@slow_fixture
def ingested(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Document, dict]]:
    return {path.name: ingest_pdf(path, tmp_path_factory.mktemp(path.stem)) for path in GOOD}


def test_the_pdfs_cover_three_languages_and_both_layouts() -> None:
    names = {path.name for path in GOOD}
    assert {"ru_article.pdf", "kk_twocol.pdf", "en_table.pdf"} <= names


@pytest.mark.parametrize("name", [path.name for path in GOOD])
def test_pdf_comes_through_whole(name: str, ingested: dict) -> None:
    document, truth = ingested[name]
    result = score(PDFS / name, document, truth)
    detail = "\n".join(f"missing {key}: {items[:3]}" for key, items in result.missing.items())
    assert Score.ratio(result.body) >= 0.95, f"body {result.body}\n{detail}"
    assert Score.ratio(result.headings) >= 0.9, f"headings {result.headings}\n{detail}"
    assert Score.ratio(result.references) >= 0.95, f"references {result.references}\n{detail}"
    assert Score.ratio(result.citations) >= 0.9, f"citations {result.citations}\n{detail}"
    assert result.furniture_left == [], "running heads or page numbers left in the text"
    shown = " ".join(item.block.text for item in document.blocks)
    for line in truth.get("furniture", []):
        if len(line) >= 12:
            assert line not in shown


def test_body_paragraphs_of_all_pdfs_together(ingested: dict) -> None:
    """At least 95 % of all the body paragraphs come through intact."""
    found = expected = 0
    for name, (document, truth) in ingested.items():
        result = score(PDFS / name, document, truth)
        found, expected = found + result.body[0], expected + result.body[1]
    assert found / expected >= 0.95, (found, expected)


def test_footnotes_are_footnotes_linked_from_their_calls(ingested: dict) -> None:
    found = expected = 0
    for document, truth in ingested.values():
        notes = {item.block.number: item for item in document.blocks if item.block.kind == "footnote"}
        for note in truth.get("footnotes", []):
            expected += 1
            item = notes.get(note["number"])
            if item is not None and _same(item.block.text, note["text"]):
                found += 1
        calls = {segment.number for item in document.blocks for segment in item.segments if segment.kind == "footnote_call"}
        assert calls == set(notes), "every footnote is called from the text, every call has its note"
    assert expected and found / expected >= 0.9, (found, expected)


def test_every_paragraph_knows_its_printed_page(ingested: dict) -> None:
    right = total = 0
    for document, truth in ingested.values():
        pages = {re.sub(r"\s+", " ", item.block.text).strip(): item.block.page for item in document.blocks if item.block.kind == "paragraph"}
        for text, page in zip(truth["body"], truth["body_pages"]):
            total += 1
            right += pages.get(re.sub(r"\s+", " ", text).strip()) == str(page)
    assert total and right / total >= 0.98, (right, total)


@pytest.mark.parametrize("name", [path.name for path in GOOD])
def test_no_line_of_a_pdf_is_lost_and_the_report_shows_pages(name: str, ingested: dict) -> None:
    document, _truth = ingested[name]
    text, layout = read_seed(PDFS / name)
    assert layout is not None and lost_lines(document, text) == []
    report = full_report(document, text)
    assert "page" in report.splitlines()[2] and re.search(r"\n\w+\s+\w\w\s+\d+(?:-\d+)?\s+\d+\s", report)


@pytest.mark.slow
def test_extracting_the_same_pdf_twice_gives_the_same_ids(tmp_path: Path) -> None:
    first, _ = ingest_pdf(GOOD[0], tmp_path / "a")
    second, _ = ingest_pdf(GOOD[0], tmp_path / "b")
    assert [item.block.block_id for item in first.blocks] == [item.block.block_id for item in second.blocks]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("bad_encrypted.pdf", "is encrypted with a password"),
        ("bad_image_only.pdf", "has no text layer (a scanned image?): it needs OCR"),
        ("bad_broken.pdf", "is damaged or truncated"),
        ("bad_no_unicode.pdf", "cannot be decoded (a font without a Unicode map"),
    ],
)
@pytest.mark.slow
def test_a_bad_pdf_stops_with_one_line_saying_why(name: str, message: str, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copyfile(PDFS / name, seeds / name)
    with pytest.raises(InputError) as error:
        ingest_seed(entry_for(seeds / name, {"original_language": "en", "title": "T"}), seeds_dir=seeds, rules=RULES)
    assert message in str(error.value) and str(error.value).count("\n") == 0 and name in str(error.value)


def test_a_file_named_pdf_that_is_not_one_is_refused(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "fake.pdf").write_text("Just text, not a PDF.\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        ingest_seed(entry_for(seeds / "fake.pdf", {"original_language": "en", "title": "T"}), seeds_dir=seeds, rules=RULES)
    assert "is not a PDF" in str(error.value)


@pytest.mark.build
def test_a_pdf_seed_builds_strict_in_three_languages_with_pages(project_copy: Path, tmp_path: Path) -> None:
    from conftest import run_mkdocs_build

    seeds = project_copy / "seeds"
    shutil.copyfile(PDFS / "ru_article.pdf", seeds / "ru_article.pdf")
    catalogue = yaml.safe_load((seeds / "catalogue.yml").read_text(encoding="utf-8"))
    titles = {"en": ("China's soft power in Central Asia (Russian article)", "editors"), "kk": ("Қытайдың Орталық Азиядағы жұмсақ күші (орыс тіліндегі мақала)", "editors"), "ru": ("Мягкая сила Китая в Центральной Азии", "source")}
    catalogue["sources"].append({
        "slug": "pdf-article", "file": "ru_article.pdf", "type": "article-journal", "original_language": "ru",
        "title": {code: {"text": text, "origin": origin} for code, (text, origin) in titles.items()},
        "authors": "unknown", "affiliation": "unknown", "year": "unknown",
    })
    (seeds / "catalogue.yml").write_text(yaml.safe_dump(catalogue, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = tmp_path / "site"
    result = run_mkdocs_build(project_copy, site)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "seeds/ru_article.pdf (pdf): " in result.stdout + result.stderr
    for prefix, label in (("", "p. 88"), ("kk/", "88-бет"), ("ru/", "с. 88")):
        html = (site / prefix / "sources" / "pdf-article" / "index.html").read_text(encoding="utf-8")
        assert f'<span class="sk-page"' in html and label in html, prefix
        assert 'class="sk-block sk-footnote' in html and 'class="sk-fn-call"' in html


@pytest.mark.browser
def test_a_pdf_printed_by_chromium_reads_the_same(browser, tmp_path: Path) -> None:  # noqa: ANN001 - the session's Chromium
    """Another producer: an article of our own printed to PDF by Chromium (Skia), with a
    running head and page numbers in its margins, reads as cleanly as the fpdf2 ones."""
    html = Path(__file__).parent / "data" / "pdf_html" / "ru_exchange.html"
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    pdf = seeds / "ru_exchange.pdf"
    page = browser.new_page()
    try:
        page.goto(html.as_uri())
        page.pdf(
            path=str(pdf), format="A5", display_header_footer=True,
            header_template='<div style="font-size:7pt;width:100%;text-align:center">Вестник тестового университета. № 1/2024</div>',
            footer_template='<div style="font-size:8pt;width:100%;text-align:center"><span class="pageNumber"></span></div>',
            margin={"top": "50px", "bottom": "50px", "left": "40px", "right": "40px"},
        )
    finally:
        page.close()
    document = ingest_seed(entry_for(pdf, {"original_language": "ru", "title": "T"}), seeds_dir=seeds, rules=RULES, strict=False)
    kinds = [item.block.kind for item in document.blocks]
    assert kinds.count("title") == 1 and kinds.count("abstract") == 1 and kinds.count("keywords") == 1
    assert [item.block.text for item in document.blocks if item.block.kind == "heading"] == ["Введение", "Данные и методы", "Результаты", "Заключение"]
    assert kinds.count("paragraph") == 6 and kinds.count("reference") == 2
    assert {item.reason for item in document.removed} == {"running head", "page number"}
    shown = " ".join(item.block.text for item in document.blocks)
    assert "Вестник тестового" not in shown
    assert {item.block.page for item in document.blocks} == {"1", "2"}
