"""Long sources are read in parts, so that every page stays light on a slow connection.

A source whose body is longer than :data:`PART_CHARS` characters is split into consecutive
parts, preferably at a section heading, never between a heading and its first paragraph and
never inside the list of references. The split depends only on the original text, so part
*n* holds the same paragraphs in every language and in both the reader and the parallel view.
Part 1 keeps the source's own address (``sources/<slug>/``); the others are
``sources/<slug>/part-<n>/``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from .pipeline import Document

PART_CHARS = 9000  # characters of original text per part: about 20 KB gzipped in the parallel view
FRONT_KINDS = ("title", "abstract", "keywords", "byline", "meta")
HEADING_KINDS = ("heading", "references_heading")
# A later part's page, by its URL (``…/part-2/`` or, offline, ``…/part-2.html``) or by its
# source file (``…/part-2.kk.md``).
LATER_PART_URL = re.compile(r"/part-\d+(?:/|\.html)$")
PART_SOURCE = r"(?:/part-\d+)?"
_Value = TypeVar("_Value")


@dataclass(frozen=True)
class Part:
    """One part of a source: its number (from 1) and the IDs of its body blocks, in order."""

    number: int
    blocks: tuple[str, ...]
    continues: str | None = None  # the heading whose section this part continues, if any


def split_parts(document: Document, limit: int = PART_CHARS) -> tuple[Part, ...]:
    """The parts of ``document`` (one part if it is short). Cached on the document."""
    cached = document.__dict__.get("_parts")
    if cached is not None and cached[0] == limit:
        return cached[1]
    body = [item for item in document.blocks if item.block.kind not in FRONT_KINDS]
    groups: list[list] = [[]]
    size = 0
    in_references = False
    for item in body:
        kind = item.block.kind
        in_references = in_references or kind == "references_heading"
        length = len(item.plain)
        current = groups[-1]
        starts_section = kind in HEADING_KINDS
        if current and not (in_references and kind != "references_heading") and (
            size + length > limit or (starts_section and size >= limit // 2)
        ):
            carried = [current.pop()] if current[-1].block.kind in HEADING_KINDS else []
            groups.append(carried)
            size = sum(len(block.plain) for block in carried)
            current = groups[-1]
        current.append(item)
        size += length
    # A heading is a good place to break, but not at the price of an extra part: join any
    # neighbours that fit in one part together.
    merged: list[list] = []
    for group in groups:
        if merged and sum(len(item.plain) for item in merged[-1] + group) <= limit:
            merged[-1] = merged[-1] + group
        else:
            merged.append(group)
    groups = merged
    parts = []
    heading: str | None = None
    for number, group in enumerate(groups, start=1):
        continues = heading if group and group[0].block.kind not in HEADING_KINDS else None
        parts.append(Part(number=number, blocks=tuple(item.block.block_id for item in group), continues=continues))
        for item in group:
            if item.block.kind in HEADING_KINDS:
                heading = item.block.block_id
    result = tuple(parts)
    object.__setattr__(document, "_parts", (limit, result))
    return result


def paragraph_count(document: Document) -> int:
    """How many paragraphs of body text ``document`` has: every block after the front matter
    (title, abstract, byline…) that is not a heading, the references included. The one count
    that the list of sources and the card of each reader give."""
    return sum(1 for item in document.blocks if item.block.kind not in FRONT_KINDS + HEADING_KINDS)


def part_of(document: Document, block_id: str) -> int:
    """The number of the part that shows ``block_id`` (front matter is in part 1)."""
    return _cached(document, "_part_of", _part_numbers).get(block_id, 1)


def references_part(document: Document) -> int:
    """The part with the list of references (the last part if there is none)."""
    return _cached(document, "_references_part", _references_part)


def part_headings(document: Document) -> tuple[tuple[str, ...], ...]:
    """The IDs of the headings in each part (``[n - 1]`` for part *n*), in order."""
    return _cached(document, "_part_headings", _part_headings)


def _cached(document: Document, name: str, compute: Callable[[Document], _Value]) -> _Value:
    """``compute(document)``, kept on the document: documents are immutable, and each page of a
    long source asks again (hundreds of pages must not each cost a pass over every part)."""
    cached = document.__dict__.get(name)
    if cached is None:
        cached = compute(document)
        object.__setattr__(document, name, cached)
    return cached


def _part_numbers(document: Document) -> dict[str, int]:
    return {block_id: part.number for part in split_parts(document) for block_id in part.blocks}


def _references_part(document: Document) -> int:
    parts = split_parts(document)
    by_id = document.by_id()
    for part in parts:
        if any(by_id[block_id].block.kind == "references_heading" for block_id in part.blocks):
            return part.number
    return parts[-1].number


def _part_headings(document: Document) -> tuple[tuple[str, ...], ...]:
    by_id = document.by_id()
    return tuple(
        tuple(block_id for block_id in part.blocks if by_id[block_id].block.kind in HEADING_KINDS)
        for part in split_parts(document)
    )


def reader_path(slug: str, part: int = 1) -> str:
    """The page path (for :class:`~sourcekit.urls.SiteUrls`) of part ``part`` of a reader."""
    return f"sources/{slug}" + _part_suffix(part)


def parallel_path(slug: str, part: int = 1) -> str:
    """The page path of part ``part`` of a source's parallel view."""
    return f"sources/parallel/{slug}" + _part_suffix(part)


def _part_suffix(part: int) -> str:
    return "" if part == 1 else f"/part-{part}"


class PartHrefs(Sequence[str]):
    """The links from one page to every part of a view of a source, each made when asked for.

    ``hrefs[n - 1]`` is part *n*, made by ``href(n)``. A page links to a few parts (its
    neighbours and the ends; part 1 lists them all, once), so making every link for every
    page would cost the square of the number of parts.
    """

    def __init__(self, count: int, href: Callable[[int], str]) -> None:
        self._count = count
        self._href = href

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index: int) -> str:  # type: ignore[override] - parts are reached one by one
        if not -self._count <= index < self._count:
            raise IndexError(index)
        return self._href(index % self._count + 1)


def paragraph_path(document: Document, block_id: str) -> str:
    """The page path of the reader part that shows ``block_id``."""
    return reader_path(document.entry.slug, part_of(document, block_id))
