"""Local notation of numbers and dates (sourcekit.notation): golden strings per language and
a property over every date the data files may hold."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sourcekit.languages import configured
from sourcekit.notation import format_date, format_number

NBSP = "\u00a0"  # between a day and its month, and before «г.»: never parted at a line end


@pytest.mark.parametrize(
    ("iso", "lang", "expected"),
    [
        ("1989", "en", "1989"),
        ("1989", "kk", "1989"),
        ("1989", "ru", "1989"),
        ("2007-10", "en", "October 2007"),
        ("2007-10", "kk", "2007 жылғы қазан"),
        ("2007-10", "ru", f"октябрь 2007{NBSP}г."),
        ("2015-01", "kk", "2015 жылғы қаңтар"),
        ("2015-08", "ru", f"август 2015{NBSP}г."),
        ("2010-05-01", "en", f"1{NBSP}May 2010"),
        ("2010-05-01", "kk", f"2010 жылғы 1{NBSP}мамыр"),
        ("2010-05-01", "ru", f"1{NBSP}мая 2010{NBSP}г."),
        ("2026-12-01", "kk", f"2026 жылғы 1{NBSP}желтоқсан"),
        ("2026-12-01", "ru", f"1{NBSP}декабря 2026{NBSP}г."),
        ("2017-03-08", "ru", f"8{NBSP}марта 2017{NBSP}г."),
        ("2014-12-31", "en", f"31{NBSP}December 2014"),
    ],
)
def test_dates_read_as_each_language_writes_them(iso: str, lang: str, expected: str) -> None:
    assert format_date(iso, lang) == expected


@pytest.mark.parametrize("bad", ["2010-13", "2010-02-30", "10-05-01", "2010/05/01", "unknown", "2010-5-1", ""])
def test_a_date_the_schema_refuses_is_an_error_not_a_guess(bad: str) -> None:
    with pytest.raises(ValueError):
        format_date(bad, "en")


def test_a_language_without_a_notation_of_its_own_is_written_as_the_default_language() -> None:
    """A language added by configuration alone (Kyrgyz here) gets the default language's notation."""
    with configured(("en", "kk", "ru", "ky")):
        assert format_date("2010-05-01", "ky") == format_date("2010-05-01", "en") == "1\u00a0May 2010"
        assert format_number(13.2, "ky") == "13.2" and format_number(10000, "ky") == "10,000"
    with configured(("ru", "ky")):
        assert format_date("2010-05", "ky") == "май 2010\u00a0г." and format_number(13.2, "ky") == "13,2"


@st.composite
def iso_dates(draw: st.DrawFn) -> str:
    """Any date the schema accepts, written YYYY, YYYY-MM or YYYY-MM-DD."""
    day = draw(st.dates(min_value=datetime.date(1000, 1, 1), max_value=datetime.date(9999, 12, 31)))
    precision = draw(st.sampled_from((4, 7, 10)))
    return day.isoformat()[:precision]


@pytest.mark.slow
@given(iso=iso_dates(), lang=st.sampled_from(("en", "kk", "ru")))
def test_every_valid_date_formats_and_keeps_its_year_and_day(iso: str, lang: str) -> None:
    text = format_date(iso, lang)
    year, *rest = iso.split("-")
    assert year in text
    assert not any(part in text for part in ("-", "/")), text  # no figures-only form left
    if len(rest) == 2:
        assert str(int(rest[1])) in text.replace(year, "")
    if rest:
        assert text != year  # the month is said in words


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (13.2, "en", "13.2"),
        (13.2, "kk", "13,2"),
        (13.2, "ru", "13,2"),
        (1000, "ru", "1000"),
        (30000, "en", "30,000"),
        (30000, "kk", f"30{NBSP}000"),
        (2015, "ru", "2015"),
        (5.0, "kk", "5"),
    ],
)
def test_numbers_read_as_each_language_writes_them(value: float, lang: str, expected: str) -> None:
    assert format_number(value, lang) == expected


def test_years_are_never_grouped() -> None:
    assert format_number(20150, "en", group=False) == "20150"
