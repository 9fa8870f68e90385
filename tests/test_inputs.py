"""Bad input stops the build with one line naming the file (and line), and loses nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT, run_mkdocs_build
from sourcekit.errors import InputError
from sourcekit.load import load_seed

ARTICLE = "000_038d1e9ada18b428.txt"


def test_load_tolerates_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "seed.txt"
    path.write_bytes("\ufeffFirst line\r\nSecond line\r\n".encode("utf-8"))
    assert load_seed(path) == "First line\nSecond line\n"


def test_load_names_the_line_of_a_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "seed.txt"
    path.write_bytes(b"good line\nsecond line\nbad \xff byte\n")
    with pytest.raises(InputError) as error:
        load_seed(path)
    assert str(error.value).endswith("seed.txt:3: not valid UTF-8: byte 0xff cannot be decoded")


def _break_non_utf8(project: Path) -> tuple[str, str]:
    seed = project / "seeds" / ARTICLE
    seed.write_bytes(seed.read_bytes().replace("Introduction".encode(), b"Intr\xe9duction", 1))
    return f"seeds/{ARTICLE}:57:", "not valid UTF-8"


def _break_empty(project: Path) -> tuple[str, str]:
    (project / "seeds" / ARTICLE).write_text("  \n\n", encoding="utf-8")
    return f"seeds/{ARTICLE}:", "seed is empty"


def _break_uncatalogued(project: Path) -> tuple[str, str]:
    (project / "seeds" / "003_new.txt").write_text("A new text.\n", encoding="utf-8")
    return "seeds/003_new.txt:", "seed has no entry in catalogue.yml"


def _break_missing_seed(project: Path) -> tuple[str, str]:
    (project / "seeds" / ARTICLE).unlink()
    lines = (project / "seeds" / "catalogue.yml").read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, 1) if "slug: new-silk-road-soft-power" in text)
    return f"seeds/catalogue.yml:{line}:", "which does not exist"


def _break_duplicate_slug(project: Path) -> tuple[str, str]:
    catalogue = project / "seeds" / "catalogue.yml"
    text = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(text.replace("slug: china-soft-power-central-asia", "slug: new-silk-road-soft-power"), encoding="utf-8")
    return "seeds/catalogue.yml:", "duplicate slug 'new-silk-road-soft-power'"


def _break_yaml(project: Path) -> tuple[str, str]:
    catalogue = project / "seeds" / "catalogue.yml"
    lines = catalogue.read_text(encoding="utf-8").splitlines()
    index = next(number for number, line in enumerate(lines) if line.strip() == "title:")
    lines[index] = lines[index] + ' "unclosed'  # a quoted scalar that never ends
    catalogue.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return "seeds/catalogue.yml:", "malformed YAML"


def _break_correction(project: Path) -> tuple[str, str]:
    path = project / "seeds" / "corrections" / "new-silk-road-soft-power.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('find: "wayendorsementof"', 'find: "wayendorsementoff"'), encoding="utf-8")
    line = next(number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "wayendorsementoff" in line)
    return f"seeds/corrections/new-silk-road-soft-power.yml:{line}:", "no longer matches the text"


def _break_translation(project: Path) -> tuple[str, str]:
    path = project / "seeds" / "translations" / "new-silk-road-soft-power.kk.yml"
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    index = next(i for i, line in enumerate(lines) if line.strip().startswith("fingerprint:"))
    lines[index] = lines[index].split(":")[0] + ': "000000000000"'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return "seeds/translations/new-silk-road-soft-power.kk.yml:", "is stale"


def _edit_line(path: Path, starts: str, change) -> int:  # noqa: ANN001 - change: str -> str
    """Rewrite the first line of ``path`` that starts (after indentation) with ``starts``; return its number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.strip().startswith(starts))
    lines[index] = change(lines[index])
    path.write_text("\n".join(lines), encoding="utf-8")
    return index + 1


def _charts(project: Path) -> Path:
    return project / "seeds" / "charts.yml"


def _break_charts_empty(project: Path) -> tuple[str, str]:
    _charts(project).write_text("# no charts yet\n", encoding="utf-8")
    return "seeds/charts.yml:", "the file is empty; it must be a mapping with 'charts' and 'map'"


