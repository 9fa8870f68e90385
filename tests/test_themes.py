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

# Its fixtures ingest the real seeds (about a second): every test here is slow (and some build).
pytestmark = pytest.mark.slow


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


# --- Citations on a page: reading order, the list of references, what a page cites ---------

MARKER_HTML = re.compile(r'class="sk-cite-link" href="([^"]+)"[^>]*>\[(\d+)\]</a>')


def _context(knowledge, lang: str = "en", url: str = "themes/kazakhstan/"):  # noqa: ANN001, ANN202
    from sourcekit.page_context import PageContext
    from sourcekit.urls import SiteUrls

    return PageContext(lang=lang, url=url, knowledge=knowledge, labels=load_labels(), urls=SiteUrls())


def _markers(html: str) -> list[tuple[str, int]]:
    """The (paragraph, number) of every citation marker in ``html``, in order."""
    return [(href.rpartition("#")[2], int(number)) for href, number in MARKER_HTML.findall(html)]


def _assert_reading_order(markers: list[tuple[str, int]]) -> None:
    """The first marker is [1]; each new paragraph takes the next number; a paragraph cited
    again keeps its number."""
    given: dict[str, int] = {}
    for paragraph, number in markers:
        expected = given.setdefault(paragraph, len(given) + 1)
        assert number == expected, (paragraph, number, expected, markers)


def _kazakhstan_sample(knowledge):  # noqa: ANN001, ANN202
    """A paragraph that the Kazakhstan differences cite, and one that no generated section of
    that page cites (so that the body's citation of it can only come first)."""
    from sourcekit.sections import theme_differences

    in_section = theme_differences(knowledge, "kazakhstan")[0].claims[0].reference
    generated = {claim.reference.key for d in theme_differences(knowledge, "kazakhstan") for claim in d.claims}
    generated |= {fact.reference.key for fact in knowledge.facts if fact.theme == "kazakhstan"}
    generated |= {event.reference.key for event in knowledge.events if "kazakhstan" in event.themes}
    document = knowledge.sources[in_section.source]
    body_only = next(
        item.block.block_id
        for item in document.blocks
        if item.block.kind == "paragraph" and f"{in_section.source}#{item.block.block_id}" not in generated
    )
    return in_section, (in_section.source, body_only)


def test_citations_are_numbered_in_reading_order_with_a_section_after_the_text(knowledge) -> None:
    from sourcekit.hand_written import render_hand_written

    in_section, (source, body_only) = _kazakhstan_sample(knowledge)
    # Body text first, then a generated section, then more text that cites both again.
    markdown = (
        f"Our own sentence about the border [@{source}#{body_only}].\n\n"
        "<!-- theme:differences -->\n\n"
        f"A closing sentence [@{in_section.source}#{in_section.paragraph}; @{source}#{body_only}].\n"
    )
    context = _context(knowledge)
    html = context.unstash(render_hand_written(markdown, theme="kazakhstan", context=context))
    markers = _markers(html)
    assert markers[0] == (body_only, 1), "the first citation a reader meets is [1]"
    assert len(markers) > 3 and markers[-1] == (body_only, 1), "cited again, it keeps its number"
    _assert_reading_order(markers)
    # Rendered in call order (the section before the text), the body's citation was not [1].
    assert dict(markers)[in_section.paragraph] == 2


@pytest.mark.parametrize("lang", ["en", "kk", "ru"])
def test_theme_page_ends_with_its_references_linked_to_the_paragraphs(knowledge, lang: str) -> None:
    from sourcekit.bibliography import short_title
    from sourcekit.hand_written import render_hand_written
    from sourcekit.parts import part_of, split_parts

    markdown = (ROOT / "docs" / "themes" / f"kazakhstan.{lang}.md").read_text(encoding="utf-8")
    context = _context(knowledge, lang, url=("" if lang == "en" else f"{lang}/") + "themes/kazakhstan/")
    rendered = render_hand_written(markdown, theme="kazakhstan", context=context)
    labels = load_labels()
    heading = f"## {labels.get('references.title', lang)}\n\n"
    body, _, references = rendered.partition(heading)
    assert references and "## " not in references, "the list of references ends the page"
    assert "sk-cite-link" not in references and "SKCITE" not in rendered
    entries = re.findall(r'<li id="sk-ref-(\d+)"><a href="([^"]+)"><cite>([^<]+)</cite>(?:, ([^,<]+))?, ¶&nbsp;(p-[0-9a-f-]+)</a>', references)
    cited = context.cited()
    assert len(entries) == len(cited) >= 20
    markers = _markers(context.unstash(body))
    assert [paragraph for paragraph, _ in dict.fromkeys(markers)] == [reference.paragraph for reference in cited]
    for (number, href, title, part, paragraph), reference in zip(entries, cited):
        document = knowledge.sources[reference.source]
        assert paragraph == reference.paragraph and href == context.paragraph_link(reference)
        assert href.endswith(f"#{paragraph}") and title == short_title(document.entry, lang)
        if len(split_parts(document)) > 1:
            assert part == labels.get("references.part", lang, number=part_of(document, paragraph))
        else:
            assert not part
    assert [int(number) for number, *_ in entries] == list(range(1, len(entries) + 1))


