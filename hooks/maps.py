"""MkDocs hook: write the map's shared land layer (``assets/maps/central-asia.svg``).

Every page with the map draws its labels, places and counts inline and takes the country
outlines from this one file. Runs once, after every language is built (priority below -100).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from sources import is_last_post_build, one_line_errors, site_data
from sourcekit.figures import MAP_LAND_FILE, render_map_land

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


@event_priority(-200)
@one_line_errors
def on_post_build(*, config: MkDocsConfig) -> None:
    """Write the land layer into the site, if the site has a map."""
    if not is_last_post_build(config):
        return
    spec = site_data().knowledge.map
    if spec is None:
        return
    target = Path(config.site_dir) / MAP_LAND_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_map_land(spec), encoding="utf-8")
