"""Clean stage: repair the mechanical defects of text extracted from PDF or loose Markdown.

Only defects that need no human judgement are repaired here: hyphenation across line and
page breaks, lines and sentences split by page breaks, the duplicated link text of the
PDF extraction, doubled word fragments, spaces inside web addresses and numbers, and the
backslash escapes of Markdown. Anything that needs judgement (run-together words,
misspelt names) is an editorial correction kept as data (see ``corrections.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .schema import ListOf, Record, Text, validate
from .yamlio import load_yaml

RULES_FILE = Path(__file__).resolve().parents[2] / "seeds" / "cleaning.yml"

_WORD = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)?", re.UNICODE)
_DOUBLED_FRAGMENT = re.compile(r"(?<!\w)(\w{2,})-\1-(?=\s*\n?\s*\w)")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])")
_MD_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,2})(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_DECIMAL = re.compile(r"(?<![\d.])(\d{1,3})\. (\d+)(?=\s+(?:thousand|million|billion|times|%|per)\b)")
_URL = re.compile(r"https?://(?:\. (?=[a-z0-9_])|[^\s()«»<>\"])+")


@dataclass(frozen=True)
class CleaningRules:
    """Data that tunes the cleaner: hyphenated compounds to keep across line breaks."""

    keep_hyphen: frozenset[str]


RULES = Record(required={"keep_hyphen": ListOf(Text(pattern=r"\S*\w-\w\S*", expected="a hyphenated word"))})


def load_rules(path: Path = RULES_FILE) -> CleaningRules:
    """Load ``seeds/cleaning.yml`` (validated). Not cached: ``mkdocs serve`` must see an edit."""
    data = load_yaml(path)
    validate(data, RULES, path=path)
    return CleaningRules(keep_hyphen=frozenset(word.lower() for word in data["keep_hyphen"]))


@dataclass(frozen=True)
class Vocabulary:
    """The words of one whole document, used to decide how to rejoin a broken word."""

    words: frozenset[str]
    hyphenated: frozenset[str]
    exact: frozenset[str]

    @classmethod
    def of(cls, text: str) -> Vocabulary:
        """Collect the words that stand whole (not at a line break) in ``text``."""
        words: set[str] = set()
        exact: set[str] = set()
        hyphenated: set[str] = set()
        for line in text.split("\n"):
            inner = line.strip()
            if inner.endswith("-"):
                inner = inner.rsplit(" ", 1)[0] if " " in inner else ""
            for token in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)+", inner):
                hyphenated.add(token.lower())
            found = _WORD.findall(inner.replace("-", " "))
            exact.update(found)
            words.update(word.lower() for word in found)
        return cls(frozenset(words), frozenset(hyphenated), frozenset(exact))


def join_hyphenated(left: str, right: str, *, vocabulary: Vocabulary, rules: CleaningRules) -> str:
    """Rejoin ``left`` (ending in a hyphen) and ``right`` split at a line or page break.

    The hyphen is kept for numbers ("2016-" + "12/11"), for capitalised second parts
    ("Sino-" + "Russian"), for compounds listed in ``seeds/cleaning.yml``, for compounds
    that stand hyphenated elsewhere in the text, and where the first part is a word that
    the text always capitalises ("Chinese-" + "speaking", but not "Never-" + "theless").
    Otherwise the break is undone ("Chi-" + "nese" → "Chinese").
    """
    head = left[:-1]
    left_word = re.search(r"(\w+)$", head)
    right_word = re.match(r"(\w+)", right)
    if not left_word or not right_word:
        return left + right
    first, second = left_word.group(1), right_word.group(1)
    joined = (first + second).lower()
    compound = f"{first}-{second}".lower()
    if first.isdigit() or second.isdigit():
        return left + right
    if compound in rules.keep_hyphen or compound in vocabulary.hyphenated:
        return left + right
    if joined in vocabulary.words:
        return head + right
    if second[0].isupper():
        return left + right
    if first[0].isupper() and len(first) >= 4 and first in vocabulary.exact and first.lower() not in vocabulary.exact:
        return left + right
    return head + right


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
    scheme_end = url.find("://") + 3
    for end in range(scheme_end + minimum, len(url)):
        head, rest = url[:end], url[end:]
        consumed = 0
        while rest:
            tail = next(
                (head[k:] for k in range(len(head) - minimum + 1) if rest.startswith(head[k:])),
                None,
            )
            if tail is None:
                break
            rest = rest[len(tail) :]
            consumed += len(tail)
        if consumed >= 2 * minimum and not rest:
            return head
        if consumed >= 2 * minimum and rest and not rest[0].isalnum():
            return head + rest
    return url


def normalise_numbers(text: str) -> str:
    """Remove the space after a decimal point: "13. 2 thousand" → "13.2 thousand"."""
    return _DECIMAL.sub(r"\1.\2", text)


def join_lines(lines: list[str], *, vocabulary: Vocabulary, rules: CleaningRules, spaced_lines: bool) -> str:
    """Join the raw lines of one block into one string.

    ``spaced_lines`` says that the document marks a word boundary at a line end with a
    trailing space (as the PDF extraction does); a line that ends in a letter with no
    trailing space then continues the same word ("oppor" + "tunity").
    """
    text = ""
    previous_raw = ""
    for raw_line in lines:
        stripped = raw_line.strip()
        if not stripped:
            continue
        if not text:
            text = stripped
        elif re.search(r"\w-$", text) and re.match(r"\w", stripped):
            text = join_hyphenated(text, stripped, vocabulary=vocabulary, rules=rules)
        elif (
            spaced_lines
            and not previous_raw.endswith((" ", "\t"))
            and re.search(r"[^\W\d_]$", text)
            and stripped[0].isalpha()
            and stripped[0].islower()
        ):
            text = text + stripped
        else:
            text = text + " " + stripped
        previous_raw = raw_line
    return text


def clean_block_text(text: str) -> str:
    """Apply the in-line repairs to the joined text of one block."""
    text = repair_urls(text)
    text = normalise_numbers(text)
    return re.sub(r"[ \t\u00a0]{2,}", " ", text).strip()
