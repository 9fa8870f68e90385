"""The menu and the footer in reading order, each source's views nested under its title.

MkDocs orders an automatic navigation alphabetically by file name; readers should meet
the home page, then the themes, the timeline, the glossary, the classroom kits and,
last, the sources.
New pages and sources still appear without any navigation to edit. The footer's previous and
next links follow the same order (MkDocs sets them before ``on_nav``; they are set again here).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import markupsafe
from mkdocs.structure.nav import Section

from sourcekit.parts import LATER_PART_URL
from sourcekit.site_model import SiteModel

if TYPE_CHECKING:
    from mkdocs.structure.nav import Navigation

ORDER = ("", "themes/", "timeline/", "glossary/", "classroom/", "data/", "sources/")


def _first_url(item) -> str:  # noqa: ANN001 - a Page, Section or Link of the navigation
    if getattr(item, "children", None):
        return _first_url(item.children[0])
    return getattr(item, "url", "") or ""


def _without_language(url: str, prefixes: tuple[str, ...]) -> str:
    """``url`` without the folder of its language (``kk/``, ``ru/``; the default has none)."""
    return next((url.removeprefix(prefix) for prefix in prefixes if url.startswith(prefix)), url)


def order_key(url: str, prefixes: tuple[str, ...] = ()) -> int:
    """The position of a top-level item, from the URL of its first page; ``prefixes``: the
    folders of the languages other than the default."""
    path = _without_language(url, prefixes).replace("index.html", "").replace(".html", "/")
    matches = [index for index, prefix in enumerate(ORDER) if prefix and path.startswith(prefix)]
    if matches:
        return matches[0]
    return 0 if path in ("", "./") else len(ORDER)


def in_reading_order(nav: Navigation, theme_order: list[str], prefixes: tuple[str, ...]) -> Navigation:
    """Sort the top-level items by :data:`ORDER`, and the themes as ``theme_order`` (the order of
    ``seeds/themes.yml``); keep later parts out of the menu; link the footers in that order.
    ``prefixes``: the folders of the languages other than the default (``kk/``, ``ru/``)."""
    nav.items.sort(key=lambda item: order_key(_first_url(item), prefixes))
    for item in nav.items:
        if getattr(item, "children", None) and order_key(_first_url(item), prefixes) == ORDER.index("themes/"):
            item.children.sort(key=lambda child: _theme_position(_without_language(_first_url(child), prefixes), theme_order))
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
    slug = url.removeprefix("themes/").split("/")[0].removesuffix(".html")
    return theme_order.index(slug) if slug in theme_order else len(theme_order)


def nest_source_views(nav: Navigation, model: SiteModel, lang: str) -> Navigation:
    """Nest each source's views under its title (see :func:`nest_sources`), in ``lang``."""
    sources = [(document.entry.slug, document.entry.titles[lang].text) for document in model.documents]
    names = {"reader": model.labels.get("nav.reader", lang), "parallel": model.labels.get("nav.parallel", lang)}
    nest_sources(nav.items, lambda page: _kind_of(model, page), sources, names)
    return nav


def _kind_of(model: SiteModel, page) -> tuple[str | None, str | None]:  # noqa: ANN001 - a Page
    generated = model.pages.get(page.file.src_uri)
    return (generated.kind, generated.slug) if generated else (None, None)


def nest_sources(items: list, kind_of, sources: list[tuple[str, str]], names: dict[str, str]) -> None:  # noqa: ANN001
    """Replace the source pages of the menu section that holds them by one section per source,
    titled with the source's title and holding its text (``names["reader"]``) and its parallel
    view (``names["parallel"]``), in the catalogue's order; ``kind_of(page)`` is the page's
    (kind, slug). A long source's later parts go in its section too (navigation.py keeps them
    out of the menu). Sections left empty (the folder of the parallel views) are dropped."""
    holder = _holder(items, kind_of)
    if holder is None:
        return
    pages = [page for page in _menu_pages(holder.children) if kind_of(page)[0] in ("reader", "parallel")]
    by_slug: dict[str, list] = {}
    for page in pages:
        by_slug.setdefault(kind_of(page)[1], []).append(page)
    rest = _without(holder.children, set(map(id, pages)))
    nested = []
    for slug, title in sources:
        views = sorted(by_slug.get(slug, []), key=lambda page: (kind_of(page)[0] != "reader", page.url))
        if not views:
            continue
        section = Section(markupsafe.escape(title), views)  # Material prints it as it is
        section.parent = holder
        for page in views:
            page.parent = section
            if not LATER_PART_URL.search(page.url or ""):
                page.title = markupsafe.escape(names[kind_of(page)[0]])
        nested.append(section)
    holder.children[:] = rest + nested


def _holder(items: list, kind_of):  # noqa: ANN001, ANN202
    """The section whose pages include the source readers."""
    for item in items:
        children = getattr(item, "children", None)
        if not children:
            continue
        if any(kind_of(child)[0] == "reader" for child in children if getattr(child, "is_page", False)):
            return item
        found = _holder(children, kind_of)
        if found is not None:
            return found
    return None


def _without(items: list, drop: set[int]) -> list:
    """``items`` without the pages in ``drop`` (by id), and without sections left empty."""
    kept = []
    for item in items:
        if id(item) in drop:
            continue
        if getattr(item, "children", None) is not None and getattr(item, "is_section", False):
            item.children[:] = _without(item.children, drop)
            if not item.children:
                continue
        kept.append(item)
    return kept
