"""MkDocs hook: an empty sitemap beside every page, so Material's language helper finds one.

Material fetches ``sitemap.xml`` next to every ``<link rel="alternate">`` of a page, to
map pages between languages. Its code expects those links to point at language roots;
here they point at the same page in each language (correct hreflang), so it asks for
``kk/themes/x/sitemap.xml`` and the like, and each 404 is an error in the console. The
language switcher does not need that map (mkdocs-static-i18n already links the same page),
so an empty ``urlset`` answers those requests. The site's real sitemap stays at the root.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from sources import is_last_post_build, one_line_errors

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

EMPTY = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n'


def write_empty_sitemaps(site_dir: Path) -> int:
    """Write an empty ``sitemap.xml`` into every folder with pages that has none."""
    written = 0
    for folder in sorted({page.parent for page in site_dir.rglob("*.html")}):
        target = folder / "sitemap.xml"
        if not target.exists():
            target.write_text(EMPTY, encoding="utf-8")
            written += 1
    return written


@event_priority(-200)
@one_line_errors
def on_post_build(*, config: MkDocsConfig) -> None:
    """Once, after every language is built."""
    if not is_last_post_build(config):
        return
    write_empty_sitemaps(Path(config.site_dir))
