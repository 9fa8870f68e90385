"""Dehyphenation: does a hyphen at a line end belong to the word, or only to the line?

Text extracted from PDF breaks words at line ends with a hyphen ("Chi-" + "nese"), and
also breaks real compounds at their own hyphen ("state-" + "owned"). A break is decided
(:func:`keep_hyphen`) first by the document's own words (:class:`Vocabulary`), then by
the spelling dictionaries of Debian's ``hunspell`` packages (:class:`Lexicon`): en_US and
en_GB (British spelling, common in the region's English texts) for Latin script, ru_RU and kk_KZ for Cyrillic. Without hunspell the text's words decide alone.

Every line-end candidate of a document is collected once, and the dictionaries are asked
about all of them in one ``hunspell`` run per script, so a long text costs two runs, not
thousands. Nothing here uses the network.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
from bisect import bisect_left
from concurrent.futures import ThreadPoolExecutor
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

# The dictionaries asked for each script. ru_RU has none of the Kazakh letters, so a word
# with one of them is known only if kk_KZ knows it: one run over both serves all Cyrillic.
DICTIONARIES = {"latin": ("en_US", "en_GB"), "cyrillic": ("ru_RU", "kk_KZ")}
DICTIONARY_DIRS = (Path("/usr/share/hunspell"), Path("/usr/local/share/hunspell"), Path("/usr/share/myspell"))
HUNSPELL_TIMEOUT = 120  # seconds for one run; a 1 MB text needs well under one

# Russian compounds whose hyphen is grammar: the prefix "кое-", adverbs "по-" + "-ски",
# "-цки", "-ому", "-ему", "-ьи" (по-русски, по-прежнему, по-божьи), and the particles.
_RUSSIAN_PARTICLES = frozenset({"то", "либо", "нибудь", "ка", "таки"})
_RUSSIAN_ADVERB_AFTER_PO = re.compile(r"(?:[сц]ки|ому|ему|ьи)$")
_LETTERS_AT_END = re.compile(r"[^\W\d_]+$")
_LETTERS_AT_START = re.compile(r"^[^\W\d_]+")
_WORD = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)?")
_HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
_LINE_END_BREAK = re.compile(r"(\w+)-$")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]+")

MIN_TEXT_PART = 3  # a shorter part counts as a word only when a dictionary knows it
MIN_PREFIX_WORD = 4  # a dictionary word this long before an unknown rest is a prefix (inter-)
MIN_PO_ADVERB = 6  # letters of the adverb after "по-" that rule 6 keeps without a dictionary
STEM_LETTERS = 3  # letters of the second part that a text word must share to prove a stem


class Lexicon:
    """Which words the hunspell dictionaries know, asked for a whole batch at once.

    ``hunspell -G`` prints the correct words of its input; the words are sent one a line
    (only runs of letters, so that hunspell does not split them), and a word counts as
    known when it comes back whole. Answers are kept per (dictionaries, word) for the life
    of the object. A missing binary or dictionary makes the lexicon know nothing of that
    script; :attr:`available` and :attr:`missing` say so.
    """

    def __init__(self, *, binary: str | None = "hunspell", directories: Sequence[Path] | None = None) -> None:
        self.binary = shutil.which(binary) if binary else None
        search = tuple(directories) if directories is not None else _dictionary_dirs()
        names = sorted({name for group in DICTIONARIES.values() for name in group})
        self.paths = {name: path for name in names if (path := _find_dictionary(name, search)) is not None}
        self.missing = tuple(
            ([] if self.binary else ["hunspell"]) + [name for name in names if name not in self.paths]
        )
        self._answers: dict[tuple[str, str], bool] = {}
        self.runs = 0  # hunspell runs so far (the batching is measured by the tests)

    @property
    def available(self) -> bool:
        """True when the binary and every dictionary are there."""
        return not self.missing

    def known(self, words: Iterable[str]) -> frozenset[str]:
        """The words of ``words`` that a dictionary of their script knows (as written).

        Latin words go to en_US and en_GB separately (so that :meth:`known_by` can tell them
        apart without another run), Cyrillic words to ru_RU and kk_KZ together; the runs
        go side by side.
        """
        batches: dict[tuple[str, ...], list[str]] = {}
        for word in set(words):
            for dictionaries in self._askers_for(word):
                batches.setdefault(dictionaries, []).append(word)
        return self._found(batches)

    def known_by(self, words: Iterable[str], name: str) -> frozenset[str]:
        """The words of ``words`` that the one dictionary ``name`` knows."""
        if name not in self.paths or self.binary is None:
            return frozenset()
        return self._found({(name,): [word for word in set(words) if (name,) in self._askers_for(word)]})

    def _found(self, batches: dict[tuple[str, ...], list[str]]) -> frozenset[str]:
        unasked = {
            dictionaries: [word for word in batch if ("+".join(dictionaries), word) not in self._answers]
            for dictionaries, batch in batches.items()
        }
        unasked = {dictionaries: words for dictionaries, words in unasked.items() if words}
        if unasked:
            with ThreadPoolExecutor(max_workers=len(unasked)) as pool:
                answers = dict(zip(unasked, pool.map(lambda pair: self._ask(*pair), unasked.items())))
            for dictionaries, words in unasked.items():
                key = "+".join(dictionaries)
                self._answers.update(((key, word), word in answers[dictionaries]) for word in words)
        found: set[str] = set()
        for dictionaries, batch in batches.items():
            key = "+".join(dictionaries)
            found.update(word for word in batch if self._answers[(key, word)])
        return frozenset(found)

    def _askers_for(self, word: str) -> tuple[tuple[str, ...], ...]:
        """The hunspell runs that judge ``word``: each English dictionary alone, the Cyrillic ones together."""
        dictionaries = self._dictionaries_for(word)
        if not dictionaries:
            return ()
        if _LATIN.fullmatch(word):
            return tuple((name,) for name in dictionaries)
        return (dictionaries,)

    def _dictionaries_for(self, word: str) -> tuple[str, ...]:
        if self.binary is None:
            return ()
        if _LATIN.fullmatch(word):
            script = "latin"
        elif _CYRILLIC.fullmatch(word):
            script = "cyrillic"
        else:
            return ()
        return tuple(name for name in DICTIONARIES[script] if name in self.paths)

    def _ask(self, dictionaries: tuple[str, ...], words: list[str]) -> frozenset[str]:
        """One hunspell run: the words of ``words`` it prints back as correct."""
        assert self.binary is not None
        self.runs += 1
        command = [
            self.binary,
            "-G",
            "-i",
            "utf-8",
            "-d",
            ",".join(str(self.paths[name]) for name in dictionaries),
        ]
        try:
            result = subprocess.run(
                command,
                input="\n".join(words) + "\n",
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                timeout=HUNSPELL_TIMEOUT,
                env={**os.environ, "LC_ALL": "C.UTF-8"},
                check=False,
            )
        except (OSError, subprocess.SubprocessError):
            return frozenset()
        return frozenset(result.stdout.split("\n")) if result.returncode == 0 else frozenset()


@functools.lru_cache(maxsize=1)
def system_lexicon() -> Lexicon:
    """The lexicon of the installed hunspell, one per process (its answers never change)."""
    return Lexicon()


def _dictionary_dirs() -> tuple[Path, ...]:
    from_env = tuple(Path(part) for part in os.environ.get("DICPATH", "").split(os.pathsep) if part)
    return from_env + DICTIONARY_DIRS


def _find_dictionary(name: str, directories: Sequence[Path]) -> Path | None:
    """The path hunspell's ``-d`` wants (without extension) for dictionary ``name``."""
    for directory in directories:
        if (directory / f"{name}.dic").is_file() and (directory / f"{name}.aff").is_file():
            return directory / name
    return None


