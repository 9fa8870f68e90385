"""Page and web furniture: the lines of a seed that belong to the page, not to the text.

PDF extraction leaves page numbers, running heads (the journal's name, the authors' names,
often with the page number), "Downloaded from …" lines and form feeds in the text; a page
copied from a browser brings breadcrumbs, share buttons, tags, comment counters,
advertisements, "read also" lists and copyright lines. These lines are removed and listed
(:class:`Removed`, with the reason) so that nothing is lost silently; footnotes at a page
foot are taken out of the running text (:func:`find_footnotes`).

Pages are told apart by form feeds. Without them only what needs no page is removed: lone
page numbers, "Downloaded from" lines and short lines that repeat three times or more with
only a number changing.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from .drafts import Removed

# "2. Shared archives", "2.1 Method", "IV. Conclusion": the start of a numbered section.
_SECTION_HEADING = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,5}\.)\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]")
PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—]\s*)?(?:(?:page|p\.|стр\.|с\.|бет)\s*)?(\d{1,4})(?:\s*(?:of|из|/)\s*\d{1,4})?(?:\s*[-–—])?\s*$",
    re.IGNORECASE,
)
DOWNLOADED = re.compile(
    r"^\s*(?:downloaded\s+from|downloaded\s+by|загружено\s+(?:с|из)|скачано\s+(?:с|из)|"
    r"this\s+content\s+downloaded|provided\s+by\b.*\blibrary|for\s+personal\s+use\s+only)",
    re.IGNORECASE,
)
# The journal's issue line printed at the head of a page: "Central Asian Affairs 10 (2023)
# 213–217", "Review. 2021. Vol. 7, No. 2. P. 45–52", "Eurasian Policy Notes, 2020, No. 3".
JOURNAL_LINE = re.compile(
    r"^(?=.*\b(?:19|20)\d{2}\b)(?=.*(?:\bvol\.?\s*\d|\bno\.?\s*\d|№\s*\d|\bт\.\s*\d|\bpp?\.\s*\d|\bс\.\s*\d|\d+\s*[–-]\s*\d+\s*$))"
    r"[^.!?]{0,40}[A-Za-zА-Яа-яЁёӘәІіҢңҒғҮүҰұҚқӨөҺһ].{0,100}$",
    re.IGNORECASE,
)
FOOTNOTE_RULE = re.compile(r"^\s*[_\-–—‒]{5,}\s*$")
_DIGITS = re.compile(r"\d+")
_WORDS = re.compile(r"[^\W\d_]{2,}")
EDGE_TOP = 3  # non-blank lines at the top of a page that may be a running head
EDGE_BOTTOM = 3  # … and at its foot (below any footnotes)
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

# Web copy: lines that belong to the page around the article.
WEB_FURNITURE: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE))
    for reason, pattern in (
        ("share buttons", r"^(?:поделиться|share(?:\s+this)?|бөлісу|tweet|твитнуть|facebook|вконтакте|vk|telegram|whatsapp|"
         r"одноклассники|копировать\s+ссылку|copy\s+link|print|печать|email|отправить)(?:\s*[|·•,/]\s*\S+)*\s*:?\s*$"),
        ("tags", r"^(?:теги|тэги|метки|tags|тегтер|тақырыптар)\s*:"),
        ("comments", r"^(?:комментарии|комментариев|comments?|пікірлер|пікір)\s*(?:\(\d+\)|\d+)?\s*:?\s*$"),
        ("advertisement", r"^(?:реклама|advertisement|ad|жарнама|sponsored|партнёрский\s+материал)\s*$"),
        ("read-also heading", r"^(?:читайте\s+также|смотрите\s+также|read\s+(?:also|more)|see\s+also|related(?:\s+articles|\s+news)?|"
         r"похожие\s+(?:новости|материалы)|тағы\s+оқыңыз|ұқсас\s+жаңалықтар|по\s+теме|more\s+on\s+this)\s*:?\s*$"),
        ("copyright", r"^(?:©|\(c\)\s|copyright\b).*|.*(?:все\s+права\s+защищены|all\s+rights\s+reserved|барлық\s+құқықтар\s+қорғалған).*"),
        ("subscription", r"^(?:подпис(?:аться|ывайтесь|ка)|subscribe|sign\s+up|жазылу|жазылыңыз)\b.{0,80}$"),
        ("photo credit", r"^(?:фото|photo|сурет|фотография|иллюстрация|image|источник\s+фото)\s*:.{0,200}$"),
        ("page counter", r"^(?:просмотр(?:ов|ы)|views|қаралды|прочитано)\s*:?\s*\d[\d\s]*$|^\d+\s*(?:просмотр\w*|views)$"),
        ("reading time", r"^\d+\s*(?:мин(?:ут[аы]?)?\.?\s+(?:чтения|на\s+чтение)|min(?:ute)?s?\s+read)\s*$"),
        ("navigation", r"^(?:главная|home|басты\s+бет|назад|back|вернуться|следующая\s+новость|next\s+story|предыдущая\s+новость)\s*$"),
    )
)
_BREADCRUMB_SEPARATORS = re.compile(r"\s(?:/|›|»|>|→|\|)\s")


@dataclass(frozen=True)
class Page:
    """One page of a text extracted from PDF: the 0-based indexes of its lines."""

    number: int  # 1-based position in the file
    lines: tuple[int, ...]


def pages_of(lines: list[str]) -> list[Page]:
    """Split at form feeds (a line that starts with or holds "\\f" starts a new page)."""
    pages: list[list[int]] = [[]]
    for index, line in enumerate(lines):
        if "\f" in line and pages[-1]:
            pages.append([])
        pages[-1].append(index)
    return [Page(number, tuple(indexes)) for number, indexes in enumerate(pages, start=1)]


def _plain(line: str) -> str:
    return line.replace("\f", "").strip()


def _normalised(line: str) -> str:
    return re.sub(r"\s+", " ", _DIGITS.sub("#", _plain(line).lower()))


def _words(line: str) -> frozenset[str]:
    return frozenset(word.lower() for word in _WORDS.findall(line))


def _is_sentence_end(line: str) -> bool:
    return _plain(line).endswith((".", "!", "?", "»", "”", '"'))


def find_page_furniture(lines: list[str]) -> dict[int, str]:
    """The 0-based indexes of the furniture lines of a PDF text, with the reason for each."""
    found: dict[int, str] = {}
    for index, line in enumerate(lines):
        text = _plain(line)
        if not text:
            continue
        if DOWNLOADED.match(text):
            found[index] = "downloaded-from line"
        elif FOOTNOTE_RULE.match(text):
            found[index] = "footnote rule"
    pages = pages_of(lines)
    if len(pages) > 1:
        _page_edges(lines, pages, found)
    else:
        _repeated_lines(lines, found)
        _single_page(lines, found)
    return found


def _single_page(lines: list[str], found: dict[int, str]) -> None:
    """Without form feeds: lone page numbers between blank lines, a journal line on top."""
    filled = [index for index, line in enumerate(lines) if _plain(line)]
    for index in filled:
        text = _plain(lines[index])
        if index not in found and PAGE_NUMBER.match(text) and _isolated(lines, index) and len(text) <= 4:
            found[index] = "page number"
    for index in filled[:2]:
        text = _plain(lines[index])
        if index not in found and is_journal_line(text) and _isolated(lines, index):
            found[index] = "journal line"


def _edges(lines: list[str], page: Page, found: dict[int, str]) -> tuple[list[int], list[int]]:
    filled = [index for index in page.lines if _plain(lines[index]) and index not in found]
    return filled[:EDGE_TOP], filled[-EDGE_BOTTOM:] if len(filled) > EDGE_TOP else []


def _page_edges(lines: list[str], pages: list[Page], found: dict[int, str]) -> None:
    """Running heads and page numbers at the top and foot of pages."""
    edges: list[tuple[int, list[int], list[int]]] = []
    for page in pages:
        top, bottom = _edges(lines, page, found)
        edges.append((page.number, top, bottom))
    # Page numbers: numbers at the start or end of edge lines that grow with the page.
    offsets: Counter[int] = Counter()
    for number, top, bottom in edges:
        for index in top + bottom:
            for value in _edge_numbers(lines[index]):
                offsets[value - number] += 1
    offset = None
    if offsets:
        best, count = offsets.most_common(1)[0]
        if count >= max(2, len(pages) // 2):
            offset = best
    # Lines that repeat at the edges of two or more pages (digits aside), or share most words.
    by_form: defaultdict[str, set[int]] = defaultdict(set)
    for number, top, bottom in edges:
        for index in top + bottom:
            by_form[_normalised(lines[index])].add(number)
    # Only lines that could be running heads are compared: a numbered section heading ("2. Shared
    # archives") at a page's top is the text's, however many words it shares with the title or a
    # running head, and so is a line of prose.
    edge_words = [
        (number, index, _words(lines[index]))
        for number, top, bottom in edges
        for index in top + bottom
        if _could_be_running_head(_plain(lines[index]))
    ]
    for number, top, bottom in edges:
        for position, index in enumerate(top + bottom):
            text = _plain(lines[index])
            at_top = position < len(top)
            if is_journal_line(text) and at_top:
                found[index] = "journal line"
            elif PAGE_NUMBER.match(text) and (offset is None or int(PAGE_NUMBER.match(text).group(1)) - number == offset or len(text) <= 4):
                found[index] = "page number"
            elif offset is not None and number + offset in _edge_numbers(lines[index]) and len(text) <= 160 and not _continues_sentence(lines, index):
                found[index] = "running head"
            elif len(text) <= 160 and len(by_form[_normalised(lines[index])]) >= 2 and not _is_prose(text):
                found[index] = "running head"
            elif _could_be_running_head(text) and _shares_words(number, index, edge_words):
                found[index] = "running head"
    _interrupting_heads(lines, pages, found)


def _interrupting_heads(lines: list[str], pages: list[Page], found: dict[int, str]) -> None:
    """A short line at a page's top that cuts a sentence in two is a running head.

    When the previous page's last line of text ends in mid-sentence and the first line of
    text after the candidates continues it in lower case, the short lines between (the
    authors' names, the journal's title) belong to the page, not to the text.
    """
    for previous, page in zip(pages, pages[1:]):
        before = [index for index in previous.lines if _plain(lines[index]) and index not in found]
        filled = [index for index in page.lines if _plain(lines[index]) and index not in found]
        if not before or len(filled) < 2:
            continue
        last = _plain(lines[before[-1]])
        if last.endswith((".", "!", "?", ":", "»", "”")):
            continue
        candidates = []
        for index in filled[:EDGE_TOP]:
            text = _plain(lines[index])
            if text[:1].islower():
                break
            candidates.append(index)
        after = filled[len(candidates)] if len(candidates) < len(filled) else None
        if not candidates or after is None or not _plain(lines[after])[:1].islower():
            continue
        for index in candidates:
            text = _plain(lines[index])
            if len(text) <= 100 and not text.endswith((".", "!", "?", ",", ";")) or len(text) <= 60:
                found[index] = "running head"


def is_journal_line(text: str) -> bool:
    """The journal, volume, year and pages: few words in lower case, no sentence in it."""
    lower = sum(1 for word in text.split() if word[:1].islower())
    return (
        bool(JOURNAL_LINE.match(text))
        and lower <= 3
        and not re.search(r"[.!?]\s+[A-ZА-ЯЁӘІҢҒҮҰҚӨҺ][a-zа-яё]+\s+[a-zа-яё]", text)
        and not text.startswith("(")
        and not _series(text)
    )


def _series(text: str) -> bool:
    from .zones import is_series

    return is_series(text)


def _edge_numbers(line: str) -> set[int]:
    """Numbers at the very start or end of ``line`` (where a page number is printed)."""
    text = _plain(line)
    values = set()
    for match in (re.match(r"^(\d{1,4})\b(?![.,]\d)", text), re.search(r"(?<![\d/.,(№-])\b(\d{1,4})$", text)):
        if match:
            values.add(int(match.group(1)))
    return values


def _continues_sentence(lines: list[str], index: int) -> bool:
    """A body line that merely happens to begin with the page number ("12 countries…")."""
    text = _plain(lines[index])
    return len(text) > 60 and text[-1:] not in ".!?" and text.split(" ", 1)[-1][:1].islower()


def _is_prose(text: str) -> bool:
    """A line of running text: long, with several lower-case words and a sentence's flow."""
    words = text.split()
    lower = sum(1 for word in words if word[:1].islower())
    return len(text) > 90 and lower >= 0.6 * len(words)


