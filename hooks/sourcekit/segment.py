"""Segment stage: split a seed into classified blocks, through its format's reader.

1. The format's reader (``formats/``: PDF text, Markdown, web copy) turns the text into
   drafts and lists the furniture it removed (``drafts.py``).
2. The structure stage (``structure.py``) decides from the labelled zones what each draft is:
   title, byline, metadata, abstract, keywords, heading, paragraph, list item, quotation,
   preformatted table, footnote, references heading or reference.
3. Each block gets a stable ``block_id`` made from a hash of its own raw lines, so editing
   one paragraph never changes the ID of another.

:func:`segment_text` returns the blocks with what was removed (for the segmentation
report); :func:`segment` only the blocks.
"""

from __future__ import annotations

from dataclasses import dataclass

from .clean import CleaningRules, clean_block_text
from .drafts import Removed
from .formats import guess, read
from .hints import NO_HINTS, Hints
from .paragraph_ids import ParagraphIds
from .structure import classify

BLOCK_KINDS = (
    "title", "byline", "meta", "abstract", "keywords", "heading", "paragraph", "list_item",
    "quote", "preformatted", "footnote", "references_heading", "reference",
)


@dataclass(frozen=True)
class Block:
    """One addressable unit of a seed.

    ``kind`` is one of :data:`BLOCK_KINDS`. ``text`` is cleaned but not yet corrected.
    ``number`` is a list item's, footnote's or reference's printed number, ``marker`` a list
    item's printed bullet; ``series`` tells a second, transliterated reference list (1)
    from the first (0).
    """

    kind: str
    block_id: str
    text: str
    lang: str
    line: int
    end_line: int
    number: int | None = None
    markdown: bool = False  # from a Markdown seed: its http(s) links are links (annotate)
    marker: str | None = None
    series: int = 0
    page: str | None = None  # the printed page it starts on (PDF, or text that shows its pages)


@dataclass(frozen=True)
class Segmentation:
    """The blocks of one seed, the furniture removed from it, and the format it was read as."""

    blocks: tuple[Block, ...]
    removed: tuple[Removed, ...]
    format: str


def is_markdown(text: str) -> bool:
    """Whether ``text`` is read as Markdown (see :func:`formats.guess`)."""
    return guess(text) == "markdown"


def segment_text(text: str, *, rules: CleaningRules, fmt: str | None = None, hints: Hints = NO_HINTS, layout=None) -> Segmentation:  # noqa: ANN001
    """Read ``text`` in its format (given, hinted or guessed) and classify its blocks.

    ``layout`` is what a PDF's layout decided about the lines of ``text`` (``formats.pdf``).
    """
    fmt = "pdf" if layout is not None else fmt or hints.format or guess(text)
    reading = read(text, fmt=fmt, rules=rules, hints=hints, layout=layout)
    markdown = fmt == "markdown"
    removed_numbers = {item.line for item in reading.removed}
    blocks: list[Block] = []
    ids = ParagraphIds()
    series = 0
    positions = [0, 0]  # references seen in each list, to number an unnumbered one
    for item in classify(reading, markdown=markdown, hints=hints):
        draft = item.draft
        if item.kind == "references_heading" and any(block.kind == "reference" for block in blocks):
            series = 1  # a second list: the same references transliterated
        block_id = ids.next_id(reading, draft, removed_numbers)
        text_ = item.text if draft.kind == "preformatted" else clean_block_text(item.text)
        number = draft.number
        if item.kind == "reference":
            positions[series] += 1
            number = number if number is not None else positions[series]
        blocks.append(
            Block(
                kind=item.kind,
                block_id=block_id,
                text=text_,
                lang=item.lang,
                line=draft.start,
                end_line=draft.end,
                number=number,
                markdown=markdown,
                # A Markdown bullet ("-", "*", "+") is syntax, not print: shown as a bullet.
                marker="•" if markdown and draft.marker in ("-", "*", "+") else draft.marker,
                series=series if item.kind in ("reference", "references_heading") else 0,
                page=draft.page,
            )
        )
    return Segmentation(tuple(blocks), reading.removed, fmt)


def segment(text: str, *, rules: CleaningRules, fmt: str | None = None, hints: Hints = NO_HINTS) -> list[Block]:
    """Split the loaded text of one seed into cleaned, classified blocks."""
    return list(segment_text(text, rules=rules, fmt=fmt, hints=hints).blocks)
