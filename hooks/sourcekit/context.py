"""Which input the pipeline is reading, so that an unexpected error can name it.

A stage wraps its work on one file in ``with processing(path):``. An exception that leaves
the block remembers the innermost such file; the hooks then report it as one line
(:func:`describe`) instead of a traceback.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from .errors import display_path

current_input: ContextVar[Path | None] = ContextVar("current_input", default=None)

_INPUT_ATTRIBUTE = "sourcekit_input"


@contextmanager
def processing(path: Path) -> Iterator[Path]:
    """Mark ``path`` as the input being processed inside the block.

    An exception leaving the block keeps the innermost path it was raised under, because
    :data:`current_input` is reset on the way out, before a hook can read it.
    """
    token = current_input.set(Path(path))
    try:
        yield Path(path)
    except Exception as error:
        if getattr(error, _INPUT_ATTRIBUTE, None) is None:
            setattr(error, _INPUT_ATTRIBUTE, Path(path))
        raise
    finally:
        current_input.reset(token)


def input_of(error: BaseException) -> Path | None:
    """The input that was being processed when ``error`` was raised, if known."""
    return getattr(error, _INPUT_ATTRIBUTE, None) or current_input.get()


def describe(error: BaseException, *, where: Path) -> str:
    """One line for an unexpected ``error``: ``where: Type: message``."""
    message = " ".join(str(error).split())
    kind = type(error).__name__
    return f"{display_path(where)}: {kind}: {message}" if message else f"{display_path(where)}: {kind}"
