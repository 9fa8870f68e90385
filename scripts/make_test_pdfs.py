"""Make the PDF test fixtures of tests/data/pdf/ and their ground truth, from texts of our own.

    python scripts/make_test_pdfs.py              # writes tests/data/pdf/*.pdf and *.truth.yml
    python scripts/make_test_pdfs.py --long OUT.pdf   # a 30-page PDF for the benchmark (not committed)

The script is its own typesetter: it breaks the lines itself (justified, total fit as in TeX, with
line-end hyphenation of long words and breaks after the hyphen of real compounds), places footnotes
at the foot of the page or column that calls them, running heads and printed page numbers, and
draws every line with fpdf2. Because it knows where each line goes, the ground truth is written
from the same source texts: paragraphs with the markup removed, and the printed page on which each
one starts. A line whose spaces would have to stretch too far stops the script (reword the text
there): pdfminer would take such a line for two.

Markup in the source texts below:
    {1}   a footnote call, drawn as a raised small digit; in the truth a superscript digit (¹)
    ·     a place where the word may be hyphenated (only there; otherwise ru/kk words are
          hyphenated by rule)
    ¦     the line must end here: inside a word a hyphen is drawn (a soft break), after the hyphen
          of a compound the hyphen stays (a real compound)

Fonts: DejaVu Sans and DejaVu Serif from Debian's fonts-dejavu-core (no italic there: the italic
of running heads and affiliations is the regular face slanted). Fixed creation date and producer:
two runs give byte-identical files. fpdf2 is pinned (requirements.txt); two private methods of it,
``_get_current_graphics_state`` and ``_render_styled_text_line``, draw a justified line of several
styles (a raised footnote digit among them) the way multi_cell does.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "tests" / "data" / "pdf"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_FILES = {
    ("serif", ""): "DejaVuSerif.ttf",
    ("serif", "B"): "DejaVuSerif-Bold.ttf",
    ("sans", ""): "DejaVuSans.ttf",
    ("sans", "B"): "DejaVuSans-Bold.ttf",
}
CREATED = datetime(2024, 3, 1, 9, 0, 0, tzinfo=timezone.utc)
PRODUCER = "scripts/make_test_pdfs.py with fpdf2"
PT = 25.4 / 72  # one point in millimetres
EPS = 1e-6
MAX_STRETCH = 1.7  # mm added to a space at most, where the paragraph allows it
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
LIGATURES = (("ffi", "ﬃ"), ("ffl", "ﬄ"), ("ff", "ﬀ"), ("fi", "ﬁ"), ("fl", "ﬂ"))
VOWELS = set("аеёиоуыэюяәөұүі")  # Cyrillic only: Latin words are hyphenated where marked (·)
NO_LINE_START = set("ьъй")
# Consonant clusters that may begin the next line's syllable.
ONSETS = {"бл", "бр", "вл", "вр", "гл", "гр", "др", "зд", "кл", "кр", "пл", "пр", "сл", "ск", "сп", "ст",
          "тр", "фр", "скр", "спр", "ств", "стр"}


class LayoutError(Exception):
    """The source text cannot be set as asked (a forced break that does not fit, and so on)."""


# --------------------------------------------------------------------------- source model


@dataclass(frozen=True)
class Style:
    family: str  # serif | sans
    bold: str  # "" | "B"
    size: float  # points
    leading: float  # points, baseline to baseline
    italic: bool = False  # slanted regular face (a whole line only)


@dataclass
class Para:
    """One block of text: a paragraph, heading, title line, reference, footnote text…"""

    kind: str  # truth category: para, heading, title, meta, abstract, keywords, item, caption, ref, …
    runs: list[tuple[str, str]]  # (style name, marked-up text)
    align: str = "J"  # J | L | C
    first_indent: float = 0.0  # mm, first line
    left_indent: float = 0.0  # mm, every line but the first (hanging indent)
    inset: float = 0.0  # mm, narrower than the frame on both sides
    space_before: float = 0.0  # mm
    space_after: float = 0.0  # mm
    keep_next: bool = False  # headings: never the last thing in a frame
    hyphenate: bool = True
    lang: str | None = None  # abstracts and keywords: their language
    label: str | None = None  # drawn in the hanging indent of the first line (a bullet)


@dataclass
class Table:
    caption: Para
    header: list[str]
    rows: list[list[str]]
    col_widths: list[float]  # mm
    note: Para | None = None


@dataclass
class Space:
    mm: float


@dataclass
class Columns:
    """From here on, the body is set in two columns (the rest of this page and every next page)."""


@dataclass
class Doc:
    name: str
    lang: str
    title: str  # PDF metadata
    author: str
    first_page: int  # printed number of the file's first page
    styles: dict[str, Style]
    blocks: list
    footnotes: dict[int, str]
    margins: tuple[float, float]  # left, right (mm)
    body_top: float  # mm
    body_bottom: float  # mm, lowest line including footnotes
    gutter: float = 8.0
    hyphen_lang: str | None = None  # ru | kk: words hyphenated by rule
    ligatures: tuple[str, ...] = ()  # style names whose fi, fl… are drawn as ligature glyphs
    running_head: object = None  # function(printed page, index) -> str | None
    first_head: str | None = None  # a line at the top of the first page (journal, volume, pages)
    folio_y: float = 283.0  # mm, baseline of the page number
    download_line: str | None = None  # a line at the foot of every page
    citations: list[tuple[str, list[int]]] | None = None  # when not numeric [n] markers
    max_pages: int | None = None
    encrypt: bool = False  # with a user password
    pages: int | None = None  # how many pages it must come to (the first page's head may say so)
    strict: bool = True  # a loose line is an error (the fixtures), not a fact of life (the long PDF)


# --------------------------------------------------------------------------- words and hyphenation


@dataclass
class Piece:
    text: str
    style: str
    sup: bool = False
    note: int | None = None  # a footnote call


@dataclass
class Word:
    pieces: list[Piece]
    points: list[tuple[int, bool]] = field(default_factory=list)  # (position in pieces[0], draw a hyphen)
    forced: tuple[int, bool] | None = None


def rule_points(text: str) -> list[int]:
    """Where a Russian or Kazakh word may be hyphenated, by syllables: the next line starts with one
    consonant before a vowel (по-литика, грант-тар) or with a cluster that can begin a syllable
    (инфра-структура); ь, ъ and й stay on the line; at least two letters stay, three go."""
    lead = len(text) - len(text.lstrip("«(["))
    core = text[lead:].rstrip(".,:;!?»)]")
    if len(core) < 5 or not core.isalpha() or core.isupper():
        return []
    lower = core.lower()
    points = []
    for i in range(2, len(lower) - 2):
        left, right = lower[:i], lower[i:]
        if not (VOWELS & set(left)) or not (VOWELS & set(right)):
            continue
        onset = 0
        while onset < len(right) and right[onset] not in VOWELS and right[onset] not in NO_LINE_START:
            onset += 1
        if onset == 0 or onset == len(right) or right[onset] not in VOWELS:
            continue  # starts with a vowel or ь, ъ, й, or the cluster runs into ь, ъ, й
        if left[-1] not in VOWELS and left[-1] not in NO_LINE_START and left[-1] + right[:onset] in ONSETS:
            continue  # the cluster begins the syllable whole: меро-приятие, not мероп-риятие
        if onset == 1 or right[:onset] in ONSETS:
            points.append(lead + i)
    return points


def make_word(pieces: list[Piece], hyphen_lang: str | None, hyphenate: bool) -> Word:
    first = pieces[0]
    marked = first.text
    clean, soft, forced = "", [], None
    for ch in marked:
        if ch == "·":
            soft.append(len(clean))
        elif ch == "¦":
            forced = len(clean)
        else:
            clean += ch
    for other in pieces[1:]:
        if "·" in other.text or "¦" in other.text:
            raise LayoutError(f"hyphenation marks only in the first piece of a word: {marked!r}")
    pieces = [replace(first, text=clean), *pieces[1:]]
    points: set[tuple[int, bool]] = set()
    if hyphenate:
        for i in range(2, len(clean) - 1):  # after the hyphen of a compound
            if clean[i - 1] == "-" and clean[i - 2].isalnum() and clean[i].isalnum():
                points.add((i, False))
        if soft:
            points.update((i, True) for i in soft)
        elif hyphen_lang:
            start = 0
            for part in clean.split("-"):
                points.update((start + i, True) for i in rule_points(part))
                start += len(part) + 1
    word = Word(pieces, sorted(points))
    if forced is not None:
        word.forced = (forced, clean[forced - 1] != "-")
    return word


def parse_words(
    runs: list[tuple[str, str]], hyphen_lang: str | None, hyphenate: bool, calls: bool
) -> list[Word]:
    words: list[Word] = []
    current: list[Piece] = []

    def flush() -> None:
        if current:
            words.append(make_word(list(current), hyphen_lang, hyphenate))
            current.clear()

    for style, text in runs:
        for token in re.split(r"(\{\d+\}| +)", text):
            if not token:
                continue
            if token.startswith(" "):
                flush()
            elif re.fullmatch(r"\{\d+\}", token):
                number = int(token[1:-1])
                current.append(Piece(str(number), style, sup=True, note=number if calls else None))
            elif current and current[-1].style == style and not current[-1].sup:
                current[-1] = replace(current[-1], text=current[-1].text + token)
            else:
                current.append(Piece(token, style))
    flush()
    return words


def split_word(word: Word, pos: int, hyphen: bool) -> tuple[Word, Word]:
    first = word.pieces[0]
    head = Word([replace(first, text=first.text[:pos] + ("-" if hyphen else ""))])
    tail_pieces = [replace(first, text=first.text[pos:]), *word.pieces[1:]]
    tail = Word(tail_pieces, [(p - pos, h) for p, h in word.points if p > pos])
    return head, tail


def space_style(word: Word) -> str:
    """The style of the space after a word: its last piece's, unless that is a raised digit."""
    last = word.pieces[-1]
    return word.pieces[0].style if last.sup else last.style


