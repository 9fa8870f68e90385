"""Reference lists and the citation markers that point into them.

Two jobs that belong together because each needs the other's output: a marker can only be
told from an ordinary bracket or parenthesis by checking it against the entries, and an
entry is worth reading closely (authors, year) only so that author–year markers can find it.

* :func:`split_entries` reads a reference list as the PDF extraction leaves it (wrapped
  lines, trailing spaces, blank lines at page breaks, web addresses broken over two lines)
  into :class:`Entry` objects. Numbered lists start an entry at each number in sequence;
  unnumbered lists (APA, GOST, Kazakh names) at a line that looks like the head of an entry
  after a line that looks like the end of one. No non-blank line is ever lost: each falls
  in exactly one entry's ``[start, end]``.
* :func:`find_citations` finds the markers of running text (numeric ``[3, с. 45]``,
  ``[4–6; 9]``; author–year ``(Nye, 2004, p. 5)``, ``Shambaugh (2013)``) and links each to
  the entries it names. It is generous about the forms it reads and strict about what it
  reports as a citation that points nowhere: only a marker whose shape leaves no doubt.

Everything here is pure and linear in its input: the patterns have bounded repetitions, and
web addresses, e-mail addresses, Markdown links and code are blanked out before markers are
looked for, so a marker is never found inside them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import takewhile


def _letters(*, upper: bool) -> str:
    """The letters of one case, as the inside of a character class: Latin with accents,
    Cyrillic with Kazakh.

    Where a block alternates capital and small letters (Latin Extended, Kazakh's Ә Ғ Қ Ң Ө
    Ұ Ү Һ) the whole block is in both classes: one range instead of hundreds of single
    letters makes the patterns several times faster to compile, and the few places where
    case decides (a line starting in lower case) ask Python, not the pattern.
    """
    shared = "\u0100-\u024f\u0460-\u052f"
    if upper:
        return "A-Z\u00c0-\u00d6\u00d8-\u00de\u0400-\u042f" + shared
    return "a-z\u00df-\u00f6\u00f8-\u00ff\u0430-\u045f" + shared


_U = _letters(upper=True)
_L = _letters(upper=False)
_A = _U + _L

# ----------------------------------------------------------------------------------------
# Entries
# ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One item of a reference list.

    ``number`` is the printed number, or the 1-based position in an unnumbered list.
    ``start`` and ``end`` are the first and last line as numbered in the input.
    ``authors`` are the surnames found at the head of the entry, lower-cased, and ``year``
    the first year printed (with its letter, as in ``2013a``): both serve only to link
    author–year markers, so a guess that is sometimes wrong costs a missed link, no more.
    """

    number: int
    text: str
    start: int
    end: int
    authors: tuple[str, ...]
    year: str | None


# "1. ", "1) ", "[1] ", "1\. " (escaped Markdown), optionally after a bullet ("- 1. ").
# Without a space the number must touch a capital or a quotation mark ("1.Кошкар-оол"), so
# that "1.5 million" or "2.3." never starts an entry.
_NUMBERED = re.compile(
    rf"""^\s*(?:[-*•▪]\s*)?
    (?:\[(\d{{1,3}})\]\s*|(\d{{1,3}})\\?[.)](?:\s+|$|(?=[{_U}«"“„'])))""",
    re.VERBOSE,
)
_BULLET = re.compile(rf"^\s*(?:[-*]\s+|[•▪·]\s*)(?=[{_A}«\"“„'\[(])")
# "1 Nye, J. S. …": a bare number is taken only in sequence and before an author (split_entries).
_BARE_NUMBER = re.compile(r"^\s*(\d{1,3})\s+(?=\S)")


def entry_start(line: str) -> tuple[int | None, str] | None:
    """If ``line`` begins a list item, ``(number, rest)``; ``(None, rest)`` for a bullet alone.

    Numbered forms: ``1. ``, ``1) ``, ``[1] ``, ``- 1. ``, ``* 1. ``, ``• 1. ``, and ``1.``
    or ``[1]`` alone on a line (the text follows on the next one). A bare ``1 `` before a
    capitalised word is not enough here: too many wrapped lines begin with a number (a
    volume, a page count, a year); :func:`split_entries` accepts it only in sequence.
    A bullet (``- ``, ``* ``, ``•``) before a letter or a quotation mark gives ``(None, rest)``;
    whether it really starts an entry (and is not a dash before "С. 45") is for the caller.
    """
    numbered = _NUMBERED.match(line)
    if numbered:
        number = numbered.group(1) or numbered.group(2)
        return int(number), line[numbered.end() :].strip()
    bullet = _BULLET.match(line)
    if bullet:
        return None, line[bullet.end() :].strip()
    return None


# --- what the head of an entry looks like ------------------------------------------------

_PARTICLE = r"(?:van|von|de|der|den|del|della|di|da|du|dos|das|la|le|al|el|bin|ibn|ten|ter|zu)"
# A surname: Nye, O'Neill, McCarthy, Кошкар-оол, Smith-Jones (two letters at least).
_SURNAME = rf"(?:[{_U}]['’])?[{_U}][{_A}'’]*[{_A}](?:[-‐][{_A}][{_A}'’]*)*"
_SURNAME_P = rf"(?:{_PARTICLE}\s+){{0,2}}{_SURNAME}"
# An initial: J.  Дж.  Ю.  (one capital, at most one small letter, a full stop).
_INITIAL = rf"[{_U}][{_L}]?\."
_INITIALS = rf"{_INITIAL}(?:\s?-?{_INITIAL}){{0,2}}"
# Words that look like a surname before an initial but open a continuation line.
_NOT_SURNAME = rf"(?:In|Ed|Eds|Vol|No|Nr|Pp|Bd|Hrsg|Под|Ред|Пер|Сост|Вып|Изд|Тр|Отв)(?![{_A}])"
_AND = r"(?:&|and|и|және|мен)"
_AUTHOR_SEPARATOR = rf"(?:\s*[,;]\s*(?:{_AND}\s+)?|\s+{_AND}\s+)"

