"""MkDocs hook: run the pipeline and add the generated pages (readers, glossary, timeline).

A thin adapter over ``sourcekit``: it ingests the seeds and the theme data once per set of
inputs, and adds every language variant of the generated pages early, so that
mkdocs-static-i18n links them to each other; ``sources_content.py`` fills in their
Markdown late, after i18n has rebuilt the files. Bad input stops the build with one line
naming the file, in ``on_config``, before anything is written.

Under ``mkdocs serve`` bad input does not stop the preview: the error is printed once per
rebuild, the pages are built from the last good data and say so in a banner
(``overrides/partials/sourcekit/serve-banner.html``), and the next rebuild after the fix
clears it. If the very first build has bad input, there is no good data yet: the preview
is then one page per language that waits for the fix, under the same banner.

Every event (and :func:`site_data`) is wrapped in :func:`one_line_errors`, so that no input
ends in a traceback: an unexpected error becomes one line naming the file or page.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import logging
import os
import pickle
import re
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from sourcekit.catalogue import LANGUAGES
from sourcekit.citations import CitationIndex, scan_docs
from sourcekit.context import describe, input_of, processing
from sourcekit.errors import InputError
from sourcekit.knowledge import load_knowledge
from sourcekit.model import Knowledge
from sourcekit.labels import LABELS_FILE, load_labels
from sourcekit.pipeline import SEEDS_DIR, Document, ingest, inputs_fingerprint
from sourcekit.report import summary_line
from sourcekit.parts import PartHrefs, parallel_path, reader_path, split_parts
from sourcekit.render import PartLinks, render_parallel, render_reader, render_source_index
from sourcekit.page_context import PageContext
from sourcekit.pages import render_glossary_page, render_kit_page, render_timeline_page
from sourcekit.urls import SiteUrls

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

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

    def pages(self) -> dict[str, tuple[str, str | None, str, int]]:
        """:func:`generated_pages` of this data, made once (it is immutable), not once per page."""
        cached = self.__dict__.get("_pages")
        if cached is None:
            cached = generated_pages(self.documents, self.knowledge)
            object.__setattr__(self, "_pages", cached)
        return cached


@dataclass
class Preview:
    """The state of a ``mkdocs serve`` session (hooks are loaded once per session)."""

    serving: bool = False
    last_good: SiteData | None = None
    problem: InputError | None = None  # the bad input the preview is waiting to be fixed
    page_problems: list[str] = field(default_factory=list)  # pages of this rebuild that failed

    @property
    def waiting(self) -> bool:
        """Bad input and no good data yet: the preview is only a page that waits for the fix."""
        return self.problem is not None and self.last_good is None


_cache: dict[str, SiteData] = {}
_build_key: list[str] = []  # the inputs' fingerprint, taken once per (language) build
_preview = Preview()
EMPTY_DATA = SiteData(
    documents=[], knowledge=Knowledge(themes=(), facts=(), events=(), differences=(), terms=()), citations=CitationIndex()
)
_log = logging.getLogger("mkdocs.hooks.sources")

Params = ParamSpec("Params")
Result = TypeVar("Result")


def one_line_errors(event: Callable[Params, Result]) -> Callable[Params, Result]:
    """Let no traceback out of ``event``: any error becomes a :class:`PluginError` of one line.

    Bad input keeps its ``file:line: message``. Any other exception names the input being
    processed (``sourcekit.context.processing``), else the page being rendered, else the
    hook, with the exception's type and message. ``mkdocs build --verbose`` or
    ``SOURCEKIT_DEBUG=1`` print the traceback as well.

    Under ``serve``, a page event that fails (bad input in a page, such as an unknown section
    marker, or a page citing what only the newer data has) prints its line once and leaves
    the page as it is, so that the preview goes on answering; the banner says why.
    """

    @functools.wraps(event)
    def wrapper(*args: Params.args, **kwargs: Params.kwargs) -> Result:
        try:
            return event(*args, **kwargs)
        except PluginError as error:
            if not (_preview.serving and "page" in kwargs and args):
                raise
            return _page_failed(str(error), args[0])  # bad input in a page (an unknown marker…)
        except Exception as error:  # noqa: BLE001 - reported as one line, see above
            if isinstance(error, InputError):
                message = str(error)
            else:
                page = kwargs.get("page")
                page_path = getattr(getattr(page, "file", None), "abs_src_path", None)
                where = input_of(error) or (Path(page_path) if page_path else Path(inspect.getfile(event)))
                if os.environ.get("SOURCEKIT_DEBUG") == "1" or logging.getLogger("mkdocs").isEnabledFor(logging.DEBUG):
                    _log.info("The traceback of the error below:", exc_info=error)
                message = describe(error, where=where)
            if _preview.serving and "page" in kwargs and args:
                return _page_failed(message, args[0])
            raise PluginError(message) from None

    return wrapper


def _page_failed(message: str, unchanged: Result) -> Result:
    """Under ``serve``: print a page event's error once per rebuild, keep it for the banner,
    and leave the page as it was (a page event returns its first argument, changed)."""
    if message not in _preview.page_problems:
        _preview.page_problems.append(message)
        _report(message)
    return unchanged


def on_startup(*, command: str, dirty: bool) -> None:
    """Remember whether this is ``mkdocs serve``, where bad input must not stop the preview."""
    _preview.serving = command == "serve"


@one_line_errors
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Ingest (or take from the cache) the seeds and theme data; fail early on bad input.

    The inputs are fingerprinted here, once per build (``mkdocs serve`` calls this again on
    every rebuild), rather than on each of the many calls to :func:`site_data` in a build.
    Under ``serve``, bad input is printed here, once per rebuild (not again for each language).
    """
    _build_key[:] = [_fingerprint()]
    if not _is_language_build(config):
        _preview.page_problems.clear()
    site_data()
    if _preview.problem is not None and not _is_language_build(config):
        _report(_preview.problem)
    return config