def plain(text: str) -> str:
    """The source text as a reader should get it: marks gone, footnote calls as superscripts."""
    text = text.replace("·", "").replace("¦", "")
    return re.sub(r"\{(\d+)\}", lambda m: m.group(1).translate(SUPERSCRIPT), text)


# --------------------------------------------------------------------------- typesetter


@dataclass
class Line:
    words: list[Word]
    width: float  # available width, mm
    offset: float  # from the frame's left edge (plus inset), mm
    align: str
    style: str  # base style: leading and spaces
    notes: list[int]
    label: str | None = None


@dataclass
class Frame:
    x: float
    width: float
    top: float
    bottom: float
    notes: list[int] = field(default_factory=list)
    notes_height: float = 0.0


class Setter:
    def __init__(self, doc: Doc) -> None:
        from fpdf import FPDF

        self.doc = doc
        pdf = FPDF(orientation="P", unit="mm", format="A4")
        pdf.set_auto_page_break(False)
        pdf.set_margins(doc.margins[0], 10, doc.margins[1])
        pdf.c_margin = 0
        pdf.set_creation_date(CREATED)
        pdf.set_producer(PRODUCER)
        pdf.set_creator("make_test_pdfs.py")
        pdf.set_title(doc.title)
        pdf.set_author(doc.author)
        pdf.set_lang(doc.lang)
        pdf.sup_scale = 0.68
        pdf.sup_lift = 0.36
        if doc.encrypt:
            pdf.set_encryption(owner_password="owner-secret", user_password="reader-secret")
        self.pdf = pdf
        self.frames: list[Frame] = []
        self.frame_index = 0
        self.y = 0.0
        self.columns = False
        self.placed_notes: set[int] = set()
        self.note_lines: dict[tuple[int, float], list[Line]] = {}
        self.furniture: list[str] = []
        self.width_cache: dict[tuple[str, bool, str], float] = {}
        self.fonts: set[tuple[str, str]] = set()  # added when first used: an unused face is not embedded

    # -- measuring

    def printed(self) -> int:
        return self.doc.first_page + self.pdf.page_no() - 1

    def shown(self, text: str, style: str) -> str:
        if style in self.doc.ligatures:
            for letters, glyph in LIGATURES:
                text = text.replace(letters, glyph)
        return text

    def fragment(self, text: str, style: str, sup: bool = False):
        from fpdf.line_break import Fragment

        st = self.doc.styles[style]
        self.use_font(st)
        self.pdf.set_font(st.family, st.bold, st.size)
        self.pdf.char_vpos = "SUP" if sup else "LINE"
        state = self.pdf._get_current_graphics_state()
        self.pdf.char_vpos = "LINE"
        return Fragment(self.shown(text, style), state, self.pdf.k)

    def use_font(self, st: Style) -> None:
        if (st.family, st.bold) not in self.fonts:
            self.pdf.add_font(st.family, st.bold, str(FONT_DIR / FONT_FILES[st.family, st.bold]))
            self.fonts.add((st.family, st.bold))

    def text_width(self, text: str, style: str, sup: bool = False) -> float:
        key = (style, sup, text)
        if key not in self.width_cache:
            self.width_cache[key] = self.fragment(text, style, sup).get_width()
        return self.width_cache[key]

    def word_width(self, word: Word) -> float:
        return sum(self.text_width(p.text, p.style, p.sup) for p in word.pieces)

    def space_width(self, style: str) -> float:
        return self.text_width(" ", style)

    # -- breaking

    def break_lines(self, para: Para, width: float) -> list[Line]:
        """Break a paragraph into lines the way TeX does (total fit): among all the ways to break it
        at spaces, hyphenation points and after the hyphens of compounds, the one whose lines are
        the most even; spaces stretch, or shrink to 80 %, and every hyphen costs."""
        doc = self.doc
        base = para.runs[-1][0]
        words = parse_words(para.runs, doc.hyphen_lang, para.hyphenate, para.kind != "footnote")
        width -= 2 * para.inset
        # Break candidates, in order: (word index, position in it or None after the word, hyphen, forced)
        candidates: list[tuple[int, int | None, bool, bool]] = []
        for k, word in enumerate(words):
            forced = word.forced
            points = sorted(set(word.points) | ({forced} if forced else set()))
            for pos, hyphen in points:
                candidates.append((k, pos, hyphen, forced is not None and pos == forced[0]))
            candidates.append((k, None, False, False))
        final = len(candidates) - 1

        def start_of(i: int) -> tuple[int, int]:
            if i < 0:
                return 0, 0
            k, pos, _, _ = candidates[i]
            return (k + 1, 0) if pos is None else (k, pos)

        def line_words(i: int, j: int) -> list[Word]:
            k0, p0 = start_of(i)
            k1, p1, hyphen, _ = candidates[j]
            out = []
            for k in range(k0, k1 + 1):
                word = words[k]
                if k == k1 and p1 is not None:
                    word = split_word(word, p1, hyphen)[0] if k != k0 or p0 == 0 else \
                        split_word(split_word(word, p0, False)[1], p1 - p0, hyphen)[0]
                elif k == k0 and p0:
                    word = split_word(word, p0, False)[1]
                out.append(word)
            return out

        def measure(line: list[Word]) -> tuple[float, float]:
            spaces = sum(self.space_width(space_style(w)) for w in line[:-1])
            return sum(self.word_width(w) for w in line) + spaces, spaces

        def avail_for(i: int) -> float:
            return width - (para.first_indent if i < 0 else para.left_indent)

        # Widths by prefix sums, so that every (start, end) pair is measured in constant time.
        full = [self.word_width(w) for w in words]
        space = [self.space_width(space_style(w)) for w in words]
        full_sum, space_sum = [0.0], [0.0]
        for k in range(len(words)):
            full_sum.append(full_sum[-1] + full[k])
            space_sum.append(space_sum[-1] + space[k])
        head, tail = {}, {}
        for c, (k, pos, hyphen, _) in enumerate(candidates):
            if pos is not None:
                first_part, rest = split_word(words[k], pos, hyphen)
                head[c] = self.word_width(first_part)
                tail[c] = self.word_width(split_word(words[k], pos, False)[1])
        forced_before = [0]
        for c in candidates:
            forced_before.append(forced_before[-1] + (1 if c[3] else 0))

        def natural_of(i: int, j: int) -> tuple[float, float, int] | None:
            k0, p0 = start_of(i)
            k1, p1, _, _ = candidates[j]
            if k0 > k1 or (k0 == k1 and p0 and p1 is not None):
                return None  # a line would hold the middle of one word only
            first = tail[i] if p0 else full[k0]
            last = head[j] if p1 is not None else full[k1]
            if k0 == k1:
                return (first if p1 is None else last), 0.0, 1
            spaces = space_sum[k1] - space_sum[k0]
            return first + full_sum[k1] - full_sum[k0 + 1] + last + spaces, spaces, k1 - k0 + 1

        best: dict[int, tuple[float, int]] = {-1: (0.0, -2)}
        for j in range(len(candidates)):
            options = []
            for i in range(j - 1, -2, -1):
                if forced_before[j] - forced_before[i + 1] > 0:
                    break  # a line may not run across a forced break
                if i not in best:
                    continue
                measured = natural_of(i, j)
                if measured is None:
                    continue
                natural, spaces, count = measured
                avail = avail_for(i)
                if natural - 0.2 * spaces > avail + EPS and count > 1:
                    break  # longer lines from further back would not fit either
                last = j == final
                if natural > avail + EPS:
                    ratio = (natural - avail) / (0.2 * spaces) if spaces else 99.0
                    badness = 100 * ratio ** 3
                elif last:
                    badness = 0.0
                elif spaces:
                    badness = 100 * ((avail - natural) / spaces) ** 3
                else:
                    badness = 10000.0
                cost = (10 + min(badness, 10000.0)) ** 2
                gaps = count - 1
                if not last and not gaps:
                    cost += 1e12  # one word alone on a justified line: only if nothing else fits
                elif not last and (avail - natural) / gaps > MAX_STRETCH:
                    cost += 1e10  # a gap so wide that a reader would take the line for two
                if candidates[j][2]:
                    cost += 3000  # a hyphen drawn
                options.append((best[i][0] + cost, i))
            if options:
                best[j] = min(options)
        if final not in best:
            raise LayoutError(f"{doc.name}: cannot set the paragraph {plain(para.runs[0][1])[:40]!r}")
        breaks = []
        j = final
        while j >= 0:
            breaks.append(j)
            j = best[j][1]
        breaks.reverse()
        lines: list[Line] = []
        previous = -1
        for j in breaks:
            content = line_words(previous, j)
            first = previous < 0
            avail = avail_for(previous)
            if candidates[j][3]:
                fill = measure(content)[0] / avail
                if fill < 0.88:
                    shown = " ".join("".join(p.text for p in w.pieces) for w in content)
                    raise LayoutError(f"{doc.name}: a forced break leaves the line {fill:.0%} full: "
                                      f"{shown!r}")
            natural, _ = measure(content)
            if doc.strict and j != final and para.align == "J" and len(content) > 1 and \
                    (avail - natural) / (len(content) - 1) > MAX_STRETCH + 0.3:
                shown = " ".join("".join(p.text for p in w.pieces) for w in content)
                raise LayoutError(f"{doc.name}: a loose line (reword the text around it): {shown!r}")
            lines.append(Line(
                content, avail, para.inset + (para.first_indent if first else para.left_indent),
                para.align if j != final or para.align != "J" else "L", base,
                [p.note for w in content for p in w.pieces if p.note is not None],
                para.label if first else None,
            ))
            previous = j
        return lines

    # -- drawing

    def draw_line(self, line: Line, x: float, y: float) -> None:
        from fpdf.line_break import TextLine

        st = self.doc.styles[line.style]
        h = st.leading * PT
        segments: list[list] = []
        for i, word in enumerate(line.words):
            if i:
                self._add_segment(segments, space_style(line.words[i - 1]), False, " ")
            for piece in word.pieces:
                self._add_segment(segments, piece.style, piece.sup, piece.text)
        fragments = [self.fragment(text, style, sup) for style, sup, text in segments]
        natural = sum(f.get_width() for f in fragments)
        spaces = sum(f.characters.count(" ") for f in fragments)
        align = {"J": "JUSTIFY", "L": "LEFT", "C": "CENTER"}[line.align]
        if align == "JUSTIFY" and not spaces:
            align = "LEFT"
        from fpdf.enums import Align

        text_line = TextLine(fragments, natural, spaces, Align.coerce(align), h, line.width)
        # The baseline sits at 0.5 h + 0.3 size below the top of fpdf2's cell; y is the baseline.
        top = y - 0.5 * h - 0.3 * st.size * PT
        self.pdf.set_xy(x + line.offset, top)
        if st.italic:
            with self.pdf.skew(ax=12, x=x + line.offset, y=y):
                self.pdf._render_styled_text_line(text_line, h=h)
        else:
            self.pdf._render_styled_text_line(text_line, h=h)
        if line.label:
            label = Line([Word([Piece(line.label, line.style)])], 5.0, line.offset - 5.0, "L", line.style, [])
            self.draw_line(label, x, y)

    @staticmethod
    def _add_segment(segments: list[list], style: str, sup: bool, text: str) -> None:
        if segments and segments[-1][0] == style and segments[-1][1] == sup:
            segments[-1][2] += text
        else:
            segments.append([style, sup, text])

    def draw_text(self, text: str, style: str, x: float, width: float, y: float, align: str) -> None:
        """One line of page furniture (running head, page number), recorded as furniture."""
        line = Line([Word([Piece(w, style)]) for w in text.split(" ")], width, 0, align, style, [])
        self.draw_line(line, x, y)
        self.furniture.append(text)

    # -- pages and frames

    def new_page(self) -> None:
        doc, pdf = self.doc, self.pdf
        if doc.max_pages and pdf.page_no() >= doc.max_pages:
            raise StopLayout
        pdf.add_page()
        index = pdf.page_no() - 1
        printed = self.printed()
        left, right = doc.margins
        width = 210 - left - right
        if index == 0:
            head = doc.first_head
        else:
            head = doc.running_head(printed, index) if doc.running_head else None
        if head:
            self.draw_text(head, "head", left, width, 14.0, "C")
            pdf.set_line_width(0.2)
            pdf.line(left, 16.2, 210 - right, 16.2)
        self.draw_text(str(printed), "folio", left, width, doc.folio_y, "C")
        if doc.download_line:
            self.draw_text(doc.download_line, "download", left, width, doc.folio_y + 7, "C")
        self.frames = self.column_frames(doc.body_top) if self.columns else [Frame(left, width, doc.body_top,
                                                                                    doc.body_bottom)]
        self.frame_index = 0
        self.y = self.frames[0].top

    def column_frames(self, top: float) -> list[Frame]:
        left, right = self.doc.margins
        width = (210 - left - right - self.doc.gutter) / 2
        return [Frame(left, width, top, self.doc.body_bottom),
                Frame(left + width + self.doc.gutter, width, top, self.doc.body_bottom)]

    @property
    def frame(self) -> Frame:
        return self.frames[self.frame_index]

    def next_frame(self) -> None:
        self.finish_frame()
        if self.frame_index + 1 < len(self.frames):
            self.frame_index += 1
            self.y = self.frame.top
        else:
            self.new_page()

    def start_columns(self) -> None:
        self.columns = True
        self.finish_frame()
        self.frames = self.column_frames(self.y)
        self.frame_index = 0

    def note_block(self, number: int, width: float) -> list[Line]:
        key = (number, width)
        if key not in self.note_lines:
            para = Para("footnote", [("note", f"{{{number}}} {self.doc.footnotes[number]}")], first_indent=4)
            self.note_lines[key] = self.break_lines(para, width)
        return self.note_lines[key]

    def notes_height(self, numbers: list[int], frame: Frame) -> float:
        if not numbers:
            return 0.0
        leading = self.doc.styles["note"].leading * PT
        height = sum(len(self.note_block(n, frame.width)) * leading + 0.8 for n in numbers)
        return height + (0 if frame.notes else 4.0)

    def finish_frame(self) -> None:
        frame = self.frame
        if not frame.notes:
            return
        leading = self.doc.styles["note"].leading * PT
        y = frame.bottom - frame.notes_height + 2.0
        self.pdf.set_line_width(0.2)
        self.pdf.line(frame.x, y, frame.x + 35, y)
        y += 1.5
        for number in frame.notes:
            for line in self.note_block(number, frame.width):
                y += leading
                self.draw_line(line, frame.x, y - 0.25 * leading)
            y += 0.8
        frame.notes = []

    def fits(self, height: float, notes: list[int]) -> tuple[bool, list[int], float]:
        new = [n for n in dict.fromkeys(notes) if n not in self.placed_notes]
        extra = self.notes_height(new, self.frame)
        room = self.frame.bottom - self.frame.notes_height - extra
        return self.y + height <= room + EPS, new, extra

    def leading(self, line: Line) -> float:
        return self.doc.styles[line.style].leading * PT

    # -- blocks

    def place_para(self, para: Para, reserve_after: float = 0.0) -> int:
        """Set a paragraph; returns the printed page of its first line."""
        lines = self.break_lines(para, self.frame.width)
        if self.y > self.frame.top + EPS:
            self.y += para.space_before
        keep = lines[: min(2, len(lines))] if para.kind != "heading" else lines
        need = sum(self.leading(line) for line in keep) + (reserve_after if para.keep_next else 0)
        if not self.fits(need, [n for line in keep for n in line.notes])[0] and self.y > self.frame.top + EPS:
            self.next_frame()
        page = None
        for line in lines:
            h = self.leading(line)
            ok, new, extra = self.fits(h, line.notes)
            if not ok:
                self.next_frame()
                ok, new, extra = self.fits(h, line.notes)
            if page is None:
                page = self.printed()
            self.y += h
            self.draw_line(line, self.frame.x, self.y - 0.25 * h)
            self.frame.notes.extend(new)
            self.frame.notes_height += extra
            self.placed_notes.update(new)
        self.y += para.space_after
        return page

    def first_lines_height(self, block) -> float:
        if isinstance(block, Para):
            lines = self.break_lines(block, self.frame.width)[:2]
            return block.space_before + sum(self.leading(line) for line in lines)
        if isinstance(block, Table):
            return self.first_lines_height(block.caption) + 40
        return 0.0

    def place_table(self, table: Table) -> tuple[int, int | None]:
        """Caption, table (fpdf2's table API) and note; returns the printed pages of caption and note."""
        rows = len(table.rows) + 1
        need = self.first_lines_height(table.caption) + rows * 6.6 + 4
        if self.y + need > self.frame.bottom - self.frame.notes_height:
            self.next_frame()
        page = self.place_para(table.caption)
        pdf = self.pdf
        st = self.doc.styles["table"]
        self.use_font(st)
        self.use_font(replace(st, bold="B"))  # the table's heading row
        pdf.set_font(st.family, st.bold, st.size)
        pdf.set_line_width(0.25)
        pdf.set_left_margin(self.frame.x)
        pdf.set_xy(self.frame.x, self.y + 1.0)
        with pdf.table(col_widths=tuple(table.col_widths), width=sum(table.col_widths), align="LEFT",
                       text_align="LEFT", line_height=4.6, padding=(1.0, 1.5, 1.0, 1.5),
                       borders_layout="HORIZONTAL_LINES", first_row_as_headings=True) as grid:
            for values in [table.header, *table.rows]:
                row = grid.row()
                for value in values:
                    row.cell(value)
        pdf.set_left_margin(self.doc.margins[0])
        self.y = pdf.get_y() + 1.5
        return page, self.place_para(table.note) if table.note else None


