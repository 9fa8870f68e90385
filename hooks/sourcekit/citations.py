"""Citations in hand-written pages: ``[@source#p-id]`` → a link to the paragraph, with a preview.

Several targets share one pair of brackets: ``[@a#p-1; @b#p-2]``. A citation of a paragraph
that does not exist stops the build, naming the page and the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
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


def read_docs(docs_dir: Path, documents: dict[str, Document], *, seeds_dir: Path) -> dict[Path, str]:
    """Every hand-written page (path → Markdown), each checked: its citations against the
    sources, its text (UTF-8, no control character) and, on a Kazakh or Russian page, the
    rules of :mod:`language_checks`. A page that breaks one stops the build here, with one line.
    What the pages cite is read from their rendering (``citation_graph``), not from here."""
    pages: dict[Path, str] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        markdown = read_text(path)
        check_page(path, markdown, seeds_dir=seeds_dir)  # kk/ru prose: numbers, terms, dashes
        scan_citations(path, markdown, documents)
        pages[path] = markdown
    return pages
