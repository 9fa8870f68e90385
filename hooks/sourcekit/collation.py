"""Alphabetical order in English, Kazakh and Russian (the glossary, its letter index).

Python compares strings by code point, which puts the Kazakh letters Ә Ғ Қ Ң Ө Ұ Ү Һ І after Я
(they are encoded after the Russian alphabet) and guillemets before every letter. Here each
language sorts by its own alphabet, as a dictionary printed in that language does:

- letters compare by their place in the alphabet, capitals and small letters alike; a letter
  with an accent that is not a letter of the alphabet (é in English) counts as its base letter;
- quotation marks, hyphens, dots and other punctuation are ignored («Нұрлы жол» files under Н);
- words are compared one by one: a word that is the beginning of a longer one comes first
  ("Soft power" before "Softer"), so a space sorts before every letter;
- digits come before letters; letters of another script (Latin in a Kazakh list) come after
  the alphabet, by code point.

Equal keys keep their order (Python's sort is stable), so a caller that needs a total order
adds its own tie-breaker.

A language of the site without an alphabet here (one added by configuration alone) sorts by
the default language's alphabet (:func:`alphabet_of`), in which its texts fall back.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from typing import TypeVar

from .languages import current

ALPHABETS: dict[str, str] = {
    "en": "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "kk": "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ",
    "ru": "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ",
}

# The three kinds of sort unit, in their order: a word break, a digit, a letter of the
# alphabet, any other letter.
_SPACE, _DIGIT, _LETTER, _OTHER = range(4)

T = TypeVar("T")


def alphabet_of(lang: str) -> str:
    """The alphabet ``lang`` sorts by: its own, else the site's default language's (else English's)."""
    return ALPHABETS.get(lang) or ALPHABETS.get(current().default) or ALPHABETS["en"]


def _units(char: str, alphabet: dict[str, int]) -> list[tuple[int, int]]:
    """The sort units of one character: none for punctuation, one for most letters, two for
    a letter whose capital is two letters (ß: SS)."""
    if char.isdigit():
        return [(_DIGIT, unicodedata.digit(char, 0))]
    if not char.isalpha():
        return []
    units = []
    for upper in char.upper():
        if upper in alphabet:
            units.append((_LETTER, alphabet[upper]))
            continue
        # An accented letter that the alphabet does not have counts as its base letter (é as
        # e); Й and Ё are letters of the Cyrillic alphabets, so they are never taken apart.
        base = unicodedata.normalize("NFD", upper)[0]
        units.append((_LETTER, alphabet[base]) if base in alphabet else (_OTHER, ord(upper)))
    return units


def sort_key(text: str, lang: str) -> tuple[tuple[int, int], ...]:
    """The key that sorts ``text`` in ``lang``'s alphabetical order."""
    alphabet = {letter: index for index, letter in enumerate(alphabet_of(lang))}
    units: list[tuple[int, int]] = []
    for char in text:
        if char.isspace():
            if units and units[-1][0] != _SPACE:
                units.append((_SPACE, 0))
            continue
        units += _units(char, alphabet)
    while units and units[-1][0] == _SPACE:
        units.pop()
    return tuple(units)


def collate(items: Iterable[T], lang: str, key: Callable[[T], str] = str) -> list[T]:
    """``items`` in ``lang``'s alphabetical order of ``key(item)`` (equal keys keep their order)."""
    return sorted(items, key=lambda item: sort_key(key(item), lang))


def initial(text: str, lang: str) -> str:
    """The letter ``text`` files under in ``lang`` (a capital letter; "0–9" for a digit; "" when
    it has no letter or digit): «Нұрлы жол» → "Н", "élan" → "E"."""
    alphabet = {letter: index for index, letter in enumerate(alphabet_of(lang))}
    for char in text:
        units = _units(char, alphabet)
        if not units:
            continue
        kind, value = units[0]
        if kind == _LETTER:
            return alphabet_of(lang)[value]
        if kind == _DIGIT:
            return "0–9"
        return chr(value)
    return ""
