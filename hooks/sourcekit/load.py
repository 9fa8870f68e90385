"""Load stage: read a seed as strict UTF-8, tolerating a BOM and CRLF line endings.

:func:`read_text` is the one reader of every text input (seeds, YAML data, hand-written
pages): strict UTF-8, no control characters, and a size limit where the caller gives one.
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import InputError

# C0 control characters other than tab, line feed, form feed and carriage return: none has a
# place in a text, and a NUL byte or an escape sequence could only do harm further on.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def read_text(path: Path, *, limit: int | None = None, missing: str = "file not found") -> str:
    """Return the text of ``path`` as strict UTF-8, without a BOM.

    Raises :class:`InputError` when the file is missing (``missing`` says so), larger than
    ``limit`` bytes, not valid UTF-8 or contains a control character; the message names the
    line of the first bad byte or character.
    """
    try:
        with path.open("rb") as stream:
            data = stream.read() if limit is None else stream.read(limit + 1)
    except FileNotFoundError:
        raise InputError(path, missing) from None
    except OSError as error:
        raise InputError(path, f"cannot be read: {error.strerror}") from None
    if limit is not None and len(data) > limit:
        raise InputError(path, f"is larger than {limit:,} bytes, the limit for this kind of file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(
            path, f"not valid UTF-8: byte 0x{data[error.start]:02x} cannot be decoded", line=line
        ) from None
    control = _CONTROL.search(text)
    if control:
        start = control.start()
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        raise InputError(
            path,
            f"contains a control character U+{ord(control.group()):04X} at column {column}; "
            "only tab, line breaks and form feed may appear in a text file",
            line=line,
        )
    return text


def ensure_inside(path: Path, folder: Path) -> None:
    """Refuse ``path`` unless it resolves to a place inside ``folder`` (a link may lead out)."""
    if not path.resolve().is_relative_to(folder.resolve()):
        raise InputError(path, f"is a link to a file outside {folder.name}/; put the file itself in {folder.name}/")


def load_seed(path: Path, *, limit: int | None = None) -> str:
    """Return the text of ``path`` with ``\\n`` line endings and no BOM.

    A form feed (a page break in text extracted from PDF) is kept: the reader tells pages
    apart by it. Raises
    :class:`InputError` for a missing, non-UTF-8 or empty file, a control character, or a
    file that is a link to outside its folder, or one over ``limit`` bytes (a file that grew
    after its size was checked); the message names the line where it can.
    """
    ensure_inside(path, path.parent)
    text = read_text(path, limit=limit, missing="seed file not found")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(path, "seed is empty")
    return text
