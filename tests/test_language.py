"""The checks of Kazakh and Russian prose: each rule with a failing fixture, and the real data passing.

Fixture sentences are written for these tests; none is taken from the sources.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from conftest import slow_fixture

from sourcekit.citations import read_docs
from sourcekit.errors import InputError
from sourcekit.labels import LABELS_FILE
from sourcekit.language_checks import (
    check_data_files,
    check_page,
    dash_problems,
    load_terminology,
    number_problems,
    prose_problems,
    term_problems,
    terminology_for,
    unpaired_notes,
)
from sourcekit.pipeline import SEEDS_DIR, Document, ingest, translation_problems

DOCS_DIR = SEEDS_DIR.parent / "docs"
TERMS = terminology_for(SEEDS_DIR)


@pytest.fixture(scope="module")
@slow_fixture
def article() -> Document:
    return next(document for document in ingest() if document.entry.slug == "new-silk-road-soft-power")


def _translated(document: Document, lang: str, block_id: str, **changes: object) -> Document:
    translations = {language: dict(items) for language, items in document.translations.items()}
    translations[lang][block_id] = dataclasses.replace(translations[lang][block_id], **changes)
    return dataclasses.replace(document, translations=translations)


# --- the real data passes -------------------------------------------------------------------


@pytest.mark.slow
def test_real_translations_pass_the_language_checks() -> None:
    for document in ingest():
        assert translation_problems(document, seeds_dir=SEEDS_DIR) == []


def test_real_pages_pass_the_language_checks() -> None:
    pages = sorted(DOCS_DIR.rglob("*.md"))
    assert any(path.name.endswith(".kk.md") for path in pages) and any(path.name.endswith(".ru.md") for path in pages)
    for path in pages:
        check_page(path, path.read_text(encoding="utf-8"), seeds_dir=SEEDS_DIR)


@pytest.mark.slow
def test_real_data_files_and_labels_pass_the_language_checks() -> None:
    check_data_files(SEEDS_DIR)


def test_the_terminology_has_rules_for_both_languages() -> None:
    assert TERMS.of("kk") and TERMS.of("ru")


# --- numbers in local notation -----------------------------------------------------------------


def test_a_comma_grouping_thousands_is_refused() -> None:
    [problem] = number_problems("Көрмеге 25,000 адам келді.", "kk")
    assert "«25,000»" in problem and "25 000" in problem
    [problem] = number_problems("Тираж составил 1,500 экземпляров, а не больше.", "ru")
    assert "«1,500»" in problem and "write 1500" in problem
    assert number_problems("Их было около 12,000, и не меньше.", "ru")  # a comma after the number


def test_a_decimal_point_is_refused() -> None:
    [problem] = number_problems("Бағасы 4.5 есе өсті.", "kk")
    assert "«4.5»" in problem and "4,5" in problem
    assert number_problems("Рост составил 7.25 процента", "ru")


@pytest.mark.parametrize(
    "text",
    [
        "Бағасы 4,5 есе өсті, ал көрермен 25\u00a0000 болды.",
        "Тираж – 1500 экземпляров, посетителей – 25 000.",
        "Дата обращения: 20.03.2018.",
        "Лицензия CC BY 4.0, Python 3.11, версия 1.2.3.",
        "Абзац p-428fa7 в 2015 году; см. [@new-silk-road-soft-power#p-428fa7].",
        "Адрес: https://example.org/report/1,000/page-2.5.html",
        "Журнал «grew 2.5 times to 10,000» [sic] деп жазады.",
        "Сілтеме [1], беттер 73-89, XXI ғасыр.",
        "Код `3.5` в примере.",
    ],
)
def test_what_is_not_a_number_in_english_notation_passes(text: str) -> None:
    assert number_problems(text, "kk") == [] and number_problems(text, "ru") == []


# --- one term per concept ----------------------------------------------------------------------


def test_a_rejected_form_of_the_terminology_is_refused() -> None:
    [problem] = term_problems("Делегация Пекинге ұшып кетті.", "kk", TERMS)
    assert "«Пекинге»" in problem and "«Бейжің»" in problem and "terminology.yml" in problem
    assert term_problems("Делегация улетела в Пекин.", "ru", TERMS) == []
    assert term_problems("Об этом много писали в массовой дипломатии соседей.", "ru", TERMS)


def test_a_rejected_form_is_right_in_its_allowed_context() -> None:
    assert term_problems("Он окончил школу военного искусства.", "ru", TERMS) == []
    assert term_problems("Там ценят военное искусство и танец.", "ru", TERMS)
    assert term_problems("Отчёт Центра публичной дипломатии вышел весной.", "ru", TERMS) == []
    assert term_problems("Публичная дипломатия – тема урока.", "ru", TERMS)


def test_case_sensitive_terms_and_word_edges() -> None:
    assert term_problems("Келесі ЭКСПО-2030 көрмесі.", "kk", TERMS) == []
    assert term_problems("Келесі EXPO-2030 көрмесі.", "kk", TERMS)
    assert term_problems("Экспорт вырос.", "ru", TERMS) == []
    assert term_problems("В городе открылись два Института Конфуция.", "ru", TERMS) == []
    assert term_problems("В городе открылись два института Конфуция.", "ru", TERMS)


def test_a_quotation_marked_sic_keeps_its_spelling() -> None:
    assert term_problems("Атауы «Ұлы жібек жолы факторлоры» [sic] деп басылған.", "kk", TERMS) == []
    assert term_problems("Атауы «Ұлы жібек жолы факторлоры» деп басылған.", "kk", TERMS)


def test_a_terminology_file_is_validated(tmp_path: Path) -> None:
    path = tmp_path / "terminology.yml"
    path.write_text(
        "concepts:\n  - id: river\n    en: river\n    kk: {preferred: өзен, rejected: [өзен*]}\n    ru: {preferred: река}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="preferred kk form matches its own rejected form"):
        load_terminology(path)
    path.write_text("concepts:\n  - id: river\n    en: river\n    kk: {preferred: өзен}\n    ru: {prefered: река}\n", encoding="utf-8")
    with pytest.raises(InputError, match="did you mean 'preferred'"):
        load_terminology(path)


def test_a_terminology_of_ones_own(tmp_path: Path) -> None:
    path = tmp_path / "terminology.yml"
    path.write_text(
        "concepts:\n  - id: lake\n    en: lake\n    case_sensitive: true\n"
        "    kk: {preferred: көл, rejected: [Көл*], allowed_in: [Көлсай*]}\n"
        "    ru: {preferred: озеро, rejected: [\"озер* вод*\"]}\n",
        encoding="utf-8",
    )
    terms = load_terminology(path)
    assert term_problems("Біз Көлге бардық.", "kk", terms)
    assert term_problems("Біз Көлсай көлдеріне бардық.", "kk", terms) == []
    assert term_problems("Там много озерной  воды.", "ru", terms)  # any run of spaces


# --- one dash --------------------------------------------------------------------------------


def test_other_dashes_are_refused() -> None:
    [problem] = dash_problems("Бұл — біздің мысал.", "kk")
    assert "«—»" in problem and "«–»" in problem
    assert dash_problems("Это - наш пример.", "ru")
    assert dash_problems("Это -- наш пример.", "ru")


def test_the_spaced_en_dash_hyphens_and_ranges_pass() -> None:
    for text in ("Бұл – біздің мысал.", "Сабақ 0–5 минут, 2014–2017 жылдар.", "жекпе-жек, торгово-экономический", "- тізімнің бір жолы"):
        assert dash_problems(text, "kk") == [], text


# --- translator's notes in both languages -----------------------------------------------------


def test_unpaired_notes() -> None:
    notes = {"kk": {"p-aaaaaa"}, "ru": {"p-bbbbbb"}}
    translated = {"kk": {"p-aaaaaa", "p-bbbbbb"}, "ru": {"p-aaaaaa", "p-bbbbbb"}}
    assert unpaired_notes(notes, translated) == [("p-bbbbbb", "kk", "ru"), ("p-aaaaaa", "ru", "kk")]
    assert unpaired_notes(notes, {"kk": {"p-aaaaaa"}, "ru": {"p-bbbbbb"}}) == []  # not translated: another check


def test_a_note_in_one_language_only_fails(article: Document) -> None:
    block_id = next(block_id for block_id, item in article.translations["kk"].items() if item.note)
    [problem] = translation_problems(_translated(article, "ru", block_id, note=None), seeds_dir=SEEDS_DIR)
    assert problem.path.name == "new-silk-road-soft-power.ru.yml"
    assert problem.message.startswith(f"{block_id}: the kk translation has a translator's note and the ru one has none")


# --- where the build runs them ----------------------------------------------------------------


def test_a_translation_with_a_decimal_point_fails(article: Document) -> None:
    block_id = "p-784d07"
    text = article.translations["ru"][block_id].text + " Тираж вырос в 2.5 раза."
    [problem] = translation_problems(_translated(article, "ru", block_id, text=text), seeds_dir=SEEDS_DIR)
    assert problem.message == f"{block_id}: «2.5» has a decimal point; in Russian write 2,5"


def test_a_translators_note_is_checked_too(article: Document) -> None:
    block_id = "p-784d07"
    note = "Примечание — с длинным тире."
    problems = translation_problems(_translated(article, "ru", block_id, note=note), seeds_dir=SEEDS_DIR)
    assert [problem.message.split(":")[0] for problem in problems] == [f"{block_id} (translator's note)"]


def test_a_page_is_refused_with_its_line(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "themes").mkdir(parents=True)
    (docs / "themes" / "lakes.en.md").write_text("# Lakes\n\nAbout 10,000 lakes.\n", encoding="utf-8")
    (docs / "themes" / "lakes.ru.md").write_text("# Озёра\n\nОколо 10 000 озёр.\n\nИх площадь — 3.5 тыс. км².\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_docs(docs, {}, seeds_dir=SEEDS_DIR)
    assert str(caught.value).endswith("lakes.ru.md:5: «3.5» has a decimal point; in Russian write 3,5")


def test_an_english_page_is_not_checked(tmp_path: Path) -> None:
    path = tmp_path / "lakes.en.md"
    check_page(path, "About 10,000 lakes — and 3.5 rivers.", seeds_dir=SEEDS_DIR)


def test_a_data_file_is_refused_with_its_line(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    (seeds / "classroom").mkdir(parents=True)
    (seeds / "terminology.yml").write_text((SEEDS_DIR / "terminology.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (seeds / "classroom" / "lakes.yml").write_text(
        "goals:\n  en: [Count the lakes]\n  kk: [Көлдерді санау]\n  ru:\n    - Посчитать озёра\n    - Их около 12,500\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        check_data_files(seeds, labels_file=LABELS_FILE)
    assert "lakes.yml:6: «12,500» groups thousands with a comma; in Russian write 12 500" in str(caught.value)


def test_prose_problems_gathers_all_three_rules() -> None:
    problems = prose_problems("Америкалық қонақтар — 2.5 мың адам.", "kk", TERMS)
    assert len(problems) == 3


# --- one build with each kind of bad input ------------------------------------------------------


def _break_translation(project: Path) -> tuple[str, str]:
    path = project / "seeds" / "translations" / "china-soft-power-central-asia.ru.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("13,2 тыс.", "13.2 тыс."), encoding="utf-8")
    return "seeds/translations/china-soft-power-central-asia.ru.yml:", "«13.2» has a decimal point; in Russian write 13,2"


def _break_page(project: Path) -> tuple[str, str]:
    path = project / "docs" / "themes" / "kazakhstan.kk.md"
    path.write_text(path.read_text(encoding="utf-8").replace("ЭКСПО-2017", "EXPO-2017"), encoding="utf-8")
    return "docs/themes/kazakhstan.kk.md:", "«EXPO-2017» is not the form this site uses for 'expo'"


def _break_data(project: Path) -> tuple[str, str]:
    path = project / "seeds" / "timeline.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("стал Урумчи – столица", "стал Урумчи — столица"), encoding="utf-8")
    return "seeds/timeline.yml:", "«—» used as a dash; Russian text uses the spaced en dash «–»"


@pytest.mark.build
@pytest.mark.parametrize("breaker", [_break_translation, _break_page, _break_data], ids=["translation", "page", "data"])
def test_bad_prose_stops_the_build_with_one_line(breaker, project_copy: Path, tmp_path: Path) -> None:  # noqa: ANN001
    from conftest import run_mkdocs_build

    where, message = breaker(project_copy)
    result = run_mkdocs_build(project_copy, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    [error] = [line for line in output.splitlines() if line.startswith("ERROR")]
    assert where in error and message in error, error