class StopLayout(Exception):
    pass


# --------------------------------------------------------------------------- layout and truth


def typeset(doc: Doc, with_truth: bool = True) -> tuple[bytes, dict | None]:
    setter = Setter(doc)
    setter.new_page()
    placed: list[tuple[object, object]] = []
    blocks = doc.blocks
    try:
        for i, block in enumerate(blocks):
            if isinstance(block, Space):
                if setter.y > setter.frame.top + EPS:
                    setter.y += block.mm
            elif isinstance(block, Columns):
                setter.start_columns()
            elif isinstance(block, Table):
                placed.append((block, setter.place_table(block)))
            else:
                reserve = 0.0
                if block.keep_next and i + 1 < len(blocks):
                    reserve = setter.first_lines_height(blocks[i + 1])
                placed.append((block, setter.place_para(block, reserve)))
    except StopLayout:
        pass
    setter.finish_frame()
    if doc.pages and not doc.max_pages and setter.pdf.page_no() != doc.pages:
        raise LayoutError(f"{doc.name}: {setter.pdf.page_no()} pages instead of {doc.pages}")
    data = bytes(setter.pdf.output())
    return data, truth_of(doc, placed, setter.furniture) if with_truth else None


def numeric_citations(body: list[str]) -> list[dict]:
    found = []
    for text in body:
        for marker in re.findall(r"\[\d[^\]]*\]", text):
            refs: list[int] = []
            for part in marker[1:-1].split(";"):
                m = re.match(r"\s*(\d+)(?:\s*[–-]\s*(\d+))?", part)
                start, end = int(m.group(1)), int(m.group(2) or m.group(1))
                refs.extend(range(start, end + 1))
            found.append({"marker": marker, "refs": refs})
    return found


