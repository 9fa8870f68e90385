"""MkDocs hook: write the search index as UTF-8, and one index per language.

Material's search plugin escapes every non-ASCII character, so each Cyrillic letter
costs six bytes; written as UTF-8 the Kazakh and Russian index shrinks to about a third.
``search_index.<lang>.json`` holds one language's documents: pages ask for theirs only
(see ``assets/javascripts/search-lang.js``). Runs once, after every language is built
(priority below -100), and rewrites the offline plugin's ``search_index.js`` too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from sources import is_last_post_build, one_line_errors

from sourcekit.urls import PREFIX

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def language_of(location: str) -> str:
    """The language of a search document, from its location's prefix."""
    for lang, prefix in PREFIX.items():
        if prefix and location.startswith(prefix):
            return lang
    return "en"


def compact_index(site_dir: Path) -> None:
    """Rewrite ``search/search_index.json`` (and ``.js``, if present) as compact UTF-8."""
    index = site_dir / "search" / "search_index.json"
    if not index.is_file():
        return
    data = json.loads(index.read_text(encoding="utf-8"))
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    index.write_text(text, encoding="utf-8")
    for lang in PREFIX:
        docs = [doc for doc in data["docs"] if language_of(doc["location"]) == lang]
        part = json.dumps({"config": data["config"], "docs": docs}, ensure_ascii=False, separators=(",", ":"))
        (index.parent / f"search_index.{lang}.json").write_text(part, encoding="utf-8")
    script = index.with_suffix(".js")
    if script.is_file():
        script.write_text(f"var __index = {text}", encoding="utf-8")


@event_priority(-200)
@one_line_errors
def on_post_build(*, config: MkDocsConfig) -> None:
    """Compact the search index of the whole (trilingual) site."""
    if not is_last_post_build(config):
        return
    compact_index(Path(config.site_dir))