def _break_charts_list(project: Path) -> tuple[str, str]:
    _charts(project).write_text("- id: a-chart\n", encoding="utf-8")
    return "seeds/charts.yml:1:", "the file must be a mapping with 'charts' and 'map', not a list"


def _break_charts_no_bars(project: Path) -> tuple[str, str]:
    path = _charts(project)
    lines = path.read_text(encoding="utf-8").split("\n")
    start = lines.index("    bars:")
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith("      "))
    path.write_text("\n".join(lines[:start] + lines[end:]), encoding="utf-8")
    chart = max(i for i in range(start) if lines[i].startswith("  - id:")) + 1
    return f"seeds/charts.yml:{chart}:", "an item of 'charts' needs 'bars'"


def _break_charts_bar_without_label(project: Path) -> tuple[str, str]:
    path = _charts(project)
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith("        label:"))
    path.write_text("\n".join(lines[:index] + lines[index + 1 :]), encoding="utf-8")
    return f"seeds/charts.yml:{index}:", "an item of 'charts.bars' needs 'label'"


def _break_charts_title_string(project: Path) -> tuple[str, str]:
    path = _charts(project)
    lines = path.read_text(encoding="utf-8").split("\n")
    index = lines.index("    title:")
    lines[index : index + 4] = ["    title: Confucius Institutes"]
    path.write_text("\n".join(lines), encoding="utf-8")
    return f"seeds/charts.yml:{index + 1}:", "'charts.title' must be a mapping of en (the site's default language) and any of kk, ru, not the string 'Confucius Institutes'"


def _break_charts_lon_string(project: Path) -> tuple[str, str]:
    line = _edit_line(_charts(project), "kazakhstan: {lon:", lambda text: text.replace("lon: 67.5", 'lon: "67.5"'))
    return f"seeds/charts.yml:{line}:", "'map.countries.kazakhstan.lon' must be a number from -180 to 180, not the string '67.5'"


def _break_tags_entry_list(project: Path) -> tuple[str, str]:
    path = project / "seeds" / "tags" / "soft-power.yml"
    line = _edit_line(path, "- p-", lambda text: text.replace("- p-83bc04", "- [p-83bc04, p-7f1c0d]"))
    return f"seeds/tags/soft-power.yml:{line}:", "an item of 'new-silk-road-soft-power' must be a paragraph ID like p-1a2b3c, not a list"


def _break_docs_not_utf8(project: Path) -> tuple[str, str]:
    page = project / "docs" / "themes" / "kazakhstan.ru.md"
    data = page.read_bytes()
    lines = data.split(b"\n")
    lines[2] = lines[2] + " caf\xe9".encode("latin-1")
    page.write_bytes(b"\n".join(lines))
    return "docs/themes/kazakhstan.ru.md:3:", "not valid UTF-8: byte 0xe9 cannot be decoded"


def _break_deep_nesting(project: Path) -> tuple[str, str]:
    (project / "seeds" / "facts.yml").write_text("facts:\n  - " + "[" * 20_000 + "]" * 20_000 + "\n", encoding="utf-8")
    return "seeds/facts.yml:2:", "nested more than 64 levels deep"