def truth_of(doc: Doc, placed: list[tuple[object, object]], furniture: list[str]) -> dict:
    def text(block: Para) -> str:
        return plain("".join(t for _, t in block.runs))

    def without_label(block: Para) -> str:
        return plain("".join(t for style, t in block.runs if not style.endswith("-b"))).strip()

    title, metadata, abstracts, keywords, headings, body, pages = [], [], {}, {}, [], [], []
    items, tables, references = [], [], []
    for block, page in placed:
        if isinstance(block, Table):
            caption_page, note_page = page
            body.append(text(block.caption))
            pages.append(caption_page)
            tables.append("\n".join("  ".join(row) for row in [block.header, *block.rows]))
            if block.note:
                body.append(text(block.note))
                pages.append(note_page)
            continue
        kind = block.kind
        if kind == "title":
            title.append(text(block))
        elif kind == "meta":
            metadata.append(text(block))
        elif kind == "abstract":
            abstracts[block.lang] = without_label(block)
        elif kind == "keywords":
            keywords[block.lang] = text(block)
        elif kind == "heading":
            headings.append(text(block))
        elif kind in ("para", "caption"):
            body.append(text(block))
            pages.append(page)
        elif kind == "item":
            items.append(text(block))
        elif kind == "ref":
            references.append(re.sub(r"^\d+\.\s+", "", text(block)))
    truth: dict = {"format": "pdf", "original_language": doc.lang}
    if title:
        truth["title"] = " ".join(title)
    if metadata:
        truth["metadata"] = metadata
    truth["abstracts"] = abstracts
    truth["keywords"] = keywords
    truth["headings"] = headings
    truth["body"] = body
    truth["body_pages"] = pages
    if items:
        truth["list_items"] = items
    if tables:
        truth["preformatted"] = tables
    if doc.footnotes:
        truth["footnotes"] = [{"number": n, "text": plain(t)} for n, t in sorted(doc.footnotes.items())]
    truth["references"] = references
    if doc.citations is not None:
        truth["citations"] = [{"marker": m, "refs": refs} for m, refs in doc.citations]
    else:
        truth["citations"] = numeric_citations(body)
    truth["furniture"] = furniture
    check_citations(doc.name, body, truth["citations"], len(references))
    return truth


def check_citations(name: str, body: list[str], citations: list[dict], count: int) -> None:
    text = "\n".join(body)
    at = 0
    for citation in citations:
        found = text.find(citation["marker"], at)
        if found < 0:
            raise LayoutError(f"{name}: citation {citation['marker']!r} not in the body (in order)")
        at = found + len(citation["marker"])
        if not all(1 <= r <= count for r in citation["refs"]):
            raise LayoutError(f"{name}: citation {citation['marker']!r} points outside the references")


# --------------------------------------------------------------------------- the texts


def serif_styles(body: float, leading: float) -> dict[str, Style]:
    small = body - 1.0
    return {
        "body": Style("serif", "", body, leading),
        "body-b": Style("serif", "B", body, leading),
        "small": Style("serif", "", small, small * 1.25),
        "small-b": Style("serif", "B", small, small * 1.25),
        "title": Style("sans", "B", 15.0, 19.0),
        "heading": Style("sans", "B", body + 1.0, (body + 1.0) * 1.3),
        "author": Style("serif", "B", body, leading),
        "affil": Style("serif", "", small, small * 1.3, italic=True),
        "meta": Style("sans", "", 8.0, 10.5),
        "ref": Style("serif", "", small, small * 1.25),
        "note": Style("serif", "", 8.0, 9.6),
        "head": Style("serif", "", 8.5, 10.0, italic=True),
        "folio": Style("serif", "", 9.0, 11.0),
        "download": Style("sans", "", 6.5, 8.0),
        "table": Style("sans", "", 8.5, 10.5),
        "sumtitle": Style("sans", "B", body, leading),
    }


def body(text: str, first: bool = False, indent: float = 7.0) -> Para:
    return Para("para", [("body", text)], first_indent=0 if first else indent)


def heading(text: str, align: str = "L", before: float = 4.0) -> Para:
    return Para("heading", [("heading", text)], align=align, space_before=before, space_after=1.5,
                keep_next=True, hyphenate=False)


def ref(text: str, hanging: float = 0.0, indent: float = 0.0) -> Para:
    return Para("ref", [("ref", text)], first_indent=indent, left_indent=hanging, space_after=0.6)


RU_BODY = [
    heading("Введение", "C"),
    body("Термин «мягкая сила» предложил Дж. Най, обозначив им способность государства добиваться своих "
         "целей благодаря притягательности собственной культуры, политических ценностей и внешней политики, "
         "а не с помощью принуждения или прямой платы. За последние два десятилетия это понятие прочно вошло "
         "в словарь китайских исследователей и официальных документов КНР, где его нередко трактуют "
         "значительно шире, чем в исходной концепции [3, с. 45]."),
    body("Центральная Азия занимает в этой политике особое место. Регион граничит с Синьцзян-Уйгурским "
         "автономным районом, через него проходят ключевые транспортные коридоры, а с 2013 г. он считается "
         "одним из приоритетных направлений инициативы «Один пояс, один путь». Тем не менее отношение "
         "заметной части общества к восточному соседу и его региональным проектам по-¦прежнему неоднозначно: "
         "интерес к экономическим возможностям соседствует с опасениями, связанными с долговой зависимостью "
         "и трудовой миграцией [2]."),
    body("Цель статьи – выяснить, какие инструменты китайской политики влияния дают наиболее устойчивый "
         "результат и почему успехи в одной сфере не всегда переносятся на другие. Мы исходим из того, что "
         "образовательные программы и инфраструктурные проекты обращены к разным группам населения и потому "
         "должны оцениваться по отдельности."),
    heading("Материалы и методы", "C"),
    body("Источниковую базу исследования составили официальные документы КНР и государств региона, сведения "
         "о деятельности институтов Конфуция, статистика обучения иностранных студентов в китайских вузах, а "
         "также опубликованные результаты социологических опросов{1}. Использовались методы сравнительного и "
         "статистического анализа, а также контент-анализа; при интерпретации данных авторы опирались на "
         "работы российских, казахстанских и западных исследователей [1–3]."),
    heading("Образовательные программы и институты Конфуция", "C"),
    body("К 2020 г. в странах Центральной Азии действовало более десяти институтов Конфуция, большинство из "
         "которых открыто при ведущих национальных университетах. Их работа не ограничивается преподаванием "
         "китайского языка: институты проводят фестивали, конкурсы и летние школы, а также помогают "
         "студентам получить стипендии для учебы в КНР [2]."),
    body("Число студентов из региона в китайских вузах за последнее десятилетие заметно выросло [7]. Ряд "
         "наблюдателей полагает, что именно образовательное и научное сотрудничество дает Пекину наиболее "
         "устойчивый результат: выпускники возвращаются домой со знанием языка, профессиональными связями и, "
         "как правило, с более благожелательным отношением к Китаю [5]. Вместе с тем оценить этот эффект "
         "непросто, поскольку многие из них затем работают в китайских компаниях и их взгляды трудно "
         "отделить от материальной заинтересованности."),
    body("Показательно, что выбор китайского языка молодые люди чаще объясняют карьерными соображениями, чем "
         "интересом к культуре. Преподаватели отмечают, что студенты видят в языке прежде всего средство "
         "трудоустройства в логистике, торговле и туризме. Такая мотивация сама по себе не является "
         "слабостью, однако она показывает, насколько тесно привлекательность образовательных программ "
         "связана с экономическими ожиданиями."),
    heading("Инфраструктура и экономическое присутствие", "C"),
    body("Вторым каналом влияния выступают инфраструктурные проекты. Строительство дорог, железнодорожных "
         "терминалов и логистических центров призвано наглядно продемонстрировать выгоды партнерства с "
         "Китаем. Однако, как отмечают исследователи, современная транспортная и энергетическая "
         "инфра¦структура сама по себе не формирует привлекательного образа страны: не меньшее значение "
         "имеют условия кредитов, участие местных подрядчиков и экологические последствия строительства [1; "
         "4]."),
    body("Опросы последних лет показывают, что жители стран региона в целом одобряют торговлю с КНР, но "
         "гораздо сдержаннее относятся к покупке земли и предприятий китайскими компаниями [4]. Такое "
         "расхождение говорит о том, что в массовом общественном сознании жителей всех стран региона "
         "социально-¦экономический эффект проектов воспринимается отдельно от культурной привлекательности "
         "Китая{2}. Кроме того, в части публикаций деятельность Пекина рассматривается сквозь "
         "военно-политическую призму, что подрывает доверие к его гуманитарным инициативам [6]."),
    body("Немаловажную роль играет и информационная среда. Значительная часть новостей о Китае попадает к "
         "читателям региона через русскоязычные и западные издания, поэтому образ соседа складывается во "
         "многом под влиянием чужих оценок. Попытки китайских СМИ выйти на местную аудиторию напрямую пока "
         "дают скромный результат."),
    heading("Заключение", "C"),
    body("Проведенный анализ позволяет заключить, что «мягкая сила» Китая в Центральной Азии опирается "
         "прежде всего на образование и экономические возможности, тогда как культурная привлекательность в "
         "узком смысле остается ограниченной. Дальнейший рост влияния, по всей видимости, будет зависеть от "
         "прозрачности инвестиционных проектов и от готовности Пекина учитывать интересы местных сообществ "
         "[5; 6]."),
]