@dataclass(frozen=True)
class LineBreak:
    """A word broken at a line end with a hyphen: ``first`` + "-" + line end + ``second``.

    Both are the ``\\w`` runs next to the hyphen ("con", "tent_9119449_2"); the letters
    next to it (:attr:`head`, :attr:`tail`) are what the words are looked up by.
    """

    first: str
    second: str

    @property
    def head(self) -> str:
        """The letters before the hyphen ("" when a digit is next to it)."""
        found = _LETTERS_AT_END.search(self.first)
        return found.group(0) if found else ""

    @property
    def tail(self) -> str:
        """The letters after the line end ("" when a digit is next to it)."""
        found = _LETTERS_AT_START.match(self.second)
        return found.group(0) if found else ""

    def lookups(self) -> tuple[str, ...]:
        """The words to ask a dictionary about: the two parts and the joined word."""
        head, tail = self.head, self.tail
        return (head, tail, head + tail) if head and tail else ()


@dataclass(frozen=True)
class Vocabulary:
    """What decides how to rejoin a word broken at a line end, for one whole document.

    ``words`` are the document's whole words (lower case), ``exact`` the same as written,
    ``hyphenated`` its hyphenated compounds (lower case); none of them counts the pieces on
    either side of a line-end hyphen. ``known`` are the pieces and joined words of its
    line-end breaks that a dictionary knows (as written): build it from the same text whose
    lines are then joined, or its breaks go without the dictionary.
    """

    words: frozenset[str]
    hyphenated: frozenset[str]
    exact: frozenset[str]
    known: frozenset[str] = frozenset()
    disputed: frozenset[str] = frozenset()  # known to one dictionary of their script, not all

    @classmethod
    def of(cls, text: str, *, lexicon: Lexicon | None = None) -> Vocabulary:
        """Collect the words of ``text`` and ask ``lexicon`` (default: hunspell) once about its breaks."""
        breaks = line_breaks(text)
        # The pieces on either side of a line-end hyphen are no words: the last token of the
        # line and the first of the next non-blank line (a page break may stand between).
        whole = _without_broken_words(text)
        hyphenated = {found.lower() for token in whole.split() if "-" in token for found in _HYPHENATED.findall(token)}
        exact = set(_WORD.findall(whole.replace("-", " ")))
        words = {word.lower() for word in exact}
        lexicon = system_lexicon() if lexicon is None else lexicon
        lookups = [word for line_break in breaks for word in line_break.lookups()]
        lookups += [word for head, tail in unspaced_line_ends(text) for word in (head, tail, head + tail)]
        lookups += [stem for line_break in breaks for stem in _inflection_stems(line_break.head, line_break.tail)]
        known = lexicon.known(lookups)
        # Only the joined words of line-end breaks can be disputed (rule 5).
        latin = [line_break.head + line_break.tail for line_break in breaks if line_break.head and line_break.tail]
        latin = [word for word in latin if word in known and _LATIN.fullmatch(word)]
        each = [lexicon.known_by(latin, name) for name in DICTIONARIES["latin"] if name in lexicon.paths]
        disputed = frozenset(word for word in latin if len(each) > 1 and not all(word in found for found in each))
        return cls(frozenset(words), frozenset(hyphenated), frozenset(exact), known, disputed)

    def is_word(self, part: str) -> bool:
        """A dictionary knows ``part``, or the text uses it as a word (if it is not too short to tell)."""
        return part in self.known or (len(part) >= MIN_TEXT_PART and part.lower() in self.words)

    def has_stem(self, joined: str, *, head: str) -> bool:
        """The text has ``joined`` as a whole word, or a word that starts with it past the break.

        "госу" + "дарство" is proven by "государственный" ("госуда…"): the word starts with
        the first part and :data:`STEM_LETTERS` letters of the second, so inflected and
        derived forms count too.
        """
        joined = joined.lower()
        if joined in self.words:
            return True
        if len(joined) - len(head) < STEM_LETTERS:
            return False
        stem = joined[: len(head) + STEM_LETTERS]
        at = bisect_left(self._sorted_words, stem)
        return at < len(self._sorted_words) and self._sorted_words[at].startswith(stem)

    @functools.cached_property
    def _sorted_words(self) -> tuple[str, ...]:
        return tuple(sorted(self.words))


