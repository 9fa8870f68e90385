"""PDF: the text of a PDF with what its layout knows — type sizes, positions, pages.

pdfminer.six reads each page's text lines with their position, type size and weight. From
them this module makes the same plain text as a PDF extraction (``pdf_text.py`` reads it
further), but with what the text alone would have to guess already decided:

- **reading order**: lines that span the page are read top to bottom; between them, the
  lines of a left and a right column are read column by column;
- **furniture**: lines at the top or foot of a page that repeat on other pages (numbers
  aside), bare page numbers and "Downloaded from" lines are removed, and the printed page
  number of each page is read from them;
- **headings**: lines set larger than the body, or entirely bold and short; the largest on
  the first page is the title;
- **footnotes**: lines in small type at the foot of a page, each starting with its number;
  their calls (small raised digits in the text) become superscript digits;
- **paragraphs**: a vertical gap or a first-line indent starts a new one;
- ligatures and soft hyphens are normalised.

A PDF that cannot be read this way stops with one line saying why: encrypted, damaged, no
text layer (a scanned image: it needs OCR), or text that decodes as garbage (a font without
a Unicode map).
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..furniture import is_journal_line, page_offset
from ..zones import is_metadata, label_of

MAX_PDF_BYTES = 20 * 1024 * 1024  # a PDF is larger than its text: 20 MB, about 300 pages
WORD_GAP = 2.5  # pieces of a line closer than this many type sizes are one line
CELL_SHARE = 0.3  # a line narrower than this share of the page, beside others on its baseline, is a table cell
EDGE_SHARE = 0.09  # the top and bottom 9 % of a page are where running heads and page numbers stand
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st", "\u00ad": ""}
_DOWNLOADED = re.compile(r"^\s*(?:downloaded\s+from|downloaded\s+by|загружено\s+с|скачано\s+с)", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"^\s*[-–—]?\s*(\d{1,4})\s*[-–—]?\s*$")
_EDGE_NUMBER = re.compile(r"^(\d{1,4})\b|\b(\d{1,4})$")
_NOTE_START = re.compile(r"^\s*(?:(\d{1,3})|([¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3}))[.)]?\s*\S")


@dataclass
class Line:
    """One text line of a page, as pdfminer lays it out."""

    text: str
    page: int  # 0-based page of the file
    x0: float
    x1: float
    y0: float
    y1: float
    size: float  # the type size of most of its characters
    bold: bool
    furniture: str | None = None  # why it is removed, if it is
    heading: bool = False
    note: int | None = None  # the number of the footnote this line starts
    in_note: bool = False
    new_paragraph: bool = False
    table: bool = False  # a row of a table: its cells, with wide gaps


@dataclass
class Extraction:
    """A PDF as plain text, with what its layout decided, line by line of that text."""

    text: str
    furniture: dict[int, str] = field(default_factory=dict)  # 0-based line → reason
    headings: set[int] = field(default_factory=set)  # lines that are (part of) a heading
    notes: list[tuple[int, list[int]]] = field(default_factory=list)  # (number, lines) of each footnote
    pages: list[int] = field(default_factory=list)  # 0-based page of each line
    printed: dict[int, str] = field(default_factory=dict)  # 0-based page → printed page number
    page_count: int = 0

    def page_label(self, line: int) -> str | None:
        """The printed page number of the page that 0-based ``line`` is on (or its place in the file)."""
        if not self.pages or line >= len(self.pages):
            return None
        page = self.pages[line]
        return self.printed.get(page, str(page + 1))


def extract(path: Path) -> Extraction:
    """Read ``path`` (a PDF in ``seeds/``) into an :class:`Extraction`, or stop with one line."""
    lines, sizes = _layout_lines(path)
    if not lines:
        raise InputError(path, "has no text layer (a scanned image?): it needs OCR before it can be added")
    pages = max(line.page for line in lines) + 1
    body_size = _body_size(lines)
    _mark_furniture(lines, pages, sizes)
    lines = [row for number, page_lines in sorted(_by_page(lines).items()) for row in _table_rows(page_lines, sizes.get(number, (600.0, 0))[0])]
    printed = _printed_pages(lines, pages)
    _mark_notes(lines, body_size)
    _mark_headings(lines, body_size)
    _mark_paragraphs(lines, sizes)
    return _as_text(lines, printed, pages, sizes)


# --- reading the PDF ------------------------------------------------------------------------


def _layout_lines(path: Path) -> tuple[list[Line], dict[int, tuple[float, float]]]:
    """The text lines of every page, and each page's width and height."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTChar, LTTextContainer, LTTextLineHorizontal
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    try:
        size = path.stat().st_size
    except OSError as error:
        raise InputError(path, f"cannot be read: {error.strerror}") from None
    if size > MAX_PDF_BYTES:
        raise InputError(path, f"is {size / 1024 / 1024:.1f} MB; the limit for a PDF is {MAX_PDF_BYTES // 1024 // 1024} MB (split it into several texts)")
    with path.open("rb") as stream:
        if not stream.read(1024).lstrip().startswith(b"%PDF-"):
            raise InputError(path, "is not a PDF (it does not start with %PDF-)")
    lines: list[Line] = []
    sizes: dict[int, tuple[float, float]] = {}
    empty_pages: list[int] = []
    try:
        for number, page in enumerate(extract_pages(str(path), laparams=LAParams(line_margin=0.4, char_margin=2.0))):
            found = 0
            for element in _text_lines(page, LTTextContainer, LTTextLineHorizontal):
                chars = [char for char in element if isinstance(char, LTChar)]
                text = _normalise(_with_superscripts(element, chars))
                if not text.strip():
                    continue
                _refuse_garbage(path, number, text)
                char_sizes = Counter(round(char.size, 1) for char in chars if char.get_text().strip())
                main = char_sizes.most_common(1)[0][0] if char_sizes else 0.0
                bold = bool(chars) and all("bold" in char.fontname.lower() or "black" in char.fontname.lower() for char in chars if char.get_text().strip())
                lines.append(Line(text.strip(), number, element.x0, element.x1, element.y0, element.y1, main, bold))
                found += 1
            if not found:
                empty_pages.append(number + 1)
            sizes[number] = (page.width, page.height)
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError(path, "is encrypted with a password: save a copy without protection and add that") from None
    except (PDFSyntaxError, PSException) as error:
        raise InputError(path, f"is damaged or truncated and cannot be read as a PDF ({type(error).__name__})") from None
    except InputError:
        raise
    except Exception as error:  # pdfminer raises many kinds on a broken file
        raise InputError(path, f"cannot be read as a PDF: {type(error).__name__}: {error}"[:300]) from None
    if lines and empty_pages:
        pages = ", ".join(map(str, empty_pages[:5])) + ("…" if len(empty_pages) > 5 else "")
        raise InputError(path, f"page {pages} of the file has no text layer (a scanned image): it needs OCR before it can be added")
    return lines, sizes


