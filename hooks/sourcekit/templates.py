"""Where generated HTML comes from: the Jinja templates in ``overrides/partials/sourcekit/``.

Every stage that writes HTML renders a template with :func:`render_template`; autoescaping
is on, so text from a seed, a translation or a data file is shown, never run.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

OVERRIDES_DIR = Path(__file__).resolve().parents[2] / "overrides"  # this checkout's: scripts and tests
# The templates of the project being built: its theme's ``custom_dir``, which the MkDocs plugin
# sets for the duration of each event (:func:`templates_from`).
templates_dir: ContextVar[Path] = ContextVar("templates_dir", default=OVERRIDES_DIR)


@contextmanager
def templates_from(directory: Path) -> Iterator[None]:
    """Render the fragments made inside the block from the templates in ``directory``."""
    token = templates_dir.set(Path(directory))
    try:
        yield
    finally:
        templates_dir.reset(token)


@lru_cache(maxsize=2)
def template_environment(overrides_dir: Path = OVERRIDES_DIR) -> jinja2.Environment:
    """A Jinja environment over ``overrides/`` with autoescaping on."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(overrides_dir)),
        # Compiled templates are kept (per user, in the temp folder, keyed by each template's
        # checksum) so that a build does not compile them again: a third of the hooks' time.
        bytecode_cache=jinja2.FileSystemBytecodeCache(),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_template(template: str, /, *, keep_blank_lines: bool = False, **context: Any) -> str:
    """``partials/sourcekit/<template>`` rendered as an HTML fragment without blank lines, so
    that Markdown keeps it as one raw HTML block; ``keep_blank_lines`` for a template that
    wraps several such blocks, which stay apart as they were."""
    html = template_environment(templates_dir.get()).get_template(f"partials/sourcekit/{template}").render(**context)
    if keep_blank_lines:
        return html
    return "\n".join(line for line in html.splitlines() if line.strip())
