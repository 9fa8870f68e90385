"""Where a generated page is added to the site, and where its Markdown is made.

The registry of generated pages is ``SiteModel.pages`` (``sourcekit.site_model``). Each page
is added in two steps, because mkdocs-static-i18n rebuilds every ``File`` from its source
path and drops generated content (see ``../shared/STACK.md``):

1. :func:`add_generated_files`, before the i18n plugin sorts the files: every language
   variant of every page, backed by a path in ``docs_dir`` (the file need not exist), so that
   the plugin links each page to the same page in the other languages;
2. :func:`fill_generated_files`, after it: the Markdown of the pages it kept for this
   language, from :func:`page_markdown`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.structure.files import File, Files

from sourcekit.context import processing
from sourcekit.languages import noting_fallbacks
from sourcekit.parts import PartHrefs, parallel_path, reader_path, split_parts
from sourcekit.pipeline import Document
from sourcekit.render import PartLinks, render_parallel, render_reader, render_source_index
from sourcekit.page_context import PageContext
from sourcekit.pages import render_glossary_page, render_kit_page, render_timeline_page
from sourcekit.site_model import SiteModel
from sourcekit.untranslated import with_page_note
from sourcekit.urls import SiteUrls

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def add_generated_files(files: Files, config: MkDocsConfig, model: SiteModel) -> Files:
    """Add every language variant of every generated page that ``docs/`` does not have."""
    for uri in model.pages:
        if files.get_file_from_path(uri) is None:
            file = File.generated(config, uri, content="")
            file.abs_src_path = str(Path(config.docs_dir) / uri)
            files.append(file)
    return files


def fill_generated_files(files: Files, config: MkDocsConfig, model: SiteModel) -> Files:
    """Set ``content_string`` on every generated page that this language build kept."""
    docs_dir = Path(config.docs_dir)
    urls = SiteUrls(directory_urls=config.use_directory_urls)
    for file in files:
        if not file.abs_src_path or not file.src_uri.endswith(".md"):
            continue
        path = Path(file.abs_src_path)
        if path.exists() or docs_dir not in path.parents:
            continue
        with processing(path), noting_fallbacks() as untranslated:  # an unexpected error names the generated page
            uri = path.relative_to(docs_dir).as_posix()
            markdown = page_markdown(model, uri, urls=urls)
        page = model.pages.get(uri)
        if markdown is not None and page is not None and untranslated and page.kind not in ("reader", "parallel"):
            # Texts of the data shown in the default language; a reader has its own note.
            original = model.labels.get(f"language.{model.languages.default}", page.lang)
            markdown = with_page_note(markdown, model.labels.get("page.partly_untranslated_notice", page.lang, language=original))
        if markdown is not None:
            file.content_string = markdown
    return files


def page_markdown(model: SiteModel, uri: str, *, urls: SiteUrls) -> str | None:
    """The Markdown of the generated page ``uri``, or ``None`` if it is not one."""
    page = model.pages.get(uri)
    if page is None:
        return None
    kind, slug, lang, number = page
    labels = model.labels
    if kind == "index":
        return render_source_index(model.documents, lang, labels)
    if kind in ("glossary", "timeline"):
        context = PageContext(lang=lang, url=urls.page(kind, lang), knowledge=model.knowledge, labels=labels, urls=urls)
        return render_glossary_page(context) if kind == "glossary" else render_timeline_page(context)
    if kind == "kit":
        context = PageContext(lang=lang, url=urls.page(f"classroom/{slug}", lang), knowledge=model.knowledge, labels=labels, urls=urls)
        return render_kit_page(slug, context)
    document = model.document(slug)
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
        variant: (term.term[lang], f"{glossary}#term-{term.id}") for term in model.knowledge.terms for variant in term.variants
    }
    cited_on = _cited_on(model, document, number, lang, urls, here)
    return render_reader(document, lang, labels, links=links, cited_on=cited_on, variants=variants)


def _cited_on(
    model: SiteModel, document: Document, number: int, lang: str, urls: SiteUrls, here: str
) -> dict[str, list[tuple[str, str]]]:
    """For each paragraph of part ``number`` of ``document``: the (title, link from ``here``) of
    every page that cites it in ``lang`` (theme pages, kits, any page of ``docs/``)."""
    result: dict[str, list[tuple[str, str]]] = {}
    for block_id in split_parts(document)[number - 1].blocks:
        pages = model.citations.pages_citing(document.entry.slug, block_id, lang)
        links = [(page.titles[lang], urls.relative(urls.page(page.key, lang), here)) for page in pages]
        if links:
            result[block_id] = links
    return result