RU_FOOTNOTES = {
    1: "Использованы результаты опросов, опубликованные в открытом доступе в 2017–2021 гг.; первичные "
       "данные авторам недоступны, поэтому выборки сопоставлялись лишь по их описаниям в отчетах.",
    2: "Сходный вывод делают авторы обзоров региональной прессы: число публикаций о Китае растет, а их "
       "тональность заметно не меняется.",
}

RU_REFERENCES = [
    "Най Дж. Гибкая власть: как добиться успеха в мировой политике / пер. с англ. – Новосибирск; М.: "
    "ФСПИ «Тренды», 2006. – 222 с.",
    "Ахметова Г.С. Институты Конфуция в Казахстане: динамика развития и общественные оценки // Вестник "
    "гуманитарных исследований. – 2019. – № 3. – С. 34–41.",
    "Лаптева Е.В. Китайская публичная дипломатия на постсоветском пространстве: монография. – "
    "Новосибирск: Наука-Центр, 2018. – 196 с.",
    "Курманов Д.М. Инфраструктурные проекты КНР в Центральной Азии и их восприятие местными элитами // "
    "Восточный вектор. – 2020. – № 1. – С. 58–67.",
    "Чжан Л. Культурная дипломатия Китая: цели и инструменты // Вопросы международной политики. – 2017. – "
    "№ 4. – С. 102–110.",
    "Shambaugh D. China Goes Global: The Partial Power. – Oxford: Oxford University Press, 2013. – 409 p.",
    "Число иностранных студентов в вузах Китая: статистический обзор [Электронный ресурс] // "
    "Образовательный портал. – URL: https://example.org/foreign-students/2020 (дата обращения: 14.02.2021).",
]

RU_HEAD = "Вестник Евразийского университета. Серия «Международные отношения». № 3(107)/2022"


def ru_article() -> Doc:
    blocks = [
        Para("meta", [("meta", "УДК 327.8(510:575)")], align="L", hyphenate=False),
        Para("meta", [("meta", "DOI 10.0000/vestnik.2022.3.87")], align="L", hyphenate=False),
        Space(7),
        Para("title", [("title", "Мягкая сила Китая в Центральной Азии:")], align="C", hyphenate=False),
        Para("title", [("title", "образование, инфраструктура и пределы "
                                 "влияния")], align="C", hyphenate=False),
        Space(5),
        Para("authors", [("author", "А.Б. Сейтказина, Е.В. Лаптева")], align="C", hyphenate=False),
        Para("affil", [("affil", "Евразийский гуманитарный университет, Астана, Казахстан")], align="C",
             hyphenate=False),
        Para("affil", [("affil", "Сибирский институт международных отношений, Новосибирск, "
                                 "Россия")], align="C",
             hyphenate=False),
        Space(6),
        Para("abstract", [("small-b", "Аннотация."), ("small", " В статье рассматриваются инструменты "
                                                               "«мягкой силы», к которым Китайская Народная "
             "Республика прибегает в странах Центральной Азии. Основное внимание уделено работе институтов "
             "Конфуция, образовательным программам и инфраструктурным проектам инициативы «Один пояс, один "
             "путь». Опираясь на официальные документы, статистические данные и опубликованные результаты "
             "опросов, авторы показывают, что привлекательность Китая в регионе растет неравномерно: интерес "
             "к языку и учебе в КНР соседствует с настороженным отношением части общества к экономическому "
             "присутствию соседа.")],
             inset=8, first_indent=6, lang="ru"),
        Para("keywords", [("small-b", "Ключевые слова:"), ("small", " мягкая сила, Китай, Центральная Азия, "
             "институт Конфуция, «Один пояс, один путь», публичная дипломатия, образование.")],
             inset=8, first_indent=6, space_before=1.5, lang="ru"),
        Space(4),
        *RU_BODY,
        Para("refs-heading", [("heading", "Список литературы")], align="C", space_before=5, space_after=1.5,
             keep_next=True, hyphenate=False),
        *[ref(f"{i}. {text}", indent=6) for i, text in enumerate(RU_REFERENCES, 1)],
    ]
    return Doc(
        name="ru_article", lang="ru", title="Мягкая сила Китая в Центральной Азии",
        author="А.Б. Сейтказина, Е.В. Лаптева", first_page=87, styles=serif_styles(10.5, 13.4),
        blocks=blocks, footnotes=RU_FOOTNOTES, margins=(25, 25), body_top=23, body_bottom=273,
        hyphen_lang="ru", running_head=lambda printed, index: RU_HEAD, pages=3,
    )


KK_HEAD = "Дала университетінің хабаршысы. Халықаралық қатынастар сериясы. №2 (98). 2023"
KK_AUTHORS = "Ж.Қ. Әбдірахманова, Т.С. Нұрланұлы"


