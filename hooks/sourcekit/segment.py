"""Segment stage: split a seed into blocks (titles, abstracts, headings, paragraphs…).

A block has a stable ``block_id`` made from a hash of its own raw text, so editing one
paragraph never changes the ID of another. How blocks are found:

1. Lines are grouped at blank lines. A group is split again where a new page starts
   after a finished sentence (a line that begins with a space after terminal
   punctuation), where a numbered list item starts, and where a short line that ends a
   paragraph is followed by a capitalised line.
2. Groups split by a page break in mid-sentence are merged again: the first ends with a
   hyphen, or without terminal punctuation while the next starts in lower case.
3. Each group is classified. Before the last keyword line ("Түйін сөздер", "Ключевые
   слова", "Keywords") lies the front matter: short unpunctuated groups there are titles,
   paragraphs are abstracts. After it, short unpunctuated one-line groups are section
   headings. In Markdown seeds, ``#`` headings are the title (the first) and sections;
   short lines right after the title are the byline; a "References" heading starts the
   reference list, whose numbered items are the references.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .clean import (
    CleaningRules,
    Vocabulary,
    clean_block_text,
    join_lines,
    repair_doubled_fragments,
    repair_urls,
    unescape_markdown,
)
from .textutil import detect_language, fingerprint

TERMINAL = tuple(".!?:;»\"”)")
KEYWORD_PREFIXES = ("түйін сөздер", "ключевые слова", "keywords", "key words")
REFERENCE_HEADINGS = re.compile(
    r"^(references?|bibliography|список литературы|литература|әдебиеттер|пайдаланылған әдебиеттер)\s*:?$",
    re.IGNORECASE,
)
_MD_HEADING = re.compile(r"^\s*(#{1,6})\s+(.*?)\s*#*\s*$")
_LIST_ITEM = re.compile(r"^\s*(\d{1,2})\.\s+\S")
_MD_REFERENCE = re.compile(r"^\s*[-*]\s+(\d{1,3})\.\s+")


@dataclass(frozen=True)
class Block:
    """One addressable unit of a seed.

    ``kind`` is one of: title, byline, meta, abstract, keywords, heading, paragraph,
    list_item, references_heading, reference. ``text`` is cleaned but not yet corrected.
    """

    kind: str
    block_id: str
    text: str
    lang: str
    line: int
    end_line: int
    number: int | None = None
    markdown: bool = False  # from a Markdown seed: its http(s) links are links (annotate)


@dataclass
class _Group:
    lines: list[str]
    start: int  # 1-based line number of the first line

    @property
    def end(self) -> int:
        return self.start + len(self.lines) - 1

    @property
    def stripped(self) -> list[str]:
        return [line.strip() for line in self.lines if line.strip()]


def is_markdown(text: str) -> bool:
    """A seed is read as Markdown when it has ``#`` headings or backslash escapes."""
    return bool(re.search(r"^\s*#{1,6}\s", text, re.MULTILINE) or re.search(r"\\[*_]", text))


def uses_spaced_lines(lines: list[str]) -> bool:
    """True when most non-final lines end with a space: the PDF extraction's habit."""
    candidates = [line for line in lines if line.strip() and len(line.strip()) > 30]
    if len(candidates) < 10:
        return False
    spaced = sum(1 for line in candidates if line.endswith(" ") or line.rstrip().endswith("-"))
    return spaced / len(candidates) >= 0.6


def _group_lines(lines: list[str]) -> list[_Group]:
    groups: list[_Group] = []
    current: _Group | None = None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            current = None
            continue
        if current is None or _starts_new_group(current, line):
            current = _Group([line], number)
            groups.append(current)
        else:
            current.lines.append(line)
    return groups


def _starts_new_group(group: _Group, line: str) -> bool:
    previous = group.lines[-1].strip()
    stripped = line.strip()
    if _MD_HEADING.match(line) or _MD_HEADING.match(group.lines[-1]):
        return True
    if _MD_REFERENCE.match(line):
        return True
    if line.startswith(" ") and previous.endswith(TERMINAL) and not stripped[0].islower():
        return True
    if _LIST_ITEM.match(line) and (previous.endswith(TERMINAL) or _LIST_ITEM.match(group.lines[0]) or len(previous) < 40):
        return True
    widest = max(len(candidate.strip()) for candidate in group.lines)
    is_list = bool(_LIST_ITEM.match(group.lines[0]))
    if (
        (is_list or previous.endswith(TERMINAL))
        and len(previous) < 0.6 * max(widest, 45)
        and (stripped[0].isupper() or stripped[0].isdigit())
        and not previous.endswith("-")
    ):
        return True
    return False


def _merge_page_breaks(groups: list[_Group]) -> list[_Group]:
    merged: list[_Group] = []
    for group in groups:
        if merged and _continues(merged[-1], group):
            previous = merged[-1]
            gap = group.start - previous.end - 1
            previous.lines.extend([""] * gap + group.lines)
        else:
            merged.append(group)
    return merged


