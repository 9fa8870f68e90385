"""MkDocs hook: write the open-data downloads (CSV and JSON per language) and the bibliography
(BibTeX, RIS and CSL-JSON, per text and whole) into the site.

Runs once, after every language is built (priority below -100).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from sources import is_last_post_build, one_line_errors, site_data
from sourcekit.exports import write_exports
from sourcekit.opendata import write_open_data
from sourcekit.urls import SiteUrls

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


@event_priority(-200)
@one_line_errors
def on_post_build(*, config: MkDocsConfig) -> None:
    """Write ``data/*.csv`` and ``data/*.json`` for every language, and the bibliography."""
    if not is_last_post_build(config):
        return
    data = site_data()
    write_open_data(Path(config.site_dir), data.knowledge, urls=SiteUrls(config.use_directory_urls), base=config.site_url or "")
    write_exports(Path(config.site_dir), [document.entry for document in data.documents])
