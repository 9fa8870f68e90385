"""Theme data and rendering: evidence checks, citations, glossary links, theme pages."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest

from sourcekit.citations import scan_citations
from sourcekit.errors import InputError
from sourcekit.knowledge import load_knowledge
from sourcekit.labels import load_labels
from sourcekit.pipeline import ingest
from sourcekit.glossary_links import link_first_mentions

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
THEMES = ["soft-power", "confucius-institutes", "belt-and-road", "kazakhstan"]


@pytest.fixture(scope="module")
def documents():
    return ingest(SEEDS)


@pytest.fixture(scope="module")
def knowledge(documents):
    return load_knowledge(SEEDS, documents)


def test_theme_data_is_complete(knowledge) -> None:
    assert [theme.slug for theme in knowledge.themes] == THEMES
    assert all(theme.tagged for theme in knowledge.themes), "every theme has tagged paragraphs"
    assert len(knowledge.facts) >= 25 and len(knowledge.events) >= 10 and len(knowledge.terms) >= 15
    assert len(knowledge.differences) >= 4
    assert {fact.theme for fact in knowledge.facts} == set(THEMES)


def test_known_contradictions_are_shown(knowledge) -> None:
    cited = {(claim.reference.source, claim.reference.paragraph) for d in knowledge.differences for claim in d.claims}
    assert ("new-silk-road-soft-power", "p-428fa7") in cited and ("china-soft-power-central-asia", "p-7fb1ab") in cited
    assert ("new-silk-road-soft-power", "p-0974f5") in cited and ("new-silk-road-soft-power", "p-983d47") in cited


def test_glossary_maps_the_sources_variant_spellings(knowledge) -> None:
    variants = {variant: term.term["en"] for term in knowledge.terms for variant in term.variants}
    assert any("Zhanmin Jibao" in variant for variant in variants)
    assert any("One Belt" in variant for variant in variants)


def _copy_seeds(tmp_path: Path) -> Path:
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


def test_tampered_fact_fails_with_its_line(tmp_path: Path, documents) -> None:
    seeds = _copy_seeds(tmp_path)
    facts = seeds / "facts.yml"
    lines = facts.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.strip().startswith("evidence:"))
    lines[index] = lines[index].split("evidence:")[0] + 'evidence: "words that the paragraph never says"'
    facts.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_knowledge(seeds, documents)
    message = str(error.value)
    assert "facts.yml:" in message and "does not occur in" in message


def test_fact_value_must_be_in_its_evidence(tmp_path: Path, documents) -> None:
    seeds = _copy_seeds(tmp_path)
    facts = seeds / "facts.yml"
    text = facts.read_text(encoding="utf-8")
    text = re.sub(r"value: 516\b", "value: 517", text, count=1)
    facts.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="value 517 does not appear in its evidence"):
        load_knowledge(seeds, documents)


def test_citation_of_a_missing_paragraph_fails(documents, tmp_path: Path) -> None:
    by_slug = {document.entry.slug: document for document in documents}
    page = tmp_path / "page.md"
    with pytest.raises(InputError, match=r"page\.md:3: citation of new-silk-road-soft-power#p-000000"):
        scan_citations(page, "intro\n\nA claim [@new-silk-road-soft-power#p-000000].\n", by_slug)
    with pytest.raises(InputError, match=r"page\.md:1: malformed citation"):
        scan_citations(page, "A claim [@new-silk-road-soft-power#p-12].\n", by_slug)


def test_glossary_links_first_mention_outside_headings_links_and_code(knowledge) -> None:
    term = next(term for term in knowledge.terms if term.term["en"].lower() == "soft power")
    html = (
        f"<h2>{term.term['en']}</h2><p><a href='x'>{term.term['en']}</a> <code>{term.term['en']}</code> "
        f"<small class='sk-preview'>{term.term['en']}</small> then {term.term['en']} and {term.term['en']} again.</p>"
    )
    linked = link_first_mentions(html, terms=knowledge.terms, lang="en", glossary_href="../glossary/", labels=load_labels())
    assert linked.count('class="sk-term"') == 1
    assert f"<h2>{term.term['en']}</h2>" in linked
    assert f"<code>{term.term['en']}</code>" in linked and f"<a href='x'>{term.term['en']}</a>" in linked
    assert f'href="../glossary/#term-{term.id}"' in linked
    assert linked.index('class="sk-term"') > linked.index("</small>")


@pytest.mark.build
@pytest.mark.parametrize("prefix", ["", "kk/", "ru/"])
@pytest.mark.parametrize("theme", THEMES)
def test_theme_page_citations_resolve(built_site: Path, prefix: str, theme: str) -> None:
    page = built_site / prefix / "themes" / theme / "index.html"
    html = page.read_text(encoding="utf-8")
    links = re.findall(r'<a class="sk-cite-link" href="([^"]+)"', html)
    assert len(links) >= 5
    for href in set(links):
        path, _, anchor = href.partition("#")
        target = (page.parent / unquote(path)).resolve() / "index.html"
        assert target.exists(), href
        assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), href
    for section in ("sk-says", "sk-figures", "sk-timeline", "sk-related"):
        assert section in html, section
    assert 'class="sk-term"' in html


@pytest.mark.build
def test_reader_lists_the_theme_pages_that_cite_a_paragraph(built_site: Path) -> None:
    html = (built_site / "kk" / "sources" / "new-silk-road-soft-power" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="sk-cited-on"') >= 10
    assert 'href="../../themes/confucius-institutes/"' in html


def test_what_the_sources_say_quotes_an_abstract_once_in_the_page_language(built_site, knowledge) -> None:  # noqa: ANN001
    import re

    article = knowledge.sources["new-silk-road-soft-power"]
    abstracts = {item.block.lang: item.block.block_id for item in article.blocks if item.block.kind == "abstract"}
    assert set(abstracts) == {"en", "kk", "ru"}
    for lang, prefix in (("en", ""), ("kk", "kk/"), ("ru", "ru/")):
        html = (built_site / prefix / "themes" / "soft-power" / "index.html").read_text(encoding="utf-8")
        says = re.search(r'<div class="sk-says".*?</div>', html, re.S).group(0)
        quoted = {code for code, block_id in abstracts.items() if f"#{block_id}" in says}
        assert quoted == {lang}, (lang, quoted)
        assert "Түйін сөздер" not in says and "Ключевые слова" not in says and "Keywords" not in says