def kk_twocol() -> Doc:
    styles = serif_styles(9.5, 11.8)
    styles["heading"] = Style("sans", "B", 10.0, 12.5)
    styles["meta"] = Style("serif", "", 8.0, 10.5)  # no DejaVu Sans regular: a smaller file
    p = body
    blocks = [
        Para("meta", [("meta", "ӘОЖ 327 (574:510)")], align="L", hyphenate=False),
        Para("meta", [("meta", "МРНТИ 11.25.41")], align="L", hyphenate=False),
        Para("meta", [("meta", "https://doi.org/10.0000/dala.2023.2.45")], align="L", hyphenate=False),
        Space(6),
        Para("title", [("title", "Қытайдың Орталық Азиядағы «жұмсақ күші»:")], align="C", hyphenate=False),
        Para("title", [("title", "білім беру және мәдени байланыстар")], align="C", hyphenate=False),
        Space(4),
        Para("authors", [("author", KK_AUTHORS)], align="C", hyphenate=False),
        Para("affil", [("affil", "Дала гуманитарлық университеті, Алматы, Қазақстан")], align="C",
             hyphenate=False),
        Para("affil", [("affil", "Шығыстану және халықаралық зерттеулер институты, Астана, Қазақстан")],
             align="C", hyphenate=False),
        Space(5),
        Para("abstract", [("small-b", "Аңдатпа."), ("small", " Мақалада Қытай Халық Республикасының Орталық "
             "Азия елдеріндегі «жұмсақ күш» саясаты қарастырылады. Зерттеудің негізгі назары Конфуций "
             "институттарының қызметіне, студенттер алмасуына және «Бір белдеу, бір жол» бастамасы аясында "
             "өтетін мәдени іс-шараларға аударылған. Авторлар ресми құжаттарды, статистикалық деректерді "
             "және жарияланған сауалнамалардың нәтижелерін талдай отырып, Қытайдың өңірдегі беделі біркелкі "
             "өспейтінін көрсетеді. Қорытындысында мәдени ықпалдың тиімділігі көбіне экономикалық жобалардың "
             "ашықтығына және жергілікті қоғамның мүддесін ескеруге байланысты екені айтылады.")],
             inset=6, first_indent=6, lang="kk"),
        Para("keywords", [("small-b", "Түйін сөздер:"), ("small", " жұмсақ күш, Қытай, Орталық Азия, "
                                                                  "Конфуций "
             "институты, «Бір белдеу, бір жол», мәдени дипломатия, білім беру.")],
             inset=6, first_indent=6, space_before=1.5, lang="kk"),
        Space(5),
        Columns(),
        heading("Кіріспе", before=0),
        p("«Жұмсақ күш» ұғымын ғылыми айналымға америкалық зерттеуші Дж. Най енгізген. Оның пікірінше, "
          "мемлекет өз мақсатына мәжбүрлеу немесе ақы төлеу арқылы ғана емес, мәдениеті мен құндылықтарының "
          "тартымдылығы арқылы да жете алады [1, 45 б.]. Соңғы жылдары бұл ұғым қытай ғалымдарының "
          "еңбектерінде де, ресми құжаттарда да жиі қолданылып жүр, алайда оның мазмұны бастапқы "
          "тұжырымдамамен салыстырғанда әлдеқайда кеңірек түсіндіріледі.", indent=5),
        p("Орталық Азия Қытай үшін ерекше маңызы бар өңір болып табылады. Мұнда негізгі көлік дәліздері "
          "өтеді, ал 2013 жылдан бері аймақ «Бір белдеу, бір жол» бастамасының басым бағыттарының бірі "
          "ретінде қарастырылады. Дегенмен жергілікті қоғамның көршіге деген көзқарасы әлі де бір жақты "
          "емес: сауда мен инвестиция саласындағы өзара тиімді ынтымақтастыққа деген қызығушылықпен қатар "
          "қарыз бен көші-қон мәселелеріне қатысты алаңдаушылық та байқалады [2; 5].", indent=5),
        p("Мақаланың мақсаты – Қытайдың мәдени және білім беру саясатының өңірдегі нәтижелерін бағалау. Ол "
          "үшін ресми құжаттар, университеттердің есептері және ашық жарияланған сауалнамалар салыстырмалы "
          "түрде талданды{1}.", indent=5),
        heading("Конфуций институттары және білім беру саласындағы байланыстар"),
        p("Қазір Қазақстанда, Қырғызстанда, Тәжікстанда және Өзбекстанда бірнеше Конфуций институты жұмыс "
          "істейді. Олар қытай тілін оқытумен шектелмей, мерекелер, байқаулар мен жазғы мектептер сияқты "
          "түрлі мәдени іс-шаралар ұйымдастырады [3]. Сонымен қатар институттар студенттерге Қытайдың жоғары "
          "оқу орындарында білім алуға арналған гранттар туралы ақпарат таратады.", indent=5),
        p("Қытайда білім алатын орталықазиялық жастардың саны соңғы онжылдықта едәуір өсті [4]. Кейбір "
          "зерттеушілердің пікірінше, дәл осы білім беру саласындағы тұрақты байланыс Бейжіңге ұзақ мерзімді "
          "нәтиже береді, өйткені түлектер елге тілді меңгеріп, кәсіби таныстықтар тауып оралады. Балаларын "
          "шетелде оқыту туралы шешім қабылдайтын ата-аналардың көпшілігі де бұл мүмкіндікті оң бағалайды "
          "деген пікір бар.", indent=5),
        p("Дегенмен тіл үйренушілердің басым бөлігі қытай тілін мәдениетке қызығушылықтан емес, жұмысқа "
          "орналасу мүмкіндігін ескеріп таңдайды. Оқытушылардың айтуынша, студенттер тілді ең алдымен "
          "логистика, сауда және туризм салаларында қажетті құрал ретінде қабылдайды.", indent=5),
        p("Стипендиялар білім беру саласындағы алмасудың екінші тірегі болып табылады. Қытай "
          "университеттерін бітірген түлектердің едәуір бөлігі елге оралған соң қытай компанияларында немесе "
          "шекара маңындағы саудада жұмыс істейді. Осылайша білім беру байланыстары экономикалық "
          "байланыстармен тығыз ұштасады [4].", indent=5),
        heading("Инфрақұрылымдық жобалар және қоғамдық пікір"),
        p("Ықпалдың екінші арнасы – инфрақұрылымдық жобалар. Жолдар, теміржол терминалдары мен логистикалық "
          "орталықтар салу арқылы Қытай серіктестіктің пайдасын көрнекі түрде көрсетуге тырысады. Алайда "
          "кейбір сарапшылардың пікірінше, инфрақұрылымның өзі елдің тартымды бейнесін қалыптастырмайды: "
          "несие шарттары, жергілікті мердігерлердің қатысуы және құрылыстың экологиялық салдары да маңызды "
          "[5].", indent=5),
        p("Соңғы жылдары жарияланған сауалнамалар өңір тұрғындарының Қытаймен сауданы жалпы алғанда "
          "құптайтынын, бірақ жер мен кәсіпорындарды қытай компанияларына беруге сақтықпен қарайтынын "
          "көрсетеді [6]. Бұл ірі жобалардың әлеуметтік-экономикалық нәтижесі қоғамдық санада елдің мәдени "
          "тартымдылығынан бөлек қабылданатынын аңғартады [2; 5].", indent=5),
        p("Бірқатар ірі жобалардың қаржылық шарттары толық жария етілмеген, бұл түрлі қауесеттерге жол "
          "ашады. Ақпарат тапшы болған жерде бұл олқылықты жергілікті БАҚ пен әлеуметтік желілер толтырады, "
          "ал жасырын несие шарттары немесе сырттан әкелінген жұмыс күші туралы әңгімелер шындыққа сай келе "
          "ме, жоқ па, оған қарамастан кең таралады.", indent=5),
        p("Ақпараттық орта да маңызды рөл атқарады. Қытай туралы жаңалықтардың едәуір бөлігі өңір "
          "оқырмандарына орыс тілді және батыс басылымдары арқылы жетеді, сондықтан көршінің бейнесі көбіне "
          "басқалардың бағалауы негізінде қалыптасады.", indent=5),
        heading("Талқылау"),
        p("Жалпы алғанда, деректер Қытайдың өңірдегі көрнектілігі мен тартымдылығы арасында алшақтық бар "
          "екенін көрсетеді. Қытай тілі курстары мен дипломдары бұрынғыдан әлдеқайда қолжетімді, оларды "
          "практикалық тұрғыдан пайдалы деп санайтын жастардың саны да артып келеді. Сонымен бірге ірі "
          "экономикалық жобалар алғыспен қатар күдік те туғызады, ал қоғамдық пікірталаста көбіне соңғысы "
          "басым болады [6].", indent=5),
        p("Сауалнама нәтижелерін сақтықпен қабылдау қажет: олардың саны аз, іріктемелері біркелкі емес. Оның "
          "үстіне көзқарастар елдерге және ұрпақтарға қарай ерекшеленеді: қала тұрғындары мен жастар Қытайға "
          "аға буын мен ауыл тұрғындарына қарағанда ашығырақ қарайды.", indent=5),
        heading("Қорытынды"),
        p("Жүргізілген талдау көрсеткендей, Қытайдың Орталық Азиядағы «жұмсақ күші» ең алдымен білім беру "
          "мен экономикалық мүмкіндіктерге сүйенеді, ал тар мағынадағы мәдени тартымдылығы әзірге шектеулі "
          "күйде қалып отыр. Ықпалдың одан әрі артуы инвестициялық жобалардың ашықтығына және жергілікті "
          "қауымдастықтардың мүддесін ескеруге байланысты болмақ [3; 7].", indent=5),
        Para("refs-heading", [("heading", "Әдебиеттер тізімі")], align="C", space_before=6, space_after=1.5,
             keep_next=True, hyphenate=False),
        *[ref(f"{i}. {text}", indent=5) for i, text in enumerate([
            "Най Дж. Гибкая власть: как добиться успеха в мировой политике. – Новосибирск; М.: ФСПИ "
            "«Тренды», 2006. – 222 с.",
            "Сейітқали Д.Б. Қазақстан қоғамындағы Қытай бейнесі: әлеуметтанулық талдау // Қоғам және дәуір. "
            "– 2020. – № 2. – 55–63 б.",
            "Ли Н. Конфуций институттарының Орталық Азиядағы қызметі // Шығыстану хабаршысы. – 2019. – № 4. "
            "– 12–20 б.",
            "Tursunbaeva G., Hale M. Scholarships and soft power: Central Asian students in Chinese "
            "universities // Asian Education Review. – 2020. – Vol. 15, No. 4. – P. 301–322.",
            "Курманов Д.М. Инфраструктурные проекты КНР в Центральной Азии и их восприятие местными элитами "
            "// Восточный вектор. – 2020. – № 1. – С. 58–67.",
            "Omarov T. Loans, roads and reputations: public opinion on Chinese finance in Central Asia // "
            "Central Asian Survey Review. – 2021. – Vol. 12, No. 1. – P. 88–107.",
            "Жұмабаева А.Е. «Бір белдеу, бір жол» бастамасы және мәдени дипломатия. – Алматы: Дала "
            "баспасы, 2021. – 184 б.",
        ], 1)],
        Para("sumtitle", [("sumtitle", "«Мягкая сила» Китая в Центральной Азии: образование и культурные "
             "связи")], align="C", space_before=6, space_after=1, keep_next=True, hyphenate=False),
        Para("authors", [("author", "Ж.К. Абдрахманова, Т.С. Нурланулы")], align="C", space_after=1.5,
             hyphenate=False),
        Para("abstract", [("small-b", "Аннотация."), ("small", " В статье анализируется политика «мягкой "
             "силы» КНР в странах Центральной Азии. Основное внимание уделено работе институтов Конфуция, "
             "студенческим обменам и культурным мероприятиям, проводимым в рамках инициативы «Один пояс, "
             "один путь». На основе официальных документов, статистических данных и опубликованных опросов "
             "авторы приходят к выводу, что влияние Китая в регионе растет неравномерно и во многом зависит "
             "от открытости экономических проектов и учета интересов местного общества.")],
             first_indent=5, lang="ru"),
        Para("keywords", [("small-b", "Ключевые слова:"), ("small", " мягкая сила, Китай, Центральная Азия, "
             "институт Конфуция, «Один пояс, один путь», культурная дипломатия, образование.")],
             first_indent=5, space_before=1, lang="ru"),
        Para("sumtitle", [("sumtitle", "China’s Soft Power in Central Asia: Education and Cultural Ties")],
             align="C", space_before=6, space_after=1, keep_next=True, hyphenate=False),
        Para("authors", [("author", "Zh.K. Abdirakhmanova, T.S. Nurlanuly")], align="C", space_after=1.5,
             hyphenate=False),
        Para("abstract", [("small-b", "Abstract."), ("small", " The article analyses the soft power pol·icy "
                                                              "of the People’s Republic of China in the "
             "coun·tries of Central Asia, with par·tic·u·lar at·ten·tion to Con·fu·cius In·sti·tutes, "
             "student ex·changes and cultural events held under the Belt and Road Ini·tia·tive. Based on "
             "of·fi·cial doc·u·ments, sta·tis·ti·cal data and pub·lished surveys, the authors argue that "
             "Chinese in·flu·ence in the region grows un·evenly and depends largely on the open·ness of "
             "eco·nomic projects and on regard for the in·ter·ests of local com·mu·ni·ties.")],
             first_indent=5, lang="en"),
        Para("keywords", [("small-b", "Key words:"), ("small", " soft power, China, Central Asia, "
                                                               "Con·fu·cius "
             "In·sti·tute, Belt and Road Ini·tia·tive, cultural dip·lo·macy, ed·u·ca·tion.")],
             first_indent=5, space_before=1, lang="en"),
    ]
    return Doc(
        name="kk_twocol", lang="kk", title="Қытайдың Орталық Азиядағы «жұмсақ күші»", author=KK_AUTHORS,
        first_page=45, styles=styles, blocks=blocks,
        footnotes={1: "Сауалнамалардың бастапқы деректері авторларға қолжетімсіз болғандықтан, салыстыру тек "
                      "жарияланған есептердегі сипаттамаларға негізделді."},
        margins=(16, 16), body_top=23, body_bottom=275, gutter=8, hyphen_lang="kk",
        running_head=lambda printed, index: KK_HEAD if printed % 2 == 0 else KK_AUTHORS, pages=2,
    )


