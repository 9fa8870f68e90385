"""MkDocs hook: small accessibility repairs of Material's markup, in the page's language.

- The search dialog has ``role="dialog"`` but no name: it gets ``aria-label``.
- A navigation section with an index page labels its ``nav`` by an icon-only ``label``,
  so several such landmarks have no name and cannot be told apart: they get the
  section's title as ``aria-label``.
- Attributes HTML does not allow where Material writes them are dropped.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sourcekit.labels import load_labels
from themes import page_language
from sources import one_line_errors

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


def name_search_dialog(html: str, label: str) -> str:
    """Give Material's search dialog an accessible name."""
    return html.replace('class="md-search" data-md-component="search" role="dialog"', f'class="md-search" data-md-component="search" role="dialog" aria-label="{label}"', 1)


_SECTION_LABEL = re.compile(r'<label class="md-nav__link[^"]*" for="(__nav_[\d_]+)" id="\1_label"')
_INDEX_LINK = re.compile(r'<a href="[^"]*" class="md-nav__link[^"]*">\s*<span class="md-ellipsis">\s*([^<]+?)\s*</span>\s*</a>\s*$')
_LABELLED_BY = re.compile(r'aria-labelledby="(__nav_[\d_]+)_label"')


def name_section_toggles(html: str) -> str:
    """Name the toggle of a navigation section that has an index page.

    Its ``label`` holds only an icon, so the ``nav`` it labels has no name and several
    such sections are indistinguishable landmarks; the section's title becomes the name:
    the text of the index page's link right before the label.
    """
    names = {}
    for label in _SECTION_LABEL.finditer(html):
        link = html.rfind('<a href="', 0, label.start())
        match = _INDEX_LINK.match(html, link, label.start()) if link >= 0 else None
        if match:
            names[label.group(1)] = match.group(1).strip()
    if not names:
        return html
    return _LABELLED_BY.sub(lambda match: f'aria-label="{names[match.group(1)]}"' if match.group(1) in names else match.group(0), html)


def valid_attributes(html: str) -> str:
    """Drop attributes that Material writes but HTML does not allow there.

    ``tabindex=""`` on navigation labels is not a number, and ``autocomplete`` is not
    allowed on check boxes.
    """
    html = html.replace(' tabindex=""', "")
    if 'id="__toc"' not in html:  # a page without a table of contents keeps its label
        html = html.replace(' for="__toc"', "")
    return re.sub(r'(<input\b[^>]*type="checkbox"[^>]*?) autocomplete="off"', r"\1", html)


def repair(html: str, lang: str) -> str:
    """All the repairs, for a page in ``lang``."""
    html = name_search_dialog(html, load_labels().get("a11y.search_dialog", lang))
    html = name_section_toggles(html)
    return valid_attributes(html)


@one_line_errors
def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    """Repair the finished HTML of a page."""
    return repair(output, page_language(page, config))


@one_line_errors
def on_post_template(output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
    """Repair the HTML of theme templates such as 404.html."""
    if template_name.endswith(".html"):
        return repair(output_content, config.theme["language"] or "en")
    return output_content