# A space or a comma between surname and initials: "ЮНЕСКО." is no "ЮНЕСК О.".
_GOST_AUTHOR = rf"(?!{_NOT_SURNAME}){_SURNAME_P}(?:\s*,\s*|\s+){_INITIALS}(?!\s*\d)"
_GOST_AUTHORS = re.compile(rf"^{_GOST_AUTHOR}(?:{_AUTHOR_SEPARATOR}{_GOST_AUTHOR}){{0,9}}")
_GOST_SURNAME = re.compile(rf"({_SURNAME_P})(?:\s*,\s*|\s+){_INITIALS}")
_INITIALS_FIRST_AUTHOR = rf"{_INITIALS}\s*{_SURNAME_P}"
_INITIALS_FIRST = re.compile(rf"^{_INITIALS_FIRST_AUTHOR}(?:{_AUTHOR_SEPARATOR}{_INITIALS_FIRST_AUTHOR}){{0,9}}")
_INITIALS_FIRST_SURNAME = re.compile(rf"{_INITIALS}\s*({_SURNAME_P})")
# "Nye, J. S., & Keohane, R. O. (2001)." and "World Bank. (2020).": the names before "(year".
_APA_AUTHORS = re.compile(r"^(?P<names>[^()\d]{2,250}?)\s*\(\s*(?:1[89]\d\d|20\d\d|n\.\s?d\.|б\.\s?г\.)")
_APA_NAME = re.compile(rf"(?:{_PARTICLE}\s+)*{_SURNAME}(?:\s+{_SURNAME}){{0,3}}")
_STRAY_INITIAL = re.compile(rf"(?<![{_A}]){_INITIAL}")
_APA_FILLER = re.compile(r"\bet\s+al\.?|\bи\s+др\.?|\((?:eds?|ред|сост)\.?\)", re.IGNORECASE)
_APA_SPLIT = re.compile(r"\s*(?:[,;&]|\b(?:and|with|и|және|мен)\b)\s*")
# "Най, Джозеф. Мягкая сила…": a surname, a comma and a given name written out.
_SURNAME_GIVEN = re.compile(
    rf"^(?!{_NOT_SURNAME})({_SURNAME_P}),\s+([{_U}][{_L}]+)(?:\s+[{_U}][{_L}]+)?(?=\s*[.,;(])"
)
# Place names that follow a publisher's name exactly as a given name follows a surname.
_PLACES = frozenset(
    "london new york oxford cambridge washington moscow boston berlin paris beijing shanghai "
    "singapore tokyo almaty astana bishkek tashkent dushanbe ashgabat abingdon princeton "
    "москва алматы астана бишкек ташкент душанбе ашхабад пекин шанхай минск киев "
    "санкт-петербург новосибирск".split()
)
# Kazakh names with a patronymic surname: "Нұртай Лаханұлы", "Лаханұлы Нұртай".
_PATRONYMIC = rf"[{_U}][{_L}]*(?:ұлы|улы|қызы|кызы)"
_KAZAKH_NAME = re.compile(
    rf"^(?:([{_U}][{_L}]+)\s+({_PATRONYMIC})|({_PATRONYMIC})\s+([{_U}][{_L}]+))(?![{_A}])"
)
# An organisation in capitals: "UNESCO.", "ООН", "WORLD BANK" (not "URL:", "ISBN", "NY:").
_ORGANISATION = re.compile(
    rf"^(?!(?:URL|DOI|ISBN|ISSN|EDN|URN|PMID|HTTPS?|WWW)(?![{_A}]))"
    rf"([{_U}]{{2,}}(?:[\s-]+[{_U}]{{2,}}){{0,5}})(?![{_A}.]*\s*:)(?![{_A}])"
)
# "Pier Paolo Raimondi. Title…": given names first, then the surname, then a full stop.
_GIVEN_FIRST = re.compile(rf"^((?:[{_U}][{_L}]+\s+){{1,2}})([{_U}][{_L}]+(?:-[{_A}]+)?)\.(?=\s|$)")
# GOST's statement of responsibility after a title: "… / А. Б. Иванов, В. Г. Петров".
_RESPONSIBILITY = re.compile(rf"/\s*({_INITIALS_FIRST_AUTHOR}(?:\s*,\s*{_INITIALS_FIRST_AUTHOR}){{0,5}})")

