"""The files written once into the whole site, after every language is built: the open data and
the bibliography, the map's land layer, and the empty sitemaps.

An empty sitemap beside every page, so Material's language helper finds one.

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

from sourcekit.exports import write_exports
from sourcekit.opendata import write_open_data
from sourcekit.site_model import SiteModel
from sourcekit.figures import MAP_LAND_FILE, render_map_land
from sourcekit.urls import SiteUrls

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


def write_site_files(config: MkDocsConfig, model: SiteModel) -> None:
    """``data/*.csv`` and ``data/*.json`` in every language and the bibliography (BibTeX, RIS and
    CSL-JSON, per text and whole); the map's shared land layer (``assets/maps/central-asia.svg``:
    every page with the map draws its labels, places and counts inline and takes the country
    outlines from this one file); the empty sitemaps."""
    site = Path(config.site_dir)
    write_open_data(site, model.knowledge, urls=SiteUrls(config.use_directory_urls), base=config.site_url or "")
    write_exports(site, [document.entry for document in model.documents])
    if model.knowledge.map is not None:
        target = site / MAP_LAND_FILE
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render_map_land(model.knowledge.map), encoding="utf-8")
    write_empty_sitemaps(site)
