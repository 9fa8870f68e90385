"""Site-relative URLs of pages, for links written as raw HTML by the renderers.

MkDocs resolves Markdown links itself, but links inside HTML fragments must be computed;
this keeps them right with and without ``use_directory_urls`` (the offline edition).

The default language's pages are at the top of the site, every other language's in a folder
named after its code (mkdocs-static-i18n's rule; the languages: :mod:`sourcekit.languages`).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from .languages import current


def language_prefix(lang: str, default_language: str) -> str:
    """Where the pages of ``lang`` live: ``""`` for the default language, else ``"<lang>/"``."""
    return "" if lang == default_language else f"{lang}/"


@dataclass(frozen=True)
class SiteUrls:
    """Where pages live: ``page("sources/x", "kk")`` → ``"kk/sources/x/"``."""

    directory_urls: bool = True
    default_language: str = field(default_factory=lambda: current().default)

    def page(self, path: str, lang: str) -> str:
        """The site-relative URL of page ``path`` (no suffix; "" is the home page) in ``lang``."""
        prefix = language_prefix(lang, self.default_language)
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