# A line that begins with an abbreviation and a number, an address or a dash continues an
# entry ("С. 45–67.", "P. 12", "URL: …", "– 245 с."), even after a full stop.
_CONTINUATION_START = re.compile(
    rf"^(?:[{_A}]{{1,4}}\.\s*\d"
    rf"|(?:URL|DOI|ISBN|ISSN|EDN|Режим|Available|Retrieved|Accessed|Дата|Cited|Цит)(?![{_A}])"
    rf"|https?://|www\.|//|[–—-])",
    re.IGNORECASE,
)
_WEB_TOKEN = re.compile(r"(?:https?://|www\.|doi:|\b10\.\d{4,9}/)", re.IGNORECASE)
_ACCESS_NOTE = re.compile(
    r"\([^()]{0,80}(?:обращения|accessed|retrieved|date of|viewed|қаралған|қаралды|кірген)[^()]{0,80}\)\.?$",
    re.IGNORECASE,
)
_PAGE_COUNT = re.compile(r"(?<![\w.])\d+\s*(?:с|c|p|pp|б|бет|стр|s|S|P|С|Б)\.?$")
_PAGE_RANGE = re.compile(r"\d+\s*[–—‐-]\s*\d+\.?$")


# Decisions about a line end look only at its last characters, so that a very long line
# (or a long entry) costs no more to test than a short one.
_TAIL = 300


def _last_token(text: str) -> str:
    words = text[-_TAIL:].rsplit(None, 1)
    return words[-1] if words else ""


def _is_web(token: str) -> bool:
    return bool(_WEB_TOKEN.search(token))


def _ends_entry(previous: str) -> bool:
    """The line could end an entry: a full stop, a closing bracket, a year, a page, an address."""
    last = previous[-1:]
    if last in ".!?)]" or last.isdigit() or (last.isalpha() and previous[-2:-1].isdigit()):
        return True
    return _is_web(_last_token(previous))


def _ends_firmly(previous: str) -> bool:
    """The line almost certainly ends an entry: an address, an access date, pages.

    After such a line even a title-first entry ("Китай в Центральной Азии / …") starts a
    new entry; after a mere full stop it does not, because titles wrap after full stops.
    """
    token = _last_token(previous)
    tail = previous[-_TAIL:]
    return (
        (_is_web(token) and not token.endswith(("-", "/", "_", "=", "&", "?")))
        or bool(_ACCESS_NOTE.search(tail))
        or bool(_PAGE_COUNT.search(tail))
        or bool(_PAGE_RANGE.search(tail))
    )


_OPEN_ENDINGS = frozenset("-‐,/&:–—(;")
_AND_WORDS = frozenset(("&", "and", "и", "және", "мен"))


def _continues(previous: str, body: str) -> bool:
    """The line surely continues the previous one, whatever it looks like."""
    token = _last_token(previous)
    if previous[-1:] in _OPEN_ENDINGS or token in _AND_WORDS:
        return True
    if _is_web(token) and token.endswith(("/", "_", "=", "&", "?", "#", "%", "~")):
        return True
    first = body[:1]
    if first.isalpha() and first.islower() and not _looks_like_head(body):
        return True
    return bool(_CONTINUATION_START.match(body))


def _looks_like_head(body: str) -> bool:
    """The text could begin an entry: authors in one of the usual forms, or an organisation."""
    if _GOST_AUTHORS.match(body) or _INITIALS_FIRST.match(body) or _KAZAKH_NAME.match(body):
        return True
    apa = _APA_AUTHORS.match(body)
    if apa and _apa_names(apa.group("names")):
        return True
    given = _SURNAME_GIVEN.match(body)
    if given and given.group(2).lower() not in _PLACES:
        return True
    return bool(_ORGANISATION.match(body))


def _starts_capital(body: str) -> bool:
    """The text begins like a title or a name, not like the inside of an entry."""
    first = body[:1]
    opens = first in "«\"“„'" or (first.isalpha() and first.isupper())
    return opens and not _CONTINUATION_START.match(body)


# --- joining wrapped lines ------------------------------------------------------------------

Rejoin = Callable[[str, str], str]
_URL_CHARS = re.compile(r"[\w/%~.#?=&-]")


@dataclass
class _Draft:
    """An entry being read: its text is ``"".join(pieces)`` (lines and the joins between)."""

    number: int | None
    start: int
    end: int
    pieces: list[str]

    @property
    def tail(self) -> str:
        """The end of the text so far: enough to decide how the next line joins it."""
        return "".join(self.pieces[-8:])[-_TAIL:]

    def append(self, line: str, rejoin_hyphenated: Rejoin | None) -> None:
        """Join a wrapped line to the entry.

        A space between lines, except inside a web address broken over two lines (at a
        hyphen, which is kept, or after ``/``, ``_``, ``=``…), and except after a word broken
        at a hyphen: whether "compara-" + "tive" or "Кошкар-" + "оол" keeps its hyphen needs
        the vocabulary of the whole document, which ``clean.join_hyphenated`` has, and the
        caller may pass as ``rejoin_hyphenated`` (called with the broken word, hyphen
        included, and the next line). Without it the hyphen is kept, with no space, so that
        no compound name is ever cut in two.
        """
        tail = self.tail
        if not tail:
            self.pieces.append(line)
            return
        token = _last_token(tail)
        if _is_web(token) and _URL_CHARS.match(line):
            first_word = line.split(None, 1)[0]
            if token.endswith(("-", "/", "_", "=", "&", "?", "#", "%", "~")) or (
                "/" in first_word and not token.endswith((",", ";", ")"))
            ):
                self.pieces.append(line)
                return
        if tail.endswith("-") and tail[-2:-1].isalpha() and line[:1].isalpha():
            if rejoin_hyphenated is None:
                self.pieces.append(line)
                return
            text_tail = "".join(self.pieces[-8:])
            del self.pieces[-8:]
            self.pieces.append(text_tail[: len(text_tail) - len(token)] + rejoin_hyphenated(token, line))
            return
        self.pieces.extend((" ", line))