def test_short_title_drops_the_subtitle(knowledge) -> None:
    from sourcekit.bibliography import short_title

    article = knowledge.sources["new-silk-road-soft-power"].entry
    assert short_title(article, "en") == "New Silk Road"
    assert short_title(article, "ru") == "Новый Шёлковый путь"
    paper = knowledge.sources["china-soft-power-central-asia"].entry
    assert short_title(paper, "en") == paper.titles["en"].text  # no subtitle: the whole title


def test_a_page_without_a_theme_has_no_list_of_references(knowledge) -> None:
    from sourcekit.hand_written import render_hand_written

    _in_section, (source, body_only) = _kazakhstan_sample(knowledge)
    context = _context(knowledge, url="")
    rendered = render_hand_written(f"Text [@{source}#{body_only}].\n", theme=None, context=context)
    assert "sk-references" not in rendered and context.cited()


def test_unknown_section_marker_is_rejected_by_the_registry(knowledge) -> None:
    from sourcekit.sections import SECTIONS, UnknownMarker, render_markers

    assert {"differences", "key-figures", "timeline", "sources-say", "related", "themes"} <= set(SECTIONS)
    with pytest.raises(UnknownMarker) as error:
        render_markers("Text.\n\n<!-- theme:no-such-section -->\n", theme="kazakhstan", context=_context(knowledge))
    assert str(error.value) == "no-such-section"


def test_a_section_name_is_registered_once() -> None:
    from sourcekit.sections import section

    with pytest.raises(ValueError, match="registered twice"):
        section("differences")(lambda **_: None)


def test_cited_references_include_generated_sections_and_facts(knowledge) -> None:
    from sourcekit.hand_written import cited_references

    in_section, (source, body_only) = _kazakhstan_sample(knowledge)
    context = _context(knowledge)
    # A page with no citation of its own: everything it cites comes from its sections.
    cited = cited_references("<!-- theme:key-figures -->\n\n<!-- theme:differences -->\n", theme="kazakhstan", context=context)
    facts = [fact.reference for fact in knowledge.facts if fact.theme == "kazakhstan"]
    claims = [claim.reference for d in knowledge.differences if "kazakhstan" in d.themes for claim in d.claims]
    keys = [reference.key for reference in cited]
    fact_keys = list(dict.fromkeys(reference.key for reference in facts))
    assert keys[: len(fact_keys)] == fact_keys, "the table of key figures comes first, in its order"
    assert len(keys) == len(set(keys)), "each paragraph once"
    assert {reference.key for reference in claims} <= set(keys), "the differences, after the figures"
    assert context.calls == [] and context.numbers == {}, "the caller's context is left as it was"
    # The body's own citation comes first, then the generated ones.
    cited = cited_references(f"Text [@{source}#{body_only}].\n\n<!-- theme:differences -->\n", theme="kazakhstan", context=context)
    assert [reference.paragraph for reference in cited[:2]] == [body_only, in_section.paragraph]


def test_cited_references_of_the_real_theme_pages_find_more_than_the_docs_scan(knowledge, documents) -> None:
    from sourcekit.hand_written import cited_references

    missed = {}
    for theme in THEMES:
        path = ROOT / "docs" / "themes" / f"{theme}.en.md"
        markdown = path.read_text(encoding="utf-8")
        scanned = {f"{item.source}#{item.paragraph}" for item in scan_citations(path, markdown, {d.entry.slug: d for d in documents})}
        rendered = {reference.key for reference in cited_references(markdown, theme=theme, context=_context(knowledge, url=f"themes/{theme}/"))}
        assert scanned <= rendered, theme
        missed[theme] = rendered - scanned
    # A scan of docs/ misses what the generated sections cite (a fact, an event, a claim).
    assert sum(map(len, missed.values())) >= 5, missed