def _is_sentence(text: str) -> bool:
    """A sentence: it ends with a stop and has several words in lower case."""
    lower = sum(1 for word in text.split() if word[:1].islower())
    return text.endswith((".", "!", "?", "»", "”", '"')) and lower >= 4


def _could_be_running_head(text: str) -> bool:
    return len(text) <= 160 and not _is_prose(text) and not _SECTION_HEADING.match(text)


def _shares_words(number: int, index: int, edge_words: list[tuple[int, int, frozenset[str]]]) -> bool:
    """An edge line that shares most of its words with an edge line of another page."""
    mine = next(words for _page, at, words in edge_words if at == index)
    if len(mine) < 2:
        return False
    for page, _at, words in edge_words:
        if page == number or len(words) < 2:
            continue
        shared = mine & words
        if len(shared) >= 2 and len(shared) >= 0.6 * min(len(mine), len(words)):
            return True
    return False


def _repeated_lines(lines: list[str], found: dict[int, str]) -> None:
    """Without pages: lone page numbers, and short lines repeated three times or more."""
    forms: defaultdict[str, list[int]] = defaultdict(list)
    for index, line in enumerate(lines):
        text = _plain(line)
        if not text or index in found:
            continue
        forms[_normalised(line)].append(index)
    for form, indexes in forms.items():
        text = _plain(lines[indexes[0]])
        if len(indexes) >= 3 and len(text) <= 120 and not _is_prose(text) and not _is_sentence(text) and not text.startswith(("-", "•", "*")):
            varying = "#" in form
            isolated = all(_isolated(lines, index) for index in indexes)
            if varying or isolated:
                for index in indexes:
                    found[index] = "page number" if PAGE_NUMBER.match(_plain(lines[index])) else "running head"