# --- splitting ----------------------------------------------------------------------------


def split_entries(lines: Iterable[tuple[int, str]], *, rejoin_hyphenated: Rejoin | None = None) -> list[Entry]:
    """The entries of a reference list given as ``(line number, raw line)`` pairs.

    The list is numbered when its first non-blank line is (``1.``, ``1)``, ``[1]``, ``- 1.``,
    or a bare ``1`` before an author); a new entry then starts at each numbered line whose
    number follows the last one, or skips at most two after a line that ends an entry.
    Otherwise entries are unnumbered (and numbered by position): one starts at a line that
    looks like the head of an entry (``Nye, J. S. (2004)``, ``Най Дж.``, ``J. S. Nye``,
    ``Нұртай Лаханұлы``, ``UNESCO``…) after a line that could end one or a blank line, and at
    any capitalised line after a line that surely ends one (an address, an access date,
    pages). A line continues the entry when it starts in lower case, with an address or an
    abbreviation and a number, or after a hyphen, comma, colon or dash. Every non-blank line
    falls in exactly one entry's ``[start, end]``.
    """
    rows = [(number, raw.strip()) for number, raw in lines]
    first = next((text for _, text in rows if text), None)
    if first is None:
        return []
    opening = entry_start(first)
    numbered = opening is not None and opening[0] is not None
    numbered = numbered or _bare_opening(first, last_number=0) is not None
    bulleted = not numbered and opening is not None

    drafts: list[_Draft] = []
    previous = ""
    blank_before = False
    for line_number, text in rows:
        if not text:
            blank_before = bool(drafts)
            continue
        current = drafts[-1] if drafts else None
        if numbered:
            last_number = (current.number or 0) if current else 0
            found = _numbered_opening(text, previous=previous, blank_before=blank_before, last_number=last_number)
            opened: tuple[int | None, str] | None = found
        else:
            body = _unnumbered_opening(text, previous=previous, blank_before=blank_before, bulleted=bulleted)
            opened = (None, body) if body is not None else None
        if current is None or opened is not None:
            number, body_text = opened if opened is not None else (None, text)
            drafts.append(_Draft(number, line_number, line_number, [body_text]))
        else:
            current.append(text, rejoin_hyphenated)
            current.end = line_number
        previous, blank_before = text, False
    entries: list[Entry] = []
    for position, draft in enumerate(drafts, start=1):
        text = "".join(draft.pieces)
        number = draft.number if numbered and draft.number is not None else position
        entries.append(Entry(number, text, draft.start, draft.end, entry_authors(text), entry_year(text)))
    return entries


def _bare_opening(text: str, *, last_number: int) -> tuple[int, str] | None:
    """``1 Nye, J. S. …``: a bare number in sequence, before what looks like an author."""
    bare = _BARE_NUMBER.match(text)
    if not bare or int(bare.group(1)) != last_number + 1:
        return None
    rest = text[bare.end() :]
    return (int(bare.group(1)), rest) if _looks_like_head(rest) else None


def _numbered_opening(text: str, *, previous: str, blank_before: bool, last_number: int) -> tuple[int, str] | None:
    opening = entry_start(text)
    ended = not previous or blank_before or _ends_entry(previous)
    if opening is None or opening[0] is None:
        bare = _bare_opening(text, last_number=last_number)
        return bare if bare and ended else None
    number, rest = opening
    if not previous:
        return number, rest
    if number == last_number + 1 and (ended or not _continues(previous, rest)):
        return number, rest
    # A skipped number (a misprint, a lost line) or a second list starting again at 1.
    skipped = last_number < number <= last_number + 3 or number == 1
    if ended and skipped and (_looks_like_head(rest) or _starts_capital(rest)):
        return number, rest
    return None


def _unnumbered_opening(text: str, *, previous: str, blank_before: bool, bulleted: bool) -> str | None:
    opening = entry_start(text)
    bullet = opening is not None and opening[0] is None
    body = opening[1] if opening is not None and bullet else text
    if not previous:
        return body
    if _continues(previous, body):
        return None
    ended = _ends_entry(previous)
    if _looks_like_head(body) and (ended or blank_before or bullet):
        return body
    if _starts_capital(body) and (_ends_firmly(previous) or (bullet and bulleted) or (blank_before and ended)):
        return body
    return None


# --- authors and year of an entry ------------------------------------------------------------


def _apa_names(names: str) -> tuple[str, ...]:
    """The names of an APA author part ("Nye, J. S., & Keohane, R. O."), or () if it is not one."""
    names = _APA_FILLER.sub(" ", _STRAY_INITIAL.sub(" ", names))
    found: list[str] = []
    for chunk in _APA_SPLIT.split(names):
        chunk = chunk.strip(" .")
        if not chunk:
            continue
        if not _APA_NAME.fullmatch(chunk):
            return ()
        found.append(chunk)
    return tuple(found)


