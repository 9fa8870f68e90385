"""MkDocs hook: what pages and their parts are called, in the language of the page.

- **Titles and descriptions are text.** Material prints a page's front-matter ``title`` and
  ``description`` as they are (in ``<title>``, the meta description, the header, the menu, the
  footer), and the generated pages take them from data files (a source's title in
  ``seeds/catalogue.yml``, a theme's in ``seeds/themes.yml``). After every page has been read
  and rendered (``on_env`` comes between the two), each is replaced by its escaped form as
  :class:`markupsafe.Markup`, which prints as it is and which Jinja's ``| e`` does not escape
  twice.
- **The browser tab tells the pages apart** (``sourcekit_tab``, printed by
  ``overrides/main.html``): "<title> · <site>", and on a source's pages which view it is —
  "<title> – source text · <site>", "<title> – parallel texts, part 2 of 3 · <site>"; a home
  page is the site's name alone. A source's title may be the site's own name (the student
  paper's is, in Russian), so "<title> - <site>" could say the same thing twice.
- **The menu lists each source once**, its text and its parallel view nested under its title
  (:func:`nest_sources`), rather than the two views in two places under the same title.
- **The build's language everywhere** (``on_config``, once per language build, after
  mkdocs-static-i18n has set the language): the title of the ¶ link after each heading
  (Python-Markdown's ``toc.permalink_title``, one setting in mkdocs.yml), the page author
  (``<meta name="author">``) and the copyright line of the footer, from ``labels.yml``;
  the footer's "Made with Material for MkDocs" is ``overrides/partials/copyright.html``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import markupsafe
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Section

from sourcekit.labels import load_labels
from sourcekit.parts import LATER_PART_URL, split_parts
from sources import generated_pages, one_line_errors, site_data

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation

ESCAPED_META = ("title", "description")
SOFTWARE = "Material for MkDocs"  # the footer's "Made with …" names it (an English name)
_HOME = re.compile(r"^index\.(en|kk|ru)\.md$")


def _language(config: MkDocsConfig) -> str:
    return config.theme["language"] or "en"


@event_priority(-110)  # after mkdocs-static-i18n (-100) has set this build's language
@one_line_errors
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """The permalink title, the author and the copyright line in this build's language."""
    lang, labels = _language(config), load_labels()
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = labels.get("a11y.permalink", lang)
    config.site_author = labels.get("citepage.editors", lang)
    config.copyright = labels.get("footer.copyright", lang)
    return config


@event_priority(-140)  # after mkdocs-static-i18n (-100), before navigation.py (-150) orders the menu
@one_line_errors
def on_nav(nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
    """Nest each source's views under its title (see :func:`nest_sources`)."""
    data = site_data()
    lang = _language(config)
    labels = load_labels()
    kinds = generated_pages(data.documents, data.knowledge)
    sources = [(document.entry.slug, document.entry.titles[lang].text) for document in data.documents]
    names = {"reader": labels.get("nav.reader", lang), "parallel": labels.get("nav.parallel", lang)}
    nest_sources(nav.items, lambda page: kinds.get(page.file.src_uri, (None, None, None, 0))[:2], sources, names)
    return nav


def nest_sources(items: list, kind_of, sources: list[tuple[str, str]], names: dict[str, str]) -> None:  # noqa: ANN001
    """Replace the source pages of the menu section that holds them by one section per source,
    titled with the source's title and holding its text (``names["reader"]``) and its parallel
    view (``names["parallel"]``), in the catalogue's order; ``kind_of(page)`` is the page's
    (kind, slug). A long source's later parts go in its section too (navigation.py keeps them
    out of the menu). Sections left empty (the folder of the parallel views) are dropped."""
    holder = _holder(items, kind_of)
    if holder is None:
        return
    pages = [page for page in _pages(holder.children) if kind_of(page)[0] in ("reader", "parallel")]
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


def _pages(items: list) -> list:
    pages = []
    for item in items:
        if getattr(item, "children", None):
            pages += _pages(item.children)
        elif getattr(item, "is_page", False):
            pages.append(item)
    return pages


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


@one_line_errors
def on_env(env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
    """Escape the title and description of every page of this language build, name its tab,
    and give the footer its "Made with" line in this build's language."""
    lang, labels = _language(config), load_labels()
    data = site_data()
    kinds = generated_pages(data.documents, data.knowledge)
    parts = {document.entry.slug: len(split_parts(document)) for document in data.documents}
    titles = {document.entry.slug: document.entry.titles[lang].text for document in data.documents}
    for file in files.documentation_pages():
        page = file.page
        if page is None or not page.meta:
            continue
        kind, slug, _, part = kinds.get(file.src_uri, (None, None, None, 0))
        if kind in ("reader", "parallel") and slug in titles:
            view = labels.get(f"tab.{kind}", lang)
            if parts[slug] > 1:
                view = labels.get("tab.part", lang, view=view, number=part, count=parts[slug])
            tab = f"{titles[slug]} – {view} · {config.site_name}"
        elif _HOME.match(file.src_uri):
            tab = config.site_name
        else:
            title = page.meta.get("title") or page.title or ""
            title = title.unescape() if isinstance(title, markupsafe.Markup) else str(title)
            tab = f"{title} · {config.site_name}"
        page.meta["sourcekit_tab"] = markupsafe.escape(tab)
        for key in ESCAPED_META:
            value = page.meta.get(key)
            if value is not None and not isinstance(value, markupsafe.Markup):
                page.meta[key] = markupsafe.escape(str(value))
    before, _, after = labels.get("footer.made_with", lang, software="\0").partition("\0")
    env.globals["sourcekit_made_with"] = {"before": before, "software": SOFTWARE, "after": after}
    return env
