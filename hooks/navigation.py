"""MkDocs hook: put the top-level navigation in reading order.

MkDocs orders an automatic navigation alphabetically by file name; readers should meet
the home page, then the themes, the timeline, the glossary, the classroom kits and,
last, the sources.
New pages and sources still appear without any navigation to edit. The footer's previous and
next links follow the same order (MkDocs sets them before ``on_nav``; they are set again here).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from sources import one_line_errors, site_data
from sourcekit.parts import LATER_PART_URL

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation

ORDER = ("", "themes/", "timeline/", "glossary/", "classroom/", "data/", "sources/")
_LANGUAGE_PREFIX = re.compile(r"^(kk|ru)/")


def _first_url(item) -> str:  # noqa: ANN001 - a Page, Section or Link of the navigation
    if getattr(item, "children", None):
        return _first_url(item.children[0])
    return getattr(item, "url", "") or ""


def order_key(url: str) -> int:
    """The position of a top-level item, from the URL of its first page."""
    path = _LANGUAGE_PREFIX.sub("", url).replace("index.html", "").replace(".html", "/")
    matches = [index for index, prefix in enumerate(ORDER) if prefix and path.startswith(prefix)]
    if matches:
        return matches[0]
    return 0 if path in ("", "./") else len(ORDER)


@event_priority(-150)  # after mkdocs-static-i18n (-100) has built this language's navigation
@one_line_errors
def on_nav(nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
    """Sort the top-level items by :data:`ORDER`, and the themes as ``seeds/themes.yml`` lists them."""
    nav.items.sort(key=lambda item: order_key(_first_url(item)))
    theme_order = [theme.slug for theme in site_data().knowledge.themes]
    for item in nav.items:
        if getattr(item, "children", None) and order_key(_first_url(item)) == ORDER.index("themes/"):
            item.children.sort(key=lambda child: _theme_position(_first_url(child), theme_order))
    _drop_later_parts(nav.items)
    nav.pages = reading_order(nav.items, nav.pages)
    link_previous_and_next(nav.pages)
    return nav


def _menu_pages(items: list) -> list:
    """The pages of the menu, top to bottom (sections opened)."""
    pages = []
    for item in items:
        if getattr(item, "children", None):
            pages += _menu_pages(item.children)
        elif getattr(item, "is_page", False):
            pages.append(item)
    return pages


def reading_order(items: list, pages: list) -> list:
    """Every page in the order of the menu, each of a long source's later parts right after
    the part before it (the parts are not in the menu, but the footer walks through them).

    MkDocs links each page's footer to the previous and next page of the navigation as it
    was *before* ``on_nav``; once the menu is re-ordered, the footer must follow it."""
    later = [page for page in pages if LATER_PART_URL.search(page.url or "")]
    order = []
    for page in _menu_pages(items):
        order.append(page)
        base = LATER_PART_URL.sub("", page.url or "").rstrip("/").removesuffix(".html").removesuffix("/index")
        parts = [part for part in later if LATER_PART_URL.sub("", part.url).rstrip("/") == base]
        order += sorted(parts, key=_part_number)
    # A page the menu left out for another reason keeps a place at the end, as before.
    order += [page for page in pages if page not in order]
    return order


def _part_number(page) -> int:  # noqa: ANN001 - a Page
    return int(re.search(r"part-(\d+)", page.url).group(1))


def link_previous_and_next(pages: list) -> None:
    """Each page's previous and next page, in ``pages``' order (the footer's links)."""
    for index, page in enumerate(pages):
        page.previous_page = pages[index - 1] if index > 0 else None
        page.next_page = pages[index + 1] if index + 1 < len(pages) else None


def _drop_later_parts(items: list) -> None:
    """Keep a long source's parts 2, 3, … out of the menu: its first part lists them all, and
    each part links to the previous and the next (as does the page footer)."""
    items[:] = [item for item in items if not LATER_PART_URL.search(getattr(item, "url", "") or "")]
    for item in items:
        if getattr(item, "children", None):
            _drop_later_parts(item.children)
    # A folder that held only later parts (``sources/<slug>/``) is left empty: drop it too.
    items[:] = [item for item in items if not (getattr(item, "is_section", False) and not item.children)]


def _theme_position(url: str, theme_order: list[str]) -> int:
    slug = _LANGUAGE_PREFIX.sub("", url).removeprefix("themes/").split("/")[0].removesuffix(".html")
    return theme_order.index(slug) if slug in theme_order else len(theme_order)
