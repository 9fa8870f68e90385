"""MkDocs hook: run the pipeline and add the generated pages (readers, glossary, timeline).

A thin adapter over ``sourcekit``: it ingests the seeds and the theme data once per set of
inputs, and adds every language variant of the generated pages early, so that
mkdocs-static-i18n links them to each other; ``sources_content.py`` fills in their
Markdown late, after i18n has rebuilt the files. Bad input stops the build with one line
naming the file, in ``on_config``, before anything is written.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from sourcekit.catalogue import LANGUAGES
from sourcekit.citations import CitationIndex, scan_docs
from sourcekit.errors import InputError
from sourcekit.knowledge import Knowledge, load_knowledge
from sourcekit.labels import LABELS_FILE, load_labels
from sourcekit.pipeline import SEEDS_DIR, Document, ingest, inputs_fingerprint
from sourcekit.parts import parallel_path, reader_path, split_parts
from sourcekit.render import PartLinks, render_parallel, render_reader, render_source_index
from sourcekit.theme_render import PageContext, render_glossary_page, render_kit_page, render_timeline_page
from sourcekit.urls import SiteUrls

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

DOCS_DIR = Path(__file__).resolve().parents[1] / "docs"

# MkDocs registers this hook as ``sys.modules["hooks/sources.py"]``; the other hooks'
# ``from sources import …`` would load a second copy, with a second cache (and a second
# ingest). Registering it under its plain name as well makes them share this one.
if __name__ != "sources":
    sys.modules.setdefault("sources", sys.modules[__name__])


@dataclass(frozen=True)
class SiteData:
    """Everything the generated parts of the site are made from."""

    documents: list[Document]
    knowledge: Knowledge
    citations: CitationIndex


_cache: dict[str, SiteData] = {}
_build_key: list[str] = []  # the inputs' fingerprint, taken once per (language) build


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Ingest (or take from the cache) the seeds and theme data; fail early on bad input.

    The inputs are fingerprinted here, once per build (``mkdocs serve`` calls this again on
    every rebuild), rather than on each of the many calls to :func:`site_data` in a build.
    """
    _build_key[:] = [_fingerprint()]
    site_data()
    return config


@event_priority(50)
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    """Add every language variant of every generated page, backed by a path in docs_dir."""
    data = site_data()
    for uri in generated_pages(data.documents, data.knowledge):
        if files.get_file_from_path(uri) is None:
            file = File.generated(config, uri, content="")
            file.abs_src_path = str(Path(config.docs_dir) / uri)
            files.append(file)
    return files


def generated_pages(documents: list[Document], knowledge: Knowledge) -> dict[str, tuple[str, str | None, str, int]]:
    """Map each generated page's ``src_uri`` to (page kind, slug, language, part)."""
    pages: dict[str, tuple[str, str | None, str, int]] = {}
    for lang in LANGUAGES:
        pages[f"sources/index.{lang}.md"] = ("index", None, lang, 1)
        pages[f"glossary.{lang}.md"] = ("glossary", None, lang, 1)
        pages[f"timeline.{lang}.md"] = ("timeline", None, lang, 1)
        for kit in knowledge.kits:
            pages[f"classroom/{kit.theme}.{lang}.md"] = ("kit", kit.theme, lang, 1)
        for document in documents:
            slug = document.entry.slug
            for part in split_parts(document):
                pages[f"{reader_path(slug, part.number)}.{lang}.md"] = ("reader", slug, lang, part.number)
                pages[f"{parallel_path(slug, part.number)}.{lang}.md"] = ("parallel", slug, lang, part.number)
    return pages


def page_markdown(uri: str, *, urls: SiteUrls) -> str | None:
    """The Markdown of the generated page ``uri``, or ``None`` if it is not ours."""
    data = site_data()
    page = generated_pages(data.documents, data.knowledge).get(uri)
    if page is None:
        return None
    kind, slug, lang, number = page
    labels = load_labels()
    if kind == "index":
        return render_source_index(data.documents, lang, labels)
    if kind in ("glossary", "timeline"):
        context = PageContext(lang=lang, url=urls.page(kind, lang), knowledge=data.knowledge, labels=labels, urls=urls)
        return render_glossary_page(context) if kind == "glossary" else render_timeline_page(context)
    if kind == "kit":
        context = PageContext(lang=lang, url=urls.page(f"classroom/{slug}", lang), knowledge=data.knowledge, labels=labels, urls=urls)
        return render_kit_page(slug, context)
    document = next(document for document in data.documents if document.entry.slug == slug)
    count = len(split_parts(document))
    here = urls.page((parallel_path if kind == "parallel" else reader_path)(slug, number), lang)
    links = PartLinks(
        part=number,
        reader=tuple(urls.relative(urls.page(reader_path(slug, n), lang), here) for n in range(1, count + 1)),
        parallel=tuple(urls.relative(urls.page(parallel_path(slug, n), lang), here) for n in range(1, count + 1)),
    )
    if kind == "parallel":
        return render_parallel(document, lang, labels, links=links)
    glossary = urls.relative(urls.page("glossary", lang), here)
    variants = {
        variant: (term.term[lang], f"{glossary}#term-{term.id}") for term in data.knowledge.terms for variant in term.variants
    }
    return render_reader(document, lang, labels, links=links, cited_on=_cited_on(document, lang, urls, data, here), variants=variants)


