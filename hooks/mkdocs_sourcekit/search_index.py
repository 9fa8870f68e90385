"""Where the search index is written: rebuilt from the built pages, one index per language.

Material's search plugin indexes a page as sections between headings with all the text in
them, interface included. After the last language is built (priority below -100), this
plugin reads every page that Material indexed (its list and page titles) from the built site
and indexes it again with :mod:`sourcekit.search_docs`: readers' text only, one document per
paragraph (``page/#p-…``), per heading and per page. It writes, as UTF-8 (Material escapes
every non-ASCII character, six bytes for each Cyrillic letter):

- ``search/search_index.json``: every language's documents (no page loads it);
- ``search/search_index.<lang>.json``: one language's documents; pages ask for theirs
  only (``assets/javascripts/search-lang.js``);
- ``search/search_index.js`` when the offline plugin wrote one (``var __index = …``, read
  from ``file://``).
"""

from __future__ import annotations

import html
import json

from markupsafe import Markup
from pathlib import Path

from sourcekit.search_docs import SearchDoc, page_docs
from sourcekit.search_engine import LanguageIndex, build_index
from sourcekit.languages import current


def language_of(location: str) -> str:
    """The language of a search document, from its location's prefix (one of the site's languages)."""
    return current().of_location(location)


def page_file(site_dir: Path, location: str) -> Path:
    """The built file of the page at ``location`` (with or without directory URLs)."""
    path = location.split("#", 1)[0]
    return site_dir / (path if path.endswith(".html") else path + "index.html")


def site_docs(site_dir: Path, pages: list[tuple[str, str]]) -> list[SearchDoc]:
    """The search documents of ``pages`` (location, title), read from the built site."""
    docs: list[SearchDoc] = []
    for location, title in pages:
        path = page_file(site_dir, location)
        if path.is_file():
            docs.extend(page_docs(path.read_text(encoding="utf-8"), location, title))
    return docs


def material_entry(doc: SearchDoc) -> dict:
    """A document as Material's search worker reads it: HTML title and text, one <p> a line."""
    # Escaped as Material escapes its documents' text (quotes kept as they are).
    text = "".join(Markup("<p>{}</p>").format(Markup(html.escape(line, quote=False))) for line in doc.text.split("\n") if line)
    return {"location": doc.location, "title": html.escape(doc.title, quote=False), "text": text}


def _dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def language_indexes(site_dir: Path, data: dict) -> dict[str, LanguageIndex]:
    """Every language's index, from the pages Material indexed (``data``: its search index)."""
    pages = [(doc["location"], html.unescape(doc["title"])) for doc in data["docs"] if "#" not in doc["location"]]
    docs = site_docs(site_dir, pages)
    separator = data["config"]["separator"]
    return {lang: build_index([doc for doc in docs if language_of(doc.location) == lang], separator) for lang in current().codes}


def write_index(site_dir: Path) -> None:
    """Rebuild the search index from the built pages: the manifests, shards and chunks, and ``.js``.

    ``search_index.json`` keeps every document in Material's own format (no page reads it;
    tools and tests do); ``search_index.<lang>.json`` is a language's manifest, with the
    files it names in ``search/<lang>/``; ``search_index.js`` (the offline edition, read
    from ``file://``) holds every language's manifest, shards and chunks.
    """
    folder = site_dir / "search"
    index = folder / "search_index.json"
    if not index.is_file():
        return
    data = json.loads(index.read_text(encoding="utf-8"))
    config = data["config"]
    indexes = language_indexes(site_dir, data)
    docs = [material_entry(doc) for part in indexes.values() for doc in part.documents]
    index.write_text(_dump({"config": config, "docs": docs}), encoding="utf-8")
    inline = {}
    for lang, part in indexes.items():
        target = folder / lang
        if target.is_dir():
            for old in target.glob("*.json"):
                old.unlink()
        target.mkdir(parents=True, exist_ok=True)
        for number, shard in enumerate(part.shards):
            (target / f"t{number}.json").write_text(_dump(shard), encoding="utf-8")
        for number, chunk in enumerate(part.chunks):
            (target / f"d{number}.json").write_text(_dump(chunk), encoding="utf-8")
        manifest = {"config": {**config, "sk": part.manifest}, "docs": []}
        (folder / f"search_index.{lang}.json").write_text(_dump(manifest), encoding="utf-8")
        inline[lang] = {**part.manifest, "shards": part.shards, "chunk_data": part.chunks}
    script = index.with_suffix(".js")
    if script.is_file():
        script.write_text("var __index = " + _dump({"config": {**config, "sk": inline}, "docs": []}), encoding="utf-8")
