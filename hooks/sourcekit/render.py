"""Render stage: Markdown for the generated pages, with HTML parts from templates.

``render_reader(document, lang, labels, links=…)`` and ``render_source_index(documents, lang)`` return the
Markdown source of a page. Blocks are HTML rendered from ``overrides/partials/sourcekit``
with autoescaping, so text in a seed that looks like HTML is shown, never run.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from .annotate import AnnotatedBlock, mark_variants
from .bibliography import describe, published_in
from .languages import current
from .escape import markdown_text, yaml_string
from .labels import Labels
from .parts import FRONT_KINDS, HEADING_KINDS, paragraph_count, part_headings, references_part, split_parts
from .pipeline import Document
from .templates import render_template
from .translation_checks import needs_translation
from .translations import Translation


_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")


@dataclass(frozen=True)
class BlockView:
    """What the block template needs to show one block on a page in ``lang``."""

    block: Any
    segments: tuple
    lang: str
    labels: Labels
    translation: Translation | None = None
    untranslated: bool = False
    anchor: str | None = None
    cited_on: tuple = ()
    ref_base: str = ""  # where the list of references is, if on another part of the reader
    page: str | None = None  # the printed page of the original that starts with this block


def _view(
    item: AnnotatedBlock,
    document: Document,
    lang: str,
    labels: Labels,
    *,
    anchor: str | None = None,
    cited_on: list | None = None,
    variants: dict[str, tuple[str, str]] | None = None,
    ref_base: str = "",
    page: str | None = None,
) -> BlockView:
    block = item.block
    translation = None
    if block.lang != lang:
        translation = document.translations.get(lang, {}).get(block.block_id)
    return BlockView(
        block=block,
        segments=mark_variants(item.segments, variants or {}),
        lang=lang,
        labels=labels,
        translation=translation,
        untranslated=translation is None and needs_translation(item, lang),
        anchor=anchor,
        cited_on=tuple(cited_on or ()),
        ref_base=ref_base,
        page=page,
    )


def _page_before(document: Document, first: AnnotatedBlock) -> str | None:
    """The printed page of the block before ``first`` (a later part starts mid-page)."""
    previous = None
    for item in document.blocks:
        if item is first:
            return previous
        previous = item.block.page or previous
    return previous


def block_anchors(document: Document) -> dict[str, str]:
    """The extra anchor of each reference and footnote: ``ref-3`` (what citations link to),
    ``ref-t3`` in a second, transliterated list, ``fn-2``; the first block with a number
    takes it, so that no anchor is given twice."""
    cached = document.__dict__.get("_anchors")
    if cached is not None:
        return cached
    anchors: dict[str, str] = {}
    taken: set[str] = set()
    for item in document.blocks:
        block = item.block
        if block.number is None or block.kind not in ("reference", "footnote"):
            continue
        anchor = f"fn-{block.number}" if block.kind == "footnote" else f"ref-{'t' if block.series else ''}{block.number}"
        if anchor not in taken:
            taken.add(anchor)
            anchors[block.block_id] = anchor
    object.__setattr__(document, "_anchors", anchors)
    return anchors


def _hint(text: str) -> str:
    """A hint under a heading or a title, as its own paragraph."""
    return render_template("text.html", css_class="sk-hint", text=text)


def _block_html(item: AnnotatedBlock, document: Document, lang: str, labels: Labels, **options: object) -> str:
    """One block as HTML; ``options`` are those of :func:`_view`."""
    return render_template("block.html", view=_view(item, document, lang, labels, **options))


def _heading_text(item: AnnotatedBlock, document: Document, lang: str) -> str:
    """A heading in ``lang`` (translated where the source's language differs), for Markdown; a
    heading not translated yet keeps its language's code (``{: lang="en" }``), so that a screen
    reader reads it in that language, as it does the untranslated paragraphs under it."""
    text = markdown_text(_heading_plain(item, document, lang))
    original = item.block.lang
    translated = item.block.block_id in document.translations.get(lang, {})
    if original and original != lang and not translated and _LANGUAGE_CODE.fullmatch(original):
        return f'{text} {{: lang="{original}" }}'
    return text



def page_description(document: Document, lang: str, labels: Labels) -> str:
    """A meta description for the reader page of ``document`` in ``lang``."""
    title = document.entry.titles[lang].text
    return labels.get("reader.description", lang, title=title)


@dataclass(frozen=True)
class PartLinks:
    """Links from one page of a source (a reader or parallel-view part) to all its parts.

    ``reader[n - 1]`` and ``parallel[n - 1]`` are part *n* of the reader and of the parallel
    view, relative to the page being rendered; ``part`` is that page's own part number.
    """

    part: int
    reader: Sequence[str]  # a tuple, or a parts.PartHrefs that makes each link when asked
    parallel: Sequence[str]

    @property
    def count(self) -> int:
        return len(self.reader)


PARTS_LIST_ID = "sk-parts"  # the anchor of the list of parts, on part 1 of each view
PARTS_LISTED_OPEN = 12  # up to this many parts, the list of parts is shown open; more, folded


def _part_nav(document: Document, lang: str, labels: Labels, links: PartLinks, *, parallel: bool) -> tuple[str, str]:
    """The navigation between the parts of a long source, as HTML: (top of the page, bottom).

    Part 1 of each view lists every part with its sections, once; every part ends with a
    compact pager (first, previous, "part n of N" with a link to that list, next, last),
    and parts 2, 3, … start with it too. A page thus costs the same however many parts
    there are.
    """
    if links.count == 1:
        return "", ""
    hrefs = links.parallel if parallel else links.reader
    bottom = _part_pager(hrefs, links.part, lang, labels, label=labels.get("reader.parts_pager", lang))
    if links.part == 1:
        return _parts_list(document, hrefs, lang, labels), bottom
    top = _part_pager(hrefs, links.part, lang, labels, label=labels.get("reader.parts_nav", lang))
    return top, bottom


def _part_pager(hrefs: Sequence[str], number: int, lang: str, labels: Labels, *, label: str) -> str:
    """The pager of part ``number``: only the neighbours, the ends and the list of parts."""
    count = len(hrefs)
    pager = {
        "label": label,
        "status": labels.get("reader.part", lang, number=number, count=count),
        "contents": ("" if number == 1 else hrefs[0]) + f"#{PARTS_LIST_ID}",
        "contents_label": labels.get("reader.parts_contents", lang),
        # "First" and "Last" only where they differ from "Previous" and "Next".
        "first": hrefs[0] if number > 2 else None,
        "previous": hrefs[number - 2] if number > 1 else None,
        "next": hrefs[number] if number < count else None,
        "last": hrefs[count - 1] if number < count - 1 else None,
        "first_label": labels.get("reader.first_part", lang),
        "previous_label": labels.get("reader.previous_part", lang),
        "next_label": labels.get("reader.next_part", lang),
        "last_label": labels.get("reader.last_part", lang),
    }
    return render_template("part-pager.html", pager=pager)


def _parts_list(document: Document, hrefs: Sequence[str], lang: str, labels: Labels) -> str:
    """Every part with its sections (on part 1 of a view): the one list of all the parts."""
    by_id = document.by_id()
    items = []
    for part, headings in zip(split_parts(document), part_headings(document)):
        sections = [_continued(part.continues, document, lang, labels)] if part.continues else []
        sections += [_heading_plain(by_id[heading], document, lang) for heading in headings]
        items.append(
            {
                "label": labels.get("reader.part_number", lang, number=part.number),
                "sections": "; ".join(sections),
                "href": hrefs[part.number - 1],
                "current": part.number == 1,
            }
        )
    return render_template(
        "parts.html",
        parts=items,
        id=PARTS_LIST_ID,
        open=len(items) <= PARTS_LISTED_OPEN,
        label=labels.get("reader.parts_nav", lang),
        intro=labels.get("reader.parts_intro", lang),
    )


def _heading_plain(item: AnnotatedBlock, document: Document, lang: str) -> str:
    """A heading in ``lang``, as plain text."""
    translation = document.translations.get(lang, {}).get(item.block.block_id)
    return translation.text if translation and item.block.lang != lang else item.plain


def _continued(heading_id: str, document: Document, lang: str, labels: Labels) -> str:
    """"<heading> (continued)": the section a part starts in the middle of."""
    return labels.get("reader.part_continued", lang, heading=_heading_plain(document.by_id()[heading_id], document, lang))


def _part_title(title: str, lang: str, labels: Labels, links: PartLinks) -> str:
    """The page title: part 1 is the source's own page and keeps the plain title."""
    if links.count == 1 or links.part == 1:
        return title
    return f"{title} ({labels.get('reader.part', lang, number=links.part, count=links.count)})"


def render_reader(
    document: Document,
    lang: str,
    labels: Labels,
    *,
    links: PartLinks,
    cited_on: dict[str, list[tuple[str, str]]] | None = None,
    variants: dict[str, tuple[str, str]] | None = None,
) -> str:
    """The Markdown of part ``links.part`` of the source reader page of ``document`` in ``lang``.

    ``links`` locates every part of the reader and the parallel view; ``cited_on`` maps paragraph IDs to the
    (title, link) of the pages that cite them; ``variants`` maps the sources' variant
    spellings to the (usual name, glossary link) shown beside them.
    """
    entry = document.entry
    blocks = document.blocks
    part = split_parts(document)[links.part - 1]
    front = [item for item in blocks if item.block.kind in FRONT_KINDS] if links.part == 1 else []
    body = [document.by_id()[block_id] for block_id in part.blocks]  # not a pass over every block, for each part
    title = entry.titles[lang]
    description = page_description(document, lang, labels)
    parts: list[str] = [
        "---",
        f"title: {yaml_string(_part_title(title.text, lang, labels, links))}",
        f"description: {yaml_string(_part_title(description, lang, labels, links))}",
        "---",
        "",
        f"# {markdown_text(title.text)}",
        "",
    ]
    if title.origin == "editors":
        parts += [_hint(labels.get("reader.title_translated", lang)), ""]
    top, bottom = _part_nav(document, lang, labels, links, parallel=False)
    parallel_button = render_template(
        "link-line.html",
        css_class="md-button",
        href=links.parallel[links.part - 1],
        text=labels.get("reader.parallel_link", lang, columns=parallel_columns(entry, lang, labels)),
    )

    if links.part == 1:
        abstracts = [item for item in front if item.block.kind in ("abstract", "keywords")]
        abstract_languages = {item.block.lang for item in abstracts}
        titles_with_abstract = [
            item for item in front if item.block.kind == "title" and item.block.lang in abstract_languages
        ]
        printed = [
            _view(item, document, lang, labels)
            for item in front
            if item.block.kind in ("byline", "meta") or (item.block.kind == "title" and item not in titles_with_abstract)
        ]
        codes = current().codes
        ordered_titles = sorted(entry.titles.items(), key=lambda pair: (pair[0] != lang, codes.index(pair[0])))
        card = {
            "entry": entry,
            "labels": labels,
            "lang": lang,
            "kind": describe(entry, lang, labels),
            "published_in": published_in(entry, lang, labels),
            "titles": ordered_titles,
            "printed": printed,
            "paragraphs": paragraph_count(document),
            "corrections": len(document.corrections),
        }
        parts += [render_template("card.html", card=card), ""]
        parts += [parallel_button, ""]
        if top:
            parts += [top, ""]

        parts += [f"## {labels.get('reader.abstract', lang)}", ""]
        if abstracts:
            own = [item for item in abstracts if item.block.lang == lang]
            others = [item for item in abstracts if item.block.lang != lang]
            if own:
                note = "reader.abstract_own" if lang != entry.original_language else "reader.abstract_original"
                parts += [_hint(labels.get(note, lang)), ""]
                parts += [_block_html(item, document, lang, labels) for item in _with_titles(own, titles_with_abstract)] + [""]
            else:
                parts += [_hint(labels.get("reader.no_abstract_in_language", lang)), ""]
            if others:
                blocks = [Markup(_block_html(item, document, lang, labels)) for item in _with_titles(others, titles_with_abstract)]
                parts += [render_template("other-abstracts.html", summary=labels.get("reader.other_abstracts", lang), blocks=blocks), ""]
        else:
            parts += [_hint(labels.get("reader.no_abstract", lang)), ""]
    else:
        parts += [top, "", parallel_button, ""]

    untranslated = [item for item in body if needs_translation(item, lang) and item.block.block_id not in document.translations.get(lang, {})]
    if untranslated:
        original = labels.get(f"language.{entry.original_language}", lang)
        parts += [
            render_template("untranslated-notice.html", text=labels.get("reader.untranslated_notice", lang, language=original)),
            "",
        ]
    if part.continues:
        parts += [f"## {markdown_text(_continued(part.continues, document, lang, labels))}", ""]
    elif links.part == 1 and not any(item.block.kind == "heading" for item in body[:1]):
        parts += [f"## {labels.get('reader.body', lang)}", ""]
    references = references_part(document)
    ref_base = "" if references == links.part else links.reader[references - 1]
    anchors = block_anchors(document)
    last_page = _page_before(document, body[0]) if body else None
    for item in body:
        kind = item.block.kind
        if kind in HEADING_KINDS:
            parts += [f"## {_heading_text(item, document, lang)}", ""]
            if kind == "references_heading":
                # Keep the printed heading addressable like any other block.
                parts += [render_template("anchor.html", id=item.block.block_id), ""]
            continue
        anchor = anchors.get(item.block.block_id)
        cited = (cited_on or {}).get(item.block.block_id, [])
        page = item.block.page if item.block.page and item.block.page != last_page else None
        last_page = item.block.page or last_page
        parts += [_block_html(item, document, lang, labels, anchor=anchor, cited_on=cited, variants=variants, ref_base=ref_base, page=page), ""]

    parts += [f"## {labels.get('reader.corrections', lang)}", ""]
    located = []
    for item in front + body:
        for _start, _end, correction in item.corrected.spans:
            located.append({"correction": correction, "block_id": item.block.block_id, "lang": item.block.lang})
    if located:
        parts += [render_template("text.html", css_class=None, text=labels.get("reader.corrections_intro", lang)), ""]
        located.sort(key=lambda entry_: entry_["correction"].number)
        parts += [render_template("corrections.html", corrections=located, lang=lang), ""]
    elif document.corrections:
        parts += [render_template("text.html", css_class=None, text=labels.get("reader.corrections_none_part", lang)), ""]
    else:
        parts += [render_template("text.html", css_class=None, text=labels.get("reader.corrections_none", lang)), ""]
    if bottom:
        parts += [bottom, ""]
    return "\n".join(parts) + "\n"


def parallel_columns(entry, lang: str, labels: Labels) -> str:  # noqa: ANN001 - a CatalogueEntry
    """The columns of the side-by-side view in order, the original first: "Russian | English | Kazakh"."""
    columns = current().ordered_from(entry.original_language)
    return " | ".join(labels.get(f"parallel.column.{code}", lang) for code in columns)


def render_parallel(document: Document, lang: str, labels: Labels, *, links: PartLinks) -> str:
    """The Markdown of part ``links.part`` of the side-by-side view (original | kk | ru).

    Corrections and references link to the same part of the reader (``links``).
    """
    entry = document.entry
    part = split_parts(document)[links.part - 1]
    title = labels.get("parallel.title", lang, title=entry.titles[lang].text)
    reader_href = links.reader[links.part - 1]
    references = references_part(document)
    top, bottom = _part_nav(document, lang, labels, links, parallel=True)
    parts = [
        "---",
        f"title: {yaml_string(_part_title(title, lang, labels, links))}",
        f"description: {yaml_string(_part_title(labels.get('parallel.description', lang), lang, labels, links))}",
        "hide:",
        "  - navigation",
        "  - toc",
        "search:",
        "  exclude: true",
        "---",
        "",
        f"# {markdown_text(title)}",
        "",
        render_template("link-line.html", css_class=None, href=reader_href, text=f"← {labels.get('parallel.back', lang)}"),
        "",
        _hint(labels.get("parallel.intro", lang)),
        "",
    ]
    if top:
        parts += [top, ""]
    rows = []
    columns = current().ordered_from(entry.original_language)
    for block_id in part.blocks:
        item = document.by_id()[block_id]
        cells = []
        for code in columns:
            language = labels.get(f"language.{code}", lang)
            if code == item.block.lang:
                cells.append({"lang": code, "label": f"{language} · {labels.get('parallel.original', lang)}", "segments": item.segments, "text": "", "note": None, "missing": False})
                continue
            translation = document.translations.get(code, {}).get(item.block.block_id)
            if translation is None:
                cells.append({"lang": lang, "label": language, "segments": None, "text": labels.get("parallel.no_translation", lang), "note": None, "missing": True})
            else:
                cells.append({"lang": code, "label": f"{language} · {labels.get('parallel.translation', lang)}", "segments": None, "text": translation.text, "note": translation.note, "missing": False})
        row = {
            "kind": item.block.kind,
            "block_id": item.block.block_id,
            "lang": lang,
            "labels": labels,
            "cells": cells,
            "reader_href": reader_href,
            "ref_base": links.reader[references - 1],
        }
        rows.append(Markup(render_template("parallel-row.html", row=row)))
    parts += [render_template("parallel.html", rows=rows), ""]
    if bottom:
        parts += [bottom, ""]
    return "\n".join(parts) + "\n"


def _with_titles(abstracts: list[AnnotatedBlock], titles: list[AnnotatedBlock]) -> list[AnnotatedBlock]:
    """Put each printed title before the abstracts in its language."""
    ordered: list[AnnotatedBlock] = []
    for language in current().codes:
        ordered += [item for item in titles if item.block.lang == language and any(a.block.lang == language for a in abstracts)]
        ordered += [item for item in abstracts if item.block.lang == language]
    return ordered


def render_source_index(documents: list[Document], lang: str, labels: Labels) -> str:
    """The Markdown of the list of sources in ``lang``."""
    parts = [
        "---",
        f"title: {yaml_string(labels.get('sources.title', lang))}",
        f"description: {yaml_string(labels.get('sources.description', lang))}",
        "---",
        "",
        f"# {labels.get('sources.title', lang)}",
        "",
        markdown_text(labels.get("sources.intro", lang)),
        "",
    ]
    for document in documents:
        entry = document.entry
        paragraphs = paragraph_count(document)
        authors = "; ".join(_author_name(name, entry, lang) for name in entry.authors) if entry.authors else markdown_text(labels.get("reader.unknown_authors", lang))
        parts += [
            f"- **[{markdown_text(entry.titles[lang].text)}]({entry.slug}.md)**  ",
            f"  {markdown_text(describe(entry, lang, labels))} · {authors} · "
            f"{labels.get('sources.paragraphs', lang, count=paragraphs)}",
        ]
    return "\n".join(parts) + "\n"


def _author_name(name, entry, lang: str) -> str:  # noqa: ANN001 - a catalogue Name and entry
    """An author in the list of sources (inline Markdown): on a Kazakh or Russian page the
    editors' Cyrillic form where there is one; otherwise the name as printed, marked with the
    text's language when the page is in another."""
    if lang != "en" and name.cyrillic:
        return markdown_text(name.cyrillic.shown)
    if lang == entry.original_language:
        return markdown_text(name.shown)
    return render_template("author-name.html", lang=entry.original_language, name=Markup(markdown_text(name.shown)))
