"""Interface labels in every language of the site (``hooks/data/labels.yml``), validated on load.

The interface must be complete: every label in every configured language
(:mod:`sourcekit.languages`), and for each language its name (``language.<code>``) and its
column of the side-by-side view (``parallel.column.<code>``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from string import Formatter

from .errors import InputError
from .languages import current
from .schema import MapOf, Multilingual, Text, validate
from .yamlio import line_at, load_yaml

LABELS_FILE = Path(__file__).resolve().parents[1] / "data" / "labels.yml"
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
LABELS = MapOf(
    Text(pattern=r"[a-z0-9_-]+(?:\.[a-z0-9_-]+)*", expected="a label key like reader.title"),
    Multilingual(needs="every"),
    expected="a mapping of label keys to a text in every language of the site",
)


@dataclass(frozen=True)
class Labels:
    """Look up a label in a language and fill in its ``{placeholders}``."""

    table: dict[str, dict[str, str]]

    def get(self, key: str, lang: str, /, **values: object) -> str:
        """Return label ``key`` in ``lang``; a missing key is a programming error."""
        return self.table[key][lang].format(**values)


def load_labels(path: Path = LABELS_FILE) -> Labels:
    """The labels of ``path``, checked for the site's languages; kept once read (a live
    preview reads them afresh with :func:`read_labels`)."""
    return _kept_labels(path, current().codes)


@lru_cache(maxsize=2)
def _kept_labels(path: Path, codes: tuple[str, ...]) -> Labels:
    return read_labels(path)


def read_labels(path: Path) -> Labels:
    """Read and check the labels: every key in every language of the site, with the same
    placeholders; a name and a side-by-side column for every language."""
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
    for code in current().codes:
        for key in (f"language.{code}", f"parallel.column.{code}"):
            if key not in data:
                raise InputError(path, f"the labels have no '{key}' (every language of the site needs its name and its column)")
    return Labels({key: dict(value) for key, value in data.items()})
