"""Editorial corrections: human fixes kept as data, applied at build time, never silent.

``seeds/corrections/<slug>.yml`` lists ``find`` → ``replace`` pairs with a ``reason`` in
en, kk and ru.
Each ``find`` must occur exactly once in the cleaned text of its seed; otherwise the
build fails, naming the line of the correction, so that a correction can never drift
onto the wrong words after the seed or the cleaner changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .languages import texts
from .schema import TEXT, ListOf, Multilingual, Record, validate
from .segment import Block
from .yamlio import line_of, load_yaml

CORRECTIONS = Record(optional={"corrections": ListOf(Record(required={"find": TEXT, "replace": TEXT, "reason": Multilingual()}))})


@dataclass(frozen=True)
class Correction:
    """One editorial correction, numbered in the order of the corrections file."""

    number: int
    original: str
    replacement: str
    reason: dict[str, str]
    line: int

    @property
    def changed(self) -> tuple[str, str, int, int]:
        """The words that actually change: ``(original, replacement, prefix, suffix)``.

        ``find``/``replace`` may carry context words to make a match unique; readers are
        shown only the changed words, widened to whole words. ``prefix`` and ``suffix``
        are the lengths of the unchanged context before and after.
        """
        before, after = self.original, self.replacement
        prefix = 0
        while prefix < min(len(before), len(after)) and before[prefix] == after[prefix]:
            prefix += 1
        suffix = 0
        while (
            suffix < min(len(before), len(after)) - prefix
            and before[len(before) - 1 - suffix] == after[len(after) - 1 - suffix]
        ):
            suffix += 1
        def word_edge(text: str, index: int) -> bool:
            return index <= 0 or index >= len(text) or text[index - 1].isspace() or text[index].isspace()

        while not word_edge(before, prefix):
            prefix -= 1
        while not word_edge(before, len(before) - suffix):
            suffix -= 1
        return before[prefix : len(before) - suffix], after[prefix : len(after) - suffix], prefix, suffix


@dataclass(frozen=True)
class CorrectedBlock:
    """A block with its corrections applied; ``spans`` locate them in ``text``."""

    block: Block
    text: str
    spans: tuple[tuple[int, int, Correction], ...]


def load_corrections(path: Path) -> list[Correction]:
    """Load a corrections file; a missing file means no corrections."""
    if not path.exists():
        return []
    data = load_yaml(path)
    if data is None:
        return []
    validate(data, CORRECTIONS, path=path)
    corrections: list[Correction] = []
    for number, raw in enumerate(data.get("corrections", []), start=1):
        line = line_of(raw, 0) or 0
        if raw["find"] == raw["replace"]:
            raise InputError(path, "correction changes nothing ('find' equals 'replace')", line=line)
        corrections.append(
            Correction(
                number=number,
                original=raw["find"],
                replacement=raw["replace"],
                reason=texts(raw["reason"], strip=True),
                line=line,
            )
        )
    return corrections


def apply_corrections(blocks: list[Block], corrections: list[Correction], *, path: Path) -> list[CorrectedBlock]:
    """Apply every correction to the one block whose text contains its ``find`` once."""
    texts = [block.text for block in blocks]
    spans: list[list[tuple[int, int, Correction]]] = [[] for _ in blocks]
    for correction in corrections:
        hits = [(index, text.find(correction.original)) for index, text in enumerate(texts) if correction.original in text]
        count = sum(text.count(correction.original) for text in texts)
        if count == 0:
            raise InputError(path, f"correction {correction.original!r} no longer matches the text of the seed", line=correction.line)
        if count > 1:
            raise InputError(path, f"correction {correction.original!r} matches {count} places; make 'find' longer so it matches one", line=correction.line)
        index, found = hits[0]
        changed_original, changed_replacement, prefix, suffix = correction.changed
        start = found + prefix
        end = found + len(correction.original) - suffix
        if any(start < other_end and other_start < end for other_start, other_end, _ in spans[index]):
            raise InputError(path, f"correction {correction.original!r} overlaps an earlier correction", line=correction.line)
        texts[index] = texts[index][:start] + changed_replacement + texts[index][end:]
        shift = len(changed_replacement) - len(changed_original)
        spans[index] = [
            (s + shift, e + shift, c) if s >= end else (s, e, c) for s, e, c in spans[index]
        ] + [(start, start + len(changed_replacement), correction)]
    return [
        CorrectedBlock(block=block, text=text, spans=tuple(sorted(block_spans, key=lambda span: span[0])))
        for block, text, block_spans in zip(blocks, texts, spans)
    ]
