"""MkDocs hook: citations, generated sections and glossary links on the pages.

``[@source#p-id]`` becomes a numbered citation with a preview; ``<!-- theme:… -->`` and
``<!-- home:… -->`` markers become generated sections; the first mention of each glossary
term on a page links to its entry. The work is in ``sourcekit.hand_written`` (sections and
citations) and ``sourcekit.glossary_links``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from sources import one_line_errors, site_data
from sourcekit.bibliography import Formatted, cited_title, highwire_tags, page_citations, page_highwire_tags, source_citations
from sourcekit.foreign import mark_other_script
from sourcekit.edition import current_edition
from sourcekit.exports import FOLDER, FORMATS, MEDIA_TYPES
from sourcekit.templates import render_template
from sourcekit.labels import load_labels
from sourcekit.parts import PART_SOURCE
from mkdocs.exceptions import PluginError

from sourcekit.glossary_links import link_first_mentions
from sourcekit.hand_written import render_hand_written
from sourcekit.page_context import PageContext
from sourcekit.sections import UnknownMarker
from sourcekit.urls import SiteUrls

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

_THEME_PAGE = re.compile(r"^themes/([a-z0-9-]+)\.(en|kk|ru)\.md$")
_READER_PAGE = re.compile(r"^sources/([a-z0-9-]+)" + PART_SOURCE + r"\.(en|kk|ru)\.md$")


def page_language(page: Page, config: MkDocsConfig) -> str:
    """The language of ``page``, as mkdocs-static-i18n set it."""
    return getattr(page.file, "locale", None) or config.theme["language"]


def is_offline(config: MkDocsConfig) -> bool:
    """Whether this is the offline edition (Material's offline plugin enabled)."""
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def public_address(page_url: str, config: MkDocsConfig) -> str | None:
    """The address of the page at ``page_url`` on the published site, or ``None`` when the build
    does not know where the site is published: ``site_url``, or in the offline edition (built
    without it, see scripts/offline.py) ``PUBLIC_SITE_URL``. The offline edition's own pages end
    in ``.html``; the published site's are folders."""
    base = config.site_url or os.environ.get("PUBLIC_SITE_URL") or None
    if not base:
        return None
    url = page_url or ""
    if not config.use_directory_urls and url.endswith(".html"):
        url = url.removesuffix("index.html") if url == "index.html" or url.endswith("/index.html") else url[: -len(".html")] + "/"
    return base.rstrip("/") + "/" + url


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Keep the iframe-worker shim (``extra.polyfills``) for the offline edition only.

    It lets search run from ``file://``; online it would only be one more script that
    blocks the first paint of every page.
    """
    if not is_offline(config):
        config.extra["polyfills"] = [script for script in config.extra.get("polyfills", []) if "iframe-worker" not in script]
    return config


# The citation markers of each page, made from its Markdown and put in after Markdown has
# run (``on_page_content``), keyed by the page's source file.
_stashes: dict[str, PageContext] = {}


def is_hand_written(page: Page) -> bool:
    """Whether ``page`` is a file in ``docs/``: generated pages (readers, kits, glossary…) are
    rendered whole by ``sourcekit`` and their text, which comes from the seeds, is never read
    for citations or section markers."""
    return bool(page.file.abs_src_path) and Path(page.file.abs_src_path).is_file()


@one_line_errors
def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Render citations and the generated sections of hand-written pages."""
    lang = page_language(page, config)
    data = site_data()
    context = PageContext(
        lang=lang, url=page.url, knowledge=data.knowledge, labels=load_labels(), urls=SiteUrls(config.use_directory_urls)
    )
    theme = _THEME_PAGE.match(page.file.src_uri)
    reader = _READER_PAGE.match(page.file.src_uri)
    public_url = public_address(page.url, config)
    if not is_hand_written(page):
        if reader and reader.group(1) != "index":
            markdown += "\n\n" + _cite_this_page(page, config, context, source=reader.group(1))
            entry = data.knowledge.sources[reader.group(1)].entry
            page.meta["sourcekit_citation"] = highwire_tags(entry, public_url=public_url)
        return markdown
    if theme:
        date = current_edition(offline=is_offline(config)).date
        page.meta["sourcekit_citation"] = page_highwire_tags(
            title=str(page.meta.get("title") or page.title or ""),
            editors=context.labels.get("citepage.editors", lang),
            date=date if date != "unknown" else "1970-01-01",
            lang=lang,
            public_url=public_url,
        )
    _stashes[page.file.src_uri] = context
    if "<!-- home:edition -->" in markdown:
        edition = current_edition(offline=is_offline(config))
        key = "edition.offline" if edition.offline else "edition.online"
        line = context.labels.get(key, lang, version=edition.version, date=edition.date)
        markdown = markdown.replace("<!-- home:edition -->", f'<p class="sk-edition">{line}</p>')
    try:
        markdown = render_hand_written(markdown, theme=theme.group(1) if theme else None, context=context)
    except UnknownMarker as error:
        source = Path(page.file.abs_src_path).read_text(encoding="utf-8").splitlines()
        line = next((number for number, text in enumerate(source, 1) if f":{error}" in text and "<!--" in text), None)
        where = f"docs/{page.file.src_uri}" + (f":{line}" if line else "")
        raise PluginError(f"{where}: unknown generated section <!-- …:{error} -->") from None
    if theme:
        markdown += "\n\n" + _cite_this_page(page, config, context, source=None)
    return markdown


def _source_citations(entry, lang: str) -> Formatted:  # noqa: ANN001 - a CatalogueEntry
    """The original's citations, its words in the other script marked with their language
    (the English names and title of an English text on a Kazakh page)."""
    formatted = source_citations(entry, lang=lang)
    other = "en" if lang != "en" else cited_title(entry, lang)[1]
    return Formatted(apa=mark_other_script(formatted.apa, lang, other), gost=mark_other_script(formatted.gost, lang, other))


def _cite_this_page(page: Page, config: MkDocsConfig, context: PageContext, *, source: str | None) -> str:
    """The "Cite this page" section of a theme or source page."""
    labels, lang = context.labels, context.lang
    date = current_edition(offline=is_offline(config)).date
    title = page.meta.get("title") or page.title or ""
    # The published address when the build knows it; online without it, the page's path, which
    # citations.js completes from the address bar; offline without it, none (the note says so).
    public = public_address(page.url, config)
    path = public or ("" if is_offline(config) else page.url or "")
    date = date if date != "unknown" else "1970-01-01"
    citations = page_citations(
        title=str(title),
        editors=labels.get("citepage.editors", lang),
        site_name=config.site_name,
        url=path,
        date=date,
        lang=lang,
    )
    entry = context.knowledge.sources[source].entry if source else None
    html = render_template(
        "cite-page.html",
        page=citations,
        path=path,
        public=bool(public),
        accessed=".".join(reversed(date.split("-"))),  # GOST's dd.mm.yyyy, which citations.js sets to today
        gost_label=labels.get("citepage.gost_label", lang),
        note=labels.get("citepage.note", lang),
        no_address=None if path else labels.get("citepage.no_address", lang),
        note_today=labels.get("citepage.note_today", lang),
        source=_source_citations(entry, lang) if entry else None,
        source_title=labels.get("citepage.source_title", lang),
        source_lang=entry.original_language if entry else lang,
        download_label=labels.get("citepage.download", lang),
        downloads=[
            {"href": context.urls.relative(f"{FOLDER}/{source}.{extension}", page.url), "format": name, "type": MEDIA_TYPES[extension]}
            for extension, name in FORMATS.items()
        ]
        if source
        else [],
    )
    return f"## {labels.get('citepage.title', lang)}\n\n{html}\n"


@one_line_errors
def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Put in the citation markers, then link the first mention of each glossary term, except
    on the glossary itself."""
    context = _stashes.pop(page.file.src_uri, None)
    if context is not None:
        html = context.unstash(html)
    lang = page_language(page, config)
    urls = SiteUrls(config.use_directory_urls)
    glossary = urls.page("glossary", lang)
    if page.url == glossary:
        return html
    return link_first_mentions(
        html, terms=site_data().knowledge.terms, lang=lang, glossary_href=urls.relative(glossary, page.url), labels=load_labels()
    )
