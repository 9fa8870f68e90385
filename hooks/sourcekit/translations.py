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

from .errors import InputError
from .yamlio import line_of, load_yaml


@dataclass(frozen=True)
class Translation:
    """The translation of one block into one language."""

    block_id: str
    text: str
    fingerprint: str
    note: str | None
    line: int


def load_translations(path: Path) -> dict[str, Translation]:
    """Load one translation file; a missing file means nothing is translated yet."""
    if not path.exists():
        return {}
    data = load_yaml(path)
    if data is None:
        return {}
    if not isinstance(data, dict) or not isinstance(data.get("blocks"), dict):
        raise InputError(path, "expected a mapping with a mapping 'blocks' (paragraph ID → translation)", line=line_of(data, 1))
    translations: dict[str, Translation] = {}
    for block_id, raw in data["blocks"].items():
        line = line_of(raw)
        if not isinstance(raw, dict) or not isinstance(raw.get("text"), str) or not raw["text"].strip():
            raise InputError(path, f"translation of {block_id} needs a non-empty 'text'", line=line)
        if not isinstance(raw.get("fingerprint"), str):
            raise InputError(path, f"translation of {block_id} needs the 'fingerprint' of its original, as a quoted string", line=line)
        note = raw.get("note")
        translations[str(block_id)] = Translation(
            block_id=str(block_id), text=raw["text"].strip(), fingerprint=raw["fingerprint"], note=note, line=line or 0
        )
    return translations
