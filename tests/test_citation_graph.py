"""The citation graph (``hooks/sourcekit/citation_graph.py``): what each page cites, from its rendering.

The readers' "cited on" links come from it, so it must hold every citation a page shows: the
page's own ``[@…]`` citations and those its generated sections make (key figures, the map,
differences, the timeline), and the classroom kits' citations.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT
from sourcekit.citation_graph import build_graph, page_title
from sourcekit.citations import targets
from sourcekit.site_model import Project, SiteModel, assemble

# It assembles the real site model (about a second).
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def model() -> SiteModel:
    return assemble(Project.at(ROOT))


def _written_citations(path: Path) -> set[str]:
    """The ``source#paragraph`` of every citation written in a page of ``docs/``."""
    return {f"{source}#{paragraph}" for source, paragraph in targets(path.read_text(encoding="utf-8"))}


@pytest.mark.parametrize("lang", ["en", "kk", "ru"])
def test_every_citation_written_on_a_theme_page_is_in_the_graph(model: SiteModel, lang: str) -> None:
    pages = sorted((ROOT / "docs" / "themes").glob(f"*.{lang}.md"))
    assert pages
    for path in pages:
        key = "themes/" + path.name.removesuffix(f".{lang}.md")
        written = _written_citations(path)
        assert written, path
        assert written <= set(model.citations.cited_on(key, lang)), (key, written - set(model.citations.cited_on(key, lang)))


def test_citations_made_by_generated_sections_are_in_the_graph(model: SiteModel) -> None:
    """The home page writes no citation; its key figures and map cite paragraphs all the same."""
    assert not _written_citations(ROOT / "docs" / "index.en.md")
    home = model.citations.cited_on("", "en")
    assert home, "the home page's generated sections cite paragraphs"
    source, paragraph = home[0].split("#")
    assert "" in [page.key for page in model.citations.pages_citing(source, paragraph, "en")]
    # A theme page cites more than it writes: its sections' citations too.
    theme = ROOT / "docs" / "themes" / "kazakhstan.en.md"
    assert set(model.citations.cited_on("themes/kazakhstan", "en")) > _written_citations(theme)


def test_the_kits_are_in_the_graph_with_their_titles(model: SiteModel) -> None:
    for kit in model.knowledge.kits:
        for lang in ("en", "kk", "ru"):
            key = f"classroom/{kit.theme}"
            assert model.citations.cited_on(key, lang), key
            assert kit.theme != "" and model.knowledge.theme(kit.theme).title[lang] in model.citations.pages[key].titles[lang]


def test_a_paragraph_lists_themes_before_kits_before_other_pages(model: SiteModel) -> None:
    ranks = []
    for document in model.documents:
        for block_id in document.by_id():
            keys = [page.key for page in model.citations.pages_citing(document.entry.slug, block_id, "ru")]
            kinds = [0 if key.startswith("themes/") else 1 if key.startswith("classroom/") else 2 for key in keys]
            assert kinds == sorted(kinds), keys
            ranks += kinds
    assert {0, 1, 2} <= set(ranks), "themes, kits and other pages all cite something"


def test_a_page_of_another_language_or_none_is_not_read(model: SiteModel, tmp_path: Path) -> None:
    docs = {
        tmp_path / "notes.de.md": "# Notizen\n\n[@x#p-000000]\n",  # not a language of the site: skipped
        tmp_path / "notes.en.md": "# Notes\n\nNo citation here.\n",
    }
    graph = build_graph(docs, docs_dir=tmp_path, knowledge=model.knowledge, labels=model.labels, languages=("en", "kk", "ru"))
    assert "notes" not in graph.pages and graph.cited_on("notes", "en") == []


@pytest.mark.parametrize(
    ("markdown", "title"),
    [
        ("---\ntitle: From the front matter\n---\n\n# A heading\n", "From the front matter"),
        ("---\nhide: [toc]\n---\n\n# The first heading\n\n# A second\n", "The first heading"),
        ("Text only.\n", None),
        ("---\ntitle: [not, text]\n---\n# Heading\n", "Heading"),
    ],
)
def test_page_title(markdown: str, title: str | None) -> None:
    assert page_title(markdown) == title


def test_no_page_key_keeps_its_language_or_index(model: SiteModel) -> None:
    keys = list(model.citations.pages)
    assert "" in keys and "data" in keys
    assert all(not re.search(r"\.(en|kk|ru)$|(^|/)index$", key) for key in keys), keys
