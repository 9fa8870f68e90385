"""Small text helpers shared by the stages: language detection, fingerprints and excerpts."""

from __future__ import annotations

import hashlib
import re

KAZAKH_LETTERS = "әіңғүұқөһӘІҢҒҮҰҚӨҺ"
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LATIN = re.compile(r"[A-Za-z]")
_KAZAKH = re.compile(f"[{KAZAKH_LETTERS}]")
_SPACES = re.compile(r"\s+")


def detect_language(text: str) -> str:
    """Tell English, Kazakh and Russian apart by script and Kazakh-specific letters.

    Latin-script text is ``en``; Cyrillic text with any of ә і ң ғ ү ұ қ ө һ is ``kk``,
    other Cyrillic text ``ru``. Mixed text goes by the script of most letters; Cyrillic text is Kazakh when at least
    one word in ten has a Kazakh-specific letter.
    """
    cyrillic = len(_CYRILLIC.findall(text))
    latin = len(_LATIN.findall(text))
    if latin >= cyrillic:
        return "en"
    # A Russian text may quote a Kazakh name («Бір белдеу»): count words, not letters.
    words = [word for word in re.findall(r"\w+", text) if _CYRILLIC.search(word)]
    kazakh_words = sum(1 for word in words if _KAZAKH.search(word))
    return "kk" if kazakh_words >= max(1, 0.1 * len(words)) else "ru"


def collapse_spaces(text: str) -> str:
    """Collapse every run of white space to one space and strip the ends."""
    return _SPACES.sub(" ", text).strip()


def fingerprint(text: str, *, length: int = 12) -> str:
    """A short stable hash of ``text`` with its white space collapsed."""
    digest = hashlib.sha256(collapse_spaces(text).encode("utf-8")).hexdigest()
    return digest[:length]


def excerpt(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters: at the last sentence end if that keeps
    at least half, else at the last space, with " …" to show the cut."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    sentence = max(head.rfind(". "), head.rfind("? "), head.rfind("! "), head.rfind("» "))
    if sentence >= limit // 2:
        return head[: sentence + 1] + " …"
    return head.rsplit(" ", 1)[0] + " …"
