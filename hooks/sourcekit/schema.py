"""Declarative schemas for the YAML data files: one mechanism checks the shape of every file.

A schema is a tree of a few node types, declared beside its loader and checked once, right
after the file is read::

    BAR = Record(required={"fact": SLUG, "label": Multilingual()}, optional={"value": Number()})
    CHARTS = Record(optional={"charts": ListOf(Record(required={"bars": ListOf(BAR)}))})
    validate(load_yaml(path), CHARTS, path=path)

A refusal is an :class:`InputError` naming the file and the line of the offending node (the
lines that :mod:`yamlio` records for every key and list item): a wrong type, an empty value,
a missing key, an unknown key (with a "did you mean" hint), a bad slug, paragraph ID or date,
a text missing in the default language (or, for the labels, in any language of the site) or
in a language the site does not have (:mod:`sourcekit.languages`). What needs other data (does the cited paragraph
exist? is an ID used twice?) stays with the loaders, which can then read the data without
checking its types again.
"""

from __future__ import annotations

import datetime
import difflib
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError
from .languages import current
from .yamlio import line_at, line_of

_PREVIEW = 60  # characters of a bad value quoted in a message


@dataclass(frozen=True)
class Where:
    """A node's place: its file, its line, and its name (dotted keys from the top of the file)."""

    path: Path
    line: int | None
    name: str = ""
    in_list: bool = False

    @property
    def subject(self) -> str:
        """How a message names the node: ``'title.en'``, ``an item of 'bars'``, ``the file``."""
        if not self.name:
            return "an item of the file" if self.in_list else "the file"
        return f"an item of '{self.name}'" if self.in_list else f"'{self.name}'"

    def key(self, mapping: Any, key: Any) -> Where:
        """The value of ``key`` in ``mapping`` (its line is the key's)."""
        name = f"{self.name}.{key}" if self.name else str(key)
        return Where(self.path, line_at(mapping, key, self.line), name)

    def item(self, sequence: Any, index: int) -> Where:
        """Item ``index`` of the list ``sequence``."""
        return Where(self.path, line_at(sequence, index, self.line), self.name, in_list=True)

    def fail(self, message: str) -> InputError:
        """An :class:`InputError` at this node's file and line."""
        return InputError(self.path, message, line=self.line)


def kind_of(value: Any) -> str:
    """What a YAML value is, in words, for a message: ``a list``, ``the string 'x'``, …"""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the string {preview(value)}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def preview(text: str) -> str:
    """``text`` quoted for a message, shortened to a few dozen characters."""
    return repr(text if len(text) <= _PREVIEW else text[: _PREVIEW - 1] + "…")


