"""New texts come through whole: fixtures in every common format, measured against their truth.

Each fixture in ``tests/data/ingest/`` (written for the tests, laid out as PDF extraction or
web copy really is) has a ground-truth file; the ingest must keep body paragraphs intact
(≥ 95 %), find the headings (≥ 90 %), the references (≥ 95 %), link the citation markers
(≥ 90 %), and leave no furniture in the text. No line of any seed or fixture is lost.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import slow_fixture
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest_truth import Score, fixtures, ingest_fixture, score, truth_of
from sourcekit.catalogue import load_catalogue
from sourcekit.clean import load_rules
from sourcekit.errors import InputError
from sourcekit.hints import load_hints
from sourcekit.load import load_seed
from sourcekit.pipeline import ingest_seed
from sourcekit.report import full_report, lost_lines, summary_line
from sourcekit.segment import segment_text

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
FIXTURES = fixtures()
RULES = load_rules(SEEDS / "cleaning.yml")


@pytest.fixture(scope="module")
@slow_fixture
def ingested(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple]:
    """Every fixture ingested once: {name: (document, truth, score)}."""
    result = {}
    for path in FIXTURES:
        document = ingest_fixture(path, RULES, tmp_path_factory.mktemp(path.stem))
        truth = truth_of(path)
        result[path.name] = (document, truth, score(path, document, truth))
    return result


@pytest.mark.slow
def test_there_is_a_fixture_for_every_common_format() -> None:
    formats = {truth_of(path)["format"] for path in FIXTURES}
    languages = {truth_of(path)["original_language"] for path in FIXTURES}
    assert len(FIXTURES) >= 8
    assert formats == {"pdf_text", "markdown", "web"} and languages == {"en", "kk", "ru"}


@pytest.mark.parametrize("name", [path.name for path in FIXTURES])
def test_fixture_comes_through_whole(name: str, ingested: dict[str, tuple]) -> None:
    document, truth, result = ingested[name]
    detail = "\n".join(f"missing {key}: {items[:3]}" for key, items in result.missing.items())
    assert Score.ratio(result.body) >= 0.95, f"body paragraphs {result.body}\n{detail}"
    assert Score.ratio(result.headings) >= 0.90, f"headings {result.headings}\n{detail}"
    assert Score.ratio(result.references) >= 0.95, f"references {result.references}\n{detail}"
    assert Score.ratio(result.citations) >= 0.90, f"citations linked {result.citations}\n{detail}"
    assert Score.ratio(result.list_items) >= 0.90, f"list items {result.list_items}\n{detail}"
    assert result.furniture_left == [], "furniture left in the text"


@pytest.mark.parametrize("name", [path.name for path in FIXTURES])
def test_fixture_front_matter(name: str, ingested: dict[str, tuple]) -> None:
    """The title, abstracts, keywords and metadata lines are where the truth says."""
    document, truth, _ = ingested[name]
    blocks = [item.block for item in document.blocks]
    titles = [block.text for block in blocks if block.kind == "title"]
    if truth.get("title"):
        assert titles and _same(titles[0], truth["title"]), titles
    else:
        assert titles == []
    abstracts = {block.lang: block.text for block in blocks if block.kind == "abstract"}
    for language, text in (truth.get("abstracts") or {}).items():
        assert language in abstracts and _same(abstracts[language], text), (language, abstracts.get(language, "")[:80])
    keywords = [block.text for block in blocks if block.kind == "keywords"]
    for text in (truth.get("keywords") or {}).values():
        assert any(_same(found, text) for found in keywords), text
    meta = [block.text for block in blocks if block.kind == "meta"]
    for line in truth.get("metadata", []):
        assert any(_same(found, line) for found in meta), line
    body = [block for block in blocks if block.kind in ("paragraph", "list_item", "heading")]
    assert not any(block.kind in ("abstract", "keywords") for block in blocks[blocks.index(body[0]) : blocks.index(body[-1])] if block.lang == truth["original_language"] and truth.get("abstracts", {}).get(block.lang) is None)


@pytest.mark.parametrize("name", [path.name for path in FIXTURES])
def test_fixture_footnotes_quotes_and_tables(name: str, ingested: dict[str, tuple]) -> None:
    document, truth, _ = ingested[name]
    blocks = [item.block for item in document.blocks]
    notes = {block.number: block.text for block in blocks if block.kind == "footnote"}
    for note in truth.get("footnotes", []):
        assert note["number"] in notes and _same(notes[note["number"]], note["text"]), note
    quotes = [block.text for block in blocks if block.kind == "quote"]
    for quote in truth.get("quotes", []):
        assert any(_same(found, quote) for found in quotes), quote
    tables = [block.text for block in blocks if block.kind == "preformatted"]
    for table in truth.get("preformatted", []):
        expected = [re.sub(r"\s+", " ", line) for line in table.split("\n")]
        assert any([re.sub(r"\s+", " ", line.strip()) for line in found.split("\n")] == expected for found in tables), table


def _same(found: str, expected: str) -> bool:
    return re.sub(r"\s+", " ", found).strip() == re.sub(r"\s+", " ", expected.replace("\u00ad", "")).strip()


@pytest.mark.parametrize("path", [*sorted(SEEDS.glob("*.txt")), *sorted(SEEDS.glob("*.md")), *FIXTURES], ids=lambda path: path.name)
def test_no_line_of_a_text_is_lost(path: Path, ingested: dict[str, tuple], tmp_path: Path) -> None:
    """Every line of every seed and fixture is in a shown block or listed as removed."""
    if path.parent == SEEDS:
        entry = next(entry for entry in load_catalogue(SEEDS / "catalogue.yml") if entry.file == path.name)
        document = ingest_seed(entry, seeds_dir=SEEDS, rules=RULES)
    else:
        document = ingested[path.name][0]
    assert lost_lines(document, load_seed(path)) == []


def test_a_text_that_shows_its_pages_gives_each_paragraph_its_printed_page(ingested: dict[str, tuple]) -> None:
    """Form feeds and page numbers (alone or in running heads) number the pages of a PDF extract."""
    document, _truth, _ = ingested["ru_journal.txt"]
    pages = [item.block.page for item in document.blocks if item.block.kind == "paragraph"]
    assert pages[0] == "87" and set(pages) == {"87", "88"} and pages == sorted(pages)  # the body ends on p. 88
    plain, _truth, _ = ingested["md_article.md"]
    assert {item.block.page for item in plain.blocks} == {None}, "no pages where the text shows none"


def test_the_report_lists_every_block_and_the_counts(ingested: dict[str, tuple]) -> None:
    document, _truth, _ = ingested["ru_journal.txt"]
    text = load_seed(FIXTURES[[path.name for path in FIXTURES].index("ru_journal.txt")])
    report = full_report(document, text)
    assert report.count("\n") > len(document.blocks)
    assert "references_heading" in report and "Removed as furniture:" in report and "Counts:" in report
    assert document.removed and all(f"line {item.line} " in report for item in document.removed)
    line = summary_line(document)
    assert line.startswith("seeds/ru_journal.txt (pdf_text): ") and "7 references" in line


def test_an_unlinked_citation_is_reported_not_fatal(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    text = (
        "A Title For The Test\n\nIntroduction\n\nA sentence of the body that cites a missing work [5] and a present one [1].\n\n"
        "References\n\n1. Author A. A book about things. – City, 2020.\n"
    )
    (seeds / "x.txt").write_text(text, encoding="utf-8")
    document = ingest_fixture_text(seeds, "x.txt")
    assert any("citation '[5]' names no reference" in problem for problem in document.problems)
    linked = [segment.text for item in document.blocks for segment in item.segments if segment.kind == "citation"]
    assert linked == ["[1]"]


def ingest_fixture_text(seeds: Path, name: str):
    from ingest_truth import entry_for

    return ingest_seed(entry_for(seeds / name, {"original_language": "en", "title": "T"}), seeds_dir=seeds, rules=RULES, strict=False)


def test_an_empty_body_stops_the_build_with_one_line(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "x.txt").write_text("УДК 327\n\nA TITLE ONLY\n", encoding="utf-8")
    from ingest_truth import entry_for

    with pytest.raises(InputError) as error:
        ingest_seed(entry_for(seeds / "x.txt", {"original_language": "en", "title": "T"}), seeds_dir=seeds, rules=RULES)
    assert "no body text was found" in str(error.value) and "x.txt" in str(error.value)


# --- Hints --------------------------------------------------------------------------------


def test_hints_say_where_the_body_starts_and_what_a_range_is(tmp_path: Path) -> None:
    text = "A Short Title\n\nAn unlabelled summary of the whole article, long enough to look like a paragraph of text.\n\nFirst words of the body, which is what follows the summary here.\n"
    plain = segment_text(text, rules=RULES)
    assert [block.kind for block in plain.blocks] == ["title", "paragraph", "paragraph"]
    hints_file = tmp_path / "x.yml"
    hints_file.write_text('body:\n  starts: "First words"\nkinds:\n  - lines: 1\n    kind: meta\n', encoding="utf-8")
    hinted = segment_text(text, rules=RULES, hints=load_hints(hints_file))
    assert [block.kind for block in hinted.blocks] == ["meta", "abstract", "paragraph"]


@pytest.mark.parametrize(
    ("content", "message", "line"),
    [
        ("bdy:\n  starts: 3\n", "unknown key 'bdy'", 1),
        ("furniture:\n  - '^(unclosed'\n", "is not a valid regular expression", 2),
        ("kinds:\n  - lines: 9-3\n    kind: meta\n", "runs backwards", 2),
        ("kinds:\n  - lines: 3\n    kind: sidebar\n", "must be one of", 3),
        ("format: pdf\n", "must be one of pdf_text, markdown, web, not 'pdf'", 1),
    ],
)
def test_bad_hints_stop_with_file_and_line(tmp_path: Path, content: str, message: str, line: int) -> None:
    path = tmp_path / "x.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_hints(path)
    assert message in str(error.value) and error.value.line == line, str(error.value)


def test_furniture_named_in_the_hints_is_removed(tmp_path: Path) -> None:
    text = "Introduction\n\nA paragraph of the body text that goes on.\n\nJOURNAL OF TESTS\n\nAnother paragraph of the body text.\n"
    path = tmp_path / "x.yml"
    path.write_text("furniture:\n  - '^JOURNAL OF TESTS$'\n", encoding="utf-8")
    result = segment_text(text, rules=RULES, hints=load_hints(path))
    assert [item.text for item in result.removed] == ["JOURNAL OF TESTS"]
    assert all("JOURNAL" not in block.text for block in result.blocks)


# --- Properties -----------------------------------------------------------------------------

_WORDS = st.lists(st.sampled_from("soft power China culture Kazakhstan мягкая сила Китай культура жұмсақ күш Қытай мәдениет".split()), min_size=3, max_size=30)
_LINE = st.one_of(
    _WORDS.map(lambda words: " ".join(words).capitalize() + "."),
    _WORDS.map(lambda words: " ".join(words)),
    st.sampled_from(["", "", "12", "Introduction", "References", "Keywords: a, b", "• an item", "1) first", "\f", "- 1. Ref.", "УДК 327"]),
)


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINE, min_size=1, max_size=40), st.sampled_from(["pdf_text", "web", "markdown"]))
def test_property_no_line_is_lost(lines: list[str], fmt: str) -> None:
    text = "\n".join(lines) + "\n"
    result = segment_text(text, rules=RULES, fmt=fmt)
    covered = {line for block in result.blocks for line in range(block.line, block.end_line + 1)}
    covered |= {item.line for item in result.removed}
    missing = [number for number, line in enumerate(text.split("\n"), start=1) if line.replace("\f", "").strip() and number not in covered]
    assert missing == []


@pytest.mark.slow
@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=0, max_value=5), st.text(alphabet="abcdefghij klmnop", min_size=5, max_size=40))
def test_property_an_id_does_not_change_when_another_paragraph_changes(which: int, extra: str) -> None:
    paragraphs = [f"Paragraph number {n} of the body says something about soft power and ends here." for n in range(6)]
    text = "Introduction\n\n" + "\n\n".join(paragraphs) + "\n"
    before = {block.text: block.block_id for block in segment_text(text, rules=RULES).blocks}
    changed = list(paragraphs)
    changed[which] = changed[which][:-1] + " " + extra.strip() + "."
    after = {block.text: block.block_id for block in segment_text("Introduction\n\n" + "\n\n".join(changed) + "\n", rules=RULES).blocks}
    for n, paragraph in enumerate(paragraphs):
        if n != which:
            assert after[paragraph] == before[paragraph]


# --- A build with every fixture added ---------------------------------------------------------


@pytest.mark.build
def test_all_fixtures_added_to_the_seeds_build_strict_in_three_languages(project_copy: Path, tmp_path: Path) -> None:
    from conftest import run_mkdocs_build

    seeds = project_copy / "seeds"
    catalogue = yaml.safe_load((seeds / "catalogue.yml").read_text(encoding="utf-8"))
    expected = {}
    for path in FIXTURES:
        truth = truth_of(path)
        slug = "fixture-" + path.stem.replace("_", "-")
        shutil.copyfile(path, seeds / path.name)
        title = truth.get("title") or path.stem
        language = truth["original_language"]
        titles = {code: {"text": title, "origin": "source" if code == language else "editors"} for code in ("en", "kk", "ru")}
        entry = {
            "slug": slug, "file": path.name, "type": "article-journal", "original_language": language, "title": titles,
            "authors": "unknown", "affiliation": "unknown", "year": "unknown", "format": truth["format"],
        }
        catalogue["sources"].append(entry)
        expected[path.name] = (slug, len(truth.get("references", [])) + len(truth.get("references_transliterated", [])))
    (seeds / "catalogue.yml").write_text(yaml.safe_dump(catalogue, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = tmp_path / "site"
    result = run_mkdocs_build(project_copy, site)
    assert result.returncode == 0, result.stderr[-3000:]
    output = result.stdout + result.stderr
    for name, (slug, references) in expected.items():
        summary = next(line for line in output.splitlines() if f"seeds/{name} (" in line)
        assert f" {references} references" in summary, summary
        for prefix in ("", "kk/", "ru/"):
            page = site / prefix / "sources" / slug / "index.html"
            assert page.is_file(), page
            html = page.read_text(encoding="utf-8")
            assert 'class="sk-block sk-paragraph' in html
    # The new kinds of block (quotes, tables, footnotes, list bullets, pages) are valid HTML.
    from test_quality import vnu_errors

    errors = vnu_errors(site / "sources")
    assert errors == [], errors[:5]


def test_a_numbered_heading_at_a_page_top_is_not_a_running_head() -> None:
    """A section heading that opens a page and shares words with the title stays in the text,
    and so does the title (found by the tiny test site: both were removed as running heads)."""
    body = (
        "Scholars who travel between universities bring their notes and habits with them, and the "
        "archives they leave behind are read by the next visitors for many years afterwards.\n"
    )
    page_one = "Travelling Scholars and Common Archives:\nA Short Study\n\n1. Introduction\n\n" + body * 6
    page_two = "2. Common archives\n\n" + body * 6 + "\n3\n"
    text = "Journal of Regional Letters, 2021, No. 4\n" + page_one + "\n2\n\f" + "Journal of Regional Letters, 2021, No. 4\n" + page_two
    result = segment_text(text, rules=RULES, fmt="pdf_text")
    texts = [block.text for block in result.blocks]
    removed = [item.text for item in result.removed]
    assert any(text_.startswith("2. Common archives") for text_ in texts), (texts[:4], removed)
    assert any("Travelling Scholars and Common Archives" in text_ for text_ in texts), (texts[:4], removed)
    assert any("Journal of Regional Letters" in item for item in removed), removed
