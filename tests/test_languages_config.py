"""Languages are configuration: mkdocs-static-i18n's ``languages:`` in mkdocs.yml drives them all.

(a) A fourth language, Kyrgyz (``ky``), is added to a copy of the project by configuration and
data alone — its entry in mkdocs.yml, its labels, Material's interface strings for it — and
the copy builds strictly, with pages that show the originals and say they are not translated.
(b) The rules behind it, without a build: the languages read from mkdocs.yml, the prefixes,
the data's languages (the default needed, the others optional, an unknown one refused), the
labels (complete in every language), the fallback of a text of the data.
"""

from __future__ import annotations

import json
import pickle
import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, copy_project, run_mkdocs_build
from sourcekit.errors import InputError
from sourcekit.languages import Languages, Texts, configured, current, languages_in, noting_fallbacks, texts
from sourcekit.labels import read_labels
from sourcekit.schema import Multilingual, Record, validate
from sourcekit.site_model import Project, generated_pages
from sourcekit.urls import SiteUrls
from sourcekit.yamlio import load_yaml

KY_STRINGS = Path(__file__).parent / "data" / "languages" / "ky.html"
KY_ENTRY = """\
        - locale: ky
          name: Кыргызча
          build: true
          site_name: Кытайдын Борбордук Азиядагы жумшак күчү
          site_description: Кытайдын Борбордук Азиядагы жумшак күчү жөнүндө маалымдама.
"""
# The labels this test translates into Kyrgyz (its own wording); every other label of the copy
# takes its English text as its Kyrgyz one, which is enough to show that the interface is checked
# for completeness and built, not a translation of the site.
KY_LABELS = {
    "language.en": "англис тили",
    "language.kk": "казак тили",
    "language.ru": "орус тили",
    "parallel.column.en": "англисче",
    "parallel.column.kk": "казакча",
    "parallel.column.ru": "орусча",
    "sources.title": "Булактар",
    "glossary.title": "Терминдер сөздүгү",
    "page.untranslated_notice": "Бул барак азырынча бул тилге которула элек: ал түп нускасынын тилинде ({language}) берилет.",
    "page.partly_untranslated_notice": (
        "Бул барактагы айрым тексттер азырынча бул тилге которула элек: алар түп нускасынын тилинде ({language}) берилет."
    ),
    "reader.untranslated_notice": (
        "Бул тексттин бардык абзацтары азырынча бул тилге которула элек. Котормосу жок абзацтар түп нускасынын"
        " тилинде ({language}) берилет жана ошондой белгиленет."
    ),
}
NEW_LANGUAGE_LABELS = {
    "language.ky": {"en": "Kyrgyz", "kk": "қырғыз тілі", "ru": "киргизский", "ky": "кыргыз тили"},
    "parallel.column.ky": {"en": "Kyrgyz", "kk": "қырғызша", "ru": "киргизский", "ky": "кыргызча"},
}


