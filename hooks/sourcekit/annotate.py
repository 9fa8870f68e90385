"""Annotate stage: cut each corrected block into typed segments for rendering.

Segments are plain text, editorial corrections, citation markers (``[3, с. 45]``,
``[1; 4]``, ``(Nye, 2004, p. 5)``… found by ``references.py`` and linked to their
reference; a marker that cannot be linked stays text and is reported), footnote calls
(superscript digits, linked to the note), web addresses, links written in Markdown (``[label](https://…)``, in Markdown
seeds only, and only to http and https), and withheld personal e-mail addresses (never
published). Nothing else in a seed becomes markup: the templates escape every segment.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path

from .corrections import CorrectedBlock, Correction
from .privacy import EMAIL
from .references import Entry, find_citations, index_entries, split_entries

_URL = re.compile(r"https?://[^\s()«»<>\"]+?(?=[.,;:)]?(?:\s|$|\)))")
_FOOTNOTE_CALL = re.compile(r"(?<=[^\W\d_]|[.,;:»”)\"])([¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2})")
_FROM_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
# A Markdown link whose target is a web address; any other target (javascript:, data:, a
# relative path) leaves the brackets as text.
_MARKDOWN_LINK = re.compile(r"\[([^\[\]\n]{1,300})\]\((https?://[^\s()<>\"]+)\)")


@dataclass(frozen=True)
class Segment:
    """A piece of a block: ``kind`` is text, correction, citation, footnote_call, url, email
    or variant. A citation's ``number`` is its first reference, ``targets`` all of them.

    A ``variant`` is a spelling of the source that the glossary normalises; ``normalised``
    is the usual name and ``href`` its glossary entry (both set by the renderer).
    """

    kind: str
    text: str
    correction: Correction | None = None
    number: int | None = None
    href: str | None = None
    normalised: str | None = None
    targets: tuple[int, ...] = ()


@dataclass(frozen=True)
class AnnotatedBlock:
    """A corrected block, cut into segments. ``plain`` is its text with e-mails withheld."""

    corrected: CorrectedBlock
    segments: tuple[Segment, ...]

    @property
    def block(self):  # noqa: ANN201 - the Block of the segment stage
        return self.corrected.block

    @property
    def plain(self) -> str:
        return "".join("" if segment.kind == "email" else segment.text for segment in self.segments).strip()


def annotate(corrected: list[CorrectedBlock], *, seed_path: Path) -> tuple[list[AnnotatedBlock], list[str]]:
    """Annotate all blocks of one seed; also return what could not be linked, one line each.

    A citation marker is linked to the reference(s) it names; one that names no reference of
    the text stays plain text and is reported ("file:line: …"), and the build goes on.
    """
    index = index_entries(reference_entries(corrected))
    notes = {item.block.number for item in corrected if item.block.kind == "footnote" and item.block.number is not None}
    annotated: list[AnnotatedBlock] = []
    problems: list[str] = []
    for item in corrected:
        citations = find_citations(item.text, index) if item.block.kind not in ("reference", "references_heading") else []
        segments = tuple(_segments(item, citations, notes))
        if item.block.kind != "footnote":
            for citation in citations:
                if not citation.targets:
                    problems.append(f"{seed_path}:{item.block.line}: citation {citation.marker!r} names no reference of the text; shown as plain text")
        annotated.append(AnnotatedBlock(corrected=item, segments=segments))
    return annotated, problems


def reference_entries(corrected: list[CorrectedBlock]) -> list[Entry]:
    """The text's first reference list (a transliterated second list is not cited)."""
    entries: list[Entry] = []
    for position, item in enumerate((item for item in corrected if item.block.kind == "reference" and item.block.series == 0), start=1):
        number = item.block.number if item.block.number is not None else position
        parsed = split_entries([(item.block.line, item.text)])
        entry = parsed[0] if parsed else Entry(number, item.text, item.block.line, item.block.end_line, (), None)
        entries.append(dataclasses.replace(entry, number=number, text=item.text, start=item.block.line, end=item.block.end_line))
    return entries


def _segments(item: CorrectedBlock, citations: list | None = None, notes: set[int] | None = None) -> list[Segment]:
    """The segments of one block; ``citations`` are its markers (``references.Citation``)."""
    citations = citations or []
    notes = notes or set()
    text = item.text
    marks: list[tuple[int, int, Segment]] = [
        (start, end, Segment("correction", text[start:end], correction=correction)) for start, end, correction in item.spans
    ]

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e, _ in marks)

    if item.block.markdown:
        for match in _MARKDOWN_LINK.finditer(text):
            if free(*match.span()) and not EMAIL.search(match.group(0)):
                marks.append((match.start(), match.end(), Segment("url", match.group(1), href=match.group(2))))
    for match in EMAIL.finditer(text):
        if free(*match.span()):
            marks.append((match.start(), match.end(), Segment("email", match.group(0))))
    for match in _URL.finditer(text):
        if free(*match.span()):
            marks.append((match.start(), match.end(), Segment("url", match.group(0), href=match.group(0))))
    if item.block.kind not in ("reference", "references_heading"):
        for citation in citations:
            if citation.targets and free(citation.start, citation.end):
                segment = Segment("citation", citation.marker, number=citation.targets[0], targets=tuple(citation.targets))
                marks.append((citation.start, citation.end, segment))
        if notes and item.block.kind != "footnote":
            for match in _FOOTNOTE_CALL.finditer(text):
                number = int(match.group(1).translate(_FROM_SUPERSCRIPT))
                if number in notes and free(*match.span()):
                    marks.append((match.start(), match.end(), Segment("footnote_call", match.group(1), number=number)))
    marks.sort(key=lambda mark: mark[0])
    segments: list[Segment] = []
    position = 0
    for start, end, segment in marks:
        if start > position:
            segments.append(Segment("text", text[position:start]))
        segments.append(segment)
        position = end
    if position < len(text):
        segments.append(Segment("text", text[position:]))
    return segments


def mark_variants(segments: tuple[Segment, ...], variants: dict[str, tuple[str, str]]) -> tuple[Segment, ...]:
    """Cut the text segments at the variant spellings of ``variants`` ({spelling: (name, href)})."""
    if not variants:
        return segments
    pattern = re.compile("|".join(re.escape(spelling) for spelling in sorted(variants, key=len, reverse=True)))
    marked: list[Segment] = []
    for segment in segments:
        if segment.kind != "text":
            marked.append(segment)
            continue
        position = 0
        for match in pattern.finditer(segment.text):
            if match.start() > position:
                marked.append(Segment("text", segment.text[position : match.start()]))
            name, href = variants[match.group(0)]
            marked.append(Segment("variant", match.group(0), href=href, normalised=name))
            position = match.end()
        if position < len(segment.text):
            marked.append(Segment("text", segment.text[position:]))
    return tuple(marked)
