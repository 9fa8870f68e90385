"""MkDocs hook: titles and descriptions are text, escaped once before any template prints them.

Material prints a page's front-matter ``title`` and ``description`` as they are (in
``<title>``, the meta description, the header, the menu, the footer), and the generated pages
take them from data files (a source's title in ``seeds/catalogue.yml``, a theme's in
``seeds/themes.yml``). After every page has been read and rendered (``on_env`` comes between
the two), each is replaced by its escaped form as :class:`markupsafe.Markup`, which prints
as it is and which Jinja's ``| e`` does not escape twice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import markupsafe
from sources import one_line_errors

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

ESCAPED_META = ("title", "description")


@one_line_errors
def on_env(env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
    """Escape the title and description of every page of this language build."""
    for file in files.documentation_pages():
        page = file.page
        if page is None or not page.meta:
            continue
        for key in ESCAPED_META:
            value = page.meta.get(key)
            if value is not None and not isinstance(value, markupsafe.Markup):
                page.meta[key] = markupsafe.escape(str(value))
    return env
