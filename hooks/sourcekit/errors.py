"""One error type for bad input: it names the file and, where known, the line."""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """Bad input (seed, catalogue, corrections, translations, labels).

    ``str(error)`` is one line: ``path:line: message`` (``path: message`` without a line),
    which the hooks hand to MkDocs as a build error, so the reader sees no traceback.
    """

    def __init__(self, path: Path | str, message: str, *, line: int | None = None) -> None:
        self.path = Path(path)
        self.line = line
        self.message = message
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = display_path(self.path)
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}"


def display_path(path: Path) -> str:
    """Return ``path`` relative to the working directory when it lies inside it, as compilers
    print file names (MkDocs runs in the project's folder: ``seeds/x.txt:3: …``)."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)
