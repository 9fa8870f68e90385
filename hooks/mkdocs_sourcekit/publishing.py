"""Where and how this build is published: online or the offline edition, and the public address
of a page (which citations give)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def is_offline(config: MkDocsConfig) -> bool:
    """Whether this is the offline edition (Material's offline plugin enabled)."""
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def public_address(page_url: str, config: MkDocsConfig) -> str | None:
    """The address of the page at ``page_url`` on the published site, or ``None`` when the build
    does not know where the site is published: ``site_url``, or in the offline edition (built
    without it, see scripts/offline.py) ``PUBLIC_SITE_URL``. The offline edition's own pages end
    in ``.html``; the published site's are folders."""
    base = config.site_url or os.environ.get("PUBLIC_SITE_URL") or None
    if not base:
        return None
    url = page_url or ""
    if not config.use_directory_urls and url.endswith(".html"):
        url = url.removesuffix("index.html") if url == "index.html" or url.endswith("/index.html") else url[: -len(".html")] + "/"
    return base.rstrip("/") + "/" + url


def without_offline_polyfills(config: MkDocsConfig) -> None:
    """Keep the iframe-worker shim (``extra.polyfills``) for the offline edition only.

    It lets search run from ``file://``; online it would only be one more script that blocks
    the first paint of every page.
    """
    if not is_offline(config):
        config.extra["polyfills"] = [script for script in config.extra.get("polyfills", []) if "iframe-worker" not in script]
