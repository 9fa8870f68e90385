"""Site-relative URLs of pages, for links written as raw HTML by the renderers.

MkDocs resolves Markdown links itself, but links inside HTML fragments must be computed;
this keeps them right with and without ``use_directory_urls`` (the offline edition).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

PREFIX = {"en": "", "kk": "kk/", "ru": "ru/"}


@dataclass(frozen=True)
class SiteUrls:
    """Where pages live: ``page("sources/x", "kk")`` → ``"kk/sources/x/"``."""

    directory_urls: bool = True

    def page(self, path: str, lang: str) -> str:
        """The site-relative URL of page ``path`` (no suffix; "" is the home page) in ``lang``."""
        prefix = PREFIX[lang]
        if not path:
            return prefix if self.directory_urls else f"{prefix}index.html"
        if path.endswith("/index"):
            path = path[: -len("/index")]
            return f"{prefix}{path}/" if self.directory_urls else f"{prefix}{path}/index.html"
        return f"{prefix}{path}/" if self.directory_urls else f"{prefix}{path}.html"

    @staticmethod
    def relative(target: str, from_url: str) -> str:
        """``target`` relative to the page at ``from_url`` (both site-relative)."""
        base = from_url if from_url.endswith("/") else posixpath.dirname(from_url) + "/"
        if base in ("/", "./"):
            base = ""
        relative = posixpath.relpath(target or ".", base or ".")
        if target.endswith("/") and not relative.endswith("/"):
            relative += "/"
        return "./" if relative in (".", "./") else relative
