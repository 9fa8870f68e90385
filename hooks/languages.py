"""MkDocs hook: English quoted on a Kazakh or Russian page is marked ``lang="en"``
(see ``sourcekit.foreign``), so that a screen reader reads it in English."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from sourcekit.foreign import mark_english
from sources import one_line_errors
from themes import page_language

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


@event_priority(-100)  # after the other hooks have finished the page
@one_line_errors
def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    lang = page_language(page, config)
    return output if lang == "en" else mark_english(output, lang)
