"""Interface labels in three languages (``hooks/data/labels.yml``), validated on load."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .catalogue import LANGUAGES
from .errors import InputError
from .yamlio import line_of, load_yaml

LABELS_FILE = Path(__file__).resolve().parents[1] / "data" / "labels.yml"
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Labels:
    """Look up a label in a language and fill in its ``{placeholders}``."""

    table: dict[str, dict[str, str]]

    def get(self, key: str, lang: str, /, **values: object) -> str:
        """Return label ``key`` in ``lang``; a missing key is a programming error."""
        return self.table[key][lang].format(**values)


@lru_cache(maxsize=2)
def load_labels(path: Path = LABELS_FILE) -> Labels:
    """Load the labels; every key needs en, kk, ru with the same placeholders."""
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise InputError(path, "expected a mapping of label keys")
    table: dict[str, dict[str, str]] = {}
    for key, value in data.items():
        line = line_of(value, line_of(data))
        if not isinstance(value, dict) or set(value) != set(LANGUAGES):
            raise InputError(path, f"label '{key}' needs exactly en, kk and ru", line=line)
        placeholders = {language: set(_PLACEHOLDER.findall(str(text))) for language, text in value.items()}
        if len({frozenset(names) for names in placeholders.values()}) != 1:
            raise InputError(path, f"label '{key}' has different {{placeholders}} in its languages", line=line)
        table[str(key)] = {language: str(text) for language, text in value.items()}
    return Labels(table)