def did_you_mean(word: str, choices: Any) -> str:
    """`` (did you mean 'note'?)`` when ``word`` is close to one of ``choices``, else ``""``."""
    close = difflib.get_close_matches(word, [str(choice) for choice in choices], n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


class Schema:
    """A node type. ``expected`` describes a valid value in messages (``a list of …``)."""

    expected: str = "a value"
    types: tuple[type, ...] = (object,)

    def check(self, value: Any, where: Where) -> None:
        """Raise :class:`InputError` at ``where`` unless ``value`` fits."""
        raise NotImplementedError

    def wrong(self, value: Any, where: Where) -> InputError:
        """The error for a value of the wrong type (or none)."""
        if value is None:
            return where.fail(f"{where.subject} is empty; it must be {self.expected}")
        return where.fail(f"{where.subject} must be {self.expected}, not {kind_of(value)}")


class Text(Schema):
    """A string with something in it; optionally one of ``choices``, or matching ``pattern``."""

    types = (str,)

    def __init__(
        self,
        *,
        choices: tuple[str, ...] = (),
        pattern: str | None = None,
        flags: int = 0,
        min_length: int = 1,
        expected: str | None = None,
    ) -> None:
        self.choices = choices
        self.pattern = re.compile(pattern, flags) if pattern else None
        self.min_length = min_length
        if expected:
            self.expected = expected
        elif choices:
            self.expected = "one of " + ", ".join(choices)
        else:
            self.expected = "a non-empty string"

    def check(self, value: Any, where: Where) -> None:
        if not isinstance(value, str):
            raise self.wrong(value, where)
        if not value.strip():
            raise self.wrong(None, where)  # "" or blanks: as good as nothing
        if self.choices and value not in self.choices:
            raise where.fail(f"{where.subject} must be {self.expected}, not {preview(value)}{did_you_mean(value, self.choices)}")
        if len(value.strip()) < self.min_length or (self.pattern and not self.pattern.fullmatch(value)):
            raise where.fail(f"{where.subject} must be {self.expected}, not {preview(value)}")


class Date(Schema):
    """A real calendar date written YYYY, YYYY-MM or YYYY-MM-DD (and ``unknown`` if allowed).

    A bare year may be written unquoted (YAML reads it as a number); the other forms stay
    strings, because :mod:`yamlio` does not turn dates into date objects.
    """

    types = (str, int)
    _FORM = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

    def __init__(self, *, unknown: bool = False) -> None:
        self.unknown = unknown
        self.expected = "a real date YYYY, YYYY-MM or YYYY-MM-DD" + (" or unknown" if unknown else "")

    def check(self, value: Any, where: Where) -> None:
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise self.wrong(value, where)
        text = str(value).strip()
        if self.unknown and text == "unknown":
            return
        form = self._FORM.fullmatch(text)
        try:
            if form is None:
                raise ValueError
            year, month, day = (int(part) if part else 1 for part in form.groups())
            datetime.date(year, month, day)
        except ValueError:
            raise where.fail(f"{where.subject} must be {self.expected}, not {preview(text)}") from None


class Number(Schema):
    """A finite number (``true``/``false`` are not numbers), within bounds if given."""

    types = (int, float)

    def __init__(
        self, *, minimum: float | None = None, maximum: float | None = None, integer: bool = False, expected: str | None = None
    ) -> None:
        self.minimum, self.maximum, self.integer = minimum, maximum, integer
        bounds = ""
        if minimum is not None and maximum is not None:
            bounds = f" from {minimum:g} to {maximum:g}"
        elif minimum is not None:
            bounds = f" of at least {minimum:g}"
        self.expected = expected or ("a whole number" if integer else "a number") + bounds

    def check(self, value: Any, where: Where) -> None:
        allowed = int if self.integer else (int, float)
        if isinstance(value, bool) or not isinstance(value, allowed) or not math.isfinite(value):
            raise self.wrong(value, where)
        if (self.minimum is not None and value < self.minimum) or (self.maximum is not None and value > self.maximum):
            raise where.fail(f"{where.subject} must be {self.expected}, not {value}")


class Boolean(Schema):
    """``true`` or ``false``."""

    types = (bool,)
    expected = "true or false"

    def check(self, value: Any, where: Where) -> None:
        if not isinstance(value, bool):
            raise self.wrong(value, where)


class ListOf(Schema):
    """A list whose every item fits ``item``, with at least ``min_items`` items."""

    types = (list,)

    def __init__(self, item: Schema, *, min_items: int = 0, expected: str | None = None) -> None:
        self.item = item
        self.min_items = min_items
        self.expected = expected or "a list"

    def check(self, value: Any, where: Where) -> None:
        if not isinstance(value, list):
            raise self.wrong(value, where)
        if len(value) < self.min_items:
            raise where.fail(f"{where.subject} needs at least {self.min_items} item{'s' if self.min_items > 1 else ''}")
        for index, item in enumerate(value):
            self.item.check(item, where.item(value, index))


class Record(Schema):
    """A mapping with known keys: each ``required`` key must be there, ``optional`` ones may."""

    types = (dict,)

    def __init__(
        self,
        *,
        required: Mapping[str, Schema] | None = None,
        optional: Mapping[str, Schema] | None = None,
        expected: str | None = None,
    ) -> None:
        self.required = dict(required or {})
        self.optional = dict(optional or {})
        self.fields = {**self.required, **self.optional}
        self.expected = expected or (
            f"a mapping with {_join(list(self.required))}" if self.required else "a mapping"
        )

    def check(self, value: Any, where: Where) -> None:
        if not isinstance(value, dict):
            raise self.wrong(value, where)
        where = Where(where.path, line_of(value, where.line), where.name, where.in_list)
        for key in value:
            if key not in self.fields:
                place = "at the top of the file" if not where.name and not where.in_list else f"in {where.subject}"
                hint = did_you_mean(str(key), self.fields) or f" (known keys: {', '.join(self.fields)})"
                raise where.key(value, key).fail(f"unknown key {preview(str(key))} {place}{hint}")
        for key in self.required:
            if key not in value:
                raise where.fail(f"{where.subject} needs '{key}'")
        for key, item in value.items():
            self.fields[key].check(item, where.key(value, key))


class Multilingual(Schema):
    """A text in the site's languages (:func:`sourcekit.languages.current`), each fitting
    ``item`` (by default a non-empty string).

    Content data (``needs="default"``) needs the default language, the original of the
    site, and may have any other: a text missing in a language is shown in the default one
    (:class:`sourcekit.languages.Texts`). The interface's labels (``needs="every"``) need
    every language. An editors' addition (``needs="none"``) may have any. A language the site
    does not have is refused.
    """

    types = (dict,)

    def __init__(self, item: Schema | None = None, *, needs: str = "default") -> None:
        if needs not in ("default", "every", "none"):
            raise ValueError(needs)
        self.item = item or TEXT
        self.needs = needs

    @property
    def expected(self) -> str:  # type: ignore[override] - the languages are known at check time
        codes = current().codes
        every = ", ".join(codes[:-1]) + " and " + codes[-1] if len(codes) > 1 else codes[0]
        if self.needs == "every" or len(codes) == 1:
            return f"a mapping of {every}"
        if self.needs == "none":
            return f"a mapping of any of {', '.join(codes)}"
        return f"a mapping of {codes[0]} (the site's default language) and any of {', '.join(codes[1:])}"

    def check(self, value: Any, where: Where) -> None:
        if not isinstance(value, dict):
            raise self.wrong(value, where)
        languages = current()
        where = Where(where.path, line_of(value, where.line), where.name, where.in_list)
        for key in value:
            if key not in languages.codes:
                hint = did_you_mean(str(key), languages.codes) or f" (the languages of the site: {', '.join(languages.codes)})"
                raise where.key(value, key).fail(f"{preview(str(key))} in {where.subject} is not a language of the site{hint}")
        for key in {"every": languages.codes, "default": (languages.default,), "none": ()}[self.needs]:
            if key not in value:
                raise where.fail(f"{where.subject} needs '{key}'")
        for key, item in value.items():
            self.item.check(item, where.key(value, key))


class SiteLanguage(Schema):
    """The code of one of the site's languages (:func:`sourcekit.languages.current`)."""

    types = (str,)

    @property
    def expected(self) -> str:  # type: ignore[override] - the languages are known at check time
        return "one of " + ", ".join(current().codes)

    def check(self, value: Any, where: Where) -> None:
        Text(choices=current().codes).check(value, where)


class MapOf(Schema):
    """A mapping whose keys fit ``key`` (a :class:`Text`) and whose values fit ``value``."""

    types = (dict,)

    def __init__(self, key: Text, value: Schema, *, expected: str | None = None) -> None:
        self.key_schema = key
        self.value = value
        self.expected = expected or "a mapping"

    def check(self, value: Any, where: Where) -> None:
        if not isinstance(value, dict):
            raise self.wrong(value, where)
        where = Where(where.path, line_of(value, where.line), where.name, where.in_list)
        for key, item in value.items():
            at = where.key(value, key)
            try:
                self.key_schema.check(key, at)
            except InputError:
                shown = preview(key) if isinstance(key, str) else kind_of(key)
                raise at.fail(f"key {shown} in {where.subject} must be {self.key_schema.expected}") from None
            self.value.check(item, at)


class Either(Schema):
    """The first of ``options`` that accepts the value's type decides; ``expected`` names them all."""

    def __init__(self, *options: Schema, expected: str) -> None:
        self.options = options
        self.expected = expected
        self.types = tuple(kind for option in options for kind in option.types)

    def check(self, value: Any, where: Where) -> None:
        candidates = [
            option
            for option in self.options
            if isinstance(value, option.types) and (bool in option.types or not isinstance(value, bool))
        ]
        for option in candidates:
            try:
                option.check(value, where)
                return
            except InputError:
                if isinstance(value, (list, dict)):
                    raise  # the inner error names the offending item
        if value is None or not candidates:
            raise self.wrong(value, where)
        raise where.fail(f"{where.subject} must be {self.expected}, not {kind_of(value)}")


# The shapes that several files share.
TEXT = Text()
SLUG = Text(pattern=r"[a-z0-9]+(?:-[a-z0-9]+)*", expected="lower-case words joined by hyphens (a-z, 0-9)")
PARAGRAPH_ID = Text(pattern=r"p-[0-9a-f]{6}(?:-\d+)?", expected="a paragraph ID like p-1a2b3c")


def validate(data: Any, schema: Schema, *, path: Path) -> None:
    """Check ``data`` (as loaded by :func:`yamlio.load_yaml` from ``path``) against ``schema``."""
    schema.check(data, Where(path, line_of(data)))


def data_files(folder: Path) -> list[Path]:
    """The files in ``folder``, sorted (none when it does not exist); hidden files left out."""
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.iterdir() if path.is_file() and not path.name.startswith("."))


def _join(words: list[str]) -> str:
    quoted = [f"'{word}'" for word in words]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]