def _isolated(lines: list[str], index: int) -> bool:
    before = _plain(lines[index - 1]) if index > 0 else ""
    after = _plain(lines[index + 1]) if index + 1 < len(lines) else ""
    return not before or not after


def find_web_furniture(lines: list[str]) -> dict[int, str]:
    """The furniture lines of a page copied from a browser, with the reason for each.

    After a "read also" heading, the short lines that follow (up to the next line of running
    text) are the headlines it lists."""
    found: dict[int, str] = {}
    in_related = False
    for index, line in enumerate(lines):
        text = _plain(line)
        if not text:
            continue
        reason = next((name for name, pattern in WEB_FURNITURE if pattern.match(text)), None)
        if reason is None and _is_breadcrumb(text):
            reason = "breadcrumb"
        if reason == "read-also heading":
            in_related = True
        elif reason is None and in_related and len(text) <= 160 and (not text.endswith((".", "!", "?")) or _is_headline_link(text)):
            reason = "related headline"
        elif reason is None:
            in_related = False
        if reason:
            found[index] = reason
    return found


def _is_headline_link(text: str) -> bool:
    return len(text.split()) <= 20


def _is_breadcrumb(text: str) -> bool:
    """"Главная / Новости / Общество": short segments between separators."""
    parts = _BREADCRUMB_SEPARATORS.split(text)
    return len(parts) >= 3 and len(text) <= 120 and all(0 < len(part) <= 40 for part in parts) and not text.endswith(".")


