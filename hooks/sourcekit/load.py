"""Load stage: read a seed as strict UTF-8, tolerating a BOM and CRLF line endings."""

from __future__ import annotations

from pathlib import Path

from .errors import InputError


def load_seed(path: Path) -> str:
    """Return the text of ``path`` with ``\\n`` line endings and no BOM.

    Raises :class:`InputError` for a missing, non-UTF-8 or empty file; the message names
    the line of the first bad byte.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "seed file not found") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(
            path, f"not valid UTF-8: byte 0x{data[error.start]:02x} cannot be decoded", line=line
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(path, "seed is empty")
    return text
