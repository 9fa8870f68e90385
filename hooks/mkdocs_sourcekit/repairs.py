"""Repairs of the finished HTML of every page: accessibility, deferred scripts, English marked.

Small accessibility repairs of Material's markup, in the page's language:

- The search dialog has ``role="dialog"`` but no name: it gets ``aria-label``.
- A navigation section with an index page labels its ``nav`` by an icon-only ``label``,
  so several such landmarks have no name and cannot be told apart: they get the
  section's title as ``aria-label``.
- Attributes HTML does not allow where Material writes them are dropped.

Then the pages' external scripts run deferred (``sourcekit.scripts``), and English quoted on a
Kazakh or Russian page is marked ``lang="en"`` (``sourcekit.foreign``), so that a screen
reader reads it in English.
"""

from __future__ import annotations

import re
from sourcekit.foreign import mark_english
from sourcekit.labels import Labels
from sourcekit.scripts import defer_scripts


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


def repair(html: str, lang: str, labels: Labels) -> str:
    """Every repair of the HTML of a theme template (such as 404.html), in ``lang``."""
    html = name_search_dialog(html, labels.get("a11y.search_dialog", lang))
    html = name_section_toggles(html)
    return defer_scripts(valid_attributes(html))


def repair_page(html: str, lang: str, labels: Labels) -> str:
    """Every repair of a finished page in ``lang``: those of :func:`repair`, then English marked."""
    html = repair(html, lang, labels)
    return html if lang == "en" else mark_english(html, lang)