@dataclass(frozen=True)
class Footnote:
    """A footnote found at a page foot: its number, lines (0-based indexes) and text lines."""

    number: int
    indexes: tuple[int, ...]


_NOTE_START = re.compile(r"^\s*(?:(\d{1,2})|([¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2}))\s*[.)]?\s+(\S.*)$")
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def find_footnotes(lines: list[str], furniture: dict[int, str]) -> list[Footnote]:
    """Footnotes at the foot of each page, each with a call ("word3", "word.3") above it.

    The notes of a page are its last lines (furniture aside, at most :data:`NOTE_LINES`):
    the highest line there that starts a note — its number, then a capital letter or a
    quotation mark — begins them, the numbers of the notes below it follow one another,
    and each is called in the page's text above. Lines between two note starts continue
    the first. Only pages are searched: without form feeds there is no page foot to tell a
    note from a numbered paragraph.
    """
    pages = pages_of(lines)
    if len(pages) < 2:
        return []
    notes: list[Footnote] = []
    for page in pages:
        filled = [index for index in page.lines if _plain(lines[index]) and index not in furniture]
        for first in range(max(1, len(filled) - NOTE_LINES), len(filled)):
            starts = [(position, number) for position in range(first, len(filled)) if (number := _note_number(lines[filled[position]])) is not None]
            if not starts or starts[0][0] != first:
                continue
            numbers = [number for _, number in starts]
            if numbers != list(range(numbers[0], numbers[0] + len(numbers))):
                continue
            above = [_plain(lines[index]) for index in filled[:first]]
            if not all(_is_called(number, above) for number in numbers):
                continue
            for order, (start, number) in enumerate(starts):
                end = starts[order + 1][0] if order + 1 < len(starts) else len(filled)
                notes.append(Footnote(number, tuple(filled[start:end])))
            break
    return notes


