"""Bad input stops the build with one line naming the file (and line), and loses nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_mkdocs_build
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
    lines[11] = lines[11] + ' "unclosed'
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


CASES = {
    "seed not UTF-8": _break_non_utf8,
    "empty seed": _break_empty,
    "seed without catalogue entry": _break_uncatalogued,
    "catalogue entry without seed": _break_missing_seed,
    "duplicate slug": _break_duplicate_slug,
    "malformed YAML": _break_yaml,
    "correction no longer matches": _break_correction,
    "stale translation": _break_translation,
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
            "  - slug: third-text\n    file: 003_test.txt\n    kind: student_paper\n    original_language: en\n"
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


def test_the_disk_cache_is_used_only_for_the_same_inputs_and_survives_garbage(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    import sources

    monkeypatch.setattr(sources, "CACHE_DIR", tmp_path / "cache")
    data = sources.site_data()
    key = sources._fingerprint()
    sources._write_disk_cache(key, data)
    assert [path.name for path in (tmp_path / "cache").iterdir()] == [f"{key}.pickle"]
    again = sources._read_disk_cache(key)
    assert again is not None and [d.entry.slug for d in again.documents] == [d.entry.slug for d in data.documents]
    assert again.knowledge.terms == data.knowledge.terms
    assert sources._read_disk_cache("another-key") is None, "other inputs never reuse the data"
    (tmp_path / "cache" / f"{key}.pickle").write_bytes(b"not a pickle")
    assert sources._read_disk_cache(key) is None, "an unreadable cache means a fresh ingest, not an error"
    sources._write_disk_cache("newer", data)
    assert [path.name for path in (tmp_path / "cache").iterdir()] == ["newer.pickle"], "only the newest entry is kept"
