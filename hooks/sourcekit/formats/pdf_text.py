"""Plain text extracted from a PDF (or typed): lines grouped into drafts by their layout.

1. Page furniture is removed and listed (``furniture.py``); footnotes at a page foot are
   taken out and their calls in the text become superscript digits.
2. The remaining lines are grouped at blank lines; a group is split again where a new page
   starts after a finished sentence (a line that begins with a space after terminal
   punctuation), where a list item, a classification line or a zone label starts, and where
   a short line that ends a paragraph is followed by a capitalised line. Groups split by a
   page break in mid-sentence are merged again.
3. Each group becomes a draft: a heading when its layout says so (a numbered section
   "2.1 …" or "1. Introduction" followed by text, a line in capitals, a zone label), a list
   item, a preformatted table (three or more lines with aligned columns), a footnote, an
   item of the reference list (after a references heading, split by ``references.py``), or
   text. Whether a short text line is a title, a byline or a section heading is decided by
   ``structure.py``, which knows where the body is.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from .. import zones
from ..clean import CleaningRules, Vocabulary, clean_block_text, join_lines, repair_doubled_fragments, repair_urls
from ..drafts import Draft, Reading, Removed
from ..furniture import Footnote, find_footnotes, find_page_furniture, find_web_furniture, mark_calls, printed_pages, removed_lines

TERMINAL = tuple(".!?:;»\"”)")
LIST_ITEM = re.compile(r"^\s*(\d{1,2})\.\s+\S")
# Bullets and enumerations other than "1.": "•", "–", "-", "*", "1)", "a)".
BULLET = re.compile(r"^\s*([•●▪■◦‣∙·○►✓➢]|[-–—*])\s+(?=\S)")
PAREN_ITEM = re.compile(r"^\s*(\d{1,2}|[a-zа-яё])\)\s+(?=\S)", re.IGNORECASE)
NUMBERED_HEADING = re.compile(
    r"^\s*((?:\d{1,2}\.){1,3}\d{0,2}|\d{1,2}(?:\.\d{1,2}){1,3}|[IVX]{1,5}\.|\d{1,2}(?=\s+[A-ZА-ЯЁӘІҢҒҮҰҚӨҺ]))\s+(\S.*)$"
)
# A month after a bare number is a date ("15 September 2020"), not a numbered section.
_MONTH = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|"
    r"ноябр|декабр|қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)",
    re.IGNORECASE,
)
MAX_HEADING_LINES = 3  # a heading (or a title) set over more lines than this is a paragraph
_COLUMN_GAP = re.compile(r"\S(?: {2,}|\t+)\S")
_MD_REFERENCE = re.compile(r"^\s*[-*]\s+(\d{1,3})\.\s+")


@dataclass
class Group:
    """Consecutive lines of one block: their 0-based indexes and text."""

    indexes: list[int] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    kind: str = "text"
    widest: int = 0  # the length of its longest line, stripped

    def __post_init__(self) -> None:
        self.widest = max((len(line.strip()) for line in self.lines), default=0)

    def add(self, index: int, line: str) -> None:
        self.indexes.append(index)
        self.lines.append(line)
        self.widest = max(self.widest, len(line.strip()))

    @property
    def stripped(self) -> list[str]:
        return [line.strip() for line in self.lines if line.strip()]


def uses_spaced_lines(lines: list[str]) -> bool:
    """True when most non-final lines end with a space: the PDF extraction's habit."""
    candidates = [line for line in lines if line.strip() and len(line.strip()) > 30]
    if len(candidates) < 10:
        return False
    spaced = sum(1 for line in candidates if line.endswith(" ") or line.rstrip().endswith("-"))
    return spaced / len(candidates) >= 0.6


def prepare(text: str) -> str:
    """The repairs made before lines are read: duplicated fragments and link text."""
    # Web addresses are repaired line by line first, so that the duplicated link text is gone
    # before a line-end hyphen inside an address is rejoined; clean_block_text repeats it.
    return repair_urls(repair_doubled_fragments(text))


