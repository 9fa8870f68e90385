"""Where a paragraph ID is made: ``p-`` and six hex digits of a hash of the paragraph's lines.

The ID is what citations (``[@source#p-1a2b3c]``), translations and corrections point at,
so it must not move when the text around it changes: it is made from the paragraph's own
lines (``Reading.id_lines``, each format reader's lines before the cleaning of the text, so
that a better cleaning rule does not change an ID), without the furniture removed from
among them. Two
paragraphs with the same lines get ``-2``, ``-3``… in the order they stand.
"""

from __future__ import annotations

from .drafts import Draft, Reading
from .textutil import fingerprint


def id_text(reading: Reading, draft: Draft, removed_lines: set[int]) -> str:
    """The lines a draft's paragraph ID is made from: its own lines, furniture aside."""
    return "\n".join(reading.id_lines[line - 1] for line in range(draft.start, draft.end + 1) if line not in removed_lines)


class ParagraphIds:
    """The IDs of one text's paragraphs, made in reading order (unique within the text)."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def next_id(self, reading: Reading, draft: Draft, removed_lines: set[int]) -> str:
        """The ID of ``draft``, the next paragraph of ``reading``."""
        candidate = f"p-{fingerprint(id_text(reading, draft, removed_lines), length=6)}"
        count = self._seen.get(candidate, 0) + 1
        self._seen[candidate] = count
        return candidate if count == 1 else f"{candidate}-{count}"
