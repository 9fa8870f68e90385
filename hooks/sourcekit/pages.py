"""The generated pages made from the theme data: the glossary, the timeline and each theme's
classroom kit. Each ``render_*_page`` returns the page's Markdown, with its citations
numbered in reading order (:mod:`sourcekit.citation_markers`).
"""

from __future__ import annotations

import markupsafe

from .citation_markers import number_citations, references_section
from .collation import alphabet_of, collate, initial
from .languages import current
from .escape import markdown_text, yaml_string
from .model import Reference
from .notation import format_date
from .page_context import PageContext
from .sections import Section, differences_section, key_figures_section, theme_differences
from .templates import render_template
from .textutil import detect_language, excerpt

CLASSROOM_SCRIPT_FILE = "assets/javascripts/classroom.js"
OPENING_LENGTH = 50  # characters of a cited paragraph's opening words on a printed handout


def render_timeline_page(context: PageContext) -> str:
    """The Markdown of the timeline page, filterable by theme without JavaScript."""
    lang, labels, knowledge = context.lang, context.labels, context.knowledge
    events = [
        {
            "date": event.date,
            "when": format_date(event.date, lang),
            "text": event.text[lang],
            "cite": context.cite(event.reference),
            "themes": " ".join(f"t-{slug}" for slug in event.themes),
            "theme_titles": ", ".join(knowledge.theme(slug).title[lang] for slug in event.themes),
        }
        for event in knowledge.events
    ]
    themes = [{"slug": theme.slug, "title": theme.title[lang]} for theme in knowledge.themes]
    body = render_template("timeline-page.html", events=events, themes=themes, labels=labels, lang=lang)
    markdown = _page(labels.get("timeline.title", lang), labels.get("timeline.description", lang), labels.get("timeline.intro", lang), body)
    return number_citations(markdown, context, stash=False)


def render_glossary_page(context: PageContext) -> str:
    """The Markdown of the glossary page: the terms in the alphabetical order of the page's
    language (:mod:`sourcekit.collation`), each a heading with the id that links and search
    results point to, after an index of the letters that have terms."""
    lang, labels, knowledge = context.lang, context.labels, context.knowledge
    terms = collate(knowledge.terms, lang, key=lambda term: term.term[lang])
    rows = [
        {
            "id": term.id,
            "term": term.term[lang],
            "others": [
                (code, term.term[code]) for code in current().codes if code != lang and code in term.term and term.term[code] != term.term[lang]
            ],
            "definition": term.definition[lang],
            "variants": [(variant, detect_language(variant)) for variant in term.variants],
            "cite": context.cite(term.reference),
            "themes": [
                {"href": context.link(f"themes/{slug}"), "title": knowledge.theme(slug).title[lang]} for slug in term.themes
            ],
        }
        for term in terms
    ]
    body = render_template(
        "glossary-page.html",
        terms=rows,
        letters=glossary_letters([(term.id, term.term[lang]) for term in terms], lang),
        permalink=labels.get("a11y.permalink", lang),
        labels=labels,
        lang=lang,
    )
    markdown = _page(labels.get("glossary.title", lang), labels.get("glossary.description", lang), labels.get("glossary.intro", lang), body)
    return number_citations(markdown, context, stash=False)


def glossary_letters(terms: list[tuple[str, str]], lang: str) -> list[dict[str, str]]:
    """The letter index of a glossary: each letter that has terms, once, with the id of its
    first term; ``terms`` are (id, term) pairs in alphabetical order."""
    letters: dict[str, str] = {}
    for term_id, term in terms:
        letters.setdefault(initial(term, lang) or "…", term_id)
    return [
        # A letter of another alphabet (the T of «The Soft Power 30» in Kazakh) says its language.
        {"letter": letter, "term": term_id, "lang": detect_language(letter) if letter.isalpha() and letter not in alphabet_of(lang) else None}
        for letter, term_id in letters.items()
    ]