def _text_lines(container, text_container, line_type):  # noqa: ANN001, ANN202 - pdfminer's layout objects
    """Every horizontal text line inside ``container`` (boxes nested in figures included)."""
    for element in container:
        if isinstance(element, line_type):
            yield element
        elif isinstance(element, text_container) or hasattr(element, "__iter__"):
            try:
                yield from _text_lines(element, text_container, line_type)
            except TypeError:
                continue


def _with_superscripts(element, chars) -> str:  # noqa: ANN001 - pdfminer objects
    """The line's text, with small raised digits (footnote calls) as superscript digits."""
    if not chars:
        return element.get_text()
    sizes = [char.size for char in chars if char.get_text().strip()]
    main = statistics.median(sizes) if sizes else 0
    baseline = statistics.median(char.y0 for char in chars if char.size >= 0.9 * main) if main else 0
    out = []
    for item in element:
        text = item.get_text()
        if hasattr(item, "size") and text.isdigit() and item.size < 0.8 * main and item.y0 > baseline + 0.15 * main:
            text = text.translate(SUPERSCRIPT)
        out.append(text)
    return "".join(out)


def _normalise(text: str) -> str:
    """Ligatures as letters, soft hyphens gone, NFC, and one space between words (a justified
    line is set with wide spaces, which are no column gaps)."""
    text = text.replace("\n", "").rstrip()
    broken = text.endswith("\u00ad")  # a discretionary hyphen at the line end: the word goes on
    for ligature, letters in _LIGATURES.items():
        text = text.replace(ligature, letters)
    text = text.replace("\u2010", "-").replace("\u2011", "-")  # Unicode hyphens, as typesetters write them
    return re.sub(r"[ \t\u00a0]{2,}", " ", unicodedata.normalize("NFC", text)) + ("\u00ad" if broken else "")


