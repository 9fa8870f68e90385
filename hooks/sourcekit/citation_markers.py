"""Citations on a page: ``[@source#p-id]`` becomes a numbered marker with a preview of the
paragraph, the markers are numbered in reading order, and a theme or kit page ends with the
list of what its numbers cite.

The syntax of a citation and the check that its paragraph exists are :mod:`sourcekit.citations`'s.
"""

from __future__ import annotations

import re

from .bibliography import short_title
from .citations import CITATION, targets
from .escape import markdown_text
from .model import Reference
from .page_context import PageContext
from .parts import part_of, split_parts
from .templates import render_template
from .textutil import excerpt

PREVIEW_LENGTH = 220  # characters of a citation preview


def render_citations(markdown: str, context: PageContext) -> str:
    """``markdown`` with every ``[@source#p-id]`` replaced by citation placeholders
    (:meth:`PageContext.cite`), to be numbered by :func:`number_citations`."""

    def replace(match: re.Match[str]) -> str:
        return "".join(context.cite(Reference(source, paragraph)) for source, paragraph in targets(match.group(1)))

    return CITATION.sub(replace, markdown)


def citation_marker(reference: Reference, number: int, index: int, context: PageContext) -> str:
    """The marker of citation [``number``] (the ``index``-th marker on the page), with a
    preview of the paragraph in the page's language where it is translated."""
    text, text_lang = context.paragraph_text(reference)
    page = context.printed_page(reference)
    return render_template(
        "cite.html",
        number=number,
        href=context.paragraph_link(reference),
        preview_id=f"cite-{number}-{index}",
        head=f"{context.source_kind(reference.source)} · ¶ {reference.paragraph}" + (f" · {page}" if page else ""),
        text=excerpt(text, PREVIEW_LENGTH),
        text_lang=text_lang,
        label=context.labels.get("cite.open", context.lang, number=number),
    ).replace("\n", "")


def number_citations(text: str, context: PageContext, *, stash: bool) -> str:
    """``text`` (a whole page, assembled) with its citation placeholders replaced by markers
    numbered in the order they stand. With ``stash``, each marker is itself a placeholder
    that :meth:`PageContext.unstash` replaces after Markdown has run: a hand-written page's
    citations stand in Markdown, and a preview is text that Markdown must not read."""

    def marker(reference: Reference, number: int, index: int) -> str:
        html = citation_marker(reference, number, index, context)
        return context.stash(html) if stash else html

    return context.number_citations(text, marker)


def references_section(context: PageContext, *, printed: bool = True) -> str:
    """The Markdown of the list of references at the end of a page: a heading, then what each
    citation number cites — the source's short title, the part of its reader and the paragraph,
    linked to the paragraph in the page's language, and the printed page where known. Empty
    when the page cites nothing. Call it after :func:`number_citations`. The list is a raw
    HTML block, which Markdown leaves as it is (a placeholder would end up in a ``<p>``).
    Without ``printed``, the list is for the screen only (a kit's handout lists its citations
    in its own way)."""
    cited = context.cited()
    if not cited:
        return ""
    lang, labels = context.lang, context.labels
    entries = []
    for number, reference in enumerate(cited, start=1):
        document = context.knowledge.sources[reference.source]
        several_parts = len(split_parts(document)) > 1
        entries.append(
            {
                "number": number,
                "href": context.paragraph_link(reference),
                "title": short_title(document.entry, lang),
                "part": labels.get("references.part", lang, number=part_of(document, reference.paragraph)) if several_parts else "",
                "paragraph": reference.paragraph,
                "page": context.printed_page(reference),
            }
        )
    html = render_template("references.html", entries=entries, printed=printed)
    heading = f"## {markdown_text(labels.get('references.title', lang))}" + ("" if printed else " { .sk-noprint }")
    return f"{heading}\n\n{html}\n"
