"""Structure hints: what no heuristic can know about one text, kept as data beside it.

``seeds/structure/<slug>.yml`` is optional, like the corrections::

    format: pdf_text            # pdf_text, markdown or web (else the catalogue's, else guessed)
    body:
      starts: "Introduction"    # the first words of the first body block (or a line: 17)
      ends: 412                 # the last line of the body (what follows is back matter)
    furniture:                  # more lines to remove: regular expressions, matched per line
      - "^Вестник КазНУ\\b"
    headings: "^\\d+(\\.\\d+)*\\s"  # one-line blocks that match are section headings
    kinds:                      # a kind for a range of lines
      - lines: 1-15
        kind: abstract

Every key is checked by the schema; an unknown key, a bad range or an invalid regular
expression stops the build with the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .schema import Either, ListOf, Number, Record, Text, validate
from .yamlio import line_at, load_yaml

FORMATS = ("pdf_text", "markdown", "web")
HINT_KINDS = ("title", "byline", "meta", "abstract", "keywords", "heading", "paragraph", "list_item", "quote", "preformatted", "reference", "furniture")
_RANGE = Text(pattern=r"\d+(?:\s*-\s*\d+)?", expected="a line or a range of lines like 12-30")
LINE = Number()
HINTS = Record(
    optional={
        "format": Text(choices=FORMATS),
        "body": Record(optional={"starts": Either(LINE, Text(), expected="a line number or the first words of the body"), "ends": LINE}),
        "furniture": ListOf(Text(), min_items=1),
        "headings": Text(),
        "kinds": ListOf(Record(required={"lines": Either(LINE, _RANGE, expected="a line or a range of lines like 12-30"), "kind": Text(choices=HINT_KINDS)})),
    }
)


@dataclass(frozen=True)
class Hints:
    """The hints of one text (all empty when it has no hints file)."""

    format: str | None = None
    body_starts: int | str | None = None
    body_ends: int | None = None
    furniture: tuple[re.Pattern[str], ...] = ()
    headings: re.Pattern[str] | None = None
    kinds: tuple[tuple[int, int, str], ...] = ()

    def kind_at(self, line: int) -> str | None:
        """The kind the hints give the block that starts at ``line``, if any."""
        for first, last, kind in self.kinds:
            if first <= line <= last:
                return kind
        return None


NO_HINTS = Hints()


def load_hints(path: Path) -> Hints:
    """Load ``seeds/structure/<slug>.yml``; no file means no hints."""
    if not path.exists():
        return NO_HINTS
    data = load_yaml(path)
    if data is None:
        return NO_HINTS
    validate(data, HINTS, path=path)
    body = data.get("body", {})
    kinds = []
    for index, item in enumerate(data.get("kinds", [])):
        first, last = _range(item["lines"])
        if last < first:
            raise InputError(path, f"the range {item['lines']} runs backwards", line=line_at(data["kinds"], index, None))
        kinds.append((first, last, item["kind"]))
    return Hints(
        format=data.get("format"),
        body_starts=body.get("starts"),
        body_ends=body.get("ends"),
        furniture=tuple(_pattern(pattern, path, data["furniture"], index) for index, pattern in enumerate(data.get("furniture", []))),
        headings=_pattern(data["headings"], path, data, "headings") if "headings" in data else None,
        kinds=tuple(kinds),
    )


def _range(value: int | str) -> tuple[int, int]:
    if isinstance(value, int):
        return value, value
    first, _, last = str(value).partition("-")
    return int(first), int(last or first)


def _pattern(pattern: str, path: Path, container: object, key: object) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as error:
        raise InputError(path, f"{pattern!r} is not a valid regular expression: {error}", line=line_at(container, key, None)) from None