def _without_broken_words(text: str) -> str:
    """``text`` without the two pieces of each word broken at a line end with a hyphen: the
    last token of such a line and the first of the next non-blank line."""
    lines = text.split("\n")
    cut_first = False
    for number, line in enumerate(lines):
        if not line.strip(" \t\f"):
            continue
        if cut_first:
            lines[number] = line.lstrip(" \t\f").partition(" ")[2]
            line = lines[number]
            cut_first = False
        stripped = line.rstrip(" \t\f")
        if stripped.endswith("-") and re.search(r"\w-$", stripped):
            lines[number] = stripped.rpartition(" ")[0]
            cut_first = True
    return "\n".join(lines)


def unspaced_line_ends(text: str) -> list[tuple[str, str]]:
    """The letters on either side of each line end with no space and no hyphen before it,
    where the next line goes on in lower case: in a text whose line ends mark a word
    boundary with a space, these are words cut without a hyphen ("oppor" + "tunity") — or
    two words whose space the extraction lost ("целей" + "за")."""
    pairs: list[tuple[str, str]] = []
    lines = text.split("\n")
    for line, following in zip(lines, lines[1:]):
        if not line or line[-1:].isspace() or line.endswith("-"):
            continue
        head = _LETTERS_AT_END.search(line)
        tail = _LETTERS_AT_START.match(following.strip())
        if head and tail and tail.group(0)[0].islower():
            pairs.append((head.group(0), tail.group(0)))
    return pairs