def read(
    text: str, *, rules: CleaningRules, web: bool = False, furniture: tuple[re.Pattern[str], ...] = (), layout=None  # noqa: ANN001
) -> Reading:
    """Read a plain text (``web``: copied from a browser, one line a paragraph);
    ``furniture`` adds patterns of lines to remove (from the text's hints); ``layout`` is
    what a PDF's layout decided about the lines (``formats.pdf.Extraction``): furniture,
    headings, footnotes and pages, which are then not guessed from the text."""
    hinted = furniture
    lines = prepare(text).split("\n")
    raw_lines = text.split("\n")
    if len(lines) != len(raw_lines):
        lines = raw_lines
    if layout is not None:
        furniture = dict(layout.furniture)
    else:
        furniture = find_web_furniture(lines) if web else find_page_furniture(lines)
    for index, line in enumerate(lines):
        if index not in furniture and line.strip() and any(pattern.search(line.replace("\f", "").strip()) for pattern in hinted):
            furniture[index] = "furniture named in the hints"
    if layout is not None:
        notes = [Footnote(number, tuple(indexes)) for number, indexes in layout.notes]
    else:
        notes = [] if web else find_footnotes(lines, furniture)
    in_notes = {index for note in notes for index in note.indexes}
    called = {note.number for note in notes}
    # Unicode hyphens (U+2010, U+2011) as the plain one, so that a word broken with them is rejoined.
    content = [line.replace("\f", "").replace("\u2010", "-").replace("\u2011", "-") for line in lines]
    if called:
        content = [mark_calls(line, called) if index not in in_notes else line for index, line in enumerate(content)]
    content = _mark_endnote_calls(content, skip=set(furniture))
    visible = "\n".join(line for index, line in enumerate(content) if index not in furniture and index not in in_notes)
    notes_text = "\n\n".join("\n".join(content[index] for index in note.indexes) for note in notes)
    vocabulary = Vocabulary.of(visible + "\n\n" + notes_text if notes_text else visible)
    spaced = uses_spaced_lines(content)

    groups = _group(content, skip=set(furniture) | in_notes, web=web, headings=layout.headings if layout is not None else frozenset())
    drafts: list[Draft] = []
    for group in groups:
        drafts += _drafts(group, vocabulary=vocabulary, rules=rules, spaced=spaced)
    for note in notes:
        note_lines = [content[index] for index in note.indexes]
        note_lines[0] = re.sub(r"^\s*(?:\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2})\s*[.)]?\s+", "", note_lines[0])
        text_ = clean_block_text(join_lines(note_lines, vocabulary=vocabulary, rules=rules, spaced_lines=spaced))
        drafts.append(Draft("footnote", note.indexes[0] + 1, note.indexes[-1] + 1, text_, number=note.number))
    drafts = _place_footnotes(_numbered_runs(drafts))
    label = layout.page_label if layout is not None else _page_labeller(lines, furniture)
    drafts = [dataclasses.replace(draft, page=label(draft.start - 1)) for draft in drafts]
    removed: tuple[Removed, ...] = removed_lines(lines, furniture)
    return Reading(drafts=tuple(drafts), removed=removed, id_lines=tuple(lines))


_NOTE_ENTRY = re.compile(r"^\s*(\d{1,3})[.)]?\s+(?=\S)")


def _mark_endnote_calls(content: list[str], *, skip: set[int]) -> list[str]:
    """Under a "Notes" heading (endnotes), the numbered notes; their calls in the text above
    ("word3", "word.3") become superscript digits like those of footnotes."""
    heading = next((index for index, line in enumerate(content) if index not in skip and zones.NOTES.match(line.strip())), None)
    if heading is None:
        return content
    numbers = set()
    for line in content[heading + 1 :]:
        label = zones.label_of(line.strip())
        if label and label.kind != "notes":
            break
        entry = _NOTE_ENTRY.match(line)
        if entry:
            numbers.add(int(entry.group(1)))
    if not numbers:
        return content
    return [mark_calls(line, numbers) if index < heading else line for index, line in enumerate(content)]


def _numbered_runs(drafts: list[Draft]) -> list[Draft]:
    """"2. Political values" right after item 1 or before item 3 is a list item, not a heading."""
    numbers = [_single_number(draft) for draft in drafts]
    result = list(drafts)
    for index, draft in enumerate(drafts):
        number = numbers[index]
        if draft.kind != "heading" or number is None:
            continue
        before = numbers[index - 1] if index > 0 else None
        after = numbers[index + 1] if index + 1 < len(drafts) else None
        if before == number - 1 or after == number + 1:
            result[index] = Draft("list_item", draft.start, draft.end, draft.text, number=number, marker=f"{number}.")
    return result