EN_JOURNAL = "CENTRAL ASIAN AFFAIRS"
EN_AUTHORS = "D. Seitkali and R. Whitmore"
EN_CITATIONS = [
    ("Nye (2004)", [4]),
    ("(Nye, 2004, p. 5)", [4]),
    ("(Nye, 1990)", [3]),
    ("(Shambaugh 2013; Kurlantzick 2007)", [6, 2]),
    ("(Abdrakhmanova & Lindqvist, 2019)", [1]),
    ("Tursunbaeva and Hale (2020)", [7]),
    ("(Omarov, 2021; Zhao & Ermekova, 2022)", [5, 9]),
    ("(Omarov, 2021, p. 95)", [5]),
    ("(Wang, 2018, pp. 41–44)", [8]),
    ("(Nye, 2004)", [4]),
    ("(Tursunbaeva & Hale, 2020)", [7]),
    ("(Kurlantzick, 2007)", [2]),
]
EN_REFERENCES = [
    "Abdrakhmanova, S., & Lindqvist, P. (2019). Language classrooms as diplomatic spaces: Confucius "
    "Institutes in Kazakhstan and Kyrgyzstan. Journal of Eurasian Cultural Studies, 7(2), 44–63.",
    "Kurlantzick, J. (2007). Charm offensive: How China’s soft power is transforming the world. Yale "
    "University Press.",
    "Nye, J. S. (1990). Bound to lead: The changing nature of American power. Basic Books.",
    "Nye, J. S. (2004). Soft power: The means to success in world politics. PublicAffairs.",
    "Omarov, T. (2021). Loans, roads and reputations: Public opinion on Chinese finance in Central Asia. "
    "Central Asian Survey Review, 12(1), 88–107.",
    "Shambaugh, D. (2013). China goes global: The partial power. Oxford University Press.",
    "Tursunbaeva, G., & Hale, M. (2020). Scholarships and soft power: Central Asian students in Chinese "
    "universities. Asian Education Review, 15(4), 301–322.",
    "Wang, L. (2018). Cultural diplomacy along the Belt and Road. Eastern Horizon Press.",
    "Zhao, Y., & Ermekova, A. (2022). Infrastructure finance and local perceptions: Evidence from household "
    "surveys in Kazakhstan. Eurasian Development Studies, 3(2), 15–39. "
    "https://doi.org/10.0000/eds.2022.3.2.15",
]


def en_paragraphs() -> list:
    def p(text: str, first: bool = False) -> Para:
        return body(text, first, indent=6)

    def item(text: str) -> Para:
        return Para("item", [("body", text)], first_indent=6, left_indent=6, inset=3, label="•",
                    space_after=0.5)

    return [
        heading("1. Introduction"),
        p("Over the past decade China has become the largest trading partner of several Central Asian states "
          "and a prominent lender for their roads, railways and power plants. Economic weight, however, does "
          "not translate automatically into appeal. Nye (2004) argues that soft power rests on the "
          "attractiveness of a country’s culture, its political values and the perceived legitimacy of its "
          "foreign policy, and he separates it from the ability to coerce or to pay (Nye, 2004, p. "
          "5).", True),
        p("In this article we ask how far Beijing has managed to convert its material presence in the region "
          "into durable influence{1}. We rely on published opinion surveys, official statistics and the "
          "secondary literature, and three questions guide the discussion:"),
        item("who the main audiences of Chinese cultural and educational programmes in the region are;"),
        item("whether loans and construction projects improve or damage China’s image among ordinary "
             "residents;"),
        item("how the effects of these channels combine, and where they cancel each other out."),
        p("Our aim is not to measure soft power precisely, which may be impossible, but to show where its "
          "sources and its limits lie. Section 2 reviews the debate and the channels under study, Section 3 "
          "discusses what the evidence allows us to say, and Section 4 concludes.", True),
        heading("2. Background"),
        p("The idea of soft power was first set out in the years after the Cold War (Nye, 1990) and in the "
          "decades that followed it acquired a prominent and long-standing place in Chinese policy debates. "
          "Chinese authors have tended to read it more broadly than its originator did, folding development "
          "aid, trade and the appeal of an economic model into a single notion of national strength "
          "(Shambaugh 2013; Kurlantzick 2007).", True),
        p("A second strand of the literature looks at the recipients rather than the source of soft power. "
          "From this angle, what matters is not what China offers but how audiences in host countries "
          "inter·pret it, and those interpretations are filtered through historical memory, domestic "
          "politics and the media environment. Table 1 lists the four channels that recur in studies of the "
          "region."),
        Table(
            caption=Para("caption", [("small", "Table 1. Channels of Chinese soft power in Central Asia "
                                                "discussed in this article")], align="L", space_before=3,
                         space_after=0.5, hyphenate=False),
            header=["Channel", "Main instrument", "Main audience", "Visibility"],
            rows=[
                ["Language teaching", "Confucius Institutes", "Students", "High in capitals"],
                ["Scholarships", "University grants", "Graduates", "Moderate"],
                ["Infrastructure", "Loans and contracts", "Wider public", "High"],
                ["Media", "Media tours", "Journalists", "Low"],
            ],
            col_widths=[40, 44, 36, 40],
            note=Para("caption", [("small", "Source: compiled by the authors from the studies cited in the "
                                            "text.")], align="L", space_after=2, hyphenate=False),
        ),
        heading("2.1 Language and scholarships"),
        p("Confucius Institutes are usually set up as partnerships between a Chinese university and a host "
          "institution abroad. In Central Asia most of them are based in capital cities and offer language "
          "courses, proficiency examinations and festivals (Abdrakhmanova & Lindqvist, 2019). Their film "
          "screenings and cultural programmes are familiar to students and reasonably well-known on the "
          "campuses of the host universities, yet their reach beyond those campuses seems to be modest.{2}",
          True),
        p("Scholarships form the second pillar of educational exchange. Tursunbaeva and Hale (2020) report "
          "that many graduates returning from Chinese universities find work with Chinese companies or in "
          "cross-border trade, which ties educational links closely to economic ones. Such people-to-people "
          "contacts are often presented by officials on both sides as the basis of good neighbourly "
          "relations."),
        heading("2.2 Infrastructure and finance"),
        p("The Belt and Road Initiative, announced in Astana in 2013, brought a wave of loans and "
          "construction contracts to the region. Surveys suggest that residents value new roads and power "
          "stations but remain wary of debt and of the terms on which projects are awarded (Omarov, 2021; "
          "Zhao & Ermekova, 2022). Disputes over land and labour have from time to time led to protests, and "
          "these episodes in turn colour the way Chinese cultural initiatives are received.", True),
        p("The financial terms of several large projects have not been fully disclosed, which leaves room "
          "for rumour. Where information is scarce, local media and social networks fill the gap, and claims "
          "about secret loan conditions, hidden collateral or imported labour can circulate widely whatever "
          "their accuracy (Omarov, 2021, p. 95). Chinese embassies have responded by sponsoring charity "
          "events, media tours and exhibitions (Wang, 2018, pp. 41–44), although the effect of such measures "
          "is difficult to assess."),
        heading("3. Discussion"),
        p("Taken together, the evidence points to a gap between visibility and attraction. Chinese language "
          "courses and degrees are more accessible than ever, and a growing number of young people in the "
          "region see practical value in them. At the same time, large economic projects generate both "
          "gratitude and suspicion, and the latter tends to dominate public debate (Nye, 2004).", True),
        p("Two qualifications are in order. First, the available surveys are few and their samples uneven, "
          "so apparent trends over time should be read as indicative only. Second, attitudes differ between "
          "countries and between generations: younger and urban respondents tend to be more open to China "
          "than older and rural ones (Tursunbaeva & Hale, 2020)."),
        p("Comparison with other external actors is instructive. Russia benefits from a shared language and "
          "a common media space, while Turkey can draw on cultural and linguistic proximity. China has few "
          "such assets and relies to a greater extent on material incentives, which some authors regard as a "
          "weaker basis for long-term attraction (Kurlantzick, 2007)."),
        heading("4. Conclusion"),
        p("China’s soft power in Central Asia is real but limited. Educational exchange has created a small "
          "con·stit·u·ency of graduates with personal ties to China, while infra·struc·ture finance has made "
          "the country visible in everyday life. Whether these assets mature into lasting attraction is "
          "likely to depend less on cultural promotion than on the trans·par·ency of economic cooperation "
          "and on the attention paid to local concerns.", True),
    ]