NOTE_LINES = 12


def _note_number(line: str) -> int | None:
    match = _NOTE_START.match(_plain(line))
    if not match or not _note_text_starts(match.group(3)):
        return None
    return int((match.group(1) or match.group(2)).translate(_SUPERSCRIPT_DIGITS))


def _note_text_starts(text: str) -> bool:
    return text[:1].isupper() or text[:1] in "«\"“'(" or text.lower().startswith(("see ", "cf.", "ibid", "см.", "там же", "қараңыз"))


def _is_called(number: int, above: list[str]) -> bool:
    """Whether ``number`` is called in the text above: glued to a word or after its stop."""
    pattern = _call_pattern(number)
    return any(pattern.search(line) for line in above)


@functools.lru_cache(maxsize=128)
def _call_pattern(number: int) -> re.Pattern[str]:
    return re.compile(rf"(?:[a-zа-яёәіңғүұқөһ]{{2}}[.,;:»”)\"]?|[»”)])(?:{number}|{str(number).translate(SUPERSCRIPT)})(?=[\s.,;:)»]|$)")


def mark_calls(line: str, numbers: set[int]) -> str:
    """Write the footnote calls of ``numbers`` in ``line`` as superscript digits ("word³")."""

    def superscript(match: re.Match[str]) -> str:
        return match.group(1) + match.group(2).translate(SUPERSCRIPT)

    if not numbers:
        return line
    alternatives = "|".join(str(number) for number in sorted(numbers, reverse=True))
    return re.sub(rf"((?:[a-zа-яёәіңғүұқөһ]{{2}}|[a-zа-яёәіңғүұқөһ][.,;:»”)\"]|[»”)]))({alternatives})(?=[\s.,;:)»]|$)", superscript, line)


def page_offset(numbers: list[tuple[int, int]], page_count: int, *, minimum: int = 1) -> int | None:
    """What to add to a page's place in the file to get its printed number: the difference
    most (page, number found at its edge) pairs agree on, if at least half the pages (and
    ``minimum``) agree; else None."""
    offsets = Counter(value - page for page, value in numbers)
    if not offsets:
        return None
    offset, count = offsets.most_common(1)[0]
    return offset if count >= max(minimum, page_count // 2) else None


def printed_pages(lines: list[str], found: dict[int, str]) -> list[str | None]:
    """The printed page number of each line, where the text shows it: pages told apart by
    form feeds, numbered by the page numbers (alone or in running heads) in the furniture,
    which must grow with the pages. Without both, no line has a page."""
    pages = pages_of(lines)
    labels: list[str | None] = [None] * len(lines)
    if len(pages) < 2:
        return labels
    numbers = [
        (page.number, value)
        for page in pages
        for index in page.lines
        if found.get(index) in ("page number", "running head", "journal line")
        for value in _edge_numbers(lines[index])
    ]
    offset = page_offset(numbers, len(pages), minimum=2)
    if offset is None:
        return labels
    for page in pages:
        for index in page.lines:
            labels[index] = str(page.number + offset)
    return labels


def removed_lines(lines: list[str], found: dict[int, str]) -> tuple[Removed, ...]:
    """The furniture as :class:`Removed` lines (1-based), in order."""
    return tuple(Removed(index + 1, _plain(lines[index]), reason) for index, reason in sorted(found.items()))
