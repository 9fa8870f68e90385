"""MkDocs hook: turn the catalogued seeds into generated, trilingual source pages.

A thin adapter over ``sourcekit``: it runs the pipeline once per set of inputs and adds
every language variant of the generated pages early (so that mkdocs-static-i18n links
them to each other); ``sources_content.py`` fills in their Markdown late, after i18n has
rebuilt the files. Bad input stops the build with one line naming the file, before
anything is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from sourcekit.catalogue import LANGUAGES
from sourcekit.errors import InputError
from sourcekit.labels import load_labels
from sourcekit.pipeline import Document, ingest, inputs_fingerprint
from sourcekit.render import render_parallel, render_reader, render_source_index

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

_cache: dict[str, list[Document]] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Ingest (or take from the cache) every seed; fail early on bad input."""
    documents()
    return config


@event_priority(50)
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    """Add every language variant of every generated page, backed by a path in docs_dir."""
    for uri in generated_pages(documents()):
        if files.get_file_from_path(uri) is None:
            file = File.generated(config, uri, content="")
            file.abs_src_path = str(Path(config.docs_dir) / uri)
            files.append(file)
    return files


def generated_pages(documents: list[Document]) -> dict[str, tuple[str, str | None, str]]:
    """Map each generated page's ``src_uri`` to (page kind, slug, language)."""
    pages: dict[str, tuple[str, str | None, str]] = {}
    for lang in LANGUAGES:
        pages[f"sources/index.{lang}.md"] = ("index", None, lang)
        for document in documents:
            pages[f"sources/{document.entry.slug}.{lang}.md"] = ("reader", document.entry.slug, lang)
            pages[f"sources/parallel/{document.entry.slug}.{lang}.md"] = ("parallel", document.entry.slug, lang)
    return pages


def page_markdown(uri: str, documents: list[Document]) -> str | None:
    """The Markdown of the generated page ``uri``, or ``None`` if it is not ours."""
    page = generated_pages(documents).get(uri)
    if page is None:
        return None
    kind, slug, lang = page
    labels = load_labels()
    if kind == "index":
        return render_source_index(documents, lang, labels)
    document = next(document for document in documents if document.entry.slug == slug)
    if kind == "parallel":
        return render_parallel(document, lang, labels)
    return render_reader(document, lang, labels)


def documents() -> list[Document]:
    """The ingested seeds, cached by a fingerprint of every input file."""
    try:
        key = inputs_fingerprint()
        if key not in _cache:
            _cache.clear()
            _cache[key] = ingest()
        return _cache[key]
    except InputError as error:
        raise PluginError(str(error)) from None