EN_FOOTNOTES = {
    1: "We use the term influence in a broad sense that covers changes in attitudes as well as changes in "
       "government policy.",
    2: "By 2020 the region hosted roughly a dozen institutes; the count differs between sources because "
       "some Confucius Classrooms are listed separately.",
}


def en_table() -> Doc:
    blocks = [
        Para("meta", [("meta", "DOI: 10.0000/caa.2024.11.3.2")], align="L", hyphenate=False),
        Para("meta", [("meta", "Received: 3 April 2023 | Accepted: 18 October 2023")], align="L",
             hyphenate=False),
        Space(7),
        Para("title", [("title", "Language, Loans and Legitimacy: China’s Soft Power")], align="C",
             hyphenate=False),
        Para("title", [("title", "in Central Asia after a Decade of the Belt and Road")], align="C",
             hyphenate=False),
        Space(5),
        Para("authors", [("author", "Dana Seitkali and Robert Whitmore")], align="C", hyphenate=False),
        Para("affil", [("affil", "Steppe Humanities University, Almaty, Kazakhstan")], align="C",
             hyphenate=False),
        Para("affil", [("affil", "School of Politics, Northbridge University, Leeds, United "
                                 "Kingdom")], align="C",
             hyphenate=False),
        Space(6),
        Para("abstract", [("small-b", "Abstract"), ("small", " This article examines how China has sought to "
             "turn its economic presence in Central Asia into attraction. It considers two channels that are "
             "often singled out in the literature: language teaching and scholarships organised around "
             "Confucius Institutes, and the financing of transport and energy infrastructure under the Belt "
             "and Road Initiative. Drawing on published surveys, official statistics and secondary sources, "
             "we suggest that both channels have raised China’s visibility in the region while producing "
             "mixed effects on its image.")], inset=8, lang="en", hyphenate=False),
        Para("keywords", [("small-b", "Keywords:"), ("small", " soft power; Confucius Institutes; Belt and "
                                                              "Road "
             "Initiative; Central Asia; public opinion; higher education")], inset=8, space_before=1.5,
             lang="en", hyphenate=False),
        Space(4),
        *en_paragraphs(),
        Para("refs-heading", [("heading", "References")], align="L", space_before=5, space_after=1.5,
             keep_next=True, hyphenate=False),
        *[ref(text, hanging=6) for text in EN_REFERENCES],
    ]
    return Doc(
        name="en_table", lang="en", title="Language, Loans and Legitimacy",
        author="Dana Seitkali, Robert Whitmore",
        first_page=213, styles=serif_styles(10.5, 13.4), blocks=blocks, footnotes=EN_FOOTNOTES,
        margins=(25, 25), body_top=23, body_bottom=270, ligatures=("body",),
        running_head=lambda printed, index: EN_AUTHORS if printed % 2 == 0 else EN_JOURNAL,
        first_head="Central Asian Affairs 11 (2024) 213–215", folio_y=279,
        download_line="Downloaded from https://journals.example.org by guest on 12 May 2023",
        citations=EN_CITATIONS, pages=3,
    )


def long_doc(pages: int = 30) -> Doc:
    """Russian and English bodies, again and again, each round in other sizes: the breaks fall elsewhere."""
    base = serif_styles(10.5, 13.4)
    styles: dict[str, Style] = {}
    blocks: list = []
    footnotes: dict[int, str] = {}
    number = 0
    for round_ in range(24):  # more than 30 pages of it: the layout stops at the 30th
        scale = (1.0, 0.93, 1.07, 0.97, 1.03, 0.9)[round_ % 6]
        for name, st in base.items():
            styles[f"{name}#{round_}"] = replace(st, size=st.size * scale, leading=st.leading * scale)
        russian = round_ % 2 == 0
        source = RU_BODY if russian else [b for b in en_paragraphs() if isinstance(b, Para)]
        notes = RU_FOOTNOTES if russian else EN_FOOTNOTES
        renumber = {}
        for old, text in notes.items():
            number += 1
            renumber[old] = number
            footnotes[number] = text
        blocks.append(Para("heading", [(f"title#{round_}", "Мягкая сила Китая в Центральной Азии" if russian
                                        else "China’s Soft Power in Central Asia")], align="C",
                           space_before=8, space_after=4, keep_next=True, hyphenate=False))
        for block in source:
            runs = [(f"{s}#{round_}", re.sub(r"\{(\d+)\}", lambda m: f"{{{renumber[int(m.group(1))]}}}",
                                            t.replace("¦", ""))) for s, t in block.runs]
            blocks.append(replace(block, runs=runs, first_indent=block.first_indent * scale))
    styles.update({k: v for k, v in base.items() if k in ("head", "folio", "note")})
    return Doc(
        name="long", lang="ru", title="Long test document", author="make_test_pdfs.py", first_page=301,
        styles=styles, blocks=blocks, footnotes=footnotes, margins=(24, 24), body_top=23, body_bottom=273,
        hyphen_lang="ru", running_head=lambda printed, index: RU_HEAD if printed % 2 else EN_JOURNAL,
        max_pages=pages, strict=False,
    )


# --------------------------------------------------------------------------- bad PDFs


def encrypted_pdf() -> bytes:
    """The first page of the English article, encrypted (RC4) with a user password."""
    doc = replace(en_table(), max_pages=1, encrypt=True)
    return typeset(doc, with_truth=False)[0]


def image_only_pdf() -> bytes:
    """Two 'scanned' pages: an image of text-like bars and drawn shapes, no text at all."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    pdf = FPDF(unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(CREATED)
    pdf.set_producer(PRODUCER)
    pdf.set_creator("make_test_pdfs.py")
    for page in range(2):
        pdf.add_page()
        scan = Image.new("L", (420, 594), 246)
        draw = ImageDraw.Draw(scan)
        y = 40
        row = 0
        while y < 560:
            length = 330 - (row * 37 + page * 53) % 90 if row % 9 != 8 else 150
            draw.rectangle((45, y, 45 + length, y + 6), fill=60)
            y += 15 if row % 9 != 8 else 26
            row += 1
        buffer = io.BytesIO()
        scan.save(buffer, format="PNG", optimize=False)
        pdf.image(buffer, x=0, y=0, w=210, h=297)
        pdf.set_draw_color(90)
        pdf.set_line_width(0.6)
        pdf.rect(15, 12, 180, 273)
        pdf.set_fill_color(40)
        pdf.rect(100, 288, 10, 3, style="F")
    return bytes(pdf.output())


def no_unicode_pdf() -> bytes:
    data = typeset(replace(ru_article(), max_pages=1), with_truth=False)[0]
    count = data.count(b"/ToUnicode")
    if not count:
        raise LayoutError("no /ToUnicode entry to spoil")
    return data.replace(b"/ToUnicode", b"/ToUnicodX")


# --------------------------------------------------------------------------- main


def check_tools() -> None:
    try:
        import fpdf  # noqa: F401
    except ImportError:
        print("make_test_pdfs: fpdf2 is not installed: run `pip install -r requirements.txt`")
        sys.exit(1)
    missing = [name for name in FONT_FILES.values() if not (FONT_DIR / name).is_file()]
    if missing:
        print(f"make_test_pdfs: fonts missing in {FONT_DIR} ({', '.join(missing)}): "
              "run `apt-get install fonts-dejavu-core`")
        sys.exit(1)


def write(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}  {len(data) / 1024:.1f} KB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--long", metavar="OUT.pdf", type=Path, help="write a 30-page PDF for the benchmark")
    args = parser.parse_args()
    check_tools()
    try:
        if args.long:
            data = typeset(long_doc(), with_truth=False)[0]
            write(args.long, data)
            return
        OUT_DIR.mkdir(parents=True, exist_ok=True)
        good = {}
        for make in (ru_article, kk_twocol, en_table):
            doc = make()
            data, truth = typeset(doc)
            good[doc.name] = data
            write(OUT_DIR / f"{doc.name}.pdf", data)
            (OUT_DIR / f"{doc.name}.truth.yml").write_text(
                yaml.safe_dump(truth, allow_unicode=True, sort_keys=False, width=10000), encoding="utf-8")
        write(OUT_DIR / "bad_encrypted.pdf", encrypted_pdf())
        write(OUT_DIR / "bad_image_only.pdf", image_only_pdf())
        data = good["ru_article"]
        write(OUT_DIR / "bad_broken.pdf", data[: len(data) * 40 // 100])
        write(OUT_DIR / "bad_no_unicode.pdf", no_unicode_pdf())
    except LayoutError as error:
        print(f"make_test_pdfs: {error}")
        sys.exit(1)


if __name__ == "__main__":
    main()