def add_kyrgyz(project: Path) -> None:
    """Kyrgyz in the copy: configuration (mkdocs.yml) and data (labels, Material's strings)."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    marker = "  # The offline edition"
    assert marker in text and "      fallback_to_default: false\n" in text
    text = text.replace(marker, KY_ENTRY + marker, 1)
    # A page without a version in a language is shown in the default one (mkdocs-static-i18n
    # 1.3.1 has this switch for all languages only; en, kk and ru have every page).
    text = text.replace("      fallback_to_default: false\n", "      fallback_to_default: true\n", 1)
    config.write_text(text, encoding="utf-8")

    labels_file = project / "hooks" / "data" / "labels.yml"
    labels = yaml.safe_load(labels_file.read_text(encoding="utf-8"))
    for key, value in labels.items():
        value["ky"] = KY_LABELS.get(key, value["en"])
    labels.update(NEW_LANGUAGE_LABELS)
    labels_file.write_text(yaml.safe_dump(labels, allow_unicode=True, width=10_000, sort_keys=False), encoding="utf-8")

    shutil.copy2(KY_STRINGS, project / "overrides" / "partials" / "languages" / "ky.html")


@pytest.fixture(scope="module")
def kyrgyz_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("ky-project"))
    hooks_before = {path.relative_to(project): path.read_bytes() for path in (project / "hooks").rglob("*.py")}
    add_kyrgyz(project)
    assert {path.relative_to(project): path.read_bytes() for path in (project / "hooks").rglob("*.py")} == hooks_before  # no code
    site = tmp_path_factory.mktemp("ky-site")
    result = run_mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    return site


def _page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


KY_PAGES = ["ky/", "ky/themes/kazakhstan/", "ky/sources/china-soft-power-central-asia/", "ky/glossary/", "ky/timeline/",
            "ky/classroom/kazakhstan/"]


@pytest.mark.build
@pytest.mark.parametrize("path", KY_PAGES)
def test_a_language_added_by_configuration_has_every_kind_of_page(kyrgyz_site: Path, path: str) -> None:
    html = _page(kyrgyz_site, path)
    assert re.search(r'<html lang="ky"', html)
    assert 'hreflang="ky"' in html and "Кыргызча" in html  # the language switcher
    assert "sk-untranslated-notice" in html  # the page says what is not translated yet


@pytest.mark.build
def test_the_added_language_shows_the_originals_with_a_note(kyrgyz_site: Path) -> None:
    theme = _page(kyrgyz_site, "ky/themes/kazakhstan/")
    english = _page(kyrgyz_site, "themes/kazakhstan/")
    assert KY_LABELS["page.untranslated_notice"].format(language=KY_LABELS["language.en"]) in theme
    assert re.search(r"<h1[^>]*>(.*?)</h1>", theme, re.S).group(1) == re.search(r"<h1[^>]*>(.*?)</h1>", english, re.S).group(1)
    glossary = _page(kyrgyz_site, "ky/glossary/")
    assert KY_LABELS["page.partly_untranslated_notice"].format(language=KY_LABELS["language.en"]) in glossary
    assert KY_LABELS["glossary.title"] in glossary
    reader = _page(kyrgyz_site, "ky/sources/china-soft-power-central-asia/")
    assert "sk-untranslated" in reader and KY_LABELS["reader.untranslated_notice"].split(" ({")[0][:40] in reader
    assert (kyrgyz_site / "ky" / "404.html").is_file()
    assert (kyrgyz_site / "data" / "facts.ky.csv").is_file()


@pytest.mark.build
def test_the_added_language_has_its_own_search_index(kyrgyz_site: Path) -> None:
    manifest = json.loads((kyrgyz_site / "search" / "search_index.ky.json").read_text(encoding="utf-8"))
    assert manifest
    everything = json.loads((kyrgyz_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any(doc["location"].startswith("ky/") for doc in everything["docs"])


def _article(html: str) -> str:
    match = re.search(r"<article\b.*?</article>", html, re.S)
    assert match
    return match.group(0)


@pytest.mark.build
def test_the_other_languages_are_unchanged(kyrgyz_site: Path, built_site: Path) -> None:
    """en, kk and ru have the same pages, and each page the same article, with or without ky,
    except what the new language rightly adds: a side-by-side view has a Kyrgyz column (so its
    rows differ, and a reader's button names the column)."""

    def pages(site: Path) -> set[Path]:
        return {path.relative_to(site) for path in site.rglob("index.html") if path.relative_to(site).parts[0] != "ky"}

    assert pages(kyrgyz_site) == pages(built_site)
    compared = 0
    for relative in sorted(pages(built_site)):
        if "parallel" in relative.parts:
            continue
        lang = relative.parts[0] if relative.parts[0] in ("kk", "ru") else "en"
        with_ky = (kyrgyz_site / relative).read_text(encoding="utf-8")
        with_ky = with_ky.replace(" | " + NEW_LANGUAGE_LABELS["parallel.column.ky"][lang] + ")", ")")
        assert _article(with_ky) == _article((built_site / relative).read_text(encoding="utf-8")), relative
        compared += 1
    assert compared > 50


# --- (b) the rules, without a build -------------------------------------------------------------


def test_the_languages_come_from_mkdocs_yml(tmp_path: Path) -> None:
    assert languages_in(ROOT / "mkdocs.yml").codes == ("en", "kk", "ru")
    assert Project.at(ROOT).languages == ("en", "kk", "ru")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_url: !ENV [SITE_URL, null]\nplugins:\n  - search\n  - i18n:\n      languages:\n"
        "        - {locale: ru, name: Русский}\n        - {locale: ky, name: Кыргызча, default: true}\n"
        "        - {locale: kk, name: Қазақша, build: false}\n",
        encoding="utf-8",
    )
    assert languages_in(config).codes == ("ky", "ru")  # the default first; a language not built is not one
    config.write_text("theme:\n  name: material\n  language: kk\n", encoding="utf-8")
    assert languages_in(config).codes == ("kk",)


def test_urls_put_every_language_but_the_default_in_its_folder() -> None:
    languages = Languages(("en", "kk", "ru", "ky"))
    assert [languages.prefix(code) for code in languages.codes] == ["", "kk/", "ru/", "ky/"]
    assert SiteUrls(default_language="en").page("glossary", "ky") == "ky/glossary/"
    assert SiteUrls(directory_urls=False, default_language="ky").page("", "ky") == "index.html"
    assert SiteUrls(directory_urls=False, default_language="ky").page("sources/x/index", "en") == "en/sources/x/index.html"
    assert [languages.of_location(place) for place in ("ky/glossary/", "glossary/", "kyiv/", "ky")] == ["ky", "en", "en", "en"]
    assert languages.ordered_from("ru") == ("ru", "en", "kk", "ky")
    with pytest.raises(KeyError):
        languages.prefix("de")


