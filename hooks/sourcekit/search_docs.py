"""What the search index holds: readers' text, one document per paragraph, no interface.

Material's search plugin indexes a page as sections between headings, with every piece of
text in them: buttons, filter labels, the header cells of generated tables, the "cite this
page" block, pilcrows. Cells and labels that touch in the HTML run together in its index
(«КөрсеткішМәніУақытыОрны»). This module reads the built page instead and gives:

- one document for the page (``location`` the page; its lead text, before the first
  heading or paragraph), then, in reading order,
- one for each heading with an id (``page#heading``; the text under it that is in no
  paragraph of its own: hand-written prose, lists, tables, glossary entries),
- one for each paragraph with an id ``p-…`` (``page#p-…``), whose title is the heading it
  stands under (or the page title), so that a result opens the page at that paragraph.

Interface is left out (:data:`DROP_TAGS`, :data:`DROP_CLASSES`, ``data-search-exclude``,
``hidden``/``aria-hidden``), and a heading whose whole content was interface ("Cite this
page", "What the sources say") goes with it. Text keeps a line break wherever the page has
a block boundary, so that words never run together, and a label left on its own would be
a line of its own (the build tests look for that).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html

# Elements whose text is part of the sentence around them; every other element is a block
# boundary (a line break in the index text).
INLINE = frozenset(
    "a abbr b bdi bdo cite code data del dfn em i ins kbd mark q s samp small span strong sub sup time u var wbr".split()
)
# Inline elements that the stylesheet shows as blocks (a theme card's heading and summary).
BLOCK_CLASSES = frozenset({"sk-card-heading", "sk-card-summary"})
# Interface by element: controls, navigation, graphics (charts repeat their data table).
# A table's header row is labels (the figures' "Figure · Value · When · Where").
DROP_TAGS = frozenset(
    "button canvas form iframe input label nav noscript object script select style summary svg template textarea thead".split()
)
# Interface by class, in the article of a built page.
DROP_CLASSES = frozenset({
    "headerlink",  # Material's ¶ after a heading
    "sk-pilcrow",  # ¶ after a paragraph (its permanent link)
    "sk-back",  # "¶ p-…" back to the paragraph that cites a reference
    "md-button",  # "Side-by-side view (…)", and any other button-styled link
    "sk-citation",  # a theme page's citation mark [12] and its preview of the cited paragraph
    "sk-preview",
    "sk-corr-mark",  # ✎3, the number of an editorial correction
    "sk-cite-page",  # "Cite this page" / "Cite the original text": the formatted references
    "sk-cite-downloads",  # "Download the record: BibTeX · RIS · CSL-JSON"
    "sk-downloads",  # the data page's table of files to download
    "sk-cited-on",  # "Cited on: <theme pages>"
    "sk-card",  # "About this text": labels and values of the catalogue record (the title is the page's)
    "sk-cards",  # the home page's cards that link to the theme pages (navigation)
    "sk-related",  # "Related" theme links (navigation)
    "sk-tl-filter",  # the timeline's theme filter
    "sk-label",  # "Translation (Kazakh)" above a translated paragraph
    "sk-cell-label",  # "English · original" in a parallel row
    "sk-unknown",  # "not stated in the text"
    "sk-edition",  # "Edition 1.2, built on …"
    "sk-page-url",
})
KEEP_HINTS = 'ancestor::*[self::h1 or self::h2 or self::h3 or self::h4 or contains(@class, "sk-glossary")]'
DROP_ATTRIBUTES = ("data-search-exclude", "hidden")
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
PARAGRAPH_ID = re.compile(r"p-[0-9a-f]{4,}")
SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2009\u202f]+")


@dataclass
class SearchDoc:
    """One search document: where it opens, the title shown above it, its text.

    ``text`` holds one line per block of the page (paragraph, list item, table cell…).
    ``kind`` is ``page``, ``heading`` or ``paragraph``.
    """

    location: str
    title: str
    text: str
    kind: str


@dataclass
class _Section:
    doc: SearchDoc
    lines: list[str] = field(default_factory=list)
    removed: bool = False
    paragraphs: int = 0


def _classes(el: lxml.html.HtmlElement) -> set[str]:
    return set((el.get("class") or "").split())


def is_interface(el: lxml.html.HtmlElement) -> bool:
    """Whether ``el`` (an element of a page's article) is interface, left out of search."""
    if el.tag in DROP_TAGS or any(name in el.attrib for name in DROP_ATTRIBUTES) or el.get("aria-hidden") == "true":
        return True
    classes = _classes(el)
    if classes & DROP_CLASSES:
        return True
    # Hints are interface ("Choose one answer…", "Source paragraph: ¶ p-…"), except in the
    # glossary and in headings, where they hold a term's names and the spellings of the sources.
    if "sk-hint" in classes:
        return not el.xpath(KEEP_HINTS)
    return False


def _is_block(el: lxml.html.HtmlElement) -> bool:
    return el.tag not in INLINE or bool(_classes(el) & BLOCK_CLASSES)


# Events of a walk through the article: a string (text), BREAK (a block boundary), REMOVED
# (interface left out here), ("heading", id, text, tag), ("paragraph", id, text).
BREAK = ("break",)
REMOVED = ("removed",)
# Blocks that are navigation when they hold links and nothing else ("Glossary terms: a · b")
LINK_LIST_TAGS = frozenset({"p", "li"})
# A space left before punctuation where a citation mark or correction number was taken out
BEFORE_PUNCTUATION = re.compile(r"(?<=[\w)»”]) +(?=[.,;:!?)»”])")


def _walk(el: lxml.html.HtmlElement, out: list, *, split: bool) -> None:
    """Append the text of ``el`` and its tail to ``out`` as events.

    With ``split``, headings and paragraphs with ids become events of their own.
    """
    tag = el.tag
    if not isinstance(tag, str):  # a comment or processing instruction: only its tail counts
        pass
    elif is_interface(el):
        out.append(REMOVED)
    elif split and tag in HEADINGS and el.get("id"):
        out.append(("heading", el.get("id"), text_of(el), tag))
    elif split and PARAGRAPH_ID.fullmatch(el.get("id") or ""):
        out.append(("paragraph", el.get("id"), text_of(el)))
    elif split and tag in LINK_LIST_TAGS and _is_link_list(el):
        out.append(REMOVED)
    else:
        block = tag not in INLINE or bool(_classes(el) & BLOCK_CLASSES)
        if block:
            out.append(BREAK)
        if el.text:
            out.append(el.text)
        for child in el:
            _walk(child, out, split=split)
        if block:
            out.append(BREAK)
    if el.tail:
        out.append(el.tail)


def _is_link_list(el: lxml.html.HtmlElement) -> bool:
    """A block of links and nothing else (a label in bold may lead): navigation."""
    links = el.findall(".//a")
    if not links:
        return False
    rest = el.text_content()
    for node in links + [b for b in el.findall(".//strong") if b.text_content().rstrip().endswith(":")]:
        rest = rest.replace(node.text_content(), " ", 1)
    return not re.search(r"\w", rest)


def _lines(parts: list) -> list[str]:
    """Join text parts; :data:`BREAK` is a block boundary. Spaces collapsed, empty lines dropped."""
    lines, current = [], []
    for part in [*parts, BREAK]:
        if part.__class__ is str:
            current.append(part)
        elif part is BREAK and current:
            line = BEFORE_PUNCTUATION.sub("", " ".join("".join(current).split()))
            if line:
                lines.append(line)
            current = []
    return lines


def text_of(el: lxml.html.HtmlElement) -> str:
    """The searchable text of one element (interface left out), one line per block."""
    parts: list = [el.text] if el.text else []
    for child in el:
        _walk(child, parts, split=False)
    return "\n".join(_lines(parts))


def article_of(html: str) -> lxml.html.HtmlElement | None:
    """The article (Material's ``md-content__inner``) of a built page."""
    root = lxml.html.document_fromstring(html)
    found = root.xpath('//article[contains(concat(" ", normalize-space(@class), " "), " md-content__inner ")]')
    return found[0] if found else None


def page_docs(html: str, location: str, title: str) -> list[SearchDoc]:
    """The search documents of one built page at ``location`` (the page first)."""
    article = article_of(html)
    page = _Section(SearchDoc(location, title, "", "page"))
    if article is None:
        return [page.doc]
    base = location.split("#", 1)[0]
    sections = [page]
    current = page
    paragraphs: list[tuple[_Section, SearchDoc]] = []
    parts: list = []

    def close() -> None:
        current.lines.extend(_lines(parts))
        parts.clear()

    events: list = []
    for child in article:
        _walk(child, events, split=True)
    for event in events:
        if event.__class__ is str:
            parts.append(event)
        elif event is BREAK:
            parts.append(BREAK)
        elif event is REMOVED:
            current.removed = True
        elif event[0] == "heading":
            close()
            if event[3] == "h1":
                continue  # the page's own title: the page document
            current = _Section(SearchDoc(f"{base}#{event[1]}", event[2].replace("\n", " "), "", "heading"))
            sections.append(current)
        else:  # a paragraph
            parts.append(BREAK)
            if event[2]:
                doc = SearchDoc(f"{base}#{event[1]}", current.doc.title, event[2], "paragraph")
                paragraphs.append((current, doc))
                current.paragraphs += 1
    close()
    docs: list[SearchDoc] = []
    for section in sections:
        section.doc.text = "\n".join(section.lines)
        if section is not page and not section.doc.text and not section.paragraphs and section.removed:
            continue  # a heading over interface only ("Cite this page")
        docs.append(section.doc)
        docs.extend(doc for owner, doc in paragraphs if owner is section)
    return docs