def joins_without_space(head: str, tail: str, *, vocabulary: Vocabulary) -> bool:
    """Whether a line that ends in ``head`` with no space goes on with ``tail`` as one word.

    One word when the text or a dictionary knows the joined word; two when both parts are
    words and the joined one is not ("целей" + "за"); otherwise one (fragments of a word).
    """
    joined = head + tail
    if joined in vocabulary.known or vocabulary.has_stem(joined, head=head):
        return True
    return not (vocabulary.is_word(head) and vocabulary.is_word(tail))


def line_breaks(text: str) -> list[LineBreak]:
    """Every word broken at a line end with a hyphen in ``text`` (across blank lines too)."""
    breaks: list[LineBreak] = []
    pending: str | None = None
    for line in text.split("\n"):
        inner = line.strip()
        if not inner:
            continue
        if pending is not None:
            second = re.match(r"\w+", inner)
            if second:
                breaks.append(LineBreak(pending, second.group(0)))
        found = _LINE_END_BREAK.search(inner)
        pending = found.group(1) if found else None
    return breaks


def keep_hyphen(
    line_break: LineBreak,
    *,
    vocabulary: Vocabulary,
    overrides: frozenset[str] = frozenset(),
    in_address: bool = False,
) -> bool:
    """True when the hyphen at a line end is part of the word ("state-owned"), False to join.

    In order, the first rule that applies decides:

    1. A digit next to the hyphen keeps it ("2016-" + "12/11", "COVID-" + "19").
    2. Keep a compound listed in ``overrides`` (``seeds/cleaning.yml``) or written with its
       hyphen elsewhere in the text.
    3. Join when the text has the joined word whole elsewhere, or a word that starts with
       it past the break ("Chi-" + "nese": "Chinese"; "госу-" + "дарство": "государства").
    4. Keep before a capitalised second part ("Sino-" + "Russian"), unless all is capitals.
    5. Join when a dictionary knows the joined word ("инфра-" + "структура", "со-" +
       "трудничество", "ынтымақ-" + "тастық", "con-" + "vocation"). This comes before
       rule 7: short pieces ("со", "con", "тастық") are words by accident. But where the
       two English dictionaries disagree and both parts are words ("longstanding" is American,
       British writes "long-standing"), the hyphen is kept: the joined form is a spelling of
       one tradition, the hyphenated one of the other.
    6. Keep Russian compounds whose hyphen is grammar: "кое-" + anything, "по-" + an adverb
       of :data:`MIN_PO_ADVERB` letters or more in -ски, -цки, -ому, -ему, -ьи
       (по-прежнему), a word + -то, -либо, -нибудь, -ка, -таки (что-то).
    7. Keep when both parts are words (for a dictionary, or for the text when at least
       :data:`MIN_TEXT_PART` letters) and the joined word is not: "социально-экономический",
       "іс-шаралар", "ата-ана", "state-owned", "people-to-" + "people".
    8. Keep when an English dictionary word of at least :data:`MIN_PREFIX_WORD` letters
       comes before a rest that neither it nor the text knows ("inter-" + "civilizational").
       Only in English, whose dictionary has nearly every inflected form: in Kazakh and
       Russian an unknown whole is usually an inflection the dictionary lacks.
    9. Keep after a capitalised first part that the text only ever writes capitalised
       ("Chinese-" + "speaking", not "Never-" + "theless"): mostly for machines without
       hunspell, where rules 5, 7 and 8 have only the text's words.
    10. Otherwise join a word, and keep the hyphen inside a web or e-mail address or a DOI.
    """
    head, tail = line_break.head, line_break.tail
    if not head or not tail:
        return True
    joined = head + tail
    compound = f"{head}-{tail}".lower()
    if compound in overrides or compound in vocabulary.hyphenated:
        return True
    if vocabulary.has_stem(joined, head=head):
        return False
    if tail[0].isupper() and not (head.isupper() and tail.isupper()):
        return True
    if joined in vocabulary.known and not (joined in vocabulary.disputed and vocabulary.is_word(head) and vocabulary.is_word(tail)):
        return False
    if _grammatical_russian_compound(head, tail, vocabulary=vocabulary):
        return True
    if _inflected(head, tail, vocabulary=vocabulary):
        return False
    if vocabulary.is_word(head) and vocabulary.is_word(tail):
        return True
    if _LATIN.fullmatch(joined) and len(head) >= MIN_PREFIX_WORD and head in vocabulary.known:
        return True
    if (
        head[0].isupper()
        and len(head) >= MIN_PREFIX_WORD
        and head in vocabulary.exact
        and head.lower() not in vocabulary.exact
    ):
        return True
    return in_address