def _single_number(draft: Draft) -> int | None:
    match = re.match(r"^\s*(\d{1,2})\.\s+\S", draft.text) if draft.kind in ("heading", "list_item") else None
    return int(match.group(1)) if match else None


def _place_footnotes(drafts: list[Draft]) -> list[Draft]:
    """Each footnote right after the block that calls it (else where it stood)."""
    notes = [draft for draft in drafts if draft.kind == "footnote"]
    others = sorted((draft for draft in drafts if draft.kind != "footnote"), key=lambda draft: draft.start)
    placed: list[Draft] = []
    pending = {note.number: note for note in notes}
    for draft in others:
        placed.append(draft)
        for number in list(pending):
            call = str(number).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))
            if call in draft.text and pending[number].start > draft.start:
                placed.append(pending.pop(number))
    leftovers = sorted(pending.values(), key=lambda draft: draft.start)
    for note in leftovers:  # a note whose call was not found: at its own place
        position = next((at for at, draft in enumerate(placed) if draft.start > note.start), len(placed))
        placed.insert(position, note)
    return placed


# --- grouping ------------------------------------------------------------------------------


def _page_labeller(lines: list[str], furniture: dict[int, str]):  # noqa: ANN202
    """The printed page of a 0-based line, where the text shows its pages (form feeds and
    page numbers in its furniture); else no page."""
    labels = printed_pages(lines, furniture)
    return lambda index: labels[index] if 0 <= index < len(labels) else None


def _group(lines: list[str], *, skip: set[int], web: bool, headings: frozenset[int] | set[int] = frozenset()) -> list[Group]:
    groups: list[Group] = []
    current: Group | None = None
    in_references = False
    for index, line in enumerate(lines):
        if index in skip:
            continue
        stripped = line.strip()
        if not stripped:
            if not in_references:
                current = None
            elif current is not None and current.kind in ("references", "notes"):
                current.add(index, line)  # the list is split into entries as a whole
            continue
        label = zones.label_of(stripped)
        zone = _zone_start(label, stripped)
        ends_zone = label is not None and (label.kind in ("abstract", "keywords", "authors_info") or current is not None and current.kind == "notes")
        if in_references and not zone and (ends_zone or index in headings):
            in_references, current = False, None
        if zone:  # a references or notes heading: the list under it is read as a whole
            groups.append(Group([index], [line], kind=f"{zone}_heading"))
            current = Group(kind=zone)
            groups.append(current)
            in_references = True
            continue
        if in_references:
            current.add(index, line)
            continue
        if index in headings:  # set larger or bold in a PDF: a heading, its lines together
            if current is None or current.kind != "layout_heading":
                current = Group(kind="layout_heading")
                groups.append(current)
            current.add(index, line)
            continue
        if web or current is None or current.kind == "layout_heading" or _starts_new_group(current, line):
            current = Group()
            groups.append(current)
        current.add(index, line)
    groups = [group for group in groups if group.indexes]
    return _merge_page_breaks(_split_tables(groups))


def _zone_start(label: zones.Label | None, stripped: str) -> str | None:
    """"references" or "notes" where such a list starts (under its heading), else None."""
    if label and label.kind == "notes":
        return "notes"
    if label and label.kind == "references" and len(stripped) < 80:
        return "references"
    return None


def _starts_new_group(group: Group, line: str) -> bool:
    previous = group.lines[-1].strip()
    stripped = line.strip()
    if _MD_REFERENCE.match(line):
        return True
    if zones.is_metadata(stripped) or zones.is_metadata(previous) or zones.is_series(previous):
        return True
    label = zones.label_of(stripped)
    if label and label.kind in ("abstract", "keywords", "introduction", "conclusion", "authors_info"):
        return True
    previous_label = zones.label_of(previous)
    if previous_label and previous_label.kind in ("introduction", "conclusion", "authors_info"):
        return True
    if line.startswith(" ") and previous.endswith(TERMINAL) and not stripped[0].islower():
        return True
    if LIST_ITEM.match(line) and (previous.endswith(TERMINAL) or LIST_ITEM.match(group.lines[0]) or len(previous) < 40):
        return True
    if BULLET.match(stripped) and (stripped[0] not in "-–—*" or previous.endswith((":", ";", ".", "!", "?")) or _is_item(group.lines[0])):
        return True
    if PAREN_ITEM.match(stripped) and (previous.endswith((":", ";", ".", ",")) or _is_item(group.lines[0])):
        return True
    if NUMBERED_HEADING.match(stripped) and _looks_like_heading(stripped) and previous.endswith(TERMINAL):
        return True
    if _looks_like_heading(previous) and _heading_shape(previous) and not _heading_shape(stripped) and all(
        _heading_shape(line.strip()) for line in group.lines
    ) and stripped[:1].isupper() and not (previous_label and previous_label.kind == "abstract"):
        return True
    widest = group.widest
    is_list = _is_item(group.lines[0])
    if (
        (is_list or previous.endswith(TERMINAL))
        and len(previous) < 0.6 * max(widest, 45)
        and (stripped[0].isupper() or stripped[0].isdigit() or stripped[0] in "•«\"“")
        and not previous.endswith("-")
    ):
        return True
    return False


