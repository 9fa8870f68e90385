"""Clean stage: repair the mechanical defects of text extracted from PDF or loose Markdown.

Only defects that need no human judgement are repaired here: hyphenation across line and
page breaks, lines and sentences split by page breaks, the duplicated link text of the
PDF extraction, doubled word fragments, spaces inside web addresses and numbers, and the
backslash escapes of Markdown. Anything that needs judgement (run-together words,
misspelt names) is an editorial correction kept as data (see ``corrections.py``).
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .dehyphen import LineBreak, Vocabulary, joins_without_space, keep_hyphen
from .schema import ListOf, Record, Text, validate
from .yamlio import load_yaml

RULES_FILE = Path(__file__).resolve().parents[2] / "seeds" / "cleaning.yml"

_DOUBLED_FRAGMENT = re.compile(r"(?<!\w)(\w{2,})-\1-(?=\s*\n?\s*\w)")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])")
_MD_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,2})(?=\S)(.{1,300}?)(?<=\S)\1(?![\w*])")  # bounded: linear on long lines
_DECIMAL = re.compile(r"(?<![\d.])(\d{1,3})\. (\d+)(?=\s+(?:thousand|million|billion|times|%|per)\b)")
_URL = re.compile(r"https?://(?:\. (?=[a-z0-9_])|[^\s()«»<>\"])+")
# A web address (scheme or www.), an e-mail address or a DOI, anywhere in one token.
_ADDRESS = re.compile(
    r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)[^\s]|\b10\.\d{4,9}/\S|\bdoi:\S|[\w.+-]@[\w-]+\.[a-z]",
    re.IGNORECASE,
)
_LONGEST_TOKEN = 4096  # characters of an address looked at before a line end
_ADDRESS_REST = re.compile(r"[a-z0-9][\w\-.~%/?#=&+:@]*", re.ASCII)


@dataclass(frozen=True)
class CleaningRules:
    """Data that tunes the cleaner: exceptions, compounds whose hyphen is kept at a line end."""

    keep_hyphen: frozenset[str]


RULES = Record(required={"keep_hyphen": ListOf(Text(pattern=r"\S*\w-\w\S*", expected="a hyphenated word"))})


def load_rules(path: Path = RULES_FILE) -> CleaningRules:
    """Load ``seeds/cleaning.yml`` (validated). Not cached: ``mkdocs serve`` must see an edit."""
    data = load_yaml(path)
    validate(data, RULES, path=path)
    return CleaningRules(keep_hyphen=frozenset(word.lower() for word in data["keep_hyphen"]))


def join_hyphenated(left: str, right: str, *, vocabulary: Vocabulary, rules: CleaningRules) -> str:
    """Rejoin ``left`` (ending in a hyphen) and ``right`` split at a line or page break.

    :func:`~sourcekit.dehyphen.keep_hyphen` decides whether the hyphen is the word's
    ("state-" + "owned") or only the line's ("Chi-" + "nese" → "Chinese"). Inside a web
    or e-mail address or a DOI the hyphen is kept unless the pieces make a known word, and
    either way the address is rejoined whole, without a space.
    """
    head = left[:-1]
    left_word = re.search(r"(\w+)$", head)
    right_word = re.match(r"(\w+)", right)
    if not left_word or not right_word:
        return left + right
    line_break = LineBreak(left_word.group(1), right_word.group(1))
    keep = keep_hyphen(
        line_break, vocabulary=vocabulary, overrides=rules.keep_hyphen, in_address=_address_at_break(left, right)
    )
    return left + right if keep else head + right


def _address_at_break(left: str, right: str) -> bool:
    """The text on both sides of the line end makes a web or e-mail address or a DOI."""
    return bool(_ADDRESS.search(_last_token(left) + _first_token(right)))


def _continues_address(text: str, line: str, *, spaced: bool) -> bool:
    """``text`` ends inside an address at a "/" or "." and ``line`` starts with the rest of it.

    The rest starts with a lower-case ASCII letter or a digit; after a "." it also goes on
    with a "/", "." or "@" (so that an address that ends a sentence keeps its space). In a
    text that marks word ends with a trailing space (``spaced``), such a space says no.
    """
    if spaced or not text.endswith(("/", ".")):
        return False
    rest = _ADDRESS_REST.match(line)
    if not rest or (text.endswith(".") and not re.search(r"[/.@]\w", rest.group(0))):
        return False
    return bool(_ADDRESS.search(_last_token(text) + rest.group(0)))


def _last_token(text: str) -> str:
    # Only the end of a long block is searched, so that joining its lines stays linear.
    return re.search(r"\S*$", text[-_LONGEST_TOKEN:]).group(0)


def _first_token(text: str) -> str:
    return re.match(r"\S*", text).group(0)


def unescape_markdown(text: str) -> str:
    """Undo Markdown backslash escapes and drop emphasis markers (``**UDC 327**``)."""
    text = _MD_ESCAPE.sub(r"\1", text)
    return _MD_EMPHASIS.sub(r"\2", text)


def repair_doubled_fragments(text: str) -> str:
    """Repair fragments doubled by the extraction: "Вотин-Вотин-\\nцева" → "Вотин-\\nцева"."""
    return _DOUBLED_FRAGMENT.sub(r"\1-", text)


def repair_urls(text: str) -> str:
    """Remove spaces inside web addresses and the duplicated link text after them.

    The PDF extraction wrote "http://www. china. com. cn/17da/…/con-://www. china…con-"
    followed by the rest of the address: each repeat is a shorter tail of the address
    written so far. The repeats are dropped and the address is rejoined.
    """

    def fix(match: re.Match[str]) -> str:
        return _drop_repeated_tails(match.group(0).replace(". ", "."))

    return _URL.sub(fix, text)


def _drop_repeated_tails(url: str, *, minimum: int = 4) -> str:
    """``url`` without the repeated tails of its first part, or unchanged if it has none.

    The first part is ``url[:end]`` for the first ``end`` after the scheme where the rest
    begins with tails of that part, each the longest that fits and at least ``minimum``
    characters long, ``2 * minimum`` or more in all, and then ends or goes on with a
    character that is not a letter or a digit (``/``, ``.``…). :class:`_Tails` finds each
    tail in about constant time, so the cost grows with the address's length, not with its
    square; an address so repetitive that it would need more than
    :data:`TAIL_CHECKS_PER_CHAR` checks per character (no real address is) is left as it is.
    """
    tails = _Tails(url, minimum=minimum)
    length = len(url)
    first_end = url.find("://") + 3 + minimum
    try:
        # The rest can start with a tail only where its first characters occurred before.
        for end in tails.repeated[bisect_left(tails.repeated, first_end) :]:
            position = end
            while position < length and (tail := tails.longest(end, position)):
                position += tail
            if position - end >= 2 * minimum and (position == length or not url[position].isalnum()):
                return url[:end] + url[position:]
    except _TooRepetitive:
        return url
    return url


# Checks of a possible tail allowed per character of an address, and for any address: far
# more than a real one needs (a 50,000-character address made of repeated tails needs 200).
TAIL_CHECKS_PER_CHAR = 4
TAIL_CHECKS_FREE = 65_536
_LONG_TAIL = 16  # tails at least this long are looked up by their first _LONG_TAIL characters


class _TooRepetitive(Exception):
    """Finding the tails in an address would take more checks than it is allowed."""


class _Tails:
    """The longest tail of ``url[:end]`` that ``url[position:]`` starts with, found quickly.

    A tail that starts at ``position`` begins with the characters there, so the only
    candidates are the places before ``end`` where they also occur: an index of where each
    run of :data:`_LONG_TAIL` characters starts gives the long tails, one of ``minimum``
    characters the short ones (only runs that occur more than once are indexed). Candidates
    are checked longest first, each in constant time by comparing hashes of the two
    substrings (made at the first check: most addresses need none).
    """

    MODULUS = (1 << 61) - 1  # a prime: two different substrings collide with a chance of about length / 2**61
    BASE = 911_382_323

    def __init__(self, url: str, *, minimum: int) -> None:
        self.url = url
        self.minimum = minimum
        self.long = max(_LONG_TAIL, minimum)
        runs = [url[start : start + minimum] for start in range(len(url) - minimum + 1)]
        counts = Counter(runs)
        self.repeated = [start for start, run in enumerate(runs) if counts[run] > 1]
        self.starts: tuple[dict[str, list[int]], dict[str, list[int]]] = ({}, {})  # long, short
        for start in self.repeated:
            self.starts[1].setdefault(runs[start], []).append(start)
            if start + self.long <= len(url):
                self.starts[0].setdefault(url[start : start + self.long], []).append(start)
        self.prefix: array | None = None
        self.powers: array | None = None
        self.checks_left = TAIL_CHECKS_PER_CHAR * len(url) + TAIL_CHECKS_FREE

    def longest(self, end: int, position: int) -> int:
        """The length of the longest tail (at least ``minimum``), or 0 if there is none."""
        lowest = end - (len(self.url) - position)  # the tail must fit in the rest
        for level, size in enumerate((self.long, self.minimum)):
            candidates = self.starts[level].get(self.url[position : position + size])
            if not candidates:
                continue
            # The short index only adds the tails too short for the long one.
            at = bisect_left(candidates, lowest if level == 0 else max(lowest, end - self.long + 1))
            highest = end - size
            while at < len(candidates) and candidates[at] <= highest:
                start = candidates[at]
                if self._same(start, position, end - start):
                    return end - start
                at += 1
        return 0

    def _same(self, first: int, second: int, size: int) -> bool:
        self.checks_left -= 1
        if self.checks_left < 0:
            raise _TooRepetitive
        if self.prefix is None:
            self._hash_prefixes()
        prefix, power, modulus = self.prefix, self.powers[size], self.MODULUS
        first_hash = (prefix[first + size] - prefix[first] * power) % modulus
        return first_hash == (prefix[second + size] - prefix[second] * power) % modulus

    def _hash_prefixes(self) -> None:
        size = len(self.url) + 1
        prefix, powers = array("q", [0]) * size, array("q", [1]) * size
        value, power, base, modulus = 0, 1, self.BASE, self.MODULUS
        for index, char in enumerate(self.url, start=1):
            value = (value * base + ord(char)) % modulus
            power = power * base % modulus
            prefix[index], powers[index] = value, power
        self.prefix, self.powers = prefix, powers


def normalise_numbers(text: str) -> str:
    """Remove the space after a decimal point: "13. 2 thousand" → "13.2 thousand"."""
    return _DECIMAL.sub(r"\1.\2", text)


def join_lines(lines: list[str], *, vocabulary: Vocabulary, rules: CleaningRules, spaced_lines: bool) -> str:
    """Join the raw lines of one block into one string.

    ``spaced_lines`` says that the document marks a word boundary at a line end with a
    trailing space (as the PDF extraction does); a line that ends in a letter with no
    trailing space then continues the same word ("oppor" + "tunity"). A word broken with a
    hyphen is rejoined by :func:`join_hyphenated`; an address broken after a "/" or "."
    goes on without a space ("https://example.org/" + "news/2020").
    """
    text = ""
    previous_raw = ""
    for raw_line in lines:
        stripped = raw_line.strip()
        if not stripped:
            continue
        if not text:
            text = stripped
        elif text.endswith("\u00ad"):
            text = text[:-1] + stripped  # a soft hyphen: the word goes on
        elif re.search(r"\w-$", text[-2:]) and re.match(r"\w", stripped):
            text = join_hyphenated(text, stripped, vocabulary=vocabulary, rules=rules)
        elif _continues_address(text, stripped, spaced=spaced_lines and previous_raw.endswith((" ", "\t"))) or (
            spaced_lines
            and not previous_raw.endswith((" ", "\t"))
            and re.search(r"[^\W\d_]$", text[-1:])
            and stripped[0].isalpha()
            and stripped[0].islower()
            and _one_word(text, stripped, vocabulary)
        ):
            text = text + stripped  # the same address or word goes on
        else:
            text = text + " " + stripped
        previous_raw = raw_line
    return text


def _one_word(text: str, line: str, vocabulary: Vocabulary) -> bool:
    head = re.search(r"[^\W\d_]+$", text)
    tail = re.match(r"[^\W\d_]+", line)
    return not head or not tail or joins_without_space(head.group(0), tail.group(0), vocabulary=vocabulary)


def clean_block_text(text: str) -> str:
    """Apply the in-line repairs to the joined text of one block."""
    text = repair_urls(text).replace("\u00ad", "")  # soft hyphens are invisible
    text = normalise_numbers(text)
    return re.sub(r"[ \t\u00a0]{2,}", " ", text).strip()
