"""Translations of seed blocks, kept as data keyed by paragraph ID.

``seeds/translations/<slug>.<lang>.yml``::

    blocks:
      p-b60535:
        fingerprint: 1f0c2d9a8b7e   # fingerprint of the corrected original it translates
        text: Кіріспе
        note: optional translator's note

A translation whose fingerprint no longer matches its original is stale and fails the
build; so does one keyed to a paragraph that does not exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .schema import PARAGRAPH_ID, TEXT, MapOf, Record, Text, validate
from .yamlio import line_of, load_yaml

FINGERPRINT = Text(pattern=r"[0-9a-f]{12}", expected="the 12 hex digits of the original's fingerprint, in quotes")
TRANSLATIONS = Record(
    required={
        "blocks": MapOf(
            PARAGRAPH_ID,
            Record(required={"fingerprint": FINGERPRINT, "text": TEXT}, optional={"note": TEXT}),
            expected="a mapping of paragraph IDs to translations",
        )
    }
)


@dataclass(frozen=True)
class Translation:
    """The translation of one block into one language."""

    block_id: str
    text: str
    fingerprint: str
    note: str | None
    line: int


def load_translations(path: Path) -> dict[str, Translation]:
    """Load one translation file; a missing or empty file means nothing is translated yet."""
    if not path.exists():
        return {}
    data = load_yaml(path)
    if data is None:
        return {}
    validate(data, TRANSLATIONS, path=path)
    return {
        block_id: Translation(
            block_id=block_id, text=raw["text"].strip(), fingerprint=raw["fingerprint"], note=raw.get("note"), line=line_of(raw, 0) or 0
        )
        for block_id, raw in data["blocks"].items()
    }