def _is_item(line: str) -> bool:
    stripped = line.strip()
    return bool(LIST_ITEM.match(stripped) or BULLET.match(stripped) or PAREN_ITEM.match(stripped))


def _heading_shape(text: str) -> bool:
    """A numbered section heading ("2.1 Confucius Institutes") or a line in capitals."""
    numbered = NUMBERED_HEADING.match(text)
    if numbered and ("." in numbered.group(1).rstrip(".") or re.match(r"[IVX]", numbered.group(1))):
        return True
    if numbered and numbered.group(1).isdigit() and not _MONTH.match(numbered.group(2)) and len(numbered.group(2).split()) <= 10:
        return True  # "1 Introduction": a section number without a stop
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= 4 and all(not char.islower() for char in letters)


def _looks_like_heading(text: str) -> bool:
    """Short, not a sentence, starting with a capital (after a section number)."""
    numbered = NUMBERED_HEADING.match(text)
    body = numbered.group(2) if numbered else text
    return (
        0 < len(text) <= 100
        and not text.rstrip().endswith((".", ",", ";", ":", "!", "?"))
        and (body[:1].isupper() or body[:1] in "«\"“")
        and not zones.CAPTION.match(body)
    )


def _merge_page_breaks(groups: list[Group]) -> list[Group]:
    merged: list[Group] = []
    for group in groups:
        if merged and _continues(merged[-1], group):
            for index, line in zip(group.indexes, group.lines):
                merged[-1].add(index, line)
        else:
            merged.append(group)
    return merged


def _continues(previous: Group, group: Group) -> bool:
    if previous.kind != "text" or group.kind != "text":
        return False
    last = next((line.strip() for line in reversed(previous.lines) if line.strip()), "")
    first = next((line.strip() for line in group.lines if line.strip()), "")
    if not last or not first:
        return False
    if _is_item(first) or zones.is_metadata(first) or zones.label_of(first):
        return False
    if re.search(r"[^\W\d_]-$", last) and first[0].isalpha():
        return True
    return not last.endswith(TERMINAL) and first[0].isalpha() and first[0].islower()


def _split_tables(groups: list[Group]) -> list[Group]:
    """Cut runs of three or more lines with aligned columns out as preformatted groups."""
    result: list[Group] = []
    for group in groups:
        if group.kind != "text" or len(group.lines) < 3:
            result.append(group)
            continue
        columns = [len(_COLUMN_GAP.findall(line.strip())) >= 2 for line in group.lines]
        runs: list[tuple[int, int]] = []
        start = None
        for position, is_row in enumerate(columns + [False]):
            if is_row and start is None:
                start = position
            elif not is_row and start is not None:
                if position - start >= 3:
                    runs.append((start, position))
                start = None
        if not runs:
            result.append(group)
            continue
        position = 0
        for start, end in runs:
            if start > 0 and start - 1 >= position and _is_table_header(group.lines[start - 1]):
                start -= 1
            if start > position:
                result.append(Group(group.indexes[position:start], group.lines[position:start]))
            result.append(Group(group.indexes[start:end], group.lines[start:end], kind="preformatted"))
            position = end
        if position < len(group.lines):
            result.append(Group(group.indexes[position:], group.lines[position:]))
    return result


def _is_table_header(line: str) -> bool:
    stripped = line.strip()
    return 0 < len(stripped) <= 120 and not stripped.endswith((".", ":", ";")) and not zones.CAPTION.match(stripped) and (
        len(_COLUMN_GAP.findall(stripped)) >= 1
    )


# --- drafts ---------------------------------------------------------------------------------


