"""Citations in hand-written pages: ``[@source#p-id]`` → a link to the paragraph, with a preview.

Several targets share one pair of brackets: ``[@a#p-1; @b#p-2]``. A citation of a paragraph
that does not exist stops the build, naming the page and the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .language_checks import check_page
from .load import read_text
from .pipeline import Document

CITATION = re.compile(r"\[(@[a-z0-9-]+#p-[0-9a-f]{6}(?:-\d+)?(?:\s*;\s*@[a-z0-9-]+#p-[0-9a-f]{6}(?:-\d+)?)*)\]")
_TARGET = re.compile(r"@([a-z0-9-]+)#(p-[0-9a-f]{6}(?:-\d+)?)")
# Anything that looks like a citation, to catch malformed ones ("[@x#p-12]").
_LOOSE = re.compile(r"\[@[^\]]*\]")


@dataclass(frozen=True)
class Cited:
    """One cited paragraph on one page, where it was cited from."""

    source: str
    paragraph: str
    path: Path
    line: int


def targets(text: str) -> list[tuple[str, str]]:
    """The (source, paragraph) pairs of a citation's inside."""
    return _TARGET.findall(text)


def scan_citations(path: Path, markdown: str, documents: dict[str, Document]) -> list[Cited]:
    """Every citation of ``markdown`` (from ``path``), checked against the sources."""
    found: list[Cited] = []
    for number, line in enumerate(markdown.splitlines(), start=1):
        for loose in _LOOSE.finditer(line):
            if not CITATION.fullmatch(loose.group(0)):
                raise InputError(path, f"malformed citation {loose.group(0)!r}; write [@source#p-xxxxxx]", line=number)
            for source, paragraph in targets(loose.group(0)):
                document = documents.get(source)
                if document is None:
                    raise InputError(path, f"citation of unknown source '{source}'", line=number)
                if paragraph not in document.by_id():
                    raise InputError(path, f"citation of {source}#{paragraph}, a paragraph that does not exist", line=number)
                found.append(Cited(source, paragraph, path, number))
    return found


@dataclass
class CitationIndex:
    """Which hand-written pages cite which paragraphs: ``{"src#p-id": {page_key, …}}``."""

    pages_by_paragraph: dict[str, set[str]] = field(default_factory=dict)

    def add(self, page_key: str, cited: list[Cited]) -> None:
        for item in cited:
            self.pages_by_paragraph.setdefault(f"{item.source}#{item.paragraph}", set()).add(page_key)

    def pages_citing(self, source: str, paragraph: str) -> list[str]:
        return sorted(self.pages_by_paragraph.get(f"{source}#{paragraph}", ()))


def scan_docs(docs_dir: Path, documents: dict[str, Document], *, seeds_dir: Path) -> CitationIndex:
    """Scan every hand-written page for citations; the key of a page is its path without language.

    A page that is not UTF-8 (or has a control character), or a Kazakh or Russian page that
    breaks a rule of :mod:`language_checks`, stops the build here, with one line.
    """
    index = CitationIndex()
    for path in sorted(docs_dir.rglob("*.md")):
        relative = path.relative_to(docs_dir).as_posix()
        page_key = re.sub(r"\.(en|kk|ru)\.md$", "", relative)
        markdown = read_text(path)
        check_page(path, markdown, seeds_dir=seeds_dir)  # kk/ru prose: numbers, terms, dashes
        index.add(page_key, scan_citations(path, markdown, documents))
    return index
