"""Markdown reader: a seed written in (CommonMark) Markdown, parsed by markdown-it-py.

The parser's token stream is walked block by block (each block token has its lines), and
gives one draft per block, in the order of the text:

- a heading (``#`` or underlined) is a ``heading`` with its ``level`` (1–6);
- a paragraph is ``text``, or ``quote`` inside a block quotation, or ``list_item`` inside
  a list item (the innermost of the two decides);
- the paragraph that begins a list item carries the item's ``marker`` as printed (``-``,
  ``*``, ``+``, ``3.``, ``3)``) and, when numbered, its ``number``; a further paragraph
  of the same item is a ``list_item`` draft without marker or number (it continues the
  item before it: each paragraph keeps its own lines, and so its own ID).
  ``level`` is the depth of the list: 1 for a list that is not inside another;
- a bullet item whose only content is one numbered item (``- 1. Author. Title…``, the
  habit of reference lists converted to Markdown) is that numbered item: one
  ``list_item`` with number 1 and marker ``1.``, at the bullet list's level;
- fenced or indented code is ``preformatted``, its lines joined with ``\\n`` (with their
  indentation; trailing spaces and the blank lines around it dropped);
- a table is ``preformatted``: the cells of each row joined by `` | ``, the rows by
  ``\\n`` (the delimiter row is not repeated);
- a horizontal rule (``---``, ``***``) and a comment that fills its lines
  (``<!-- … -->``) are removed lines ("horizontal rule", "comment"); the lines of a link
  reference definition (``[x]: https://…``) are removed as "link reference definition"
  (the links that use it carry the address); any other line that holds only markup
  (a lone ``-`` or ``>``, an empty heading or code fence, an image without alt text) is
  removed as "markup without text", and what lies inside more than ``MAX_NESTING``
  quotations and lists (which the parser does not read) as "nested too deeply". Front
  matter is not recognised: it reads as Markdown.

Inline text: emphasis markers go, code spans keep their content, a link to an http or
https address is written ``[label](address)`` (annotate makes it a link; a label that
cannot be written so, having square brackets or over 300 characters, is followed by the
address in parentheses), a link to anything else (``javascript:``, ``data:``,
``mailto:``, a relative path) is its label alone, an image is its alt text, an autolink
``<https://…>`` its address, a line break a space. Raw HTML is not HTML here: the parser
runs with HTML off, so ``<b>`` or an inline ``<!-- … -->`` stays as literal text, and
entities are decoded. The text of a draft is whitespace-collapsed.

Two repairs for the loose Markdown of converted documents:

- *Escaped emphasis.* Converters escape the asterisks an author meant as emphasis
  (``\\*Nur-Sultan, Kazakhstan\\*``). A pair of escaped ``*`` or ``_`` (or of doubled
  ones, ``\\*\\*…\\*\\*``) that wraps a run of words is dropped: the opening one
  stands at the start of the text or after a character that is neither a word character
  nor the same marker, and is followed by a non-space; the closing one, the nearest
  such after it, follows a non-space and is not followed by a word character. An escaped
  marker inside a word (``Nurai\\_n@bk.ru``) stays.
- *Paragraphs broken at a page.* A top-level paragraph that ends without terminal
  punctuation, followed after blank lines only by one whose first line starts with a
  lower-case letter, is one sentence broken by the conversion: the two are one ``text`` draft
  (joined by a space, as a line break inside a paragraph is), covering both.

``id_lines`` are the seed's lines after the repairs that the paragraph IDs have always
been computed from (:func:`sourcekit.clean.unescape_markdown`, then the repairs of
doubled fragments and web addresses), so that the IDs of existing seeds do not move.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from markdown_it import MarkdownIt

from ..clean import repair_doubled_fragments, repair_urls, unescape_markdown
from ..drafts import Draft, Reading, Removed

if TYPE_CHECKING:
    from collections.abc import Iterator

    from markdown_it.token import Token

# A paragraph that ends with one of these finished its sentence (as in the segment stage).
TERMINAL = tuple(".!?:;»\"”)")
# The longest label that annotate reads as the label of a Markdown link.
MAX_LINK_LABEL = 300
# How deep quotations and lists may nest; the parser skips what lies deeper (its own guard).
MAX_NESTING = 20

_WHITESPACE = re.compile(r"\s{2,}|[\t\n\r\f\v\x1c-\x1f\x85\u2028\u2029]")
_LINK_DEFINITION = re.compile(r"^ {0,3}(?:>\s?)*\s*\[[^\]]+\]:")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_WEB_SCHEME = re.compile(r"^https?://", re.IGNORECASE)

# What makes a text Markdown rather than text extracted from a PDF (see looks_like_markdown).
_MD_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.MULTILINE)
_MD_ESCAPE = re.compile(r"\\[*_\[\]#`]")
_MD_LINK = re.compile(r"\[[^\[\]\n]+\]\(\s*<?https?://[^\s)]+")
_MD_FENCE = re.compile(r"^ {0,3}(?:`{3,}|~{3,})", re.MULTILINE)
_MD_STRONG_LINE = re.compile(r"^ {0,3}\*\*\S[^*\n]*\*\*[ \t]*$", re.MULTILINE)
_MD_TABLE = re.compile(r"^ {0,3}\|.*\|[ \t]*\n {0,3}\|?[ \t]*:?-{3,}:?[ \t]*\|", re.MULTILINE)


def read(text: str) -> Reading:
    """Read one Markdown seed into drafts and removed lines (see the module's docstring)."""
    lines = text.split("\n")
    # The parser also breaks lines at a lone carriage return; make it a space so that the
    # parser's line numbers stay those of ``text.split("\n")``.
    source = "\n".join(line.replace("\r", " ") for line in lines)
    comment_lines = _comment_lines(source)
    parsed = "\n".join(
        "" if index in comment_lines else line for index, line in enumerate(source.split("\n"))
    )
    walker = _Walker(lines=lines)
    walker.walk(_parser(html=False).parse(parsed))
    drafts = _join_broken_paragraphs(walker.drafts, lines=lines)
    removed = _removed_lines(
        lines, drafts=drafts, known=walker.removed, comment_lines=comment_lines, too_deep=walker.too_deep
    )
    return Reading(drafts=tuple(drafts), removed=removed, id_lines=_id_lines(text, lines=lines))


def looks_like_markdown(text: str) -> bool:
    """True when ``text`` shows Markdown that text extracted from a PDF never has.

    Any of: a ``#`` heading, a backslash escape of ``*``, ``_``, ``[``, ``]``, ``#`` or a
    backquote, a link ``[label](http…)``, two code fences, a line that is all ``**strong**``,
    or a table with its delimiter row. Numbered or dashed lines ("1.", "- ") and ``>``
    quotations alone are not enough: extracted text has them too.
    """
    return bool(
        _MD_HEADING.search(text)
        or _MD_ESCAPE.search(text)
        or _MD_LINK.search(text)
        or len(_MD_FENCE.findall(text)) >= 2
        or _MD_STRONG_LINE.search(text)
        or _MD_TABLE.search(text)
    )


@lru_cache(maxsize=2)
def _parser(*, html: bool) -> MarkdownIt:
    """CommonMark with tables; no linkify or typographer. ``html=True`` only finds comments."""
    options = {"html": html, "linkify": False, "typographer": False, "maxNesting": MAX_NESTING}
    parser = MarkdownIt("commonmark", options).enable("table")
    if html:
        parser.disable("inline")  # blocks are all the comment search needs
    # Keep escapes and entities as their own tokens: the escaped-emphasis repair needs them.
    parser.disable("text_join")
    # Nothing is rendered as HTML here: every link is parsed, and the reader keeps the
    # address of http(s) links only (the default would leave "[x](javascript:…)" as text).
    parser.validateLink = lambda url: True  # type: ignore[method-assign]
    return parser


def _comment_lines(source: str) -> frozenset[int]:
    """The 0-based lines that a comment fills, as HTML-aware Markdown would see them."""
    found: set[int] = set()
    for token in _parser(html=True).parse(source):
        if token.type != "html_block" or token.map is None:
            continue
        content = token.content.strip()
        if content.startswith("<!--") and not _COMMENT.sub("", content).strip():
            found.update(range(*token.map))
    return frozenset(found)


def _id_lines(text: str, *, lines: list[str]) -> tuple[str, ...]:
    """The lines the paragraph IDs are made from: the same repairs as always, line by line.

    None of the repairs crosses a line break, so the count of lines stays; if it ever
    did not, the raw lines are used rather than IDs computed from shifted lines.
    """
    repaired = repair_urls(repair_doubled_fragments(unescape_markdown(text))).split("\n")
    return tuple(repaired if len(repaired) == len(lines) else lines)


# Blocks ------------------------------------------------------------------------------------


@dataclass
class _List:
    """An open list: its bullet or delimiter, and whether it counts as a level."""

    markup: str
    counts: bool = True


@dataclass
class _Item:
    """An open list item: its printed marker and number, until its first draft takes them."""

    marker: str | None
    number: int | None
    pending: bool = True


@dataclass
class _Walker:
    """Walks the flat token stream (open and close tokens), collecting drafts and removed lines.

    The stream is walked in a loop, not by recursion: emphasis can nest thousands deep.
    """

    lines: list[str]
    drafts: list[Draft] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    too_deep: set[int] = field(default_factory=set)  # 1-based lines the parser skipped
    open: list[str | _List | _Item] = field(default_factory=list)  # "quote", lists and items

    def walk(self, tokens: list[Token]) -> None:
        flattened = _flattened_lists(tokens)
        index = 0
        while index < len(tokens):
            token = tokens[index]
            kind = token.type
            if kind in ("blockquote_open", "list_item_open") and token.level + 1 >= MAX_NESTING:
                self.too_deep.update(_lines_of(token))
            if kind == "blockquote_open":
                self.open.append("quote")
            elif kind in ("bullet_list_open", "ordered_list_open"):
                self.open.append(_List(token.markup, counts=index not in flattened))
            elif kind == "list_item_open":
                self.open.append(self._item(token, flattened=index + 1 in flattened))
            elif kind in ("blockquote_close", "bullet_list_close", "ordered_list_close", "list_item_close"):
                self.open.pop()
            elif kind == "heading_open":
                self.add(token, "heading", _inline_text(tokens[index + 1]), level=int(token.tag[1:]))
                index += 2
            elif kind == "paragraph_open":
                text = _inline_text(tokens[index + 1])
                self.add(token, self._paragraph_kind(), text, level=self._item_level())
                index += 2
            elif kind in ("fence", "code_block"):
                self.add(token, "preformatted", _code_text(token.content))
            elif kind == "table_open":
                end = _closing(tokens, index)
                self.add(token, "preformatted", _table_text(tokens[index:end]))
                index = end
            elif kind == "hr":
                self.removed.extend(
                    Removed(line=number, text=self.lines[number - 1], reason="horizontal rule")
                    for number in _lines_of(token)
                    if self.lines[number - 1].strip()
                )
            index += 1

    def _item(self, token: Token, *, flattened: bool) -> _Item:
        if flattened:  # "- 1. …": the numbered item inside gives the marker
            return _Item(marker=None, number=None, pending=False)
        if token.info:  # a numbered item: its number, then its delimiter ("." or ")")
            return _Item(marker=f"{token.info}{token.markup}", number=int(token.info))
        return _Item(marker=token.markup, number=None)

    def _paragraph_kind(self) -> str:
        for entry in reversed(self.open):
            if entry == "quote":
                return "quote"
            if isinstance(entry, _Item):
                return "list_item"
        return "text"

    def _item_level(self) -> int | None:
        if self._paragraph_kind() != "list_item":
            return None
        return sum(1 for entry in self.open if isinstance(entry, _List) and entry.counts)

    def add(self, token: Token, kind: str, text: str, *, level: int | None = None) -> None:
        if not text:
            return  # its lines are "markup without text" (see _removed_lines)
        numbers = _lines_of(token)
        start, end = numbers.start, numbers.stop - 1
        while start < end and not self.lines[start - 1].strip():
            start += 1
        while end > start and not self.lines[end - 1].strip():
            end -= 1
        items = [entry for entry in self.open if isinstance(entry, _Item)]
        marker = number = None
        if kind == "list_item" and items[-1].pending:
            marker, number = items[-1].marker, items[-1].number
        for item in items:  # every item around has now begun, with or without its marker
            item.pending = False
        self.drafts.append(Draft(kind, start, end, text, level=level, number=number, marker=marker))


def _flattened_lists(tokens: list[Token]) -> set[int]:
    """Indexes of the numbered lists that are a bullet item's only content, with one item."""
    flattened: set[int] = set()
    for index, token in enumerate(tokens[:-1]):
        following = tokens[index + 1]
        if token.type != "list_item_open" or token.info or following.type != "ordered_list_open":
            continue
        end = _closing(tokens, index + 1)
        items = sum(
            1
            for inner in tokens[index + 1 : end]
            if inner.type == "list_item_open" and inner.level == following.level + 1
        )
        if items == 1 and end + 1 < len(tokens) and tokens[end + 1].type == "list_item_close":
            flattened.add(index + 1)
    return flattened


def _closing(tokens: list[Token], index: int) -> int:
    """The index of the token that closes ``tokens[index]`` (an opening token)."""
    opening = tokens[index]
    closing_type = opening.type.removesuffix("_open") + "_close"
    for position in range(index + 1, len(tokens)):
        if tokens[position].type == closing_type and tokens[position].level == opening.level:
            return position
    return len(tokens) - 1


def _lines_of(token: Token) -> range:
    """The 1-based line numbers of a block (markdown-it: 0-based, end exclusive)."""
    first, end = token.map or (0, 0)
    return range(first + 1, max(end, first + 1) + 1)


def _code_text(content: str) -> str:
    code_lines = [line.rstrip() for line in content.split("\n")]
    while code_lines and not code_lines[-1]:
        code_lines.pop()
    while code_lines and not code_lines[0]:
        code_lines.pop(0)
    return "\n".join(code_lines)


def _table_text(tokens: list[Token]) -> str:
    rows: list[str] = []
    cells: list[str] = []
    for token in tokens:
        if token.type == "tr_open":
            cells = []
        elif token.type == "inline":
            cells.append(_inline_text(token))
        elif token.type == "tr_close" and any(cells):
            rows.append(" | ".join(cells).strip())
    return "\n".join(rows)


# Inline text ----------------------------------------------------------------------------


@dataclass
class _Inline:
    """Inline text as it is built: its pieces and where the escaped ``*`` and ``_`` stand."""

    pieces: list[str] = field(default_factory=list)
    escaped: list[int] = field(default_factory=list)  # offsets of escaped markers
    length: int = 0

    def add(self, text: str, *, escaped_marker: bool = False) -> None:
        if escaped_marker:
            self.escaped.append(self.length)
        self.pieces.append(text)
        self.length += len(text)

    def extend(self, other: _Inline) -> None:
        self.escaped.extend(self.length + offset for offset in other.escaped)
        self.pieces.extend(other.pieces)
        self.length += other.length

    @property
    def text(self) -> str:
        return "".join(self.pieces)


@dataclass
class _OpenLink:
    """A link being read: the text around it, its address, and its label so far."""

    outer: _Inline
    href: str
    autolink: bool
    label: _Inline = field(default_factory=_Inline)


def _inline_text(inline: Token) -> str:
    """The text of a block's inline content, resolved as the module's docstring says."""
    built = _Inline()
    links: list[_OpenLink | None] = []  # None: a link inside an image, read as its label
    images = 0
    pending: list[Token | None] = list(reversed(inline.children or []))  # None: an image's alt text ends
    while pending:
        token = pending.pop()
        if token is None:
            images -= 1
            continue
        kind = token.type
        if kind in ("text", "code_inline"):
            built.add(token.content)
        elif kind == "text_special":
            built.add(token.content, escaped_marker=token.info == "escape" and token.content in ("*", "_"))
        elif kind in ("softbreak", "hardbreak"):
            built.add(" ")
        elif kind == "image":  # its alt text, read in its place
            images += 1
            pending.append(None)
            pending.extend(reversed(token.children or []))
        elif kind == "link_open":
            if images:
                links.append(None)
            else:
                link = _OpenLink(built, str(token.attrs.get("href", "")), autolink=token.markup == "autolink")
                links.append(link)
                built = link.label
        elif kind == "link_close" and links:
            link = links.pop()
            if link is not None:
                built = link.outer
                _write_link(built, link)
        # emphasis and any other markup: nothing of its own
    while links:  # never left open by the parser; kept safe all the same
        link = links.pop()
        if link is not None:
            link.outer.extend(link.label)
            built = link.outer
    return _collapse(_drop_escaped_emphasis(built.text, built.escaped))


def _write_link(built: _Inline, link: _OpenLink) -> None:
    """A link as ``[label](address)`` when it leads to the web, else its label alone."""
    if link.autolink or not _WEB_SCHEME.match(link.href):
        built.extend(link.label)
        return
    address = link.href.replace("(", "%28").replace(")", "%29")  # annotate reads up to a parenthesis
    label_text = _collapse(link.label.text)
    if not label_text:
        built.add(address)
    elif "[" in label_text or "]" in label_text or len(label_text) > MAX_LINK_LABEL:
        built.extend(link.label)
        built.add(f" ({address})")
    else:
        built.add("[")
        built.extend(link.label)
        built.add(f"]({address})")


def _drop_escaped_emphasis(text: str, escaped: list[int]) -> str:
    """Drop the escaped ``*``/``_`` pairs that wrap a run of words (see the docstring)."""
    if len(escaped) < 2:
        return text
    runs = list(_marker_runs(text, set(escaped)))
    # Whether a run can close depends on it alone: index the closing runs by marker and size.
    closers: dict[tuple[str, int], list[int]] = {}
    for position, (start, size) in enumerate(runs):
        if _closes(text, start, size):
            closers.setdefault((text[start], size), []).append(position)
    dropped: set[int] = set()
    position = 0
    while position < len(runs):
        start, size = runs[position]
        candidates = closers.get((text[start], size), [])
        following = bisect_right(candidates, position)
        if _opens(text, start, size) and following < len(candidates):
            closing = candidates[following]
            close, _ = runs[closing]
            dropped.update(range(start, start + size))
            dropped.update(range(close, close + size))
            position = closing + 1
        else:
            position += 1
    return "".join(char for offset, char in enumerate(text) if offset not in dropped)


def _marker_runs(text: str, marked: set[int]) -> Iterator[tuple[int, int]]:
    """Runs of one or two escaped markers of the same character: (offset, length)."""
    position = 0
    for offset in sorted(marked):
        if offset < position:
            continue
        size = 2 if offset + 1 in marked and text[offset + 1] == text[offset] else 1
        yield offset, size
        position = offset + size


def _opens(text: str, start: int, size: int) -> bool:
    """At the start of a run of words: after nothing, a space or punctuation; before a non-space."""
    before = text[start - 1] if start else ""
    after = text[start + size] if start + size < len(text) else ""
    return not _joins(before, text[start]) and bool(after) and not after.isspace()


def _closes(text: str, start: int, size: int) -> bool:
    """At the end of a run of words: after a non-space; before nothing, a space or punctuation."""
    before = text[start - 1] if start else ""
    after = text[start + size] if start + size < len(text) else ""
    return bool(before) and not before.isspace() and not _joins(after, text[start])


def _joins(neighbour: str, marker: str) -> bool:
    """True when ``neighbour`` binds a marker to a word: a word character or the same marker."""
    return bool(neighbour) and (neighbour.isalnum() or neighbour == "_" or neighbour == marker)


def _collapse(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


# Drafts across blocks and the lines outside them -----------------------------------------


def _join_broken_paragraphs(drafts: list[Draft], *, lines: list[str]) -> list[Draft]:
    """Join top-level paragraphs that a conversion broke in mid-sentence (see the docstring)."""
    joined: list[Draft] = []
    for draft in drafts:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.kind == draft.kind == "text"
            and not previous.text.endswith(TERMINAL)
            and _starts_lower_case(lines[draft.start - 1])
            and all(not line.strip() for line in lines[previous.end : draft.start - 1])
        ):
            joined[-1] = Draft("text", previous.start, draft.end, f"{previous.text} {draft.text}")
        else:
            joined.append(draft)
    return joined


def _starts_lower_case(line: str) -> bool:
    """True when a line, as written, begins with a lower-case letter (not with markup)."""
    first = line.lstrip()[:1]
    return first.isalpha() and first.islower()


def _removed_lines(
    lines: list[str],
    *,
    drafts: list[Draft],
    known: list[Removed],
    comment_lines: frozenset[int],
    too_deep: set[int],
) -> tuple[Removed, ...]:
    """Every non-blank line outside the drafts, with why it is not in one."""
    covered: set[int] = set()
    for draft in drafts:
        covered.update(range(draft.start, draft.end + 1))
    reasons = {item.line: item.reason for item in known if item.line not in covered}
    removed: list[Removed] = []
    in_definition = False
    for number, line in enumerate(lines, start=1):
        if number in covered or not line.strip():
            in_definition = False
            continue
        if number - 1 in comment_lines:
            reason = "comment"
        elif number in reasons:
            reason = reasons[number]
        elif number in too_deep:
            reason = "nested too deeply"
        elif in_definition or _LINK_DEFINITION.match(line):
            reason = "link reference definition"
        else:
            reason = "markup without text"
        in_definition = reason == "link reference definition"
        removed.append(Removed(line=number, text=line, reason=reason))
    return tuple(removed)