def _refuse_garbage(path: Path, page: int, text: str) -> None:
    """Stop on text that decodes as garbage: (cid:…) codes, private-use or control characters."""
    if "(cid:" in text:
        raise InputError(path, f"the text of page {page + 1} cannot be decoded (a font without a Unicode map: "
                         "'(cid:…)' codes); export the PDF again with Unicode fonts, or add its text instead")
    letters = [char for char in text if not char.isspace()]
    odd = sum(1 for char in letters if unicodedata.category(char) in ("Co", "Cc", "Cn") or char == "\ufffd")
    if letters and odd >= max(3, 0.2 * len(letters)):
        raise InputError(path, f"the text of page {page + 1} decodes as garbage (a font without a usable Unicode map); "
                         "export the PDF again with Unicode fonts, or add its text instead")


# --- what the layout says ---------------------------------------------------------------------


def _body_size(lines: list[Line]) -> float:
    """The type size of most of the text (weighted by characters)."""
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _by_page(lines: list[Line]) -> dict[int, list[Line]]:
    pages: defaultdict[int, list[Line]] = defaultdict(list)
    for line in lines:
        pages[line.page].append(line)
    return pages


def _mark_furniture(lines: list[Line], page_count: int, sizes: dict[int, tuple[float, float]]) -> None:
    """Running heads and feet, page numbers, "Downloaded from" lines: by position and repetition."""
    pages = _by_page(lines)
    forms: defaultdict[str, set[int]] = defaultdict(set)
    edges: list[Line] = []
    for number, page_lines in pages.items():
        height = sizes.get(number, (0, max(line.y1 for line in page_lines)))[1]
        top = [line for line in page_lines if line.y1 >= height * (1 - EDGE_SHARE)]
        bottom = [line for line in page_lines if line.y0 <= height * EDGE_SHARE]
        for line in top + bottom:
            edges.append(line)
            forms[_form(line.text)].add(number)
    for line in lines:
        if _DOWNLOADED.match(line.text):
            line.furniture = "downloaded-from line"
    body_size = _body_size(lines)
    offsets = Counter(int(_BARE_NUMBER.match(line.text).group(1)) - line.page for line in edges if _BARE_NUMBER.match(line.text))
    offset = offsets.most_common(1)[0][0] if offsets else None
    for line in edges:
        if line.furniture or is_metadata(line.text):
            continue  # a DOI or a date of receipt at the top of the first page is the text's own
        numbers = {int(a or b) for a, b in _EDGE_NUMBER.findall(line.text)}
        if _BARE_NUMBER.match(line.text):
            line.furniture = "page number"
        elif len(forms[_form(line.text)]) >= 2 and len(line.text) <= 160:
            line.furniture = "running head"
        elif page_count > 1 and line.page > 0 and line.size < 0.92 * body_size and len(line.text) <= 120 and _outermost(line, pages[line.page]):
            line.furniture = "running head"  # small type alone at the very top or foot of a later page
        elif offset is not None and line.page + offset in numbers and len(line.text) <= 160 and line.size < 0.98 * body_size:
            line.furniture = "running head"  # the page number in a line of small type: "Journal … 2(102)/2021 113"
        elif is_journal_line(line.text) and line.size < 0.98 * body_size:
            line.furniture = "journal line"  # "Central Asian Affairs 11 (2024) 213–215" over the first page