def entry_authors(text: str) -> tuple[str, ...]:
    """The surnames at the head of an entry, lower-cased, in order (see :class:`Entry`)."""
    names: Iterable[str] = ()
    if apa := _APA_AUTHORS.match(text):
        names = _apa_names(apa.group("names"))
    if not names and (gost := _GOST_AUTHORS.match(text)):
        names = [match.group(1) for match in _GOST_SURNAME.finditer(gost.group(0))]
    if not names and (initials := _INITIALS_FIRST.match(text)):
        names = [match.group(1) for match in _INITIALS_FIRST_SURNAME.finditer(initials.group(0))]
    if not names and (given := _SURNAME_GIVEN.match(text)) and given.group(2).lower() not in _PLACES:
        names = [given.group(1)]
    if not names and (kazakh := _KAZAKH_NAME.match(text)):
        names = [name for name in kazakh.groups() if name]
    if not names and (organisation := _ORGANISATION.match(text)):
        names = [organisation.group(1)]
    if not names and (given_first := _GIVEN_FIRST.match(text)):
        words = given_first.group(1).split()
        names = [given_first.group(2), *words] if len(words) == 1 else [given_first.group(2)]
    if not names and (responsibility := _RESPONSIBILITY.search(text[:400])):
        names = [match.group(1) for match in _INITIALS_FIRST_SURNAME.finditer(responsibility.group(1))]
    unique: dict[str, None] = {}
    for name in names:
        unique[" ".join(name.split()).lower()] = None
    return tuple(unique)


_YEAR = re.compile(rf"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)([a-rt-z](?![{_A}]))?")
_WEB_ADDRESS = re.compile(r"(?:https?://|www\.|doi:\s?|\b10\.\d{4,9}/)\S*", re.IGNORECASE)


def entry_year(text: str) -> str | None:
    """The first year (1800–2099) printed outside web addresses, with its letter ("2013a").

    Addresses are skipped because their digits are paths, not dates; an entry whose only
    year is in its address gets that one.
    """
    found = _YEAR.search(_WEB_ADDRESS.sub(" ", text)) or _YEAR.search(text)
    return found.group(1) + (found.group(2) or "") if found else None


# ----------------------------------------------------------------------------------------
# Citations
# ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Citation:
    """A marker in running text: its span, its text, and the numbers of the entries it names.

    ``targets`` is ``()`` for a marker that clearly is one but names no entry (a numeric
    marker whose numbers are not in the list, ``(Nye, 2004)`` with no such entry).
    """

    start: int
    end: int
    marker: str
    targets: tuple[int, ...]


# What is blanked out before markers are looked for: addresses, e-mail, Markdown links, code.
# The e-mail pattern starts only where a run of address characters starts: without that
# anchor a long run with no "@" is rescanned from each of its characters (quadratic).
_PROTECTED = re.compile(
    r"""(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>"«»\[\]]+
    |\b(?:doi:\s?)?10\.\d{4,9}/[^\s<>"«»\[\]]+
    |(?<![\w.+-])[\w.+-]{1,64}@[\w-]+(?:\.[\w-]+)+
    |!?\[[^\[\]\n]{0,300}\]\([^()\s]{1,2000}\)
    |`[^`\n]{1,500}`""",
    re.VERBOSE | re.IGNORECASE,
)
_MASK = "\x00"
_BRACKET = re.compile(r"\[([^\[\]\x00]{1,300})\]")
_PAREN = re.compile(r"\(([^()\x00]{1,300})\)")

_DASH = r"[–—‐-]"
_REF = rf"(\d{{1,4}})(?:\s*{_DASH}\s*(\d{{1,4}}))?"
_REF_ALONE = re.compile(rf"\s*{_REF}\s*")
# A page, volume or other locator: "с. 45", "p. 45", "pp. 4–5", "45 б.", "45-бет", "т. 2",
# "Vol. II", "л. 12 об.", "45ff." — a short abbreviation before or after a number.
_LOCATOR_ITEM = (
    rf"(?:(?:[{_A}]{{1,6}}\.?\s*){{0,2}}(?:\d{{1,5}}|[IVXLCDM]{{1,6}})[a-z]?(?:\s*{_DASH}\s*\d{{1,5}})?"
    rf"(?:\s*-?\s*[{_A}]{{1,5}}\.?){{0,2}}|passim)"
)
_LOCATOR = re.compile(rf"\s*{_LOCATOR_ITEM}\s*\.?\s*")
_REF_WITH_LOCATOR = re.compile(rf"\s*{_REF}(?:\s*[.:]\s*|\s+){_LOCATOR_ITEM}\s*\.?\s*")