def _break_alias_bomb(project: Path) -> tuple[str, str]:
    catalogue = project / "seeds" / "catalogue.yml"
    text = catalogue.read_text(encoding="utf-8")
    start = text.index("    notes: >-")
    end = text.index("  - slug:", start)
    levels = ['      - &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghij":
        previous = chr(ord(level) - 1)
        levels.append(f"      - &{level} [" + ",".join([f"*{previous}"] * 9) + "]")
    catalogue.write_text(text[:start] + "    notes:\n" + "\n".join(levels) + "\n" + text[end:], encoding="utf-8")
    line = text[:start].count("\n") + 2
    return f"seeds/catalogue.yml:{line}:", "anchors and aliases (&name, *name) are not allowed in data files"


def _break_nul_in_seed(project: Path) -> tuple[str, str]:
    seed = project / "seeds" / ARTICLE
    seed.write_bytes(seed.read_bytes().replace(b"Introduction", b"Intro\x00duction", 1))
    return f"seeds/{ARTICLE}:57:", "contains a control character U+0000"


def _break_nul_in_yaml(project: Path) -> tuple[str, str]:
    line = _edit_line(project / "seeds" / "themes.yml", "title: {en: Soft power", lambda text: text.replace("Soft power", "Soft\x00power"))
    return f"seeds/themes.yml:{line}:", "contains a control character U+0000"


def _break_unknown_key(project: Path) -> tuple[str, str]:
    path = project / "seeds" / "translations" / "new-silk-road-soft-power.kk.yml"
    line = _edit_line(path, "note:", lambda text: text.replace("note:", "nte:"))
    return f"seeds/translations/new-silk-road-soft-power.kk.yml:{line}:", "unknown key 'nte' in 'blocks.p-"


def _stray(project: Path, relative: str) -> None:
    (project / "seeds" / relative).write_text("{}\n", encoding="utf-8")


def _break_stray_translation(project: Path) -> tuple[str, str]:
    _stray(project, "translations/silk-road.kk.yml")
    return "seeds/translations/silk-road.kk.yml:", "translation of 'silk-road', which is not a catalogued slug; slugs: "


def _break_translation_language(project: Path) -> tuple[str, str]:
    _stray(project, "translations/new-silk-road-soft-power.de.yml")
    return "seeds/translations/new-silk-road-soft-power.de.yml:", "translation into 'de', which is not a language of the site"


def _break_stray_correction(project: Path) -> tuple[str, str]:
    _stray(project, "corrections/silk-road.yml")
    return "seeds/corrections/silk-road.yml:", "corrections for 'silk-road', which is not a catalogued slug"


def _break_stray_tags(project: Path) -> tuple[str, str]:
    _stray(project, "tags/soft-powers.yml")
    return "seeds/tags/soft-powers.yml:", "'soft-powers' is not a theme; files in tags/ are named <theme>.yml after one of: belt-and-road"


def _break_stray_classroom(project: Path) -> tuple[str, str]:
    _stray(project, "classroom/silk-road.yml")
    return "seeds/classroom/silk-road.yml:", "'silk-road' is not a theme; files in classroom/"


def _break_impossible_date(project: Path) -> tuple[str, str]:
    line = _edit_line(project / "seeds" / "timeline.yml", "date:", lambda text: text.split("date:")[0] + "date: 1989-13-45")
    return f"seeds/timeline.yml:{line}:", "'events.date' must be a real date YYYY, YYYY-MM or YYYY-MM-DD, not '1989-13-45'"


def _break_empty_variant(project: Path) -> tuple[str, str]:
    line = _edit_line(project / "seeds" / "glossary.yml", "variants: [", lambda text: text.replace("variants: [", 'variants: ["", '))
    return f"seeds/glossary.yml:{line}:", "an item of 'terms.variants' is empty; it must be a non-empty string"


def _break_theme_slug(project: Path) -> tuple[str, str]:
    line = _edit_line(project / "seeds" / "themes.yml", "- slug: soft-power", lambda text: text.replace("soft-power", '"Bad Slug/../x"'))
    return f"seeds/themes.yml:{line}:", "'themes.slug' must be lower-case words joined by hyphens (a-z, 0-9), not 'Bad Slug/../x'"


def _break_uppercase_suffix(project: Path) -> tuple[str, str]:
    (project / "seeds" / "003_new.TXT").write_text("A new text.\n", encoding="utf-8")
    return "seeds/003_new.TXT:", "seed has no entry in catalogue.yml"


def _break_catalogue_file(project: Path, file: str) -> tuple[str, str]:
    line = _edit_line(project / "seeds" / "catalogue.yml", f"file: {ARTICLE}", lambda text: text.replace(ARTICLE, file))
    return f"seeds/catalogue.yml:{line}:", "'sources.file' must be a plain file name in seeds/ ending in .txt, .md or .pdf"


def _break_seed_symlink(project: Path) -> tuple[str, str]:
    outside = project.parent / "hostname"
    outside.write_text("build-host-7\n", encoding="utf-8")
    seed = project / "seeds" / ARTICLE
    seed.unlink()
    seed.symlink_to(outside)
    return f"seeds/{ARTICLE}:", "is a link to a file outside seeds/"


def _break_list_title(project: Path) -> tuple[str, str]:
    catalogue = project / "seeds" / "catalogue.yml"
    line = _edit_line(catalogue, 'text: "Soft power of China in Central Asia"', lambda text: text.split("text:")[0] + "text: [Soft power, China]")
    return f"seeds/catalogue.yml:{line}:", "'sources.title.en.text' must be a non-empty string, not a list"


CASES = {
    "seed not UTF-8": _break_non_utf8,
    "empty seed": _break_empty,
    "seed without catalogue entry": _break_uncatalogued,
    "catalogue entry without seed": _break_missing_seed,
    "duplicate slug": _break_duplicate_slug,
    "malformed YAML": _break_yaml,
    "correction no longer matches": _break_correction,
    "stale translation": _break_translation,
    "charts.yml empty": _break_charts_empty,
    "charts.yml a list": _break_charts_list,
    "chart without bars": _break_charts_no_bars,
    "chart bar without label": _break_charts_bar_without_label,
    "chart title a string": _break_charts_title_string,
    "map lon a string": _break_charts_lon_string,
    "tags entry a list": _break_tags_entry_list,
    "docs page not UTF-8": _break_docs_not_utf8,
    "YAML nested 20000 deep": _break_deep_nesting,
    "alias bomb in catalogue notes": _break_alias_bomb,
    "NUL byte in seed": _break_nul_in_seed,
    "NUL byte in YAML": _break_nul_in_yaml,
    "unknown key nte": _break_unknown_key,
    "translation of unknown slug": _break_stray_translation,
    "translation into another language": _break_translation_language,
    "corrections of unknown slug": _break_stray_correction,
    "tags of unknown theme": _break_stray_tags,
    "classroom kit of unknown theme": _break_stray_classroom,
    "impossible date": _break_impossible_date,
    "empty glossary variant": _break_empty_variant,
    "theme slug with a path": _break_theme_slug,
    "seed with upper-case .TXT": _break_uppercase_suffix,
    "catalogue file absolute": lambda project: _break_catalogue_file(project, "/etc/hostname"),
    "catalogue file with ../": lambda project: _break_catalogue_file(project, "../README.md"),
    "seed linked to outside": _break_seed_symlink,
    "list-valued title": _break_list_title,
}


@pytest.mark.build
@pytest.mark.parametrize("name", CASES)
def test_bad_input_stops_the_build_cleanly(name: str, project_copy: Path, tmp_path: Path) -> None:
    where, message = CASES[name](project_copy)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the good site", encoding="utf-8")
    result = run_mkdocs_build(project_copy, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    error_lines = [line for line in output.splitlines() if line.startswith("ERROR")]
    assert len(error_lines) == 1, output
    assert where in error_lines[0] and message in error_lines[0], error_lines[0]
    assert sorted(path.name for path in site.iterdir()) == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "the good site"


@pytest.mark.build
def test_an_email_address_in_a_translation_is_never_published(project_copy: Path, tmp_path: Path) -> None:
    """Good input, not bad: the build succeeds, and the address is withheld when the YAML is read."""
    address = "translator.kz@example.org"
    path = project_copy / "seeds" / "translations" / "china-soft-power-central-asia.kk.yml"
    _edit_line(path, "text:", lambda text: text[:-1] + f' Хат жазыңыз: {address}"')
    _edit_line(path, "note:", lambda text: text[:-1] + f' Аудармашы: {address}"')
    site = tmp_path / "site"
    result = run_mkdocs_build(project_copy, site)
    assert result.returncode == 0, result.stdout + result.stderr
    notice = "[электрондық пошта мекенжайы жарияланбайды]"
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))  # every document
    assert f"Хат жазыңыз: {notice}" in " ".join(doc["text"] for doc in index["docs"])
    reader = (site / "kk" / "sources" / "china-soft-power-central-asia" / "index.html").read_text(encoding="utf-8")
    assert f"Хат жазыңыз: {notice}" in reader
    leaks = [path for path in site.rglob("*") if path.is_file() and address.encode() in path.read_bytes()]
    assert leaks == []