def _outermost(line: Line, page_lines: list[Line]) -> bool:
    """The highest or the lowest line of its page."""
    return line.y1 >= max(other.y1 for other in page_lines) or line.y0 <= min(other.y0 for other in page_lines)


def _form(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower()).strip()


def _printed_pages(lines: list[Line], page_count: int) -> dict[int, str]:
    """The printed number of each page, from the numbers in its furniture (a constant offset)."""
    numbers = [
        (line.page, int(match.group(1) or match.group(2)))
        for line in lines
        if line.furniture in ("page number", "running head")
        for match in _EDGE_NUMBER.finditer(line.text)
    ]
    offset = page_offset(numbers, page_count)
    return {} if offset is None else {page: str(page + offset) for page in range(page_count)}


def _mark_notes(lines: list[Line], body_size: float) -> None:
    """Footnotes: small type at the foot of a page, below the text, each starting with its number."""
    for page_lines in _by_page(lines).values():
        text_lines = [line for line in page_lines if not line.furniture]
        if not text_lines:
            continue
        width = max(line.x1 for line in page_lines)
        gutter = _gutter(page_lines, width * 1.08)
        if gutter is None:
            columns = [text_lines]
        else:  # each column has its own foot
            columns = [[line for line in text_lines if line.x1 <= gutter + 2], [line for line in text_lines if line.x0 >= gutter - 2]]
        for column in columns:
            _mark_column_notes(column, body_size)