def _drafts(group: Group, *, vocabulary: Vocabulary, rules: CleaningRules, spaced: bool) -> list[Draft]:
    start, end = group.indexes[0] + 1, group.indexes[-1] + 1
    if group.kind == "preformatted":
        text = "\n".join(re.sub(r"[ \t]+$", "", line.strip()) for line in group.lines)
        return [Draft("preformatted", start, end, text)]
    if group.kind == "references":
        return _reference_drafts(group, vocabulary=vocabulary, rules=rules)
    if group.kind == "notes":
        return _note_drafts(group, vocabulary=vocabulary, rules=rules, spaced=spaced)
    if group.kind == "layout_heading":
        text = clean_block_text(join_lines(group.lines, vocabulary=vocabulary, rules=rules, spaced_lines=spaced))
        if len(group.stripped) <= MAX_HEADING_LINES and len(text) <= 250:
            return [Draft("heading", start, end, text, level=2)]
        return [Draft("text", start, end, text)]  # a whole paragraph in large type is no heading
    if group.kind == "notes_heading":
        return [Draft("heading", start, end, clean_block_text(group.lines[0].strip()), level=2)]
    joined = clean_block_text(join_lines(group.lines, vocabulary=vocabulary, rules=rules, spaced_lines=spaced))
    if group.kind == "references_heading":
        return [Draft("heading", start, end, joined, level=2)]
    reference = _MD_REFERENCE.match(joined)
    if reference:
        return [Draft("reference", start, end, joined[reference.end() :], number=int(reference.group(1)))]
    item = LIST_ITEM.match(joined)
    if item and not (_heading_shape(joined) or _numbered_section(joined, len(group.stripped))):
        return [Draft("list_item", start, end, joined, number=int(item.group(1)), marker=f"{item.group(1)}.")]
    bullet = BULLET.match(joined) or PAREN_ITEM.match(joined)
    if bullet and len(joined) > bullet.end():
        marker = joined[: bullet.end()].strip()
        number = int(marker[:-1]) if marker[:-1].isdigit() else None
        return [Draft("list_item", start, end, joined[bullet.end() :], number=number, marker=marker)]
    if len(group.stripped) == 1 and _looks_like_heading(joined) and (_heading_shape(joined) or _numbered_section(joined, 1)):
        return [Draft("heading", start, end, joined, level=2)]
    return [Draft("text", start, end, joined)]


def _numbered_section(text: str, line_count: int) -> bool:
    """"1. Introduction": a numbered one-line title, not an item of a list."""
    match = NUMBERED_HEADING.match(text)
    return bool(match) and line_count == 1 and _looks_like_heading(text) and bool(
        zones.INTRODUCTION.match(text) or zones.CONCLUSION.match(text) or len(match.group(2).split()) <= 8
    )


def _note_drafts(group: Group, *, vocabulary: Vocabulary, rules: CleaningRules, spaced: bool) -> list[Draft]:
    """The endnotes under a "Notes" heading: each starts with its number; lines between go with it."""
    notes: list[tuple[int | None, list[int], list[str]]] = []
    for index, line in zip(group.indexes, group.lines):
        if not line.strip():
            continue
        entry = _NOTE_ENTRY.match(line)
        if entry or not notes:
            notes.append((int(entry.group(1)) if entry else None, [index], [line[entry.end() :] if entry else line]))
        else:
            notes[-1][1].append(index)
            notes[-1][2].append(line)
    drafts = []
    for number, indexes, note_lines in notes:
        text = clean_block_text(join_lines(note_lines, vocabulary=vocabulary, rules=rules, spaced_lines=spaced))
        kind = "footnote" if number is not None else "text"
        drafts.append(Draft(kind, indexes[0] + 1, indexes[-1] + 1, text, number=number))
    return drafts


def _reference_drafts(group: Group, *, vocabulary: Vocabulary, rules: CleaningRules) -> list[Draft]:
    from ..references import split_entries

    from ..clean import join_hyphenated

    numbered = [(index + 1, line) for index, line in zip(group.indexes, group.lines)]
    drafts = []

    def rejoin(left: str, right: str) -> str:
        return join_hyphenated(left, right, vocabulary=vocabulary, rules=rules)

    for entry in split_entries(numbered, rejoin_hyphenated=rejoin):
        drafts.append(Draft("reference", entry.start, entry.end, clean_block_text(entry.text), number=entry.number))
    return drafts
