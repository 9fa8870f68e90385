"""MkDocs hook: make the language switcher's links relative, so they work anywhere.

mkdocs-static-i18n gives the home pages the language roots as absolute links ("/",
"/kk/"), which break from file:// and on a host that serves the site below a path.
Turned into site-relative links ("", "kk/"), Material's ``url`` filter makes them
relative to each page, as it does for every other alternate.

The links lead to the top of the other page; in the browser,
``assets/javascripts/language-place.js`` adds the reader's place to them (the paragraph's
id, the same in every language, or a heading's position), over http and from file://.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mkdocs.plugins import event_priority
from sources import one_line_errors

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page


@event_priority(0)  # after mkdocs-static-i18n (50) has set this page's alternates
@one_line_errors
def on_page_context(context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    """Rewrite absolute alternate links ("/kk/") to site-relative ones ("kk/")."""
    # mkdocs-static-i18n sets the attribute, not the key, and Jinja reads the attribute.
    for alternate in getattr(config.extra, "alternate", None) or []:
        link = alternate.get("link", "")
        if link.startswith("/") and not link.startswith("//"):
            link = link.lstrip("/")
            if not config.use_directory_urls:  # the offline edition opens files, not folders
                link += "index.html"
            alternate["link"] = link or "./"
    return context