@event_priority(50)
@one_line_errors
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    """Add every language variant of every generated page, backed by a path in docs_dir.

    While the preview waits for its first good data, only the home pages are kept.
    """
    if _preview.waiting:
        return _waiting_files(files)
    data = site_data()
    for uri in generated_pages(data.documents, data.knowledge):
        if files.get_file_from_path(uri) is None:
            file = File.generated(config, uri, content="")
            file.abs_src_path = str(Path(config.docs_dir) / uri)
            files.append(file)
    return files


@event_priority(100)  # before themes.py, which would render the markers of the page it replaces
@one_line_errors
def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """While the preview waits for its first good data, a home page only says so."""
    if not _preview.waiting:
        return markdown
    lang = getattr(page.file, "locale", None) or config.theme["language"]
    labels = load_labels()
    return f"# {labels.get('preview.waiting_title', lang)}\n\n{labels.get('preview.waiting_text', lang)}\n"


@one_line_errors
def on_env(env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
    """Give the pages the preview's banner text in this build's language (``None``: no banner)."""
    env.globals["sourcekit_serve_banner"] = _banner(config.theme["language"])
    return env


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
    page = data.pages().get(uri)
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
        reader=PartHrefs(count, lambda n: urls.relative(urls.page(reader_path(slug, n), lang), here)),
        parallel=PartHrefs(count, lambda n: urls.relative(urls.page(parallel_path(slug, n), lang), here)),
    )
    if kind == "parallel":
        return render_parallel(document, lang, labels, links=links)
    glossary = urls.relative(urls.page("glossary", lang), here)
    variants = {
        variant: (term.term[lang], f"{glossary}#term-{term.id}") for term in data.knowledge.terms for variant in term.variants
    }
    return render_reader(document, lang, labels, links=links, cited_on=_cited_on(document, number, lang, urls, data, here), variants=variants)


def _cited_on(
    document: Document, number: int, lang: str, urls: SiteUrls, data: SiteData, here: str
) -> dict[str, list[tuple[str, str]]]:
    """For each paragraph of part ``number`` of ``document``: the (title, link from ``here``) of the theme pages citing it."""
    result: dict[str, list[tuple[str, str]]] = {}
    for block_id in split_parts(document)[number - 1].blocks:
        pages = data.citations.pages_citing(document.entry.slug, block_id)
        links = []
        for page_key in pages:
            if page_key.startswith("themes/"):
                theme = data.knowledge.theme(page_key.split("/", 1)[1])
                links.append((theme.title[lang], urls.relative(urls.page(page_key, lang), here)))
        if links:
            result[block_id] = links
    return result


@one_line_errors
def site_data() -> SiteData:
    """The ingested seeds and theme data, cached by a fingerprint of every input file.

    The cache is kept in memory (``mkdocs serve`` rebuilds, the three language builds) and on
    disk in ``.cache/`` (the next build); only data from input without errors is stored.
    Bad input raises :class:`PluginError`, except under ``serve``: there the last good data
    (or, before there is any, :data:`EMPTY_DATA`) is used and the error kept for the banner.
    """
    key = _build_key[0] if _build_key else _fingerprint()
    if key not in _cache:
        try:
            data = _ingest(key)
        except InputError as error:
            if not _preview.serving:
                raise
            _preview.problem = error
            data = _preview.last_good or EMPTY_DATA
        else:
            _preview.problem, _preview.last_good = None, data
        _cache.clear()
        _cache[key] = data
    return _cache[key]


def _ingest(key: str) -> SiteData:
    """The data of the inputs with fingerprint ``key``: from the disk cache, or ingested now."""
    with processing(LABELS_FILE):
        # Validate the labels now, so that a bad one stops the build early; until a good
        # version is read, the cached one stays (``serve`` keeps showing the last good site).
        load_labels.__wrapped__()
        load_labels.cache_clear()
    data = _read_disk_cache(key)
    if data is None:
        with processing(SEEDS_DIR):
            documents = ingest()
            knowledge = load_knowledge(SEEDS_DIR, documents)
        with processing(DOCS_DIR):
            citations = scan_docs(DOCS_DIR, {document.entry.slug: document for document in documents})
        data = SiteData(documents=documents, knowledge=knowledge, citations=citations)
        _write_disk_cache(key, data)
    _summarise(data.documents)
    return data