_YEAR_MARK = rf"(?:1[89]\d\d|20\d\d)(?:[a-z](?![{_A}\d]))?|n\.\s?d\.|б\.\s?г\."
_YEARS = rf"(?:{_YEAR_MARK})(?:\s*,\s*(?:{_YEAR_MARK}|[a-z](?![{_A}\d]))){{0,9}}"
_YEAR_TOKEN = re.compile(
    rf"(1[89]\d\d|20\d\d)([a-z])?(?![{_A}\d])|n\.\s?d\.|б\.\s?г\.|(?<![{_A}])([a-z])(?![{_A}\d])"
)
_LOCATORS = rf"{_LOCATOR_ITEM}(?:\s*,\s*{_LOCATOR_ITEM}){{0,5}}"
_NAME_WORD = rf"(?:[{_U}]['’])?[{_U}][{_A}'’]*[{_A}](?:[-‐][{_A}][{_A}'’]*)*"
_NAME = rf"(?:{_PARTICLE}\s+){{0,2}}{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}"
_ET_AL = r"(?:et\s+al\.?|и\s+др\.?|және\s+т\.\s?б\.?|т\.\s?б\.?|және\s+басқ\.?|және\s+басқалар)"
_NAMES = rf"{_NAME}(?:\s*,\s*{_NAME}){{0,5}}(?:\s*,?\s*{_AND}\s+{_NAME})?(?:\s+{_ET_AL})?"
# Words before the names: "(see Nye 2004)", "(see, e.g., Nye 2004)", "(см.: Шамбо, 2015)".
_PREFIX_WORD = (
    r"(?:see(?:\s+also)?|cf\.|e\.\s?g\.|i\.\s?e\.|for\s+(?:example|instance)|quoted\s+in|cited\s+in|also"
    r"|according\s+to|см\.(?:\s+также)?|напр\.|например|цит\.\s+по|подробнее\s+см\.|согласно|по\s+данным"
    r"|қараңыз|мысалы|қар\.)"
)
_PREFIX = rf"(?i:(?:{_PREFIX_WORD}[,:]?\s+){{1,2}})"
_AUTHOR_YEAR = re.compile(
    rf"\s*{_PREFIX}?(?P<names>{_NAMES})\s*,?\s*(?P<years>{_YEARS})(?:(?:\s*[,:]\s*|\s+){_LOCATORS})?\s*\.?\s*"
)
_LEADING_PREFIX = re.compile(rf"^\s*{_PREFIX}")
_NAME_IN_MARKER = re.compile(rf"{_NAME}")
_YEARS_ONLY = re.compile(rf"\s*(?P<years>{_YEARS})(?:(?:\s*[,:]\s*|\s+){_LOCATORS})?\s*")
# Narrative markers: the names right before "(2004)". A name here is one word (with its
# particles); a two- or three-word organisation is tried by extending it to the left.
_NARRATIVE_WORD = rf"(?:{_PARTICLE}\s+){{0,2}}{_NAME_WORD}"
_NARRATIVE_ET_AL = re.compile(rf"({_NARRATIVE_WORD})\s+{_ET_AL}\s*$")
_NARRATIVE_AND = re.compile(
    rf"({_NARRATIVE_WORD})(?:\s*,\s*{_NARRATIVE_WORD}){{0,4}}\s*,?\s*{_AND}\s+({_NARRATIVE_WORD})(?:['’]s?)?\s*$"
)
_NARRATIVE_ONE = re.compile(rf"((?:{_NAME_WORD}\s+){{0,2}}{_NARRATIVE_WORD})(?:['’]s?)?\s*$")
_LOOKBACK = 160
_NARRATIVE_WORDS = 8
_WORD = re.compile(r"\S+")
_NOT_IN_NAMES = re.compile(r"[()\[\]{};:!?\"«»“”\d\x00]")

# Words that can stand before a year in parentheses without being an author: "(January
# 2004)", "(in 2004)", "(Vision 2030)". Only used to decide whether an unlinked marker is
# reported; a marker that matches an entry is linked whatever its first word.
_NOT_AUTHORS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec spring summer autumn fall winter
    январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь
    января февраля марта апреля мая июня июля августа сентября октября ноября декабря
    весна лето осень зима весной летом осенью зимой
    қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан
    көктем жаз күз қыс
    in on at since from until till by to before after circa ca around about as of the and or
    see cf also for between during
    в во с со до после около на к по от за из между
    vision strategy agenda programme program plan expo census figure fig table chart
    стратегия программа план экспо перепись рисунок рис таблица схема
    стратегиясы бағдарламасы жоспары сурет кесте""".split()
)
_LATEST_PUBLICATION_YEAR = 2035  # a later "year" in parentheses is a plan ("Kazakhstan 2050")

# Endings of Kazakh and Russian cases on a cited name ("Найдың (2004)", "Ная (2004)").
_CASE_ENDINGS = tuple(
    sorted(
        """ның нің дың дің тың тің ға ге қа ке на не да де та те дан ден тан тен нан нен ны ні ды ді ты ті
        мен бен пен а я у ю ом ем ым ой е""".split(),
        key=len,
        reverse=True,
    )
)  # longest first: "Найдың" is tried as "най" before any shorter cut


def _fold(name: str) -> str:
    return " ".join(name.lower().replace("ё", "е").replace("’", "'").split())


@dataclass(frozen=True)
class _AuthorYear:
    names: tuple[str, ...]  # as printed, first author first
    years: tuple[str, ...]  # "2004", "2013a", "n.d."

    @property
    def clear(self) -> bool:
        """Whether it has, beyond doubt, the shape of a name and a publication year."""
        first_word = _fold(self.names[0]).split()[0]
        plausible = all(year == "n.d." or int(year[:4]) <= _LATEST_PUBLICATION_YEAR for year in self.years)
        return first_word not in _NOT_AUTHORS and plausible


class _Index:
    """The entries by the keys their authors can be cited by, for linking in constant time."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.numbers = frozenset(entry.number for entry in entries)
        self.ordered_numbers = sorted(self.numbers)
        self.by_key: dict[str, list[Entry]] = {}
        for entry in entries:
            keys: set[str] = set()
            for author in entry.authors:
                folded = _fold(author)
                words = folded.split()
                without_particles = " ".join(word for word in words if not re.fullmatch(_PARTICLE, word))
                keys.update(key for key in (folded, words[-1] if words else "", without_particles) if key)
            for key in keys:
                self.by_key.setdefault(key, []).append(entry)

    def lists(self, name: str, years: Sequence[str]) -> bool:
        """Whether ``name``, exactly as printed (not a part of it), is an author in ``years``."""
        found = self.by_key.get(_fold(name), ())
        return any(_same_year(year, entry.year) for entry in found for year in years)

    def link(self, names: Sequence[str], years: Sequence[str], *, inflected: bool = False) -> list[int]:
        """The numbers of the entries by the first of ``names`` (any listed author) in ``years``."""
        if not names:
            return []
        for key in _name_keys(names[0], inflected=inflected):
            listed = self.by_key.get(key, ())
            found = [entry for entry in listed if any(_same_year(year, entry.year) for year in years)]
            if not found:
                continue
            if len(names) > 1 and len(found) > 1:
                others = {key for name in names[1:] for key in _name_keys(name, inflected=False)}
                narrowed = [entry for entry in found if others & set(_fold_authors(entry))]
                found = narrowed or found
            ordered = sorted(found, key=lambda entry: _year_rank(entry.year, years))
            return [entry.number for entry in ordered]
        return []


