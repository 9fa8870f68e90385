"""Numbers and dates written the way each page language writes them.

The one place for local notation of generated text (charts, the map, key figures, the
timeline): a decimal comma and a no-break space between thousands in Kazakh and Russian,
and dates with the month in words — en "1 May 2010", kk "2010 жылғы 1 мамыр",
ru "1 мая 2010 г." (seeds/translations/STYLE.md). The data files keep ISO dates; only what
the reader sees is localised.

A language of the site without a notation here (one added by configuration alone) is written
in the default language's notation (:func:`notation_language`) until its own is added.
"""

from __future__ import annotations

import datetime
import re

from .languages import current

NOTATION_LANGUAGES = ("en", "kk", "ru")  # the languages with a notation of their own

# Month names: en; kk (the same form standing alone and after a day); ru standing alone
# (nominative: «май 2010 г.») and after a day (genitive: «1 мая 2010 г.»).
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
_MONTHS_KK = ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан")
_MONTHS_RU = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь")
_MONTHS_RU_OF = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря")

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def notation_language(lang: str) -> str:
    """``lang`` if it has a notation here, else the site's default language (whose notation
    a page in a language added by configuration alone shows)."""
    if lang in NOTATION_LANGUAGES:
        return lang
    default = current().default
    return default if default in NOTATION_LANGUAGES else "en"


def format_number(value: float, lang: str, *, group: bool = True) -> str:
    """``13.2`` → ``13.2`` (en) or ``13,2`` (kk, ru); whole numbers without decimals; from five
    digits on, thousands grouped (``10,000``; ``10 000`` with a no-break space in kk and ru)
    unless ``group`` is false (years, ranks)."""
    lang = notation_language(lang)
    if value != int(value):
        text = f"{value:g}"
        return text.replace(".", ",") if lang != "en" else text
    whole = int(value)
    if not group or abs(whole) < 10000:
        return str(whole)
    text = f"{whole:,}"
    return text.replace(",", "\u00a0") if lang != "en" else text


def format_date(iso: str, lang: str) -> str:
    """An ISO date ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as the language writes it.

    A year stays a year (``2010``); a month and year: ``May 2010``, ``2010 жылғы мамыр``,
    ``май 2010 г.``; a full date: ``1 May 2010``, ``2010 жылғы 1 мамыр``, ``1 мая 2010 г.``.
    A no-break space keeps a day with its month, and the year with «г.».
    Anything else (a date the schema would refuse) is a programming error: ``ValueError``.
    """
    form = _ISO.fullmatch(iso)
    if form is None:
        raise ValueError(f"not an ISO date YYYY, YYYY-MM or YYYY-MM-DD: {iso!r} ({lang})")
    lang = notation_language(lang)
    year, month, day = form.groups()
    if month is None:
        return year
    try:
        datetime.date(int(year), int(month), int(day or 1))
    except ValueError:
        raise ValueError(f"not a real date: {iso!r}") from None
    index = int(month) - 1
    if day is None:
        return {"en": f"{_MONTHS_EN[index]} {year}", "kk": f"{year} жылғы {_MONTHS_KK[index]}", "ru": f"{_MONTHS_RU[index]} {year}\u00a0г."}[lang]
    day_month = {"en": _MONTHS_EN, "kk": _MONTHS_KK, "ru": _MONTHS_RU_OF}[lang][index]
    day_month = f"{int(day)}\u00a0{day_month}"  # a day is not parted from its month at a line end
    return {"en": f"{day_month} {year}", "kk": f"{year} жылғы {day_month}", "ru": f"{day_month} {year}\u00a0г."}[lang]
