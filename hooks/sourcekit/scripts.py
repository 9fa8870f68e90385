"""Script loading: every external script of a page runs deferred.

Material writes its bundle, and MkDocs the ``extra_javascript``, as plain ``<script src>``
at the end of the body. Such a script still blocks the parser, and Chromium counts it
against the first paint. ``defer`` runs them in the same order once the page is parsed,
still before ``DOMContentLoaded``, which is all that Material and our scripts wait for.
Inline scripts (the colour scheme, the configuration) are left as they are.
"""

from __future__ import annotations

import re

_EXTERNAL_SCRIPT = re.compile(r'<script\b(?![^>]*(?:\bdefer\b|\basync\b|\btype="module"))([^>]*\bsrc="[^"]+"[^>]*)>')


def defer_scripts(html: str) -> str:
    """Add ``defer`` to every external script that has neither ``defer`` nor ``async``."""
    head_end = html.find("</head>")
    if head_end < 0:
        return html
    # Scripts in <head> (the offline edition's iframe-worker shim) must run before the
    # page's own inline scripts, so only the body's scripts are deferred.
    return html[:head_end] + _EXTERNAL_SCRIPT.sub(r"<script defer\1>", html[head_end:])
