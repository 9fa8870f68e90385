"""What the search index takes from a built page (hooks/sourcekit/search_docs.py), on pages of our own."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))

from sourcekit.search_docs import page_docs  # noqa: E402

PAGE = """<!doctype html><html><body><nav class="md-nav">Site menu</nav>
<article class="md-content__inner md-typeset">
<h1 id="river-towns">River towns<a class="headerlink" href="#river-towns">¶</a></h1>
<p>The valley has three market towns <span class="sk-citation"><a class="sk-cite-link" href="#x">[4]</a><small class="sk-preview" data-search-exclude>A preview of the cited paragraph</small></span>.</p>
<p><a class="md-button" href="side/">Side-by-side view</a></p>
<h2 id="figures">Figures<a class="headerlink" href="#figures">¶</a></h2>
<table class="sk-table"><thead><tr><th>Figure</th><th>Value</th></tr></thead><tbody><tr><td>Bridges</td><td>12</td></tr><tr><td>Ferries</td><td>3</td></tr></tbody></table>
<h2 id="the-old-road">The old road</h2>
<div class="sk-block sk-paragraph" id="p-0a1b2c"><p class="sk-label">Translation (English)</p><p class="sk-text">Caravans crossed the pass<span class="sk-corr">es<sup><a class="sk-corr-mark" href="#c1">✎1</a></sup></span> each spring.</p><a class="sk-pilcrow" href="#p-0a1b2c">¶</a></div>
<div class="sk-block sk-paragraph" id="p-3d4e5f"><p class="sk-text">The ferry men kept a ledger.</p><p class="sk-cited-on">Cited on: <a href="t/">Trade</a></p></div>
<p><strong>Glossary terms:</strong> <a href="g/#a">Caravan</a> · <a href="g/#b">Ferry</a></p>
<div class="sk-tl-filter" role="group"><label>Show</label><input type="radio"><label>All themes</label></div>
<a class="sk-card-link" href="t/"><span class="sk-card-heading">Trade</span><span class="sk-card-summary">Markets and money.</span></a>
<h2 id="cite-this-page">Cite this page</h2>
<div class="sk-cite-page"><dl><dt>APA</dt><dd>Editors. (2026). River towns.</dd></dl></div>
</article><footer>Footer text</footer></body></html>"""


def docs() -> dict[str, object]:
    return {doc.location: doc for doc in page_docs(PAGE, "towns/", "River towns")}


def test_a_page_becomes_its_lead_its_sections_and_its_paragraphs() -> None:
    found = docs()
    assert list(found) == ["towns/", "towns/#figures", "towns/#the-old-road", "towns/#p-0a1b2c", "towns/#p-3d4e5f"]
    assert found["towns/"].kind == "page" and found["towns/"].title == "River towns"
    assert found["towns/"].text == "The valley has three market towns."
    paragraph = found["towns/#p-0a1b2c"]
    assert paragraph.kind == "paragraph" and paragraph.title == "The old road"
    # the correction mark and the label are gone, the corrected word stays whole
    assert paragraph.text == "Caravans crossed the passes each spring."
    assert found["towns/#p-3d4e5f"].text == "The ferry men kept a ledger."


def test_interface_is_left_out_and_blocks_never_run_together() -> None:
    found = docs()
    everything = "\n".join(doc.text for doc in found.values())
    for interface in ("Side-by-side", "Figure", "Value", "¶", "✎", "[4]", "preview", "Cited on", "Glossary terms",
                      "Show", "All themes", "Site menu", "Footer", "APA", "Editors"):
        assert interface not in everything, interface
    assert found["towns/#figures"].text == "Bridges\n12\nFerries\n3", "one line per cell, header row left out"
    assert "Trade\nMarkets and money." in found["towns/#the-old-road"].text, "a card's heading and summary apart"


def test_a_heading_over_interface_only_is_left_out() -> None:
    assert "towns/#cite-this-page" not in docs()


def test_a_page_without_an_article_is_its_title_alone() -> None:
    (only,) = page_docs("<html><body><p>Nothing here</p></body></html>", "empty/", "Empty")
    assert (only.location, only.title, only.text) == ("empty/", "Empty", "")


# --- The index built from the documents (hooks/sourcekit/search_engine.py) ---------------

SEPARATOR = r'[\s\-–—,;:!?=\[\]()"«»“”„/]+|\.(?!\d)|&[lg]t;'


def language_index():  # noqa: ANN201
    from sourcekit.search_docs import SearchDoc
    from sourcekit.search_engine import build_index

    docs = [
        SearchDoc("kk/towns/", "Өзен қалалары", "Аңғарда үш базар бар.", "page"),
        SearchDoc("kk/towns/#p-0a1b2c", "Ескі жол", "Керуендер Қазақстан арқылы өтті, 13.2 мың адам.", "paragraph"),
        SearchDoc("kk/towns/#p-3d4e5f", "Ескі жол", "Шёлк пен «жұмсақ күш» – Қазақстанда.", "paragraph"),
        SearchDoc("kk/roads/", "Жолдар", "", "page"),
    ]
    return build_index(docs, SEPARATOR)


def postings(index, term: str) -> dict[int, int]:  # noqa: ANN001
    """Document → weight of ``term``, decoded from its shard."""
    from sourcekit.search_engine import key_of

    shard = index.shards[index.manifest["keys"].index(key_of(term))]
    flat = shard["p"][shard["t"].index(term)]
    out, doc = {}, 0
    for at in range(0, len(flat), 2):
        doc += flat[at]
        out[doc] = flat[at + 1]
    return out


def test_terms_are_folded_split_and_trimmed_as_the_worker_does() -> None:
    import re

    from sourcekit.search_engine import terms

    assert terms("Шёлк пен «жұмсақ күш» – Қазақстанда, 13.2 мың.", re.compile(SEPARATOR)) == [
        "шелк", "пен", "жумсак", "куш", "казакстанда", "13.2", "мын",
    ]


def test_the_index_is_sharded_by_the_first_two_letters_and_points_at_its_documents() -> None:
    index = language_index()
    manifest = index.manifest
    assert manifest["docs"] == 4 and [page[0] for page in manifest["pages"]] == ["kk/towns/", "kk/roads/"]
    assert [page[2] for page in manifest["pages"]] == [0, 3]
    assert all(len(key) <= 2 for key in manifest["keys"]) and manifest["keys"] == sorted(manifest["keys"])
    for number, shard in enumerate(index.shards):
        assert all(term.startswith(manifest["keys"][number]) for term in shard["t"])
    assert set(postings(index, "казакстан")) == {1}
    assert set(postings(index, "казакстанда")) == {2}
    every_term = {term for shard in index.shards for term in shard["t"]}
    assert "ески" not in every_term, "a paragraph's title is its heading's: indexed with the heading, not again"
    assert set(postings(index, "жолдар")) == {3} and set(postings(index, "озен")) == {0}, "a page's title is indexed"
    # the chunks hold every document in order: location suffix, title, text
    rows = [row for chunk in index.chunks for row in chunk]
    assert [row[0] for row in rows] == ["", "#p-0a1b2c", "#p-3d4e5f", ""]
    assert rows[2][2] == "Шёлк пен «жұмсақ күш» – Қазақстанда."
    assert manifest["chunks"][0] == 0 and len(manifest["version"]) == 12
