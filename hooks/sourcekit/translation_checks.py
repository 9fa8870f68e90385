"""Checks of the translations of a document, run on every build.

A problem is reported, naming the translation file, its line and the paragraph, when:
a translatable paragraph has no translation although the file for that language exists
(a seed with no translation file yet is shown in the original, with a note, so that a new
seed needs nothing but its file and a catalogue entry); a number, year or citation marker of the
original is missing from the translation; a Kazakh text has no Kazakh-specific letter
or a Russian text has one; the translation is implausibly short or long; the text or the
translator's note breaks a rule of Kazakh and Russian prose (numbers in local notation, one
term per concept, one dash: :mod:`language_checks`); a paragraph has a translator's note in one
of kk and ru but not in the other.
(A stale fingerprint is caught when the file is loaded, in ``pipeline.py``.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .annotate import AnnotatedBlock
from .language_checks import prose_problems, terminology_for, unpaired_notes
from .textutil import KAZAKH_LETTERS

TRANSLATABLE_KINDS = ("heading", "paragraph", "list_item", "references_heading", "quote", "footnote")
TARGET_LANGUAGES = ("kk", "ru")  # the languages with house rules here; a language added by configuration has none
# Translations shorter than this are headings or labels: their length says nothing.
MIN_LENGTH_FOR_RATIO = 60
LENGTH_RATIO = (0.6, 2.0)
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*")
_CITATION = re.compile(r"\[\d{1,3}\]")
_ROMAN = {
    number: numeral
    for number, numeral in enumerate(
        ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI",
         "XVII", "XVIII", "XIX", "XX", "XXI", "XXII"]
    )
    if numeral
}


@dataclass(frozen=True)
class Problem:
    """One failed check: where, which paragraph, and what is wrong."""

    path: Path
    line: int | None
    block_id: str
    message: str


def needs_translation(item: AnnotatedBlock, lang: str) -> bool:
    """Body text in another language than ``lang`` needs a translation into it."""
    return item.block.kind in TRANSLATABLE_KINDS and item.block.lang != lang


def number_forms(number: str) -> set[str]:
    """The ways a number of the original may be written in a translation."""
    forms = {number}
    if re.fullmatch(r"\d{1,3}(,\d{3})+", number):  # 10,000 → 10 000, 10 000, 10000
        digits = number.replace(",", "")
        forms |= {digits, number.replace(",", " "), number.replace(",", "\u00a0"), number.replace(",", "\u202f")}
    elif re.fullmatch(r"\d+\.\d+", number):  # 13.2 → 13,2 (decimal comma)
        forms.add(number.replace(".", ","))
    if number.isdigit() and int(number) in _ROMAN:  # "21st century" → "XXI ғасыр"
        forms.add(_ROMAN[int(number)])
    return forms


def missing_numbers(original: str, translation: str) -> list[str]:
    """Numbers and citation markers of ``original`` that ``translation`` lacks."""
    missing = [marker for marker in _CITATION.findall(original) if marker not in translation]
    for number in _NUMBER.findall(_CITATION.sub(" ", original)):
        if not any(_contains_number(translation, form) for form in number_forms(number)):
            missing.append(number)
    return missing


def _contains_number(text: str, form: str) -> bool:
    if form.isalpha():  # a Roman numeral must stand as a word
        return re.search(rf"(?<![A-Za-zА-Яа-я]){form}(?![A-Za-zА-Яа-я])", text) is not None
    return re.search(rf"(?<![\d]){re.escape(form)}(?![\d])", text) is not None


def script_problem(text: str, lang: str) -> str | None:
    """A Kazakh text needs Kazakh-specific letters; a Russian text must have none."""
    has_kazakh = any(letter in text for letter in KAZAKH_LETTERS)
    if lang == "kk" and not has_kazakh:
        return "Kazakh text has no Kazakh-specific letter (ә і ң ғ ү ұ қ ө һ)"
    if lang == "ru" and has_kazakh:
        letters = sorted({letter for letter in text if letter in KAZAKH_LETTERS})
        return f"Russian text has Kazakh-specific letters ({' '.join(letters)})"
    return None


def check_document(blocks: tuple[AnnotatedBlock, ...], translations: dict, paths: dict[str, Path]) -> list[Problem]:
    """All problems of the translations of one document, in block order per language."""
    problems: list[Problem] = []
    terminology = terminology_for(next(iter(paths.values())).parents[1])  # seeds/translations/x.kk.yml → seeds/
    for lang in (lang for lang in TARGET_LANGUAGES if lang in paths):
        path = paths[lang]
        started = path.exists()
        for item in blocks:
            if not needs_translation(item, lang):
                continue
            block_id = item.block.block_id
            translation = translations.get(lang, {}).get(block_id)
            if translation is None:
                if not started:
                    continue
                problems.append(Problem(path, None, block_id, f"{block_id} ({item.block.kind}) has no {lang} translation"))
                continue
            line = translation.line
            missing = missing_numbers(item.plain, translation.text)
            if missing:
                problems.append(Problem(path, line, block_id, f"{block_id}: translation lacks {', '.join(missing)} of the original"))
            script = script_problem(translation.text, lang)
            if script:
                problems.append(Problem(path, line, block_id, f"{block_id}: {script}"))
            if len(item.plain) >= MIN_LENGTH_FOR_RATIO:
                ratio = len(translation.text) / len(item.plain)
                low, high = LENGTH_RATIO
                if not low <= ratio <= high:
                    problems.append(
                        Problem(path, line, block_id, f"{block_id}: translation is {ratio:.2f} times the length of the original (expected {low}–{high})")
                    )
            for field, text in (("", translation.text), (" (translator's note)", translation.note or "")):
                for message in prose_problems(text, lang, terminology):
                    problems.append(Problem(path, line, block_id, f"{block_id}{field}: {message}"))
    return problems + _note_problems(blocks, translations, paths)


def _note_problems(blocks: tuple[AnnotatedBlock, ...], translations: dict, paths: dict[str, Path]) -> list[Problem]:
    """A translator's note in one of kk and ru and not in the other, where both translate the paragraph."""
    ids = {item.block.block_id for item in blocks}
    by_language = {lang: {block_id: item for block_id, item in translations.get(lang, {}).items() if block_id in ids} for lang in TARGET_LANGUAGES}
    notes = {lang: {block_id for block_id, item in items.items() if item.note} for lang, items in by_language.items()}
    problems = []
    for block_id, lang, other in unpaired_notes(notes, {lang: set(items) for lang, items in by_language.items()}):
        message = f"{block_id}: the {other} translation has a translator's note and the {lang} one has none; give both languages the same note"
        problems.append(Problem(paths[lang], by_language[lang][block_id].line, block_id, message))
    return problems


def coverage(blocks: tuple[AnnotatedBlock, ...], translations: dict) -> dict[str, tuple[int, int]]:
    """Per language: (translated, needing translation) counts."""
    result = {}
    for lang in TARGET_LANGUAGES:
        needed = [item for item in blocks if needs_translation(item, lang)]
        done = [item for item in needed if item.block.block_id in translations.get(lang, {})]
        result[lang] = (len(done), len(needed))
    return result