def _check(tmp_path: Path, text: str, schema: Multilingual) -> dict:
    path = tmp_path / "data.yml"
    path.write_text(text, encoding="utf-8")
    data = load_yaml(path)
    validate(data, Record(required={"title": schema}), path=path)
    return data


def test_the_data_follows_the_configured_languages(tmp_path: Path) -> None:
    with configured(("en", "kk", "ru", "ky")):
        assert _check(tmp_path, "title: {en: a, ky: b}\n", Multilingual())["title"] == {"en": "a", "ky": "b"}
        with pytest.raises(InputError, match="'title' needs 'en'"):
            _check(tmp_path, "title: {kk: a, ky: b}\n", Multilingual())
        with pytest.raises(InputError, match="'title' needs 'ky'"):
            _check(tmp_path, "title: {en: a, kk: b, ru: c}\n", Multilingual(needs="every"))
    with configured(("en", "kk", "ru")), pytest.raises(InputError, match="'ky' in 'title' is not a language of the site"):
        _check(tmp_path, "title: {en: a, ky: b}\n", Multilingual())


def test_labels_need_every_language_and_its_name(tmp_path: Path) -> None:
    labels = tmp_path / "labels.yml"
    names = "".join(f"{kind}.{code}: {{en: x, ky: y}}\n" for kind in ("language", "parallel.column") for code in ("en", "ky"))
    labels.write_text(names + "a.b: {en: x, ky: y}\n", encoding="utf-8")
    with configured(("en", "ky")):
        assert read_labels(labels).get("a.b", "ky") == "y"
    labels.write_text(names + "a.b: {en: x}\n", encoding="utf-8")
    with configured(("en", "ky")), pytest.raises(InputError, match=r":5: 'a.b' needs 'ky'"):
        read_labels(labels)
    labels.write_text("language.en: {en: x}\nparallel.column.en: {en: x}\n", encoding="utf-8")
    with configured(("en",)):
        read_labels(labels)
    with configured(("en",)):
        labels.write_text("language.en: {en: x}\n", encoding="utf-8")
        with pytest.raises(InputError, match="no 'parallel.column.en'"):
            read_labels(labels)


def test_a_text_missing_in_a_language_falls_back_to_the_default_and_is_noted() -> None:
    with configured(("en", "kk", "ky")):
        title = texts({"en": " Soft power ", "kk": "Жұмсақ күш"}, strip=True)
    assert isinstance(title, Texts) and title.original == "en"
    with noting_fallbacks() as noted:
        assert title["kk"] == "Жұмсақ күш"
        assert not noted
        assert title["ky"] == "Soft power"
    assert noted == {"ky"} and "ky" not in title
    assert pickle.loads(pickle.dumps(title))["ky"] == "Soft power"  # the model's disk cache
    assert title["ky"] == "Soft power"  # outside a page, nothing is noted and nothing fails


def test_the_registry_of_generated_pages_has_every_configured_language() -> None:
    from sourcekit.model import Knowledge

    knowledge = Knowledge(themes=(), facts=(), events=(), differences=(), terms=())
    pages = generated_pages([], knowledge, ("en", "ky"))
    assert sorted(pages) == sorted(f"{name}.{code}.md" for name in ("sources/index", "glossary", "timeline") for code in ("en", "ky"))


@pytest.mark.slow  # ingests the real seeds
def test_the_real_data_is_complete_in_english_kazakh_and_russian() -> None:
    """The project's own guarantee, kept although the schema would accept a text in English
    alone: every text of its data, every title in the catalogue, every label has en, kk and ru."""
    codes = {"en", "kk", "ru"}
    assert set(current().codes) == codes
    incomplete: list[str] = []

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            keys = set(node)
            if keys and keys <= codes | {"ky"} and "en" in keys and not where.endswith("aliases"):
                if keys != codes:
                    incomplete.append(f"{where}: {sorted(keys)}")
                return
            for key, value in node.items():
                walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{where}[{index}]")

    files = [path for path in (ROOT / "seeds").rglob("*.yml") if "translations" not in path.parts and "structure" not in path.parts]
    files.append(ROOT / "hooks" / "data" / "labels.yml")
    seen = 0
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        before = len(incomplete)
        walk(data, path.relative_to(ROOT).as_posix())
        seen += before == len(incomplete)
    assert not incomplete, incomplete[:10]
    assert seen >= 10  # catalogue, themes, facts, timeline, differences, glossary, charts, kits, corrections, labels
    walk({"title": {"en": "a", "kk": "b"}}, "probe")
    assert incomplete == ["probe.title: ['en', 'kk']"]  # the walk does find a missing language
