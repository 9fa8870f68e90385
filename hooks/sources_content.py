"""MkDocs hook: fill in the Markdown of the generated pages.

Runs after mkdocs-static-i18n (priority -100) has rebuilt every ``File`` from its
source path, which drops generated content; the pages it kept for this language get
their Markdown here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from sources import one_line_errors, page_markdown
from sourcekit.context import processing
from sourcekit.urls import SiteUrls

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


@event_priority(-200)
@one_line_errors
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    """Set ``content_string`` on every generated page that this language build kept."""
    docs_dir = Path(config.docs_dir)
    urls = SiteUrls(directory_urls=config.use_directory_urls)
    for file in files:
        if not file.abs_src_path or not file.src_uri.endswith(".md"):
            continue
        path = Path(file.abs_src_path)
        if path.exists() or docs_dir not in path.parents:
            continue
        with processing(path):  # an unexpected error names the generated page
            markdown = page_markdown(path.relative_to(docs_dir).as_posix(), urls=urls)
        if markdown is not None:
            file.content_string = markdown
    return files
