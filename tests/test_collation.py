"""Alphabetical order in each language (sourcekit.collation): golden lists and properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sourcekit.collation import ALPHABETS, collate, initial, sort_key

# Made-up lists in each language, shuffled, and their order in a printed dictionary.
GOLDEN = {
    "kk": (
        ["Яғни", "Үй", "Ұстаз", "Қала", "Кітап", "Лақ", "«Әке»", "Ана", "Өзен", "Орын", "Іні", "Ыдыс", "Һәм", "Ханым", "Ғасыр", "Гүл", "Ңғ", "Нан", "Ёлка"],
        ["Ана", "«Әке»", "Гүл", "Ғасыр", "Ёлка", "Кітап", "Қала", "Лақ", "Нан", "Ңғ", "Орын", "Өзен", "Ұстаз", "Үй", "Ханым", "Һәм", "Ыдыс", "Іні", "Яғни"],
    ),
    "ru": (
        ["яблоко", "«Ёж»", "Ель", "Жук", "Ежевика", "Абрикос", "«Юла»", "Эхо", "ёлка", "Щука", "Шар", "Ъ-знак"],
        ["Абрикос", "Ежевика", "Ель", "«Ёж»", "ёлка", "Жук", "Шар", "Щука", "Ъ-знак", "Эхо", "«Юла»", "яблоко"],
    ),
    "en": (
        ["zebra", "«Apple»", "banana", "Élan", "echo", "“Delta”", "apple pie", "applesauce", "The Quiet Hour", "Cherry"],
        ["«Apple»", "apple pie", "applesauce", "banana", "Cherry", "“Delta”", "echo", "Élan", "The Quiet Hour", "zebra"],
    ),
}


def test_each_language_sorts_by_its_own_alphabet() -> None:
    for lang, (shuffled, ordered) in GOLDEN.items():
        assert collate(shuffled, lang) == ordered, lang


def test_kazakh_letters_sort_inside_the_alphabet_not_after_ya() -> None:
    ordered = collate(["Лақ", "Қала", "Кітап", "Ястық"], "kk")
    assert ordered == ["Кітап", "Қала", "Лақ", "Ястық"]
    # Python's own order, which the glossary used: Қ after Я.
    assert sorted(["Лақ", "Қала", "Кітап", "Ястық"]) == ["Кітап", "Лақ", "Ястық", "Қала"]


def test_quotes_and_punctuation_are_ignored_and_words_compare_one_by_one() -> None:
    assert sort_key("«Нұрлы жол»", "kk") == sort_key("Нұрлы жол", "kk")
    assert sort_key("Сунь-цзы", "ru") == sort_key("Суньцзы", "ru")
    assert collate(["Softer", "Soft power"], "en") == ["Soft power", "Softer"]


def test_digits_come_first_and_other_scripts_after_the_alphabet() -> None:
    assert collate(["Бір", "1990 жыл", "«The Soft Power 30» рейтингі", "Яғни"], "kk") == [
        "1990 жыл",
        "Бір",
        "Яғни",
        "«The Soft Power 30» рейтингі",
    ]


def test_the_letter_a_term_files_under() -> None:
    assert initial("«Нұрлы жол»", "kk") == "Н"
    assert initial("Қала", "kk") == "Қ"
    assert initial("ёлка", "ru") == "Ё"
    assert initial("élan", "en") == "E"
    assert initial("«The Soft Power 30» рейтингі", "ru") == "T"
    assert initial("30 лет", "ru") == "0–9"
    assert initial("«»", "ru") == ""


def _words(lang: str) -> st.SearchStrategy[str]:
    """Words of one to three parts over ``lang``'s alphabet, in random case."""
    letters = ALPHABETS[lang] + ALPHABETS[lang].lower()
    part = st.text(alphabet=letters, min_size=1, max_size=6)
    return st.lists(part, min_size=1, max_size=3).map(" ".join)


_QUOTES = st.sampled_from([("«", "»"), ("“", "”"), ('"', '"'), ("„", "“"), ("'", "'")])


@pytest.mark.slow
@given(st.sampled_from(sorted(ALPHABETS)).flatmap(lambda lang: st.tuples(st.just(lang), st.lists(_words(lang), max_size=12))), st.data())
def test_quoting_a_term_does_not_move_it(case: tuple[str, list[str]], data: st.DataObject) -> None:
    lang, words = case
    quoted = []
    for word in words:
        if data.draw(st.booleans()):
            opening, closing = data.draw(_QUOTES)
            word = f"{opening}{word}{closing}"
        quoted.append(word)
    plain_order = [index for index, _ in collate(list(enumerate(words)), lang, key=lambda pair: pair[1])]
    quoted_order = [index for index, _ in collate(list(enumerate(quoted)), lang, key=lambda pair: pair[1])]
    assert plain_order == quoted_order


@pytest.mark.slow
@given(st.sampled_from(sorted(ALPHABETS)).flatmap(lambda lang: st.tuples(st.just(lang), _words(lang), _words(lang))))
def test_words_sort_letter_by_letter_in_the_alphabets_order(case: tuple[str, str, str]) -> None:
    lang, first, second = case
    alphabet = ALPHABETS[lang]

    def positions(word: str) -> list[list[int]]:
        return [[alphabet.index(letter) for letter in part.upper()] for part in word.split(" ")]

    assert (sort_key(first, lang) < sort_key(second, lang)) == (positions(first) < positions(second))
    assert sort_key(first.lower(), lang) == sort_key(first.upper(), lang)


@pytest.mark.slow
@given(st.sampled_from(sorted(ALPHABETS)).flatmap(lambda lang: st.tuples(st.just(lang), st.integers(0, len(ALPHABETS[lang]) - 1), st.integers(0, len(ALPHABETS[lang]) - 1))))
def test_single_letters_sort_in_the_alphabets_order(case: tuple[str, int, int]) -> None:
    lang, first, second = case
    alphabet = ALPHABETS[lang]
    assert (sort_key(alphabet[first], lang) < sort_key(alphabet[second].lower(), lang)) == (first < second)