def _fold_authors(entry: Entry) -> Iterable[str]:
    for author in entry.authors:
        folded = _fold(author)
        yield folded
        yield folded.split()[-1]


@lru_cache(maxsize=4096)
def _name_keys(name: str, *, inflected: bool) -> tuple[str, ...]:
    """The keys a printed name may be indexed by: the whole, then its last words; possessive
    and (for narrative markers) case endings removed."""
    words = _fold(name).split()
    keys = [" ".join(words[start:]) for start in range(len(words))]
    last = words[-1] if words else ""
    bare = re.sub(r"'s?$", "", last)
    if bare != last:
        keys.append(bare)
    if inflected:
        # "Nye-дің", "Nye’дің": a Latin name with a Kazakh ending after a hyphen or apostrophe.
        joined = re.fullmatch(r"(.{2,}?)[-'](\w{1,4})", bare)
        if joined and joined.group(2) in _CASE_ENDINGS:
            keys.append(joined.group(1))
        for ending in _CASE_ENDINGS:
            if bare.endswith(ending) and len(bare) - len(ending) >= 2:
                stem = bare[: -len(ending)]
                # Russian cases replace a last letter: Най → Ная, Иванова → Ивановой, Гоголь → Гоголя.
                keys.extend((stem, stem + "й", stem + "а", stem + "ь"))
    return tuple(key for key in dict.fromkeys(keys) if key)


def _same_year(cited: str, printed: str | None) -> bool:
    if cited == "n.d.":
        return printed is None
    if printed is None:
        return False
    return printed == cited if cited[4:] else printed[:4] == cited


def _year_rank(printed: str | None, years: Sequence[str]) -> int:
    return next((rank for rank, year in enumerate(years) if _same_year(year, printed)), len(years))


def _parse_years(text: str) -> tuple[str, ...]:
    years: list[str] = []
    for match in _YEAR_TOKEN.finditer(text):
        if match.group(1):
            years.append(match.group(1) + (match.group(2) or ""))
        elif match.group(3):
            if years and years[-1] != "n.d.":
                years.append(years[-1][:4] + match.group(3))
        else:
            years.append("n.d.")
    return tuple(years)


def _author_year(part: str) -> _AuthorYear | None:
    match = _AUTHOR_YEAR.fullmatch(part)
    if not match:
        return None
    names = tuple(found.group(0) for found in _NAME_IN_MARKER.finditer(match.group("names")))
    years = _parse_years(match.group("years"))
    return _AuthorYear(names, years) if names and years else None


def _numeric_part(part: str, index: _Index) -> tuple[list[int], list[int]] | None:
    """The printed numbers and the entry numbers of one ``;``-part of a numeric marker.

    ``3``, ``1–3``, ``1, 4``, ``3, с. 45``, ``3, т. 2, с. 45``, ``1, 45 б.``, ``3: 45``. A bare
    number after a comma is another reference; anything with an abbreviation is a locator,
    and so is everything after it up to the next ``;``.
    """
    items = part.split(",")
    items[0] = _LEADING_PREFIX.sub("", items[0])  # "[see 3]", "[см.: 3, с. 5]"
    head = _REF_ALONE.fullmatch(items[0])
    locating = False
    if head is None:
        head = _REF_WITH_LOCATOR.fullmatch(items[0])
        locating = True
        if head is None:
            return None
    refs = [head]
    for item in items[1:]:
        alone = None if locating else _REF_ALONE.fullmatch(item)
        if alone is not None:
            refs.append(alone)
        elif _LOCATOR.fullmatch(item):
            locating = True
        else:
            return None
    printed: list[int] = []
    targets: list[int] = []
    for ref in refs:
        low = int(ref.group(1))
        high = int(ref.group(2)) if ref.group(2) else low
        printed.extend((low, high) if high != low else (low,))
        if low < high:
            # Only listed numbers are walked: "[1–100000]" costs no more than "[1–3]".
            start = bisect_left(index.ordered_numbers, low)
            targets.extend(takewhile(lambda number: number <= high, index.ordered_numbers[start:]))
        else:
            targets.extend(number for number in (low, high) if number in index.numbers)
    return printed, targets