# Common Kazakh case, plural, possessive and verb endings: a dictionary lists few inflected forms,
# so "салала-" + "рында" is judged by "салалар" + "ында".
KAZAKH_ENDINGS = frozenset(
    """ы і ын ін ы на іне ында інде ынан інен ымен імен ға ге қа ке на не да де та те дан ден тан тен нан нен
    дың дің тың тің ның нің мен пен бен лар лер дар дер тар тер лары лері дары дері тары тері ларын лерін
    ларына леріне ларында лерінде ларынан лерінен ларға лерге дарға дерге тарға терге ларда лерде дарда
    дерде тарда терде лардың лердің дардың дердің тардың тердің дағы дегі тағы тегі ндағы ндегі
    еді ады ейді айды ді ды ті ты ған ген қан кен атын етін ып іп уы уі ұы мақ мек бақ бек пақ пек""".split()
)


def _inflection_stems(head: str, tail: str) -> list[str]:
    """The stems a Kazakh word broken at ``head`` + ``tail`` may have before a common ending."""
    if not head or not tail or not _CYRILLIC.fullmatch(head + tail):
        return []
    joined = head + tail
    return [joined[:cut] for cut in range(len(head) + 1, len(joined)) if joined[cut:].lower() in KAZAKH_ENDINGS]


def _inflected(head: str, tail: str, *, vocabulary: Vocabulary) -> bool:
    """The joined word is a known stem (longer than the first part) with a common ending."""
    return any(stem in vocabulary.known or stem.lower() in vocabulary.words for stem in _inflection_stems(head, tail))


def _grammatical_russian_compound(head: str, tail: str, *, vocabulary: Vocabulary) -> bool:
    head, tail = head.lower(), tail.lower()
    if head == "кое":
        return True
    if head == "по":
        # Short tails are left to the dictionary: "по-" + "тому" is usually "потому".
        return len(tail) >= MIN_PO_ADVERB and bool(_RUSSIAN_ADVERB_AFTER_PO.search(tail))
    return tail in _RUSSIAN_PARTICLES and vocabulary.is_word(head)
