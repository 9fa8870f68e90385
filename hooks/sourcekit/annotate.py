"""Annotate stage: cut each corrected block into typed segments for rendering.

Segments are plain text, editorial corrections, citation markers ``[n]`` (linked to
reference n), web addresses, links written in Markdown (``[label](https://…)``, in Markdown
seeds only, and only to http and https), and withheld personal e-mail addresses (never
published). Nothing else in a seed becomes markup: the templates escape every segment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .corrections import CorrectedBlock, Correction
from .errors import InputError
from .privacy import EMAIL

_URL = re.compile(r"https?://[^\s()«»<>\"]+?(?=[.,;:)]?(?:\s|$|\)))")
_CITATION = re.compile(r"\[(\d{1,3})\]")
# A Markdown link whose target is a web address; any other target (javascript:, data:, a
# relative path) leaves the brackets as text.
_MARKDOWN_LINK = re.compile(r"\[([^\[\]\n]{1,300})\]\((https?://[^\s()<>\"]+)\)")


@dataclass(frozen=True)
class Segment:
    """A piece of a block: ``kind`` is text, correction, citation, url, email or variant.

    A ``variant`` is a spelling of the source that the glossary normalises; ``normalised``
    is the usual name and ``href`` its glossary entry (both set by the renderer).
    """

    kind: str
    text: str
    correction: Correction | None = None
    number: int | None = None
    href: str | None = None
    normalised: str | None = None


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


def annotate(corrected: list[CorrectedBlock], *, seed_path: Path) -> list[AnnotatedBlock]:
    """Annotate all blocks of one seed and check that each citation has its reference."""
    references = {item.block.number for item in corrected if item.block.kind == "reference"}
    annotated: list[AnnotatedBlock] = []
    for item in corrected:
        segments = tuple(_segments(item))
        for segment in segments:
            if segment.kind == "citation" and segment.number not in references:
                raise InputError(
                    seed_path, f"citation marker [{segment.number}] has no matching reference", line=item.block.line
                )
        annotated.append(AnnotatedBlock(corrected=item, segments=segments))
    return annotated


def _segments(item: CorrectedBlock) -> list[Segment]:
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
    if item.block.kind != "reference":
        for match in _CITATION.finditer(text):
            if free(*match.span()):
                marks.append((match.start(), match.end(), Segment("citation", match.group(0), number=int(match.group(1)))))
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
