"""Errors as one line, and the state of a live preview (``mkdocs serve``).

Every event of the plugin is wrapped in :func:`one_line_errors`, so that no input ends in a
traceback: bad input keeps its ``file:line: message``; an unexpected error becomes one line
naming the input being processed, else the page, else the module.

Under ``mkdocs serve`` bad input does not stop the preview: the error is printed once per
rebuild, the pages are built from the last good data and say so in a banner
(``overrides/partials/sourcekit/serve-banner.html``), and the next rebuild after the fix
clears it. If the very first build has bad input, there is no good data yet: the preview is
then one page per language that waits for the fix, under the same banner.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from mkdocs.exceptions import PluginError

from sourcekit.context import describe, input_of
from sourcekit.errors import InputError
from sourcekit.labels import Labels

if TYPE_CHECKING:
    from mkdocs.structure.files import Files

Params = ParamSpec("Params")
Result = TypeVar("Result")
_log = logging.getLogger("mkdocs.plugins.sourcekit")


@dataclass
class Preview:
    """The state of a ``mkdocs serve`` session (the plugin instance lives as long as it)."""

    serving: bool = False
    problem: InputError | None = None  # the bad input the preview is waiting to be fixed
    has_good_data: bool = False
    page_problems: list[str] = field(default_factory=list)  # pages of this rebuild that failed

    @property
    def waiting(self) -> bool:
        """Bad input and no good data yet: the preview is only a page that waits for the fix."""
        return self.problem is not None and not self.has_good_data

    def page_failed(self, message: str, unchanged: Result) -> Result:
        """Print a page event's error once per rebuild, keep it for the banner, and leave the
        page as it was (a page event returns its first argument, changed)."""
        if message not in self.page_problems:
            self.page_problems.append(message)
            report(message)
        return unchanged

    def banner(self, labels: Labels, lang: str) -> str | None:
        """The banner of a preview built from the last good data (or waiting for it), in ``lang``."""
        if self.problem is None:
            if self.page_problems:
                return labels.get("preview.page_problem", lang, error=self.page_problems[0])
            return None
        key = "preview.waiting" if self.waiting else "preview.last_good"
        return labels.get(key, lang, error=str(self.problem))


class HasPreview:
    """What :func:`one_line_errors` needs of the object whose events it wraps: its preview, and
    optionally an ``event_context()`` that every event runs in."""

    preview: Preview


Owner = TypeVar("Owner", bound=HasPreview)


def one_line_errors(
    event: Callable[Concatenate[Owner, Params], Result],
) -> Callable[Concatenate[Owner, Params], Result]:
    """Let no traceback out of the plugin's ``event``: any error becomes a :class:`PluginError`
    of one line. ``mkdocs build --verbose`` or ``SOURCEKIT_DEBUG=1`` print the traceback too.

    Under ``serve``, a page event that fails (bad input in a page, such as an unknown section
    marker, or a page citing what only the newer data has) prints its line once and leaves the
    page as it is, so that the preview goes on answering; the banner says why.
    """

    @functools.wraps(event)
    def wrapper(owner: Owner, *args: Params.args, **kwargs: Params.kwargs) -> Result:
        preview = owner.preview
        page_event = preview.serving and "page" in kwargs and bool(args)
        event_context = getattr(owner, "event_context", None)
        try:
            with event_context() if event_context else contextlib.nullcontext():
                return event(owner, *args, **kwargs)
        except PluginError as error:
            if not page_event:
                raise
            return preview.page_failed(str(error), args[0])
        except Exception as error:  # noqa: BLE001 - reported as one line, see above
            message = _one_line(error, kwargs.get("page"), event)
            if page_event:
                return preview.page_failed(message, args[0])
            raise PluginError(message) from None

    return wrapper


def _one_line(error: Exception, page: Any, event: Callable[..., Any]) -> str:  # noqa: ANN401 - a Page or None
    if isinstance(error, InputError):
        return str(error)
    page_path = getattr(getattr(page, "file", None), "abs_src_path", None)
    where = input_of(error) or (Path(page_path) if page_path else Path(inspect.getfile(event)))
    if os.environ.get("SOURCEKIT_DEBUG") == "1" or logging.getLogger("mkdocs").isEnabledFor(logging.DEBUG):
        _log.info("The traceback of the error below:", exc_info=error)
    return describe(error, where=where)


def report(problem: InputError | str) -> None:
    """Print the bad input of a ``serve`` rebuild as MkDocs prints an error.

    Not on the ``mkdocs`` logger: in strict mode MkDocs counts every warning and error logged
    there and aborts the build, and an aborted rebuild leaves the server stuck (every request
    waits for a build that succeeds). The line goes to MkDocs' own console handler instead.
    """
    console("sourcekit.serve").error(str(problem))


def console(name: str) -> logging.Logger:
    """A logger that prints on MkDocs' console handler without counting as MkDocs' own."""
    logger = logging.getLogger(name)
    if not logger.handlers:
        handlers = [handler for handler in logging.getLogger("mkdocs").handlers if handler.name == "MkDocsStreamHandler"]
        logger.handlers = handlers or [logging.StreamHandler()]
        logger.propagate = False
        logger.setLevel(logging.INFO)
    return logger


def waiting_files(files: Files) -> Files:
    """Only the home pages (and the theme's assets): without data, no other page can be built."""
    for file in files.documentation_pages():
        if not re.fullmatch(r"index\.[a-z]+\.md", file.src_uri):
            files.remove(file)
    return files
