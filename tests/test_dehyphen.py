"""Words broken at a line end with a hyphen: real compounds keep it, broken words are joined.

The texts here are written for these tests. Tests that need the hunspell dictionaries take
the ``lexicon`` fixture (``needs_hunspell``): they run in the default suite, are skipped on
a machine without hunspell, and fail in CI, where ``make test`` installs it.
"""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path

import pytest
from conftest import slow_fixture
from hypothesis import given, settings
from hypothesis import strategies as st
from sourcekit.clean import CleaningRules, join_lines
from sourcekit.dehyphen import Lexicon, LineBreak, Vocabulary, keep_hyphen, line_breaks, system_lexicon

NO_EXCEPTIONS = CleaningRules(keep_hyphen=frozenset())
INSTALL = "apt-get install hunspell hunspell-ru hunspell-kk hunspell-en-us (make test does it as root)"
needs_hunspell = pytest.mark.usefixtures("lexicon")


def rejoin(text: str, *, lexicon: Lexicon | None = None, rules: CleaningRules = NO_EXCEPTIONS) -> str:
    """``text`` with its lines joined as the clean stage joins the lines of one block."""
    vocabulary = Vocabulary.of(text, lexicon=lexicon)
    return join_lines(text.split("\n"), vocabulary=vocabulary, rules=rules, spaced_lines=False)


# (text with a line break, the word as it must come out)
KEEP = [
    # en_US knows "longstanding", en_GB does not: where the two spellings disagree and both
    # parts are words, the hyphen stays (British usage writes "long-standing").
    ("The two universities share a long-\nstanding exchange of teachers.", "long-standing"),
    ("Торговля между соседями по-\nпрежнему растёт быстрее, чем ожидали.", "по-прежнему"),
    ("Этот социально-\nэкономический проект охватывает три области.", "социально-экономический"),
    ("Блок заключил военно-\nполитический союз ещё в прошлом веке.", "военно-политический"),
    ("Каждый год меняется кое-\nчто в расписании курсов.", "кое-что"),
    ("Студенты всегда находят что-\nто интересное в библиотеке.", "что-то"),
    ("Мерекеде көптеген іс-\nшаралар өткізілді.", "іс-шаралар"),
    ("Әр ата-\nана баласының білімін ойлайды.", "ата-ана"),
    ("Өңірдің әлеуметтік-\nэкономикалық дамуы жылдам жүріп жатыр.", "әлеуметтік-экономикалық"),
    ("Her well-\nknown study of the region appeared in 2019.", "well-known"),
    ("Both sides praised people-to-\npeople ties.", "people-to-people"),
    ("Several state-\nowned companies opened offices there.", "state-owned"),
]
JOIN = [
    ("Новая транспортная инфра-\nструктура соединила города.", "инфраструктура"),
    ("Университеты развивают со-\nтрудничество в области языков.", "сотрудничество"),
    ("Каждое госу-\nдарство выбирает свой путь.", "государство"),
    ("Екі ел арасындағы ынтымақ-\nтастық нығайып келеді.", "ынтымақтастық"),
    ("Қалалар арасындағы байла-\nныс жақсарды.", "байланыс"),
    ("Әрбір мемле-\nкет өз жолын таңдайды.", "мемлекет"),
    ("The govern-\nment announced new grants.", "government"),
    ("Many cul-\ntural centres opened.", "cultural"),
    ("Students learn Chi-\nnese at evening classes.", "Chinese"),
]

# Addresses: the hyphen stays unless the pieces make a known word, and no space is added.
ADDRESSES = [
    (
        "See https://example.org/foreign-\nstudents/2020 for the figures.",
        "https://example.org/foreign-students/2020",
    ),
    ("Write to press-\noffice@example.kz today.", "press-office@example.kz"),
    ("Cited as doi:10.1234/abc-\ndef in the list.", "doi:10.1234/abc-def"),
    ("Cited as https://doi.org/10.5555/kz-\nru.2021.7 in the list.", "https://doi.org/10.5555/kz-ru.2021.7"),
    ("See https://example.org/\nforeign-students/2020 too.", "https://example.org/foreign-students/2020"),
    ("Data at https://stat.\ngov.kz/en/ and more.", "https://stat.gov.kz/en/"),
    ("Mail desk.\nkz@example.org for it.", "desk.kz@example.org"),
    ("See https://example.org/page.\nand then more.", "https://example.org/page. and"),  # ends a sentence
]