@pytest.mark.build
def test_a_third_article_needs_only_a_file_and_an_entry(project_copy: Path, tmp_path: Path) -> None:
    """A new seed with an entry becomes a reader in three languages; HTML in it stays text."""
    seeds = project_copy / "seeds"
    (seeds / "003_test.txt").write_text(
        "## A THIRD TEXT\n\nA paragraph that mentions <script>alert('x')</script> as text [1].\n\n"
        "## References:\n\n- 1. A reference.\n",
        encoding="utf-8",
    )
    with (seeds / "catalogue.yml").open("a", encoding="utf-8") as catalogue:
        catalogue.write(
            "  - slug: third-text\n    file: 003_test.txt\n    type: manuscript\n    original_language: en\n"
            "    title:\n      en: {text: A third text, origin: source}\n"
            "      kk: {text: Үшінші мәтін, origin: editors}\n      ru: {text: Третий текст, origin: editors}\n"
            "    authors: unknown\n    affiliation: unknown\n    year: unknown\n"
        )
    site = tmp_path / "site"
    result = run_mkdocs_build(project_copy, site)
    assert result.returncode == 0, result.stderr
    for prefix in ("", "kk/", "ru/"):
        html = (site / prefix / "sources" / "third-text" / "index.html").read_text(encoding="utf-8")
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
        assert "<script>alert(" not in html
        assert 'href="#ref-1"' in html