def _cited_on(document: Document, lang: str, urls: SiteUrls, data: SiteData, here: str) -> dict[str, list[tuple[str, str]]]:
    """For each paragraph of ``document``: the (title, link from ``here``) of the theme pages citing it."""
    result: dict[str, list[tuple[str, str]]] = {}
    for item in document.blocks:
        pages = data.citations.pages_citing(document.entry.slug, item.block.block_id)
        links = []
        for page_key in pages:
            if page_key.startswith("themes/"):
                theme = data.knowledge.theme(page_key.split("/", 1)[1])
                links.append((theme.title[lang], urls.relative(urls.page(page_key, lang), here)))
        if links:
            result[item.block.block_id] = links
    return result


def site_data() -> SiteData:
    """The ingested seeds and theme data, cached by a fingerprint of every input file.

    The cache is kept in memory (``mkdocs serve`` rebuilds, the three language builds) and on
    disk in ``.cache/`` (the next build); only data from input without errors is stored.
    """
    try:
        key = _build_key[0] if _build_key else _fingerprint()
        if key not in _cache:
            _cache.clear()
            load_labels.cache_clear()
            load_labels()  # validate the labels now, so that a bad one stops the build early
            data = _read_disk_cache(key)
            if data is None:
                documents = ingest()
                by_slug = {document.entry.slug: document for document in documents}
                data = SiteData(
                    documents=documents,
                    knowledge=load_knowledge(SEEDS_DIR, documents),
                    citations=scan_docs(DOCS_DIR, by_slug),
                )
                _write_disk_cache(key, data)
            _cache[key] = data
        return _cache[key]
    except InputError as error:
        raise PluginError(str(error)) from None


def is_last_post_build(config: MkDocsConfig) -> bool:
    """Whether this ``on_post_build`` is the last of the build, after every language.

    mkdocs-static-i18n builds the other languages from inside the default language's
    ``on_post_build``; each of those builds runs the post-build hooks too. Work on the whole
    site (open data, the split search index, the map file, sitemaps) is done once, at the end.
    """
    plugin = config.plugins.get("i18n")
    return not getattr(plugin, "building", False)


CACHE_DIR = DOCS_DIR.parent / ".cache" / "sourcekit"


def _read_disk_cache(key: str) -> SiteData | None:
    """The data stored for ``key`` by an earlier build of this checkout, if any.

    The file is this project's own output (``.cache/`` in the checkout, like ``site/``); one
    that cannot be read, from another Python or an older pipeline, is ignored.
    """
    path = CACHE_DIR / f"{key}.pickle"
    try:
        with path.open("rb") as stream:
            documents, knowledge, citations = pickle.load(stream)  # noqa: S301 - written by _write_disk_cache
    except Exception:  # noqa: BLE001 - any unreadable cache means: build afresh
        return None
    return SiteData(documents=documents, knowledge=knowledge, citations=citations)


def _write_disk_cache(key: str, data: SiteData) -> None:
    """Keep ``data`` for the next build (only the newest entry), atomically; never fail.

    The parts are stored, not :class:`SiteData`: MkDocs loads this hook under a file name,
    which pickle cannot import back.
    """
    temporary = None
    try:
        payload = pickle.dumps((data.documents, data.knowledge, data.citations), protocol=pickle.HIGHEST_PROTOCOL)
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        for old in CACHE_DIR.glob("*.pickle"):
            old.unlink(missing_ok=True)
        with tempfile.NamedTemporaryFile(dir=CACHE_DIR, suffix=".tmp", delete=False) as stream:
            temporary = Path(stream.name)
            stream.write(payload)
        os.replace(temporary, CACHE_DIR / f"{key}.pickle")
    except Exception:  # noqa: BLE001 - a cache that cannot be written is only a slower next build
        if temporary is not None:
            temporary.unlink(missing_ok=True)


def _fingerprint() -> str:
    """Every input, the pipeline's own code (a changed pipeline must not reuse old data) and
    the Python version (the disk cache is a pickle)."""
    code = sorted((Path(__file__).parent / "sourcekit").glob("*.py"))
    inputs = inputs_fingerprint(SEEDS_DIR, LABELS_FILE, DOCS_DIR, *code)
    return hashlib.sha256(f"{inputs} {sys.version}".encode()).hexdigest()