@pytest.fixture(scope="module")
@slow_fixture
def _ask_once() -> None:
    """Ask hunspell about every text of this module at once, as the clean stage does per document
    (a third of a second: the tests that ask hunspell are ``slow``)."""
    texts = [text for text, _ in KEEP + JOIN + ADDRESSES]
    Vocabulary.of("\n".join(texts), lexicon=system_lexicon())


@pytest.fixture
def lexicon(_ask_once: None) -> Lexicon:
    """The installed hunspell; skipped without it on a developer machine, a failure in CI."""
    found = system_lexicon()
    if not found.available:
        message = f"hunspell dictionaries missing ({', '.join(found.missing)}): {INSTALL}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


@needs_hunspell
@pytest.mark.parametrize(("text", "word"), KEEP, ids=[word for _, word in KEEP])
def test_real_compounds_keep_their_hyphen(text: str, word: str) -> None:
    assert word in rejoin(text).split()


@needs_hunspell
@pytest.mark.parametrize(("text", "word"), JOIN, ids=[word for _, word in JOIN])
def test_words_broken_at_a_line_end_are_joined(text: str, word: str) -> None:
    joined = rejoin(text)
    assert word in joined.split() and "-" not in joined


def test_the_text_decides_first_even_without_a_dictionary() -> None:
    nothing = Lexicon(binary=None)
    # A compound the text writes with its hyphen elsewhere keeps it; a word it writes whole is joined.
    text = "Their long-standing ties matter.\nThe long-\nstanding ties grew, and Chi-\nnese courses too.\nChinese is popular."
    expected = "Their long-standing ties matter. The long-standing ties grew, and Chinese courses too. Chinese is popular."
    assert rejoin(text, lexicon=nothing) == expected
    # An inflected form proves the stem: "государственный" joins "госу-" + "дарство".
    assert "государство" in rejoin("Каждое госу-\nдарство.\nГосударственный язык.", lexicon=nothing)
    # Russian grammar keeps "кое-" and "по-" + a long adverb; a capitalised second part keeps.
    assert (
        rejoin("Меняется кое-\nчто, и по-\nпрежнему.", lexicon=nothing) == "Меняется кое-что, и по-прежнему."
    )
    assert rejoin("A Sino-\nRussian treaty.", lexicon=nothing) == "A Sino-Russian treaty."
    # Otherwise the break is undone, as before there were dictionaries.
    assert rejoin("A well-\nknown study.", lexicon=nothing) == "A wellknown study."


def test_numbers_and_listed_exceptions_keep_the_hyphen() -> None:
    nothing = Lexicon(binary=None)
    assert rejoin("In 2016-\n12 the numbers grew.", lexicon=nothing) == "In 2016-12 the numbers grew."
    assert rejoin("Cases of COVID-\n19 fell.", lexicon=nothing) == "Cases of COVID-19 fell."
    exceptions = CleaningRules(keep_hyphen=frozenset({"well-known"}))
    assert rejoin("A well-\nknown study.", lexicon=nothing, rules=exceptions) == "A well-known study."


@pytest.mark.usefixtures("_ask_once")
@pytest.mark.parametrize(("text", "address"), ADDRESSES, ids=[address for _, address in ADDRESSES])
def test_addresses_are_rejoined_whole(text: str, address: str) -> None:
    for lexicon in (system_lexicon(), Lexicon(binary=None)):
        assert address in rejoin(text, lexicon=lexicon)


def test_an_address_that_ends_a_sentence_keeps_its_space() -> None:
    assert rejoin("See https://example.org/.\nThe next one.") == "See https://example.org/. The next one."
    assert rejoin("See https://example.org/\nНовости.") == "See https://example.org/ Новости."
    spaced = ["See https://example.org/ ", "news for it. "]
    vocabulary = Vocabulary.of("\n".join(spaced), lexicon=Lexicon(binary=None))
    assert join_lines(spaced, vocabulary=vocabulary, rules=NO_EXCEPTIONS, spaced_lines=True).startswith(
        "See https://example.org/ news"
    )


@needs_hunspell
def test_a_word_broken_inside_an_address_is_joined_when_the_dictionary_knows_it() -> None:
    assert "https://example.org/government/report" in rejoin(
        "Read https://example.org/govern-\nment/report now."
    )


