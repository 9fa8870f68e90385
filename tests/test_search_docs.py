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

