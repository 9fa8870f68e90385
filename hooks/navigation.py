"""MkDocs hook: put the top-level navigation in reading order.

MkDocs orders an automatic navigation alphabetically by file name; readers should meet
the home page, then the themes, the timeline, the glossary, the classroom kits and,
last, the sources.
New pages and sources still appear without any navigation to edit.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from sources import site_data

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
def on_nav(nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
    """Sort the top-level items by :data:`ORDER`, and the themes as ``seeds/themes.yml`` lists them."""
    nav.items.sort(key=lambda item: order_key(_first_url(item)))
    theme_order = [theme.slug for theme in site_data().knowledge.themes]
    for item in nav.items:
        if getattr(item, "children", None) and order_key(_first_url(item)) == ORDER.index("themes/"):
            item.children.sort(key=lambda child: _theme_position(_first_url(child), theme_order))
    return nav


def _theme_position(url: str, theme_order: list[str]) -> int:
    slug = _LANGUAGE_PREFIX.sub("", url).removeprefix("themes/").split("/")[0].removesuffix(".html")
    return theme_order.index(slug) if slug in theme_order else len(theme_order)
