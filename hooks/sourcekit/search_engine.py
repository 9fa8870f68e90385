"""The search index, built at build time and split so that a query loads only what it needs.

One index per language, from the documents of :mod:`sourcekit.search_docs`:

- the **manifest** (``search_index.<lang>.json``, a few kilobytes): the pages (location,
  title, first document), the first document of each chunk, the shard keys;
- **term shards** (``<lang>/t<i>.json``): the terms that begin with one key (the first two
  letters of the folded term, or the one letter of a one-letter term), sorted, each with its
  postings — document numbers (delta-coded) and an integer weight (BM25 over the title and
  the text, computed here once);
- **document chunks** (``<lang>/d<i>.json``): location suffix, title and text of about
  :data:`CHUNK_BYTES` of consecutive documents, read only for the results shown.

The browser's worker (``overrides/assets/javascripts/workers/search-lang-worker.js``) folds
and splits the query exactly as :func:`terms` does here, loads the shard of each word, ranks
(every word first, then exact words before typos, then weight), and then loads the chunks of
the results it shows. From ``file://`` the same data is inlined in ``search_index.js``.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from sourcekit.search_docs import SearchDoc

# ё = е and the Kazakh letters = their Russian-keyboard look-alikes (one letter for one, so
# positions never move). The same table is in the worker and in ../search-lang.js.
FOLD = str.maketrans("ёқғұүәөіңһ", "екгууаоинх")
EDGES = re.compile(r"^[\W_]+|[\W_]+$")
KEY_LENGTH = 2
CHUNK_BYTES = 4000
TITLE_WEIGHT = 3.0
K1, B = 1.2, 0.5
WEIGHT_SCALE = 10  # weights are stored as integers: round(weight × WEIGHT_SCALE), at least 1


def fold(text: str) -> str:
    """Lower case, then ё = е and the Kazakh letters folded."""
    return text.lower().translate(FOLD)


def terms(text: str, separator: re.Pattern[str]) -> list[str]:
    """The index terms of ``text``: folded, split at ``separator``, edge punctuation trimmed."""
    out = []
    for part in separator.split(fold(text)):
        term = EDGES.sub("", part)
        if term:
            out.append(term)
    return out


def key_of(term: str) -> str:
    """The shard of a term: its first two letters (one for a one-letter term)."""
    return term[:KEY_LENGTH]


@dataclass
class LanguageIndex:
    """One language's index: the manifest and the files it names."""

    manifest: dict
    shards: list[dict]
    chunks: list[list[list[str]]]
    documents: list[SearchDoc]


def _bm25(tf: int, length: int, average: float) -> float:
    return tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / (average or 1)))


def build_index(docs: list[SearchDoc], separator: str) -> LanguageIndex:
    """The index of one language's documents (the page of each first, as :func:`page_docs` gives them)."""
    split = re.compile(separator)
    fields: list[tuple[list[str], list[str]]] = []
    for doc in docs:
        title = terms(doc.title, split) if doc.kind != "paragraph" else []
        fields.append((title, terms(doc.text, split)))
    count = len(docs) or 1
    average_title = sum(len(t) for t, _ in fields) / count
    average_text = sum(len(x) for _, x in fields) / count
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for number, (title, text) in enumerate(fields):
        in_title, in_text = Counter(title), Counter(text)
        for term in in_title.keys() | in_text.keys():
            weight = TITLE_WEIGHT * _bm25(in_title[term], len(title), average_title) if term in in_title else 0.0
            if term in in_text:
                weight += _bm25(in_text[term], len(text), average_text)
            postings[term].append((number, weight))
    by_key: dict[str, list[str]] = defaultdict(list)
    for term in sorted(postings):
        by_key[key_of(term)].append(term)
    keys = sorted(by_key)
    shards = []
    for key in keys:
        listed, lists = by_key[key], []
        for term in listed:
            found = postings[term]
            idf = math.log(1 + (count - len(found) + 0.5) / (len(found) + 0.5))
            flat, previous = [], 0
            for number, weight in found:
                flat += [number - previous, max(1, round(idf * weight * WEIGHT_SCALE))]
                previous = number
            lists.append(flat)
        shards.append({"t": listed, "p": lists})
    pages, chunks, starts, chunk, size = [], [], [], [], 0
    page_location = ""
    for number, doc in enumerate(docs):
        if doc.kind == "page":
            page_location = doc.location
            pages.append([doc.location, doc.title, number])
        if not chunk or size >= CHUNK_BYTES or doc.kind == "page" and size >= CHUNK_BYTES // 2:
            if chunk:
                chunks.append(chunk)
            chunk, size = [], 0
            starts.append(number)
        suffix = doc.location[len(page_location):] if doc.location.startswith(page_location) else doc.location
        chunk.append([suffix, doc.title, doc.text])
        size += len(doc.text.encode("utf-8")) + len(doc.title.encode("utf-8")) + len(suffix) + 8
    if chunk:
        chunks.append(chunk)
    manifest = {"docs": len(docs), "keys": keys, "pages": pages, "chunks": starts, "separator": separator}
    digest = hashlib.sha256(json.dumps([manifest, shards, chunks], ensure_ascii=False).encode("utf-8")).hexdigest()
    manifest["version"] = digest[:12]
    return LanguageIndex(manifest, shards, chunks, docs)