def test_kit_page_numbers_in_reading_order_and_lists_references_on_screen_only(knowledge) -> None:
    from sourcekit.pages import render_kit_page

    context = _context(knowledge, url="classroom/kazakhstan/")
    markdown = render_kit_page("kazakhstan", context)
    markers = _markers(markdown)
    assert markers and markers[0][1] == 1
    _assert_reading_order(markers)
    heading = f"## {load_labels().get('references.title', 'en')} {{ .sk-noprint }}"
    assert heading in markdown and markdown.rstrip().endswith("</ol>")
    assert 'class="sk-references sk-noprint"' in markdown
    # The printed handout's list gives the numbers that the page gives.
    printed = re.search(r'<section class="sk-print-only sk-kit-cited".*?</section>', markdown, re.S).group(0)
    numbers = {paragraph: number for paragraph, number in markers}
    for number in re.findall(r'sk-kit-cited-item">\[(\d+)\]', printed):
        assert int(number) in numbers.values()


def test_one_paragraph_count_on_the_list_of_sources_and_the_card(documents) -> None:
    from sourcekit.parts import paragraph_count
    from sourcekit.render import PartLinks, render_reader, render_source_index

    labels = load_labels()
    listing = render_source_index(documents, "en", labels)
    for document in documents:
        count = paragraph_count(document)
        assert f"· {count} paragraphs" in listing, document.entry.slug
        reader = render_reader(document, "en", labels, links=PartLinks(part=1, reader=("a",) * 9, parallel=("b",) * 9))
        assert f"Paragraphs of body text: {count};" in reader, document.entry.slug
    paper = next(document for document in documents if document.entry.slug == "china-soft-power-central-asia")
    assert paragraph_count(paper) == 14  # its "References" heading is not a paragraph


def test_edition_section_is_filled_only_when_the_context_knows_the_edition(knowledge) -> None:
    import dataclasses

    from sourcekit.edition import Edition
    from sourcekit.sections import render_markers

    context = _context(knowledge, url="")
    assert render_markers("<!-- home:edition -->\n", theme=None, context=context) == ""
    context = dataclasses.replace(context, edition=Edition(version="1.2", date="2024-05-01", offline=True))
    line = render_markers("<!-- home:edition -->\n", theme=None, context=context)
    assert line.startswith('<p class="sk-edition">') and "1.2" in line
    assert "1\u00a0May 2024" in line and "2024-05-01" not in line, line  # the page language's date
    kk = render_markers("<!-- home:edition -->\n", theme=None, context=dataclasses.replace(context, lang="kk"))
    assert "2024 жылғы" in kk and "мамыр" in kk and "2024-05-01" not in kk, kk


def test_edition_of_a_project_without_a_version_gives_the_date_alone(knowledge, tmp_path) -> None:  # noqa: ANN001
    """A project without a pyproject.toml (a teacher's own site) has no version: the line says
    when it was built, never "Edition unknown"."""
    import dataclasses

    from sourcekit.edition import current_edition
    from sourcekit.sections import render_markers

    edition = current_edition(offline=False, root=tmp_path)
    assert edition.version == "unknown"
    context = dataclasses.replace(_context(knowledge, url=""), edition=edition)
    line = render_markers("<!-- home:edition -->\n", theme=None, context=context)
    assert "unknown" not in line and "Built on" in line, line


def test_no_kit_gives_away_a_quiz_answer_before_the_quiz(knowledge) -> None:  # noqa: ANN001
    """The goals and discussion questions come before the quiz on the page and on paper: none
    of them may state the answer the quiz asks for (the right option, as a phrase)."""
    found = []
    for kit in knowledge.kits:
        for lang in ("en", "kk", "ru"):
            before = " ".join([*kit.goals[lang], *(question.text[lang] for question in kit.questions)]).casefold()
            for item in kit.quiz:
                answer = item.options[lang][item.answer].strip("«»\"“” .").casefold()
                if re.search(r"(?<!\w)" + re.escape(answer) + r"(?!\w)", before):
                    found.append((kit.theme, lang, item.options[lang][item.answer]))
    assert not found, found