def _bracketed(content: str, index: _Index) -> tuple[int, ...] | None:
    """What a ``[…]`` marker links to, ``()`` if it names nothing listed, None if it is no marker."""
    printed: list[int] = []
    targets: list[int] = []
    clear = False
    for part in content.split(";"):
        numeric = _numeric_part(part, index)
        if numeric is not None:
            printed.extend(numeric[0])
            targets.extend(numeric[1])
            continue
        author_year = _author_year(part)
        if author_year is None:
            return None
        targets.extend(index.link(author_year.names, author_year.years))
        clear = clear or author_year.clear
    if targets:
        return tuple(dict.fromkeys(targets))
    # "[2019]", "[1945–1991]": years in brackets, not references (none of them is listed).
    if any(not 1800 <= number <= 2099 for number in printed):
        return ()
    return () if clear else None


def _parenthesised(content: str, index: _Index) -> tuple[int, ...] | None:
    """What an author–year ``(…)`` marker links to, ``()`` if it clearly is one but names
    nothing listed, None if it is no marker. Parts that are not author–year ("see chapter
    3") are passed over."""
    parsed = [found for part in content.split(";") if (found := _author_year(part))]
    if not parsed:
        return None
    targets = [number for found in parsed for number in index.link(found.names, found.years)]
    if targets:
        return tuple(dict.fromkeys(targets))
    return () if any(found.clear for found in parsed) else None


def _narrative(masked: str, paren_start: int, content: str, index: _Index) -> tuple[int, list[int]] | None:
    """``Nye (2004)``, ``Cooley et al. (2015)``, ``Найдың (2004)``: where the marker starts
    and what it links to. Only linked narrative markers count: "the Law on Languages (1997)"
    has the same shape."""
    years_only = _YEARS_ONLY.fullmatch(content)
    if not years_only:
        return None
    years = _parse_years(years_only.group("years"))
    window_start = max(0, paren_start - _LOOKBACK)
    # Names hold no digits, brackets or sentence breaks: look no further back than the last.
    for stop in _NOT_IN_NAMES.finditer(masked, window_start, paren_start):
        window_start = stop.end()
    # …and no further than the last few words, enough for "Cooley, Heathershaw and Sharman".
    words = [word.start() for word in _WORD.finditer(masked, window_start, paren_start)]
    if len(words) > _NARRATIVE_WORDS:
        window_start = words[-_NARRATIVE_WORDS]
    window = masked[window_start:paren_start]
    tail = window.rstrip()
    if not tail or not (tail[-1].isalpha() or tail[-1] in ".'’"):
        return None
    for pattern in (_NARRATIVE_ET_AL, _NARRATIVE_AND):
        found = pattern.search(window)
        if found:
            names = [group for group in found.groups() if group]
            targets = index.link(names, years, inflected=True)
            if targets:
                return window_start + found.start(), targets
    single = _NARRATIVE_ONE.search(window)
    if single:
        # Shortest first: "As Joseph Nye (2004)" is Nye's marker, starting at "Nye".
        words = list(re.finditer(r"\S+", single.group(1)))
        for first in reversed(range(len(words))):
            name = single.group(1)[words[first].start() :]
            if first and re.fullmatch(_PARTICLE, words[first - 1].group(0)):
                continue
            targets = index.link([name], years, inflected=True)
            if targets:
                # Extend to the left while the longer name is itself listed ("World Bank").
                while first and index.lists(single.group(1)[words[first - 1].start() :], years):
                    first -= 1
                return window_start + single.start(1) + words[first].start(), targets
    return None


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Where web addresses, e-mail addresses, Markdown links and code spans are in ``text``."""
    return [match.span() for match in _PROTECTED.finditer(text)]


def index_entries(entries: Sequence[Entry]) -> _Index:
    """The entries indexed for :func:`find_citations`: build it once per text, not per block."""
    return _Index(entries)


def find_citations(text: str, entries: Sequence[Entry] | _Index) -> list[Citation]:
    """The citation markers of ``text``, sorted by position and never overlapping.

    Numeric markers in square brackets (``[3]``, ``[1; 4]``, ``[1–3]``, ``[3, с. 45; 7, с.
    12]``, ``[1, 45 б.]``…) link to the entries with those numbers; a marker whose numbers
    are all missing is reported unlinked, unless they are all years (``[2019]``). Author–year
    markers in parentheses or brackets (``(Nye, 2004, p. 5)``, ``(see Shambaugh 2013;
    Kurlantzick 2007)``, ``(Най 2004, с. 12)``) and narrative ones (``Nye (2004)``) link by
    surname and year; an unmatched one is reported only if it is clearly a name and a year.
    Nothing inside a web or e-mail address, a Markdown link or a code span is a marker.
    """
    index = entries if isinstance(entries, _Index) else _Index(entries)
    masked = _PROTECTED.sub(lambda match: _MASK * len(match.group(0)), text)
    found: list[tuple[int, int, tuple[int, ...]]] = []
    for match in _BRACKET.finditer(masked):
        targets = _bracketed(match.group(1), index)
        if targets is not None:
            found.append((match.start(), match.end(), targets))
    for match in _PAREN.finditer(masked):
        content = match.group(1)
        targets = _parenthesised(content, index)
        if targets is not None:
            found.append((match.start(), match.end(), targets))
            continue
        narrative = _narrative(masked, match.start(), content, index)
        if narrative is not None:
            found.append((narrative[0], match.end(), tuple(dict.fromkeys(narrative[1]))))
    found.sort(key=lambda span: (span[0], -span[1]))
    citations: list[Citation] = []
    position = 0
    for start, end, targets in found:
        if start >= position:
            citations.append(Citation(start, end, text[start:end], targets))
            position = end
    return citations