def _continues(previous: _Group, group: _Group) -> bool:
    if _MD_HEADING.match(previous.lines[0]) or _MD_HEADING.match(group.lines[0]):
        return False
    last = previous.stripped[-1]
    first = group.stripped[0]
    if re.search(r"[^\W\d_]-$", last) and first[0].isalpha():
        return True
    return not last.endswith(TERMINAL) and first[0].isalpha() and first[0].islower()


def _is_short_unpunctuated(text: str, *, max_length: int) -> bool:
    return (
        0 < len(text) <= max_length
        and not text.rstrip().endswith((".", "!", "?", ";", ",", ":"))
        and not _LIST_ITEM.match(text)
        and (text[0].isupper() or text[0] in "«\"“")
    )


def segment(text: str, *, rules: CleaningRules) -> list[Block]:
    """Split the loaded text of one seed into cleaned, classified blocks."""
    markdown = is_markdown(text)
    if markdown:
        text = unescape_markdown(text)
    # Repair web addresses line by line first, so that the duplicated link text is gone
    # before a line-end hyphen inside an address is rejoined; clean_block_text repeats it.
    text = repair_urls(repair_doubled_fragments(text))
    lines = text.split("\n")
    vocabulary = Vocabulary.of(text)
    spaced = uses_spaced_lines(lines)
    groups = _merge_page_breaks(_group_lines(lines))

    drafts: list[tuple[str, _Group, str, int | None]] = []
    for group in groups:
        first = group.lines[0]
        heading = _MD_HEADING.match(first)
        if heading:
            drafts.append(("md_heading", group, heading.group(2), None))
            continue
        joined = join_lines(group.lines, vocabulary=vocabulary, rules=rules, spaced_lines=spaced)
        reference = _MD_REFERENCE.match(joined)
        if reference:
            drafts.append(("reference", group, joined[reference.end() :], int(reference.group(1))))
            continue
        item = _LIST_ITEM.match(joined)
        if item:
            drafts.append(("list_item", group, joined, int(item.group(1))))
            continue
        if joined.lower().startswith(KEYWORD_PREFIXES):
            drafts.append(("keywords", group, joined, None))
            continue
        drafts.append(("text", group, joined, None))

    return _classify(drafts, markdown=markdown)


def _classify(drafts: list[tuple[str, _Group, str, int | None]], *, markdown: bool) -> list[Block]:
    last_keywords = max((index for index, draft in enumerate(drafts) if draft[0] == "keywords"), default=-1)
    has_sections = any(
        draft[0] == "md_heading" and not REFERENCE_HEADINGS.match(draft[2]) for draft in drafts[1:]
    ) or last_keywords >= 0
    blocks: list[Block] = []
    seen_ids: dict[str, int] = {}
    title_seen = False
    in_references = False
    in_byline = False
    for index, (draft_kind, group, text, number) in enumerate(drafts):
        cleaned = clean_block_text(text)
        kind = "paragraph"
        if draft_kind == "md_heading":
            if not title_seen:
                kind, title_seen, in_byline = "title", True, True
            elif REFERENCE_HEADINGS.match(cleaned):
                kind, in_references = "references_heading", True
            else:
                kind = "heading"
        elif draft_kind == "reference":
            kind = "reference" if in_references or markdown else "list_item"
        elif draft_kind == "keywords":
            kind = "keywords"
        elif draft_kind == "list_item":
            kind = "list_item"
            in_byline = False
        elif index <= last_keywords:
            kind = "title" if _is_short_unpunctuated(cleaned, max_length=150) else "abstract"
        elif in_byline and len(cleaned) < 120:
            kind = "byline"
        elif markdown and not title_seen and len(cleaned) < 120:
            kind = "meta"
        elif not markdown and _is_short_unpunctuated(cleaned, max_length=60) and len(group.stripped) == 1:
            kind = "heading" if (title_seen or last_keywords >= 0) else "title"
            title_seen = True
        else:
            in_byline = False
            if not has_sections:
                kind = "paragraph"
        if kind == "heading" and REFERENCE_HEADINGS.match(cleaned):
            kind, in_references = "references_heading", True
        block_id = _unique_id(f"p-{fingerprint(chr(10).join(group.lines), length=6)}", seen_ids)
        blocks.append(
            Block(
                kind=kind,
                block_id=block_id,
                text=cleaned,
                lang=detect_language(cleaned),
                line=group.start,
                end_line=group.end,
                number=number,
                markdown=markdown,
            )
        )
    return blocks


def _unique_id(candidate: str, seen: dict[str, int]) -> str:
    count = seen.get(candidate, 0) + 1
    seen[candidate] = count
    return candidate if count == 1 else f"{candidate}-{count}"
