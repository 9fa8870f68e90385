"""The site model: everything the generated parts of the site are made from, assembled in one place.

:func:`assemble` reads the inputs of a project (its texts and data in ``seeds/``, its
hand-written pages in ``docs/``, the interface labels) and returns one immutable
:class:`SiteModel`: the ingested texts, the theme knowledge, the citation graph (what
each page cites, from its rendering: ``citation_graph``), the labels, the languages and the registry of generated pages. The MkDocs plugin
(``mkdocs_sourcekit``) builds it once per set of inputs and every page reads from it; no
page reads an input file of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from .citation_graph import CitationGraph, build_graph
from .citations import read_docs
from .context import processing
from .knowledge import load_knowledge
from .labels import Labels
from .labels import read_labels as read_labels_file
from .languages import Languages, configured, languages_in
from .model import Knowledge
from .templates import templates_from
from .parts import parallel_path, reader_path, split_parts
from .pipeline import Document, ingest


@dataclass(frozen=True)
class Project:
    """Where a project's inputs are: all paths absolute (the plugin resolves them from
    ``mkdocs.yml``; scripts and tests use :meth:`at`), and its languages, the default first
    (the plugin reads them from mkdocs-static-i18n's configuration)."""

    root: Path
    seeds_dir: Path
    docs_dir: Path
    labels_file: Path
    templates_dir: Path  # the theme's custom_dir, with partials/sourcekit/
    languages: tuple[str, ...]

    @classmethod
    def at(cls, root: Path) -> Project:
        """The usual layout of a checkout: ``seeds/``, ``docs/``, ``hooks/data/labels.yml``,
        ``overrides/``, and the languages of its ``mkdocs.yml``."""
        root = Path(root).resolve()
        return cls(
            root=root,
            seeds_dir=root / "seeds",
            docs_dir=root / "docs",
            labels_file=root / "hooks" / "data" / "labels.yml",
            templates_dir=root / "overrides",
            languages=languages_in(root / "mkdocs.yml").codes,
        )

    def input_paths(self) -> tuple[Path, ...]:
        """Every input the model is made from (for a fingerprint of them)."""
        return (self.seeds_dir, self.labels_file, self.docs_dir)  # templates: Jinja reloads an edited one


class GeneratedPage(NamedTuple):
    """A page the site adds to ``docs/``: its kind, the text or kit it shows, language and part."""

    kind: str  # "index", "glossary", "timeline", "kit", "reader" or "parallel"
    slug: str | None
    lang: str
    part: int


def generated_pages(documents: list[Document], knowledge: Knowledge, languages: tuple[str, ...]) -> dict[str, GeneratedPage]:
    """The registry of generated pages: each page's ``src_uri`` (in every language) and what it is.

    A new kind of generated page is one more entry here and one more renderer in
    ``mkdocs_sourcekit.generated``."""
    pages: dict[str, GeneratedPage] = {}
    for lang in languages:
        pages[f"sources/index.{lang}.md"] = GeneratedPage("index", None, lang, 1)
        pages[f"glossary.{lang}.md"] = GeneratedPage("glossary", None, lang, 1)
        pages[f"timeline.{lang}.md"] = GeneratedPage("timeline", None, lang, 1)
        for kit in knowledge.kits:
            pages[f"classroom/{kit.theme}.{lang}.md"] = GeneratedPage("kit", kit.theme, lang, 1)
        for document in documents:
            slug = document.entry.slug
            for part in split_parts(document):
                pages[f"{reader_path(slug, part.number)}.{lang}.md"] = GeneratedPage("reader", slug, lang, part.number)
                pages[f"{parallel_path(slug, part.number)}.{lang}.md"] = GeneratedPage("parallel", slug, lang, part.number)
    return pages


@dataclass(frozen=True)
class SiteModel:
    """The ingested texts, the theme knowledge, the citation graph, the labels and the registry
    of generated pages. Immutable: one model serves every page of every language build."""

    documents: list[Document]
    knowledge: Knowledge
    citations: CitationGraph
    labels: Labels
    languages: Languages
    pages: dict[str, GeneratedPage] = field(default_factory=dict)

    def document(self, slug: str) -> Document:
        """The text with ``slug`` (a ``KeyError`` names an unknown one)."""
        for document in self.documents:
            if document.entry.slug == slug:
                return document
        raise KeyError(slug)

    def part_count(self, slug: str) -> int:
        """How many parts the reader of the text ``slug`` is split into."""
        return len(split_parts(self.document(slug)))


def empty_model(labels: Labels, languages: tuple[str, ...]) -> SiteModel:
    """The model of a project with no texts and no themes (the preview before its first good data)."""
    knowledge = Knowledge(themes=(), facts=(), events=(), differences=(), terms=())
    return SiteModel(documents=[], knowledge=knowledge, citations=CitationGraph(), labels=labels, languages=Languages(languages))


def read_labels(project: Project) -> Labels:
    """The project's labels, read afresh and validated (a bad label stops the build with its
    line; ``load_labels`` keeps what it read, which a live preview must not)."""
    with configured(project.languages), processing(project.labels_file):
        return read_labels_file(project.labels_file)


def assemble(project: Project) -> SiteModel:
    """Read every input of ``project`` and build its model; bad input raises ``InputError``
    naming the file and line."""
    with configured(project.languages) as languages:
        return _assemble(project, languages)


def _assemble(project: Project, languages: Languages) -> SiteModel:
    labels = read_labels(project)
    with processing(project.seeds_dir):
        documents = ingest(project.seeds_dir)
        knowledge = load_knowledge(project.seeds_dir, documents, labels_file=project.labels_file)
    with processing(project.docs_dir):
        by_slug = {document.entry.slug: document for document in documents}
        docs = read_docs(project.docs_dir, by_slug, seeds_dir=project.seeds_dir)
    with templates_from(project.templates_dir):
        citations = build_graph(docs, docs_dir=project.docs_dir, knowledge=knowledge, labels=labels, languages=languages.codes)
    return SiteModel(
        documents=documents,
        knowledge=knowledge,
        citations=citations,
        labels=labels,
        languages=languages,
        pages=generated_pages(documents, knowledge, languages.codes),
    )
