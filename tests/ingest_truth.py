"""Measure the ingest of a fixture text against its ground truth (tests/data/ingest/*.truth.yml).

Used by ``tests/test_ingest.py`` (thresholds) and ``scripts/bench.py`` (figures).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from sourcekit.catalogue import CatalogueEntry, Title
from sourcekit.clean import CleaningRules
from sourcekit.pipeline import Document, ingest_seed

FIXTURES = Path(__file__).parent / "data" / "ingest"
BODY_KINDS = ("paragraph", "list_item", "quote", "preformatted", "heading")


def normal(text: str) -> str:
    """Text compared without differences of white space or of the dash and quote glyphs."""
    text = text.replace("\u00ad", "")
    return re.sub(r"\s+", " ", text).strip()


def fixtures() -> list[Path]:
    return sorted(path for path in FIXTURES.iterdir() if path.suffix in (".txt", ".md") and path.name != "README.md")


def truth_of(path: Path) -> dict:
    return yaml.safe_load(path.with_suffix(".truth.yml").read_text(encoding="utf-8"))


def entry_for(path: Path, truth: dict, slug: str | None = None) -> CatalogueEntry:
    """A catalogue entry for a fixture, as a contributor would write it."""
    language = truth.get("original_language", "en")
    title = truth.get("title") or path.stem
    return CatalogueEntry(
        slug=slug or path.stem.replace("_", "-"),
        file=path.name,
        type="article-journal",
        original_language=language,
        titles={code: Title(title, "source" if code == language else "editors") for code in ("en", "kk", "ru")},
        authors=None,
        affiliation=None,
        supervisor=None,
        year=None,
        notes="",
        line=0,
        format=None,
    )


@dataclass
class Score:
    """How much of the truth came through, per kind: (found, expected)."""

    name: str
    body: tuple[int, int] = (0, 0)
    headings: tuple[int, int] = (0, 0)
    references: tuple[int, int] = (0, 0)
    citations: tuple[int, int] = (0, 0)
    list_items: tuple[int, int] = (0, 0)
    furniture_left: list[str] = field(default_factory=list)
    missing: dict[str, list[str]] = field(default_factory=dict)

    @staticmethod
    def ratio(pair: tuple[int, int]) -> float:
        return 1.0 if pair[1] == 0 else pair[0] / pair[1]


def score(path: Path, document: Document, truth: dict) -> Score:
    result = Score(path.name)
    blocks = document.blocks
    texts_by_kind: dict[str, Counter[str]] = {}
    for item in blocks:
        texts_by_kind.setdefault(item.block.kind, Counter())[normal(item.block.text)] += 1

    def found(kinds: tuple[str, ...], expected: list[str], key: str, strip_marker: bool = False) -> tuple[int, int]:
        pool: Counter[str] = Counter()
        for kind in kinds:
            for text, count in texts_by_kind.get(kind, Counter()).items():
                pool[text] += count
                if strip_marker:
                    pool[normal(re.sub(r"^\s*(?:\d{1,2}[.)]|[a-zа-я]\)|[•●▪–—*-])\s+", "", text))] += count
        hits = 0
        for text in expected:
            wanted = normal(text)
            if pool[wanted] > 0:
                pool[wanted] -= 1
                hits += 1
            else:
                result.missing.setdefault(key, []).append(text)
        return hits, len(expected)

    result.body = found(("paragraph",), truth.get("body", []), "body")
    result.headings = found(("heading",), truth.get("headings", []), "headings")
    result.list_items = found(("list_item",), truth.get("list_items", []), "list_items", strip_marker=True)
    result.references = found(("reference",), truth.get("references", []) + truth.get("references_transliterated", []), "references")

    cited: Counter[tuple[str, tuple[int, ...]]] = Counter()
    for item in blocks:
        for segment in item.segments:
            if segment.kind == "citation":
                cited[(normal(segment.text), tuple(sorted(segment.targets)))] += 1
    hits = 0
    for citation in truth.get("citations", []):
        key = (normal(citation["marker"]), tuple(sorted(citation["refs"])))
        if cited[key] > 0:
            cited[key] -= 1
            hits += 1
        else:
            result.missing.setdefault("citations", []).append(f"{citation['marker']} → {citation['refs']}")
    result.citations = (hits, len(truth.get("citations", [])))

    shown = "\n".join(normal(item.block.text) for item in blocks)
    removed = Counter(normal(item.text) for item in document.removed)
    for line in truth.get("furniture", []):
        wanted = normal(line)
        if removed[wanted] > 0:
            removed[wanted] -= 1
            continue
        if len(wanted) >= 8 and wanted in shown or len(wanted) < 8:
            result.furniture_left.append(line)
    return result


def ingest_fixture(path: Path, rules: CleaningRules, tmp: Path) -> Document:
    """Ingest one fixture as a seed of its own (in ``tmp``), with its truth's language."""
    truth = truth_of(path)
    seeds = tmp / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    (seeds / path.name).write_bytes(path.read_bytes())
    return ingest_seed(entry_for(path, truth), seeds_dir=seeds, rules=rules, strict=False)


def lost_lines(text: str, document: Document) -> list[int]:
    """Lines of the seed that are in no block and not listed as removed."""
    covered = set()
    for item in document.blocks:
        covered.update(range(item.block.line, item.block.end_line + 1))
    covered.update(item.line for item in document.removed)
    return [number for number, line in enumerate(text.split("\n"), start=1) if line.strip() and number not in covered]