@pytest.mark.slow
@needs_hunspell
def test_the_dictionaries_are_asked_once_per_script_for_a_whole_document() -> None:
    fresh = Lexicon()
    pieces = ["govern-", "ment", "инфра-", "структура", "мемле-", "кет", "cul-", "tural", "госу-", "дарство"]
    text = "\n".join(
        f"{n} {piece}" if piece.endswith("-") else f"{piece} {n}" for n, piece in enumerate(pieces)
    )
    text += "\nМерекеде іс-\nшаралар өтті."
    vocabulary = Vocabulary.of(text, lexicon=fresh)
    # One run per English dictionary (their answers are compared: "longstanding"), one for
    # Cyrillic (ru_RU and kk_KZ together), side by side.
    assert fresh.runs == 3
    assert {"government", "государство", "мемлекет", "іс", "шаралар"} <= vocabulary.known
    assert "мемле" not in vocabulary.known and "ment" not in vocabulary.known
    Vocabulary.of(text, lexicon=fresh)
    assert fresh.runs == 3, "answers are kept for the life of the lexicon"


def test_lexicon_is_available_in_ci() -> None:
    found = system_lexicon()
    if os.environ.get("CI"):
        assert found.available, (
            f"CI must have hunspell and its dictionaries; missing {found.missing}: {INSTALL}"
        )
    elif not found.available:
        pytest.skip(f"hunspell dictionaries missing ({', '.join(found.missing)}): {INSTALL}")
    assert set(found.paths) == {"en_US", "en_GB", "ru_RU", "kk_KZ"}


def test_without_hunspell_the_lexicon_knows_nothing_and_says_so(tmp_path: Path) -> None:
    no_binary = Lexicon(binary="no-such-hunspell-binary")
    assert not no_binary.available and "hunspell" in no_binary.missing
    assert no_binary.known(["government", "государство"]) == frozenset() and no_binary.runs == 0
    no_dictionaries = Lexicon(directories=[tmp_path])
    assert not no_dictionaries.available
    assert set(no_dictionaries.missing) >= {"en_US", "ru_RU", "kk_KZ"}
    assert no_dictionaries.known(["government"]) == frozenset() and no_dictionaries.runs == 0


def test_the_pieces_of_a_broken_word_are_not_words_of_the_text() -> None:
    vocabulary = Vocabulary.of(
        "Students learn Chi-\n\nnese culture and the Chinese-\nspeaking world.", lexicon=Lexicon(binary=None)
    )
    assert {"students", "learn", "culture", "world"} <= vocabulary.words
    assert not {"chi", "nese", "chinese", "speaking"} & vocabulary.words
    assert line_breaks("Chi-\n\nnese and Chinese-\nspeaking, 2016-\n12") == [
        LineBreak("Chi", "nese"),
        LineBreak("Chinese", "speaking"),
        LineBreak("2016", "12"),
    ]


def test_the_decision_reads_the_letters_next_to_the_hyphen() -> None:
    vocabulary = dataclasses.replace(
        Vocabulary.of("", lexicon=Lexicon(binary=None)), known=frozenset({"content"})
    )
    assert not keep_hyphen(LineBreak("con", "tent_9119449_2"), vocabulary=vocabulary, in_address=True)
    assert keep_hyphen(LineBreak("abc", "def"), vocabulary=vocabulary, in_address=True)
    assert keep_hyphen(LineBreak("A4", "paper"), vocabulary=vocabulary)


LETTERS = re.compile(r"[^\W\d_]")
piece = st.text(alphabet="abcdefghoпрстуваеіңқәө-/.@ 12", min_size=0, max_size=14)


@pytest.mark.slow
@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(lines=st.lists(piece, min_size=1, max_size=8), spaced=st.booleans(), data=st.data())
def test_joining_never_loses_or_reorders_letters(lines: list[str], spaced: bool, data: st.DataObject) -> None:
    text = "\n".join(lines)
    vocabulary = Vocabulary.of(text, lexicon=Lexicon(binary=None))
    # Let any of the pieces be "known" to a dictionary, so that every rule gets its turn.
    pieces = sorted({word for line_break in line_breaks(text) for word in line_break.lookups()})
    if pieces:
        vocabulary = dataclasses.replace(
            vocabulary, known=frozenset(data.draw(st.sets(st.sampled_from(pieces))))
        )
    joined = join_lines(lines, vocabulary=vocabulary, rules=NO_EXCEPTIONS, spaced_lines=spaced)
    assert LETTERS.findall(joined) == LETTERS.findall(text)
