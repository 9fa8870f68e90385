"""The segmentation report of one text: every block, the counts, and what to look at.

``make inspect SEED=seeds/<file>`` prints the whole report (``scripts/inspect.py``); the build
prints :func:`summary_line` for each text. Warnings never stop the build: they say where the
reading of a text is doubtful, so that a contributor can check it or add hints
(``seeds/structure/<slug>.yml``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .pipeline import BODY_KINDS, Document

FRONT = ("title", "byline", "meta", "abstract", "keywords")


@dataclass(frozen=True)
class Counts:
    """The figures of one text's reading."""

    paragraphs: int
    headings: int
    list_items: int
    abstracts: int
    references: int
    footnotes: int
    citations_linked: int
    citations_unlinked: int
    furniture: int
    lines: int


def counts(document: Document) -> Counts:
    kinds = Counter(item.block.kind for item in document.blocks)
    linked = sum(1 for item in document.blocks for segment in item.segments if segment.kind == "citation")
    return Counts(
        paragraphs=kinds["paragraph"] + kinds["quote"] + kinds["preformatted"],
        headings=kinds["heading"],
        list_items=kinds["list_item"],
        abstracts=kinds["abstract"],
        references=kinds["reference"],
        footnotes=kinds["footnote"],
        citations_linked=linked,
        citations_unlinked=len([problem for problem in document.problems if " citation " in problem]),
        furniture=len(document.removed),
        lines=document.line_count,
    )


def warnings(document: Document, text: str | None = None) -> list[str]:
    """What looks doubtful in the reading of ``document`` (``text``: the seed, for lost lines)."""
    found = list(document.problems)
    blocks = [item.block for item in document.blocks]
    body = [block for block in blocks if block.kind in BODY_KINDS and block.kind != "heading"]
    body_chars = sum(len(block.text) for block in body)
    abstract_chars = sum(len(block.text) for block in blocks if block.kind == "abstract")
    if not body:
        found.append("the body is empty: every block was read as front matter")
    elif abstract_chars > body_chars:
        found.append(f"the abstracts ({abstract_chars:,} characters) are longer than the body ({body_chars:,}): is the body read as front matter?")
    if not any(block.kind == "title" for block in blocks):
        found.append("no title line was found (the catalogue's title is used)")
    headings = Counter(block.text for block in blocks if block.kind == "heading")
    for heading, times in headings.items():
        if times > 1:
            found.append(f"the heading {heading!r} appears {times} times: a running head left in the text?")
    for block in blocks:
        if block.kind == "heading" and (re.search(r"\d{2,}\s*$", block.text) and not re.match(r"^\d", block.text) or re.fullmatch(r"[\d\s–-]+", block.text)):
            found.append(f"line {block.line}: the heading {block.text!r} ends with a number: page furniture?")
    if text is not None:
        lost = lost_lines(document, text)
        if lost:
            found.append(f"{len(lost)} line(s) in no block and not removed: {', '.join(map(str, lost[:10]))}")
    return found


def lost_lines(document: Document, text: str) -> list[int]:
    """Non-blank lines of the seed that are in no block and not removed as furniture."""
    covered: set[int] = set()
    for item in document.blocks:
        covered.update(range(item.block.line, item.block.end_line + 1))
    covered.update(removed.line for removed in document.removed)
    return [number for number, line in enumerate(text.split("\n"), start=1) if line.strip() and number not in covered]


def summary_line(document: Document) -> str:
    """One line for the build's summary: the counts and the number of warnings."""
    figures = counts(document)
    problems = warnings(document)
    citations = figures.citations_linked + figures.citations_unlinked
    parts = [
        f"{figures.paragraphs} paragraphs",
        f"{figures.headings} headings",
        f"{figures.references} references",
        f"{figures.citations_linked}/{citations} citations linked",
        f"{figures.furniture} furniture lines removed",
    ]
    tail = f"; {len(problems)} warning{'s' if len(problems) != 1 else ''} (make inspect SEED=seeds/{document.entry.file})" if problems else ""
    return f"seeds/{document.entry.file} ({document.format}): " + ", ".join(parts) + tail


def full_report(document: Document, text: str) -> str:
    """Every block with its kind, language, lines and first words; the removed lines; counts; warnings."""
    lines = [f"{document.entry.file} — read as {document.format}", ""]
    paged = any(item.block.page for item in document.blocks)
    lines.append(f"{'kind':<19}{'lang':<5}{'lines':<12}" + (f"{'page':<6}" if paged else "") + "first words")
    for item in document.blocks:
        block = item.block
        span = f"{block.line}" if block.line == block.end_line else f"{block.line}-{block.end_line}"
        words = " ".join(item.plain.split()[:12])
        number = f"[{block.number}] " if block.number is not None and block.kind in ("reference", "footnote") else ""
        page = f"{block.page or '':<6}" if paged else ""
        lines.append(f"{block.kind:<19}{block.lang:<5}{span:<12}{page}{number}{words}")
    if document.format == "pdf":
        lines += ["", "(Line numbers are those of the PDF's text as read: python scripts/inspect_text.py --text shows it.)"]
    if document.removed:
        lines += ["", "Removed as furniture:"]
        for removed in document.removed:
            lines.append(f"  line {removed.line:<6} {removed.reason:<22} {removed.text[:70]}")
    figures = counts(document)
    lines += [
        "",
        "Counts:",
        f"  body paragraphs {figures.paragraphs}, headings {figures.headings}, list items {figures.list_items}, "
        f"abstracts {figures.abstracts}, references {figures.references}, footnotes {figures.footnotes}",
        f"  citations linked {figures.citations_linked}, unlinked {figures.citations_unlinked}; "
        f"furniture lines removed {figures.furniture}; lines {figures.lines}",
    ]
    problems = warnings(document, text)
    lines += ["", "Warnings:" if problems else "Warnings: none"]
    lines += [f"  {problem}" for problem in problems]
    return "\n".join(lines) + "\n"
