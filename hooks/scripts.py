"""MkDocs hook: run the pages' external scripts deferred (see ``sourcekit.scripts``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from sourcekit.scripts import defer_scripts
from sources import one_line_errors

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


@event_priority(-50)
@one_line_errors
def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    return defer_scripts(output)


@one_line_errors
def on_post_template(output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
    return defer_scripts(output_content) if template_name.endswith(".html") else output_content
