"""Each translation check has a failing fixture; real data passes all of them."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from conftest import slow_fixture

from sourcekit.pipeline import SEEDS_DIR, Document, ingest, translation_problems
from sourcekit.translation_checks import coverage, missing_numbers, number_forms, script_problem


@pytest.fixture(scope="module")
@slow_fixture
def article() -> Document:
    return next(document for document in ingest() if document.entry.slug == "new-silk-road-soft-power")


def with_translation(document: Document, lang: str, block_id: str, **changes: object) -> Document:
    translations = {language: dict(items) for language, items in document.translations.items()}
    if changes.get("delete"):
        del translations[lang][block_id]
    else:
        translations[lang][block_id] = dataclasses.replace(translations[lang][block_id], **changes)
    return dataclasses.replace(document, translations=translations)


def problems_of(document: Document) -> list[str]:
    return [problem.message for problem in translation_problems(document, seeds_dir=SEEDS_DIR)]


@pytest.mark.slow
def test_real_translations_are_complete_and_clean() -> None:
    for document in ingest():
        assert problems_of(document) == []
        assert all(done == needed > 0 for done, needed in coverage(document.blocks, document.translations).values())


def test_missing_translation_fails(article: Document) -> None:
    assert problems_of(with_translation(article, "kk", "p-784d07", delete=True)) == ["p-784d07 (paragraph) has no kk translation"]


def test_stale_translation_fails(article: Document) -> None:
    [message] = problems_of(with_translation(article, "ru", "p-784d07", fingerprint="0123456789ab"))
    assert message.startswith("translation of p-784d07 is stale")


def test_missing_number_fails(article: Document) -> None:
    text = article.translations["kk"]["p-784d07"].text.replace("1990", "")
    assert problems_of(with_translation(article, "kk", "p-784d07", text=text)) == [
        "p-784d07: translation lacks 1990 of the original"
    ]


@pytest.mark.slow
def test_missing_citation_marker_fails() -> None:
    paper = next(document for document in ingest() if document.entry.slug == "china-soft-power-central-asia")
    block_id = next(item.block.block_id for item in paper.blocks if "[3]" in item.plain)
    text = paper.translations["ru"][block_id].text.replace("[3]", "")
    assert problems_of(with_translation(paper, "ru", block_id, text=text)) == [f"{block_id}: translation lacks [3] of the original"]


def test_kazakh_without_kazakh_letters_fails(article: Document) -> None:
    russian = article.translations["ru"]["p-784d07"].text
    [message] = problems_of(with_translation(article, "kk", "p-784d07", text=russian))
    assert message == "p-784d07: Kazakh text has no Kazakh-specific letter (ә і ң ғ ү ұ қ ө һ)"


def test_russian_with_kazakh_letters_fails(article: Document) -> None:
    kazakh = article.translations["kk"]["p-784d07"].text
    [message] = problems_of(with_translation(article, "ru", "p-784d07", text=kazakh))
    assert message.startswith("p-784d07: Russian text has Kazakh-specific letters")


def test_implausible_length_fails(article: Document) -> None:
    text = article.translations["ru"]["p-784d07"].text
    short = text[: len(text) // 4] + " 1990"
    [message] = problems_of(with_translation(article, "ru", "p-784d07", text=short))
    assert "times the length of the original" in message


def test_number_forms() -> None:
    assert missing_numbers("about 10,000 students", "около 10 000 студентов") == []
    assert missing_numbers("13.2 thousand", "13,2 тыс.") == []
    assert missing_numbers("the 21st century", "XXI ғасыр") == []
    assert missing_numbers("in 2015", "в 2016 году") == ["2015"]
    assert "XXI" in number_forms("21")
    assert script_problem("Қазақстан", "kk") is None and script_problem("Казахстан", "kk")


@pytest.mark.build
def test_a_seed_without_translation_files_is_shown_in_the_original(project_copy: Path, tmp_path: Path) -> None:
    from conftest import run_mkdocs_build

    for path in (project_copy / "seeds" / "translations").glob("china-soft-power-central-asia.*.yml"):
        path.unlink()
    site = tmp_path / "site"
    result = run_mkdocs_build(project_copy, site)
    assert result.returncode == 0, result.stderr
    html = (site / "kk" / "sources" / "china-soft-power-central-asia" / "index.html").read_text(encoding="utf-8")
    assert "sk-untranslated-notice" in html and 'class="sk-block sk-paragraph sk-untranslated"' in html
