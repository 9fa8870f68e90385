"""A hand-written page (``docs/``): its generated sections filled, its citations numbered in
reading order, and on a theme page the list of references at its end.

:func:`render_hand_written` is what the build runs on each hand-written page;
:func:`cited_references` is the same work read for what the page cites, for the "cited on"
links of the readers, so that they come from what is rendered: the page's own citations and
those of its generated sections (key figures, differences, timeline, charts, the map).
"""

from __future__ import annotations

import dataclasses

from .citation_markers import number_citations, references_section, render_citations
from .model import Reference
from .page_context import PageContext
from .sections import render_markers


def render_hand_written(markdown: str, *, theme: str | None, context: PageContext) -> str:
    """The Markdown of a hand-written page, ready for MkDocs: its section markers replaced by
    their sections (:mod:`sourcekit.sections`), its citations by numbered markers in the order
    a reader meets them, and, on the page of theme ``theme``, the list of references at its
    end. The markers are placeholders: ``context.unstash(html)`` puts them in after Markdown
    has run. An unknown section marker raises :class:`sourcekit.sections.UnknownMarker`."""
    markdown = render_markers(markdown, theme=theme, context=context)
    markdown = render_citations(markdown, context)
    markdown = number_citations(markdown, context, stash=True)
    if theme is not None:
        references = references_section(context)
        if references:
            markdown = markdown.rstrip("\n") + "\n\n" + references
    return markdown


def cited_references(markdown: str, *, theme: str | None, context: PageContext) -> tuple[Reference, ...]:
    """The paragraphs that the hand-written page ``markdown`` (the page of theme ``theme``, or
    ``None``) cites once rendered with ``context``'s language and data, in the order of their
    numbers: ``[n - 1]`` is citation [n]. Generated sections and facts are included; each
    paragraph appears once. ``context`` itself is left as it was."""
    fresh = dataclasses.replace(context, calls=[], numbers={}, markers=0, stashed={})
    render_hand_written(markdown, theme=theme, context=fresh)
    return fresh.cited()