def render_kit_page(theme_slug: str, context: PageContext) -> str:
    """The Markdown of a theme's classroom kit, laid out as a printable handout.

    The page shows the differences, the discussion questions, the quiz (its answers folded),
    then the key figures, which close the page on screen and are not printed (they would
    answer the quiz); citations are numbered in that order, and the list of references
    ends the page on screen. On paper a number alone says nothing, so the handout ends with
    the paragraphs that the differences and questions cite (printed only); the quiz's
    answers, with their sources, are printed only in the answer key, on the last page."""
    lang, labels, knowledge = context.lang, context.labels, context.knowledge
    kit = next(kit for kit in knowledge.kits if kit.theme == theme_slug)
    theme = knowledge.theme(theme_slug)
    title = labels.get("classroom.title", lang, theme=theme.title[lang])
    terms = {term.id: term for term in knowledge.terms}
    differences = _kit_section(differences_section(theme=theme_slug, context=context), "sk-kit-differences")
    questions = [
        {"text": question.text[lang], "cites": "".join(context.cite(reference) for reference in question.references)}
        for question in kit.questions
    ]
    quiz = [
        {
            "question": item.question[lang],
            "options": item.options[lang],
            "answer": item.answer,
            "explanation": item.explanation[lang],
            "cite": context.cite(item.reference),
            "href": context.paragraph_link(item.reference),
            **_kit_where(item.reference, context),
        }
        for item in kit.quiz
    ]
    figures = _kit_section(key_figures_section(theme=theme_slug, context=context), "sk-kit-figures")
    body = render_template(
        "kit.html",
        theme_href=context.link(f"themes/{theme_slug}"),
        theme_title=theme.title[lang],
        script=context.urls.relative(CLASSROOM_SCRIPT_FILE, context.url),
        goals=kit.goals[lang],
        figures_note=labels.get("classroom.figures_not_printed", lang) if figures else "",
        questions=questions,
        quiz=quiz,
        letters=labels.get("classroom.letters", lang),
        cards=[{"term": terms[card].term[lang], "definition": terms[card].definition[lang]} for card in kit.cards],
        labels=labels,
        lang=lang,
    )
    markdown = _page(title, labels.get("classroom.description", lang, theme=theme.title[lang]), "", body)
    markdown = markdown.replace("<!-- kit:figures -->", figures).replace("<!-- kit:differences -->", differences)
    markdown = number_citations(markdown, context, stash=False)
    # What the printed handout cites: the differences and the questions (the quiz's sources
    # are named in the answer key), by source, now that every citation has its number.
    handout = [claim.reference for difference in theme_differences(knowledge, theme_slug) for claim in difference.claims]
    handout += [reference for question in kit.questions for reference in question.references]
    cited = render_template("kit-cited.html", cited=_cited_by_source(handout, context), labels=labels, lang=lang)
    markdown = markdown.replace("<!-- kit:cited -->", cited)
    return markdown.rstrip("\n") + "\n\n" + references_section(context, printed=False)


def _kit_section(section: Section | None, css_class: str) -> str:
    """A section of the kit as Markdown: its heading, then its HTML in one block."""
    if section is None:
        return ""
    block = render_template("kit-section.html", keep_blank_lines=True, css_class=css_class, html=markupsafe.Markup(section.html.strip()))
    return f"## {markdown_text(section.title or '')}\n\n{block}\n"


def _cited_by_source(references: list[Reference], context: PageContext) -> list[dict]:
    """The paragraphs of ``references`` with their citation numbers, in number order, grouped
    by source (for the printed handout)."""
    numbered = sorted({reference.key: reference for reference in references}.values(), key=lambda reference: context.numbers[reference.key])
    groups: dict[str, dict] = {}
    for reference in numbered:
        group = groups.setdefault(reference.source, {"source": context.source_kind(reference.source), "entries": []})
        group["entries"].append({"number": context.numbers[reference.key], **_kit_where(reference, context)})
    return list(groups.values())


def _kit_where(reference: Reference, context: PageContext) -> dict[str, str]:
    """What a cited paragraph is, for paper: its source ("Journal article"), its printed page
    where known ("p. 88", else empty) and its opening words (which the site's search finds),
    in the page's language where translated."""
    page_label = context.printed_page(reference)
    where = context.source_kind(reference.source) + (f", {page_label}" if page_label else "")
    text, text_lang = context.paragraph_text(reference)
    return {"where": where, "page": page_label, "opening": excerpt(text, OPENING_LENGTH), "lang": text_lang}


def _page(title: str, description: str, intro: str, body: str) -> str:
    """A generated page's Markdown: front matter, the title, an intro paragraph and the body."""
    return "\n".join(
        ["---", f"title: {yaml_string(title)}", f"description: {yaml_string(description)}", "---", "", f"# {markdown_text(title)}", "", intro, "", body, ""]
    )