def _summarise(documents: list[Document]) -> None:
    """One line per text: how it was read (the counts of ``make inspect``) and its warnings.

    On MkDocs' console, not on the ``mkdocs`` logger, whose warnings would abort a strict
    build: a doubtful reading of one text is reported, never fatal.
    """
    if not logging.getLogger("mkdocs").isEnabledFor(logging.INFO):
        return  # --quiet
    logger = _console("sourcekit.ingest")
    for document in documents:
        logger.info("sources: " + summary_line(document))


def _is_language_build(config: MkDocsConfig) -> bool:
    """Whether this is one of the builds of the other languages that mkdocs-static-i18n runs
    from inside the default language's build."""
    return bool(getattr(config.plugins.get("i18n"), "building", False))


def _report(problem: InputError | str) -> None:
    """Print the bad input of a ``serve`` rebuild as MkDocs prints an error.

    Not on the ``mkdocs`` logger: in strict mode MkDocs counts every warning and error logged
    there and aborts the build, and an aborted rebuild leaves the server stuck (every request
    waits for a build that succeeds). The line goes to MkDocs' own console handler instead.
    """
    _console("sourcekit.serve").error(str(problem))


def _console(name: str) -> logging.Logger:
    """A logger that prints on MkDocs' console handler without counting as MkDocs' own."""
    logger = logging.getLogger(name)
    if not logger.handlers:
        console = [handler for handler in logging.getLogger("mkdocs").handlers if handler.name == "MkDocsStreamHandler"]
        logger.handlers = console or [logging.StreamHandler()]
        logger.propagate = False
        logger.setLevel(logging.INFO)
    return logger


def _banner(lang: str) -> str | None:
    """The banner of a preview built from the last good data (or waiting for it), in ``lang``."""
    if _preview.problem is None:
        if _preview.page_problems:
            return load_labels().get("preview.page_problem", lang, error=_preview.page_problems[0])
        return None
    key = "preview.waiting" if _preview.waiting else "preview.last_good"
    return load_labels().get(key, lang, error=str(_preview.problem))


def _waiting_files(files: Files) -> Files:
    """Only the home pages (and the theme's assets): without data, no other page can be built."""
    for file in files.documentation_pages():
        if not re.fullmatch(r"index\.[a-z]+\.md", file.src_uri):
            files.remove(file)
    return files


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
    """Keep ``data`` for the next build (only the newest entry), atomically; never fail; never
    when the code on disk is not the code that made ``data``.

    The parts are stored, not :class:`SiteData`: MkDocs loads this hook under a file name,
    which pickle cannot import back.
    """
    if code_changed():
        return  # made by the code loaded before the edit: it must not outlive this process
    temporary = None
    try:
        payload = pickle.dumps((data.documents, data.knowledge, data.citations), protocol=pickle.HIGHEST_PROTOCOL)
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        for old in [*CACHE_DIR.glob("*.pickle"), *CACHE_DIR.glob("*.tmp")]:  # .tmp: from a killed build
            old.unlink(missing_ok=True)
        with tempfile.NamedTemporaryFile(dir=CACHE_DIR, suffix=".tmp", delete=False) as stream:
            temporary = Path(stream.name)
            stream.write(payload)
        os.replace(temporary, CACHE_DIR / f"{key}.pickle")
    except Exception:  # noqa: BLE001 - a cache that cannot be written is only a slower next build
        if temporary is not None:
            temporary.unlink(missing_ok=True)


HOOKS_DIR = Path(__file__).resolve().parent


def _code_fingerprint() -> str:
    """The hooks' and the pipeline's code on disk: every ``.py`` under ``hooks/`` (not the
    bytecode, which Python writes as modules are first imported)."""
    return inputs_fingerprint(HOOKS_DIR, pattern="*.py")


# The code this process runs: modules are imported once per process (``mkdocs serve`` keeps them
# across rebuilds), so data ingested after the code changed on disk was made by the old code.
_LOADED_CODE = _code_fingerprint()


def code_changed() -> bool:
    """Whether the hooks or the pipeline changed on disk since this process imported them
    (``make serve`` restarts the preview then; a plain ``mkdocs serve`` keeps the old code)."""
    return _code_fingerprint() != _LOADED_CODE


def _fingerprint() -> str:
    """Every input, the code on disk (a changed pipeline must not reuse old data) and the
    Python version (the disk cache is a pickle)."""
    inputs = inputs_fingerprint(SEEDS_DIR, LABELS_FILE, DOCS_DIR)
    return hashlib.sha256(f"{inputs} {_code_fingerprint()} {sys.version}".encode()).hexdigest()
