"""What a format reader emits: drafts of blocks, with their line ranges, before classification.

Every format (``formats/``) turns the lines of one seed into :class:`Draft` objects and
:class:`Removed` lines; the structure stage (``structure.py``) then decides what each draft is
in the document (title, abstract, body paragraph, reference…). A reader says only what the
layout shows: that a draft is a heading, a list item, a quotation, a preformatted table, a
footnote, a reference-list item or ordinary text.

No silent loss: every non-blank line of a seed belongs to exactly one draft or one removed
line (furniture, with the reason it was removed).
"""

from __future__ import annotations

from dataclasses import dataclass

# What a reader can say of a draft.
DRAFT_KINDS = (
    "text",  # ordinary running text (a paragraph, or a front-matter line: the structure stage decides)
    "heading",  # a heading by its layout (Markdown "#", a numbered or capitalised short line)
    "list_item",  # an item of a bulleted or numbered list ("•", "–", "-", "*", "1)", "a)", "1.")
    "quote",  # a block quotation
    "preformatted",  # a flattened table or code: shown as it is, line by line
    "footnote",  # a note at the foot of a page, with its number
    "reference",  # an item of a reference list, with its number when printed
)


@dataclass(frozen=True)
class Draft:
    """One block as a reader found it.

    ``start`` and ``end`` are the 1-based first and last line of the seed that the draft
    covers (lines of furniture inside that range are not part of it: they are in
    ``Removed``). ``text`` is the draft's text, joined and cleaned, with the inline
    markup of its format resolved (Markdown links stay ``[label](https://…)``, which
    annotate makes into links). ``level`` is a heading's level (1 = the document's title in
    Markdown), ``number`` a list item's, footnote's or reference's printed number,
    ``marker`` a list item's printed bullet or number ("•", "1)", "a)").
    """

    kind: str
    start: int
    end: int
    text: str
    level: int | None = None
    number: int | None = None
    marker: str | None = None
    page: str | None = None  # the printed page number it starts on, where the source shows pages


@dataclass(frozen=True)
class Removed:
    """A line removed as page or web furniture: its 1-based number, text and reason."""

    line: int
    text: str
    reason: str  # e.g. "page number", "running head", "downloaded-from line", "share buttons"


@dataclass(frozen=True)
class Reading:
    """What a format reader returns for one seed.

    ``id_lines`` are the seed's lines as the paragraph IDs are computed from them (an ID is
    a hash of ``id_lines[start - 1 : end]``): the lines after the repairs that must not
    change an ID (Markdown escapes, duplicated link text), one for each line of the seed.
    """

    drafts: tuple[Draft, ...]
    removed: tuple[Removed, ...]
    id_lines: tuple[str, ...]
