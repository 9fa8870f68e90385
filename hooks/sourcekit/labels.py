"""Interface labels in three languages (``hooks/data/labels.yml``), validated on load."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from string import Formatter

from .errors import InputError
from .schema import MapOf, Text, Trilingual, validate
from .yamlio import line_at, load_yaml

LABELS_FILE = Path(__file__).resolve().parents[1] / "data" / "labels.yml"
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
LABELS = MapOf(
    Text(pattern=r"[a-z0-9_-]+(?:\.[a-z0-9_-]+)*", expected="a label key like reader.title"),
    Trilingual(),
    expected="a mapping of label keys to en, kk and ru",
)


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
    validate(data, LABELS, path=path)
    for key, value in data.items():
        line = line_at(data, key)
        for language, text in value.items():
            try:
                list(Formatter().parse(text))
            except ValueError:
                raise InputError(path, f"label '{key}.{language}' has a '{{' or '}}' that is not part of a {{placeholder}}", line=line) from None
        if len({frozenset(_PLACEHOLDER.findall(text)) for text in value.values()}) != 1:
            raise InputError(path, f"label '{key}' has different {{placeholders}} in its languages", line=line)
    return Labels({key: dict(value) for key, value in data.items()})