@pytest.mark.slow
def test_the_disk_cache_is_used_only_for_the_same_inputs_and_survives_garbage(tmp_path: Path) -> None:
    from mkdocs_sourcekit.model_cache import ModelCache
    from mkdocs_sourcekit.preview import Preview
    from sourcekit.site_model import Project

    cache = tmp_path / "cache"
    models = ModelCache(project=Project.at(ROOT), preview=Preview(), cache_dir=cache)
    data = models.refresh()
    key = models.key
    assert [path.name for path in cache.iterdir()] == [f"{key}.pickle"]
    again = ModelCache(project=Project.at(ROOT), preview=Preview(), cache_dir=cache)
    assert again.fingerprint() == key
    again.key = key
    stored = again._read_disk()
    assert stored is not None and [d.entry.slug for d in stored.documents] == [d.entry.slug for d in data.documents]
    assert stored.knowledge.terms == data.knowledge.terms and stored.pages == data.pages
    again.key = "another-key"
    assert again._read_disk() is None, "other inputs never reuse the data"
    (cache / f"{key}.pickle").write_bytes(b"not a pickle")
    again.key = key
    assert again._read_disk() is None, "an unreadable cache means a fresh ingest, not an error"
    again.key = "newer"
    again._write_disk(data)
    assert [path.name for path in cache.iterdir()] == ["newer.pickle"], "only the newest entry is kept"


def test_a_corrected_title_needs_its_printed_form(tmp_path: Path) -> None:
    """``origin: corrected`` keeps the title as printed (citations of the original use it);
    ``printed`` without it, or the reverse, is refused with the line."""
    from sourcekit.catalogue import load_catalogue
    from sourcekit.bibliography import source_citations

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("A text.\n", encoding="utf-8")

    def catalogue(kk_title: str) -> Path:
        path = seeds / "catalogue.yml"
        path.write_text(
            "sources:\n  - slug: a\n    file: a.txt\n    type: manuscript\n    original_language: kk\n    title:\n"
            "      en: {text: A text, origin: editors}\n" + kk_title + "      ru: {text: Текст, origin: editors}\n"
            "    authors: unknown\n    affiliation: unknown\n    year: unknown\n",
            encoding="utf-8",
        )
        return path

    entry = load_catalogue(catalogue("      kk: {text: Дұрыс атауы, origin: corrected, printed: Дурыс атаую}\n"))[0]
    assert entry.titles["kk"].text == "Дұрыс атауы" and entry.titles["kk"].as_printed == "Дурыс атаую"
    assert source_citations(entry, lang="en").gost.startswith("Дурыс атаую")
    for bad in ("      kk: {text: Атауы, origin: corrected}\n", "      kk: {text: Атауы, origin: source, printed: Атауы}\n"):
        with pytest.raises(InputError, match=r"catalogue\.yml:\d+: title\.kk: a title with origin 'corrected' needs 'printed'"):
            load_catalogue(catalogue(bad))