def _mark_column_notes(text_lines: list[Line], body_size: float) -> None:
    """The footnotes at the foot of one column (or of a one-column page): from the foot up,
    the lines in small type; the first of them must start with a note's number."""
    foot: list[Line] = []
    for line in sorted(text_lines, key=lambda line: line.y1):
        if line.size >= 0.9 * body_size:
            break
        foot.append(line)
    foot.reverse()
    if not foot or not _NOTE_START.match(foot[0].text):
        return
    current = None
    for line in foot:
        start = _NOTE_START.match(line.text)
        if start:
            current = int((start.group(1) or start.group(2)).translate(str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")))
            line.note = current
        line.in_note = current is not None


def _mark_headings(lines: list[Line], body_size: float) -> None:
    """Lines set larger than the body of their page, or all bold and short, not ending with a
    stop. (The body's size is that of each page: a collection may set its articles differently.)"""
    page_sizes = {number: _body_size([line for line in page_lines if not line.furniture]) for number, page_lines in _by_page(lines).items()}
    for line in lines:
        if line.furniture or line.in_note or line.table:
            continue
        larger = line.size >= 1.12 * min(body_size, page_sizes.get(line.page, body_size))
        bold_line = line.bold and len(line.text) <= 120 and not line.text.rstrip().endswith((".", ",", ";"))
        if (larger or bold_line) and len(line.text) <= 200:
            line.heading = True


def _mark_paragraphs(lines: list[Line], sizes: dict[int, tuple[float, float]]) -> None:
    """A new paragraph where the space above a line is larger than the leading, or where its
    first line is indented. The leading is measured per type size (baseline to baseline)."""
    pitches: defaultdict[float, list[float]] = defaultdict(list)
    ordered_pages = {number: [line for line in _reading_order(page_lines, sizes) if not line.furniture and not line.in_note] for number, page_lines in _by_page(lines).items()}
    for body in ordered_pages.values():
        for above, line in zip(body, body[1:]):
            pitch = above.y0 - line.y0
            if 0 < pitch < 3 * line.size and abs(above.x0 - line.x0) < 3 * line.size and above.size == line.size:
                pitches[line.size].append(pitch)
    leading = {size: statistics.median(values) for size, values in pitches.items()}
    in_references = False
    for _number, body in sorted(ordered_pages.items()):
        for position in range(1, len(body)):
            above, line = body[position - 1], body[position]
            following = body[position + 1] if position + 1 < len(body) else None
            pitch = above.y0 - line.y0
            usual = leading.get(line.size, 1.25 * line.size)
            # A first-line indent: further right than the line before (in the same column)
            # and than the line after, which returns to the margin.
            step = 0.8 * line.size
            indented = following is not None and line.x0 - following.x0 > step and (
                pitch < 0 or line.x0 - above.x0 > step or above.x1 < line.x1 - 4 * line.size
            )
            # The line before ends a sentence well short of the margin: the last line of a paragraph.
            margin = max(line.x1, following.x1 if following is not None else 0)
            ended = above.text.rstrip().endswith((".", "!", "?", "»", "”", ":")) and above.x1 < margin - 3 * line.size and pitch > 0
            indented = indented or ended
            if above.table and line.table:
                continue  # the rows of a table stay together
            label = label_of(above.text)
            in_references = in_references or bool(label and label.kind == "references")
            if in_references:
                indented = False  # references hang their second lines: the list reader splits them
            if pitch > usual + 0.35 * line.size or indented or above.heading != line.heading or above.size != line.size or above.table != line.table:
                line.new_paragraph = True


def _table_rows(page_lines: list[Line], width: float) -> list[Line]:
    """Pieces of text on one baseline, made one line again.

    pdfminer cuts a line where a font changes or a gap is wide. Pieces close together (a gap
    under :data:`WORD_GAP` type sizes) are one line, joined with a space. Pieces far apart
    and all short (narrower than :data:`CELL_SHARE` of the page) are the cells of a table
    row, joined with wide gaps (three spaces) so that the text reader keeps the rows together
    as a table. The two columns of a page share baselines too, but their lines are long.
    """
    gutter = _gutter(page_lines, width)
    rows: list[list[Line]] = []
    for line in sorted(page_lines, key=lambda line: line.y0):
        if rows and abs(rows[-1][0].y0 - line.y0) <= 2.0 and not line.furniture and not rows[-1][0].furniture:
            rows[-1].append(line)
        else:
            rows.append([line])
    result: list[Line] = []
    for cells in rows:
        if len(cells) == 1:
            result.append(cells[0])
            continue
        cells.sort(key=lambda cell: cell.x0)
        merged: list[list[Line]] = [[cells[0]]]
        for cell in cells[1:]:
            previous = merged[-1][-1]
            across = gutter is not None and previous.x1 <= gutter <= cell.x0
            if cell.x0 - previous.x1 < WORD_GAP * max(cell.size, previous.size) and cell.x0 >= previous.x0 and not across:
                merged[-1].append(cell)
            else:
                merged.append([cell])
        pieces = [_joined(group, " ") for group in merged]
        if len(pieces) >= 2 and all(piece.x1 - piece.x0 < CELL_SHARE * width for piece in pieces) and not (
            gutter is not None and len(pieces) == 2 and pieces[0].x1 <= gutter <= pieces[1].x0
        ):
            row = _joined(pieces, "   ")
            row.table = True
            result.append(row)
        else:
            result.extend(pieces)
    return result


def _gutter(page_lines: list[Line], width: float) -> float | None:
    """The middle of the white channel between two columns, if the page has two.

    Two columns leave a vertical strip near the middle of the page that no line of either
    column crosses, with many lines ending just left of it and starting just right of it;
    lines that span the page (a title block, an abstract) cross it and are left aside.
    """
    narrow = [line for line in page_lines if line.x1 - line.x0 < 0.55 * width and not line.furniture]
    if len(narrow) < 8:
        return None
    for step in range(0, 31):  # from the middle outwards, 1 % of the width at a time
        for sign in (1, -1):
            x = width * (0.5 + sign * step / 100)
            crossing = sum(1 for line in narrow if line.x0 < x < line.x1)  # centred lines of a title block
            left = sum(1 for line in narrow if line.x1 <= x and line.x1 > x - 0.25 * width)
            right = sum(1 for line in narrow if line.x0 >= x and line.x0 < x + 0.25 * width)
            if left >= 4 and right >= 4 and crossing <= max(2, 0.15 * (left + right)):
                return x
    return None


def _joined(pieces: list[Line], gap: str) -> Line:
    if len(pieces) == 1:
        return pieces[0]
    first = pieces[0]
    sizes = Counter()
    for piece in pieces:
        sizes[piece.size] += len(piece.text)
    return Line(
        gap.join(piece.text for piece in pieces), first.page, first.x0, pieces[-1].x1, min(piece.y0 for piece in pieces),
        max(piece.y1 for piece in pieces), sizes.most_common(1)[0][0], all(piece.bold for piece in pieces),
        note=first.note, in_note=first.in_note,
    )


def _reading_order(page_lines: list[Line], sizes: dict[int, tuple[float, float]]) -> list[Line]:
    """Top to bottom; where the page has two columns, the left column before the right."""
    if not page_lines:
        return []
    width = sizes.get(page_lines[0].page, (max(line.x1 for line in page_lines), 0))[0]
    middle = _gutter(page_lines, width) or width / 2
    spanning = lambda line: line.x0 < middle - 0.05 * width and line.x1 > middle + 0.05 * width  # noqa: E731
    ordered = sorted(page_lines, key=lambda line: (-line.y1, line.x0))
    result: list[Line] = []
    run: list[Line] = []

    def flush() -> None:
        left = [line for line in run if line.x0 < middle]  # by where it starts: a short last line stays in its column
        right = [line for line in run if line not in left]
        result.extend(sorted(left, key=lambda line: -line.y1) + sorted(right, key=lambda line: -line.y1))
        run.clear()

    for line in ordered:
        if spanning(line):
            flush()
            result.append(line)
        else:
            run.append(line)
    flush()
    return result


def _as_text(lines: list[Line], printed: dict[int, str], page_count: int, sizes: dict[int, tuple[float, float]]) -> Extraction:
    """The lines as text in reading order: a blank line between paragraphs, a form feed
    between pages, the footnotes at the foot of their page, furniture where it stood."""
    extraction = Extraction(text="", printed=printed, page_count=page_count)
    out: list[str] = []
    pages = _by_page(lines)
    for number in range(page_count):
        page_lines = pages.get(number, [])
        ordered = _reading_order(page_lines, sizes)
        heads = [line for line in ordered if line.furniture and line.y1 > sizes.get(number, (0, 0))[1] / 2]
        feet = [line for line in ordered if line.furniture and line not in heads]
        body = [line for line in ordered if not line.furniture and not line.in_note]
        notes = [line for line in ordered if line.in_note]
        first = True
        for group in (heads, body, notes, feet):
            for line in group:
                if line.new_paragraph and out and out[-1].strip():
                    out.append("")
                    extraction.pages.append(number)
                index = len(out)
                text = line.text
                if first and number > 0:
                    text = "\f" + text
                    first = False
                first = False
                # A word boundary at the line end is a space (as pdftotext writes it), unless
                # the line ends with a hyphen: then the join decides.
                out.append(text if text.endswith(("-", "\u00ad")) else text + " ")
                extraction.pages.append(number)
                if line.furniture:
                    extraction.furniture[index] = line.furniture
                if line.heading:
                    extraction.headings.add(index)
                if line.note is not None:
                    extraction.notes.append((line.note, [index]))
                elif line.in_note and extraction.notes:
                    extraction.notes[-1][1].append(index)
            if group is body and notes and out and out[-1].strip():
                out.append("")
                extraction.pages.append(number)
    extraction.text = "\n".join(out) + "\n"
    return extraction
