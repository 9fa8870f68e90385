"""The pages' Markdown and HTML: on the pages of ``docs/``, citations, generated sections, "Cite this page", meta tags and
glossary links.

``[@source#p-id]`` becomes a numbered citation with a preview; ``<!-- theme:… -->`` and
``<!-- home:… -->`` markers become generated sections; the first mention of each glossary
term on a page links to its entry. The rendering is in ``sourcekit``; this module only picks,
for each page, what applies to it. Generated pages (readers, kits, glossary…) are rendered
whole from the model; their text, which comes from the seeds, is never read for citations or
markers here, except that a reader page gets its "Cite this page" section and meta tags.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from sourcekit.bibliography import Formatted, cited_title, highwire_tags, page_citations, page_highwire_tags, source_citations
from sourcekit.edition import current_edition
from sourcekit.exports import FOLDER, FORMATS, MEDIA_TYPES
from sourcekit.foreign import mark_other_script
from sourcekit.glossary_links import link_first_mentions
from sourcekit.hand_written import render_hand_written
from sourcekit.page_context import PageContext
from sourcekit.sections import UnknownMarker
from sourcekit.site_model import SiteModel
from sourcekit.templates import render_template
from sourcekit.untranslated import with_page_note
from sourcekit.urls import SiteUrls

from .i18n import build_language, page_language
from .publishing import is_offline, public_address

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

_THEME_PAGE = re.compile(r"^themes/([a-z0-9-]+)$")


def is_hand_written(page: Page) -> bool:
    """Whether ``page`` is a file in ``docs/`` (generated pages have no file there)."""
    return bool(page.file.abs_src_path) and Path(page.file.abs_src_path).is_file()


@dataclass
class HandWrittenPages:
    """Renders the pages' Markdown, and keeps each page's citation markers from its Markdown
    (``on_page_markdown``) to its HTML (``on_page_content``), keyed by its source file."""

    root: Path
    stashes: dict[str, PageContext] = field(default_factory=dict)

    def markdown(self, markdown: str, page: Page, config: MkDocsConfig, model: SiteModel) -> str:
        """Render citations and the generated sections of a hand-written page; give a reader
        page its "Cite this page" section and meta tags."""
        lang = page_language(page, config)
        context = PageContext(
            lang=lang,
            url=page.url,
            knowledge=model.knowledge,
            labels=model.labels,
            urls=SiteUrls(config.use_directory_urls),
            edition=current_edition(offline=is_offline(config), root=self.root),
        )
        theme = _THEME_PAGE.match(page.file.src_uri.removesuffix(f".{lang}.md"))
        generated = model.pages.get(page.file.src_uri)
        public_url = public_address(page.url, config)
        if not is_hand_written(page):
            if generated and generated.kind == "reader" and generated.slug:
                markdown += "\n\n" + self._cite_this_page(page, config, context, source=generated.slug)
                entry = model.knowledge.sources[generated.slug].entry
                page.meta["sourcekit_citation"] = highwire_tags(entry, public_url=public_url)
            return markdown
        if theme:
            date = self._date(config)
            page.meta["sourcekit_citation"] = page_highwire_tags(
                title=str(page.meta.get("title") or page.title or ""),
                editors=context.labels.get("citepage.editors", lang),
                date=date,
                lang=lang,
                public_url=public_url,
            )
        self.stashes[page.file.src_uri] = context
        try:
            markdown = render_hand_written(markdown, theme=theme.group(1) if theme else None, context=context)
        except UnknownMarker as error:
            source = Path(page.file.abs_src_path).read_text(encoding="utf-8").splitlines()
            line = next((number for number, text in enumerate(source, 1) if f":{error}" in text and "<!--" in text), None)
            where = f"docs/{page.file.src_uri}" + (f":{line}" if line else "")
            raise PluginError(f"{where}: unknown generated section <!-- …:{error} -->") from None
        if theme:
            markdown += "\n\n" + self._cite_this_page(page, config, context, source=None)
        shown_in = build_language(config)
        if lang != shown_in:  # mkdocs-static-i18n's fallback: the page has no version in this language
            original = context.labels.get(f"language.{lang}", shown_in)
            markdown = with_page_note(markdown, context.labels.get("page.untranslated_notice", shown_in, language=original))
        return markdown

    def content(self, html: str, page: Page, config: MkDocsConfig, model: SiteModel) -> str:
        """Put in the citation markers, then link the first mention of each glossary term,
        except on the glossary itself."""
        context = self.stashes.pop(page.file.src_uri, None)
        if context is not None:
            html = context.unstash(html)
        lang = page_language(page, config)
        urls = SiteUrls(config.use_directory_urls)
        glossary = urls.page("glossary", lang)
        if page.url == glossary:
            return html
        return link_first_mentions(
            html, terms=model.knowledge.terms, lang=lang, glossary_href=urls.relative(glossary, page.url), labels=model.labels
        )

    def _date(self, config: MkDocsConfig) -> str:
        return current_edition(offline=is_offline(config), root=self.root).date

    def _cite_this_page(self, page: Page, config: MkDocsConfig, context: PageContext, *, source: str | None) -> str:
        """The "Cite this page" section of a theme or source page."""
        labels, lang = context.labels, context.lang
        date = self._date(config)
        title = page.meta.get("title") or page.title or ""
        # The published address when the build knows it; online without it, the page's path, which
        # citations.js completes from the address bar; offline without it, none (the note says so).
        public = public_address(page.url, config)
        path = public or ("" if is_offline(config) else page.url or "")
        citations = page_citations(
            title=str(title), editors=labels.get("citepage.editors", lang), site_name=config.site_name, url=path, date=date, lang=lang
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


def _source_citations(entry, lang: str) -> Formatted:  # noqa: ANN001 - a CatalogueEntry
    """The original's citations, its words in the other script marked with their language
    (the English names and title of an English text on a Kazakh page)."""
    formatted = source_citations(entry, lang=lang)
    other = "en" if lang != "en" else cited_title(entry, lang)[1]
    return Formatted(apa=mark_other_script(formatted.apa, lang, other), gost=mark_other_script(formatted.gost, lang, other))
