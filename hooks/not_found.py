"""MkDocs hook: keep the English 404 page.

mkdocs-static-i18n builds every language into the same site folder, so ``404.html`` at
the root comes from whichever language is built last (Russian). The page of the default
language is kept while it is rendered and written back once all languages are built.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority
from sources import one_line_errors

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

DEFAULT_LANGUAGE = "en"
_kept: dict[str, str] = {}


@event_priority(-150)  # after the other hooks have repaired the page
@one_line_errors
def on_post_template(output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
    """Remember the default language's 404 page."""
    if template_name == "404.html" and config.theme["language"] == DEFAULT_LANGUAGE:
        _kept[str(Path(config.site_dir).resolve())] = output_content
    return output_content


@event_priority(-200)
@one_line_errors
def on_post_build(*, config: MkDocsConfig) -> None:
    """Write the default language's 404 page back (the last call comes after every language)."""
    page = _kept.get(str(Path(config.site_dir).resolve()))
    if page is not None:
        (Path(config.site_dir) / "404.html").write_text(page, encoding="utf-8")
